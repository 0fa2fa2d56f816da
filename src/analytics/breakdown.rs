//! Revenue broken down: per rep, region, product or source, per rep with targets, and
//! per month for the trend chart.

use super::calendar::{month_index, months_of};
use super::filter::DealFilter;
use super::ratio;
use super::targets::target_for;
use crate::model::{Deal, MemberId, Money, Period, Stage, Workspace};
use std::collections::HashMap;

/// What revenue is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Owner,
    Region,
    Product,
    Source,
    /// The customer's segment (目标客户细分).
    Segment,
}

/// The name of the segment of the deal's customer ("" when it has none).
pub fn segment_label<'a>(ws: &'a Workspace, d: &Deal) -> &'a str {
    ws.customers
        .customers
        .get(d.customer)
        .and_then(|c| c.segment)
        .and_then(|s| ws.marketing.segments.get(s))
        .map_or("", |s| s.name.as_str())
}

/// One group of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice {
    /// The rep's name, or the region / product / source text (trimmed; may be empty).
    pub label: String,
    /// Set for [`Dimension::Owner`].
    pub member: Option<MemberId>,
    pub revenue: Money,
    pub won: u64,
}

/// Whether the deal was won inside `period`.
fn won_in(d: &Deal, period: Period) -> bool {
    d.stage == Stage::Won && period.contains(d.stage_since())
}

