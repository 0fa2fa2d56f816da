//! The `sources` of `salesdesk report --json`: one object for every channel or event
//! that has deals or cost in the period (see `analytics::sources`).

use crate::analytics::source_figures;
use crate::model::{Period, Workspace};
use serde::Serialize;

/// One channel or event of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    /// The channel's or event's name.
    pub source: String,
    /// `channel` or `event`.
    pub kind: &'static str,
    /// Deals created in the period.
    pub deals: u64,
    /// Deals won in the period, and their amount.
    pub won_count: u64,
    pub revenue: f64,
    /// Linked expenses dated in the period.
    pub cost: f64,
    /// (revenue − cost) ÷ cost; null when the cost is 0.
    pub roi: Option<f64>,
}

/// The channels, then the events, that have deals or cost in `period`.
pub fn sources(ws: &Workspace, period: Period) -> Vec<SourceRow> {
    source_figures(ws, period)
        .into_iter()
        .filter(|f| f.is_active())
        .map(|f| SourceRow {
            kind: f.source.kind_key(),
            deals: f.deals,
            won_count: f.won_count,
            revenue: f.revenue.0 as f64 / 100.0,
            cost: f.cost.0 as f64 / 100.0,
            roi: f.roi(),
            source: f.name,
        })
        .collect()
}
