//! 目标分解: splitting a target into parts (quarters, months, reps) that add up to the
//! fen, and finding the levels that do not add up.
//!
//! Every split is largest-remainder rounding over integer weights: each part gets the
//! floor of its exact share, and the fen left over go one each to the parts with the
//! largest remainders (the earlier part on a tie). The parts always sum to the whole.

use super::breakdown::rep_scores;
use super::calendar::months_of;
use crate::model::{MemberId, Money, Period, Stage, Workspace, shift_months};

/// How a target is broken down (分解方法).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SplitMethod {
    /// 平均分配: equal parts.
    #[default]
    Evenly,
    /// 按上期占比: each part's share of the revenue won in the period before.
    LastPeriodShare,
    /// 按产能: each rep's capacity (open deals they can carry).
    Capacity,
    /// 按去年季节性: each part's share of the revenue won in the same days a year ago.
    LastYearSeasonality,
    /// 手动: typed by hand, nothing computed.
    ByHand,
}

impl SplitMethod {
    pub const ALL: [SplitMethod; 5] = [
        SplitMethod::Evenly,
        SplitMethod::LastPeriodShare,
        SplitMethod::Capacity,
        SplitMethod::LastYearSeasonality,
        SplitMethod::ByHand,
    ];
}

/// Splits `total` by `weights` (negative weights count as zero; all zero splits evenly)
/// so the parts sum exactly to `total`.
pub fn split_exact(total: Money, weights: &[i64]) -> Vec<Money> {
    if weights.is_empty() {
        return Vec::new();
    }
    let clamped: Vec<i128> = weights.iter().map(|w| (*w).max(0) as i128).collect();
    let sum: i128 = clamped.iter().sum();
    let (w, sum): (Vec<i128>, i128) = if sum == 0 {
        (vec![1; weights.len()], weights.len() as i128)
    } else {
        (clamped, sum)
    };
    // Work on the magnitude so a negative total splits as the mirror of a positive one.
    let sign: i128 = if total.0 < 0 { -1 } else { 1 };
    let whole = (total.0 as i128).abs();
    let mut parts: Vec<i128> = w.iter().map(|wi| whole * wi / sum).collect();
    let mut order: Vec<usize> = (0..w.len()).collect();
    // Largest remainder first; the earlier part wins a tie, so the split is stable.
    order.sort_by_key(|&i| (std::cmp::Reverse(whole * w[i] % sum), i));
    let left = whole - parts.iter().sum::<i128>();
    for &i in order.iter().take(left as usize) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .map(|p| Money((p * sign) as i64))
        .collect()
}

/// A level that does not add up: its parts sum to `parts`, the level above says `whole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch {
    pub parts: Money,
    pub whole: Money,
}

impl Mismatch {
    /// parts − whole: positive when the parts promise more than the whole.
    pub fn difference(&self) -> Money {
        self.parts - self.whole
    }
}

/// The mismatch between `whole` and the sum of `parts`, if they differ by even a fen.
pub fn mismatch(whole: Money, parts: &[Money]) -> Option<Mismatch> {
    let sum: Money = parts.iter().copied().sum();
    (sum != whole).then_some(Mismatch { parts: sum, whole })
}

/// Revenue won by each member (in the given order) in `period`.
fn revenue_of(ws: &Workspace, period: Period, members: &[MemberId]) -> Vec<i64> {
    let scores = rep_scores(ws, period);
    members
        .iter()
        .map(|m| {
            scores
                .iter()
                .find(|s| s.member == *m)
                .map(|s| s.revenue.0)
                .unwrap_or(0)
        })
        .collect()
}

/// Revenue the whole team won in each of `periods`.
fn team_revenue_in(ws: &Workspace, periods: &[Period]) -> Vec<i64> {
    let mut out = vec![0i64; periods.len()];
    for d in ws.deals.deals.iter().filter(|d| d.stage == Stage::Won) {
        let day = d.stage_since();
        if let Some(i) = periods.iter().position(|p| p.contains(day)) {
            out[i] = out[i].saturating_add(d.amount.0);
        }
    }
    out
}

/// The same period a year earlier.
fn year_before(p: Period) -> Period {
    let start = p.start.with_year_before();
    let end = p.end.with_year_before();
    Period::new(start, end)
}

trait YearBefore {
    fn with_year_before(self) -> Self;
}

impl YearBefore for chrono::NaiveDate {
    /// The same day a year earlier (29 February becomes the 28th).
    fn with_year_before(self) -> Self {
        use chrono::Datelike;
        let first = shift_months(self, -12);
        first
            .with_day(self.day())
            .unwrap_or_else(|| months_of(Period::new(first, first))[0].end)
    }
}

