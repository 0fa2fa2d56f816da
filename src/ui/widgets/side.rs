//! The side panel every page opens on the right (a record's detail, a form): a stable
//! width the user drags to resize, remembered with the window's other settings (egui
//! keeps persisted memory), and never widened by what it shows — a tab wider than the
//! panel is cut at its edge (its own tables scroll), so the list beside it keeps its
//! columns and the next click lands where it was aimed.
//!
//! Where the page is too narrow for the list and the panel side by side (under
//! [`NARROW`], or the list would drop under [`LIST_MIN`]), the panel becomes an overlay
//! over the list's right part instead: the list keeps the page's whole width and its
//! columns, the overlay has a close button (× and Escape close it), its left edge still
//! drags to resize, and with the panel closed the list is the page again.

use crate::i18n::{Lang, T};
use egui::{Id, Rect, Ui, UiBuilder};

/// The most of the page's width a side panel beside the list may take.
pub const MAX_SHARE: f32 = 0.5;
/// The most of the page's width an overlay may cover (the list shows at its left).
pub const OVERLAY_SHARE: f32 = 0.85;
/// The width a side panel that holds a form starts at: a form row whole.
pub const FORM_PANEL_WIDTH: f32 = 460.0;
/// A page narrower than this shows its side panel as an overlay.
pub const NARROW: f32 = 1000.0;
/// The width the list beside a panel keeps at least; a page that cannot give it that
/// next to the panel's minimum shows the panel as an overlay.
pub const LIST_MIN: f32 = 620.0;

/// What a side panel did this frame.
pub struct Shown<R> {
    /// What the content returned; None when nothing was drawn (an idle panel in a
    /// narrow page).
    pub inner: Option<R>,
    /// The user closed the overlay (× or Escape): the page shows nothing on the side.
    pub closed: bool,
    /// How wide an overlay lies over the list's right part (0 with the panel beside
    /// the list or not shown): the room a list leaves at its right to scroll its last
    /// columns out from under it.
    pub covers: f32,
}

/// True when a panel at least `min` wide fits beside the list in a page `page` wide.
pub fn fits_beside(page: f32, min: f32) -> bool {
    page >= NARROW && page - min >= LIST_MIN
}

fn width_id(id: &str) -> Id {
    Id::unique(("salesdesk_side_width", id))
}

/// Remembers `width` as the width of the side panel `id` (the user dragged its edge); it
/// is the width the panel opens at next, raised to what its content needs.
pub fn remember_width(ctx: &egui::Context, id: &str, width: f32) {
    ctx.data_mut(|d| d.insert_persisted(width_id(id), width));
}

/// Shows `add` in the right-hand panel `id`, `default` wide at first (and never under
/// `min`, nor over [`MAX_SHARE`] of the page unless `min` needs it). A width remembered
/// from before that is under `min` opens at `min`: a panel holding a form passes
/// [`FORM_PANEL_WIDTH`], so a width the user left at 400 px for a record's detail does
/// not cut the form's fields. `idle` says the
/// panel holds only a hint ("pick a record"): a narrow page then shows no overlay.
pub fn right<R>(
    ui: &mut Ui,
    id: &str,
    default: f32,
    min: f32,
    idle: bool,
    lang: Lang,
    add: impl FnOnce(&mut Ui) -> R,
) -> Shown<R> {
    let page = ui.available_rect_before_wrap();
    let remembered: f32 = ui
        .ctx()
        .data_mut(|d| d.get_persisted(width_id(id)))
        .unwrap_or(default);
    if !fits_beside(page.width(), min) {
        if idle {
            return Shown {
                inner: None,
                closed: false,
                covers: 0.0,
            };
        }
        return overlay(ui, id, page, remembered, min, lang, add);
    }
    let max = (page.width() * MAX_SHARE)
        .min(page.width() - LIST_MIN)
        .max(min);
    let shown = egui::Panel::right(id)
        .resizable(true)
        .default_size(remembered.clamp(min, max))
        .size_range(min..=max)
        .show(ui, |ui| {
            let rect = ui.available_rect_before_wrap();
            in_rect(ui, id, rect, add)
        });
    remember_width(ui.ctx(), id, shown.response.rect.width());
    Shown {
        inner: Some(shown.inner),
        closed: false,
        covers: 0.0,
    }
}

