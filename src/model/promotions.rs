//! 销售促进活动: promotion events from plan to review.

use super::common::{Money, Table};
use super::team::MemberId;
use super::validate::{Errors, MAX_LINE, MAX_NOTE};
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PromotionStatus {
    Planned,
    Running,
    Done,
    Cancelled,
}

impl PromotionStatus {
    pub const ALL: [PromotionStatus; 4] = [
        PromotionStatus::Planned,
        PromotionStatus::Running,
        PromotionStatus::Done,
        PromotionStatus::Cancelled,
    ];
}

/// 活动策划 + 活动执行 + 总结评估 of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    pub id: PromotionId,
    pub name: String,
    pub kind: PromotionKind,
    /// 目标群体
    pub target_group: String,
    /// 主题
    pub theme: String,
    /// 目标
    pub goal: String,
    /// 预算
    pub budget: Money,
    /// 时间安排
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// 执行方案
    pub execution_plan: String,
    /// 场地
    pub venue: String,
    /// 人员
    pub staff: Vec<MemberId>,
    /// 物资
    pub materials: String,
    pub status: PromotionStatus,
    /// Leads the event aims to bring.
    pub leads_goal: u32,
    /// 总结评估
    pub review: String,
}
crate::keyed!(Promotion, PromotionId);

impl Promotion {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.not_negative("budget", self.budget);
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
        e
    }
}

/// promotions.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PromotionsFile {
    pub promotions: Table<Promotion>,
}
