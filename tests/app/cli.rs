//! `salesdesk import` and `salesdesk report`, end to end on temporary data dirs, with the
//! CSV fixtures in tests/fixtures/csv/.

use chrono::NaiveDate;
use salesdesk::cli::{import, report};
use salesdesk::model::{
    Change, Document, LostReason, Money, Period, Record, Stage, Target, TargetId,
};
use salesdesk::store;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::common;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Runs `salesdesk import`; returns (exit code, stdout, stderr).
fn import_file(dir: &Path, file: &Path) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = import::run(dir, file, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn report_json(dir: &Path, from: &str, to: &str) -> serde_json::Value {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = report::run(dir, d(from), d(to), true, &mut out, &mut err);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    serde_json::from_slice(&out).expect("one JSON object")
}

fn load(dir: &Path) -> salesdesk::model::Workspace {
    let loaded = store::load(dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.ws
}

/// Every file under `dir` with its bytes, except the lock file (it only holds a pid).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    common::tree(dir)
        .into_iter()
        .filter(|(p, _)| p.file_name().is_some_and(|n| n != "salesdesk.lock"))
        .filter_map(|(p, bytes)| Some((p, bytes?)))
        .collect()
}

/// Runs the `salesdesk` binary itself (main.rs included); returns (exit code, stdout,
/// stderr). The data dir comes only from the arguments.
fn salesdesk(args: impl IntoIterator<Item = OsString>) -> (i32, String, String) {
    run_binary(env!("CARGO_BIN_EXE_salesdesk"), args)
}

/// Runs one of the crate's binaries, as [`salesdesk`] does.
fn run_binary(exe: &str, args: impl IntoIterator<Item = OsString>) -> (i32, String, String) {
    let out = std::process::Command::new(exe)
        .args(args)
        .env_remove(store::paths::ENV_DATA_DIR)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn small_csv_imports_into_an_empty_workspace_not_the_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = import_file(tmp.path(), &fixture("deals_en.csv"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("7 new deals"), "{out}");
    assert!(out.contains("ignored columns: remarks"), "{out}");
    let ws = load(tmp.path());
    assert!(!ws.settings.demo);
    assert_eq!(ws.deals.deals.len(), 7);
    assert_eq!(ws.customers.customers.len(), 4);
    assert_eq!(ws.team.members.len(), 2);
    let d1 = ws
        .deals
        .deals
        .iter()
        .find(|x| x.external_id.as_deref() == Some("D1"))
        .unwrap();
    assert_eq!(d1.amount, Money::from_major(10_000));
    assert_eq!(d1.stage, Stage::Won);
    assert_eq!(d1.history.len(), 5);
    assert_eq!((d1.region.as_str(), d1.product.as_str()), ("East", "ERP"));
    // A source no channel or event has becomes a channel of kind Other.
    let web = d1.source.map(|s| ws.source_name(s));
    assert_eq!(web, Some("web"));
    let d6 = ws
        .deals
        .deals
        .iter()
        .find(|x| x.external_id.as_deref() == Some("D6"))
        .unwrap();
    let lost = d6.lost.as_ref().unwrap();
    assert_eq!(
        (lost.reason, lost.note.as_str()),
        (LostReason::Other, "没兴趣")
    );
    let d4 = ws
        .deals
        .deals
        .iter()
        .find(|x| x.external_id.as_deref() == Some("D4"))
        .unwrap();
    assert_eq!(d4.probability_override, Some(60));
    assert_eq!(d4.expected_close, Some(d("2026-05-31")));
}

#[test]
fn gb18030_csv_with_chinese_headers_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("deals_zh.csv")).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the bytes really are GB18030"
    );
    let file = tmp.path().join("excel-gbk.csv");
    std::fs::write(&file, &bytes).unwrap();
    let dir = tmp.path().join("data");
    let (code, _, err) = import_file(&dir, &file);
    assert_eq!(code, 0, "{err}");
    let ws = load(&dir);
    assert_eq!(ws.deals.deals.len(), 3);
    let names: Vec<&str> = ws.team.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["张伟", "李娜"]);
    let z1 = &ws.deals.deals.rows[0];
    assert_eq!(ws.customer_name(z1.customer), "上海星辰科技有限公司");
    assert_eq!(z1.amount, Money(12_000_050));
    assert_eq!(
        (z1.stage, z1.probability_override),
        (Stage::Quote, Some(55))
    );
    assert_eq!(z1.region, "华东");
    let z2 = &ws.deals.deals.rows[1];
    assert_eq!(
        z2.lost.as_ref().map(|l| l.reason),
        Some(LostReason::Competitor)
    );
    assert_eq!(ws.deals.deals.rows[2].stage, Stage::Won);
}

