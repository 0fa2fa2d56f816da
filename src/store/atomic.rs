//! Crash-safe writes: a file is written whole into a temp file beside it, flushed to the
//! disk, then renamed over the target. A rename within one folder is atomic, so a kill or
//! power cut at any instant leaves either the old file or the new one, never a torn one.
//! A target that is a symbolic link keeps its link: the file it points to is replaced.

use super::error::StoreError;
use super::paths;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `path` atomically with whatever `write` produces. If `write` fails the target
/// is untouched and the temp file is removed. When `path` is a symbolic link, the file
/// it points to is written (the temp file sits beside that file), so the link stays.
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), StoreError> {
    let target = link_target(path)?;
    let path = target.as_path();
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

/// Links are followed this many times at most (a loop of links is an error).
const MAX_LINKS: usize = 40;

/// The file a write to `path` must replace: `path` itself, or where its chain of
/// symbolic links ends (which need not exist yet).
pub(crate) fn link_target(path: &Path) -> Result<PathBuf, StoreError> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to =
                    std::fs::read_link(&at).map_err(|e| StoreError::io("read the link", &at, e))?;
                // A relative link is relative to the folder holding the link.
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(StoreError::io(
        "follow the links of",
        path,
        io::Error::other("too many levels of symbolic links"),
    ))
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

    #[cfg(unix)]
    #[test]
    fn a_chain_of_relative_links_ends_at_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::fs::write(dir.path().join("real/a.ron"), b"old").unwrap();
        std::os::unix::fs::symlink("real/a.ron", dir.path().join("middle")).unwrap();
        std::os::unix::fs::symlink("middle", dir.path().join("a.ron")).unwrap();
        let link = dir.path().join("a.ron");
        assert_eq!(link_target(&link).unwrap(), dir.path().join("real/a.ron"));
        write_bytes(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read(dir.path().join("real/a.ron")).unwrap(),
            b"new"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(write_bytes(&dir.path().join("a"), b"x").is_err());
    }
}
