//! Expense rows: `date` 日期, `category` 类别 (a budget category by name), `amount` 金额,
//! optional `payee` 收款方 and `notes` 备注. An expense the workspace already has (same
//! date, category, amount and payee) is not added twice, so a file can be imported again.

use super::columns::{Col, Columns};
use super::plan::{Ctx, RowCells, data_rows};
use super::read::Sheet;
use crate::model::{CategoryId, Change, Expense, ExpenseId, Record};

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
            c.fail(col, fe.problem.english());
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

/// The budget category called `name`; categories are made on the Budget page, so an
/// unknown name is refused with the names there are.
fn category(ctx: &Ctx, name: &str) -> Result<CategoryId, String> {
    let cats = &ctx.ws.budget.categories;
    let found: Vec<CategoryId> = cats
        .iter()
        .filter(|c| c.name.trim() == name)
        .map(|c| c.id)
        .collect();
    match found[..] {
        [id] => Ok(id),
        [] => {
            let names: Vec<&str> = cats.iter().map(|c| c.name.as_str()).collect();
            Err(if names.is_empty() {
                format!(
                    "no budget category is called {name}: add categories on the Budget page first"
                )
            } else {
                format!(
                    "no budget category is called {name}; the categories are: {}",
                    names.join(", ")
                )
            })
        }
        _ => Err(format!(
            "{} budget categories are called {name}; rename one on the Budget page",
            found.len()
        )),
    }
}
