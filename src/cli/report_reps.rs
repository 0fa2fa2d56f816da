//! The `reps` array of `salesdesk report --json`: one object per team member who owns
//! deals or has a target for the period, from the same figures as the Performance page
//! ([`analytics::rep_targets`]).

use crate::analytics;
use crate::model::{Money, Period, Workspace};
use chrono::NaiveDate;
use serde::Serialize;

/// One rep's figures for the period. Money in yuan; a ratio or a tier that does not
/// apply is null, never 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepRow {
    pub name: String,
    /// Won in the period.
    pub revenue: f64,
    pub won_count: u64,
    pub lost_count: u64,
    pub win_rate: Option<f64>,
    /// Prorated by overlapping days, as the team's `target`; null without a target row.
    pub target: Option<f64>,
    pub stretch: Option<f64>,
    pub challenge: Option<f64>,
    /// revenue ÷ target; null without a target.
    pub attainment: Option<f64>,
    /// Open now, whatever the period.
    pub open_deals: u64,
    pub weighted_pipeline: f64,
    /// weighted pipeline ÷ (target − revenue); null without a target or once it is met.
    pub coverage: Option<f64>,
    /// The payout under the rep's commission plan; null when no plan lists the rep.
    pub commission: Option<Commission>,
}

/// A rep's commission for the period, as the Incentives tab works it out
/// ([`analytics::commission::rep_payout`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Commission {
    pub plan: String,
    /// In yuan, after the threshold and the cap.
    pub payout: f64,
    /// The start (attainment %) of the tier reached; null without a target or below
    /// the first tier.
    pub tier: Option<u32>,
    /// The reached tier's rate in % of revenue.
    pub rate_pct: Option<f64>,
    pub below_threshold: bool,
    pub capped: bool,
}

fn commission(
    ws: &Workspace,
    member: crate::model::MemberId,
    period: Period,
) -> Option<Commission> {
    let p = analytics::commission::rep_payout(ws, member, period)?;
    Some(Commission {
        plan: ws.performance.commission_plans.get(p.plan)?.name.clone(),
        payout: major(p.payout),
        tier: p.tier_from_pct,
        rate_pct: p.tier_rate_bp.map(|bp| bp as f64 / 100.0),
        below_threshold: p.below_threshold,
        capped: p.cap_applied,
    })
}

fn major(m: Money) -> f64 {
    m.0 as f64 / 100.0
}

/// The reps of the report, in member id order.
pub fn reps(ws: &Workspace, period: Period, today: NaiveDate) -> Vec<RepRow> {
    analytics::rep_targets(ws, period, today)
        .into_iter()
        .filter_map(|r| {
            let member = r.member?;
            (r.owns_deals || r.tiers.is_some()).then(|| RepRow {
                name: ws.member_name(member).to_owned(),
                revenue: major(r.revenue),
                won_count: r.won_count,
                lost_count: r.lost_count,
                win_rate: r.win_rate,
                target: r.tiers.map(|t| major(t.target)),
                stretch: r.tiers.and_then(|t| t.stretch).map(major),
                challenge: r.tiers.and_then(|t| t.challenge).map(major),
                attainment: r.attainment,
                open_deals: r.open_deals,
                weighted_pipeline: major(r.weighted_pipeline),
                coverage: r.coverage,
                commission: commission(ws, member, period),
            })
        })
        .collect()
}
