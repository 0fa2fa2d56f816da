//! Frozen copies of the types schemas 1 and 2 stored differently from schema 3, and the
//! step that turns them into today's records (see `migrate.rs`).
//!
//! Schema 3 retyped three fields:
//! - `Deal.source` and `Customer.source` were names (free text); they are now a
//!   [`SourceRef`] to a channel or a promotion event. A name that matches a channel or
//!   an event (trimmed, any case) becomes a link to it; any other name becomes a new
//!   channel of that name, of kind [`ChannelKind::Other`] (其他), so no name is lost.
//! - `Content.published: bool` is now `status`: published → Published, else Planned.
//!
//! Everything else is read with today's types (fields added since carry serde defaults).

use super::error::{FileProblem, StoreError};
use super::files::{self, RECORD_DEPTH};
use super::paths;
use crate::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

/// A deal as schemas 1 and 2 stored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DealV2 {
    pub id: DealId,
    pub external_id: Option<String>,
    pub title: String,
    pub customer: CustomerId,
    pub owner: MemberId,
    pub product: String,
    pub region: String,
    /// A channel or promotion name, or anything the user typed.
    pub source: String,
    pub amount: Money,
    pub stage: Stage,
    pub history: Vec<StageEntry>,
    pub lost: Option<LostInfo>,
    pub probability_override: Option<u8>,
    pub expected_close: Option<NaiveDate>,
    pub original_close: Option<NaiveDate>,
    pub close_slips: u32,
    pub next_step: String,
    pub next_step_due: Option<NaiveDate>,
    pub last_activity: NaiveDate,
    pub notes: String,
}

/// A customer as schemas 1 and 2 stored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerV2 {
    pub id: CustomerId,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub segment: Option<SegmentId>,
    pub owner: Option<MemberId>,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// A channel or promotion name, or anything the user typed.
    pub source: String,
    pub created: NaiveDate,
    #[serde(default)]
    pub annual_potential: Money,
    pub notes: String,
}

/// A content item as schemas 1 and 2 stored it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentV2 {
    pub id: ContentId,
    pub title: String,
    pub kind: ContentKind,
    pub channel: Option<ChannelId>,
    pub date: NaiveDate,
    pub published: bool,
    pub notes: String,
}

/// deals.ron of schema 2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DealsFileV2 {
    pub deals: Table<DealV2>,
}

/// customers.ron of schema 2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomersFileV2 {
    pub customers: Table<CustomerV2>,
    pub contacts: Table<Contact>,
    pub interactions: Table<Interaction>,
    pub feedback: Table<Feedback>,
    pub loyalty: LoyaltyProgram,
    pub loyalty_ledger: Table<LoyaltyEntry>,
}

/// marketing.ron of schema 2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MarketingFileV2 {
    pub research: Table<Research>,
    pub segments: Table<Segment>,
    pub channels: Table<Channel>,
    pub content: Table<ContentV2>,
    pub plans: Table<MarketingPlan>,
    pub market_sizes: Table<MarketSize>,
}

/// The whole workspace as schemas 1 and 2 held it. Schema 1 stored it as one value in
/// `workspace.ron`; schema 2 split the same collections into one file each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceV2 {
    pub settings: Settings,
    pub team: TeamFile,
    pub performance: PerformanceFile,
    pub customers: CustomersFileV2,
    pub deals: DealsFileV2,
    pub marketing: MarketingFileV2,
    pub promotions: PromotionsFile,
    pub budget: BudgetFile,
    pub me: MeFile,
}

/// The files whose types schema 3 changed (the others read with today's types).
pub const RETYPED: [FileKind; 3] = [FileKind::Customers, FileKind::Deals, FileKind::Marketing];

fn table<T>(next_id: u64, rows: Vec<T>) -> Table<T> {
    Table { next_id, rows }
}

