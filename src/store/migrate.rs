//! Schema versions and the migrations between them, one step per version.
//!
//! - **Schema 1** (the first layout): a single file `workspace.ron` holding
//!   [`WorkspaceV1`], with no manifest (or one saying `schema_version: 1`).
//! - **Schema 2**: one file per `FileKind` plus `manifest.ron`. The collection types are
//!   the same as in schema 1 ([`WorkspaceV2`]); only the layout changed.
//! - **Schema 3** (current): the same layout. `Deal.source` and `Customer.source` are
//!   links to a channel or a promotion event instead of names, and content has a status
//!   instead of `published` (the frozen old types and the conversion are in `v2.rs`).
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
//! N+1 in tests/fixtures/ (tests/app/golden.rs loads every fixture).

use super::atomic;
use super::backup;
use super::error::StoreError;
use super::files::{self, RECORD_DEPTH};
use super::manifest::{self, Manifest, SCHEMA_VERSION};
use super::paths::{self, MANIFEST, V1_WORKSPACE};
use super::v2::{self, WorkspaceV2};
use crate::model::*;
use std::path::Path;

/// The content of `workspace.ron` in schema 1: the collections of schema 2, in one file.
pub type WorkspaceV1 = WorkspaceV2;

impl WorkspaceV2 {
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
        // Only the user's files as they were are backed up: a later step reads files an
        // earlier step of this same run wrote.
        let back_up = version == from;
        match version {
            1 => v1_to_v2(dir)?,
            2 => v2_to_v3(dir, back_up)?,
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

/// Reads a schema-1 `workspace.ron`.
fn read_v1(dir: &Path) -> Result<Option<Result<WorkspaceV1, super::FileProblem>>, StoreError> {
    Ok(files::read_text(&dir.join(V1_WORKSPACE))?
        .map(|text| text.and_then(|t| files::parse::<WorkspaceV1>(V1_WORKSPACE, &t))))
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
    backup::make_backup_of(dir, &name, files_of(version), false)
}

/// Splits `workspace.ron` into one file per collection. Order: the old files backed up,
/// the new files (each atomic), then the manifest saying 2 (the commit point), then
/// `workspace.ron` moved aside. A crash before the manifest re-runs the split from the
/// untouched `workspace.ron`; a crash after it is finished by [`finish_interrupted`].
fn v1_to_v2(dir: &Path) -> Result<(), StoreError> {
    let old = match read_v1(dir)? {
        // A manifest saying 1 beside files of a later format is wrong (damaged or edited
        // by hand): splitting nothing and calling it 2 would change the folder and then
        // misread the files. Refused before anything is written.
        None if FileKind::ALL
            .iter()
            .any(|k| paths::file_path(dir, *k).exists()) =>
        {
            return Err(StoreError::Migration {
                problem: Box::new(super::FileProblem::new(
                    MANIFEST,
                    format!(
                        "states data format 1, but the folder holds no {V1_WORKSPACE} and \
                         does hold the files of a later format"
                    ),
                )),
                dir: dir.to_path_buf(),
                from: 1,
            });
        }
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
            let text = v2::to_ron(&ws, kind)?;
            atomic::write_bytes(&paths::file_path(dir, kind), text.as_bytes())?;
        }
    }
    manifest::write(dir, &Manifest::for_version(2))?;
    finish_interrupted(dir)
}

/// Turns source names into links to channels and events (a name that has neither
/// becomes a channel of kind Other) and content's `published` into a status; see
/// `v2.rs`. Order: every schema-2 file read (one that does not read stops here with
/// nothing changed), the files backed up, then the three retyped files and the manifest
/// saying 3 as one commit, so a crash leaves either schema 2 untouched or schema 3.
fn v2_to_v3(dir: &Path, back_up: bool) -> Result<(), StoreError> {
    let old = v2::read(dir)?.map_err(|problem| StoreError::Migration {
        problem: Box::new(problem),
        dir: dir.to_path_buf(),
        from: 2,
    })?;
    if back_up {
        back_up_before(dir, 2)?;
    }
    let ws = old.into_workspace();
    files::save(dir, &ws, &v2::RETYPED.into_iter().collect())
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
