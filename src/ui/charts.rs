//! egui_plot helpers: the sales funnel as centred horizontal bars, and bars by month
//! with an optional line (revenue with its target, the forecast). The pie chart of the
//! budget lives in `charts_pie`.
//!
//! Charts are static pictures of cached figures: no drag, zoom or scroll (so the page
//! scrolls under them), and each carries a text alternative for screen readers (and
//! tests) naming the figures it shows.

use egui::{Align2, Color32, Ui};
use egui_plot::{Bar, BarChart, GridMark, Line, Plot, PlotPoint, Points, Text};

/// Colours of the five funnel stages, lead to won: from cool to warm.
pub const STAGE_COLORS: [Color32; 5] = [
    Color32::from_rgb(86, 140, 205),
    Color32::from_rgb(74, 160, 190),
    Color32::from_rgb(80, 170, 140),
    Color32::from_rgb(140, 175, 80),
    Color32::from_rgb(214, 160, 60),
];

/// Revenue bars and the target line.
pub const BAR_COLOR: Color32 = Color32::from_rgb(86, 140, 205);
pub const LINE_COLOR: Color32 = Color32::from_rgb(226, 110, 70);

/// One bar of a funnel.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelBar {
    /// The stage's name, on the y axis.
    pub name: String,
    /// The bar's width (a count or an amount).
    pub value: f64,
    /// What is written right of the bar ("120 · ¥345.0万").
    pub value_text: String,
    /// What is written between this bar and the next (conversion), if anything.
    pub to_next: Option<String>,
}

/// Draws a funnel of centred horizontal bars, top to bottom, with `value_text` beside
/// each bar and `to_next` between bars; `alt` is the chart's text alternative.
pub fn funnel(ui: &mut Ui, id: &str, bars: &[FunnelBar], height: f32, alt: &str) {
    let n = bars.len();
    let max = bars.iter().map(|b| b.value).fold(0.0f64, f64::max);
    // An empty funnel still gets a sensible frame.
    let half = if max > 0.0 { max / 2.0 } else { 1.0 };
    // The top bar sits at y = n - 1, the last at 0.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let names: Vec<String> = bars.iter().map(|b| b.name.clone()).collect();
    let text_color = ui.visuals().text_color();
    // Room right of each bar for its value ("120 · ¥345.0万"): wide enough for the
    // words in either language at the width the chart gets.
    let plot_px = ui.available_width() - FUNNEL_AXIS - 16.0;
    let value_font = egui::FontId::proportional(13.0);
    let reach = bars
        .iter()
        .map(|b| {
            let w = ui
                .painter()
                .layout_no_wrap(b.value_text.clone(), value_font.clone(), text_color)
                .size()
                .x;
            funnel_reach(b.value / 2.0 + half * 0.04, w + 6.0, plot_px)
        })
        .fold(half * 1.6, f64::max)
        .min(half * 8.0);
    let weak = ui.visuals().weak_text_color();
    let chart_bars: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(y_of(i), b.value)
                .base_offset(-b.value / 2.0)
                .width(0.62)
                .name(format!("{}: {}", b.name, b.value_text))
                .fill(STAGE_COLORS[i % STAGE_COLORS.len()])
        })
        .collect();
    let r = Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_grid(false)
        .show_axes([false, true])
        .show_background(false)
        .y_axis_min_width(FUNNEL_AXIS)
        .include_x(-reach)
        .include_x(reach)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .y_grid_spacer(move |_| {
            (0..n)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize >= n {
                return String::new();
            }
            names[n - 1 - i as usize].clone()
        })
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new("funnel", chart_bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            for (i, b) in bars.iter().enumerate() {
                p.text(
                    Text::new(
                        "funnel value",
                        PlotPoint::new(b.value / 2.0 + half * 0.04, y_of(i)),
                        egui::RichText::new(&b.value_text)
                            .color(text_color)
                            .size(13.0),
                    )
                    .anchor(Align2::LEFT_CENTER),
                );
                if let Some(t) = &b.to_next {
                    p.text(
                        Text::new(
                            "funnel conversion",
                            PlotPoint::new(0.0, y_of(i) - 0.5),
                            egui::RichText::new(t).color(weak).size(12.0),
                        )
                        .anchor(Align2::CENTER_CENTER),
                    );
                }
            }
        });
    finish(ui, &r.response, alt);
}

