//! The list view: every deal that passes the filter as a sortable table with virtual
//! rows (the order is computed once per revision and sort, see `PipelinePage::rows`).

use super::{Text, days_short};
use crate::analytics::pipeline::{ListColumn, days_in_stage};
use crate::i18n::{Label, T};
use crate::model::DealId;
use crate::ui::Cx;
use crate::ui::format::{date, money_short};
use crate::ui::widgets::table::{Sort, sort_header};
use egui_extras::Column;

/// Draws the table (an overlay `covers` px wide may lie over its right part); returns
/// the deal whose row was clicked.
pub fn show(
    ui: &mut egui::Ui,
    cx: &Cx,
    rows: &[DealId],
    sort: &mut Sort<ListColumn>,
    selected: Option<DealId>,
    scroll_to: Option<usize>,
    covers: f32,
) -> Option<DealId> {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let defaults = &ws.settings.stage_probability;
    if rows.is_empty() {
        ui.label(T::NoMatch.get(lang));
        return None;
    }
    let mut clicked = None;
    crate::ui::widgets::table::wide_under_overlay(ui, "pipeline_list", lang, covers, |ui| {
        let mut table = crate::ui::widgets::table::row_picker(ui, "pipeline_list")
            .column(Column::initial(200.0).at_least(100.0).clip(true))
            .column(Column::initial(160.0).at_least(80.0).clip(true))
            .column(Column::initial(110.0).clip(true))
            .column(Column::initial(90.0))
            .column(Column::initial(60.0))
            .column(Column::initial(90.0))
            .column(Column::initial(70.0).clip(true))
            .column(Column::initial(96.0))
            .column(Column::initial(80.0))
            .column(Column::remainder().at_least(96.0));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .header(24.0, |mut h| {
                let heads = [
                    (Text::DealTitle.get(lang), ListColumn::Title),
                    (Text::Customer.get(lang), ListColumn::Customer),
                    (Text::Stage.get(lang), ListColumn::Stage),
                    (T::Amount.get(lang), ListColumn::Amount),
                    (Text::Probability.get(lang), ListColumn::Probability),
                    (Text::WeightedAmount.get(lang), ListColumn::Weighted),
                    (T::Owner.get(lang), ListColumn::Owner),
                    (Text::ExpectedClose.get(lang), ListColumn::ExpectedClose),
                    (Text::DaysInStageH.get(lang), ListColumn::DaysInStage),
                    (Text::NextStepDue.get(lang), ListColumn::NextStepDue),
                ];
                for (label, col) in heads {
                    h.col(|ui| sort_header(ui, label, col, sort));
                }
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let id = rows[row.index()];
                    let Some(d) = ws.deals.deals.get(id) else {
                        return;
                    };
                    row.set_selected(selected == Some(id));
                    row.col(|ui| {
                        ui.label(&d.title);
                    });
                    row.col(|ui| {
                        ui.label(ws.customer_name(d.customer));
                    });
                    row.col(|ui| {
                        ui.label(d.stage.label(lang));
                    });
                    row.col(|ui| {
                        ui.label(money_short(d.amount, lang));
                    });
                    row.col(|ui| {
                        let p = d.probability(defaults);
                        if d.probability_override.is_some() && d.stage.is_open() {
                            ui.label(format!("{p}%*"))
                                .on_hover_text(Text::Manual.get(lang));
                        } else {
                            ui.label(format!("{p}%"));
                        }
                    });
                    row.col(|ui| {
                        ui.label(money_short(d.weighted(defaults), lang));
                    });
                    row.col(|ui| {
                        ui.label(ws.member_name(d.owner));
                    });
                    row.col(|ui| {
                        ui.label(date(d.expected_close));
                    });
                    row.col(|ui| {
                        ui.label(days_short(lang, days_in_stage(d, cx.today)));
                    });
                    row.col(|ui| {
                        ui.label(date(d.next_step_due));
                    });
                    if row.response().clicked() {
                        clicked = Some(id);
                    }
                });
            });
    });
    clicked
}
