//! One writer per data dir: an OS lock held for the life of the process. The OS drops it
//! when the process dies, so a crash or kill never blocks the next start (the lock file
//! may stay; only the lock counts).
//!
//! The lock is taken on the data folder itself where the OS allows it (unix: a folder
//! opened read-only can be locked like a file), so deleting `salesdesk.lock` while the
//! app runs lets no second writer in. `salesdesk.lock` is locked too (elsewhere it is
//! the only lock) and holds the holder's pid, a hint for the "already running" message.

use super::error::StoreError;
use super::paths::LOCK;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    /// The data folder, locked (unix only).
    _dir: Option<File>,
    path: PathBuf,
}

impl Lock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Takes the lock on `dir`, or says clearly that another SalesDesk has it.
///
/// A lock that this very process released can still be held for a moment by a child
/// process another thread is starting: the child shares the locked descriptor until its
/// `exec` closes it. So a refusal naming our own pid is tried again for up to a second
/// before it is reported; a real holder keeps it and is reported as before.
pub fn acquire_lock(dir: &Path) -> Result<Lock, StoreError> {
    const TRIES: u32 = 100;
    let own = Some(std::process::id());
    let mut tries = 0;
    loop {
        match try_acquire(dir) {
            Err(StoreError::AlreadyRunning { pid, .. }) if pid == own && tries < TRIES => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            result => return result,
        }
    }
}

fn try_acquire(dir: &Path) -> Result<Lock, StoreError> {
    let path = dir.join(LOCK);
    let locked_dir = lock_dir(dir)?;
    // Never truncate on open: the holder's pid is in there.
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| StoreError::io("open the lock file", &path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Err(already_running(dir)),
        Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", &path, e)),
    }
    // The pid is only a hint for the message above; failing to write it is harmless.
    let _ = file
        .set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| write!(file, "{}", std::process::id()))
        .and_then(|_| file.flush());
    Ok(Lock {
        _file: file,
        _dir: locked_dir,
        path,
    })
}

/// Locks the folder itself. Only unix opens a folder as a file; elsewhere `None`.
#[cfg(unix)]
fn lock_dir(dir: &Path) -> Result<Option<File>, StoreError> {
    let d = File::open(dir).map_err(|e| StoreError::io("open the data folder", dir, e))?;
    match d.try_lock() {
        Ok(()) => Ok(Some(d)),
        Err(TryLockError::WouldBlock) => Err(already_running(dir)),
        // A file system that cannot lock folders (some network shares): the lock file
        // is then the lock, as on other systems, rather than no start at all.
        Err(TryLockError::Error(_)) => Ok(None),
    }
}

#[cfg(not(unix))]
fn lock_dir(_dir: &Path) -> Result<Option<File>, StoreError> {
    Ok(None)
}

/// The refusal, with the pid the holder wrote where the lock file can still be read
/// (it is never created here).
fn already_running(dir: &Path) -> StoreError {
    StoreError::AlreadyRunning {
        dir: dir.to_path_buf(),
        pid: File::open(dir.join(LOCK))
            .ok()
            .and_then(|mut f| holder_pid(&mut f)),
    }
}

/// The pid the holder wrote, where the OS lets us read a locked file.
fn holder_pid(file: &mut File) -> Option<u32> {
    let mut s = String::new();
    file.read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}
