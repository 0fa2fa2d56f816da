//! Shared building blocks: ids, money, periods and the keyed collection.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Declares a stable, typed id. Ids are never reused: each collection file keeps its
/// own `next_id`, so a deleted record's id never comes back to mean something else.
#[macro_export]
macro_rules! define_id {
    ($name:ident) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            PartialOrd,
            Ord,
            Hash,
            Default,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

/// A record kept in a [`Table`]: it knows its own id.
pub trait Keyed {
    type Id: Copy + Ord + std::fmt::Debug;
    fn id(&self) -> Self::Id;
}

/// A collection of records kept sorted by id, so lookups are a binary search and an undo
/// puts a deleted record back exactly where it was.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct Table<T> {
    pub next_id: u64,
    pub rows: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            next_id: 1,
            rows: Vec::new(),
        }
    }
}

impl<T: Keyed> Table<T> {
    fn position(&self, id: T::Id) -> Result<usize, usize> {
        self.rows.binary_search_by(|r| r.id().cmp(&id))
    }
    pub fn get(&self, id: T::Id) -> Option<&T> {
        self.position(id).ok().map(|i| &self.rows[i])
    }
    pub fn get_mut(&mut self, id: T::Id) -> Option<&mut T> {
        self.position(id).ok().map(move |i| &mut self.rows[i])
    }
    pub fn contains(&self, id: T::Id) -> bool {
        self.position(id).is_ok()
    }
    /// Inserts or replaces; returns the record it replaced.
    pub fn put(&mut self, row: T) -> Option<T> {
        match self.position(row.id()) {
            Ok(i) => Some(std::mem::replace(&mut self.rows[i], row)),
            Err(i) => {
                self.rows.insert(i, row);
                None
            }
        }
    }
    pub fn remove(&mut self, id: T::Id) -> Option<T> {
        self.position(id).ok().map(|i| self.rows.remove(i))
    }
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.rows.iter()
    }
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    /// Reserves the next id number. Callers wrap it in their id type.
    pub fn allocate(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id.saturating_add(1);
        id
    }
    /// Makes sure `next_id` is past every id present (repairs hand-edited files).
    pub fn repair_next_id(&mut self, raw: impl Fn(&T) -> u64) {
        let max = self.rows.iter().map(raw).max().unwrap_or(0);
        if self.next_id <= max {
            self.next_id = max.saturating_add(1);
        }
        if !self.rows.is_sorted_by_key(|r| r.id()) {
            self.rows.sort_by_key(|r| r.id());
        }
    }
}

/// Implements [`Keyed`] for a record whose `id` field has the given id type.
#[macro_export]
macro_rules! keyed {
    ($t:ty, $id:ty) => {
        impl $crate::model::Keyed for $t {
            type Id = $id;
            fn id(&self) -> $id {
                self.id
            }
        }
    };
}

/// Money in integer minor units (fen for CNY). Never a float in the model.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);
    pub fn from_major(units: i64) -> Money {
        Money(units * 100)
    }
    pub fn minor(self) -> i64 {
        self.0
    }
    pub fn as_major_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
    /// The amount times a percentage, rounded half away from zero.
    pub fn percent(self, pct: f64) -> Money {
        Money((self.0 as f64 * pct / 100.0).round() as i64)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}
impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}
impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 = self.0.saturating_add(o.0);
    }
}
impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Period {
        Period { start, end }
    }
    pub fn month(year: i32, month: u32) -> Period {
        let start = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }
        .expect("valid month");
        Period {
            start,
            end: next.pred_opt().expect("date in range"),
        }
    }
    pub fn quarter(year: i32, quarter: u32) -> Period {
        let first = (quarter.clamp(1, 4) - 1) * 3 + 1;
        Period {
            start: Period::month(year, first).start,
            end: Period::month(year, first + 2).end,
        }
    }
    pub fn year(year: i32) -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year"),
            end: NaiveDate::from_ymd_opt(year, 12, 31).expect("valid year"),
        }
    }
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    /// Days shared with another period (0 when they do not meet).
    pub fn overlap_days(&self, other: &Period) -> i64 {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        if e < s { 0 } else { (e - s).num_days() + 1 }
    }
    /// The period of equal length just before this one (month before a month, etc.).
    pub fn previous(&self) -> Period {
        let s = self.start;
        let e = self.end;
        // Whole calendar months shift by months, so February follows January properly.
        if s.day() == 1 && e.succ_opt().is_some_and(|n| n.day() == 1) {
            let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32 + 1;
            let start = shift_months(s, -months);
            let end = s.pred_opt().expect("date in range");
            return Period { start, end };
        }
        let len = self.days();
        Period {
            start: s - chrono::Duration::days(len),
            end: s - chrono::Duration::days(1),
        }
    }
}

/// The first of the month `months` away from `d`'s month.
pub fn shift_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .expect("date in range")
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}
