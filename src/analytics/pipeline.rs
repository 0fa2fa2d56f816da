//! The Pipeline page's figures: the board (per stage: count, total and weighted amount,
//! and the cards in order), the list view's sorted rows, and the filter choices.
//!
//! Everything here is one pass over the deals plus a sort of the ids that pass the
//! filter; the page caches the result by (revision, filter, order), so a frame only
//! reads the visible slice of each column.

use super::filter::{DealFilter, FilterChoices};
use super::reminders::stale_deals;
use crate::model::{Deal, DealId, Money, SourceRef, Stage, Workspace, days_between};
use chrono::NaiveDate;
use std::cmp::{Ordering, Reverse};
use std::collections::HashMap;

/// What the board and the list show: the rep / region / product / source conditions,
/// a created-date range, stale deals only, and a text matched in title or customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PipelineFilter {
    pub deals: DealFilter,
    /// First day of the created-date range (inclusive).
    pub created_from: Option<NaiveDate>,
    /// Last day of the created-date range (inclusive).
    pub created_to: Option<NaiveDate>,
    /// Only open deals past their stage's stale limit.
    pub stale_only: bool,
    /// Matched case-insensitively in the deal's title and its customer's name.
    pub text: String,
}

impl PipelineFilter {
    pub fn is_all(&self) -> bool {
        *self == PipelineFilter::default()
    }

    /// `stale` tells whether the deal is past its stage's limit (from [`Board::stale`]).
    pub fn matches(&self, ws: &Workspace, d: &Deal, stale: bool) -> bool {
        if !self.deals.matches(d) || (self.stale_only && !stale) {
            return false;
        }
        let created = d.created();
        if self.created_from.is_some_and(|f| created < f)
            || self.created_to.is_some_and(|t| created > t)
        {
            return false;
        }
        let q = self.text.trim();
        if q.is_empty() {
            return true;
        }
        let q = q.to_lowercase();
        d.title.to_lowercase().contains(&q)
            || ws.customer_name(d.customer).to_lowercase().contains(&q)
    }
}

/// The order of the cards inside each board column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CardOrder {
    /// Largest amount first.
    #[default]
    Amount,
    /// Longest without activity first (what needs a nudge).
    Idle,
    /// Earliest expected close first; deals without a date last.
    Closing,
    /// Longest in the current stage first.
    StageAge,
}

impl CardOrder {
    pub const ALL: [CardOrder; 4] = [
        CardOrder::Amount,
        CardOrder::Idle,
        CardOrder::Closing,
        CardOrder::StageAge,
    ];
}

/// How far an open deal is past its stage's "days without activity" limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Staleness {
    pub idle_days: i64,
    pub limit: u32,
}

/// One board column: a stage with its figures and its cards in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardColumn {
    pub stage: Stage,
    pub count: usize,
    pub total: Money,
    /// Sum of amount × probability (the override, else the stage default; won 100 %,
    /// lost 0 %).
    pub weighted: Money,
    /// How many of the cards are stale.
    pub stale: usize,
    pub ids: Vec<DealId>,
}

/// The whole board for one filter and order.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// One column per stage, in [`Stage::ALL`] order.
    pub columns: Vec<BoardColumn>,
    /// Every stale open deal of the workspace (not only the filtered ones).
    pub stale: HashMap<DealId, Staleness>,
}

impl Board {
    pub fn column(&self, stage: Stage) -> &BoardColumn {
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        &self.columns[i]
    }
    /// Where a deal's card is: its stage and row, if the filter lets it through.
    pub fn position(&self, id: DealId) -> Option<(Stage, usize)> {
        self.columns.iter().find_map(|c| {
            c.ids
                .iter()
                .position(|x| *x == id)
                .map(|row| (c.stage, row))
        })
    }
    /// Weighted amount of the open columns (the weighted pipeline of the filter).
    pub fn open_weighted(&self) -> Money {
        self.columns
            .iter()
            .filter(|c| c.stage.is_open())
            .map(|c| c.weighted)
            .sum()
    }
    pub fn shown(&self) -> usize {
        self.columns.iter().map(|c| c.count).sum()
    }
}

/// Every open deal past its stage's limit, keyed by id (the same rule as the
/// Dashboard's reminders, see [`stale_deals`]).
pub fn stale_map(ws: &Workspace, today: NaiveDate) -> HashMap<DealId, Staleness> {
    stale_deals(ws, today)
        .into_iter()
        .map(|s| {
            (
                s.deal,
                Staleness {
                    idle_days: s.idle_days,
                    limit: s.limit,
                },
            )
        })
        .collect()
}

