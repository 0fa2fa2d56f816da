//! The import engine: deals from a CSV file (UTF-8 or GB18030, English or
//! Chinese headers) into the workspace, all or nothing.
//!
//! Columns (by header): `id`, `deal` 商机, `customer` 客户, `owner` 负责人, `region` 区域,
//! `product` 产品, `source` 来源, `amount` 金额, `created` 创建日期, `needs` 需求分析,
//! `quote` 报价谈判, `contract` 合同签订, `won` 成交, `lost` 流失, `lost_reason` 流失原因,
//! `expected_close` 预计成交, `probability` 概率. Required: deal, customer, owner,
//! amount, created. Unknown columns are ignored (and named in the summary).
//!
//! - Customers and owners are matched by exact name (trimmed); new names are created.
//! - A row whose `id` matches a deal imported before updates that deal. Its stage history
//!   is rebuilt from the row; optional columns missing from the file keep the deal's
//!   current value; the next step, notes and close-date slips are kept.
//! - Any bad row refuses the whole file: every problem is listed with its line and
//!   column, and nothing is written.
//! - Everything is one [`Change::Batch`] through [`Document::apply`], so the app can
//!   undo an import as one step.
//!
//! It sits below the command line and the window (`cli::import` is the command's
//! printing and its data-folder handling), so both can reach it.

mod columns;
mod decode;
mod rows;

pub use columns::Col;
pub use rows::lost_info;

use crate::model::{
    Change, Channel, ChannelId, ChannelKind, Customer, CustomerId, Deal, DealId, Document, Member,
    MemberId, Money, Record, Role, SourceResolver, Stage, Workspace, provisional_id,
};
use chrono::NaiveDate;
use columns::Columns;
use rows::Row;
use std::collections::HashMap;

/// One problem in the file: line 0 is the file as a whole, line 1 the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    /// The column's header as the file writes it (or its English name).
    pub column: String,
    pub reason: String,
}

impl RowError {
    pub fn new(line: u64, column: impl Into<String>, reason: impl Into<String>) -> RowError {
        RowError {
            line,
            column: column.into(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column.is_empty()) {
            (0, _) => write!(f, "{}", self.reason),
            (l, true) => write!(f, "line {l}: {}", self.reason),
            (l, false) => write!(f, "line {l}, column {}: {}", self.column, self.reason),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Data rows read (blank rows are skipped).
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    /// Rows whose deal already held exactly these values.
    pub unchanged: usize,
    pub new_customers: usize,
    pub new_members: usize,
    /// The channels made for `source` names that no channel or event has, in order.
    pub new_channels: Vec<String>,
    /// Headers the import does not know.
    pub ignored_columns: Vec<String>,
}

/// Imports the CSV `bytes` into `doc` as one undoable change. On any problem nothing at
/// all changes and every problem is returned, in file order. `today` is the joining date
/// of reps the file introduces.
pub fn import_deals(
    doc: &mut Document,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportSummary, Vec<RowError>> {
    let text = decode::decode(bytes).map_err(|reason| vec![RowError::new(0, "", reason)])?;
    let (rows, cols, mut errors) = read_rows(&text)?;
    // The rows that read well are still checked against the model, so one run lists
    // every problem in the file.
    let plan = match plan(doc.ws(), &rows, &cols, today) {
        Ok(p) if errors.is_empty() => p,
        Ok(_) => return Err(errors),
        Err(more) => {
            errors.extend(more);
            errors.sort_by_key(|e| e.line);
            return Err(errors);
        }
    };
    let mut summary = ImportSummary {
        rows: rows.len(),
        ignored_columns: cols.ignored,
        ..Default::default()
    };
    let changes = build_changes(doc, &rows, plan, today, &mut summary);
    if !changes.is_empty() {
        let label = format!("Import {} deals", summary.created + summary.updated);
        doc.apply(Change::Batch(changes), label).map_err(|e| {
            // The rows were checked against the same rules above; this is a backstop.
            e.0.into_iter()
                .map(|fe| RowError::new(0, "", format!("{} {}", fe.field, fe.problem.english())))
                .collect::<Vec<_>>()
        })?;
    }
    Ok(summary)
}

/// Parses the CSV text into the rows that passed their cell checks and the problems of
/// those that did not. Err when the file cannot be read at all (no header, missing
/// required columns).
type ReadRows = (Vec<Row>, Columns, Vec<RowError>);
fn read_rows(text: &str) -> Result<ReadRows, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(vec![csv_error(&e)]),
        None => {
            return Err(vec![RowError::new(
                0,
                "",
                "the file is empty: it needs a header row",
            )]);
        }
    };
    let cols = Columns::from_header(header.iter())?;
    let width = header.len();
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    // The first line of each external id, to refuse an id used twice in one file.
    let mut seen: HashMap<String, u64> = HashMap::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(&e));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue; // Excel leaves rows of empty cells at the end
        }
        if rec.iter().skip(width).any(|c| !c.trim().is_empty()) {
            errors.push(RowError::new(
                line,
                "",
                format!("has {} cells but the header has {width} columns", rec.len()),
            ));
            continue;
        }
        let cells: Vec<&str> = rec.iter().collect();
        let Some(row) = rows::parse_row(&cols, &cells, line, &mut errors) else {
            continue;
        };
        if let Some(id) = &row.external_id {
            if let Some(first) = seen.get(id) {
                errors.push(RowError::new(
                    line,
                    cols.name(Col::Id),
                    format!("id {id} is already used on line {first}"),
                ));
                continue;
            }
            seen.insert(id.clone(), line);
        }
        rows.push(row);
    }
    Ok((rows, cols, errors))
}

