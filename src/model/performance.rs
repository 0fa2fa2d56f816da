//! 绩效管理: targets, KPIs, reviews, commission plans and coaching notes.

use super::common::{Money, Period, Table};
use super::team::MemberId;
use super::validate::{Errors, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(TargetId);
crate::define_id!(KpiId);
crate::define_id!(ReviewId);
crate::define_id!(CommissionPlanId);
crate::define_id!(CoachingNoteId);

/// 销售目标: a revenue target for the team (member = None) or one rep, over a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: TargetId,
    pub member: Option<MemberId>,
    pub period: Period,
    /// 目标: the tier the attainment is measured against.
    pub amount: Money,
    /// 冲刺: the stretch tier, above the target (none when not set).
    #[serde(default)]
    pub stretch: Option<Money>,
    /// 挑战: the challenge tier, above the stretch (none when not set).
    #[serde(default)]
    pub challenge: Option<Money>,
}
crate::keyed!(Target, TargetId);

impl Target {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_negative("amount", self.amount);
        // Each tier set must sit at or above the one below it.
        if let Some(stretch) = self.stretch {
            e.not_below("stretch", stretch, "amount", self.amount);
        }
        if let Some(challenge) = self.challenge {
            e.not_below(
                "challenge",
                challenge,
                "stretch",
                self.stretch.unwrap_or(self.amount),
            );
        }
        e.not_before(
            "end",
            Some(self.period.end),
            "start",
            Some(self.period.start),
        );
        e
    }
}

/// What a KPI measures. Computed ones come from the workspace; `Manual` is scored by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KpiMetric {
    Revenue,
    DealsWon,
    WinRate,
    NewCustomers,
    Interactions,
    Manual,
}

impl KpiMetric {
    pub const ALL: [KpiMetric; 6] = [
        KpiMetric::Revenue,
        KpiMetric::DealsWon,
        KpiMetric::WinRate,
        KpiMetric::NewCustomers,
        KpiMetric::Interactions,
        KpiMetric::Manual,
    ];
}

/// 绩效指标
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: KpiId,
    pub name: String,
    pub metric: KpiMetric,
    /// Target value per month, in the metric's unit (minor units for revenue, % for rates).
    pub monthly_target: i64,
    /// Weight in a review, percent; the weights of active KPIs should add up to 100.
    pub weight: u8,
    pub active: bool,
}
crate::keyed!(Kpi, KpiId);

impl Kpi {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.range("monthly_target", self.monthly_target, 0, i64::MAX / 2);
        e.range("weight", self.weight as i64, 0, 100);
        e
    }
}

/// 绩效评估: one review of one rep for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: ReviewId,
    pub member: MemberId,
    pub period: Period,
    pub due: NaiveDate,
    pub completed: Option<NaiveDate>,
    /// Score per KPI, 0–100.
    pub scores: Vec<(KpiId, u8)>,
    /// Overall rating 1–5, when completed.
    pub rating: Option<u8>,
    pub strengths: String,
    pub improvements: String,
    pub notes: String,
}
crate::keyed!(Review, ReviewId);

impl Review {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_before(
            "end",
            Some(self.period.end),
            "start",
            Some(self.period.start),
        );
        if let Some(r) = self.rating {
            e.range("rating", r as i64, 1, 5);
        }
        for (_, s) in &self.scores {
            e.range("scores", *s as i64, 0, 100);
        }
        e.max_len("strengths", &self.strengths, MAX_NOTE);
        e.max_len("improvements", &self.improvements, MAX_NOTE);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// One step of a commission plan: from this attainment % up, this rate applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommissionTier {
    pub from_attainment_pct: u32,
    /// Rate in basis points of won revenue (100 bp = 1 %).
    pub rate_bp: u32,
}

/// 激励机制
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommissionPlan {
    pub id: CommissionPlanId,
    pub name: String,
    pub tiers: Vec<CommissionTier>,
    pub members: Vec<MemberId>,
    pub notes: String,
}
crate::keyed!(CommissionPlan, CommissionPlanId);

impl CommissionPlan {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        for t in &self.tiers {
            e.range("tiers", t.rate_bp as i64, 0, 10_000);
        }
        e
    }
}

/// 反馈机制 / 教练式领导: what kind of conversation a note records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoteKind {
    Coaching,
    OneOnOne,
    Feedback,
    Recognition,
    TeamBuilding,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Coaching,
        NoteKind::OneOnOne,
        NoteKind::Feedback,
        NoteKind::Recognition,
        NoteKind::TeamBuilding,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoachingNote {
    pub id: CoachingNoteId,
    /// None for a note about the whole team (e.g. a team-building day).
    pub member: Option<MemberId>,
    pub date: NaiveDate,
    pub kind: NoteKind,
    pub topic: String,
    pub note: String,
    pub follow_up: Option<NaiveDate>,
}
crate::keyed!(CoachingNote, CoachingNoteId);

impl CoachingNote {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("topic", &self.topic);
        e.max_len("note", &self.note, MAX_NOTE);
        e.not_before("follow_up", self.follow_up, "date", Some(self.date));
        e
    }
}

/// performance.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PerformanceFile {
    pub targets: Table<Target>,
    pub kpis: Table<Kpi>,
    pub reviews: Table<Review>,
    pub commission_plans: Table<CommissionPlan>,
    pub notes: Table<CoachingNote>,
    /// 预测调整: the manager's adjustments of reps' forecasts.
    #[serde(default)]
    pub forecast_adjustments: Table<super::forecast::ForecastAdjustment>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Problem;

    fn target(amount: i64, stretch: Option<i64>, challenge: Option<i64>) -> Target {
        Target {
            id: TargetId(1),
            member: None,
            period: Period::month(2026, 1),
            amount: Money::from_major(amount),
            stretch: stretch.map(Money::from_major),
            challenge: challenge.map(Money::from_major),
        }
    }

    #[test]
    fn tiers_must_rise_from_target_to_stretch_to_challenge() {
        assert!(target(100, Some(110), Some(120)).validate().is_empty());
        assert!(target(100, None, Some(100)).validate().is_empty());
        let low_stretch = target(100, Some(90), None).validate();
        assert_eq!(low_stretch.get("stretch"), Some(&Problem::Below("amount")));
        let low_challenge = target(100, Some(120), Some(110)).validate();
        assert_eq!(
            low_challenge.get("challenge"),
            Some(&Problem::Below("stretch"))
        );
        // Without a stretch, the challenge is measured against the target itself.
        let below_target = target(100, None, Some(99)).validate();
        assert_eq!(
            below_target.get("challenge"),
            Some(&Problem::Below("stretch"))
        );
    }

    #[test]
    fn a_target_saved_before_tiers_existed_loads_with_none() {
        let old = "(id: 3, member: None, period: (start: \"2026-01-01\", end: \"2026-01-31\"), amount: 500)";
        let t: Target = ron::from_str(old).unwrap();
        assert_eq!((t.stretch, t.challenge), (None, None));
    }
}
