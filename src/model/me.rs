//! 职业规划与自我管理: the manager's own goals, learning, tasks and stress check-ins.

use super::common::Table;
use super::validate::{Errors, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(GoalId);
crate::define_id!(LearningId);
crate::define_id!(TaskId);
crate::define_id!(CheckInId);

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
    /// 0–100
    pub progress: u8,
    pub notes: String,
}
crate::keyed!(CareerGoal, GoalId);

impl CareerGoal {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.range("progress", self.progress as i64, 0, 100);
        e.max_len("notes", &self.notes, MAX_NOTE);
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
}
crate::keyed!(LearningItem, LearningId);

impl LearningItem {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.range("hours", self.hours as i64, 0, 10_000);
        e.max_len("notes", &self.notes, MAX_NOTE);
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
}
crate::keyed!(Task, TaskId);

impl Task {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.max_len("notes", &self.notes, MAX_NOTE);
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
}
crate::keyed!(StressCheckIn, CheckInId);

impl StressCheckIn {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.range("stress", self.stress as i64, 1, 5);
        e.range("energy", self.energy as i64, 1, 5);
        e.range("sleep_hours", self.sleep_hours as i64, 0, 24);
        e.max_len("note", &self.note, MAX_NOTE);
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
}
