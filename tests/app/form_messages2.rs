//! More messages that go as soon as their field changes: the custom period's dates (until
//! Apply) and the Budget's expense date filter (judged when the user leaves a date).
//! Both languages.

use crate::common;

use common::ui::*;
use egui::Key;
use egui_kittest::kittest::Queryable;
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;

struct W {
    custom: &'static str,
    from: &'static str,
    apply: &'static str,
    not_a_date: &'static str,
    budget_from: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            custom: "自定义",
            from: "从",
            apply: "应用",
            not_a_date: "日期格式应为 YYYY-MM-DD",
            budget_from: "从",
        },
        Lang::En => W {
            custom: "Custom",
            from: "From",
            apply: "Apply",
            not_a_date: "Not a date (use YYYY-MM-DD)",
            budget_from: "From",
        },
    }
}

/// The custom period's message goes as soon as its date changes; Apply judges again.
fn custom_period_message_goes_when_the_date_changes(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(120), lang, Page::Dashboard);
    h.get_by_label(w.custom).click();
    h.run();
    set_text(&mut h, w.from, "2026-13-01");
    h.get_by_label(w.apply).click();
    h.run();
    h.get_by_label(w.not_a_date);
    set_text(&mut h, w.from, "2026-13-0");
    assert!(h.query_by_label(w.not_a_date).is_none(), "the message goes");
    h.get_by_label(w.apply).click();
    h.run();
    h.get_by_label(w.not_a_date);
}

#[test]
fn custom_period_message_goes_when_the_date_changes_zh() {
    custom_period_message_goes_when_the_date_changes(Lang::Zh);
}

#[test]
fn custom_period_message_goes_when_the_date_changes_en() {
    custom_period_message_goes_when_the_date_changes(Lang::En);
}

/// The message of a date in the Budget's expense filter row names the date.
fn expense_date_message(h: &H, w: &W) -> bool {
    h.query_all_by(|n| {
        n.value()
            .is_some_and(|l| l.ends_with(w.not_a_date) && l != w.not_a_date)
    })
    .next()
    .is_some()
}

/// The expense list's date filter judges a date when the user leaves it (Enter), as the
/// Pipeline's does, and its message goes as soon as the date changes.
fn expense_date_message_goes_when_the_date_changes(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(120), lang, Page::Budget);
    set_text(&mut h, w.budget_from, "2026-13-01");
    assert!(!expense_date_message(&h, &w), "not while typing");
    h.key_press(Key::Enter);
    h.run();
    assert!(expense_date_message(&h, &w), "judged on leaving");
    set_text(&mut h, w.budget_from, "2026-13-0");
    assert!(!expense_date_message(&h, &w), "the message goes");
    h.key_press(Key::Enter);
    h.run();
    assert!(expense_date_message(&h, &w), "judged again");
}

#[test]
fn expense_date_message_goes_when_the_date_changes_zh() {
    expense_date_message_goes_when_the_date_changes(Lang::Zh);
}

#[test]
fn expense_date_message_goes_when_the_date_changes_en() {
    expense_date_message_goes_when_the_date_changes(Lang::En);
}
