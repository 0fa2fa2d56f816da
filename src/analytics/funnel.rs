//! 销售漏斗: the cohort funnel, time in stage and the bottleneck (瓶颈).
//!
//! The funnel follows the cohort of deals *created* in a period through the five stages.
//! A deal counts as having entered every stage up to the furthest one it reached, even
//! when it skipped some (a deal created straight into a quote still passed the lead and
//! needs stages); a lost deal reached the last open stage it has a date for.

use super::filter::DealFilter;
use super::ratio;
use crate::model::{Deal, Money, Period, Stage, Workspace, days_between};

/// One bar of the funnel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FunnelStage {
    pub stage: Stage,
    /// Deals of the cohort that entered this stage.
    pub entered: u64,
    /// Their total amount.
    pub amount: Money,
    /// Stage conversion = entered next stage / entered this stage. None for won, or when
    /// no deal entered this stage.
    pub conversion_to_next: Option<f64>,
    /// entered this stage / entered lead (cumulative conversion from the top).
    pub from_lead: Option<f64>,
}

/// The funnel of a cohort: one row per stage of [`Stage::FUNNEL`], in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    pub period: Period,
    pub stages: [FunnelStage; 5],
}

impl Funnel {
    pub fn get(&self, stage: Stage) -> Option<&FunnelStage> {
        stage.funnel_index().map(|i| &self.stages[i])
    }

    /// The stage (lead..contract) with the lowest stage conversion, and that conversion.
    /// Ties go to the earlier stage; None when no conversion is defined.
    pub fn lowest_conversion(&self) -> Option<(Stage, f64)> {
        let mut best: Option<(Stage, f64)> = None;
        for s in &self.stages[..4] {
            if let Some(c) = s.conversion_to_next
                && best.is_none_or(|(_, b)| c < b)
            {
                best = Some((s.stage, c));
            }
        }
        best
    }

    /// Stage conversions lead→needs … contract→won, in order (for the reverse planner).
    pub fn conversions(&self) -> [Option<f64>; 4] {
        [0, 1, 2, 3].map(|i| self.stages[i].conversion_to_next)
    }
}

/// The cohort funnel of deals created in `period` that match `filter`.
pub fn funnel(ws: &Workspace, period: Period, filter: &DealFilter) -> Funnel {
    funnel_of(&ws.deals.deals.rows, period, filter)
}

/// [`funnel`] over any slice of deals.
pub fn funnel_of(deals: &[Deal], period: Period, filter: &DealFilter) -> Funnel {
    let mut entered = [0u64; 5];
    let mut amount = [Money::ZERO; 5];
    for d in deals {
        if !period.contains(d.created()) || !filter.matches(d) {
            continue;
        }
        let furthest = d.furthest_stage().funnel_index().unwrap_or(0);
        for i in 0..=furthest {
            entered[i] += 1;
            amount[i] += d.amount;
        }
    }
    let stages = [0, 1, 2, 3, 4].map(|i| FunnelStage {
        stage: Stage::FUNNEL[i],
        entered: entered[i],
        amount: amount[i],
        conversion_to_next: if i < 4 {
            ratio(entered[i + 1] as f64, entered[i] as f64)
        } else {
            None
        },
        from_lead: ratio(entered[i] as f64, entered[0] as f64),
    });
    Funnel { period, stages }
}

/// Median days deals spent in each open stage (lead, needs, quote, contract).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StageTimes {
    pub median_days: [Option<f64>; 4],
    /// How many stays each median is over.
    pub samples: [usize; 4],
}

impl StageTimes {
    /// The open stage with the longest median time in stage (ties: the earlier stage).
    pub fn slowest(&self) -> Option<(Stage, f64)> {
        let mut best: Option<(Stage, f64)> = None;
        for (i, m) in self.median_days.iter().enumerate() {
            if let Some(m) = *m
                && best.is_none_or(|(_, b)| m > b)
            {
                best = Some((Stage::OPEN[i], m));
            }
        }
        best
    }
}

