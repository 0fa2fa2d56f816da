//! What a user of any good desktop app expects (DESIGN, "Desktop conventions"): the
//! keyboard in forms and the shell, the date picker, Chinese search and order, 万
//! amounts, toasts, deals that close properly. Each flow runs in both languages where
//! its words matter.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::Document;
use salesdesk::model::RecordKey;
use salesdesk::ui::Page;
use salesdesk::ui::search::Hit;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn demo() -> salesdesk::model::Workspace {
    salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 120 }, today())
}

fn harness_at(lang: Lang, page: Page, size: egui::Vec2) -> Harness<'static, SalesDeskApp> {
    harness_over(demo(), lang, page, size)
}

fn harness_over(
    ws: salesdesk::model::Workspace,
    lang: Lang,
    page: Page,
    size: egui::Vec2,
) -> Harness<'static, SalesDeskApp> {
    let mut app = SalesDeskApp::in_memory(Document::new(ws), lang, today());
    app.page = page;
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    h.run();
    h
}

fn harness(lang: Lang, page: Page) -> Harness<'static, SalesDeskApp> {
    harness_at(lang, page, egui::vec2(1400.0, 900.0))
}

/// Types into whatever has the keyboard focus (not into a node picked by the test).
fn type_keys(h: &mut Harness<'static, SalesDeskApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

fn press(h: &mut Harness<'static, SalesDeskApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn press_with(h: &mut Harness<'static, SalesDeskApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn focused(h: &Harness<'static, SalesDeskApp>, role: Role, label: &str) -> bool {
    h.get_by_role_and_label(role, label).is_focused()
}

fn has_input(h: &Harness<'static, SalesDeskApp>, label: &str) -> bool {
    h.query_all_by_role_and_label(Role::TextInput, label)
        .next()
        .is_some()
}

fn name_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "名称",
        Lang::En => "Name",
    }
}

// ---- Keyboard in forms ----

/// Ctrl+N opens a new customer with its first field focused; typing goes there and
/// Enter saves.
fn new_customer_from_the_keyboard(lang: Lang) {
    let mut h = harness(lang, Page::Customers);
    let before = h.state().doc.ws().customers.customers.len();
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    assert!(
        focused(&h, Role::TextInput, name_label(lang)),
        "first field focused"
    );
    type_keys(&mut h, "键盘测试有限公司");
    press(&mut h, Key::Enter);
    let ws = &h.state().doc.ws();
    assert_eq!(ws.customers.customers.len(), before + 1);
    assert!(
        ws.customers
            .customers
            .iter()
            .any(|c| c.name == "键盘测试有限公司")
    );
}

#[test]
fn ctrl_n_focus_and_enter_add_a_customer_zh() {
    new_customer_from_the_keyboard(Lang::Zh);
}

#[test]
fn ctrl_n_focus_and_enter_add_a_customer_en() {
    new_customer_from_the_keyboard(Lang::En);
}

#[test]
fn ctrl_n_opens_the_new_form_on_team_pipeline_and_budget() {
    for (page, first) in [
        (Page::Team, "Name"),
        (Page::Pipeline, "Deal title"),
        (Page::Budget, "Date"),
    ] {
        let mut h = harness(Lang::En, page);
        assert!(!has_input(&h, first), "{page:?}: no form before Ctrl+N");
        press_with(&mut h, Modifiers::COMMAND, Key::N);
        assert!(has_input(&h, first), "{page:?}: Ctrl+N opens the form");
    }
}

/// Escape cancels Add member and New customer: the form closes, nothing is added.
fn escape_cancels(lang: Lang, page: Page, button: &str) {
    let mut h = harness(lang, page);
    let rev = h.state().doc.revision();
    h.get_by_label(button).click();
    h.run();
    // A member's name is a person's (姓名), a customer's a company's (名称).
    let name = match page {
        Page::Team => salesdesk::i18n::T::PersonName.get(lang),
        _ => name_label(lang),
    };
    assert!(has_input(&h, name));
    type_keys(&mut h, "不要保存");
    press(&mut h, Key::Escape);
    assert!(!has_input(&h, name), "Escape closes the form");
    assert_eq!(h.state().doc.revision(), rev, "nothing saved");
}

