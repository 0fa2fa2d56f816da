//! What can go wrong in the store, worded for the person who has to act on it: every
//! message names the file or folder and says what to do.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One problem found in one file: a parse error (with its position) or a record that
/// breaks a rule. `moved_to` is set when `load` set the file aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file's name inside the data dir (or the backup), e.g. `deals.ron`.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// Where the unreadable file was moved to, byte for byte.
    pub moved_to: Option<PathBuf>,
}

impl FileProblem {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> FileProblem {
        FileProblem {
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            moved_to: None,
        }
    }

    /// A parse error from ron, positioned where ron stopped.
    pub(crate) fn from_ron(file: &str, e: &ron::error::SpannedError) -> FileProblem {
        FileProblem {
            file: file.to_string(),
            line: Some(e.span.start.line),
            column: Some(e.span.start.col),
            message: e.code.to_string(),
            moved_to: None,
        }
    }
}

/// `file:line:column: message`, or `file: message` when there is no position, so
/// editors and terminals can jump to the spot.
impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Errors of the store. Cheap to clone (the I/O error is shared) so the autosaver can
/// both report an error and return it from `flush`.
#[derive(Debug, Clone)]
pub enum StoreError {
    /// The system has no per-user data folder and none was given.
    NoDataDir,
    /// Reading, writing, renaming … a path failed.
    Io {
        path: PathBuf,
        /// What we were doing, as a verb phrase: "write", "rename", "read" …
        action: &'static str,
        source: Arc<io::Error>,
    },
    /// The workspace could not be turned into RON (the old file is untouched).
    Serialize { file: String, message: String },
    /// The data dir was written by a newer SalesDesk; we never write an older format
    /// over it.
    NewerSchema {
        dir: PathBuf,
        found: u32,
        known: u32,
    },
    /// A schema version this build has no migration from.
    UnknownSchema { dir: PathBuf, found: u32 },
    /// An old-format file could not be read, so it could not be migrated. Nothing was
    /// changed.
    Migration {
        problem: Box<FileProblem>,
        dir: PathBuf,
        from: u32,
    },
    /// Another SalesDesk holds the lock on this data dir.
    AlreadyRunning { dir: PathBuf, pid: Option<u32> },
    /// The given folder is not a backup (missing, or holds no workspace file).
    NotABackup { path: PathBuf },
    /// The backup holds files that do not parse; restoring it would lose data.
    UnsoundBackup {
        path: PathBuf,
        problems: Vec<FileProblem>,
    },
    /// A copy of the workspace was to go into a folder that holds one already; nothing
    /// was written there.
    FolderHoldsWorkspace { path: PathBuf },
    /// The autosave thread is gone (it should never stop while the app runs).
    WriterStopped,
    /// The changes to these collection files could not be saved (appending them to
    /// the journal failed): names what is unsaved, then why.
    Unsaved {
        files: Vec<&'static str>,
        source: Box<StoreError>,
    },
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            action,
            source: Arc::new(source),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NoDataDir => write!(
                f,
                "could not find a data folder for SalesDesk on this system; \
                 start it with --data-dir PATH or set SALESDESK_DATA_DIR"
            ),
            StoreError::Io {
                path,
                action,
                source,
            } => write!(
                f,
                "could not {action} {}: {source}. Check that the disk is present and not \
                 full and that you may write to this folder",
                path.display()
            ),
            StoreError::Serialize { file, message } => write!(
                f,
                "could not write {file}: {message}. The file on disk was left as it was"
            ),
            StoreError::NewerSchema { dir, found, known } => write!(
                f,
                "the data in {} was written by a newer SalesDesk (data format {found}; this \
                 version knows up to {known}). Nothing was changed: use the newer SalesDesk, \
                 or start this one with --data-dir pointing at another folder",
                dir.display()
            ),
            StoreError::UnknownSchema { dir, found } => write!(
                f,
                "the data in {} says it is in data format {found}, which this SalesDesk \
                 cannot read. Nothing was changed; check manifest.ron in that folder",
                dir.display()
            ),
            // Formats from 2 on are known only from manifest.ron: a wrong number there
            // (a damaged or hand-edited manifest) fails the same way, so it is named.
            StoreError::Migration { problem, dir, from } if *from >= 2 => write!(
                f,
                "could not upgrade the data in {} from data format {from}, as its \
                 manifest.ron states: {problem}. Nothing was changed: fix that spot by hand \
                 (run `salesdesk check`), or the format in manifest.ron if it is wrong, and \
                 start again",
                dir.display()
            ),
            StoreError::Migration { problem, dir, from } => write!(
                f,
                "could not upgrade the data in {} from data format {from}: {problem}. \
                 Nothing was changed: fix that spot by hand (run `salesdesk check`) and start \
                 again",
                dir.display()
            ),
            StoreError::AlreadyRunning { dir, pid } => {
                write!(f, "SalesDesk is already running")?;
                if let Some(pid) = pid {
                    write!(f, " (process {pid})")?;
                }
                write!(
                    f,
                    " with the data in {}. Switch to that window, or close it before \
                     starting another",
                    dir.display()
                )
            }
            StoreError::NotABackup { path } => write!(
                f,
                "{} is not a SalesDesk backup (it holds no workspace file); choose another \
                 backup",
                path.display()
            ),
            StoreError::UnsoundBackup { path, problems } => {
                write!(
                    f,
                    "the backup {} has files that cannot be read, so it was not restored \
                     (nothing was changed); choose another backup",
                    path.display()
                )?;
                for p in problems {
                    write!(f, "; {p}")?;
                }
                Ok(())
            }
            StoreError::FolderHoldsWorkspace { path } => write!(
                f,
                "{} already holds SalesDesk data, so nothing was written there; choose an \
                 empty or new folder",
                path.display()
            ),
            StoreError::WriterStopped => write!(
                f,
                "the background saver stopped unexpectedly and did not write the latest \
                 changes; they are still in memory, so keep SalesDesk open and save again"
            ),
            StoreError::Unsaved { files, source } => {
                write!(
                    f,
                    "the changes to {} are not saved: {source}",
                    files.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}
