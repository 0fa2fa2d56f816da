//! The Dashboard page (总览): the period's headline figures as tiles, each compared with
//! the same point of the previous period, and the alerts of the day, each a link to the
//! page that deals with it.
//!
//! Every figure comes from `analytics` through the cache, keyed by the document's
//! revision and the period, so a frame only draws.

use super::format::{money, money_short, overdue_days, percent};
// The number formatters live in ui/format.rs; other pages reach them through here too.
pub use super::format::{average_days, per_day, points, times};
use super::widgets::period::{self, PeriodKind, PeriodPicker};
use super::{Cx, Route};
use crate::analytics::{
    BudgetAlert, CategoryBudget, DealFilter, Figures, Overview, Reminders, budget_alerts,
    budget_by_category, comparable_previous, overview, reminders,
};
use crate::i18n::{Label, Lang, T};
use crate::model::{Money, Period, RecordKey};
use egui::{Color32, RichText, Ui};
use std::sync::Arc;

crate::texts! {
    pub enum Text {
        Revenue => "销售额", "Revenue";
        Attainment => "目标完成率", "Target attainment";
        Pipeline => "加权管道", "Weighted pipeline";
        Coverage => "剩余目标覆盖率", "Coverage of remaining target";
        WinRate => "赢单率", "Win rate";
        Cycle => "平均成交周期", "Average cycle";
        Velocity => "销售速度", "Sales velocity";
        NewCustomers => "新客户", "New customers";
        MarketShare => "市场份额", "Market share";
        NoTarget => "本期未设销售目标", "No target set for this period";
        TargetReached => "本期目标已完成", "Target reached for this period";
        NoMarketSize => "本期没有市场规模数据", "No market size for this period";
        CoverageHow => "加权管道 ÷ 尚差的目标", "Weighted pipeline ÷ target still to win";
        CycleHow => "从创建到成交的平均天数", "Mean days from created to won";
        VelocityHow => "在谈数 × 平均成交额 × 赢单率 ÷ 平均周期", "Open deals × avg won × win rate ÷ avg cycle";
        NewCustomersHow => "本期新建的客户", "Customers created in the period";
        Unchanged => "持平", "unchanged";
        VsPrevious => "较上期同期", "vs previous period";
        NoPrevious => "上期没有可比数据", "Nothing to compare with last period";
        Alerts => "提醒", "Alerts";
        FollowUps => "今天到期和逾期的跟进", "Follow-ups due today and overdue";
        Network => "人脉", "Network";
        StaleDeals => "停滞的商机", "Stale deals";
        BudgetAlerts => "预算预警（本期）", "Budget alerts (this period)";
        ReviewsDue => "待完成的绩效评估", "Reviews due";
        NothingDue => "没有需要处理的事项。", "Nothing to deal with.";
        DueToday => "今天到期", "due today";
        OpenReview => "打开这次评估", "Open this review";
        AgreedAction => "评估约定", "Review action";
        OpenPage => "打开", "Open";
    }
    fn {
        compared_with(prev, from, to) => "对比 {prev}（{from} – {to}）", "Compared with {prev} ({from} – {to})";
        idle_for(n, limit) => "{n} 天无进展（上限 {limit} 天）", "idle {n} days (limit {limit})";
        won_lost(won, lost) => "赢单 {won} · 丢单 {lost}", "{won} won · {lost} lost";
        days_left(days, end) => "剩余 {days}（至 {end}）", "{days} left (to {end})";
        market_size(size) => "同期市场规模 {size}", "Market size for the same days {size}";
        open_deals(n, amount, date) => "在谈 {n} 个，总额 {amount}（截至 {date}）", "{n} open worth {amount} (as of {date})";
    }
}

/// Whether a rise of a figure is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Up,
    Down,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// A change against the previous period, worded: "↑ ¥12.3万 (+8.1%)".
#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    pub text: String,
    pub tone: Tone,
}

