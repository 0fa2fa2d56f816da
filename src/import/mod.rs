//! The import engine: customers, deals, targets and expenses from CSV, XLSX or XLS
//! files into the workspace, all or nothing, as one undoable change. It sits below the
//! command line (`cli::import`) and the window (`ui::import`); both use it alike.
//!
//! - [`read`]: the one reader. A file becomes sheets (one for CSV) of rows of cells,
//!   each row with the line a text editor shows (CSV) or the row number Excel shows.
//!   CSV text is UTF-8, GB18030 or Latin-1 (guessed, or chosen); workbook cells keep
//!   their type (numbers, dates in the 1900 or 1904 system, text verbatim).
//! - [`columns`]: headers, in English, Chinese or as Pipedrive, HubSpot and Salesforce
//!   export them, map to columns; the columns a header has say its [`Kind`].
//! - Per kind, rows are checked cell by cell and against the model's rules
//!   ([`deals`], [`targets`], [`customers`], [`expenses`]); customers and reps are
//!   found by name (a name two customers share refuses the row, naming both).
//! - [`plan`] is the dry run: every problem in every sheet, or the changes. [`apply`]
//!   makes them one [`Change::Batch`] through [`Document::apply`].

pub mod columns;
mod customers;
mod deals;
pub mod decode;
mod expenses;
mod plan;
pub mod read;
mod targets;
mod values;
pub mod why;

pub use columns::{Col, Columns, Kind};
pub use deals::{lost_info, stage_from_text};
pub use decode::Encoding;
pub use read::{Book, Cell, Format, MAX_FILE_BYTES, RawRow, Sheet, read_bytes, read_path};
pub use why::Why;

use crate::i18n::Lang;
use crate::model::{Change, Document, Workspace};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One problem in the file: line 0 is the file (or sheet) as a whole, line 1 the header
/// of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The sheet of a workbook; empty for CSV.
    pub sheet: String,
    pub line: u64,
    /// The column's header as the file writes it (or its English name).
    pub column: String,
    pub reason: Why,
}

impl RowError {
    pub fn new(line: u64, column: impl Into<String>, reason: impl Into<Why>) -> RowError {
        RowError {
            sheet: String::new(),
            line,
            column: column.into(),
            reason: reason.into(),
        }
    }
    pub fn in_sheet(mut self, sheet: &str) -> RowError {
        self.sheet = sheet.to_string();
        self
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.sheet.is_empty() {
            write!(f, "sheet {}, ", self.sheet)?;
        }
        match (self.line, self.column.is_empty()) {
            (0, _) => write!(f, "{}", self.reason),
            (l, true) => write!(f, "line {l}: {}", self.reason),
            (l, false) => write!(f, "line {l}, column {}: {}", self.column, self.reason),
        }
    }
}

/// What an import did (or, from a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Deal rows read (blank rows are skipped).
    pub rows: usize,
    /// Deals created, updated, and unchanged (they held exactly these values).
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub targets: targets::Counts,
    pub customers: customers::Counts,
    pub expenses: expenses::Counts,
    /// Customers and reps the import adds (those that deal rows name included).
    pub new_customers: usize,
    pub new_members: usize,
    /// The channels made for `source` names that no channel or event has, in order.
    pub new_channels: Vec<String>,
    /// The budget categories made for expense rows' category names, in order.
    pub new_categories: Vec<String>,
    /// Each imported sheet's name ("" for CSV) and kind.
    pub sheets: Vec<(String, Kind)>,
    /// Sheets of a workbook whose header no kind fits, left out.
    pub skipped_sheets: Vec<String>,
    /// Headers the import does not know.
    pub ignored_columns: Vec<String>,
    /// The encoding a CSV file was read in.
    pub encoding: Option<Encoding>,
}

impl ImportSummary {
    pub fn has(&self, kind: Kind) -> bool {
        self.sheets.iter().any(|(_, k)| *k == kind)
    }
    /// Records added or changed: nothing to apply when 0.
    pub fn changed(&self) -> usize {
        self.created
            + self.updated
            + self.targets.created
            + self.targets.updated
            + self.customers.created
            + self.customers.updated
            + self.expenses.created
    }
}

/// How to read and map a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The encoding of a CSV file; None guesses it.
    pub encoding: Option<Encoding>,
    /// Amounts write a comma as the decimal separator (`1.234,50`).
    pub decimal_comma: bool,
    /// Mappings saved in the workspace: normalized header → column key ("" to leave
    /// the column out).
    pub saved: BTreeMap<String, String>,
}

