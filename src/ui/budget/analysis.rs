//! Plan vs actual: bars and the variance per category, the monthly burn against the
//! plan, cost control in words (biggest overruns, fastest-growing categories) and the
//! year-end spend forecast at the current burn rate.

use super::{Text, category_color, month_label};
use crate::analytics::{
    BudgetAlert, BurnMonth, CategoryBudget, Growth, YearEndForecast, biggest_overruns,
    fastest_growing, monthly_burn, year_end_forecast,
};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_estimate, money_short, percent, round_estimate};
use chrono::Datelike;
use egui::{Color32, RichText};
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoint,
};

const PLAN_COLOR: Color32 = Color32::from_rgb(0x8a, 0x9b, 0xb4);
const OK_COLOR: Color32 = Color32::from_rgb(0x4c, 0xa8, 0x5a);

fn yuan(m: Money) -> f64 {
    m.0 as f64 / 100.0
}

fn from_yuan(v: f64) -> Money {
    Money((v * 100.0).round() as i64)
}

fn status(lang: Lang, a: BudgetAlert) -> &'static str {
    match a {
        BudgetAlert::Ok => Text::StatusOk.get(lang),
        BudgetAlert::Warning => Text::StatusWarning.get(lang),
        BudgetAlert::Over => Text::StatusOver.get(lang),
    }
}

fn alert_color(ui: &egui::Ui, a: BudgetAlert) -> Color32 {
    match a {
        BudgetAlert::Ok => OK_COLOR,
        BudgetAlert::Warning => ui.visuals().warn_fg_color,
        BudgetAlert::Over => ui.visuals().error_fg_color,
    }
}

/// Draws the tab; returns a category the user picked (to filter the list and the burn).
pub fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    year: i32,
    period: Period,
    rows: &[CategoryBudget],
    selected: Option<CategoryId>,
) -> Option<CategoryId> {
    let lang = cx.lang;
    let mut pick = None;
    ui.heading(Text::PlanVsActual.get(lang));
    if rows.is_empty() {
        ui.label(T::NothingYet.get(lang));
    } else if ui.available_width() > 1050.0 {
        ui.horizontal_top(|ui| {
            let w = ui.available_width() * 0.45;
            bars(ui, cx, rows, w);
            ui.add_space(12.0);
            ui.vertical(|ui| pick = variance_grid(ui, cx, rows, selected));
        });
    } else {
        bars(ui, cx, rows, ui.available_width());
        pick = variance_grid(ui, cx, rows, selected);
    }
    ui.add_space(10.0);
    super::by_source::show(ui, cx, period);
    ui.add_space(10.0);
    ui.separator();
    if burn(ui, cx, year, selected) {
        pick = selected;
    }
    ui.add_space(10.0);
    ui.separator();
    cost_control(ui, cx, period, rows);
    ui.add_space(10.0);
    ui.separator();
    forecast(ui, cx, year);
    pick
}

fn bars(ui: &mut egui::Ui, cx: &Cx, rows: &[CategoryBudget], width: f32) {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let n = rows.len();
    let names: Vec<String> = rows
        .iter()
        .map(|r| ws.category_name(r.category).to_owned())
        .collect();
    let (warn, err) = (ui.visuals().warn_fg_color, ui.visuals().error_fg_color);
    let mut plan_bars = Vec::with_capacity(n);
    let mut actual_bars = Vec::with_capacity(n);
    for (i, (r, name)) in rows.iter().zip(&names).enumerate() {
        // The first category at the top.
        let y = (n - 1 - i) as f64;
        let tip = |what: Text, m: Money| format!("{name}\n{} {}", what.get(lang), money(m));
        plan_bars.push(
            Bar::new(y + 0.19, yuan(r.planned))
                .width(0.36)
                .name(tip(Text::Planned, r.planned))
                .fill(PLAN_COLOR),
        );
        let fill = match r.alert {
            BudgetAlert::Ok => OK_COLOR,
            BudgetAlert::Warning => warn,
            BudgetAlert::Over => err,
        };
        let actual_tip = format!(
            "{}\n{} {}（{}）",
            tip(Text::Actual, r.actual),
            Text::Variance.get(lang),
            money(r.variance),
            percent(r.pct_of_plan)
        );
        actual_bars.push(
            Bar::new(y - 0.19, yuan(r.actual))
                .width(0.36)
                .name(actual_tip)
                .fill(fill),
        );
    }
    let label_names = names.clone();
    Plot::new("budget_bars")
        .width(width)
        .height((n as f32 * 34.0 + 50.0).clamp(160.0, 420.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .show_y(false)
        .include_x(0.0)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .show_grid([true, false])
        .y_axis_min_width(110.0)
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
            label_names[n - 1 - i as usize].clone()
        })
        .x_axis_formatter(move |mark, _| {
            if mark.value < 0.0 {
                String::new()
            } else {
                money_short(from_yuan(mark.value), lang)
            }
        })
        .legend(
            Legend::default()
                .position(Corner::RightBottom)
                .follow_insertion_order(true),
        )
        .show(ui, |p| {
            // The legend grows bottom-up: adding actual first puts plan above it, as in the bars.
            p.bar_chart(
                BarChart::new(Text::Actual.get(lang), actual_bars)
                    .horizontal()
                    .color(OK_COLOR)
                    .element_formatter(Box::new(|b, _| b.name.clone())),
            );
            p.bar_chart(
                BarChart::new(Text::Planned.get(lang), plan_bars)
                    .horizontal()
                    .color(PLAN_COLOR)
                    .element_formatter(Box::new(|b, _| b.name.clone())),
            );
        });
}

