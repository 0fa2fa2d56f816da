//! Backups that do not grow with an unchanged workspace: a file whose bytes did not
//! change since the newest earlier backup is shared with it (a hard link between
//! backups), never with the data folder; each backup notes when it was taken and what
//! it holds; "Back up now" says it made the backup; a first start is backed up.

use crate::common;

use chrono::NaiveDate;
use salesdesk::model::{FileKind, RecordKind};
use salesdesk::store::{self, BackupKind};
use std::path::Path;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
}

fn collection_files(dir: &Path) -> Vec<std::path::PathBuf> {
    FileKind::ALL
        .iter()
        .map(|k| dir.join(k.file_name()))
        .filter(|p| p.is_file())
        .collect()
}

/// Bytes a folder's files take that no other name shares.
#[cfg(unix)]
fn own_bytes(dir: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.metadata().unwrap())
        .filter(|m| m.is_file() && m.nlink() == 1)
        .map(|m| m.len())
        .sum()
}

#[cfg(unix)]
#[test]
fn a_backup_of_an_unchanged_workspace_shares_every_file_with_the_one_before() {
    let dir = common::saved_demo();
    let d = dir.path();
    let first = store::daily_backup(d, day(1)).unwrap().unwrap();
    let second = store::daily_backup(d, day(2)).unwrap().unwrap();
    for f in collection_files(&second) {
        let name = f.file_name().unwrap();
        assert_eq!(inode(&f), inode(&first.join(name)), "{name:?} is shared");
    }
    // What the second backup adds on disk: its note, a few dozen bytes.
    assert!(own_bytes(&second) < 1_000, "{}", own_bytes(&second));
    let listed = store::list_backups(d);
    let info = listed.iter().find(|b| b.path == second).unwrap();
    assert!(
        info.bytes > 100_000,
        "the backup still holds all: {}",
        info.bytes
    );
    assert_eq!(info.own_bytes, 0, "every workspace file is shared");
}

#[cfg(unix)]
#[test]
fn a_changed_file_is_copied_the_unchanged_ones_shared_and_none_shares_the_data_folder() {
    let dir = common::saved_demo();
    let d = dir.path();
    let first = store::daily_backup(d, day(1)).unwrap().unwrap();
    let mut ws = store::load(d).unwrap().ws;
    std::sync::Arc::make_mut(&mut ws.deals).deals.rows[0].title = "改过的商机".into();
    store::save(d, &ws, &[FileKind::Deals].into_iter().collect()).unwrap();
    let second = store::daily_backup(d, day(2)).unwrap().unwrap();
    let deals = second.join("deals.ron");
    assert_ne!(
        inode(&deals),
        inode(&first.join("deals.ron")),
        "changed: a copy"
    );
    assert_eq!(
        std::fs::read(&deals).unwrap(),
        std::fs::read(d.join("deals.ron")).unwrap()
    );
    let customers = second.join("customers.ron");
    assert_eq!(inode(&customers), inode(&first.join("customers.ron")));
    // The data folder's files are its own, so damage there never reaches a backup.
    let data: Vec<u64> = collection_files(d).iter().map(|f| inode(f)).collect();
    for b in [&first, &second] {
        for f in collection_files(b) {
            assert!(
                !data.contains(&inode(&f)),
                "{f:?} shares the data folder's file"
            );
        }
    }
    // A restore brings plain files of the data folder's own.
    store::restore_backup(d, &first).unwrap();
    for f in collection_files(d) {
        let backup_copy = first.join(f.file_name().unwrap());
        assert_ne!(inode(&f), inode(&backup_copy));
        assert_eq!(
            std::fs::read(&f).unwrap(),
            std::fs::read(&backup_copy).unwrap()
        );
    }
    assert_eq!(store::load(d).unwrap().ws.deals.deals.rows[0].title, {
        let first_ws = store::load(&first).unwrap().ws;
        first_ws.deals.deals.rows[0].title.clone()
    });
}

