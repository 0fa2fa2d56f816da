//! What the Dashboard reminds the manager of today: follow-ups due, deals gone quiet and
//! reviews coming up.

use crate::model::{
    CustomerId, DealId, InteractionId, MemberId, ReviewId, Stage, Workspace, days_between,
};
use chrono::NaiveDate;

/// How far ahead a review counts as due (days).
pub const REVIEW_LOOKAHEAD_DAYS: i64 = 7;

/// A follow-up promised in a customer interaction and not yet done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUp {
    pub interaction: InteractionId,
    pub customer: CustomerId,
    pub member: Option<MemberId>,
    pub due: NaiveDate,
    /// Days past due: 0 = due today.
    pub days_overdue: i64,
}

/// Follow-ups due today or earlier, the most overdue first.
pub fn follow_ups_due(ws: &Workspace, today: NaiveDate) -> Vec<FollowUp> {
    let mut out: Vec<FollowUp> = ws
        .customers
        .interactions
        .iter()
        .filter(|i| i.follow_up_due(today))
        .filter_map(|i| {
            let due = i.follow_up?;
            Some(FollowUp {
                interaction: i.id,
                customer: i.customer,
                member: i.member,
                due,
                days_overdue: days_between(due, today),
            })
        })
        .collect();
    out.sort_by_key(|f| (f.due, f.interaction));
    out
}

/// An open deal with no activity for longer than its stage allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleDeal {
    pub deal: DealId,
    pub owner: MemberId,
    pub stage: Stage,
    /// Days since the last activity.
    pub idle_days: i64,
    /// The stage's limit from settings.stale_days.
    pub limit: u32,
}

/// Open deals idle for more than `settings.stale_days` of their stage, the longest
/// past its limit first.
pub fn stale_deals(ws: &Workspace, today: NaiveDate) -> Vec<StaleDeal> {
    let limits = &ws.settings.stale_days;
    let mut out: Vec<StaleDeal> = ws
        .deals
        .deals
        .iter()
        .filter_map(|d| {
            let limit = limits[d.stage.open_index()?];
            let idle_days = days_between(d.last_activity, today);
            (idle_days > limit as i64).then_some(StaleDeal {
                deal: d.id,
                owner: d.owner,
                stage: d.stage,
                idle_days,
                limit,
            })
        })
        .collect();
    out.sort_by_key(|s| (std::cmp::Reverse(s.idle_days - s.limit as i64), s.deal));
    out
}

/// A performance review not completed and due within a week (or overdue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewDue {
    pub review: ReviewId,
    pub member: MemberId,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// Open reviews due on or before today + 7 days, earliest first.
pub fn reviews_due(ws: &Workspace, today: NaiveDate) -> Vec<ReviewDue> {
    let horizon = today + chrono::Duration::days(REVIEW_LOOKAHEAD_DAYS);
    let mut out: Vec<ReviewDue> = ws
        .performance
        .reviews
        .iter()
        .filter(|r| r.completed.is_none() && r.due <= horizon)
        .map(|r| ReviewDue {
            review: r.id,
            member: r.member,
            due: r.due,
            overdue: r.due < today,
        })
        .collect();
    out.sort_by_key(|r| (r.due, r.review));
    out
}

/// Everything the Dashboard lists.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reminders {
    pub follow_ups: Vec<FollowUp>,
    pub stale_deals: Vec<StaleDeal>,
    pub reviews: Vec<ReviewDue>,
    /// People of the manager's network due a contact (they join the follow-ups).
    pub network: Vec<super::me::Drift>,
    /// Promotion plan steps due and not done (they join the follow-ups too).
    pub plan_steps: Vec<super::promotions::StepDue>,
    /// Actions agreed in reviews, due today or earlier and not done (they join the
    /// follow-ups too).
    pub review_actions: Vec<(MemberId, super::agenda::OpenAction)>,
}

