//! Rolling backups and restore.
//!
//! `backups/<YYYY-MM-DD>/` holds a copy of every workspace file as it was when the day's
//! backup was taken; at most one per day, the newest [`KEEP_DAILY`] kept. "Back up now"
//! makes `backups/manual-<YYYYmmdd-HHMMSS>/` (newest [`KEEP_MANUAL`] kept). Restoring
//! (or starting a collection empty) first saves the current files as
//! `backups/before-restore-<YYYYmmdd-HHMMSS>/`; those are rotated separately (newest
//! [`KEEP_BEFORE_RESTORE`] kept), so restores never push good daily backups out, and a
//! restore can always be undone by restoring its before-restore copy. Each backup notes
//! when it was taken in its `backup.ron`.
//!
//! A backup is made in a hidden temp folder and renamed into place, so a half-made one
//! never counts (load removes leftovers).
//!
//! **Deduplicated between backups, never with the data folder.** A file whose bytes are
//! those of the same file in the newest earlier backup is a hard link to that copy, so
//! a backup of unchanged data adds almost nothing on disk. Backup files are only ever
//! created and removed, never written again, so sharing them is safe; the data folder's
//! files are copied, because a file there damaged in place (truncated by a tool, saved
//! over by an editor) would otherwise damage its backups too. The comparison is with the
//! data file's real bytes, so a damaged old copy is never carried forward. Where the
//! file system has no hard links, the file is copied. A restore copies the files back,
//! so the data folder always holds plain files of its own.
//!
//! `backups/before-upgrade-v<N>-<stamp>/` holds the files of schema N as they were just
//! before a migration rewrote them (see `migrate.rs`). They are in an older format, so
//! they are neither listed for restore nor rotated: they stay until the user removes
//! them, and going back to that version means copying them back by hand.

use super::atomic;
use super::error::{FileProblem, StoreError};
use super::files;
use super::manifest::{self, Manifest, SCHEMA_VERSION};
use super::paths::{self, BACKUPS, MANIFEST, RESTORE_PENDING};
use crate::model::{FileKind, Workspace};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const KEEP_DAILY: usize = 14;
pub const KEEP_MANUAL: usize = 10;
pub const KEEP_BEFORE_RESTORE: usize = 5;
pub(crate) const BEFORE_RESTORE: &str = "before-restore-";
pub(crate) const MANUAL: &str = "manual-";
const STAMP: &str = "%Y%m%d-%H%M%S";
/// The note in each backup folder that says when it was taken.
const NOTE: &str = "backup.ron";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// The day's automatic backup.
    Daily,
    /// Made by "Back up now".
    Manual,
    /// Taken before a restore or before a collection was started empty.
    BeforeRestore,
}

/// `backup.ron`: when the backup was taken (the folder name of a daily backup only
/// tells the day).
#[derive(Serialize, Deserialize)]
struct BackupNote {
    taken: NaiveDateTime,
}

/// One backup, for the Restore screen.
#[derive(Debug, Clone)]
pub struct BackupInfo {
    /// The folder name: `2026-03-14` or `before-restore-20260314-101500`.
    pub name: String,
    pub path: PathBuf,
    pub kind: BackupKind,
    /// The day it was taken.
    pub date: NaiveDate,
    /// When it was taken: from its `backup.ron`, else as far as the name tells (daily
    /// backups of older versions: midnight).
    pub taken: NaiveDateTime,
    /// Number of workspace files in it, and their total size.
    pub files: usize,
    pub bytes: u64,
    /// Of `bytes`, what this backup holds alone: files shared with other backups (hard
    /// links) are not counted. Equal to `bytes` where links cannot be told.
    pub own_bytes: u64,
    /// The number of records of each kind in the files that read (kinds with none
    /// left out).
    pub records: Vec<(crate::model::RecordKind, usize)>,
    /// Every file parses and the schema is one we read. Never offer an unsound backup
    /// without saying so.
    pub sound: bool,
    pub problems: Vec<FileProblem>,
    /// Collection files the backup does not hold (taken while they were set aside, or
    /// by an older version): restoring it starts those collections empty.
    pub missing: Vec<FileKind>,
}

