//! The monthly 销售报表 as PDF: what a manager sends upward, in the user's language, with
//! the bundled CJK font embedded (subset to the characters used).
//!
//! Every figure comes from `src/analytics/` (the same functions as the Dashboard, the
//! Analytics page and `salesdesk report --json`); this module only picks and words them.

mod layout;

use crate::analytics::{self, DealFilter};
use crate::i18n::{Label, Lang};
use crate::model::{Deal, LostReason, Money, Period, Stage, Workspace};
use chrono::NaiveDate;

crate::texts! {
    pub enum Text {
        Title => "销售报表", "Sales report";
        Kpis => "关键指标", "Key figures";
        Funnel => "销售漏斗（本期创建的商机）", "Funnel (deals created in the period)";
        Reps => "销售代表目标达成", "Attainment per rep";
        Budget => "预算与计划", "Budget against plan";
        Wins => "本期重要成交", "Notable wins";
        Losses => "本期重要流失", "Notable losses";
        NoneInPeriod => "本期没有。", "None in this period.";
        Revenue => "销售额", "Revenue";
        Target => "目标", "Target";
        Attainment => "达成率", "Attainment";
        WonDeals => "成交数", "Won deals";
        LostDeals => "流失数", "Lost deals";
        WinRate => "赢率", "Win rate";
        AvgWon => "平均成交额", "Average won amount";
        AvgCycle => "平均成交周期（天）", "Average cycle (days)";
        OpenDeals => "进行中商机（截至今日）", "Open deals (as of today)";
        Weighted => "加权管道（截至今日）", "Weighted pipeline (as of today)";
        Velocity => "销售速度（每天）", "Sales velocity (per day)";
        NewCustomers => "新客户", "New customers";
        Bottleneck => "瓶颈", "Bottleneck";
        Stage => "阶段", "Stage";
        Entered => "进入数", "Entered";
        Amount => "金额", "Amount";
        ToNext => "转化到下一阶段", "To next stage";
        Rep => "销售代表", "Rep";
        Won => "成交", "Won";
        Lost => "流失", "Lost";
        Category => "类别", "Category";
        Planned => "计划", "Planned";
        Actual => "实际", "Actual";
        Variance => "差异", "Variance";
        OfPlan => "占计划", "Of plan";
        Total => "合计", "Total";
        Deal => "商机", "Deal";
        Customer => "客户", "Customer";
        Owner => "负责人", "Owner";
        WonOn => "成交日期", "Won on";
        LostOn => "流失日期", "Lost on";
        Reason => "流失原因", "Reason";
        Page => "页", "Page";
    }
    fn {
        period(from, to) => "{from} 至 {to}", "{from} to {to}";
        generated(day) => "生成于 {day}，SalesDesk 销售经理工作台", "Generated {day} by SalesDesk";
        page_of(n, total) => "第 {n} 页，共 {total} 页", "Page {n} of {total}";
    }
}

/// How many wins and losses the report lists (the largest by amount).
pub const NOTABLE: usize = 5;

/// Everything the PDF shows, gathered from the analytics.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyReport {
    pub period: Period,
    pub today: NaiveDate,
    pub kpis: analytics::Kpis,
    pub velocity_per_day: Option<f64>,
    pub progress: Option<analytics::TargetProgress>,
    pub funnel: analytics::Funnel,
    pub bottleneck: Option<Stage>,
    /// (rep name, score) for every rep the analytics scores.
    pub reps: Vec<(String, analytics::RepScore)>,
    /// (category name, planned vs actual).
    pub budget: Vec<(String, analytics::CategoryBudget)>,
    pub wins: Vec<Notable>,
    pub losses: Vec<Notable>,
}

/// One deal of the notable wins or losses.
#[derive(Debug, Clone, PartialEq)]
pub struct Notable {
    pub title: String,
    pub customer: String,
    pub owner: String,
    pub amount: Money,
    pub date: NaiveDate,
    pub reason: Option<LostReason>,
}