#[test]
fn escape_cancels_add_member_and_new_customer_zh() {
    escape_cancels(Lang::Zh, Page::Team, "＋ 新增成员");
    escape_cancels(Lang::Zh, Page::Customers, "＋ 新建客户");
}

#[test]
fn escape_cancels_add_member_and_new_customer_en() {
    escape_cancels(Lang::En, Page::Team, "＋ Add member");
    escape_cancels(Lang::En, Page::Customers, "＋ New customer");
}

#[test]
fn escape_cancels_edit_member() {
    let mut h = harness(Lang::En, Page::Team);
    let first = h
        .state()
        .doc
        .ws()
        .team
        .members
        .iter()
        .next()
        .unwrap()
        .name
        .clone();
    h.get_all_by_label(&first).next().unwrap().click();
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    assert!(has_input(&h, "Name"));
    press(&mut h, Key::Escape);
    assert!(!has_input(&h, "Name"));
}

#[test]
fn ctrl_enter_saves_from_a_multi_line_field() {
    let mut h = harness(Lang::En, Page::Team);
    let before = h.state().doc.ws().team.members.len();
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    type_keys(&mut h, "Kim Lee");
    h.get_by_role_and_label(Role::MultilineTextInput, "Duties")
        .focus();
    h.run();
    type_keys(&mut h, "Key accounts");
    press_with(&mut h, Modifiers::COMMAND, Key::Enter);
    let ws = &h.state().doc.ws();
    assert_eq!(ws.team.members.len(), before + 1, "Ctrl+Enter saved");
    let m = ws
        .team
        .members
        .iter()
        .find(|m| m.name == "Kim Lee")
        .unwrap();
    assert_eq!(m.duties, "Key accounts", "no stray new line");
}

#[test]
fn enter_in_a_multi_line_field_adds_a_line_and_does_not_save() {
    let mut h = harness(Lang::En, Page::Team);
    let rev = h.state().doc.revision();
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    type_keys(&mut h, "Kim Lee");
    h.get_by_role_and_label(Role::MultilineTextInput, "Duties")
        .focus();
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(h.state().doc.revision(), rev);
    assert!(has_input(&h, "Name"));
}

#[test]
fn the_first_tab_goes_into_the_page_not_to_undo_or_redo() {
    let mut h = harness(Lang::En, Page::Customers);
    // An edit makes Undo live, so it could take the focus.
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    type_keys(&mut h, "Tab Test Ltd");
    press(&mut h, Key::Enter);
    assert!(h.state().doc.can_undo());
    h.ctx
        .memory_mut(|m| m.surrender_focus(m.focused().unwrap_or(egui::Id::NULL)));
    h.run();
    press(&mut h, Key::Tab);
    for label in ["Undo", "Redo"] {
        assert!(!focused(&h, Role::Button, label), "Tab landed on {label}");
    }
    assert!(
        h.ctx.memory(|m| m.focused()).is_some(),
        "something has focus"
    );
}

#[test]
fn the_palette_offers_new_record_with_its_shortcut() {
    let mut h = harness(Lang::En, Page::Customers);
    press_with(&mut h, Modifiers::COMMAND, Key::K);
    type_keys(&mut h, "new record");
    let shown = h
        .query_all_by_label_contains("New record on this page")
        .count();
    assert!(shown >= 1, "the palette lists New record");
    assert!(h.query_all_by_label_contains("Ctrl+N").count() >= 1);
}

// ---- The date picker ----

