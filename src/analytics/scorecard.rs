//! 绩效指标: a rep's scorecard for a period. Each active KPI is measured from the
//! workspace where it can be (revenue, deals won, win rate, new customers, interactions,
//! average cycle days) and scored by hand where not; the weighted total follows.
//!
//! A score is 0–100: actual ÷ target (capped at 100), or target ÷ actual for the cycle
//! days, where fewer is better. Monthly targets grow with the months of the period
//! (by days, so a quarter asks three months' worth); rates and averages do not. The
//! revenue KPI asks the rep's own sales target for the period where Targets has one
//! (the same figure that tab shows), and the KPI's monthly target × months only without.

use super::calendar::{months_of, prorate};
use super::filter::DealFilter;
use super::metrics::kpis;
use crate::model::{Kpi, KpiId, KpiMetric, MemberId, Money, Period, Workspace};

/// Where a line's target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetFrom {
    /// The rep's sales target for the period (Performance → Targets, the figure that tab
    /// shows): the revenue KPI's target when the rep has one.
    RepTarget,
    /// The KPI's monthly target, times the months of the period where it grows with them.
    KpiMonthly,
}

/// One KPI on a scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine {
    pub kpi: KpiId,
    pub name: String,
    pub metric: KpiMetric,
    pub weight: u8,
    /// The target for the period, in the metric's unit (fen, a count, %, days); None
    /// for a hand-scored KPI.
    pub target: Option<f64>,
    /// Where `target` comes from; None for a hand-scored KPI.
    pub target_from: Option<TargetFrom>,
    /// What the rep did; None when it cannot be computed (a hand-scored KPI, no closed
    /// deal for a win rate, no won deal for the cycle days).
    pub actual: Option<f64>,
    /// 0–100; None when not computable and not scored by hand yet.
    pub score: Option<u8>,
}

/// A rep's scorecard for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub member: MemberId,
    pub period: Period,
    pub lines: Vec<ScoreLine>,
    /// The sum of the active KPIs' weights (should be 100).
    pub weight_sum: u32,
    /// Σ score × weight ÷ Σ weight over the lines that have a score; None when none has.
    pub total: Option<f64>,
    /// Active KPIs without a score (left out of the total).
    pub unscored: usize,
}

/// The sum of the weights of the active KPIs.
pub fn active_weight_sum(ws: &Workspace) -> u32 {
    ws.performance
        .kpis
        .iter()
        .filter(|k| k.active)
        .map(|k| k.weight as u32)
        .sum()
}

/// True when the active weights do not add up to 100 (shown as a warning, never a
/// refusal to save).
pub fn weights_off(sum: u32) -> bool {
    sum != 100
}

/// How many months (by days) `period` spans.
pub fn months_in(period: Period) -> f64 {
    months_of(period)
        .iter()
        .map(|m| prorate(Money(1_000_000), m, &period) / 1_000_000.0)
        .sum()
}

/// The hand score of `member` on `kpi` for exactly `period`.
pub fn manual_score(kpi: &Kpi, member: MemberId, period: Period) -> Option<u8> {
    kpi.manual_scores
        .iter()
        .find(|(m, s)| *m == member && s.period == period)
        .map(|(_, s)| s.score)
}

/// actual ÷ target as a 0–100 score (a zero target is met by anything).
fn score_up(actual: f64, target: f64) -> u8 {
    if target <= 0.0 {
        return 100;
    }
    (actual / target * 100.0).round().clamp(0.0, 100.0) as u8
}

/// target ÷ actual as a 0–100 score, for a figure where less is better.
fn score_down(actual: f64, target: f64) -> u8 {
    if actual <= target {
        return 100;
    }
    (target / actual * 100.0).round().clamp(0.0, 100.0) as u8
}

