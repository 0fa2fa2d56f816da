//! Cell values as an import reads them: amounts with thousands grouping or a decimal
//! comma, dates as people and Excel write them, text verbatim.

use super::Why;
use super::read::Cell;
use crate::model::{Money, parse_money};
use chrono::NaiveDate;

/// Earliest year an import accepts: `26-01-05` is a two-digit year, not the year 26.
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 9999;

/// The text of a cell, trimmed: numbers in their shortest form, dates as YYYY-MM-DD.
/// Text that looks like a formula (`=HYPERLINK(…)`, `+Li`) is kept as it is.
pub fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_string(),
        c => c.text(),
    }
}

/// An amount in yuan. `decimal_comma`: the file writes `1.234,50` (the mapping says so).
pub fn money(cell: &Cell, decimal_comma: bool) -> Result<Money, Why> {
    match cell {
        Cell::Empty => Err(crate::model::Problem::Required.into()),
        Cell::Date(_) => Err(Why::DateNotAmount),
        Cell::Number(n) => {
            let fen = n * 100.0;
            if !fen.is_finite() || fen.abs() > 1e15 {
                return Err(Why::TooLarge);
            }
            if (fen - fen.round()).abs() > 1e-6 {
                return Err(Why::TooManyDecimals);
            }
            if fen < 0.0 {
                return Err(crate::model::Problem::Negative.into());
            }
            Ok(Money(fen.round() as i64))
        }
        Cell::Text(t) => {
            // Plain digits with up to two decimals (what the app exports): read as
            // `parse_money` reads them, without the copies that grouping rules need.
            if !decimal_comma && let Some(m) = plain_amount(t.trim()) {
                return Ok(m);
            }
            let plain = ungroup(t.trim(), decimal_comma)?;
            parse_money(&plain).map_err(Why::Rule)
        }
    }
}

/// `123` or `123.4` or `123.45`, at most 15 digits before the point; else `None`.
fn plain_amount(t: &str) -> Option<Money> {
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 15
        || frac.len() > 2
        || !digits(whole)
        || !digits(frac)
        || (t.contains('.') && frac.is_empty())
    {
        return None;
    }
    let cents = frac.bytes().chain(std::iter::repeat(b'0')).take(2);
    let value = whole
        .bytes()
        .chain(cents)
        .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
    Some(Money(value))
}

/// The amount text with its grouping taken out and '.' as the decimal point, for
/// `parse_money`. Without `decimal_comma`, commas and spaces group digits in threes
/// (`12,000`, `1,234,567.89`, `1 200`); a comma before one or two final digits (`1,5`,
/// `3,50`, `1 000,50`) is a decimal comma, and refused rather than read as ¥15.
fn ungroup(t: &str, decimal_comma: bool) -> Result<String, Why> {
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '¥' | '￥'))
        .map(|c| if c == '，' { ',' } else { c })
        .collect();
    let t = t.trim();
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    if decimal_comma {
        // 1.234,50 and 1 234,50: dots and spaces group, the comma is the point.
        let t: String = t.chars().filter(|c| *c != '.' && !is_space(*c)).collect();
        return Ok(t.replace(',', "."));
    }
    let body_end = t
        .char_indices()
        .rfind(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i + 1)
        .unwrap_or(0);
    let body_start = t
        .find(|c: char| c.is_ascii_digit() || c == '.')
        .unwrap_or(0);
    if body_start >= body_end {
        return Ok(t.to_string());
    }
    let (head, body, tail) = (&t[..body_start], &t[body_start..body_end], &t[body_end..]);
    let (whole, frac) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if !whole.contains(|c: char| c == ',' || is_space(c)) {
        return Ok(t.to_string());
    }
    let groups: Vec<&str> = whole.split(|c: char| c == ',' || is_space(c)).collect();
    let last = groups.last().copied().unwrap_or("");
    if frac.is_none() && (1..=2).contains(&last.len()) && whole.contains(',') {
        let point = format!("{}.{last}", groups[..groups.len() - 1].concat());
        return Err(Why::DecimalComma {
            text: t.to_string(),
            digits: last.len(),
            point,
        });
    }
    let regular = (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if !regular {
        return Err(Why::IrregularGroups {
            text: t.to_string(),
        });
    }
    let mut plain = format!("{head}{}", groups.concat());
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    plain.push_str(tail);
    Ok(plain)
}

/// A date, required.
pub fn date(cell: &Cell) -> Result<NaiveDate, Why> {
    optional_date(cell)?.ok_or_else(|| crate::model::Problem::Required.into())
}

