//! The collection files: how each `FileKind` is written as RON and read back, and
//! `save`, which writes some of them plus the manifest.

use super::error::{FileProblem, StoreError};
use super::fast_ron;
use super::manifest::{self, Manifest};
use super::paths;
use crate::model::{FileKind, MAX_ID, Workspace};
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// Pretty RON up to `depth`, inline below it. With the depth of a table's rows
/// (file → table → rows) every record sits on one line: readable by hand, errors get
/// useful line numbers, and it is much faster and smaller than fully pretty output.
pub fn pretty(depth: usize) -> PrettyConfig {
    PrettyConfig::new().depth_limit(depth).indentor("  ")
}

/// Depth at which records start in files of the current schema.
pub const RECORD_DEPTH: usize = 3;

/// The RON text of `value`, pretty up to `depth`. The fast writer makes the same bytes
/// as ron (tests hold it to that); on anything outside its form ron writes the file.
pub(super) fn encode<T: Serialize>(
    file: &str,
    value: &T,
    depth: usize,
) -> Result<String, StoreError> {
    encode_by(file, value, depth, true)
}

/// [`encode`], by the fast writer first when `fast`, else by ron alone (for the tests
/// that hold the two to the same bytes).
fn encode_by<T: Serialize>(
    file: &str,
    value: &T,
    depth: usize,
    fast: bool,
) -> Result<String, StoreError> {
    let fast = if fast {
        super::fast_ron_write::to_string(value, depth).ok()
    } else {
        None
    };
    let mut text = match fast {
        Some(text) => text,
        None => {
            ron::ser::to_string_pretty(value, pretty(depth)).map_err(|e| StoreError::Serialize {
                file: file.to_string(),
                message: e.to_string(),
            })?
        }
    };
    text.push('\n');
    Ok(text)
}

const NOT_UTF8: &str = "is not UTF-8 text";

/// The RON text of one file of the workspace.
pub fn to_ron(ws: &Workspace, kind: FileKind) -> Result<String, StoreError> {
    encode_all(ws, kind, true)
}

fn encode_all(ws: &Workspace, kind: FileKind, fast: bool) -> Result<String, StoreError> {
    let f = kind.file_name();
    match kind {
        // Settings has no table: one field per line, its small arrays inline.
        FileKind::Settings => encode_by(f, &*ws.settings, 1, fast),
        FileKind::Team => encode_by(f, &*ws.team, RECORD_DEPTH, fast),
        FileKind::Performance => encode_by(f, &*ws.performance, RECORD_DEPTH, fast),
        FileKind::Customers => encode_by(f, &*ws.customers, RECORD_DEPTH, fast),
        FileKind::Deals => encode_by(f, &*ws.deals, RECORD_DEPTH, fast),
        FileKind::Marketing => encode_by(f, &*ws.marketing, RECORD_DEPTH, fast),
        FileKind::Promotions => encode_by(f, &*ws.promotions, RECORD_DEPTH, fast),
        FileKind::Budget => encode_by(f, &*ws.budget, RECORD_DEPTH, fast),
        FileKind::Me => encode_by(f, &*ws.me, RECORD_DEPTH, fast),
    }
}

/// Parses RON text, keeping ron's position on failure. Text in the form SalesDesk
/// writes takes the fast reader; anything else (hand edits, errors) is judged by ron.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, FileProblem> {
    fast_ron::from_str(text).or_else(|_| {
        ron::Options::default()
            .from_str(text)
            .map_err(|e| FileProblem::from_ron(file, &e))
    })
}

/// Puts the value read by `$read` (an expression of type `Result<T, E>`, its `T`
/// inferred from the slot) into the slot of `$kind` in `$ws`, or returns the error.
macro_rules! read_into_slot {
    ($ws:expr, $kind:expr, $read:expr) => {
        match $kind {
            FileKind::Settings => $ws.settings = Arc::new($read?),
            FileKind::Team => $ws.team = Arc::new($read?),
            FileKind::Performance => $ws.performance = Arc::new($read?),
            FileKind::Customers => $ws.customers = Arc::new($read?),
            FileKind::Deals => $ws.deals = Arc::new($read?),
            FileKind::Marketing => $ws.marketing = Arc::new($read?),
            FileKind::Promotions => $ws.promotions = Arc::new($read?),
            FileKind::Budget => $ws.budget = Arc::new($read?),
            FileKind::Me => $ws.me = Arc::new($read?),
        }
    };
}

