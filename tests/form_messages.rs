//! A field's validation message is about the value it was shown for: it goes as soon as
//! the user changes the field (not at the next Save), its room stays so the Save button
//! does not move, and the next Save judges the new value. Both languages.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use salesdesk::i18n::{Label, Lang};
use salesdesk::model::Stage;
use salesdesk::ui::Page;

struct W {
    new_deal: &'static str,
    save: &'static str,
    required: &'static str,
    deal_title: &'static str,
    rep: &'static str,
    customer: &'static str,
    won_on: &'static str,
    mark_won: &'static str,
    not_a_date: &'static str,
    mark_lost: &'static str,
    competitor: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            new_deal: "＋ 新建商机",
            save: "保存",
            required: "必填",
            deal_title: "商机名称",
            rep: "销售代表",
            customer: "客户",
            won_on: "签约日期",
            mark_won: "确认签约",
            not_a_date: "日期格式应为 YYYY-MM-DD",
            mark_lost: "确认流失",
            competitor: "竞争对手",
        },
        Lang::En => W {
            new_deal: "＋ New deal",
            save: "Save",
            required: "Required",
            deal_title: "Deal title",
            rep: "Rep",
            customer: "Customer",
            won_on: "Won on",
            mark_won: "Mark won",
            not_a_date: "Not a date (use YYYY-MM-DD)",
            mark_lost: "Mark lost",
            competitor: "Competitor",
        },
    }
}

fn required_count(h: &H, w: &W) -> usize {
    h.query_all_by_label(w.required).count()
}

fn top_of(h: &H, label: &str) -> f32 {
    h.get_by_label(label).rect().top()
}

fn new_deal_messages_go_as_the_fields_are_filled(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(120), lang, Page::Pipeline);
    h.get_by_label(w.new_deal).click();
    h.run();
    h.get_by_label(w.save).click();
    h.run();
    // Title, customer, rep and amount.
    let n = required_count(&h, &w);
    assert_eq!(n, 4);
    let save_top = top_of(&h, w.save);

    // The rep is picked: its message goes at once, the others stay.
    let rep = h.state().doc.ws().team.members.rows[0].name.clone();
    // The form's Rep, not the page's filter of the same name: the one under the title.
    let title = input(&h, w.deal_title).rect();
    h.get_all_by_role_and_label(Role::ComboBox, w.rep)
        .filter(|n| n.rect().top() > title.top())
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap()
        .click();
    h.run();
    h.get_all_by_label(&rep).last().unwrap().click();
    h.run();
    assert_eq!(required_count(&h, &w), n - 1, "the rep's message is gone");
    assert_eq!(top_of(&h, w.save), save_top, "Save stays where it was");

    // Typing the customer's name clears its message too (the row itself changes: the
    // name is found, so "New customer" goes).
    let c = h.state().doc.ws().customers.customers.rows[3].name.clone();
    set_text(&mut h, w.customer, &c);
    assert_eq!(
        required_count(&h, &w),
        n - 2,
        "the customer's message is gone"
    );
    let save_top = top_of(&h, w.save);
    set_text(&mut h, w.deal_title, "年度仓储系统扩容");
    assert_eq!(required_count(&h, &w), n - 3, "the title's message is gone");
    assert_eq!(top_of(&h, w.save), save_top, "Save stays where it was");
}

#[test]
fn new_deal_messages_go_as_the_fields_are_filled_zh() {
    new_deal_messages_go_as_the_fields_are_filled(Lang::Zh);
}

#[test]
fn new_deal_messages_go_as_the_fields_are_filled_en() {
    new_deal_messages_go_as_the_fields_are_filled(Lang::En);
}

/// The Pipeline with the detail of a deal in Contract open.
fn contract_deal(lang: Lang) -> (H, salesdesk::model::DealId) {
    let mut h = harness_on(demo(120), lang, Page::Pipeline);
    let id = h
        .state()
        .doc
        .ws()
        .deals
        .deals
        .iter()
        .find(|d| d.stage == Stage::Contract)
        .unwrap()
        .id;
    h.state_mut().pages.pipeline.focus(id);
    h.run();
    (h, id)
}

