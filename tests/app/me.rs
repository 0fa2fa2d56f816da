//! The Me page (个人发展) through egui_kittest, in both languages, as a user would: drag a
//! task to another quadrant, log a check-in and see the trend (and the gentle note when
//! stress keeps rising), log a contact and see the person leave the losing-touch list,
//! run a weekly review and read it back. Also the links the page relies on: a customer
//! interaction with a linked contact restarts a person's clock, and the Dashboard lists
//! people due a contact among its follow-ups.

use chrono::{Days, NaiveDate};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use salesdesk::analytics::me::{losing_touch, week_start};
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::*;
use salesdesk::ui::Page;
use salesdesk::ui::me::Section;

type H = Harness<'static, SalesDeskApp>;

/// A Thursday.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn ago(days: u64) -> NaiveDate {
    today() - Days::new(days)
}

fn put(doc: &mut Document, r: Record) -> RecordKey {
    doc.apply(Change::put(r), "setup").unwrap().keys[0]
}

fn task(title: &str, due: Option<NaiveDate>, urgent: bool, important: bool) -> Record {
    Record::Task(Task {
        id: TaskId(0),
        title: title.into(),
        due,
        urgent,
        important,
        done: false,
        notes: String::new(),
        moved_later: 0,
        focus_on: None,
        done_on: None,
    })
}

fn person(name: &str, every: u32, last: Option<NaiveDate>) -> Record {
    Record::Person(Person {
        id: PersonId(0),
        name: name.into(),
        company: "华东机械协会".into(),
        met_at: "行业峰会".into(),
        topics: String::new(),
        every_days: every,
        last_contact: last,
        contact: None,
        notes: String::new(),
    })
}

fn check_in(date: NaiveDate, stress: u8, helped: &str) -> Record {
    Record::StressCheckIn(StressCheckIn {
        id: CheckInId(0),
        date,
        stress,
        energy: 3,
        sleep_hours: 7,
        note: String::new(),
        stressors: vec!["月底冲业绩".into()],
        helped: helped.into(),
    })
}

/// The window over `doc` on `page`, `width` × `height`, after its first frame.
fn window(doc: Document, lang: Lang, page: Page, width: f32, height: f32) -> H {
    let mut app = SalesDeskApp::in_memory(doc, lang, today());
    app.page = page;
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    h.run();
    h
}

/// The Me page open on `section`, at 1280 × 800.
fn harness(doc: Document, lang: Lang, section: Section) -> H {
    let mut h = window(doc, lang, Page::Me, 1280.0, 800.0);
    h.state_mut().pages.me.section = section;
    h.run();
    h
}

