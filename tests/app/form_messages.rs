//! A field's validation message is about the value it was shown for: it goes as soon as
//! the user changes the field (not at the next Save), its room stays so the Save button
//! does not move, and the next Save judges the new value. Both languages.

use crate::common;

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

// ---- Forms that draw their messages themselves, and the footer ----

struct Own {
    not_a_number: &'static str,
    fix: &'static str,
    team_target: &'static str,
    save_target: &'static str,
    over_time: &'static str,
    incentives: &'static str,
    add_plan: &'static str,
    from_1: &'static str,
    name: &'static str,
    notes: &'static str,
    probability: &'static str,
    between: &'static str,
    stale: &'static str,
}

fn own(lang: Lang) -> Own {
    match lang {
        Lang::Zh => Own {
            not_a_number: "不是有效的数字",
            fix: "请先修正标出的字段。",
            team_target: "团队目标（元）",
            save_target: "保存团队目标",
            over_time: "时间分解",
            incentives: "激励方案",
            add_plan: "＋ 新增方案",
            from_1: "达成率起点（%） 1",
            name: "名称",
            notes: "备注",
            probability: "各阶段默认赢单概率（%）",
            between: "应在 0 到 100 之间",
            stale: "停滞天数（无活动超过即标记）",
        },
        Lang::En => Own {
            not_a_number: "Not a number",
            fix: "Please fix the marked fields first.",
            team_target: "Team target (yuan)",
            save_target: "Save team target",
            over_time: "Over time",
            incentives: "Incentives",
            add_plan: "＋ Add plan",
            from_1: "From attainment (%) 1",
            name: "Name",
            notes: "Notes",
            probability: "Default win probability per stage (%)",
            between: "Must be between 0 and 100",
            stale: "Stale after days without activity",
        },
    }
}

fn team_target_message_goes_when_the_target_changes(lang: Lang) {
    let o = own(lang);
    let mut h = harness_on(demo(120), lang, Page::Performance);
    set_text(&mut h, o.team_target, "12x");
    h.get_by_label(o.save_target).click();
    h.run();
    h.get_by_label(o.not_a_number);
    let below = top_of(&h, o.over_time);
    // Another (still wrong) amount: the message was about the old one.
    set_text(&mut h, o.team_target, "12y");
    assert!(
        h.query_by_label(o.not_a_number).is_none(),
        "the message goes"
    );
    assert_eq!(top_of(&h, o.over_time), below, "what is below stays");
    // The next Save judges the new amount.
    h.get_by_label(o.save_target).click();
    h.run();
    h.get_by_label(o.not_a_number);
}

#[test]
fn team_target_message_goes_when_the_target_changes_zh() {
    team_target_message_goes_when_the_target_changes(Lang::Zh);
}

#[test]
fn team_target_message_goes_when_the_target_changes_en() {
    team_target_message_goes_when_the_target_changes(Lang::En);
}

/// The Performance page's Incentives tab with a new plan's form open, a tier's "from"
/// made wrong and no name, saved once: two messages and the footer line.
fn refused_new_plan(lang: Lang) -> H {
    let o = own(lang);
    let w = words(lang);
    let mut h = harness_on(demo(120), lang, Page::Performance);
    // The tab bar comes first (the tab's heading may say the same).
    h.get_all_by_label(o.incentives).next().unwrap().click();
    h.run();
    h.get_by_label(o.add_plan).click();
    h.run();
    set_text(&mut h, o.from_1, "abc");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(o.not_a_number);
    h.get_by_label(w.required);
    h.get_by_label(o.fix);
    h
}

fn plan_tier_message_goes_when_a_tier_changes(lang: Lang) {
    let (o, w) = (own(lang), words(lang));
    let mut h = refused_new_plan(lang);
    let (notes, save) = (input(&h, o.notes).rect().top(), top_of(&h, w.save));
    set_text(&mut h, o.from_1, "abd");
    assert!(
        h.query_by_label(o.not_a_number).is_none(),
        "the message goes"
    );
    h.get_by_label(w.required);
    assert_eq!(
        input(&h, o.notes).rect().top(),
        notes,
        "the rows below stay"
    );
    assert_eq!(top_of(&h, w.save), save, "Save stays");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(o.not_a_number);
}

#[test]
fn plan_tier_message_goes_when_a_tier_changes_zh() {
    plan_tier_message_goes_when_a_tier_changes(Lang::Zh);
}

#[test]
fn plan_tier_message_goes_when_a_tier_changes_en() {
    plan_tier_message_goes_when_a_tier_changes(Lang::En);
}

