//! Figures the Dashboard and Analytics pages build on top of the core analytics: the
//! comparison with the same point of the previous period, the open pipeline as it stood
//! on a given day, every rep's funnel in one pass and where each one leaks, breakdown
//! tables with win rates, the span of the monthly trend and the choices of the filter.
//!
//! Like the rest of `analytics`, each function is one pass over the deals and allocates
//! per result row, never per deal.

use super::calendar::{days_left, months_of};
use super::filter::{DealFilter, FilterChoices};
use super::funnel::{Funnel, FunnelStage};
use super::metrics::{Kpis, Velocity, kpis};
use super::ratio;
use super::targets::{market_size_for, target_for};
use crate::model::{Deal, MemberId, Money, Period, Stage, Workspace, shift_months};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// The stretch of the previous period to compare `period` with. While `period` is under
/// way (it holds `today`, which is not its last day) that is the previous period up to
/// the same day (the 1st–26th of October for the 1st–26th of November), so a half-run
/// month is not held against a whole one; otherwise the whole previous period.
pub fn comparable_previous(period: Period, today: NaiveDate) -> Period {
    let prev = period.previous();
    if period.contains(today) && today < period.end {
        let elapsed = today - period.start;
        Period::new(prev.start, (prev.start + elapsed).min(prev.end))
    } else {
        prev
    }
}

/// The day open-pipeline figures of `period` are taken on: today while the period runs
/// (or before it starts), else its last day.
pub fn as_of(period: Period, today: NaiveDate) -> NaiveDate {
    today.min(period.end)
}

/// The open pipeline as it stood at the end of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PipelineSnapshot {
    pub date: NaiveDate,
    /// Deals created on or before `date` that were in an open stage that day.
    pub open_deals: u64,
    pub open_amount: Money,
    /// sum(amount × probability), with the stage the deal was in that day (its manual
    /// probability, if set, as it is now: its history is not kept).
    pub weighted: Money,
}

/// The stage a deal was in at the end of `date`, from its history; None before it was
/// created.
pub fn stage_on(d: &Deal, date: NaiveDate) -> Option<Stage> {
    d.history
        .iter()
        .take_while(|h| h.date <= date)
        .last()
        .map(|h| h.stage)
}

/// The open pipeline on `date` (for today it equals the open figures of [`kpis`]).
pub fn pipeline_at(ws: &Workspace, date: NaiveDate, filter: &DealFilter) -> PipelineSnapshot {
    let defaults = &ws.settings.stage_probability;
    let mut s = PipelineSnapshot {
        date,
        open_deals: 0,
        open_amount: Money::ZERO,
        weighted: Money::ZERO,
    };
    for d in &ws.deals.deals.rows {
        if d.created() > date || !filter.matches(d) {
            continue;
        }
        let Some(i) = stage_on(d, date).and_then(Stage::open_index) else {
            continue;
        };
        let pct = d.probability_override.unwrap_or(defaults[i]);
        s.open_deals += 1;
        s.open_amount += d.amount;
        s.weighted += d.amount.percent(pct as f64);
    }
    s
}

/// The headline figures of one stretch of time, as the Dashboard shows them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// The days whose wins, losses and new customers count.
    pub span: Period,
    pub kpis: Kpis,
    /// The open pipeline at the end of the span (today for a running period).
    pub pipeline: PipelineSnapshot,
    /// The target of the whole period (the rep's when the filter names one).
    pub target: Option<Money>,
    /// revenue / target.
    pub attainment: Option<f64>,
    /// target − revenue (negative once beaten).
    pub gap: Option<Money>,
    /// Weighted pipeline / gap, while something is left to win.
    pub coverage: Option<f64>,
    /// Sales velocity (minor units a day) with the pipeline of the span's end.
    pub velocity: Option<f64>,
    /// The market size of the span; only for the whole team (an unfiltered view).
    pub market_size: Option<Money>,
    /// revenue / market size.
    pub market_share: Option<f64>,
}

impl Figures {
    /// The four factors of sales velocity, with the open deals of the span's end.
    pub fn velocity_factors(&self) -> Velocity {
        Velocity {
            open_deals: self.pipeline.open_deals as f64,
            ..self.kpis.velocity()
        }
    }
}