impl Reminders {
    pub fn is_empty(&self) -> bool {
        self.follow_ups.is_empty()
            && self.stale_deals.is_empty()
            && self.reviews.is_empty()
            && self.network.is_empty()
            && self.plan_steps.is_empty()
            && self.review_actions.is_empty()
    }
}

pub fn reminders(ws: &Workspace, today: NaiveDate) -> Reminders {
    Reminders {
        follow_ups: follow_ups_due(ws, today),
        stale_deals: stale_deals(ws, today),
        reviews: reviews_due(ws, today),
        network: super::me::losing_touch(ws, today),
        plan_steps: super::promotions::steps_due(ws, today),
        review_actions: super::agenda::actions_due(ws, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::{Interaction, InteractionKind, Period, Review};
    use Stage::*;
    use std::sync::Arc;

    #[test]
    fn follow_ups_due_today_or_earlier_not_done() {
        let mut ws = Workspace::default();
        let c = Arc::make_mut(&mut ws.customers);
        let cases = [
            (1, Some("2026-03-01"), false),
            (2, Some("2026-03-10"), false),
            (3, Some("2026-03-11"), false),
            (4, Some("2026-03-01"), true),
            (5, None, false),
        ];
        for (id, due, done) in cases {
            c.interactions.put(Interaction {
                id: InteractionId(id),
                customer: CustomerId(1),
                contact: None,
                member: None,
                kind: InteractionKind::Call,
                date: d("2026-02-01"),
                note: String::new(),
                outcome: String::new(),
                follow_up: due.map(d),
                follow_up_done: done,
                promotion: None,
            });
        }
        let f = follow_ups_due(&ws, d("2026-03-10"));
        let ids: Vec<u64> = f.iter().map(|x| x.interaction.0).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(f[0].days_overdue, 9);
        assert_eq!(f[1].days_overdue, 0);
    }

    #[test]
    fn stale_deals_use_the_stage_limit() {
        // Limits: lead 14, needs 21, quote 14, contract 10.
        let lead = deal(1, &[(Lead, "2026-01-01")]); // idle 15 > 14
        let needs = deal(2, &[(Lead, "2026-01-01"), (Needs, "2026-01-01")]); // 15 <= 21
        let contract = deal(3, &[(Lead, "2025-12-01"), (Contract, "2026-01-05")]); // 11 > 10
        let at_limit = deal(4, &[(Lead, "2026-01-02")]); // 14: not yet
        let won = deal(5, &[(Lead, "2025-01-01"), (Won, "2025-02-01")]);
        let ws = ws_with(vec![lead, needs, contract, at_limit, won]);
        let s = stale_deals(&ws, d("2026-01-16"));
        let ids: Vec<u64> = s.iter().map(|x| x.deal.0).collect();
        assert_eq!(ids, [1, 3]);
        assert_eq!((s[0].idle_days, s[0].limit), (15, 14));
    }

    #[test]
    fn reviews_due_within_a_week() {
        let mut ws = Workspace::default();
        let p = Arc::make_mut(&mut ws.performance);
        for (id, due, completed) in [
            (1, "2026-03-17", None),
            (2, "2026-03-18", None),
            (3, "2026-03-01", None),
            (4, "2026-03-05", Some("2026-03-05")),
        ] {
            p.reviews.put(Review {
                id: ReviewId(id),
                member: MemberId(1),
                period: Period::month(2026, 2),
                due: d(due),
                completed: completed.map(d),
                scores: vec![],
                rating: None,
                strengths: String::new(),
                improvements: String::new(),
                notes: String::new(),
                actions: Vec::new(),
            });
        }
        let r = reviews_due(&ws, d("2026-03-10"));
        let ids: Vec<u64> = r.iter().map(|x| x.review.0).collect();
        assert_eq!(ids, [3, 1]);
        assert!(r[0].overdue && !r[1].overdue);
        assert!(!reminders(&ws, d("2026-03-10")).is_empty());
    }
}
