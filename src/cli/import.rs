//! `salesdesk import FILE`: the command around the import engine (`crate::import`):
//! the data folder, its lock and soundness, the write, and the words printed. FILE is
//! CSV, XLSX or XLS, of deals, customers, targets or expenses (told by its header).

use crate::import::{self, Encoding, ImportSummary, Kind, Options};
use crate::model::{Document, FileKind, Workspace};
use crate::store;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

pub fn run(dir: &Path, file: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    // Output errors (a closed pipe) must not turn a finished import into a panic.
    match run_inner(dir, file, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

fn run_inner(
    dir: &Path,
    file: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<i32> {
    // Bounded and streamed: a wrong file (a disk image, /dev/zero) is refused early.
    let bytes = match import::read_path(file) {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "could not read {}: {e}", file.display())?;
            return Ok(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        writeln!(
            err,
            "could not create the data folder {}: {e}",
            dir.display()
        )?;
        return Ok(1);
    }
    // Held until we return: the app cannot write this data dir meanwhile.
    let _lock = match store::acquire_lock(dir) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "nothing was imported: {e}")?;
            return Ok(1);
        }
    };
    // Judged before loading: loading would set an unreadable file aside, and a second
    // try would then import into the emptied collection.
    if let Err(message) = store::degraded::refuse_if_unsound(dir) {
        writeln!(err, "nothing was imported: {message}")?;
        return Ok(1);
    }
    let loaded = match store::load(dir) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "nothing was imported: {e}")?;
            return Ok(1);
        }
    };
    if !loaded.problems.is_empty() {
        writeln!(
            err,
            "nothing was imported: the workspace in {} has files that could not be read, and \
             saving now would write those collections empty:",
            dir.display()
        )?;
        for p in &loaded.problems {
            writeln!(err, "  {p}")?;
        }
        writeln!(
            err,
            "Restore a backup in SalesDesk (Data & backups) or fix the file (`salesdesk check` \
             shows where), then import again."
        )?;
        return Ok(1);
    }
    // Importing into the demo is allowed (it is how a newcomer tries the feature), but
    // said plainly so real deals are not mixed with made-up ones unknowingly.
    if loaded.ws.settings.demo {
        writeln!(
            out,
            "note: the workspace in {} is the generated demo; the imported deals are added \
             to it. Clear the demo in SalesDesk, or use another --data-dir, to keep real \
             data apart",
            dir.display()
        )?;
    }
    // A data dir without a workspace starts an empty one, never the demo.
    let ws = if loaded.fresh {
        Workspace::default()
    } else {
        loaded.ws
    };
    // What the folder holds (nothing yet when fresh), for the journal.
    let on_disk = (!loaded.fresh).then(|| ws.clone());
    let mut doc = Document::new(ws);
    let today = chrono::Local::now().date_naive();
    // Mappings saved in the window apply here too.
    let opts = Options {
        saved: doc.ws().settings.import_mapping(),
        ..Options::default()
    };
    let summary = match import::import_bytes(&mut doc, &bytes, &opts, today) {
        Ok(s) => s,
        Err(errors) => {
            for e in &errors {
                writeln!(err, "{}: {e}", file.display())?;
            }
            let lines: BTreeSet<(&str, u64)> = errors
                .iter()
                .filter(|e| e.line > 1)
                .map(|e| (e.sheet.as_str(), e.line))
                .collect();
            writeln!(
                err,
                "nothing was imported: {} problem{} in {} row{}. Fix them and import again",
                errors.len(),
                plural(errors.len()),
                lines.len(),
                plural(lines.len())
            )?;
            return Ok(1);
        }
    };
    let files: BTreeSet<FileKind> = if loaded.fresh {
        FileKind::ALL.into_iter().collect()
    } else {
        doc.take_dirty()
    };
    if !files.is_empty() {
        // Today's backup (if not taken yet) holds the workspace as it was before. A small
        // import is appended to the journal like any edit; a large one rewrites the files.
        let mut journal = store::Journal::open(dir, on_disk);
        let saved = store::daily_backup(dir, today).and_then(|_| journal.save(doc.ws(), &files));
        if let Err(e) = saved {
            writeln!(err, "the import could not be saved: {e}")?;
            return Ok(1);
        }
        crate::alloc::drop_later(journal);
    }
    print_summary(out, dir, &summary)?;
    crate::alloc::drop_later((doc, bytes));
    Ok(0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn print_summary(out: &mut impl Write, dir: &Path, s: &ImportSummary) -> std::io::Result<()> {
    let mut parts = Vec::new();
    if s.has(Kind::Deals) {
        parts.push(format!(
            "{} new deal{}, {} updated, {} unchanged",
            s.created,
            plural(s.created),
            s.updated,
            s.unchanged
        ));
    }
    for (kind, c) in [
        (
            Kind::Customers,
            (
                s.customers.created,
                s.customers.updated,
                s.customers.unchanged,
            ),
        ),
        (
            Kind::Targets,
            (s.targets.created, s.targets.updated, s.targets.unchanged),
        ),
    ] {
        if s.has(kind) {
            parts.push(format!(
                "{}: {} new, {} updated, {} unchanged",
                kind.english(),
                c.0,
                c.1,
                c.2
            ));
        }
    }
    if s.has(Kind::Expenses) {
        parts.push(format!(
            "{} new expense{}, {} already there",
            s.expenses.created,
            plural(s.expenses.created),
            s.expenses.unchanged
        ));
    }
    let rows = s.rows + s.customers.rows + s.targets.rows + s.expenses.rows;
    writeln!(
        out,
        "imported {rows} row{} into {}: {}; {} new customer{}, {} new team member{}",
        plural(rows),
        dir.display(),
        parts.join("; "),
        s.new_customers,
        plural(s.new_customers),
        s.new_members,
        plural(s.new_members),
    )?;
    if !s.new_channels.is_empty() {
        let n = s.new_channels.len();
        let names = s.new_channels.join(", ");
        writeln!(out, "{n} new channel{} (kind other): {names}", plural(n))?;
    }
    if !s.new_categories.is_empty() {
        let n = s.new_categories.len();
        let names = s.new_categories.join(", ");
        writeln!(
            out,
            "{n} new budget categor{}: {names}",
            if n == 1 { "y" } else { "ies" }
        )?;
    }
    if let Some(e) = s.encoding.filter(|e| *e != Encoding::Utf8) {
        writeln!(out, "read as {} text", e.name())?;
    }
    // One line, however many: an exported workbook has some thirty other sheets.
    match &s.skipped_sheets[..] {
        [] => {}
        [sheet] => writeln!(
            out,
            "left out the sheet {sheet}: its header is no kind the import knows"
        )?,
        sheets => writeln!(
            out,
            "left out {} sheets whose header is no kind the import knows: {}",
            sheets.len(),
            sheets.join(", ")
        )?,
    }
    if !s.ignored_columns.is_empty() {
        writeln!(out, "ignored columns: {}", s.ignored_columns.join(", "))?;
    }
    Ok(())
}
