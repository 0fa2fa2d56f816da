//! Dates as the files hold them (`"2026-12-02"`), read without chrono's general
//! parser: a load of 100k deals reads about a million dates, and the format-driven
//! `NaiveDate::from_str` was a tenth of it. Text in any other form goes to chrono, so
//! what is accepted, and every error, is exactly chrono's. Written by chrono as before.
//!
//! Use as `#[serde(with = "crate::model::ymd")]`, and `ymd::opt` (with `default`, so
//! a missing field stays `None` as it was) on `Option<NaiveDate>`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use std::fmt;

/// `YYYY-MM-DD` with a four-digit year, or `None` for a slower parser to judge (also
/// for a day that does not exist, so that parser names the problem).
pub fn quick(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
    quick(s).map_or_else(|| s.parse().map_err(E::custom), Ok)
}

struct DateVisitor;

impl de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a formatted date string")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse(s)
    }
}

/// chrono's own text (`Display`), without its formatter: for years 0 to 9999 that is
/// `YYYY-MM-DD`, written here from the digits (formatting was a third of writing a
/// deal); other years go through chrono.
pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    use chrono::Datelike;
    let Ok(year) = u32::try_from(date.year()) else {
        return date.serialize(s);
    };
    if year > 9999 {
        return date.serialize(s);
    }
    let mut b = *b"0000-00-00";
    let mut put = |at: usize, mut v: u32, width: usize| {
        for i in (at..at + width).rev() {
            b[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, year, 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    s.serialize_str(std::str::from_utf8(&b).unwrap_or_default())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// A date read and written through this module, for `Option`'s own rules.
struct Ymd(NaiveDate);

impl Serialize for Ymd {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for Ymd {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Ymd, D::Error> {
        deserialize(d).map(Ymd)
    }
}

pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&Ymd(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Ymd>::deserialize(d)?.map(|y| y.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        #[serde(with = "super")]
        day: NaiveDate,
        #[serde(with = "super::opt", default)]
        due: Option<NaiveDate>,
    }

    /// Whatever the text, the quick road reads it as chrono does, or leaves it to chrono.
    #[test]
    fn dates_read_exactly_as_chrono_reads_them() {
        for s in [
            "2026-12-02",
            "2024-02-29",
            "2023-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "2026-01-5 ",
            " 2026-01-05",
            "+12026-01-05",
            "-0001-03-01",
            "2026/01/05",
            "2026-01-0x",
            "２０２６-01-05",
            "",
            "2026-01-05T00",
        ] {
            let ours: Result<NaiveDate, de::value::Error> = parse(s);
            let chrono: Result<NaiveDate, _> = s.parse::<NaiveDate>();
            assert_eq!(ours.ok(), chrono.ok(), "{s:?}");
        }
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2026, 12, 2),
            (1, 1, 1),
            (0, 2, 29),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 1),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let ours = serialize(&date, serde_json::value::Serializer).unwrap();
            assert_eq!(ours, serde_json::Value::String(date.to_string()), "{date}");
        }
    }

    #[test]
    fn a_row_round_trips_and_a_missing_option_is_none() {
        let row = Row {
            day: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            due: NaiveDate::from_ymd_opt(2027, 1, 31),
        };
        let text = ron::to_string(&row).unwrap();
        assert_eq!(text, r#"(day:"2026-12-02",due:Some("2027-01-31"))"#);
        assert_eq!(ron::from_str::<Row>(&text).unwrap(), row);
        let none: Row = ron::from_str(r#"(day:"2026-12-02")"#).unwrap();
        assert_eq!(none.due, None);
        assert!(ron::from_str::<Row>(r#"(day:"2026-02-30")"#).is_err());
    }
}
