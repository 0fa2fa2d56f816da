//! Schema versions and the migrations between them, one step per version.
//!
//! - **Schema 1** (the first layout): a single file `workspace.ron` holding
//!   [`WorkspaceV1`], with no manifest (or one saying `schema_version: 1`).
//! - **Schema 2** (current): one file per `FileKind` plus `manifest.ron`. The collection
//!   types are the same as in schema 1; only the layout changed.
//!
//! A step must be safe to re-run after a crash at any instant: it derives everything
//! from files it has not changed yet, and commits by writing the manifest last.
//!
//! A step first reads the old files (a file that does not read stops the migration
//! with nothing changed), then copies them as they are into
//! `backups/before-upgrade-v<N>-<YYYYmmdd-HHMMSS>/` ([`back_up_before`]), and only then
//! writes. Only `store::load` (the window) migrates on disk; `check` and `report` read
//! an older schema in memory and write nothing.
//!
//! Adding schema N+1: a step `vN_to_vN+1` below (frozen copies of old types only where
//! it needs them), its files in [`files_of`], and a golden fixture written by schema
//! N+1 in tests/fixtures/ (tests/golden.rs loads every fixture).

use super::atomic;
use super::backup;
use super::error::StoreError;
use super::files::{self, RECORD_DEPTH};
use super::manifest::{self, Manifest, SCHEMA_VERSION};
use super::paths::{self, MANIFEST, V1_WORKSPACE};
use crate::model::*;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

/// The whole workspace in one value: the content of `workspace.ron` in schema 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceV1 {
    pub settings: Settings,
    pub team: TeamFile,
    pub performance: PerformanceFile,
    pub customers: CustomersFile,
    pub deals: DealsFile,
    pub marketing: MarketingFile,
    pub promotions: PromotionsFile,
    pub budget: BudgetFile,
    pub me: MeFile,
}

impl WorkspaceV1 {
    pub fn into_workspace(self) -> Workspace {
        Workspace {
            settings: Arc::new(self.settings),
            team: Arc::new(self.team),
            performance: Arc::new(self.performance),
            customers: Arc::new(self.customers),
            deals: Arc::new(self.deals),
            marketing: Arc::new(self.marketing),
            promotions: Arc::new(self.promotions),
            budget: Arc::new(self.budget),
            me: Arc::new(self.me),
        }
    }
    /// Schema-1 text (for fixtures and tests).
    pub fn to_ron(&self) -> Result<String, StoreError> {
        ron::ser::to_string_pretty(self, files::pretty(RECORD_DEPTH + 1)).map_err(|e| {
            StoreError::Serialize {
                file: V1_WORKSPACE.into(),
                message: e.to_string(),
            }
        })
    }
}

/// The name `workspace.ron` gets once it has been split.
pub const V1_MIGRATED: &str = "workspace.ron.v1-migrated";

/// Brings the data dir from schema `from` up to [`SCHEMA_VERSION`], one step at a time.
pub fn migrate(dir: &Path, from: u32) -> Result<(), StoreError> {
    if from > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            dir: dir.to_path_buf(),
            found: from,
            known: SCHEMA_VERSION,
        });
    }
    for version in from..SCHEMA_VERSION {
        match version {
            1 => v1_to_v2(dir)?,
            _ => {
                return Err(StoreError::UnknownSchema {
                    dir: dir.to_path_buf(),
                    found: from,
                });
            }
        }
    }
    Ok(())
}

/// Reads a schema-1 `workspace.ron` (for migration and for `check`).
fn read_v1(dir: &Path) -> Result<Option<Result<Workspace, super::FileProblem>>, StoreError> {
    Ok(files::read_text(&dir.join(V1_WORKSPACE))?.map(|text| {
        text.and_then(|t| files::parse::<WorkspaceV1>(V1_WORKSPACE, &t))
            .map(WorkspaceV1::into_workspace)
    }))
}

/// The start of the name of the folder [`back_up_before`] makes.
pub const BEFORE_UPGRADE: &str = "before-upgrade-v";

/// The files of schema `version`, as a migration from it finds them.
fn files_of(version: u32) -> Vec<&'static str> {
    match version {
        1 => vec![MANIFEST, V1_WORKSPACE],
        _ => std::iter::once(MANIFEST)
            .chain(FileKind::ALL.iter().map(|k| k.file_name()))
            .collect(),
    }
}

/// Copies the files of schema `version` in `dir`, byte for byte, into
/// `backups/before-upgrade-v<version>-<YYYYmmdd-HHMMSS>/` (a `-2` … suffix if that
/// exists), via a temp folder and a rename. Returns the folder.
pub fn back_up_before(dir: &Path, version: u32) -> Result<std::path::PathBuf, StoreError> {
    let name = backup::stamped_name(dir, &format!("{BEFORE_UPGRADE}{version}-"));
    backup::make_backup_of(dir, &name, files_of(version))
}

/// Splits `workspace.ron` into one file per collection. Order: the old files backed up,
/// the new files (each atomic), then the manifest saying 2 (the commit point), then
/// `workspace.ron` moved aside. A crash before the manifest re-runs the split from the
/// untouched `workspace.ron`; a crash after it is finished by [`finish_interrupted`].
fn v1_to_v2(dir: &Path) -> Result<(), StoreError> {
    let old = match read_v1(dir)? {
        // Nothing was ever saved in schema 1: there is nothing to split.
        None => None,
        Some(Ok(ws)) => Some(ws),
        Some(Err(problem)) => {
            return Err(StoreError::Migration {
                problem: Box::new(problem),
                dir: dir.to_path_buf(),
                from: 1,
            });
        }
    };
    back_up_before(dir, 1)?;
    if let Some(ws) = old {
        for kind in FileKind::ALL {
            let text = files::to_ron(&ws, kind)?;
            atomic::write_bytes(&paths::file_path(dir, kind), text.as_bytes())?;
        }
    }
    manifest::write(dir, &Manifest::for_version(2))?;
    finish_interrupted(dir)
}

/// Once the manifest says 2 or later, a `workspace.ron` still present is the source of a
/// finished split whose last step (setting it aside) did not happen: do it now.
pub fn finish_interrupted(dir: &Path) -> Result<(), StoreError> {
    let old = dir.join(V1_WORKSPACE);
    if old.exists() {
        atomic::rename(&old, &paths::free_path(dir.join(V1_MIGRATED)))?;
    }
    Ok(())
}
