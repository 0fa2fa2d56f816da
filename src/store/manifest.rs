//! manifest.ron: which schema version the files are in, and who wrote them when.

use super::atomic;
use super::error::{FileProblem, StoreError};
use super::paths::MANIFEST;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The schema version this build reads and writes. Older versions are migrated
/// (see `migrate.rs`); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub app_version: String,
    pub saved_at: chrono::NaiveDateTime,
}

impl Manifest {
    /// The manifest this build writes now.
    pub fn current() -> Manifest {
        Manifest::for_version(SCHEMA_VERSION)
    }
    /// The manifest a migration step writes when it reaches `version`.
    pub fn for_version(version: u32) -> Manifest {
        use chrono::Timelike;
        let now = chrono::Local::now().naive_local();
        Manifest {
            schema_version: version,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            // Whole seconds: the file is read by people.
            saved_at: now.with_nanosecond(0).unwrap_or(now),
        }
    }
}

/// Only the version, read leniently: a newer build may add or change other fields, and
/// we must still recognise it as newer instead of calling the manifest corrupt.
#[derive(Deserialize)]
struct VersionOnly {
    schema_version: u32,
}

/// What the manifest on disk says.
pub enum Read {
    Missing,
    Version(u32),
    Unreadable(FileProblem),
}

pub fn read(dir: &Path) -> Result<Read, StoreError> {
    Ok(match super::files::read_text(&dir.join(MANIFEST))? {
        None => Read::Missing,
        Some(Err(p)) => Read::Unreadable(p),
        Some(Ok(text)) => match ron::from_str::<VersionOnly>(&text) {
            Ok(v) => Read::Version(v.schema_version),
            Err(e) => Read::Unreadable(FileProblem::from_ron(MANIFEST, &e)),
        },
    })
}

pub fn write(dir: &Path, m: &Manifest) -> Result<(), StoreError> {
    atomic::write_bytes(&dir.join(MANIFEST), to_text(m)?.as_bytes())
}

/// The manifest's text.
pub fn to_text(m: &Manifest) -> Result<String, StoreError> {
    ron::ser::to_string_pretty(m, ron::ser::PrettyConfig::new()).map_err(|e| {
        StoreError::Serialize {
            file: MANIFEST.into(),
            message: e.to_string(),
        }
    })
}
