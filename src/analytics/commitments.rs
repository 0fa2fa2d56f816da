//! 预测承诺: each rep's open deals of a period by forecast category (commit, best case,
//! pipeline, omitted), with the manager's adjustments.

use crate::model::{Deal, ForecastCategory, MemberId, Money, Period, Workspace};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Whether an open deal belongs to `period`'s forecast: its expected close falls in the
/// period, or (when the period holds today) it has none or it is already past.
pub fn in_forecast(d: &Deal, period: Period, today: NaiveDate) -> bool {
    if !d.stage.is_open() {
        return false;
    }
    match d.expected_close {
        Some(c) if period.contains(c) => true,
        Some(c) if c > period.end => false,
        _ => period.contains(today),
    }
}

/// One rep's forecast for a period (or the team's, summed, with `member` None).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Commitment {
    pub member: Option<MemberId>,
    /// Amount of the open deals per category, in [`ForecastCategory::ALL`] order.
    pub amounts: [Money; 4],
    pub counts: [u64; 4],
    /// The sum of the manager's adjustments for exactly this period.
    pub adjustment: Money,
}

impl Commitment {
    pub fn amount(&self, c: ForecastCategory) -> Money {
        self.amounts[c.index()]
    }
    /// Commit.
    pub fn committed(&self) -> Money {
        self.amount(ForecastCategory::Commit)
    }
    /// Commit + best case.
    pub fn best_case(&self) -> Money {
        self.committed() + self.amount(ForecastCategory::BestCase)
    }
    /// The forecast called: commit plus the manager's adjustment.
    pub fn forecast(&self) -> Money {
        self.committed() + self.adjustment
    }
}

/// Per rep with a deal in the period's forecast or an adjustment (member id order),
/// and the team's total.
pub fn commitments(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
) -> (Vec<Commitment>, Commitment) {
    let mut by: BTreeMap<MemberId, Commitment> = BTreeMap::new();
    fn entry(by: &mut BTreeMap<MemberId, Commitment>, m: MemberId) -> &mut Commitment {
        by.entry(m).or_insert_with(|| Commitment {
            member: Some(m),
            ..Default::default()
        })
    }
    for d in ws
        .deals
        .deals
        .iter()
        .filter(|d| in_forecast(d, period, today))
    {
        let Some(c) = d.forecast_category() else {
            continue;
        };
        let row = entry(&mut by, d.owner);
        row.amounts[c.index()] += d.amount;
        row.counts[c.index()] += 1;
    }
    for a in ws
        .performance
        .forecast_adjustments
        .iter()
        .filter(|a| a.period == period)
    {
        entry(&mut by, a.member).adjustment += a.amount;
    }
    let mut team = Commitment::default();
    for r in by.values() {
        for i in 0..4 {
            team.amounts[i] += r.amounts[i];
            team.counts[i] += r.counts[i];
        }
        team.adjustment += r.adjustment;
    }
    (by.into_values().collect(), team)
}

/// The team's commitment (`owner` None) or one rep's, for the Analytics forecast.
pub fn commitment_for(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    owner: Option<MemberId>,
) -> Commitment {
    let (reps, team) = commitments(ws, period, today);
    match owner {
        None => team,
        Some(m) => reps
            .into_iter()
            .find(|r| r.member == Some(m))
            .unwrap_or(Commitment {
                member: Some(m),
                ..Default::default()
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::{d, deal, with_amount};
    use crate::model::*;
    use std::sync::Arc;

    #[test]
    fn open_deals_fall_in_their_category_and_adjustments_add_to_the_commit() {
        let mut ws = Workspace::default();
        let deals = Arc::make_mut(&mut ws.deals);
        let q = Period::quarter(2026, 1);
        for (id, stage, amount, close) in [
            (1, Stage::Contract, 5000, Some("2026-02-01")),
            (2, Stage::Quote, 3000, Some("2026-03-01")),
            (3, Stage::Lead, 1000, None),
            (4, Stage::Contract, 7000, Some("2026-05-01")),
        ] {
            let mut x = with_amount(
                deal(id, &[(Stage::Lead, "2026-01-02"), (stage, "2026-01-10")]),
                amount,
            );
            x.expected_close = close.map(d);
            deals.deals.put(x);
        }
        // Chosen by hand: the quote is committed.
        deals.deals.get_mut(DealId(2)).unwrap().forecast_override = Some(ForecastCategory::Commit);
        Arc::make_mut(&mut ws.performance)
            .forecast_adjustments
            .put(ForecastAdjustment {
                id: ForecastAdjustmentId(1),
                member: MemberId(1),
                period: q,
                amount: Money::from_major(-1000),
                note: "one is shaky".into(),
            });
        let (reps, team) = commitments(&ws, q, d("2026-01-20"));
        assert_eq!(reps.len(), 1);
        let r = &reps[0];
        assert_eq!(r.committed(), Money::from_major(8000));
        assert_eq!(
            r.amount(ForecastCategory::Pipeline),
            Money::from_major(1000)
        );
        // The May contract belongs to Q2, not here.
        assert_eq!(r.counts.iter().sum::<u64>(), 3);
        assert_eq!(r.forecast(), Money::from_major(7000));
        assert_eq!(team.best_case(), Money::from_major(8000));
        // An undated deal counts in the period holding today only.
        let (later, _) = commitments(&ws, Period::quarter(2026, 2), d("2026-01-20"));
        assert_eq!(later[0].counts.iter().sum::<u64>(), 1);
    }
}
