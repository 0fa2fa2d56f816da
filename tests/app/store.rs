//! The store keeps the user's data safe: round trips, atomic writes, corrupt files set
//! aside, backups and restore, the lock, migration, `check` and autosave.

use chrono::NaiveDate;
use salesdesk::model::*;
use salesdesk::store::{self, StoreError};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const FIXTURE_V1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/v1/workspace.ron"
);

fn all() -> BTreeSet<FileKind> {
    FileKind::ALL.into_iter().collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A small, hand-readable workspace: the schema-1 fixture's content.
fn sample() -> Workspace {
    let text = std::fs::read_to_string(FIXTURE_V1).unwrap();
    ron::from_str::<store::WorkspaceV1>(&text)
        .unwrap()
        .into_workspace()
}

fn demo(deals: usize) -> Workspace {
    salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals }, day(2026, 3, 14))
}

/// A data dir holding `ws`, saved in full.
fn saved(ws: &Workspace) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    store::save(dir.path(), ws, &all()).unwrap();
    dir
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn check_cli(dir: &Path) -> (i32, String) {
    let mut out = Vec::new();
    let code = salesdesk::cli::check::run(dir, &mut out);
    (code, String::from_utf8(out).unwrap())
}

// ---------------------------------------------------------------- round trip, layout

#[test]
fn a_full_demo_workspace_round_trips() {
    let ws = demo(300);
    assert!(ws.deals.deals.len() >= 300, "the demo has deals");
    assert!(!ws.customers.customers.is_empty());
    let dir = saved(&ws);
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.fresh);
    assert_eq!(loaded.migrated_from, None);
    assert_eq!(loaded.ws, ws);
    // One record per line: the file is as long as its records, plus a few lines.
    let text = std::fs::read_to_string(dir.path().join("deals.ron")).unwrap();
    assert!(text.lines().count() < ws.deals.deals.len() + 10);
    assert!(text.lines().any(|l| l.trim_start().starts_with("(id: 1,")));
}

#[test]
fn an_empty_dir_loads_fresh_and_a_missing_file_loads_default() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = store::load(dir.path()).unwrap();
    assert!(fresh.fresh);
    assert_eq!(fresh.ws, Workspace::default());

    let ws = sample();
    let dir = saved(&ws);
    std::fs::remove_file(dir.path().join("me.ron")).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty());
    assert!(!loaded.fresh);
    assert_eq!(loaded.ws.deals, ws.deals);
    assert_eq!(loaded.ws.me, Arc::new(MeFile::default()));
}

#[test]
fn save_writes_only_the_given_files_and_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    store::save(dir.path(), &sample(), &[FileKind::Deals].into()).unwrap();
    assert_eq!(names_in(dir.path()), ["deals.ron", "manifest.ron"]);
    let manifest = std::fs::read_to_string(dir.path().join("manifest.ron")).unwrap();
    assert!(manifest.contains("schema_version: 3"), "{manifest}");
}

#[test]
fn the_data_dir_option_wins_and_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let want = dir.path().join("nested").join("data");
    let got = store::resolve_data_dir(Some(want.clone())).unwrap();
    assert_eq!(got, want);
    assert!(want.is_dir());
}

// ---------------------------------------------------------------- atomic writes

#[test]
fn a_torn_temp_file_never_replaces_the_good_file() {
    let ws = sample();
    let dir = saved(&ws);
    let good = std::fs::read(dir.path().join("deals.ron")).unwrap();
    // A crash mid-write leaves a half-written temp beside the good file.
    let torn = dir.path().join(".deals.ron.tmp-999999999-0");
    std::fs::write(&torn, &good[..good.len() / 2]).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.ws.deals, ws.deals);
    assert!(!torn.exists(), "stale temp files are cleaned up at load");
    assert_eq!(std::fs::read(dir.path().join("deals.ron")).unwrap(), good);
}

#[test]
fn a_failed_write_leaves_the_old_bytes_untouched() {
    let dir = saved(&sample());
    let path = dir.path().join("deals.ron");
    let before = std::fs::read(&path).unwrap();
    let result = store::atomic::write_with(&path, |w| {
        w.write_all(b"(deals: (next_id: 1, rows: [")?;
        Err(std::io::Error::other("the disk is full"))
    });
    assert!(matches!(result, Err(StoreError::Io { .. })));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(
        names_in(dir.path()).iter().all(|n| !n.contains(".tmp-")),
        "the temp file is removed"
    );
}

