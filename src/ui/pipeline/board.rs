//! The board: one column per stage (the four open ones, won = 客户管理, lost), each a
//! drop zone with its figures on top and its cards in a virtual scroll, so a column of
//! 50,000 deals draws the dozen cards in view.

use super::{CardDrag, Text, days_short, deals_count, slips_text, stale_text};
use crate::analytics::pipeline::{Board, BoardColumn, Staleness, days_in_stage};
use crate::i18n::{Label, Lang};
use crate::model::{Deal, DealId, Stage};
use crate::ui::Cx;
use crate::ui::format::money_short;
use egui::{Align, Layout, RichText, Sense, Stroke, StrokeKind, UiBuilder, vec2};

/// Height of a card (fixed, so a column scrolls over rows it never lays out).
pub const CARD_H: f32 = 112.0;
const GAP: f32 = 8.0;
const MIN_COL_W: f32 = 172.0;

/// What happened on the board this frame.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct BoardOut {
    pub clicked: Option<DealId>,
    /// A card dropped on another column: (deal, target stage).
    pub dropped: Option<(DealId, Stage)>,
}

pub fn show(
    ui: &mut egui::Ui,
    cx: &Cx,
    board: &Board,
    selected: Option<DealId>,
    scroll_to: Option<(Stage, usize)>,
) -> BoardOut {
    let mut out = BoardOut::default();
    let avail = ui.available_size();
    let n = board.columns.len() as f32;
    let col_w = ((avail.x - GAP * (n - 1.0) - 2.0) / n)
        .floor()
        .max(MIN_COL_W);
    let scrolls_sideways = col_w * n + GAP * (n - 1.0) > avail.x + 0.5;
    let col_h = (avail.y - if scrolls_sideways { 16.0 } else { 0.0 }).max(240.0);
    // A solid bar while columns lie beyond the edge (Won and Lost at 1024 px): a bar
    // that shows only on hover hides that they are there.
    let bar = if scrolls_sideways {
        egui::scroll_area::ScrollBarVisibility::AlwaysVisible
    } else {
        egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded
    };
    egui::ScrollArea::horizontal()
        .id_salt("pipeline_board")
        .auto_shrink(false)
        .scroll_bar_visibility(bar)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = GAP;
                for col in &board.columns {
                    column(
                        ui,
                        cx,
                        board,
                        col,
                        vec2(col_w, col_h),
                        selected,
                        scroll_to,
                        &mut out,
                    );
                }
            });
        });
    out
}

#[allow(clippy::too_many_arguments)]
fn column(
    ui: &mut egui::Ui,
    cx: &Cx,
    board: &Board,
    col: &BoardColumn,
    size: egui::Vec2,
    selected: Option<DealId>,
    scroll_to: Option<(Stage, usize)>,
    out: &mut BoardOut,
) {
    let lang = cx.lang;
    ui.allocate_ui_with_layout(size, Layout::top_down(Align::Min), |ui| {
        ui.set_width(size.x);
        let frame = egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(6.0)
            .inner_margin(6.0);
        let (_, payload) = ui.dnd_drop_zone::<CardDrag, ()>(frame, |ui| {
            // Inner margin 6 + stroke 1 on each side.
            ui.set_width(size.x - 14.0);
            ui.set_height(size.y - 14.0);
            header(ui, col, lang);
            ui.separator();
            if col.ids.is_empty() {
                ui.weak(Text::Empty.get(lang));
            }
            let mut area = egui::ScrollArea::vertical()
                .id_salt(("pipeline_column", col.stage.key()))
                .auto_shrink(false);
            if let Some((stage, row)) = scroll_to
                && stage == col.stage
            {
                // One card of context above it, and never past the end (no bounce).
                let row_h = CARD_H + ui.spacing().item_spacing.y;
                let content = col.ids.len() as f32 * row_h - ui.spacing().item_spacing.y;
                let max = (content - ui.available_height()).max(0.0);
                area = area.vertical_scroll_offset(((row as f32 - 1.0).max(0.0) * row_h).min(max));
            }
            area.show_rows(ui, CARD_H, col.ids.len(), |ui, rows| {
                for i in rows {
                    let id = col.ids[i];
                    if let Some(d) = cx.doc.ws().deals.deals.get(id) {
                        card(ui, cx, d, board.stale.get(&id), selected == Some(id), out);
                    }
                }
            });
        });
        if let Some(p) = payload {
            out.dropped = Some((p.0, col.stage));
        }
    });
}