/// The files a backup holds (those that exist). A journal is normally folded into the
/// files before a backup; one still there (its fold failed) is copied with them.
fn workspace_files() -> impl Iterator<Item = &'static str> {
    std::iter::once(MANIFEST)
        .chain(FileKind::ALL.iter().map(|k| k.file_name()))
        .chain(std::iter::once(paths::JOURNAL))
}

fn holds_workspace(backup: &Path) -> bool {
    workspace_files().any(|f| backup.join(f).is_file())
}

/// Takes today's backup unless there is one already (or there is nothing to back up).
/// Returns the new backup's folder. Older daily backups beyond [`KEEP_DAILY`] are
/// removed.
pub fn daily_backup(dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>, StoreError> {
    let name = today.format("%Y-%m-%d").to_string();
    if !paths::workspace_exists(dir) || dir.join(BACKUPS).join(&name).exists() {
        return Ok(None);
    }
    let made = make_backup(dir, &name)?;
    rotate(dir);
    Ok(Some(made))
}

/// Backups in `dir`, newest first, each checked (every file is parsed, so on a very
/// large workspace call this off the UI thread).
pub fn list_backups(dir: &Path) -> Vec<BackupInfo> {
    let root = dir.join(BACKUPS);
    backups_newest_first(&root)
        .into_iter()
        .map(|(taken, name, kind)| {
            let path = root.join(&name);
            let (files, bytes, own_bytes) = size(&path);
            let (mut problems, records) = inspect(&path);
            if files == 0 {
                problems.push(FileProblem::new(name.clone(), "holds no workspace file"));
            }
            let missing = FileKind::ALL
                .into_iter()
                .filter(|k| !path.join(k.file_name()).is_file())
                .collect();
            BackupInfo {
                missing,
                name,
                kind,
                date: taken.date(),
                taken,
                files,
                bytes,
                own_bytes,
                records,
                sound: problems.is_empty(),
                problems,
                path,
            }
        })
        .collect()
}

/// Replaces the workspace files in `dir` with those of `backup`. The current files are
/// first saved as a `before-restore-…` backup. A collection missing from the backup is
/// restored empty. A crash part-way is finished at the next load. The caller must have
/// flushed the autosaver and must load again afterwards.
pub fn restore_backup(dir: &Path, backup: &Path) -> Result<(), StoreError> {
    if !holds_workspace(backup) {
        return Err(StoreError::NotABackup {
            path: backup.to_path_buf(),
        });
    }
    let problems = verify(backup);
    if !problems.is_empty() {
        return Err(StoreError::UnsoundBackup {
            path: backup.to_path_buf(),
            problems,
        });
    }
    if paths::workspace_exists(dir) {
        make_backup(dir, &stamped_name(dir, BEFORE_RESTORE))?;
    }
    // From here a crash leaves a mix of old and restored files: the marker makes the next
    // load finish the copy.
    let marker = Pending {
        backup: std::path::absolute(backup).unwrap_or_else(|_| backup.to_path_buf()),
    };
    let text = ron::to_string(&marker).map_err(|e| StoreError::Serialize {
        file: RESTORE_PENDING.into(),
        message: e.to_string(),
    })?;
    atomic::write_bytes(&dir.join(RESTORE_PENDING), text.as_bytes())?;
    copy_in(dir, backup)?;
    remove_marker(dir)?;
    rotate(dir);
    Ok(())
}

#[derive(Serialize, Deserialize)]
struct Pending {
    backup: PathBuf,
}

/// Finishes a restore a crash interrupted. Returns a problem when it cannot (the
/// marker or the backup is gone or broken); the files may then be a mix.
pub fn finish_pending_restore(dir: &Path) -> Result<Option<FileProblem>, StoreError> {
    let path = dir.join(RESTORE_PENDING);
    let text = match files::read_text(&path)? {
        None => return Ok(None),
        Some(t) => t,
    };
    let backup = text.and_then(|t| files::parse::<Pending>(RESTORE_PENDING, &t));
    let outcome = match backup {
        Ok(p) if holds_workspace(&p.backup) && verify(&p.backup).is_empty() => {
            copy_in(dir, &p.backup)?;
            None
        }
        Ok(p) => Some(FileProblem::new(
            RESTORE_PENDING,
            format!(
                "a restore from {} was interrupted and that backup can no longer be read; \
                 check your data, or restore a backup again",
                p.backup.display()
            ),
        )),
        Err(mut p) => {
            p.message = format!(
                "a restore was interrupted and its note cannot be read ({}); check your \
                 data, or restore a backup again",
                p.message
            );
            Some(p)
        }
    };
    remove_marker(dir)?;
    Ok(outcome)
}

fn remove_marker(dir: &Path) -> Result<(), StoreError> {
    let path = dir.join(RESTORE_PENDING);
    std::fs::remove_file(&path).map_err(|e| StoreError::io("remove", &path, e))?;
    atomic::sync_dir(dir)
}

/// The newest backup that holds a readable copy of one collection file, for restoring
/// that file alone.
#[derive(Debug, Clone)]
pub struct FileInBackup {
    pub backup: PathBuf,
    /// The backup's folder name.
    pub name: String,
    pub taken: NaiveDateTime,
    /// Records in that copy of the file.
    pub records: usize,
    /// What would point at nothing if only this file came back (then offer the whole
    /// backup instead).
    pub dangling: Vec<crate::model::Dangling>,
}

/// Finds the newest backup in `dir` whose copy of `kind` reads, and checks the
/// references it would leave dangling next to `current` (the files in `missing` are
/// not judged: they are missing anyway).
pub fn newest_copy_of(
    dir: &Path,
    kind: FileKind,
    current: &Workspace,
    missing: &std::collections::BTreeSet<FileKind>,
) -> Option<FileInBackup> {
    let root = dir.join(BACKUPS);
    let mut found: Vec<(NaiveDateTime, String)> = std::fs::read_dir(&root)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (_, taken) = parse_name(&name)?;
            e.path()
                .join(kind.file_name())
                .is_file()
                .then_some((taken, name))
        })
        .collect();
    found.sort_by(|a, b| b.cmp(a));
    found.into_iter().find_map(|(taken, name)| {
        let backup = root.join(&name);
        let mut ws = current.clone();
        if !matches!(files::read_into(&backup, &mut ws, kind), Ok(None)) {
            return None;
        }
        let mut others = missing.clone();
        others.remove(&kind);
        let dangling = ws
            .dangling(&others)
            .into_iter()
            .filter(|d| d.child.file() == kind || d.parent.file() == kind)
            .collect();
        Some(FileInBackup {
            records: ws.records_in(kind),
            backup,
            name,
            taken,
            dangling,
        })
    })
}

