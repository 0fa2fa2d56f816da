//! Looking ahead: the weighted pipeline by expected close month, and the reverse funnel
//! planner (how many deals each stage needs for a revenue target).

use super::calendar::month_index;
use super::filter::DealFilter;
use super::funnel::Funnel;
use crate::model::{Money, Period, Stage, Workspace};
use chrono::{Datelike, NaiveDate};

/// The open pipeline expected to close in one calendar month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForecastMonth {
    pub month: Period,
    pub deals: u64,
    pub amount: Money,
    /// Weighted = sum(amount × probability).
    pub weighted: Money,
}

/// Weighted pipeline by expected close month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Forecast {
    /// From the current month to the last month any deal expects to close, every month
    /// present (zero where nothing is expected) so a chart has no gaps.
    pub months: Vec<ForecastMonth>,
    /// Open deals whose expected close is before the current month: dates to fix.
    pub overdue: Money,
    pub overdue_deals: u64,
    /// Open deals without an expected close date.
    pub undated: Money,
    pub undated_deals: u64,
}

impl Forecast {
    /// Weighted total of all dated months.
    pub fn weighted_total(&self) -> Money {
        self.months.iter().map(|m| m.weighted).sum()
    }
}

/// Weighted pipeline of open deals by the month they are expected to close.
pub fn forecast(ws: &Workspace, today: NaiveDate, filter: &DealFilter) -> Forecast {
    let defaults = &ws.settings.stage_probability;
    let this_month = Period::month(today.year(), today.month());
    let mut f = Forecast::default();
    let push = |f: &mut Forecast, i: usize, amount: Money, weighted: Money| {
        while f.months.len() <= i {
            let n = f.months.len() as i32;
            let first = crate::model::shift_months(this_month.start, n);
            f.months.push(ForecastMonth {
                month: Period::month(first.year(), first.month()),
                deals: 0,
                amount: Money::ZERO,
                weighted: Money::ZERO,
            });
        }
        let m = &mut f.months[i];
        m.deals += 1;
        m.amount += amount;
        m.weighted += weighted;
    };
    for d in &ws.deals.deals.rows {
        if !d.stage.is_open() || !filter.matches(d) {
            continue;
        }
        let w = d.weighted(defaults);
        match d.expected_close {
            None => {
                f.undated += w;
                f.undated_deals += 1;
            }
            Some(c) if c < this_month.start => {
                f.overdue += w;
                f.overdue_deals += 1;
            }
            Some(c) => push(
                &mut f,
                month_index(this_month.start, c) as usize,
                d.amount,
                w,
            ),
        }
    }
    f
}

/// Open deals sitting in each open stage now (lead, needs, quote, contract).
pub fn open_by_stage(ws: &Workspace, filter: &DealFilter) -> [u64; 4] {
    let mut n = [0u64; 4];
    for d in &ws.deals.deals.rows {
        if let Some(i) = d.stage.open_index()
            && filter.matches(d)
        {
            n[i] += 1;
        }
    }
    n
}

/// One row of the reverse funnel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanStep {
    pub stage: Stage,
    /// Deals that must enter this stage to reach the target at today's conversions,
    /// rounded up; None when a conversion on the way is unknown or zero.
    pub needed: Option<u64>,
    /// Open deals in this stage now (None for won).
    pub have: Option<u64>,
}

/// Reverse funnel planner: won deals needed = target / average won amount; each stage
/// before needs that many divided by its stage conversion. Compared with what each stage
/// holds now. Rows in funnel order (lead … won).
pub fn reverse_funnel(
    target: Money,
    avg_won_amount: Option<f64>,
    conversions: [Option<f64>; 4],
    pipeline: [u64; 4],
) -> [PlanStep; 5] {
    let mut need = [None::<f64>; 5];
    need[4] = avg_won_amount
        .filter(|a| *a > 0.0)
        .map(|a| (target.0.max(0) as f64 / a).ceil());
    for i in (0..4).rev() {
        need[i] = match (need[i + 1], conversions[i]) {
            (Some(n), Some(c)) if c > 0.0 => Some(n / c),
            _ => None,
        };
    }
    [0, 1, 2, 3, 4].map(|i| PlanStep {
        stage: Stage::FUNNEL[i],
        // A tiny epsilon keeps 10 / 0.5 = 20.000000000000004 from becoming 21.
        needed: need[i].map(|n| (n - 1e-9).ceil().max(0.0) as u64),
        have: (i < 4).then(|| pipeline[i]),
    })
}

/// [`reverse_funnel`] with the conversions of a funnel.
pub fn reverse_funnel_from(
    target: Money,
    avg_won_amount: Option<f64>,
    funnel: &Funnel,
    pipeline: [u64; 4],
) -> [PlanStep; 5] {
    reverse_funnel(target, avg_won_amount, funnel.conversions(), pipeline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use Stage::*;

    #[test]
    fn forecast_buckets_by_expected_close_month() {
        let mut a = deal(1, &[(Lead, "2026-01-01")]); // 10 % of 1,000
        a.expected_close = Some(d("2026-03-31"));
        let mut b = deal(2, &[(Lead, "2026-01-01"), (Contract, "2026-02-01")]); // 80 %
        b.expected_close = Some(d("2026-05-02"));
        let mut c = deal(3, &[(Lead, "2026-01-01")]);
        c.expected_close = Some(d("2026-02-27"));
        let e = deal(4, &[(Lead, "2026-01-01")]);
        let mut won = deal(5, &[(Lead, "2026-01-01"), (Won, "2026-02-01")]);
        won.expected_close = Some(d("2026-04-01"));
        let ws = ws_with(vec![a, b, c, e, won]);
        let f = forecast(&ws, d("2026-03-15"), &DealFilter::ALL);
        assert_eq!(f.months.len(), 3);
        assert_eq!(f.months[0].month, Period::month(2026, 3));
        assert_eq!(f.months[0].weighted, Money::from_major(100));
        assert_eq!(f.months[1].deals, 0);
        assert_eq!(f.months[2].weighted, Money::from_major(800));
        assert_eq!((f.overdue_deals, f.undated_deals), (1, 1));
        assert_eq!(f.weighted_total(), Money::from_major(900));
        assert_eq!(open_by_stage(&ws, &DealFilter::ALL), [3, 0, 0, 1]);
    }

    #[test]
    fn reverse_funnel_divides_back_through_the_conversions() {
        // 1,000,000 / 100,000 = 10 won; /0.5 = 20 contract; /0.5 = 40 quote; /0.8 = 50
        // needs; /0.25 = 200 leads.
        let p = reverse_funnel(
            Money::from_major(1_000_000),
            Some(10_000_000.0),
            [Some(0.25), Some(0.8), Some(0.5), Some(0.5)],
            [150, 30, 12, 4],
        );
        let needed: Vec<Option<u64>> = p.iter().map(|s| s.needed).collect();
        assert_eq!(needed, [Some(200), Some(50), Some(40), Some(20), Some(10)]);
        assert_eq!(p[0].have, Some(150));
        assert_eq!(p[4].have, None);
        // An unknown conversion leaves it and everything before it unknown.
        let p = reverse_funnel(
            Money::from_major(10),
            Some(100.0),
            [Some(0.5), None, Some(0.0), Some(1.0)],
            [0; 4],
        );
        let needed: Vec<Option<u64>> = p.iter().map(|s| s.needed).collect();
        assert_eq!(needed, [None, None, None, Some(10), Some(10)]);
        assert!(
            reverse_funnel(Money(1), None, [Some(1.0); 4], [0; 4])
                .iter()
                .all(|s| s.needed.is_none())
        );
    }
}
