//! 营销效果评估: what each channel and promotion event cost and brought in a period.
//!
//! - leads (`deals`): deals created in the period whose source is the channel or event;
//! - `won_count`, `revenue`: its deals won in the period;
//! - `cost`: expenses linked to it, dated in the period;
//! - cost per lead = cost ÷ leads, cost per won deal = cost ÷ won, and
//!   ROI = (revenue − cost) ÷ cost; each `None` when there is nothing to divide by.

use super::ratio;
use crate::model::{MarketSizeId, Money, Period, SegmentId, SourceRef, Stage, Workspace};
use std::collections::HashMap;

/// The figures of one channel or event.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFigures {
    pub source: SourceRef,
    pub name: String,
    /// The planned budget: a channel's yearly plan, an event's budget.
    pub planned: Money,
    /// Leads: deals created in the period.
    pub deals: u64,
    pub won_count: u64,
    pub revenue: Money,
    pub cost: Money,
}

impl SourceFigures {
    /// Minor units per lead.
    pub fn cost_per_lead(&self) -> Option<f64> {
        ratio(self.cost.0 as f64, self.deals as f64)
    }
    /// Minor units per won deal.
    pub fn cost_per_won(&self) -> Option<f64> {
        ratio(self.cost.0 as f64, self.won_count as f64)
    }
    /// (revenue − cost) ÷ cost; `None` when nothing was spent.
    pub fn roi(&self) -> Option<f64> {
        ratio((self.revenue - self.cost).0 as f64, self.cost.0 as f64)
    }
    /// Whether anything happened in the period (deals, wins or cost).
    pub fn is_active(&self) -> bool {
        self.deals > 0 || self.won_count > 0 || self.cost.0 != 0
    }
}

#[derive(Default)]
struct Tally {
    deals: u64,
    won: u64,
    revenue: Money,
    cost: Money,
}

/// Every channel, then every promotion event, with its figures for `period` (in table
/// order). One pass over the deals and one over the expenses.
pub fn source_figures(ws: &Workspace, period: Period) -> Vec<SourceFigures> {
    let mut t: HashMap<SourceRef, Tally> = HashMap::new();
    for d in ws.deals.deals.iter() {
        let Some(s) = d.source else { continue };
        let created = period.contains(d.created());
        let won = d.stage == Stage::Won && period.contains(d.stage_since());
        if created || won {
            let x = t.entry(s).or_default();
            x.deals += created as u64;
            if won {
                x.won += 1;
                x.revenue += d.amount;
            }
        }
    }
    for e in ws.budget.expenses.iter() {
        if let Some(s) = e.link
            && period.contains(e.date)
        {
            t.entry(s).or_default().cost += e.amount;
        }
    }
    let channels = ws
        .marketing
        .channels
        .iter()
        .map(|c| (SourceRef::Channel(c.id), c.name.as_str(), c.planned_budget));
    let events = ws
        .promotions
        .promotions
        .iter()
        .map(|p| (SourceRef::Promotion(p.id), p.name.as_str(), p.budget));
    channels
        .chain(events)
        .map(|(source, name, planned)| {
            let x = t.remove(&source).unwrap_or_default();
            SourceFigures {
                source,
                name: name.to_string(),
                planned,
                deals: x.deals,
                won_count: x.won,
                revenue: x.revenue,
                cost: x.cost,
            }
        })
        .collect()
}

/// The channels only (the Marketing page's table).
pub fn channel_figures(ws: &Workspace, period: Period) -> Vec<SourceFigures> {
    source_figures(ws, period)
        .into_iter()
        .filter(|f| matches!(f.source, SourceRef::Channel(_)))
        .collect()
}

/// Spend in `period` by what it was spent on: (link, amount), largest first; expenses
/// without a link are left out (the Budget page's "by channel / by event").
pub fn spend_by_source(ws: &Workspace, period: Period) -> Vec<(SourceRef, Money)> {
    let mut t: HashMap<SourceRef, Money> = HashMap::new();
    for e in ws.budget.expenses.iter() {
        if let Some(s) = e.link
            && period.contains(e.date)
        {
            *t.entry(s).or_default() += e.amount;
        }
    }
    let mut out: Vec<(SourceRef, Money)> = t.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Revenue won in `period` from customers of `segment` (None: every customer).
pub fn segment_revenue(ws: &Workspace, period: Period, segment: Option<SegmentId>) -> Money {
    let mut total = Money::ZERO;
    for d in ws.deals.deals.iter() {
        if d.stage != Stage::Won || !period.contains(d.stage_since()) {
            continue;
        }
        let of_segment = || {
            ws.customers
                .customers
                .get(d.customer)
                .is_some_and(|c| c.segment == segment)
        };
        if segment.is_none() || of_segment() {
            total += d.amount;
        }
    }
    total
}

/// What the Market tab shows beside its records: each market size's own revenue and
/// market share (own revenue in its segment and period ÷ its size; None when the size
/// is 0), and each segment's number of customers. Each is a pass over every deal or
/// customer, so the tab computes them once per change, not per frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarketFigures {
    pub sizes: HashMap<MarketSizeId, (Money, Option<f64>)>,
    pub segment_customers: HashMap<SegmentId, usize>,
}

