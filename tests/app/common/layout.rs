//! What the layout tests look for on screen: the texts and where they were laid out, the
//! horizontal scroll bars, and the texts cut short by an edge.

use super::ui::{H, demo, harness_sized};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;

/// A text on screen: its words and where it was laid out (its whole width, also the
/// part a clip cut off).
#[derive(Debug, Clone)]
pub struct Text {
    pub words: String,
    pub rect: egui::Rect,
}

pub fn texts(h: &H) -> Vec<Text> {
    h.query_all_by(|n| {
        matches!(n.role(), Role::Label | Role::Button | Role::Link)
            && n.value()
                .or_else(|| n.label())
                .is_some_and(|w| !w.trim().is_empty())
    })
    .filter_map(|n| {
        let a = n.accesskit_node();
        let words = a.value().or_else(|| a.label())?;
        let rect = n.rect();
        (rect.width() > 0.0 && rect.height() > 0.0).then_some(Text { words, rect })
    })
    .collect()
}

/// The horizontal scroll bars on screen.
pub fn hbars(h: &H) -> Vec<egui::Rect> {
    h.query_all_by(|n| n.role() == Role::ScrollBar)
        .map(|n| n.rect())
        .filter(|r| r.width() > r.height())
        .collect()
}

/// What is cut short on the screen now: texts running past the page's right edge with
/// no horizontal scroll bar under them (or just above: a table's virtual rows draw one
/// row past the bottom of the scroll area, which clips it), and texts running into the next one on their
/// row (a column too narrow for its head).
///
/// Only the texts that start above `bottom` count (a page that lays out all of
/// its scrolling part is checked down to its end with `f32::INFINITY`).
pub fn cut_short_down_to(h: &H, width: f32, bottom: f32) -> Vec<String> {
    let edge = width - 8.0;
    let all = texts(h);
    let bars = hbars(h);
    let mut out = Vec::new();
    for t in &all {
        let r = t.rect;
        if r.max.x > edge + 0.5 && r.min.y < bottom {
            let scrolls = bars
                .iter()
                .any(|b| b.max.y + 40.0 >= r.min.y && b.min.x <= r.min.x.min(edge));
            if !scrolls {
                out.push(format!(
                    "{:?} runs past the edge ({r:?}; horizontal bars {bars:?})",
                    t.words
                ));
            }
        }
        // A text in a sideways scroll that ends before the next text begins is clipped
        // there (a table's columns under the buttons fixed at its right end).
        let clipped_before = |x: f32| {
            bars.iter()
                .any(|b| b.min.y >= r.max.y && b.min.x <= r.min.x && b.max.x <= x + 1.0)
        };
        let next = all.iter().filter(|o| {
            (o.rect.center().y - r.center().y).abs() < 2.0
                && (o.rect.height() - r.height()).abs() < 2.0
                && o.rect.min.x > r.min.x + 1.0
                && !clipped_before(o.rect.min.x)
        });
        for o in next {
            if r.max.x > o.rect.min.x + 1.0 && o.rect.min.x < edge {
                out.push(format!(
                    "{:?} (to {}) runs into {:?} (from {})",
                    t.words, r.max.x, o.words, o.rect.min.x
                ));
            }
        }
    }
    out
}

/// The texts and buttons that start at or right of `left` and between `top` and `bottom`
/// but end past `right`: cut by the edge of the panel or window that holds them, whether
/// or not that scrolls sideways (a row's buttons or a box wider than the page).
pub fn reaching_past(h: &H, left: f32, right: f32, top: f32, bottom: f32) -> Vec<String> {
    texts(h)
        .into_iter()
        .filter(|t| t.rect.min.x >= left - 0.5 && t.rect.min.y >= top && t.rect.min.y < bottom)
        .filter(|t| t.rect.max.x > right + 0.5)
        .map(|t| format!("{:?} ends at {} (past {right})", t.words, t.rect.max.x))
        .collect()
}

fn check(h: &mut H, lang: Lang, what: &str, found: &mut Vec<String>) {
    h.run();
    h.run();
    let size = h.ctx.content_rect().size();
    for c in cut_short_down_to(h, size.x, size.y)
        .into_iter()
        .chain(cut_date_hints(h))
    {
        found.push(format!("{lang:?} {what}: {c}"));
    }
}

/// A text as painted (hints and chart labels too, which have no accessible node): its
/// words, where on the screen, and whether it was cut to fit ("…").
pub struct Painted {
    pub words: String,
    pub rect: egui::Rect,
    pub elided: bool,
}

