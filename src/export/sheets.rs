//! The workspace as one sheet per collection.
//!
//! Records are walked through their serde form, so a field added to the model shows up
//! in the export by itself (and `names.rs`' test fails until it has a header in both
//! languages). Money is the one type serde cannot tell from an integer (it is
//! transparent), so its fields are listed in [`MONEY_FIELDS`].

use super::tree::{Node, snake_case, to_node};
use super::{Cell, Sheet, names};
use crate::i18n::Lang;
use crate::model::{FileKind, Money, REFERENCES, RecordKind, Workspace};
use std::collections::{BTreeMap, HashMap};

/// Every money field, by record kind and column key (checked against the model by a
/// test that fills each one).
const MONEY_FIELDS: &[(RecordKind, &str)] = &[
    (RecordKind::TeamEvent, "cost"),
    (RecordKind::Target, "amount"),
    (RecordKind::Target, "stretch"),
    (RecordKind::CommissionPlan, "cap"),
    (RecordKind::Target, "challenge"),
    (RecordKind::Customer, "annual_potential"),
    (RecordKind::Deal, "amount"),
    (RecordKind::MarketingPlan, "budget"),
    (RecordKind::MarketSize, "size"),
    (RecordKind::Promotion, "budget"),
    (RecordKind::Promotion, "revenue_goal"),
    (RecordKind::BudgetLine, "planned"),
    (RecordKind::BudgetLine, "monthly"),
    (RecordKind::Expense, "amount"),
];

/// The fields that name a record, in the order they are tried, for the name column
/// beside a reference.
const NAME_FIELDS: [&str; 5] = ["name", "title", "topic", "theme", "subject"];

/// A deal's stage dates, as columns the deal import reads back (`created`, `needs` …).
pub(super) const DEAL_STAGE_COLUMNS: [(&str, crate::model::Stage); 5] = {
    use crate::model::Stage::*;
    [
        ("entered.needs", Needs),
        ("entered.quote", Quote),
        ("entered.contract", Contract),
        ("entered.won", Won),
        ("entered.lost", Lost),
    ]
};

type RawRow = Vec<(String, Node)>;

/// One sheet per collection of `ws`, headers in `lang`, in the model's order (team,
/// performance, customers, deals, marketing, promotions, budget, me).
pub fn workspace_sheets(ws: &Workspace, lang: Lang) -> Vec<Sheet> {
    let raw = raw_tables(ws, FileKind::ALL);
    let names = names_of(&raw);
    RecordKind::ALL
        .iter()
        .map(|kind| {
            let rows = raw.get(kind).map(Vec::as_slice).unwrap_or_default();
            let rows: Vec<RawRow> = rows
                .iter()
                .map(|r| with_references(*kind, r, &names, ws))
                .collect();
            build_sheet(*kind, &rows, lang)
        })
        .collect()
}

/// The sheet of one table holding only the records `ids`, in that order: what a page's
/// "Export" gives for the rows it shows (filtered and sorted as on screen). The columns
/// are those of the table's sheet in the workbook.
pub fn table_sheet(ws: &Workspace, kind: RecordKind, ids: &[u64], lang: Lang) -> Sheet {
    // Only the files the table and the records it points at live in.
    let mut files: Vec<FileKind> = REFERENCES
        .iter()
        .filter(|r| r.child == kind)
        .map(|r| r.parent.file())
        .chain([kind.file()])
        .collect();
    files.sort();
    files.dedup();
    let raw = raw_tables(ws, files);
    let names = names_of(&raw);
    let rows = raw.get(&kind).map(Vec::as_slice).unwrap_or_default();
    let by_id: HashMap<i64, &RawRow> = rows
        .iter()
        .filter_map(|r| {
            r.iter().find_map(|(k, v)| match (k.as_str(), v) {
                ("id", Node::Int(i)) => Some((*i, r)),
                _ => None,
            })
        })
        .collect();
    let rows: Vec<RawRow> = ids
        .iter()
        .filter_map(|id| by_id.get(&(*id as i64)))
        .map(|r| with_references(kind, r, &names, ws))
        .collect();
    build_sheet(kind, &rows, lang)
}

