//! 教练式领导: where a rep's funnel leaks (the coaching goal), and the automatic 1:1
//! agenda: their stale deals, the leak, overdue follow-ups, the open actions agreed in
//! their last review, and attainment against pace.

use super::dashboard::{Leak, funnels_by_owner, leak};
use super::filter::DealFilter;
use super::funnel::funnel;
use super::reminders::{FollowUp, StaleDeal, follow_ups_due, stale_deals};
use super::rep_targets::{RepTarget, last_12_months, rep_targets};
use crate::model::{AgreedAction, MemberId, Period, Review, ReviewId, Workspace, days_between};
use chrono::NaiveDate;

/// The thresholds of the per-rep funnels on the Analytics page: a rep must have brought
/// this many deals into a stage, and convert 5 percentage points below the team, before
/// it counts as a leak.
pub const LEAK_MIN_DEALS: u64 = 5;
pub const LEAK_MIN_SHORT: f64 = 0.05;

/// The stage where `member`'s funnel of deals created over the 12 months up to `today`
/// converts furthest below the team's; None when nowhere far enough below.
pub fn rep_leak(ws: &Workspace, member: MemberId, today: NaiveDate) -> Option<Leak> {
    let period = last_12_months(today);
    let team = funnel(ws, period, &DealFilter::ALL);
    let reps = funnels_by_owner(ws, period, &DealFilter::ALL);
    let (_, f) = reps.iter().find(|(m, _)| *m == member)?;
    leak(f, &team, LEAK_MIN_DEALS, LEAK_MIN_SHORT)
}

/// An action agreed in a review and not done yet.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenAction {
    pub review: ReviewId,
    /// Its place in the review's list.
    pub index: usize,
    pub action: AgreedAction,
    pub overdue: bool,
    /// Days past due (0 = due today, negative = not yet due).
    pub days_overdue: i64,
}

impl OpenAction {
    fn new(review: ReviewId, index: usize, action: &AgreedAction, today: NaiveDate) -> Self {
        let days_overdue = days_between(action.due, today);
        OpenAction {
            review,
            index,
            action: action.clone(),
            overdue: days_overdue > 0,
            days_overdue,
        }
    }
}

/// The member's last review: the latest period, completed ones before open ones of the
/// same period.
pub fn last_review(ws: &Workspace, member: MemberId) -> Option<&Review> {
    ws.performance
        .reviews
        .iter()
        .filter(|r| r.member == member)
        .max_by_key(|r| (r.period.end, r.completed.is_some(), r.id))
}

/// Open agreed actions of every review, due on or before `today`, earliest first (the
/// Dashboard's follow-ups).
pub fn actions_due(ws: &Workspace, today: NaiveDate) -> Vec<(MemberId, OpenAction)> {
    let mut out: Vec<(MemberId, OpenAction)> = ws
        .performance
        .reviews
        .iter()
        .flat_map(|r| {
            r.actions
                .iter()
                .enumerate()
                .filter(|(_, a)| !a.done && a.due <= today)
                .map(|(index, a)| (r.member, OpenAction::new(r.id, index, a, today)))
        })
        .collect();
    out.sort_by_key(|(_, a)| (a.action.due, a.review, a.index));
    out
}

/// What to talk about in a rep's next 1:1.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    pub member: MemberId,
    pub stale: Vec<StaleDeal>,
    pub leak: Option<Leak>,
    /// Follow-ups of the rep's interactions due before today (not today's).
    pub overdue_follow_ups: Vec<FollowUp>,
    /// The last review, and its actions not yet done.
    pub last_review: Option<ReviewId>,
    pub open_actions: Vec<OpenAction>,
    /// The rep's target and pace for `period` (None without a row for them).
    pub pace: Option<RepTarget>,
}

impl Agenda {
    /// Nothing at all to raise.
    pub fn is_empty(&self) -> bool {
        self.stale.is_empty()
            && self.leak.is_none()
            && self.overdue_follow_ups.is_empty()
            && self.open_actions.is_empty()
            && self.pace.as_ref().is_none_or(|p| p.pace.is_none())
    }
}

