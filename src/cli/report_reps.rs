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
            })
        })
        .collect()
}
