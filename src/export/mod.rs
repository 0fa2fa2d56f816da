//! Data out: the workspace (or any table) as CSV or XLSX, and the monthly report as PDF.
//!
//! Below the UI and the CLI, above the model: no egui here. Every collection becomes one
//! [`Sheet`] of typed [`Cell`]s (dates as dates, money as money), with headers in the
//! user's language; the writers only decide how each cell type is spelled in a format.
//!
//! Formula injection (OWASP's CSV-injection advice): a text cell that starts with
//! `= + - @`, a tab or a carriage return never becomes a formula. CSV writes it with a
//! leading `'`; XLSX writes a string cell with the quote-prefix format, so the value the
//! user typed stays exactly what it was.

mod csv_out;
pub mod names;
pub mod report_pdf;
mod sheets;
pub mod tree;
mod xlsx_out;

pub use csv_out::{write_csv, write_csv_dir, write_csv_file};
pub use names::sheet_title;
pub use sheets::{table_sheet, workspace_sheets};
pub use xlsx_out::{write_xlsx, xlsx_bytes};

use crate::model::Money;
use chrono::NaiveDate;

/// One value of a table, typed so each format can write it as what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
    /// Money in minor units, written in yuan with a ¥ number format.
    Money(Money),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A table ready to write: a name for files and sheets, headers, rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Stable machine name, ASCII (the CSV file is `<key>.csv`): `deals`, `contacts` …
    pub key: String,
    /// The sheet's name in the user's language (at most 31 characters, as Excel allows).
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Whether a spreadsheet would read `text` as a formula (or as the start of one).
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Why an export failed, said for the user (the path and what went wrong).
#[derive(Debug)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ExportError {}

impl ExportError {
    pub(crate) fn at(path: &std::path::Path, e: impl std::fmt::Display) -> ExportError {
        ExportError(format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_the_owasp_list() {
        for t in ["=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert!(looks_like_formula(t), "{t:?}");
        }
        for t in ["", "a=b", " =1", "１=1", "¥5"] {
            assert!(!looks_like_formula(t), "{t:?}");
        }
    }
}
