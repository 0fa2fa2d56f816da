//! Events side by side: kind, status, budget, cost, leads, wins, revenue, cost per lead
//! and ROI, sortable by any column.

use super::Text;
use crate::analytics::promotions::EventFigures;
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, percent};
use crate::ui::widgets::table::{Sort, sort_header};
use egui_extras::Column;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Col {
    Name,
    Kind,
    Status,
    Start,
    Budget,
    Cost,
    Leads,
    Won,
    Revenue,
    PerLead,
    #[default]
    Roi,
}

pub struct CompareState {
    sort: Sort<Col>,
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            sort: Sort {
                column: Col::Roi,
                descending: true,
            },
        }
    }
}

/// Orders two optional figures by `dir`, the missing ones last whichever the direction.
fn missing_last(a: Option<f64>, b: Option<f64>, dir: impl Fn(Ordering) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => dir(x.total_cmp(&y)),
        _ => a.is_none().cmp(&b.is_none()),
    }
}

/// Sorts events by `sort`, ties by name.
pub fn sort_events(rows: &mut [EventFigures], sort: Sort<Col>) {
    let kind = |f: &EventFigures| {
        (
            f.kind.group(),
            PromotionKind::ALL.iter().position(|k| *k == f.kind),
        )
    };
    let status = |f: &EventFigures| PromotionStatus::ALL.iter().position(|s| *s == f.status);
    rows.sort_by(|a, b| {
        let dir = |o: Ordering| if sort.descending { o.reverse() } else { o };
        let o = match sort.column {
            Col::Name => dir(a.name.cmp(&b.name)),
            Col::Kind => dir(kind(a).cmp(&kind(b))),
            Col::Status => dir(status(a).cmp(&status(b))),
            Col::Start => dir(a.start.cmp(&b.start)),
            Col::Budget => dir(a.budget.cmp(&b.budget)),
            Col::Cost => dir(a.cost().cmp(&b.cost())),
            Col::Leads => dir(a.leads.actual.cmp(&b.leads.actual)),
            Col::Won => dir(a.deals.actual.cmp(&b.deals.actual)),
            Col::Revenue => dir(a.revenue.actual.cmp(&b.revenue.actual)),
            Col::PerLead => missing_last(a.cost_per_lead(), b.cost_per_lead(), dir),
            Col::Roi => missing_last(a.roi(), b.roi(), dir),
        };
        o.then_with(|| a.name.cmp(&b.name))
    });
}

impl CompareState {
    /// The table; the event whose name was clicked.
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) -> Option<PromotionId> {
        let lang = cx.lang;
        let mut rows = super::event_figures(cx).to_vec();
        if rows.is_empty() {
            ui.label(Text::NoEvents.get(lang));
            return None;
        }
        sort_events(&mut rows, self.sort);
        ui.weak(Text::RoiHow.get(lang));
        let mut open = None;
        crate::ui::widgets::table::wide_in_page(ui, "promotion_compare_scroll", lang, |ui| {
            egui_extras::TableBuilder::new(ui)
                .id_salt("promotion_compare")
                .striped(true)
                .column(Column::auto().at_least(160.0))
                .columns(Column::auto().at_least(70.0), 10)
                .header(22.0, |mut h| {
                    for (col, text) in [
                        (Col::Name, Text::Event),
                        (Col::Kind, Text::Kind),
                        (Col::Status, Text::Status),
                        (Col::Start, Text::Start),
                        (Col::Budget, Text::BudgetShown),
                        (Col::Cost, Text::Cost),
                        (Col::Leads, Text::Leads),
                        (Col::Won, Text::WonDeals),
                        (Col::Revenue, Text::Revenue),
                        (Col::PerLead, Text::CostPerLead),
                        (Col::Roi, Text::Roi),
                    ] {
                        h.col(|ui| sort_header(ui, text.get(lang), col, &mut self.sort));
                    }
                })
                .body(|body| {
                    body.rows(22.0, rows.len(), |mut row| {
                        let f = &rows[row.index()];
                        row.col(|ui| {
                            if ui.link(&f.name).clicked() {
                                open = Some(f.id);
                            }
                        });
                        let cells = [
                            format!("{} · {}", f.kind.group().label(lang), f.kind.label(lang)),
                            f.status.label(lang).to_owned(),
                            f.start.to_string(),
                            money(f.budget),
                            money(f.cost()),
                            f.leads.actual.to_string(),
                            f.deals.actual.to_string(),
                            money(Money(f.revenue.actual)),
                            f.lead_cost().map_or_else(|| "—".into(), money),
                            percent(f.roi()),
                        ];
                        for c in cells {
                            row.col(|ui| {
                                ui.label(c);
                            });
                        }
                    });
                });
        });
        open
    }
}
