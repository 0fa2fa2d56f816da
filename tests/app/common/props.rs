//! Helpers of the property tests (`bad_input.rs`, `long_texts.rs`): case counts, the
//! demo they mutate, and the check that written files take the fast reader.

use proptest::prelude::*;
use proptest::test_runner::Config;
use salesdesk::demo::{DemoSize, generate};
use salesdesk::model::*;
use salesdesk::store::{self, fast_ron};
use std::sync::OnceLock;

use super::ui::today;

/// `n` cases, or `PROPTEST_CASES` when set (for a longer hunt).
pub fn cases(n: u32) -> Config {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    Config {
        cases: n,
        ..Config::default()
    }
}

/// A small demo workspace: every file has real records of every kind.
pub fn demo() -> &'static Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| generate(5, DemoSize { deals: 40 }, today()))
}

/// Reads `text` as the file `kind` with both readers, the fast one refilling its buffer
/// `fill` bytes at a time. Whatever the fast reader accepts, ron must read the same;
/// returns whether the fast reader took it.
pub fn readers_agree(kind: FileKind, text: &str, fill: usize) -> Result<bool, TestCaseError> {
    fn agree<T: serde::de::DeserializeOwned + PartialEq>(
        kind: FileKind,
        text: &str,
        fill: usize,
    ) -> Result<bool, TestCaseError> {
        let Ok(fast) = fast_ron::from_reader_with_capacity::<T>(text.as_bytes(), fill) else {
            return Ok(false);
        };
        match ron::from_str::<T>(text) {
            Ok(slow) => prop_assert!(fast == slow, "{kind:?}: the readers differ"),
            Err(e) => prop_assert!(
                false,
                "{kind:?}: the fast reader took what ron refuses: {e}"
            ),
        }
        Ok(true)
    }
    match kind {
        FileKind::Settings => agree::<Settings>(kind, text, fill),
        FileKind::Team => agree::<TeamFile>(kind, text, fill),
        FileKind::Performance => agree::<PerformanceFile>(kind, text, fill),
        FileKind::Customers => agree::<CustomersFile>(kind, text, fill),
        FileKind::Deals => agree::<DealsFile>(kind, text, fill),
        FileKind::Marketing => agree::<MarketingFile>(kind, text, fill),
        FileKind::Promotions => agree::<PromotionsFile>(kind, text, fill),
        FileKind::Budget => agree::<BudgetFile>(kind, text, fill),
        FileKind::Me => agree::<MeFile>(kind, text, fill),
    }
}

/// Every file SalesDesk writes is read by the fast reader (so a large workspace loads
/// in time), and read exactly as ron reads it.
/// Also with a buffer of a few bytes, so that every line is a filling of its own.
pub fn written_files_take_the_fast_road(ws: &Workspace) -> Result<(), TestCaseError> {
    for kind in FileKind::ALL {
        let text = store::files::to_ron(ws, kind).expect("serialize");
        for fill in [FILL, 1, 5] {
            prop_assert!(
                readers_agree(kind, &text, fill)?,
                "{kind:?}: the fast reader (fill {fill}) gave up on a written file"
            );
        }
    }
    Ok(())
}

pub fn doc() -> Document {
    Document::new(demo().clone())
}

pub fn put(built: Result<impl Into<Record>, Errors>) -> Option<Change> {
    built.ok().map(|r| Change::put(r.into()))
}

/// The fast reader's own buffer size (64 KiB): larger than any demo file here.
pub const FILL: usize = 64 * 1024;
