//! After a file is set aside, nothing is silently lost or cross-linked: the workspace
//! stays degraded across starts, what depends on the missing file is read-only, ids are
//! never reused, `import` and `demo` refuse every time, and one click brings the file
//! back from a backup.

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::*;
use salesdesk::store;
use salesdesk::ui::Page;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A saved demo workspace with yesterday's backup, then `customers.ron` truncated.
fn broken_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 60 }, today());
    store::save(dir.path(), &ws, &FileKind::ALL.into_iter().collect()).unwrap();
    store::daily_backup(dir.path(), today() - chrono::Days::new(1)).unwrap();
    let path = dir.path().join("customers.ron");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    (dir, ws)
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_file() && p.file_name().unwrap() != "salesdesk.lock" {
            out.insert(p.clone(), std::fs::read(&p).unwrap());
        }
    }
    out
}

fn import(dir: &Path) -> (i32, String) {
    let csv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/csv/deals_en.csv"
    );
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = salesdesk::cli::import::run(dir, Path::new(csv), &mut out, &mut err);
    (code, String::from_utf8(err).unwrap())
}

fn new_customer(name: &str) -> Change {
    Change::put(Record::Customer(Customer::new(name, today())))
}

#[test]
fn a_set_aside_file_keeps_the_workspace_degraded_on_every_start() {
    let (dir, _) = broken_workspace();
    let first = store::load(dir.path()).unwrap();
    assert_eq!(first.degraded_files(), [FileKind::Customers].into());
    // The next start: the file is simply absent, and that is still said.
    let second = store::load(dir.path()).unwrap();
    assert_eq!(second.degraded_files(), [FileKind::Customers].into());
    let p = &second.problems[0];
    assert_eq!(p.file, "customers.ron");
    assert!(
        p.line.is_some(),
        "the position of the first start is kept: {p}"
    );
    // `check` says so too, every time.
    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::check::run(dir.path(), &mut out), 1);
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("customers.ron") && out.contains("set aside"),
        "{out}"
    );
}

#[test]
fn while_degraded_nothing_pointing_into_the_missing_file_can_change() {
    let (dir, _) = broken_workspace();
    let loaded = store::load(dir.path()).unwrap();
    let mut doc = Document::new(loaded.ws.clone());
    doc.set_missing_files(&loaded.degraded_files());
    let e = doc.apply(new_customer("新客户"), "add").unwrap_err();
    assert_eq!(e.get("file"), Some(&Problem::ReadOnly("customers.ron")));
    // Deals point at customers: read-only as well; the team does not: still editable.
    let deal = doc.ws().deals.deals.rows[0].clone();
    assert!(doc.apply(Change::put(Record::Deal(deal)), "edit").is_err());
    let member = doc.ws().team.members.rows[0].clone();
    assert!(
        doc.apply(Change::put(Record::Member(member)), "edit")
            .is_ok()
    );
    assert!(!doc.dirty().contains(&FileKind::Customers));
}

#[test]
fn a_collection_started_empty_never_reuses_an_id_old_records_point_at() {
    let (dir, ws) = broken_workspace();
    let loaded = store::load(dir.path()).unwrap();
    let mut doc = Document::new(loaded.ws);
    doc.set_missing_files(&Default::default());
    let key = doc.apply(new_customer("新客户"), "add").unwrap().keys[0];
    let highest = ws.deals.deals.iter().map(|d| d.customer.0).max().unwrap();
    assert!(key.raw() > highest, "{key:?} would capture old deals");
    assert!(
        doc.ws()
            .deals
            .deals
            .iter()
            .all(|d| d.customer.0 != key.raw())
    );
}

