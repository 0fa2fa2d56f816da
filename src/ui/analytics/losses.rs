//! The loss analysis section of the Analytics page (`analytics::losses`): why deals
//! were lost, whose, from which stage, and when. Amounts are full (a table), and every
//! table's amounts add up to the total shown.

use crate::analytics::{DealFilter, LossAnalysis, Lost, losses};
use crate::i18n::{Label, Lang, T};
use crate::model::Period;
use crate::ui::Cx;
use crate::ui::format::money;
use egui::{RichText, Ui};
use std::sync::Arc;

crate::texts! {
    pub enum LText {
        Title => "流失分析（本期流失的商机）", "Loss analysis (deals lost in the period)";
        Summary => "本期流失", "Lost in the period";
        ByReason => "按原因", "By reason";
        ByRep => "按销售代表", "By rep";
        ByStage => "按流失前阶段", "By stage lost from";
        ByMonth => "按月份", "By month";
        Deals => "商机数", "Deals";
        NoLosses => "本期没有流失的商机。", "No deals were lost in this period.";
    }
    fn {
        summary(label, deals, amount) => "{label}{deals}，{amount}", "{label}{deals}, {amount}";
        month(y, m) => "{y}年{m}月", "{y}-{m:02}";
    }
}

/// "本期流失：3 个商机，¥450.00" / "Lost in the period: 3 deals, ¥450.00".
pub fn summary(lang: Lang, total: Lost) -> String {
    let label = format!(
        "{}{}",
        LText::Summary.get(lang),
        crate::ui::format::colon(lang)
    );
    let deals = crate::ui::counts::plural(lang, total.count as usize, "个商机", "deal", "deals");
    LText::summary(lang, label, deals, money(total.amount))
}

fn table(ui: &mut Ui, id: &str, title: LText, lang: Lang, rows: Vec<(String, Lost)>) {
    ui.vertical(|ui| {
        ui.strong(title.get(lang));
        egui::Grid::new(id)
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                ui.weak("");
                ui.weak(LText::Deals.get(lang));
                ui.weak(T::Amount.get(lang));
                ui.end_row();
                for (name, l) in rows {
                    ui.label(name);
                    ui.label(l.count.to_string());
                    ui.label(money(l.amount));
                    ui.end_row();
                }
            });
    });
}

fn month_name(lang: Lang, (y, m): (i32, u32)) -> String {
    LText::month(lang, y, m)
}

/// Draws the section for `period` and `filter` (computed once per revision, period and
/// filter).
pub fn show(ui: &mut Ui, cx: &mut Cx, period: Period, filter: &DealFilter) {
    let lang = cx.lang;
    let rev = cx.doc.revision();
    let ws = &cx.doc.ws();
    let a: Arc<LossAnalysis> = cx
        .cache
        .get_or_compute(rev, "an_losses", (period, filter.clone()), || {
            Arc::new(losses(ws, period, filter))
        })
        .clone();
    ui.heading(LText::Title.get(lang));
    if a.total.count == 0 {
        ui.weak(LText::NoLosses.get(lang));
        return;
    }
    ui.label(RichText::new(summary(lang, a.total)).strong());
    let ws = &cx.doc.ws();
    // Two tables a row, so the section holds at 1024 px wide.
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 28.0;
        let reasons = a
            .by_reason
            .iter()
            .filter(|(_, l)| l.count > 0)
            .map(|(r, l)| (r.label(lang).to_owned(), *l))
            .collect();
        table(ui, "loss_by_reason", LText::ByReason, lang, reasons);
        let reps = a
            .by_rep
            .iter()
            .map(|(m, l)| (ws.member_name(*m).to_owned(), *l))
            .collect();
        table(ui, "loss_by_rep", LText::ByRep, lang, reps);
    });
    ui.add_space(6.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 28.0;
        let stages = a
            .by_stage
            .iter()
            .map(|(s, l)| (s.label(lang).to_owned(), *l))
            .collect();
        table(ui, "loss_by_stage", LText::ByStage, lang, stages);
        let months = a
            .by_month
            .iter()
            .map(|(m, l)| (month_name(lang, *m), *l))
            .collect();
        table(ui, "loss_by_month", LText::ByMonth, lang, months);
    });
}
