//! A seeded, deterministic generator of a realistic demo workspace (演示工作区).
//!
//! The same `(seed, size, today)` always gives the same workspace, so screenshots, tests
//! and benchmarks are stable. Each section draws from its own random stream, so adding
//! data to one section does not reshuffle the others. Tables are built by pushing rows
//! with increasing ids (not through `Document::apply`), which keeps 100k deals fast.
//! All Chinese text stays within GB2312, the range the bundled font covers.
//!
//! One file per model area; this one keeps `generate`, the random numbers and the small
//! helpers they share. The word lists are in `words`.

use crate::i18n::Lang;
use crate::model::*;
use chrono::{Datelike, NaiveDate, TimeDelta};
use std::sync::Arc;

mod budget;
mod customers;
mod deals;
mod english;
mod english_texts;
mod marketing;
mod me;
mod performance;
mod promotions;
mod relations;
mod team;
#[cfg(test)]
mod tests;
mod words;

use budget::*;
use customers::*;
use deals::*;
use marketing::*;
use me::*;
use performance::*;
use promotions::*;
use relations::*;
use team::*;
use words::*;

/// How big a demo workspace to make; everything but the team and the fixed lists
/// (categories, channels, promotions …) scales with the number of deals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    pub deals: usize,
}

impl DemoSize {
    pub const DEFAULT: DemoSize = DemoSize { deals: 400 };
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize::DEFAULT
    }
}

/// [`generate`] with the demo's own names (KPIs, budget categories, plans, channels …)
/// and free texts in `lang`; the records, ids and numbers are the same in both
/// languages. People's and companies' names stay Chinese (the demo company is Chinese).
pub fn generate_in(seed: u64, size: DemoSize, today: NaiveDate, lang: Lang) -> Workspace {
    let mut ws = generate(seed, size, today);
    if lang == Lang::En {
        english::into_english(&mut ws);
    }
    ws
}

/// Deterministic for (seed, size, today), in Chinese. Returns a Workspace with
/// settings.demo = true.
pub fn generate(seed: u64, size: DemoSize, today: NaiveDate) -> Workspace {
    let counts = Counts::new(size.deals);
    let settings = Settings {
        demo: true,
        ..Settings::default()
    };
    let team = gen_team(&mut Rng::stream(seed, 1), &counts, today);
    let mut marketing = gen_marketing(&mut Rng::stream(seed, 2), today);
    let promotions = gen_promotions(&mut Rng::stream(seed, 3), &team, &marketing, today);
    let sources = lead_sources(&marketing, &promotions);

    let mut book = gen_customers(&mut Rng::stream(seed, 4), &counts, &team, &sources, today);
    let deals = gen_deals(
        &mut Rng::stream(seed, 5),
        &counts,
        &mut book,
        &team.members,
        &sources,
        &settings,
        today,
    );
    let mut customers = gen_customer_file(&mut Rng::stream(seed, 6), &counts, book, &deals, today);
    link_collected(&mut customers, &promotions);

    let performance = gen_performance(
        &mut Rng::stream(seed, 7),
        &team.members,
        &deals,
        &customers,
        today,
    );
    let scale = budget_scale(size.deals);
    let budget = gen_budget(
        &mut Rng::stream(seed, 8),
        &counts,
        scale,
        &marketing,
        &promotions,
        today,
    );
    add_plans_and_market_sizes(&mut marketing, &deals, &budget, today);
    let me = gen_me(&mut Rng::stream(seed, 9), today, &customers, &performance);

    let mut ws = Workspace {
        settings: Arc::new(settings),
        team: Arc::new(team),
        performance: Arc::new(performance),
        customers: Arc::new(customers),
        deals: Arc::new(DealsFile { deals }),
        marketing: Arc::new(marketing),
        promotions: Arc::new(PromotionsFile {
            promotions: table(promotions),
        }),
        budget: Arc::new(budget),
        me: Arc::new(me),
    };
    add_last_weeks_review(&mut ws, today);
    add_team_events(&mut ws, today);
    ws
}

// ---------------------------------------------------------------------------------------
// Random numbers and small helpers
// ---------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast and plenty random for demo data, so no RNG crate is needed.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream per section of the workspace.
    fn stream(seed: u64, section: u64) -> Rng {
        let mut mixer = Rng(section.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng(seed ^ mixer.next())
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (multiply-shift: no division, bias far below what matters here).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi` (just `lo` when the range is empty).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as u64
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// A copy of a random element (for lists of `&'static str` and the like).
    fn choose<T: Copy>(&mut self, xs: &[T]) -> T {
        *self.pick(xs)
    }
    /// An index drawn with the given relative weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as u64) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// A mobile number such as 13812345678.
    fn mobile(&mut self) -> String {
        const PREFIXES: [&str; 8] = ["138", "139", "136", "150", "158", "186", "188", "177"];
        format!("{}{:08}", self.pick(&PREFIXES), self.below(100_000_000))
    }
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

/// A random day in `from..=to` (just `from` when the range is empty).
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    add_days(from, rng.range(0, days_between(from, to)))
}

/// Whole yuan to minor units.
fn yuan(v: i64) -> Money {
    Money::from_major(v)
}

/// Rounds a money amount to whole units of `step` yuan (at least one step).
fn round_to(m: f64, step_yuan: i64) -> Money {
    let steps = (m / (step_yuan as f64 * 100.0)).round().max(1.0) as i64;
    yuan(steps * step_yuan)
}

/// A table from rows already numbered 1, 2, 3 … in order.
fn table<T>(rows: Vec<T>) -> Table<T> {
    Table {
        next_id: rows.len() as u64 + 1,
        rows,
    }
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month0() / 3 + 1)
}

fn previous_quarter((year, q): (i32, u32)) -> (i32, u32) {
    if q == 1 { (year - 1, 4) } else { (year, q - 1) }
}

/// How many of each record a workspace of `deals` deals gets.
#[derive(Debug, Clone)]
struct Counts {
    deals: usize,
    members: usize,
    customers: usize,
    expenses: usize,
    feedback: usize,
    /// Follow-ups forced to be due today (and as many overdue), so the reminders show.
    follow_ups: usize,
}

impl Counts {
    fn new(deals: usize) -> Counts {
        let customers = (deals * 150 / 400).max(20);
        Counts {
            deals,
            members: (8 + deals / 5000).min(40),
            customers,
            expenses: (deals / 2).max(80),
            feedback: (customers / 12).max(12),
            follow_ups: (customers / 50).max(3),
        }
    }
}
