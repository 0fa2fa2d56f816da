//! 销售流程: deals moving through the five stages, won or lost.
//!
//! The five stages of the sales process are 客户识别 (lead), 需求分析 (needs),
//! 报价谈判 (quote), 合同签订 (contract) and 客户管理 (account management). The first four
//! are open; a deal reaches 客户管理 when it is won, so `Won` *is* that fifth stage. `Lost`
//! ends a deal from any open stage.

use super::common::{Money, Table};
use super::customers::CustomerId;
use super::marketing::SourceRef;
use super::team::MemberId;
use super::validate::{Errors, MAX_LINE, MAX_NOTE, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(DealId);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    /// 1 客户识别
    Lead,
    /// 2 需求分析
    Needs,
    /// 3 报价谈判
    Quote,
    /// 4 合同签订
    Contract,
    /// 5 客户管理: the deal is won and the account is managed.
    Won,
    /// 流失
    Lost,
}

impl Stage {
    /// The open stages, in order.
    pub const OPEN: [Stage; 4] = [Stage::Lead, Stage::Needs, Stage::Quote, Stage::Contract];
    /// The five stages of the process (open ones, then won).
    pub const FUNNEL: [Stage; 5] = [
        Stage::Lead,
        Stage::Needs,
        Stage::Quote,
        Stage::Contract,
        Stage::Won,
    ];
    /// Every column of the board.
    pub const ALL: [Stage; 6] = [
        Stage::Lead,
        Stage::Needs,
        Stage::Quote,
        Stage::Contract,
        Stage::Won,
        Stage::Lost,
    ];
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Won | Stage::Lost)
    }
    /// Position in the funnel (Lead = 0 … Won = 4); Lost has none.
    pub fn funnel_index(self) -> Option<usize> {
        Stage::FUNNEL.iter().position(|s| *s == self)
    }
    /// Position among the open stages (for per-stage settings).
    pub fn open_index(self) -> Option<usize> {
        Stage::OPEN.iter().position(|s| *s == self)
    }
    /// Stable machine name, used by the report and import.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Lead => "lead",
            Stage::Needs => "needs",
            Stage::Quote => "quote",
            Stage::Contract => "contract",
            Stage::Won => "won",
            Stage::Lost => "lost",
        }
    }
}

/// 流失原因: the managed list a lost deal must pick from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LostReason {
    Price,
    Competitor,
    NoBudget,
    Timing,
    NoDecision,
    Other,
}

impl LostReason {
    pub const ALL: [LostReason; 6] = [
        LostReason::Price,
        LostReason::Competitor,
        LostReason::NoBudget,
        LostReason::Timing,
        LostReason::NoDecision,
        LostReason::Other,
    ];
    pub fn key(self) -> &'static str {
        match self {
            LostReason::Price => "price",
            LostReason::Competitor => "competitor",
            LostReason::NoBudget => "no_budget",
            LostReason::Timing => "timing",
            LostReason::NoDecision => "no_decision",
            LostReason::Other => "other",
        }
    }
}

/// One step of a deal's life: it entered `stage` on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntry {
    pub stage: Stage,
    #[serde(with = "super::ymd")]
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LostInfo {
    pub reason: LostReason,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    /// The id the deal has in an imported file, so re-importing updates it.
    pub external_id: Option<String>,
    pub title: String,
    pub customer: CustomerId,
    pub owner: MemberId,
    pub product: String,
    pub region: String,
    /// Where the deal came from: a channel or a promotion event (schema 2 stored a
    /// name; the upgrade to 3 made it this link).
    pub source: Option<SourceRef>,
    pub amount: Money,
    pub stage: Stage,
    /// Every stage the deal entered, oldest first. The first entry is its creation.
    pub history: Vec<StageEntry>,
    pub lost: Option<LostInfo>,
    /// A manual probability (percent) that beats the stage default until cleared.
    pub probability_override: Option<u8>,
    #[serde(with = "super::ymd::opt", default)]
    pub expected_close: Option<NaiveDate>,
    /// The first expected close date ever set; kept when the date slips.
    #[serde(with = "super::ymd::opt", default)]
    pub original_close: Option<NaiveDate>,
    /// How many times the expected close date was pushed later.
    pub close_slips: u32,
    pub next_step: String,
    #[serde(with = "super::ymd::opt", default)]
    pub next_step_due: Option<NaiveDate>,
    /// Last time anything happened on the deal (move, edit, logged activity).
    #[serde(with = "super::ymd")]
    pub last_activity: NaiveDate,
    pub notes: String,
    /// A forecast category chosen by hand; a stage move never overwrites it (see
    /// `model::forecast`). None: the stage's default.
    #[serde(default)]
    pub forecast_override: Option<super::forecast::ForecastCategory>,
}
crate::keyed!(Deal, DealId);

impl Deal {
    /// A new deal entering `stage` on `day`, every other field empty (id 0: the apply
    /// path gives it its id).
    pub fn new(stage: Stage, day: NaiveDate) -> Deal {
        Deal {
            id: DealId(0),
            external_id: None,
            title: String::new(),
            customer: CustomerId(0),
            owner: MemberId(0),
            product: String::new(),
            region: String::new(),
            source: None,
            amount: Money::ZERO,
            stage,
            history: vec![StageEntry { stage, date: day }],
            lost: None,
            probability_override: None,
            expected_close: None,
            original_close: None,
            close_slips: 0,
            next_step: String::new(),
            next_step_due: None,
            last_activity: day,
            notes: String::new(),
            forecast_override: None,
        }
    }

