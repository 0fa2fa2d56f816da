//! Customer rows: `customer` 客户 (the name) and optional details. A name the workspace
//! has once updates that customer with the columns the file has; a new name adds one.

use super::Why;
use super::columns::{Col, Columns};
use super::plan::{Ctx, Named, RowCells, data_rows, new_customer};
use super::read::Sheet;
use crate::model::{Change, Customer, Money, Record};
use std::collections::HashMap;

/// Customers created, updated and unchanged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

pub fn plan(ctx: &mut Ctx, sheet: &Sheet, header: usize, cols: &Columns, s: &mut Counts) {
    let mut seen: HashMap<String, u64> = HashMap::new();
    let rows = data_rows(&sheet.rows, header, &sheet.name, &mut ctx.errors);
    for raw in rows {
        let mut c = RowCells::new(cols, raw, &sheet.name);
        s.rows += 1;
        let name = c.required(Col::Customer);
        let created = c.optional_date(Col::Created);
        let potential = c.optional_money(Col::Potential);
        let owner = match c.get(Col::Owner).filter(|o| !o.is_empty()) {
            None => Some(None),
            Some(o) => match ctx.member(&o) {
                Ok(id) => Some(Some(id)),
                Err(e) => {
                    c.fail(Col::Owner, e);
                    None
                }
            },
        };
        if let Some(first) = seen.get(&name) {
            c.fail(
                Col::Customer,
                Why::NameTwice {
                    name: name.clone(),
                    first: *first,
                },
            );
        }
        seen.entry(name.clone()).or_insert(raw.line);
        let found = if name.is_empty() {
            None
        } else {
            ctx.find_customer(&name)
                .map_err(|e| c.fail(Col::Customer, e))
                .ok()
        };
        let (Some(found), Some(owner), Some(potential)) = (found, owner, potential) else {
            c.finish(&mut ctx.errors);
            continue;
        };
        let today = ctx.today;
        let base = match found {
            Some(Named::Existing(id)) => ctx.ws.customers.customers.get(id).cloned(),
            // Added by a deals sheet of this import: the details fill it in.
            Some(Named::New(i)) => Some(ctx.new_customers[i].clone()),
            None => None,
        };
        let mut cust = base
            .clone()
            .unwrap_or_else(|| new_customer(crate::model::CustomerId(0), &name, today));
        fill(&mut cust, &c, owner, potential, created);
        if let Some(text) = c.get(Col::Source) {
            match ctx.source(&text) {
                Ok(link) => cust.source = link,
                Err(e) => c.fail(Col::Source, e),
            }
        }
        for fe in Record::Customer(cust.clone()).validate().0 {
            let col = match fe.field {
                "email" => Col::Email,
                "phone" => Col::Phone,
                "address" => Col::Address,
                "annual_potential" => Col::Potential,
                "notes" => Col::Notes,
                "industry" => Col::Industry,
                "region" => Col::Region,
                _ => Col::Customer,
            };
            c.fail(col, fe.problem);
        }
        if !c.finish(&mut ctx.errors) {
            continue;
        }
        match found {
            Some(Named::New(i)) => {
                ctx.new_customers[i] = cust;
                s.updated += 1;
            }
            Some(Named::Existing(_)) if base.as_ref() == Some(&cust) => s.unchanged += 1,
            Some(Named::Existing(_)) => {
                s.updated += 1;
                ctx.changes.push(Change::put(Record::Customer(cust)));
            }
            None => {
                // Among the import's new customers, so a deals sheet finds it by name.
                let added = ctx.customer(&name, |id| Customer { id, ..cust });
                debug_assert!(added.is_ok(), "validated above");
                s.created += 1;
            }
        }
    }
}

/// The row's values over `c`; a column the file lacks keeps the customer's value.
fn fill(
    cust: &mut Customer,
    cells: &RowCells,
    owner: Option<crate::model::MemberId>,
    potential: Option<Money>,
    created: Option<chrono::NaiveDate>,
) {
    for (field, col) in [
        (&mut cust.industry, Col::Industry),
        (&mut cust.region, Col::Region),
        (&mut cust.phone, Col::Phone),
        (&mut cust.email, Col::Email),
        (&mut cust.address, Col::Address),
        (&mut cust.notes, Col::Notes),
    ] {
        if let Some(v) = cells.get(col) {
            *field = v;
        }
    }
    if cells.cols.has(Col::Owner) {
        cust.owner = owner;
    }
    if let Some(p) = potential {
        cust.annual_potential = p;
    }
    if let Some(d) = created {
        cust.created = d;
    }
}