/// One sheet's header and what each of its columns maps to.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetMapping {
    /// Index into the book's sheets.
    pub sheet: usize,
    /// Index of the header row among the sheet's rows (its first non-blank row).
    pub header_row: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Option<Col>>,
    /// The kind the columns make up; None when they make up none (then the sheet is
    /// left out of a workbook, and a CSV file is refused).
    pub kind: Option<Kind>,
}

impl SheetMapping {
    /// Sets column `i` to `col` and recognises the kind again.
    pub fn set(&mut self, i: usize, col: Option<Col>) {
        if let Some(c) = self.columns.get_mut(i) {
            *c = col;
        }
        self.kind = Kind::recognise(&self.columns);
    }
}

/// The mapping of each sheet that has rows, by its header's known names and `saved`.
pub fn guess_mappings(book: &Book, saved: &BTreeMap<String, String>) -> Vec<SheetMapping> {
    let mut out = Vec::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        let Some(header_row) = sheet
            .rows
            .iter()
            .position(|r| !r.cells.iter().all(Cell::is_blank))
        else {
            continue;
        };
        let headers: Vec<String> = sheet.rows[header_row]
            .cells
            .iter()
            .map(values::text)
            .collect();
        let columns = columns::guess(&headers, saved);
        let own_other = book.format == Format::Workbook
            && crate::export::names::is_own_unimported_sheet(&sheet.name, &headers);
        let kind = if own_other {
            None
        } else {
            Kind::recognise(&columns)
        };
        out.push(SheetMapping {
            sheet: i,
            header_row,
            headers,
            columns,
            kind,
        });
    }
    out
}

/// The changes an import makes, checked: the dry run's result.
#[derive(Debug, Clone)]
pub struct Plan {
    changes: Vec<Change>,
    pub summary: ImportSummary,
}

impl Plan {
    /// Adds a change to the same batch (the window saves the column mapping with the
    /// import, so one undo takes back both).
    pub fn also(&mut self, change: Change) {
        self.changes.push(change);
    }
}

/// The dry run: checks every row of every mapped sheet against `ws`. Err lists every
/// problem, in sheet and line order.
pub fn plan(
    ws: &Workspace,
    book: &Book,
    maps: &[SheetMapping],
    decimal_comma: bool,
    today: NaiveDate,
) -> Result<Plan, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut mapped: Vec<(&SheetMapping, Columns)> = Vec::new();
    let mut summary = ImportSummary {
        encoding: book.encoding,
        ..Default::default()
    };
    for m in maps {
        let name = &book.sheets[m.sheet].name;
        let Some(kind) = m.kind else {
            if book.format == Format::Workbook {
                summary.skipped_sheets.push(name.clone());
                continue;
            }
            // A CSV file that is no kind: say what the closest kind lacks.
            let closest = Kind::intended(&m.columns);
            if let Err(e) = Columns::new(closest, &m.headers, &m.columns, decimal_comma) {
                errors.extend(e);
            }
            continue;
        };
        let line = book.sheets[m.sheet].rows[m.header_row].line;
        match Columns::new(kind, &m.headers, &m.columns, decimal_comma) {
            Ok(cols) => mapped.push((m, cols)),
            Err(e) => errors.extend(e.into_iter().map(|mut e| {
                e.line = line;
                e.in_sheet(name)
            })),
        }
    }
    if mapped.is_empty() && errors.is_empty() {
        let reason = if book.format == Format::Workbook {
            Why::NoSheetRecognised
        } else {
            Why::Empty
        };
        errors.push(RowError::new(0, "", reason));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Customers first, so the deal rows of the same import find them by name.
    mapped.sort_by_key(|(m, c)| {
        let order = [Kind::Customers, Kind::Deals, Kind::Targets, Kind::Expenses];
        (order.iter().position(|k| *k == c.kind), m.sheet)
    });
    let mut ctx = plan::Ctx::new(ws, today);
    let mut deal_counts = deals::Counts::default();
    for (m, cols) in &mapped {
        let sheet = &book.sheets[m.sheet];
        summary.sheets.push((sheet.name.clone(), cols.kind));
        for h in &cols.ignored {
            if !summary.ignored_columns.contains(h) {
                summary.ignored_columns.push(h.clone());
            }
        }
        match cols.kind {
            Kind::Deals => deals::plan(&mut ctx, sheet, m.header_row, cols, &mut deal_counts),
            Kind::Targets => {
                targets::plan(&mut ctx, sheet, m.header_row, cols, &mut summary.targets)
            }
            Kind::Customers => {
                customers::plan(&mut ctx, sheet, m.header_row, cols, &mut summary.customers)
            }
            Kind::Expenses => {
                expenses::plan(&mut ctx, sheet, m.header_row, cols, &mut summary.expenses)
            }
        }
    }
    if !ctx.errors.is_empty() {
        let mut errors = std::mem::take(&mut ctx.errors);
        let sheet_order = |s: &str| book.sheets.iter().position(|x| x.name == s);
        errors.sort_by_key(|e| (sheet_order(&e.sheet), e.line));
        return Err(errors);
    }
    summary.rows = deal_counts.rows;
    summary.created = deal_counts.created;
    summary.updated = deal_counts.updated;
    summary.unchanged = deal_counts.unchanged;
    // Customers the customer rows add are counted there.
    summary.new_customers = ctx.new_customers.len();
    summary.new_channels = ctx.new_channel_names();
    summary.new_categories = ctx.new_categories.iter().map(|c| c.name.clone()).collect();
    summary.new_members = ctx.new_members.len();
    Ok(Plan {
        changes: ctx.into_changes(),
        summary,
    })
}