fn zh_en(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn set_text(h: &mut H, label: &str, text: &str) {
    set_text_in(h, Role::TextInput, label, text);
}

fn set_multiline(h: &mut H, label: &str, text: &str) {
    set_text_in(h, Role::MultilineTextInput, label, text);
}

fn set_text_in(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// The text alternative of a chart (its accessible name), found by how it begins.
fn chart_alt(h: &H, starts: &str) -> String {
    h.get_all_by_role(Role::Image)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(starts))
        .unwrap_or_else(|| panic!("no chart named {starts}…"))
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------

fn drag_a_task_between_quadrants(lang: Lang) {
    let mut doc = Document::default();
    let key = put(&mut doc, task("写季度计划", Some(today()), false, true));
    let RecordKey::Task(id) = key else {
        unreachable!()
    };
    let mut h = harness(doc, lang, Section::Time);
    let from = h.get_by_label("≡ 写季度计划").rect().center();
    let to = h
        .get_by_label(zh_en(lang, "重要且紧急", "Important and urgent"))
        .rect()
        .center();
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let t = h.state().doc.ws().me.tasks.get(id).unwrap().clone();
    assert!(t.urgent && t.important, "the task moved to do-now: {t:?}");
    // One undo takes it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let t = h.state().doc.ws().me.tasks.get(id).unwrap();
    assert!(!t.urgent && t.important);
}

#[test]
fn dragging_a_task_moves_it_to_another_quadrant_zh() {
    drag_a_task_between_quadrants(Lang::Zh);
}

#[test]
fn dragging_a_task_moves_it_to_another_quadrant_en() {
    drag_a_task_between_quadrants(Lang::En);
}

#[test]
fn a_task_moved_later_three_times_is_marked_on_the_page() {
    let mut doc = Document::default();
    let key = put(&mut doc, task("更新案例库", Some(today()), false, true));
    let RecordKey::Task(id) = key else {
        unreachable!()
    };
    for k in 1..=3 {
        let t = doc.ws().me.tasks.get(id).unwrap().clone();
        let next = t.edited(
            Task {
                due: Some(today() + Days::new(k)),
                ..t.clone()
            },
            today(),
        );
        doc.apply(Change::put(Record::Task(next)), "move").unwrap();
    }
    for lang in [Lang::Zh, Lang::En] {
        let h = harness(doc.clone(), lang, Section::Time);
        h.get_by_label(zh_en(lang, "已推迟 3 次", "moved later 3 times"));
    }
}

#[test]
fn a_new_task_from_the_form_lands_in_its_quadrant_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(Document::default(), lang, Section::Time);
        click(&mut h, zh_en(lang, "＋ 新任务", "＋ New task"));
        set_text(&mut h, zh_en(lang, "标题", "Title"), "准备周会");
        set_text(&mut h, zh_en(lang, "计划日期", "Planned for"), "2026-11-27");
        click(&mut h, zh_en(lang, "保存", "Save"));
        let ws = &h.state().doc.ws();
        assert_eq!(ws.me.tasks.len(), 1);
        let t = &ws.me.tasks.rows[0];
        assert_eq!((t.important, t.urgent), (true, false));
        assert_eq!(t.due, Some(today() + Days::new(1)));
        h.get_by_label("≡ 准备周会");
    }
}

// ---------------------------------------------------------------------------------------
// Stress
// ---------------------------------------------------------------------------------------

fn check_in_and_see_the_trend(lang: Lang) {
    // Two weeks ago 2, last week 3: one more rise this week makes two in a row.
    let mut doc = Document::default();
    put(&mut doc, check_in(ago(15), 2, "晚饭后散步"));
    put(&mut doc, check_in(ago(8), 3, ""));
    let mut h = harness(doc, lang, Section::Stress);
    let rising = zh_en(
        lang,
        "压力连续两周上升",
        "Stress has risen two weeks running",
    );
    assert!(h.query_by_label(rising).is_none());
    click(&mut h, zh_en(lang, "＋ 记录一次自评", "＋ Check in"));
    // The first 1–5 picker is the stress level.
    h.get_all_by_label("5").next().unwrap().click();
    h.run();
    set_text(
        &mut h,
        zh_en(lang, "其他压力来源", "Other stressors"),
        "大客户投诉，季度考核",
    );
    set_text(&mut h, zh_en(lang, "有帮助的做法", "What helped"), "早点睡");
    click(&mut h, zh_en(lang, "保存", "Save"));
    let ws = &h.state().doc.ws();
    assert_eq!(ws.me.check_ins.len(), 3);
    let c = ws.me.check_ins.rows.last().unwrap();
    assert_eq!((c.date, c.stress), (today(), 5));
    assert_eq!(c.stressors, ["大客户投诉", "季度考核"]);
    // This week's average is on the trend chart…
    let monday = week_start(today()).format("%m-%d").to_string();
    let alt = chart_alt(&h, zh_en(lang, "压力趋势", "Stress trend"));
    assert!(alt.contains(&format!("{monday} 5.0")), "{alt}");
    // …and the gentle note points to what helped before.
    h.get_by_label(rising);
    h.get_by_label(zh_en(
        lang,
        "以前有帮助的做法：早点睡、晚饭后散步",
        "What helped before: 早点睡, 晚饭后散步",
    ));
}

#[test]
fn logging_a_check_in_shows_in_the_trend_and_a_second_rise_brings_the_note_zh() {
    check_in_and_see_the_trend(Lang::Zh);
}

#[test]
fn logging_a_check_in_shows_in_the_trend_and_a_second_rise_brings_the_note_en() {
    check_in_and_see_the_trend(Lang::En);
}

