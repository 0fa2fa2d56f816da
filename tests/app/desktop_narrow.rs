//! The smallest window, 900×560 (issue 12's leftovers): every page and tab keeps its
//! texts inside the window or in a table that scrolls sideways; a record's detail opens
//! at its top; a list under an overlay scrolls far enough to bring each column out.

use crate::common;

use common::layout::*;
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
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

// ---- A record's detail opens at its top ----

/// The top of the label `words` in the side panel (right of `left`).
fn top_in_panel(h: &H, words: &str, left: f32) -> Option<f32> {
    h.query_all_by(|n| n.role() == Role::Label && n.value().as_deref() == Some(words))
        .map(|n| n.rect())
        .filter(|r| r.min.x > left)
        .map(|r| r.min.y)
        .reduce(f32::min)
}

/// The left edge of the open panel's body: where its heading, the record's `name`,
/// begins (the list shows the name further left).
fn panel_left(h: &H, name: &str) -> f32 {
    h.query_all_by(|n| n.role() == Role::Label && n.value().as_deref() == Some(name))
        .map(|n| n.rect().min.x)
        .fold(f32::MIN, f32::max)
        - 1.0
}

/// Scrolls the open side panel down with the wheel over it.
fn scroll_panel_down(h: &mut H) {
    let at = egui::pos2(SMALLEST.x - 120.0, SMALLEST.y - 100.0);
    wheel(h, at, egui::vec2(0.0, -3000.0));
}

/// A long text: 40 lines.
fn long_text() -> String {
    (1..=40)
        .map(|i| format!("第{i}行 line {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A customer's detail, scrolled down, then another customer clicked in the list: the
/// new one opens at its top (the tab kept one scroll position for every customer, so
/// the next one opened scrolled down).
fn customer_opens_at_its_top(lang: Lang) {
    use salesdesk::i18n::T;
    let mut ws = demo(60);
    let cs = std::sync::Arc::make_mut(&mut ws.customers);
    let mut a = cs.customers.rows[0].clone();
    a.notes = long_text();
    cs.customers.put(a.clone());
    let mut h = harness_sized(ws, lang, Page::Customers, SMALLEST);
    h.state_mut().pages.customers.focus(a.id);
    h.run();
    h.run();
    let left = panel_left(&h, &a.name);
    let first = T::Industry.get(lang);
    let top = top_in_panel(&h, first, left).expect("the first row");
    scroll_panel_down(&mut h);
    let scrolled = top_in_panel(&h, first, left).unwrap_or(f32::MIN);
    assert!(
        scrolled < top - 100.0,
        "{lang:?}: scrolled down ({top} → {scrolled})"
    );
    let ws = h.state().doc.ws().clone();
    let b = ws
        .customers
        .customers
        .iter()
        .find(|c| {
            c.id != a.id
                && h.query_all_by_label(&c.name)
                    .any(|n| n.rect().max.x < left && n.rect().min.y > 100.0)
        })
        .expect("another customer in sight in the list")
        .clone();
    h.get_all_by_label(&b.name)
        .find(|n| n.rect().max.x < left)
        .unwrap()
        .click();
    h.run();
    h.run();
    assert_eq!(
        h.state().pages.customers.side,
        salesdesk::ui::customers::Side::Detail(b.id)
    );
    let now = top_in_panel(&h, first, left).unwrap_or(f32::MIN);
    assert!(
        (now - top).abs() < 1.0,
        "{lang:?}: {} opens at its top ({first} at {now}, at {top} unscrolled)",
        b.name
    );
}

#[test]
fn another_customer_opens_at_its_top_zh() {
    customer_opens_at_its_top(Lang::Zh);
}

#[test]
fn another_customer_opens_at_its_top_en() {
    customer_opens_at_its_top(Lang::En);
}

/// A member's detail with long duties at 900×560 scrolls down to their last line (it
/// did not scroll: the lines below the panel were cut off); another member clicked in
/// the list opens at the top.
fn member_scrolls_and_the_next_opens_at_its_top(lang: Lang) {
    use salesdesk::i18n::T;
    let mut ws = demo(60);
    let team = std::sync::Arc::make_mut(&mut ws.team);
    let mut a = team.members.rows[0].clone();
    a.duties = long_text();
    team.members.put(a.clone());
    let mut h = harness_sized(ws, lang, Page::Team, SMALLEST);
    h.state_mut().pages.team.focus(a.id);
    h.run();
    h.run();
    let left = panel_left(&h, &a.name);
    let first = T::Role.get(lang);
    let top = top_in_panel(&h, first, left).expect("the first row");
    scroll_panel_down(&mut h);
    let last = a.duties.lines().last().unwrap();
    let end = h
        .query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.ends_with(last)))
        .map(|n| n.rect().max.y)
        .reduce(f32::max)
        .expect("the duties");
    assert!(
        end <= SMALLEST.y,
        "{lang:?}: the duties' last line scrolls into sight (ends at {end})"
    );
    let ws = h.state().doc.ws().clone();
    let b = ws
        .team
        .members
        .iter()
        .find(|m| {
            m.id != a.id
                && h.query_all_by_label(&m.name)
                    .any(|n| n.rect().max.x < left && n.rect().min.y > 100.0)
        })
        .expect("another member in sight in the list")
        .clone();
    h.get_all_by_label(&b.name)
        .find(|n| n.rect().max.x < left)
        .unwrap()
        .click();
    h.run();
    h.run();
    let now = top_in_panel(&h, first, left).unwrap_or(f32::MIN);
    assert!(
        (now - top).abs() < 1.0,
        "{lang:?}: {} opens at its top ({first} at {now}, at {top} unscrolled)",
        b.name
    );
}

#[test]
fn a_members_detail_scrolls_and_the_next_opens_at_its_top_zh() {
    member_scrolls_and_the_next_opens_at_its_top(Lang::Zh);
}

#[test]
fn a_members_detail_scrolls_and_the_next_opens_at_its_top_en() {
    member_scrolls_and_the_next_opens_at_its_top(Lang::En);
}

// ---- A list under an overlay scrolls its last column out from under it ----

/// The column head `words` (a button; the sorted column's head carries an arrow).
fn head(h: &H, words: &str) -> egui::Rect {
    h.query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(words)))
        .map(|n| n.rect())
        .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
        .unwrap_or_else(|| panic!("the {words} head"))
}

