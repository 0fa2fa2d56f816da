//! A pie chart drawn with egui_plot, which has no pie primitive: each slice is one or
//! more convex polygons of at most 90° (from [`slice_polygons`]), all pieces of
//! a slice named alike so the legend shows one entry per slice in the slice's colour.
//!
//! Slices carry their percent as a label; hovering a slice shows the caller's text (the
//! amount); clicking a slice or its legend entry reports the slice, so a page can use it
//! as a filter. The legend never hides slices (a pie with a hole would misread).

use egui::{Color32, Id, RichText, Sense, Stroke, Ui};
use egui_plot::{
    Corner, ItemId, Legend, Line, Plot, PlotMemory, PlotPoint, PlotTransform, Polygon, Text,
};
use std::f64::consts::{FRAC_PI_2, TAU};

/// One slice: `key` identifies it to the caller (e.g. a category id).
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    pub key: u64,
    pub name: String,
    /// Minor units (or any non-negative weight); zero or less draws nothing.
    pub amount: i64,
    pub color: Color32,
    /// Shown when the pointer rests on the slice (e.g. the amount).
    pub hover: String,
}

/// Where each slice ended up on screen, kept by the caller for hit tests and tests.
#[derive(Debug, Clone)]
pub struct PieGeometry {
    pub transform: PlotTransform,
    /// (key, start, end) in radians, clockwise from 12 o'clock.
    pub angles: Vec<(u64, f64, f64)>,
}

impl PieGeometry {
    /// The screen point in the middle of a slice (half way out along its middle angle).
    pub fn slice_center(&self, key: u64) -> Option<egui::Pos2> {
        let (_, s, e) = self.angles.iter().find(|(k, s, e)| *k == key && e > s)?;
        let mid = (s + e) / 2.0;
        let p = PlotPoint::new(RADIUS * 0.55 * mid.sin(), RADIUS * 0.55 * mid.cos());
        Some(self.transform.position_from_point(&p))
    }
}

/// What happened to the pie this frame.
#[derive(Debug, Clone)]
pub struct PieResponse {
    /// A slice (or its legend entry) was clicked.
    pub clicked: Option<u64>,
    pub hovered: Option<u64>,
    pub geometry: PieGeometry,
}

const RADIUS: f64 = 1.0;
/// Room around the pie (plot units; the pie's radius is 1).
const MARGIN: f64 = 1.3;
/// The plot's own margin around those bounds, a fraction of their size on each side.
const PLOT_MARGIN: f32 = 0.05;
/// Slices narrower than this get no label on the pie (the legend still names them).
const LABEL_MIN: f64 = 0.09;
/// How far out along its middle a label is tried, best first.
const LABEL_RADII: [f64; 6] = [0.62, 0.55, 0.7, 0.48, 0.76, 0.4];
/// A label keeps this far (plot units) from the pie's edge and the slice's sides.
const LABEL_PAD: f64 = 0.03;

/// Where a label `text` big (plot units: width, height) can sit inside the slice from
/// `start` to `end` (radians, clockwise from 12 o'clock), its box wholly in the slice:
/// not over a neighbour, not out of the pie. None when it fits nowhere along the
/// slice's middle; a whole pie takes it in the centre.
pub fn label_spot(start: f64, end: f64, text: [f64; 2]) -> Option<PlotPoint> {
    let [hw, hh] = [text[0] / 2.0, text[1] / 2.0];
    let whole = end - start >= TAU - 1e-9;
    let inside = |x: f64, y: f64| {
        let d = x.hypot(y);
        if d > RADIUS - LABEL_PAD {
            return false;
        }
        if whole {
            return true;
        }
        let a = x.atan2(y).rem_euclid(TAU);
        if a <= start || a >= end {
            return false;
        }
        // The distance to the nearer side of the slice (a ray from the centre).
        let off = (a - start).min(end - a);
        let to_side = if off >= FRAC_PI_2 { d } else { d * off.sin() };
        to_side > LABEL_PAD
    };
    // The box's edges, at ten points each: a slice wider than a half turn is not
    // convex, so corners alone would miss its missing wedge.
    let fits = |cx: f64, cy: f64| {
        (0..=10).all(|i| {
            let t = i as f64 / 10.0;
            let (x, y) = (cx - hw + 2.0 * hw * t, cy - hh + 2.0 * hh * t);
            inside(x, cy - hh) && inside(x, cy + hh) && inside(cx - hw, y) && inside(cx + hw, y)
        })
    };
    if whole {
        return fits(0.0, 0.0).then(|| PlotPoint::new(0.0, 0.0));
    }
    let mid = (start + end) / 2.0;
    LABEL_RADII
        .iter()
        .map(|r| (r * mid.sin(), r * mid.cos()))
        .find(|(x, y)| fits(*x, *y))
        .map(|(x, y)| PlotPoint::new(x, y))
}