fn footer_line_goes_when_no_message_is_left(lang: Lang) {
    let (o, w) = (own(lang), words(lang));
    let mut h = refused_new_plan(lang);
    let save = top_of(&h, w.save);
    set_text(&mut h, o.from_1, "10");
    assert!(h.query_by_label(o.not_a_number).is_none());
    h.get_by_label(o.fix);
    set_text(&mut h, o.name, "季度冲刺");
    assert!(h.query_by_label(w.required).is_none());
    assert!(
        h.query_by_label(o.fix).is_none(),
        "no message left, no footer"
    );
    assert_eq!(top_of(&h, w.save), save, "Save stays");
}

#[test]
fn footer_line_goes_when_no_message_is_left_zh() {
    footer_line_goes_when_no_message_is_left(Lang::Zh);
}

#[test]
fn footer_line_goes_when_no_message_is_left_en() {
    footer_line_goes_when_no_message_is_left(Lang::En);
}

/// The first of the fields named `label` (a row of the four open stages).
fn first_of<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_all_by_role_and_label(Role::TextInput, label)
        .next()
        .unwrap()
}

fn data_setting_message_goes_when_the_setting_changes(lang: Lang) {
    let (o, w) = (own(lang), words(lang));
    let mut h = harness_on(demo(120), lang, Page::Data);
    let type_first = |h: &mut H, text: &str| {
        // The first of the four stages' fields, scrolled into view, then focused.
        first_of(h, o.probability).scroll_to_me();
        h.run();
        first_of(h, o.probability).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.event(egui::Event::Text(text.to_owned()));
        h.run();
    };
    type_first(&mut h, "150");
    h.get_by_role_and_label(Role::Button, w.save).click();
    h.run();
    h.get_by_label(o.between);
    let stale = first_of(&h, o.stale).rect().top();
    type_first(&mut h, "105");
    assert!(h.query_by_label(o.between).is_none(), "the message goes");
    let now = first_of(&h, o.stale).rect().top();
    assert_eq!(now, stale, "the row below stays");
    h.get_by_role_and_label(Role::Button, w.save).click();
    h.run();
    h.get_by_label(o.between);
}

#[test]
fn data_setting_message_goes_when_the_setting_changes_zh() {
    data_setting_message_goes_when_the_setting_changes(Lang::Zh);
}

#[test]
fn data_setting_message_goes_when_the_setting_changes_en() {
    data_setting_message_goes_when_the_setting_changes(Lang::En);
}

/// The footer of the shared form rows' forms: a new customer saved without a name, then
/// named.
fn footer_line_goes_with_the_last_message(lang: Lang) {
    let (o, w) = (own(lang), words(lang));
    let new_customer = match lang {
        Lang::Zh => "＋ 新建客户",
        Lang::En => "＋ New customer",
    };
    let mut h = harness_on(demo(120), lang, Page::Customers);
    h.get_by_label(new_customer).click();
    h.run();
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(w.required);
    h.get_by_label(o.fix);
    let save = top_of(&h, w.save);
    set_text(&mut h, o.name, "华东精密仪器有限公司");
    assert!(h.query_by_label(w.required).is_none());
    assert!(
        h.query_by_label(o.fix).is_none(),
        "no message left, no footer"
    );
    assert_eq!(top_of(&h, w.save), save, "Save stays");
}

#[test]
fn footer_line_goes_with_the_last_message_zh() {
    footer_line_goes_with_the_last_message(Lang::Zh);
}

#[test]
fn footer_line_goes_with_the_last_message_en() {
    footer_line_goes_with_the_last_message(Lang::En);
}

/// The Pipeline's date filter judges a date when the user leaves the field (Enter), and
/// its message goes as soon as the field changes; a date that reads applies at once.
fn filter_date_message_goes_when_the_date_changes(lang: Lang) {
    let w = words(lang);
    let from = match lang {
        Lang::Zh => "创建日期从",
        Lang::En => "Created from",
    };
    let mut h = harness_on(demo(120), lang, Page::Pipeline);
    set_text(&mut h, from, "2026-13-01");
    assert!(h.query_by_label(w.not_a_date).is_none(), "not while typing");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label(w.not_a_date);
    set_text(&mut h, from, "2026-13-0");
    assert!(h.query_by_label(w.not_a_date).is_none(), "the message goes");
    set_text(&mut h, from, "2026-10-01");
    let f = &h.state().pages.pipeline.filter;
    assert_eq!(f.created_from, chrono::NaiveDate::from_ymd_opt(2026, 10, 1));
}

#[test]
fn filter_date_message_goes_when_the_date_changes_zh() {
    filter_date_message_goes_when_the_date_changes(Lang::Zh);
}

#[test]
fn filter_date_message_goes_when_the_date_changes_en() {
    filter_date_message_goes_when_the_date_changes(Lang::En);
}
