//! Field-level validation. Errors are codes, not sentences: the UI words them in the
//! user's language beside the field, and the command line words them in English.

use super::common::Money;
use chrono::NaiveDate;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    NotANumber,
    Negative,
    NotADate,
    /// A date before the date in the named field.
    Before(&'static str),
    /// An amount below the amount in the named field (a higher tier below a lower one).
    Below(&'static str),
    OutOfRange {
        min: i64,
        max: i64,
    },
    TooLong {
        max: usize,
    },
    /// Refers to a record that does not exist (any more).
    Missing,
    /// Two fields that cannot both be set.
    Conflicts(&'static str),
    Duplicate,
    NotAnEmail,
    /// Not a phone number: digits with the usual + - ( ) and spaces, 5 to 20 digits.
    NotAPhone,
    NotAscending,
    /// The change would touch this file, which is read-only while the workspace is
    /// degraded (a file it depends on was set aside).
    ReadOnly(&'static str),
}

impl Problem {
    /// Plain English, for the command line and logs.
    pub fn english(&self) -> String {
        match self {
            Problem::Required => "is required".into(),
            Problem::NotANumber => "is not a number".into(),
            Problem::Negative => "must not be negative".into(),
            Problem::NotADate => "is not a date (use YYYY-MM-DD)".into(),
            Problem::Before(f) => format!("is before {f}"),
            Problem::Below(f) => format!("must not be below {f}"),
            Problem::OutOfRange { min, max } => format!("must be between {min} and {max}"),
            Problem::TooLong { max } => format!("is longer than {max} characters"),
            Problem::Missing => "refers to a record that does not exist".into(),
            Problem::Conflicts(f) => format!("cannot be set together with {f}"),
            Problem::Duplicate => "is already used".into(),
            Problem::NotAnEmail => "is not an e-mail address".into(),
            Problem::NotAPhone => "is not a phone number (digits, + - ( ) and spaces)".into(),
            Problem::NotAscending => "must go up from one line to the next".into(),
            Problem::ReadOnly(f) => format!(
                "cannot be changed: {f} is read-only until the file that was set aside is \
                 restored"
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

/// Collects field errors while a record or draft is checked.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<FieldError>);

/// Longest text a single-line field accepts; notes take [`MAX_NOTE`].
pub const MAX_LINE: usize = 200;
pub const MAX_NOTE: usize = 100_000;

impl Errors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: &'static str, problem: Problem) {
        // One message per field is enough: the first problem found is the one to fix.
        if !self.0.iter().any(|e| e.field == field) {
            self.0.push(FieldError { field, problem });
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }
    pub fn into_result(self) -> Result<(), Errors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
    pub fn required(&mut self, field: &'static str, value: &str) {
        if value.trim().is_empty() {
            self.add(field, Problem::Required);
        } else {
            self.max_len(field, value, MAX_LINE);
        }
    }
    pub fn max_len(&mut self, field: &'static str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.add(field, Problem::TooLong { max });
        }
    }
    pub fn not_negative(&mut self, field: &'static str, m: Money) {
        if m.is_negative() {
            self.add(field, Problem::Negative);
        }
    }
    pub fn not_below(
        &mut self,
        field: &'static str,
        m: Money,
        other_field: &'static str,
        other: Money,
    ) {
        if m < other {
            self.add(field, Problem::Below(other_field));
        }
    }
    pub fn range(&mut self, field: &'static str, v: i64, min: i64, max: i64) {
        if v < min || v > max {
            self.add(field, Problem::OutOfRange { min, max });
        }
    }
    pub fn not_before(
        &mut self,
        field: &'static str,
        d: Option<NaiveDate>,
        other_field: &'static str,
        other: Option<NaiveDate>,
    ) {
        if let (Some(d), Some(o)) = (d, other)
            && d < o
        {
            self.add(field, Problem::Before(other_field));
        }
    }
}

/// Parses a money amount typed by a person: "12,345.67", "¥1 200", "-5" (sign kept so the
/// caller can say "negative" rather than "not a number"), and the Chinese units the app
/// shows: "50万" (500,000.00), "1.5万元", "12,000.50元". Returns minor units.
pub fn parse_money(text: &str) -> Result<Money, Problem> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err(Problem::Required);
    }
    let cleaned = cleaned.strip_suffix('元').unwrap_or(&cleaned);
    // 万 is ten thousand yuan: four more places, so "1.2345万" is exact.
    let (cleaned, places) = match cleaned.strip_suffix('万') {
        Some(rest) => (rest, 6),
        None => (cleaned, 2),
    };
    if cleaned.is_empty() {
        return Err(Problem::NotANumber);
    }
    let (neg, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(cleaned)),
    };
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !all_digits(whole) || !all_digits(frac) {
        return Err(Problem::NotANumber);
    }
    if frac.len() > places {
        return Err(Problem::NotANumber);
    }
    let whole_v: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Problem::NotANumber)?
    };
    let frac_v: i64 = format!("{frac:0<places$}")
        .parse()
        .map_err(|_| Problem::NotANumber)?;
    let minor = whole_v
        .checked_mul(10_i64.pow(places as u32))
        .and_then(|v| v.checked_add(frac_v))
        .ok_or(Problem::OutOfRange {
            min: 0,
            max: i64::MAX / 100,
        })?;
    if neg && minor != 0 {
        return Err(Problem::Negative);
    }
    Ok(Money(minor))
}

