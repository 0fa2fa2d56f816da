//! Calendar helpers shared by the figures: months of a period, proration, days left.

use crate::model::{Money, Period, shift_months};
use chrono::{Datelike, NaiveDate};

/// Every calendar month that touches `period`, as whole-month periods, oldest first.
pub fn months_of(period: Period) -> Vec<Period> {
    let mut out = Vec::new();
    if period.end < period.start {
        return out;
    }
    let mut first = NaiveDate::from_ymd_opt(period.start.year(), period.start.month(), 1)
        .expect("first of a month");
    while first <= period.end {
        out.push(Period::month(first.year(), first.month()));
        first = shift_months(first, 1);
    }
    out
}

/// Index of the month of `d` counted from the month of `start` (0 = same month).
pub fn month_index(start: NaiveDate, d: NaiveDate) -> i64 {
    (d.year() as i64 - start.year() as i64) * 12 + d.month() as i64 - start.month() as i64
}

/// The share of `amount` that falls in `within`, spread evenly over the days of `of`
/// (a yearly target seen for one quarter is about a quarter of it). In minor units,
/// unrounded, so callers add shares up before rounding once.
pub fn prorate(amount: Money, of: &Period, within: &Period) -> f64 {
    let days = of.days();
    if days <= 0 {
        return 0.0;
    }
    amount.0 as f64 * of.overlap_days(within) as f64 / days as f64
}

/// Rounds a minor-unit amount to whole minor units (half away from zero).
pub fn round_money(minor: f64) -> Money {
    Money(minor.round() as i64)
}

/// Days left in `period` counting today: all of them before it starts, none after it ends.
pub fn days_left(period: Period, today: NaiveDate) -> i64 {
    if today > period.end {
        0
    } else if today < period.start {
        period.days()
    } else {
        (period.end - today).num_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_cover_partial_months_at_both_ends() {
        let m = months_of(Period::new(d("2025-11-15"), d("2026-02-02")));
        assert_eq!(m.len(), 4);
        assert_eq!(m[0], Period::month(2025, 11));
        assert_eq!(m[3], Period::month(2026, 2));
        assert_eq!(month_index(d("2025-11-30"), d("2026-02-01")), 3);
    }

    #[test]
    fn proration_and_days_left() {
        let year = Period::year(2026);
        let q1 = Period::quarter(2026, 1);
        // 90 of 365 days.
        assert!((prorate(Money(36_500), &year, &q1) - 9_000.0).abs() < 1e-9);
        assert_eq!(prorate(Money(100), &Period::month(2025, 1), &q1), 0.0);
        assert_eq!(days_left(q1, d("2026-03-31")), 1);
        assert_eq!(days_left(q1, d("2026-04-01")), 0);
        assert_eq!(days_left(q1, d("2025-12-01")), 90);
    }
}
