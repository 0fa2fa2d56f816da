//! The journal: a save appends what changed; the files are rewritten only when the
//! journal is folded in (compacted). Every reader replays it; a torn tail is dropped and
//! reported; backups and restores deal in plain files.

use crate::common;

use common::{assert_same_tree, saved_demo, tree};
use salesdesk::model::{Change, Document, FileKind, Record, Workspace};
use salesdesk::store::{self, Journal, Saved};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

fn load(dir: &Path) -> store::Loaded {
    let _lock = store::acquire_lock(dir).unwrap();
    store::load(dir).unwrap()
}

/// Edits the first deal's notes through the apply path; returns the dirty files.
fn edit_deal(doc: &mut Document, notes: &str) -> BTreeSet<FileKind> {
    let mut deal = doc.ws().deals.deals.rows[0].clone();
    deal.notes = notes.into();
    doc.apply(Change::put(Record::Deal(deal)), "edit").unwrap();
    doc.take_dirty()
}

fn first_notes(ws: &Workspace) -> &str {
    &ws.deals.deals.rows[0].notes
}

fn journal_of(dir: &Path) -> PathBuf {
    dir.join("journal.ron")
}

#[test]
fn an_edit_is_appended_to_the_journal_and_the_files_stay_as_they_were() {
    let dir = saved_demo();
    let d = dir.path();
    let deals_before = std::fs::read(d.join("deals.ron")).unwrap();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws));
    let files = edit_deal(&mut doc, "journaled");
    let saved = journal.save(doc.ws(), &files).unwrap();
    let Saved::Journaled(bytes) = saved else {
        panic!("expected an append, got {saved:?}");
    };
    assert!(bytes < 4096, "one edited deal took {bytes} bytes");
    assert_eq!(std::fs::metadata(journal_of(d)).unwrap().len(), bytes);
    assert_eq!(std::fs::read(d.join("deals.ron")).unwrap(), deals_before);
    // The next start replays it, then folds it into the files.
    let again = load(d);
    assert_eq!(first_notes(&again.ws), "journaled");
    assert_eq!(&again.ws, doc.ws());
    assert!(
        !journal_of(d).exists(),
        "the start folds the journal into the files"
    );
    assert_ne!(std::fs::read(d.join("deals.ron")).unwrap(), deals_before);
    assert_eq!(first_notes(&load(d).ws), "journaled");
}

#[test]
fn a_torn_journal_tail_is_dropped_and_reported_and_whole_entries_are_kept() {
    let dir = saved_demo();
    let d = dir.path();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws));
    for notes in ["one", "two"] {
        let files = edit_deal(&mut doc, notes);
        journal.save(doc.ws(), &files).unwrap();
    }
    // A kill in the middle of the third append.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(journal_of(d))
        .unwrap();
    f.write_all(b"1234abcd (Put(Deal((id:").unwrap();
    drop(f);
    let checked = store::check_report(d);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert_eq!(first_notes(&checked.ws), "two");
    let notes = checked.notes.join("\n");
    assert!(notes.contains("holds 2 saved change(s)"), "{notes}");
    assert!(notes.contains("line 3"), "{notes}");
    let again = load(d);
    assert_eq!(first_notes(&again.ws), "two");
    assert_eq!(
        again.recovered,
        Some(store::Recovered::RolledBack(vec!["journal.ron".into()]))
    );
    assert!(!journal_of(d).exists());
    assert!(store::check(d).is_empty());
}

#[test]
fn check_and_report_replay_the_journal_and_write_nothing() {
    let dir = saved_demo();
    let d = dir.path();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws));
    let key = salesdesk::model::RecordKey::Deal(doc.ws().deals.deals.rows[1].id);
    let delete = doc.delete_with_dependents(key);
    doc.apply(delete, "delete").unwrap();
    let files = doc.take_dirty();
    journal.save(doc.ws(), &files).unwrap();
    let before = tree(d);
    let checked = store::check_report(d);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert_eq!(&checked.ws, doc.ws());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = salesdesk::cli::report::run(
        d,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        true,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_slice(&out).expect("stdout is only JSON");
    assert_eq!(json["counts"]["deals"], doc.ws().deals.deals.len());
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains("note: journal.ron holds 1 saved change(s)"),
        "{err}"
    );
    assert_same_tree(&before, &tree(d), "check and report");
}