#[test]
fn import_is_refused_on_every_try_and_changes_nothing() {
    let (dir, _) = broken_workspace();
    let before = snapshot(dir.path());
    for attempt in 0..3 {
        let (code, err) = import(dir.path());
        assert_eq!(code, 1, "try {attempt}: {err}");
        assert!(err.contains("customers.ron"), "try {attempt}: {err}");
        assert_eq!(
            snapshot(dir.path()),
            before,
            "try {attempt} changed the folder"
        );
    }
    // Also once the file has been set aside by a start.
    store::load(dir.path()).unwrap();
    let before = snapshot(dir.path());
    let (code, err) = import(dir.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("set aside"), "{err}");
    assert_eq!(snapshot(dir.path()), before);
    // And `demo` refuses with the same words.
    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::demo::run(dir.path(), 10, &mut out), 1);
    assert!(String::from_utf8(out).unwrap().contains("customers.ron"));
}

#[test]
fn ids_above_two_to_the_53_are_refused_by_the_loader_and_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 20 }, today());
    store::save(dir.path(), &ws, &FileKind::ALL.into_iter().collect()).unwrap();
    let path = dir.path().join("deals.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("(id: 1,", &format!("(id: {},", u64::MAX), 1);
    std::fs::write(&path, &text).unwrap();

    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::check::run(dir.path(), &mut out), 1);
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("deals.ron:") && out.contains("2^53"), "{out}");

    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.degraded_files(), [FileKind::Deals].into());
    assert!(
        loaded.ws.deals.deals.is_empty(),
        "nothing of the refused file is kept"
    );
}

type H = Harness<'static, SalesDeskApp>;

fn open_app(dir: &Path) -> H {
    let lock = store::acquire_lock(dir).unwrap();
    let loaded = store::load(dir).unwrap();
    let mut app = SalesDeskApp::with_storage(loaded, dir.to_path_buf(), lock, today()).unwrap();
    app.lang = Lang::En;
    app.page = Page::Customers;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    h.run();
    h
}

const BAR: &str = "The workspace is incomplete: a file was set aside";

#[test]
fn the_window_keeps_the_bar_and_one_click_brings_the_customers_back() {
    let (dir, ws) = broken_workspace();
    let h = open_app(dir.path());
    assert!(
        h.query_by_label(BAR).is_some(),
        "the bar is shown at the first start"
    );
    drop(h);

    // The next start: the bar is still there, and adding a customer is refused.
    let mut h = open_app(dir.path());
    assert!(
        h.query_by_label(BAR).is_some(),
        "the bar stays at the next start"
    );
    let e = h
        .state_mut()
        .doc
        .apply(new_customer("新客户"), "add")
        .unwrap_err();
    assert!(e.get("file").is_some());

    // Yesterday's backup has them all, and restoring it alone leaves nothing dangling.
    let label = format!(
        "Restore this file from the backup ({} 00:00, {} records)",
        (today() - chrono::Days::new(1)).format("%Y-%m-%d"),
        ws.records_in(FileKind::Customers)
    );
    h.get_by_label(&label).click();
    h.run();
    assert!(
        h.query_by_label(BAR).is_none(),
        "the bar is gone once resolved"
    );
    let back = &h.state().doc.ws();
    assert_eq!(back.customers, ws.customers);
    assert_eq!(back.deals, ws.deals, "no deal changed its customer");
    assert!(h.state().doc.read_only().is_empty());
    drop(h);
    assert!(store::load(dir.path()).unwrap().degraded.is_empty());
}

#[test]
fn starting_the_collection_empty_asks_first_and_then_ends_the_degraded_state() {
    let (dir, _) = broken_workspace();
    let mut h = open_app(dir.path());
    h.get_by_label("Start customers.ron empty…").click();
    h.run();
    assert!(
        h.query_by_label(BAR).is_some(),
        "nothing happens before the answer"
    );
    h.get_by_label("Start it empty").click();
    h.run();
    assert!(h.query_by_label(BAR).is_none());
    h.state_mut().flush();
    drop(h);
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.degraded.is_empty());
    assert!(loaded.ws.customers.customers.is_empty());
    let highest = loaded
        .ws
        .deals
        .deals
        .iter()
        .map(|d| d.customer.0)
        .max()
        .unwrap();
    assert!(loaded.ws.customers.customers.next_id > highest);
}
