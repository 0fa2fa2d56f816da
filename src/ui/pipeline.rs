//! The Pipeline page (being built).

use super::Cx;
use crate::i18n::T;

#[derive(Default)]
pub struct PipelinePage;

impl PipelinePage {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        super::not_built::show(ui, cx, T::Pipeline, &[]);
    }
}

impl PipelinePage {
    /// Shows one deal (from search or a link). The board is not built yet.
    pub fn focus(&mut self, _id: crate::model::DealId) {}
}
