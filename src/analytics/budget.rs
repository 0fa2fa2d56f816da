//! 预算管理与成本控制: plan vs actual per category, alerts, monthly burn, the biggest
//! overruns and fastest-growing costs, and the year-end spend forecast. (The pie's
//! geometry is drawing, so it lives with the chart in `ui/charts_pie.rs`.)

use super::calendar::{months_of, round_money};
use super::ratio;
use crate::model::{BudgetLine, CategoryId, Money, Period, Workspace};
use chrono::{Datelike, NaiveDate};

/// How close a category is to its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BudgetAlert {
    /// Under 90 % of plan.
    Ok,
    /// From 90 % of plan up to and including 100 %: spending exactly the plan is on
    /// budget, so it warns but is not over.
    Warning,
    /// More than the plan (or anything spent without a plan).
    Over,
}

impl BudgetAlert {
    pub fn of(planned: Money, actual: Money) -> BudgetAlert {
        // Integer comparisons: 90 % and 100 % are exact edges, with no float rounding.
        let (p, a) = (planned.0 as i128, actual.0 as i128);
        if a > p {
            BudgetAlert::Over
        } else if p > 0 && a * 10 >= p * 9 {
            BudgetAlert::Warning
        } else {
            BudgetAlert::Ok
        }
    }
}

/// Plan vs actual of one category in a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryBudget {
    pub category: CategoryId,
    pub planned: Money,
    pub actual: Money,
    /// Budget variance = actual − planned (positive = overspent).
    pub variance: Money,
    /// actual / planned (1.0 = 100 %); None without a plan.
    pub pct_of_plan: Option<f64>,
    pub alert: BudgetAlert,
}

impl CategoryBudget {
    fn new(category: CategoryId, planned: Money, actual: Money) -> CategoryBudget {
        CategoryBudget {
            category,
            planned,
            actual,
            variance: actual - planned,
            pct_of_plan: ratio(actual.0 as f64, planned.0 as f64),
            alert: BudgetAlert::of(planned, actual),
        }
    }
}

/// The part of a yearly budget line planned for `period`: its month plans, each month
/// prorated by the days of it inside the period. Unrounded minor units.
fn line_share(line: &BudgetLine, period: Period) -> f64 {
    if line.year < period.start.year() || line.year > period.end.year() {
        return 0.0;
    }
    let year = Period::year(line.year);
    let within = Period::new(period.start.max(year.start), period.end.min(year.end));
    months_of(within)
        .iter()
        .map(|m| {
            let plan = line.month_plan(m.start.month()).0 as f64;
            plan * m.overlap_days(&within) as f64 / m.days() as f64
        })
        .sum()
}

/// Planned amount of one category for `period` (all its budget lines, prorated).
pub fn planned_for(ws: &Workspace, category: CategoryId, period: Period) -> Money {
    round_money(
        ws.budget
            .lines
            .iter()
            .filter(|l| l.category == category)
            .map(|l| line_share(l, period))
            .sum(),
    )
}

/// Plan vs actual per category for `period`, in category order: every active category,
/// and retired ones that still have a plan or spending in the period.
pub fn budget_by_category(ws: &Workspace, period: Period) -> Vec<CategoryBudget> {
    let cats = &ws.budget.categories.rows;
    let index = |id: CategoryId| cats.binary_search_by_key(&id, |c| c.id).ok();
    let mut planned = vec![0.0f64; cats.len()];
    let mut actual = vec![Money::ZERO; cats.len()];
    for l in ws.budget.lines.iter() {
        if let Some(i) = index(l.category) {
            planned[i] += line_share(l, period);
        }
    }
    for x in ws.budget.expenses.iter() {
        if period.contains(x.date)
            && let Some(i) = index(x.category)
        {
            actual[i] += x.amount;
        }
    }
    cats.iter()
        .enumerate()
        .map(|(i, c)| CategoryBudget::new(c.id, round_money(planned[i]), actual[i]))
        .zip(cats.iter())
        .filter(|(b, c)| c.active || b.planned != Money::ZERO || b.actual != Money::ZERO)
        .map(|(b, _)| b)
        .collect()
}

/// The categories at or past 90 % of plan, the worst first.
pub fn budget_alerts(rows: &[CategoryBudget]) -> Vec<CategoryBudget> {
    let mut out: Vec<CategoryBudget> = rows
        .iter()
        .filter(|r| r.alert != BudgetAlert::Ok)
        .copied()
        .collect();
    out.sort_by(|a, b| b.alert.cmp(&a.alert).then(b.variance.cmp(&a.variance)));
    out
}

/// The `n` categories furthest over plan (variance > 0), the largest overrun first.
pub fn biggest_overruns(rows: &[CategoryBudget], n: usize) -> Vec<CategoryBudget> {
    let mut out: Vec<CategoryBudget> = rows.iter().filter(|r| r.variance.0 > 0).copied().collect();
    out.sort_by(|a, b| {
        b.variance
            .cmp(&a.variance)
            .then(a.category.cmp(&b.category))
    });
    out.truncate(n);
    out
}

