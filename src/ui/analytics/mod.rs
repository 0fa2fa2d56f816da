//! The Analytics page (数据分析): the funnel and its bottleneck, every rep's funnel next
//! to the team's, revenue by month against the target, breakdowns, the forecast, the
//! reverse funnel planner and the levers of sales velocity.
//!
//! All figures come from `analytics`, computed once per (revision, period, filter) and
//! kept in the cache; a frame only draws them.

pub mod losses;
mod sections;

use super::Cx;
use super::charts::{self, FunnelBar};
use super::dashboard::{Better, delta, points};
use super::format::{money_short, percent};
use super::widgets::period::{PeriodKind, PeriodPicker};
use super::widgets::table::Sort;
use crate::analytics::{
    Bottleneck, DealFilter, Dimension, FilterChoices, Forecast, Funnel, MonthRevenue, Overview,
    bottleneck_from, filter_choices, forecast, funnel, funnels_by_owner, kpis, open_by_stage,
    overview, revenue_by_month, stage_times, trend_span,
};
use crate::i18n::{Label, Lang, T};
use crate::model::{MemberId, Period, Stage};
use crate::ui::widgets::deal_filter::{Labels, deal_filter};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::sync::Arc;

crate::texts! {
    pub enum Text {
        Filter => "筛选", "Filter";
        Product => "产品", "Product";
        Segment => "客户细分", "Segment";
        FunnelTitle => "销售漏斗（本期新建商机）", "Sales funnel (deals created in the period)";
        WidthBy => "宽度按", "Width by";
        ByCount => "数量", "Count";
        ByAmount => "金额", "Amount";
        Stage => "阶段", "Stage";
        Entered => "进入", "Entered";
        ToNext => "转化到下一阶段", "To next";
        FromLead => "累计（自线索）", "From lead";
        ShortLead => "线索", "Lead";
        ShortNeeds => "需求", "Needs";
        ShortQuote => "报价", "Quote";
        ShortContract => "合同", "Contract";
        ShortWon => "成交", "Won";
        FunnelAlt => "销售漏斗", "Sales funnel";
        StillRunning => "本期尚未结束：近期新建的商机多半还没走完流程，后段转化率会偏低。", "This period is still running: deals created lately have mostly not had time to reach the later stages, so the later conversions read low.";
        NotEnough => "本期数据不足，无法判断瓶颈。", "Not enough data in this period to find a bottleneck.";
        RepsTitle => "各销售代表的漏斗与团队对比", "Each rep's funnel against the team's";
        RepsHint => "单元格为阶段转化率；红色为该代表低于团队最多的环节（至少低 5 个百分点、至少 5 个商机）。", "Cells are stage conversions; red marks where a rep falls furthest below the team (by 5 points or more, over at least 5 deals).";
        Rep => "销售代表", "Rep";
        Leads => "线索", "Leads";
        LeadToWon => "线索 → 成交", "Lead → Won";
        LeaksAt => "主要漏损环节", "Leaks most at";
        WholeTeam => "团队合计", "Whole team";
        NoLeak => "不低于团队", "Not below the team";
        TrendTitle => "月度销售额与目标", "Revenue by month with target";
        TrendRevenue => "销售额", "Revenue";
        TrendTarget => "目标", "Target";
        ForecastTitle => "预测：按预计成交月份的加权管道", "Forecast: weighted pipeline by expected close month";
        Weighted => "加权金额", "Weighted";
        BreakdownTitle => "销售额构成", "Revenue breakdown";
        Won => "赢单", "Won";
        Lost => "丢单", "Lost";
        WinRate => "赢单率", "Win rate";
        AvgWon => "平均成交额", "Avg won";
        Share => "占比", "Share";
        Revenue => "销售额", "Revenue";
        NothingWon => "本期没有赢单或丢单。", "Nothing won or lost in this period.";
        PlannerTitle => "反向漏斗规划", "Reverse funnel planner";
        TargetInput => "收入目标（元）", "Revenue target (¥)";
        TargetHint => "例如 1000000", "e.g. 1000000";
        Needed => "需要进入", "Needed";
        HaveNow => "当前在手", "In pipeline now";
        Short => "缺口", "Short by";
        PlannerCannot => "本期缺少平均成交额或某一阶段的转化率，无法倒推。", "The period lacks an average won amount or a stage conversion to plan back from.";
        LeversTitle => "销售速度杠杆", "Sales velocity levers";
        Factor => "因素", "Factor";
        Now => "当前", "Now";
        Improved => "改善 10% 后", "10% better";
        Gain => "每天销售额增加", "Revenue per day gain";
        OpenDeals => "在谈商机数", "Open deals";
        AvgWonAmount => "平均成交额", "Average won amount";
        CycleDays => "平均成交周期（缩短）", "Average cycle (shorter)";
        NoVelocity => "本期缺少赢单数据，无法计算销售速度。", "No wins in this period, so sales velocity is not defined.";
    }
    fn {
        conversion_note(c, cum) => "↓ {c}（累计 {cum}）", "↓ {c} ({cum} of leads)";
        commitment_note(commit, best, adjustment) => "本期承诺 {commit}，最佳情况（含承诺）{best}，经理调整 {adjustment}（见绩效 · 预测承诺）", "This period: committed {commit}, best case including commit {best}, manager's adjustment {adjustment} (see Performance · Forecast commitments)";
        forecast_note(total, overdue_n, overdue, undated_n, undated) => "加权合计 {total}。另有 {overdue_n} 个商机的预计成交日已过（加权 {overdue}），{undated_n} 个未填预计成交日（加权 {undated}）。", "Weighted total {total}. Also {overdue_n} deals past their expected close date (weighted {overdue}) and {undated_n} with none set (weighted {undated}).";
        planner_basis(target, avg, from, to) => "按 {from} 至 {to} 的平均成交额 {avg} 和各阶段转化率，倒推 {target} 的目标：", "Working back from {target} with the average won amount ({avg}) and stage conversions of {from} to {to}:";
        velocity_now(v) => "当前销售速度 {v}", "Sales velocity now {v}";
    }
}