pub fn market_figures(ws: &Workspace) -> MarketFigures {
    let sizes = ws
        .marketing
        .market_sizes
        .iter()
        .map(|m| {
            let revenue = segment_revenue(ws, m.period, m.segment);
            (m.id, (revenue, ratio(revenue.0 as f64, m.size.0 as f64)))
        })
        .collect();
    let mut segment_customers = HashMap::new();
    for c in ws.customers.customers.iter() {
        if let Some(s) = c.segment {
            *segment_customers.entry(s).or_insert(0) += 1;
        }
    }
    MarketFigures {
        sizes,
        segment_customers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::*;
    use std::sync::Arc;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    /// Two channels; channel 1 brings three leads in Q1 (one won for 30,000, one won for
    /// 10,000 in Q2) and costs 8,000 in Q1; channel 2 costs 500 and brings nothing.
    fn small() -> Workspace {
        let web = SourceRef::Channel(ChannelId(1));
        let mut a = deal(
            1,
            &[(Stage::Lead, "2026-01-05"), (Stage::Won, "2026-02-01")],
        );
        a.amount = Money::from_major(30_000);
        let mut b = deal(
            2,
            &[(Stage::Lead, "2026-02-05"), (Stage::Won, "2026-04-02")],
        );
        b.amount = Money::from_major(10_000);
        let c = deal(3, &[(Stage::Lead, "2026-03-05")]);
        // No source: attributed to nothing.
        let mut d = deal(
            4,
            &[(Stage::Lead, "2026-03-06"), (Stage::Won, "2026-03-20")],
        );
        d.amount = Money::from_major(99_000);
        let mut deals = vec![a, b, c];
        for x in &mut deals {
            x.source = Some(web);
        }
        deals.push(d);
        let mut ws = ws_with(deals);
        let m = Arc::make_mut(&mut ws.marketing);
        m.channels = Table {
            next_id: 3,
            rows: vec![
                Channel {
                    id: ChannelId(1),
                    planned_budget: Money::from_major(40_000),
                    ..Channel::new("官网", ChannelKind::Online)
                },
                Channel {
                    id: ChannelId(2),
                    ..Channel::new("沙龙", ChannelKind::OfflineEvent)
                },
            ],
        };
        let expense = |id, date: &str, yuan, link| Expense {
            id: ExpenseId(id),
            date: day(date),
            category: CategoryId(1),
            amount: Money::from_major(yuan),
            payee: String::new(),
            note: String::new(),
            link: Some(link),
        };
        Arc::make_mut(&mut ws.budget).expenses = Table {
            next_id: 4,
            rows: vec![
                expense(1, "2026-01-10", 5_000, web),
                expense(2, "2026-03-31", 3_000, web),
                expense(3, "2026-02-01", 500, SourceRef::Channel(ChannelId(2))),
            ],
        };
        ws
    }

    #[test]
    fn attribution_counts_leads_wins_revenue_and_cost_of_the_period() {
        let f = channel_figures(&small(), Period::quarter(2026, 1));
        let web = &f[0];
        assert_eq!(
            (web.name.as_str(), web.deals, web.won_count),
            ("官网", 3, 1)
        );
        assert_eq!(web.revenue, Money::from_major(30_000));
        assert_eq!(web.cost, Money::from_major(8_000));
        assert_eq!(web.planned, Money::from_major(40_000));
        // Q2: no lead created, the second win, no cost.
        let q2 = &channel_figures(&small(), Period::quarter(2026, 2))[0];
        assert_eq!((q2.deals, q2.won_count, q2.cost), (0, 1, Money::ZERO));
    }

    #[test]
    fn roi_cost_per_lead_and_per_won_deal() {
        let f = channel_figures(&small(), Period::quarter(2026, 1));
        let web = &f[0];
        // (30,000 − 8,000) ÷ 8,000 = 2.75
        assert_eq!(web.roi(), Some(2.75));
        assert_eq!(web.cost_per_lead(), Some(800_000.0 / 3.0));
        assert_eq!(web.cost_per_won(), Some(800_000.0));
        let salon = &f[1];
        assert_eq!(salon.roi(), Some(-1.0), "spent and brought nothing");
        assert_eq!(salon.cost_per_lead(), None);
        // Nothing spent: no ROI, not infinity.
        let q2 = &channel_figures(&small(), Period::quarter(2026, 2))[0];
        assert_eq!(q2.roi(), None);
    }

    #[test]
    fn spend_by_source_sums_linked_expenses_largest_first() {
        let s = spend_by_source(&small(), Period::year(2026));
        assert_eq!(
            s,
            [
                (SourceRef::Channel(ChannelId(1)), Money::from_major(8_000)),
                (SourceRef::Channel(ChannelId(2)), Money::from_major(500)),
            ]
        );
    }

    #[test]
    fn a_segments_market_share_counts_only_its_customers_revenue() {
        let mut ws = small();
        let c = Arc::make_mut(&mut ws.customers);
        c.customers.put(Customer {
            id: CustomerId(1),
            segment: Some(SegmentId(2)),
            ..Customer::new("甲", day("2026-01-01"))
        });
        let size = |segment, yuan| MarketSize {
            id: MarketSizeId(1),
            segment,
            period: Period::quarter(2026, 1),
            size: Money::from_major(yuan),
            source: String::new(),
        };
        let share = |m: MarketSize| {
            let mut ws = ws.clone();
            Arc::make_mut(&mut ws.marketing).market_sizes.put(m);
            market_figures(&ws).sizes[&MarketSizeId(1)]
        };
        // Q1 wins: 30,000 (customer 1) + 99,000 (customer 1) = 129,000.
        let q1 = Money::from_major(129_000);
        assert_eq!(share(size(None, 1_290_000)), (q1, Some(0.1)));
        assert_eq!(share(size(Some(SegmentId(2)), 258_000)), (q1, Some(0.5)));
        assert_eq!(
            share(size(Some(SegmentId(3)), 1_000)),
            (Money::ZERO, Some(0.0))
        );
        assert_eq!(share(size(None, 0)), (q1, None));
        let f = market_figures(&ws);
        assert_eq!(f.segment_customers.get(&SegmentId(2)), Some(&1));
        assert_eq!(f.segment_customers.get(&SegmentId(3)), None);
    }
}
