//! 销售促进活动: promotion events from plan to review.
//!
//! Schema: the structured plan (audience, segment, products, goals, steps, publicity
//! channels, checklist) was added beside the texts schema 3 stored, each new field
//! `#[serde(default)]`, with no schema bump: the old texts (`target_group`, `goal`,
//! `execution_plan`, `materials`) stay, word for word, as the notes of their structured
//! parts, so nothing a user wrote is moved or cut. [`Promotion::steps_from_plan_text`]
//! and [`Promotion::checklist_from_materials`] offer their lines as steps and items
//! when the user asks; the texts stay as they were.

use super::common::{Money, Table};
use super::marketing::{ChannelId, SegmentId};
use super::team::MemberId;
use super::validate::{Errors, MAX_LINE, MAX_NOTE, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(PromotionId);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PromotionKind {
    /// 促销: 折扣
    Discount,
    /// 促销: 赠品
    Gift,
    /// 体验: 试用
    Trial,
    /// 体验: 体验会
    DemoDay,
    /// 奖励: 竞赛
    Contest,
    /// 奖励: 抽奖
    Lottery,
    /// 合作: 联合营销
    CoMarketing,
    /// 合作: 跨界推广
    CrossIndustry,
}

impl PromotionKind {
    pub const ALL: [PromotionKind; 8] = [
        PromotionKind::Discount,
        PromotionKind::Gift,
        PromotionKind::Trial,
        PromotionKind::DemoDay,
        PromotionKind::Contest,
        PromotionKind::Lottery,
        PromotionKind::CoMarketing,
        PromotionKind::CrossIndustry,
    ];
    /// Which of the four kinds this sub-kind belongs to.
    pub fn group(self) -> KindGroup {
        use PromotionKind::*;
        match self {
            Discount | Gift => KindGroup::Sales,
            Trial | DemoDay => KindGroup::Experience,
            Contest | Lottery => KindGroup::Reward,
            CoMarketing | CrossIndustry => KindGroup::Partner,
        }
    }
}

/// The four kinds of event; each holds two of [`PromotionKind`]'s sub-kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindGroup {
    /// 促销
    Sales,
    /// 体验
    Experience,
    /// 奖励
    Reward,
    /// 合作
    Partner,
}

impl KindGroup {
    pub const ALL: [KindGroup; 4] = [
        KindGroup::Sales,
        KindGroup::Experience,
        KindGroup::Reward,
        KindGroup::Partner,
    ];
    /// Its two sub-kinds, in order.
    pub fn kinds(self) -> [PromotionKind; 2] {
        use PromotionKind::*;
        match self {
            KindGroup::Sales => [Discount, Gift],
            KindGroup::Experience => [Trial, DemoDay],
            KindGroup::Reward => [Contest, Lottery],
            KindGroup::Partner => [CoMarketing, CrossIndustry],
        }
    }
}

/// Where an event stands. Variants are only ever added (a stored enum never loses one):
/// schema 3 knew Planned, Running, Done and Cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PromotionStatus {
    Planned,
    Running,
    Done,
    Cancelled,
    /// Being drafted: not yet committed to.
    Draft,
    /// Done, and its review written.
    Reviewed,
}

impl PromotionStatus {
    /// In the order an event goes through them, cancelled last.
    pub const ALL: [PromotionStatus; 6] = [
        PromotionStatus::Draft,
        PromotionStatus::Planned,
        PromotionStatus::Running,
        PromotionStatus::Done,
        PromotionStatus::Reviewed,
        PromotionStatus::Cancelled,
    ];

    /// The status rules: draft → planned → running → done → reviewed, one step at a
    /// time, and any status before done may be cancelled. Reviewed and cancelled are
    /// final; a cancelled event may be planned again only as a copy.
    pub fn can_move_to(self, to: PromotionStatus) -> bool {
        use PromotionStatus::*;
        matches!(
            (self, to),
            (Draft, Planned)
                | (Planned, Running)
                | (Running, Done)
                | (Done, Reviewed)
                | (Draft | Planned | Running, Cancelled)
        )
    }

    /// Every status this one may move to, in [`PromotionStatus::ALL`]'s order.
    pub fn next(self) -> Vec<PromotionStatus> {
        Self::ALL
            .into_iter()
            .filter(|s| self.can_move_to(*s))
            .collect()
    }

    /// Whether the event is over (its steps no longer come due).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            PromotionStatus::Done | PromotionStatus::Reviewed | PromotionStatus::Cancelled
        )
    }
}

/// 目标群体: who the event is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// 潜在客户
    Prospects,
    /// 现有客户
    Existing,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Prospects, Audience::Existing];
}

/// One step of the execution plan (执行方案).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanStep {
    pub text: String,
    #[serde(default)]
    pub owner: Option<MemberId>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

/// What a checklist item is about (活动执行: 场地, 人员, 物资, or the user's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CheckKind {
    Venue,
    Staff,
    Materials,
    Other,
}

