//! Loading the workspace at start: tidy up after crashes, migrate old schemas, and set
//! aside (never overwrite) any file that fails to parse.

use super::atomic;
use super::backup;
use super::commit::{self, Recovered};
use super::degraded::{self, SetAside};
use super::error::{FileProblem, StoreError};
use super::files;
use super::journal;
use super::manifest::{self, SCHEMA_VERSION};
use super::migrate::{self, V1_MIGRATED};
use super::paths::{self, BACKUPS, MANIFEST, SET_ASIDE, V1_WORKSPACE};
use crate::model::{FileKind, Workspace};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What `load` found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub ws: Workspace,
    /// Files that failed to parse. Each was moved aside (see `moved_to`) and its
    /// collection loaded empty. While this is not empty the app must warn and offer
    /// Restore: saving now would write those collections empty.
    pub problems: Vec<FileProblem>,
    /// No workspace existed in the dir (first start).
    pub fresh: bool,
    /// The schema version the data was migrated from, if it was.
    pub migrated_from: Option<u32>,
    /// Collection files set aside (now or at an earlier start) and not resolved yet:
    /// the workspace is degraded while this is not empty. Their problems are also in
    /// `problems`.
    pub degraded: Vec<SetAside>,
    /// A save that a crash interrupted, finished (rolled forward) or dropped (rolled
    /// back) by this load: the app says so.
    pub recovered: Option<Recovered>,
}

impl Loaded {
    /// The files that are missing because they were set aside.
    pub fn degraded_files(&self) -> BTreeSet<FileKind> {
        degraded::kinds(&self.degraded)
    }
}

