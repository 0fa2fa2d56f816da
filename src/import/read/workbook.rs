//! XLSX, XLS (and ODS) workbooks through calamine: every sheet, its cells typed.

use super::{Cell, RawRow, Sheet};
use crate::import::Why;
use calamine::{Data, Reader};
use chrono::NaiveDate;

/// Every sheet of the workbook in `bytes`, in the workbook's order, rows numbered as
/// Excel numbers them.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, Why> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Why::WorkbookFailed(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| Why::SheetFailed {
            sheet: name.clone(),
            error: e.to_string(),
        })?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| RawRow {
                line: first_row as u64 + i as u64 + 1,
                // Cells left of the used range are empty, so columns keep their places.
                cells: std::iter::repeat_n(Cell::Empty, first_col as usize)
                    .chain(cells.iter().map(cell))
                    .collect(),
            })
            .collect();
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// A cell as the import sees it. Date cells are serial numbers with a date format;
/// calamine knows the workbook's date system (1900 or 1904) and counts from it.
fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y as i32, m as u32, day as u32)
                .map(Cell::Date)
                .unwrap_or_else(|| Cell::Text(format!("{y:04}-{m:02}-{day:02}")))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::Text(s.clone())),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("{e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn date_cell(serial: f64, is_1904: bool) -> Cell {
        cell(&Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            is_1904,
        )))
    }

    #[test]
    fn date_serials_read_in_the_1900_and_the_1904_system() {
        let day = |s: &str| Cell::Date(s.parse().unwrap());
        // 46027 is 2026-01-05 counted from 1900; from 1904 the same day is 1462 less.
        assert_eq!(date_cell(46027.0, false), day("2026-01-05"));
        assert_eq!(date_cell(46027.0 - 1462.0, true), day("2026-01-05"));
        // A time of day does not move the date.
        assert_eq!(date_cell(46027.75, false), day("2026-01-05"));
        assert_eq!(cell(&Data::Float(1200.5)), Cell::Number(1200.5));
        assert_eq!(
            cell(&Data::String("=SUM(A1)".into())),
            Cell::Text("=SUM(A1)".into())
        );
    }
}
