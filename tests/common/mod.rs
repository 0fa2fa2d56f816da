//! Set-ups shared by the UI tests that run the real app over a data dir.

#![allow(dead_code)]

use chrono::NaiveDate;
use egui_kittest::Harness;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;

/// The day the demo workspaces are generated for.
pub fn demo_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A fresh data dir holding a small demo workspace, saved in full.
pub fn saved_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 40 }, demo_day());
    salesdesk::store::save(
        dir.path(),
        &ws,
        &salesdesk::model::FileKind::ALL.into_iter().collect(),
    )
    .unwrap();
    dir
}

/// The lock and the loaded workspace of `dir`, as the window's start takes them.
pub fn lock_and_load(dir: &std::path::Path) -> (salesdesk::store::Lock, salesdesk::store::Loaded) {
    let lock = salesdesk::store::acquire_lock(dir).unwrap();
    (lock, salesdesk::store::load(dir).unwrap())
}

/// A harness over `app`, in `lang`, on `page`.
pub fn harness(mut app: SalesDeskApp, lang: Lang, page: Page) -> Harness<'static, SalesDeskApp> {
    app.lang = lang;
    app.page = page;
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app)
}

/// The real app over a demo saved in a fresh data dir, its "today" set to `day`, on
/// `page`, in English. The dir is returned to keep it alive.
pub fn app_on_disk(
    day: NaiveDate,
    page: Page,
) -> (tempfile::TempDir, Harness<'static, SalesDeskApp>) {
    app_on_disk_in(day, page, Lang::En)
}

pub fn app_on_disk_in(
    day: NaiveDate,
    page: Page,
    lang: Lang,
) -> (tempfile::TempDir, Harness<'static, SalesDeskApp>) {
    let dir = saved_demo();
    let (lock, loaded) = lock_and_load(dir.path());
    let app = SalesDeskApp::with_storage(loaded, dir.path().to_path_buf(), lock, day).unwrap();
    (dir, harness(app, lang, page))
}