fn figures(
    ws: &Workspace,
    span: Period,
    target_period: Period,
    pipeline_date: NaiveDate,
    filter: &DealFilter,
) -> Figures {
    let k = kpis(ws, span, filter);
    let pipeline = pipeline_at(ws, pipeline_date, filter);
    let target = target_for(ws, target_period, filter.owner);
    let gap = target.map(|t| t - k.revenue);
    let coverage = gap
        .filter(|g| g.0 > 0)
        .and_then(|g| ratio(pipeline.weighted.0 as f64, g.0 as f64));
    let market_size = if filter.is_all() && span.end >= span.start {
        market_size_for(ws, span)
    } else {
        None
    };
    let mut f = Figures {
        span,
        kpis: k,
        pipeline,
        target,
        attainment: target.and_then(|t| ratio(k.revenue.0 as f64, t.0 as f64)),
        gap,
        coverage,
        velocity: None,
        market_size,
        market_share: market_size.and_then(|m| ratio(k.revenue.0 as f64, m.0 as f64)),
    };
    f.velocity = f.velocity_factors().per_day();
    f
}

/// A period's figures next to the comparable stretch of the period before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overview {
    pub period: Period,
    pub today: NaiveDate,
    pub now: Figures,
    /// Over [`comparable_previous`], against the previous period's whole target.
    pub before: Figures,
    /// Days left in the period, counting today.
    pub days_left: i64,
}

/// Everything the Dashboard's tiles show for `period`, compared with the same point of
/// the previous period. The market share of a running period is over its days so far.
pub fn overview(ws: &Workspace, period: Period, today: NaiveDate, filter: &DealFilter) -> Overview {
    let cmp = comparable_previous(period, today);
    // The market share of a running period is over the days that have passed.
    let elapsed = Period::new(period.start, period.end.min(today));
    let mut now = figures(ws, period, period, as_of(period, today), filter);
    if elapsed != period {
        now.market_size = if filter.is_all() && elapsed.end >= elapsed.start {
            market_size_for(ws, elapsed)
        } else {
            None
        };
        now.market_share = now
            .market_size
            .and_then(|m| ratio(now.kpis.revenue.0 as f64, m.0 as f64));
    }
    let before = figures(ws, cmp, period.previous(), cmp.end.min(today), filter);
    Overview {
        period,
        today,
        now,
        before,
        days_left: days_left(period, today),
    }
}

/// Builds a funnel from cohort counts the way [`super::funnel`] does.
pub fn funnel_from_counts(period: Period, entered: [u64; 5], amount: [Money; 5]) -> Funnel {
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

/// Every rep's cohort funnel for `period` in one pass (the filter's own owner is
/// ignored; its region, product and source apply). Reps with no deal in the cohort are
/// left out; the rest come most leads first, then by id.
pub fn funnels_by_owner(
    ws: &Workspace,
    period: Period,
    filter: &DealFilter,
) -> Vec<(MemberId, Funnel)> {
    let filter = DealFilter {
        owner: None,
        ..filter.clone()
    };
    let mut acc: HashMap<MemberId, ([u64; 5], [Money; 5])> = HashMap::new();
    for d in &ws.deals.deals.rows {
        if !period.contains(d.created()) || !filter.matches(d) {
            continue;
        }
        let furthest = d.furthest_stage().funnel_index().unwrap_or(0);
        let (n, a) = acc.entry(d.owner).or_default();
        for i in 0..=furthest {
            n[i] += 1;
            a[i] += d.amount;
        }
    }
    let mut out: Vec<(MemberId, Funnel)> = acc
        .into_iter()
        .map(|(m, (n, a))| (m, funnel_from_counts(period, n, a)))
        .collect();
    out.sort_by_key(|(m, f)| (std::cmp::Reverse(f.stages[0].entered), *m));
    out
}

/// Where a rep's funnel leaks against the team's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leak {
    /// The stage whose conversion to the next stage falls short.
    pub stage: Stage,
    pub rep: f64,
    pub team: f64,
}

