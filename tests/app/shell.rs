//! The shell: one registry of pages, one queue of commands. Search and alerts open any
//! record on its own page, Ctrl+K finds commands and works from the keyboard, a budget
//! alert opens the budget at its period, and preferences are not written per click.

use crate::common;

use egui::Key;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::*;
use salesdesk::ui::{Page, Route};

fn app(lang: Lang, page: Page) -> egui_kittest::Harness<'static, SalesDeskApp> {
    let ws = salesdesk::demo::generate(
        7,
        salesdesk::demo::DemoSize { deals: 80 },
        common::demo_day(),
    );
    let app = SalesDeskApp::in_memory(Document::new(ws), lang, common::demo_day());
    let mut h = common::harness(app, lang, page);
    h.run();
    h
}

fn find(h: &mut egui_kittest::Harness<'static, SalesDeskApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn press(h: &mut egui_kittest::Harness<'static, SalesDeskApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn a_contact_found_with_ctrl_k_opens_its_customer_from_the_keyboard() {
    let mut h = app(Lang::En, Page::Dashboard);
    let contact = h.state().doc.ws().customers.contacts.rows[3].clone();
    find(&mut h, "Search", &contact.name);
    // Down then Up lands on the first hit again; Enter opens it.
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().page, Page::Customers);
    assert_eq!(
        h.state().pages.customers.side,
        salesdesk::ui::customers::Side::Detail(contact.customer)
    );
}

#[test]
fn ctrl_k_finds_commands_and_runs_the_highlighted_one() {
    let mut h = app(Lang::Zh, Page::Dashboard);
    find(&mut h, "搜索", "语言");
    assert!(
        h.query_by_label_contains("命令 · 语言").is_some(),
        "the palette lists the language switch"
    );
    press(&mut h, Key::Enter);
    assert_eq!(h.state().lang, Lang::En);
    // "Go to" each page is a command too.
    find(&mut h, "Search", "Go to Budget");
    press(&mut h, Key::Enter);
    assert_eq!(h.state().page, Page::Budget);
}

/// Every page is built now: a route to a promotion event (the last page to be built)
/// opens it there, with no "not built yet" toast.
#[test]
fn a_promotion_record_opens_on_the_promotions_page_now_that_it_is_built() {
    let mut h = app(Lang::En, Page::Dashboard);
    let promotion = h.state().doc.ws().promotions.promotions.rows[0].clone();
    h.state_mut()
        .run(salesdesk::ui::AppCommand::Navigate(Route::record(
            RecordKey::Promotion(promotion.id),
        )));
    h.run();
    assert_eq!(h.state().page, Page::Promotions);
    let said: Vec<String> = h.state().toasts.messages().map(str::to_owned).collect();
    assert!(!said.iter().any(|m| m.contains("not built")), "{said:?}");
    assert!(Page::ALL.iter().all(|p| p.built()), "every page is built");
    assert!(
        h.query_all_by_label_contains(&promotion.name).count() >= 1,
        "the event is shown"
    );
}

#[test]
fn a_budget_alert_opens_the_budget_at_the_dashboards_period() {
    let mut h = app(Lang::En, Page::Dashboard);
    let period = h.state().pages.dashboard.period.period(common::demo_day());
    let category = h.state().doc.ws().budget.categories.rows[0].id;
    h.state_mut().run(salesdesk::ui::AppCommand::Navigate(
        Route::record(RecordKey::BudgetCategory(category)).with_period(period),
    ));
    h.run();
    assert_eq!(h.state().page, Page::Budget);
    let budget = &h.state().pages.budget;
    assert_eq!(
        budget.period(common::demo_day()),
        period,
        "the month, not the year"
    );
    assert_eq!(budget.list.category, Some(category));
}

#[test]
fn clicking_through_the_sidebar_writes_the_preferences_once_later_not_per_click() {
    let dir = common::saved_demo();
    let (lock, loaded) = common::lock_and_load(dir.path());
    let mut app =
        SalesDeskApp::with_storage(loaded, dir.path().to_path_buf(), lock, common::demo_day())
            .unwrap();
    app.lang = Lang::En;
    // Frames a sixtieth of a second apart, as a person clicks.
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    h.run();
    let prefs = dir.path().join("prefs.ron");
    // Three clicks within a fraction of a second.
    for page in ["Team", "Customers", "Pipeline"] {
        h.get_by_label(page).click();
        h.step();
    }
    assert_eq!(h.state().page, Page::Pipeline);
    assert!(!prefs.exists(), "written on a click");
    // On exit (or a moment later) they are written, with the last choice.
    h.state_mut().save_all().unwrap();
    let text = std::fs::read_to_string(&prefs).unwrap();
    assert!(text.contains("Pipeline"), "{text}");
}
