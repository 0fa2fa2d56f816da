//! What every kind of row shares: reading a row's cells by column, and finding the
//! customers and reps it names, by name, among those the workspace has and those the
//! import introduces (one batch, so a deals sheet may name a customer its customers
//! sheet adds).

use super::columns::{Col, Columns};
use super::read::{Cell, RawRow};
use super::values;
use super::{RowError, Why};
use crate::model::{
    BudgetCategory, Change, Channel, ChannelId, Customer, CustomerId, Member, MemberId, Money,
    Problem, Record, Role, SourceRef, SourceResolver, Workspace, provisional_id,
};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One data row's cells, read by column; every problem is kept for the row.
pub struct RowCells<'a> {
    pub cols: &'a Columns,
    pub row: &'a RawRow,
    pub sheet: &'a str,
    pub errors: Vec<RowError>,
}

const EMPTY: Cell = Cell::Empty;

impl<'a> RowCells<'a> {
    pub fn new(cols: &'a Columns, row: &'a RawRow, sheet: &'a str) -> Self {
        RowCells {
            cols,
            row,
            sheet,
            errors: Vec::new(),
        }
    }
    pub fn line(&self) -> u64 {
        self.row.line
    }
    /// The cell of `c` (empty when the row is short); None when the file has no such
    /// column.
    pub fn cell(&self, c: Col) -> Option<&'a Cell> {
        self.cols
            .index(c)
            .map(|i| self.row.cells.get(i).unwrap_or(&EMPTY))
    }
    /// The trimmed text of `c`; None when the file has no such column.
    pub fn get(&self, c: Col) -> Option<String> {
        self.cell(c).map(values::text)
    }
    pub fn text(&self, c: Col) -> String {
        self.get(c).unwrap_or_default()
    }
    pub fn fail(&mut self, c: Col, reason: impl Into<Why>) {
        let e = RowError::new(self.line(), self.cols.name(c), reason).in_sheet(self.sheet);
        self.errors.push(e);
    }
    pub fn required(&mut self, c: Col) -> String {
        let t = self.text(c);
        if t.is_empty() {
            self.fail(c, Problem::Required);
        }
        t
    }
    fn check<T>(&mut self, c: Col, r: Result<T, Why>) -> Option<T> {
        r.map_err(|e| self.fail(c, e)).ok()
    }
    pub fn money(&mut self, c: Col) -> Option<Money> {
        let r = values::money(self.cell(c).unwrap_or(&EMPTY), self.cols.decimal_comma);
        self.check(c, r)
    }
    /// An amount that may be left empty: None when the cell or the column is absent.
    pub fn optional_money(&mut self, c: Col) -> Option<Option<Money>> {
        match self.cell(c) {
            None => Some(None),
            Some(cell) if cell.is_blank() => Some(None),
            Some(_) => self.money(c).map(Some),
        }
    }
    pub fn date(&mut self, c: Col) -> Option<NaiveDate> {
        let r = values::date(self.cell(c).unwrap_or(&EMPTY));
        self.check(c, r)
    }
    pub fn optional_date(&mut self, c: Col) -> Option<NaiveDate> {
        let r = values::optional_date(self.cell(c).unwrap_or(&EMPTY));
        self.check(c, r).flatten()
    }
    /// The row's problems, moved to `errors`; true when it had none.
    pub fn finish(&mut self, errors: &mut Vec<RowError>) -> bool {
        let ok = self.errors.is_empty();
        errors.append(&mut self.errors);
        ok
    }
}

/// The data rows of a sheet after its header row at `header`: blank rows (Excel leaves
/// them at the end) skipped, a row with cells past the header's width refused.
pub fn data_rows<'a>(
    rows: &'a [RawRow],
    header: usize,
    sheet: &str,
    errors: &mut Vec<RowError>,
) -> Vec<&'a RawRow> {
    let width = rows[header].cells.len();
    let rows = rows[header + 1..].iter().filter(|r| {
        if r.cells.iter().all(Cell::is_blank) {
            return false;
        }
        if r.cells.iter().skip(width).any(|c| !c.is_blank()) {
            let reason = Why::TooManyCells {
                cells: r.cells.len(),
                width,
            };
            errors.push(RowError::new(r.line, "", reason).in_sheet(sheet));
            return false;
        }
        true
    });
    rows.collect()
}