/// The slice under a point of the plot, if any.
pub fn slice_at(angles: &[(u64, f64, f64)], x: f64, y: f64) -> Option<u64> {
    if x.hypot(y) > RADIUS {
        return None;
    }
    // Clockwise from 12 o'clock, as the polygons are drawn: x = sin, y = cos.
    let a = x.atan2(y).rem_euclid(TAU);
    angles
        .iter()
        .find(|(_, s, e)| *s <= a && a < *e)
        .map(|(k, _, _)| *k)
}

/// Start and end angle (radians, from 0 to a full turn) of each slice of a pie, in the
/// order given. The last slice ends at exactly `TAU`, so the pie closes without a gap.
/// Negative amounts count as zero (their slice is empty); a zero total gives no slices.
pub fn slice_angles(amounts: &[i64]) -> Vec<(f64, f64)> {
    // i128 so a sum of large amounts cannot overflow.
    let total: i128 = amounts.iter().map(|a| (*a).max(0) as i128).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut cum: i128 = 0;
    let mut start = 0.0;
    amounts
        .iter()
        .map(|a| {
            cum += (*a).max(0) as i128;
            // Angles from the running sum, not by adding slice widths: no drift, and
            // cum == total at the end gives exactly TAU.
            let end = if cum == total {
                TAU
            } else {
                TAU * (cum as f64 / total as f64)
            };
            let s = (start, end);
            start = end;
            s
        })
        .collect()
}

/// Greatest angle of one polygon piece: egui_plot fills polygons correctly only when
/// they are convex, and a sector is convex up to 180°; 90° also keeps the arc smooth.
const MAX_PIECE: f64 = FRAC_PI_2;
/// Angle between arc points, about 3°.
const ARC_STEP: f64 = TAU / 120.0;

/// The polygons that draw one slice (from [`slice_angles`]) of a pie centred on
/// `center`: convex pieces of at most 90°, each the centre followed by points along the
/// arc. Angles run clockwise from 12 o'clock (x = sin, y = cos) as a pie is read. An
/// empty slice gives no pieces.
pub fn slice_polygons(center: [f64; 2], radius: f64, start: f64, end: f64) -> Vec<Vec<[f64; 2]>> {
    let span = end - start;
    if span.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return Vec::new();
    }
    let pieces = (span / MAX_PIECE).ceil().max(1.0) as usize;
    let width = span / pieces as f64;
    let steps = (width / ARC_STEP).ceil().max(1.0) as usize;
    (0..pieces)
        .map(|p| {
            let a0 = start + width * p as f64;
            let mut pts = Vec::with_capacity(steps + 2);
            pts.push(center);
            for s in 0..=steps {
                let a = if s == steps {
                    a0 + width
                } else {
                    a0 + width * s as f64 / steps as f64
                };
                pts.push([center[0] + radius * a.sin(), center[1] + radius * a.cos()]);
            }
            pts
        })
        .collect()
}

/// What a slice's pieces are identified by (`Polygon::id` hashes it into an `ItemId`).
fn id_source(salt: Id, key: u64) -> (Id, &'static str, u64) {
    (salt, "slice", key)
}