/// Puts one collection file back from a backup (atomically). The caller loads again
/// afterwards.
pub fn restore_file(dir: &Path, backup: &Path, kind: FileKind) -> Result<(), StoreError> {
    atomic::copy(&backup.join(kind.file_name()), &paths::file_path(dir, kind))
}

/// Copies every workspace file of `backup` into `dir` (each atomically), a missing
/// collection as empty, the manifest last.
fn copy_in(dir: &Path, backup: &Path) -> Result<(), StoreError> {
    // The journal goes with its files: the backup's comes in, or ours goes (its
    // changes belong to the files being replaced, kept in the before-restore copy).
    let journal = super::journal::path(dir);
    let theirs = backup.join(paths::JOURNAL);
    if theirs.is_file() {
        atomic::copy(&theirs, &journal)?;
    } else if journal.exists() {
        std::fs::remove_file(&journal).map_err(|e| StoreError::io("remove", &journal, e))?;
        atomic::sync_dir(dir)?;
    }
    let empty = Workspace::default();
    for kind in FileKind::ALL {
        let from = backup.join(kind.file_name());
        let to = paths::file_path(dir, kind);
        if from.is_file() {
            atomic::copy(&from, &to)?;
        } else {
            atomic::write_bytes(&to, files::to_ron(&empty, kind)?.as_bytes())?;
        }
    }
    let from = backup.join(MANIFEST);
    if from.is_file() {
        atomic::copy(&from, &dir.join(MANIFEST))
    } else {
        manifest::write(dir, &Manifest::current())
    }
}