/// A name found: a record the workspace has, or one this import adds (index into the
/// new records).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Named<Id> {
    Existing(Id),
    New(usize),
}

/// The whole import's state while its sheets are planned.
pub struct Ctx<'a> {
    pub ws: &'a Workspace,
    pub today: NaiveDate,
    pub errors: Vec<RowError>,
    /// Changes to existing records and new records of the row kinds, in file order.
    pub changes: Vec<Change>,
    pub new_customers: Vec<Customer>,
    pub new_members: Vec<Member>,
    /// Budget categories expense rows name that the workspace does not have.
    pub new_categories: Vec<BudgetCategory>,
    customers: HashMap<String, Named<CustomerId>>,
    members: HashMap<String, Named<MemberId>>,
    existing_customers: HashMap<String, Vec<CustomerId>>,
    existing_members: HashMap<String, Vec<MemberId>>,
    /// Source names to channel or event links; the channels it makes join the batch.
    sources: SourceResolver<'a, fn(usize) -> ChannelId>,
}

/// The provisional id of the n-th channel an import makes.
fn new_channel_id(n: usize) -> ChannelId {
    ChannelId(provisional_id(n as u64))
}

impl<'a> Ctx<'a> {
    pub fn new(ws: &'a Workspace, today: NaiveDate) -> Self {
        let mut existing_customers: HashMap<String, Vec<CustomerId>> = HashMap::new();
        for c in ws.customers.customers.iter() {
            existing_customers
                .entry(c.name.trim().to_string())
                .or_default()
                .push(c.id);
        }
        let mut existing_members: HashMap<String, Vec<MemberId>> = HashMap::new();
        for m in ws.team.members.iter() {
            existing_members
                .entry(m.name.trim().to_string())
                .or_default()
                .push(m.id);
        }
        Ctx {
            ws,
            today,
            errors: Vec::new(),
            changes: Vec::new(),
            new_customers: Vec::new(),
            new_members: Vec::new(),
            new_categories: Vec::new(),
            customers: HashMap::new(),
            members: HashMap::new(),
            existing_customers,
            existing_members,
            sources: SourceResolver::new(&ws.marketing, &ws.promotions, new_channel_id),
        }
    }

    /// The link a `source` cell names: a channel or an event of that name, else a new
    /// channel of kind other (其他), so nothing typed is lost. Empty: no source.
    pub fn source(&mut self, text: &str) -> Result<Option<SourceRef>, Why> {
        let before = self.sources.new_channels().len();
        let link = self.sources.resolve(text);
        if let Some(made) = self.sources.new_channels().get(before)
            && let Some(fe) = Record::Channel(made.clone())
                .validate()
                .0
                .into_iter()
                .next()
        {
            return Err(Why::NewChannelName(fe.problem));
        }
        Ok(link)
    }

    /// The names of the channels the import makes, in order.
    pub fn new_channel_names(&self) -> Vec<String> {
        self.sources
            .new_channels()
            .iter()
            .map(|c| c.name.clone())
            .collect()
    }

