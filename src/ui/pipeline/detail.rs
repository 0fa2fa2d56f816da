//! One deal in full: figures, probability (manual or stage default), close-date slips,
//! stale state, its stage history, and buttons to move it without dragging.

use super::{Text, days_short, slips_text, stale_text};
use crate::analytics::pipeline::days_in_stage;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;

pub enum DetailAction {
    None,
    Close,
    Edit,
    Delete,
    Move(Stage),
    OpenCustomer(CustomerId),
}

pub fn show(ui: &mut egui::Ui, cx: &Cx, id: DealId) -> DetailAction {
    let mut action = DetailAction::None;
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let Some(d) = ws.deals.deals.get(id) else {
        return DetailAction::Close;
    };
    let defaults = &ws.settings.stage_probability;
    ui.horizontal(|ui| {
        if ui.button(T::Edit.get(lang)).clicked() {
            action = DetailAction::Edit;
        }
        if ui.button(T::Delete.get(lang)).clicked() {
            action = DetailAction::Delete;
        }
        if ui.button(T::Close.get(lang)).clicked() {
            action = DetailAction::Close;
        }
    });
    ui.add(egui::Label::new(egui::RichText::new(&d.title).heading()).wrap());
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("pipeline_detail")
        .show(ui, |ui| {
            egui::Grid::new("pipeline_detail_grid")
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.weak(Text::Customer.get(lang));
                    if ui
                        .link(ws.customer_name(d.customer))
                        .on_hover_text(Text::OpenCustomer.get(lang))
                        .clicked()
                    {
                        action = DetailAction::OpenCustomer(d.customer);
                    }
                    ui.end_row();
                    let mut row = |k: &str, v: String| {
                        ui.weak(k);
                        ui.add(egui::Label::new(v).wrap());
                        ui.end_row();
                    };
                    row(Text::Stage.get(lang), d.stage.label(lang).to_owned());
                    row(T::Amount.get(lang), money(d.amount));
                    row(
                        Text::Probability.get(lang),
                        probability_text(d, defaults, lang),
                    );
                    row(Text::WeightedAmount.get(lang), money(d.weighted(defaults)));
                    row(T::Owner.get(lang), ws.member_name(d.owner).to_owned());
                    row(Text::Product.get(lang), d.product.clone());
                    row(T::Region.get(lang), d.region.clone());
                    row(
                        T::Source.get(lang),
                        crate::ui::sources::source_text(ws, d.source, lang),
                    );
                    row(T::Created.get(lang), d.created().to_string());
                    row(
                        Text::DaysInStageH.get(lang),
                        days_short(lang, days_in_stage(d, cx.today)),
                    );
                    row(Text::LastActivity.get(lang), d.last_activity.to_string());
                    let mut close = crate::ui::format::date(d.expected_close);
                    if d.close_slips > 0 {
                        let original = crate::ui::format::date(d.original_close);
                        close = format!(
                            "{close}（{}，{} {original}）",
                            slips_text(d.close_slips, lang),
                            Text::OriginalClose.get(lang)
                        );
                        if lang == Lang::En {
                            close = close
                                .replace('（', " (")
                                .replace('）', ")")
                                .replace('，', ", ");
                        }
                    }
                    row(Text::ExpectedClose.get(lang), close);
                    row(Text::NextStep.get(lang), d.next_step.clone());
                    row(
                        Text::NextStepDue.get(lang),
                        crate::ui::format::date(d.next_step_due),
                    );
                    if let Some(on) = d.closed_on() {
                        let key = match d.stage {
                            Stage::Won => super::won::WText::WonDate.get(lang),
                            _ => Text::LostOn.get(lang),
                        };
                        row(key, on.to_string());
                    }
                    if let Some(l) = &d.lost {
                        row(Text::LostReason.get(lang), l.reason.label(lang).to_owned());
                        if !l.note.is_empty() {
                            row(Text::LostNote.get(lang), l.note.clone());
                        }
                    }
                });
            if let Some(limit) = d.stage.open_index().map(|i| ws.settings.stale_days[i]) {
                let idle = days_between(d.last_activity, cx.today);
                if idle > limit as i64 {
                    ui.add_space(4.0);
                    ui.colored_label(ui.visuals().warn_fg_color, stale_text(idle, limit, lang));
                }
            }
            if !d.notes.is_empty() {
                ui.add_space(4.0);
                ui.weak(T::Notes.get(lang));
                ui.add(egui::Label::new(&d.notes).wrap());
            }
            ui.separator();
            ui.strong(Text::MoveTo.get(lang));
            ui.horizontal_wrapped(|ui| {
                for s in Stage::ALL.into_iter().filter(|s| *s != d.stage) {
                    if ui.button(format!("→ {}", s.label(lang))).clicked() {
                        action = DetailAction::Move(s);
                    }
                }
            });
            ui.separator();
            ui.strong(Text::History.get(lang));
            egui::Grid::new("pipeline_history")
                .num_columns(2)
                .spacing([12.0, 2.0])
                .show(ui, |ui| {
                    for h in d.history.iter().rev() {
                        ui.label(h.date.to_string());
                        ui.label(h.stage.label(lang));
                        ui.end_row();
                    }
                });
        });
    action
}

/// "65%（手动）" or "50%（阶段默认）".
pub fn probability_text(d: &Deal, defaults: &[u8; 4], lang: Lang) -> String {
    let p = d.probability(defaults);
    let source = if !d.stage.is_open() {
        return format!("{p}%");
    } else if d.probability_override.is_some() {
        Text::Manual.get(lang)
    } else {
        Text::StageDefault.get(lang)
    };
    Text::probability(lang, p, source)
}