/// The width of the funnel's stage names.
const FUNNEL_AXIS: f32 = 150.0;

/// How far either side of the centre a funnel's x axis must reach so that a text
/// `text_px` wide starting at `start` (in plot units) ends inside a plot `plot_px` wide:
/// the plot spans 2 × reach units, so start × plot_px ÷ (2 reach) + text_px ≤ plot_px ÷ 2.
pub(crate) fn funnel_reach(start: f64, text_px: f32, plot_px: f32) -> f64 {
    let room = (plot_px - 2.0 * text_px) as f64;
    if room <= plot_px as f64 * 0.1 {
        return f64::INFINITY;
    }
    start * plot_px as f64 / room
}

/// The slot labels as drawn and which of them to write: a label wider than its slot
/// breaks into two lines (at the space nearest its middle, or between its middle
/// characters in Chinese) instead of being left out by the plot; only labels that still
/// do not fit make every `step`-th slot labelled.
pub(crate) fn fit_labels(
    labels: &[String],
    slot_px: f32,
    width_of: impl Fn(&str) -> f32,
) -> (Vec<String>, usize) {
    let room = slot_px - 8.0;
    let widest_line = |l: &str| l.lines().map(&width_of).fold(0.0f32, f32::max);
    let fitted: Vec<String> = labels
        .iter()
        .map(|l| {
            if width_of(l) <= room {
                return l.clone();
            }
            match in_two_lines(l) {
                Some(two) if widest_line(&two) < width_of(l) => two,
                _ => l.clone(),
            }
        })
        .collect();
    let widest = fitted.iter().map(|l| widest_line(l)).fold(0.0f32, f32::max);
    let step = ((widest + 8.0) / slot_px.max(1.0)).ceil().max(1.0) as usize;
    (fitted, step)
}

/// `label` broken in two lines near its middle: at a space, or between two Chinese
/// characters; None when it has neither (a Latin word, "2026年", a date).
fn in_two_lines(label: &str) -> Option<String> {
    let chars: Vec<char> = label.chars().collect();
    let mid = chars.len() / 2;
    let at = |pred: &dyn Fn(usize) -> bool| {
        (1..chars.len())
            .filter(|i| pred(*i))
            .min_by_key(|i| i.abs_diff(mid))
    };
    let (head, tail) = if let Some(i) = at(&|i| chars[i].is_whitespace()) {
        (&chars[..i], &chars[i + 1..])
    } else if let Some(i) = at(&|i| !chars[i - 1].is_ascii() && !chars[i].is_ascii()) {
        (&chars[..i], &chars[i..])
    } else {
        return None;
    };
    let text = |cs: &[char]| cs.iter().collect::<String>().trim().to_owned();
    Some(format!("{}\n{}", text(head), text(tail)))
}

/// The chart's text alternative, and its "PNG" button.
fn finish(ui: &mut Ui, chart: &egui::Response, alt: &str) {
    let text = alt.to_owned();
    chart.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &text));
    super::chart_png::save_button(ui, chart.rect, alt, super::chart_png::lang(ui.ctx()));
}

/// Values to plot as bars over a row of labelled slots (months).
pub struct BarsSpec<'a> {
    /// The legend's name of the bars.
    pub name: &'a str,
    pub values: &'a [f64],
    pub color: Color32,
}

/// A line over the same slots; None where there is no value (the line breaks there).
pub struct LineSpec<'a> {
    pub name: &'a str,
    pub values: &'a [Option<f64>],
    pub color: Color32,
}

