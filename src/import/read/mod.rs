//! The one reader: a CSV, XLSX or XLS file into sheets of rows of cells, each row with
//! the line (CSV) or row number (workbook) the user sees in an editor or in Excel.

mod csv;
mod workbook;

use super::decode::{self, Encoding};
use super::{RowError, Why};
use chrono::NaiveDate;
use std::io::Read;
use std::path::Path;

/// The largest file the import reads: far above any real export, and a bound on the
/// memory a wrong file (a disk image, `/dev/zero`) can take.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// One cell as the file holds it. CSV cells are all text; workbook cells keep their type.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text: numbers in their shortest form, dates as YYYY-MM-DD.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => d.to_string(),
        }
    }
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 1-based: the line of a CSV file (its first, for a cell spanning lines), the row
    /// number of a sheet.
    pub line: u64,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The sheet's name; empty for a CSV file.
    pub name: String,
    pub rows: Vec<RawRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// XLSX, XLS or ODS: calamine tells them apart.
    Workbook,
}

/// A file read: its sheets (one for CSV) and, for text, the encoding it was read in.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub format: Format,
    pub encoding: Option<Encoding>,
    pub sheets: Vec<Sheet>,
}

/// Reads the file at `path` (see [`read_bytes`]), refusing one over [`MAX_FILE_BYTES`]
/// before reading it and a device or pipe that streams more.
pub fn read_path(path: &Path) -> Result<Vec<u8>, Why> {
    let file = std::fs::File::open(path).map_err(|e| Why::OpenFailed(e.to_string()))?;
    if let Ok(m) = file.metadata()
        && m.is_file()
        && m.len() > MAX_FILE_BYTES
    {
        return Err(too_big());
    }
    read_limited(file, MAX_FILE_BYTES)
}

fn too_big() -> Why {
    Why::TooBig {
        gib: MAX_FILE_BYTES >> 30,
    }
}

/// Reads at most `limit` bytes in chunks. A text file holds no NUL byte, so a stream
/// of them (`/dev/zero`, a binary file) stops at the first chunk instead of filling the
/// memory; a workbook (zip or OLE) is binary and recognised by its first bytes.
pub fn read_limited(mut input: impl Read, limit: u64) -> Result<Vec<u8>, Why> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut binary_ok = None;
    loop {
        let n = match input.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Why::ReadFailed(e.to_string())),
        };
        if bytes.len() as u64 + n as u64 > limit {
            return Err(too_big());
        }
        bytes.extend_from_slice(&chunk[..n]);
        let binary = *binary_ok.get_or_insert_with(|| is_workbook(&bytes) || is_utf16(&bytes));
        if !binary && chunk[..n].contains(&0) {
            return Err(Why::NulBytes);
        }
    }
    Ok(bytes)
}

fn is_workbook(bytes: &[u8]) -> bool {
    // XLSX and ODS are zip files; XLS is an OLE compound document.
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// Reads the bytes of a file into sheets: a workbook by its first bytes (whatever the
/// file is called), else CSV text in `encoding` or the guessed one.
pub fn read_bytes(bytes: &[u8], encoding: Option<Encoding>) -> Result<Book, RowError> {
    let whole = |reason: Why| RowError::new(0, "", reason);
    if is_workbook(bytes) {
        let sheets = workbook::read(bytes).map_err(whole)?;
        return Ok(Book {
            format: Format::Workbook,
            encoding: None,
            sheets,
        });
    }
    let encoding = match encoding {
        Some(e) => e,
        None => decode::guess(bytes).map_err(whole)?,
    };
    let text = decode::decode(bytes, encoding).map_err(whole)?;
    let rows = csv::parse(&text)?;
    Ok(Book {
        format: Format::Csv,
        encoding: Some(encoding),
        sheets: vec![Sheet {
            name: String::new(),
            rows,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_over_the_limit_is_refused() {
        let e = read_limited(std::io::repeat(b'a'), 1 << 20).unwrap_err();
        assert!(e.english().contains("larger than"), "{e}");
        let e = read_limited(std::io::repeat(0), 1 << 30).unwrap_err();
        assert!(e.english().contains("NUL"), "{e}");
        assert_eq!(read_limited(&b"a,b\n"[..], 10).unwrap(), b"a,b\n");
    }
}