/// A date or nothing. Text: `2026-01-05`, `2026/1/5`, `2026.1.5`, `2026年1月5日`, with a
/// time after it ignored (`2026/1/5 0:00`, as Excel writes); the year has four digits.
pub fn optional_date(cell: &Cell) -> Result<Option<NaiveDate>, Why> {
    let d = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => *d,
        Cell::Number(_) => return Err(Why::NumberNotDate),
        Cell::Text(t) if t.trim().is_empty() => return Ok(None),
        Cell::Text(t) => parse_date_text(t.trim())?,
    };
    use chrono::Datelike;
    if !(MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        return Err(Why::DateOutOfRange {
            date: d,
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    Ok(Some(d))
}

fn parse_date_text(t: &str) -> Result<NaiveDate, Why> {
    // The form the app itself exports, without splitting it up.
    if let Some(d) = crate::model::ymd::quick(t) {
        return Ok(d);
    }
    let not_a_date = || Why::NotADate {
        text: t.to_string(),
    };
    let day_part = t.split([' ', 'T']).next().unwrap_or(t);
    let day_part = day_part.strip_suffix('日').unwrap_or(day_part);
    let parts: Vec<&str> = day_part.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts[..] else {
        return Err(not_a_date());
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(m, 1..=2) || !digits(d, 1..=2) || !y.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_a_date());
    }
    if y.len() != 4 {
        return Err(Why::ShortYear {
            text: t.to_string(),
            digits: y.len(),
            min: MIN_YEAR,
        });
    }
    let (y, m, d): (i32, u32, u32) = (
        y.parse().map_err(|_| not_a_date())?,
        m.parse().map_err(|_| not_a_date())?,
        d.parse().map_err(|_| not_a_date())?,
    );
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| Why::NoSuchDay {
        text: t.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(t: &str) -> Result<Money, Why> {
        money(&Cell::Text(t.into()), false)
    }

    /// The shortcut for plain amounts reads each as the general road does.
    #[test]
    fn plain_amounts_read_as_parse_money_reads_them() {
        for t in [
            "0",
            "7",
            "163000.00",
            "12.5",
            "12.",
            ".5",
            "0012.30",
            "999999999999999.99",
            "1234567890123456",
            "1.234",
            "1e5",
            "-5",
            "+5",
            "",
        ] {
            let general = ungroup(t, false).ok().and_then(|p| parse_money(&p).ok());
            if let Some(m) = plain_amount(t) {
                assert_eq!(Some(m), general, "{t:?}");
            }
        }
        assert_eq!(plain_amount("163000.00"), Some(Money(16_300_000)));
        assert_eq!(plain_amount("12.5"), Some(Money(1250)));
    }

    #[test]
    fn grouping_in_threes_is_read_and_decimal_commas_refused() {
        assert_eq!(amount("12,000"), Ok(Money(1_200_000)));
        assert_eq!(amount("1,234,567.89"), Ok(Money(123_456_789)));
        assert_eq!(amount("¥1,200.00"), Ok(Money(120_000)));
        assert_eq!(amount("1 200"), Ok(Money(120_000)));
        assert_eq!(amount("1.5万"), Ok(Money(1_500_000)));
        let e = amount("1,5").unwrap_err().english();
        assert!(
            e.contains("decimal comma") && e.contains("Write 1.5"),
            "{e}"
        );
        assert!(amount("3,50").unwrap_err().english().contains("Write 3.50"));
        assert!(
            amount("1 000,50")
                .unwrap_err()
                .english()
                .contains("decimal comma")
        );
        assert!(
            amount("12,00,000")
                .unwrap_err()
                .english()
                .contains("irregular")
        );
        assert!(
            amount("1234,567")
                .unwrap_err()
                .english()
                .contains("irregular")
        );
        let dc = |t: &str| money(&Cell::Text(t.into()), true);
        assert_eq!(dc("1,5"), Ok(Money(150)));
        assert_eq!(dc("1.234,50"), Ok(Money(123_450)));
        assert_eq!(dc("1 000,50"), Ok(Money(100_050)));
    }

    #[test]
    fn number_cells_are_amounts_to_the_fen() {
        assert_eq!(money(&Cell::Number(1200.5), false), Ok(Money(120_050)));
        assert_eq!(money(&Cell::Number(0.1 + 0.2), false), Ok(Money(30)));
        assert!(money(&Cell::Number(1.234), false).is_err());
        assert!(money(&Cell::Number(-1.0), false).is_err());
    }

    #[test]
    fn dates_with_four_digit_years_from_1900() {
        let d = |t: &str| optional_date(&Cell::Text(t.into()));
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        for t in [
            "2026-01-05",
            "2026/1/5",
            "2026.1.5",
            "2026年1月5日",
            "2026/1/5 0:00",
        ] {
            assert_eq!(d(t), Ok(Some(day)), "{t}");
        }
        assert!(
            d("26-01-05")
                .unwrap_err()
                .english()
                .contains("2-digit year")
        );
        assert!(
            d("+262142-12-31")
                .unwrap_err()
                .english()
                .contains("not a date")
        );
        assert!(d("1899-12-31").unwrap_err().english().contains("1900"));
        assert!(d("2026-02-30").unwrap_err().english().contains("calendar"));
        assert_eq!(d(""), Ok(None));
        assert_eq!(optional_date(&Cell::Date(day)), Ok(Some(day)));
    }
}