/// If save wrote into the file in place, a hard link to it would see the new bytes;
/// a rename puts a new file under the name and leaves the old one whole.
#[cfg(unix)]
#[test]
fn save_replaces_files_by_rename() {
    let dir = saved(&sample());
    let path = dir.path().join("deals.ron");
    let before = std::fs::read(&path).unwrap();
    let old = dir.path().join("old-deals-link");
    std::fs::hard_link(&path, &old).unwrap();
    store::save(dir.path(), &Workspace::default(), &[FileKind::Deals].into()).unwrap();
    assert_eq!(std::fs::read(&old).unwrap(), before);
    assert_ne!(std::fs::read(&path).unwrap(), before);
}

// ---------------------------------------------------------------- corrupt files

#[test]
fn a_corrupt_file_is_set_aside_byte_for_byte_and_the_rest_loads() {
    let ws = sample();
    let dir = saved(&ws);
    let path = dir.path().join("deals.ron");
    // The first deal gets a word where its amount belongs. CRLF line ends make the
    // byte-for-byte comparison below meaningful.
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let row = lines
        .iter()
        .position(|l| l.trim_start().starts_with("(id: 1,"))
        .unwrap();
    lines[row] = lines[row].replacen("amount: ", "amount: twelve", 1);
    let broken = lines.join("\r\n").into_bytes();
    std::fs::write(&path, &broken).unwrap();

    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let p = &loaded.problems[0];
    assert_eq!(p.file, "deals.ron");
    assert_eq!(p.line, Some(row + 1));
    assert!(p.column.is_some());
    let moved = p.moved_to.clone().expect("set aside");
    let name = moved.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("deals.ron.corrupt-"), "{name}");
    assert_eq!(std::fs::read(&moved).unwrap(), broken, "byte for byte");
    assert!(!path.exists(), "the name is free for a good file");
    assert!(loaded.ws.deals.deals.is_empty());
    assert_eq!(loaded.ws.customers, ws.customers);
    assert_eq!(loaded.ws.team, ws.team);

    // The next start does not treat this as a first start, and still says the file
    // is missing (the workspace stays degraded until it is resolved).
    let again = store::load(dir.path()).unwrap();
    assert!(!again.fresh);
    assert_eq!(again.problems.len(), 1, "{:?}", again.problems);
    assert_eq!(again.problems[0].line, Some(row + 1));
    assert_eq!(again.degraded_files(), [FileKind::Deals].into());
}

#[test]
fn a_corrupt_file_set_aside_twice_in_one_second_keeps_both() {
    let dir = saved(&sample());
    std::fs::write(dir.path().join("team.ron"), "first (").unwrap();
    let a = store::load(dir.path()).unwrap().problems[0]
        .moved_to
        .clone()
        .unwrap();
    std::fs::write(dir.path().join("team.ron"), "second (").unwrap();
    let b = store::load(dir.path()).unwrap().problems[0]
        .moved_to
        .clone()
        .unwrap();
    assert_ne!(a, b);
    assert_eq!(std::fs::read_to_string(a).unwrap(), "first (");
    assert_eq!(std::fs::read_to_string(b).unwrap(), "second (");
}