/// One month of the burn chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BurnMonth {
    /// 1–12.
    pub month: u32,
    pub planned: Money,
    pub actual: Money,
    pub cum_planned: Money,
    pub cum_actual: Money,
}

/// Monthly burn of a year: plan and actual per month and their running totals, for one
/// category or (None) all of them.
pub fn monthly_burn(ws: &Workspace, year: i32, category: Option<CategoryId>) -> [BurnMonth; 12] {
    let wanted = |c: CategoryId| category.is_none_or(|x| x == c);
    let mut planned = [Money::ZERO; 12];
    let mut actual = [Money::ZERO; 12];
    for l in ws.budget.lines.iter() {
        if l.year == year && wanted(l.category) {
            for (i, p) in planned.iter_mut().enumerate() {
                *p += l.month_plan(i as u32 + 1);
            }
        }
    }
    for x in ws.budget.expenses.iter() {
        if x.date.year() == year && wanted(x.category) {
            actual[x.date.month0() as usize] += x.amount;
        }
    }
    let (mut cp, mut ca) = (Money::ZERO, Money::ZERO);
    std::array::from_fn(|i| {
        cp += planned[i];
        ca += actual[i];
        BurnMonth {
            month: i as u32 + 1,
            planned: planned[i],
            actual: actual[i],
            cum_planned: cp,
            cum_actual: ca,
        }
    })
}

/// A category's spending this period against the period before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Growth {
    pub category: CategoryId,
    pub current: Money,
    pub previous: Money,
    /// (current − previous) / previous; None when nothing was spent before.
    pub growth: Option<f64>,
}

/// Categories that spent more in `period` than in [`Period::previous`], fastest growth
/// first; spending that starts from zero counts as fastest (largest first).
pub fn fastest_growing(ws: &Workspace, period: Period) -> Vec<Growth> {
    let prev = period.previous();
    let cats = &ws.budget.categories.rows;
    let mut now = vec![Money::ZERO; cats.len()];
    let mut before = vec![Money::ZERO; cats.len()];
    for x in ws.budget.expenses.iter() {
        let Ok(i) = cats.binary_search_by_key(&x.category, |c| c.id) else {
            continue;
        };
        if period.contains(x.date) {
            now[i] += x.amount;
        } else if prev.contains(x.date) {
            before[i] += x.amount;
        }
    }
    let mut out: Vec<Growth> = cats
        .iter()
        .enumerate()
        .filter(|(i, _)| now[*i] > before[*i])
        .map(|(i, c)| Growth {
            category: c.id,
            current: now[i],
            previous: before[i],
            growth: ratio((now[i] - before[i]).0 as f64, before[i].0 as f64),
        })
        .collect();
    out.sort_by(|a, b| match (a.growth, b.growth) {
        (None, None) => b.current.cmp(&a.current),
        (None, Some(_)) => std::cmp::Ordering::Less,
        (Some(_), None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => y.total_cmp(&x),
    });
    out
}

/// Where a category's spending is heading by the end of the year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearEndForecast {
    pub category: CategoryId,
    /// The year's plan.
    pub planned: Money,
    /// Spent from 1 January up to today.
    pub actual_to_date: Money,
    /// actual to date / days elapsed × days in the year: the current burn rate carried on.
    pub forecast: Money,
    /// forecast − planned (positive = heading over).
    pub over: Money,
}

