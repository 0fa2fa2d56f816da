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
    /// Mean days from created to won over the deals won in the period (lower is better).
    AvgCycleDays,
}

impl KpiMetric {
    pub const ALL: [KpiMetric; 7] = [
        KpiMetric::Revenue,
        KpiMetric::DealsWon,
        KpiMetric::WinRate,
        KpiMetric::NewCustomers,
        KpiMetric::Interactions,
        KpiMetric::AvgCycleDays,
        KpiMetric::Manual,
    ];
    /// Whether the target is a monthly figure that grows with the period's months
    /// (revenue, counts); rates and averages are not scaled.
    pub fn per_month(self) -> bool {
        matches!(
            self,
            KpiMetric::Revenue
                | KpiMetric::DealsWon
                | KpiMetric::NewCustomers
                | KpiMetric::Interactions
        )
    }
}

/// A hand-given score of one rep on one KPI for one period (0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualScore {
    pub period: Period,
    pub score: u8,
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
    /// Scores given by hand per rep and period (any metric: a hand score replaces a
    /// computed one only for `Manual` KPIs).
    #[serde(default)]
    pub manual_scores: Vec<(MemberId, ManualScore)>,
}
crate::keyed!(Kpi, KpiId);

impl Kpi {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.range("monthly_target", self.monthly_target, 0, i64::MAX / 2);
        e.range("weight", self.weight as i64, 0, 100);
        for (_, m) in &self.manual_scores {
            e.range("manual_scores", m.score as i64, 0, 100);
        }
        e
    }
}

/// An action agreed in a review, due by a date; it joins the Dashboard's follow-ups
/// until it is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreedAction {
    pub text: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub done: bool,
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
    /// 约定行动: what the rep and the manager agreed to do, each by a date.
    #[serde(default)]
    pub actions: Vec<AgreedAction>,
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
        for a in &self.actions {
            e.required("actions", &a.text);
            e.max_len("actions", &a.text, super::validate::MAX_LINE);
        }
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

/// How a plan's tiers turn revenue into commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CommissionMode {
    /// 全额: the rate of the tier reached applies to all the revenue (plans saved before
    /// modes existed load as this).
    #[default]
    WholeAmount,
    /// 分段累进: each slice of revenue at the rate of the tier it falls in.
    Marginal,
}

impl CommissionMode {
    pub const ALL: [CommissionMode; 2] = [CommissionMode::WholeAmount, CommissionMode::Marginal];
}

/// 激励机制
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommissionPlan {
    pub id: CommissionPlanId,
    pub name: String,
    pub tiers: Vec<CommissionTier>,
    pub members: Vec<MemberId>,
    pub notes: String,
    #[serde(default)]
    pub mode: CommissionMode,
    /// 门槛: below this attainment (%) nothing is paid; none = paid from the first fen.
    #[serde(default)]
    pub threshold_pct: Option<u32>,
    /// 封顶: the most one rep earns in one period; none = no cap.
    #[serde(default)]
    pub cap: Option<Money>,
    /// 加速: revenue above 100 % of the target earns its rate times this (%, e.g. 150);
    /// none = no accelerator.
    #[serde(default)]
    pub accelerator_pct: Option<u32>,
}
crate::keyed!(CommissionPlan, CommissionPlanId);

impl CommissionPlan {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        for t in &self.tiers {
            e.range("tiers", t.rate_bp as i64, 0, 10_000);
            e.range("tiers", t.from_attainment_pct as i64, 0, 1_000);
        }
        if self
            .tiers
            .windows(2)
            .any(|w| w[1].from_attainment_pct <= w[0].from_attainment_pct)
        {
            e.add("tiers", super::validate::Problem::NotAscending);
        }
        if let Some(t) = self.threshold_pct {
            e.range("threshold_pct", t as i64, 0, 1_000);
        }
        if let Some(c) = self.cap {
            e.not_negative("cap", c);
        }
        if let Some(a) = self.accelerator_pct {
            e.range("accelerator_pct", a as i64, 100, 1_000);
        }
        e.max_len("notes", &self.notes, MAX_NOTE);
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

    /// Records as `performance.ron` held them before modes, thresholds, caps,
    /// accelerators, agreed actions and hand scores existed.
    const OLD_FILE: &str = r#"(
        targets: (next_id: 1, rows: []),
        kpis: (next_id: 2, rows: [(id: 1, name: "销售额", metric: Revenue, monthly_target: 100, weight: 40, active: true)]),
        reviews: (next_id: 3, rows: [(id: 2, member: 3, period: (start: "2026-01-01", end: "2026-03-31"),
            due: "2026-04-15", completed: None, scores: [(1, 80)], rating: Some(4),
            strengths: "s", improvements: "i", notes: "n")]),
        commission_plans: (next_id: 5, rows: [(id: 4, name: "标准", tiers: [(from_attainment_pct: 0, rate_bp: 200)],
            members: [3], notes: "")]),
        notes: (next_id: 1, rows: []),
    )"#;

    #[test]
    fn a_performance_file_written_before_commission_modes_loads_whole() {
        let f: PerformanceFile = ron::from_str(OLD_FILE).unwrap();
        let plan = &f.commission_plans.rows[0];
        assert_eq!(plan.mode, CommissionMode::WholeAmount);
        assert_eq!(
            (plan.threshold_pct, plan.cap, plan.accelerator_pct),
            (None, None, None)
        );
        assert_eq!(plan.tiers[0].rate_bp, 200);
        let r = &f.reviews.rows[0];
        assert!(r.actions.is_empty());
        assert_eq!(r.scores, vec![(KpiId(1), 80)]);
        assert!(f.kpis.rows[0].manual_scores.is_empty());
    }

    #[test]
    fn plan_tiers_must_go_up() {
        let mut p: PerformanceFile = ron::from_str(OLD_FILE).unwrap();
        let plan = &mut p.commission_plans.rows[0];
        plan.tiers.push(CommissionTier {
            from_attainment_pct: 0,
            rate_bp: 300,
        });
        assert_eq!(
            plan.validate().get("tiers"),
            Some(&crate::model::Problem::NotAscending)
        );
    }

    #[test]
    fn a_target_saved_before_tiers_existed_loads_with_none() {
        let old = "(id: 3, member: None, period: (start: \"2026-01-01\", end: \"2026-01-31\"), amount: 500)";
        let t: Target = ron::from_str(old).unwrap();
        assert_eq!((t.stretch, t.challenge), (None, None));
    }
}
