//! CSV text into rows of cells, each row with the line a text editor shows for it.
//!
//! Written by hand rather than with the csv crate, whose positions count a CRLF file's
//! lines one too low and a CR-only file as one line. Every ending (LF, CRLF, CR) is one
//! line here; a quoted cell may span lines, and its row is named by its first line.

use super::{Cell, RawRow};
use crate::import::{RowError, Why};

/// Splits `text` into rows. The delimiter is the one the header line uses most: a
/// comma, or the semicolon or tab that some Excel locales write. Err on a quote that
/// never closes, naming the line it opened on (else the rest of the file would be one
/// cell and every row "missing" its columns).
pub fn parse(text: &str) -> Result<Vec<RawRow>, RowError> {
    parse_split(text, 4 << 20)
}

/// [`parse`], a text of `split_from` bytes or more read in two halves side by side: the
/// second from the first line break after the middle. That is a row's start unless the
/// break is inside a quoted cell, which the first half tells by ending in a quote; then
/// the whole text is read in one go. (The second half's lines are counted from its
/// start and moved on by the first half's.)
fn parse_split(text: &str, split_from: usize) -> Result<Vec<RawRow>, RowError> {
    let delimiter = sniff_delimiter(text);
    let middle = text.len() / 2;
    let split = text.as_bytes()[middle..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|n| middle + n + 1);
    let whole = || part(text, delimiter).finish();
    let Some(split) = split.filter(|_| text.len() >= split_from) else {
        return whole();
    };
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| part(&text[split..], delimiter));
        let first = part(&text[..split], delimiter);
        (
            first,
            second.join().expect("a CSV-reading thread does not panic"),
        )
    });
    if first.quote_opened.is_some() {
        return whole();
    }
    let offset = first.line - 1;
    let mut second = second;
    for r in &mut second.rows {
        r.line += offset;
    }
    second.quote_opened = second.quote_opened.map(|l| l + offset);
    let mut rows = first.rows;
    rows.append(&mut second.rows);
    Part { rows, ..second }.finish()
}

/// What reading a part of the text found: its rows, the line after its last, and
/// where a quote opened that the part did not close.
struct Part {
    rows: Vec<RawRow>,
    line: u64,
    quote_opened: Option<u64>,
}

impl Part {
    fn finish(self) -> Result<Vec<RawRow>, RowError> {
        match self.quote_opened {
            Some(opened) => Err(RowError::new(opened, "", Why::QuoteNeverClosed)),
            None => Ok(self.rows),
        }
    }
}

/// Reads `text` into rows (a last row without a line break included).
fn part(text: &str, delimiter: char) -> Part {
    let mut rows = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut cell = String::new();
    let mut line: u64 = 1;
    let mut row_line: u64 = 1;
    // Where the open quote was: (line, cell text so far empty)
    let mut quote_opened: Option<u64> = None;
    let mut quoted = false;
    let end_cell = |cells: &mut Vec<Cell>, cell: &mut String, quoted: &mut bool| {
        let t = std::mem::take(cell);
        *quoted = false;
        cells.push(if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t)
        });
    };
    let bytes = text.as_bytes();
    let d = delimiter as u8;
    // The bytes that end a run of plain text: every one is ASCII, so runs are cut at
    // character boundaries and copied whole (a push per character grew each cell's
    // string again and again: a third of a 100k-row import).
    let mut stops = [[false; 256]; 2];
    for (quoted, table) in stops.iter_mut().enumerate() {
        for b in [b'"', b'\r', b'\n'] {
            table[usize::from(b)] = true;
        }
        table[usize::from(d)] |= quoted == 0;
    }
    let plain_until = |from: usize, quoted: bool| {
        let stop = &stops[usize::from(quoted)];
        bytes[from..]
            .iter()
            .position(|&b| stop[usize::from(b)])
            .map_or(bytes.len(), |n| from + n)
    };
    let next_is = |i: usize, b: u8| bytes.get(i) == Some(&b);
    // The bytes of the line break at `i`: CRLF is one break.
    let line_break = |i: usize| {
        if bytes[i] == b'\r' && next_is(i + 1, b'\n') {
            2
        } else {
            1
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quote_opened.is_some() {
            match b {
                b'"' if next_is(i + 1, b'"') => {
                    cell.push('"');
                    i += 2;
                }
                b'"' => {
                    quote_opened = None;
                    i += 1;
                }
                b'\r' | b'\n' => {
                    i += line_break(i);
                    line += 1;
                    cell.push('\n');
                }
                _ => {
                    let end = plain_until(i, true);
                    cell.push_str(&text[i..end]);
                    i = end;
                }
            }
            continue;
        }
        match b {
            b'"' if cell.is_empty() && !quoted => {
                quote_opened = Some(line);
                quoted = true;
                i += 1;
            }
            b'\r' | b'\n' => {
                i += line_break(i);
                end_cell(&mut cells, &mut cell, &mut quoted);
                rows.push(RawRow {
                    line: row_line,
                    cells: std::mem::take(&mut cells),
                });
                line += 1;
                row_line = line;
            }
            _ if b == d => {
                end_cell(&mut cells, &mut cell, &mut quoted);
                i += 1;
            }
            b'"' => {
                cell.push('"');
                i += 1;
            }
            _ => {
                let end = plain_until(i, false);
                cell.push_str(&text[i..end]);
                i = end;
            }
        }
    }
    if quote_opened.is_none() && (!cell.is_empty() || !cells.is_empty() || quoted) {
        end_cell(&mut cells, &mut cell, &mut quoted);
        rows.push(RawRow {
            line: row_line,
            cells,
        });
    }
    Part {
        rows,
        line,
        quote_opened,
    }
}

