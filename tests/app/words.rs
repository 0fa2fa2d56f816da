//! The app's own words in the user's language (issue 12): the default loyalty tiers,
//! the ledger lines the app writes, and the demo's names, each shown in the language of
//! the moment, whatever language the workspace was written in.

use crate::common;

use common::ui::{H, demo, harness_on};
use egui_kittest::kittest::Queryable;
use salesdesk::i18n::{Label, Lang};
use salesdesk::model::{CustomerId, LedgerEvent, LoyaltyEntry, LoyaltyEntryId, Stage, Workspace};
use salesdesk::ui::Page;
use std::sync::Arc;

fn shows(h: &H, text: &str) -> bool {
    h.query_all_by_label(text).next().is_some()
}

/// A customer's Loyalty tab.
fn loyalty_tab(ws: Workspace, lang: Lang, customer: CustomerId) -> H {
    let mut h = harness_on(ws, lang, Page::Customers);
    h.state_mut().pages.customers.focus(customer);
    h.run();
    let tab = match lang {
        Lang::Zh => "忠诚度计划",
        Lang::En => "Loyalty",
    };
    h.get_all_by_label(tab).next().unwrap().click();
    h.run();
    h
}

/// A customer without ledger lines, so the lines a test adds are all in view.
fn first_customer(ws: &Workspace) -> CustomerId {
    let ledger = &ws.customers.loyalty_ledger;
    ws.customers
        .customers
        .iter()
        .find(|c| !ledger.iter().any(|l| l.customer == c.id))
        .unwrap()
        .id
}

fn default_tiers_read_in(lang: Lang) {
    let mut ws = demo(40);
    // A tier the manager renamed keeps the name they typed, in both languages.
    Arc::make_mut(&mut ws.customers).loyalty.tiers[2].name = "钻石 Diamond".into();
    let id = first_customer(&ws);
    let h = loyalty_tab(ws, lang, id);
    let (silver, gold) = match lang {
        Lang::Zh => ("银卡", "金卡"),
        Lang::En => ("Silver", "Gold"),
    };
    assert!(shows(&h, silver), "{silver}");
    assert!(shows(&h, gold), "{gold}");
    assert!(shows(&h, "钻石 Diamond"));
    assert!(!shows(&h, "Silver 银卡") && !shows(&h, "Gold 金卡"));
}

#[test]
fn default_loyalty_tiers_read_in_chinese_in_the_chinese_window() {
    default_tiers_read_in(Lang::Zh);
}

#[test]
fn default_loyalty_tiers_read_in_english_in_the_english_window() {
    default_tiers_read_in(Lang::En);
}

/// Win a deal in the Chinese window, switch to English: the ledger line the win wrote
/// reads English (it holds what happened, not a Chinese sentence).
#[test]
fn a_win_in_chinese_reads_english_in_the_ledger_after_switching() {
    let ws = demo(120);
    let deal = ws
        .deals
        .deals
        .iter()
        .find(|d| d.stage == Stage::Contract)
        .unwrap()
        .clone();
    let mut h = harness_on(ws, Lang::Zh, Page::Pipeline);
    h.state_mut().pages.pipeline.focus(deal.id);
    h.run();
    h.get_by_label(&format!("→ {}", Stage::Won.label(Lang::Zh)))
        .click();
    h.run();
    h.get_by_label("确认签约").click();
    h.run();
    let entry = h
        .state()
        .doc
        .ws()
        .customers
        .loyalty_ledger
        .iter()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (entry.event, entry.deal, entry.reason.as_str()),
        (Some(LedgerEvent::Won), Some(deal.id), deal.title.as_str())
    );

    h.get_by_label(Lang::Zh.switch_caption()).click();
    h.run();
    assert_eq!(h.state().lang, Lang::En);
    h.state_mut().page = Page::Customers;
    h.state_mut().pages.customers.focus(deal.customer);
    h.run();
    h.get_all_by_label("Loyalty").next().unwrap().click();
    h.run();
    assert!(shows(&h, &format!("Won: {}", deal.title)));
    assert!(!shows(&h, &format!("签约：{}", deal.title)));
}