/// Vertical bars over `labels` (one slot each, left to right) with an optional line,
/// the value axis written by `fmt`.
#[allow(clippy::too_many_arguments)]
pub fn bars_with_line(
    ui: &mut Ui,
    id: &str,
    labels: &[String],
    bars: BarsSpec<'_>,
    line: Option<LineSpec<'_>>,
    fmt: impl Fn(f64) -> String + Clone + 'static,
    height: f32,
    alt: &str,
) {
    let tip_names = labels.to_vec();
    let tip_fmt = fmt.clone();
    let axis_fmt = fmt.clone();
    let chart_bars: Vec<Bar> = bars
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            Bar::new(i as f64, *v)
                .width(0.6)
                .name(format!("{}: {}", tip_names[i], tip_fmt(*v)))
                .fill(bars.color)
        })
        .collect();
    let max = bars
        .values
        .iter()
        .copied()
        .chain(line.iter().flat_map(|l| l.values.iter().flatten().copied()))
        .fold(0.0f64, f64::max);
    let mut keys = vec![Key::Bars(bars.name, bars.color)];
    keys.extend(line.iter().map(|l| Key::Line(l.name, l.color)));
    legend_row(ui, &keys);
    let r = slot_plot(ui, id, labels, height)
        .include_y(if max > 0.0 { max * 1.15 } else { 1.0 })
        .y_axis_formatter(move |mark, _| {
            if mark.value < 0.0 {
                String::new()
            } else {
                axis_fmt(mark.value)
            }
        })
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new(bars.name, chart_bars)
                    .color(bars.color)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            if let Some(l) = line {
                line_runs(p, &l);
            }
        });
    finish(ui, &r.response, alt);
}

/// The width of a slot plot's value axis.
const SLOT_AXIS: f32 = 64.0;

/// One entry of a chart's legend: bars or a line, by name and colour.
#[derive(Debug, Clone, Copy)]
enum Key<'a> {
    Bars(&'a str, Color32),
    Line(&'a str, Color32),
}

/// A slot chart's legend, a row above the plot: inside the plot it covered the first
/// bar (the largest, as tables sort), whatever room was left above the bars.
/// Unnamed series are left out, as the plot's own legend did.
fn legend_row(ui: &mut Ui, keys: &[Key<'_>]) {
    let named = |k: &&Key<'_>| !matches!(k, Key::Bars(n, _) | Key::Line(n, _) if n.is_empty());
    if !keys.iter().any(|k| named(&k)) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for key in keys.iter().filter(named) {
            let (name, color) = match *key {
                Key::Bars(n, c) | Key::Line(n, c) => (n, c),
            };
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            let painter = ui.painter();
            match key {
                Key::Bars(..) => {
                    painter.rect_filled(rect.shrink2(egui::vec2(3.0, 0.0)), 2.0, color);
                }
                Key::Line(..) => {
                    let y = rect.center().y;
                    let stroke = egui::Stroke::new(2.0, color);
                    painter.line_segment([rect.left_center(), egui::pos2(rect.right(), y)], stroke);
                    painter.circle_filled(rect.center(), 3.0, color);
                }
            }
            ui.label(name);
            ui.add_space(10.0);
        }
    });
}

/// A static plot over a row of labelled slots (0..n on x), from 0 up on y: no drag,
/// zoom or scroll, no legend inside (see [`legend_row`]), every k-th slot labelled so
/// labels do not run into each other.
fn slot_plot(ui: &Ui, id: &str, labels: &[String], height: f32) -> Plot<'static> {
    let n = labels.len();
    // The slots share what the value axis leaves of the width.
    let slot = (ui.available_width() - SLOT_AXIS - 16.0).max(100.0) / n.max(1) as f32;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let (names, step) = fit_labels(labels, slot, |l| {
        let g = ui
            .painter()
            .layout_no_wrap(l.to_owned(), font.clone(), color);
        g.size().x
    });
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .y_axis_min_width(SLOT_AXIS)
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label_spacing(20.0..=24.0)
                .formatter(move |mark, _| {
                    let i = mark.value.round();
                    if (mark.value - i).abs() > 1e-6 || i < 0.0 || i as usize >= n {
                        return String::new();
                    }
                    names[i as usize].clone()
                }),
        ])
        .x_grid_spacer(move |_| {
            (0..n)
                .step_by(step)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: step as f64,
                })
                .collect()
        })
}