fn raw_tables(
    ws: &Workspace,
    files: impl IntoIterator<Item = FileKind>,
) -> BTreeMap<RecordKind, Vec<RawRow>> {
    files
        .into_iter()
        .flat_map(|file| tables_of(ws, file))
        .collect()
}

fn names_of(raw: &BTreeMap<RecordKind, Vec<RawRow>>) -> HashMap<RecordKind, HashMap<i64, String>> {
    raw.iter()
        .map(|(k, rows)| (*k, record_names(rows)))
        .collect()
}

/// The stable file-and-sheet key of a kind: its table name, prefixed with its file's
/// name where two files use the same table name (`performance_reviews`, `me_reviews`).
pub fn sheet_key(kind: RecordKind) -> String {
    let clash = RecordKind::ALL
        .iter()
        .any(|k| *k != kind && k.table_name() == kind.table_name());
    if clash {
        let stem = kind.file().file_name().trim_end_matches(".ron");
        format!("{stem}_{}", kind.table_name())
    } else {
        kind.table_name().to_owned()
    }
}

/// The records of every table in `file`, flattened to (column key, value) pairs.
fn tables_of(ws: &Workspace, file: FileKind) -> Vec<(RecordKind, Vec<RawRow>)> {
    let node = match file {
        FileKind::Settings => to_node(&*ws.settings),
        FileKind::Team => to_node(&*ws.team),
        FileKind::Performance => to_node(&*ws.performance),
        FileKind::Customers => to_node(&*ws.customers),
        FileKind::Deals => to_node(&*ws.deals),
        FileKind::Marketing => to_node(&*ws.marketing),
        FileKind::Promotions => to_node(&*ws.promotions),
        FileKind::Budget => to_node(&*ws.budget),
        FileKind::Me => to_node(&*ws.me),
    };
    // The model's types always serialize; a failure would be a bug, not user data.
    let Ok(Node::Struct(_, fields)) = node else {
        return Vec::new();
    };
    fields
        .into_iter()
        .filter_map(|(field, value)| {
            let kind = *RecordKind::ALL
                .iter()
                .find(|k| k.file() == file && k.table_name() == field)?;
            let Node::Struct("Table", table) = value else {
                return None;
            };
            let rows = table.into_iter().find(|(k, _)| k == "rows")?.1;
            let Node::Seq(rows) = rows else { return None };
            let rows = rows
                .into_iter()
                .map(|r| {
                    let mut out = Vec::new();
                    flatten("", r, &mut out);
                    out
                })
                .collect();
            Some((kind, rows))
        })
        .collect()
}

/// A record's fields as columns; a nested struct's fields become `outer.inner`.
fn flatten(prefix: &str, node: Node, out: &mut RawRow) {
    match node {
        Node::Struct(_, fields) => {
            for (k, v) in fields {
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                if matches!(v, Node::Struct(..)) {
                    flatten(&key, v, out);
                } else {
                    out.push((key, v));
                }
            }
        }
        other => out.push((prefix.to_owned(), other)),
    }
}

fn record_names(rows: &[RawRow]) -> HashMap<i64, String> {
    rows.iter()
        .filter_map(|r| {
            let id = r.iter().find_map(|(k, v)| match (k.as_str(), v) {
                ("id", Node::Int(i)) => Some(*i),
                _ => None,
            })?;
            let name = NAME_FIELDS.iter().find_map(|f| {
                r.iter().find_map(|(k, v)| match v {
                    Node::Text(t) if k == f => Some(t.clone()),
                    _ => None,
                })
            })?;
            Some((id, name))
        })
        .collect()
}

/// A reference to one record becomes two columns: `customer_id` (the id, for joins in
/// Power BI and Tableau) and `customer` (the name, as a reader and the deal import want
/// it). A deal also gets the date it entered each stage, the columns import reads.
fn with_references(
    kind: RecordKind,
    row: &RawRow,
    names: &HashMap<RecordKind, HashMap<i64, String>>,
    ws: &Workspace,
) -> RawRow {
    let mut out = Vec::with_capacity(row.len() + 4);
    for (key, value) in row {
        let parent = REFERENCES
            .iter()
            .find(|r| r.child == kind && r.field == key)
            .map(|r| r.parent);
        match (parent, value) {
            (Some(parent), Node::Int(_) | Node::Empty) => {
                let name = match value {
                    Node::Int(id) => names
                        .get(&parent)
                        .and_then(|n| n.get(id))
                        .map_or(Node::Empty, |n| Node::Text(n.clone())),
                    _ => Node::Empty,
                };
                out.push((format!("{key}_id"), value.clone()));
                out.push((key.clone(), name));
            }
            _ => out.push((key.clone(), value.clone())),
        }
        if kind == RecordKind::Deal && key == "history" {
            out.extend(deal_stage_dates(row, ws));
        }
    }
    out
}

