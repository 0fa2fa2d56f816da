//! Crash-safe writes: a file is written whole into a temp file beside it, flushed to the
//! disk, then renamed over the target. A rename within one folder is atomic, so a kill or
//! power cut at any instant leaves either the old file or the new one, never a torn one.

use super::error::StoreError;
use super::paths;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Writes `path` atomically with whatever `write` produces. If `write` fails the target
/// is untouched and the temp file is removed.
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), StoreError> {
    let tmp = paths::temp_path(path);
    let result = (|| {
        // create_new: never follow or reuse someone else's file.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| StoreError::io("create", &tmp, e))?;
        write(&mut file).map_err(|e| StoreError::io("write", &tmp, e))?;
        // The data must be on disk before the rename makes it the real file.
        file.sync_all()
            .map_err(|e| StoreError::io("flush to disk", &tmp, e))?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| StoreError::io("replace", path, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    sync_parent(path)
}

/// Writes `bytes` to `path` atomically.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_with(path, |w| w.write_all(bytes))
}

/// Copies `from` to `to` atomically (the copy is flushed before it takes the name).
pub fn copy(from: &Path, to: &Path) -> Result<(), StoreError> {
    let mut src = File::open(from).map_err(|e| StoreError::io("open", from, e))?;
    write_with(to, |w| io::copy(&mut src, w).map(|_| ()))
}

/// Renames within one folder and makes the rename durable.
pub fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    std::fs::rename(from, to).map_err(|e| StoreError::io("rename", from, e))?;
    sync_parent(to)
}

/// Makes a rename or a new entry in `path`'s folder durable. On unix a folder is
/// fsynced like a file; elsewhere the rename is as durable as the OS makes it.
pub fn sync_parent(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(dir) => sync_dir(dir),
        None => Ok(()),
    }
}

#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("flush the folder", dir, e))
}

#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> Result<(), StoreError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deals.ron");
        std::fs::write(&path, b"old contents").unwrap();
        let r = write_with(&path, |w| {
            w.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        std::fs::write(&path, b"a much longer old file").unwrap();
        write_bytes(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }
}
