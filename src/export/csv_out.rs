//! A sheet as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the
//! Chinese as mojibake), a header row, ISO dates, money in yuan as plain numbers, and
//! formula-looking text behind a `'`.

use super::{Cell, ExportError, Sheet, looks_like_formula};
use crate::store::atomic;
use std::io::Write;
use std::path::{Path, PathBuf};

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes `sheet` as CSV to `out`.
pub fn write_csv(sheet: &Sheet, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(BOM)?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&sheet.headers)?;
    for row in &sheet.rows {
        w.write_record(row.iter().map(csv_field))?;
    }
    w.flush()
}

/// One cell as CSV text.
fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) if looks_like_formula(t) => format!("'{t}"),
        Cell::Text(t) => t.clone(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Money(m) => format!("{:.2}", m.as_major_f64()),
    }
}

/// Writes `sheet` to the CSV file `path`, atomically (an old file is replaced whole or
/// not at all).
pub fn write_csv_file(sheet: &Sheet, path: &Path) -> Result<(), ExportError> {
    atomic::write_with(path, |out| write_csv(sheet, out)).map_err(|e| ExportError(e.to_string()))
}

/// Writes one `<key>.csv` per sheet into `dir` (created if missing) and returns the
/// files written.
pub fn write_csv_dir(sheets: &[Sheet], dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::at(dir, e))?;
    sheets
        .iter()
        .map(|s| {
            let path = dir.join(format!("{}.csv", s.key));
            write_csv_file(s, &path).map(|()| path)
        })
        .collect()
}