/// Compares `now` with `before`; `abs` words the size of the change, `relative` adds the
/// change in percent of `before`.
pub fn delta(
    now: Option<f64>,
    before: Option<f64>,
    abs: &dyn Fn(f64) -> String,
    relative: bool,
    better: Better,
    lang: Lang,
) -> Delta {
    let (Some(now), Some(before)) = (now, before) else {
        return Delta {
            text: Text::NoPrevious.get(lang).to_owned(),
            tone: Tone::Neutral,
        };
    };
    let diff = now - before;
    if abs(diff.abs()) == abs(0.0) {
        return Delta {
            text: format!("→ {}", Text::Unchanged.get(lang)),
            tone: Tone::Neutral,
        };
    }
    let up = diff > 0.0;
    let arrow = if up { "↑" } else { "↓" };
    let mut text = format!("{arrow} {}", abs(diff.abs()));
    if relative && before != 0.0 {
        text.push_str(&format!(" ({:+.1}%)", diff / before.abs() * 100.0));
    }
    let good = up == (better == Better::Up);
    Delta {
        text,
        tone: if good { Tone::Good } else { Tone::Bad },
    }
}

pub fn tone_color(ui: &Ui, tone: Tone) -> Color32 {
    match tone {
        Tone::Good if ui.visuals().dark_mode => Color32::from_rgb(110, 200, 120),
        Tone::Good => Color32::from_rgb(30, 130, 60),
        Tone::Bad => ui.visuals().error_fg_color,
        Tone::Neutral => ui.visuals().weak_text_color(),
    }
}

/// What the alerts list, computed once per revision and period.
#[derive(Debug, Default)]
struct Alerts {
    reminders: Reminders,
    budget: Vec<CategoryBudget>,
}

/// The Dashboard's own state: only its period.
pub struct DashboardPage {
    pub period: PeriodPicker,
}

impl Default for DashboardPage {
    fn default() -> Self {
        DashboardPage {
            period: PeriodPicker::new(PeriodKind::Month),
        }
    }
}

