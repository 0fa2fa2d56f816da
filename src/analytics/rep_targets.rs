//! Each rep's target with live figures from won deals: attainment and shortage, pace
//! against the plan for the days gone, pipeline coverage and the deals still needed.
//! The Performance page and `salesdesk report --json` both read [`rep_targets`].

use super::breakdown::rep_scores;
use super::calendar::days_left;
use super::ratio;
use super::targets::{Tiers, tiers_for};
use crate::model::{DealId, MemberId, Money, Period, Stage, Workspace};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// How far the revenue is along the plan: the target spread evenly over the period's
/// days, against what was won by today.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    /// Days of the period gone, counting today.
    pub days_gone: i64,
    pub days: i64,
    /// The part of the target due by today.
    pub expected: Money,
    pub revenue: Money,
}

impl Pace {
    /// revenue − expected: ahead of plan when positive.
    pub fn ahead_by(&self) -> Money {
        self.revenue - self.expected
    }
    /// revenue / expected; None before the period starts.
    pub fn ratio(&self) -> Option<f64> {
        ratio(self.revenue.0 as f64, self.expected.0 as f64)
    }
}

/// The pace of `revenue` against `target` over `period` on `today`.
pub fn pace(target: Money, revenue: Money, period: Period, today: NaiveDate) -> Pace {
    let days = period.days().max(1);
    let days_gone = if today < period.start {
        0
    } else {
        days - days_left(period, today) + 1
    }
    .min(days);
    let expected = (target.0 as i128 * days_gone as i128 + days as i128 / 2) / days as i128;
    Pace {
        days_gone,
        days,
        expected: Money(expected as i64),
        revenue,
    }
}

/// Deals still to open at today's rates: remaining ÷ (average won amount × win rate),
/// rounded up. Average won × win rate is (won revenue ÷ won) × (won ÷ closed), that is
/// won revenue ÷ closed deals, so the count is worked out in whole fen, exactly. Zero
/// when nothing remains; None without a won deal to go by.
pub fn deals_needed(remaining: Money, won_revenue: Money, closed: u64) -> Option<u64> {
    if remaining.0 <= 0 {
        return Some(0);
    }
    if won_revenue.0 <= 0 || closed == 0 {
        return None;
    }
    let num = remaining.0 as i128 * closed as i128;
    let den = won_revenue.0 as i128;
    Some(((num + den - 1) / den) as u64)
}

/// One rep's (or the team's, `member` None) target and live figures for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct RepTarget {
    pub member: Option<MemberId>,
    /// The member owns at least one deal, in any stage and period.
    pub owns_deals: bool,
    /// None when no target row applies.
    pub tiers: Option<Tiers>,
    pub revenue: Money,
    pub won_count: u64,
    pub lost_count: u64,
    pub win_rate: Option<f64>,
    pub open_deals: u64,
    pub weighted_pipeline: Money,
    /// revenue ÷ target.
    pub attainment: Option<f64>,
    /// 1 − attainment while short of the target; 0 once it is met.
    pub shortage: Option<f64>,
    /// target − revenue, when there is a target (negative once beaten).
    pub remaining: Option<Money>,
    pub pace: Option<Pace>,
    /// weighted pipeline ÷ remaining target; None without a target or once it is met.
    pub coverage: Option<f64>,
    /// See [`deals_needed`], with the rep's average won amount and win rate over the
    /// 12 months up to today.
    pub deals_needed: Option<u64>,
}

impl RepTarget {
    /// A target set, and nothing of it left to win.
    pub fn target_met(&self) -> bool {
        self.remaining.is_some_and(|r| r.0 <= 0)
    }
}

/// The 12 months up to and including `today`.
pub fn last_12_months(today: NaiveDate) -> Period {
    Period::new(today - chrono::Duration::days(364), today)
}

/// The team's row (`member` None), then every member in id order.
pub fn rep_targets(ws: &Workspace, period: Period, today: NaiveDate) -> Vec<RepTarget> {
    let scores = rep_scores(ws, period);
    let history = rep_scores(ws, last_12_months(today));
    let owners: BTreeSet<MemberId> = ws.deals.deals.iter().map(|d| d.owner).collect();
    let team = team_row(ws, period, today, &scores, &history);
    let mut out = vec![team];
    for (s, h) in scores.iter().zip(&history) {
        let tiers = tiers_for(ws, period, Some(s.member));
        let rates = (h.revenue, h.won_count + h.lost_count);
        out.push(live(
            Some(s.member),
            owners.contains(&s.member),
            tiers,
            Counts {
                revenue: s.revenue,
                won: s.won_count,
                lost: s.lost_count,
                open: s.open_deals,
                weighted: s.weighted_pipeline,
            },
            rates,
            period,
            today,
        ));
    }
    out
}