/// Loads the workspace in `dir` (created if missing). Call it holding the [`Lock`]
/// (it removes stale temp files), before starting the autosaver.
///
/// [`Lock`]: super::Lock
pub fn load(dir: &Path) -> Result<Loaded, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io("create the data folder", dir, e))?;
    // A committed save is finished before leftovers are swept: its temp files are data.
    let forward = commit::finish(dir)?;
    let back = remove_stale_temps(dir);
    let recovered = forward.or((!back.is_empty()).then_some(Recovered::RolledBack(back)));
    let mut problems: Vec<FileProblem> = backup::finish_pending_restore(dir)?.into_iter().collect();

    let now = chrono::Local::now().naive_local();
    let stated = match manifest::read(dir)? {
        manifest::Read::Version(v) => Some(v),
        manifest::Read::Missing => None,
        manifest::Read::Unreadable(mut p) => {
            p.moved_to = Some(set_aside(&dir.join(MANIFEST), now)?);
            problems.push(p);
            None
        }
    };
    // Without a manifest the layout tells the version.
    let version = stated.or_else(|| {
        if dir.join(V1_WORKSPACE).exists() {
            Some(1)
        } else if paths::workspace_exists(dir) || !problems.is_empty() {
            Some(SCHEMA_VERSION)
        } else {
            None
        }
    });
    let Some(version) = version else {
        return Ok(Loaded {
            ws: Workspace::default(),
            problems,
            fresh: !has_set_aside_files(dir),
            migrated_from: None,
            degraded: Vec::new(),
            recovered,
        });
    };
    let migrated_from = if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            dir: dir.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    } else if version < SCHEMA_VERSION {
        migrate::migrate(dir, version)?;
        Some(version)
    } else {
        migrate::finish_interrupted(dir)?;
        None
    };

    // Each file is read and parsed on its own thread: parsing dominates a large load
    // and the files are independent.
    let parsed: Vec<(FileKind, Workspace, Result<Option<FileProblem>, StoreError>)> =
        std::thread::scope(|s| {
            let handles: Vec<_> = FileKind::ALL
                .into_iter()
                .map(|kind| {
                    s.spawn(move || {
                        let mut part = Workspace::default();
                        let r = files::read_into(dir, &mut part, kind);
                        (kind, part, r)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a file-parsing thread does not panic"))
                .collect()
        });
    let mut ws = Workspace::default();
    // Files set aside at an earlier start and still missing keep the workspace degraded.
    let mut degraded = degraded::still_missing(dir, degraded::read(dir));
    for s in &degraded {
        problems.push(s.problem(dir));
    }
    let noted = degraded.clone();
    for (kind, part, result) in parsed {
        match result? {
            None => files::take_file(&mut ws, part, kind),
            Some(mut p) => {
                let path = paths::file_path(dir, kind);
                let to = paths::corrupt_path(&path, now);
                // The note first: a crash before the move leaves a note for a file that is
                // still there (resolved at the next load), never a silent gap.
                degraded.push(SetAside::new(&p, &to, now));
                degraded::write(dir, &degraded)?;
                atomic::rename(&path, &to)?;
                p.moved_to = Some(to);
                problems.push(p);
            }
        }
    }
    if degraded != noted || (degraded.is_empty() && dir.join(SET_ASIDE).exists()) {
        degraded::write(dir, &degraded)?;
    }
    let replayed = replay_journal(dir, &mut ws, &degraded::kinds(&degraded))?;
    let recovered = recovered.or(replayed);
    ws.repair_tables();
    Ok(Loaded {
        ws,
        problems,
        fresh: false,
        migrated_from,
        degraded,
        recovered,
    })
}

/// Replays the journal a crash (or a failed exit) left over the files just read, then
/// folds it into the files: after a load the data folder holds plain files again. The
/// changes of a collection that was set aside cannot be replayed; the journal is then
/// first copied to `backups/journal-kept-<stamp>.ron`, so nothing written is lost.
/// Says what it did, as a recovery the app reports.
fn replay_journal(
    dir: &Path,
    ws: &mut Workspace,
    missing: &BTreeSet<FileKind>,
) -> Result<Option<Recovered>, StoreError> {
    let Some(read) = journal::read(dir)? else {
        return Ok(None);
    };
    read.replay(ws, |k| missing.contains(&k));
    let touched = read.files();
    if !touched.is_disjoint(missing) {
        let kept = dir.join(BACKUPS).join(format!(
            "journal-kept-{}.ron",
            chrono::Local::now().naive_local().format("%Y%m%d-%H%M%S")
        ));
        std::fs::create_dir_all(dir.join(BACKUPS))
            .map_err(|e| StoreError::io("create", &dir.join(BACKUPS), e))?;
        atomic::copy(&journal::path(dir), &paths::free_path(kept))?;
    }
    // A folder that cannot be written now keeps its journal (replayed again next
    // time); the writer appends after its whole entries or folds it in.
    let _ = files::save_except(dir, ws, &touched, missing);
    Ok(Some(match read.torn {
        // An entry cut short was never reported saved: dropping it loses nothing.
        Some(_) => Recovered::RolledBack(vec![paths::JOURNAL.to_string()]),
        None => {
            Recovered::RolledForward(touched.iter().map(|k| k.file_name().to_string()).collect())
        }
    }))
}

/// Moves an unreadable file to `<name>.corrupt-<stamp>`: a rename, so the bytes are
/// exactly what was there, and the name is free for a good file again.
fn set_aside(path: &Path, now: chrono::NaiveDateTime) -> Result<PathBuf, StoreError> {
    let to = paths::corrupt_path(path, now);
    atomic::rename(path, &to)?;
    Ok(to)
}

/// Temp files and half-made backups left by a crash. They are never data: a write only
/// counts once renamed (or named in a commit note, finished before this runs). This
/// process's own are skipped: its autosaver may be writing one right now (a reload after
/// a restore). Best effort; a leftover is harmless. Returns the workspace files whose
/// unfinished write was dropped.
fn remove_stale_temps(dir: &Path) -> Vec<String> {
    let mut dropped = Vec::new();
    for sub in [dir.to_path_buf(), dir.join(BACKUPS)] {
        let Ok(entries) = std::fs::read_dir(&sub) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !paths::is_temp_name(&name) || paths::temp_owner(&name) == Some(std::process::id()) {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => {
                    let _ = std::fs::remove_dir_all(&path);
                }
                Ok(_) => {
                    if std::fs::remove_file(&path).is_ok()
                        && sub == dir
                        && let Some(target) = paths::temp_target(&name)
                    {
                        dropped.push(target);
                    }
                }
                Err(_) => {}
            }
        }
    }
    dropped.sort();
    dropped.dedup();
    dropped
}

/// Files that show a workspace was here once, even though none of its files is.
fn has_set_aside_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            paths::is_corrupt_name(&name) || name.starts_with(V1_MIGRATED)
        })
    })
}