/// The column head: stage, count and how many are stale, total, weighted. Four short
/// lines that never widen the column, so every column keeps its width and the cards of
/// every column start at the same height.
fn header(ui: &mut egui::Ui, col: &BoardColumn, lang: Lang) {
    ui.add(egui::Label::new(RichText::new(col.stage.label(lang)).strong()).truncate());
    ui.horizontal(|ui| {
        ui.label(deals_count(lang, col.count));
        if col.stale > 0 {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} {}", Text::Stale.get(lang), col.stale),
            );
        }
    });
    ui.add(
        egui::Label::new(format!(
            "{} {}",
            Text::Total.get(lang),
            money_short(col.total, lang)
        ))
        .truncate(),
    );
    ui.add(
        egui::Label::new(format!(
            "{} {}",
            Text::Weighted.get(lang),
            money_short(col.weighted, lang)
        ))
        .truncate(),
    );
}

fn card(
    ui: &mut egui::Ui,
    cx: &Cx,
    d: &Deal,
    stale: Option<&Staleness>,
    selected: bool,
    out: &mut BoardOut,
) {
    let w = ui.available_width();
    let (rect, resp) = ui.allocate_exact_size(vec2(w, CARD_H), Sense::click_and_drag());
    let name = format!("{} · {}", d.title, cx.doc.ws().customer_name(d.customer));
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    resp.dnd_set_drag_payload(CardDrag(d.id));
    if resp.clicked() {
        out.clicked = Some(d.id);
    }
    if resp.dragged() {
        // Leave an outline where the card was and draw it under the pointer.
        ui.painter().rect_stroke(
            rect,
            6.0,
            Stroke::new(1.0, ui.visuals().weak_text_color()),
            StrokeKind::Inside,
        );
        if let Some(p) = ui.ctx().pointer_interact_pos() {
            egui::Area::new(egui::Id::unique("pipeline_card_ghost"))
                .order(egui::Order::Tooltip)
                .interactable(false)
                .fixed_pos(p - vec2(w / 2.0, 16.0))
                .show(ui.ctx(), |ui| {
                    let (r, _) = ui.allocate_exact_size(vec2(w, CARD_H), Sense::hover());
                    paint_card(ui, cx, d, stale, true, r);
                });
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    } else {
        paint_card(ui, cx, d, stale, selected || resp.hovered(), rect);
    }
}

fn paint_card(
    ui: &mut egui::Ui,
    cx: &Cx,
    d: &Deal,
    stale: Option<&Staleness>,
    highlighted: bool,
    rect: egui::Rect,
) {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let v = ui.visuals().clone();
    let stroke = if highlighted {
        v.selection.stroke
    } else {
        v.widgets.noninteractive.bg_stroke
    };
    ui.painter()
        .rect(rect, 6.0, v.window_fill, stroke, StrokeKind::Inside);
    if stale.is_some() {
        let bar = egui::Rect::from_min_size(rect.min, vec2(4.0, rect.height()));
        ui.painter().rect_filled(bar, 2.0, v.warn_fg_color);
    }
    let mut ui = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(vec2(9.0, 5.0)))
            .layout(Layout::top_down(Align::Min)),
    );
    ui.style_mut().interaction.selectable_labels = false;
    ui.spacing_mut().item_spacing.y = 1.0;
    let line = |ui: &mut egui::Ui, text: RichText| {
        ui.add(egui::Label::new(text).truncate());
    };
    line(
        &mut ui,
        RichText::new(ws.customer_name(d.customer)).strong(),
    );
    line(
        &mut ui,
        RichText::new(&d.title).small().color(v.weak_text_color()),
    );
    line(
        &mut ui,
        RichText::new(format!(
            "{} · {}",
            money_short(d.amount, lang),
            ws.member_name(d.owner)
        )),
    );
    let mut age = Text::in_stage(lang, days_short(lang, days_in_stage(d, cx.today)));
    if d.close_slips > 0 {
        age = format!("{age} · {}", slips_text(d.close_slips, lang));
    }
    line(&mut ui, RichText::new(age).small());
    if let Some(l) = &d.lost {
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        let text = format!(
            "{}{sep}{}",
            Text::LostReason.get(lang),
            l.reason.label(lang)
        );
        line(&mut ui, RichText::new(text).small());
    } else if let Some(text) = super::won::won_on(d, lang) {
        // A won deal has no next step to chase: it shows when it was won.
        line(&mut ui, RichText::new(text).small());
    } else if d.next_step.is_empty() {
        line(&mut ui, RichText::new("").small());
    } else {
        let due = d
            .next_step_due
            .map(|x| format!(" · {x}"))
            .unwrap_or_default();
        let overdue = d.stage.is_open() && d.next_step_due.is_some_and(|x| x < cx.today);
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        let text = RichText::new(format!(
            "{}{sep}{}{due}",
            Text::NextStep.get(lang),
            d.next_step
        ))
        .small();
        line(
            &mut ui,
            if overdue {
                text.color(v.error_fg_color)
            } else {
                text
            },
        );
    }
    if let Some(s) = stale {
        line(
            &mut ui,
            RichText::new(stale_text(s.idle_days, s.limit, lang))
                .small()
                .color(v.warn_fg_color),
        );
    }
}