/// Counts of one row, before the ratios are worked out.
struct Counts {
    revenue: Money,
    won: u64,
    lost: u64,
    open: u64,
    weighted: Money,
}

fn team_row(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    scores: &[super::breakdown::RepScore],
    history: &[super::breakdown::RepScore],
) -> RepTarget {
    let sum = |rows: &[super::breakdown::RepScore]| Counts {
        revenue: rows.iter().map(|r| r.revenue).sum(),
        won: rows.iter().map(|r| r.won_count).sum(),
        lost: rows.iter().map(|r| r.lost_count).sum(),
        open: rows.iter().map(|r| r.open_deals).sum(),
        weighted: rows.iter().map(|r| r.weighted_pipeline).sum(),
    };
    let h = sum(history);
    let rates = (h.revenue, h.won + h.lost);
    let owns = !ws.deals.deals.is_empty();
    live(
        None,
        owns,
        tiers_for(ws, period, None),
        sum(scores),
        rates,
        period,
        today,
    )
}

fn live(
    member: Option<MemberId>,
    owns_deals: bool,
    tiers: Option<Tiers>,
    c: Counts,
    (won_12m, closed_12m): (Money, u64),
    period: Period,
    today: NaiveDate,
) -> RepTarget {
    let target = tiers.map(|t| t.target);
    let attainment = target.and_then(|t| ratio(c.revenue.0 as f64, t.0 as f64));
    let remaining = target.map(|t| t - c.revenue);
    RepTarget {
        member,
        owns_deals,
        tiers,
        revenue: c.revenue,
        won_count: c.won,
        lost_count: c.lost,
        win_rate: ratio(c.won as f64, (c.won + c.lost) as f64),
        open_deals: c.open,
        weighted_pipeline: c.weighted,
        attainment,
        shortage: attainment.map(|a| (1.0 - a).max(0.0)),
        remaining,
        pace: target.map(|t| pace(t, c.revenue, period, today)),
        coverage: remaining
            .filter(|r| r.0 > 0)
            .and_then(|r| ratio(c.weighted.0 as f64, r.0 as f64)),
        deals_needed: remaining.and_then(|r| deals_needed(r, won_12m, closed_12m)),
    }
}

