//! 销售目标 and 市场份额: how a period's revenue compares with its target and its market.

use super::calendar::{days_left, prorate, round_money};
use super::ratio;
use crate::model::{MemberId, Money, Period, Target, Workspace};
use chrono::NaiveDate;

/// The three tiers of a target over one period (目标 / 冲刺 / 挑战).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tiers {
    pub target: Money,
    /// None when no row that counts sets a stretch.
    pub stretch: Option<Money>,
    /// None when no row that counts sets a challenge.
    pub challenge: Option<Money>,
}

/// The revenue target for `period`: the team's (`member` None) or one rep's. None when
/// no target overlaps the period.
pub fn target_for(ws: &Workspace, period: Period, member: Option<MemberId>) -> Option<Money> {
    tiers_for(ws, period, member).map(|t| t.target)
}

/// The target's tiers for `period`. A row set for exactly this period counts as it is.
/// Otherwise each day takes the finest row that covers it (a quarter's row beats the
/// year's, so a target broken down is never counted twice), and each row counts with
/// the share of its days that fall in the period (a yearly target seen for a quarter
/// is about a quarter of it). A row without a stretch counts its target there, one
/// without a challenge its stretch.
pub fn tiers_for(ws: &Workspace, period: Period, member: Option<MemberId>) -> Option<Tiers> {
    let rows: Vec<&Target> = ws
        .performance
        .targets
        .iter()
        .filter(|t| t.member == member && t.period.overlap_days(&period) > 0)
        .collect();
    if rows.is_empty() {
        return None;
    }
    let mut sum = TierSum::default();
    if rows.iter().any(|t| t.period == period) {
        for t in rows.iter().filter(|t| t.period == period) {
            sum.add(t, &period);
        }
        return Some(sum.round());
    }
    let day_after = |d: NaiveDate| d.succ_opt().unwrap_or(d);
    let mut cuts = vec![period.start, day_after(period.end)];
    for t in &rows {
        cuts.push(t.period.start.max(period.start));
        cuts.push(day_after(t.period.end.min(period.end)));
    }
    cuts.sort();
    cuts.dedup();
    for w in cuts.windows(2) {
        let Some(last) = w[1].pred_opt() else {
            continue;
        };
        let piece = Period::new(w[0], last);
        let covering = rows
            .iter()
            .filter(|t| t.period.start <= piece.start && piece.end <= t.period.end);
        let Some(finest) = covering.clone().map(|t| t.period.days()).min() else {
            continue;
        };
        for t in covering.filter(|t| t.period.days() == finest) {
            sum.add(t, &piece);
        }
    }
    Some(sum.round())
}

/// Tier amounts added up unrounded, so a period's shares round once.
#[derive(Default)]
struct TierSum {
    target: f64,
    stretch: f64,
    challenge: f64,
    any_stretch: bool,
    any_challenge: bool,
}

impl TierSum {
    fn add(&mut self, t: &Target, within: &Period) {
        let stretch = t.stretch.unwrap_or(t.amount);
        self.target += prorate(t.amount, &t.period, within);
        self.stretch += prorate(stretch, &t.period, within);
        self.challenge += prorate(t.challenge.unwrap_or(stretch), &t.period, within);
        self.any_stretch |= t.stretch.is_some();
        self.any_challenge |= t.challenge.is_some();
    }
    fn round(&self) -> Tiers {
        Tiers {
            target: round_money(self.target),
            stretch: self.any_stretch.then(|| round_money(self.stretch)),
            challenge: self.any_challenge.then(|| round_money(self.challenge)),
        }
    }
}

/// Progress towards a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetProgress {
    pub target: Money,
    pub revenue: Money,
    /// Attainment = revenue / target (None for a zero target).
    pub attainment: Option<f64>,
    /// target − revenue: still to win (negative once the target is beaten).
    pub gap: Money,
    /// Days left in the period, counting today.
    pub days_left: i64,
    /// gap / days left, minor units a day; None when nothing is left to win or no day is
    /// left.
    pub needed_per_day: Option<f64>,
}

/// Progress of `revenue` against the period's target; None when no target is set.
pub fn target_progress(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    member: Option<MemberId>,
    revenue: Money,
) -> Option<TargetProgress> {
    let target = target_for(ws, period, member)?;
    let gap = target - revenue;
    let left = days_left(period, today);
    Some(TargetProgress {
        target,
        revenue,
        attainment: ratio(revenue.0 as f64, target.0 as f64),
        gap,
        days_left: left,
        needed_per_day: if gap.0 > 0 {
            ratio(gap.0 as f64, left as f64)
        } else {
            None
        },
    })
}

/// The size of the whole market (segment None) for `period`, prorated from the market
/// sizes that overlap it. None unless they cover every day of the period: a share of a
/// partly known market would be too high. Records for the same days add up, so enter
/// one figure per stretch of time.
pub fn market_size_for(ws: &Workspace, period: Period) -> Option<Money> {
    let mut total = 0.0;
    let mut covered = 0;
    for m in ws.marketing.market_sizes.iter() {
        if m.segment.is_none() {
            covered += m.period.overlap_days(&period);
            total += prorate(m.size, &m.period, &period);
        }
    }
    (covered >= period.days() && covered > 0).then(|| round_money(total))
}

