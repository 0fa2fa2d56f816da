//! Spend by channel and by event next to the categories: the period's expenses grouped
//! by what they are linked to (`analytics::spend_by_source`).

use crate::analytics::spend_by_source;
use crate::model::{Money, Period, SourceRef};
use crate::ui::Cx;
use crate::ui::format::money;

crate::texts! {
    /// Words of the spend-by-source section.
    pub enum Text {
        ByChannel => "按渠道的支出", "Spend by channel";
        ByEvent => "按活动的支出", "Spend by event";
        Unlinked => "未关联渠道或活动的支出", "Not linked to a channel or event";
        NoneLinked => "本期没有关联到渠道或活动的支出。", "No expense of this period is linked to a channel or an event.";
    }
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, period: Period) {
    let lang = cx.lang;
    let ws = cx.doc.ws();
    let spend = spend_by_source(ws, period);
    let linked: Money = spend
        .iter()
        .map(|(_, m)| *m)
        .fold(Money::ZERO, |a, b| a + b);
    let total: Money = ws
        .budget
        .expenses
        .iter()
        .filter(|e| period.contains(e.date))
        .fold(Money::ZERO, |a, e| a + e.amount);
    if spend.is_empty() {
        ui.label(Text::NoneLinked.get(lang));
        return;
    }
    ui.horizontal_top(|ui| {
        for (heading, channel) in [(Text::ByChannel, true), (Text::ByEvent, false)] {
            ui.vertical(|ui| {
                ui.strong(heading.get(lang));
                egui::Grid::new(("budget_by_source", channel))
                    .striped(true)
                    .show(ui, |ui| {
                        for (s, m) in &spend {
                            if matches!(s, SourceRef::Channel(_)) == channel {
                                ui.label(ws.source_name(*s));
                                ui.label(money(*m));
                                ui.end_row();
                            }
                        }
                    });
            });
            ui.add_space(24.0);
        }
    });
    ui.weak(format!(
        "{}{}{}",
        Text::Unlinked.get(lang),
        crate::ui::format::colon(lang),
        money(total - linked)
    ));
}
