//! The degraded state: which collection files were set aside and are still missing.
//!
//! A file that fails to parse is moved aside and its collection loads empty. Without a
//! note of that, the next start would find the file simply absent and load an empty
//! collection without a word. So `set-aside.ron` lists every set-aside file whose
//! collection has not been resolved yet: restored from a backup, fixed by hand and put
//! back, or started empty on the user's word. A listed file that reads again at a load
//! is resolved; one still missing keeps the workspace degraded.
//!
//! The note is written before the file is moved, so a crash between the two leaves a
//! note for a file that is still in place (resolved at the next load, or set aside
//! again), never a moved file without a note.

use super::atomic;
use super::error::{FileProblem, StoreError};
use super::files;
use super::paths::{self, SET_ASIDE};
use crate::model::FileKind;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One set-aside collection file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetAside {
    /// The collection's file name, e.g. `customers.ron`.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Why it was set aside.
    pub message: String,
    /// The name it was moved to, in the data dir.
    pub moved_to: String,
    pub at: NaiveDateTime,
}

impl SetAside {
    pub fn new(problem: &FileProblem, moved_to: &Path, at: NaiveDateTime) -> SetAside {
        SetAside {
            file: problem.file.clone(),
            line: problem.line,
            column: problem.column,
            message: problem.message.clone(),
            moved_to: moved_to
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            at,
        }
    }

    pub fn kind(&self) -> Option<FileKind> {
        FileKind::from_file_name(&self.file)
    }

    /// The problem as the window and `check` show it: `file:line:column: why`.
    pub fn problem(&self, dir: &Path) -> FileProblem {
        FileProblem {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            message: self.message.clone(),
            moved_to: Some(dir.join(&self.moved_to)),
        }
    }
}

/// The set-aside files listed in `dir`. An unreadable note is rebuilt from the folder:
/// every collection file that is missing while a `.corrupt-` copy of it exists.
pub fn read(dir: &Path) -> Vec<SetAside> {
    match files::read_text(&dir.join(SET_ASIDE)) {
        Ok(None) => Vec::new(),
        Ok(Some(Ok(text))) => match ron::from_str::<Vec<SetAside>>(&text) {
            Ok(list) => list,
            Err(_) => from_folder(dir),
        },
        _ => from_folder(dir),
    }
}

/// Writes the note (removing it when nothing is set aside).
pub fn write(dir: &Path, list: &[SetAside]) -> Result<(), StoreError> {
    let path = dir.join(SET_ASIDE);
    if list.is_empty() {
        return match std::fs::remove_file(&path) {
            Ok(()) => atomic::sync_dir(dir),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io("remove", &path, e)),
        };
    }
    let text = ron::ser::to_string_pretty(&list, ron::ser::PrettyConfig::new()).map_err(|e| {
        StoreError::Serialize {
            file: SET_ASIDE.into(),
            message: e.to_string(),
        }
    })?;
    atomic::write_bytes(&path, text.as_bytes())
}

/// The collections of `list` whose file is still missing in `dir`: the degraded ones.
pub fn still_missing(dir: &Path, list: Vec<SetAside>) -> Vec<SetAside> {
    let mut out: Vec<SetAside> = Vec::new();
    for s in list {
        if let Some(k) = s.kind()
            && !paths::file_path(dir, k).exists()
        {
            // The newest note of a file wins.
            out.retain(|o| o.kind() != Some(k));
            out.push(s);
        }
    }
    out
}

fn kinds_of(problems: &[FileProblem]) -> BTreeSet<FileKind> {
    problems
        .iter()
        .filter_map(|p| FileKind::from_file_name(&p.file))
        .collect()
}

/// The kinds a list names.
pub fn kinds(list: &[SetAside]) -> BTreeSet<FileKind> {
    list.iter().filter_map(SetAside::kind).collect()
}

fn from_folder(dir: &Path) -> Vec<SetAside> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut newest: std::collections::BTreeMap<FileKind, PathBuf> = Default::default();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !paths::is_corrupt_name(&name) {
            continue;
        }
        let Some((file, _)) = name.split_once(".corrupt-") else {
            continue;
        };
        if let Some(kind) = FileKind::from_file_name(file)
            && !paths::file_path(dir, kind).exists()
        {
            let slot = newest.entry(kind).or_insert_with(|| e.path());
            if e.path() > *slot {
                *slot = e.path();
            }
        }
    }
    newest
        .into_iter()
        .map(|(kind, path)| {
            let at = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local())
                .unwrap_or_default();
            let p = FileProblem::new(
                kind.file_name(),
                "was set aside earlier because it could not be read",
            );
            SetAside::new(&p, &path, at)
        })
        .collect()
}

/// Refuses to work on a degraded workspace, or one with a file that does not read:
/// the same clear message every time, and nothing is changed (not even a file set
/// aside). For `import` and `demo`.
pub fn refuse_if_unsound(dir: &Path) -> Result<(), String> {
    let mut problems: Vec<FileProblem> = still_missing(dir, read(dir))
        .iter()
        .map(|s| s.problem(dir))
        .collect();
    let listed: BTreeSet<FileKind> = kinds_of(&problems);
    problems.extend(files::unreadable(dir, |k| listed.contains(&k)));
    if problems.is_empty() {
        return Ok(());
    }
    let mut msg = format!(
        "the workspace in {} has files that could not be read (or were set aside and \
         are not resolved yet), and writing to it now could reuse their ids; nothing \
         was changed:",
        dir.display()
    );
    for p in &problems {
        msg.push_str(&format!("\n  {p}"));
        if let Some(m) = p.moved_to.as_ref().and_then(|m| m.file_name()) {
            msg.push_str(&format!(" (kept as {})", m.to_string_lossy()));
        }
    }
    msg.push_str(
        "\nOpen SalesDesk to restore the file from a backup or start it empty, or fix it \
         by hand and run `salesdesk check`",
    );
    Err(msg)
}
