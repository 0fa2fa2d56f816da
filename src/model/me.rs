//! 职业规划与自我管理: the manager's own goals, learning, leadership self-assessments,
//! industry network, tasks and time blocks, stress check-ins and weekly reviews.
//!
//! Every field added after schema 2 has a serde default: a `me.ron` written before
//! these fields existed loads whole (tests/fixtures/v2/me.ron).

use super::common::Table;
use super::customers::ContactId;
use super::performance::TargetId;
use super::validate::{Errors, MAX_NOTE, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(GoalId);
crate::define_id!(LearningId);
crate::define_id!(TaskId);
crate::define_id!(CheckInId);
crate::define_id!(AssessmentId);
crate::define_id!(PersonId);
crate::define_id!(NetworkEventId);
crate::define_id!(TouchId);
crate::define_id!(TimeBlockId);
crate::define_id!(WeeklyReviewId);

/// The longest short text (a name, a title, a stressor).
pub const MAX_SHORT: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalArea {
    /// 个人目标
    Career,
    /// 持续学习
    Learning,
    /// 领导力发展
    Leadership,
    /// 行业影响力
    Network,
}

impl GoalArea {
    pub const ALL: [GoalArea; 4] = [
        GoalArea::Career,
        GoalArea::Learning,
        GoalArea::Leadership,
        GoalArea::Network,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CareerGoal {
    pub id: GoalId,
    pub title: String,
    pub area: GoalArea,
    /// The company goal this one serves.
    pub aligned_with: String,
    pub target_date: Option<NaiveDate>,
    /// 0–100, set by hand (a goal linked to a target takes its attainment instead).
    pub progress: u8,
    pub notes: String,
    /// Steps on the way, in order.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// A team target this goal follows: its progress is the target's attainment.
    #[serde(default)]
    pub target: Option<TargetId>,
}
crate::keyed!(CareerGoal, GoalId);

/// One step of a career goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

impl CareerGoal {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.range("progress", self.progress as i64, 0, 100);
        e.max_len("notes", &self.notes, MAX_NOTE);
        if self.milestones.iter().any(|m| m.title.trim().is_empty()) {
            e.add("milestones", Problem::Required);
        }
        e
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LearningKind {
    Course,
    Book,
    Certification,
    Conference,
    Mentoring,
}

impl LearningKind {
    pub const ALL: [LearningKind; 5] = [
        LearningKind::Course,
        LearningKind::Book,
        LearningKind::Certification,
        LearningKind::Conference,
        LearningKind::Mentoring,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Progress {
    Planned,
    InProgress,
    Done,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningItem {
    pub id: LearningId,
    pub title: String,
    pub kind: LearningKind,
    pub status: Progress,
    pub hours: u32,
    pub completed: Option<NaiveDate>,
    pub notes: String,
    /// When it began (hours count in the month it was completed, or else began).
    #[serde(default)]
    pub started: Option<NaiveDate>,
}
crate::keyed!(LearningItem, LearningId);

impl LearningItem {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.range("hours", self.hours as i64, 0, 10_000);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e.not_before("completed", self.completed, "started", self.started);
        e
    }
}

/// 时间管理: tasks in the urgent / important grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: TaskId,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub urgent: bool,
    pub important: bool,
    pub done: bool,
    pub notes: String,
    /// How many times the planned date (`due`) was moved later.
    #[serde(default)]
    pub moved_later: u32,
    /// On the daily focus list of this day.
    #[serde(default)]
    pub focus_on: Option<NaiveDate>,
    /// When it was marked done.
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
}
crate::keyed!(Task, TaskId);

/// A task moved later this many times is marked.
pub const MOVED_LATER_MARK: u32 = 3;

impl Task {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
    /// This task as the edit `next` would leave it: a planned date moved later counts
    /// once more, and marking it done (or not) dates it.
    pub fn edited(&self, mut next: Task, today: NaiveDate) -> Task {
        next.moved_later = self.moved_later;
        if let (Some(old), Some(new)) = (self.due, next.due)
            && new > old
        {
            next.moved_later += 1;
        }
        next.done_on = match (self.done, next.done) {
            (false, true) => Some(today),
            (_, false) => None,
            (true, true) => self.done_on,
        };
        next
    }
    /// Whether its plan slipped often enough to be marked.
    pub fn keeps_moving(&self) -> bool {
        self.moved_later >= MOVED_LATER_MARK
    }
}

/// The four quadrants of the urgent / important grid (Eisenhower).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// 重要且紧急: do now.
    DoNow,
    /// 重要不紧急: plan.
    Plan,
    /// 紧急不重要: hand off.
    Delegate,
    /// 不重要不紧急: drop.
    Drop,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::DoNow,
        Quadrant::Plan,
        Quadrant::Delegate,
        Quadrant::Drop,
    ];
    pub fn of(urgent: bool, important: bool) -> Quadrant {
        match (important, urgent) {
            (true, true) => Quadrant::DoNow,
            (true, false) => Quadrant::Plan,
            (false, true) => Quadrant::Delegate,
            (false, false) => Quadrant::Drop,
        }
    }
    /// (urgent, important)
    pub fn flags(self) -> (bool, bool) {
        match self {
            Quadrant::DoNow => (true, true),
            Quadrant::Plan => (false, true),
            Quadrant::Delegate => (true, false),
            Quadrant::Drop => (false, false),
        }
    }
}

impl Task {
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.urgent, self.important)
    }
}

/// What a block of time was spent on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TimeKind {
    Selling,
    Coaching,
    Planning,
    Admin,
    Meetings,
    Learning,
    Personal,
}