/// The board: per stage the count, total and weighted amount of the deals that pass
/// `filter`, and their ids sorted by `order` (ties by id).
pub fn board(ws: &Workspace, today: NaiveDate, filter: &PipelineFilter, order: CardOrder) -> Board {
    let stale = stale_map(ws, today);
    let defaults = &ws.settings.stage_probability;
    let mut columns: Vec<BoardColumn> = Stage::ALL
        .iter()
        .map(|&stage| BoardColumn {
            stage,
            count: 0,
            total: Money::ZERO,
            weighted: Money::ZERO,
            stale: 0,
            ids: Vec::new(),
        })
        .collect();
    let mut members: Vec<Vec<&Deal>> = vec![Vec::new(); Stage::ALL.len()];
    for d in ws.deals.deals.iter() {
        let is_stale = stale.contains_key(&d.id);
        if !filter.matches(ws, d, is_stale) {
            continue;
        }
        let i = stage_index(d.stage);
        let c = &mut columns[i];
        c.count += 1;
        c.total += d.amount;
        c.weighted += d.weighted(defaults);
        if is_stale {
            c.stale += 1;
        }
        members[i].push(d);
    }
    for (c, mut deals) in columns.iter_mut().zip(members) {
        match order {
            CardOrder::Amount => deals.sort_by_key(|d| (Reverse(d.amount), d.id)),
            CardOrder::Idle => deals.sort_by_key(|d| (d.last_activity, d.id)),
            CardOrder::Closing => {
                deals.sort_by_key(|d| (d.expected_close.is_none(), d.expected_close, d.id))
            }
            CardOrder::StageAge => deals.sort_by_key(|d| (d.stage_since(), d.id)),
        }
        c.ids = deals.into_iter().map(|d| d.id).collect();
    }
    Board { columns, stale }
}

fn stage_index(s: Stage) -> usize {
    Stage::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// Days a deal has been in its current stage.
pub fn days_in_stage(d: &Deal, today: NaiveDate) -> i64 {
    days_between(d.stage_since(), today).max(0)
}

/// The list view's sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ListColumn {
    Title,
    Customer,
    Stage,
    #[default]
    Amount,
    Probability,
    Weighted,
    Owner,
    ExpectedClose,
    DaysInStage,
    NextStepDue,
}

