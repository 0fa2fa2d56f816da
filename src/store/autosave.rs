//! Saving off the UI thread. The UI hands over a snapshot (cloning a `Workspace` only
//! clones its `Arc`s) and the writer thread works out what changed since the state on
//! disk and appends it to the journal (`store::journal`), or rewrites the files when
//! that is the better deal. Snapshots that queue up while a write runs are merged.
//! Backups run here too, after the journal is folded into the files, so a backup is
//! plain files and no file is ever copied half-way through a write. The journal is
//! folded in on a clean stop too.

use super::backup::daily_backup;
use super::error::StoreError;
use super::journal::Journal;
use super::paths::PREFS_FILE;
use super::safety::backup_now;
use crate::model::{FileKind, Workspace};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// The outcome of one write, for the app's "saved" / error display. On error the app
/// puts `files` back on the dirty list (`Document::mark_dirty`) so they are retried.
#[derive(Debug, Clone)]
pub struct SaveReport {
    /// The newest revision included in this write.
    pub revision: u64,
    pub files: BTreeSet<FileKind>,
    pub result: Result<(), StoreError>,
}

/// Why the user asked for a safety copy (see `safety::backup_now`): the app
/// words the outcome, and clears the workspace for `StartEmpty` only once it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SafetyCopy {
    /// "Back up now" on the Data page.
    BackUpNow,
    /// "Clear it and start empty": the copy is taken before anything is cleared.
    StartEmpty,
}

/// A safety copy made (its folder) or failed.
#[derive(Debug, Clone)]
pub struct SafetyDone {
    pub why: SafetyCopy,
    pub result: Result<PathBuf, StoreError>,
}

struct Job {
    ws: Workspace,
    files: BTreeSet<FileKind>,
    revision: u64,
}

#[derive(Default)]
struct State {
    pending: Option<Job>,
    /// A day whose daily backup is due (the app stayed open past midnight). Taken
    /// before the next write, so it holds the files as they stood at the day's turn.
    backup_day: Option<NaiveDate>,
    /// A day whose backup is due after the queued write (a first start: the backup
    /// holds the workspace just made).
    backup_after_write: Option<NaiveDate>,
    /// Daily backups finished since the app last asked: the folder made (`None` when
    /// the day had one already), or why it failed.
    backups_done: Vec<Result<Option<PathBuf>, StoreError>>,
    /// Safety copies asked for, in order: each runs after the writes queued before it.
    safety: Vec<SafetyCopy>,
    safety_done: Vec<SafetyDone>,
    /// The newest preferences text (language, page), written when nothing else waits.
    prefs: Option<String>,
    writing: bool,
    stop: bool,
    reports: Vec<SaveReport>,
    /// Files whose latest write failed (cleared when a later write of them succeeds).
    failed: BTreeMap<FileKind, StoreError>,
    /// The data folder was changed under the writer (a restore, a reload): the state
    /// it now holds, taken before any other work.
    rebase: Option<Option<Workspace>>,
    /// Fold the journal into the files when nothing else waits.
    compact: bool,
}

impl State {
    fn busy(&self) -> bool {
        self.pending.is_some()
            || self.backup_day.is_some()
            || self.backup_after_write.is_some()
            || !self.safety.is_empty()
            || self.prefs.is_some()
            || self.rebase.is_some()
            || self.compact
            || self.writing
    }
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    /// The state, even if a thread panicked while holding it: it stays consistent.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Owns the writer thread. Dropping it writes what is pending, then stops the thread.
pub struct Autosaver {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Autosaver {
    /// Starts the writer thread for the data dir `dir`, without knowing what it holds:
    /// each save then rewrites the files it names (and folds in any journal).
    pub fn new(dir: PathBuf) -> Result<Autosaver, StoreError> {
        Autosaver::start(Journal::open(&dir, None), dir)
    }

    /// Starts the writer thread for `dir`, which holds `ws` (as `load` returned it):
    /// saves append what changed to the journal.
    pub fn with_base(dir: PathBuf, ws: Workspace) -> Result<Autosaver, StoreError> {
        Autosaver::start(Journal::open(&dir, Some(ws)), dir)
    }

    /// Starts the writer thread with `journal` (tests choose when it compacts).
    pub fn start(journal: Journal, dir: PathBuf) -> Result<Autosaver, StoreError> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let worker_dir = dir.clone();
        let thread = std::thread::Builder::new()
            .name("salesdesk-autosave".into())
            .spawn(move || run(&worker, &worker_dir, journal))
            .map_err(|e| StoreError::io("start the background saver for", &dir, e))?;
        Ok(Autosaver {
            shared,
            thread: Some(thread),
        })
    }

    /// Queues `files` of `ws` for writing. Cheap: no serialization happens here.
    pub fn submit(&self, ws: Workspace, files: BTreeSet<FileKind>, revision: u64) {
        if files.is_empty() {
            return;
        }
        let mut s = self.shared.lock();
        let job = match s.pending.take() {
            // The newer snapshot holds the newest state of every file, old ones included.
            Some(mut old) => {
                old.files.extend(files);
                Job {
                    ws,
                    files: old.files,
                    revision: revision.max(old.revision),
                }
            }
            None => Job {
                ws,
                files,
                revision,
            },
        };
        s.pending = Some(job);
        self.shared.changed.notify_all();
    }

    /// The data folder now holds `ws` (after a restore or reload, with the writer
    /// flushed): the journal starts again from there.
    pub fn rebase(&self, ws: Option<Workspace>) {
        self.shared.lock().rebase = Some(ws);
        self.shared.changed.notify_all();
    }

    /// Asks for the journal to be folded into the files, after the writes queued (so
    /// the data folder is plain files: before a restore, or for another program).
    pub fn compact(&self) {
        self.shared.lock().compact = true;
        self.shared.changed.notify_all();
    }