/// The calendar button beside a date field opens a month grid in the UI's language; a click on a day
/// writes it into the field, which stays typeable.
fn pick_a_date(lang: Lang) {
    let (new_customer, created, title_nov, title_dec, monday, calendar) = match lang {
        Lang::Zh => (
            "＋ 新建客户",
            "创建日期",
            "2026年11月",
            "2026年12月",
            "一",
            "日历",
        ),
        Lang::En => (
            "＋ New customer",
            "Created",
            "November 2026",
            "December 2026",
            "Mo",
            "Calendar",
        ),
    };
    let mut h = harness(lang, Page::Customers);
    h.get_by_label(new_customer).click();
    h.run();
    h.get_all_by_role_and_label(Role::Button, calendar)
        .next()
        .unwrap()
        .click();
    h.run();
    // It opens on the field's date (today for a new record), Monday first.
    assert!(h.query_by_label(title_nov).is_some(), "month title");
    assert!(h.query_by_label(monday).is_some(), "weekday heads");
    h.get_by_label("›").click();
    h.run();
    assert!(h.query_by_label(title_dec).is_some(), "next month");
    h.get_by_role_and_label(Role::Button, "15").click();
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, created)
            .value()
            .as_deref(),
        Some("2026-12-15")
    );
    assert!(h.query_by_label(title_dec).is_none(), "the grid closes");
}

#[test]
fn the_date_picker_picks_a_day_zh() {
    pick_a_date(Lang::Zh);
}

#[test]
fn the_date_picker_picks_a_day_en() {
    pick_a_date(Lang::En);
}

// ---- Chinese done right ----

/// The demo with its first three members named 吴丹, 刘超 and 唐娟 (in that order of
/// storage), 刘超 with an email.
fn named_team(lang: Lang, page: Page) -> Harness<'static, SalesDeskApp> {
    let mut ws = demo();
    let team = std::sync::Arc::make_mut(&mut ws.team);
    for (m, name) in team.members.rows.iter_mut().zip(["吴丹", "刘超", "唐娟"]) {
        m.name = name.to_owned();
        if name == "刘超" {
            m.email = "liuchao@example.com".to_owned();
        }
    }
    harness_over(ws, lang, page, egui::vec2(1400.0, 900.0))
}

fn top_of(h: &Harness<'static, SalesDeskApp>, label: &str) -> f32 {
    h.get_all_by_label(label).next().unwrap().rect().top()
}

fn team_sorts_by_pinyin(lang: Lang) {
    let h = named_team(lang, Page::Team);
    // 刘 liu < 唐 tang < 吴 wu (by code point 刘 U+5218 < 吴 U+5434 < 唐 U+5510).
    let (liu, tang, wu) = (top_of(&h, "刘超"), top_of(&h, "唐娟"), top_of(&h, "吴丹"));
    assert!(liu < tang && tang < wu, "pinyin order: {liu} {tang} {wu}");
}

#[test]
fn team_names_sort_by_pinyin_zh() {
    team_sorts_by_pinyin(Lang::Zh);
}

#[test]
fn team_names_sort_by_pinyin_en() {
    team_sorts_by_pinyin(Lang::En);
}

/// Whether Ctrl+K's hits for `query` hold the member 刘超.
fn palette_finds_liu_chao(h: &mut Harness<'static, SalesDeskApp>, query: &str) -> bool {
    press_with(h, Modifiers::COMMAND, Key::K);
    press_with(h, Modifiers::COMMAND, Key::A);
    type_keys(h, query);
    let app = h.state();
    let liu = app
        .doc
        .ws()
        .team
        .members
        .iter()
        .find(|m| m.name == "刘超")
        .unwrap()
        .id;
    app.search
        .hits()
        .contains(&Hit::Record(RecordKey::Member(liu)))
}

fn ctrl_k_finds_by_pinyin_initials_and_email(lang: Lang) {
    for query in ["liu", "lc", "liu chao", "liuchao@"] {
        let mut h = named_team(lang, Page::Dashboard);
        assert!(palette_finds_liu_chao(&mut h, query), "{query} finds 刘超");
    }
    let mut h = named_team(lang, Page::Dashboard);
    assert!(!palette_finds_liu_chao(&mut h, "zzq"));
}

#[test]
fn ctrl_k_finds_liu_chao_by_pinyin_initials_and_email_zh() {
    ctrl_k_finds_by_pinyin_initials_and_email(Lang::Zh);
}

#[test]
fn ctrl_k_finds_liu_chao_by_pinyin_initials_and_email_en() {
    ctrl_k_finds_by_pinyin_initials_and_email(Lang::En);
}