/// The ids of the deals that pass `filter`, sorted by `column` (ties by id). Deals
/// without the sorted date come last either way.
pub fn deal_rows(
    ws: &Workspace,
    today: NaiveDate,
    filter: &PipelineFilter,
    column: ListColumn,
    descending: bool,
) -> Vec<DealId> {
    let stale = stale_map(ws, today);
    let defaults = &ws.settings.stage_probability;
    let mut rows: Vec<&Deal> = ws
        .deals
        .deals
        .iter()
        .filter(|d| filter.matches(ws, d, stale.contains_key(&d.id)))
        .collect();
    let dir = |o: Ordering| if descending { o.reverse() } else { o };
    // Dates that may be missing: compare present ones in the chosen direction, put the
    // missing ones last.
    let opt_date = |a: Option<NaiveDate>, b: Option<NaiveDate>| match (a, b) {
        (Some(x), Some(y)) => dir(x.cmp(&y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    // Names sort by pinyin: each row's place among the names, worked out once.
    let rank = match column {
        ListColumn::Title => {
            crate::hanzi::ranks(rows.iter().map(|d: &&Deal| (d.id, d.title.as_str())))
        }
        ListColumn::Customer => crate::hanzi::ranks(
            rows.iter()
                .map(|d: &&Deal| (d.id, ws.customer_name(d.customer))),
        ),
        ListColumn::Owner => {
            crate::hanzi::ranks(rows.iter().map(|d: &&Deal| (d.id, ws.member_name(d.owner))))
        }
        _ => Default::default(),
    };
    rows.sort_by(|a, b| {
        let o = match column {
            ListColumn::Title | ListColumn::Customer | ListColumn::Owner => {
                dir(rank[&a.id].cmp(&rank[&b.id]))
            }
            ListColumn::Stage => dir(stage_index(a.stage).cmp(&stage_index(b.stage))),
            ListColumn::Amount => dir(a.amount.cmp(&b.amount)),
            ListColumn::Probability => dir(a.probability(defaults).cmp(&b.probability(defaults))),
            ListColumn::Weighted => dir(a.weighted(defaults).cmp(&b.weighted(defaults))),
            ListColumn::ExpectedClose => opt_date(a.expected_close, b.expected_close),
            ListColumn::DaysInStage => dir(b.stage_since().cmp(&a.stage_since())),
            ListColumn::NextStepDue => opt_date(a.next_step_due, b.next_step_due),
        };
        o.then(a.id.cmp(&b.id))
    });
    rows.into_iter().map(|d| d.id).collect()
}

/// Regions, products and sources found on deals, plus the team's regions and product
/// lines and the marketing channels and promotions (so a new deal can pick them).
pub fn pipeline_choices(ws: &Workspace) -> FilterChoices {
    let setup = &ws.team.setup;
    FilterChoices::gather(
        ws,
        setup.regions.iter().map(String::as_str),
        setup.product_lines.iter().map(String::as_str),
        ws.marketing
            .channels
            .iter()
            .filter(|c| c.active)
            .map(|c| SourceRef::Channel(c.id))
            .chain(
                ws.promotions
                    .promotions
                    .iter()
                    .map(|p| SourceRef::Promotion(p.id)),
            ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::{Channel, ChannelId, ChannelKind, Customer, CustomerId, MemberId, Table};
    use Stage::*;
    use std::sync::Arc;

    fn with_override(mut x: Deal, p: u8) -> Deal {
        x.probability_override = Some(p);
        x
    }

    #[test]
    fn columns_count_total_and_weigh_each_stage() {
        // Defaults: lead 10, needs 25, quote 50, contract 80.
        let ws = ws_with(vec![
            with_amount(deal(1, &[(Lead, "2026-03-01")]), 1000),
            with_amount(deal(2, &[(Lead, "2026-03-02")]), 3000),
            with_override(
                with_amount(
                    deal(3, &[(Lead, "2026-03-01"), (Quote, "2026-03-05")]),
                    2000,
                ),
                70,
            ),
            with_amount(deal(4, &[(Lead, "2026-01-01"), (Won, "2026-02-01")]), 5000),
            with_amount(deal(5, &[(Lead, "2026-01-01"), (Lost, "2026-02-01")]), 700),
        ]);
        let b = board(
            &ws,
            d("2026-03-10"),
            &PipelineFilter::default(),
            CardOrder::Amount,
        );
        assert_eq!(b.columns.len(), 6);
        let lead = b.column(Lead);
        assert_eq!(
            (lead.count, lead.total, lead.weighted),
            (2, Money::from_major(4000), Money::from_major(400))
        );
        assert_eq!(lead.ids, [DealId(2), DealId(1)], "largest first");
        let quote = b.column(Quote);
        assert_eq!(
            quote.weighted,
            Money::from_major(1400),
            "the override beats the stage default"
        );
        assert_eq!(b.column(Won).weighted, Money::from_major(5000));
        assert_eq!(b.column(Lost).weighted, Money::ZERO);
        assert_eq!(b.column(Needs).count, 0);
        assert_eq!(b.open_weighted(), Money::from_major(1800));
        assert_eq!(b.position(DealId(1)), Some((Lead, 1)));
        assert_eq!(b.shown(), 5);
    }

    #[test]
    fn stale_deals_are_found_with_the_reminders_rule_and_can_be_the_only_ones_shown() {
        // Lead limit is 14 days.
        let mut quiet = deal(1, &[(Lead, "2026-01-01")]);
        quiet.last_activity = d("2026-01-01");
        let mut busy = deal(2, &[(Lead, "2026-01-01")]);
        busy.last_activity = d("2026-01-10");
        let ws = ws_with(vec![quiet, busy]);
        let today = d("2026-01-20");
        let b = board(&ws, today, &PipelineFilter::default(), CardOrder::Idle);
        assert_eq!(
            b.stale.get(&DealId(1)),
            Some(&Staleness {
                idle_days: 19,
                limit: 14
            })
        );
        assert!(!b.stale.contains_key(&DealId(2)));
        assert_eq!(b.column(Lead).stale, 1);
        assert_eq!(
            b.column(Lead).ids,
            [DealId(1), DealId(2)],
            "longest idle first"
        );
        let only = PipelineFilter {
            stale_only: true,
            ..Default::default()
        };
        assert_eq!(
            board(&ws, today, &only, CardOrder::Amount).column(Lead).ids,
            [DealId(1)]
        );
        assert_eq!(
            deal_rows(&ws, today, &only, ListColumn::Amount, false),
            [DealId(1)]
        );
    }

    #[test]
    fn filters_combine_rep_dates_and_text() {
        let mut a = deal(1, &[(Lead, "2026-01-05")]);
        a.title = "ERP 升级".into();
        let mut b = deal(2, &[(Lead, "2026-02-05")]);
        b.owner = MemberId(2);
        let c = deal(3, &[(Lead, "2026-03-05")]);
        let mut ws = ws_with(vec![a, b, c]);
        Arc::make_mut(&mut ws.customers).customers.put(Customer {
            id: CustomerId(1),
            ..Customer::new("华东物流", d("2025-01-01"))
        });
        let today = d("2026-03-06");
        let ids = |f: &PipelineFilter| deal_rows(&ws, today, f, ListColumn::Title, false);
        let rep = PipelineFilter {
            deals: DealFilter::owner(MemberId(2)),
            ..Default::default()
        };
        assert_eq!(ids(&rep), [DealId(2)]);
        let range = PipelineFilter {
            created_from: Some(d("2026-02-01")),
            created_to: Some(d("2026-03-05")),
            ..Default::default()
        };
        assert_eq!(ids(&range), [DealId(2), DealId(3)]);
        let text = PipelineFilter {
            text: "erp".into(),
            ..Default::default()
        };
        assert_eq!(ids(&text), [DealId(1)]);
        let customer = PipelineFilter {
            text: "华东".into(),
            ..Default::default()
        };
        assert_eq!(ids(&customer).len(), 3);
        assert!(PipelineFilter::default().is_all() && !text.is_all());
    }

    #[test]
    fn list_rows_sort_either_way_with_missing_dates_last() {
        let mut a = with_amount(deal(1, &[(Lead, "2026-01-01")]), 300);
        a.expected_close = Some(d("2026-05-01"));
        let b = with_amount(deal(2, &[(Lead, "2026-01-01")]), 100);
        let mut c = with_amount(deal(3, &[(Lead, "2026-01-01"), (Quote, "2026-02-01")]), 200);
        c.expected_close = Some(d("2026-04-01"));
        let ws = ws_with(vec![a, b, c]);
        let today = d("2026-02-10");
        let f = PipelineFilter::default();
        let rows = |col, desc| deal_rows(&ws, today, &f, col, desc);
        assert_eq!(
            rows(ListColumn::Amount, false),
            [DealId(2), DealId(3), DealId(1)]
        );
        assert_eq!(
            rows(ListColumn::Amount, true),
            [DealId(1), DealId(3), DealId(2)]
        );
        assert_eq!(
            rows(ListColumn::ExpectedClose, false),
            [DealId(3), DealId(1), DealId(2)]
        );
        assert_eq!(
            rows(ListColumn::ExpectedClose, true),
            [DealId(1), DealId(3), DealId(2)]
        );
        assert_eq!(
            rows(ListColumn::Stage, true),
            [DealId(3), DealId(1), DealId(2)]
        );
        // Days in stage: the deal that entered its stage earliest has been there longest.
        assert_eq!(rows(ListColumn::DaysInStage, true)[2], DealId(3));
        assert_eq!(
            days_in_stage(ws.deals.deals.get(DealId(3)).unwrap(), today),
            9
        );
    }

    #[test]
    fn closing_order_puts_undated_deals_last() {
        let mut a = deal(1, &[(Lead, "2026-01-01")]);
        a.expected_close = Some(d("2026-06-01"));
        let b = deal(2, &[(Lead, "2026-01-01")]);
        let mut c = deal(3, &[(Lead, "2026-01-01")]);
        c.expected_close = Some(d("2026-03-01"));
        let ws = ws_with(vec![a, b, c]);
        let bd = board(
            &ws,
            d("2026-01-02"),
            &PipelineFilter::default(),
            CardOrder::Closing,
        );
        assert_eq!(bd.column(Lead).ids, [DealId(3), DealId(1), DealId(2)]);
    }

    #[test]
    fn choices_are_distinct_sorted_and_skip_blanks() {
        let mut a = deal(1, &[(Lead, "2026-01-01")]);
        a.region = "华东".into();
        a.source = Some(SourceRef::Channel(ChannelId(1)));
        let mut b = deal(2, &[(Lead, "2026-01-01")]);
        b.region = "华北".into();
        b.source = Some(SourceRef::Channel(ChannelId(1)));
        let mut ws = ws_with(vec![a, b]);
        std::sync::Arc::make_mut(&mut ws.marketing).channels = Table {
            next_id: 2,
            rows: vec![Channel {
                id: ChannelId(1),
                ..Channel::new("展会", ChannelKind::OfflineEvent)
            }],
        };
        let c = pipeline_choices(&ws);
        assert_eq!(c.regions, ["华东", "华北"]);
        assert_eq!(
            c.sources,
            [(SourceRef::Channel(ChannelId(1)), "展会".to_string())]
        );
        assert!(c.products.is_empty());
    }
}