#[test]
fn bad_rows_are_all_listed_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (code, _, err) = import_file(&dir, &fixture("deals_en.csv"));
    assert_eq!(code, 0, "{err}");
    let before = snapshot(&dir);

    let (code, out, err) = import_file(&dir, &fixture("bad_rows.csv"));
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let expected = [
        "line 3, column amount: is not a number",
        "line 4, column amount: must not be negative",
        "line 5, column created: is not a date",
        "line 6, column lost: cannot be set together with won",
        "line 7, column quote: is before needs",
        "line 8, column needs: is before created",
        "line 9, column probability: must be between 0 and 100",
        "line 10, column deal: is required",
    ];
    for e in expected {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
    assert!(
        !err.contains("line 2"),
        "the good row is not blamed:\n{err}"
    );
    assert!(err.contains("8 problems in 8 rows"), "{err}");
    assert_same_files(&before, &snapshot(&dir));

    // A missing required column refuses the file before any row.
    let file = tmp.path().join("no-amount.csv");
    std::fs::write(&file, "deal,customer,owner,created\nx,y,z,2026-01-01\n").unwrap();
    let (code, _, err) = import_file(&dir, &file);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 1, column amount (金额): this required column is missing"),
        "{err}"
    );
    assert_same_files(&before, &snapshot(&dir));
}

/// Same files with the same bytes (names only in the message: the bytes are long).
fn assert_same_files(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>) {
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in a {
        assert!(b[path] == *bytes, "{} changed", path.display());
    }
}

#[test]
fn reimport_with_the_same_ids_updates_instead_of_duplicating() {
    let tmp = tempfile::tempdir().unwrap();
    let src = fixture("deals_en.csv");
    assert_eq!(import_file(tmp.path(), &src).0, 0);
    let (code, out, _) = import_file(tmp.path(), &src);
    assert_eq!(code, 0);
    assert!(out.contains("0 new deals, 0 updated, 7 unchanged"), "{out}");

    let changed = std::fs::read_to_string(&src)
        .unwrap()
        .replace(
            "D3,BI pilot,Acme,Li,East,BI,web,2000.00",
            "D3,BI pilot,Acme,Li,East,BI,web,2500",
        )
        .replace("D7,Next quarter,Delta,Wang", "D7,Next quarter,Epsilon,Wang");
    let file = tmp.path().join("changed.csv");
    std::fs::write(&file, changed).unwrap();
    let (code, out, err) = import_file(tmp.path(), &file);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("0 new deals, 2 updated, 5 unchanged; 1 new customer"),
        "{out}"
    );
    let ws = load(tmp.path());
    assert_eq!(ws.deals.deals.len(), 7);
    let d3 = ws
        .deals
        .deals
        .iter()
        .find(|x| x.external_id.as_deref() == Some("D3"))
        .unwrap();
    assert_eq!(d3.amount, Money::from_major(2_500));
    assert_eq!(ws.customers.customers.len(), 5);
}

#[test]
fn import_refuses_a_workspace_with_unreadable_files() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(import_file(tmp.path(), &fixture("deals_en.csv")).0, 0);
    std::fs::write(tmp.path().join("customers.ron"), "(customers: oops").unwrap();
    let (code, _, err) = import_file(tmp.path(), &fixture("deals_zh.csv"));
    assert_eq!(code, 1);
    assert!(err.contains("could not be read"), "{err}");
    assert!(err.contains("customers.ron"), "{err}");
}