/// The creation date and the date the deal entered each later stage, from the deal.
fn deal_stage_dates(row: &RawRow, ws: &Workspace) -> Vec<(String, Node)> {
    let id = row.iter().find_map(|(k, v)| match (k.as_str(), v) {
        ("id", Node::Int(i)) => Some(*i as u64),
        _ => None,
    });
    let deal = id.and_then(|id| ws.deals.deals.get(crate::model::DealId(id)));
    let shown =
        |d: Option<chrono::NaiveDate>| d.map_or(Node::Empty, |d| Node::Shown(d.to_string()));
    let mut cols = vec![("created".to_owned(), shown(deal.map(|d| d.created())))];
    cols.extend(DEAL_STAGE_COLUMNS.iter().map(|(key, stage)| {
        (
            (*key).to_owned(),
            shown(deal.and_then(|d| d.entered(*stage))),
        )
    }));
    cols
}

fn build_sheet(kind: RecordKind, rows: &[RawRow], lang: Lang) -> Sheet {
    // Columns in field order, even when an optional struct is absent in early rows.
    let mut keys: Vec<String> = Vec::new();
    for row in rows {
        let mut at = 0;
        for (k, _) in row {
            match keys.iter().position(|x| x == k) {
                Some(i) => at = i + 1,
                None => {
                    keys.insert(at, k.clone());
                    at += 1;
                }
            }
        }
    }
    // An optional struct that is absent somewhere leaves an empty column of its own
    // name beside its fields (`lost` beside `lost.reason`): drop it.
    let filled: Vec<bool> = keys
        .iter()
        .map(|k| {
            rows.iter()
                .any(|r| r.iter().any(|(rk, v)| rk == k && *v != Node::Empty))
        })
        .collect();
    let keys: Vec<String> = keys
        .iter()
        .zip(&filled)
        .filter(|(k, filled)| **filled || !keys.iter().any(|o| o.starts_with(&format!("{k}."))))
        .map(|(k, _)| k.clone())
        .collect();
    let cells = rows
        .iter()
        .map(|row| {
            let by_key: HashMap<&str, &Node> = row.iter().map(|(k, v)| (k.as_str(), v)).collect();
            keys.iter()
                .map(|k| {
                    by_key
                        .get(k.as_str())
                        .map_or(Cell::Empty, |v| cell(kind, k, v))
                })
                .collect()
        })
        .collect();
    Sheet {
        key: sheet_key(kind),
        title: names::sheet_title(kind, lang).to_owned(),
        headers: keys.iter().map(|k| names::header(kind, k, lang)).collect(),
        rows: cells,
    }
}

pub(super) fn is_money(kind: RecordKind, key: &str) -> bool {
    MONEY_FIELDS.iter().any(|(k, f)| *k == kind && *f == key)
}

fn cell(kind: RecordKind, key: &str, node: &Node) -> Cell {
    let money = is_money(kind, key);
    match node {
        Node::Empty => Cell::Empty,
        Node::Int(i) if money => Cell::Money(Money(*i)),
        Node::Seq(items) if money => Cell::Text(
            items
                .iter()
                .map(|n| match n {
                    Node::Int(i) => format!("{:.2}", Money(*i).as_major_f64()),
                    other => other.plain_text(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Node::Int(i) => Cell::Int(*i),
        Node::Float(f) => Cell::Float(*f),
        Node::Bool(b) => Cell::Bool(*b),
        Node::Text(t) => Cell::Text(t.clone()),
        Node::Shown(s) => s
            .parse::<chrono::NaiveDate>()
            .map_or_else(|_| Cell::Text(s.clone()), Cell::Date),
        Node::Variant(v) => Cell::Text(snake_case(v)),
        other => Cell::Text(other.plain_text()),
    }
}