/// The transition where `rep` converts furthest below `team`, by at least `min_short`
/// (a fraction: 0.05 = 5 percentage points), looking only at stages the rep brought at
/// least `min_entered` deals into, so two unlucky deals or a hair's difference do not
/// make a leak. None when the rep is nowhere that far below the team.
pub fn leak(rep: &Funnel, team: &Funnel, min_entered: u64, min_short: f64) -> Option<Leak> {
    let mut worst: Option<(f64, Leak)> = None;
    for i in 0..4 {
        let (Some(r), Some(t)) = (
            rep.stages[i].conversion_to_next,
            team.stages[i].conversion_to_next,
        ) else {
            continue;
        };
        let short = t - r;
        if rep.stages[i].entered < min_entered || short <= 0.0 || short < min_short {
            continue;
        }
        if worst.is_none_or(|(w, _)| short > w) {
            worst = Some((
                short,
                Leak {
                    stage: Stage::FUNNEL[i],
                    rep: r,
                    team: t,
                },
            ));
        }
    }
    worst.map(|(_, l)| l)
}

/// One group of a breakdown table.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownRow {
    /// The rep's name, or the region / product / source text (trimmed; may be empty).
    pub label: String,
    pub member: Option<MemberId>,
    /// Total amount won in the period.
    pub revenue: Money,
    pub won: u64,
    pub lost: u64,
    /// won / (won + lost).
    pub win_rate: Option<f64>,
    /// revenue / won, minor units.
    pub avg_won: Option<f64>,
    /// This group's part of the period's revenue.
    pub share: Option<f64>,
}

