//! Saving off the UI thread. The UI hands over a snapshot (cloning a `Workspace` only
//! clones its `Arc`s) and the writer thread serializes and writes it. Snapshots that
//! queue up while a write runs are merged: only the newest state of each file is written.

use super::error::StoreError;
use super::files::save;
use crate::model::{FileKind, Workspace};
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

struct Job {
    ws: Workspace,
    files: BTreeSet<FileKind>,
    revision: u64,
}

#[derive(Default)]
struct State {
    pending: Option<Job>,
    writing: bool,
    stop: bool,
    reports: Vec<SaveReport>,
    /// Files whose latest write failed (cleared when a later write of them succeeds).
    failed: BTreeMap<FileKind, StoreError>,
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
    /// Starts the writer thread for the data dir `dir`.
    pub fn new(dir: PathBuf) -> Result<Autosaver, StoreError> {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let worker_dir = dir.clone();
        let thread = std::thread::Builder::new()
            .name("salesdesk-autosave".into())
            .spawn(move || run(&worker, &worker_dir))
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

    /// The writes finished since the last call. Never blocks on a write.
    pub fn poll(&self) -> Vec<SaveReport> {
        std::mem::take(&mut self.shared.lock().reports)
    }

    /// True while something is queued or being written.
    pub fn busy(&self) -> bool {
        let s = self.shared.lock();
        s.pending.is_some() || s.writing
    }

    /// Waits until everything submitted is written. `Ok` means the newest submitted
    /// state of every file is on disk; otherwise the error of a file whose latest write
    /// failed (its report is also in `poll`).
    pub fn flush(&self) -> Result<(), StoreError> {
        let mut s = self.shared.lock();
        while s.pending.is_some() || s.writing {
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

/// The writer thread: take the newest job, write it, report, repeat; on stop, finish
/// what is pending first.
fn run(shared: &Shared, dir: &std::path::Path) {
    loop {
        let job = {
            let mut s = shared.lock();
            loop {
                if let Some(job) = s.pending.take() {
                    s.writing = true;
                    break job;
                }
                if s.stop {
                    return;
                }
                s = shared.changed.wait(s).unwrap_or_else(|e| e.into_inner());
            }
        };
        // A panic in serialization must not leave `flush` waiting for ever.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            save(dir, &job.ws, &job.files)
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
        shared.changed.notify_all();
    }
}