impl DashboardPage {
    fn show_page(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let today = cx.today;
        ui.horizontal_wrapped(|ui| {
            ui.heading(cx.t(T::Dashboard));
            ui.add_space(16.0);
            self.period.show(ui, lang, today);
        });
        let period = self.period.period(today);
        let rev = cx.doc.revision();
        let ws = &cx.doc.ws();
        let ov: Overview = *cx
            .cache
            .get_or_compute(rev, "dash_overview", (period, today), || {
                overview(ws, period, today, &DealFilter::ALL)
            });
        let alerts: Arc<Alerts> = cx
            .cache
            .get_or_compute(rev, "dash_alerts", (period, today), || {
                Arc::new(Alerts {
                    reminders: reminders(ws, today),
                    budget: budget_alerts(&budget_by_category(ws, period)),
                })
            })
            .clone();
        let cmp = comparable_previous(period, today);
        let prev = period::label(lang, period.previous());
        ui.weak(Text::compared_with(lang, prev, cmp.start, cmp.end));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .id_salt("dashboard_scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                // Keep clear of the floating scroll bar.
                ui.set_max_width(ui.available_width() - 12.0);
                tiles(ui, lang, &ov);
                ui.add_space(12.0);
                ui.heading(Text::Alerts.get(lang));
                ui.add_space(4.0);
                self.alerts(ui, cx, &alerts);
            });
    }

    fn alerts(&mut self, ui: &mut Ui, cx: &mut Cx, alerts: &Alerts) {
        let lang = cx.lang;
        let r = &alerts.reminders;
        // Two boxes a row: what is left after the gap and each box's margins and stroke.
        let gap = ui.spacing().item_spacing.x;
        let width = ((ui.available_width() - gap) / 2.0 - frame_extra(ui) - 1.0).max(240.0);
        let mut go: Option<Route> = None;
        let period = self.period.period(cx.today);
        let ws = &cx.doc.ws();
        ui.horizontal_top(|ui| {
            alert_group(
                ui,
                width,
                Text::FollowUps.get(lang),
                r.follow_ups.len() + r.network.len() + r.review_actions.len() + r.plan_steps.len(),
                lang,
                |ui, i| {
                    // Customers' follow-ups first, then people of the network, then the
                    // actions agreed in reviews, then promotion plan steps.
                    let after = r.follow_ups.len() + r.network.len();
                    let before_steps = after + r.review_actions.len();
                    if let Some(s) = i
                        .checked_sub(before_steps)
                        .and_then(|k| r.plan_steps.get(k))
                    {
                        if let Some(to) = crate::ui::promotions::step_due_row(ui, lang, ws, s) {
                            go = Some(to);
                        }
                        return;
                    }
                    if i >= after {
                        if let Some(route) =
                            review_action_row(ui, lang, ws, &r.review_actions[i - after])
                        {
                            go = Some(route);
                        }
                        return;
                    }
                    let Some(f) = r.follow_ups.get(i) else {
                        let p = &r.network[i - r.follow_ups.len()];
                        let name = ws.me.people.get(p.person).map(|x| x.name.as_str());
                        let text = format!(
                            "{} · {}",
                            name.unwrap_or("—"),
                            if p.days_overdue <= 0 {
                                Text::DueToday.get(lang).to_owned()
                            } else {
                                overdue_days(lang, p.days_overdue)
                            }
                        );
                        if ui.link(text).clicked() {
                            go = Some(Route::record(RecordKey::Person(p.person)));
                        }
                        ui.weak(Text::Network.get(lang));
                        return;
                    };
                    let status = if f.days_overdue <= 0 {
                        Text::DueToday.get(lang).to_owned()
                    } else {
                        overdue_days(lang, f.days_overdue)
                    };
                    let text = format!("{} · {status}", ws.customer_name(f.customer));
                    let link = if f.days_overdue > 0 {
                        RichText::new(text).color(ui.visuals().error_fg_color)
                    } else {
                        RichText::new(text)
                    };
                    if ui.link(link).clicked() {
                        go = Some(Route::record(RecordKey::Customer(f.customer)));
                    }
                    if let Some(m) = f.member {
                        ui.weak(ws.member_name(m));
                    }
                },
            );
            alert_group(
                ui,
                width,
                Text::StaleDeals.get(lang),
                r.stale_deals.len(),
                lang,
                |ui, i| {
                    let s = &r.stale_deals[i];
                    let title = ws
                        .deals
                        .deals
                        .get(s.deal)
                        .map(|d| d.title.as_str())
                        .unwrap_or("—");
                    if ui.link(title).clicked() {
                        go = Some(Route::record(RecordKey::Deal(s.deal)));
                    }
                    ui.weak(format!(
                        "{} · {}",
                        s.stage.label(lang),
                        idle_days(lang, s.idle_days, s.limit)
                    ));
                },
            );
        });
        ui.horizontal_top(|ui| {
            alert_group(
                ui,
                width,
                Text::BudgetAlerts.get(lang),
                alerts.budget.len(),
                lang,
                |ui, i| {
                    let b = &alerts.budget[i];
                    let color = match b.alert {
                        BudgetAlert::Over => ui.visuals().error_fg_color,
                        _ => ui.visuals().warn_fg_color,
                    };
                    let text = format!(
                        "{} · {}",
                        ws.category_name(b.category),
                        budget_status(lang, b)
                    );
                    if ui.link(RichText::new(text).color(color)).clicked() {
                        // The category, at the period the alert is about.
                        let key = RecordKey::BudgetCategory(b.category);
                        go = Some(Route::record(key).with_period(period));
                    }
                    ui.weak(format!("{} / {}", money(b.actual), money(b.planned)));
                },
            );
            alert_group(
                ui,
                width,
                Text::ReviewsDue.get(lang),
                r.reviews.len(),
                lang,
                |ui, i| {
                    let v = &r.reviews[i];
                    let text = format!("{} · {}", ws.member_name(v.member), due_on(lang, v));
                    let link = if v.overdue {
                        RichText::new(text).color(ui.visuals().error_fg_color)
                    } else {
                        RichText::new(text)
                    };
                    if ui
                        .link(link)
                        .on_hover_text(Text::OpenReview.get(lang))
                        .clicked()
                    {
                        go = Some(Route::record(RecordKey::Review(v.review)));
                    }
                },
            );
        });
        if let Some(route) = go {
            cx.run(super::AppCommand::Navigate(route));
        }
    }
}