/// A vertical scroll area for one record's part of a side panel (a customer's tab, a
/// member's detail) that opens at its top for each record: it remembers, for this run,
/// the record it showed last, and another record starts it over from the top (one
/// scroll position per panel kept another customer's scroll).
pub fn record_scroll(
    ui: &Ui,
    salt: &str,
    record: impl std::hash::Hash + std::fmt::Debug,
) -> egui::ScrollArea {
    let key = ui.make_persistent_id((salt, "salesdesk_record_shown"));
    let now = Id::unique(record);
    let last = ui.data_mut(|d| d.get_temp::<Id>(key).replace(now));
    ui.data_mut(|d| d.insert_temp(key, now));
    // As wide as the panel: the wheel anywhere over it scrolls it.
    let area = egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink([false, true]);
    if last == Some(now) {
        area
    } else {
        area.vertical_scroll_offset(0.0)
    }
}

/// Lays `add` out in `rect` of `ui`: what it takes is not reported to the panel, which
/// keeps the width it has.
fn in_rect<R>(ui: &mut Ui, id: &str, rect: Rect, add: impl FnOnce(&mut Ui) -> R) -> R {
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
}

/// The panel as an overlay at the right of `page`, over the list.
fn overlay<R>(
    ui: &mut Ui,
    id: &str,
    page: Rect,
    remembered: f32,
    min: f32,
    lang: Lang,
    add: impl FnOnce(&mut Ui) -> R,
) -> Shown<R> {
    let lo = min.min(page.width());
    let width = remembered.clamp(lo, (page.width() * OVERLAY_SHARE).max(lo));
    let rect = Rect::from_min_max(egui::pos2(page.right() - width, page.top()), page.max);
    let mut closed = false;
    let area = egui::Area::new(Id::unique(("salesdesk_side_overlay", id)))
        .order(egui::Order::Middle)
        .fixed_pos(rect.min)
        .movable(false)
        .constrain(false)
        .show(ui.ctx(), |ui| {
            let frame = egui::Frame::side_top_panel(ui.style())
                .stroke(ui.visuals().window_stroke)
                .shadow(ui.visuals().window_shadow);
            let inner = rect - frame.total_margin();
            ui.painter().add(frame.paint(inner));
            ui.allocate_rect(rect, egui::Sense::hover());
            // The left edge drags to resize, as the panel's edge does.
            let edge = Rect::from_x_y_ranges(rect.left() - 4.0..=rect.left() + 4.0, rect.y_range());
            let handle = ui.interact(edge, Id::unique((id, "overlay_edge")), egui::Sense::drag());
            if handle.hovered() || handle.dragged() {
                ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
            }
            if handle.dragged() {
                let w = (width - handle.drag_delta().x).clamp(lo, page.width() * OVERLAY_SHARE);
                remember_width(ui.ctx(), id, w);
            }
            let mut content = ui.new_child(
                UiBuilder::new()
                    .id_salt((id, "overlay"))
                    .max_rect(inner)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            content.shrink_clip_rect(inner);
            content.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                let close = ui
                    .button(format!("× {}", T::Close.get(lang)))
                    .on_hover_text("Esc");
                closed |= close.clicked();
            });
            let body = content.available_rect_before_wrap();
            let r = in_rect(&mut content, id, body, add);
            // Escape closes the overlay, once nothing in it took the key (a form's
            // Escape cancels the form first) and no drop-down or dialog is open.
            let layer = content.layer_id();
            if !egui::Popup::is_any_open(ui.ctx())
                && ui.memory(|m| m.allows_interaction(layer))
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            {
                closed = true;
            }
            r
        });
    Shown {
        inner: Some(area.inner),
        closed,
        covers: width,
    }
}
