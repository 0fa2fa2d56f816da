//! Where things live: the data dir and the names of everything in it.
//!
//! ```text
//! <data dir>/
//!   manifest.ron                 schema version, app version, time of the last save
//!   settings.ron team.ron …      one file per collection (FileKind::file_name)
//!   salesdesk.lock               held by the running app (an OS lock, not its existence)
//!   restore-pending.ron          only while a restore is being copied in
//!   set-aside.ron                collection files set aside and not resolved yet
//!   commit.ron                   only while a save of several files is being put in place
//!   <name>.corrupt-<stamp>       a file that failed to parse, set aside byte for byte
//!   workspace.ron.v1-migrated    the schema-1 file, kept after migration
//!   .<name>.tmp-<pid>-<n>        a write in progress (stale ones are removed at load)
//!   backups/<YYYY-MM-DD>/        daily copies; backups/before-restore-<stamp>/
//!   backups/before-upgrade-v<N>-<stamp>/  schema N's files, as they were before migration
//! ```

use super::error::StoreError;
use crate::model::FileKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub const MANIFEST: &str = "manifest.ron";
pub const LOCK: &str = "salesdesk.lock";
pub const BACKUPS: &str = "backups";
pub const RESTORE_PENDING: &str = "restore-pending.ron";
/// The window's preferences (language, last page): not workspace data.
pub const PREFS_FILE: &str = "prefs.ron";
/// A save of several files in progress, past its commit point (see `commit`).
pub const COMMIT: &str = "commit.ron";
/// The changes made since the collection files were last written (`store::journal`).
pub const JOURNAL: &str = "journal.ron";
/// The collection files set aside and not resolved yet (see `degraded`).
pub const SET_ASIDE: &str = "set-aside.ron";
/// The single file of schema version 1.
pub const V1_WORKSPACE: &str = "workspace.ron";
pub const ENV_DATA_DIR: &str = "SALESDESK_DATA_DIR";

/// Marks our temp files and dirs; nothing else in the data dir contains it.
const TEMP_MARK: &str = ".tmp-";

/// The data dir: `--data-dir` wins, then `SALESDESK_DATA_DIR`, then the system's
/// per-user data folder. It is created if missing: only for the window, `demo` and
/// `import`, which may write there. Readers use [`locate_data_dir`].
pub fn resolve_data_dir(cli: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    let dir = locate_data_dir(cli)?;
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::io("create the data folder", &dir, e))?;
    Ok(dir)
}

/// The data dir by the same rule as [`resolve_data_dir`], without creating anything:
/// for `check` and `report`, which only read.
pub fn locate_data_dir(cli: Option<PathBuf>) -> Result<PathBuf, StoreError> {
    let env = std::env::var_os(ENV_DATA_DIR).map(PathBuf::from);
    let system =
        || directories::ProjectDirs::from("", "", "SalesDesk").map(|p| p.data_dir().to_path_buf());
    choose_data_dir(cli, env, system).ok_or(StoreError::NoDataDir)
}

/// Where eframe keeps the window's size, position and zoom: the system's preference
/// folder, never the data folder (on macOS `config_dir` is the data folder itself, so
/// `preference_dir`). eframe writes that file non-atomically; it holds no workspace data.
pub fn window_state_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "SalesDesk").map(|p| p.preference_dir().join("app.ron"))
}

/// The precedence rule alone (testable without touching the environment). An empty
/// value counts as not given.
pub fn choose_data_dir(
    cli: Option<PathBuf>,
    env: Option<PathBuf>,
    system: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    let given = |p: &Option<PathBuf>| p.as_ref().is_some_and(|p| !p.as_os_str().is_empty());
    if given(&cli) {
        cli
    } else if given(&env) {
        env
    } else {
        system()
    }
}

pub fn file_path(dir: &Path, kind: FileKind) -> PathBuf {
    dir.join(kind.file_name())
}

/// A fresh temp name next to `target`: hidden, unique within and across processes.
pub fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()))
}

