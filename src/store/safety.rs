//! Safety copies taken on the user's word ("Back up now", "start empty"): kept beside the
//! daily backups under a name that says when and why (`manual-<stamp>`,
//! `before-restore-<stamp>`), each kind in its own rotation; and a copy of the
//! workspace in memory into a folder of the user's choice, when the data folder cannot
//! be written.

use super::autosave::SafetyCopy;
use super::backup::{BEFORE_RESTORE, MANUAL, make_backup, stamped_name};
use super::error::StoreError;
use super::files::save;
use super::paths;
use crate::model::{FileKind, Workspace};
use std::path::{Path, PathBuf};

/// Copies every workspace file now: "Back up now" as `backups/manual-<stamp>`, the copy
/// before a collection is started empty as `backups/before-restore-<stamp>`, so the
/// Restore screen lists it with the others, says which it is, and rotation keeps the
/// newest few of each.
pub fn backup_now(dir: &Path, why: SafetyCopy) -> Result<PathBuf, StoreError> {
    let prefix = match why {
        SafetyCopy::BackUpNow => MANUAL,
        SafetyCopy::StartEmpty => BEFORE_RESTORE,
    };
    make_backup(dir, &stamped_name(dir, prefix))
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