/// The report of `period`, with "as of today" figures taken on `today`.
pub fn gather(ws: &Workspace, period: Period, today: NaiveDate) -> MonthlyReport {
    let all = DealFilter::ALL;
    let kpis = analytics::kpis(ws, period, &all);
    let funnel = analytics::funnel(ws, period, &all);
    MonthlyReport {
        period,
        today,
        velocity_per_day: kpis.velocity().per_day(),
        progress: analytics::target_progress(ws, period, today, None, kpis.revenue),
        bottleneck: funnel.lowest_conversion().map(|(s, _)| s),
        funnel,
        kpis,
        reps: analytics::rep_scores(ws, period)
            .into_iter()
            .map(|s| (ws.member_name(s.member).to_owned(), s))
            .collect(),
        budget: analytics::budget_by_category(ws, period)
            .into_iter()
            .map(|b| (ws.category_name(b.category).to_owned(), b))
            .collect(),
        wins: notable(ws, period, Stage::Won),
        losses: notable(ws, period, Stage::Lost),
    }
}

/// The largest deals that closed (won or lost, as `stage` says) within `period`, by the
/// day they closed — the rule the KPIs count by.
fn notable(ws: &Workspace, period: Period, stage: Stage) -> Vec<Notable> {
    let mut deals: Vec<&Deal> = ws
        .deals
        .deals
        .iter()
        .filter(|d| d.stage == stage && period.contains(d.stage_since()))
        .collect();
    deals.sort_by(|a, b| b.amount.cmp(&a.amount).then(a.id.cmp(&b.id)));
    deals
        .into_iter()
        .take(NOTABLE)
        .map(|d| Notable {
            title: d.title.clone(),
            customer: ws.customer_name(d.customer).to_owned(),
            owner: ws.member_name(d.owner).to_owned(),
            amount: d.amount,
            date: d.stage_since(),
            reason: d.lost.as_ref().map(|l| l.reason),
        })
        .collect()
}

/// The report as the bytes of a PDF, in `lang`.
pub fn render(report: &MonthlyReport, lang: Lang) -> Result<Vec<u8>, super::ExportError> {
    layout::render(report, lang)
}

/// Writes the report of `period` to `path` (atomically).
pub fn write_pdf(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    lang: Lang,
    path: &std::path::Path,
) -> Result<(), super::ExportError> {
    let bytes = render(&gather(ws, period, today), lang)?;
    crate::store::atomic::write_with(path, |out| out.write_all(&bytes))
        .map_err(|e| super::ExportError(e.to_string()))
}

/// ¥1,234,567.89 (full amounts, as tables show them).
pub(crate) fn money(m: Money) -> String {
    let cents = m.0.unsigned_abs();
    let yuan = (cents / 100).to_string();
    let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if m.0 < 0 { "-" } else { "" };
    format!("{sign}¥{grouped}.{:02}", cents % 100)
}

/// A fractional minor-unit figure (an average) as money, rounded to the cent.
fn money_f(minor: Option<f64>) -> String {
    minor.map_or_else(dash, |m| money(Money(m.round() as i64)))
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(dash, |r| format!("{:.1}%", r * 100.0))
}

fn dash() -> String {
    "—".to_owned()
}

fn stage_name(s: Stage, lang: Lang) -> &'static str {
    s.label(lang)
}

/// The report's tables, worded: what `layout` draws.
pub(crate) struct Section {
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    /// Per column: right-aligned (numbers) or not.
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// A bar per row (0..=1) drawn under the first column, for the funnel.
    pub bars: Vec<f64>,
}