/// `<prefix><YYYYmmdd-HHMMSS>` (now) for a new folder in `backups/`, with a `-2` …
/// suffix if that name is taken.
pub(crate) fn stamped_name(dir: &Path, prefix: &str) -> String {
    let name = format!(
        "{prefix}{}",
        chrono::Local::now().naive_local().format(STAMP)
    );
    paths::free_path(dir.join(BACKUPS).join(&name))
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(name)
}

/// Copies the workspace files of `dir` into `backups/<name>` via a temp folder.
pub(crate) fn make_backup(dir: &Path, name: &str) -> Result<PathBuf, StoreError> {
    make_backup_of(dir, name, workspace_files(), true)
}

/// Copies those of `files` that exist in `dir` into `backups/<name>`: made in a temp
/// folder and renamed into place, so a half-made backup never counts. A file with the
/// same bytes as its copy in the newest earlier backup is linked to that copy instead
/// (see the module's notes). `noted`: with a `backup.ron` saying when (the listed
/// backups; a before-upgrade copy holds the old files and nothing else).
pub(crate) fn make_backup_of<'a>(
    dir: &Path,
    name: &str,
    files: impl IntoIterator<Item = &'a str>,
    noted: bool,
) -> Result<PathBuf, StoreError> {
    let root = dir.join(BACKUPS);
    std::fs::create_dir_all(&root).map_err(|e| StoreError::io("create", &root, e))?;
    let target = root.join(name);
    let tmp = paths::temp_path(&target);
    let earlier = backups_newest_first(&root);
    let made = (|| {
        std::fs::create_dir(&tmp).map_err(|e| StoreError::io("create", &tmp, e))?;
        for f in files {
            let from = dir.join(f);
            if !from.is_file() {
                continue;
            }
            let to = tmp.join(f);
            let previous = earlier
                .iter()
                .map(|(_, b, _)| root.join(b).join(f))
                .find(|p| p.is_file());
            let linked = previous.is_some_and(|prev| {
                same_bytes(&from, &prev) && std::fs::hard_link(&prev, &to).is_ok()
            });
            if !linked {
                std::fs::copy(&from, &to).map_err(|e| StoreError::io("copy", &from, e))?;
                flush_file(&to)?;
            }
        }
        if noted {
            write_note(&tmp)?;
        }
        atomic::sync_dir(&tmp)?;
        atomic::rename(&tmp, &target)
    })();
    if let Err(e) = made {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    Ok(target)
}

fn write_note(folder: &Path) -> Result<(), StoreError> {
    let note = BackupNote {
        taken: chrono::Local::now().naive_local(),
    };
    let text = ron::to_string(&note).map_err(|e| StoreError::Serialize {
        file: NOTE.into(),
        message: e.to_string(),
    })?;
    let path = folder.join(NOTE);
    std::fs::write(&path, text).map_err(|e| StoreError::io("write", &path, e))?;
    flush_file(&path)
}

fn flush_file(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| StoreError::io("flush to disk", path, e))
}

