//! Storage: RON files in the data dir, written atomically, with backups, a lock, schema
//! migrations and careful handling of files that fail to parse; CSV import.
//!
//! The disk layout is described in [`paths`]; the schema versions in [`migrate`].
//! Typical start of the app: [`resolve_data_dir`] → [`acquire_lock`] → [`load`] (warn
//! about `problems`, offer Restore) → [`Autosaver::new`] → [`Autosaver::daily_backup`]
//! (on the writer thread, so its outcome reaches the window).

pub mod atomic;
pub mod autosave;
pub mod backup;
pub mod check;
pub mod commit;
pub mod degraded;
pub mod error;
pub mod fast_ron;
pub mod fast_ron_write;
pub mod files;
pub mod journal;
pub mod load;
pub mod lock;
pub mod manifest;
pub mod migrate;
pub mod paths;
pub mod safety;
pub mod v2;

pub use autosave::{Autosaver, SafetyCopy, SafetyDone, SaveReport};
pub use backup::{
    BackupInfo, BackupKind, FileInBackup, KEEP_BEFORE_RESTORE, KEEP_DAILY, KEEP_MANUAL,
    daily_backup, list_backups, newest_copy_of, restore_backup, restore_file,
};
pub use check::{CheckReport, check, check_report};
pub use commit::Recovered;
pub use degraded::SetAside;
pub use error::{FileProblem, StoreError};
pub use files::save;
pub use journal::{Journal, Saved};
pub use load::{Loaded, load};
pub use lock::{Lock, acquire_lock};
pub use manifest::{Manifest, SCHEMA_VERSION};
pub use migrate::{WorkspaceV1, migrate};
pub use paths::{locate_data_dir, resolve_data_dir, workspace_exists};
pub use safety::{backup_now, save_copy};
pub use v2::WorkspaceV2;