/// With the record `name` open in the overlay over the list, the list scrolled
/// sideways to its end (the wheel over its left part) shows its last column, head
/// `last`, whole left of the overlay (the list fitted the page, so the columns under
/// the overlay could not be reached while it was open).
fn last_column_comes_out(mut h: H, lang: Lang, name: &str, last: &str) {
    h.run();
    h.run();
    let left = panel_left(&h, name);
    let before = head(&h, last);
    assert!(
        before.max.x > left,
        "{lang:?}: {last} starts under the overlay"
    );
    wheel(
        &mut h,
        egui::pos2(250.0, before.max.y + 60.0),
        egui::vec2(-100_000.0, 0.0),
    );
    let now = head(&h, last);
    assert!(
        now.max.x <= left && now.min.x >= 160.0,
        "{lang:?}: {last} scrolled out from under the overlay (at {now:?}; the overlay from {left})"
    );
}

#[test]
fn the_customer_list_scrolls_its_last_column_out_from_under_the_overlay() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness_sized(demo(60), lang, Page::Customers, SMALLEST);
        let c = h.state().doc.ws().customers.customers.rows[0].clone();
        h.state_mut().pages.customers.focus(c.id);
        let last = salesdesk::ui::customers::Text::OpenDeals.get(lang);
        last_column_comes_out(h, lang, &c.name, last);
    }
}

#[test]
fn the_member_list_scrolls_its_last_column_out_from_under_the_overlay() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness_sized(demo(60), lang, Page::Team, SMALLEST);
        let m = h.state().doc.ws().team.members.rows[0].clone();
        h.state_mut().pages.team.focus(m.id);
        let last = salesdesk::ui::team::Text::OpenPipeline.get(lang);
        last_column_comes_out(h, lang, &m.name, last);
    }
}

#[test]
fn the_deal_list_scrolls_its_last_column_out_from_under_the_overlay_at_1024() {
    for lang in [Lang::Zh, Lang::En] {
        let ws = demo(60);
        let d = ws.deals.deals.rows[0].clone();
        let mut h = harness_sized(ws, lang, Page::Pipeline, egui::vec2(1024.0, 700.0));
        h.state_mut().pages.pipeline.view = salesdesk::ui::pipeline::View::List;
        h.state_mut().pages.pipeline.side = salesdesk::ui::pipeline::Side::Detail(d.id);
        let last = salesdesk::ui::pipeline::Text::NextStepDue.get(lang);
        last_column_comes_out(h, lang, &d.title, last);
    }
}