impl WorkspaceV2 {
    /// Today's workspace: sources become links (new channels where no channel or event
    /// has the name), content gets its status. The customers' names are resolved first,
    /// then the deals', each in id order, so the new channels' ids are stable.
    pub fn into_workspace(self) -> Workspace {
        let WorkspaceV2 {
            customers: c,
            deals: d,
            marketing: m,
            ..
        } = self;
        let first_new = m
            .channels
            .rows
            .iter()
            .map(|ch| ch.id.0 + 1)
            .max()
            .unwrap_or(1)
            .max(m.channels.next_id);
        let content = m.content.rows.into_iter().map(content_v3).collect();
        let mut marketing = MarketingFile {
            research: m.research,
            segments: m.segments,
            channels: m.channels,
            content: table(m.content.next_id, content),
            plans: m.plans,
            market_sizes: m.market_sizes,
        };
        let mut resolver = SourceResolver::new(&marketing, &self.promotions, |n| {
            ChannelId(first_new + n as u64)
        });
        let customers: Vec<Customer> = c
            .customers
            .rows
            .into_iter()
            .map(|x| {
                let source = resolver.resolve(&x.source);
                customer_v3(x, source)
            })
            .collect();
        let deals: Vec<Deal> = d
            .deals
            .rows
            .into_iter()
            .map(|x| {
                let source = resolver.resolve(&x.source);
                deal_v3(x, source)
            })
            .collect();
        let new_channels = resolver.into_new_channels();
        if !new_channels.is_empty() {
            marketing.channels.next_id = first_new + new_channels.len() as u64;
            marketing.channels.rows.extend(new_channels);
        }
        Workspace {
            settings: Arc::new(self.settings),
            team: Arc::new(self.team),
            performance: Arc::new(self.performance),
            customers: Arc::new(CustomersFile {
                customers: table(c.customers.next_id, customers),
                contacts: c.contacts,
                interactions: c.interactions,
                feedback: c.feedback,
                loyalty: c.loyalty,
                loyalty_ledger: c.loyalty_ledger,
            }),
            deals: Arc::new(DealsFile {
                deals: table(d.deals.next_id, deals),
            }),
            marketing: Arc::new(marketing),
            promotions: Arc::new(self.promotions),
            budget: Arc::new(self.budget),
            me: Arc::new(self.me),
        }
    }
}

fn content_v3(x: ContentV2) -> Content {
    Content {
        id: x.id,
        title: x.title,
        kind: x.kind,
        channel: x.channel,
        date: x.date,
        status: if x.published {
            ContentStatus::Published
        } else {
            ContentStatus::Planned
        },
        owner: None,
        notes: x.notes,
    }
}

// Every schema-2 field is listed; the base gives fields added later their defaults.
#[allow(clippy::needless_update)]
fn customer_v3(x: CustomerV2, source: Option<SourceRef>) -> Customer {
    Customer {
        id: x.id,
        name: x.name,
        industry: x.industry,
        region: x.region,
        segment: x.segment,
        owner: x.owner,
        phone: x.phone,
        email: x.email,
        address: x.address,
        source,
        created: x.created,
        annual_potential: x.annual_potential,
        notes: x.notes,
        ..Customer::new("", x.created)
    }
}

// Every schema-2 field is listed; the base gives fields added later their defaults.
#[allow(clippy::needless_update)]
fn deal_v3(x: DealV2, source: Option<SourceRef>) -> Deal {
    Deal {
        id: x.id,
        external_id: x.external_id,
        title: x.title,
        customer: x.customer,
        owner: x.owner,
        product: x.product,
        region: x.region,
        source,
        amount: x.amount,
        stage: x.stage,
        history: x.history,
        lost: x.lost,
        probability_override: x.probability_override,
        expected_close: x.expected_close,
        original_close: x.original_close,
        close_slips: x.close_slips,
        next_step: x.next_step,
        next_step_due: x.next_step_due,
        last_activity: x.last_activity,
        notes: x.notes,
        ..Deal::new(x.stage, x.last_activity)
    }
}

