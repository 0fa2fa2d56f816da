//! The Performance page: not built yet. It says so plainly and shows what the workspace
//! already holds for it, so nothing looks lost.

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct PerformancePage;

impl PerformancePage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let ws = &cx.doc.ws();
        let held = [
            ("目标", "Targets", ws.performance.targets.len()),
            ("绩效指标", "KPIs", ws.performance.kpis.len()),
            ("绩效评估", "Reviews", ws.performance.reviews.len()),
            (
                "激励方案",
                "Commission plans",
                ws.performance.commission_plans.len(),
            ),
            (
                "辅导与反馈记录",
                "Coaching & feedback notes",
                ws.performance.notes.len(),
            ),
        ];
        super::not_built::show(ui, cx, T::Performance, &held);
    }
}

impl crate::ui::PageView for PerformancePage {
    const TITLE: crate::i18n::T = crate::i18n::T::Performance;
    const BUILT: bool = false;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}
