//! Expense rows: `date` 日期, `category` 类别 (a budget category by name), `amount` 金额,
//! optional `payee` 收款方 and `notes` 备注. An expense the workspace already has (same
//! date, category, amount and payee) is not added twice, so a file can be imported again.
//! A category name the workspace does not have makes that category.

use super::Why;
use super::columns::{Col, Columns};
use super::plan::{Ctx, RowCells, data_rows};
use super::read::Sheet;
use crate::model::{
    BudgetCategory, CategoryId, Change, Expense, ExpenseId, Record, provisional_id,
};

/// Expenses added, and rows the workspace already had.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub unchanged: usize,
}

pub fn plan(ctx: &mut Ctx, sheet: &Sheet, header: usize, cols: &Columns, s: &mut Counts) {
    let rows = data_rows(&sheet.rows, header, &sheet.name, &mut ctx.errors);
    for raw in rows {
        let mut c = RowCells::new(cols, raw, &sheet.name);
        s.rows += 1;
        let date = c.date(Col::Date);
        let amount = c.money(Col::Amount);
        let name = c.required(Col::Category);
        let category = if name.is_empty() {
            None
        } else {
            category(ctx, &name)
                .map_err(|e| c.fail(Col::Category, e))
                .ok()
        };
        let (Some(date), Some(amount), Some(category)) = (date, amount, category) else {
            c.finish(&mut ctx.errors);
            continue;
        };
        let e = Expense {
            id: ExpenseId(0),
            date,
            category,
            amount,
            payee: c.text(Col::Payee),
            note: c.text(Col::Notes),
            link: None,
        };
        for fe in e.validate().0 {
            let col = match fe.field {
                "payee" => Col::Payee,
                "note" => Col::Notes,
                _ => Col::Amount,
            };
            c.fail(col, fe.problem.clone());
        }
        if !c.finish(&mut ctx.errors) {
            continue;
        }
        let known = ctx.ws.budget.expenses.iter().any(|x| {
            (x.date, x.category, x.amount, x.payee.as_str())
                == (e.date, e.category, e.amount, e.payee.as_str())
        });
        if known {
            s.unchanged += 1;
        } else {
            s.created += 1;
            ctx.changes.push(Change::put(Record::Expense(e)));
        }
    }
}

/// The budget category called `name`. A name no category has makes a new one (the
/// import reports it), so a workbook exported from another workspace imports whole.
fn category(ctx: &mut Ctx, name: &str) -> Result<CategoryId, Why> {
    if let Some(i) = ctx.new_categories.iter().position(|c| c.name == name) {
        return Ok(ctx.new_categories[i].id);
    }
    let found: Vec<CategoryId> = ctx
        .ws
        .budget
        .categories
        .iter()
        .filter(|c| c.name.trim() == name)
        .map(|c| c.id)
        .collect();
    match found[..] {
        [id] => Ok(id),
        [] => {
            let n = ctx.new_categories.len() as u64;
            let made = BudgetCategory {
                id: CategoryId(provisional_id(n)),
                name: name.to_string(),
                active: true,
            };
            if let Some(fe) = Record::BudgetCategory(made.clone()).validate().0.first() {
                return Err(Why::NewCategoryName(fe.problem.clone()));
            }
            ctx.new_categories.push(made);
            Ok(CategoryId(provisional_id(n)))
        }
        _ => Err(Why::SameNameCategories {
            name: name.to_string(),
            count: found.len(),
        }),
    }
}
