//! "Explain this number": the won deals an attainment counts, with their sum.

use crate::analytics::contributing_deals;
use crate::i18n::T;
use crate::model::{DealId, MemberId, Money, Period, RecordKey};
use crate::ui::format::money;
use crate::ui::{Cx, Page};

crate::texts! {
    pub enum Text {
        Title => "计入达成率的成交商机", "Won deals behind this attainment";
        Nothing => "本期没有成交商机。", "No deal was won in this period.";
        Total => "合计", "Total";
        OpenHint => "点击商机在销售流程中打开", "Click a deal to open it in the Pipeline";
    }
}

pub struct Explain {
    member: Option<MemberId>,
    period: Period,
    deals: Option<Vec<DealId>>,
}

impl Explain {
    pub fn new(member: Option<MemberId>, period: Period) -> Explain {
        Explain {
            member,
            period,
            deals: None,
        }
    }

    /// Draws the dialog; false once it is closed.
    pub fn show(&mut self, ctx: &egui::Context, cx: &mut Cx) -> bool {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let deals = self
            .deals
            .get_or_insert_with(|| contributing_deals(ws, self.period, self.member));
        let who = match self.member {
            Some(m) => ws.member_name(m).to_owned(),
            None => T::Team.get(lang).to_owned(),
        };
        let mut open = None;
        let r = egui::Modal::new(egui::Id::unique("explain_attainment")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(Text::Title.get(lang));
            ui.label(format!(
                "{who} · {}",
                crate::ui::widgets::period::label(lang, self.period)
            ));
            ui.separator();
            if deals.is_empty() {
                ui.label(Text::Nothing.get(lang));
            }
            let mut total = Money::ZERO;
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("explain_deals")
                        .num_columns(4)
                        .striped(true)
                        .show(ui, |ui| {
                            for id in deals.iter() {
                                let Some(d) = ws.deals.deals.get(*id) else {
                                    continue;
                                };
                                total += d.amount;
                                if ui
                                    .link(&d.title)
                                    .on_hover_text(Text::OpenHint.get(lang))
                                    .clicked()
                                {
                                    open = Some(*id);
                                }
                                ui.label(ws.customer_name(d.customer));
                                ui.label(d.stage_since().to_string());
                                ui.label(money(d.amount));
                                ui.end_row();
                            }
                        });
                });
            ui.separator();
            ui.strong(format!("{} {}", Text::Total.get(lang), money(total)));
            ui.button(T::Close.get(lang)).clicked()
        });
        if let Some(id) = open {
            cx.go(Page::Pipeline, Some(RecordKey::Deal(id)));
            return false;
        }
        !(r.inner || r.should_close())
    }
}
