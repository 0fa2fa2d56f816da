//! 激励机制: what a commission plan pays a rep for a period, and why.
//!
//! Attainment is revenue ÷ target. Tiers start at an attainment percentage ("from 100 %
//! up"); a plan pays either the reached tier's rate on all the revenue (whole-amount) or
//! each slice of revenue at the rate of the tier it falls in (marginal). Revenue above
//! 100 % of the target earns its rate times the accelerator, when the plan has one.
//! Below the threshold nothing is paid; the cap limits the total.
//!
//! Exact arithmetic: tier edges are compared in i128 as `revenue × 100` against
//! `target × pct` (so 99.99 % is below the 100 % tier and 100 % is in it, with no float
//! anywhere). Each slice's revenue is kept in hundredths of a fen; its commission is
//! `slice × rate_bp × multiplier_pct ÷ 10⁸` fen. **Rounding rule:** each slice's
//! commission is rounded half up to the fen, and the payout is the sum of the rounded
//! slices (so the explanation's lines add up to the payout as shown), then capped.

use crate::model::{
    CommissionMode, CommissionPlan, CommissionPlanId, DealId, MemberId, Money, Period, Workspace,
};

/// One slice of revenue and what it earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaySlice {
    /// The attainment range of the slice, in % (`to` None: open-ended).
    pub from_pct: u32,
    pub to_pct: Option<u32>,
    /// The revenue in the slice, rounded to the fen for display.
    pub revenue: Money,
    pub rate_bp: u32,
    /// 100 normally; the accelerator above 100 % of the target.
    pub multiplier_pct: u32,
    /// What the slice earns, rounded half up to the fen.
    pub amount: Money,
}

/// Why a payout is what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    pub plan: CommissionPlanId,
    pub mode: CommissionMode,
    pub revenue: Money,
    /// None when no target applies (then nothing can be worked out and nothing is paid).
    pub target: Option<Money>,
    /// The index (in the plan's tiers, sorted by start) of the tier reached.
    pub tier: Option<usize>,
    /// The reached tier's start (%) and rate (bp).
    pub tier_from_pct: Option<u32>,
    pub tier_rate_bp: Option<u32>,
    /// The attainment fell below the plan's threshold: nothing is paid.
    pub below_threshold: bool,
    pub slices: Vec<PaySlice>,
    /// The sum of the slices, before the cap.
    pub before_cap: Money,
    pub cap_applied: bool,
    pub payout: Money,
    /// The won deals counted, with their amounts (empty in a simulation by attainment).
    pub deals: Vec<(DealId, Money)>,
}

impl Payout {
    /// revenue ÷ target; None without a target.
    pub fn attainment(&self) -> Option<f64> {
        let t = self.target?;
        super::ratio(self.revenue.0 as f64, t.0 as f64)
    }
}

/// `n ÷ d` rounded half up (n ≥ 0, d > 0).
fn div_half_up(n: i128, d: i128) -> i128 {
    (n + d / 2) / d
}

