//! The Me page: not built yet. It says so plainly and shows what the workspace
//! already holds for it, so nothing looks lost.

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct MePage;

impl MePage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let ws = &cx.doc.ws();
        let held = [
            ("职业目标", "Career goals", ws.me.goals.len()),
            ("学习项目", "Learning items", ws.me.learning.len()),
            ("任务", "Tasks", ws.me.tasks.len()),
            ("压力自评", "Stress check-ins", ws.me.check_ins.len()),
        ];
        super::not_built::show(ui, cx, T::Me, &held);
    }
}

impl crate::ui::PageView for MePage {
    const TITLE: crate::i18n::T = crate::i18n::T::Me;
    const BUILT: bool = false;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}