/// Draws a line with its points, one Line per unbroken run (all named alike so the
/// legend shows one).
fn line_runs(p: &mut egui_plot::PlotUi<'_>, l: &LineSpec<'_>) {
    let mut run: Vec<[f64; 2]> = Vec::new();
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    for (i, v) in l.values.iter().enumerate() {
        match v {
            Some(v) => run.push([i as f64, *v]),
            None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for pts in runs {
        p.points(Points::new(l.name, pts.clone()).color(l.color).radius(2.5));
        p.line(Line::new(l.name, pts).color(l.color).width(2.0));
    }
}

/// Lines over `labels` (one slot each), on a fixed value range `0..=y_max` (a 1–5
/// scale, say), each value axis mark written as a whole number.
pub fn lines(
    ui: &mut Ui,
    id: &str,
    labels: &[String],
    series: &[LineSpec<'_>],
    y_max: f64,
    height: f32,
    alt: &str,
) {
    let keys: Vec<Key<'_>> = series.iter().map(|l| Key::Line(l.name, l.color)).collect();
    legend_row(ui, &keys);
    let r = slot_plot(ui, id, labels, height)
        .include_y(y_max)
        .y_axis_formatter(|mark, _| {
            if mark.value < 0.0 || (mark.value - mark.value.round()).abs() > 1e-6 {
                String::new()
            } else {
                format!("{:.0}", mark.value)
            }
        })
        .show(ui, |p| {
            for l in series {
                line_runs(p, l);
            }
        });
    finish(ui, &r.response, alt);
}

/// Colours for several lines on one chart, one per series in turn.
pub const SERIES_COLORS: [Color32; 8] = [
    Color32::from_rgb(86, 140, 205),
    Color32::from_rgb(226, 110, 70),
    Color32::from_rgb(80, 170, 140),
    Color32::from_rgb(214, 160, 60),
    Color32::from_rgb(150, 110, 200),
    Color32::from_rgb(200, 90, 140),
    Color32::from_rgb(110, 110, 110),
    Color32::from_rgb(60, 180, 200),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// 8 px a Latin character, 14 a Chinese one: about egui's body text.
    fn width(s: &str) -> f32 {
        s.chars()
            .map(|c| if c.is_ascii() { 8.0 } else { 14.0 })
            .sum()
    }

    #[test]
    fn a_label_wider_than_its_slot_breaks_in_two_lines_instead_of_dropping_out() {
        let labels: Vec<String> = ["Online", "Word of mouth", "线下活动推广会", "Ads"]
            .map(String::from)
            .to_vec();
        // 4 slots of 90 px: "Word of mouth" (104 px) and the Chinese (98 px) do not fit.
        let (drawn, step) = fit_labels(&labels, 90.0, width);
        assert_eq!(step, 1, "every slot keeps its label");
        assert_eq!(drawn[0], "Online");
        assert_eq!(drawn[1], "Word of\nmouth");
        assert_eq!(drawn[2], "线下活\n动推广会");
        for l in &drawn {
            assert!(l.lines().all(|x| width(x) <= 90.0 - 8.0), "{l:?} fits");
        }
        // A year or a date is never cut inside.
        let (drawn, _) = fit_labels(&["2026年".to_owned(), "2月".to_owned()], 30.0, width);
        assert_eq!(drawn[0], "2026年");
    }

    #[test]
    fn labels_that_cannot_fit_even_in_two_lines_label_every_other_slot() {
        let labels: Vec<String> = (1..=12).map(|m| format!("Month{m:02}")).collect();
        let (_, step) = fit_labels(&labels, 40.0, width);
        assert_eq!(step, 2);
    }

    #[test]
    fn the_funnel_reaches_far_enough_for_the_widest_value_text() {
        // A 700 px plot; the top bar's text starts at 52 units, 120 px wide.
        let reach = funnel_reach(52.0, 120.0, 700.0);
        let px_per_unit = 700.0 / (2.0 * reach);
        let end = 700.0 / 2.0 + 52.0 * px_per_unit + 120.0;
        assert!(end <= 700.0 + 1e-3, "the text ends inside ({end})");
        assert_eq!(funnel_reach(1.0, 340.0, 700.0), f64::INFINITY);
    }
}