    /// The customer called `name`, if the workspace or this import has one. Two
    /// customers of that name (the app allows it) refuse the row, naming both.
    pub fn find_customer(&mut self, name: &str) -> Result<Option<Named<CustomerId>>, Why> {
        if let Some(n) = self.customers.get(name) {
            return Ok(Some(*n));
        }
        match self.existing_customers.get(name).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([one]) => {
                self.customers
                    .insert(name.to_string(), Named::Existing(*one));
                Ok(Some(Named::Existing(*one)))
            }
            Some(many) => {
                let ws = self.ws;
                let each = many
                    .iter()
                    .filter_map(|id| ws.customers.customers.get(*id))
                    .map(|c| {
                        let owner = c.owner.map(|o| ws.member_name(o)).unwrap_or_default();
                        (c.id.0, c.region.clone(), owner.to_string())
                    })
                    .collect();
                Err(Why::SameNameCustomers {
                    name: name.to_string(),
                    each,
                })
            }
        }
    }

    /// The customer called `name`, added as a new customer (made by `make`) when there
    /// is none.
    pub fn customer(
        &mut self,
        name: &str,
        make: impl FnOnce(CustomerId) -> Customer,
    ) -> Result<Named<CustomerId>, Why> {
        if let Some(n) = self.find_customer(name)? {
            return Ok(n);
        }
        let i = self.new_customers.len();
        let c = make(CustomerId(provisional_id(i as u64)));
        if let Some(fe) = Record::Customer(c.clone()).validate().0.into_iter().next() {
            return Err(Why::Rule(fe.problem));
        }
        self.new_customers.push(c);
        self.customers.insert(name.to_string(), Named::New(i));
        Ok(Named::New(i))
    }

    pub fn customer_id(&self, n: Named<CustomerId>) -> CustomerId {
        match n {
            Named::Existing(id) => id,
            Named::New(i) => self.new_customers[i].id,
        }
    }

    /// The rep called `name`, if the workspace or this import has one; ambiguous names
    /// refuse the row.
    pub fn find_member(&mut self, name: &str) -> Result<Option<Named<MemberId>>, Why> {
        if let Some(n) = self.members.get(name) {
            return Ok(Some(*n));
        }
        match self.existing_members.get(name).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([one]) => {
                self.members.insert(name.to_string(), Named::Existing(*one));
                Ok(Some(Named::Existing(*one)))
            }
            Some(many) => Err(Why::SameNameMembers {
                name: name.to_string(),
                ids: many.iter().map(|id| id.0).collect(),
            }),
        }
    }

    /// The rep called `name`, added as a new sales rep when there is none.
    pub fn member(&mut self, name: &str) -> Result<MemberId, Why> {
        let n = match self.find_member(name)? {
            Some(n) => n,
            None => {
                let i = self.new_members.len();
                let m = new_member(name, MemberId(provisional_id(i as u64)), self.today);
                if let Some(fe) = Record::Member(m.clone()).validate().0.into_iter().next() {
                    return Err(Why::Rule(fe.problem));
                }
                self.new_members.push(m);
                self.members.insert(name.to_string(), Named::New(i));
                Named::New(i)
            }
        };
        Ok(self.member_id(n))
    }

    pub fn member_id(&self, n: Named<MemberId>) -> MemberId {
        match n {
            Named::Existing(id) => id,
            Named::New(i) => self.new_members[i].id,
        }
    }

    /// The batch: new channels and reps, then new customers (the rows name them), then
    /// the rows.
    pub fn into_changes(self) -> Vec<Change> {
        let mut all: Vec<Change> = self
            .sources
            .into_new_channels()
            .into_iter()
            .map(|c: Channel| Change::put(Record::Channel(c)))
            .collect();
        all.extend(
            self.new_categories
                .into_iter()
                .map(|c| Change::put(Record::BudgetCategory(c))),
        );
        all.extend(
            self.new_members
                .into_iter()
                .map(|m| Change::put(Record::Member(m))),
        );
        all.extend(
            self.new_customers
                .into_iter()
                .map(|c| Change::put(Record::Customer(c))),
        );
        all.extend(self.changes);
        all
    }
}

/// A customer the file introduces, with only its name and what the row says.
pub fn new_customer(id: CustomerId, name: &str, created: NaiveDate) -> Customer {
    Customer {
        id,
        name: name.to_string(),
        industry: String::new(),
        region: String::new(),
        segment: None,
        owner: None,
        phone: String::new(),
        email: String::new(),
        address: String::new(),
        source: None,
        created,
        annual_potential: Money::ZERO,
        notes: String::new(),
    }
}

fn new_member(name: &str, id: MemberId, joined: NaiveDate) -> Member {
    Member {
        id,
        name: name.to_string(),
        role: Role::SalesRep,
        region: String::new(),
        product_lines: Vec::new(),
        duties: String::new(),
        // The default the team form offers.
        capacity: 25,
        email: String::new(),
        phone: String::new(),
        joined,
        active: true,
    }
}

#[cfg(test)]
pub fn tests_member(name: &str) -> Member {
    new_member(
        name,
        MemberId(0),
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
    )
}