/// Everything the page draws for one (period, filter), computed in one go.
pub struct Figures {
    pub funnel: Funnel,
    pub bottleneck: Bottleneck,
    pub overview: Overview,
    pub reps: Vec<(MemberId, Funnel)>,
    /// The whole team's funnel the reps compare with (the filter's owner left out).
    pub team_funnel: Funnel,
    pub trend: Vec<MonthRevenue>,
    pub forecast: Forecast,
    pub open_by_stage: [u64; 4],
    /// The planner works back through the twelve months up to the period's end: a
    /// running period's young cohort has not had time to convert yet.
    pub plan_basis: Period,
    pub plan_funnel: Funnel,
    pub plan_avg_won: Option<f64>,
    /// Forecast commitments of the period (the filter's rep, or the team).
    pub commitment: crate::analytics::Commitment,
}

/// Computes the page's figures (what the cache stores).
pub fn compute(
    ws: &crate::model::Workspace,
    period: Period,
    today: NaiveDate,
    filter: &DealFilter,
) -> Figures {
    let prev = period.previous();
    let now = funnel(ws, period, filter);
    let before = funnel(ws, prev, filter);
    let bottleneck = bottleneck_from(
        &now,
        &before,
        &stage_times(ws, period, filter),
        &stage_times(ws, prev, filter),
    );
    let plan_basis = trend_span(period);
    let team_funnel = if filter.owner.is_some() {
        let team = DealFilter {
            owner: None,
            ..filter.clone()
        };
        funnel(ws, period, &team)
    } else {
        now.clone()
    };
    Figures {
        team_funnel,
        plan_funnel: funnel(ws, plan_basis, filter),
        plan_avg_won: kpis(ws, plan_basis, filter).avg_won_amount,
        plan_basis,
        funnel: now,
        bottleneck,
        overview: overview(ws, period, today, filter),
        reps: funnels_by_owner(ws, period, filter),
        trend: revenue_by_month(ws, trend_span(period), filter),
        forecast: forecast(ws, today, filter),
        open_by_stage: open_by_stage(ws, filter),
        commitment: crate::analytics::commitment_for(ws, period, today, filter.owner),
    }
}

/// Columns of the breakdown table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BCol {
    Name,
    #[default]
    Revenue,
    Share,
    Won,
    Lost,
    WinRate,
    AvgWon,
}