/// Parses the text of `kind` into its slot of `ws`. A file whose ids do not fit in
/// 2^53 is refused like one that does not parse.
pub fn parse_into(ws: &mut Workspace, kind: FileKind, text: &str) -> Result<(), FileProblem> {
    read_into_slot!(ws, kind, parse(kind.file_name(), text));
    ids_in_range(ws, kind, || Some(text.to_string()))
}

/// Refuses ids above [`MAX_ID`]: a record's id, a table's next id or an id a record
/// points at. Past it the counter would wrap, or ids would change in every export.
/// `text` gives the file's text for the line number (only asked for on failure).
fn ids_in_range(
    ws: &Workspace,
    kind: FileKind,
    text: impl FnOnce() -> Option<String>,
) -> Result<(), FileProblem> {
    let Some((table, id, value)) = crate::model::id_out_of_range(ws, kind) else {
        return Ok(());
    };
    let line = text().and_then(|t| {
        let ix = super::check::Index::new(&t);
        if id == 0 {
            ix.find(&[&format!("{table}:"), "next_id:"])
        } else {
            ix.row(table, id)
        }
    });
    let what = if id == 0 {
        format!("{table}: next_id {value}")
    } else if id == value {
        format!("{table}: id {value}")
    } else {
        format!("{table}: record {id} points at id {value}, which")
    };
    Err(FileProblem {
        line,
        ..FileProblem::new(
            kind.file_name(),
            format!(
                "{what} is above {MAX_ID} (2^53), the largest id SalesDesk keeps; \
                 correct it by hand or restore a backup"
            ),
        )
    })
}

/// A file's text: `Ok(None)` when it does not exist, `Ok(Some(Err))` when it is not
/// text at all (treated like a parse error), `Err` when the disk would not let us read.
pub fn read_text(path: &Path) -> Result<Option<Result<String, FileProblem>>, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(match fast_ron::into_string(bytes) {
        // Editors on Windows may add a byte-order mark; it is not data.
        Ok(text) => Ok(match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(e) => Err(not_utf8(name, e)),
    }))
}

/// Where a file stops being UTF-8 text, as a positioned problem. A multi-byte character
/// cut at the very end means the file was cut short (a truncated copy or a full disk).
fn not_utf8(name: String, e: std::string::FromUtf8Error) -> FileProblem {
    let bad = e.utf8_error();
    let good = &e.as_bytes()[..bad.valid_up_to()];
    let text = std::str::from_utf8(good).unwrap_or_default();
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let message = if bad.error_len().is_none() {
        "ends in the middle of a character: the file was cut short here"
    } else {
        NOT_UTF8
    };
    FileProblem {
        line: Some(line),
        column: Some(column),
        ..FileProblem::new(name, message)
    }
}

/// Reads and parses one collection file of `dir` into `ws`. A missing file leaves the
/// default in place.
///
/// The file is first streamed through the fast reader, so a large file is never held
/// whole next to its records. If that gives up, the whole text is read and judged by
/// ron, which names the problem.
pub fn read_into(
    dir: &Path,
    ws: &mut Workspace,
    kind: FileKind,
) -> Result<Option<FileProblem>, StoreError> {
    let path = paths::file_path(dir, kind);
    if let Ok(file) = std::fs::File::open(&path)
        && stream_into(ws, kind, std::io::BufReader::with_capacity(64 * 1024, file)).is_ok()
    {
        let text = || read_text(&path).ok().flatten().and_then(Result::ok);
        return Ok(ids_in_range(ws, kind, text).err());
    }
    Ok(match read_text(&path)? {
        None => None,
        Some(Err(p)) => Some(p),
        Some(Ok(text)) => parse_into(ws, kind, &text).err(),
    })
}

