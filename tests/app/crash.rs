//! Crash safety: a writer process saves a changing workspace in a loop through the real
//! store code (`Document::apply` → `Autosaver::submit` → `flush`, i.e. journal appends
//! and, every few iterations, a compaction through `store::save` and its commit) and is killed with SIGKILL at random moments, at least 200 times.
//! After every kill the data dir must load with no problem, every file must parse and
//! pass `store::check`, and each file must hold the last committed state or the one
//! being written when the kill came (never a torn file, never an older state).
//!
//! The writer is this test binary again, started with `--ignored --exact crash::crash_writer`
//! and the data dir in `SALESDESK_CRASH_CHILD_DIR`: nothing but the library is involved.
//! `SALESDESK_CRASH_ROUNDS=N` runs more rounds; `SALESDESK_CRASH_SEED=N` replays a run.

#![cfg(unix)]

use chrono::NaiveDate;
use salesdesk::demo::{DemoSize, generate};
use salesdesk::model::{Change, Document, FileKind, Record, Workspace};
use salesdesk::store;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "SALESDESK_CRASH_CHILD_DIR";
const ROUNDS_ENV: &str = "SALESDESK_CRASH_ROUNDS";
const SEED_ENV: &str = "SALESDESK_CRASH_SEED";
const DEFAULT_ROUNDS: usize = 200;
/// Big enough that a write takes a while (so a non-atomic write gets caught in the act),
/// small enough that a round takes tens of milliseconds.
const DEMO_DEALS: usize = 150;
const MARK: &str = "crash-iteration ";

/// The files the writer changes every iteration, and where the iteration number is.
const MARKED: [FileKind; 4] = [
    FileKind::Customers,
    FileKind::Deals,
    FileKind::Team,
    FileKind::Budget,
];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// The text that records iteration `i`. Its length varies so file sizes change too.
fn marker(i: u64) -> String {
    format!("{MARK}{i} {}", "·".repeat((i % 37) as usize))
}

fn read_marker(text: &str) -> u64 {
    text.strip_prefix(MARK)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The iteration each marked file of `ws` holds (0: never written by the writer).
fn markers(ws: &Workspace) -> BTreeMap<FileKind, u64> {
    let first = |v: Option<u64>| v.unwrap_or(0);
    BTreeMap::from([
        (
            FileKind::Customers,
            first(
                ws.customers
                    .customers
                    .rows
                    .first()
                    .map(|c| read_marker(&c.notes)),
            ),
        ),
        (
            FileKind::Deals,
            first(ws.deals.deals.rows.first().map(|d| read_marker(&d.notes))),
        ),
        (
            FileKind::Team,
            first(ws.team.members.rows.first().map(|m| read_marker(&m.duties))),
        ),
        (
            FileKind::Budget,
            first(
                ws.budget
                    .expenses
                    .rows
                    .first()
                    .map(|x| read_marker(&x.note)),
            ),
        ),
    ])
}

/// One iteration's change: the marker in the first record of each marked file, as one
/// undoable batch, exactly as a page would apply it.
fn change(ws: &Workspace, i: u64) -> Change {
    let m = marker(i);
    let mut customer = ws.customers.customers.rows[0].clone();
    customer.notes = m.clone();
    let mut deal = ws.deals.deals.rows[0].clone();
    deal.notes = m.clone();
    let mut member = ws.team.members.rows[0].clone();
    member.duties = m.clone();
    let mut expense = ws.budget.expenses.rows[0].clone();
    expense.note = m;
    Change::Batch(vec![
        Change::put(Record::Customer(customer)),
        Change::put(Record::Deal(deal)),
        Change::put(Record::Member(member)),
        Change::put(Record::Expense(expense)),
    ])
}

/// The writer process. Does nothing unless started by `sigkill_at_random_moments…`.
#[test]
#[ignore = "the writer process of the crash test; it starts it itself"]
fn crash_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    // The app's start: lock, load, autosaver.
    let _lock = store::acquire_lock(dir).expect("the lock (a killed writer must not hold it)");
    let loaded = store::load(dir).expect("load");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    // The app's journal, compacting every few iterations, so kills land in appends,
    // in compactions (files rewritten, journal dropped in one commit) and in between.
    let journal = store::Journal::open(dir, Some(loaded.ws.clone())).compact_at(12 * 1024);
    let mut doc = Document::new(loaded.ws);
    let saver = store::Autosaver::start(journal, dir.to_path_buf()).expect("autosaver");
    let start = markers(doc.ws()).into_values().max().unwrap_or(0) + 1;
    let mut out = std::io::stdout();
    // A line of its own: libtest has just written "test crash_writer ... " without one.
    writeln!(out, "\nstart {start}")
        .and_then(|_| out.flush())
        .expect("stdout");
    for i in start.. {
        let c = change(doc.ws(), i);
        doc.apply(c, "crash test").expect("a valid change");
        saver.submit(doc.ws().clone(), doc.take_dirty(), doc.revision());
        saver.flush().expect("save");
        // Only now is iteration i committed.
        writeln!(out, "committed {i}")
            .and_then(|_| out.flush())
            .expect("stdout");
    }
}