#[test]
fn a_newer_schema_is_refused_and_nothing_changes() {
    let dir = saved(&sample());
    let manifest = dir.path().join("manifest.ron");
    std::fs::write(
        &manifest,
        "(schema_version: 4, app_version: \"9.0.0\", something_new: 1)",
    )
    .unwrap();
    let before = names_in(dir.path());
    match store::load(dir.path()) {
        Err(e @ StoreError::NewerSchema { found: 4, .. }) => {
            assert!(e.to_string().contains("newer SalesDesk"), "{e}");
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(names_in(dir.path()), before);
}

// ---------------------------------------------------------------- backups

#[test]
fn backups_rotate_keeping_the_newest_fourteen() {
    let dir = saved(&sample());
    let start = day(2026, 1, 1);
    for i in 0..15 {
        let made = store::daily_backup(dir.path(), start + chrono::Days::new(i)).unwrap();
        assert!(made.is_some());
    }
    // At most one per day.
    assert_eq!(
        store::daily_backup(dir.path(), day(2026, 1, 15)).unwrap(),
        None
    );
    let list = store::list_backups(dir.path());
    assert_eq!(list.len(), 14);
    assert_eq!(list[0].name, "2026-01-15", "newest first");
    assert_eq!(list[13].name, "2026-01-02", "the oldest went");
    assert!(!dir.path().join("backups/2026-01-01").exists());
    for b in &list {
        assert!(b.sound, "{:?}", b.problems);
        assert_eq!(b.files, 10, "manifest and nine collections");
        assert!(b.bytes > 0);
    }
}

#[test]
fn restore_brings_a_backup_back_and_keeps_a_pre_restore_copy() {
    let old = sample();
    let dir = saved(&old);
    let backup = store::daily_backup(dir.path(), day(2026, 2, 1))
        .unwrap()
        .unwrap();

    // Work goes on: a deal is removed and saved.
    let mut doc = Document::new(old.clone());
    doc.apply(Change::Remove(RecordKey::Deal(DealId(1))), "remove")
        .unwrap();
    let dirty = doc.take_dirty();
    store::save(dir.path(), doc.ws(), &dirty).unwrap();
    let newer = std::fs::read(dir.path().join("deals.ron")).unwrap();

    store::restore_backup(dir.path(), &backup).unwrap();
    assert_eq!(store::load(dir.path()).unwrap().ws, old);

    let list = store::list_backups(dir.path());
    let pre = list
        .iter()
        .find(|b| b.kind == store::BackupKind::BeforeRestore)
        .expect("a pre-restore copy");
    assert!(pre.name.starts_with("before-restore-"));
    assert_eq!(std::fs::read(pre.path.join("deals.ron")).unwrap(), newer);
    assert!(!dir.path().join("restore-pending.ron").exists());

    // The restore can itself be undone.
    store::restore_backup(dir.path(), &pre.path.clone()).unwrap();
    assert_eq!(store::load(dir.path()).unwrap().ws, *doc.ws());
}

#[test]
fn an_unsound_backup_is_flagged_and_never_restored() {
    let dir = saved(&sample());
    let backup = store::daily_backup(dir.path(), day(2026, 2, 1))
        .unwrap()
        .unwrap();
    std::fs::write(backup.join("customers.ron"), "(customers: oops").unwrap();
    let info = &store::list_backups(dir.path())[0];
    assert!(!info.sound);
    assert_eq!(info.problems[0].file, "customers.ron");
    let before = std::fs::read(dir.path().join("customers.ron")).unwrap();
    let err = store::restore_backup(dir.path(), &backup).unwrap_err();
    assert!(matches!(err, StoreError::UnsoundBackup { .. }), "{err}");
    assert_eq!(
        std::fs::read(dir.path().join("customers.ron")).unwrap(),
        before
    );
}

#[test]
fn a_restore_interrupted_by_a_crash_is_finished_at_load() {
    let old = sample();
    let dir = saved(&old);
    let backup = store::daily_backup(dir.path(), day(2026, 2, 1))
        .unwrap()
        .unwrap();
    store::save(dir.path(), &Workspace::default(), &all()).unwrap();
    // The crash came after the marker was written and one file was copied.
    let marker = format!("(backup: {:?})", backup.to_string_lossy());
    std::fs::write(dir.path().join("restore-pending.ron"), marker).unwrap();
    std::fs::copy(backup.join("deals.ron"), dir.path().join("deals.ron")).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.ws, old);
    assert!(!dir.path().join("restore-pending.ron").exists());
}

// ---------------------------------------------------------------- lock

#[test]
fn the_lock_refuses_a_second_writer_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let first = store::acquire_lock(dir.path()).unwrap();
    let second = store::acquire_lock(dir.path());
    match second {
        Err(e @ StoreError::AlreadyRunning { .. }) => {
            assert!(e.to_string().contains("already running"), "{e}");
        }
        other => panic!("expected AlreadyRunning, got {other:?}"),
    }
    drop(first);
    let third = store::acquire_lock(dir.path());
    assert!(third.is_ok(), "{third:?}");
}