fn won_date_message_goes_when_the_date_changes(lang: Lang) {
    let w = words(lang);
    let (mut h, id) = contract_deal(lang);
    h.get_by_label(&format!("→ {}", Stage::Won.label(lang)))
        .click();
    h.run();
    let type_date = |h: &mut H, text: &str| {
        h.get_by_role_and_label(Role::TextInput, w.won_on).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text(text.to_owned()));
        h.run();
    };
    type_date(&mut h, "2026-02-30");
    h.get_by_label(w.mark_won).click();
    h.run();
    h.get_by_label(w.not_a_date);
    let button_top = top_of(&h, w.mark_won);
    // Another (still bad) date: the message was about the old one.
    type_date(&mut h, "2026-02-31");
    assert!(h.query_by_label(w.not_a_date).is_none(), "the message goes");
    assert_eq!(top_of(&h, w.mark_won), button_top, "the button stays");
    // The next try judges the new date.
    h.get_by_label(w.mark_won).click();
    h.run();
    h.get_by_label(w.not_a_date);
    assert_eq!(
        h.state().doc.ws().deals.deals.get(id).unwrap().stage,
        Stage::Contract
    );
}

#[test]
fn won_date_message_goes_when_the_date_changes_zh() {
    won_date_message_goes_when_the_date_changes(Lang::Zh);
}

#[test]
fn won_date_message_goes_when_the_date_changes_en() {
    won_date_message_goes_when_the_date_changes(Lang::En);
}

fn lost_reason_message_goes_when_a_reason_is_picked(lang: Lang) {
    let w = words(lang);
    let (mut h, id) = contract_deal(lang);
    h.get_by_label(&format!("→ {}", Stage::Lost.label(lang)))
        .click();
    h.run();
    h.get_by_label(w.mark_lost).click();
    h.run();
    h.get_by_label(w.required);
    let button_top = top_of(&h, w.mark_lost);
    h.get_by_role_and_label(Role::RadioButton, w.competitor)
        .click();
    h.run();
    assert!(h.query_by_label(w.required).is_none(), "the message goes");
    assert_eq!(top_of(&h, w.mark_lost), button_top, "the button stays");
    assert_eq!(
        h.state().doc.ws().deals.deals.get(id).unwrap().stage,
        Stage::Contract
    );
}

#[test]
fn lost_reason_message_goes_when_a_reason_is_picked_zh() {
    lost_reason_message_goes_when_a_reason_is_picked(Lang::Zh);
}

#[test]
fn lost_reason_message_goes_when_a_reason_is_picked_en() {
    lost_reason_message_goes_when_a_reason_is_picked(Lang::En);
}

fn resolution_message_goes_when_it_is_written(lang: Lang) {
    let (tab, resolve, confirm, resolution) = match lang {
        Lang::Zh => ("客户反馈", "标记已解决", "确认解决", "处理结果"),
        Lang::En => ("Feedback", "Resolve", "Confirm resolved", "Resolution"),
    };
    let w = words(lang);
    let ws = demo(120);
    let f = ws
        .customers
        .feedback
        .iter()
        .find(|f| f.status == salesdesk::model::FeedbackStatus::InProgress)
        .expect("the demo has feedback in progress")
        .clone();
    let mut h = harness_on(ws, lang, Page::Customers);
    h.state_mut().pages.customers.focus(f.customer);
    h.run();
    // The tab bar comes first (the overview below may repeat a tab's word as a heading).
    h.get_all_by_label(tab).next().unwrap().click();
    h.run();
    h.get_all_by_label(resolve).next().unwrap().click();
    h.run();
    h.get_by_label(confirm).click();
    h.run();
    h.get_by_label(w.required);
    let button_top = top_of(&h, confirm);
    set_text(&mut h, resolution, "优化了数据库索引");
    assert!(h.query_by_label(w.required).is_none(), "the message goes");
    assert_eq!(top_of(&h, confirm), button_top, "the button stays");
}

#[test]
fn resolution_message_goes_when_it_is_written_zh() {
    resolution_message_goes_when_it_is_written(Lang::Zh);
}

#[test]
fn resolution_message_goes_when_it_is_written_en() {
    resolution_message_goes_when_it_is_written(Lang::En);
}