fn csv_error(e: &csv::Error) -> RowError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    RowError::new(line, "", format!("cannot be read as CSV: {e}"))
}

/// A customer the file introduces: named on row `first`, its `created` the earliest
/// deal date among its rows (so "new customers" counts them when they really came).
struct NewCustomer {
    name: String,
    first: usize,
    created: NaiveDate,
}

/// Who and what the rows refer to: existing or new customers and reps, existing deals.
struct Plan {
    customers: HashMap<String, Ref<CustomerId>>,
    members: HashMap<String, Ref<MemberId>>,
    new_customers: Vec<NewCustomer>,
    /// New rep names in order of first appearance.
    new_members: Vec<String>,
    /// The existing deal each row updates, if any.
    existing: Vec<Option<DealId>>,
}

#[derive(Clone, Copy)]
enum Ref<Id> {
    Existing(Id),
    /// Index into the plan's list of new names.
    New(usize),
}

/// Resolves names and ids, and checks every record that will be written against the
/// model's rules, so the batch cannot fail halfway for a reason we could have named.
fn plan(
    ws: &Workspace,
    rows: &[Row],
    cols: &Columns,
    today: NaiveDate,
) -> Result<Plan, Vec<RowError>> {
    let mut customer_ids: HashMap<&str, CustomerId> = HashMap::new();
    for c in ws.customers.customers.iter() {
        customer_ids.entry(c.name.trim()).or_insert(c.id);
    }
    let mut member_ids: HashMap<&str, MemberId> = HashMap::new();
    for m in ws.team.members.iter() {
        member_ids.entry(m.name.trim()).or_insert(m.id);
    }
    let mut deal_ids: HashMap<&str, DealId> = HashMap::new();
    for d in ws.deals.deals.iter() {
        if let Some(x) = &d.external_id {
            deal_ids.entry(x.trim()).or_insert(d.id);
        }
    }
    let mut p = Plan {
        customers: HashMap::new(),
        members: HashMap::new(),
        new_customers: Vec::new(),
        new_members: Vec::new(),
        existing: Vec::with_capacity(rows.len()),
    };
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match p.customers.get(&r.customer) {
            Some(Ref::New(n)) => {
                let c = &mut p.new_customers[*n];
                c.created = c.created.min(r.created());
            }
            Some(Ref::Existing(_)) => {}
            None => {
                let t = match customer_ids.get(r.customer.as_str()) {
                    Some(id) => Ref::Existing(*id),
                    None => {
                        let c = new_customer(r, CustomerId(0), None, r.created());
                        let col = cols.name(Col::Customer);
                        push_errors(&mut errors, r.line, &col, Record::Customer(c).validate());
                        p.new_customers.push(NewCustomer {
                            name: r.customer.clone(),
                            first: i,
                            created: r.created(),
                        });
                        Ref::New(p.new_customers.len() - 1)
                    }
                };
                p.customers.insert(r.customer.clone(), t);
            }
        }
        if !p.members.contains_key(&r.owner) {
            let t = match member_ids.get(r.owner.as_str()) {
                Some(id) => Ref::Existing(*id),
                None => {
                    let m = new_member(&r.owner, MemberId(0), today);
                    let col = cols.name(Col::Owner);
                    push_errors(&mut errors, r.line, &col, Record::Member(m).validate());
                    p.new_members.push(r.owner.clone());
                    Ref::New(p.new_members.len() - 1)
                }
            };
            p.members.insert(r.owner.clone(), t);
        }
        let existing = r
            .external_id
            .as_deref()
            .and_then(|x| deal_ids.get(x).copied());
        let base = existing.and_then(|id| ws.deals.deals.get(id));
        let deal = deal_from_row(r, base, DealId(0), CustomerId(0), MemberId(0));
        for fe in deal.validate().0 {
            let col = column_of(fe.field)
                .map(|c| cols.name(c))
                .unwrap_or(fe.field.to_string());
            errors.push(RowError::new(r.line, col, fe.problem.english()));
        }
        // A source name no channel or event has becomes a channel: its name must fit one.
        if let Some(name) = r.source.as_deref().filter(|n| !n.trim().is_empty()) {
            let ch = Channel::new(name.trim(), ChannelKind::Other);
            let col = cols.name(Col::Source);
            push_errors(&mut errors, r.line, &col, Record::Channel(ch).validate());
        }
        p.existing.push(existing);
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

/// A customer or rep name that breaks a rule (too long …) is its column's fault.
fn push_errors(errors: &mut Vec<RowError>, line: u64, column: &str, e: crate::model::Errors) {
    for fe in e.0 {
        errors.push(RowError::new(line, column, fe.problem.english()));
    }
}

/// The file column a deal field comes from, for messages.
fn column_of(field: &str) -> Option<Col> {
    Some(match field {
        "title" => Col::Deal,
        "amount" => Col::Amount,
        "product" => Col::Product,
        "region" => Col::Region,
        "source" => Col::Source,
        "probability" => Col::Probability,
        "expected_close" => Col::ExpectedClose,
        "history" => Col::Created,
        "lost_reason" => Col::LostReason,
        _ => return None,
    })
}

/// Builds the batch: reps, then customers, then deals. The new customers and reps carry
/// provisional ids that the deals name inside the same batch; applying it gives them
/// their real ids, so a refused import reserves nothing.
fn build_changes(
    doc: &Document,
    rows: &[Row],
    plan: Plan,
    today: NaiveDate,
    s: &mut ImportSummary,
) -> Vec<Change> {
    let provisional = |n: usize| provisional_id(n as u64);
    let member_ids: Vec<MemberId> = (0..plan.new_members.len())
        .map(|i| MemberId(provisional(i)))
        .collect();
    let customer_ids: Vec<CustomerId> = (0..plan.new_customers.len())
        .map(|i| CustomerId(provisional(i)))
        .collect();
    let member = |name: &str| match plan.members[name] {
        Ref::Existing(id) => id,
        Ref::New(i) => member_ids[i],
    };
    let customer = |name: &str| match plan.customers[name] {
        Ref::Existing(id) => id,
        Ref::New(i) => customer_ids[i],
    };
    // Source names become links to channels or events; new channels carry provisional ids.
    let ws = doc.ws();
    let mut sources =
        SourceResolver::new(&ws.marketing, &ws.promotions, |n| ChannelId(provisional(n)));
    let mut changes = Vec::new();
    for (name, id) in plan.new_members.iter().zip(&member_ids) {
        changes.push(Change::put(Record::Member(new_member(name, *id, today))));
    }
    for (c, id) in plan.new_customers.iter().zip(&customer_ids) {
        let r = &rows[c.first];
        debug_assert_eq!(r.customer, c.name);
        let owner = Some(member(&r.owner));
        let mut customer = new_customer(r, *id, owner, c.created);
        customer.source = r.source.as_deref().and_then(|n| sources.resolve(n));
        changes.push(Change::put(Record::Customer(customer)));
    }
    for (r, existing) in rows.iter().zip(&plan.existing) {
        let base = existing.and_then(|id| doc.ws().deals.deals.get(id));
        let id = existing.unwrap_or(DealId(0));
        let mut deal = deal_from_row(r, base, id, customer(&r.customer), member(&r.owner));
        if let Some(name) = &r.source {
            deal.source = sources.resolve(name);
        }
        match base {
            Some(old) if *old == deal => {
                s.unchanged += 1;
                continue;
            }
            Some(_) => s.updated += 1,
            None => s.created += 1,
        }
        changes.push(Change::put(Record::Deal(deal)));
    }
    s.new_customers = customer_ids.len();
    s.new_members = member_ids.len();
    let channels = sources.into_new_channels();
    s.new_channels = channels.iter().map(|c| c.name.clone()).collect();
    // The channels go first, so the customers and deals that name them find them.
    let channels = channels
        .into_iter()
        .map(|c| Change::put(Record::Channel(c)));
    changes.splice(0..0, channels);
    changes
}

/// The deal a row describes: a new one, or `base` updated with the row's values.
fn deal_from_row(
    r: &Row,
    base: Option<&Deal>,
    id: DealId,
    customer: CustomerId,
    owner: MemberId,
) -> Deal {
    let last = r.history.last().map(|h| h.date).unwrap_or(r.created());
    let mut d = match base {
        Some(old) => old.clone(),
        None => Deal {
            id,
            customer,
            owner,
            history: Vec::new(),
            ..Deal::new(Stage::Lead, last)
        },
    };
    d.id = id;
    d.external_id = r.external_id.clone();
    d.title = r.title.clone();
    d.customer = customer;
    d.owner = owner;
    for (field, value) in [(&mut d.region, &r.region), (&mut d.product, &r.product)] {
        if let Some(v) = value {
            field.clone_from(v);
        }
    }
    d.amount = r.amount;
    d.history = r.history.clone();
    d.stage = r.stage();
    d.lost = r.lost.clone();
    if let Some(p) = r.probability {
        d.probability_override = p;
    }
    if let Some(close) = r.expected_close {
        // Through the model, so a later date on re-import counts as a slip.
        d.set_expected_close(close);
    }
    d.last_activity = d.last_activity.max(last);
    d
}

fn new_customer(r: &Row, id: CustomerId, owner: Option<MemberId>, created: NaiveDate) -> Customer {
    Customer {
        id,
        name: r.customer.clone(),
        industry: String::new(),
        region: r.region.clone().unwrap_or_default(),
        segment: None,
        owner,
        phone: String::new(),
        email: String::new(),
        address: String::new(),
        // Resolved with the deals' sources when the batch is built.
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

/// Imports `file` into the workspace in `dir` and saves it. Exit code 0 when imported, 1
/// when refused (bad rows, unreadable workspace, the app holding the data dir …).
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LostReason;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const CSV: &str = "id,deal,customer,owner,amount,created,quote,won,lost,lost_reason,expected_close\n\
        A1,ERP,甲公司,Li,1000,2026-01-05,2026-01-10,2026-02-01,,,\n\
        A2,CRM,乙公司,Wang,500.5,2026-01-06,,,2026-01-20,时机,\n\
        A3,BI,甲公司,Li,200,2026-01-07,,,,,2026-03-31\n";

    #[test]
    fn imports_as_one_undoable_batch() {
        let mut doc = Document::default();
        let s = import_deals(&mut doc, CSV.as_bytes(), d("2026-03-01")).unwrap();
        assert_eq!(
            (s.rows, s.created, s.new_customers, s.new_members),
            (3, 3, 2, 2)
        );
        let ws = &doc.ws();
        assert_eq!(ws.deals.deals.len(), 3);
        let a1 = &ws.deals.deals.rows[0];
        assert_eq!(a1.stage, Stage::Won);
        assert_eq!(ws.customer_name(a1.customer), "甲公司");
        assert_eq!(ws.member_name(a1.owner), "Li");
        let a2 = &ws.deals.deals.rows[1];
        assert_eq!(a2.lost.as_ref().unwrap().reason, LostReason::Timing);
        assert_eq!(a2.amount, Money(50_050));
        // The customer is as old as its first deal.
        assert_eq!(ws.customers.customers.rows[0].created, d("2026-01-05"));
        assert!(doc.undo().is_some());
        assert!(doc.ws().deals.deals.is_empty() && doc.ws().customers.customers.is_empty());
    }

    #[test]
    fn reimport_updates_by_id() {
        let mut doc = Document::default();
        import_deals(&mut doc, CSV.as_bytes(), d("2026-03-01")).unwrap();
        let rev = doc.revision();
        let s = import_deals(&mut doc, CSV.as_bytes(), d("2026-03-01")).unwrap();
        assert_eq!((s.created, s.updated, s.unchanged), (0, 0, 3));
        assert_eq!(doc.revision(), rev, "nothing to do changes nothing");
        let moved = CSV
            .replace("2026-03-31", "2026-04-30")
            .replace("500.5", "600");
        let s = import_deals(&mut doc, moved.as_bytes(), d("2026-03-01")).unwrap();
        assert_eq!(
            (s.created, s.updated, s.unchanged, s.new_customers),
            (0, 2, 1, 0)
        );
        assert_eq!(doc.ws().deals.deals.len(), 3);
        let a3 = &doc.ws().deals.deals.rows[2];
        assert_eq!(
            (a3.close_slips, a3.original_close),
            (1, Some(d("2026-03-31")))
        );
    }

    #[test]
    fn refused_import_changes_nothing() {
        let mut doc = Document::default();
        let before = doc.ws().clone();
        let bad = "deal,customer,owner,amount,created,expected_close,id\n\
            ok,甲,Li,1,2026-01-01,,x\n\
            dup,甲,Li,1,2026-01-01,,x\n\
            early close,甲,Li,1,2026-01-05,2026-01-01,y\n";
        let e = import_deals(&mut doc, bad.as_bytes(), d("2026-03-01")).unwrap_err();
        let got: Vec<(u64, &str)> = e.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(got, [(3, "id"), (4, "expected_close")]);
        assert_eq!(e[1].reason, "is before created");
        assert_eq!(*doc.ws(), before);
        assert_eq!(doc.revision(), 0);
        let e = import_deals(&mut doc, b"", d("2026-03-01")).unwrap_err();
        assert_eq!(e[0].line, 0);
    }
}
