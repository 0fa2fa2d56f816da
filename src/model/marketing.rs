//! 营销策略: market research, target segments, channels, content, plans, market sizes.

use super::common::{Money, Period, Table};
use super::promotions::PromotionId;
use super::team::MemberId;
use super::validate::{Errors, MAX_LINE, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(ResearchId);
crate::define_id!(SegmentId);
crate::define_id!(ChannelId);
crate::define_id!(ContentId);
crate::define_id!(MarketingPlanId);
crate::define_id!(MarketSizeId);

/// What a research note is about (市场调研: competitors, trends, customer needs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ResearchKind {
    /// 竞争对手
    Competitor,
    /// 市场趋势
    Trend,
    /// 客户需求
    CustomerNeed,
    /// 其他 (notes written before research had kinds)
    #[default]
    Other,
}

impl ResearchKind {
    pub const ALL: [ResearchKind; 4] = [
        ResearchKind::Competitor,
        ResearchKind::Trend,
        ResearchKind::CustomerNeed,
        ResearchKind::Other,
    ];
}

/// 市场调研: one note, with where it came from (`source`) and when (`date`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Research {
    pub id: ResearchId,
    pub title: String,
    pub date: NaiveDate,
    pub source: String,
    pub findings: String,
    pub segment: Option<SegmentId>,
    #[serde(default)]
    pub kind: ResearchKind,
    /// The competitor's name (competitor notes).
    #[serde(default)]
    pub competitor: String,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub weaknesses: String,
    /// Their prices, as the note found them (free text: "¥3.8万/年起").
    #[serde(default)]
    pub prices: String,
    /// What they did lately.
    #[serde(default)]
    pub recent_moves: String,
}
crate::keyed!(Research, ResearchId);

impl Research {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.max_len("source", &self.source, MAX_LINE);
        e.max_len("competitor", &self.competitor, MAX_LINE);
        e.max_len("prices", &self.prices, MAX_LINE);
        for (f, v) in [
            ("findings", &self.findings),
            ("strengths", &self.strengths),
            ("weaknesses", &self.weaknesses),
            ("recent_moves", &self.recent_moves),
        ] {
            e.max_len(f, v, MAX_NOTE);
        }
        e
    }
    /// Every word of the note, for search.
    pub fn text(&self) -> [&str; 8] {
        [
            &self.title,
            &self.source,
            &self.findings,
            &self.competitor,
            &self.strengths,
            &self.weaknesses,
            &self.prices,
            &self.recent_moves,
        ]
    }
}

/// 目标客户定位
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub id: SegmentId,
    pub name: String,
    pub criteria: String,
    pub needs: String,
    /// 定位: how we want this segment to see us.
    #[serde(default)]
    pub positioning: String,
}
crate::keyed!(Segment, SegmentId);

impl Segment {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("criteria", &self.criteria, MAX_NOTE);
        e.max_len("needs", &self.needs, MAX_NOTE);
        e.max_len("positioning", &self.positioning, MAX_NOTE);
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
    /// 其他: also every source name the schema-3 upgrade or an import found no channel
    /// or event for.
    Other,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 4] = [
        ChannelKind::Online,
        ChannelKind::OfflineEvent,
        ChannelKind::WordOfMouth,
        ChannelKind::Other,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub id: ChannelId,
    pub name: String,
    pub kind: ChannelKind,
    pub notes: String,
    pub active: bool,
    /// The planned budget of a year.
    #[serde(default)]
    pub planned_budget: Money,
}
crate::keyed!(Channel, ChannelId);

impl Channel {
    /// A new active channel named `name` (id 0: the apply path gives it its id).
    pub fn new(name: impl Into<String>, kind: ChannelKind) -> Channel {
        Channel {
            id: ChannelId(0),
            name: name.into(),
            kind,
            notes: String::new(),
            active: true,
            planned_budget: Money::ZERO,
        }
    }
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("name", &self.name, MAX_LINE);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e.not_negative("planned_budget", self.planned_budget);
        e
    }
}

/// Where a deal or a customer came from, and what an expense was spent on: a channel
/// or a promotion event. One link type for all three, so returns and costs meet by id.
/// (The variant names are the ones expenses stored before deals used this.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SourceRef {
    Channel(ChannelId),
    /// A promotion event (促销活动).
    Promotion(PromotionId),
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
    /// 其他
    Other,
}

impl ContentKind {
    pub const ALL: [ContentKind; 4] = [
        ContentKind::ProductIntro,
        ContentKind::Promotion,
        ContentKind::BrandStory,
        ContentKind::Other,
    ];
}

/// Where a content item is: idea → planned → published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContentStatus {
    Idea,
    Planned,
    Published,
}

impl ContentStatus {
    pub const ALL: [ContentStatus; 3] = [
        ContentStatus::Idea,
        ContentStatus::Planned,
        ContentStatus::Published,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub id: ContentId,
    pub title: String,
    pub kind: ContentKind,
    pub channel: Option<ChannelId>,
    pub date: NaiveDate,
    /// Schema 2 stored `published: bool`; the upgrade made it Published or Planned.
    pub status: ContentStatus,
    #[serde(default)]
    pub owner: Option<MemberId>,
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