/// One agreed action of a review among the follow-ups; the review's route when clicked.
fn review_action_row(
    ui: &mut Ui,
    lang: Lang,
    ws: &crate::model::Workspace,
    (member, a): &(crate::model::MemberId, crate::analytics::agenda::OpenAction),
) -> Option<Route> {
    let status = if a.overdue {
        overdue_days(lang, a.days_overdue)
    } else {
        Text::DueToday.get(lang).to_owned()
    };
    let text = format!("{} · {} · {status}", ws.member_name(*member), a.action.text);
    let link = if a.overdue {
        RichText::new(text).color(ui.visuals().error_fg_color)
    } else {
        RichText::new(text)
    };
    let clicked = ui.link(link).clicked();
    ui.weak(Text::AgreedAction.get(lang));
    clicked.then(|| Route::record(RecordKey::Review(a.review)))
}

fn idle_days(lang: Lang, n: i64, limit: u32) -> String {
    Text::idle_for(lang, n, limit)
}

fn budget_status(lang: Lang, b: &CategoryBudget) -> String {
    let pct = percent(b.pct_of_plan);
    match (lang, b.alert) {
        (Lang::Zh, BudgetAlert::Over) if b.planned == Money::ZERO => "无计划支出".to_owned(),
        (Lang::En, BudgetAlert::Over) if b.planned == Money::ZERO => {
            "spent with no plan".to_owned()
        }
        (Lang::Zh, BudgetAlert::Over) => {
            format!("超支 {}（计划的 {pct}）", money_short(b.variance, lang))
        }
        (Lang::En, BudgetAlert::Over) => {
            format!("over by {} ({pct} of plan)", money_short(b.variance, lang))
        }
        (Lang::Zh, _) => format!("已用计划的 {pct}"),
        (Lang::En, _) => format!("{pct} of plan used"),
    }
}

fn due_on(lang: Lang, v: &crate::analytics::ReviewDue) -> String {
    match (lang, v.overdue) {
        (Lang::Zh, true) => format!("{} 到期（已逾期）", v.due),
        (Lang::Zh, false) => format!("{} 到期", v.due),
        (Lang::En, true) => format!("was due {}", v.due),
        (Lang::En, false) => format!("due {}", v.due),
    }
}

/// One box of alerts: a title with the count, then the rows (only the visible ones are
/// drawn, so a list of thousands costs nothing).
fn alert_group(
    ui: &mut Ui,
    width: f32,
    title: &str,
    n: usize,
    lang: Lang,
    mut row: impl FnMut(&mut Ui, usize),
) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(width);
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    ui.strong(title);
                    ui.label(RichText::new(n.to_string()).strong().color(if n > 0 {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().weak_text_color()
                    }));
                });
                if n == 0 {
                    ui.weak(Text::NothingDue.get(lang));
                    return;
                }
                let h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
                egui::ScrollArea::vertical()
                    .id_salt(title)
                    .max_height(h * 7.0)
                    .auto_shrink([false, true])
                    .show_rows(ui, h, n, |ui, range| {
                        for i in range {
                            ui.horizontal(|ui| row(ui, i));
                        }
                    });
            });
        });
}

/// One tile: the name, the figure in large type, an optional progress bar, a few lines
/// of detail, and the change against the previous period.
struct Tile {
    title: &'static str,
    value: String,
    progress: Option<f32>,
    lines: Vec<String>,
    delta: Delta,
}