/// Lines an older version wrote hold a sentence: they are worded again in the current
/// language; a line the manager typed is shown as typed.
#[test]
fn older_ledger_sentences_are_worded_in_the_current_language() {
    let mut ws = demo(40);
    let id = first_customer(&ws);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let line = |n: u64, points: i64, reason: &str| LoyaltyEntry {
        id: LoyaltyEntryId(900 + n),
        customer: id,
        date: day,
        points,
        reason: reason.into(),
        event: None,
        deal: None,
    };
    let c = Arc::make_mut(&mut ws.customers);
    c.loyalty_ledger.put(line(1, 500, "签约：旧商机甲"));
    c.loyalty_ledger.put(line(2, -500, "撤销签约：旧商机甲"));
    c.loyalty_ledger.put(line(3, 700, "Won: Old deal B"));
    c.loyalty_ledger.put(line(4, 100, "推荐新客户"));
    let h = loyalty_tab(ws.clone(), Lang::En, id);
    for text in [
        "Won: 旧商机甲",
        "Win taken back: 旧商机甲",
        "Won: Old deal B",
        "推荐新客户",
    ] {
        assert!(shows(&h, text), "{text}");
    }
    let h = loyalty_tab(ws, Lang::Zh, id);
    for text in ["签约：Old deal B", "撤销签约：旧商机甲", "推荐新客户"] {
        assert!(shows(&h, text), "{text}");
    }
}

/// The titles the app gave the window over the next few frames.
fn titles_set(h: &mut H) -> Vec<String> {
    let mut titles = Vec::new();
    for _ in 0..4 {
        h.step();
        for v in h.output().viewport_output.values() {
            for c in &v.commands {
                if let egui::ViewportCommand::Title(t) = c {
                    titles.push(t.clone());
                }
            }
        }
    }
    titles
}

/// The window's title is in the UI's language, and follows a switch (it read
/// "SalesDesk 销售经理工作台" in both).
#[test]
fn the_window_title_follows_the_language() {
    let mut h = harness_on(demo(40), Lang::Zh, Page::Dashboard);
    h.get_by_label(Lang::Zh.switch_caption()).click();
    assert_eq!(
        titles_set(&mut h),
        ["SalesDesk – sales manager's workbench"]
    );
    h.get_by_label(Lang::En.switch_caption()).click();
    assert_eq!(titles_set(&mut h), ["SalesDesk 销售经理工作台"]);
}

/// The value of the text field named `label`.
fn field_value(h: &H, label: &str) -> String {
    common::ui::input(h, label).value().unwrap_or_default()
}

/// The Export section's default report name follows the language until the user
/// edits it (it kept "销售报表-…" after switching to English).
#[test]
fn the_default_export_names_follow_the_language_until_edited() {
    use salesdesk::ui::data_export::Text as X;
    let mut h = harness_on(demo(40), Lang::Zh, Page::Data);
    assert!(field_value(&h, X::Pdf.get(Lang::Zh)).contains("销售报表-"));
    h.get_by_label(Lang::Zh.switch_caption()).click();
    h.run();
    let pdf = field_value(&h, X::Pdf.get(Lang::En));
    assert!(
        pdf.contains("sales-report-") && !pdf.contains("销售报表"),
        "{pdf}"
    );
    common::ui::set_text(&mut h, X::Pdf.get(Lang::En), "/tmp/mine.pdf");
    h.get_by_label(Lang::En.switch_caption()).click();
    h.run();
    assert_eq!(field_value(&h, X::Pdf.get(Lang::Zh)), "/tmp/mine.pdf");
}

/// Amounts in `text` shown with cents ("¥1,234,567.80").
fn amounts_with_cents(text: &str) -> Vec<String> {
    text.split('¥')
        .skip(1)
        .map(|t| {
            t.chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'K' | 'M'))
                .collect::<String>()
        })
        .map(|t| t.trim_end_matches([',', '.']).to_owned())
        .filter(|t| t.contains('.') && !t.ends_with(['K', 'M']))
        .collect()
}

