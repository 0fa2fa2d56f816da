//! The command line of the same binary: `demo`, `check`, `import`, `report`, `export`.
//! Each subcommand is a function returning the process exit code, writing to the given
//! output, so tests call them directly.

pub mod args;
pub mod check;
pub mod demo;
pub mod export;
pub mod import;
pub mod report;
pub mod report_reps;
pub mod report_sources;

use crate::model::Workspace;
pub use args::{Run, run};
use std::io::Write;
use std::path::Path;

/// Why `dir` cannot be read as a data folder at all (it does not exist, or is a file),
/// said plainly for a command that only reads and so never creates it. `what` is what
/// the command would have done: "check", "report on".
pub(crate) fn no_folder(dir: &Path, what: &str) -> Option<String> {
    let why = match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => return None,
        Ok(_) => "is a file, not a folder",
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "does not exist",
        // Anything else (no permission …) is reported by the read itself.
        Err(_) => return None,
    };
    Some(format!(
        "{} {why}: there is nothing to {what}, and nothing was created. Pass --data-dir \
         with the folder that holds your workspace",
        dir.display()
    ))
}

/// The workspace in `dir`, read as `check` reads it: an older schema is migrated in
/// memory and nothing is created, moved or written (unlike `store::load`, which is for
/// the window). `None` once the reason is on `err`: no folder, no workspace, or files
/// with problems (whose figures would be wrong). `noun` and `verb` word the messages:
/// ("report", "report on"), ("export", "export").
pub(crate) fn read_only(
    dir: &Path,
    noun: &str,
    verb: &str,
    err: &mut impl Write,
) -> std::io::Result<Option<Workspace>> {
    if let Some(message) = no_folder(dir, verb) {
        writeln!(err, "{message}")?;
        return Ok(None);
    }
    let checked = crate::store::check_report(dir);
    if !checked.exists {
        writeln!(
            err,
            "no workspace in {}: nothing to {noun}. Import deals with `salesdesk import FILE.csv` \
             or start SalesDesk once (or pass --data-dir to {verb} another folder)",
            dir.display()
        )?;
        return Ok(None);
    }
    if !checked.problems.is_empty() {
        for p in &checked.problems {
            writeln!(err, "{p}")?;
        }
        writeln!(
            err,
            "no {noun}: the workspace in {} has the problems above, so its figures would be \
             wrong. Open SalesDesk to restore a backup, or fix the files and run `salesdesk check`",
            dir.display()
        )?;
        return Ok(None);
    }
    // Notes (a save a crash interrupted, a journal the next start folds in) go to
    // stderr: stdout holds the output alone, so scripts can parse it.
    for note in &checked.notes {
        writeln!(err, "note: {note}")?;
    }
    Ok(Some(checked.ws))
}