/// xorshift64*: reproducible random delays without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

enum Line {
    Start(u64),
    Committed(u64),
}

/// The writer's test name as libtest knows it: its module path without the crate's name.
fn writer_test_name() -> String {
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    if module.is_empty() {
        "crash_writer".to_owned()
    } else {
        format!("{module}::crash_writer")
    }
}

fn spawn_writer(dir: &Path) -> (Child, mpsc::Receiver<Line>) {
    let mut child = Command::new(std::env::current_exe().expect("this test binary"))
        .args([
            &writer_test_name(),
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting the writer");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let parsed = if let Some(n) = line.strip_prefix("start ") {
                n.trim().parse().ok().map(Line::Start)
            } else if let Some(n) = line.strip_prefix("committed ") {
                n.trim().parse().ok().map(Line::Committed)
            } else {
                None
            };
            if let Some(l) = parsed
                && tx.send(l).is_err()
            {
                break;
            }
        }
    });
    (child, rx)
}

/// What the data dir looks like: each entry's name, size and modification time.
fn snapshot(dir: &Path) -> Vec<(std::ffi::OsString, u64, Option<std::time::SystemTime>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let m = e.metadata().ok();
                    (
                        e.file_name(),
                        m.as_ref().map_or(0, |m| m.len()),
                        m.and_then(|m| m.modified().ok()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Returns as soon as anything in `dir` changes (or after a second).
fn wait_for_a_write(dir: &Path) {
    let before = snapshot(dir);
    let until = Instant::now() + Duration::from_secs(1);
    while Instant::now() < until && snapshot(dir) == before {}
}

/// The iterations a file may hold after a kill: the last committed one, or the one being
/// written when the kill came; before any commit in this round, the file's state before
/// the round or the round's first iteration.
fn allowed(before: u64, start: Option<u64>, committed: Option<u64>) -> Vec<u64> {
    match (start, committed) {
        (_, Some(c)) => vec![c, c + 1],
        (Some(s), None) => vec![before, s],
        (None, None) => vec![before],
    }
}

fn check_after_kill(
    dir: &Path,
    round: usize,
    before: &BTreeMap<FileKind, u64>,
    start: Option<u64>,
    committed: Option<u64>,
) -> Result<BTreeMap<FileKind, u64>, String> {
    let at = format!("round {round} (start {start:?}, last committed {committed:?})");
    // Read-only first: every file parses and every record passes its rules.
    let problems = store::check(dir);
    if !problems.is_empty() {
        return Err(format!("{at}: store::check found {problems:?}"));
    }
    // No stale lock: a killed process's lock is released by the OS.
    drop(store::acquire_lock(dir).map_err(|e| format!("{at}: lock still held: {e}"))?);
    let loaded = store::load(dir).map_err(|e| format!("{at}: load failed: {e}"))?;
    if !loaded.problems.is_empty() {
        return Err(format!("{at}: load found {:?}", loaded.problems));
    }
    if loaded.fresh {
        return Err(format!("{at}: the workspace is gone"));
    }
    let now = markers(&loaded.ws);
    // One change is one commit: every file of it holds the same iteration.
    let iterations: std::collections::BTreeSet<u64> = now.values().copied().collect();
    if iterations.len() > 1 {
        return Err(format!("{at}: files of one change disagree: {now:?}"));
    }
    for (kind, value) in &now {
        let ok = allowed(before[kind], start, committed);
        if !ok.contains(value) {
            return Err(format!(
                "{at}: {} holds iteration {value}, expected one of {ok:?}",
                kind.file_name()
            ));
        }
    }
    // load removed the temp files the kill left behind.
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| store::paths::is_temp_name(n))
        .collect();
    if !leftovers.is_empty() {
        return Err(format!("{at}: temp files left after load: {leftovers:?}"));
    }
    Ok(now)
}

#[test]
fn sigkill_at_random_moments_never_tears_or_loses_a_committed_file() {
    let rounds: usize = std::env::var(ROUNDS_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_ROUNDS);
    let seed: u64 = std::env::var(SEED_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(1)
        })
        | 1;
    eprintln!("crash test: {rounds} rounds, {SEED_ENV}={seed}");
    let mut rng = Rng(seed);

    let tmp = tempfile::tempdir().expect("a temp dir");
    let dir = tmp.path();
    let ws = generate(11, DemoSize { deals: DEMO_DEALS }, today());
    store::save(dir, &ws, &FileKind::ALL.into_iter().collect()).expect("the first save");
    let mut state = markers(&ws);
    assert!(state.values().all(|v| *v == 0));
    assert!(MARKED.iter().all(|k| state.contains_key(k)));

    let started = Instant::now();
    let (mut kills_mid_run, mut kills_in_a_write, mut total_commits) = (0usize, 0usize, 0u64);
    let mut kills_with_a_journal = 0usize;
    for round in 0..rounds {
        let (mut child, rx) = spawn_writer(dir);
        let mut start = None;
        let mut committed = None;
        // Three ways to pick the moment, so kills land everywhere: while it starts (lock,
        // load); at a random moment of the save loop; and the instant the data dir is
        // seen changing (a temp file appears, a file grows, shrinks or is renamed), i.e.
        // in the middle of a write, where a non-atomic save would leave a torn file.
        let mode = rng.below(10);
        if mode == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(15_000)));
        } else {
            match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(Line::Start(s)) => start = Some(s),
                Ok(Line::Committed(_)) => unreachable!("start comes first"),
                Err(_) => {
                    let _ = child.kill();
                    let mut err = String::new();
                    if let Some(mut e) = child.stderr.take() {
                        let _ = e.read_to_string(&mut err);
                    }
                    panic!("round {round}: the writer did not start:\n{err}");
                }
            }
            // Mostly a few milliseconds in; one round in three lets it commit a few times first.
            let span = if rng.below(3) == 0 { 80_000 } else { 20_000 };
            std::thread::sleep(Duration::from_micros(rng.below(span)));
            if mode >= 5 {
                wait_for_a_write(dir);
                kills_in_a_write += 1;
            }
            kills_mid_run += 1;
        }
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("wait");
        // Everything the writer said before it died.
        for line in rx.iter() {
            match line {
                Line::Start(s) => start = Some(s),
                Line::Committed(c) => {
                    committed = Some(c);
                    total_commits += 1;
                }
            }
        }
        if status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!(
                "round {round}: the writer ended on its own (it should loop until killed):\n{err}"
            );
        }
        // A kill that left a journal: the next load must replay it.
        if dir.join("journal.ron").exists() {
            kills_with_a_journal += 1;
        }
        state = match check_after_kill(dir, round, &state, start, committed) {
            Ok(s) => s,
            Err(e) => panic!("{e}\n(replay with {SEED_ENV}={seed})"),
        };
    }
    eprintln!(
        "crash test: {rounds} kills ({kills_mid_run} in the save loop, {kills_in_a_write} of \
         them as a write was seen, {kills_with_a_journal} leaving a journal), {total_commits} \
         commits, final state {state:?}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The kills hit a working save loop, not only start-ups: many landed while a write
    // was seen, and the iterations went on. (How far they went depends on how fast the
    // disk flushes, so the bar is low: a stuck loop makes no progress at all.)
    let progress = state.values().copied().max().unwrap_or(0);
    assert!(
        kills_in_a_write >= rounds / 4,
        "only {kills_in_a_write} of {rounds} kills came during a write"
    );
    assert!(
        progress as usize >= rounds / 10,
        "only {progress} iterations in {rounds} rounds"
    );
    // Both paths were crashed in: journal appends (a journal left behind) and the
    // compactions that fold it in.
    assert!(
        kills_with_a_journal >= rounds / 10,
        "only {kills_with_a_journal} of {rounds} kills left a journal to replay"
    );
}
