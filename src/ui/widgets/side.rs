//! The side panel every page opens on the right (a record's detail, a form): a stable
//! width the user drags to resize, remembered with the window's other settings (egui
//! keeps each panel's size in its persisted memory), and never widened by what it shows
//! — a tab wider than the panel is cut at its edge (its own tables scroll), so the list
//! beside it keeps its columns and the next click lands where it was aimed.

use egui::{Ui, UiBuilder};

/// The most of the page's width a side panel may take: the list beside it keeps the rest.
pub const MAX_SHARE: f32 = 0.5;

/// Shows `add` in the right-hand panel `id`, `default` wide at first (and never under
/// `min`, nor over [`MAX_SHARE`] of the page unless `min` needs it).
pub fn right<R>(
    ui: &mut Ui,
    id: &str,
    default: f32,
    min: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let max = (ui.available_width() * MAX_SHARE).max(min);
    egui::Panel::right(id)
        .resizable(true)
        .default_size(default.clamp(min, max))
        .size_range(min..=max)
        .show(ui, |ui| {
            // The content lays out in the panel's own rect; what it takes is not reported
            // to the panel, which keeps the width it has.
            let rect = ui.available_rect_before_wrap();
            let mut inner = ui.new_child(
                UiBuilder::new()
                    .id_salt((id, "content"))
                    .max_rect(rect)
                    .layout(*ui.layout()),
            );
            inner.shrink_clip_rect(rect);
            let r = add(&mut inner);
            ui.advance_cursor_after_rect(rect);
            r
        })
        .inner
}
