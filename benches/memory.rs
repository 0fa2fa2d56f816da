//! Resident memory of a SalesDesk process holding a big workspace, and where the start-up
//! time goes. For each size (1k, 10k, 100k deals) a workspace is generated and written
//! through the real save into a temp dir; then a fresh child process (this binary again,
//! so nothing of the generation is counted) loads it with `store::load`, draws one frame
//! of every page in a 1440×900 egui context with the app's fonts, and reads its own
//! VmRSS / VmHWM from /proc/self/status (Linux only).
//!
//! Run: `cargo bench --bench memory`. Target: under 250 MB at 100k deals.

use chrono::NaiveDate;
use salesdesk::app::SalesDeskApp;
use salesdesk::demo::{DemoSize, generate};
use salesdesk::i18n::Lang;
use salesdesk::model::{Document, FileKind, Workspace};
use salesdesk::store;
use salesdesk::ui::Page;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const SIZES: &[usize] = &[1_000, 10_000, 100_000];
const LIMIT_MB: f64 = 250.0;
const CHILD_RUNS: usize = 5;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let dir = args.get(i + 1).expect("--child DIR");
        salesdesk::alloc::tune();
        child(Path::new(dir));
        return;
    }
    // `cargo test --benches` runs bench binaries with no `--bench`: stay quick there.
    if !args.iter().any(|a| a == "--bench") {
        println!("memory: run with `cargo bench --bench memory`");
        return;
    }
    if !Path::new("/proc/self/status").exists() {
        println!("memory: skipped, /proc/self/status is Linux only");
        return;
    }
    println!(
        "{:>8} │ {:>11} │ {:>13} │ {:>14} │ {:>13} │ {:>8}",
        "deals", "files (MB)", "load (ms)", "RSS load (MB)", "RSS frame (MB)", "peak (MB)"
    );
    let mut worst: f64 = 0.0;
    for &deals in SIZES {
        let dir = tempfile::tempdir().expect("a temp dir");
        {
            let ws = generate(2026, DemoSize { deals }, today());
            store::save(dir.path(), &ws, &FileKind::ALL.into_iter().collect())
                .expect("writing the workspace");
        }
        // Five fresh processes: the load's median (the first may still share the disk
        // with the files' write-back), the memory figures' highest.
        let runs: Vec<[f64; 4]> = (0..CHILD_RUNS).map(|_| measure(dir.path())).collect();
        let mut loads: Vec<f64> = runs.iter().map(|r| r[0]).collect();
        loads.sort_by(f64::total_cmp);
        let load_ms = loads[loads.len() / 2];
        let most = |i: usize| runs.iter().map(|r| r[i]).fold(0.0, f64::max);
        let (rss_load, rss_frame, peak) = (most(1), most(2), most(3));
        let bytes: u64 = std::fs::read_dir(dir.path())
            .expect("the data dir")
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        worst = worst.max(peak);
        println!(
            "{deals:>8} │ {:>11.1} │ {load_ms:>13.0} │ {rss_load:>14.1} │ {rss_frame:>14.1} │ {peak:>9.1}",
            bytes as f64 / 1e6
        );
        if deals == *SIZES.last().expect("sizes") {
            load_phases(dir.path());
        }
    }
    println!(
        "peak resident memory {worst:.1} MB (target < {LIMIT_MB} MB): {}",
        if worst < LIMIT_MB { "ok" } else { "OVER" }
    );
}

/// One fresh process loading `dir` and drawing every page: load (ms), resident memory
/// after the load, after the frames, and at the peak (MB).
fn measure(dir: &Path) -> [f64; 4] {
    let out = Command::new(std::env::current_exe().expect("this binary"))
        .arg("--child")
        .arg(dir)
        .output()
        .expect("starting the measuring process");
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        panic!("the measuring process failed: {}", out.status);
    }
    let v: Vec<f64> = text
        .split_whitespace()
        .map(|x| x.parse().expect("a number from the child"))
        .collect();
    let [load_ms, rss_load, rss_frame, peak, ..] = v[..] else {
        panic!("unexpected child output: {text}");
    };
    [load_ms, rss_load, rss_frame, peak]
}

/// `VmRSS` and `VmHWM` of this process, in MB.
fn rss() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
            .unwrap_or(f64::NAN)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The measuring process: load as the app does, then one frame of every page.
fn child(dir: &Path) {
    let t = Instant::now();
    let loaded = store::load(dir).expect("load");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let (rss_load, _) = rss();

    let ctx = egui::Context::default();
    salesdesk::ui::fonts::install_fonts(&ctx);
    let mut app = SalesDeskApp::in_memory(Document::new(loaded.ws), Lang::Zh, today());
    let mut time = 0.0;
    for &page in Page::ALL {
        app.page = page;
        for _ in 0..2 {
            time += 1.0 / 60.0;
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1440.0, 900.0),
                )),
                time: Some(time),
                ..Default::default()
            };
            let out = ctx.run_ui(input, |ui| app.show(ui));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
    }
    let (rss_frame, peak) = rss();
    println!("{load_ms} {rss_load} {rss_frame} {peak}");
}

/// Where the load time of the biggest workspace goes: each file, read and parsed.
fn load_phases(dir: &Path) {
    let mut ws = Workspace::default();
    let mut parts = Vec::new();
    for kind in FileKind::ALL {
        let path = store::paths::file_path(dir, kind);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        // Streamed through the fast reader, as `store::load` does (one thread here).
        let t = Instant::now();
        let problem = store::files::read_into(dir, &mut ws, kind).expect("readable");
        let took = t.elapsed();
        assert!(problem.is_none(), "{problem:?}");
        if took > std::time::Duration::from_millis(5) {
            parts.push(format!(
                "{} {:.1} MB {:.0} ms",
                kind.file_name(),
                size as f64 / 1e6,
                took.as_secs_f64() * 1e3
            ));
        }
    }
    println!(
        "load of {} deals, by file (read and parsed, one thread): {}",
        SIZES[2],
        parts.join("; ")
    );
}