#[test]
fn rotation_keeps_the_newer_backups_whole_when_the_old_one_they_share_with_goes() {
    let dir = common::saved_demo();
    let d = dir.path();
    for i in 1..=(store::KEEP_DAILY as u32 + 5) {
        store::daily_backup(d, day(i)).unwrap();
    }
    let listed = store::list_backups(d);
    assert_eq!(listed.len(), store::KEEP_DAILY);
    assert!(
        !listed.iter().any(|b| b.name == "2026-12-01"),
        "the oldest went"
    );
    let data = std::fs::read(d.join("customers.ron")).unwrap();
    for b in &listed {
        assert!(b.sound, "{}: {:?}", b.name, b.problems);
        assert_eq!(std::fs::read(b.path.join("customers.ron")).unwrap(), data);
    }
}

#[test]
fn each_backup_says_when_it_was_taken_and_how_many_records_it_holds() {
    let dir = common::saved_demo();
    let d = dir.path();
    let ws = store::load(d).unwrap().ws;
    let before = chrono::Local::now().naive_local();
    store::daily_backup(d, before.date()).unwrap().unwrap();
    let info = &store::list_backups(d)[0];
    assert_eq!(info.kind, BackupKind::Daily);
    assert!(
        info.taken >= before - chrono::Duration::seconds(1),
        "{}",
        info.taken
    );
    let count = |k| info.records.iter().find(|(r, _)| *r == k).map(|(_, n)| *n);
    assert_eq!(count(RecordKind::Deal), Some(ws.deals.deals.rows.len()));
    assert_eq!(
        count(RecordKind::Customer),
        Some(ws.customers.customers.rows.len())
    );
    assert_eq!(
        count(RecordKind::Expense),
        Some(ws.budget.expenses.rows.len())
    );
}

#[test]
fn back_up_now_is_a_manual_backup_listed_first_and_kept_in_its_own_rotation() {
    let dir = common::saved_demo();
    let d = dir.path();
    store::daily_backup(d, day(1)).unwrap();
    let saver = store::Autosaver::new(d.to_path_buf()).unwrap();
    saver.safety_copy(store::SafetyCopy::BackUpNow);
    saver.flush().unwrap();
    let done = saver.take_safety_done();
    assert_eq!(done.len(), 1);
    let made = done[0].result.as_ref().unwrap();
    let name = made.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("manual-"), "{name}");
    let listed = store::list_backups(d);
    assert_eq!(listed[0].kind, BackupKind::Manual);
    assert_eq!(listed[0].name, name);
    assert_eq!(listed[1].name, "2026-12-01");
}

/// The Data page lists each backup with its time, what made it and what it holds, in
/// both languages; "Back up now" is no longer called a copy "taken before a restore".
#[test]
fn the_data_page_says_when_each_backup_was_taken_what_made_it_and_what_it_holds() {
    use egui_kittest::kittest::Queryable;
    use salesdesk::i18n::Lang;
    use salesdesk::ui::Page;
    for (lang, button, manual, daily, deals) in [
        (
            Lang::En,
            "Back up now",
            "made with Back up now",
            "daily backup",
            "deals",
        ),
        (Lang::Zh, "立即备份", "手动备份", "每日自动备份", "个商机"),
    ] {
        // The window's own day is the real one: a window whose day is not today takes
        // today's daily backup on its first frame, a third entry this test does not expect.
        let today = chrono::Local::now().date_naive();
        let (dir, mut h) = common::app_on_disk_in(today, Page::Data, lang);
        store::daily_backup(dir.path(), today.pred_opt().unwrap()).unwrap();
        h.step();
        h.get_by_label(button).click();
        for _ in 0..3 {
            h.step();
        }
        h.state_mut().flush();
        h.state_mut().pages.data.refresh_backups();
        for _ in 0..200 {
            h.step();
            if h.query_by_label(manual).is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        h.get_by_label(manual);
        h.get_by_label(daily);
        let n = store::load(dir.path()).unwrap().ws.deals.deals.rows.len();
        let holding = h.get_all_by_label_contains(&format!("{n} {deals}")).count();
        assert_eq!(holding, 2, "{lang:?}: both backups say how many deals");
        let minute = chrono::Local::now().format("%Y-%m-%d %H:").to_string();
        assert!(
            h.query_all_by_label_contains(&minute).next().is_some(),
            "{lang:?}: the manual backup's time"
        );
        assert!(
            h.query_by_label_contains("taken before a restore")
                .is_none()
        );
    }
}
