//! 营销策略: market research, target segments, channels, content, plans, market sizes.

use super::common::{Money, Period, Table};
use super::validate::{Errors, MAX_LINE, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(ResearchId);
crate::define_id!(SegmentId);
crate::define_id!(ChannelId);
crate::define_id!(ContentId);
crate::define_id!(MarketingPlanId);
crate::define_id!(MarketSizeId);

/// 市场调研
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Research {
    pub id: ResearchId,
    pub title: String,
    pub date: NaiveDate,
    pub source: String,
    pub findings: String,
    pub segment: Option<SegmentId>,
}
crate::keyed!(Research, ResearchId);

impl Research {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.max_len("source", &self.source, MAX_LINE);
        e.max_len("findings", &self.findings, MAX_NOTE);
        e
    }
}

/// 目标客户定位
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub id: SegmentId,
    pub name: String,
    pub criteria: String,
    pub needs: String,
}
crate::keyed!(Segment, SegmentId);

impl Segment {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("criteria", &self.criteria, MAX_NOTE);
        e.max_len("needs", &self.needs, MAX_NOTE);
        e
    }
}

/// 营销渠道
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChannelKind {
    /// 线上平台
    Online,
    /// 线下活动
    OfflineEvent,
    /// 口碑营销
    WordOfMouth,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 3] = [
        ChannelKind::Online,
        ChannelKind::OfflineEvent,
        ChannelKind::WordOfMouth,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub id: ChannelId,
    pub name: String,
    pub kind: ChannelKind,
    pub notes: String,
    pub active: bool,
}
crate::keyed!(Channel, ChannelId);

impl Channel {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// 营销内容
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContentKind {
    /// 产品介绍
    ProductIntro,
    /// 促销活动
    Promotion,
    /// 品牌故事
    BrandStory,
}

impl ContentKind {
    pub const ALL: [ContentKind; 3] = [
        ContentKind::ProductIntro,
        ContentKind::Promotion,
        ContentKind::BrandStory,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub id: ContentId,
    pub title: String,
    pub kind: ContentKind,
    pub channel: Option<ChannelId>,
    pub date: NaiveDate,
    pub published: bool,
    pub notes: String,
}
crate::keyed!(Content, ContentId);

impl Content {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// A marketing plan for a period: goal, segments, channels and budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarketingPlan {
    pub id: MarketingPlanId,
    pub name: String,
    pub period: Period,
    pub goal: String,
    pub segments: Vec<SegmentId>,
    pub channels: Vec<ChannelId>,
    pub budget: Money,
    pub notes: String,
}
crate::keyed!(MarketingPlan, MarketingPlanId);

impl MarketingPlan {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.not_negative("budget", self.budget);
        e.not_before(
            "end",
            Some(self.period.end),
            "start",
            Some(self.period.start),
        );
        e.max_len("goal", &self.goal, MAX_NOTE);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

/// The size of the market (all sellers' revenue) for a segment and period, from research;
/// market share = own revenue / this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarketSize {
    pub id: MarketSizeId,
    /// None = the whole market the team sells into.
    pub segment: Option<SegmentId>,
    pub period: Period,
    pub size: Money,
    pub source: String,
}
crate::keyed!(MarketSize, MarketSizeId);

impl MarketSize {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_negative("size", self.size);
        e.not_before(
            "end",
            Some(self.period.end),
            "start",
            Some(self.period.start),
        );
        e
    }
}

/// marketing.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarketingFile {
    pub research: Table<Research>,
    pub segments: Table<Segment>,
    pub channels: Table<Channel>,
    pub content: Table<Content>,
    pub plans: Table<MarketingPlan>,
    pub market_sizes: Table<MarketSize>,
}
