//! One change is one commit, across files. A change that touches several files (a win
//! writes deals and customers, an import writes team, customers and deals, the first
//! start writes them all) is written like this:
//!
//! 1. every file goes to a temp file beside it and is flushed to disk;
//! 2. `commit.ron` is written (atomically) naming each temp file and its target: the
//!    commit point;
//! 3. each temp file is renamed over its target;
//! 4. `commit.ron` is removed.
//!
//! A crash before step 2 leaves only temp files: the next load removes them (the change
//! is rolled back; it was never committed). A crash after it leaves the note: the next
//! load finishes the renames (rolled forward). Either way the files hold the state
//! after some whole change. Renaming is idempotent, so a crash while rolling forward is
//! harmless too.
//!
//! Why not a write-ahead journal: the files stay the one plain copy of the data (what
//! `check`, backups, restore and hand edits see), and the cost is one small extra
//! write per save. A journal would also make saves cheaper at 100k deals; that is the
//! next step (issue: saves that do not grow with the workspace).

use super::atomic;
use super::error::StoreError;
use super::paths::{self, COMMIT};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The note of a commit in progress. Paths are relative to the data folder where they
/// lie inside it, so a folder moved (a USB stick mounted elsewhere) still rolls forward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Note {
    renames: Vec<(PathBuf, PathBuf)>,
    /// Files that go once the renames are done: the journal a compaction folds into
    /// the files. Part of the commit, so files and journal never disagree.
    #[serde(default)]
    removes: Vec<PathBuf>,
}

/// What a load found of an interrupted save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovered {
    /// A committed save was finished: these files were put in place.
    RolledForward(Vec<String>),
    /// A save that had not committed was dropped: its temp files were removed.
    RolledBack(Vec<String>),
}

fn relative(dir: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(dir)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes every `(path, bytes)` as one commit (see the module's text). On an error
/// before the commit point nothing changed and the temp files are gone; after it, the
/// files are put in place at the latest by the next load.
pub fn write_all(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), StoreError> {
    write_all_removing(dir, files, &[])
}

/// [`write_all`], and `removes` (paths in `dir`) removed as part of the same commit.
pub fn write_all_removing(
    dir: &Path,
    files: &[(PathBuf, Vec<u8>)],
    removes: &[PathBuf],
) -> Result<(), StoreError> {
    // A commit left half done (a rename failed) is finished first, so the note of this
    // one never replaces it.
    finish(dir)?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(files.len());
    let wrote = (|| {
        for (path, bytes) in files {
            let target = atomic::link_target(path)?;
            let tmp = paths::temp_path(&target);
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
                .map_err(|e| StoreError::io("create", &tmp, e))?;
            staged.push((tmp.clone(), target));
            f.write_all(bytes)
                .map_err(|e| StoreError::io("write", &tmp, e))?;
            f.sync_all()
                .map_err(|e| StoreError::io("flush to disk", &tmp, e))?;
        }
        // The temp files' names in the data folder become durable with the note's (one
        // folder flush); a linked file's folder elsewhere is flushed now.
        let mut elsewhere: Vec<&Path> = staged
            .iter()
            .filter_map(|(t, _)| t.parent())
            .filter(|p| *p != dir)
            .collect();
        elsewhere.dedup();
        elsewhere.into_iter().try_for_each(atomic::sync_dir)
    })();
    if let Err(e) = wrote {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    let note = Note {
        renames: staged
            .iter()
            .map(|(t, f)| (relative(dir, t), relative(dir, f)))
            .collect(),
        removes: removes.iter().map(|p| relative(dir, p)).collect(),
    };
    let text = ron::to_string(&note).map_err(|e| StoreError::Serialize {
        file: COMMIT.into(),
        message: e.to_string(),
    })?;
    if let Err(e) = atomic::write_bytes(&dir.join(COMMIT), text.as_bytes()) {
        for (tmp, _) in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    // Committed: from here the next load finishes what this does not.
    finish(dir).map(|_| ())
}

/// Finishes a commit whose note is there: renames each temp file that still exists
/// over its target, then removes the note. Returns the files put in place.
pub fn finish(dir: &Path) -> Result<Option<Recovered>, StoreError> {
    let path = dir.join(COMMIT);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("read", &path, e)),
    };
    // The note is written atomically: if it does not parse it is not ours to trust;
    // its temp files are then removed as uncommitted.
    let note: Note = ron::from_str(&text).unwrap_or(Note {
        renames: Vec::new(),
        removes: Vec::new(),
    });
    let mut placed = Vec::new();
    let mut folders = std::collections::BTreeSet::new();
    for (tmp, target) in &note.renames {
        let (tmp, target) = (dir.join(tmp), dir.join(target));
        if tmp.exists() {
            std::fs::rename(&tmp, &target).map_err(|e| StoreError::io("replace", &target, e))?;
            folders.extend(target.parent().map(Path::to_path_buf));
            placed.push(name(&target));
        }
    }
    // One flush per folder makes the renames durable before the note goes.
    for f in &folders {
        atomic::sync_dir(f)?;
    }
    // Only after the renames are durable: the files now hold what these held.
    if !note.removes.is_empty() {
        for r in &note.removes {
            let r = dir.join(r);
            match std::fs::remove_file(&r) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io("remove", &r, e)),
            }
        }
        atomic::sync_dir(dir)?;
    }
    // The note's removal need not be flushed: a note that comes back after a power cut
    // names temp files that are gone, and finishing it again does nothing.
    std::fs::remove_file(&path).map_err(|e| StoreError::io("remove", &path, e))?;
    Ok(Some(Recovered::RolledForward(placed)))
}

