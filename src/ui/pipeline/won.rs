//! The "won" dialog: a move to Won (a drag or "move to") asks, as Lost does, for the
//! date it was won (today by default) and the final amount (the deal's by default), in
//! one small dialog. The win is one undoable change: the amount, the stage history
//! dated as given, and the loyalty points it earns.

use super::{Text, put_deal};
use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money_input;
use crate::ui::widgets::{form, keys};

crate::texts! {
    pub enum WText {
        WonTitle => "标记为签约", "Mark as won";
        WonAsk => "请确认签约日期和最终金额。", "Confirm the date it was won and the final amount.";
        WonDate => "签约日期", "Won on";
        FinalAmount => "最终金额（元）", "Final amount (¥)";
        MarkWon => "确认签约", "Mark won";
    }
}

/// A move to Won waiting for its date and amount.
#[derive(Debug, Clone, PartialEq)]
pub struct WonDialog {
    pub deal: DealId,
    pub date: String,
    pub amount: String,
    pub errors: Errors,
}

impl WonDialog {
    pub fn new(d: &Deal, today: chrono::NaiveDate) -> WonDialog {
        WonDialog {
            deal: d.id,
            date: today.format("%Y-%m-%d").to_string(),
            amount: money_input(d.amount),
            errors: Errors::new(),
        }
    }

    /// The deal as won, or the problems at their fields. The date may not be before the
    /// deal was created.
    pub fn build(&self, d: &Deal) -> Result<Deal, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "won_date", parse_date(&self.date));
        let amount = form::parse_into(&mut e, "won_amount", parse_money(&self.amount));
        if date.is_some_and(|day| day < d.created()) {
            e.add("won_date", Problem::Before("created"));
        }
        let (Some(date), Some(amount)) = (date, amount) else {
            return Err(e);
        };
        e.into_result()?;
        let mut won = d.clone();
        won.amount = amount;
        won.move_to(Stage::Won, date, None).map_err(|p| {
            let mut e = Errors::new();
            e.add("won_date", p);
            e
        })?;
        Ok(won)
    }
}

/// Draws the dialog while one is open; confirms, or closes on Cancel or Escape.
pub fn show(slot: &mut Option<WonDialog>, ctx: &egui::Context, cx: &mut Cx) {
    let Some(dlg) = slot else {
        return;
    };
    let lang = cx.lang;
    let Some(deal) = cx.doc.ws().deals.deals.get(dlg.deal).cloned() else {
        *slot = None;
        return;
    };
    let mut confirmed = false;
    let mut cancelled = false;
    let r = egui::Modal::new(egui::Id::unique("pipeline_won_dialog")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        ui.heading(WText::WonTitle.get(lang));
        ui.label(deal.title.as_str());
        ui.add_space(4.0);
        ui.weak(WText::WonAsk.get(lang));
        form::grid(ui, "won_dialog", |ui| {
            let w = |t: WText| t.get(lang);
            form::date(
                ui,
                w(WText::WonDate),
                &mut dlg.date,
                "won_date",
                &dlg.errors,
                lang,
            );
            form::text(
                ui,
                w(WText::FinalAmount),
                &mut dlg.amount,
                "won_amount",
                &dlg.errors,
                lang,
            );
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            confirmed = keys::save_button(ui, WText::MarkWon.get(lang));
            cancelled = keys::cancel_button(ui, T::Cancel.get(lang));
        });
    });
    if cancelled || (r.should_close() && !confirmed) {
        *slot = None;
        return;
    }
    if !confirmed {
        return;
    }
    match dlg.build(&deal) {
        Ok(won) => {
            let label = format!(
                "{} {}: {} → {}",
                Text::Move.get(lang),
                won.title,
                deal.stage.label(lang),
                Stage::Won.label(lang)
            );
            let change = put_deal(cx, won);
            match cx.apply_and_report(change, label.clone(), label) {
                Ok(_) => *slot = None,
                Err(e) => dlg.errors = e,
            }
        }
        Err(e) => dlg.errors = e,
    }
}

/// The line a won card shows instead of its (now stale) next step: "签约于 2026-11-20".
pub fn won_on(d: &Deal, lang: crate::i18n::Lang) -> Option<String> {
    if d.stage != Stage::Won {
        return None;
    }
    let day = d.entered(Stage::Won)?;
    Some(format!(
        "{}{}{day}",
        WText::WonDate.get(lang),
        crate::ui::format::colon(lang)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_won_text_is_in_both_languages() {
        for t in WText::ALL {
            assert!(!t.get(crate::i18n::Lang::Zh).is_empty());
            assert!(!t.get(crate::i18n::Lang::En).is_empty());
        }
    }
}