#[test]
fn the_team_search_box_finds_by_initials_and_says_1_of_n() {
    let mut h = named_team(Lang::Zh, Page::Team);
    h.get_all_by_role_and_label(Role::TextInput, "搜索")
        .last()
        .unwrap()
        .focus();
    h.run();
    type_keys(&mut h, "lc");
    // The table keeps the rows it shows: 刘超 is there, 吴丹 no longer is.
    let before = named_team(Lang::Zh, Page::Team);
    let count = |h: &Harness<'static, SalesDeskApp>, n: &str| h.query_all_by_label(n).count();
    assert_eq!(count(&h, "刘超"), count(&before, "刘超"));
    assert_eq!(count(&h, "吴丹"), count(&before, "吴丹") - 1);
    // The heading says how many of the team the search shows.
    let total = h.state().doc.ws().team.members.len();
    assert!(
        h.query_by_label(&format!("成员（显示 1 / 共 {total}）"))
            .is_some()
    );
}

/// An amount typed with 万 (and 元) saves as yuan.
fn wan_amount(lang: Lang) {
    let potential = match lang {
        Lang::Zh => "年采购潜力（元）",
        Lang::En => "Yearly potential (¥)",
    };
    for (typed, yuan) in [("50万", 500_000), ("1.5万元", 15_000), ("12,000元", 12_000)] {
        let mut h = harness(lang, Page::Customers);
        press_with(&mut h, Modifiers::COMMAND, Key::N);
        let name = format!("万元测试 {typed}");
        type_keys(&mut h, &name);
        h.get_by_role_and_label(Role::TextInput, potential).focus();
        h.run();
        press_with(&mut h, Modifiers::COMMAND, Key::A);
        type_keys(&mut h, typed);
        press(&mut h, Key::Enter);
        let ws = &h.state().doc.ws();
        let c = ws.customers.customers.iter().find(|c| c.name == name);
        assert_eq!(
            c.map(|c| c.annual_potential),
            Some(salesdesk::model::Money::from_major(yuan)),
            "{typed}"
        );
    }
}

#[test]
fn amounts_accept_wan_and_yuan_zh() {
    wan_amount(Lang::Zh);
}

#[test]
fn amounts_accept_wan_and_yuan_en() {
    wan_amount(Lang::En);
}

// ---- Toasts ----

#[test]
fn toasts_keep_a_fixed_width_wrap_whole_words_and_stack_four_at_most() {
    let mut h = harness(Lang::En, Page::Dashboard);
    let long = "Interaction logged for the customer Northern Star Precision Manufacturing \
                and its next step is due tomorrow";
    for i in 0..6 {
        h.state_mut().toasts.info(format!("Toast {i}"));
    }
    h.state_mut().toasts.info(long);
    h.run();
    let shown: Vec<String> = h.state().toasts.messages().map(str::to_owned).collect();
    assert_eq!(shown.len(), salesdesk::ui::MAX_TOASTS, "older ones drop");
    assert_eq!(shown.last().map(String::as_str), Some(long));
    assert!(h.query_by_label("Toast 0").is_none());
    let r = h.get_by_label(long).rect();
    assert!(
        r.width() <= salesdesk::ui::TOAST_WIDTH + 1.0,
        "fixed width: {r:?}"
    );
    assert!(r.height() > 30.0, "wraps onto lines: {r:?}");
    // A short toast is as wide as a long one: the column does not jump.
    let short = h.get_by_label("Toast 5").rect();
    assert!((short.width() - r.width()).abs() < 1.0 || short.width() <= r.width());
}

/// Whole words: the wrapped rows of the toast's text end at spaces, never mid-word.
#[test]
fn a_toast_breaks_lines_only_between_words() {
    let ctx = egui::Context::default();
    salesdesk::ui::fonts::install_fonts(&ctx);
    let mut out = ctx.run_ui(Default::default(), |ui| {
        let text = "Interaction logged: Northern Star Precision Manufacturing moved to Negotiation";
        let galley = egui::WidgetText::from(text).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            salesdesk::ui::TOAST_WIDTH,
            egui::TextStyle::Body,
        );
        assert!(galley.rows.len() >= 2);
        for row in &galley.rows[..galley.rows.len() - 1] {
            let s: String = row.glyphs.iter().map(|g| g.chr).collect();
            assert!(s.ends_with(' '), "row ends mid-word: {s:?}");
        }
    });
    out.textures_delta.clear();
}