/// What `plan` pays on `revenue` against `target`. A target of zero or none counts as
/// no target: attainment cannot be worked out, and nothing is paid.
pub fn payout(plan: &CommissionPlan, revenue: Money, target: Option<Money>) -> Payout {
    let mut tiers = plan.tiers.clone();
    tiers.sort_by_key(|t| t.from_attainment_pct);
    let mut out = Payout {
        plan: plan.id,
        mode: plan.mode,
        revenue,
        target,
        tier: None,
        tier_from_pct: None,
        tier_rate_bp: None,
        below_threshold: false,
        slices: Vec::new(),
        before_cap: Money::ZERO,
        cap_applied: false,
        payout: Money::ZERO,
        deals: Vec::new(),
    };
    let Some(t) = target.filter(|t| t.0 > 0) else {
        out.target = None;
        return out;
    };
    // Revenue in hundredths of a fen; the edge of `pct` % is target × pct in the same unit.
    let r = (revenue.0.max(0) as i128) * 100;
    let edge = |pct: u32| t.0 as i128 * pct as i128;
    out.tier = tiers.iter().rposition(|x| edge(x.from_attainment_pct) <= r);
    if let Some(i) = out.tier {
        out.tier_from_pct = Some(tiers[i].from_attainment_pct);
        out.tier_rate_bp = Some(tiers[i].rate_bp);
    }
    if plan.threshold_pct.is_some_and(|th| r < edge(th)) {
        out.below_threshold = true;
        return out;
    }
    let Some(reached) = out.tier else {
        return out;
    };
    // The slice edges: each tier's start (marginal) or none (whole), and 100 % when
    // an accelerator applies above it.
    let mut edges: Vec<u32> = match plan.mode {
        CommissionMode::Marginal => tiers.iter().map(|x| x.from_attainment_pct).collect(),
        CommissionMode::WholeAmount => vec![0],
    };
    let accel = plan.accelerator_pct.filter(|a| *a != 100);
    if accel.is_some() && !edges.contains(&100) {
        edges.push(100);
    }
    edges.sort_unstable();
    edges.dedup();
    for (k, &lo) in edges.iter().enumerate() {
        let hi = edges.get(k + 1).copied();
        let lo_cf = edge(lo);
        if k > 0 && r <= lo_cf {
            break;
        }
        let top = hi.map(|h| edge(h).min(r)).unwrap_or(r);
        let slice = (top - lo_cf).max(0);
        let rate_bp = match plan.mode {
            CommissionMode::WholeAmount => tiers[reached].rate_bp,
            CommissionMode::Marginal => {
                match tiers.iter().rposition(|x| x.from_attainment_pct <= lo) {
                    Some(i) => tiers[i].rate_bp,
                    None => 0,
                }
            }
        };
        let multiplier_pct = match accel {
            Some(a) if lo >= 100 => a,
            _ => 100,
        };
        let amount = div_half_up(
            slice * rate_bp as i128 * multiplier_pct as i128,
            100_000_000,
        );
        out.slices.push(PaySlice {
            from_pct: lo,
            to_pct: hi,
            revenue: Money(div_half_up(slice, 100) as i64),
            rate_bp,
            multiplier_pct,
            amount: Money(amount as i64),
        });
    }
    out.before_cap = out.slices.iter().map(|s| s.amount).sum();
    out.payout = out.before_cap;
    if let Some(cap) = plan.cap
        && out.before_cap > cap
    {
        out.payout = cap.max(Money::ZERO);
        out.cap_applied = true;
    }
    out
}

/// The plan a member is assigned to: the first (lowest id) that lists them.
pub fn plan_for(ws: &Workspace, member: MemberId) -> Option<&CommissionPlan> {
    ws.performance
        .commission_plans
        .iter()
        .find(|p| p.members.contains(&member))
}

/// How many plans list the member (more than one is a mistake the page points out).
pub fn plans_listing(ws: &Workspace, member: MemberId) -> usize {
    ws.performance
        .commission_plans
        .iter()
        .filter(|p| p.members.contains(&member))
        .count()
}

/// A rep's payout for the period under their plan, with the deals behind it; None
/// without a plan.
pub fn rep_payout(ws: &Workspace, member: MemberId, period: Period) -> Option<Payout> {
    let plan = plan_for(ws, member)?;
    // The deals behind the attainment on the Targets tab, largest first.
    let deals: Vec<(DealId, Money)> = super::contributing_deals(ws, period, Some(member))
        .into_iter()
        .filter_map(|id| Some((id, ws.deals.deals.get(id)?.amount)))
        .collect();
    let revenue = deals.iter().map(|(_, a)| *a).sum();
    let target = super::tiers_for(ws, period, Some(member)).map(|t| t.target);
    let mut p = payout(plan, revenue, target);
    p.deals = deals;
    Some(p)
}