/// The 1:1 agenda of `member` on `today`, with attainment against pace over `period`.
pub fn agenda(ws: &Workspace, member: MemberId, period: Period, today: NaiveDate) -> Agenda {
    let last = last_review(ws, member);
    Agenda {
        member,
        stale: stale_deals(ws, today)
            .into_iter()
            .filter(|s| s.owner == member)
            .collect(),
        leak: rep_leak(ws, member, today),
        overdue_follow_ups: follow_ups_due(ws, today)
            .into_iter()
            .filter(|f| f.member == Some(member) && f.days_overdue > 0)
            .collect(),
        last_review: last.map(|r| r.id),
        open_actions: last
            .map(|r| {
                r.actions
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| !a.done)
                    .map(|(index, a)| OpenAction::new(r.id, index, a, today))
                    .collect()
            })
            .unwrap_or_default(),
        pace: rep_targets(ws, period, today)
            .into_iter()
            .find(|r| r.member == Some(member) && r.tiers.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::*;
    use Stage::*;
    use std::sync::Arc;

    fn review(id: u64, member: u64, month: u32, actions: Vec<AgreedAction>) -> Review {
        Review {
            id: ReviewId(id),
            member: MemberId(member),
            period: Period::month(2026, month),
            due: d("2026-06-01"),
            completed: Some(d("2026-06-01")),
            scores: vec![],
            rating: Some(3),
            strengths: String::new(),
            improvements: String::new(),
            notes: String::new(),
            actions,
        }
    }

    fn act(text: &str, due: &str, done: bool) -> AgreedAction {
        AgreedAction {
            text: text.into(),
            due: d(due),
            done,
        }
    }

    #[test]
    fn the_agenda_holds_stale_deals_overdue_follow_ups_open_actions_and_pace() {
        // Member 1 has a lead idle since January (stale); member 2's deal is not theirs.
        let mut other = deal(2, &[(Lead, "2026-01-01")]);
        other.owner = MemberId(2);
        let mut ws = ws_with(vec![deal(1, &[(Lead, "2026-01-01")]), other]);
        let team = Arc::make_mut(&mut ws.team);
        for id in 1..=3 {
            team.members.put(Member {
                id: MemberId(id),
                name: format!("Rep {id}"),
                role: Role::SalesRep,
                region: String::new(),
                product_lines: vec![],
                duties: String::new(),
                capacity: 10,
                email: String::new(),
                phone: String::new(),
                joined: d("2025-01-01"),
                active: true,
            });
        }
        let today = d("2026-03-10");
        let c = Arc::make_mut(&mut ws.customers);
        for (id, member, due) in [
            (1, 1, "2026-03-01"),
            (2, 1, "2026-03-10"),
            (3, 2, "2026-03-01"),
        ] {
            c.interactions.put(Interaction {
                id: InteractionId(id),
                customer: CustomerId(1),
                contact: None,
                member: Some(MemberId(member)),
                kind: InteractionKind::Call,
                date: d("2026-02-01"),
                note: String::new(),
                outcome: String::new(),
                follow_up: Some(d(due)),
                follow_up_done: false,
                promotion: None,
            });
        }
        let p = Arc::make_mut(&mut ws.performance);
        // The older review's open action is not on the agenda; the last one's are.
        p.reviews
            .put(review(1, 1, 1, vec![act("old", "2026-02-01", false)]));
        p.reviews.put(review(
            2,
            1,
            2,
            vec![
                act("call back", "2026-03-05", false),
                act("done", "2026-03-01", true),
            ],
        ));
        p.targets.put(Target {
            id: TargetId(1),
            member: Some(MemberId(1)),
            period: Period::month(2026, 3),
            amount: Money::from_major(3_100),
            stretch: None,
            challenge: None,
        });
        let a = agenda(&ws, MemberId(1), Period::month(2026, 3), today);
        let stale: Vec<u64> = a.stale.iter().map(|s| s.deal.0).collect();
        assert_eq!(stale, [1]);
        let fu: Vec<u64> = a
            .overdue_follow_ups
            .iter()
            .map(|f| f.interaction.0)
            .collect();
        assert_eq!(fu, [1], "only the rep's, and only those past due");
        assert_eq!(a.last_review, Some(ReviewId(2)));
        let open: Vec<&str> = a
            .open_actions
            .iter()
            .map(|o| o.action.text.as_str())
            .collect();
        assert_eq!(open, ["call back"]);
        assert!(a.open_actions[0].overdue);
        let pace = a.pace.as_ref().and_then(|r| r.pace).unwrap();
        // ¥3,100 over 31 days, 10 days gone: ¥1,000 expected, nothing won.
        assert_eq!(pace.expected, Money::from_major(1_000));
        assert_eq!(pace.revenue, Money::ZERO);
        assert_eq!(a.leak, None, "too few deals to call a leak");
        assert!(!a.is_empty());
        // Member 3 has nothing at all.
        assert!(agenda(&ws, MemberId(3), Period::month(2026, 3), today).is_empty());
    }

    #[test]
    fn agreed_actions_due_join_the_follow_ups() {
        let mut ws = Workspace::default();
        let p = Arc::make_mut(&mut ws.performance);
        p.reviews.put(review(
            1,
            4,
            1,
            vec![
                act("later", "2026-03-20", false),
                act("now", "2026-03-10", false),
                act("past", "2026-03-01", false),
                act("done", "2026-03-01", true),
            ],
        ));
        let due = actions_due(&ws, d("2026-03-10"));
        let texts: Vec<&str> = due.iter().map(|(_, a)| a.action.text.as_str()).collect();
        assert_eq!(texts, ["past", "now"]);
        assert!(due[0].1.overdue && !due[1].1.overdue);
        assert_eq!(due[0].0, MemberId(4));
    }

    #[test]
    fn the_leak_is_the_stage_converting_furthest_below_the_team() {
        // Member 1: 6 leads, none past needs analysis; member 2: 6 leads all to quote.
        let mut deals = Vec::new();
        for i in 0..6 {
            deals.push(deal(i + 1, &[(Lead, "2026-01-05"), (Needs, "2026-01-10")]));
            let mut x = deal(
                i + 11,
                &[
                    (Lead, "2026-01-05"),
                    (Needs, "2026-01-10"),
                    (Quote, "2026-01-20"),
                ],
            );
            x.owner = MemberId(2);
            deals.push(x);
        }
        let ws = ws_with(deals);
        let l = rep_leak(&ws, MemberId(1), d("2026-03-01")).unwrap();
        assert_eq!(l.stage, Needs);
        assert_eq!(l.rep, 0.0);
        assert_eq!(rep_leak(&ws, MemberId(2), d("2026-03-01")), None);
    }
}