/// The listed backups (folders) in `root`, newest first: when each was taken (its
/// note, else its name), its folder name and its kind.
fn backups_newest_first(root: &Path) -> Vec<(NaiveDateTime, String, BackupKind)> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut found: Vec<(NaiveDateTime, String, BackupKind)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (kind, named) = parse_name(&name)?;
            Some((read_note(&e.path()).unwrap_or(named), name, kind))
        })
        .collect();
    // Newest first; within one instant, by name (descending), as listed before.
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
    found
}

/// Whether two files hold the same bytes (a read error counts as different).
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    if ma.len() != mb.len() {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    const CHUNK: usize = 256 * 1024;
    let mut ra = std::io::BufReader::with_capacity(CHUNK, fa);
    let mut rb = std::io::BufReader::with_capacity(CHUNK, fb);
    let (mut ba, mut bb) = (vec![0u8; CHUNK], vec![0u8; CHUNK]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(0) => return rb.read(&mut bb[..1]).is_ok_and(|m| m == 0),
            Ok(n) => n,
            Err(_) => return false,
        };
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
}

/// When the backup in `path` was taken, from its note (backups of older versions have
/// none).
fn read_note(path: &Path) -> Option<NaiveDateTime> {
    let text = std::fs::read_to_string(path.join(NOTE)).ok()?;
    ron::from_str::<BackupNote>(&text).ok().map(|n| n.taken)
}

/// Problems that make a backup unsafe to restore: files that do not parse, or a newer
/// schema than ours.
fn verify(backup: &Path) -> Vec<FileProblem> {
    inspect(backup).0
}

/// [`verify`]'s problems, and the records of each kind in the files that read.
fn inspect(backup: &Path) -> (Vec<FileProblem>, Vec<(crate::model::RecordKind, usize)>) {
    let mut problems = Vec::new();
    match manifest::read(backup) {
        Ok(manifest::Read::Unreadable(p)) => problems.push(p),
        Ok(manifest::Read::Version(v)) if v != SCHEMA_VERSION => problems.push(FileProblem::new(
            MANIFEST,
            format!("is data format {v}; this SalesDesk reads format {SCHEMA_VERSION}"),
        )),
        Ok(_) => {}
        Err(e) => problems.push(FileProblem::new(MANIFEST, e.to_string())),
    }
    // One workspace for every file: each fills only its own collections.
    let mut ws = Workspace::default();
    for kind in FileKind::ALL {
        match files::read_into(backup, &mut ws, kind) {
            Ok(None) => {}
            Ok(Some(p)) => problems.push(p),
            Err(e) => problems.push(FileProblem::new(kind.file_name(), e.to_string())),
        }
    }
    let records = crate::model::RecordKind::ALL
        .iter()
        .map(|&k| (k, ws.count(k)))
        .filter(|(_, n)| *n > 0)
        .collect();
    (problems, records)
}

/// Files, bytes and the bytes held by this backup alone (see [`BackupInfo::own_bytes`]).
fn size(backup: &Path) -> (usize, u64, u64) {
    workspace_files()
        .filter_map(|f| std::fs::metadata(backup.join(f)).ok())
        .filter(|m| m.is_file())
        .fold((0, 0, 0), |(n, b, own), m| {
            let alone = links(&m) <= 1;
            (n + 1, b + m.len(), own + if alone { m.len() } else { 0 })
        })
}

#[cfg(unix)]
fn links(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(m)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Which kind of backup a folder name is, and when it was taken. `None` for anything
/// else, `before-upgrade-…` included: those are never listed nor rotated.
fn parse_name(name: &str) -> Option<(BackupKind, NaiveDateTime)> {
    for (prefix, kind) in [
        (BEFORE_RESTORE, BackupKind::BeforeRestore),
        (MANUAL, BackupKind::Manual),
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            // A `-2` suffix (two backups in one second) is allowed.
            let stamp = rest.get(..15)?;
            let t = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
            return Some((kind, t));
        }
    }
    let d = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()?;
    Some((BackupKind::Daily, d.and_time(chrono::NaiveTime::MIN)))
}