/// The weights splitting `period`'s target among `members` by `method`. Capacity uses
/// each member's capacity; last period's share their revenue in the period before; last
/// year's seasonality their revenue in the same period a year ago. None for by hand.
pub fn rep_weights(
    ws: &Workspace,
    period: Period,
    members: &[MemberId],
    method: SplitMethod,
) -> Option<Vec<i64>> {
    Some(match method {
        SplitMethod::Evenly => vec![1; members.len()],
        SplitMethod::Capacity => members
            .iter()
            .map(|m| {
                ws.team
                    .members
                    .get(*m)
                    .map(|x| x.capacity as i64)
                    .unwrap_or(0)
            })
            .collect(),
        SplitMethod::LastPeriodShare => revenue_of(ws, period.previous(), members),
        SplitMethod::LastYearSeasonality => revenue_of(ws, year_before(period), members),
        SplitMethod::ByHand => return None,
    })
}

/// The weights splitting a target over the sub-periods `parts` of one period by
/// `method`: evenly (capacity, which means nothing for time, also splits evenly), by
/// the team's revenue in the same parts of the period before, or of the year before.
/// None for by hand.
pub fn period_weights(ws: &Workspace, parts: &[Period], method: SplitMethod) -> Option<Vec<i64>> {
    Some(match method {
        SplitMethod::Evenly | SplitMethod::Capacity => vec![1; parts.len()],
        SplitMethod::LastPeriodShare => {
            // Each part moves back by the length of the whole (all parts together).
            let months = parts.iter().map(|p| months_of(*p).len()).sum::<usize>() as i32;
            let back: Vec<Period> = parts
                .iter()
                .map(|p| {
                    let start = shift_months(p.start, -months);
                    let end = shift_months(p.end, -months + 1)
                        .pred_opt()
                        .expect("date in range");
                    Period::new(start, end)
                })
                .collect();
            team_revenue_in(ws, &back)
        }
        SplitMethod::LastYearSeasonality => {
            let back: Vec<Period> = parts.iter().map(|p| year_before(*p)).collect();
            team_revenue_in(ws, &back)
        }
        SplitMethod::ByHand => return None,
    })
}