/// Time in stage from history: each finished stay in an open stage (entered on one
/// history entry, left on the next) whose *leaving* date falls in `period`. Stays still
/// going on are left out, since their length is not known yet; stays are measured when
/// they end so a period shows how long the deals that moved in it had waited.
pub fn stage_times(ws: &Workspace, period: Period, filter: &DealFilter) -> StageTimes {
    let mut days: [Vec<i64>; 4] = Default::default();
    for d in &ws.deals.deals.rows {
        if !filter.matches(d) {
            continue;
        }
        for w in d.history.windows(2) {
            if let Some(i) = w[0].stage.open_index()
                && period.contains(w[1].date)
            {
                days[i].push(days_between(w[0].date, w[1].date).max(0));
            }
        }
    }
    let mut out = StageTimes::default();
    for (i, v) in days.iter_mut().enumerate() {
        out.samples[i] = v.len();
        out.median_days[i] = median(v);
    }
    out
}

/// The median of whole-day counts (mean of the middle two for an even count).
pub fn median(v: &mut [i64]) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let (_, hi, _) = v.select_nth_unstable(n / 2);
    let hi = *hi as f64;
    if n % 2 == 1 {
        return Some(hi);
    }
    // After the select, everything left of n/2 is <= it: the lower middle is their max.
    let lo = v[..n / 2].iter().copied().max().unwrap_or(0) as f64;
    Some((lo + hi) / 2.0)
}

/// A stage singled out as a bottleneck, with the same stage's figure one period earlier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StageFigure {
    pub stage: Stage,
    pub value: f64,
    /// The same stage's figure in [`Period::previous`], when defined.
    pub previous: Option<f64>,
}

/// 瓶颈: where the funnel leaks most and where deals wait longest.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bottleneck {
    /// The lowest stage conversion (lead..contract).
    pub conversion: Option<StageFigure>,
    /// The open stage with the longest median days in stage.
    pub slowest: Option<StageFigure>,
}

/// Computes the bottleneck of `period` and the comparison figures of the period before.
pub fn bottleneck(ws: &Workspace, period: Period, filter: &DealFilter) -> Bottleneck {
    let prev = period.previous();
    bottleneck_from(
        &funnel(ws, period, filter),
        &funnel(ws, prev, filter),
        &stage_times(ws, period, filter),
        &stage_times(ws, prev, filter),
    )
}