// ---- Deals that close properly ----

fn open_deal_on(lang: Lang) -> (Harness<'static, SalesDeskApp>, salesdesk::model::DealId) {
    let mut h = harness(lang, Page::Pipeline);
    let id = h
        .state()
        .doc
        .ws()
        .deals
        .deals
        .iter()
        .find(|d| d.stage == salesdesk::model::Stage::Contract)
        .unwrap()
        .id;
    h.state_mut().pages.pipeline.focus(id);
    h.run();
    (h, id)
}

/// "→ Won" asks for the won date and the final amount in one dialog; the win is dated
/// as given, at the amount given, and the card shows its won date.
fn win_with_date_and_amount(lang: Lang) {
    use salesdesk::i18n::Label;
    use salesdesk::model::Stage;
    let (won_on, amount, confirm, shown) = match lang {
        Lang::Zh => (
            "签约日期",
            "最终金额（元）",
            "确认签约",
            "签约日期：2026-11-20",
        ),
        Lang::En => (
            "Won on",
            "Final amount (¥)",
            "Mark won",
            "Won on: 2026-11-20",
        ),
    };
    let (mut h, id) = open_deal_on(lang);
    let before = h.state().doc.ws().deals.deals.get(id).cloned().unwrap();
    h.get_by_label(&format!("→ {}", Stage::Won.label(lang)))
        .click();
    h.run();
    // Nothing moved yet: the dialog waits, with today and the deal's amount.
    assert_eq!(
        h.state().doc.ws().deals.deals.get(id).unwrap().stage,
        Stage::Contract
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, won_on)
            .value()
            .as_deref(),
        Some("2026-11-26")
    );
    for (label, text) in [(won_on, "2026-11-20"), (amount, "73万")] {
        h.get_by_role_and_label(Role::TextInput, label).focus();
        h.run();
        press_with(&mut h, Modifiers::COMMAND, Key::A);
        type_keys(&mut h, text);
    }
    h.get_by_label(confirm).click();
    h.run();
    let won = h.state().doc.ws().deals.deals.get(id).cloned().unwrap();
    assert_eq!(won.stage, Stage::Won);
    assert_eq!(
        won.entered(Stage::Won),
        NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert_eq!(won.amount, salesdesk::model::Money::from_major(730_000));
    assert_eq!(won.history.len(), before.history.len() + 1);
    // One undo takes the whole win back.
    h.state_mut().pages.pipeline.focus(id);
    h.run();
    assert!(
        h.query_all_by_label(shown).count() >= 1,
        "the card shows its won date"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        h.state().doc.ws().deals.deals.get(id).cloned().unwrap(),
        before
    );
}

#[test]
fn winning_asks_for_the_won_date_and_final_amount_zh() {
    win_with_date_and_amount(Lang::Zh);
}

#[test]
fn winning_asks_for_the_won_date_and_final_amount_en() {
    win_with_date_and_amount(Lang::En);
}

#[test]
fn the_won_dialog_refuses_a_bad_date_and_escape_leaves_the_deal_open() {
    use salesdesk::model::Stage;
    let (mut h, id) = open_deal_on(Lang::En);
    let rev = h.state().doc.revision();
    h.get_by_label("→ Won · account management").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Won on").focus();
    h.run();
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_keys(&mut h, "2026-02-30");
    h.get_by_label("Mark won").click();
    h.run();
    assert!(h.query_by_label("Not a date (use YYYY-MM-DD)").is_some());
    assert_eq!(h.state().doc.revision(), rev);
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Mark won").is_none(),
        "Escape closes the dialog"
    );
    assert_eq!(
        h.state().doc.ws().deals.deals.get(id).unwrap().stage,
        Stage::Contract
    );
}