pub struct AnalyticsPage {
    pub period: PeriodPicker,
    pub filter: DealFilter,
    /// Funnel bars as wide as the amount rather than the count.
    pub by_amount: bool,
    pub dim: Dimension,
    pub sort: Sort<BCol>,
    /// The planner's target as typed.
    pub target_text: String,
    /// Whether the user typed in it (else it follows the period's target).
    target_edited: bool,
    /// The (period, filter) the target text was filled in for.
    target_filled_for: Option<(Period, DealFilter)>,
}

impl Default for AnalyticsPage {
    fn default() -> Self {
        AnalyticsPage {
            period: PeriodPicker::new(PeriodKind::Quarter),
            filter: DealFilter::ALL,
            by_amount: false,
            dim: Dimension::Owner,
            sort: Sort {
                column: BCol::Revenue,
                descending: true,
            },
            target_text: String::new(),
            target_edited: false,
            target_filled_for: None,
        }
    }
}

impl AnalyticsPage {
    fn show_page(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let today = cx.today;
        let rev = cx.doc.revision();
        let ws = &cx.doc.ws();
        let choices: Arc<FilterChoices> = cx
            .cache
            .get_or_compute(rev, "an_choices", (), || Arc::new(filter_choices(ws)))
            .clone();
        ui.horizontal_wrapped(|ui| {
            ui.heading(cx.t(T::Analytics));
            ui.add_space(16.0);
            self.period.show(ui, lang, today);
        });
        self.filter_bar(ui, cx, &choices);
        let period = self.period.period(today);
        let ws = &cx.doc.ws();
        let filter = self.filter.clone();
        let figs: Arc<Figures> = cx
            .cache
            .get_or_compute(rev, "an_figures", (period, today, filter.clone()), || {
                Arc::new(compute(ws, period, today, &filter))
            })
            .clone();
        self.fill_target(cx, period);
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .id_salt("analytics_scroll")
            .auto_shrink(false)
            .show(ui, |ui| {
                // Keep clear of the floating scroll bar.
                ui.set_max_width(ui.available_width() - 12.0);
                self.funnel_section(ui, lang, today, &figs);
                ui.add_space(10.0);
                ui.separator();
                sections::reps(ui, cx, &figs, self.filter.owner);
                ui.add_space(10.0);
                ui.separator();
                ui.columns(2, |cols| {
                    sections::trend(&mut cols[0], lang, &figs);
                    sections::forecast(&mut cols[1], lang, &figs);
                });
                ui.add_space(10.0);
                ui.separator();
                self.breakdown_section(ui, cx, period);
                ui.add_space(10.0);
                ui.separator();
                losses::show(ui, cx, period, &self.filter);
                ui.add_space(10.0);
                ui.separator();
                ui.columns(2, |cols| {
                    self.planner(&mut cols[0], lang, &figs);
                    sections::levers(&mut cols[1], lang, &figs);
                });
            });
    }

