//! Each tab and page keeps its own scroll position: a tab (or page) opened after another
//! was scrolled down opens at its top, where it would open fresh; it did open at the
//! other's offset (one scroll id for all).

use crate::common;

use common::ui::*;
use egui::{Pos2, vec2};
use egui_kittest::kittest::{NodeT, Queryable};
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;

/// Below the sidebar and the window's top bar.
const CONTENT_LEFT: f32 = 180.0;

/// Every named node right of the sidebar, as (top, name).
fn items(h: &H) -> Vec<(f32, String)> {
    fn walk(n: egui_kittest::Node<'_>, out: &mut Vec<(f32, String)>) {
        let name = n.accesskit_node().label().or_else(|| n.value());
        if let Some(name) = name.filter(|s| !s.trim().is_empty()) {
            let r = n.rect();
            if r.left() > CONTENT_LEFT && r.height() > 0.0 {
                out.push((r.top(), name));
            }
        }
        for c in n.children() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    walk(h.root(), &mut out);
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

/// Where `name` is (its topmost node).
fn top_of(h: &H, name: &str) -> Option<f32> {
    items(h)
        .into_iter()
        .find(|(_, n)| n == name)
        .map(|(t, _)| t)
}

/// The wheel turned far down over the middle of the window's content.
fn scroll_down(h: &mut H) {
    let size = h.ctx.content_rect().size();
    h.hover_at(Pos2::new(
        CONTENT_LEFT + (size.x - CONTENT_LEFT) / 2.0,
        size.y - 30.0,
    ));
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, -3000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // The scroll is animated over a few frames.
    h.run_steps(30);
    // No hover left behind (a tooltip in one run and not the other).
    h.remove_cursor();
    h.run();
}

fn click(h: &mut H, label: &str) {
    h.get_all_by_label(label).next().unwrap().click();
    h.run();
}

/// On `page`, `open` (clicks) leads to the first view; scrolled down there, `switch`
/// leads to the second, which shows its items where it shows them when opened fresh.
/// The window is `height` high: low enough that both views scroll.
fn opens_at_its_top(page: Page, height: f32, open: &[&str], marker: &str, switch: impl Fn(&mut H)) {
    let size = vec2(1024.0, height);
    let fresh = {
        let mut h = harness_sized(demo(120), Lang::En, page, size);
        switch(&mut h);
        items(&h)
    };
    let mut h = harness_sized(demo(120), Lang::En, page, size);
    for o in open {
        click(&mut h, o);
    }
    let before = top_of(&h, marker).expect("the first view's marker");
    scroll_down(&mut h);
    assert!(
        top_of(&h, marker).is_none_or(|t| t < before - 50.0),
        "the first view scrolled down ({marker} at {before})"
    );
    switch(&mut h);
    assert_eq!(items(&h), fresh, "the second view opens at its top");
}

#[test]
fn a_marketing_tab_opens_at_its_top() {
    opens_at_its_top(
        Page::Marketing,
        420.0,
        &["Market & segments"],
        "＋ New segment",
        |h| click(h, "Channels"),
    );
}

#[test]
fn a_promotions_tab_opens_at_its_top() {
    opens_at_its_top(Page::Promotions, 300.0, &[], "＋ New event", |h| {
        click(h, "Compare events")
    });
}

#[test]
fn a_performance_tab_opens_at_its_top() {
    opens_at_its_top(
        Page::Performance,
        300.0,
        &["Forecast commitments"],
        "Best case",
        |h| click(h, "Targets"),
    );
}

#[test]
fn a_team_view_opens_at_its_top() {
    opens_at_its_top(
        Page::Team,
        300.0,
        &["Resource allocation"],
        "Coverage",
        |h| click(h, "Org chart"),
    );
}

#[test]
fn another_page_opens_at_its_top() {
    opens_at_its_top(Page::Data, 420.0, &[], "Export workbook", |h| {
        h.state_mut().page = Page::Performance;
        h.run();
    });
}
