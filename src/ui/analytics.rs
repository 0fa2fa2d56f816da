//! The Analytics page (being built).

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct AnalyticsPage;

impl AnalyticsPage {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        super::not_built::show(ui, cx, T::Analytics, &[]);
    }
}
