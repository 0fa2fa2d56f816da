//! The headline figures of a period: wins, losses, win rate, revenue, cycle time, open
//! pipeline and sales velocity (with the levers that move it).

use super::filter::DealFilter;
use super::ratio;
use crate::model::{Money, Period, Stage, Workspace, days_between};

/// KPIs of a period. Closed figures count deals won or lost *in* the period, whenever
/// they were created; open figures are as of now.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Kpis {
    pub won_count: u64,
    pub lost_count: u64,
    /// Win rate = won / (won + lost).
    pub win_rate: Option<f64>,
    /// 销售额: total amount of deals won in the period.
    pub revenue: Money,
    /// revenue / won_count, in minor units.
    pub avg_won_amount: Option<f64>,
    /// Mean days from created to won, over deals won in the period.
    pub avg_cycle_days: Option<f64>,
    /// Deals in an open stage now.
    pub open_deals: u64,
    /// Total amount of the open deals.
    pub open_amount: Money,
    /// Weighted pipeline = sum(amount × stage probability) of open deals; a deal's
    /// manual probability beats the stage default from settings.
    pub weighted_pipeline: Money,
    /// Customers created in the period (owner, region and source of the filter apply to
    /// the customer; product does not, a customer has none).
    pub new_customers: u64,
}

impl Kpis {
    /// The four factors of sales velocity for this period.
    pub fn velocity(&self) -> Velocity {
        Velocity {
            open_deals: self.open_deals as f64,
            avg_won_amount: self.avg_won_amount,
            win_rate: self.win_rate,
            avg_cycle_days: self.avg_cycle_days,
        }
    }
}

/// Computes [`Kpis`] in one pass over the deals.
pub fn kpis(ws: &Workspace, period: Period, filter: &DealFilter) -> Kpis {
    let defaults = &ws.settings.stage_probability;
    let mut k = Kpis::default();
    let mut cycle_days_total: i64 = 0;
    for d in &ws.deals.deals.rows {
        if !filter.matches(d) {
            continue;
        }
        match d.stage {
            Stage::Won | Stage::Lost => {
                let closed = d.stage_since();
                if !period.contains(closed) {
                    continue;
                }
                if d.stage == Stage::Won {
                    k.won_count += 1;
                    k.revenue += d.amount;
                    cycle_days_total += days_between(d.created(), closed).max(0);
                } else {
                    k.lost_count += 1;
                }
            }
            _ => {
                k.open_deals += 1;
                k.open_amount += d.amount;
                k.weighted_pipeline += d.weighted(defaults);
            }
        }
    }
    k.win_rate = ratio(k.won_count as f64, (k.won_count + k.lost_count) as f64);
    k.avg_won_amount = ratio(k.revenue.0 as f64, k.won_count as f64);
    k.avg_cycle_days = ratio(cycle_days_total as f64, k.won_count as f64);
    k.new_customers = ws
        .customers
        .customers
        .iter()
        .filter(|c| {
            period.contains(c.created)
                && filter.owner.is_none_or(|o| c.owner == Some(o))
                && filter
                    .region
                    .as_deref()
                    .is_none_or(|r| r.trim() == c.region.trim())
                && filter.source.is_none_or(|s| c.source == Some(s))
        })
        .count() as u64;
    k
}

/// The factors of sales velocity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Velocity {
    pub open_deals: f64,
    /// Minor units.
    pub avg_won_amount: Option<f64>,
    pub win_rate: Option<f64>,
    pub avg_cycle_days: Option<f64>,
}

/// One factor of sales velocity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VelocityFactor {
    OpenDeals,
    AvgWonAmount,
    WinRate,
    /// Improving it means making it *shorter*.
    CycleDays,
}

/// What a 10 % improvement of one factor adds to revenue per day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lever {
    pub factor: VelocityFactor,
    /// Extra revenue per day (minor units).
    pub gain_per_day: f64,
}

impl Velocity {
    /// Sales velocity = open deals × average won amount × win rate / average cycle days:
    /// revenue per day (minor units) the pipeline produces. None when a factor is
    /// unknown or the cycle is zero days long.
    pub fn per_day(&self) -> Option<f64> {
        let v = self.open_deals * self.avg_won_amount? * self.win_rate? / self.avg_cycle_days?;
        v.is_finite().then_some(v)
    }

