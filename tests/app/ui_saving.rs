//! Quitting never drops a change, and failures are shown in the window: the real app
//! over a data dir whose files cannot be written (a folder stands where a collection
//! file should be; root writes through read-only modes, not through this).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::{Change, FileKind, Record};
use salesdesk::ui::Page;
use std::path::Path;

use crate::common;
use common::{app_on_disk, app_on_disk_in, harness, lock_and_load, saved_demo};

type H = Harness<'static, SalesDeskApp>;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Makes every save of `kind` fail, as a disk that refuses writes does: a folder (not
/// empty) takes the place of the file and of the journal a save would append to.
fn break_file(dir: &Path, kind: FileKind) {
    let path = dir.join(kind.file_name());
    std::fs::remove_file(&path).unwrap();
    for p in [path, dir.join("journal.ron")] {
        let _ = std::fs::remove_file(&p);
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("in-the-way"), b"x").unwrap();
    }
}

fn mend_file(dir: &Path, kind: FileKind) {
    std::fs::remove_dir_all(dir.join(kind.file_name())).unwrap();
    std::fs::remove_dir_all(dir.join("journal.ron")).unwrap();
}

/// Renames the first deal, through the one apply path; returns the new title.
fn edit_a_deal(h: &mut H) -> String {
    let mut deal = h.state().doc.ws().deals.deals.rows[0].clone();
    deal.title = "Renamed before quitting".into();
    h.state_mut()
        .doc
        .apply(Change::put(Record::Deal(deal.clone())), "rename")
        .unwrap();
    deal.title
}

fn title_on_disk(dir: &Path) -> String {
    salesdesk::store::load(dir).unwrap().ws.deals.deals.rows[0]
        .title
        .clone()
}

/// Frames with a little real time between them, so the writer thread's reports
/// arrive (each frame is a quarter of a second of the app's time).
fn frames(h: &mut H, n: usize) {
    for _ in 0..n {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
}

/// Waits for the writer thread to finish what it has, then lets the app read the
/// outcome (at the end of one frame) and show it (in the next).
fn writer_done(h: &mut H) {
    let busy = |h: &H| h.state().storage.as_ref().unwrap().autosaver.busy();
    while busy(h) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.step();
    h.step();
}

/// Writes what is unsaved now and waits for it (as the quit flow does), then lets the
/// app read and show the outcome; true when it is all on disk.
fn save_now(h: &mut H) -> bool {
    let saved = h.state_mut().save_all().is_ok();
    writer_done(h);
    saved
}

fn sent(h: &H, command: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

/// The window's close button: what eframe puts in the input when it is clicked.
fn click_close_button(h: &mut H) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

fn ctrl_q(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.step();
}

fn first_input<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_all_by_role_and_label(Role::TextInput, label)
        .next()
        .unwrap()
}

/// Replaces the text of the first field labelled `label`, as a user would.
fn set_text(h: &mut H, label: &str, text: &str) {
    first_input(h, label).focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    first_input(h, label).type_text(text);
    h.step();
}

#[test]
fn ctrl_q_while_saves_fail_asks_and_retry_saves_then_quits() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    h.run();
    break_file(dir.path(), FileKind::Deals);
    let title = edit_a_deal(&mut h);
    ctrl_q(&mut h);
    assert!(
        !h.state().quit.allowed(),
        "the app quit with the change unsaved"
    );
    assert!(!sent(&h, &egui::ViewportCommand::Close));
    h.step();
    h.get_by_label("Your changes are not saved");
    assert!(h.query_all_by_label_contains("deals.ron").count() >= 1);

    // The disk is back: one more try saves everything, and the app quits.
    mend_file(dir.path(), FileKind::Deals);
    h.get_by_label("Try saving again").click();
    h.step();
    assert!(h.state().quit.allowed());
    assert!(sent(&h, &egui::ViewportCommand::Close));
    assert_eq!(title_on_disk(dir.path()), title);
}

