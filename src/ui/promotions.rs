//! The Promotions page: not built yet. It says so plainly and shows what the workspace
//! already holds for it, so nothing looks lost.

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct PromotionsPage;

impl PromotionsPage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let ws = &cx.doc.ws();
        let held = [(
            "促销活动",
            "Promotion events",
            ws.promotions.promotions.len(),
        )];
        super::not_built::show(ui, cx, T::Promotions, &held);
    }
}

impl crate::ui::PageView for PromotionsPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Promotions;
    const BUILT: bool = false;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}
