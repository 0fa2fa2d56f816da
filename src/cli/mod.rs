//! The command line of the same binary: `demo`, `check`, `import`, `report`.
//! Each subcommand is a function returning the process exit code, writing to the given
//! output, so tests call them directly.

pub mod args;
pub mod check;
pub mod demo;
pub mod import;
pub mod report;
pub mod report_sources;
pub mod report_reps;

pub use args::{Run, run};
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