#[test]
fn the_close_button_while_saves_fail_is_held_and_a_copy_goes_elsewhere() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    h.run();
    break_file(dir.path(), FileKind::Deals);
    let title = edit_a_deal(&mut h);
    click_close_button(&mut h);
    assert!(sent(&h, &egui::ViewportCommand::CancelClose));
    assert!(!h.state().quit.allowed());
    h.step();

    let elsewhere = tempfile::tempdir().unwrap();
    let rescue = elsewhere.path().join("rescue");
    set_text(&mut h, "Folder for the copy", &rescue.display().to_string());
    h.get_by_label("Save a copy there").click();
    h.step();
    h.step();
    h.get_by_label_contains("A copy of all the data is in:");
    let copy = salesdesk::store::load(&rescue).unwrap();
    assert!(copy.problems.is_empty(), "{:?}", copy.problems);
    assert_eq!(
        &copy.ws,
        h.state().doc.ws(),
        "the copy holds every collection"
    );
    assert_eq!(copy.ws.deals.deals.rows[0].title, title);

    // Still not closed: quitting is the user's call, worded for what it now means.
    assert!(!h.state().quit.allowed());
    h.get_by_label("Quit").click();
    h.step();
    assert!(h.state().quit.allowed());
    assert!(sent(&h, &egui::ViewportCommand::Close));
}

#[test]
fn quit_and_lose_them_is_said_plainly_and_does_quit_zh() {
    let (dir, mut h) = app_on_disk_in(today(), Page::Dashboard, Lang::Zh);
    h.run();
    break_file(dir.path(), FileKind::Deals);
    edit_a_deal(&mut h);
    ctrl_q(&mut h);
    h.step();
    h.get_by_label("更改尚未保存");
    // Going back keeps the window and the change.
    h.get_by_label("返回，不退出").click();
    frames(&mut h, 2);
    assert!(!h.state().quit.allowed());
    assert!(h.query_by_label("更改尚未保存").is_none());
    ctrl_q(&mut h);
    h.step();
    h.get_by_label("退出，丢弃这些更改").click();
    h.step();
    assert!(h.state().quit.allowed());
    assert!(sent(&h, &egui::ViewportCommand::Close));
}

#[test]
fn quitting_with_everything_saved_closes_at_once_and_writes_what_was_unsaved() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    h.run();
    let title = edit_a_deal(&mut h);
    click_close_button(&mut h);
    assert!(h.state().quit.allowed());
    assert!(sent(&h, &egui::ViewportCommand::Close));
    assert!(h.query_by_label("Your changes are not saved").is_none());
    assert_eq!(title_on_disk(dir.path()), title);
}

#[test]
fn failing_saves_show_one_status_and_retries_back_off() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    h.run();
    break_file(dir.path(), FileKind::Deals);
    let title = edit_a_deal(&mut h);
    // Ten seconds of the app's time (at a quarter of a second a frame).
    frames(&mut h, 40);
    writer_done(&mut h);
    let failed = |h: &H| {
        h.state()
            .toasts
            .messages()
            .filter(|m| m.contains("Save failed"))
            .count()
    };
    assert!(failed(&h) <= 1, "{} error toasts", failed(&h));
    assert_eq!(
        h.query_all_by_label_contains("Your changes are not saved:")
            .count(),
        1
    );
    h.get_by_label_contains("deals.ron");
    // Without a back-off this would be some 20 tries (one every half second).
    let tries = h.state().save_status.failures();
    assert!((1..=3).contains(&tries), "{tries} tries in 10 s");

    // The disk is back: Retry writes at once and the bar goes.
    mend_file(dir.path(), FileKind::Deals);
    h.get_by_label("Retry now").click();
    h.step();
    writer_done(&mut h);
    assert!(
        h.query_by_label_contains("Your changes are not saved:")
            .is_none()
    );
    assert_eq!(title_on_disk(dir.path()), title);
}

#[test]
fn the_save_status_and_the_not_saved_settings_speak_chinese_zh() {
    let (dir, mut h) = app_on_disk_in(today(), Page::Data, Lang::Zh);
    frames(&mut h, 2);
    break_file(dir.path(), FileKind::Settings);
    save_a_setting(&mut h, Lang::Zh, "18");
    assert!(!save_now(&mut h));
    h.get_by_label_contains("更改尚未保存：");
    h.get_by_label("立即重试");
    assert!(
        toasts(&h).iter().any(|m| m.starts_with("设置未能保存")),
        "{:?}",
        toasts(&h)
    );
}