#[test]
fn report_matches_a_hand_calculation() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(import_file(tmp.path(), &fixture("deals_en.csv")).0, 0);
    // A team target of 73,000 for 2026: Q1 has 90 of its 365 days.
    let mut doc = Document::new(load(tmp.path()));
    let target = Target {
        id: TargetId(0),
        member: None,
        period: Period::year(2026),
        amount: Money::from_major(73_000),
        stretch: None,
        challenge: None,
    };
    doc.apply(Change::put(Record::Target(target)), "target")
        .unwrap();
    let dirty = doc.take_dirty();
    store::save(tmp.path(), doc.ws(), &dirty).unwrap();

    let r = report_json(tmp.path(), "2026-01-01", "2026-03-31");
    // Cohort = deals created in Q1: D1 D2 D3 D4 D6 (D5 is from 2025, D7 from April).
    // Furthest stage: D1 won, D2 quote (then lost), D3 needs, D4 lead, D6 lead (lost).
    //   lead     5  10000+5000+2000+3000+1000 = 21000   3/5 = 0.6
    //   needs    3  10000+5000+2000           = 17000   2/3
    //   quote    2  10000+5000                = 15000   1/2 = 0.5  <- bottleneck
    //   contract 1  10000                             1/1 = 1.0
    //   won      1  10000                             null
    let expect = [
        ("lead", 5, 21_000.0, Some(0.6)),
        ("needs", 3, 17_000.0, Some(2.0 / 3.0)),
        ("quote", 2, 15_000.0, Some(0.5)),
        ("contract", 1, 10_000.0, Some(1.0)),
        ("won", 1, 10_000.0, None),
    ];
    let funnel = r["funnel"].as_array().unwrap();
    assert_eq!(funnel.len(), 5);
    for (row, (stage, entered, amount, conv)) in funnel.iter().zip(expect) {
        assert_eq!(row["stage"], stage);
        assert_eq!(row["entered"], entered, "{stage}");
        assert_eq!(row["amount"].as_f64(), Some(amount), "{stage}");
        match conv {
            Some(c) => assert!(
                (row["conversion_to_next"].as_f64().unwrap() - c).abs() < 1e-9,
                "{stage}"
            ),
            None => assert!(row["conversion_to_next"].is_null()),
        }
    }
    assert_eq!(r["bottleneck"], "quote");
    // Closed in Q1, whenever created: won D1 (10000, 2026-02-15) and D5 (8000,
    // 2026-01-25); lost D2 (2026-02-20) and D6 (2026-03-10).
    assert_eq!(r["won_count"], 2);
    assert_eq!(r["lost_count"], 2);
    assert_eq!(r["win_rate"].as_f64(), Some(0.5)); // 2 / (2 + 2)
    assert_eq!(r["revenue"].as_f64(), Some(18_000.0)); // 10000 + 8000
    assert_eq!(r["avg_won_amount"].as_f64(), Some(9_000.0)); // 18000 / 2
    // Cycle: D1 01-05 -> 02-15 = 41 days; D5 2025-11-01 -> 2026-01-25 = 30+31+24 = 85.
    assert_eq!(r["avg_cycle_days"].as_f64(), Some(63.0)); // (41 + 85) / 2
    // Open now: D3 (needs, 25 %), D4 (lead, manual 60 %), D7 (lead, 10 %).
    assert_eq!(r["open_deals"], 3);
    // 2000 × 0.25 + 3000 × 0.60 + 4000 × 0.10 = 500 + 1800 + 400.
    assert_eq!(r["weighted_pipeline"].as_f64(), Some(2_700.0));
    // 3 × 9000 × 0.5 / 63 = 214.2857… -> 214.29.
    assert_eq!(r["sales_velocity_per_day"].as_f64(), Some(214.29));
    // 73000 × 90 / 365 = 18000; attainment 18000 / 18000.
    assert_eq!(r["target"].as_f64(), Some(18_000.0));
    assert_eq!(r["attainment"].as_f64(), Some(1.0));
    // What the workspace holds: 7 deals, 4 customers and 2 reps from the file.
    assert_eq!(r["counts"]["deals"], 7);
    assert_eq!(r["counts"]["customers"], 4);
    assert_eq!(r["counts"]["members"], 2);
    // The "now" figures name their day, as YYYY-MM-DD.
    let as_of = r["as_of"].as_str().expect("as_of is a string");
    assert_eq!(
        as_of,
        chrono::Local::now()
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    );
}

#[test]
fn undefined_ratios_are_null_and_text_output_reads() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(import_file(tmp.path(), &fixture("deals_en.csv")).0, 0);
    // 2020 has no deals at all: nothing to divide by.
    let r = report_json(tmp.path(), "2020-01-01", "2020-12-31");
    for key in [
        "win_rate",
        "avg_won_amount",
        "avg_cycle_days",
        "sales_velocity_per_day",
        "bottleneck",
        "target",
        "attainment",
    ] {
        assert!(r[key].is_null(), "{key} should be null: {r}");
    }
    for row in r["funnel"].as_array().unwrap() {
        assert_eq!(row["entered"], 0);
        assert!(row["conversion_to_next"].is_null());
    }
    assert_eq!(r["won_count"], 0);
    assert_eq!(r["revenue"].as_f64(), Some(0.0));
    // Open deals are "now", whatever the period.
    assert_eq!(r["open_deals"], 3);

    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        report::run(
            tmp.path(),
            d("2026-01-01"),
            d("2026-03-31"),
            false,
            &mut out,
            &mut err
        ),
        0
    );
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("win rate") && text.contains("50.0 %"),
        "{text}"
    );
    assert!(text.contains("quote 报价谈判"), "{text}");
}