#[test]
fn a_save_too_large_for_the_journal_rewrites_the_files_and_drops_the_journal() {
    let dir = saved_demo();
    let d = dir.path();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws)).compact_at(2_000);
    let files = edit_deal(&mut doc, "small");
    assert!(matches!(
        journal.save(doc.ws(), &files),
        Ok(Saved::Journaled(_))
    ));
    // Past the limit: the files take everything, the first edit included.
    let files = edit_deal(&mut doc, &"large ".repeat(400));
    assert_eq!(journal.save(doc.ws(), &files).unwrap(), Saved::Compacted);
    assert!(!journal_of(d).exists());
    let checked = store::check_report(d);
    assert!(checked.notes.is_empty(), "{:?}", checked.notes);
    assert_eq!(&checked.ws, doc.ws());
}

#[test]
fn the_writer_folds_the_journal_in_before_a_backup_and_on_a_clean_stop() {
    let dir = saved_demo();
    let d = dir.path();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let saver = store::Autosaver::with_base(d.to_path_buf(), loaded.ws).unwrap();
    let files = edit_deal(&mut doc, "before the backup");
    saver.submit(doc.ws().clone(), files, doc.revision());
    saver.flush().unwrap();
    assert!(journal_of(d).exists(), "an edit is journaled");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    saver.daily_backup(today);
    saver.flush().unwrap();
    let backup = d.join("backups").join("2026-11-30");
    assert!(
        !backup.join("journal.ron").exists(),
        "a backup is plain files"
    );
    assert!(!journal_of(d).exists());
    let text = std::fs::read_to_string(backup.join("deals.ron")).unwrap();
    assert!(text.contains("before the backup"));
    // Another edit, then a clean stop.
    let files = edit_deal(&mut doc, "before the stop");
    saver.submit(doc.ws().clone(), files, doc.revision());
    saver.flush().unwrap();
    assert!(journal_of(d).exists());
    drop(saver);
    assert!(!journal_of(d).exists(), "a clean stop folds the journal in");
    let text = std::fs::read_to_string(d.join("deals.ron")).unwrap();
    assert!(text.contains("before the stop"));
}

#[test]
fn a_restore_drops_our_journal_and_keeps_it_in_the_before_restore_copy() {
    let dir = saved_demo();
    let d = dir.path();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let backup = store::daily_backup(d, today).unwrap().unwrap();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws.clone()));
    let files = edit_deal(&mut doc, "after the backup");
    journal.save(doc.ws(), &files).unwrap();
    store::restore_backup(d, &backup).unwrap();
    assert!(!journal_of(d).exists());
    let restored = load(d);
    assert_eq!(first_notes(&restored.ws), first_notes(&loaded.ws));
    // The copy taken before the restore holds the edit: files plus its journal.
    let before = store::list_backups(d)
        .into_iter()
        .find(|b| b.kind == store::BackupKind::BeforeRestore)
        .expect("a before-restore copy");
    assert!(before.path.join("journal.ron").exists());
    store::restore_backup(d, &before.path).unwrap();
    assert_eq!(first_notes(&load(d).ws), "after the backup");
}

#[test]
fn changes_to_a_set_aside_file_are_kept_in_a_copy_of_the_journal() {
    let dir = saved_demo();
    let d = dir.path();
    let loaded = load(d);
    let mut doc = Document::new(loaded.ws.clone());
    let mut journal = Journal::open(d, Some(loaded.ws));
    let files = edit_deal(&mut doc, "kept");
    journal.save(doc.ws(), &files).unwrap();
    // deals.ron is damaged before the next start: its collection is set aside.
    std::fs::write(d.join("deals.ron"), "(deals: (next_id: 1, rows: [").unwrap();
    let again = load(d);
    assert!(again.degraded_files().contains(&FileKind::Deals));
    assert!(
        !d.join("deals.ron").exists(),
        "no empty file takes its place"
    );
    let kept: Vec<PathBuf> = std::fs::read_dir(d.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("journal-kept-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(std::fs::read_to_string(&kept[0]).unwrap().contains("kept"));
}