impl CheckKind {
    pub const ALL: [CheckKind; 4] = [
        CheckKind::Venue,
        CheckKind::Staff,
        CheckKind::Materials,
        CheckKind::Other,
    ];
}

/// One item of the execution checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckItem {
    pub kind: CheckKind,
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

/// 活动策划 + 活动执行 + 总结评估 of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    pub id: PromotionId,
    pub name: String,
    pub kind: PromotionKind,
    /// 目标群体, as the user described it (schema 3's only target group; now its notes).
    pub target_group: String,
    /// 主题
    pub theme: String,
    /// 目标, in words (schema 3's only goal; now the notes beside the numeric goals).
    pub goal: String,
    /// 预算
    pub budget: Money,
    /// 时间安排
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// 执行方案 in words (schema 3's only plan; now the notes beside `steps`).
    pub execution_plan: String,
    /// 场地
    pub venue: String,
    /// 人员
    pub staff: Vec<MemberId>,
    /// 物资 in words (schema 3's only list; now the notes beside `checklist`).
    pub materials: String,
    pub status: PromotionStatus,
    /// Leads the event aims to bring.
    pub leads_goal: u32,
    /// 总结评估: the review's lessons.
    pub review: String,
    /// Prospects or existing customers; `None`: not said.
    #[serde(default)]
    pub audience: Option<Audience>,
    /// The segment aimed at; `None`: all customers.
    #[serde(default)]
    pub segment: Option<SegmentId>,
    /// The products it promotes; empty: all products.
    #[serde(default)]
    pub products: Vec<String>,
    /// Won deals the event aims to bring.
    #[serde(default)]
    pub deals_goal: u32,
    /// Revenue the event aims to bring.
    #[serde(default)]
    pub revenue_goal: Money,
    /// The execution plan as steps, each with an owner and a due date.
    #[serde(default)]
    pub steps: Vec<PlanStep>,
    /// 宣传渠道: the marketing channels that publicise it.
    #[serde(default)]
    pub channels: Vec<ChannelId>,
    /// The execution checklist.
    #[serde(default)]
    pub checklist: Vec<CheckItem>,
}
crate::keyed!(Promotion, PromotionId);

/// The most steps or checklist items one event holds.
pub const MAX_ITEMS: usize = 200;

