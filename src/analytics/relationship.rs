//! One customer's relationship at a glance (客户关系管理): the interaction timeline, the
//! feedback items, the deals, the points ledger and where the customer stands in the
//! loyalty programme. One pass over each table; the page caches it by revision.

use crate::model::{
    CustomerId, DealId, FeedbackId, FeedbackStatus, InteractionId, LoyaltyEntryId, Money, Stage,
    TierBasis, Workspace,
};
use chrono::NaiveDate;
use std::cmp::Reverse;

/// How far back "yearly revenue" looks, in days (the last twelve months).
pub const YEAR_DAYS: i64 = 365;

/// Where a customer stands in the loyalty programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoyaltyStatus {
    /// Sum of the points ledger (earned minus redeemed).
    pub points: i64,
    /// Won deals closed in the last twelve months (today included).
    pub revenue_12m: Money,
    /// What the tiers are measured by: `points`, or `revenue_12m` in minor units.
    pub score: i64,
    /// Index of the tier reached, if any.
    pub tier: Option<usize>,
    /// The next tier up and how much score it still needs.
    pub next: Option<(usize, i64)>,
}

/// Everything the customer detail view lists, each in the order it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    /// Newest first (by date, then the later-logged one first).
    pub timeline: Vec<InteractionId>,
    /// Open and in-progress items first, then resolved; each group newest first.
    pub feedback: Vec<FeedbackId>,
    /// Open deals first (furthest stage first), then won and lost, most recent first.
    pub deals: Vec<DealId>,
    /// Newest first.
    pub ledger: Vec<LoyaltyEntryId>,
    pub loyalty: LoyaltyStatus,
    /// Follow-ups still to do on or before today.
    pub follow_ups_due: usize,
}

/// The customer's interaction ids, newest first.
pub fn interaction_timeline(ws: &Workspace, customer: CustomerId) -> Vec<InteractionId> {
    let mut v: Vec<_> = ws
        .customers
        .interactions
        .iter()
        .filter(|i| i.customer == customer)
        .map(|i| (i.date, i.id))
        .collect();
    v.sort_by_key(|&(date, id)| Reverse((date, id)));
    v.into_iter().map(|(_, id)| id).collect()
}

/// The customer's loyalty standing on `today`.
pub fn loyalty_status(ws: &Workspace, customer: CustomerId, today: NaiveDate) -> LoyaltyStatus {
    let points: i64 = ws
        .customers
        .loyalty_ledger
        .iter()
        .filter(|l| l.customer == customer)
        .map(|l| l.points)
        .sum();
    let from = today - chrono::Duration::days(YEAR_DAYS);
    let revenue_12m: Money = ws
        .deals
        .deals
        .iter()
        .filter(|d| d.customer == customer && d.stage == Stage::Won)
        .filter(|d| d.closed_on().is_some_and(|c| c > from && c <= today))
        .map(|d| d.amount)
        .sum();
    status_from(ws, points, revenue_12m)
}

fn status_from(ws: &Workspace, points: i64, revenue_12m: Money) -> LoyaltyStatus {
    let program = &ws.customers.loyalty;
    let score = match program.basis {
        TierBasis::Points => points,
        TierBasis::YearlyRevenue => revenue_12m.minor(),
    };
    let tier = program.tier_for(score);
    let next_index = tier.map_or(0, |t| t + 1);
    let next = program
        .tiers
        .get(next_index)
        .map(|t| (next_index, (t.threshold - score).max(0)));
    LoyaltyStatus {
        points,
        revenue_12m,
        score,
        tier,
        next,
    }
}

