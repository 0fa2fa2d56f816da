//! Pure functions over the model: funnel, KPIs, targets, forecast, budget analysis and
//! reminders. No egui and no I/O: the app and `salesdesk report` call the same code.
//!
//! Every function is one pass over the records it needs and allocates per result row,
//! never per deal, so a 100k-deal workspace recomputes in milliseconds. Ratios that are
//! undefined (nothing to divide by) are `None`, never NaN. Money stays in minor units
//! ([`Money`](crate::model::Money)); averages and rates that need fractions are `f64`,
//! still in minor units where they are money.

pub mod agenda;
pub mod breakdown;
pub mod budget;
pub mod cache;
pub mod calendar;
pub mod commission;
pub mod commitments;
pub mod dashboard;
pub mod filter;
pub mod forecast;
pub mod funnel;
pub mod losses;
pub mod me;
pub mod metrics;
#[cfg(test)]
mod perf_tests;
pub mod pipeline;
pub mod promotions;
pub mod relationship;
pub mod reminders;
pub mod rep_targets;
pub mod scorecard;
pub mod sources;
pub mod split;
pub mod targets;
#[cfg(test)]
pub(crate) mod testutil;

pub use breakdown::*;
pub use budget::*;
pub use cache::AnalyticsCache;
pub use calendar::*;
pub use commitments::*;
pub use dashboard::*;
pub use filter::{DealFilter, FilterChoices};
pub use forecast::*;
pub use funnel::*;
pub use losses::{LossAnalysis, Lost, losses};
pub use metrics::*;
pub use reminders::*;
pub use rep_targets::*;
pub use sources::*;
pub use split::*;
pub use targets::*;

/// `num / den`, or `None` when the denominator is zero (never NaN or infinity).
pub fn ratio(num: f64, den: f64) -> Option<f64> {
    if den == 0.0 || !num.is_finite() || !den.is_finite() {
        None
    } else {
        Some(num / den)
    }
}