/// The problems of the collection files of `dir` that do not read (`skip` says which
/// kinds not to look at). Nothing is moved. A scratch per file: its records are dropped
/// before the next file is read, so a large folder never holds a second workspace.
pub fn unreadable(dir: &Path, skip: impl Fn(FileKind) -> bool) -> Vec<FileProblem> {
    let mut problems = Vec::new();
    for kind in FileKind::ALL.into_iter().filter(|k| !skip(*k)) {
        let mut scratch = Workspace::default();
        match read_into(dir, &mut scratch, kind) {
            Ok(None) => {}
            Ok(Some(p)) => problems.push(p),
            Err(e) => problems.push(FileProblem::new(kind.file_name(), e.to_string())),
        }
    }
    problems
}

/// The fast reader on a stream, into the slot of `kind`.
fn stream_into(
    ws: &mut Workspace,
    kind: FileKind,
    source: impl std::io::BufRead,
) -> Result<(), fast_ron::Unsupported> {
    read_into_slot!(ws, kind, fast_ron::from_reader(source));
    Ok(())
}

/// Writes the given files of `ws` (each atomically), then the manifest. Serialization
/// happens here, so call it off the UI thread (see `Autosaver`).
///
/// A journal in `dir` is folded in: `ws` must hold its changes (every loader replays
/// it), the files it touched are written too, and it is removed in the same commit.
pub fn save(dir: &Path, ws: &Workspace, files: &BTreeSet<FileKind>) -> Result<(), StoreError> {
    save_except(dir, ws, files, &BTreeSet::new())
}

/// [`save`], never writing the files in `never` (collections set aside: their records
/// are not in `ws`, and an empty file must not take the place of the one moved away).
pub(crate) fn save_except(
    dir: &Path,
    ws: &Workspace,
    files: &BTreeSet<FileKind>,
    never: &BTreeSet<FileKind>,
) -> Result<(), StoreError> {
    let journal = super::journal::read(dir)?;
    let mut files = files.clone();
    if let Some(j) = &journal {
        files.extend(j.files());
    }
    let mut out = Vec::with_capacity(files.len() + 1);
    for kind in files.iter().filter(|k| !never.contains(k)) {
        out.push((
            paths::file_path(dir, *kind),
            to_ron(ws, *kind)?.into_bytes(),
        ));
    }
    let manifest = manifest::to_text(&Manifest::current())?;
    out.push((dir.join(paths::MANIFEST), manifest.into_bytes()));
    let removes: Vec<_> = journal.iter().map(|_| super::journal::path(dir)).collect();
    // All the files of one save are one commit: a crash leaves all of them or none.
    super::commit::write_all_removing(dir, &out, &removes)
}

/// Moves the collection of `kind` from `part` into `ws`.
pub(crate) fn take_file(ws: &mut Workspace, part: Workspace, kind: FileKind) {
    match kind {
        FileKind::Settings => ws.settings = part.settings,
        FileKind::Team => ws.team = part.team,
        FileKind::Performance => ws.performance = part.performance,
        FileKind::Customers => ws.customers = part.customers,
        FileKind::Deals => ws.deals = part.deals,
        FileKind::Marketing => ws.marketing = part.marketing,
        FileKind::Promotions => ws.promotions = part.promotions,
        FileKind::Budget => ws.budget = part.budget,
        FileKind::Me => ws.me = part.me,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file as SalesDesk writes it must take the fast road: a field or variant
    /// the fast reader gives up on sends the whole file through `ron`, at half the speed
    /// (that is how the 100k-deal load slipped past its budget with schema 3).
    #[test]
    fn every_written_file_of_the_demo_reads_through_the_fast_reader() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let demo = crate::demo::generate(2026, crate::demo::DemoSize { deals: 400 }, today);
        for kind in FileKind::ALL {
            let text = to_ron(&demo, kind).unwrap();
            let by_ron = encode_all(&demo, kind, false).unwrap();
            assert_eq!(
                text,
                by_ron,
                "{}: the fast writer differs from ron",
                kind.file_name()
            );
            let mut ws = Workspace::default();
            assert_eq!(
                stream_into(&mut ws, kind, text.as_bytes()),
                Ok(()),
                "{} fell back to ron",
                kind.file_name()
            );
            assert_eq!(to_ron(&ws, kind).unwrap(), text, "{}", kind.file_name());
        }
    }
}