/// The revenue that reaches `attainment_bp` (basis points: 10 000 = 100 %) of `target`,
/// rounded half up to the fen (the what-if slider's position as money).
pub fn revenue_at(target: Money, attainment_bp: u32) -> Money {
    Money(div_half_up(target.0.max(0) as i128 * attainment_bp as i128, 10_000) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CommissionTier;

    fn plan(mode: CommissionMode) -> CommissionPlan {
        let tier = |from_attainment_pct, rate_bp| CommissionTier {
            from_attainment_pct,
            rate_bp,
        };
        CommissionPlan {
            id: CommissionPlanId(1),
            name: "p".into(),
            // 2 % from 0, 3 % from 80 %, 5 % from 100 %.
            tiers: vec![tier(0, 200), tier(80, 300), tier(100, 500)],
            members: vec![MemberId(1)],
            notes: String::new(),
            mode,
            threshold_pct: None,
            cap: None,
            accelerator_pct: None,
        }
    }

    const TARGET: Money = Money(1_000_000); // ¥10,000.00

    #[test]
    fn tier_edges_at_99_99_100_and_100_01_percent() {
        let p = plan(CommissionMode::WholeAmount);
        let below = payout(&p, Money(999_900), Some(TARGET));
        assert_eq!(below.tier_from_pct, Some(80));
        assert_eq!(below.payout, Money(29_997)); // 999 900 × 3 %
        let at = payout(&p, Money(1_000_000), Some(TARGET));
        assert_eq!(at.tier_from_pct, Some(100));
        assert_eq!(at.payout, Money(50_000));
        let above = payout(&p, Money(1_000_100), Some(TARGET));
        assert_eq!(above.tier_from_pct, Some(100));
        assert_eq!(above.payout, Money(50_005));
    }

    #[test]
    fn marginal_pays_each_slice_at_its_rate_whole_pays_the_reached_rate_on_all() {
        let revenue = Money(1_200_000); // 120 %
        let whole = payout(&plan(CommissionMode::WholeAmount), revenue, Some(TARGET));
        assert_eq!(whole.payout, Money(60_000)); // 1 200 000 × 5 %
        assert_eq!(whole.slices.len(), 1);
        let marginal = payout(&plan(CommissionMode::Marginal), revenue, Some(TARGET));
        // 800 000 × 2 % + 200 000 × 3 % + 200 000 × 5 %
        assert_eq!(marginal.payout, Money(16_000 + 6_000 + 10_000));
        let amounts: Vec<Money> = marginal.slices.iter().map(|s| s.amount).collect();
        assert_eq!(amounts, [Money(16_000), Money(6_000), Money(10_000)]);
        let sum: Money = amounts.iter().copied().sum();
        assert_eq!(sum, marginal.payout, "the lines add up to the payout");
    }

    #[test]
    fn marginal_at_the_edges_of_100_percent() {
        let p = plan(CommissionMode::Marginal);
        let below = payout(&p, Money(999_900), Some(TARGET));
        assert_eq!(below.payout, Money(16_000 + 5_997));
        assert_eq!(below.slices.len(), 2);
        let above = payout(&p, Money(1_000_100), Some(TARGET));
        assert_eq!(above.payout, Money(16_000 + 6_000 + 5));
    }

    #[test]
    fn the_accelerator_multiplies_only_revenue_above_the_target() {
        let mut p = plan(CommissionMode::WholeAmount);
        p.accelerator_pct = Some(150);
        let r = payout(&p, Money(1_200_000), Some(TARGET));
        // 1 000 000 × 5 % + 200 000 × 5 % × 1.5
        assert_eq!(r.payout, Money(50_000 + 15_000));
        assert_eq!(r.slices[1].multiplier_pct, 150);
        let at = payout(&p, Money(1_000_000), Some(TARGET));
        assert_eq!(
            at.payout,
            Money(50_000),
            "nothing above the target to accelerate"
        );
    }

    #[test]
    fn below_the_threshold_nothing_is_paid() {
        let mut p = plan(CommissionMode::Marginal);
        p.threshold_pct = Some(50);
        let below = payout(&p, Money(499_999), Some(TARGET));
        assert!(below.below_threshold);
        assert_eq!(below.payout, Money::ZERO);
        assert_eq!(below.tier_from_pct, Some(0), "the tier is still named");
        let at = payout(&p, Money(500_000), Some(TARGET));
        assert!(!at.below_threshold);
        assert_eq!(at.payout, Money(10_000));
    }

    #[test]
    fn the_cap_limits_the_payout_and_says_so() {
        let mut p = plan(CommissionMode::WholeAmount);
        p.cap = Some(Money(40_000));
        let r = payout(&p, Money(1_200_000), Some(TARGET));
        assert_eq!((r.before_cap, r.payout), (Money(60_000), Money(40_000)));
        assert!(r.cap_applied);
        let under = payout(&p, Money(500_000), Some(TARGET));
        assert!(!under.cap_applied);
        assert_eq!(under.payout, Money(10_000));
    }

    #[test]
    fn rounding_is_half_up_per_slice() {
        let p = plan(CommissionMode::WholeAmount);
        // 25 fen × 2 % = 0.5 fen: rounds up to 1.
        assert_eq!(payout(&p, Money(25), Some(TARGET)).payout, Money(1));
        assert_eq!(payout(&p, Money(24), Some(TARGET)).payout, Money(0));
    }

    #[test]
    fn without_a_target_nothing_is_worked_out() {
        let p = plan(CommissionMode::WholeAmount);
        let r = payout(&p, Money(1_000_000), None);
        assert_eq!((r.target, r.tier, r.payout), (None, None, Money::ZERO));
        assert_eq!(payout(&p, Money(5), Some(Money::ZERO)).target, None);
    }

    #[test]
    fn the_explanation_names_tier_deals_and_cap() {
        use crate::analytics::testutil::*;
        use crate::model::{Member, Role, Stage, Target, TargetId};
        use std::sync::Arc;
        let won = |id, major| {
            let mut x = with_amount(
                deal(
                    id,
                    &[(Stage::Lead, "2026-01-02"), (Stage::Won, "2026-01-20")],
                ),
                major,
            );
            x.owner = MemberId(1);
            x
        };
        let mut ws = ws_with(vec![won(1, 5_000), won(2, 7_000)]);
        Arc::make_mut(&mut ws.team).members.put(Member {
            id: MemberId(1),
            name: "Rep 1".into(),
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
        let perf = Arc::make_mut(&mut ws.performance);
        let mut p = plan(CommissionMode::WholeAmount);
        p.cap = Some(Money(40_000));
        perf.commission_plans.put(p);
        perf.targets.put(Target {
            id: TargetId(1),
            member: Some(MemberId(1)),
            period: Period::month(2026, 1),
            amount: TARGET,
            stretch: None,
            challenge: None,
        });
        let r = rep_payout(&ws, MemberId(1), Period::month(2026, 1)).unwrap();
        assert_eq!(r.revenue, Money(1_200_000));
        assert_eq!(r.tier_from_pct, Some(100));
        assert_eq!(r.tier_rate_bp, Some(500));
        let ids: Vec<u64> = r.deals.iter().map(|(d, _)| d.0).collect();
        assert_eq!(ids, [2, 1], "largest first");
        assert!(r.cap_applied);
        assert_eq!(r.payout, Money(40_000));
        assert!(rep_payout(&ws, MemberId(2), Period::month(2026, 1)).is_none());
    }

    #[test]
    fn the_slider_position_as_revenue() {
        assert_eq!(revenue_at(TARGET, 9_999), Money(999_900));
        assert_eq!(revenue_at(Money(3), 5_000), Money(2)); // 1.5 rounds up
    }
}