/// The parts one level down: a year's quarters, a quarter's months; none for a month
/// or a custom range.
pub fn sub_periods(p: Period) -> Vec<Period> {
    use chrono::Datelike;
    let y = p.start.year();
    if p == Period::year(y) {
        return (1..=4).map(|q| Period::quarter(y, q)).collect();
    }
    let months = months_of(p);
    if months.len() == 3 && months[0].start == p.start && months[2].end == p.end {
        return months;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::{d, deal, with_amount};
    use crate::model::*;
    use std::sync::Arc;

    fn sums_to(total: Money, parts: &[Money]) {
        assert_eq!(parts.iter().copied().sum::<Money>(), total, "{parts:?}");
    }

    #[test]
    fn a_split_by_weights_adds_up_to_the_fen() {
        let total = Money(100_000_001); // ¥1,000,000.01
        let parts = split_exact(total, &[3, 3, 3]);
        sums_to(total, &parts);
        assert_eq!(
            parts,
            vec![Money(33_333_334), Money(33_333_334), Money(33_333_333)]
        );
        for weights in [
            &[1, 0, 0][..],
            &[7, 11, 13],
            &[0, 0, 0],
            &[-5, 2, 9],
            &[1; 12],
        ] {
            sums_to(total, &split_exact(total, weights));
        }
        assert_eq!(split_exact(Money(5), &[0, 0]), vec![Money(3), Money(2)]);
        sums_to(Money(-101), &split_exact(Money(-101), &[1, 1]));
        assert!(split_exact(total, &[]).is_empty());
        // Huge weights do not overflow.
        sums_to(total, &split_exact(total, &[i64::MAX, i64::MAX / 3]));
    }

    #[test]
    fn largest_remainders_get_the_left_over_fen() {
        // 11 fen by 1:1:1:2 is 2.2, 2.2, 2.2, 4.4: the floors leave one fen, and the
        // largest remainder (0.4) takes it.
        assert_eq!(
            split_exact(Money(11), &[1, 1, 1, 2]),
            vec![Money(2), Money(2), Money(2), Money(5)]
        );
        // 3 equal parts of 10: the first part wins the tie.
        assert_eq!(
            split_exact(Money(10), &[1, 1, 1]),
            vec![Money(4), Money(3), Money(3)]
        );
        // 0.45 / 0.55 of 1 fen: the larger remainder wins.
        assert_eq!(split_exact(Money(1), &[45, 55]), vec![Money(0), Money(1)]);
    }

    #[test]
    fn mismatch_is_found_to_the_fen_and_absent_when_levels_agree() {
        let whole = Money::from_major(5_000_000);
        let parts = [Money::from_major(2_400_000), Money::from_major(2_400_000)];
        let m = mismatch(whole, &parts).unwrap();
        assert_eq!(m.parts, Money::from_major(4_800_000));
        assert_eq!(m.difference(), Money::from_major(-200_000));
        assert_eq!(mismatch(whole, &split_exact(whole, &[1, 2, 3])), None);
        assert!(mismatch(Money(100), &[Money(99)]).is_some());
    }

    fn ws_with_last_quarter() -> Workspace {
        let mut ws = Workspace::default();
        let team = Arc::make_mut(&mut ws.team);
        for (id, capacity) in [(1, 10), (2, 20), (3, 30)] {
            team.members.put(Member {
                id: MemberId(id),
                name: format!("Rep {id}"),
                role: Role::SalesRep,
                region: String::new(),
                product_lines: vec![],
                duties: String::new(),
                capacity,
                email: String::new(),
                phone: String::new(),
                joined: d("2025-01-01"),
                active: true,
            });
        }
        let deals = Arc::make_mut(&mut ws.deals);
        // Q3 2026 revenue 1 : 2 : 4 (and one deal of Q2 that must not count).
        for (id, owner, amount, won) in [
            (1, 1, 1000, "2026-07-10"),
            (2, 2, 2000, "2026-08-10"),
            (3, 3, 4000, "2026-09-10"),
            (4, 1, 9000, "2026-06-30"),
        ] {
            let mut x = with_amount(
                deal(id, &[(Stage::Lead, "2026-05-01"), (Stage::Won, won)]),
                amount,
            );
            x.owner = MemberId(owner);
            deals.deals.put(x);
        }
        ws
    }

    #[test]
    fn every_method_splits_to_reps_exactly_to_the_fen() {
        let ws = ws_with_last_quarter();
        let q4 = Period::quarter(2026, 4);
        let reps = [MemberId(1), MemberId(2), MemberId(3)];
        let total = Money(100_000_001);
        for method in SplitMethod::ALL {
            let Some(w) = rep_weights(&ws, q4, &reps, method) else {
                assert_eq!(method, SplitMethod::ByHand);
                continue;
            };
            sums_to(total, &split_exact(total, &w));
        }
        let share = rep_weights(&ws, q4, &reps, SplitMethod::LastPeriodShare).unwrap();
        assert_eq!(share, vec![100_000, 200_000, 400_000]);
        assert_eq!(
            split_exact(total, &share),
            vec![Money(14_285_714), Money(28_571_429), Money(57_142_858)]
        );
        let cap = rep_weights(&ws, q4, &reps, SplitMethod::Capacity).unwrap();
        assert_eq!(cap, vec![10, 20, 30]);
        // Nothing won a year before: seasonality falls back to equal parts.
        let season = rep_weights(&ws, q4, &reps, SplitMethod::LastYearSeasonality).unwrap();
        assert_eq!(split_exact(Money(3), &season), vec![Money(1); 3]);
    }

    #[test]
    fn every_method_splits_a_year_to_quarters_and_a_quarter_to_months_exactly() {
        let ws = ws_with_last_quarter();
        let total = Money(500_000_003);
        for parent in [Period::year(2027), Period::quarter(2026, 4)] {
            let parts = sub_periods(parent);
            assert_eq!(parts.first().unwrap().start, parent.start);
            assert_eq!(parts.last().unwrap().end, parent.end);
            for method in SplitMethod::ALL {
                if let Some(w) = period_weights(&ws, &parts, method) {
                    sums_to(total, &split_exact(total, &w));
                }
            }
        }
        // Q4 by last period's share: Q3's months won 1000, 2000, 4000.
        let months = sub_periods(Period::quarter(2026, 4));
        assert_eq!(
            period_weights(&ws, &months, SplitMethod::LastPeriodShare).unwrap(),
            vec![100_000, 200_000, 400_000]
        );
        // 2027's quarters by last year's seasonality: only Q2 and Q3 2026 won anything.
        let quarters = sub_periods(Period::year(2027));
        assert_eq!(
            period_weights(&ws, &quarters, SplitMethod::LastYearSeasonality).unwrap(),
            vec![0, 900_000, 700_000, 0]
        );
        assert!(sub_periods(Period::month(2026, 1)).is_empty());
    }

    #[test]
    fn a_year_before_a_leap_day_is_the_28th() {
        assert_eq!(d("2028-02-29").with_year_before(), d("2027-02-28"));
        assert_eq!(d("2027-03-31").with_year_before(), d("2026-03-31"));
    }
}