impl TimeKind {
    pub const ALL: [TimeKind; 7] = [
        TimeKind::Selling,
        TimeKind::Coaching,
        TimeKind::Planning,
        TimeKind::Admin,
        TimeKind::Meetings,
        TimeKind::Learning,
        TimeKind::Personal,
    ];
}

/// A block of the week planner: a day, a start time, a length and what it is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeBlock {
    pub id: TimeBlockId,
    pub date: NaiveDate,
    /// Minutes after midnight.
    pub start: u16,
    pub minutes: u16,
    pub kind: TimeKind,
    pub title: String,
    #[serde(default)]
    pub task: Option<TaskId>,
}
crate::keyed!(TimeBlock, TimeBlockId);

impl TimeBlock {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.range("start", self.start as i64, 0, 24 * 60 - 1);
        e.range("minutes", self.minutes as i64, 5, 24 * 60);
        if u32::from(self.start) + u32::from(self.minutes) > 24 * 60 {
            e.add(
                "minutes",
                Problem::OutOfRange {
                    min: 5,
                    max: 24 * 60 - self.start as i64,
                },
            );
        }
        e.max_len("title", &self.title, MAX_SHORT);
        e
    }
}

/// 压力管理: a short check-in, 1 (calm) to 5 (overloaded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StressCheckIn {
    pub id: CheckInId,
    pub date: NaiveDate,
    pub stress: u8,
    pub energy: u8,
    pub sleep_hours: u8,
    pub note: String,
    /// What weighed on you: picked from the ones used before, or typed.
    #[serde(default)]
    pub stressors: Vec<String>,
    /// What helped.
    #[serde(default)]
    pub helped: String,
}
crate::keyed!(StressCheckIn, CheckInId);

impl StressCheckIn {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.range("stress", self.stress as i64, 1, 5);
        e.range("energy", self.energy as i64, 1, 5);
        e.range("sleep_hours", self.sleep_hours as i64, 0, 24);
        e.max_len("note", &self.note, MAX_NOTE);
        e.max_len("helped", &self.helped, MAX_NOTE);
        if self.stressors.iter().any(|s| s.chars().count() > MAX_SHORT) {
            e.add("stressors", Problem::TooLong { max: MAX_SHORT });
        }
        e
    }
}

/// A leadership competency scored in a self-assessment (领导力发展).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Competency {
    Coaching,
    Communication,
    Planning,
    DecisionMaking,
    Motivating,
}

impl Competency {
    pub const ALL: [Competency; 5] = [
        Competency::Coaching,
        Competency::Communication,
        Competency::Planning,
        Competency::DecisionMaking,
        Competency::Motivating,
    ];
}

/// A self-assessment: each standard competency and any of your own, 1–5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: AssessmentId,
    pub date: NaiveDate,
    pub scores: Vec<(Competency, u8)>,
    /// Competencies you named yourself, with their score.
    #[serde(default)]
    pub own: Vec<(String, u8)>,
    #[serde(default)]
    pub note: String,
}
crate::keyed!(Assessment, AssessmentId);

impl Assessment {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        let scores = self
            .scores
            .iter()
            .map(|s| s.1)
            .chain(self.own.iter().map(|o| o.1));
        if scores.into_iter().any(|s| !(1..=5).contains(&s)) {
            e.add("scores", Problem::OutOfRange { min: 1, max: 5 });
        }
        if self.own.iter().any(|o| o.0.trim().is_empty()) {
            e.add("own", Problem::Required);
        }
        e.max_len("note", &self.note, MAX_NOTE);
        e
    }
    /// The score of a competency, standard or your own, by name.
    pub fn score(&self, c: Competency) -> Option<u8> {
        self.scores.iter().find(|s| s.0 == c).map(|s| s.1)
    }
}