/// The tiles, in reading order.
fn tile_list(lang: Lang, ov: &Overview) -> Vec<Tile> {
    let (now, before) = (&ov.now, &ov.before);
    let money_abs = |x: f64| money_short(Money(x.round() as i64), lang);
    let pts = |x: f64| points(lang, x);
    let m = |x: Money| Some(x.0 as f64);
    let dash = || "—".to_owned();
    let mut tiles = Vec::with_capacity(9);
    tiles.push(Tile {
        title: Text::Revenue.get(lang),
        value: money_short(now.kpis.revenue, lang),
        progress: None,
        lines: vec![won_lost(lang, now)],
        delta: delta(
            m(now.kpis.revenue),
            m(before.kpis.revenue),
            &money_abs,
            true,
            Better::Up,
            lang,
        ),
    });
    // Attainment, gap and days left.
    tiles.push(Tile {
        title: Text::Attainment.get(lang),
        value: percent(now.attainment),
        progress: now.attainment.map(|a| a.clamp(0.0, 1.0) as f32),
        lines: match (now.target, now.gap) {
            (Some(t), Some(g)) => vec![
                target_gap(lang, t, g),
                days_left(lang, ov.days_left, ov.period),
            ],
            _ => vec![Text::NoTarget.get(lang).to_owned()],
        },
        delta: delta(
            now.attainment,
            before.attainment,
            &pts,
            false,
            Better::Up,
            lang,
        ),
    });
    tiles.push(Tile {
        title: Text::Pipeline.get(lang),
        value: money_short(now.pipeline.weighted, lang),
        progress: None,
        lines: vec![open_deals(lang, now)],
        delta: delta(
            m(now.pipeline.weighted),
            m(before.pipeline.weighted),
            &money_abs,
            true,
            Better::Up,
            lang,
        ),
    });
    // Coverage of what is left of the target.
    let (value, line) = match (now.coverage, now.gap) {
        (Some(c), _) => (times(lang, c), Text::CoverageHow),
        (None, Some(g)) if g.0 <= 0 => (dash(), Text::TargetReached),
        _ => (dash(), Text::NoTarget),
    };
    tiles.push(Tile {
        title: Text::Coverage.get(lang),
        value,
        progress: None,
        lines: vec![line.get(lang).to_owned()],
        delta: delta(
            now.coverage,
            before.coverage,
            &|x| times(lang, x),
            false,
            Better::Up,
            lang,
        ),
    });
    tiles.push(Tile {
        title: Text::WinRate.get(lang),
        value: percent(now.kpis.win_rate),
        progress: None,
        lines: vec![won_lost(lang, now)],
        delta: delta(
            now.kpis.win_rate,
            before.kpis.win_rate,
            &pts,
            false,
            Better::Up,
            lang,
        ),
    });
    // Average cycle: shorter is better.
    tiles.push(Tile {
        title: Text::Cycle.get(lang),
        value: now
            .kpis
            .avg_cycle_days
            .map(|d| average_days(lang, d))
            .unwrap_or_else(dash),
        progress: None,
        lines: vec![Text::CycleHow.get(lang).to_owned()],
        delta: delta(
            now.kpis.avg_cycle_days,
            before.kpis.avg_cycle_days,
            &|x| average_days(lang, x),
            false,
            Better::Down,
            lang,
        ),
    });
    tiles.push(Tile {
        title: Text::Velocity.get(lang),
        value: now.velocity.map(|v| per_day(lang, v)).unwrap_or_else(dash),
        progress: None,
        lines: vec![Text::VelocityHow.get(lang).to_owned()],
        delta: delta(
            now.velocity,
            before.velocity,
            &|x| per_day(lang, x),
            true,
            Better::Up,
            lang,
        ),
    });
    tiles.push(Tile {
        title: Text::NewCustomers.get(lang),
        value: now.kpis.new_customers.to_string(),
        progress: None,
        lines: vec![Text::NewCustomersHow.get(lang).to_owned()],
        delta: delta(
            Some(now.kpis.new_customers as f64),
            Some(before.kpis.new_customers as f64),
            &|x| format!("{x:.0}"),
            true,
            Better::Up,
            lang,
        ),
    });
    // Market share, only where the market size is known.
    tiles.push(Tile {
        title: Text::MarketShare.get(lang),
        value: percent(now.market_share),
        progress: None,
        lines: vec![match now.market_size {
            Some(size) => market_size(lang, size),
            None => Text::NoMarketSize.get(lang).to_owned(),
        }],
        delta: delta(
            now.market_share,
            before.market_share,
            &pts,
            false,
            Better::Up,
            lang,
        ),
    });
    tiles
}

fn won_lost(lang: Lang, f: &Figures) -> String {
    Text::won_lost(lang, f.kpis.won_count, f.kpis.lost_count)
}

