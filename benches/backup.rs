//! What a backup and a small import add on disk, at 1k, 10k and 100k deals. For each size
//! a demo workspace is written through the real save into a temp dir, then:
//!
//! - the first daily backup (every file copied);
//! - the next day's backup with nothing changed (every file shared with the one before:
//!   target under 1 MB at 100k);
//! - a one-row `salesdesk import` on the day after, which takes that day's backup first
//!   and appends the row to the journal (target under 2 MB in all, backups included).
//!
//! "Added" is what the data folder's tree holds afterwards that it did not before: the
//! size of every file whose inode is new, plus what existing files grew by. A file
//! rewritten by rename is a new inode and counts whole; a hard link counts nothing.
//!
//! Run: `cargo bench --bench backup` (Unix: inodes tell shared files apart).

use chrono::NaiveDate;
use salesdesk::demo::{DemoSize, generate};
use salesdesk::model::FileKind;
use salesdesk::store;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

const SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo test --benches` runs bench binaries with no `--bench`: stay quick there.
    if !args.iter().any(|a| a == "--bench") {
        println!("backup: run with `cargo bench --bench backup`");
        return;
    }
    if !cfg!(unix) {
        println!("backup: skipped, inodes are Unix only");
        return;
    }
    println!(
        "{:>8} │ {:>10} │ {:>19} │ {:>25} │ {:>25}",
        "deals", "files (MB)", "first backup", "next backup, unchanged", "one-row import + backup"
    );
    for &deals in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
        let ws = generate(1, DemoSize { deals }, day);
        store::save(d, &ws, &FileKind::ALL.into_iter().collect()).expect("save");
        let files = tree(d).values().sum::<u64>() as f64 / 1e6;

        let (first_ms, first) = measured(d, || {
            store::daily_backup(d, day).expect("backup");
        });
        let (next_ms, next) = measured(d, || {
            store::daily_backup(d, day + chrono::Days::new(1)).expect("backup");
        });
        // One row whose customer and owner exist; the import's own backup of today
        // comes first.
        let customer = &ws.customers.customers.rows[0].name;
        let owner = &ws.team.members.rows[0].name;
        let csv_dir = tempfile::tempdir().expect("temp dir");
        let csv = csv_dir.path().join("one-row.csv");
        std::fs::write(
            &csv,
            format!(
                "title,customer,owner,amount,stage,created\n\
                 One more deal,{customer},{owner},12000,lead,2026-11-20\n"
            ),
        )
        .expect("csv");
        let before_import = tree(d);
        let (import_ms, _) = measured(d, || {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let code = salesdesk::cli::import::run(d, &csv, &mut out, &mut err);
            assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
        });
        let import = added(&before_import, &tree(d));
        println!(
            "{deals:>8} │ {files:>10.1} │ {first_ms:>7.0} ms {:>7.1} MB │ {next_ms:>7.0} ms {:>12} │ {import_ms:>7.0} ms {:>12}",
            first as f64 / 1e6,
            kb(next),
            kb(import),
        );
    }
}

fn kb(bytes: u64) -> String {
    if bytes < 10_000 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1e3)
    }
}

/// Runs `f` and returns its time and what it added to `dir`'s tree.
fn measured(dir: &Path, f: impl FnOnce()) -> (f64, u64) {
    let before = tree(dir);
    let t = Instant::now();
    f();
    let ms = t.elapsed().as_secs_f64() * 1e3;
    (ms, added(&before, &tree(dir)))
}

/// Every file under `dir` by inode, with its size.
fn tree(dir: &Path) -> HashMap<u64, u64> {
    let mut out = HashMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                stack.push(e.path());
            } else {
                out.insert(inode(&m), m.len());
            }
        }
    }
    out
}

#[cfg(unix)]
fn inode(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(m)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// New inodes count whole; existing ones count what they grew by.
fn added(before: &HashMap<u64, u64>, after: &HashMap<u64, u64>) -> u64 {
    after
        .iter()
        .map(|(ino, len)| match before.get(ino) {
            Some(old) => len.saturating_sub(*old),
            None => *len,
        })
        .sum()
}