/// Someone in your industry network (行业影响力).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    pub company: String,
    /// Where you met.
    #[serde(default)]
    pub met_at: String,
    /// What you talk about.
    #[serde(default)]
    pub topics: String,
    /// The desired interval between contacts, in days (0: no reminder).
    #[serde(default)]
    pub every_days: u32,
    /// The last contact before any logged here (set by hand).
    #[serde(default)]
    pub last_contact: Option<NaiveDate>,
    /// The same person as a customer's contact: an interaction with that contact counts
    /// as a contact here too.
    #[serde(default)]
    pub contact: Option<ContactId>,
    #[serde(default)]
    pub notes: String,
}
crate::keyed!(Person, PersonId);

impl Person {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("name", &self.name, MAX_SHORT);
        e.range("every_days", self.every_days as i64, 0, 3650);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// One contact made with a person of the network: the clock restarts from its date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Touch {
    pub id: TouchId,
    pub person: PersonId,
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
}
crate::keyed!(Touch, TouchId);

impl Touch {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.max_len("note", &self.note, MAX_NOTE);
        e
    }
}

/// An industry event: a fair, a summit, a dinner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEvent {
    pub id: NetworkEventId,
    pub name: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub place: String,
    /// Who you met there.
    #[serde(default)]
    pub people: Vec<PersonId>,
    #[serde(default)]
    pub notes: String,
}
crate::keyed!(NetworkEvent, NetworkEventId);

impl NetworkEvent {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// The figures of a week as a review gathered them, kept so a past review reads the
/// same later (language-neutral numbers; the UI words them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeekFigures {
    pub deals_moved: u32,
    pub deals_won: u32,
    pub deals_lost: u32,
    /// Revenue won in the week, minor units.
    pub won_amount: i64,
    /// Month-to-date attainment against the team's monthly target, per mille.
    pub attainment_pm: Option<u32>,
    /// The share of the month gone by, per mille (the pace).
    pub pace_pm: u32,
    pub tasks_done: u32,
    pub tasks_rolled: u32,
    pub contacts: u32,
    /// Average stress level ×10 this week and the week before.
    pub stress_avg10: Option<u32>,
    pub stress_prev_avg10: Option<u32>,
}

/// 每周回顾: a week looked back on, with next week's focus and a short reflection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeeklyReview {
    pub id: WeeklyReviewId,
    /// The Monday of the week reviewed.
    pub week: NaiveDate,
    #[serde(default)]
    pub figures: WeekFigures,
    /// Next week's focus.
    #[serde(default)]
    pub focus: String,
    #[serde(default)]
    pub reflection: String,
}
crate::keyed!(WeeklyReview, WeeklyReviewId);

impl WeeklyReview {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.max_len("focus", &self.focus, MAX_NOTE);
        e.max_len("reflection", &self.reflection, MAX_NOTE);
        e
    }
}

/// me.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeFile {
    pub goals: Table<CareerGoal>,
    pub learning: Table<LearningItem>,
    pub tasks: Table<Task>,
    pub check_ins: Table<StressCheckIn>,
    #[serde(default)]
    pub assessments: Table<Assessment>,
    #[serde(default)]
    pub people: Table<Person>,
    #[serde(default)]
    pub touches: Table<Touch>,
    #[serde(default)]
    pub events: Table<NetworkEvent>,
    #[serde(default)]
    pub time_blocks: Table<TimeBlock>,
    #[serde(default)]
    pub reviews: Table<WeeklyReview>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A me.ron as schema 2 wrote it (no milestones, no stressors, none of the new
    /// tables) still reads, every new field at its default.
    #[test]
    fn a_me_file_written_before_these_fields_reads_with_their_defaults() {
        let old = r#"(
  goals: (next_id: 2, rows: [(id: 1, title: "晋升", area: Career, aligned_with: "", target_date: None, progress: 35, notes: "")]),
  learning: (next_id: 2, rows: [(id: 1, title: "书", kind: Book, status: Done, hours: 20, completed: Some("2026-10-02"), notes: "")]),
  tasks: (next_id: 2, rows: [(id: 1, title: "预测", due: Some("2026-12-02"), urgent: true, important: true, done: false, notes: "")]),
  check_ins: (next_id: 2, rows: [(id: 1, date: "2026-09-11", stress: 2, energy: 4, sleep_hours: 7, note: "加班较多。")]),
)"#;
        let me: MeFile = ron::from_str(old).expect("the old file reads");
        let g = &me.goals.rows[0];
        assert!(g.milestones.is_empty() && g.target.is_none());
        assert_eq!(me.learning.rows[0].started, None);
        let t = &me.tasks.rows[0];
        assert_eq!((t.moved_later, t.focus_on, t.done_on), (0, None, None));
        let c = &me.check_ins.rows[0];
        assert!(c.stressors.is_empty() && c.helped.is_empty());
        assert_eq!(c.note, "加班较多。");
        assert!(me.people.is_empty() && me.reviews.is_empty() && me.time_blocks.is_empty());
        assert_eq!(me.people.next_id, 1);
    }
}