/// Whether `s` reads as a phone number: 5 to 20 digits, with only `+`, `-`, `(`, `)`, `.`,
/// `/`, spaces and an extension mark (`转`, `ext`, `x`) between them.
pub fn looks_like_phone(s: &str) -> bool {
    let t = s.trim();
    let t = t.replace("ext", "x").replace('转', "x");
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    (5..=20).contains(&digits)
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '.' | '/' | ' ' | 'x' | 'X')
        })
        && !t.starts_with(['x', 'X'])
}

/// Parses `YYYY-MM-DD` (also accepts `/` as separator, as Excel often writes).
pub fn parse_date(text: &str) -> Result<NaiveDate, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let t = t.replace('/', "-");
    NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| Problem::NotADate)
}

/// An optional date: empty text is `None`, anything else must parse.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(text).map(Some)
    }
}

/// A whole number within a range.
pub fn parse_int(text: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let v: i64 = t.parse().map_err(|_| Problem::NotANumber)?;
    if v < min || v > max {
        return Err(Problem::OutOfRange { min, max });
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parsing_accepts_what_people_type() {
        assert_eq!(parse_money("12,345.67"), Ok(Money(1_234_567)));
        assert_eq!(parse_money("¥1 200"), Ok(Money(120_000)));
        assert_eq!(parse_money("0.5"), Ok(Money(50)));
        assert_eq!(parse_money(".5"), Ok(Money(50)));
        assert_eq!(parse_money("-5"), Err(Problem::Negative));
        assert_eq!(parse_money("abc"), Err(Problem::NotANumber));
        assert_eq!(parse_money("1.234"), Err(Problem::NotANumber));
        assert_eq!(parse_money(""), Err(Problem::Required));
        assert_eq!(parse_money("1e5"), Err(Problem::NotANumber));
    }

    #[test]
    fn money_parsing_accepts_wan_and_yuan() {
        assert_eq!(parse_money("50万"), Ok(Money(50_000_000)));
        assert_eq!(parse_money("1.5万元"), Ok(Money(1_500_000)));
        assert_eq!(parse_money("12,000.50元"), Ok(Money(1_200_050)));
        assert_eq!(parse_money("¥1.2345万"), Ok(Money(1_234_500)));
        assert_eq!(parse_money("0.5 万"), Ok(Money(500_000)));
        assert_eq!(parse_money("-3万"), Err(Problem::Negative));
        assert_eq!(parse_money("万"), Err(Problem::NotANumber));
        assert_eq!(parse_money("1.2345678万"), Err(Problem::NotANumber));
        assert_eq!(parse_money("5元万"), Err(Problem::NotANumber));
    }

    #[test]
    fn phone_numbers_take_digits_and_the_usual_marks_only() {
        for ok in [
            "13812345678",
            "+86 138-1234-5678",
            "(021) 6234 5678",
            "021-62345678转806",
        ] {
            assert!(looks_like_phone(ok), "{ok}");
        }
        for bad in [
            "abc",
            "1234",
            "138 1234 5678 call after 5",
            "x12345",
            "电话13812345678",
        ] {
            assert!(!looks_like_phone(bad), "{bad}");
        }
    }

    #[test]
    fn dates_parse_strictly() {
        assert!(parse_date("2026-02-28").is_ok());
        assert_eq!(parse_date("2026-02-30"), Err(Problem::NotADate));
        assert_eq!(parse_date("2026/03/01").unwrap().to_string(), "2026-03-01");
        assert_eq!(parse_optional_date("  "), Ok(None));
    }
}
