//! 团队建设: the team-building log. Each entry is one event: when, what kind, what it
//! cost (optionally the budget expense that paid for it), who took part and notes.

use super::budget::ExpenseId;
use super::common::{Money, Table};
use super::team::MemberId;
use super::validate::{Errors, MAX_NOTE, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(TeamEventId);

/// What kind of team-building event it was. Stored: a variant is never removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TeamEventKind {
    /// 聚餐
    #[default]
    Meal,
    /// 户外拓展
    Outing,
    /// 培训
    Training,
    /// 工作坊
    Workshop,
    /// 庆功
    Celebration,
    /// 其他
    Other,
}

impl TeamEventKind {
    pub const ALL: [TeamEventKind; 6] = [
        TeamEventKind::Meal,
        TeamEventKind::Outing,
        TeamEventKind::Training,
        TeamEventKind::Workshop,
        TeamEventKind::Celebration,
        TeamEventKind::Other,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamEvent {
    pub id: TeamEventId,
    pub date: NaiveDate,
    pub kind: TeamEventKind,
    /// What it cost, in fen (0 when it cost nothing).
    pub cost: Money,
    /// The budget expense that paid for it, if the manager booked one.
    #[serde(default)]
    pub expense: Option<ExpenseId>,
    /// Who took part.
    #[serde(default)]
    pub members: Vec<MemberId>,
    #[serde(default)]
    pub notes: String,
}
crate::keyed!(TeamEvent, TeamEventId);

impl TeamEvent {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_negative("cost", self.cost);
        e.max_len("notes", &self.notes, MAX_NOTE);
        let mut seen = self.members.clone();
        seen.sort();
        if seen.windows(2).any(|w| w[0] == w[1]) {
            e.add("members", Problem::Duplicate);
        }
        e
    }
}

/// The log as stored in team.ron (a table of its own, absent from older files).
pub type TeamEvents = Table<TeamEvent>;

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> TeamEvent {
        TeamEvent {
            id: TeamEventId(1),
            date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            kind: TeamEventKind::Outing,
            cost: Money(120_000),
            expense: None,
            members: vec![MemberId(1), MemberId(2)],
            notes: String::new(),
        }
    }

    #[test]
    fn a_negative_cost_and_a_member_listed_twice_are_refused_at_their_fields() {
        assert!(event().validate().is_empty());
        let mut e = event();
        e.cost = Money(-1);
        e.members = vec![MemberId(1), MemberId(1)];
        let errors = e.validate();
        assert_eq!(errors.get("cost"), Some(&Problem::Negative));
        assert_eq!(errors.get("members"), Some(&Problem::Duplicate));
    }
}