/// The won deals behind an attainment ("explain this number"): those of `member` (the
/// whole team for None) closed in `period`, largest first.
pub fn contributing_deals(ws: &Workspace, period: Period, member: Option<MemberId>) -> Vec<DealId> {
    let mut deals: Vec<_> = ws
        .deals
        .deals
        .iter()
        .filter(|d| {
            d.stage == Stage::Won
                && period.contains(d.stage_since())
                && member.is_none_or(|m| d.owner == m)
                && ws.team.members.contains(d.owner)
        })
        .collect();
    deals.sort_by_key(|d| (std::cmp::Reverse(d.amount), d.id));
    deals.into_iter().map(|d| d.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::{d, deal, with_amount};
    use crate::model::*;
    use std::sync::Arc;

    #[test]
    fn pace_compares_revenue_with_the_plan_for_the_days_gone() {
        let q = Period::quarter(2026, 1); // 90 days
        let p = pace(
            Money::from_major(90_000),
            Money::from_major(40_000),
            q,
            d("2026-01-30"),
        );
        assert_eq!((p.days_gone, p.days), (30, 90));
        assert_eq!(p.expected, Money::from_major(30_000));
        assert_eq!(p.ahead_by(), Money::from_major(10_000));
        let before = pace(Money::from_major(90_000), Money::ZERO, q, d("2025-12-01"));
        assert_eq!((before.expected, before.ratio()), (Money::ZERO, None));
        let after = pace(Money::from_major(90_000), Money::ZERO, q, d("2026-05-01"));
        assert_eq!(after.expected, Money::from_major(90_000));
    }

    #[test]
    fn deals_needed_divides_the_remaining_by_what_a_deal_brings_at_todays_rates() {
        // ¥10,000 left; 4 deals won for ¥8,000 (¥2,000 each) out of 8 closed (half
        // won): each deal opened brings ¥1,000, so 10 are needed.
        let left = Money::from_major(10_000);
        let won = Money::from_major(8_000);
        assert_eq!(deals_needed(left, won, 8), Some(10));
        // Rounded up: 10,001 needs 11; exact thirds do not round up by float noise.
        assert_eq!(deals_needed(Money::from_major(10_001), won, 8), Some(11));
        assert_eq!(
            deals_needed(Money::from_major(4_000), Money::from_major(4_000), 3),
            Some(3)
        );
        assert_eq!(deals_needed(Money::ZERO, Money::ZERO, 0), Some(0));
        assert_eq!(deals_needed(left, Money::ZERO, 5), None);
        assert_eq!(deals_needed(left, won, 0), None);
    }

    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        let team = Arc::make_mut(&mut ws.team);
        for id in 1..=3 {
            team.members.put(Member {
                id: MemberId(id),
                name: format!("Rep {id}"),
                role: Role::SalesRep,
                region: String::new(),
                product_lines: vec![],
                duties: String::new(),
                capacity: 10,
                email: String::new(),
                phone: String::new(),
                joined: d("2025-01-01"),
                active: true,
            });
        }
        let deals = Arc::make_mut(&mut ws.deals);
        // Rep 1: two won in Q1 (3,000 and 1,000), one lost; one open quote of 10,000.
        for (id, amount, steps) in [
            (
                1,
                3000,
                vec![(Stage::Lead, "2026-01-02"), (Stage::Won, "2026-02-01")],
            ),
            (
                2,
                1000,
                vec![(Stage::Lead, "2026-01-02"), (Stage::Won, "2026-03-01")],
            ),
            (
                3,
                500,
                vec![(Stage::Lead, "2026-01-02"), (Stage::Lost, "2026-03-02")],
            ),
            (
                4,
                10_000,
                vec![(Stage::Lead, "2026-01-02"), (Stage::Quote, "2026-03-05")],
            ),
        ] {
            deals.deals.put(with_amount(deal(id, &steps), amount));
        }
        let perf = Arc::make_mut(&mut ws.performance);
        perf.targets.put(Target {
            id: TargetId(1),
            member: Some(MemberId(1)),
            period: Period::quarter(2026, 1),
            amount: Money::from_major(8_000),
            stretch: Some(Money::from_major(9_000)),
            challenge: None,
        });
        ws
    }

    #[test]
    fn a_reps_live_figures_come_from_won_deals_and_the_open_pipeline() {
        let ws = ws();
        let q1 = Period::quarter(2026, 1);
        let rows = rep_targets(&ws, q1, d("2026-03-31"));
        // The team first, then every member; only rep 1 owns deals.
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].member, None);
        assert_eq!(rows[0].tiers, None);
        assert!(!rows[2].owns_deals && rows[2].tiers.is_none());
        let r = &rows[1];
        assert!(r.owns_deals);
        assert_eq!(r.member, Some(MemberId(1)));
        assert_eq!(r.revenue, Money::from_major(4_000));
        assert_eq!(r.attainment, Some(0.5));
        assert_eq!(r.shortage, Some(0.5));
        assert_eq!(r.remaining, Some(Money::from_major(4_000)));
        // Quote at the default 50 %: 5,000 weighted against 4,000 left.
        assert_eq!(r.coverage, Some(1.25));
        // Avg won 2,000 x win rate 2/3 over 12 months: 4,000 / 1,333.33 = 3 deals.
        assert_eq!(r.deals_needed, Some(3));
        assert_eq!(r.tiers.unwrap().stretch, Some(Money::from_major(9_000)));
        assert_eq!(
            contributing_deals(&ws, q1, Some(MemberId(1))),
            vec![DealId(1), DealId(2)]
        );
    }

    #[test]
    fn a_met_target_has_no_coverage_and_needs_no_deals() {
        let mut ws = ws();
        Arc::make_mut(&mut ws.performance)
            .targets
            .get_mut(TargetId(1))
            .unwrap()
            .amount = Money::from_major(4_000);
        let rows = rep_targets(&ws, Period::quarter(2026, 1), d("2026-03-31"));
        let r = &rows[1];
        assert!(r.target_met());
        assert_eq!(
            (r.coverage, r.deals_needed, r.shortage),
            (None, Some(0), Some(0.0))
        );
    }
}
