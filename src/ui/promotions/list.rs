//! All events, shown grouped by their four kinds (促销, 体验, 奖励, 合作), each with its
//! sub-kind, status, schedule, budget and progress.

use super::Text;
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;
use crate::ui::me::heading_with_add;

/// What the list asks of the page.
pub enum Ask {
    Open(PromotionId),
    New,
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx) -> Option<Ask> {
    let lang = cx.lang;
    let mut ask = None;
    if heading_with_add(ui, Text::TabEvents.get(lang), Text::NewEvent.get(lang)) {
        ask = Some(Ask::New);
    }
    let ws = cx.doc.ws();
    if ws.promotions.promotions.is_empty() {
        ui.label(Text::NoEvents.get(lang));
        return ask;
    }
    for g in KindGroup::ALL {
        let mut events: Vec<&Promotion> = ws
            .promotions
            .promotions
            .iter()
            .filter(|p| p.kind.group() == g)
            .collect();
        if events.is_empty() {
            continue;
        }
        events.sort_by_key(|p| (std::cmp::Reverse(p.start), p.id));
        ui.add_space(8.0);
        ui.strong(g.label(lang));
        egui::Grid::new(("promotion_group", g as u8))
            .num_columns(6)
            .striped(true)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for p in events {
                    if ui.link(&p.name).clicked() {
                        ask = Some(Ask::Open(p.id));
                    }
                    ui.label(p.kind.label(lang));
                    ui.label(p.status.label(lang));
                    ui.label(format!("{} – {}", p.start, p.end));
                    ui.label(money(p.budget));
                    ui.label(match p.progress() {
                        Some((done, all)) => Text::progress_short(lang, done, all),
                        None => Text::NotSet.get(lang).to_owned(),
                    });
                    ui.end_row();
                }
            });
    }
    ask
}
