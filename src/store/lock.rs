//! One writer per data dir: an OS file lock on `salesdesk.lock`, held for the life of the
//! process. The OS drops it when the process dies, so a crash or kill never blocks the
//! next start (the file itself may stay; only the lock counts).

use super::error::StoreError;
use super::paths::LOCK;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Takes the lock on `dir`, or says clearly that another SalesDesk has it.
pub fn acquire_lock(dir: &Path) -> Result<Lock, StoreError> {
    let path = dir.join(LOCK);
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
        Err(TryLockError::WouldBlock) => {
            return Err(StoreError::AlreadyRunning {
                dir: dir.to_path_buf(),
                pid: holder_pid(&mut file),
            });
        }
        Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", &path, e)),
    }
    // The pid is only a hint for the message above; failing to write it is harmless.
    let _ = file
        .set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| write!(file, "{}", std::process::id()))
        .and_then(|_| file.flush());
    Ok(Lock { _file: file, path })
}

/// The pid the holder wrote, where the OS lets us read a locked file.
fn holder_pid(file: &mut File) -> Option<u32> {
    let mut s = String::new();
    file.read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
}