#[test]
fn the_lock_holds_when_its_file_is_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let _first = store::acquire_lock(dir.path()).unwrap();
    std::fs::remove_file(dir.path().join("salesdesk.lock")).unwrap();
    // A second writer (`salesdesk import`, another window) is still refused.
    let second = store::acquire_lock(dir.path());
    assert!(
        matches!(second, Err(StoreError::AlreadyRunning { .. })),
        "{second:?}"
    );
    // Refusing creates nothing.
    assert!(!dir.path().join("salesdesk.lock").exists());
}

#[test]
fn the_lock_file_names_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let _first = store::acquire_lock(dir.path()).unwrap();
    match store::acquire_lock(dir.path()) {
        Err(StoreError::AlreadyRunning { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
        other => panic!("expected AlreadyRunning, got {other:?}"),
    }
}

// ---------------------------------------------------------------- migration

fn v1_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(FIXTURE_V1, dir.path().join("workspace.ron")).unwrap();
    dir
}

fn assert_fixture_contents(ws: &Workspace) {
    let names: Vec<&str> = ws.team.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["王磊", "Li Na 李娜"]);
    assert_eq!(ws.customers.customers.len(), 2);
    assert_eq!(ws.customer_name(CustomerId(1)), "上海精工机械有限公司");
    let stages: Vec<Stage> = ws.deals.deals.iter().map(|d| d.stage).collect();
    assert_eq!(stages, [Stage::Quote, Stage::Won, Stage::Lost]);
    assert_eq!(ws.deals.deals.rows[0].amount, Money::from_major(480_000));
    assert_eq!(ws.deals.deals.next_id, 4);
    assert_eq!(ws.team.setup.team_name, "华东销售一组");
    assert_eq!(ws.settings.stage_probability, [10, 30, 55, 85]);
    assert_eq!(ws.budget.expenses.len(), 1);
    assert_eq!(ws.me.tasks.len(), 1);
}

#[test]
fn the_v1_fixture_migrates_to_per_collection_files() {
    let dir = v1_dir();
    let original = std::fs::read(FIXTURE_V1).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.fresh);
    assert_fixture_contents(&loaded.ws);

    let names = names_in(dir.path());
    for kind in FileKind::ALL {
        assert!(names.contains(&kind.file_name().to_string()), "{names:?}");
    }
    assert!(!dir.path().join("workspace.ron").exists());
    let kept = dir.path().join("workspace.ron.v1-migrated");
    assert_eq!(std::fs::read(kept).unwrap(), original);
    let manifest = std::fs::read_to_string(dir.path().join("manifest.ron")).unwrap();
    assert!(manifest.contains("schema_version: 3"));

    let again = store::load(dir.path()).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.ws, loaded.ws);
}

#[test]
fn an_interrupted_migration_finishes_safely() {
    // Crash while splitting: some new files exist, workspace.ron is untouched.
    let dir = v1_dir();
    std::fs::write(dir.path().join("deals.ron"), "(deals: (next_id: 1, rows: [").unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_fixture_contents(&loaded.ws);

    // Crash after the manifest said 2 but before workspace.ron was set aside.
    let dir = v1_dir();
    store::save(dir.path(), &sample(), &all()).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.migrated_from, None);
    assert_fixture_contents(&loaded.ws);
    assert!(!dir.path().join("workspace.ron").exists());
    assert!(dir.path().join("workspace.ron.v1-migrated").exists());
}