pub(crate) fn sections(r: &MonthlyReport, lang: Lang) -> Vec<Section> {
    let t = |x: Text| x.get(lang);
    let k = &r.kpis;
    let kpis = Section {
        title: t(Text::Kpis),
        headers: vec!["", ""],
        numeric: vec![false, true],
        rows: [
            (Text::Revenue, money(k.revenue)),
            (
                Text::Target,
                r.progress.map_or_else(dash, |p| money(p.target)),
            ),
            (Text::Attainment, pct(r.progress.and_then(|p| p.attainment))),
            (Text::WonDeals, k.won_count.to_string()),
            (Text::LostDeals, k.lost_count.to_string()),
            (Text::WinRate, pct(k.win_rate)),
            (Text::AvgWon, money_f(k.avg_won_amount)),
            (
                Text::AvgCycle,
                k.avg_cycle_days.map_or_else(dash, |d| format!("{d:.1}")),
            ),
            (Text::NewCustomers, k.new_customers.to_string()),
            (Text::OpenDeals, k.open_deals.to_string()),
            (Text::Weighted, money(k.weighted_pipeline)),
            (Text::Velocity, money_f(r.velocity_per_day)),
            (
                Text::Bottleneck,
                r.bottleneck
                    .map_or_else(dash, |s| stage_name(s, lang).to_owned()),
            ),
        ]
        .into_iter()
        .map(|(label, value)| vec![t(label).to_owned(), value])
        .collect(),
        bars: Vec::new(),
    };
    let top = r.funnel.stages.first().map_or(0, |s| s.entered).max(1) as f64;
    let funnel = Section {
        title: t(Text::Funnel),
        headers: vec![
            t(Text::Stage),
            t(Text::Entered),
            t(Text::Amount),
            t(Text::ToNext),
        ],
        numeric: vec![false, true, true, true],
        rows: r
            .funnel
            .stages
            .iter()
            .map(|s| {
                vec![
                    stage_name(s.stage, lang).to_owned(),
                    s.entered.to_string(),
                    money(s.amount),
                    pct(s.conversion_to_next),
                ]
            })
            .collect(),
        bars: r
            .funnel
            .stages
            .iter()
            .map(|s| s.entered as f64 / top)
            .collect(),
    };
    let reps = Section {
        title: t(Text::Reps),
        headers: vec![
            t(Text::Rep),
            t(Text::Revenue),
            t(Text::Target),
            t(Text::Attainment),
            t(Text::Won),
            t(Text::Lost),
            t(Text::WinRate),
        ],
        numeric: vec![false, true, true, true, true, true, true],
        rows: r
            .reps
            .iter()
            .map(|(name, s)| {
                vec![
                    name.clone(),
                    money(s.revenue),
                    s.target.map_or_else(dash, money),
                    pct(s.attainment),
                    s.won_count.to_string(),
                    s.lost_count.to_string(),
                    pct(s.win_rate),
                ]
            })
            .collect(),
        bars: Vec::new(),
    };
    let planned: Money = r.budget.iter().map(|(_, b)| b.planned).sum();
    let actual: Money = r.budget.iter().map(|(_, b)| b.actual).sum();
    let budget_row = |name: &str, planned: Money, actual: Money, of_plan: Option<f64>| {
        vec![
            name.to_owned(),
            money(planned),
            money(actual),
            money(actual - planned),
            pct(of_plan),
        ]
    };
    let mut budget_rows: Vec<Vec<String>> = r
        .budget
        .iter()
        .map(|(name, b)| budget_row(name, b.planned, b.actual, b.pct_of_plan))
        .collect();
    if !budget_rows.is_empty() {
        let of_plan = analytics::ratio(actual.0 as f64, planned.0 as f64);
        budget_rows.push(budget_row(t(Text::Total), planned, actual, of_plan));
    }
    let budget = Section {
        title: t(Text::Budget),
        headers: vec![
            t(Text::Category),
            t(Text::Planned),
            t(Text::Actual),
            t(Text::Variance),
            t(Text::OfPlan),
        ],
        numeric: vec![false, true, true, true, true],
        rows: budget_rows,
        bars: Vec::new(),
    };
    let deals = |title: Text, list: &[Notable], date: Text, lost: bool| {
        let mut headers = vec![
            t(Text::Deal),
            t(Text::Customer),
            t(Text::Owner),
            t(Text::Amount),
            t(date),
        ];
        if lost {
            headers.push(t(Text::Reason));
        }
        Section {
            title: t(title),
            numeric: headers.iter().enumerate().map(|(i, _)| i == 3).collect(),
            headers,
            rows: list
                .iter()
                .map(|n| {
                    let mut row = vec![
                        n.title.clone(),
                        n.customer.clone(),
                        n.owner.clone(),
                        money(n.amount),
                        n.date.to_string(),
                    ];
                    if lost {
                        row.push(n.reason.map_or_else(dash, |x| x.label(lang).to_owned()));
                    }
                    row
                })
                .collect(),
            bars: Vec::new(),
        }
    };
    vec![
        kpis,
        funnel,
        reps,
        budget,
        deals(Text::Wins, &r.wins, Text::WonOn, false),
        deals(Text::Losses, &r.losses, Text::LostOn, true),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_cents() {
        assert_eq!(money(Money(123_456_789)), "¥1,234,567.89");
        assert_eq!(money(Money(-5)), "-¥0.05");
        assert_eq!(money(Money(100_000)), "¥1,000.00");
    }
}