impl Promotion {
    /// A new draft event named `name`, running on `start` only, everything else empty.
    pub fn new(name: &str, kind: PromotionKind, start: NaiveDate) -> Promotion {
        Promotion {
            id: PromotionId(0),
            name: name.into(),
            kind,
            target_group: String::new(),
            theme: String::new(),
            goal: String::new(),
            budget: Money::ZERO,
            start,
            end: start,
            execution_plan: String::new(),
            venue: String::new(),
            staff: Vec::new(),
            materials: String::new(),
            status: PromotionStatus::Draft,
            leads_goal: 0,
            review: String::new(),
            audience: None,
            segment: None,
            products: Vec::new(),
            deals_goal: 0,
            revenue_goal: Money::ZERO,
            steps: Vec::new(),
            channels: Vec::new(),
            checklist: Vec::new(),
        }
    }

    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.not_negative("budget", self.budget);
        e.not_negative("revenue_goal", self.revenue_goal);
        e.not_before("end", Some(self.end), "start", Some(self.start));
        for (f, v) in [
            ("target_group", &self.target_group),
            ("theme", &self.theme),
            ("venue", &self.venue),
        ] {
            e.max_len(f, v, MAX_LINE);
        }
        for (f, v) in [
            ("goal", &self.goal),
            ("execution_plan", &self.execution_plan),
            ("materials", &self.materials),
            ("review", &self.review),
        ] {
            e.max_len(f, v, MAX_NOTE);
        }
        for p in &self.products {
            e.max_len("products", p, MAX_LINE);
        }
        if self.steps.len() > MAX_ITEMS {
            e.add("steps", Problem::TooLong { max: MAX_ITEMS });
        }
        if self.checklist.len() > MAX_ITEMS {
            e.add("checklist", Problem::TooLong { max: MAX_ITEMS });
        }
        for s in &self.steps {
            e.required("steps", &s.text);
            e.max_len("steps", &s.text, MAX_LINE);
        }
        for c in &self.checklist {
            e.required("checklist", &c.text);
            e.max_len("checklist", &c.text, MAX_LINE);
        }
        e
    }

    /// Done / all of the checklist and the plan's steps together (`None`: nothing to do).
    pub fn progress(&self) -> Option<(usize, usize)> {
        let all = self.steps.len() + self.checklist.len();
        let done = self.steps.iter().filter(|s| s.done).count()
            + self.checklist.iter().filter(|c| c.done).count();
        (all > 0).then_some((done, all))
    }

    /// The plan text's lines (split at line breaks and at 。；;) as steps, with no owner
    /// or due date yet, skipping lines already a step. The text itself is not touched.
    pub fn steps_from_plan_text(&self) -> Vec<PlanStep> {
        pieces(&self.execution_plan)
            .filter(|t| !self.steps.iter().any(|s| s.text == *t))
            .map(|text| PlanStep {
                text,
                owner: None,
                due: None,
                done: false,
            })
            .collect()
    }

    /// The materials text's items (split at line breaks and at 、，,；;) as materials
    /// checklist items, skipping those already listed. The text itself is not touched.
    pub fn checklist_from_materials(&self) -> Vec<CheckItem> {
        pieces(&self.materials)
            .filter(|t| !self.checklist.iter().any(|c| c.text == *t))
            .map(|text| CheckItem {
                kind: CheckKind::Materials,
                text,
                done: false,
            })
            .collect()
    }

    /// "Plan a new event like this one": the plan, target group, goals, budget, steps
    /// and checklist copied as a draft starting on `start` (same length; each step due
    /// as many days after the start as before), nothing done, no review.
    pub fn copy_as_draft(&self, start: NaiveDate) -> Promotion {
        let shift = start - self.start;
        Promotion {
            id: PromotionId(0),
            start,
            end: self.end + shift,
            status: PromotionStatus::Draft,
            review: String::new(),
            steps: self
                .steps
                .iter()
                .map(|s| PlanStep {
                    due: s.due.map(|d| d + shift),
                    done: false,
                    ..s.clone()
                })
                .collect(),
            checklist: self
                .checklist
                .iter()
                .map(|c| CheckItem {
                    done: false,
                    ..c.clone()
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// The non-empty trimmed pieces of a text split at line breaks and list punctuation.
fn pieces(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(['\n', '。', '；', ';', '、', '，', ','])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// promotions.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromotionsFile {
    pub promotions: Table<Promotion>,
}

#[cfg(test)]
mod tests {
    use super::PromotionStatus::*;
    use super::*;

    #[test]
    fn status_moves_one_step_forward_or_to_cancelled_before_done() {
        assert_eq!(Draft.next(), [Planned, Cancelled]);
        assert_eq!(Planned.next(), [Running, Cancelled]);
        assert_eq!(Running.next(), [Done, Cancelled]);
        assert_eq!(Done.next(), [Reviewed]);
        assert!(Reviewed.next().is_empty());
        assert!(Cancelled.next().is_empty());
        assert!(!Draft.can_move_to(Running), "no step is skipped");
        assert!(!Done.can_move_to(Running), "no way back");
        assert!(
            !Done.can_move_to(Cancelled),
            "a held event is not cancelled"
        );
    }

    #[test]
    fn every_sub_kind_is_in_exactly_one_of_the_four_kinds() {
        for k in PromotionKind::ALL {
            let holding: Vec<KindGroup> = KindGroup::ALL
                .into_iter()
                .filter(|g| g.kinds().contains(&k))
                .collect();
            assert_eq!(holding, [k.group()]);
        }
    }

    #[test]
    fn plan_text_lines_become_steps_and_the_text_stays() {
        let day: NaiveDate = "2026-08-01".parse().unwrap();
        let mut p = Promotion::new("体验会", PromotionKind::DemoDay, day);
        p.execution_plan = "提前三周电话邀约；上午产品演示\n会后回访。".into();
        p.materials = "演示电脑20台、易拉宝".into();
        let steps: Vec<String> = p
            .steps_from_plan_text()
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(steps, ["提前三周电话邀约", "上午产品演示", "会后回访"]);
        let items: Vec<String> = p
            .checklist_from_materials()
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(items, ["演示电脑20台", "易拉宝"]);
        p.steps = p.steps_from_plan_text();
        assert!(p.steps_from_plan_text().is_empty(), "no step twice");
        assert_eq!(
            p.execution_plan,
            "提前三周电话邀约；上午产品演示\n会后回访。"
        );
    }

    #[test]
    fn a_copy_is_a_draft_with_dates_shifted_and_nothing_done() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut p = Promotion::new("体验会", PromotionKind::DemoDay, day("2026-08-14"));
        p.id = PromotionId(3);
        p.end = day("2026-08-15");
        p.status = Reviewed;
        p.review = "到场52家".into();
        p.budget = Money::from_major(120_000);
        p.steps.push(PlanStep {
            text: "邀约".into(),
            owner: Some(MemberId(2)),
            due: Some(day("2026-07-24")),
            done: true,
        });
        p.checklist.push(CheckItem {
            kind: CheckKind::Venue,
            text: "会议中心".into(),
            done: true,
        });
        let c = p.copy_as_draft(day("2027-03-10"));
        assert_eq!((c.id, c.status), (PromotionId(0), Draft));
        assert_eq!((c.start, c.end), (day("2027-03-10"), day("2027-03-11")));
        assert_eq!(
            c.steps[0].due,
            Some(day("2027-02-17")),
            "21 days before, as before"
        );
        assert_eq!(c.steps[0].owner, Some(MemberId(2)));
        assert!(!c.steps[0].done && !c.checklist[0].done);
        assert_eq!((c.budget, c.review.as_str()), (p.budget, ""));
    }
}