/// Plan, actual and variance (amount and % of plan) per category; a name picks it.
fn variance_grid(
    ui: &mut egui::Ui,
    cx: &Cx,
    rows: &[CategoryBudget],
    selected: Option<CategoryId>,
) -> Option<CategoryId> {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let b = |k: Text| k.get(lang);
    let mut pick = None;
    egui::Grid::new("budget_variance_grid")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 5.0])
        .show(ui, |ui| {
            for h in [
                Text::Category,
                Text::Planned,
                Text::Actual,
                Text::Variance,
                Text::PctOfPlan,
                Text::Status,
            ] {
                ui.strong(b(h));
            }
            ui.end_row();
            for r in rows {
                ui.horizontal(|ui| {
                    ui.colored_label(category_color(r.category), "■");
                    if ui
                        .selectable_label(
                            selected == Some(r.category),
                            ws.category_name(r.category),
                        )
                        .clicked()
                    {
                        pick = Some(r.category);
                    }
                });
                ui.label(money(r.planned));
                ui.label(money(r.actual));
                let c = alert_color(ui, r.alert);
                let sign = if r.variance.0 > 0 { "+" } else { "" };
                ui.colored_label(c, format!("{sign}{}", money(r.variance)));
                ui.label(percent(r.pct_of_plan));
                ui.colored_label(c, status(lang, r.alert));
                ui.end_row();
            }
            let plan: Money = rows.iter().map(|r| r.planned).sum();
            let actual: Money = rows.iter().map(|r| r.actual).sum();
            let var = actual - plan;
            ui.strong(T::Total.get(lang));
            ui.strong(money(plan));
            ui.strong(money(actual));
            ui.strong(format!(
                "{}{}",
                if var.0 > 0 { "+" } else { "" },
                money(var)
            ));
            ui.strong(percent(crate::analytics::ratio(
                actual.0 as f64,
                plan.0 as f64,
            )));
            ui.label("");
            ui.end_row();
        });
    pick
}