/// The scorecard of `member` over `period`.
pub fn scorecard(ws: &Workspace, member: MemberId, period: Period) -> Scorecard {
    let k = kpis(ws, period, &DealFilter::owner(member));
    let interactions = ws
        .customers
        .interactions
        .iter()
        .filter(|i| i.member == Some(member) && period.contains(i.date))
        .count() as f64;
    let months = months_in(period);
    let rep_target = super::targets::target_for(ws, period, Some(member));
    let lines: Vec<ScoreLine> = ws
        .performance
        .kpis
        .iter()
        .filter(|x| x.active)
        .map(|x| {
            let (scaled, from) = match rep_target {
                Some(t) if x.metric == KpiMetric::Revenue => (t.0 as f64, TargetFrom::RepTarget),
                _ if x.metric.per_month() => {
                    (x.monthly_target as f64 * months, TargetFrom::KpiMonthly)
                }
                _ => (x.monthly_target as f64, TargetFrom::KpiMonthly),
            };
            let manual = x.metric == KpiMetric::Manual;
            let actual = match x.metric {
                KpiMetric::Revenue => Some(k.revenue.0 as f64),
                KpiMetric::DealsWon => Some(k.won_count as f64),
                KpiMetric::WinRate => k.win_rate.map(|r| r * 100.0),
                KpiMetric::NewCustomers => Some(k.new_customers as f64),
                KpiMetric::Interactions => Some(interactions),
                KpiMetric::AvgCycleDays => k.avg_cycle_days,
                KpiMetric::Manual => None,
            };
            let score = match x.metric {
                KpiMetric::Manual => manual_score(x, member, period),
                KpiMetric::AvgCycleDays => actual.map(|a| score_down(a, scaled)),
                _ => actual.map(|a| score_up(a, scaled)),
            };
            ScoreLine {
                kpi: x.id,
                name: x.name.clone(),
                metric: x.metric,
                weight: x.weight,
                target: (!manual).then_some(scaled),
                target_from: (!manual).then_some(from),
                actual,
                score,
            }
        })
        .collect();
    let (num, den) = lines
        .iter()
        .filter_map(|l| Some((l.score? as f64 * l.weight as f64, l.weight as f64)))
        .fold((0.0, 0.0), |(n, d), (a, b)| (n + a, d + b));
    Scorecard {
        member,
        period,
        weight_sum: active_weight_sum(ws),
        total: super::ratio(num, den),
        unscored: lines.iter().filter(|l| l.score.is_none()).count(),
        lines,
    }
}