/// Revenue of deals won in `period`, grouped by `dim`, largest first (ties by label).
pub fn revenue_by(ws: &Workspace, period: Period, dim: Dimension) -> Vec<Slice> {
    // Keys borrow from the deals, so nothing is allocated per deal.
    let mut groups: HashMap<(Option<MemberId>, &str), (Money, u64)> = HashMap::new();
    for d in &ws.deals.deals.rows {
        if !won_in(d, period) {
            continue;
        }
        let key = match dim {
            Dimension::Owner => (Some(d.owner), ""),
            Dimension::Region => (None, d.region.trim()),
            Dimension::Product => (None, d.product.trim()),
            Dimension::Source => (None, d.source.map_or("", |s| ws.source_name(s))),
            Dimension::Segment => (None, segment_label(ws, d)),
        };
        let g = groups.entry(key).or_default();
        g.0 += d.amount;
        g.1 += 1;
    }
    let mut out: Vec<Slice> = groups
        .into_iter()
        .map(|((member, text), (revenue, won))| Slice {
            label: match member {
                Some(m) => ws.member_name(m).to_string(),
                None => text.to_string(),
            },
            member,
            revenue,
            won,
        })
        .collect();
    out.sort_by(|a, b| {
        b.revenue
            .cmp(&a.revenue)
            .then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// One rep's figures for a period (Performance page, per-rep reviews).
#[derive(Debug, Clone, PartialEq)]
pub struct RepScore {
    pub member: MemberId,
    pub revenue: Money,
    pub won_count: u64,
    pub lost_count: u64,
    /// won / (won + lost).
    pub win_rate: Option<f64>,
    pub open_deals: u64,
    pub weighted_pipeline: Money,
    /// The rep's own target for the period (prorated), if set.
    pub target: Option<Money>,
    /// revenue / target.
    pub attainment: Option<f64>,
}

/// Figures per team member (every member, active or not, in id order), in one pass.
pub fn rep_scores(ws: &Workspace, period: Period) -> Vec<RepScore> {
    let defaults = &ws.settings.stage_probability;
    let members = &ws.team.members.rows;
    let mut out: Vec<RepScore> = members
        .iter()
        .map(|m| RepScore {
            member: m.id,
            revenue: Money::ZERO,
            won_count: 0,
            lost_count: 0,
            win_rate: None,
            open_deals: 0,
            weighted_pipeline: Money::ZERO,
            target: None,
            attainment: None,
        })
        .collect();
    for d in &ws.deals.deals.rows {
        // Members are sorted by id: a binary search finds the row.
        let Ok(i) = members.binary_search_by_key(&d.owner, |m| m.id) else {
            continue;
        };
        let r = &mut out[i];
        match d.stage {
            Stage::Won if period.contains(d.stage_since()) => {
                r.won_count += 1;
                r.revenue += d.amount;
            }
            Stage::Lost if period.contains(d.stage_since()) => r.lost_count += 1,
            Stage::Won | Stage::Lost => {}
            _ => {
                r.open_deals += 1;
                r.weighted_pipeline += d.weighted(defaults);
            }
        }
    }
    for r in &mut out {
        r.win_rate = ratio(r.won_count as f64, (r.won_count + r.lost_count) as f64);
        r.target = target_for(ws, period, Some(r.member));
        r.attainment = r.target.and_then(|t| ratio(r.revenue.0 as f64, t.0 as f64));
    }
    out
}

/// Revenue of one calendar month, with the (team or rep) target for that month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthRevenue {
    /// The whole calendar month.
    pub month: Period,
    pub revenue: Money,
    pub won: u64,
    /// The month's target: the rep's when the filter names an owner, else the team's.
    pub target: Option<Money>,
}

/// Revenue per calendar month touching `period` (for the trend chart). Months are whole:
/// a period starting mid-month still shows that month's full revenue, so bars compare.
pub fn revenue_by_month(ws: &Workspace, period: Period, filter: &DealFilter) -> Vec<MonthRevenue> {
    let months = months_of(period);
    let Some(first) = months.first().copied() else {
        return Vec::new();
    };
    let span = Period::new(
        first.start,
        months.last().map(|m| m.end).unwrap_or(first.end),
    );
    let mut out: Vec<MonthRevenue> = months
        .iter()
        .map(|m| MonthRevenue {
            month: *m,
            revenue: Money::ZERO,
            won: 0,
            target: target_for(ws, *m, filter.owner),
        })
        .collect();
    for d in &ws.deals.deals.rows {
        if !won_in(d, span) || !filter.matches(d) {
            continue;
        }
        let i = month_index(first.start, d.stage_since()) as usize;
        if let Some(m) = out.get_mut(i) {
            m.revenue += d.amount;
            m.won += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::{Member, Role, Target, TargetId};
    use Stage::*;
    use std::sync::Arc;

    fn sample() -> Workspace {
        let mut a = with_amount(deal(1, &[(Lead, "2026-01-01"), (Won, "2026-01-10")]), 500);
        a.region = "East".into();
        let mut b = with_amount(deal(2, &[(Lead, "2026-01-01"), (Won, "2026-03-10")]), 700);
        b.region = " West".into();
        b.owner = MemberId(2);
        let mut c = with_amount(deal(3, &[(Lead, "2026-01-01"), (Won, "2026-03-20")]), 300);
        c.region = "East ".into();
        let lost = deal(4, &[(Lead, "2026-01-01"), (Lost, "2026-02-01")]);
        let open = deal(5, &[(Lead, "2026-01-01")]);
        let mut ws = ws_with(vec![a, b, c, lost, open]);
        let t = Arc::make_mut(&mut ws.team);
        for (id, name) in [(1, "Li"), (2, "Wang"), (3, "Zhao")] {
            t.members.put(Member {
                id: MemberId(id),
                name: name.into(),
                role: Role::SalesRep,
                region: String::new(),
                product_lines: vec![],
                duties: String::new(),
                capacity: 25,
                email: String::new(),
                phone: String::new(),
                joined: d("2025-01-01"),
                active: true,
            });
        }
        Arc::make_mut(&mut ws.performance).targets.put(Target {
            id: TargetId(1),
            member: Some(MemberId(1)),
            period: Period::quarter(2026, 1),
            amount: Money::from_major(1600),
            stretch: None,
            challenge: None,
        });
        ws
    }

    #[test]
    fn revenue_groups_by_dimension() {
        let ws = sample();
        let q1 = Period::quarter(2026, 1);
        let by_region = revenue_by(&ws, q1, Dimension::Region);
        assert_eq!(by_region.len(), 2);
        assert_eq!(by_region[0].label, "East");
        assert_eq!(by_region[0].revenue, Money::from_major(800));
        assert_eq!(by_region[0].won, 2);
        let by_owner = revenue_by(&ws, q1, Dimension::Owner);
        assert_eq!(by_owner[0].label, "Li");
        assert_eq!(by_owner[0].member, Some(MemberId(1)));
        assert_eq!(by_owner[1].revenue, Money::from_major(700));
        assert!(revenue_by(&ws, Period::year(2020), Dimension::Source).is_empty());
    }

    #[test]
    fn revenue_groups_by_the_customers_segment() {
        let mut ws = sample();
        Arc::make_mut(&mut ws.marketing)
            .segments
            .put(crate::model::Segment {
                id: crate::model::SegmentId(1),
                name: "制造".into(),
                criteria: String::new(),
                needs: String::new(),
                positioning: String::new(),
            });
        // Every sample deal is customer 1's; tag it with the segment.
        Arc::make_mut(&mut ws.customers)
            .customers
            .put(crate::model::Customer {
                id: crate::model::CustomerId(1),
                segment: Some(crate::model::SegmentId(1)),
                ..crate::model::Customer::new("甲", d("2025-01-01"))
            });
        let by = revenue_by(&ws, Period::quarter(2026, 1), Dimension::Segment);
        assert_eq!(by.len(), 1);
        assert_eq!((by[0].label.as_str(), by[0].won), ("制造", 3));
        assert_eq!(by[0].revenue, Money::from_major(1500));
    }

    #[test]
    fn rep_scores_include_targets() {
        let s = rep_scores(&sample(), Period::quarter(2026, 1));
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].won_count, s[0].lost_count, s[0].open_deals),
            (2, 1, 1)
        );
        assert_eq!(s[0].attainment, Some(0.5));
        assert_eq!(s[1].target, None);
        assert_eq!(s[1].attainment, None);
        assert_eq!(s[2].win_rate, None);
    }

    #[test]
    fn monthly_revenue_with_targets() {
        let ws = sample();
        let m = revenue_by_month(
            &ws,
            Period::new(d("2026-01-15"), d("2026-03-31")),
            &DealFilter::ALL,
        );
        let rev: Vec<i64> = m.iter().map(|x| x.revenue.0 / 100).collect();
        assert_eq!(rev, [500, 0, 1000]);
        assert_eq!(m[0].target, None);
        let li = revenue_by_month(
            &ws,
            Period::quarter(2026, 1),
            &DealFilter::owner(MemberId(1)),
        );
        let rev: Vec<i64> = li.iter().map(|x| x.revenue.0 / 100).collect();
        assert_eq!(rev, [500, 0, 300]);
        // 1,600 over 90 days, January has 31: 551.11.
        assert_eq!(li[0].target, Some(Money(55_111)));
    }
}