#[test]
fn a_migration_first_backs_up_the_files_as_they_were() {
    let dir = v1_dir();
    let manifest = "(schema_version: 1, app_version: \"0.1.0\", saved_at: \"2025-04-30T18:00:00\")";
    std::fs::write(dir.path().join("manifest.ron"), manifest).unwrap();
    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));

    let backups = dir.path().join("backups");
    let names = names_in(&backups);
    assert_eq!(names.len(), 1, "{names:?}");
    let stamp = names[0]
        .strip_prefix("before-upgrade-v1-")
        .expect(&names[0]);
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").is_ok(),
        "{stamp}"
    );
    // The schema-1 files, byte for byte, as they were before the split rewrote them.
    let old = backups.join(&names[0]);
    assert_eq!(names_in(&old), ["manifest.ron", "workspace.ron"]);
    assert_eq!(
        std::fs::read(old.join("workspace.ron")).unwrap(),
        std::fs::read(FIXTURE_V1).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(old.join("manifest.ron")).unwrap(),
        manifest
    );

    // A load with nothing to migrate takes no second one.
    store::load(dir.path()).unwrap();
    assert_eq!(names_in(&backups), names);

    // Older-format files are not offered for restore, and rotation leaves them alone.
    assert!(store::list_backups(dir.path()).is_empty());
    for i in 0..(store::backup::KEEP_DAILY as u64 + 3) {
        store::daily_backup(dir.path(), day(2026, 1, 1) + chrono::Days::new(i)).unwrap();
    }
    let listed = store::list_backups(dir.path());
    assert_eq!(listed.len(), store::backup::KEEP_DAILY);
    assert!(listed.iter().all(|b| b.kind == store::BackupKind::Daily));
    assert_eq!(
        std::fs::read(old.join("workspace.ron")).unwrap(),
        std::fs::read(FIXTURE_V1).unwrap()
    );
}

#[test]
fn a_broken_v1_file_is_not_migrated_and_not_moved() {
    let dir = tempfile::tempdir().unwrap();
    let text = "(\n  settings: (\n    stage_probability: \"ten\",\n";
    std::fs::write(dir.path().join("workspace.ron"), text).unwrap();
    let err = store::load(dir.path()).unwrap_err();
    match &err {
        StoreError::Migration {
            problem, from: 1, ..
        } => {
            assert_eq!(problem.file, "workspace.ron");
            assert_eq!(problem.line, Some(3));
        }
        other => panic!("expected a migration error, got {other:?}"),
    }
    assert_eq!(names_in(dir.path()), ["workspace.ron"]);
}

// ---------------------------------------------------------------- check

#[test]
fn check_names_file_and_line_of_a_corrupt_file_and_moves_nothing() {
    let dir = saved(&sample());
    let path = dir.path().join("customers.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("(id: 2,", "(id: 2,,", 1);
    let line = broken.lines().position(|l| l.contains("(id: 2,,")).unwrap() + 1;
    std::fs::write(&path, &broken).unwrap();
    let before = names_in(dir.path());

    let (code, out) = check_cli(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("customers.ron:{line}:")), "{out}");
    assert!(out.contains("1 problem found"), "{out}");
    assert_eq!(names_in(dir.path()), before);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn check_reports_broken_rules_and_dangling_references_with_lines() {
    let mut ws = sample();
    let deals = Arc::make_mut(&mut ws.deals);
    deals.deals.get_mut(DealId(2)).unwrap().customer = CustomerId(99);
    deals.deals.get_mut(DealId(3)).unwrap().title = " ".into();
    let dir = saved(&ws);
    let problems = store::check(dir.path());
    assert_eq!(problems.len(), 2, "{problems:?}");
    let text = std::fs::read_to_string(dir.path().join("deals.ron")).unwrap();
    let line_of = |id: u64| {
        text.lines()
            .position(|l| l.trim_start().starts_with(&format!("(id: {id},")))
            .map(|i| i + 1)
    };
    assert_eq!(problems[0].file, "deals.ron");
    assert_eq!(problems[0].line, line_of(2));
    assert!(problems[0].message.contains("customer"), "{}", problems[0]);
    assert_eq!(problems[1].line, line_of(3));
    assert!(
        problems[1].message.contains("title is required"),
        "{}",
        problems[1]
    );
}

#[test]
fn check_skips_references_into_an_unreadable_file() {
    let mut ws = sample();
    Arc::make_mut(&mut ws.deals)
        .deals
        .get_mut(DealId(2))
        .unwrap()
        .customer = CustomerId(99);
    let dir = saved(&ws);
    std::fs::write(dir.path().join("team.ron"), "(setup: ").unwrap();
    let problems = store::check(dir.path());
    // team.ron itself, and the one real dangling reference; not every deal's owner.
    let files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files, ["team.ron", "deals.ron"], "{problems:?}");
    assert!(
        problems[1].message.contains("deal 2: customer"),
        "{}",
        problems[1]
    );
}

#[test]
fn check_says_sound_for_a_sound_workspace() {
    let dir = saved(&sample());
    let (code, out) = check_cli(dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("workspace is sound: 3 deals, 2 customers"),
        "{out}"
    );
}

#[test]
fn check_fails_where_there_is_no_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = check_cli(dir.path());
    assert_eq!(code, 1);
    assert!(out.contains("no workspace"), "{out}");
}

#[test]
fn check_reads_an_unmigrated_v1_workspace_without_changing_it() {
    let dir = v1_dir();
    let (code, out) = check_cli(dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 deals"), "{out}");
    assert_eq!(names_in(dir.path()), ["workspace.ron"]);
}

// ---------------------------------------------------------------- demo command

#[test]
fn demo_writes_a_workspace_and_refuses_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::demo::run(&data, 50, &mut out), 0);
    let loaded = store::load(&data).unwrap();
    assert!(loaded.problems.is_empty());
    assert!(loaded.ws.deals.deals.len() >= 50);
    assert_eq!(check_cli(&data).0, 0);

    let before = std::fs::read(data.join("deals.ron")).unwrap();
    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::demo::run(&data, 10, &mut out), 1);
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("already holds a workspace")
    );
    assert_eq!(std::fs::read(data.join("deals.ron")).unwrap(), before);
}

