//! UI flows through egui_kittest, as a user would: find by label, click, type.
//! Each flow runs in both languages.

use crate::common;

use chrono::NaiveDate;
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::{Lang, T};
use salesdesk::ui::Page;

fn harness(lang: Lang, page: Page) -> H {
    harness_on(demo(120), lang, page)
}

/// The words a flow needs, per language.
struct W {
    new_customer: &'static str,
    name: &'static str,
    created: &'static str,
    potential: &'static str,
    save: &'static str,
    edit: &'static str,
    delete: &'static str,
    required: &'static str,
    not_a_date: &'static str,
    negative: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            new_customer: "＋ 新建客户",
            name: "名称",
            created: "创建日期",
            potential: "年采购潜力（元）",
            save: "保存",
            edit: "编辑",
            delete: "删除",
            required: "必填",
            not_a_date: "日期格式应为 YYYY-MM-DD",
            negative: "不能为负数",
        },
        Lang::En => W {
            new_customer: "＋ New customer",
            name: "Name",
            created: "Created",
            potential: "Yearly potential (¥)",
            save: "Save",
            edit: "Edit",
            delete: "Delete",
            required: "Required",
            not_a_date: "Not a date (use YYYY-MM-DD)",
            negative: "Must not be negative",
        },
    }
}

fn customer_count(h: &Harness<'static, SalesDeskApp>) -> usize {
    h.state().doc.ws().customers.customers.len()
}

fn add_customer_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness(lang, Page::Customers);
    let before = customer_count(&h);
    h.get_by_label(w.new_customer).click();
    h.run();
    set_text(&mut h, w.name, "星河测试科技有限公司");
    h.get_by_label(w.save).click();
    h.run();
    assert_eq!(customer_count(&h), before + 1);
    let ws = &h.state().doc.ws();
    assert!(
        ws.customers
            .customers
            .iter()
            .any(|c| c.name == "星河测试科技有限公司")
    );
    // Find it in the list through the page's own search box.
    let search = match lang {
        Lang::Zh => "搜索",
        Lang::En => "Search",
    };
    h.get_all_by_role_and_label(Role::TextInput, search)
        .last()
        .unwrap()
        .type_text("星河测试");
    h.run();
    assert!(h.query_all_by_label("星河测试科技有限公司").count() >= 1);
}

#[test]
fn add_a_customer_and_find_it_zh() {
    add_customer_flow(Lang::Zh);
}

#[test]
fn add_a_customer_and_find_it_en() {
    add_customer_flow(Lang::En);
}

fn invalid_form_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness(lang, Page::Customers);
    let before = h.state().doc.ws().clone();
    let rev = h.state().doc.revision();
    h.get_by_label(w.new_customer).click();
    h.run();
    set_text(&mut h, w.created, "2026-02-30");
    set_text(&mut h, w.potential, "-100");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(w.required);
    h.get_by_label(w.not_a_date);
    h.get_by_label(w.negative);
    assert_eq!(
        h.state().doc.revision(),
        rev,
        "nothing reached the workspace"
    );
    assert_eq!(*h.state().doc.ws(), before);
    assert!(h.state().doc.dirty().is_empty());
}

#[test]
fn an_invalid_customer_form_shows_messages_and_stores_nothing_zh() {
    invalid_form_flow(Lang::Zh);
}

#[test]
fn an_invalid_customer_form_shows_messages_and_stores_nothing_en() {
    invalid_form_flow(Lang::En);
}

fn edit_delete_undo_redo_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness(lang, Page::Customers);
    let first = h.state().doc.ws().customers.customers.rows[0].clone();
    h.state_mut().pages.customers.focus(first.id);
    h.run();
    // Edit: rename.
    h.get_by_label(w.edit).click();
    h.run();
    set_text(&mut h, w.name, "改名后的客户");
    h.get_by_label(w.save).click();
    h.run();
    assert_eq!(
        h.state()
            .doc
            .ws()
            .customers
            .customers
            .get(first.id)
            .unwrap()
            .name,
        "改名后的客户"
    );
    // Delete, confirming in the dialog.
    h.get_by_label(w.delete).click();
    h.run();
    h.get_all_by_label(w.delete).last().unwrap().click();
    h.run();
    assert!(
        h.state()
            .doc
            .ws()
            .customers
            .customers
            .get(first.id)
            .is_none()
    );
    assert!(
        !h.state()
            .doc
            .ws()
            .deals
            .deals
            .iter()
            .any(|d| d.customer == first.id)
    );
    // Undo the delete with Ctrl+Z: the customer and its deals come back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .doc
            .ws()
            .customers
            .customers
            .get(first.id)
            .unwrap()
            .name,
        "改名后的客户"
    );
    // Undo the rename from the top bar button.
    let undo = match lang {
        Lang::Zh => "撤销",
        Lang::En => "Undo",
    };
    h.get_by_label(undo).click();
    h.run();
    assert_eq!(
        h.state()
            .doc
            .ws()
            .customers
            .customers
            .get(first.id)
            .unwrap(),
        &first
    );
    // Redo with Ctrl+Shift+Z brings the rename back.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(
        h.state()
            .doc
            .ws()
            .customers
            .customers
            .get(first.id)
            .unwrap()
            .name,
        "改名后的客户"
    );
}

#[test]
fn edit_delete_undo_redo_a_customer_zh() {
    edit_delete_undo_redo_flow(Lang::Zh);
}

#[test]
fn edit_delete_undo_redo_a_customer_en() {
    edit_delete_undo_redo_flow(Lang::En);
}