    /// Queues the preferences (their RON text) for `prefs.ron`, after any pending
    /// workspace write. Only the newest text is written.
    pub fn write_prefs(&self, text: String) {
        self.shared.lock().prefs = Some(text);
        self.shared.changed.notify_all();
    }

    /// Asks for the daily backup of `day` on the writer thread, after the write under
    /// way (so no file is copied half-way through a change) and before queued ones.
    pub fn daily_backup(&self, day: NaiveDate) {
        self.shared.lock().backup_day = Some(day);
        self.shared.changed.notify_all();
    }

    /// Asks for the daily backup of `day` after the write queued now: for a first start,
    /// whose workspace exists only once that write is done.
    pub fn daily_backup_after_write(&self, day: NaiveDate) {
        self.shared.lock().backup_after_write = Some(day);
        self.shared.changed.notify_all();
    }

    /// The daily backups finished since the last call: the folder each made (`None`
    /// when the day had one already), or why it failed.
    pub fn take_backups_done(&self) -> Vec<Result<Option<PathBuf>, StoreError>> {
        std::mem::take(&mut self.shared.lock().backups_done)
    }

    /// Asks for a safety copy of every workspace file on the writer thread, after the
    /// writes already queued (submit the unsaved files first, so the copy holds them).
    pub fn safety_copy(&self, why: SafetyCopy) {
        self.shared.lock().safety.push(why);
        self.shared.changed.notify_all();
    }

    /// The safety copies finished since the last call.
    pub fn take_safety_done(&self) -> Vec<SafetyDone> {
        std::mem::take(&mut self.shared.lock().safety_done)
    }

    /// The writes finished since the last call. Never blocks on a write.
    pub fn poll(&self) -> Vec<SaveReport> {
        std::mem::take(&mut self.shared.lock().reports)
    }

    /// True while something is queued or being written.
    pub fn busy(&self) -> bool {
        self.shared.lock().busy()
    }

    /// Waits until everything submitted is written. `Ok` means the newest submitted
    /// state of every file is on disk; otherwise the error of a file whose latest write
    /// failed (its report is also in `poll`).
    pub fn flush(&self) -> Result<(), StoreError> {
        let mut s = self.shared.lock();
        while s.busy() {
            if self.thread.as_ref().is_none_or(|t| t.is_finished()) {
                return Err(StoreError::WriterStopped);
            }
            s = self
                .shared
                .changed
                .wait(s)
                .unwrap_or_else(|e| e.into_inner());
        }
        match s.failed.values().next() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// What the writer thread does next.
enum Work {
    Backup(NaiveDate),
    Save(Job),
    Safety(SafetyCopy),
    Prefs(String),
    Compact,
}

/// The writer thread: take a due daily backup, else the newest save, else the oldest
/// safety copy; do it, report, repeat. On stop, finish what is pending first, then fold
/// the journal into the files.
fn run(shared: &Shared, dir: &std::path::Path, mut journal: Journal) {
    loop {
        let work = {
            let mut s = shared.lock();
            loop {
                if let Some(ws) = s.rebase.take() {
                    journal.rebase(ws);
                    continue;
                }
                if let Some(day) = s.backup_day.take() {
                    s.writing = true;
                    break Work::Backup(day);
                }
                if let Some(job) = s.pending.take() {
                    s.writing = true;
                    break Work::Save(job);
                }
                if let Some(day) = s.backup_after_write.take() {
                    s.writing = true;
                    break Work::Backup(day);
                }
                if !s.safety.is_empty() {
                    s.writing = true;
                    break Work::Safety(s.safety.remove(0));
                }
                if let Some(text) = s.prefs.take() {
                    s.writing = true;
                    break Work::Prefs(text);
                }
                if std::mem::take(&mut s.compact) {
                    s.writing = true;
                    break Work::Compact;
                }
                if s.stop {
                    drop(s);
                    // A failure leaves the journal, replayed at the next start.
                    let _ = journal.compact();
                    return;
                }
                s = shared.changed.wait(s).unwrap_or_else(|e| e.into_inner());
            }
        };
        match work {
            Work::Backup(day) => {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    journal.compact().and_then(|_| daily_backup(dir, day))
                }))
                .unwrap_or(Err(StoreError::WriterStopped));
                let mut s = shared.lock();
                s.backups_done.push(result);
                s.writing = false;
            }
            Work::Prefs(text) => {
                // Preferences are not workspace data: a failed write only costs the
                // choice, and the next change of them tries again.
                let _ = super::atomic::write_bytes(&dir.join(PREFS_FILE), text.as_bytes());
                shared.lock().writing = false;
            }
            Work::Compact => {
                let _ =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| journal.compact()));
                shared.lock().writing = false;
            }
            Work::Safety(why) => {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    journal.compact().and_then(|_| backup_now(dir, why))
                }))
                .unwrap_or(Err(StoreError::WriterStopped));
                let mut s = shared.lock();
                s.safety_done.push(SafetyDone { why, result });
                s.writing = false;
            }
            Work::Save(job) => {
                // A panic in serialization must not leave `flush` waiting for ever.
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    journal.save(&job.ws, &job.files).map(|_| ())
                }))
                .unwrap_or(Err(StoreError::WriterStopped));
                let mut s = shared.lock();
                for f in &job.files {
                    match &result {
                        Ok(()) => s.failed.remove(f),
                        Err(e) => s.failed.insert(*f, e.clone()),
                    };
                }
                s.reports.push(SaveReport {
                    revision: job.revision,
                    files: job.files,
                    result,
                });
                s.writing = false;
            }
        }
        shared.changed.notify_all();
    }
}
