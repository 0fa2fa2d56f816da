//! `salesdesk check`: a read-only health check of the data dir, printed as
//! `file:line:column: message` so an editor can jump to each spot.

use crate::store;
use std::io::Write;
use std::path::Path;

/// Prints every problem and a summary. Returns 0 when the workspace is sound, 1 when it
/// has problems, there is no workspace at all or no folder at `dir`. Writes nothing:
/// an older schema is migrated in memory only.
pub fn run(dir: &Path, out: &mut impl Write) -> i32 {
    if let Some(message) = super::no_folder(dir, "check") {
        let _ = writeln!(out, "{message}");
        return 1;
    }
    let report = store::check_report(dir);
    // Output errors (a closed pipe) must not turn a sound check into a panic.
    let _ = print(dir, &report, out);
    if report.exists && report.problems.is_empty() {
        0
    } else {
        1
    }
}

fn print(dir: &Path, r: &store::CheckReport, out: &mut impl Write) -> std::io::Result<()> {
    if !r.exists {
        return writeln!(
            out,
            "no workspace in {}: there is nothing to check. Start SalesDesk once, or run \
             `salesdesk demo`, to create one (or pass --data-dir to check another folder)",
            dir.display()
        );
    }
    for n in &r.notes {
        writeln!(out, "note: {n}")?;
    }
    for p in &r.problems {
        writeln!(out, "{p}")?;
    }
    if !r.problems.is_empty() {
        let n = r.problems.len();
        let s = if n == 1 { "" } else { "s" };
        return writeln!(out, "{n} problem{s} found in {}", dir.display());
    }
    let ws = &r.ws;
    write!(
        out,
        "workspace is sound: {} deals, {} customers, {} team members, {} promotions, \
         {} expenses",
        ws.deals.deals.len(),
        ws.customers.customers.len(),
        ws.team.members.len(),
        ws.promotions.promotions.len(),
        ws.budget.expenses.len(),
    )?;
    if r.schema_version.is_some_and(|v| v < store::SCHEMA_VERSION) {
        write!(
            out,
            " (older data format: it is upgraded at the next start)"
        )?;
    }
    writeln!(out, " in {}", dir.display())
}
