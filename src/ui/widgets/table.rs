//! Sortable column heads for egui_extras tables.

use egui::Ui;
use egui_extras::TableBuilder;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

/// A clickable column head; clicking sorts by it, clicking again reverses.
pub fn sort_header<C: Copy + PartialEq>(ui: &mut Ui, label: &str, column: C, sort: &mut Sort<C>) {
    let arrow = if sort.column == column {
        if sort.descending { " ▼" } else { " ▲" }
    } else {
        ""
    };
    if ui
        .add(
            egui::Button::new(egui::RichText::new(format!("{label}{arrow}")).strong()).frame(false),
        )
        .clicked()
    {
        if sort.column == column {
            sort.descending = !sort.descending;
        } else {
            sort.column = column;
            sort.descending = false;
        }
    }
}

/// Case-insensitive "contains" that works for Chinese as well as Latin text; Chinese
/// text is found by its pinyin and initials too (`liu`, `lc` find 刘超).
pub fn matches(haystack: &str, needle_lower: &str) -> bool {
    needle_lower.is_empty()
        || haystack.to_lowercase().contains(needle_lower)
        || crate::hanzi::matches(haystack, needle_lower)
}

/// A table whose rows are picked by clicking anywhere in them: striped, resizable,
/// cells centred vertically. Cells hold plain labels, so a click selects the row
/// rather than starting a text selection (this applies to the rest of `ui` too,
/// which is why callers put the table last).
pub fn row_picker<'a>(ui: &'a mut Ui, id: &str) -> TableBuilder<'a> {
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
}

crate::texts! {
    pub enum Text {
        MoreColumns => "表格较宽：左右滚动查看更多列 ↔", "Wide table: scroll sideways for more columns ↔";
    }
}

/// A wide table's home: a horizontal scroll area whose bar is solid and shown whenever
/// the table is wider than the page (egui's thin floating bar hides until hovered), a
/// fade at the right edge while columns lie beyond it, and a line under it that says
/// the table scrolls sideways. Every
/// table that can outgrow the page at 1024 px goes in one: [`wide`] for a table that
/// scrolls its own rows in the height left (virtual rows), [`wide_in_page`] for one
/// drawn whole in a page that scrolls down.
pub fn wide<R>(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    sideways(ui, id, lang, false, 0.0, add)
}

/// [`wide`] for a list a side panel's overlay may lie over (its right part, `covers`
/// wide, [`super::side::Shown::covers`]): while it does, the list scrolls that much
/// further, so each column can be brought out from under it.
pub fn wide_under_overlay<R>(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    covers: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    sideways(ui, id, lang, false, covers, add)
}

/// [`wide`] for a table drawn whole inside a page that scrolls down: as tall as the
/// table (the page's visible height would cut its lower rows off).
pub fn wide_in_page<R>(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    sideways(ui, id, lang, true, 0.0, add)
}

fn sideways<R>(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    whole: bool,
    room: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    overflow_hint(ui, id, lang);
    scroll_sideways(ui, id, whole, false, room, add)
}

/// [`wide_in_page`] for a grid whose last column (a row's buttons) stays at the right
/// edge, out of the sideways scroll and its fade: `add` draws the columns that scroll,
/// `fixed` the last one as a grid of its own beside them. Its rows line up with those
/// of `add` when both grids have the same row spacing, a head row, and one line a row.
pub fn wide_in_page_with_fixed_end<R>(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    fixed: impl FnOnce(&mut Ui),
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    overflow_hint(ui, id, lang);
    // The fixed part's width, as last measured (a change redoes the frame).
    let measured = egui::Id::unique(("wide_table_fixed_end", id));
    let width = ui.data(|d| d.get_temp::<f32>(measured)).unwrap_or(0.0);
    ui.horizontal_top(|ui| {
        let gap = ui.spacing().item_spacing.x;
        let left = (ui.available_width() - width - gap).max(0.0);
        let size = egui::vec2(left, f32::INFINITY);
        let layout = egui::Layout::top_down(egui::Align::Min);
        // Narrower than the room when it fits: the fixed end follows the table.
        let out = ui
            .allocate_ui_with_layout(size, layout, |ui| {
                scroll_sideways(ui, id, true, true, 0.0, add)
            })
            .inner;
        let now = ui.vertical(fixed).response.rect.width();
        if (now - width).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(measured, now));
            ui.ctx()
                .request_discard("the fixed end of a wide table changed width");
        }
        out
    })
    .inner
}

/// The line that says the table scrolls sideways. It goes above the table (a table
/// that fills the height left would push a line under it out of sight), from what the
/// last frame measured; it shows whenever the table is wider than the page, not only
/// while columns lie to the right, so scrolling to the end moves nothing.
fn overflow_hint(ui: &mut Ui, id: &str, lang: crate::i18n::Lang) {
    if ui
        .data(|d| d.get_temp::<bool>(overflows(id)))
        .unwrap_or(false)
    {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.weak(Text::MoreColumns.get(lang));
        });
    }
}

fn overflows(id: &str) -> egui::Id {
    egui::Id::unique(("wide_table_overflows", id))
}

/// The horizontal scroll area under [`overflow_hint`]: a solid bar, the fade at the
/// right while columns lie beyond it, and what the hint needs measured. It is as wide
/// as the page, or with `shrink` as the table when that is narrower; `room` more is
/// blank at the table's right.
fn scroll_sideways<R>(
    ui: &mut Ui,
    id: &str,
    whole: bool,
    shrink: bool,
    room: f32,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let add = |ui: &mut Ui| {
        let r = add(ui);
        if room > 0.0 {
            ui.expand_to_include_x(ui.min_rect().right() + room);
        }
        r
    };
    let out = ui
        .scope(|ui| {
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            let area = egui::ScrollArea::horizontal()
                .id_salt(("wide_table", id))
                .auto_shrink([shrink, true]);
            if !whole {
                return area.show(ui, add);
            }
            // A scroll area is no taller than the height left in its parent, which in a
            // page that scrolls down is what is visible of it: give it the table's own.
            let size = egui::vec2(ui.available_width(), f32::INFINITY);
            ui.allocate_ui(size, |ui| area.max_height(f32::INFINITY).show(ui, add))
                .inner
        })
        .inner;
    let overflow = out.content_size.x - out.inner_rect.width();
    if overflow - out.state.clamped_offset().x > 1.0 {
        fade_right(ui, out.inner_rect);
    }
    // The room is not the table: a table that fits beside it says nothing.
    let now = overflow - room > 1.0;
    let overflowed = overflows(id);
    if ui.data(|d| d.get_temp::<bool>(overflowed)) != Some(now) {
        ui.data_mut(|d| d.insert_temp(overflowed, now));
        ui.ctx().request_repaint();
    }
    out.inner
}

/// The fade over a table's right edge while columns lie beyond it.
fn fade_right(ui: &Ui, rect: egui::Rect) {
    let bg = ui.visuals().panel_fill;
    let fade = 28.0;
    let mut mesh = egui::Mesh::default();
    let r = egui::Rect::from_x_y_ranges(rect.right() - fade..=rect.right(), rect.y_range());
    let clear = egui::Color32::TRANSPARENT;
    mesh.colored_vertex(r.left_top(), clear);
    mesh.colored_vertex(r.right_top(), bg);
    mesh.colored_vertex(r.right_bottom(), bg);
    mesh.colored_vertex(r.left_bottom(), clear);
    mesh.add_triangle(0, 1, 2);
    mesh.add_triangle(0, 2, 3);
    ui.painter().with_clip_rect(rect).add(mesh);
}
