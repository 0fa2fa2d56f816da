//! 预测承诺: which forecast category each open deal sits in, and the manager's
//! adjustments of a rep's forecast.

use super::common::{Money, Period};
use super::deals::{Deal, Stage};
use super::team::MemberId;
use super::validate::{Errors, MAX_NOTE};
use serde::{Deserialize, Serialize};

crate::define_id!(ForecastAdjustmentId);

/// A forecast category of an open deal. Stored on a deal only when chosen by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ForecastCategory {
    /// 承诺: the rep commits to closing it in the period.
    Commit,
    /// 最佳情况: could close if things go well.
    BestCase,
    /// 管道: in play, not counted on.
    Pipeline,
    /// 排除: left out of the forecast.
    Omitted,
}

impl ForecastCategory {
    pub const ALL: [ForecastCategory; 4] = [
        ForecastCategory::Commit,
        ForecastCategory::BestCase,
        ForecastCategory::Pipeline,
        ForecastCategory::Omitted,
    ];
    /// The category a deal in `stage` has unless one is chosen by hand: lead and needs
    /// analysis are pipeline, quote is best case, contract is commit; closed deals have
    /// none.
    pub fn for_stage(stage: Stage) -> Option<ForecastCategory> {
        match stage {
            Stage::Lead | Stage::Needs => Some(ForecastCategory::Pipeline),
            Stage::Quote => Some(ForecastCategory::BestCase),
            Stage::Contract => Some(ForecastCategory::Commit),
            Stage::Won | Stage::Lost => None,
        }
    }
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Deal {
    /// The deal's forecast category: the one chosen by hand (kept across stage moves),
    /// else its stage's; None once the deal is closed.
    pub fn forecast_category(&self) -> Option<ForecastCategory> {
        if !self.stage.is_open() {
            return None;
        }
        self.forecast_override
            .or_else(|| ForecastCategory::for_stage(self.stage))
    }
}

/// The manager's adjustment of one rep's forecast for a period, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastAdjustment {
    pub id: ForecastAdjustmentId,
    pub member: MemberId,
    pub period: Period,
    /// Added to the rep's committed forecast (negative to take some off).
    pub amount: Money,
    pub note: String,
}
crate::keyed!(ForecastAdjustment, ForecastAdjustmentId);

impl ForecastAdjustment {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("note", &self.note);
        e.max_len("note", &self.note, MAX_NOTE);
        e.not_before(
            "end",
            Some(self.period.end),
            "start",
            Some(self.period.start),
        );
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CustomerId, DealId};
    use chrono::NaiveDate;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
    }

    #[test]
    fn stages_default_to_pipeline_best_case_and_commit() {
        let mut d = Deal::new(Stage::Lead, day(1));
        assert_eq!(d.forecast_category(), Some(ForecastCategory::Pipeline));
        d.move_to(Stage::Needs, day(2), None).unwrap();
        assert_eq!(d.forecast_category(), Some(ForecastCategory::Pipeline));
        d.move_to(Stage::Quote, day(3), None).unwrap();
        assert_eq!(d.forecast_category(), Some(ForecastCategory::BestCase));
        d.move_to(Stage::Contract, day(4), None).unwrap();
        assert_eq!(d.forecast_category(), Some(ForecastCategory::Commit));
        d.move_to(Stage::Won, day(5), None).unwrap();
        assert_eq!(d.forecast_category(), None);
    }

    #[test]
    fn a_category_chosen_by_hand_is_kept_across_stage_moves() {
        let mut d = Deal {
            id: DealId(1),
            customer: CustomerId(1),
            ..Deal::new(Stage::Lead, day(1))
        };
        d.forecast_override = Some(ForecastCategory::Commit);
        for (stage, n) in [(Stage::Needs, 2), (Stage::Quote, 3), (Stage::Contract, 4)] {
            d.move_to(stage, day(n), None).unwrap();
            assert_eq!(d.forecast_category(), Some(ForecastCategory::Commit));
        }
        d.move_to(Stage::Needs, day(5), None).unwrap();
        d.forecast_override = Some(ForecastCategory::Omitted);
        d.move_to(Stage::Contract, day(6), None).unwrap();
        assert_eq!(d.forecast_category(), Some(ForecastCategory::Omitted));
    }

    #[test]
    fn a_deal_saved_before_forecast_categories_loads_with_none() {
        let d = Deal::new(Stage::Quote, day(1));
        let mut text = ron::to_string(&d).unwrap();
        text = text.replace(",forecast_override:None", "");
        assert!(!text.contains("forecast_override"));
        let back: Deal = ron::from_str(&text).unwrap();
        assert_eq!(back.forecast_override, None);
    }

    #[test]
    fn an_adjustment_needs_a_note() {
        let a = ForecastAdjustment {
            id: ForecastAdjustmentId(1),
            member: MemberId(1),
            period: Period::quarter(2026, 1),
            amount: Money::from_major(-5_000),
            note: String::new(),
        };
        assert!(a.validate().get("note").is_some());
    }
}