// ---------------------------------------------------------------- autosave

#[cfg(unix)]
#[test]
fn a_symlinked_collection_file_keeps_its_link() {
    let ws = sample();
    let dir = saved(&ws);
    // deals.ron lives elsewhere (a synced folder, say), linked in relatively.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let link = dir.path().join("deals.ron");
    std::fs::rename(&link, elsewhere.join("deals.ron")).unwrap();
    std::os::unix::fs::symlink("elsewhere/deals.ron", &link).unwrap();

    let mut doc = Document::new(ws);
    let mut deal = doc.ws().deals.deals.rows[0].clone();
    deal.title = "Written through the link".into();
    doc.apply(Change::put(Record::Deal(deal)), "rename")
        .unwrap();
    store::save(dir.path(), doc.ws(), &[FileKind::Deals].into()).unwrap();

    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(
        meta.file_type().is_symlink(),
        "the link became a plain file"
    );
    let text = std::fs::read_to_string(elsewhere.join("deals.ron")).unwrap();
    assert!(text.contains("Written through the link"));
    assert_eq!(store::load(dir.path()).unwrap().ws.deals, doc.ws().deals);
    // No temp file is left beside the link or the target.
    assert!(names_in(dir.path()).iter().all(|n| !n.contains(".tmp-")));
    assert_eq!(names_in(&elsewhere), ["deals.ron"]);
}

#[test]
fn a_safety_copy_is_taken_after_the_writes_queued_before_it() {
    let ws = sample();
    let dir = saved(&ws);
    let saver = store::Autosaver::new(PathBuf::from(dir.path())).unwrap();
    let mut doc = Document::new(ws);
    let mut task = doc.ws().me.tasks.rows[0].clone();
    task.title = "Queued just before the copy".into();
    doc.apply(Change::put(Record::Task(task)), "edit").unwrap();
    saver.submit(doc.ws().clone(), doc.take_dirty(), doc.revision());
    saver.safety_copy(store::SafetyCopy::BackUpNow);
    saver.flush().unwrap();
    let done = saver.take_safety_done();
    let [
        store::SafetyDone {
            why,
            result: Ok(copy),
        },
    ] = &done[..]
    else {
        panic!("{done:?}");
    };
    assert_eq!(*why, store::SafetyCopy::BackUpNow);
    let text = std::fs::read_to_string(copy.join("me.ron")).unwrap();
    assert!(text.contains("Queued just before the copy"));
    assert!(saver.take_safety_done().is_empty());
}

#[test]
fn a_failed_safety_copy_is_reported() {
    let dir = saved(&sample());
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let saver = store::Autosaver::new(PathBuf::from(dir.path())).unwrap();
    saver.safety_copy(store::SafetyCopy::StartEmpty);
    saver.flush().unwrap();
    let done = saver.take_safety_done();
    assert!(
        matches!(
            &done[..],
            [store::SafetyDone {
                why: store::SafetyCopy::StartEmpty,
                result: Err(_)
            }]
        ),
        "{done:?}"
    );
}

