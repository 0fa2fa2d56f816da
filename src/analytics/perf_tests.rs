//! Every figure over a generated 100k-deal workspace must recompute in well under 100 ms
//! in release builds (the time limit is only checked there; debug builds just run it).

use super::*;
use crate::analytics::testutil::*;
use crate::model::*;
use std::sync::Arc;
use std::time::Instant;

/// 100k deals spread over two years, 20 reps, every stage and outcome.
fn big() -> Workspace {
    let start = d("2025-01-01");
    let stages = [Stage::Lead, Stage::Needs, Stage::Quote, Stage::Contract];
    let mut ws = Workspace::default();
    let deals = Arc::make_mut(&mut ws.deals);
    deals.deals.rows.reserve(100_000);
    for i in 0..100_000u64 {
        let created = start + chrono::Duration::days((i % 700) as i64);
        let mut steps = vec![(Stage::Lead, created)];
        let reached = (i % 4) as usize;
        for (k, s) in stages.iter().enumerate().skip(1).take(reached) {
            steps.push((*s, created + chrono::Duration::days(k as i64 * 7)));
        }
        let last = steps.last().map(|s| s.1).unwrap_or(created);
        match i % 5 {
            0 => steps.push((Stage::Won, last + chrono::Duration::days(5))),
            1 => steps.push((Stage::Lost, last + chrono::Duration::days(3))),
            _ => {}
        }
        let strs: Vec<(Stage, String)> = steps.iter().map(|(s, dt)| (*s, dt.to_string())).collect();
        let refs: Vec<(Stage, &str)> = strs.iter().map(|(s, x)| (*s, x.as_str())).collect();
        let mut x = with_amount(deal(i + 1, &refs), 1_000 + (i % 97) as i64 * 100);
        x.owner = MemberId(i % 20 + 1);
        x.region = ["East", "West", "North", "South"][(i % 4) as usize].into();
        x.expected_close = Some(last + chrono::Duration::days(30));
        deals.deals.rows.push(x);
    }
    ws
}

#[test]
fn hundred_thousand_deals_recompute_fast() {
    let ws = big();
    let period = Period::quarter(2026, 1);
    let today = d("2026-03-15");
    let all = DealFilter::ALL;
    let t = Instant::now();
    let f = funnel(&ws, period, &all);
    let k = kpis(&ws, period, &all);
    let b = bottleneck(&ws, period, &all);
    let _ = k.velocity().levers();
    let _ = target_progress(&ws, period, today, None, k.revenue);
    let _ = market_share(&ws, period, k.revenue);
    for dim in [
        Dimension::Owner,
        Dimension::Region,
        Dimension::Product,
        Dimension::Source,
    ] {
        let _ = revenue_by(&ws, period, dim);
    }
    let _ = rep_scores(&ws, period);
    let _ = revenue_by_month(&ws, Period::year(2026), &all);
    let fc = forecast(&ws, today, &all);
    let _ = reverse_funnel_from(
        Money::from_major(1_000_000),
        k.avg_won_amount,
        &f,
        open_by_stage(&ws, &all),
    );
    let _ = reminders(&ws, today);
    let _ = budget_by_category(&ws, period);
    let elapsed = t.elapsed();
    assert!(f.stages[0].entered > 0 && k.won_count > 0 && b.conversion.is_some());
    assert!(!fc.months.is_empty());
    eprintln!("all figures over 100k deals: {elapsed:?}");
    if !cfg!(debug_assertions) {
        assert!(elapsed.as_millis() < 100, "took {elapsed:?}");
    }
}