/// Parses the schema-2 text of `kind` into its slot of `v2`.
pub fn parse_into(v2: &mut WorkspaceV2, kind: FileKind, text: &str) -> Result<(), FileProblem> {
    let f = kind.file_name();
    match kind {
        FileKind::Settings => v2.settings = files::parse(f, text)?,
        FileKind::Team => v2.team = files::parse(f, text)?,
        FileKind::Performance => v2.performance = files::parse(f, text)?,
        FileKind::Customers => v2.customers = files::parse(f, text)?,
        FileKind::Deals => v2.deals = files::parse(f, text)?,
        FileKind::Marketing => v2.marketing = files::parse(f, text)?,
        FileKind::Promotions => v2.promotions = files::parse(f, text)?,
        FileKind::Budget => v2.budget = files::parse(f, text)?,
        FileKind::Me => v2.me = files::parse(f, text)?,
    }
    Ok(())
}

/// The schema-2 text of one file of `v2` (what the schema-1 → 2 split writes).
pub fn to_ron(v2: &WorkspaceV2, kind: FileKind) -> Result<String, StoreError> {
    let f = kind.file_name();
    match kind {
        FileKind::Settings => files::encode(f, &v2.settings, 1),
        FileKind::Team => files::encode(f, &v2.team, RECORD_DEPTH),
        FileKind::Performance => files::encode(f, &v2.performance, RECORD_DEPTH),
        FileKind::Customers => files::encode(f, &v2.customers, RECORD_DEPTH),
        FileKind::Deals => files::encode(f, &v2.deals, RECORD_DEPTH),
        FileKind::Marketing => files::encode(f, &v2.marketing, RECORD_DEPTH),
        FileKind::Promotions => files::encode(f, &v2.promotions, RECORD_DEPTH),
        FileKind::Budget => files::encode(f, &v2.budget, RECORD_DEPTH),
        FileKind::Me => files::encode(f, &v2.me, RECORD_DEPTH),
    }
}