#[test]
fn a_copy_elsewhere_holds_the_whole_workspace_and_never_overwrites_data() {
    let ws = demo(30);
    let out = tempfile::tempdir().unwrap();
    let to = out.path().join("rescue").join("today");
    store::save_copy(&to, &ws).unwrap();
    let loaded = store::load(&to).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.ws, ws);
    // Another workspace (here: that copy) is never written over.
    let before = std::fs::read(to.join("deals.ron")).unwrap();
    let err = store::save_copy(&to, &sample()).unwrap_err();
    assert!(
        matches!(err, StoreError::FolderHoldsWorkspace { .. }),
        "{err}"
    );
    assert_eq!(std::fs::read(to.join("deals.ron")).unwrap(), before);
}

#[test]
fn autosave_writes_the_newest_state_of_every_submitted_file() {
    let dir = tempfile::tempdir().unwrap();
    let saver = store::Autosaver::new(PathBuf::from(dir.path())).unwrap();
    let mut doc = Document::new(sample());
    let mut revision = 0;
    for i in 0..30u32 {
        let mut task = doc.ws().me.tasks.rows[0].clone();
        task.title = format!("Prepare Q2 review deck v{i}");
        doc.apply(Change::put(Record::Task(task)), "edit").unwrap();
        if i == 10 {
            let mut s = (*doc.ws().settings).clone();
            s.currency = "CNY".into();
            doc.apply(Change::Settings(Box::new(s)), "currency")
                .unwrap();
        }
        revision = doc.revision();
        saver.submit(doc.ws().clone(), doc.take_dirty(), revision);
    }
    saver.flush().unwrap();
    let reports = saver.poll();
    assert!(!reports.is_empty());
    assert!(reports.iter().all(|r| r.result.is_ok()));
    assert_eq!(reports.last().unwrap().revision, revision);
    let written: BTreeSet<FileKind> = reports.iter().flat_map(|r| r.files.clone()).collect();
    assert_eq!(written, [FileKind::Settings, FileKind::Me].into());

    let loaded = store::load(dir.path()).unwrap();
    assert_eq!(loaded.ws.me, doc.ws().me);
    assert_eq!(loaded.ws.settings.currency, "CNY");
    assert!(saver.poll().is_empty());
}

#[test]
fn autosave_reports_a_failed_write_so_the_files_can_be_retried() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("unplugged");
    let saver = store::Autosaver::new(gone.clone()).unwrap();
    saver.submit(sample(), [FileKind::Deals].into(), 5);
    assert!(saver.flush().is_err());
    let reports = saver.poll();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].files, [FileKind::Deals].into());
    assert!(reports[0].result.is_err());
    // The folder is back: the retry succeeds and flush is clean again.
    std::fs::create_dir(&gone).unwrap();
    saver.submit(sample(), [FileKind::Deals].into(), 6);
    saver.flush().unwrap();
    assert_eq!(store::load(&gone).unwrap().ws.deals, sample().deals);
}

#[test]
fn a_day_turning_while_open_is_backed_up_before_that_days_first_write() {
    let ws = sample();
    let dir = saved(&ws);
    let before = std::fs::read(dir.path().join("me.ron")).unwrap();
    let saver = store::Autosaver::new(PathBuf::from(dir.path())).unwrap();
    // Midnight passes, then the first edit of the new day is saved.
    let new_day = day(2026, 11, 27);
    saver.daily_backup(new_day);
    let mut doc = Document::new(ws);
    let mut task = doc.ws().me.tasks.rows[0].clone();
    task.title = "A new day's first edit".into();
    doc.apply(Change::put(Record::Task(task)), "edit").unwrap();
    saver.submit(doc.ws().clone(), doc.take_dirty(), doc.revision());
    saver.flush().unwrap();

    // The backup holds the files as they stood at the turn of the day; the data dir
    // has the edit.
    let backup = dir.path().join("backups").join("2026-11-27");
    assert_eq!(std::fs::read(backup.join("me.ron")).unwrap(), before);
    assert_ne!(std::fs::read(dir.path().join("me.ron")).unwrap(), before);
    let done = saver.take_backups_done();
    assert!(
        matches!(&done[..], [Ok(Some(made))] if *made == backup),
        "{done:?}"
    );
    // Asking again the same day keeps the first backup.
    saver.daily_backup(new_day);
    saver.flush().unwrap();
    assert_eq!(std::fs::read(backup.join("me.ron")).unwrap(), before);
    assert!(matches!(&saver.take_backups_done()[..], [Ok(None)]));
}

