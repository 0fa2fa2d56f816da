//! Safety copies taken on the user's word ("Back up now", "start empty"): kept beside the
//! daily backups under a name that says when, in the before-restore rotation.

use super::backup::make_backup;
use super::error::StoreError;
use super::paths::{self, BACKUPS};
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