fn open_deals(lang: Lang, f: &Figures) -> String {
    let amount = money_short(f.pipeline.open_amount, lang);
    Text::open_deals(lang, f.pipeline.open_deals, amount, f.pipeline.date)
}

fn target_gap(lang: Lang, target: Money, gap: Money) -> String {
    let t = money_short(target, lang);
    let g = money_short(Money(gap.0.abs()), lang);
    match (lang, gap.0 > 0) {
        (Lang::Zh, true) => format!("目标 {t} · 还差 {g}"),
        (Lang::Zh, false) => format!("目标 {t} · 已超出 {g}"),
        (Lang::En, true) => format!("Target {t} · {g} to go"),
        (Lang::En, false) => format!("Target {t} · beaten by {g}"),
    }
}

fn days_left(lang: Lang, n: i64, period: Period) -> String {
    Text::days_left(lang, crate::ui::format::days(lang, n), period.end)
}

fn market_size(lang: Lang, size: Money) -> String {
    Text::market_size(lang, money_short(size, lang))
}

/// Width of a box's margins and stroke on both sides together.
fn frame_extra(ui: &Ui) -> f32 {
    2.0 * (10.0 + ui.visuals().widgets.noninteractive.bg_stroke.width)
}

/// Lays the tiles out in as many columns as fit (wrapping layouts do not wrap frames).
fn tiles(ui: &mut Ui, lang: Lang, ov: &Overview) {
    let list = tile_list(lang, ov);
    let gap = 10.0;
    let avail = ui.available_width();
    let fit = (((avail + gap) / (250.0 + gap)).floor() as usize).clamp(1, 5);
    // As few columns as give the same number of rows: no lone tile on the last row.
    let rows = list.len().div_ceil(fit);
    let cols = list.len().div_ceil(rows.max(1)).max(1);
    let width = (avail - gap * (cols - 1) as f32) / cols as f32 - frame_extra(ui) - 1.0;
    for row in list.chunks(cols) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for t in row {
                tile(ui, lang, width, t);
            }
        });
        ui.add_space(gap - ui.spacing().item_spacing.y);
    }
}

fn tile(ui: &mut Ui, lang: Lang, width: f32, t: &Tile) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_width(width);
            ui.set_min_height(118.0);
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 3.0;
                ui.label(RichText::new(t.title).color(ui.visuals().weak_text_color()));
                ui.label(RichText::new(&t.value).size(24.0).strong());
                if let Some(p) = t.progress {
                    ui.add(egui::ProgressBar::new(p).desired_height(6.0));
                }
                for l in &t.lines {
                    ui.label(RichText::new(l).color(ui.visuals().weak_text_color()));
                }
                let color = tone_color(ui, t.delta.tone);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&t.delta.text).color(color));
                    if t.delta.tone != Tone::Neutral {
                        ui.weak(RichText::new(Text::VsPrevious.get(lang)).small());
                    }
                });
            });
        });
}

impl crate::ui::PageView for DashboardPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Dashboard;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_point_the_right_way() {
        let money = |x: f64| money_short(Money(x.round() as i64), Lang::En);
        let d = delta(
            Some(12_000.0),
            Some(10_000.0),
            &money,
            true,
            Better::Up,
            Lang::En,
        );
        assert_eq!(d.text, "↑ ¥20 (+20.0%)");
        assert_eq!(d.tone, Tone::Good);
        let d = delta(
            Some(30.0),
            Some(40.0),
            &|x| average_days(Lang::Zh, x),
            false,
            Better::Down,
            Lang::Zh,
        );
        assert_eq!(d.text, "↓ 10.0 天");
        assert_eq!(d.tone, Tone::Good);
        let d = delta(
            Some(0.5),
            Some(0.50001),
            &|x| points(Lang::En, x),
            false,
            Better::Up,
            Lang::En,
        );
        assert_eq!(d.text, "→ unchanged");
        let d = delta(
            Some(0.5),
            None,
            &|x| points(Lang::En, x),
            false,
            Better::Up,
            Lang::En,
        );
        assert_eq!(d.tone, Tone::Neutral);
        assert_eq!(d.text, Text::NoPrevious.get(Lang::En));
    }
}
