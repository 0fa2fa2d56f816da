//! 预算管理与成本控制: categories, yearly plans and expenses.

use super::common::{Money, Table};
use super::marketing::SourceRef;
use super::validate::{Errors, MAX_LINE, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(CategoryId);
crate::define_id!(BudgetLineId);
crate::define_id!(ExpenseId);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetCategory {
    pub id: CategoryId,
    pub name: String,
    /// Retired categories keep their history but are not offered for new expenses.
    pub active: bool,
}
crate::keyed!(BudgetCategory, CategoryId);

impl BudgetCategory {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e
    }
}

/// The planned amount of one category for one year. Quarters and months get the plan
/// split evenly unless `monthly` gives the twelve amounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub id: BudgetLineId,
    pub year: i32,
    pub category: CategoryId,
    pub planned: Money,
    pub monthly: Option<Vec<Money>>,
}
crate::keyed!(BudgetLine, BudgetLineId);

impl BudgetLine {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_negative("planned", self.planned);
        e.range("year", self.year as i64, 2000, 2200);
        if let Some(m) = &self.monthly {
            if m.len() != 12 {
                e.add(
                    "monthly",
                    super::validate::Problem::OutOfRange { min: 12, max: 12 },
                );
            }
            if m.iter().any(|x| x.is_negative()) {
                e.add("monthly", super::validate::Problem::Negative);
            }
        }
        e
    }
    /// Planned amount of month 1–12: the given split, else an even split whose months
    /// add up exactly to the year (the remainder goes to the first months).
    pub fn month_plan(&self, month: u32) -> Money {
        let i = (month.clamp(1, 12) - 1) as usize;
        if let Some(m) = &self.monthly
            && m.len() == 12
        {
            return m[i];
        }
        let base = self.planned.0.div_euclid(12);
        let rest = self.planned.0.rem_euclid(12) as usize;
        Money(base + if i < rest { 1 } else { 0 })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expense {
    pub id: ExpenseId,
    #[serde(with = "super::ymd")]
    pub date: NaiveDate,
    pub category: CategoryId,
    pub amount: Money,
    pub payee: String,
    pub note: String,
    /// What it was spent on, so ROI can be computed per channel or event.
    pub link: Option<SourceRef>,
}
crate::keyed!(Expense, ExpenseId);

impl Expense {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.not_negative("amount", self.amount);
        if self.amount.0 == 0 {
            e.add("amount", super::validate::Problem::Required);
        }
        e.max_len("payee", &self.payee, MAX_LINE);
        e.max_len("note", &self.note, MAX_NOTE);
        e
    }
}

/// budget.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetFile {
    pub categories: Table<BudgetCategory>,
    pub lines: Table<BudgetLine>,
    pub expenses: Table<Expense>,
}