#[test]
fn a_failed_daily_backup_is_reported() {
    let dir = saved(&sample());
    // A file where the backups folder should be: the copy cannot be made.
    std::fs::write(dir.path().join("backups"), b"in the way").unwrap();
    let saver = store::Autosaver::new(PathBuf::from(dir.path())).unwrap();
    saver.daily_backup(day(2026, 11, 27));
    saver.flush().unwrap();
    let done = saver.take_backups_done();
    assert!(matches!(&done[..], [Err(_)]), "{done:?}");
}

// ---------------------------------------------------------------- one commit, many files

/// A save of several files stopped after its commit point: the next load puts the rest
/// in place, and `check` says so beforehand (exit 0: nothing committed is lost).
#[test]
fn an_interrupted_commit_is_rolled_forward_and_check_says_so_first() {
    let ws = sample();
    let dir = saved(&ws);
    let d = dir.path();
    let mut changed = ws.clone();
    Arc::make_mut(&mut changed.deals).deals.rows[0].notes = "after the crash".into();
    let tmp = d.join(".deals.ron.tmp-999999-1");
    std::fs::write(
        &tmp,
        store::files::to_ron(&changed, FileKind::Deals).unwrap(),
    )
    .unwrap();
    std::fs::write(
        d.join("commit.ron"),
        r#"(renames:[(".deals.ron.tmp-999999-1","deals.ron")])"#,
    )
    .unwrap();

    let (code, out) = check_cli(d);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("rolls forward") && out.contains("deals.ron"),
        "{out}"
    );
    let report = store::check_report(d);
    assert_eq!(
        report.ws.deals, changed.deals,
        "check reads what the next start will"
    );

    let loaded = store::load(d).unwrap();
    assert_eq!(
        loaded.recovered,
        Some(store::Recovered::RolledForward(vec!["deals.ron".into()]))
    );
    assert_eq!(loaded.ws.deals, changed.deals);
    assert!(!d.join("commit.ron").exists() && !tmp.exists());
}

/// A save stopped before its commit point left only temp files: the next load drops
/// them and says so; the files keep the last committed state.
#[test]
fn an_uncommitted_save_is_rolled_back_and_said() {
    let ws = sample();
    let dir = saved(&ws);
    let d = dir.path();
    std::fs::write(d.join(".customers.ron.tmp-999999-7"), "half of a new fi").unwrap();
    let (code, out) = check_cli(d);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("rolls back") && out.contains("customers.ron"),
        "{out}"
    );
    let loaded = store::load(d).unwrap();
    assert_eq!(
        loaded.recovered,
        Some(store::Recovered::RolledBack(vec!["customers.ron".into()]))
    );
    assert_eq!(loaded.ws.customers, ws.customers);
}

/// A backup is a copy of its own: a file damaged in place afterwards (truncated by a
/// tool, written over by an editor) leaves the backup whole. A hard link to the data
/// folder would share the damage, so backups link only to one another
/// (tests/app/backups.rs).
#[test]
fn a_file_damaged_in_place_after_a_backup_leaves_the_backup_whole() {
    let ws = demo(100);
    let dir = saved(&ws);
    let d = dir.path();
    let b = store::daily_backup(d, day(2026, 3, 1)).unwrap().unwrap();
    let good = std::fs::read(d.join("customers.ron")).unwrap();
    // In place: the same file, cut short.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(d.join("customers.ron"))
        .unwrap();
    f.set_len(good.len() as u64 / 3).unwrap();
    drop(f);
    assert_eq!(std::fs::read(b.join("customers.ron")).unwrap(), good);
}
