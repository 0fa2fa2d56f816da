//! The smallest window, 900×560 (issue 12's leftovers): every page and tab keeps its
//! texts inside the window or in a table that scrolls sideways; a record's detail opens
//! at its top; a list under an overlay scrolls far enough to bring each column out.

mod common;

use common::layout::*;
use common::ui::*;
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;

const SMALLEST: egui::Vec2 = egui::vec2(900.0, 560.0);

#[test]
fn every_page_and_tab_at_900_by_560_cuts_nothing_short_zh() {
    let found = every_page(Lang::Zh, SMALLEST);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_page_and_tab_at_900_by_560_cuts_nothing_short_en() {
    let found = every_page(Lang::En, SMALLEST);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Budget at 900×560, every tab: what ends past the window's right edge lies in a
/// table that scrolls sideways and comes whole into sight scrolled to (the expense
/// list's notes ended at 925 px with no sideways scroll; the year plan's 占计划 / Of
/// plan column, laid out to 896 / 900 px, is under the fixed buttons and scrolls out).
#[test]
fn budget_ends_inside_the_window_at_900_by_560() {
    use salesdesk::ui::budget::Tab;
    let mut found = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness_sized(demo(120), lang, Page::Budget, SMALLEST);
        for t in [Tab::Allocation, Tab::PlanVsActual, Tab::Categories] {
            h.state_mut().pages.budget.tab = t;
            h.run();
            h.run();
            for c in out_of_reach(&mut h, SMALLEST) {
                found.push(format!("{lang:?} {t:?}: {c}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