/// [`bottleneck`] from figures already computed (the cache may hold them).
pub fn bottleneck_from(
    now: &Funnel,
    before: &Funnel,
    times_now: &StageTimes,
    times_before: &StageTimes,
) -> Bottleneck {
    Bottleneck {
        conversion: now.lowest_conversion().map(|(stage, value)| StageFigure {
            stage,
            value,
            previous: before.get(stage).and_then(|s| s.conversion_to_next),
        }),
        slowest: times_now.slowest().map(|(stage, value)| StageFigure {
            stage,
            value,
            previous: stage.open_index().and_then(|i| times_before.median_days[i]),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::MemberId;
    use Stage::*;

    fn q1() -> Period {
        Period::quarter(2026, 1)
    }

    fn sample() -> Workspace {
        ws_with(vec![
            // Won, through every stage.
            deal(
                1,
                &[
                    (Lead, "2026-01-05"),
                    (Needs, "2026-01-10"),
                    (Quote, "2026-01-20"),
                    (Contract, "2026-02-01"),
                    (Won, "2026-02-10"),
                ],
            ),
            // Skipped straight to quote, then lost: counts for lead, needs, quote.
            deal(
                2,
                &[
                    (Lead, "2026-01-07"),
                    (Quote, "2026-01-17"),
                    (Lost, "2026-02-01"),
                ],
            ),
            // Still a lead.
            deal(3, &[(Lead, "2026-02-01")]),
            // Lost from needs.
            deal(
                4,
                &[
                    (Lead, "2026-03-01"),
                    (Needs, "2026-03-03"),
                    (Lost, "2026-03-20"),
                ],
            ),
            // Created before the period: not in the cohort.
            deal(5, &[(Lead, "2025-12-20"), (Needs, "2026-01-02")]),
        ])
    }

    #[test]
    fn cohort_funnel_counts_every_stage_up_to_the_furthest() {
        let f = funnel(&sample(), q1(), &DealFilter::ALL);
        let entered: Vec<u64> = f.stages.iter().map(|s| s.entered).collect();
        assert_eq!(entered, [4, 3, 2, 1, 1]);
        assert_eq!(f.stages[0].amount, Money::from_major(4000));
        // 3/4, 2/3, 1/2, 1/1, won has none.
        assert_eq!(f.stages[0].conversion_to_next, Some(0.75));
        assert!((f.stages[1].conversion_to_next.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(f.stages[2].conversion_to_next, Some(0.5));
        assert_eq!(f.stages[3].conversion_to_next, Some(1.0));
        assert_eq!(f.stages[4].conversion_to_next, None);
        assert_eq!(f.stages[4].from_lead, Some(0.25));
        assert_eq!(f.lowest_conversion(), Some((Quote, 0.5)));
    }

    #[test]
    fn empty_cohort_has_no_ratios() {
        let f = funnel(&sample(), Period::year(2020), &DealFilter::ALL);
        assert!(
            f.stages
                .iter()
                .all(|s| s.entered == 0 && s.conversion_to_next.is_none())
        );
        assert!(f.stages.iter().all(|s| s.from_lead.is_none()));
        assert_eq!(f.lowest_conversion(), None);
    }

    #[test]
    fn filter_limits_the_cohort() {
        let mut ws = sample();
        std::sync::Arc::make_mut(&mut ws.deals)
            .deals
            .get_mut(crate::model::DealId(1))
            .unwrap()
            .owner = MemberId(2);
        let f = funnel(&ws, q1(), &DealFilter::owner(MemberId(2)));
        let entered: Vec<u64> = f.stages.iter().map(|s| s.entered).collect();
        assert_eq!(entered, [1, 1, 1, 1, 1]);
    }

    #[test]
    fn median_handles_odd_even_and_empty() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7]), Some(7.0));
        assert_eq!(median(&mut [9, 1, 4]), Some(4.0));
        assert_eq!(median(&mut [10, 1, 4, 2]), Some(3.0));
    }

    #[test]
    fn stage_times_measure_finished_stays_ending_in_the_period() {
        let t = stage_times(&sample(), q1(), &DealFilter::ALL);
        // Lead stays: 5 (deal 1), 10 (deal 2), 2 (deal 4), 13 (deal 5: left 01-02).
        assert_eq!(t.samples[0], 4);
        assert_eq!(t.median_days[0], Some(7.5));
        // Needs: 10 (deal 1), 17 (deal 4); quote: 12, 15; contract: 9.
        assert_eq!(t.median_days[1], Some(13.5));
        assert_eq!(t.median_days[2], Some(13.5));
        assert_eq!(t.median_days[3], Some(9.0));
        // Ties go to the earlier stage.
        assert_eq!(t.slowest(), Some((Needs, 13.5)));
    }

    #[test]
    fn bottleneck_compares_with_the_previous_period() {
        let ws = sample();
        let b = bottleneck(&ws, q1(), &DealFilter::ALL);
        let c = b.conversion.unwrap();
        assert_eq!((c.stage, c.value), (Quote, 0.5));
        // Q4 2025 cohort is deal 5 alone: it reached needs, never quote -> undefined.
        assert_eq!(c.previous, None);
        let s = b.slowest.unwrap();
        assert_eq!(s.stage, Needs);
        assert_eq!(s.previous, None);
        let q2 = bottleneck(&ws, Period::quarter(2026, 2), &DealFilter::ALL);
        assert_eq!(q2.conversion, None);
        assert_eq!(q2.slowest, None);
    }
}
