//! The honest placeholder for a page that is not built yet: it says so, and lists what
//! the workspace already keeps for it.

use super::Cx;
use crate::i18n::{Lang, T};

crate::texts! {
    enum Text {
        Held => "工作区中已有的数据：", "Already kept in this workspace:";
    }
}

/// `held`: (Chinese name, English name, count) of each collection the page will show.
pub fn show(ui: &mut egui::Ui, cx: &Cx, title: T, held: &[(&str, &str, usize)]) {
    ui.heading(cx.t(title));
    ui.add_space(12.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(cx.t(T::NotBuiltTitle));
        ui.label(cx.t(T::NotBuiltBody));
        if !held.is_empty() {
            ui.add_space(6.0);
            ui.label(Text::Held.get(cx.lang));
            egui::Grid::new("not_built_held")
                .num_columns(2)
                .show(ui, |ui| {
                    for (zh, en, n) in held {
                        ui.label(if cx.lang == Lang::Zh { *zh } else { *en });
                        ui.label(n.to_string());
                        ui.end_row();
                    }
                });
        }
    });
}