    /// Owner, region, product and source drop-downs ("all" by default).
    fn filter_bar(&mut self, ui: &mut Ui, cx: &Cx, choices: &FilterChoices) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(Text::Filter.get(lang)).strong());
            deal_filter(
                ui,
                "analytics",
                &mut self.filter,
                cx.doc.ws(),
                choices,
                Labels {
                    owner: T::Owner.get(lang),
                    product: Text::Product.get(lang),
                },
                lang,
            );
            if !self.filter.is_all() && ui.button(T::All.get(lang)).clicked() {
                self.filter = DealFilter::ALL;
            }
        });
    }

    /// Keeps the planner's target on the period's target until the user types one.
    fn fill_target(&mut self, cx: &Cx, period: Period) {
        let key = (period, self.filter.clone());
        if self.target_edited || self.target_filled_for.as_ref() == Some(&key) {
            return;
        }
        self.target_text = crate::analytics::target_for(cx.doc.ws(), period, self.filter.owner)
            .map(super::format::money_input)
            .unwrap_or_default();
        self.target_filled_for = Some(key);
    }

    fn funnel_section(&mut self, ui: &mut Ui, lang: Lang, today: NaiveDate, figs: &Figures) {
        let f = &figs.funnel;
        ui.horizontal(|ui| {
            ui.heading(Text::FunnelTitle.get(lang));
            ui.add_space(12.0);
            ui.label(Text::WidthBy.get(lang));
            ui.selectable_value(&mut self.by_amount, false, Text::ByCount.get(lang));
            ui.selectable_value(&mut self.by_amount, true, Text::ByAmount.get(lang));
        });
        ui.label(
            RichText::new(bottleneck_sentence(lang, &figs.bottleneck))
                .color(ui.visuals().warn_fg_color),
        );
        if f.period.contains(today) && today < f.period.end {
            ui.weak(Text::StillRunning.get(lang));
        }
        let bars: Vec<FunnelBar> = f
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let count = s.entered.to_string();
                let amount = money_short(s.amount, lang);
                FunnelBar {
                    name: s.stage.label(lang).to_owned(),
                    value: if self.by_amount {
                        s.amount.as_major_f64()
                    } else {
                        s.entered as f64
                    },
                    value_text: if self.by_amount {
                        format!("{amount} · {count}")
                    } else {
                        format!("{count} · {amount}")
                    },
                    to_next: (i < 4).then(|| {
                        conversion_note(lang, s.conversion_to_next, f.stages[i + 1].from_lead)
                    }),
                }
            })
            .collect();
        let alt = format!(
            "{}: {}",
            Text::FunnelAlt.get(lang),
            f.stages
                .iter()
                .map(|s| format!("{} {}", s.stage.label(lang), s.entered))
                .collect::<Vec<_>>()
                .join(", ")
        );
        // The chart gets the larger part: its bars need room for the figures beside them.
        // Where what is left cannot hold the table whole, the table goes under the chart.
        let w = ui.available_width();
        if w * 0.45 - 12.0 < FUNNEL_TABLE_WIDTH {
            charts::funnel(ui, "an_funnel", &bars, 300.0, &alt);
            ui.add_space(6.0);
            funnel_table(ui, lang, f);
            return;
        }
        ui.horizontal_top(|ui| {
            ui.allocate_ui(egui::vec2(w * 0.55, 300.0), |ui| {
                charts::funnel(ui, "an_funnel", &bars, 300.0, &alt);
            });
            ui.add_space(12.0);
            ui.vertical(|ui| funnel_table(ui, lang, f));
        });
    }

    fn breakdown_section(&mut self, ui: &mut Ui, cx: &mut Cx, period: Period) {
        sections::breakdown(ui, cx, period, &self.filter, &mut self.dim, &mut self.sort);
    }

    fn planner(&mut self, ui: &mut Ui, lang: Lang, figs: &Figures) {
        if sections::planner(ui, lang, figs, &mut self.target_text) {
            self.target_edited = true;
        }
    }
}

/// What is written between two funnel bars: "↓ 62.5%（累计 41.2%）".
fn conversion_note(lang: Lang, to_next: Option<f64>, cumulative: Option<f64>) -> String {
    let c = percent(to_next);
    let cum = percent(cumulative);
    Text::conversion_note(lang, c, cum)
}

/// About what the funnel's table needs in either language.
const FUNNEL_TABLE_WIDTH: f32 = 420.0;

fn funnel_table(ui: &mut Ui, lang: Lang, f: &Funnel) {
    egui::Grid::new("an_funnel_table")
        .num_columns(5)
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for h in [
                Text::Stage,
                Text::Entered,
                Text::ByAmount,
                Text::ToNext,
                Text::FromLead,
            ] {
                ui.strong(h.get(lang));
            }
            ui.end_row();
            for s in &f.stages {
                ui.label(s.stage.label(lang));
                ui.label(s.entered.to_string());
                ui.label(money_short(s.amount, lang));
                ui.label(if s.stage == Stage::Won {
                    String::new()
                } else {
                    percent(s.conversion_to_next)
                });
                ui.label(percent(s.from_lead));
                ui.end_row();
            }
        });
}

/// "A → B" with the stages' names.
fn transition(lang: Lang, from: Stage) -> String {
    let next = from
        .funnel_index()
        .and_then(|i| Stage::FUNNEL.get(i + 1))
        .copied()
        .unwrap_or(Stage::Won);
    format!("{} → {}", from.label(lang), next.label(lang))
}