/// The English 1:1 agenda's attainment line starts with a capital and gives its
/// amounts in the compact form (it read "attainment 85%: won ¥1,234,567.80, …").
#[test]
fn the_agenda_lines_start_with_a_capital_and_round_their_amounts() {
    let mut h = harness_on(demo(300), Lang::En, Page::Performance);
    h.get_by_label("1:1 agenda").click();
    h.run();
    let line = labels_containing(&h, "ttainment ")
        .pop()
        .expect("the attainment line");
    assert!(line.starts_with("Attainment "), "{line}");
    assert!(amounts_with_cents(&line).is_empty(), "{line}");
    // An open action's due date too: "Due 2026-05-20".
    assert!(!shows_starting(&h, "due "));
}

fn labels_containing(h: &H, part: &str) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    let _ = h
        .query_all_by(|n| {
            // A label's text is its value.
            if let Some(l) = n.label().or(n.value()).filter(|l| l.contains(part)) {
                found.borrow_mut().push(l.to_string());
            }
            false
        })
        .count();
    found.into_inner()
}

fn shows_starting(h: &H, start: &str) -> bool {
    h.query_all_by(|n| {
        n.label()
            .or(n.value())
            .is_some_and(|l| l.starts_with(start))
    })
    .next()
    .is_some()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Every page of the English window on the English demo shows no Chinese but names
/// (of people and companies, the brand a deal's title starts with, an address) and the
/// language switch's "中文".
#[test]
fn the_english_window_shows_chinese_only_in_names() {
    let ws = salesdesk::demo::generate_in(
        7,
        salesdesk::demo::DemoSize { deals: 120 },
        common::ui::today(),
        Lang::En,
    );
    let mut names: Vec<String> = ws
        .customers
        .customers
        .iter()
        .map(|c| c.name.clone())
        .collect();
    names.extend(ws.customers.customers.iter().map(|c| c.address.clone()));
    names.extend(ws.customers.contacts.iter().map(|c| c.name.clone()));
    names.extend(ws.team.members.iter().map(|m| m.name.clone()));
    names.extend(ws.me.people.iter().map(|p| p.name.clone()));
    names.push(ws.team.setup.manager_name.clone());
    let brands: Vec<String> = ws
        .deals
        .deals
        .iter()
        .map(|d| d.title.chars().take_while(|c| is_cjk(*c)).collect())
        .collect();
    let mut found = Vec::new();
    for page in Page::ALL {
        let h = harness_on(ws.clone(), Lang::En, *page);
        for text in labels_containing(&h, "") {
            // What is left once the names are taken out.
            let mut rest = text.clone();
            for n in names.iter().chain(&brands).filter(|n| !n.is_empty()) {
                rest = rest.replace(n.as_str(), "");
            }
            // "＋ New deal": the full-width plus is the add buttons' sign in both languages.
            let rest = rest.replace('＋', "");
            if rest != "中文" && rest.chars().any(is_cjk) {
                found.push(format!("{page:?}: {text}"));
            }
        }
    }
    found.dedup();
    assert!(found.is_empty(), "{found:#?}");
}

/// People's names are headed 姓名 in Chinese (名称 names companies and channels): the
/// team list's column and the member form's field; the customer list keeps 名称.
#[test]
fn peoples_names_are_headed_xingming_and_companies_mingcheng() {
    let mut h = harness_on(demo(40), Lang::Zh, Page::Team);
    h.run();
    assert!(
        shows(&h, "姓名 ▲") || shows(&h, "姓名"),
        "the team list's name column"
    );
    assert!(
        !shows(&h, "名称 ▲") && !shows(&h, "名称"),
        "no 名称 over people"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.run();
    assert!(shows(&h, "姓名"), "the member form's name field");
    assert!(!shows(&h, "名称"), "no 名称 in the member form");
    let mut h = harness_on(demo(40), Lang::Zh, Page::Customers);
    h.run();
    assert!(
        shows(&h, "名称 ▲") || shows(&h, "名称"),
        "the customer list's name column"
    );
}