    pub fn created(&self) -> NaiveDate {
        self.history
            .first()
            .map(|h| h.date)
            .unwrap_or(self.last_activity)
    }
    /// The date the deal entered `stage`, if it did.
    pub fn entered(&self, stage: Stage) -> Option<NaiveDate> {
        self.history
            .iter()
            .rev()
            .find(|h| h.stage == stage)
            .map(|h| h.date)
    }
    /// The date the deal entered its current stage.
    pub fn stage_since(&self) -> NaiveDate {
        self.history
            .last()
            .map(|h| h.date)
            .unwrap_or(self.last_activity)
    }
    /// The date it was won or lost.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        if self.stage.is_open() {
            None
        } else {
            Some(self.stage_since())
        }
    }
    /// The furthest funnel stage the deal reached (Lost deals: the last open stage they
    /// were in before being lost).
    pub fn furthest_stage(&self) -> Stage {
        self.history
            .iter()
            .filter_map(|h| h.stage.funnel_index())
            .max()
            .map(|i| Stage::FUNNEL[i])
            .unwrap_or(Stage::Lead)
    }
    /// Probability in percent: the override, else the stage default.
    pub fn probability(&self, defaults: &[u8; 4]) -> u8 {
        match self.stage {
            Stage::Won => 100,
            Stage::Lost => 0,
            s => self
                .probability_override
                .unwrap_or_else(|| defaults[s.open_index().unwrap_or(0)]),
        }
    }
    pub fn weighted(&self, defaults: &[u8; 4]) -> Money {
        self.amount.percent(self.probability(defaults) as f64)
    }

    /// Moves the deal to `to` on `date`, recording history. Moving to Lost needs a reason;
    /// leaving Lost clears it. The probability override is deliberately kept.
    pub fn move_to(
        &mut self,
        to: Stage,
        date: NaiveDate,
        lost: Option<LostInfo>,
    ) -> Result<(), Problem> {
        if to == self.stage {
            return Ok(());
        }
        if to == Stage::Lost {
            match lost {
                Some(info) => self.lost = Some(info),
                None => return Err(Problem::Required),
            }
        } else {
            self.lost = None;
        }
        self.stage = to;
        self.history.push(StageEntry { stage: to, date });
        self.last_activity = self.last_activity.max(date);
        Ok(())
    }

    /// Sets a new expected close date, counting a slip when it moves later.
    pub fn set_expected_close(&mut self, new: Option<NaiveDate>) {
        if let (Some(old), Some(n)) = (self.expected_close, new)
            && n > old
        {
            self.close_slips += 1;
        }
        if self.original_close.is_none() {
            self.original_close = new;
        }
        self.expected_close = new;
    }

    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("title", &self.title);
        e.not_negative("amount", self.amount);
        e.max_len("product", &self.product, MAX_LINE);
        e.max_len("region", &self.region, MAX_LINE);
        e.max_len("next_step", &self.next_step, MAX_LINE);
        e.max_len("notes", &self.notes, MAX_NOTE);
        if let Some(p) = self.probability_override {
            e.range("probability", p as i64, 0, 100);
        }
        if self.history.is_empty() {
            e.add("history", Problem::Required);
        } else if self.history.last().map(|h| h.stage) != Some(self.stage) {
            e.add("history", Problem::Conflicts("stage"));
        }
        if !self.history.is_sorted_by_key(|h| h.date) {
            e.add("history", Problem::NotAscending);
        }
        if self.stage == Stage::Lost && self.lost.is_none() {
            e.add("lost_reason", Problem::Required);
        }
        e.not_before(
            "expected_close",
            self.expected_close,
            "created",
            self.history.first().map(|h| h.date),
        );
        e
    }
}

/// deals.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DealsFile {
    pub deals: Table<Deal>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn deal() -> Deal {
        Deal {
            id: DealId(1),
            title: "ERP".into(),
            customer: CustomerId(1),
            owner: MemberId(1),
            product: "A".into(),
            region: "East".into(),
            source: None,
            amount: Money(100_000),
            ..Deal::new(Stage::Lead, d(2026, 1, 1))
        }
    }

    #[test]
    fn manual_probability_survives_stage_moves() {
        let mut x = deal();
        x.probability_override = Some(65);
        x.move_to(Stage::Needs, d(2026, 1, 5), None).unwrap();
        x.move_to(Stage::Quote, d(2026, 1, 9), None).unwrap();
        assert_eq!(x.probability(&[10, 25, 50, 80]), 65);
        x.probability_override = None;
        assert_eq!(x.probability(&[10, 25, 50, 80]), 50);
    }

    #[test]
    fn lost_needs_a_reason_and_records_history() {
        let mut x = deal();
        assert_eq!(
            x.move_to(Stage::Lost, d(2026, 2, 1), None),
            Err(Problem::Required)
        );
        assert_eq!(x.stage, Stage::Lead);
        let info = LostInfo {
            reason: LostReason::Price,
            note: String::new(),
        };
        x.move_to(Stage::Lost, d(2026, 2, 1), Some(info)).unwrap();
        assert_eq!(x.history.len(), 2);
        assert_eq!(x.closed_on(), Some(d(2026, 2, 1)));
        assert_eq!(x.furthest_stage(), Stage::Lead);
    }

    #[test]
    fn close_slips_count_only_later_dates_and_keep_the_original() {
        let mut x = deal();
        x.set_expected_close(Some(d(2026, 3, 1)));
        x.set_expected_close(Some(d(2026, 4, 1)));
        x.set_expected_close(Some(d(2026, 3, 15)));
        x.set_expected_close(Some(d(2026, 5, 1)));
        assert_eq!(x.close_slips, 2);
        assert_eq!(x.original_close, Some(d(2026, 3, 1)));
    }
}