/// The delimiter of the first line (outside quotes): ',' unless ';' or a tab is more
/// frequent.
fn sniff_delimiter(text: &str) -> char {
    // Always ASCII: `parse` splits bytes on it.
    // Up to the first line ending of any kind (a CR-only file has no '\n').
    let first = text.split(['\r', '\n']).next().unwrap_or("");
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in first.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && let Some(n) = counts.iter_mut().find(|(d, _)| *d == c) {
            n.1 += 1;
        }
    }
    counts
        .into_iter()
        .fold((',', 0), |best, x| if x.1 > best.1 { x } else { best })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_and_cells(text: &str) -> Vec<(u64, Vec<String>)> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.cells.iter().map(|c| c.text()).collect()))
            .collect()
    }

    #[test]
    fn every_line_ending_counts_one_line() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "1,2", "", "3,4"].join(eol) + eol;
            let got = lines_and_cells(&text);
            let lines: Vec<u64> = got.iter().map(|r| r.0).collect();
            assert_eq!(lines, [1, 2, 3, 4], "{eol:?}");
            assert_eq!(got[3].1, ["3", "4"]);
        }
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_newlines() {
        let got = lines_and_cells("a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\nnext,1");
        assert_eq!(got[1], (2, vec!["x, \"y\"".into(), "two\nlines".into()]));
        assert_eq!(got[2].0, 4, "the row after a two-line cell is on line 4");
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        let e = parse("a,b\n1,2\n\"3,4\n5,6\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.reason, Why::QuoteNeverClosed);
    }

    #[test]
    fn semicolons_and_tabs_are_delimiters_when_the_header_uses_them() {
        assert_eq!(lines_and_cells("a;b\n1,5;2")[1].1, ["1,5", "2"]);
        assert_eq!(lines_and_cells("a\tb\n1\t2")[1].1, ["1", "2"]);
        assert_eq!(lines_and_cells("a;b\r1,5;2\r3,5;4")[2].1, ["3,5", "4"]);
    }

    /// The parser as it was before it copied runs of bytes: one character at a time.
    /// The two must split every text alike.
    fn char_by_char(text: &str) -> Result<Vec<RawRow>, RowError> {
        let delimiter = sniff_delimiter(text);
        let mut rows = Vec::new();
        let mut cells: Vec<Cell> = Vec::new();
        let mut cell = String::new();
        let mut line: u64 = 1;
        let mut row_line: u64 = 1;
        // Where the open quote was: (line, cell text so far empty)
        let mut quote_opened: Option<u64> = None;
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        let end_cell = |cells: &mut Vec<Cell>, cell: &mut String, quoted: &mut bool| {
            let t = std::mem::take(cell);
            *quoted = false;
            cells.push(if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t)
            });
        };
        while let Some(c) = chars.next() {
            if quote_opened.is_some() {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => quote_opened = None,
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        cell.push('\n');
                    }
                    '\n' => {
                        line += 1;
                        cell.push('\n');
                    }
                    c => cell.push(c),
                }
                continue;
            }
            match c {
                '"' if cell.is_empty() && !quoted => {
                    quote_opened = Some(line);
                    quoted = true;
                }
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    end_cell(&mut cells, &mut cell, &mut quoted);
                    rows.push(RawRow {
                        line: row_line,
                        cells: std::mem::take(&mut cells),
                    });
                    line += 1;
                    row_line = line;
                }
                c if c == delimiter => end_cell(&mut cells, &mut cell, &mut quoted),
                c => cell.push(c),
            }
        }
        if let Some(opened) = quote_opened {
            return Err(RowError::new(opened, "", Why::QuoteNeverClosed));
        }
        if !cell.is_empty() || !cells.is_empty() || quoted {
            end_cell(&mut cells, &mut cell, &mut quoted);
            rows.push(RawRow {
                line: row_line,
                cells,
            });
        }
        Ok(rows)
    }

    proptest::proptest! {
        #[test]
        fn runs_of_bytes_split_as_characters_do(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "客户", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", " ", "1.5"]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let summary = |r: Result<Vec<RawRow>, RowError>| {
                r.map(|rows| {
                    rows.into_iter()
                        .map(|r| (r.line, r.cells.iter().map(|c| c.text()).collect::<Vec<_>>()))
                        .collect::<Vec<_>>()
                })
                .map_err(|e| (e.line, e.reason))
            };
            let expected = summary(char_by_char(&text));
            proptest::prop_assert_eq!(summary(parse(&text)), expected.clone(), "{:?}", text);
            // Read in two halves, as a large file is.
            proptest::prop_assert_eq!(summary(parse_split(&text, 0)), expected, "split {:?}", text);
        }
    }
}