/// The cumulative actual against the cumulative plan for `year`, one category or all,
/// with the year-end forecast as a dashed line. Returns true when the user clears the
/// category.
fn burn(ui: &mut egui::Ui, cx: &mut Cx, year: i32, category: Option<CategoryId>) -> bool {
    let lang = cx.lang;
    let today = cx.today;
    let rev = cx.doc.revision();
    let ws = &cx.doc.ws();
    let months: [BurnMonth; 12] =
        *cx.cache
            .get_or_compute(rev, "monthly_burn", (year, category), || {
                monthly_burn(ws, year, category)
            });
    let forecasts: Vec<YearEndForecast> = cx
        .cache
        .get_or_compute(rev, "year_end_forecast", (year, today), || {
            year_end_forecast(ws, year, today)
        })
        .clone();
    let mut clear = false;
    ui.horizontal(|ui| {
        ui.heading(Text::Burn.get(lang));
        ui.label(Text::BurnScope.get(lang));
        match category {
            Some(c) => {
                ui.colored_label(category_color(c), "■");
                ui.strong(ws.category_name(c));
                if ui.small_button(Text::AllCategories.get(lang)).clicked() {
                    clear = true;
                }
            }
            None => {
                ui.strong(Text::AllCategories.get(lang));
            }
        }
    });
    let start = [0.0, 0.0];
    let plan: Vec<[f64; 2]> = std::iter::once(start)
        .chain(months.iter().map(|m| [m.month as f64, yuan(m.cum_planned)]))
        .collect();
    // Actual up to today: a whole past year, this year to today, a future year nothing.
    let (last_month, today_x) = if year < today.year() {
        (12, 12.0)
    } else if year == today.year() {
        let m = today.month();
        let days = Period::month(year, m).days() as f64;
        (m, (m - 1) as f64 + today.day() as f64 / days)
    } else {
        (0, 0.0)
    };
    let mut actual: Vec<[f64; 2]> = std::iter::once(start)
        .chain(
            months
                .iter()
                .take(last_month.saturating_sub(1) as usize)
                .map(|m| [m.month as f64, yuan(m.cum_actual)]),
        )
        .collect();
    if last_month > 0 {
        actual.push([today_x, yuan(months[last_month as usize - 1].cum_actual)]);
    }
    let forecast_total: Money = forecasts
        .iter()
        .filter(|f| category.is_none_or(|c| f.category == c))
        .map(|f| f.forecast)
        .sum();
    let forecast_line = (year == today.year() && last_month > 0).then(|| {
        vec![
            *actual.last().expect("has today"),
            [12.0, yuan(forecast_total)],
        ]
    });
    let (l_plan, l_actual, l_fc) = (
        Text::CumPlan.get(lang),
        Text::CumActual.get(lang),
        Text::ForecastLine.get(lang),
    );
    Plot::new("budget_burn")
        .height(240.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .include_x(0.0)
        .include_x(12.0)
        .include_y(0.0)
        .x_grid_spacer(|_| {
            (0..=12)
                .map(|m| GridMark {
                    value: m as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let m = mark.value.round();
            if (mark.value - m).abs() > 1e-6 || !(1.0..=12.0).contains(&m) {
                String::new()
            } else {
                month_label(lang, m as u32)
            }
        })
        .y_axis_formatter(move |mark, _| money_short(from_yuan(mark.value), lang))
        .y_axis_min_width(70.0)
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let m = position.x.ceil().clamp(1.0, 12.0) as u32;
                Some(format!(
                    "{plot_name}\n{}: {}",
                    month_label(lang, m),
                    money(from_yuan(position.y))
                ))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .legend(
            Legend::default()
                .position(Corner::LeftTop)
                .follow_insertion_order(true),
        )
        .show(ui, |p| {
            p.line(Line::new(l_plan, plan).color(PLAN_COLOR).width(2.0));
            p.line(
                Line::new(l_actual, actual)
                    .color(Color32::from_rgb(0x3b, 0x82, 0xc4))
                    .width(2.5),
            );
            if let Some(f) = forecast_line {
                p.line(
                    Line::new(l_fc, f)
                        .color(Color32::from_rgb(0xe0, 0x8a, 0x2c))
                        .style(LineStyle::dashed_loose())
                        .width(2.0),
                );
            }
            // Today's position, so the reader sees where the actual line stops.
            if year == today.year() {
                p.text(
                    egui_plot::Text::new(
                        "",
                        PlotPoint::new(today_x, 0.0),
                        RichText::new(format!("▲ {}", T::Today.get(lang))).small(),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM)
                    .allow_hover(false),
                );
            }
        });
    clear
}

fn cost_control(ui: &mut egui::Ui, cx: &mut Cx, period: Period, rows: &[CategoryBudget]) {
    let lang = cx.lang;
    let rev = cx.doc.revision();
    let ws = &cx.doc.ws();
    let growth: Vec<Growth> = cx
        .cache
        .get_or_compute(rev, "fastest_growing", period, || {
            fastest_growing(ws, period)
        })
        .clone();
    let err = ui.visuals().error_fg_color;
    ui.heading(Text::CostControl.get(lang));
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.strong(Text::BiggestOverruns.get(lang));
        let over = biggest_overruns(rows, 3);
        if over.is_empty() {
            ui.label(Text::NoOverrun.get(lang));
        }
        for r in over {
            let name = ws.category_name(r.category);
            let pct = percent(r.pct_of_plan);
            let text = Text::over_plan(lang, name, money(r.variance), pct);
            ui.colored_label(err, text);
        }
        let ui = &mut cols[1];
        ui.strong(Text::FastestGrowing.get(lang));
        if growth.is_empty() {
            ui.label(Text::NoGrowth.get(lang));
        }
        for g in growth.iter().take(3) {
            let name = ws.category_name(g.category);
            let (prev, cur) = (money_short(g.previous, lang), money_short(g.current, lang));
            let text = match (g.growth, lang) {
                (Some(x), Lang::Zh) => {
                    format!("{name}：比上期增长 {}（{prev} → {cur}）", percent(Some(x)))
                }
                (Some(x), Lang::En) => format!(
                    "{name}: up {} on the previous period ({prev} → {cur})",
                    percent(Some(x))
                ),
                (None, Lang::Zh) => format!("{name}：上期没有支出，本期 {cur}"),
                (None, Lang::En) => format!("{name}: {cur}, nothing the period before"),
            };
            ui.label(text);
        }
    });
}

fn forecast(ui: &mut egui::Ui, cx: &mut Cx, year: i32) {
    let lang = cx.lang;
    let today = cx.today;
    let rev = cx.doc.revision();
    let ws = &cx.doc.ws();
    let rows: Vec<YearEndForecast> = cx
        .cache
        .get_or_compute(rev, "year_end_forecast", (year, today), || {
            year_end_forecast(ws, year, today)
        })
        .clone();
    let b = |k: Text| k.get(lang);
    ui.heading(format!("{} {year}", b(Text::YearEndForecast)));
    if rows.is_empty() {
        ui.label(b(Text::NothingToForecast));
        return;
    }
    // Forecasts are estimates: each is shown to the nearest ¥100, and the total and the
    // differences are taken from the figures as shown, so they add up on screen.
    let shown_fc = |r: &crate::analytics::budget::YearEndForecast| round_estimate(r.forecast);
    let plan: Money = rows.iter().map(|r| r.planned).sum();
    let fc: Money = rows.iter().map(shown_fc).sum();
    let diff = fc - plan;
    let headline = match (lang, diff.0 > 0) {
        (Lang::Zh, true) => format!(
            "按当前支出速度，{year} 年全年预计支出 {}，比计划 {} 多 {}。",
            money_estimate(fc),
            money(plan),
            money(diff)
        ),
        (Lang::Zh, false) => format!(
            "按当前支出速度，{year} 年全年预计支出 {}，比计划 {} 少 {}。",
            money_estimate(fc),
            money(plan),
            money(Money(-diff.0))
        ),
        (Lang::En, true) => format!(
            "At the current burn rate, {year} ends at about {}, {} over the plan of {}.",
            money_estimate(fc),
            money(diff),
            money(plan)
        ),
        (Lang::En, false) => format!(
            "At the current burn rate, {year} ends at about {}, {} under the plan of {}.",
            money_estimate(fc),
            money(Money(-diff.0)),
            money(plan)
        ),
    };
    ui.label(headline);
    let heading_over: Vec<&str> = rows
        .iter()
        .filter(|r| r.over.0 > 0)
        .map(|r| ws.category_name(r.category))
        .collect();
    if !heading_over.is_empty() {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!("{} {}", b(Text::HeadingOver), heading_over.join(sep)),
        );
    }
    ui.add_space(4.0);
    egui::Grid::new("budget_forecast_grid")
        .striped(true)
        .num_columns(5)
        .spacing([14.0, 5.0])
        .show(ui, |ui| {
            for h in [
                Text::Category,
                Text::YearPlan,
                Text::ToDate,
                Text::Forecast,
                Text::VsPlan,
            ] {
                ui.strong(b(h));
            }
            ui.end_row();
            for r in &rows {
                ui.horizontal(|ui| {
                    ui.colored_label(category_color(r.category), "■");
                    ui.label(ws.category_name(r.category));
                });
                ui.label(money(r.planned));
                ui.label(money(r.actual_to_date));
                ui.label(money_estimate(shown_fc(r)));
                let over = shown_fc(r) - r.planned;
                let c = if over.0 > 0 {
                    ui.visuals().error_fg_color
                } else {
                    OK_COLOR
                };
                ui.colored_label(
                    c,
                    format!("{}{}", if over.0 > 0 { "+" } else { "" }, money(over)),
                );
                ui.end_row();
            }
            ui.strong(T::Total.get(lang));
            ui.strong(money(plan));
            ui.strong(money(rows.iter().map(|r| r.actual_to_date).sum()));
            ui.strong(money_estimate(fc));
            ui.strong(format!(
                "{}{}",
                if diff.0 > 0 { "+" } else { "" },
                money(diff)
            ));
            ui.end_row();
        });
}