/// Every page draws in both languages with its title as a heading (the Team page is
/// headed by the team's name once it has one), and the not-built placeholder shows on
/// exactly the pages the registry marks as not built.
#[test]
fn every_page_draws_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut h = harness(lang, Page::Dashboard);
        let team_name = h.state().doc.ws().team.setup.team_name.clone();
        assert!(!team_name.is_empty(), "the demo names its team");
        for &page in Page::ALL {
            h.state_mut().page = page;
            h.run();
            let title = match page {
                Page::Team => team_name.as_str(),
                _ => page.title().get(lang),
            };
            // A heading is a label; the sidebar's entry for the page is a button.
            assert!(
                h.query_all_by_role_and_label(Role::Label, title)
                    .next()
                    .is_some(),
                "{lang:?} {page:?}: no heading {title:?}"
            );
            let placeholder = h
                .query_all_by_label(T::NotBuiltTitle.get(lang))
                .next()
                .is_some();
            assert_eq!(
                placeholder,
                !page.built(),
                "{lang:?} {page:?}: the not-built placeholder shows where it should not, or not where it should"
            );
        }
    }
}

#[test]
fn the_language_switch_changes_the_words() {
    let mut h = harness(Lang::Zh, Page::Team);
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().lang, Lang::En);
    h.get_by_label("中文");
}

#[test]
fn a_member_with_deals_is_offered_reassignment_before_delete_and_a_new_one_goes_at_once() {
    let mut h = harness(Lang::En, Page::Team);
    h.get_by_label("＋ Add member").click();
    h.run();
    set_text(&mut h, "Name", "Test Rep");
    h.get_by_label("Save").click();
    h.run();
    let id = h
        .state()
        .doc
        .ws()
        .team
        .members
        .iter()
        .find(|m| m.name == "Test Rep")
        .unwrap()
        .id;
    h.get_by_label("Delete").click();
    h.run();
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    assert!(!h.state().doc.ws().team.members.contains(id));

    let busy = h.state().doc.ws().deals.deals.rows[0].owner;
    h.state_mut().pages.team.focus(busy);
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    // Deleting a member who owns deals offers to hand them over first; Cancel keeps all.
    h.get_by_label_contains("hand them to others, then delete");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().doc.ws().team.members.contains(busy));
}

#[test]
fn clicking_a_row_opens_the_customer() {
    let mut h = harness(Lang::En, Page::Customers);
    let first = h.state().doc.ws().customers.customers.rows[0].clone();
    h.get_all_by_role_and_label(Role::TextInput, "Search")
        .last()
        .unwrap()
        .focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Search")
        .last()
        .unwrap()
        .type_text(&first.name);
    h.run();
    assert_eq!(h.state().pages.customers.query, first.name);
    // The list row (not the search box) holds the name.
    h.get_all_by_label(&first.name).next().unwrap().click();
    h.run();
    assert!(matches!(
        h.state().pages.customers.side,
        salesdesk::ui::customers::Side::Detail(id) if id == first.id
    ));
}

/// The real app over a demo saved in a fresh data dir, its "today" set to `day`, on
/// `page`. The dir is returned to keep it alive.
fn app_on_disk(day: NaiveDate, page: Page) -> (tempfile::TempDir, Harness<'static, SalesDeskApp>) {
    let dir = tempfile::tempdir().unwrap();
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 40 }, today());
    salesdesk::store::save(
        dir.path(),
        &ws,
        &salesdesk::model::FileKind::ALL.into_iter().collect(),
    )
    .unwrap();
    let lock = salesdesk::store::acquire_lock(dir.path()).unwrap();
    let loaded = salesdesk::store::load(dir.path()).unwrap();
    let mut app = SalesDeskApp::with_storage(loaded, dir.path().to_path_buf(), lock, day).unwrap();
    app.lang = Lang::En;
    app.page = page;
    let h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    (dir, h)
}

/// The real app (with a data dir) follows the calendar: opened with a stale "today", its
/// first frame moves to the real date and takes that day's backup.
#[test]
fn the_app_left_open_past_midnight_moves_to_the_new_day_and_backs_it_up() {
    let yesterday = chrono::Local::now().date_naive() - chrono::Days::new(1);
    let (dir, mut h) = app_on_disk(yesterday, Page::Dashboard);
    h.run();
    let day = h.state().today;
    assert!(day > yesterday, "still on {day}");
    h.state_mut().flush();
    let backup = dir
        .path()
        .join("backups")
        .join(day.format("%Y-%m-%d").to_string());
    assert!(
        backup.join("deals.ron").is_file(),
        "no backup at {}",
        backup.display()
    );
}

/// The Data page, already open, lists the backup taken when the day turns.
#[test]
fn the_backup_taken_at_midnight_appears_on_the_open_data_page() {
    let (_dir, mut h) = app_on_disk(chrono::Local::now().date_naive(), Page::Data);
    let wait_for = |h: &mut Harness<'static, SalesDeskApp>, label: &str| {
        for _ in 0..100 {
            // Steps, not runs: a spinner turns while the listing is read.
            h.step();
            // An entry reads "2026-12-02 00:00": its day and the minute it was taken.
            if h.query_by_label_contains(label).is_some() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        false
    };
    assert!(
        wait_for(&mut h, "No backups yet."),
        "the listing is shown first"
    );

    // The day turns (here: straight after a day that had no backup) and its backup is
    // taken on the writer thread; the open page lists it without being told.
    let turned = h.state().today.pred_opt().unwrap();
    h.state_mut().today = turned;
    h.step();
    h.state_mut().flush();
    let day = h.state().today.to_string();
    assert!(wait_for(&mut h, &day), "the new backup {day} is listed");
}
