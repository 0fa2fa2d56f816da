//! The sheets as one XLSX workbook (rust_xlsxwriter): a frozen, filtered header row on
//! every sheet, dates as date cells, money as numbers in yuan with a ¥ format, and
//! formula-looking text as string cells with the quote-prefix format.

use super::{Cell, ExportError, Sheet, looks_like_formula};
use crate::store::atomic;
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::Path;

/// The ¥ number format (Excel's zh-CN currency code, which LibreOffice reads too).
pub const MONEY_FORMAT: &str = "[$¥-804]#,##0.00;-[$¥-804]#,##0.00";
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

struct Formats {
    header: Format,
    date: Format,
    money: Format,
    quoted: Format,
}

/// The workbook of `sheets`, as the bytes of an .xlsx file.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, ExportError> {
    let wrap = |e: XlsxError| ExportError(format!("could not build the workbook: {e}"));
    let formats = Formats {
        header: Format::new().set_bold().set_background_color("#E8EEF7"),
        date: Format::new().set_num_format(DATE_FORMAT),
        money: Format::new().set_num_format(MONEY_FORMAT),
        quoted: Format::new().set_quote_prefix(),
    };
    let mut book = Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        fill(ws, sheet, &formats).map_err(wrap)?;
    }
    book.save_to_buffer().map_err(wrap)
}

fn fill(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.title)?;
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &f.header)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) if looks_like_formula(t) => {
                    ws.write_string_with_format(r, c, t, &f.quoted)?;
                }
                Cell::Text(t) => {
                    ws.write_string(r, c, t)?;
                }
                Cell::Int(i) => {
                    ws.write_number(r, c, *i as f64)?;
                }
                Cell::Float(x) => {
                    ws.write_number(r, c, *x)?;
                }
                Cell::Bool(b) => {
                    ws.write_boolean(r, c, *b)?;
                }
                Cell::Date(d) => {
                    let day =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                    ws.write_datetime_with_format(r, c, &day, &f.date)?;
                }
                Cell::Money(m) => {
                    ws.write_number_with_format(r, c, m.as_major_f64(), &f.money)?;
                }
            }
        }
    }
    if !sheet.headers.is_empty() {
        ws.set_freeze_panes(1, 0)?;
        let last_col = sheet.headers.len() as u16 - 1;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.set_column_width(c as u16, column_width(sheet, c, h))?;
        }
    }
    Ok(())
}

/// A width that shows the header and typical values (CJK characters count double),
/// from the first rows only, so a big sheet costs nothing extra.
fn column_width(sheet: &Sheet, col: usize, header: &str) -> f64 {
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let values = sheet
        .rows
        .iter()
        .take(200)
        .filter_map(|r| match r.get(col) {
            Some(Cell::Text(t)) => Some(width(t)),
            Some(Cell::Date(_)) => Some(10),
            Some(Cell::Money(_)) => Some(14),
            Some(Cell::Int(i)) => Some(i.to_string().len()),
            _ => None,
        });
    let w = values.chain([width(header) + 3]).max().unwrap_or(8);
    w.clamp(6, 50) as f64
}

/// Writes the workbook of `sheets` to `path`, atomically.
pub fn write_xlsx(sheets: &[Sheet], path: &Path) -> Result<(), ExportError> {
    let bytes = xlsx_bytes(sheets)?;
    atomic::write_with(path, |out| out.write_all(&bytes)).map_err(|e| ExportError(e.to_string()))
}