/// True for the names `temp_path` makes (never data).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(TEMP_MARK)
}

/// The workspace file (a collection file or the manifest) a temp name was written for
/// (`.deals.ron.tmp-1-2` → `deals.ron`); `None` for any other temp file.
pub fn temp_target(name: &str) -> Option<String> {
    let (head, _) = name.rsplit_once(TEMP_MARK)?;
    let target = head.strip_prefix('.')?;
    (target == MANIFEST || FileKind::from_file_name(target).is_some()).then(|| target.to_owned())
}

/// The process that made a temp name, if it can be read from it.
pub fn temp_owner(name: &str) -> Option<u32> {
    let (_, rest) = name.rsplit_once(TEMP_MARK)?;
    rest.split('-').next()?.parse().ok()
}

/// `path` itself if free, else `path-2`, `path-3` …: never replaces an existing file.
pub fn free_path(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let base = path.as_os_str().to_owned();
    (2u32..)
        .map(|i| {
            let mut p = base.clone();
            p.push(format!("-{i}"));
            PathBuf::from(p)
        })
        .find(|p| !p.exists())
        .unwrap_or(path)
}

/// Where an unreadable file is set aside: `<name>.corrupt-<YYYYmmdd-HHMMSS>`.
pub fn corrupt_path(path: &Path, now: chrono::NaiveDateTime) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(format!(".corrupt-{}", now.format("%Y%m%d-%H%M%S")));
    free_path(PathBuf::from(p))
}

pub fn is_corrupt_name(name: &str) -> bool {
    name.contains(".corrupt-") && !is_temp_name(name)
}

/// True when the dir holds a workspace in any schema version.
pub fn workspace_exists(dir: &Path) -> bool {
    dir.join(MANIFEST).exists()
        || dir.join(SET_ASIDE).exists()
        || dir.join(V1_WORKSPACE).exists()
        || FileKind::ALL.iter().any(|k| file_path(dir, *k).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_state_lives_outside_the_data_folder() {
        let data =
            directories::ProjectDirs::from("", "", "SalesDesk").map(|p| p.data_dir().to_path_buf());
        if let (Some(file), Some(data)) = (window_state_file(), data) {
            assert!(
                !file.starts_with(&data),
                "{} is in {}",
                file.display(),
                data.display()
            );
            assert_eq!(file.file_name().unwrap(), "app.ron");
        }
    }

    #[test]
    fn cli_beats_env_beats_system() {
        let p = |s: &str| Some(PathBuf::from(s));
        let sys = || p("/sys");
        assert_eq!(choose_data_dir(p("/cli"), p("/env"), sys), p("/cli"));
        assert_eq!(choose_data_dir(None, p("/env"), sys), p("/env"));
        assert_eq!(choose_data_dir(p(""), p(""), sys), p("/sys"));
        assert_eq!(choose_data_dir(None, None, || None), None);
    }

    #[test]
    fn temp_names_are_unique_hidden_and_recognised() {
        let a = temp_path(Path::new("/d/deals.ron"));
        let b = temp_path(Path::new("/d/deals.ron"));
        assert_ne!(a, b);
        let name = a.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with(".deals.ron.tmp-"), "{name}");
        assert!(is_temp_name(name));
        assert_eq!(temp_owner(name), Some(std::process::id()));
        assert!(!is_temp_name("deals.ron"));
        assert!(!is_temp_name("deals.ron.corrupt-20260101-120000"));
    }

    #[test]
    fn corrupt_names_never_replace_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 4)
            .unwrap()
            .and_hms_opt(5, 6, 7)
            .unwrap();
        let target = dir.path().join("deals.ron");
        let first = corrupt_path(&target, now);
        assert_eq!(
            first.file_name().unwrap(),
            "deals.ron.corrupt-20260304-050607"
        );
        std::fs::write(&first, "x").unwrap();
        let second = corrupt_path(&target, now);
        assert_eq!(
            second.file_name().unwrap(),
            "deals.ron.corrupt-20260304-050607-2"
        );
    }
}
