//! Quitting never drops a change, and failures are shown in the window: the real app
//! over a data dir whose files cannot be written (a folder stands where a collection
//! file should be; root writes through read-only modes, not through this).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::{Change, Record};
use salesdesk::ui::Page;
use std::path::Path;

mod common;
use common::{app_on_disk, harness, lock_and_load, saved_demo};

type H = Harness<'static, SalesDeskApp>;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Renames the first deal, through the one apply path; returns the new title.
fn edit_a_deal(h: &mut H) -> String {
    let mut deal = h.state().doc.ws.deals.deals.rows[0].clone();
    deal.title = "Renamed before quitting".into();
    h.state_mut()
        .doc
        .apply(Change::put(Record::Deal(deal.clone())), "rename")
        .unwrap();
    deal.title
}

/// Frames with a little real time between them, so the writer thread's reports
/// arrive (each frame is a quarter of a second of the app's time).
fn frames(h: &mut H, n: usize) {
    for _ in 0..n {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
}

fn toasts(h: &H) -> Vec<String> {
    h.state().toasts.messages().map(str::to_owned).collect()
}

#[test]
fn a_failed_backup_at_start_is_shown_in_the_window() {
    let dir = saved_demo();
    // A file where the backups folder should be: the copy cannot be made.
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let (lock, loaded) = lock_and_load(dir.path());
    let app = SalesDeskApp::open(loaded, dir.path().to_path_buf(), lock, today()).unwrap();
    let mut h = harness(app, Lang::En, Page::Dashboard);
    frames(&mut h, 4);
    h.get_by_label_contains("Today's backup failed");
}

#[test]
fn opening_the_window_takes_todays_backup_on_the_writer_thread() {
    let dir = saved_demo();
    let (lock, loaded) = lock_and_load(dir.path());
    let mut app = SalesDeskApp::open(loaded, dir.path().to_path_buf(), lock, today()).unwrap();
    app.flush();
    let name = today().format("%Y-%m-%d").to_string();
    assert!(
        dir.path()
            .join("backups")
            .join(name)
            .join("deals.ron")
            .is_file()
    );
}

/// The deals of the newest safety copy (`backups/before-restore-…`).
fn newest_safety_copy(dir: &Path) -> salesdesk::store::BackupInfo {
    salesdesk::store::list_backups(dir)
        .into_iter()
        .find(|b| b.kind == salesdesk::store::BackupKind::BeforeRestore)
        .expect("a safety copy")
}

fn title_in_backup(backup: &Path) -> String {
    let text = std::fs::read_to_string(backup.join("deals.ron")).unwrap();
    let deals: salesdesk::model::DealsFile = ron::from_str(&text).unwrap();
    deals.deals.rows[0].title.clone()
}

#[test]
fn back_up_now_goes_through_the_writer_and_holds_the_change_just_made() {
    let (dir, mut h) = app_on_disk(today(), Page::Data);
    frames(&mut h, 2);
    let title = edit_a_deal(&mut h);
    // At once, before the autosave's quiet spell is over.
    h.get_by_label("Back up now").click();
    h.step();
    h.state_mut().flush();
    frames(&mut h, 1);
    assert!(
        toasts(&h).iter().any(|m| m == "Backup made"),
        "{:?}",
        toasts(&h)
    );
    assert_eq!(title_in_backup(&newest_safety_copy(dir.path()).path), title);
}

#[test]
fn start_empty_backs_up_every_change_first_then_clears() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    frames(&mut h, 2);
    assert!(h.state().doc.ws.settings.demo);
    let title = edit_a_deal(&mut h);
    h.get_by_label("Clear it and start empty").click();
    frames(&mut h, 2);
    h.get_by_label("Confirm").click();
    h.step();
    h.state_mut().flush();
    frames(&mut h, 1);
    assert!(h.state().doc.ws.deals.deals.rows.is_empty(), "cleared");
    assert_eq!(title_in_backup(&newest_safety_copy(dir.path()).path), title);
}

#[test]
fn start_empty_clears_nothing_when_its_backup_fails() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    frames(&mut h, 2);
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let deals = h.state().doc.ws.deals.deals.rows.len();
    h.get_by_label("Clear it and start empty").click();
    frames(&mut h, 2);
    h.get_by_label("Confirm").click();
    h.step();
    h.state_mut().flush();
    frames(&mut h, 1);
    assert_eq!(h.state().doc.ws.deals.deals.rows.len(), deals);
    assert!(
        toasts(&h)
            .iter()
            .any(|m| m.starts_with("Nothing was cleared")),
        "{:?}",
        toasts(&h)
    );
}