/// A 1–5 rating suggested by a weighted total (90+ → 5, 80+ → 4, 70+ → 3, 60+ → 2).
pub fn suggested_rating(total: f64) -> u8 {
    match total {
        t if t >= 90.0 => 5,
        t if t >= 80.0 => 4,
        t if t >= 70.0 => 3,
        t if t >= 60.0 => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::{ManualScore, Stage};
    use std::sync::Arc;

    fn kpi(id: u64, metric: KpiMetric, monthly_target: i64, weight: u8) -> Kpi {
        Kpi {
            id: KpiId(id),
            name: format!("k{id}"),
            metric,
            monthly_target,
            weight,
            active: true,
            manual_scores: Vec::new(),
        }
    }

    fn small() -> Workspace {
        let won = |id, created: &str, closed: &str| {
            deal(id, &[(Stage::Lead, created), (Stage::Won, closed)])
        };
        let mut ws = ws_with(vec![
            won(1, "2026-01-01", "2026-01-11"), // 10 days
            won(2, "2026-01-01", "2026-01-31"), // 30 days
            deal(
                3,
                &[(Stage::Lead, "2026-01-01"), (Stage::Lost, "2026-01-15")],
            ),
        ]);
        let p = Arc::make_mut(&mut ws.performance);
        // Revenue ¥1,000 a month: ¥2,000 won of ¥1,000 asked → capped at 100.
        p.kpis.put(kpi(1, KpiMetric::Revenue, 100_000, 40));
        // 4 won a month asked, 2 won: 50.
        p.kpis.put(kpi(2, KpiMetric::DealsWon, 4, 20));
        // Win rate 2 / 3 = 66.7 % of 80 % asked: 83.
        p.kpis.put(kpi(3, KpiMetric::WinRate, 80, 20));
        // Cycle 20 days against 10 asked: 50.
        p.kpis.put(kpi(4, KpiMetric::AvgCycleDays, 10, 10));
        let mut m = kpi(5, KpiMetric::Manual, 0, 10);
        m.manual_scores.push((
            MemberId(1),
            ManualScore {
                period: Period::month(2026, 1),
                score: 70,
            },
        ));
        p.kpis.put(m);
        ws
    }

    #[test]
    fn scorecard_scores_computed_and_hand_kpis_and_weights_the_total() {
        let ws = small();
        let s = scorecard(&ws, MemberId(1), Period::month(2026, 1));
        let scores: Vec<Option<u8>> = s.lines.iter().map(|l| l.score).collect();
        assert_eq!(scores, [Some(100), Some(50), Some(83), Some(50), Some(70)]);
        assert_eq!(s.weight_sum, 100);
        assert!(!weights_off(s.weight_sum));
        let total = (100.0 * 40.0 + 50.0 * 20.0 + 83.0 * 20.0 + 50.0 * 10.0 + 70.0 * 10.0) / 100.0;
        assert!((s.total.unwrap() - total).abs() < 1e-9);
        assert_eq!(s.lines[3].actual, Some(20.0));
    }

    #[test]
    fn a_quarter_asks_three_months_of_a_monthly_target() {
        let ws = small();
        let s = scorecard(&ws, MemberId(1), Period::quarter(2026, 1));
        assert!((s.lines[0].target.unwrap() - 300_000.0).abs() < 1e-6);
        assert_eq!(s.lines[2].target, Some(80.0), "a rate is not scaled");
        assert_eq!(
            s.lines[4].score, None,
            "the hand score was for January only"
        );
        assert_eq!(s.unscored, 1);
    }

    #[test]
    fn weights_not_adding_to_100_warn() {
        let mut ws = small();
        Arc::make_mut(&mut ws.performance)
            .kpis
            .put(kpi(6, KpiMetric::Interactions, 5, 15));
        assert_eq!(active_weight_sum(&ws), 115);
        assert!(weights_off(active_weight_sum(&ws)));
        // An inactive KPI does not count.
        let p = Arc::make_mut(&mut ws.performance);
        p.kpis.get_mut(KpiId(6)).unwrap().active = false;
        assert!(!weights_off(active_weight_sum(&ws)));
    }

    #[test]
    fn the_revenue_target_is_the_reps_target_row_when_there_is_one() {
        let mut ws = small();
        let q1 = Period::quarter(2026, 1);
        // Without a target row: the KPI's monthly ¥1,000 × 3 months.
        let s = scorecard(&ws, MemberId(1), q1);
        assert_eq!(s.lines[0].target_from, Some(TargetFrom::KpiMonthly));
        assert!((s.lines[0].target.unwrap() - 300_000.0).abs() < 1e-6);
        // The rep's sales target for the quarter (the figure Targets shows) wins.
        Arc::make_mut(&mut ws.performance)
            .targets
            .put(crate::model::Target {
                id: crate::model::TargetId(1),
                member: Some(MemberId(1)),
                period: q1,
                amount: Money(400_000),
                stretch: None,
                challenge: None,
            });
        let s = scorecard(&ws, MemberId(1), q1);
        assert_eq!(s.lines[0].target_from, Some(TargetFrom::RepTarget));
        assert_eq!(s.lines[0].target, Some(400_000.0));
        assert_eq!(
            Some(Money(400_000)),
            crate::analytics::targets::target_for(&ws, q1, Some(MemberId(1)))
        );
        // ¥2,000 won of ¥4,000: 50.
        assert_eq!(s.lines[0].score, Some(50));
        // Another rep's row, or the team's, is not this rep's target; other KPIs keep theirs.
        assert_eq!(s.lines[1].target_from, Some(TargetFrom::KpiMonthly));
        assert_eq!(
            s.lines[4].target_from, None,
            "a hand-scored KPI has no target"
        );
        let other = scorecard(&ws, MemberId(2), q1);
        assert_eq!(other.lines[0].target_from, Some(TargetFrom::KpiMonthly));
    }

    #[test]
    fn suggested_rating_bands() {
        assert_eq!(suggested_rating(95.0), 5);
        assert_eq!(suggested_rating(80.0), 4);
        assert_eq!(suggested_rating(59.9), 1);
    }
}