fn loss_analysis_on_analytics(lang: Lang) {
    use salesdesk::analytics::{DealFilter, losses};
    use salesdesk::ui::analytics::losses::summary;
    let h = harness(lang, Page::Analytics);
    // The page opens on the current quarter.
    let q4 = salesdesk::model::Period::quarter(2026, 4);
    let a = losses(h.state().doc.ws(), q4, &DealFilter::ALL);
    assert!(a.total.count > 0, "the demo loses deals in Q4");
    let title = match lang {
        Lang::Zh => "流失分析（本期流失的商机）",
        Lang::En => "Loss analysis (deals lost in the period)",
    };
    assert!(h.query_by_label(title).is_some());
    assert!(
        h.query_by_label(&summary(lang, a.total)).is_some(),
        "the total"
    );
    // Each table adds up to the total.
    let reason_sum: i64 = a.by_reason.iter().map(|(_, l)| l.amount.0).sum();
    assert_eq!(reason_sum, a.total.amount.0);
    let month_sum: u64 = a.by_month.iter().map(|(_, l)| l.count).sum();
    assert_eq!(month_sum, a.total.count);
    let rep_sum: u64 = a.by_rep.iter().map(|(_, l)| l.count).sum();
    assert_eq!(rep_sum, a.total.count);
    let (top_rep, top) = a.by_rep[0];
    let name = h.state().doc.ws().member_name(top_rep).to_owned();
    assert!(h.query_all_by_label(&name).count() >= 1);
    assert!(
        h.query_all_by_label(&salesdesk::ui::format::money(top.amount))
            .count()
            >= 1
    );
}

#[test]
fn the_analytics_page_reads_why_deals_were_lost_zh() {
    loss_analysis_on_analytics(Lang::Zh);
}

#[test]
fn the_analytics_page_reads_why_deals_were_lost_en() {
    loss_analysis_on_analytics(Lang::En);
}

#[test]
fn ctrl_k_arrow_down_and_enter_open_the_highlighted_hit() {
    let mut h = named_team(Lang::Zh, Page::Dashboard);
    press_with(&mut h, Modifiers::COMMAND, Key::K);
    // "lc" finds 刘超 first among records; commands come first, so walk down to it.
    type_keys(&mut h, "lc");
    let liu = h
        .state()
        .doc
        .ws()
        .team
        .members
        .iter()
        .find(|m| m.name == "刘超")
        .unwrap()
        .id;
    let at = h
        .state()
        .search
        .hits()
        .iter()
        .position(|x| *x == Hit::Record(RecordKey::Member(liu)))
        .expect("lc finds 刘超");
    for _ in 0..at {
        press(&mut h, Key::ArrowDown);
    }
    press(&mut h, Key::Enter);
    assert_eq!(
        h.state().page,
        Page::Team,
        "Enter opened the highlighted member"
    );
}

/// A closed deal's detail names the day it closed: a won deal its won date, a lost one
/// its lost date beside the reason.
fn closed_deal_details_show_the_close_date(lang: Lang) {
    use salesdesk::model::Stage;
    let mut h = harness(lang, Page::Pipeline);
    for (stage, key) in [
        (Stage::Won, ["签约日期", "Won on"]),
        (Stage::Lost, ["流失日期", "Lost on"]),
    ] {
        let deal = h
            .state()
            .doc
            .ws()
            .deals
            .deals
            .iter()
            .find(|d| d.stage == stage)
            .cloned()
            .expect("the demo has closed deals");
        h.state_mut().pages.pipeline.focus(deal.id);
        h.run();
        let key = key[usize::from(lang == Lang::En)];
        assert!(h.query_by_label(key).is_some(), "{key}");
        let on = deal.closed_on().unwrap().to_string();
        assert!(h.query_all_by_label(&on).count() >= 1, "{on}");
    }
}

#[test]
fn a_closed_deals_detail_shows_when_it_was_won_or_lost_zh() {
    closed_deal_details_show_the_close_date(Lang::Zh);
}

#[test]
fn a_closed_deals_detail_shows_when_it_was_won_or_lost_en() {
    closed_deal_details_show_the_close_date(Lang::En);
}
