//! Safety copies taken on the user's word ("Back up now", "start empty"): kept beside the
//! daily backups under a name that says when, in the before-restore rotation; and a
//! copy of the workspace in memory into a folder of the user's choice, when the data
//! folder cannot be written.

use super::backup::make_backup;
use super::error::StoreError;
use super::files::save;
use super::paths::{self, BACKUPS};
use crate::model::{FileKind, Workspace};
use std::path::{Path, PathBuf};

/// Copies every workspace file now, as `backups/before-restore-<stamp>` so the Restore
/// screen lists it with the others and rotation keeps the newest few.
pub fn backup_now(dir: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().naive_local().format("%Y%m%d-%H%M%S");
    let path = paths::free_path(dir.join(BACKUPS).join(format!("before-restore-{stamp}")));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("before-restore-{stamp}"));
    make_backup(dir, &name)
}

/// Writes the whole of `ws` (every collection file and the manifest, each with the
/// atomic writer) into `to`, made if missing: a rescue copy when the data folder cannot
/// be written. A folder that already holds SalesDesk data is refused and left as it was.
pub fn save_copy(to: &Path, ws: &Workspace) -> Result<(), StoreError> {
    if paths::workspace_exists(to) {
        return Err(StoreError::FolderHoldsWorkspace {
            path: to.to_path_buf(),
        });
    }
    std::fs::create_dir_all(to).map_err(|e| StoreError::io("create", to, e))?;
    save(to, ws, &FileKind::ALL.into_iter().collect())
}