#[test]
fn report_refuses_what_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        report::run(
            tmp.path(),
            d("2026-01-01"),
            d("2026-03-31"),
            true,
            &mut out,
            &mut err
        ),
        1
    );
    assert!(String::from_utf8_lossy(&err).contains("no workspace"));
    assert!(out.is_empty());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        report::run(
            tmp.path(),
            d("2026-03-31"),
            d("2026-01-01"),
            true,
            &mut out,
            &mut err
        ),
        1
    );
    assert!(String::from_utf8_lossy(&err).contains("before it starts"));
}

#[test]
fn check_and_report_on_a_missing_folder_say_so_and_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-folder").join("data");
    let period = ["--from", "2026-01-01", "--to", "2026-12-31"];
    for (cmd, extra) in [("check", &[][..]), ("report", &period[..])] {
        let mut args: Vec<OsString> = vec![cmd.into(), "--data-dir".into(), missing.clone().into()];
        args.extend(extra.iter().map(OsString::from));
        let (code, out, err) = salesdesk(args);
        assert_eq!(code, 1, "{cmd}: {out}{err}");
        // check prints its findings on stdout, report its refusals on stderr.
        let said = if cmd == "check" { &out } else { &err };
        let want = format!("{} does not exist", missing.display());
        assert!(said.contains(&want), "{cmd}: {out}{err}");
        assert!(said.contains("nothing was created"), "{cmd}: {said}");
        assert!(
            !tmp.path().join("no-such-folder").exists(),
            "{cmd} created it"
        );
    }
    assert!(common::tree(tmp.path()).is_empty());
}

#[test]
fn check_and_report_on_a_file_say_it_is_not_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("deals.csv");
    std::fs::write(&file, "not a folder").unwrap();
    let mut out = Vec::new();
    assert_eq!(salesdesk::cli::check::run(&file, &mut out), 1);
    assert!(String::from_utf8_lossy(&out).contains("is a file, not a folder"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = report::run(
        &file,
        d("2026-01-01"),
        d("2026-12-31"),
        false,
        &mut out,
        &mut err,
    );
    assert_eq!(code, 1);
    assert!(String::from_utf8_lossy(&err).contains("is a file, not a folder"));
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder");
}

#[test]
fn report_on_a_v1_workspace_migrates_in_memory_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture_dir("v1"), tmp.path());
    let before = common::tree(tmp.path());
    let dir = tmp.path().as_os_str().to_owned();
    let args = [
        "report",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--json",
    ];
    let (code, out, err) = salesdesk(
        args.map(OsString::from)
            .into_iter()
            .chain(["--data-dir".into(), dir]),
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    // The schema-1 fixture: one deal won (120,000) and one lost in 2025.
    assert_eq!(v["won_count"], 1);
    assert_eq!(v["lost_count"], 1);
    assert_eq!(v["revenue"], 120000.0);
    common::assert_same_tree(&before, &common::tree(tmp.path()), "report");
}

/// A mistyped command is refused with a suggestion and exit code 2; it does not open
/// the window (which, with no display here, would exit 1) or touch any folder.
#[test]
fn an_unknown_command_is_refused_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (code, out, err) = salesdesk(["exprot".into(), "--data-dir".into(), dir.clone().into()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("unrecognized subcommand 'exprot'"), "{err}");
    assert!(
        // `export` exists now: it is the one suggested first.
        err.contains("similar subcommands exist: 'report', 'export'"),
        "{err}"
    );
    assert!(!dir.exists());
    let (code, out, _) = salesdesk(["--version".into()]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("salesdesk ", env!("CARGO_PKG_VERSION")))
    );
    let (code, out, _) = salesdesk(["import".into(), "--help".into()]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: salesdesk import"), "{out}");
}

/// `salesdesk-cli`, the console twin for Windows, runs the same commands with the same
/// output and exit codes, and refuses to run without one instead of opening the window.
#[test]
fn salesdesk_cli_runs_the_same_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let cli = |args: &[&str]| {
        let args = args.iter().map(|a| match *a {
            "DIR" => dir.clone().into_os_string(),
            a => a.into(),
        });
        run_binary(env!("CARGO_BIN_EXE_salesdesk-cli"), args)
    };
    let (code, out, err) = cli(&["demo", "--data-dir", "DIR", "--deals", "30"]);
    assert_eq!(code, 0, "{out}{err}");
    let args = ["check".into(), "--data-dir".into(), dir.clone().into()];
    let (code, out, err) = cli(&["check", "--data-dir", "DIR"]);
    assert_eq!((code, out, err), salesdesk(args));
    assert_eq!(code, 0);
    let (code, _, err) = cli(&["exprot"]);
    assert_eq!(code, 2, "{err}");
    let (code, out, err) = cli(&[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("salesdesk-cli --help"), "{err}");
}