/// Year-end spend forecast per category at the current burn rate, for every category
/// with a plan or spending in `year`.
pub fn year_end_forecast(ws: &Workspace, year: i32, today: NaiveDate) -> Vec<YearEndForecast> {
    let y = Period::year(year);
    let to_date = Period::new(y.start, today.min(y.end));
    let elapsed = if today < y.start { 0 } else { to_date.days() };
    let cats = &ws.budget.categories.rows;
    let mut planned = vec![Money::ZERO; cats.len()];
    let mut actual = vec![Money::ZERO; cats.len()];
    for l in ws.budget.lines.iter() {
        if l.year == year
            && let Ok(i) = cats.binary_search_by_key(&l.category, |c| c.id)
        {
            planned[i] += (1..=12).map(|m| l.month_plan(m)).sum();
        }
    }
    for x in ws.budget.expenses.iter() {
        if elapsed > 0
            && to_date.contains(x.date)
            && let Ok(i) = cats.binary_search_by_key(&x.category, |c| c.id)
        {
            actual[i] += x.amount;
        }
    }
    cats.iter()
        .enumerate()
        .filter(|(i, _)| planned[*i] != Money::ZERO || actual[*i] != Money::ZERO)
        .map(|(i, c)| {
            let forecast = if elapsed == 0 {
                actual[i]
            } else {
                round_money(actual[i].0 as f64 / elapsed as f64 * y.days() as f64)
            };
            YearEndForecast {
                category: c.id,
                planned: planned[i],
                actual_to_date: actual[i],
                forecast,
                over: forecast - planned[i],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::d;
    use crate::model::{BudgetCategory, BudgetLineId, Expense, ExpenseId};
    use std::sync::Arc;

    #[test]
    fn alert_edges_ninety_warns_hundred_is_not_over() {
        let m = Money;
        assert_eq!(BudgetAlert::of(m(1000), m(899)), BudgetAlert::Ok);
        assert_eq!(BudgetAlert::of(m(1000), m(900)), BudgetAlert::Warning);
        assert_eq!(BudgetAlert::of(m(1000), m(1000)), BudgetAlert::Warning);
        assert_eq!(BudgetAlert::of(m(1000), m(1001)), BudgetAlert::Over);
        assert_eq!(BudgetAlert::of(m(0), m(0)), BudgetAlert::Ok);
        assert_eq!(BudgetAlert::of(m(0), m(1)), BudgetAlert::Over);
    }

    /// Two categories: 1 "Events" with 12,000 a year evenly, 2 "Ads" with a March-heavy
    /// monthly plan; expenses in Jan, Feb and Mar.
    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        let b = Arc::make_mut(&mut ws.budget);
        for (id, name) in [(1, "Events"), (2, "Ads"), (3, "Old")] {
            b.categories.put(BudgetCategory {
                id: CategoryId(id),
                name: name.into(),
                active: id != 3,
            });
        }
        b.lines.put(BudgetLine {
            id: BudgetLineId(1),
            year: 2026,
            category: CategoryId(1),
            planned: Money::from_major(12_000),
            monthly: None,
        });
        let mut monthly = vec![Money::from_major(100); 12];
        monthly[2] = Money::from_major(1_000);
        b.lines.put(BudgetLine {
            id: BudgetLineId(2),
            year: 2026,
            category: CategoryId(2),
            planned: Money::from_major(2_100),
            monthly: Some(monthly),
        });
        let spend = [
            (1, "2026-01-10", 900),
            (1, "2026-02-10", 1_200),
            (2, "2026-02-01", 50),
            (2, "2026-03-05", 400),
        ];
        for (i, (cat, date, major)) in spend.into_iter().enumerate() {
            b.expenses.put(Expense {
                id: ExpenseId(i as u64 + 1),
                date: d(date),
                category: CategoryId(cat),
                amount: Money::from_major(major),
                payee: String::new(),
                note: String::new(),
                link: None,
            });
        }
        ws
    }

    #[test]
    fn plan_vs_actual_per_category() {
        let ws = ws();
        let rows = budget_by_category(&ws, Period::month(2026, 2));
        // The retired category without plan or spending is left out.
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].planned, Money::from_major(1_000));
        assert_eq!(rows[0].actual, Money::from_major(1_200));
        assert_eq!(rows[0].variance, Money::from_major(200));
        assert_eq!(rows[0].pct_of_plan, Some(1.2));
        assert_eq!(rows[0].alert, BudgetAlert::Over);
        assert_eq!(rows[1].alert, BudgetAlert::Ok);
        assert_eq!(budget_alerts(&rows).len(), 1);
        assert_eq!(biggest_overruns(&rows, 5)[0].category, CategoryId(1));
        // Half of March (16 of 31 days) of the 1,000 March plan.
        let half = Period::new(d("2026-03-01"), d("2026-03-16"));
        assert_eq!(
            planned_for(&ws, CategoryId(2), half),
            round_money(100_000.0 * 16.0 / 31.0)
        );
        assert_eq!(
            planned_for(&ws, CategoryId(2), Period::year(2025)),
            Money::ZERO
        );
    }

    #[test]
    fn burn_accumulates_by_month() {
        let b = monthly_burn(&ws(), 2026, None);
        assert_eq!(b[0].planned, Money::from_major(1_100));
        assert_eq!(b[2].planned, Money::from_major(2_000));
        assert_eq!(b[2].cum_actual, Money::from_major(2_550));
        assert_eq!(b[11].cum_planned, Money::from_major(14_100));
        let ads = monthly_burn(&ws(), 2026, Some(CategoryId(2)));
        assert_eq!(ads[1].cum_actual, Money::from_major(50));
    }

    #[test]
    fn growth_and_year_end_forecast() {
        let ws = ws();
        let g = fastest_growing(&ws, Period::month(2026, 3));
        // Ads 50 -> 400 (+700 %); Events fell.
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].growth, Some(7.0));
        let g = fastest_growing(&ws, Period::month(2026, 2));
        // Events 900 -> 1,200 (+33 %), Ads 0 -> 50 (from zero: first).
        assert_eq!(g[0].category, CategoryId(2));
        assert_eq!(g[0].growth, None);
        assert_eq!(g[1].category, CategoryId(1));
        // 31 + 28 days elapsed on 28 Feb: Events 2,100 / 59 × 365.
        let f = year_end_forecast(&ws, 2026, d("2026-02-28"));
        assert_eq!(f[0].actual_to_date, Money::from_major(2_100));
        assert_eq!(f[0].forecast, round_money(210_000.0 / 59.0 * 365.0));
        assert_eq!(f[0].over, f[0].forecast - Money::from_major(12_000));
        let before = year_end_forecast(&ws, 2026, d("2025-06-01"));
        assert_eq!(before[0].forecast, Money::ZERO);
    }
}
