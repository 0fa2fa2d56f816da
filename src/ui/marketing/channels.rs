//! 营销渠道 and 营销效果评估: each channel's planned budget, actual cost (linked
//! expenses), leads, wins, revenue, cost per lead and per won deal, and ROI, for any
//! period, as a sortable table and a chart; the channel form.

use super::{Text, checked, edit, heading_with_add, row_buttons};
use crate::analytics::{SourceFigures, channel_figures};
use crate::i18n::{Label, Lang};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::charts::{BarsSpec, LineSpec, SERIES_COLORS, bars_with_line};
use crate::ui::format::{money, money_input, money_short, paren, percent};
use crate::ui::me::{Editor, first_field};
use crate::ui::widgets::form;
use crate::ui::widgets::period::{PeriodKind, PeriodPicker};
use crate::ui::widgets::table::{Sort, sort_header};
use egui_extras::Column;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Col {
    Name,
    Kind,
    Planned,
    Cost,
    Leads,
    Won,
    #[default]
    Revenue,
    PerLead,
    PerWon,
    Roi,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChannelDraft {
    pub id: ChannelId,
    pub name: String,
    pub kind: ChannelKind,
    pub planned: String,
    pub notes: String,
    pub active: bool,
}

impl Default for ChannelDraft {
    fn default() -> Self {
        ChannelDraft {
            id: ChannelId(0),
            name: String::new(),
            kind: ChannelKind::Online,
            planned: "0".into(),
            notes: String::new(),
            active: true,
        }
    }
}

impl ChannelDraft {
    pub fn of(c: &Channel) -> Self {
        ChannelDraft {
            id: c.id,
            name: c.name.clone(),
            kind: c.kind,
            planned: money_input(c.planned_budget),
            notes: c.notes.clone(),
            active: c.active,
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let planned = form::parse_into(&mut e, "planned_budget", parse_money(&self.planned));
        let c = Channel {
            id: self.id,
            name: self.name.trim().to_owned(),
            kind: self.kind,
            notes: self.notes.trim_end().to_owned(),
            active: self.active,
            planned_budget: planned.unwrap_or_default(),
        };
        checked(e, Record::Channel(c))
    }
}

pub struct ChannelsState {
    pub form: Option<Editor<ChannelDraft>>,
    period: PeriodPicker,
    sort: Sort<Col>,
}

impl Default for ChannelsState {
    fn default() -> Self {
        ChannelsState {
            form: None,
            period: PeriodPicker::new(PeriodKind::Year),
            sort: Sort {
                column: Col::Revenue,
                descending: true,
            },
        }
    }
}

/// Orders two optional ratios, the missing ones last whichever the direction.
fn opt(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.total_cmp(&y);
            if descending { o.reverse() } else { o }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts the rows by `sort` (ties by name).
pub fn sort_rows(rows: &mut [SourceFigures], sort: Sort<Col>, lang: Lang, ws: &Workspace) {
    let kind = |f: &SourceFigures| match f.source {
        SourceRef::Channel(c) => ws
            .marketing
            .channels
            .get(c)
            .map_or("", |c| c.kind.label(lang)),
        SourceRef::Promotion(_) => "",
    };
    rows.sort_by(|a, b| {
        let dir = |o: Ordering| if sort.descending { o.reverse() } else { o };
        let o = match sort.column {
            Col::Name => dir(a.name.cmp(&b.name)),
            Col::Kind => dir(kind(a).cmp(kind(b))),
            Col::Planned => dir(a.planned.cmp(&b.planned)),
            Col::Cost => dir(a.cost.cmp(&b.cost)),
            Col::Leads => dir(a.deals.cmp(&b.deals)),
            Col::Won => dir(a.won_count.cmp(&b.won_count)),
            Col::Revenue => dir(a.revenue.cmp(&b.revenue)),
            Col::PerLead => opt(a.cost_per_lead(), b.cost_per_lead(), sort.descending),
            Col::PerWon => opt(a.cost_per_won(), b.cost_per_won(), sort.descending),
            Col::Roi => opt(a.roi(), b.roi(), sort.descending),
        };
        o.then_with(|| a.name.cmp(&b.name))
    });
}

fn per(minor: Option<f64>) -> String {
    minor.map_or_else(|| "—".into(), |m| money(Money(m.round() as i64)))
}

impl ChannelsState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::TabChannels.get(lang), Text::NewChannel.get(lang)) {
            self.form = Some(Editor::new(ChannelDraft::default()));
        }
        self.form_ui(ui, cx);
        self.period.show(ui, lang, cx.today);
        let period = self.period.period(cx.today);
        let ws = cx.doc.ws().clone();
        // A pass over every deal and expense: once per change and period, not per frame.
        let mut rows = cx
            .cache
            .get_or_compute(cx.doc.revision(), "channel_figures", period, || {
                channel_figures(&ws, period)
            })
            .clone();
        if rows.is_empty() {
            ui.label(Text::NoChannels.get(lang));
            return;
        }
        sort_rows(&mut rows, self.sort, lang, &ws);
        ui.weak(Text::RoiHow.get(lang));
        if let Some(best) = rows
            .iter()
            .filter(|f| f.roi().is_some())
            .max_by(|a, b| a.roi().unwrap_or(0.0).total_cmp(&b.roi().unwrap_or(0.0)))
        {
            let roi = format!("{} {}", Text::Roi.get(lang), percent(best.roi()));
            ui.label(format!(
                "{} {}{}",
                Text::BestChannel.get(lang),
                best.name,
                paren(lang, &roi)
            ));
        }
        let mut open = None;
        let mut remove = None;
        crate::ui::widgets::table::wide_in_page(ui, "channel_table", lang, |ui| {
            let table = egui_extras::TableBuilder::new(ui)
                .id_salt("channels")
                .striped(true)
                .column(Column::auto().at_least(140.0))
                .columns(Column::auto().at_least(70.0), 10)
                .column(Column::auto());
            table
                .header(22.0, |mut h| {
                    for (col, text) in [
                        (Col::Name, Text::Channel),
                        (Col::Kind, Text::Kind),
                        (Col::Planned, Text::Planned),
                        (Col::Cost, Text::Cost),
                        (Col::Leads, Text::Leads),
                        (Col::Won, Text::Won),
                        (Col::Revenue, Text::Revenue),
                        (Col::PerLead, Text::CostPerLead),
                        (Col::PerWon, Text::CostPerWon),
                        (Col::Roi, Text::Roi),
                    ] {
                        h.col(|ui| sort_header(ui, text.get(lang), col, &mut self.sort));
                    }
                    h.col(|_| {});
                    h.col(|_| {});
                })
                .body(|body| {
                    body.rows(22.0, rows.len(), |mut row| {
                        let f = &rows[row.index()];
                        let SourceRef::Channel(id) = f.source else {
                            return;
                        };
                        let channel = ws.marketing.channels.get(id);
                        let kind = channel.map_or("", |c| c.kind.label(lang));
                        let cells = [
                            f.name.clone(),
                            kind.to_string(),
                            money(f.planned),
                            money(f.cost),
                            f.deals.to_string(),
                            f.won_count.to_string(),
                            money(f.revenue),
                            per(f.cost_per_lead()),
                            per(f.cost_per_won()),
                            percent(f.roi()),
                        ];
                        for c in cells {
                            row.col(|ui| {
                                ui.label(c);
                            });
                        }
                        row.col(|ui| {
                            let (e, d) = row_buttons(ui, lang);
                            if e {
                                open = channel.map(ChannelDraft::of);
                            }
                            if d {
                                remove = Some((id, f.name.clone()));
                            }
                        });
                        row.col(|_| {});
                    });
                });
        });
        if let Some(d) = open {
            self.form = Some(Editor::new(d));
        }
        if let Some((id, name)) = remove {
            super::delete(cx, RecordKey::Channel(id), &name, Text::Blocked);
        }
        chart(ui, &rows, lang);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let title = match &self.form {
            Some(ed) if ed.draft.id.0 != 0 => Text::EditChannel,
            _ => Text::NewChannel,
        };
        edit(
            ui,
            cx,
            &mut self.form,
            ("channel_form", title, Text::ChannelSaved),
            |ui, d, errors, fresh| {
                let r = form::text(ui, Text::Name.get(lang), &mut d.name, "name", errors, lang);
                first_field(r, fresh);
                form::choice(
                    ui,
                    Text::Kind.get(lang),
                    &mut d.kind,
                    &ChannelKind::ALL,
                    lang,
                );
                form::text(
                    ui,
                    Text::Planned.get(lang),
                    &mut d.planned,
                    "planned_budget",
                    errors,
                    lang,
                );
                form::checkbox(ui, Text::InUse.get(lang), &mut d.active);
                form::multiline(
                    ui,
                    Text::Notes.get(lang),
                    &mut d.notes,
                    "notes",
                    errors,
                    lang,
                );
            },
            |d, _| d.build(),
        );
    }
}

/// Revenue bars with the cost as a line, one slot per channel, in the table's order.
fn chart(ui: &mut egui::Ui, rows: &[SourceFigures], lang: Lang) {
    ui.add_space(8.0);
    ui.strong(Text::RevenueVsCost.get(lang));
    let labels: Vec<String> = rows.iter().map(|f| f.name.clone()).collect();
    let revenue: Vec<f64> = rows.iter().map(|f| f.revenue.0 as f64).collect();
    let cost: Vec<Option<f64>> = rows.iter().map(|f| Some(f.cost.0 as f64)).collect();
    let alt = rows
        .iter()
        .map(|f| {
            format!(
                "{} {} / {}",
                f.name,
                money_short(f.revenue, lang),
                money_short(f.cost, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    bars_with_line(
        ui,
        "marketing_channels_chart",
        &labels,
        BarsSpec {
            name: Text::Revenue.get(lang),
            values: &revenue,
            color: SERIES_COLORS[0],
        },
        Some(LineSpec {
            name: Text::Cost.get(lang),
            values: &cost,
            color: SERIES_COLORS[1],
        }),
        move |v| money_short(Money(v.round() as i64), lang),
        220.0,
        &alt,
    );
}