    /// The revenue/day effect of improving each factor by 10 %: 10 % more open deals, a
    /// 10 % larger average deal, a 10 % higher win rate (capped at 100 %), a 10 % shorter
    /// cycle. In [`VelocityFactor`] order; None when velocity is undefined.
    pub fn levers(&self) -> Option<[Lever; 4]> {
        let base = self.per_day()?;
        let with = |f: &dyn Fn(&mut Velocity)| {
            let mut v = *self;
            f(&mut v);
            v.per_day().map(|x| x - base).unwrap_or(0.0)
        };
        Some([
            Lever {
                factor: VelocityFactor::OpenDeals,
                gain_per_day: with(&|v| v.open_deals *= 1.1),
            },
            Lever {
                factor: VelocityFactor::AvgWonAmount,
                gain_per_day: with(&|v| v.avg_won_amount = v.avg_won_amount.map(|a| a * 1.1)),
            },
            Lever {
                factor: VelocityFactor::WinRate,
                gain_per_day: with(&|v| v.win_rate = v.win_rate.map(|w| (w * 1.1).min(1.0))),
            },
            Lever {
                factor: VelocityFactor::CycleDays,
                gain_per_day: with(&|v| v.avg_cycle_days = v.avg_cycle_days.map(|c| c * 0.9)),
            },
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::*;
    use crate::model::{Customer, CustomerId, MemberId};
    use Stage::*;

    fn sample() -> Workspace {
        let mut ws = ws_with(vec![
            // Won in Q1, created in Q4: 40 days, 2,000.
            with_amount(deal(1, &[(Lead, "2025-12-01"), (Won, "2026-01-10")]), 2000),
            // Won in Q1: 10 days, 4,000.
            with_amount(
                deal(
                    2,
                    &[
                        (Lead, "2026-02-01"),
                        (Quote, "2026-02-05"),
                        (Won, "2026-02-11"),
                    ],
                ),
                4000,
            ),
            // Lost in Q1.
            deal(3, &[(Lead, "2026-01-01"), (Lost, "2026-03-01")]),
            // Won in Q2: outside.
            deal(4, &[(Lead, "2026-01-01"), (Won, "2026-04-01")]),
            // Open: lead (10 %) and quote with a 90 % override.
            deal(5, &[(Lead, "2026-03-01")]),
            deal(6, &[(Lead, "2026-03-01"), (Quote, "2026-03-02")]),
        ]);
        let deals = std::sync::Arc::make_mut(&mut ws.deals);
        deals
            .deals
            .get_mut(crate::model::DealId(6))
            .unwrap()
            .probability_override = Some(90);
        ws
    }

    #[test]
    fn closed_figures_count_closing_in_the_period() {
        let k = kpis(&sample(), Period::quarter(2026, 1), &DealFilter::ALL);
        assert_eq!((k.won_count, k.lost_count), (2, 1));
        assert!((k.win_rate.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(k.revenue, Money::from_major(6000));
        assert_eq!(k.avg_won_amount, Some(300_000.0));
        assert_eq!(k.avg_cycle_days, Some(25.0));
        assert_eq!(k.open_deals, 2);
        // 1,000 × 10 % + 1,000 × 90 %.
        assert_eq!(k.weighted_pipeline, Money::from_major(1000));
        // 2 × 3,000.00 × 2/3 / 25 = 160.00 a day.
        let v = k.velocity().per_day().unwrap();
        assert!((v - 16_000.0).abs() < 1e-6);
    }

    #[test]
    fn undefined_ratios_are_none() {
        let k = kpis(&sample(), Period::year(2020), &DealFilter::ALL);
        assert_eq!(k.win_rate, None);
        assert_eq!(k.avg_won_amount, None);
        assert_eq!(k.avg_cycle_days, None);
        assert_eq!(k.velocity().per_day(), None);
        assert_eq!(k.velocity().levers(), None);
        // A same-day win makes the cycle zero days: velocity undefined, not infinite.
        let ws = ws_with(vec![
            deal(1, &[(Lead, "2026-01-01"), (Won, "2026-01-01")]),
            deal(2, &[(Lead, "2026-01-01")]),
        ]);
        let k = kpis(&ws, Period::year(2026), &DealFilter::ALL);
        assert_eq!(k.avg_cycle_days, Some(0.0));
        assert_eq!(k.velocity().per_day(), None);
    }

    #[test]
    fn levers_show_the_gain_of_ten_percent() {
        let v = Velocity {
            open_deals: 10.0,
            avg_won_amount: Some(1000.0),
            win_rate: Some(0.95),
            avg_cycle_days: Some(30.0),
        };
        let base = v.per_day().unwrap();
        let l = v.levers().unwrap();
        assert!((l[0].gain_per_day - base * 0.1).abs() < 1e-9);
        assert!((l[1].gain_per_day - base * 0.1).abs() < 1e-9);
        // 95 % can only rise to 100 %.
        assert!((l[2].gain_per_day - base * (1.0 / 0.95 - 1.0)).abs() < 1e-9);
        assert!((l[3].gain_per_day - base * (1.0 / 0.9 - 1.0)).abs() < 1e-9);
    }

    #[test]
    fn new_customers_follow_the_filter_owner() {
        let mut ws = sample();
        let c = std::sync::Arc::make_mut(&mut ws.customers);
        for (id, created, owner) in [
            (1, "2026-01-05", 1),
            (2, "2026-02-05", 2),
            (3, "2025-02-05", 1),
        ] {
            c.customers.put(Customer {
                id: CustomerId(id),
                name: format!("C{id}"),
                industry: String::new(),
                region: String::new(),
                segment: None,
                owner: Some(MemberId(owner)),
                phone: String::new(),
                email: String::new(),
                address: String::new(),
                source: None,
                created: d(created),
                annual_potential: Money::ZERO,
                notes: String::new(),
            });
        }
        let q1 = Period::quarter(2026, 1);
        assert_eq!(kpis(&ws, q1, &DealFilter::ALL).new_customers, 2);
        assert_eq!(
            kpis(&ws, q1, &DealFilter::owner(MemberId(2))).new_customers,
            1
        );
    }
}
