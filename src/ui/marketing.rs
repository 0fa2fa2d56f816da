//! The Marketing page: not built yet. It says so plainly and shows what the workspace
//! already holds for it, so nothing looks lost.

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct MarketingPage;

impl MarketingPage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let ws = &cx.doc.ws();
        let held = [
            ("市场调研", "Research", ws.marketing.research.len()),
            ("目标客户群", "Segments", ws.marketing.segments.len()),
            ("营销渠道", "Channels", ws.marketing.channels.len()),
            ("营销内容", "Content", ws.marketing.content.len()),
            ("营销计划", "Plans", ws.marketing.plans.len()),
            ("市场规模", "Market sizes", ws.marketing.market_sizes.len()),
        ];
        super::not_built::show(ui, cx, T::Marketing, &held);
    }
}

impl crate::ui::PageView for MarketingPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Marketing;
    const BUILT: bool = false;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}
