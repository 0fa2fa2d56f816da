//! Small builders for the analytics tests.

use crate::model::*;
use chrono::NaiveDate;
use std::sync::Arc;

pub fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// A deal of 1,000.00 owned by member 1, whose history is `steps` (stage, date).
pub fn deal(id: u64, steps: &[(Stage, &str)]) -> Deal {
    let history: Vec<StageEntry> = steps
        .iter()
        .map(|(stage, date)| StageEntry {
            stage: *stage,
            date: d(date),
        })
        .collect();
    let stage = history.last().map(|h| h.stage).unwrap_or(Stage::Lead);
    let last = history.last().map(|h| h.date).unwrap_or(d("2026-01-01"));
    Deal {
        id: DealId(id),
        title: format!("Deal {id}"),
        customer: CustomerId(1),
        owner: MemberId(1),
        amount: Money::from_major(1000),
        history,
        lost: (stage == Stage::Lost).then(|| LostInfo {
            reason: LostReason::Price,
            note: String::new(),
        }),
        ..Deal::new(stage, last)
    }
}

pub fn with_amount(mut x: Deal, major: i64) -> Deal {
    x.amount = Money::from_major(major);
    x
}

pub fn ws_with(deals: Vec<Deal>) -> Workspace {
    let mut ws = Workspace::default();
    let f = Arc::make_mut(&mut ws.deals);
    for x in deals {
        f.deals.put(x);
    }
    ws
}