/// Applies a plan as one undoable step, named in `lang` for the undo button. Nothing to
/// change changes nothing.
pub fn apply(doc: &mut Document, plan: Plan, lang: Lang) -> Result<ImportSummary, Vec<RowError>> {
    let Plan { changes, summary } = plan;
    if !changes.is_empty() {
        doc.apply(Change::Batch(changes), label(&summary, lang))
            .map_err(|e| {
                // The rows were checked against the same rules; this is a backstop.
                e.0.into_iter()
                    .map(|fe| {
                        let why = Why::FieldRule {
                            field: fe.field.to_string(),
                            problem: fe.problem,
                        };
                        RowError::new(0, "", why)
                    })
                    .collect::<Vec<_>>()
            })?;
    }
    Ok(summary)
}

crate::texts! {
    enum L {
        Import => "导入", "Import";
        Sep => "，", ", ";
        Deal => "个商机", "deal";
        Deals => "个商机", "deals";
        Customer => "个客户", "customer";
        Customers => "个客户", "customers";
        Target => "个销售目标", "target";
        Targets => "个销售目标", "targets";
        Expense => "笔费用", "expense";
        Expenses => "笔费用", "expenses";
    }
}

/// The undo entry's name: what was imported ("Import 3 deals, 1 customer").
pub fn label(s: &ImportSummary, lang: Lang) -> String {
    let mut parts = Vec::new();
    for (n, one, many) in [
        (s.created + s.updated, L::Deal, L::Deals),
        (
            s.customers.created + s.customers.updated,
            L::Customer,
            L::Customers,
        ),
        (s.targets.created + s.targets.updated, L::Target, L::Targets),
        (s.expenses.created, L::Expense, L::Expenses),
    ] {
        if n > 0 {
            let noun = if n == 1 { one } else { many };
            parts.push(format!("{n} {}", noun.get(lang)));
        }
    }
    let import = L::Import.get(lang);
    if parts.is_empty() {
        import.into()
    } else {
        format!("{import} {}", parts.join(L::Sep.get(lang)))
    }
}

/// Reads, maps by the known names and `opts.saved`, checks and applies the file's
/// `bytes`: what `salesdesk import` does. On any problem nothing at all changes and
/// every problem is returned. `today` is the joining date of reps the file introduces.
pub fn import_bytes(
    doc: &mut Document,
    bytes: &[u8],
    opts: &Options,
    today: NaiveDate,
) -> Result<ImportSummary, Vec<RowError>> {
    let book = read_bytes(bytes, opts.encoding).map_err(|e| vec![e])?;
    let maps = guess_mappings(&book, &opts.saved);
    let p = plan(doc.ws(), &book, &maps, opts.decimal_comma, today)?;
    // The file's cells are done with: freed beside the apply, not before it.
    crate::alloc::drop_later(book);
    apply(doc, p, Lang::En)
}

/// [`import_bytes`] with the default options (guessed encoding, decimal point).
pub fn import_deals(
    doc: &mut Document,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportSummary, Vec<RowError>> {
    import_bytes(doc, bytes, &Options::default(), today)
}

#[cfg(test)]
mod tests;