#[test]
fn a_stressor_used_before_can_be_picked_again() {
    let mut doc = Document::default();
    put(&mut doc, check_in(ago(3), 2, ""));
    let mut h = harness(doc, Lang::Zh, Section::Stress);
    click(&mut h, "＋ 记录一次自评");
    // The chip in the form comes before the same words in the list below it.
    h.get_all_by_label("月底冲业绩").next().unwrap().click();
    h.run();
    click(&mut h, "保存");
    let c = h.state().doc.ws().me.check_ins.rows.last().unwrap().clone();
    assert_eq!(c.stressors, ["月底冲业绩"]);
}

// ---------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------

fn log_a_contact(lang: Lang) {
    let mut doc = Document::default();
    put(&mut doc, person("王建国", 30, Some(ago(60))));
    put(&mut doc, person("李晓梅", 14, Some(ago(20))));
    put(&mut doc, person("赵磊", 90, Some(ago(10))));
    let mut h = harness(doc, lang, Section::Network);
    // The most overdue first: 王 (30 days over), then 李 (6 days over); 赵 is not due.
    let order: Vec<String> = losing_touch(h.state().doc.ws(), today())
        .iter()
        .map(|d| {
            h.state()
                .doc
                .ws()
                .me
                .people
                .get(d.person)
                .unwrap()
                .name
                .clone()
        })
        .collect();
    assert_eq!(order, ["王建国", "李晓梅"]);
    h.get_by_label(zh_en(lang, "逾期 30 天", "30 days overdue"));
    // Call 王建国.
    let buttons: Vec<_> = h
        .get_all_by_label(zh_en(lang, "记录联系", "Log contact"))
        .collect();
    assert_eq!(buttons.len(), 2);
    buttons[0].click();
    h.run();
    let left: Vec<PersonId> = losing_touch(h.state().doc.ws(), today())
        .iter()
        .map(|d| d.person)
        .collect();
    assert_eq!(left, [PersonId(2)]);
    assert_eq!(
        h.get_all_by_label(zh_en(lang, "记录联系", "Log contact"))
            .count(),
        1
    );
    assert!(
        h.query_by_label(zh_en(lang, "逾期 30 天", "30 days overdue"))
            .is_none()
    );
    // Then 李晓梅: nobody is left.
    click(&mut h, zh_en(lang, "记录联系", "Log contact"));
    h.get_by_label(zh_en(
        lang,
        "都保持着联系。",
        "You are in touch with everyone.",
    ));
}

#[test]
fn logging_a_contact_takes_the_person_off_the_losing_touch_list_zh() {
    log_a_contact(Lang::Zh);
}

#[test]
fn logging_a_contact_takes_the_person_off_the_losing_touch_list_en() {
    log_a_contact(Lang::En);
}

#[test]
fn an_interaction_with_a_linked_customer_contact_restarts_the_persons_clock() {
    let mut doc = Document::default();
    let RecordKey::Customer(c) = put(
        &mut doc,
        Record::Customer(Customer::new("恒业机械", ago(100))),
    ) else {
        unreachable!()
    };
    let RecordKey::Contact(k) = put(
        &mut doc,
        Record::Contact(Contact {
            id: ContactId(0),
            customer: c,
            name: "何娜".into(),
            title: String::new(),
            phone: String::new(),
            email: String::new(),
            primary: true,
        }),
    ) else {
        unreachable!()
    };
    let Record::Person(mut p) = person("何娜", 30, Some(ago(45))) else {
        unreachable!()
    };
    p.contact = Some(k);
    put(&mut doc, Record::Person(p));
    assert_eq!(losing_touch(doc.ws(), today()).len(), 1);
    let call = Interaction {
        id: InteractionId(0),
        customer: c,
        contact: Some(k),
        member: None,
        kind: InteractionKind::Call,
        date: today(),
        note: "电话沟通".into(),
        outcome: String::new(),
        follow_up: None,
        follow_up_done: false,
        promotion: None,
    };
    doc.apply(doc.ws().log_interaction(call.clone(), today()), "log")
        .unwrap();
    assert!(losing_touch(doc.ws(), today()).is_empty());
    assert_eq!(doc.ws().me.touches.len(), 1);
    // One undo takes back the interaction and the contact together.
    doc.undo();
    assert_eq!(losing_touch(doc.ws(), today()).len(), 1);
    assert!(doc.ws().customers.interactions.is_empty());
    // Editing an interaction logs no second contact.
    doc.redo();
    let mut edited = doc.ws().customers.interactions.rows[0].clone();
    edited.note = "改了说明".into();
    doc.apply(doc.ws().log_interaction(edited, today()), "edit")
        .unwrap();
    assert_eq!(doc.ws().me.touches.len(), 1);
    // Deleting the contact clears the person's link and keeps the person.
    let del = doc.delete_with_dependents(RecordKey::Contact(k));
    doc.apply(del, "delete").unwrap();
    assert_eq!(doc.ws().me.people.rows[0].contact, None);
}