/// Every text painted in the last frame.
pub fn painted(h: &H) -> Vec<Painted> {
    fn walk(shape: &egui::Shape, out: &mut Vec<Painted>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => out.push(Painted {
                words: t.galley.text().to_owned(),
                rect: t.galley.rect.translate(t.pos.to_vec2()),
                elided: t.galley.elided,
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in &h.output().shapes {
        walk(&c.shape, &mut out);
    }
    out
}

/// The empty date fields whose hint, YYYY-MM-DD, is cut ("YYYY-MM-…": the Pipeline's
/// and the expense list's date filters were too narrow for it).
pub fn cut_date_hints(h: &H) -> Vec<String> {
    painted(h)
        .into_iter()
        .filter(|t| t.elided && t.words == "YYYY-MM-DD")
        .map(|t| format!("a date field's hint cut at {:?}", t.rect))
        .collect()
}

/// The mouse wheel turned by `delta` (points; negative x brings what lies to the right
/// into sight, negative y what lies below) with the pointer at `at`, its scroll run to
/// its end.
pub fn wheel(h: &mut H, at: egui::Pos2, delta: egui::Vec2) {
    h.hover_at(at);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // The scroll is animated over a few frames.
    h.run_steps(30);
    h.remove_cursor();
    h.run();
}

/// The texts in the window's height that end past its right edge (8 px in from
/// `size.x`) and cannot be brought into sight: those with no horizontal scroll bar
/// under them starting left of them, and those still ending past that bar's right end
/// once the wheel has scrolled it to its right end (kittest's scroll into view cannot
/// do it: a table's own vertical scroll takes the target).
pub fn out_of_reach(h: &mut H, size: egui::Vec2) -> Vec<String> {
    let edge = size.x - 8.0;
    let past: Vec<_> = h
        .query_all_by(|n| matches!(n.role(), Role::Label | Role::Button | Role::Link))
        .map(|n| {
            let a = n.accesskit_node();
            let words = a.value().or_else(|| a.label()).unwrap_or_default();
            (a.id(), n.rect(), words)
        })
        .filter(|(_, r, _)| r.max.x > edge + 0.5 && r.min.y < size.y)
        .collect();
    let bars = hbars(h);
    let under = |r: egui::Rect| {
        bars.iter()
            .copied()
            .filter(|b| b.max.y >= r.min.y && b.min.x <= r.min.x + 0.5)
            .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
    };
    let mut out = Vec::new();
    let mut scrolled: Vec<egui::Rect> = Vec::new();
    for (id, r, words) in past {
        let Some(bar) = under(r) else {
            out.push(format!(
                "{words:?} ends at {} with no sideways scroll",
                r.max.x
            ));
            continue;
        };
        if !scrolled.contains(&bar) {
            scrolled.push(bar);
            let at = egui::pos2(bar.center().x, bar.min.y - 6.0);
            wheel(h, at, egui::vec2(-100_000.0, 0.0));
        }
        let Some(now) = h.query_by(|n| n.id() == id).map(|n| n.rect()) else {
            out.push(format!("{words:?} is gone once scrolled sideways"));
            continue;
        };
        if now.max.x > bar.max.x.min(edge) + 0.5 {
            out.push(format!(
                "{words:?} scrolled sideways to the end still ends at {} (the scroll ends at {})",
                now.max.x, bar.max.x
            ));
        }
    }
    out
}

/// What is cut short ([`cut_short_down_to`]) on every page, and every tab of the pages
/// that have tabs, in a window `size` big.
pub fn every_page(lang: Lang, size: egui::Vec2) -> Vec<String> {
    use salesdesk::ui::{budget, marketing, me, performance, pipeline, promotions, team};
    let ws = demo(120);
    let event = ws.promotions.promotions.rows[0].id;
    let mut h = harness_sized(ws, lang, Page::Dashboard, size);
    let mut found = Vec::new();
    for page in Page::ALL {
        h.state_mut().page = *page;
        check(&mut h, lang, &format!("{page:?}"), &mut found);
    }
    h.state_mut().page = Page::Team;
    for v in team::View::ALL {
        h.state_mut().pages.team.view = v;
        check(&mut h, lang, &format!("Team {v:?}"), &mut found);
    }
    h.state_mut().page = Page::Performance;
    for t in performance::Tab::ALL {
        h.state_mut().pages.performance.tab = t;
        check(&mut h, lang, &format!("Performance {t:?}"), &mut found);
    }
    h.state_mut().page = Page::Pipeline;
    h.state_mut().pages.pipeline.view = pipeline::View::List;
    check(&mut h, lang, "Pipeline list", &mut found);
    h.state_mut().page = Page::Marketing;
    for t in [
        marketing::Tab::Channels,
        marketing::Tab::Market,
        marketing::Tab::Research,
        marketing::Tab::Content,
    ] {
        h.state_mut().pages.marketing.tab = t;
        check(&mut h, lang, &format!("Marketing {t:?}"), &mut found);
    }
    h.state_mut().page = Page::Promotions;
    h.state_mut().pages.promotions.tab = promotions::Tab::Compare;
    check(&mut h, lang, "Promotions compare", &mut found);
    h.state_mut().pages.promotions.tab = promotions::Tab::Events;
    h.state_mut().pages.promotions.selected = Some(event);
    for s in [
        promotions::Section::Plan,
        promotions::Section::Checklist,
        promotions::Section::Links,
        promotions::Section::Feedback,
        promotions::Section::Review,
    ] {
        h.state_mut().pages.promotions.section = s;
        check(&mut h, lang, &format!("Promotions event {s:?}"), &mut found);
    }
    h.state_mut().page = Page::Budget;
    for t in [
        budget::Tab::Allocation,
        budget::Tab::PlanVsActual,
        budget::Tab::Categories,
    ] {
        h.state_mut().pages.budget.tab = t;
        check(&mut h, lang, &format!("Budget {t:?}"), &mut found);
    }
    h.state_mut().page = Page::Me;
    for s in me::Section::ALL {
        h.state_mut().pages.me.section = s;
        check(&mut h, lang, &format!("Me {s:?}"), &mut found);
    }
    found
}