/// For `check`: the files a pending commit will put in place at the next load, as
/// (target name, temp path to read instead). Read-only.
pub fn pending(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(text) = std::fs::read_to_string(dir.join(COMMIT)) else {
        return Vec::new();
    };
    let Ok(note) = ron::from_str::<Note>(&text) else {
        return Vec::new();
    };
    note.renames
        .into_iter()
        .map(|(t, f)| (dir.join(t), dir.join(f)))
        .filter(|(t, _)| t.exists())
        .map(|(t, f)| (name(&f), t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path, text: &str) -> Vec<(PathBuf, Vec<u8>)> {
        ["a.ron", "b.ron"]
            .iter()
            .map(|n| (dir.join(n), text.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn a_commit_puts_every_file_in_place_and_leaves_no_note() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), &files(dir.path(), "new")).unwrap();
        for n in ["a.ron", "b.ron"] {
            assert_eq!(std::fs::read_to_string(dir.path().join(n)).unwrap(), "new");
        }
        assert!(!dir.path().join(COMMIT).exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_note_left_by_a_crash_is_rolled_forward_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.ron"), "old").unwrap();
        std::fs::write(d.join("b.ron"), "old").unwrap();
        // As a crash right after the commit point leaves it: a renamed, b not yet.
        std::fs::write(d.join("a.ron"), "new").unwrap();
        std::fs::write(d.join(".b.ron.tmp-1-1"), "new").unwrap();
        let note = Note {
            renames: vec![
                (".a.ron.tmp-1-0".into(), "a.ron".into()),
                (".b.ron.tmp-1-1".into(), "b.ron".into()),
            ],
            removes: vec!["journal.ron".into()],
        };
        std::fs::write(d.join("journal.ron"), "folded into a and b").unwrap();
        std::fs::write(d.join(COMMIT), ron::to_string(&note).unwrap()).unwrap();
        assert_eq!(
            pending(d),
            vec![("b.ron".to_string(), d.join(".b.ron.tmp-1-1"))]
        );
        assert_eq!(
            finish(d).unwrap(),
            Some(Recovered::RolledForward(vec!["b.ron".into()]))
        );
        assert_eq!(std::fs::read_to_string(d.join("b.ron")).unwrap(), "new");
        assert!(
            !d.join("journal.ron").exists(),
            "the removal is part of the commit"
        );
        assert_eq!(finish(d).unwrap(), None);
    }
}