#[test]
fn people_due_a_contact_join_the_dashboards_follow_ups() {
    let mut doc = Document::default();
    put(&mut doc, person("王建国", 30, Some(ago(40))));
    for lang in [Lang::Zh, Lang::En] {
        let mut h = window(doc.clone(), lang, Page::Dashboard, 1280.0, 800.0);
        let text = format!("王建国 · {}", zh_en(lang, "逾期 10 天", "10 days overdue"));
        h.get_by_label(&text).click();
        h.run();
        h.run();
        assert_eq!(h.state().page, Page::Me);
        assert_eq!(h.state().pages.me.section, Section::Network);
    }
}

// ---------------------------------------------------------------------------------------
// Weekly review
// ---------------------------------------------------------------------------------------

fn run_a_weekly_review(lang: Lang) {
    let mut doc = Document::default();
    let RecordKey::Task(open) = put(&mut doc, task("提交预测", Some(ago(1)), true, true))
    else {
        unreachable!()
    };
    let RecordKey::Task(done) = put(&mut doc, task("一对一", Some(ago(2)), false, true)) else {
        unreachable!()
    };
    let t = doc.ws().me.tasks.get(done).unwrap().clone();
    let finished = t.edited(
        Task {
            done: true,
            ..t.clone()
        },
        today(),
    );
    doc.apply(Change::put(Record::Task(finished)), "done")
        .unwrap();
    let RecordKey::Person(p) = put(&mut doc, person("王建国", 30, None)) else {
        unreachable!()
    };
    put(
        &mut doc,
        Record::Touch(Touch {
            id: TouchId(0),
            person: p,
            date: today(),
            note: String::new(),
        }),
    );
    let mut h = harness(doc, lang, Section::Review);
    click(
        &mut h,
        zh_en(lang, "开始本周回顾", "Start this week's review"),
    );
    h.get_by_label(zh_en(
        lang,
        "任务：完成 1 项，待顺延 1 项",
        "Tasks: 1 done, 1 to roll forward",
    ));
    h.get_by_label(zh_en(lang, "人脉联系：1 次", "Network contacts: 1"));
    click(&mut h, zh_en(lang, "下一步", "Next"));
    h.get_by_label("提交预测");
    set_multiline(
        &mut h,
        zh_en(lang, "下周重点", "Next week's focus"),
        "拿下恒业机械",
    );
    click(&mut h, zh_en(lang, "下一步", "Next"));
    set_multiline(&mut h, zh_en(lang, "感想", "Reflection"), "这周节奏不错");
    click(&mut h, zh_en(lang, "保存回顾", "Save review"));
    let ws = &h.state().doc.ws();
    assert_eq!(ws.me.reviews.len(), 1);
    let r = &ws.me.reviews.rows[0];
    assert_eq!(r.week, week_start(today()));
    assert_eq!((r.figures.tasks_done, r.figures.tasks_rolled), (1, 1));
    assert_eq!(r.focus, "拿下恒业机械");
    // The open task was carried into next week (a move later).
    let t = ws.me.tasks.get(open).unwrap();
    assert_eq!(t.due, Some(ago(1) + Days::new(7)));
    assert_eq!(t.moved_later, 1);
    // The past review reads back.
    let week = salesdesk::ui::me::time::week_label(lang, week_start(today()));
    click(&mut h, &week);
    h.get_by_label_contains("这周节奏不错");
    h.get_by_label_contains("拿下恒业机械");
}

#[test]
fn a_weekly_review_gathers_the_week_plans_the_next_and_reads_back_zh() {
    run_a_weekly_review(Lang::Zh);
}