/// Changes the first stage probability on the open Data page and clicks Save.
fn save_a_setting(h: &mut H, lang: Lang, value: &str) {
    let (label, save) = match lang {
        Lang::Zh => ("各阶段默认赢单概率（%）", "保存"),
        Lang::En => ("Default win probability per stage (%)", "Save"),
    };
    set_text(h, label, value);
    h.get_by_label(save).click();
    h.step();
}

fn toasts(h: &H) -> Vec<String> {
    h.state().toasts.messages().map(str::to_owned).collect()
}

#[test]
fn settings_saved_is_said_only_once_the_disk_has_them() {
    let (dir, mut h) = app_on_disk(today(), Page::Data);
    frames(&mut h, 2);
    break_file(dir.path(), FileKind::Settings);
    save_a_setting(&mut h, Lang::En, "17");
    assert_eq!(h.state().doc.ws().settings.stage_probability[0], 17);
    assert!(!save_now(&mut h));
    let said = toasts(&h);
    assert!(!said.iter().any(|m| m == "Settings saved"), "{said:?}");
    assert!(
        said.iter()
            .any(|m| m.starts_with("The settings were not saved") && m.contains("settings.ron")),
        "{said:?}"
    );

    // Once the write goes through, it is said.
    mend_file(dir.path(), FileKind::Settings);
    h.get_by_label("Retry now").click();
    h.step();
    writer_done(&mut h);
    assert!(
        toasts(&h).iter().any(|m| m == "Settings saved"),
        "{:?} {:?}",
        toasts(&h),
        h.state().save_status.error()
    );
}

#[test]
fn a_failed_backup_at_start_is_shown_in_the_window() {
    let dir = saved_demo();
    // A file where the backups folder should be: the copy cannot be made.
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let (lock, loaded) = lock_and_load(dir.path());
    let app = SalesDeskApp::open(loaded, dir.path().to_path_buf(), lock, today()).unwrap();
    let mut h = harness(app, Lang::En, Page::Dashboard);
    writer_done(&mut h);
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

/// The newest backup of `kind`: "Back up now" makes `backups/manual-…`, starting empty
/// `backups/before-restore-…`.
fn newest_copy(dir: &Path, kind: salesdesk::store::BackupKind) -> salesdesk::store::BackupInfo {
    salesdesk::store::list_backups(dir)
        .into_iter()
        .find(|b| b.kind == kind)
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
    let copy = newest_copy(dir.path(), salesdesk::store::BackupKind::Manual);
    assert_eq!(title_in_backup(&copy.path), title);
}

#[test]
fn start_empty_backs_up_every_change_first_then_clears() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    frames(&mut h, 2);
    assert!(h.state().doc.ws().settings.demo);
    let title = edit_a_deal(&mut h);
    h.get_by_label("Clear it and start empty").click();
    frames(&mut h, 2);
    h.get_by_label("Confirm").click();
    h.step();
    h.state_mut().flush();
    frames(&mut h, 1);
    assert!(h.state().doc.ws().deals.deals.rows.is_empty(), "cleared");
    let copy = newest_copy(dir.path(), salesdesk::store::BackupKind::BeforeRestore);
    assert_eq!(title_in_backup(&copy.path), title);
}

#[test]
fn start_empty_clears_nothing_when_its_backup_fails() {
    let (dir, mut h) = app_on_disk(today(), Page::Dashboard);
    frames(&mut h, 2);
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let deals = h.state().doc.ws().deals.deals.rows.len();
    h.get_by_label("Clear it and start empty").click();
    frames(&mut h, 2);
    h.get_by_label("Confirm").click();
    h.step();
    h.state_mut().flush();
    frames(&mut h, 1);
    assert_eq!(h.state().doc.ws().deals.deals.rows.len(), deals);
    assert!(
        toasts(&h)
            .iter()
            .any(|m| m.starts_with("Nothing was cleared")),
        "{:?}",
        toasts(&h)
    );
}