/// Deals won and lost in `period` that match `filter`, grouped by `dim`, with their win
/// rate and share of revenue; largest revenue first (ties by label).
pub fn breakdown_table(
    ws: &Workspace,
    period: Period,
    dim: super::breakdown::Dimension,
    filter: &DealFilter,
) -> Vec<BreakdownRow> {
    use super::breakdown::Dimension;
    let mut groups: HashMap<(Option<MemberId>, &str), (Money, u64, u64)> = HashMap::new();
    let mut total = Money::ZERO;
    for d in &ws.deals.deals.rows {
        let won = match d.stage {
            Stage::Won => true,
            Stage::Lost => false,
            _ => continue,
        };
        if !period.contains(d.stage_since()) || !filter.matches(d) {
            continue;
        }
        let key = match dim {
            Dimension::Owner => (Some(d.owner), ""),
            Dimension::Region => (None, d.region.trim()),
            Dimension::Product => (None, d.product.trim()),
            Dimension::Source => (None, d.source.map_or("", |s| ws.source_name(s))),
            Dimension::Segment => (None, super::breakdown::segment_label(ws, d)),
        };
        let g = groups.entry(key).or_default();
        if won {
            g.0 += d.amount;
            g.1 += 1;
            total += d.amount;
        } else {
            g.2 += 1;
        }
    }
    let mut out: Vec<BreakdownRow> = groups
        .into_iter()
        .map(|((member, text), (revenue, won, lost))| BreakdownRow {
            label: match member {
                Some(m) => ws.member_name(m).to_string(),
                None => text.to_string(),
            },
            member,
            revenue,
            won,
            lost,
            win_rate: ratio(won as f64, (won + lost) as f64),
            avg_won: ratio(revenue.0 as f64, won as f64),
            share: ratio(revenue.0 as f64, total.0 as f64),
        })
        .collect();
    out.sort_by(|a, b| {
        b.revenue
            .cmp(&a.revenue)
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// The months a revenue trend of `period` shows: the twelve calendar months up to the
/// one `period` ends in, or every month of `period` when it is longer than that.
pub fn trend_span(period: Period) -> Period {
    let last = Period::month(period.end.year(), period.end.month());
    let first = shift_months(last.start, -11);
    let start = if months_of(period).len() > 12 {
        Period::month(period.start.year(), period.start.month()).start
    } else {
        first
    };
    Period::new(start, last.end)
}

/// The distinct regions, products and sources of the deals, for the Analytics filter.
pub fn filter_choices(ws: &Workspace) -> FilterChoices {
    FilterChoices::gather(ws, [], [], [])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::breakdown::Dimension;
    use crate::analytics::funnel::funnel;
    use crate::analytics::testutil::*;
    use crate::model::{MarketSize, MarketSizeId, Target, TargetId};
    use Stage::*;
    use std::sync::Arc;

    #[test]
    fn comparable_previous_stops_at_the_same_day() {
        let nov = Period::month(2026, 11);
        assert_eq!(
            comparable_previous(nov, d("2026-11-26")),
            Period::new(d("2026-10-01"), d("2026-10-26"))
        );
        // A finished period compares with the whole period before.
        assert_eq!(
            comparable_previous(nov, d("2026-12-03")),
            Period::month(2026, 10)
        );
        // On the last day the period is whole.
        assert_eq!(
            comparable_previous(nov, d("2026-11-30")),
            Period::month(2026, 10)
        );
        // March 31st has no February twin: the stretch stops at February's end.
        assert_eq!(
            comparable_previous(Period::month(2026, 3), d("2026-03-30")),
            Period::month(2026, 2)
        );
        let q4 = Period::quarter(2026, 4);
        assert_eq!(
            comparable_previous(q4, d("2026-11-26")),
            Period::new(d("2026-07-01"), d("2026-08-26"))
        );
        assert_eq!(as_of(q4, d("2026-11-26")), d("2026-11-26"));
        assert_eq!(
            as_of(Period::quarter(2026, 1), d("2026-11-26")),
            d("2026-03-31")
        );
    }

    fn sample() -> Workspace {
        let mut ws = ws_with(vec![
            // Won on 01-20 after 19 days, 2,000.
            with_amount(
                deal(
                    1,
                    &[
                        (Lead, "2026-01-01"),
                        (Quote, "2026-01-10"),
                        (Won, "2026-01-20"),
                    ],
                ),
                2000,
            ),
            // Lost on 02-15.
            deal(2, &[(Lead, "2026-01-05"), (Lost, "2026-02-15")]),
            // Open: a lead since 01-03, a quote since 02-01 (90 % by hand).
            deal(3, &[(Lead, "2026-01-03")]),
            deal(4, &[(Lead, "2026-01-20"), (Quote, "2026-02-01")]),
            // Won in December, 10 days, 1,000.
            deal(5, &[(Lead, "2025-12-01"), (Won, "2025-12-11")]),
        ]);
        Arc::make_mut(&mut ws.deals)
            .deals
            .get_mut(crate::model::DealId(4))
            .unwrap()
            .probability_override = Some(90);
        let p = Arc::make_mut(&mut ws.performance);
        for (id, period, major) in [
            (1, Period::month(2026, 1), 4000),
            (2, Period::month(2025, 12), 2000),
        ] {
            p.targets.put(Target {
                id: TargetId(id),
                member: None,
                period,
                amount: Money::from_major(major),
                stretch: None,
                challenge: None,
            });
        }
        Arc::make_mut(&mut ws.marketing)
            .market_sizes
            .put(MarketSize {
                id: MarketSizeId(1),
                segment: None,
                period: Period::year(2026),
                size: Money::from_major(365_000),
                source: String::new(),
            });
        ws
    }

    #[test]
    fn pipeline_snapshot_follows_history() {
        let ws = sample();
        let all = DealFilter::ALL;
        // 01-15: deals 1 (quote, 50 %), 2, 3 (leads, 10 %) open; 4 not created yet.
        let s = pipeline_at(&ws, d("2026-01-15"), &all);
        assert_eq!(s.open_deals, 3);
        assert_eq!(s.open_amount, Money::from_major(4000));
        assert_eq!(s.weighted, Money::from_major(1000 + 100 + 100));
        // 02-10: deal 1 won; 2 and 3 leads; 4 a quote at its manual 90 %.
        let s = pipeline_at(&ws, d("2026-02-10"), &all);
        assert_eq!(s.open_deals, 3);
        assert_eq!(s.weighted, Money::from_major(100 + 100 + 900));
        // Today, it agrees with the open figures of the KPIs.
        let now = pipeline_at(&ws, d("2026-03-01"), &all);
        let k = kpis(&ws, Period::month(2026, 3), &all);
        assert_eq!(
            (now.open_deals, now.open_amount, now.weighted),
            (k.open_deals, k.open_amount, k.weighted_pipeline)
        );
        assert_eq!(pipeline_at(&ws, d("2025-01-01"), &all).open_deals, 0);
    }

    #[test]
    fn overview_compares_like_with_like() {
        let ws = sample();
        let jan = Period::month(2026, 1);
        // On 01-25 January is running: compare with December 1st–25th.
        let o = overview(&ws, jan, d("2026-01-25"), &DealFilter::ALL);
        assert_eq!(o.before.span, Period::new(d("2025-12-01"), d("2025-12-25")));
        assert_eq!(o.days_left, 7);
        assert_eq!(o.now.kpis.revenue, Money::from_major(2000));
        assert_eq!(o.now.attainment, Some(0.5));
        assert_eq!(o.now.gap, Some(Money::from_major(2000)));
        // Pipeline on 01-25: deals 2, 3 (leads, 10 %) and 4 (a lead then, at its
        // manual 90 %): 1,100 of the 2,000 still to win.
        assert_eq!(o.now.pipeline.weighted, Money::from_major(1100));
        assert_eq!(o.now.coverage, Some(0.55));
        // Share over the 25 days so far: 2,000 / 25,000.
        assert_eq!(o.now.market_size, Some(Money::from_major(25_000)));
        assert_eq!(o.now.market_share, Some(0.08));
        // December: 1,000 won against a 2,000 target; no market size for 2025.
        assert_eq!(o.before.kpis.revenue, Money::from_major(1000));
        assert_eq!(o.before.attainment, Some(0.5));
        assert_eq!(o.before.market_share, None);
        // Pipeline on 12-25: deal 5 already won, nothing else created: empty.
        assert_eq!(o.before.pipeline.open_deals, 0);
        assert_eq!(o.before.velocity, Some(0.0));
        // Velocity now: 3 open × 2,000 × 100 % / 19 days.
        let v = o.now.velocity.unwrap();
        assert!((v - 3.0 * 200_000.0 / 19.0).abs() < 1e-6);
        // A filtered view has no market share.
        let mine = overview(&ws, jan, d("2026-01-25"), &DealFilter::owner(MemberId(1)));
        assert_eq!(mine.now.market_share, None);
        assert_eq!(mine.now.target, None);
    }

    #[test]
    fn funnels_by_owner_match_the_filtered_funnel() {
        let mut deals = Vec::new();
        for i in 0..30u64 {
            let mut x = match i % 3 {
                0 => deal(i + 1, &[(Lead, "2026-01-02"), (Won, "2026-01-30")]),
                1 => deal(i + 1, &[(Lead, "2026-01-02"), (Needs, "2026-01-09")]),
                _ => deal(i + 1, &[(Lead, "2026-01-02")]),
            };
            x.owner = MemberId(i % 5 + 1);
            x.region = if i % 2 == 0 { "East" } else { "West" }.into();
            deals.push(x);
        }
        let ws = ws_with(deals);
        let q1 = Period::quarter(2026, 1);
        let east = DealFilter {
            region: Some("East".into()),
            owner: Some(MemberId(3)),
            ..DealFilter::default()
        };
        let by = funnels_by_owner(&ws, q1, &east);
        assert_eq!(by.len(), 5, "the filter's owner is ignored");
        for (m, f) in &by {
            let want = funnel(
                &ws,
                q1,
                &DealFilter {
                    owner: Some(*m),
                    ..east.clone()
                },
            );
            assert_eq!(f, &want);
        }
        // Most leads first.
        assert!(by[0].1.stages[0].entered >= by[4].1.stages[0].entered);
    }

    #[test]
    fn leak_is_the_largest_shortfall_with_enough_deals() {
        let team = funnel_from_counts(Period::year(2026), [100, 50, 25, 20, 10], [Money::ZERO; 5]);
        // Rep: 60 % to needs (team 50 %), 2 of 6 to quote (team 50 %), 1 of 2 to
        // contract (team 80 %), 0 of 1 to won (team 50 %).
        let rep = funnel_from_counts(Period::year(2026), [10, 6, 2, 1, 0], [Money::ZERO; 5]);
        let l = leak(&rep, &team, 2, 0.0).unwrap();
        assert_eq!(l.stage, Quote);
        assert_eq!((l.rep, l.team), (0.5, 0.8));
        // Stages with fewer deals than the minimum do not count.
        let l = leak(&rep, &team, 3, 0.0).unwrap();
        assert_eq!(l.stage, Needs);
        assert!((l.rep - 2.0 / 6.0).abs() < 1e-12 && l.team == 0.5);
        assert_eq!(leak(&rep, &team, 1, 0.0).unwrap().stage, Contract);
        // A shortfall under the minimum gap is no leak: needs → quote is 16.7 points
        // short, quote → contract 30.
        assert_eq!(leak(&rep, &team, 3, 0.2), None);
        assert_eq!(leak(&rep, &team, 2, 0.2).unwrap().stage, Quote);
        // A rep at or above the team everywhere does not leak.
        assert_eq!(leak(&team, &team, 1, 0.0), None);
    }

    #[test]
    fn breakdown_table_counts_wins_losses_and_shares() {
        let mut a = with_amount(deal(1, &[(Lead, "2026-01-01"), (Won, "2026-01-10")]), 300);
        a.region = "East".into();
        let mut b = with_amount(deal(2, &[(Lead, "2026-01-01"), (Won, "2026-02-10")]), 100);
        b.region = " East ".into();
        let mut c = deal(3, &[(Lead, "2026-01-01"), (Lost, "2026-02-10")]);
        c.region = "West".into();
        let mut e = deal(4, &[(Lead, "2026-01-01"), (Lost, "2026-02-10")]);
        e.region = "East".into();
        let open = deal(5, &[(Lead, "2026-01-01")]);
        let old = deal(6, &[(Lead, "2025-01-01"), (Won, "2025-02-01")]);
        let ws = ws_with(vec![a, b, c, e, open, old]);
        let q1 = Period::quarter(2026, 1);
        let rows = breakdown_table(&ws, q1, Dimension::Region, &DealFilter::ALL);
        assert_eq!(rows.len(), 2);
        let east = &rows[0];
        assert_eq!(east.label, "East");
        assert_eq!((east.won, east.lost), (2, 1));
        assert_eq!(east.revenue, Money::from_major(400));
        assert!((east.win_rate.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(east.avg_won, Some(20_000.0));
        assert_eq!(east.share, Some(1.0));
        let west = &rows[1];
        assert_eq!((west.won, west.lost, west.win_rate), (0, 1, Some(0.0)));
        assert_eq!((west.avg_won, west.share), (None, Some(0.0)));
        let west_only = DealFilter {
            region: Some("West".into()),
            ..DealFilter::default()
        };
        let rows = breakdown_table(&ws, q1, Dimension::Owner, &west_only);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].member, Some(MemberId(1)));
        // Nothing won at all: shares are undefined, not NaN.
        assert_eq!(rows[0].share, None);
    }

    #[test]
    fn trend_span_is_twelve_months_or_the_whole_period() {
        assert_eq!(
            trend_span(Period::quarter(2026, 4)),
            Period::new(d("2026-01-01"), d("2026-12-31"))
        );
        assert_eq!(
            trend_span(Period::new(d("2026-03-15"), d("2026-05-10"))),
            Period::new(d("2025-06-01"), d("2026-05-31"))
        );
        assert_eq!(
            trend_span(Period::new(d("2024-03-15"), d("2026-05-10"))),
            Period::new(d("2024-03-01"), d("2026-05-31"))
        );
    }

    #[test]
    fn filter_choices_are_distinct_and_sorted() {
        let mut a = deal(1, &[(Lead, "2026-01-01")]);
        a.region = " West".into();
        a.source = Some(crate::model::SourceRef::Channel(crate::model::ChannelId(7)));
        let mut b = deal(2, &[(Lead, "2026-01-01")]);
        b.region = "East".into();
        b.product = "ERP".into();
        let mut c = deal(3, &[(Lead, "2026-01-01")]);
        c.region = "West ".into();
        let f = filter_choices(&ws_with(vec![a, b, c]));
        assert_eq!(f.regions, ["East", "West"]);
        assert_eq!(f.products, ["ERP"]);
        let src = crate::model::SourceRef::Channel(crate::model::ChannelId(7));
        assert_eq!(f.sources, [(src, String::new())]);
    }
}