#[test]
fn a_weekly_review_gathers_the_week_plans_the_next_and_reads_back_en() {
    run_a_weekly_review(Lang::En);
}

// ---------------------------------------------------------------------------------------
// Every section draws, in both languages, at the smallest supported size
// ---------------------------------------------------------------------------------------

#[test]
fn every_section_draws_with_the_demo_in_both_languages_at_1024_by_700() {
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 120 }, today());
    for lang in [Lang::Zh, Lang::En] {
        for s in Section::ALL {
            let mut h = window(Document::new(ws.clone()), lang, Page::Me, 1024.0, 700.0);
            h.state_mut().pages.me.section = s;
            h.run();
            assert!(
                h.query_by_label(salesdesk::i18n::T::NotBuiltTitle.get(lang))
                    .is_none()
            );
        }
    }
}

#[test]
fn a_network_person_found_with_ctrl_k_opens_on_the_network_section() {
    let mut doc = Document::default();
    let RecordKey::Person(p) = put(&mut doc, person("陈志远", 30, Some(ago(5)))) else {
        unreachable!()
    };
    let mut h = window(doc, Lang::Zh, Page::Dashboard, 1280.0, 800.0);
    h.get_by_label("搜索").click();
    h.run();
    h.get_by_label("搜索").type_text("陈志远");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert_eq!(h.state().page, Page::Me);
    assert_eq!(h.state().pages.me.section, Section::Network);
    assert_eq!(h.state().pages.me.network.selected, Some(p));
}

#[test]
fn a_time_block_planned_this_week_shows_where_the_time_went_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(Document::default(), lang, Section::Time);
        h.get_by_label(zh_en(
            lang,
            "这一周还没有时间块。",
            "No time blocks this week.",
        ));
        click(&mut h, zh_en(lang, "＋ 时间块", "＋ Time block"));
        set_text(&mut h, zh_en(lang, "开始时间", "Starts at"), "25:00");
        click(&mut h, zh_en(lang, "保存", "Save"));
        assert!(
            h.state().doc.ws().me.time_blocks.is_empty(),
            "25:00 is refused"
        );
        set_text(&mut h, zh_en(lang, "开始时间", "Starts at"), "14:30");
        set_text(
            &mut h,
            zh_en(lang, "时长（分钟）", "Length (minutes)"),
            "90",
        );
        set_text(&mut h, zh_en(lang, "标题", "Title"), "拜访恒业机械");
        click(&mut h, zh_en(lang, "保存", "Save"));
        let b = h.state().doc.ws().me.time_blocks.rows[0].clone();
        assert_eq!((b.date, b.start, b.minutes), (today(), 14 * 60 + 30, 90));
        h.get_by_label("14:30–16:00 拜访恒业机械");
        let alt = chart_alt(
            &h,
            zh_en(lang, "本周时间都去哪了", "Where the week's time went"),
        );
        let spent = zh_en(lang, "客户与销售 1.5 小时", "Selling 1.5 h");
        assert!(alt.contains(spent), "{alt}");
    }
}

#[test]
fn the_demo_fills_every_me_section_and_is_the_same_for_a_seed() {
    let make = || salesdesk::demo::generate(3, salesdesk::demo::DemoSize { deals: 120 }, today());
    let ws = make();
    let me = &ws.me;
    assert!(me.goals.iter().any(|g| !g.milestones.is_empty()));
    assert!(me.goals.iter().any(|g| g.target.is_some()));
    assert!(me.tasks.iter().any(|t| t.keeps_moving()));
    assert!(!salesdesk::analytics::me::focus_list(&ws, today()).is_empty());
    assert!(me.check_ins.iter().any(|c| !c.stressors.is_empty()));
    assert!(salesdesk::analytics::me::stress_rising(&ws, today()));
    assert!(me.assessments.len() >= 2);
    assert!(!losing_touch(&ws, today()).is_empty());
    assert!(me.people.iter().any(|p| p.contact.is_some()));
    assert!(!me.events.is_empty());
    assert!(
        salesdesk::analytics::me::time_by_kind(&ws, week_start(today()))
            .iter()
            .any(|k| k.1 > 0)
    );
    assert_eq!(me.reviews.len(), 1);
    assert!(me == &make().me, "deterministic for a seed");
}