/// Breaks a long name at spaces into lines of about `max` characters, so a label
/// stays inside its slice ("Personnel &\ncommissions"). Names without spaces stay whole.
pub fn wrap_words(name: &str, max: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in name.split_whitespace() {
        let n = word.chars().count();
        if line > 0 && line + 1 + n > max {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += n;
    }
    out
}

fn item_id(salt: Id, key: u64) -> ItemId {
    ItemId::new(id_source(salt, key))
}

/// Draws the pie in a `size` area with the legend on the right. `selected` is drawn
/// highlighted. `empty` is written in the middle when there is nothing to show.
pub fn pie(
    ui: &mut Ui,
    id_salt: &str,
    slices: &[Slice],
    selected: Option<u64>,
    size: egui::Vec2,
    empty: &str,
) -> PieResponse {
    let plot_id = ui.make_persistent_id(id_salt);
    let amounts: Vec<i64> = slices.iter().map(|s| s.amount).collect();
    let raw = slice_angles(&amounts);
    let angles: Vec<(u64, f64, f64)> = slices
        .iter()
        .zip(raw.iter())
        .map(|(s, (a, b))| (s.key, *a, *b))
        .collect();
    let total: f64 = amounts.iter().map(|a| (*a).max(0) as f64).sum();
    let (w, h) = (size.x.max(120.0), size.y.max(120.0));
    // The pie sits at the left; the rest of the width holds the legend. With the
    // data aspect fixed at 1 these bounds fill the area exactly.
    let x_max = -MARGIN + 2.0 * MARGIN * (w / h) as f64;
    let text_color = ui.visuals().text_color();
    let sep_color = ui.visuals().extreme_bg_color;
    let weak = ui.visuals().weak_text_color();
    // Plot units per screen point: the bounds are the area plus the plot's margin.
    let ppu = h as f64 / (2.0 * MARGIN * (1.0 + 2.0 * PLOT_MARGIN as f64));
    // Each slice's label, then the percent alone, with the size each takes on screen.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let labels: Vec<[(String, [f64; 2]); 2]> = slices
        .iter()
        .map(|s| {
            let pct = format!("{:.1}%", s.amount.max(0) as f64 / total.max(1.0) * 100.0);
            let sized = |words: String| {
                let g = ui
                    .painter()
                    .layout_no_wrap(words.clone(), font.clone(), text_color);
                (words, [g.size().x as f64, g.size().y as f64])
            };
            [
                sized(format!("{}\n{pct}", wrap_words(&s.name, 12))),
                sized(pct),
            ]
        })
        .collect();
    let legend = Legend::default()
        .follow_insertion_order(true)
        .position(Corner::RightTop)
        .background_alpha(0.0)
        .hidden_items(std::iter::empty());
    let angles_in = angles.clone();
    let response = Plot::new(id_salt)
        .id(plot_id)
        .width(w)
        .height(h)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_background(false)
        .show_x(false)
        .show_y(false)
        .show_crosshair(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .sense(Sense::click())
        .set_margin_fraction(egui::Vec2::splat(PLOT_MARGIN))
        .include_x(-MARGIN)
        .include_x(x_max)
        .include_y(-MARGIN)
        .include_y(MARGIN)
        .legend(legend)
        .show(ui, |p| {
            let hovered = p
                .pointer_coordinate()
                .and_then(|c| slice_at(&angles_in, c.x, c.y));
            if total <= 0.0 {
                // An empty ring and the message, so the layout does not jump.
                let ring: Vec<[f64; 2]> = (0..=120)
                    .map(|i| {
                        let a = TAU * i as f64 / 120.0;
                        [RADIUS * a.sin(), RADIUS * a.cos()]
                    })
                    .collect();
                p.line(
                    Line::new("", ring)
                        .color(weak)
                        .width(1.0)
                        .allow_hover(false),
                );
                p.text(
                    Text::new(
                        "",
                        PlotPoint::new(0.0, 0.0),
                        RichText::new(empty).color(weak),
                    )
                    .allow_hover(false),
                );
                return hovered;
            }
            for (s, (_, a, b)) in slices.iter().zip(angles_in.iter()) {
                // With a slice picked, the others step back.
                let dim = selected.is_some_and(|k| k != s.key);
                let fill = if dim {
                    s.color.gamma_multiply(0.35)
                } else {
                    s.color
                };
                for piece in slice_polygons([0.0, 0.0], RADIUS, *a, *b) {
                    // Not `highlight`: egui_plot draws highlighted items last, over the labels.
                    p.polygon(
                        Polygon::new(s.name.clone(), piece)
                            .id(id_source(plot_id, s.key))
                            .stroke(Stroke::new(1.0, s.color))
                            .fill_color(fill)
                            .allow_hover(false),
                    );
                }
            }
            // Thin separators between slices.
            let drawn: Vec<&(u64, f64, f64)> = angles_in.iter().filter(|(_, a, b)| b > a).collect();
            if drawn.len() > 1 {
                for (_, a, _) in &drawn {
                    let edge = vec![[0.0, 0.0], [RADIUS * a.sin(), RADIUS * a.cos()]];
                    p.line(
                        Line::new("", edge)
                            .color(sep_color)
                            .width(1.5)
                            .allow_hover(false),
                    );
                }
            }
            // An outline around the slice under the pointer and the picked one.
            for (key, a, b) in &drawn {
                if hovered != Some(*key) && selected != Some(*key) {
                    continue;
                }
                let steps = ((b - a) / (TAU / 120.0)).ceil().max(1.0) as usize;
                let mut outline = vec![[0.0, 0.0]];
                outline.extend((0..=steps).map(|i| {
                    let t = a + (b - a) * i as f64 / steps as f64;
                    [RADIUS * t.sin(), RADIUS * t.cos()]
                }));
                if b - a < TAU - 1e-9 {
                    outline.push([0.0, 0.0]);
                }
                p.line(
                    Line::new("", outline)
                        .color(text_color)
                        .width(2.0)
                        .allow_hover(false),
                );
            }
            // Labels: name and percent inside a slice they fit in, else the percent
            // alone; a slice too narrow for either is named by the legend only, so no
            // label runs over another slice or out of the chart.
            for ((_, a, b), choices) in angles_in.iter().zip(&labels) {
                if b - a < LABEL_MIN {
                    continue;
                }
                let spot = choices.iter().find_map(|(words, [tw, th])| {
                    label_spot(*a, *b, [tw / ppu, th / ppu]).map(|at| (words, at))
                });
                if let Some((words, at)) = spot {
                    let text = RichText::new(words.as_str()).color(Color32::WHITE).strong();
                    p.text(Text::new("", at, text).allow_hover(false));
                }
            }
            hovered
        });
    let hovered = response.inner;
    let mut clicked = None;
    if let Some(key) = hovered
        && let Some(s) = slices.iter().find(|s| s.key == key)
    {
        let r = response.response.clone().on_hover_text_at_pointer(&s.hover);
        if r.clicked() {
            clicked = Some(key);
        }
    }
    // A click on a legend entry would hide the slice: take it as picking the slice
    // instead, and keep every slice shown.
    if let Some(mut mem) = PlotMemory::load(ui.ctx(), plot_id)
        && !mem.hidden_items.is_empty()
    {
        if clicked.is_none() {
            clicked = slices
                .iter()
                .find(|s| mem.hidden_items.contains(&item_id(plot_id, s.key)))
                .map(|s| s.key);
        }
        mem.hidden_items.clear();
        mem.store(ui.ctx(), plot_id);
    }
    PieResponse {
        clicked,
        hovered,
        geometry: PieGeometry {
            transform: response.transform,
            angles,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[test]
    fn slices_close_the_circle_exactly() {
        assert!(slice_angles(&[]).is_empty());
        assert!(slice_angles(&[0, 0]).is_empty());
        assert_eq!(slice_angles(&[42]), vec![(0.0, TAU)]);
        let s = slice_angles(&[1, 1, 2]);
        assert_eq!(s[0], (0.0, FRAC_PI_2));
        assert_eq!(s[1], (FRAC_PI_2, PI));
        assert_eq!(s[2], (PI, TAU));
        // Awkward thirds still end on exactly TAU, each slice starting where the last ended.
        let s = slice_angles(&[1, 1, 1, -5, 0]);
        assert_eq!(s.len(), 5);
        assert_eq!(s[4].1, TAU);
        assert_eq!(s[3].0, s[3].1);
        assert!(s.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn polygons_are_pieces_of_at_most_ninety_degrees() {
        assert!(slice_polygons([0.0, 0.0], 1.0, 1.0, 1.0).is_empty());
        let full = slice_polygons([0.0, 0.0], 1.0, 0.0, TAU);
        assert_eq!(full.len(), 4);
        let small = slice_polygons([1.0, 1.0], 2.0, 0.0, 0.3);
        assert_eq!(small.len(), 1);
        assert_eq!(small[0][0], [1.0, 1.0]);
        // 12 o'clock first, clockwise.
        assert_eq!(small[0][1], [1.0, 3.0]);
        let last = small[0].last().unwrap();
        assert!((last[0] - (1.0 + 2.0 * 0.3f64.sin())).abs() < 1e-12);
        for piece in slice_polygons([0.0, 0.0], 1.0, 0.5, 5.0) {
            let (a, b) = (piece[1], *piece.last().unwrap());
            let angle = (a[0] * b[0] + a[1] * b[1]).clamp(-1.0, 1.0).acos();
            assert!(angle <= FRAC_PI_2 + 1e-9);
        }
    }

    #[test]
    fn the_slice_under_a_point_follows_the_drawing_direction() {
        let angles = vec![(1, 0.0, PI / 2.0), (2, PI / 2.0, PI), (3, PI, TAU)];
        // Right of centre is 3 o'clock: a quarter turn clockwise from 12.
        assert_eq!(slice_at(&angles, 0.5, 0.5), Some(1));
        assert_eq!(slice_at(&angles, 0.5, -0.5), Some(2));
        assert_eq!(slice_at(&angles, -0.5, -0.5), Some(3));
        assert_eq!(slice_at(&angles, -0.5, 0.5), Some(3));
        // Outside the pie.
        assert_eq!(slice_at(&angles, 0.9, 0.9), None);
        // Empty slices are never hit.
        assert_eq!(slice_at(&[(7, 1.0, 1.0)], 0.5, 0.3), None);
    }

    /// Every point of the box `size` big around `at` is in the slice and the pie.
    fn box_in_slice(at: PlotPoint, size: [f64; 2], start: f64, end: f64) -> bool {
        (0..=20).all(|i| {
            (0..=20).all(|j| {
                let x = at.x - size[0] / 2.0 + size[0] * i as f64 / 20.0;
                let y = at.y - size[1] / 2.0 + size[1] * j as f64 / 20.0;
                let a = x.atan2(y).rem_euclid(TAU);
                x.hypot(y) <= RADIUS && (end - start >= TAU - 1e-9 || (start..=end).contains(&a))
            })
        })
    }

    #[test]
    fn a_label_sits_wholly_inside_its_slice_or_not_at_all() {
        // A 230 px high pie: about 80 px to a unit. "Travel &\nentertainment" over its
        // percent is about 100 x 36 px, "差旅招待\n12.5%" 70 x 36, "12.5%" 36 x 18.
        let ppu = 230.0 / (2.0 * MARGIN * 1.1);
        let px = |w: f64, h: f64| [w / ppu, h / ppu];
        let (en, zh, pct) = (px(100.0, 36.0), px(70.0, 36.0), px(36.0, 18.0));
        // Half the pie holds the Chinese label, inside it; the English one fits no
        // third, so that slice shows its percent (the legend names it).
        let half = (0.0, PI);
        let at = label_spot(half.0, half.1, zh).expect("half holds it");
        assert!(box_in_slice(at, zh, half.0, half.1));
        let third = (0.5, 0.5 + TAU / 3.0);
        assert_eq!(label_spot(third.0, third.1, en), None);
        let at = label_spot(third.0, third.1, pct).expect("the percent fits");
        assert!(box_in_slice(at, pct, third.0, third.1));
        // A sliver takes nothing.
        assert_eq!(label_spot(2.0, 2.2, pct), None);
        // Wherever a label is put, all of it is in its slice: slices of every width all
        // round the pie, and a slice wider than a half turn keeps clear of its wedge.
        for i in 0..72 {
            let start = TAU * i as f64 / 72.0;
            for span in [0.3, 0.6, 1.0, 1.6, 2.5, 3.5, 5.0] {
                let end = (start + span).min(TAU);
                for size in [en, zh, pct] {
                    if let Some(at) = label_spot(start, end, size) {
                        assert!(box_in_slice(at, size, start, end), "{start} {end} {size:?}");
                    }
                }
                // A sixth of the pie or more always shows at least its percent.
                if end - start >= TAU / 6.0 {
                    assert!(label_spot(start, end, pct).is_some(), "{start} {end}");
                }
            }
        }
        // A whole pie takes it in the middle, unless it is bigger than the pie.
        assert_eq!(label_spot(0.0, TAU, en), Some(PlotPoint::new(0.0, 0.0)));
        assert_eq!(label_spot(0.0, TAU, [2.5, 0.5]), None);
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        assert_eq!(
            wrap_words("Personnel & commissions", 12),
            "Personnel &\ncommissions"
        );
        assert_eq!(
            wrap_words("Travel & entertainment", 12),
            "Travel &\nentertainment"
        );
        assert_eq!(wrap_words("Tools", 12), "Tools");
        assert_eq!(wrap_words("人员与佣金", 12), "人员与佣金");
    }
}