/// Reads every collection file of a schema-2 `dir` (a missing one is empty). The first
/// file that does not read is returned as the problem.
pub fn read(dir: &Path) -> Result<Result<WorkspaceV2, FileProblem>, StoreError> {
    let mut v2 = WorkspaceV2::default();
    for kind in FileKind::ALL {
        match files::read_text(&paths::file_path(dir, kind))? {
            None => {}
            Some(Err(p)) => return Ok(Err(p)),
            Some(Ok(text)) => {
                if let Err(p) = parse_into(&mut v2, kind, &text) {
                    return Ok(Err(p));
                }
            }
        }
    }
    Ok(Ok(v2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A schema-2 workspace: one channel, one event, and sources naming them, naming
    /// something else, and naming nothing.
    fn old() -> WorkspaceV2 {
        let mut v2 = WorkspaceV2::default();
        v2.marketing.channels = table(
            4,
            vec![Channel {
                id: ChannelId(3),
                ..Channel::new("微信公众号", ChannelKind::Online)
            }],
        );
        v2.marketing.content = table(
            3,
            vec![
                ContentV2 {
                    id: ContentId(1),
                    title: "白皮书".into(),
                    kind: ContentKind::ProductIntro,
                    channel: Some(ChannelId(3)),
                    date: day("2026-01-05"),
                    published: true,
                    notes: "n".into(),
                },
                ContentV2 {
                    id: ContentId(2),
                    title: "海报".into(),
                    kind: ContentKind::Promotion,
                    channel: None,
                    date: day("2026-02-05"),
                    published: false,
                    notes: String::new(),
                },
            ],
        );
        let demo = crate::demo::generate(1, crate::demo::DemoSize { deals: 10 }, day("2026-06-01"));
        v2.promotions.promotions = table(
            8,
            vec![Promotion {
                id: PromotionId(7),
                name: "春季体验会".into(),
                ..demo.promotions.promotions.rows[0].clone()
            }],
        );
        let customer = |id, source: &str| CustomerV2 {
            id: CustomerId(id),
            name: format!("客户{id}"),
            industry: String::new(),
            region: String::new(),
            segment: None,
            owner: None,
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            source: source.into(),
            created: day("2026-01-01"),
            annual_potential: Money::ZERO,
            notes: String::new(),
        };
        v2.customers.customers = table(
            3,
            vec![customer(1, "老客户推荐"), customer(2, " 微信公众号")],
        );
        let deal = |id, source: &str| DealV2 {
            id: DealId(id),
            external_id: None,
            title: format!("商机{id}"),
            customer: CustomerId(1),
            owner: MemberId(1),
            product: String::new(),
            region: String::new(),
            source: source.into(),
            amount: Money::from_major(1000),
            stage: Stage::Lead,
            history: vec![StageEntry {
                stage: Stage::Lead,
                date: day("2026-01-02"),
            }],
            lost: None,
            probability_override: None,
            expected_close: None,
            original_close: None,
            close_slips: 0,
            next_step: String::new(),
            next_step_due: None,
            last_activity: day("2026-01-02"),
            notes: "备注".into(),
        };
        v2.deals.deals = table(
            5,
            vec![
                deal(1, "春季体验会"),
                deal(2, "老客户推荐"),
                deal(3, ""),
                deal(4, "Trade show"),
            ],
        );
        v2
    }

    #[test]
    fn source_names_become_links_and_unknown_names_become_channels_of_kind_other() {
        let ws = old().into_workspace();
        let c = &ws.customers.customers;
        // The first unknown name, on customer 1, becomes channel 4 (after the highest).
        assert_eq!(
            c.get(CustomerId(1)).unwrap().source,
            Some(SourceRef::Channel(ChannelId(4)))
        );
        assert_eq!(
            c.get(CustomerId(2)).unwrap().source,
            Some(SourceRef::Channel(ChannelId(3)))
        );
        let d = |id| ws.deals.deals.get(DealId(id)).unwrap().source;
        assert_eq!(d(1), Some(SourceRef::Promotion(PromotionId(7))));
        assert_eq!(
            d(2),
            Some(SourceRef::Channel(ChannelId(4))),
            "one channel per name"
        );
        assert_eq!(d(3), None);
        assert_eq!(d(4), Some(SourceRef::Channel(ChannelId(5))));
        // Nothing the user wrote is lost: every name is a channel's or an event's name.
        let names: Vec<(u64, &str, ChannelKind)> = ws
            .marketing
            .channels
            .iter()
            .map(|c| (c.id.0, c.name.as_str(), c.kind))
            .collect();
        assert_eq!(
            names,
            [
                (3, "微信公众号", ChannelKind::Online),
                (4, "老客户推荐", ChannelKind::Other),
                (5, "Trade show", ChannelKind::Other),
            ]
        );
        assert_eq!(ws.marketing.channels.next_id, 6);
        for (old, new) in old().deals.deals.rows.iter().zip(&ws.deals.deals.rows) {
            let name = new.source.map_or("", |s| ws.source_name(s));
            assert_eq!(name, old.source.trim());
            assert_eq!(
                (new.title.as_str(), new.notes.as_str()),
                (old.title.as_str(), "备注")
            );
        }
        // (The small workspace has no members: only the source links are checked.)
        let dangling = ws.dangling(&Default::default());
        assert!(dangling.iter().all(|d| d.field != "source"), "{dangling:?}");
    }

    #[test]
    fn published_content_stays_published_and_the_rest_is_planned() {
        let ws = old().into_workspace();
        let status: Vec<ContentStatus> = ws.marketing.content.iter().map(|c| c.status).collect();
        assert_eq!(status, [ContentStatus::Published, ContentStatus::Planned]);
        assert_eq!(ws.marketing.content.rows[0].notes, "n");
    }

    #[test]
    fn schema_2_text_round_trips_through_the_frozen_types() {
        let v2 = old();
        let mut back = WorkspaceV2::default();
        for kind in FileKind::ALL {
            parse_into(&mut back, kind, &to_ron(&v2, kind).unwrap()).unwrap();
        }
        assert_eq!(back, v2);
    }
}