/// Everything about one customer the detail view shows.
pub fn relationship(ws: &Workspace, customer: CustomerId, today: NaiveDate) -> Relationship {
    let cu = &ws.customers;
    let mut feedback: Vec<_> = cu
        .feedback
        .iter()
        .filter(|f| f.customer == customer)
        .map(|f| {
            (
                f.status == FeedbackStatus::Resolved,
                Reverse((f.date, f.id)),
            )
        })
        .collect();
    feedback.sort();
    let mut deals: Vec<_> = ws
        .deals
        .deals
        .iter()
        .filter(|d| d.customer == customer)
        .map(|d| {
            let group = if d.stage.is_open() { 0 } else { 1 };
            let stage_rank = Reverse(d.stage.funnel_index().unwrap_or(0));
            (
                group,
                if group == 0 { stage_rank } else { Reverse(0) },
                Reverse((d.stage_since(), d.id)),
            )
        })
        .collect();
    deals.sort();
    let mut ledger: Vec<_> = cu
        .loyalty_ledger
        .iter()
        .filter(|l| l.customer == customer)
        .map(|l| Reverse((l.date, l.id)))
        .collect();
    ledger.sort();
    Relationship {
        timeline: interaction_timeline(ws, customer),
        feedback: feedback
            .into_iter()
            .map(|(_, Reverse((_, id)))| id)
            .collect(),
        deals: deals
            .into_iter()
            .map(|(_, _, Reverse((_, id)))| id)
            .collect(),
        ledger: ledger.into_iter().map(|Reverse((_, id))| id).collect(),
        loyalty: loyalty_status(ws, customer, today),
        follow_ups_due: cu
            .interactions
            .iter()
            .filter(|i| i.customer == customer && i.follow_up_due(today))
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::*;
    use std::sync::Arc;

    fn interaction(id: u64, customer: u64, date: &str) -> Interaction {
        Interaction {
            id: InteractionId(id),
            customer: CustomerId(customer),
            contact: None,
            member: None,
            kind: InteractionKind::Call,
            date: d(date),
            note: String::new(),
            outcome: String::new(),
            follow_up: None,
            follow_up_done: false,
            promotion: None,
        }
    }

    #[test]
    fn the_timeline_is_newest_first_and_only_the_customers_own() {
        let mut ws = Workspace::default();
        let c = Arc::make_mut(&mut ws.customers);
        c.interactions.put(interaction(1, 1, "2026-03-01"));
        c.interactions.put(interaction(2, 1, "2026-03-09"));
        c.interactions.put(interaction(3, 2, "2026-03-10"));
        // Logged later but about an earlier day: sorted by the day it happened.
        c.interactions.put(interaction(4, 1, "2026-02-01"));
        // Same day: the one logged later comes first.
        c.interactions.put(interaction(5, 1, "2026-03-09"));
        let ids: Vec<u64> = interaction_timeline(&ws, CustomerId(1))
            .iter()
            .map(|i| i.0)
            .collect();
        assert_eq!(ids, [5, 2, 1, 4]);
    }

    fn ledger_entry(id: u64, date: &str, points: i64) -> LoyaltyEntry {
        LoyaltyEntry {
            event: None,
            deal: None,
            id: LoyaltyEntryId(id),
            customer: CustomerId(1),
            date: d(date),
            points,
            reason: "x".into(),
        }
    }

    #[test]
    fn loyalty_tier_by_points_or_by_yearly_revenue() {
        // Won 80,000 within the year, 30,000 more than a year ago.
        let recent = with_amount(
            deal(
                1,
                &[(Stage::Lead, "2026-01-01"), (Stage::Won, "2026-02-01")],
            ),
            80_000,
        );
        let old = with_amount(
            deal(
                2,
                &[(Stage::Lead, "2024-01-01"), (Stage::Won, "2024-06-01")],
            ),
            30_000,
        );
        let mut ws = ws_with(vec![recent, old]);
        let c = Arc::make_mut(&mut ws.customers);
        c.loyalty_ledger.put(ledger_entry(1, "2026-02-01", 60_000));
        c.loyalty_ledger.put(ledger_entry(2, "2026-02-10", -15_000));
        let today = d("2026-03-01");
        // Default programme: by points, Silver 0 / Gold 50,000 / Platinum 200,000.
        let s = loyalty_status(&ws, CustomerId(1), today);
        assert_eq!(s.points, 45_000);
        assert_eq!(s.revenue_12m, Money::from_major(80_000));
        assert_eq!(s.tier, Some(0));
        assert_eq!(s.next, Some((1, 5_000)));
        // By revenue: thresholds are minor units of the last twelve months' revenue.
        let c = Arc::make_mut(&mut ws.customers);
        c.loyalty.basis = TierBasis::YearlyRevenue;
        c.loyalty.tiers[1].threshold = Money::from_major(50_000).minor();
        c.loyalty.tiers[2].threshold = Money::from_major(100_000).minor();
        let s = loyalty_status(&ws, CustomerId(1), today);
        assert_eq!(s.tier, Some(1));
        assert_eq!(s.next, Some((2, Money::from_major(20_000).minor())));
        // At the top there is no next tier.
        Arc::make_mut(&mut ws.customers).loyalty.tiers[2].threshold =
            Money::from_major(60_000).minor();
        assert_eq!(loyalty_status(&ws, CustomerId(1), today).next, None);
    }

    #[test]
    fn relationship_orders_every_list() {
        let open_lead = deal(1, &[(Stage::Lead, "2026-01-01")]);
        let open_quote = deal(
            2,
            &[(Stage::Lead, "2026-01-01"), (Stage::Quote, "2026-01-05")],
        );
        let won = deal(
            3,
            &[(Stage::Lead, "2025-01-01"), (Stage::Won, "2025-03-01")],
        );
        let lost = deal(
            4,
            &[(Stage::Lead, "2025-01-01"), (Stage::Lost, "2025-05-01")],
        );
        let mut ws = ws_with(vec![open_lead, open_quote, won, lost]);
        let c = Arc::make_mut(&mut ws.customers);
        let fb = |id, date: &str, status| Feedback {
            id: FeedbackId(id),
            customer: CustomerId(1),
            kind: FeedbackKind::Complaint,
            date: d(date),
            text: "x".into(),
            status,
            resolution: String::new(),
            resolved_on: None,
            promotion: None,
        };
        c.feedback
            .put(fb(1, "2026-01-01", FeedbackStatus::Resolved));
        c.feedback.put(fb(2, "2026-01-02", FeedbackStatus::Open));
        c.feedback
            .put(fb(3, "2026-01-03", FeedbackStatus::InProgress));
        c.loyalty_ledger.put(ledger_entry(1, "2026-01-01", 10));
        c.loyalty_ledger.put(ledger_entry(2, "2026-02-01", 10));
        let mut due = interaction(1, 1, "2026-01-01");
        due.follow_up = Some(d("2026-01-10"));
        c.interactions.put(due);
        let r = relationship(&ws, CustomerId(1), d("2026-01-10"));
        let raw = |v: &[FeedbackId]| v.iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(raw(&r.feedback), [3, 2, 1]);
        assert_eq!(r.deals, [DealId(2), DealId(1), DealId(4), DealId(3)]);
        assert_eq!(r.ledger, [LoyaltyEntryId(2), LoyaltyEntryId(1)]);
        assert_eq!(r.follow_ups_due, 1);
        assert_eq!(r.timeline, [InteractionId(1)]);
    }
}
