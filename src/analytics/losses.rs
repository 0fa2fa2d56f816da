//! The loss analysis the Lost dialog promises: the deals lost in a period, counted and
//! summed by reason, by rep, by the stage they were lost from, and by month. A deal
//! counts in the period of the day it moved to Lost.

use super::DealFilter;
use crate::model::{Deal, LostReason, MemberId, Money, Period, Stage, Workspace};
use chrono::Datelike;
use std::collections::BTreeMap;

/// Lost deals and their amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lost {
    pub count: u64,
    pub amount: Money,
}

impl Lost {
    fn add(&mut self, d: &Deal) {
        self.count += 1;
        self.amount = Money(self.amount.0 + d.amount.0);
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LossAnalysis {
    pub total: Lost,
    /// Every reason, in `LostReason::ALL` order (zeros kept, so the table is stable).
    pub by_reason: Vec<(LostReason, Lost)>,
    /// Reps with a loss, most lost amount first (ties by id).
    pub by_rep: Vec<(MemberId, Lost)>,
    /// The open stage each deal was in before Lost, in stage order (zeros kept).
    pub by_stage: Vec<(Stage, Lost)>,
    /// Each month of the period, first to last, as (year, month).
    pub by_month: Vec<((i32, u32), Lost)>,
}

/// The day a deal moved to Lost (its last entry into Lost).
pub fn lost_on(d: &Deal) -> Option<chrono::NaiveDate> {
    (d.stage == Stage::Lost)
        .then(|| d.entered(Stage::Lost))
        .flatten()
}

/// The open stage the deal was in when it was lost (the entry before its last Lost).
pub fn lost_from(d: &Deal) -> Option<Stage> {
    let i = d.history.iter().rposition(|h| h.stage == Stage::Lost)?;
    d.history[..i]
        .iter()
        .rev()
        .map(|h| h.stage)
        .find(|s| s.is_open())
}

/// The loss analysis of the deals lost within `period` that pass `filter`.
pub fn losses(ws: &Workspace, period: Period, filter: &DealFilter) -> LossAnalysis {
    let mut total = Lost::default();
    let mut reasons: BTreeMap<usize, Lost> = BTreeMap::new();
    let mut reps: BTreeMap<MemberId, Lost> = BTreeMap::new();
    let mut stages: BTreeMap<usize, Lost> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), Lost> = BTreeMap::new();
    let open: Vec<Stage> = Stage::ALL.into_iter().filter(|s| s.is_open()).collect();
    for d in ws.deals.deals.iter().filter(|d| filter.matches(d)) {
        let Some(day) = lost_on(d).filter(|day| period.contains(*day)) else {
            continue;
        };
        total.add(d);
        let reason = d.lost.as_ref().map_or(LostReason::Other, |l| l.reason);
        if let Some(i) = LostReason::ALL.iter().position(|r| *r == reason) {
            reasons.entry(i).or_default().add(d);
        }
        reps.entry(d.owner).or_default().add(d);
        if let Some(i) = lost_from(d).and_then(|s| open.iter().position(|o| *o == s)) {
            stages.entry(i).or_default().add(d);
        }
        months.entry((day.year(), day.month())).or_default().add(d);
    }
    let mut by_rep: Vec<(MemberId, Lost)> = reps.into_iter().collect();
    by_rep.sort_by_key(|(id, l)| (std::cmp::Reverse(l.amount), *id));
    let mut by_month = Vec::new();
    let mut m = period.start.with_day(1).unwrap_or(period.start);
    while m <= period.end {
        let key = (m.year(), m.month());
        by_month.push((key, months.get(&key).copied().unwrap_or_default()));
        m = crate::model::shift_months(m, 1);
    }
    LossAnalysis {
        total,
        by_reason: LostReason::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| (*r, reasons.get(&i).copied().unwrap_or_default()))
            .collect(),
        by_rep,
        by_stage: open
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, stages.get(&i).copied().unwrap_or_default()))
            .collect(),
        by_month,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::deal;
    use crate::model::LostInfo;

    fn lost_deal(id: u64, owner: u64, yuan: i64, from: Stage, on: &str, r: LostReason) -> Deal {
        let mut x = deal(
            id,
            &[
                (Stage::Lead, "2026-01-02"),
                (from, "2026-01-10"),
                (Stage::Lost, on),
            ],
        );
        x.owner = MemberId(owner);
        x.amount = Money::from_major(yuan);
        x.lost = Some(LostInfo {
            reason: r,
            note: String::new(),
        });
        x
    }

    #[test]
    fn losses_by_reason_rep_stage_and_month() {
        let mut ws = Workspace::default();
        let deals = std::sync::Arc::make_mut(&mut ws.deals);
        deals.deals.put(lost_deal(
            1,
            1,
            100,
            Stage::Quote,
            "2026-02-03",
            LostReason::Price,
        ));
        deals.deals.put(lost_deal(
            2,
            2,
            300,
            Stage::Contract,
            "2026-03-09",
            LostReason::Price,
        ));
        deals.deals.put(lost_deal(
            3,
            2,
            50,
            Stage::Quote,
            "2026-03-20",
            LostReason::Timing,
        ));
        // Lost outside the period: not counted.
        deals.deals.put(lost_deal(
            4,
            1,
            999,
            Stage::Quote,
            "2026-04-01",
            LostReason::Price,
        ));
        let q1 = Period::quarter(2026, 1);
        let a = losses(&ws, q1, &DealFilter::ALL);
        assert_eq!(
            a.total,
            Lost {
                count: 3,
                amount: Money::from_major(450)
            }
        );
        let price = a
            .by_reason
            .iter()
            .find(|(r, _)| *r == LostReason::Price)
            .unwrap()
            .1;
        assert_eq!(
            price,
            Lost {
                count: 2,
                amount: Money::from_major(400)
            }
        );
        assert_eq!(a.by_reason.len(), LostReason::ALL.len());
        assert_eq!(
            a.by_rep[0],
            (
                MemberId(2),
                Lost {
                    count: 2,
                    amount: Money::from_major(350)
                }
            )
        );
        let quote = a
            .by_stage
            .iter()
            .find(|(s, _)| *s == Stage::Quote)
            .unwrap()
            .1;
        assert_eq!(quote.count, 2);
        assert_eq!(
            a.by_month
                .iter()
                .map(|(m, l)| (*m, l.count))
                .collect::<Vec<_>>(),
            [((2026, 1), 0), ((2026, 2), 1), ((2026, 3), 2)]
        );
        // The sums add up.
        let by_reason: i64 = a.by_reason.iter().map(|(_, l)| l.amount.0).sum();
        assert_eq!(by_reason, a.total.amount.0);
    }
}