/// Market share = own revenue / market size for the same period; None when the market
/// size is unknown or zero.
pub fn market_share(ws: &Workspace, period: Period, revenue: Money) -> Option<f64> {
    let size = market_size_for(ws, period)?;
    ratio(revenue.0 as f64, size.0 as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::d;
    use crate::model::{MarketSize, MarketSizeId, Target, TargetId};
    use std::sync::Arc;

    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        let p = Arc::make_mut(&mut ws.performance);
        let targets = [
            (None, Period::year(2026), 365_000),
            (Some(MemberId(1)), Period::quarter(2026, 1), 9_000),
        ];
        for (i, (member, period, major)) in targets.into_iter().enumerate() {
            p.targets.put(Target {
                id: TargetId(i as u64 + 1),
                member,
                period,
                amount: Money::from_major(major),
                stretch: None,
                challenge: None,
            });
        }
        let m = Arc::make_mut(&mut ws.marketing);
        m.market_sizes.put(MarketSize {
            id: MarketSizeId(1),
            segment: None,
            period: Period::year(2026),
            size: Money::from_major(3_650_000),
            source: String::new(),
        });
        ws
    }

    #[test]
    fn targets_prorate_by_overlapping_days() {
        let ws = ws();
        let jan = Period::month(2026, 1);
        // 365,000 over 365 days: 1,000 a day, 31 days.
        assert_eq!(target_for(&ws, jan, None), Some(Money::from_major(31_000)));
        // The rep's quarter target: 31 of 90 days.
        assert_eq!(
            target_for(&ws, jan, Some(MemberId(1))),
            Some(Money::from_major(3_100))
        );
        assert_eq!(target_for(&ws, Period::year(2025), None), None);
        assert_eq!(target_for(&ws, jan, Some(MemberId(7))), None);
    }

    #[test]
    fn a_broken_down_target_counts_once_and_an_exact_row_counts_as_set() {
        let mut ws = ws();
        let p = Arc::make_mut(&mut ws.performance);
        // The year (365,000) broken into Q1 of 100,000 with tiers.
        p.targets.put(Target {
            id: TargetId(9),
            member: None,
            period: Period::quarter(2026, 1),
            amount: Money::from_major(100_000),
            stretch: Some(Money::from_major(110_000)),
            challenge: None,
        });
        let q1 = Period::quarter(2026, 1);
        let t = tiers_for(&ws, q1, None).unwrap();
        assert_eq!(t.target, Money::from_major(100_000));
        assert_eq!(t.stretch, Some(Money::from_major(110_000)));
        // No challenge set: none, never a made-up number.
        assert_eq!(t.challenge, None);
        // January: a third-ish of Q1 (31 of 90 days), the year row does not add to it.
        let jan = tiers_for(&ws, Period::month(2026, 1), None).unwrap();
        assert_eq!(jan.target, Money(3_444_444));
        // The year itself is the row set for it, whatever its quarters say.
        assert_eq!(
            target_for(&ws, Period::year(2026), None),
            Some(Money::from_major(365_000))
        );
        // Q1 and Q2 together: Q1's row, then the year's days of Q2 (91 days).
        let h1 = Period::new(d("2026-01-01"), d("2026-06-30"));
        assert_eq!(
            target_for(&ws, h1, None),
            Some(Money::from_major(100_000 + 91_000))
        );
    }

    #[test]
    fn progress_reports_attainment_gap_and_days_left() {
        let ws = ws();
        let jan = Period::month(2026, 1);
        let p =
            target_progress(&ws, jan, d("2026-01-22"), None, Money::from_major(15_500)).unwrap();
        assert_eq!(p.attainment, Some(0.5));
        assert_eq!(p.gap, Money::from_major(15_500));
        assert_eq!(p.days_left, 10);
        assert_eq!(p.needed_per_day, Some(155_000.0));
        let done =
            target_progress(&ws, jan, d("2026-02-01"), None, Money::from_major(40_000)).unwrap();
        assert_eq!(done.needed_per_day, None);
        assert!(done.gap.is_negative());
        assert!(
            target_progress(&ws, Period::year(2025), d("2026-02-01"), None, Money::ZERO).is_none()
        );
    }

    #[test]
    fn market_share_needs_full_coverage() {
        let ws = ws();
        let jan = Period::month(2026, 1);
        assert_eq!(market_size_for(&ws, jan), Some(Money::from_major(310_000)));
        assert_eq!(market_share(&ws, jan, Money::from_major(31_000)), Some(0.1));
        let straddling = Period::new(d("2025-12-01"), d("2026-01-31"));
        assert_eq!(market_size_for(&ws, straddling), None);
        assert_eq!(market_share(&ws, straddling, Money::from_major(1)), None);
    }
}