/// Removes daily backups beyond the newest [`KEEP_DAILY`], manual ones beyond
/// [`KEEP_MANUAL`] and before-restore ones beyond [`KEEP_BEFORE_RESTORE`]. Never removed, whatever its age: the newest backup that
/// holds each collection file. While a file is set aside, the backups taken hold no
/// copy of it, so its last good copy stays until the file is whole again. Best effort:
/// a backup that cannot be removed stays.
fn rotate(dir: &Path) {
    let root = dir.join(BACKUPS);
    let Ok(entries) = std::fs::read_dir(&root) else {
        return;
    };
    let mut daily = Vec::new();
    let mut manual = Vec::new();
    let mut before = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        match parse_name(&name) {
            Some((BackupKind::Daily, t)) => daily.push((t, name)),
            Some((BackupKind::Manual, t)) => manual.push((t, name)),
            Some((BackupKind::BeforeRestore, t)) => before.push((t, name)),
            None => {}
        }
    }
    for list in [&mut daily, &mut manual, &mut before] {
        list.sort_by(|a, b| b.cmp(a));
    }
    let mut all: Vec<&(NaiveDateTime, String)> =
        daily.iter().chain(&manual).chain(&before).collect();
    all.sort_by(|a, b| b.cmp(a));
    let protected: std::collections::BTreeSet<&String> = FileKind::ALL
        .iter()
        .filter_map(|k| {
            all.iter()
                .find(|(_, n)| root.join(n).join(k.file_name()).is_file())
                .map(|(_, n)| n)
        })
        .collect();
    let old_daily = daily.iter().skip(KEEP_DAILY);
    let old_manual = manual.iter().skip(KEEP_MANUAL);
    let old_before = before.iter().skip(KEEP_BEFORE_RESTORE);
    for (_, name) in old_daily.chain(old_manual).chain(old_before) {
        if !protected.contains(name) {
            let _ = std::fs::remove_dir_all(root.join(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_to_kind_and_time() {
        let (k, t) = parse_name("2026-03-14").unwrap();
        assert_eq!(k, BackupKind::Daily);
        assert_eq!(t.date(), NaiveDate::from_ymd_opt(2026, 3, 14).unwrap());
        let (k, t) = parse_name("before-restore-20260314-101500-2").unwrap();
        assert_eq!(k, BackupKind::BeforeRestore);
        assert_eq!(t.format(STAMP).to_string(), "20260314-101500");
        assert!(parse_name(".2026-03-14.tmp-1-2").is_none());
        assert!(parse_name("notes").is_none());
    }

    #[test]
    fn the_newest_good_copy_of_a_set_aside_file_survives_rotation() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join(MANIFEST), "(schema_version: 2)").unwrap();
        std::fs::write(d.join("deals.ron"), "()").unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        daily_backup(d, start).unwrap();
        // deals.ron is set aside: the backups from now on hold no copy of it.
        std::fs::rename(
            d.join("deals.ron"),
            d.join("deals.ron.corrupt-20260102-090000"),
        )
        .unwrap();
        for i in 1..30 {
            daily_backup(d, start + chrono::Days::new(i)).unwrap();
        }
        let names: Vec<String> = list_backups(d).into_iter().map(|b| b.name).collect();
        assert_eq!(names.len(), KEEP_DAILY + 1);
        assert_eq!(names.last().map(String::as_str), Some("2026-01-01"));
        // Once the file is whole again, its old copy ages out like any other.
        std::fs::write(d.join("deals.ron"), "()").unwrap();
        daily_backup(d, start + chrono::Days::new(30)).unwrap();
        let names: Vec<String> = list_backups(d).into_iter().map(|b| b.name).collect();
        assert_eq!(names.len(), KEEP_DAILY);
        assert!(!names.contains(&"2026-01-01".to_string()));
    }
}