/// The bottleneck in one sentence: the weakest conversion and the slowest stage, each
/// against the previous period.
pub fn bottleneck_sentence(lang: Lang, b: &Bottleneck) -> String {
    let pts = |x: f64| points(lang, x);
    let days = |x: f64| crate::ui::format::average_days(lang, x);
    let conv = b.conversion.map(|c| {
        let d = delta(Some(c.value), c.previous, &pts, false, Better::Up, lang).text;
        match (lang, c.previous) {
            (Lang::Zh, Some(p)) => format!(
                "{} 的转化率最低，为 {}（上期 {}，{d}）",
                transition(lang, c.stage),
                percent(Some(c.value)),
                percent(Some(p))
            ),
            (Lang::Zh, None) => format!(
                "{} 的转化率最低，为 {}（上期无数据）",
                transition(lang, c.stage),
                percent(Some(c.value))
            ),
            (Lang::En, Some(p)) => format!(
                "{} converts worst, at {} (previous period {}, {d})",
                transition(lang, c.stage),
                percent(Some(c.value)),
                percent(Some(p))
            ),
            (Lang::En, None) => format!(
                "{} converts worst, at {} (no figure for the previous period)",
                transition(lang, c.stage),
                percent(Some(c.value))
            ),
        }
    });
    let slow = b.slowest.map(|s| {
        let d = delta(Some(s.value), s.previous, &days, false, Better::Down, lang).text;
        match (lang, s.previous) {
            (Lang::Zh, Some(p)) => format!(
                "商机在「{}」停留最久，中位数 {}（上期 {}，{d}）",
                s.stage.label(lang),
                days(s.value),
                days(p)
            ),
            (Lang::Zh, None) => format!(
                "商机在「{}」停留最久，中位数 {}（上期无数据）",
                s.stage.label(lang),
                days(s.value)
            ),
            (Lang::En, Some(p)) => format!(
                "deals wait longest in {}, a median of {} (previous period {}, {d})",
                s.stage.label(lang),
                days(s.value),
                days(p)
            ),
            (Lang::En, None) => format!(
                "deals wait longest in {}, a median of {} (no figure for the previous period)",
                s.stage.label(lang),
                days(s.value)
            ),
        }
    });
    match (lang, conv, slow) {
        (_, None, None) => Text::NotEnough.get(lang).to_owned(),
        (Lang::Zh, Some(c), Some(s)) => format!("瓶颈：{c}；{s}。"),
        (Lang::Zh, Some(x), None) | (Lang::Zh, None, Some(x)) => format!("瓶颈：{x}。"),
        (Lang::En, Some(c), Some(s)) => format!("Bottleneck: {c}; {s}."),
        (Lang::En, Some(x), None) | (Lang::En, None, Some(x)) => {
            let mut chars = x.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            format!(
                "Bottleneck: {}{}.",
                first.unwrap_or_default(),
                chars.as_str()
            )
        }
    }
}

impl crate::ui::PageView for AnalyticsPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Analytics;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::StageFigure;

    #[test]
    fn bottleneck_reads_as_a_sentence() {
        let b = Bottleneck {
            conversion: Some(StageFigure {
                stage: Stage::Quote,
                value: 0.25,
                previous: Some(0.4),
            }),
            slowest: Some(StageFigure {
                stage: Stage::Needs,
                value: 12.0,
                previous: None,
            }),
        };
        assert_eq!(
            bottleneck_sentence(Lang::En, &b),
            "Bottleneck: Quote & negotiation → Contract converts worst, at 25.0% (previous \
             period 40.0%, ↓ 15.0 pts); deals wait longest in Needs analysis, a median of \
             12.0 days (no figure for the previous period)."
        );
        assert_eq!(
            bottleneck_sentence(Lang::Zh, &b),
            "瓶颈：报价谈判 → 合同签订 的转化率最低，为 25.0%（上期 40.0%，↓ 15.0 个百分点）；\
             商机在「需求分析」停留最久，中位数 12.0 天（上期无数据）。"
        );
        let only_slow = Bottleneck {
            conversion: None,
            ..b
        };
        assert!(bottleneck_sentence(Lang::En, &only_slow).starts_with("Bottleneck: Deals wait"));
        assert_eq!(
            bottleneck_sentence(Lang::Zh, &Bottleneck::default()),
            Text::NotEnough.get(Lang::Zh)
        );
    }
}
