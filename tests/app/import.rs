//! Import as a desktop user brings the data: CSV written by Excel and other CRMs, targets
//! files, workbooks, and the window's import flow. The CLI tests go through
//! `salesdesk import` on temporary data dirs.

use salesdesk::cli::import;
use salesdesk::model::{Money, Stage, Workspace};
use salesdesk::store;
use std::path::{Path, PathBuf};

use crate::common;

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

/// Writes `bytes` as `name` in `dir` and imports it into `dir/data`.
fn import_bytes(dir: &Path, name: &str, bytes: &[u8]) -> (i32, String, String) {
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    import_file(&dir.join("data"), &file)
}

fn load(dir: &Path) -> Workspace {
    let loaded = store::load(dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.ws
}

/// Nothing was written: the data dir has no workspace files.
fn assert_nothing_imported(data: &Path) {
    let files: Vec<PathBuf> = std::fs::read_dir(data)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    assert!(
        files.iter().all(|p| !p.to_string_lossy().ends_with(".ron")),
        "{files:?}"
    );
}

const HEADER: &str = "deal,customer,owner,amount,created";

/// A deals CSV of `rows` data rows; the rows in `bad` (1-based data rows) have a bad
/// amount. Lines are joined with `eol`.
fn deals_csv(rows: usize, bad: &[usize], eol: &str) -> String {
    let mut lines = vec![HEADER.to_string()];
    for i in 1..=rows {
        let amount = if bad.contains(&i) { "lots" } else { "100" };
        lines.push(format!("Deal {i},Acme,Li,{amount},2026-01-05"));
    }
    lines.join(eol) + eol
}

#[test]
fn crlf_line_numbers_are_the_lines_an_editor_shows() {
    let tmp = tempfile::tempdir().unwrap();
    // Bad rows on editor lines 2, 4, 10 and 21: data rows 1, 3, 9 and 20.
    let csv = deals_csv(22, &[1, 3, 9, 20], "\r\n");
    let (code, _, err) = import_bytes(tmp.path(), "crlf.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    for line in [2, 4, 10, 21] {
        assert!(
            err.contains(&format!("line {line}, column amount")),
            "line {line} missing:\n{err}"
        );
    }
    for line in [1, 3, 9, 20] {
        assert!(
            !err.contains(&format!("line {line}, column amount")),
            "line {line} blamed:\n{err}"
        );
    }
    assert_nothing_imported(&tmp.path().join("data"));
}

#[test]
fn cr_only_line_numbers_count_each_line() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = deals_csv(5, &[2, 5], "\r");
    let (code, _, err) = import_bytes(tmp.path(), "cr.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 3, column amount"), "{err}");
    assert!(err.contains("line 6, column amount"), "{err}");
    assert!(!err.contains("line 1,"), "{err}");
}

#[test]
fn a_comma_before_one_or_two_final_digits_is_refused_as_a_decimal_comma() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!(
        "{HEADER}\nA,Acme,Li,\"1,5\",2026-01-05\nB,Acme,Li,\"1 000,50\",2026-01-05\n\
         C,Acme,Li,\"3,50\",2026-01-05\nD,Acme,Li,\"12,00,0\",2026-01-05\n"
    );
    let (code, _, err) = import_bytes(tmp.path(), "comma.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    for line in 2..=5 {
        assert!(
            err.contains(&format!("line {line}, column amount")),
            "line {line} missing:\n{err}"
        );
    }
    assert!(
        err.contains("decimal"),
        "the message names the cause:\n{err}"
    );
    assert_nothing_imported(&tmp.path().join("data"));
}

#[test]
fn thousands_grouping_and_excel_chinese_locale_values_are_read() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!(
        "{HEADER}\nA,Acme,Li,\"12,000\",2026/1/5\nB,Acme,Li,\"1,234,567.89\",2026-01-05\n\
         C,Acme,Li,\"¥1,200.00\",2026/1/15\n"
    );
    let (code, _, err) = import_bytes(tmp.path(), "grouped.csv", csv.as_bytes());
    assert_eq!(code, 0, "{err}");
    let ws = load(&tmp.path().join("data"));
    let amounts: Vec<Money> = ws.deals.deals.iter().map(|d| d.amount).collect();
    assert_eq!(
        amounts,
        [Money(1_200_000), Money(123_456_789), Money(120_000)]
    );
    let created: Vec<String> = ws
        .deals
        .deals
        .iter()
        .map(|d| d.history[0].date.to_string())
        .collect();
    assert_eq!(created, ["2026-01-05", "2026-01-05", "2026-01-15"]);
}

#[test]
fn a_two_digit_year_is_refused_not_read_as_year_26() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!("{HEADER}\nA,Acme,Li,100,26-01-05\n");
    let (code, _, err) = import_bytes(tmp.path(), "yy.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 2, column created"), "{err}");
    assert!(err.contains("1900"), "{err}");
    assert_nothing_imported(&tmp.path().join("data"));
}

#[test]
fn a_huge_created_date_is_blamed_on_created() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!("{HEADER},expected_close\nA,Acme,Li,100,+262142-12-31,\n");
    let (code, _, err) = import_bytes(tmp.path(), "far.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 2, column created"), "{err}");
    assert!(!err.contains("expected_close"), "{err}");
}

#[test]
fn a_latin1_file_that_happens_to_be_valid_gbk_is_read_as_latin1() {
    let tmp = tempfile::tempdir().unwrap();
    let mut csv = format!("{HEADER}\nERP,").into_bytes();
    csv.extend_from_slice(b"M\xFCller GmbH,Li,100,2026-01-05\n");
    // The bytes are valid GBK ("M黮ler"): the guess must look further.
    assert!(
        encoding_rs::GBK
            .decode_without_bom_handling_and_without_replacement(&csv)
            .is_some()
    );
    let (code, _, err) = import_bytes(tmp.path(), "latin1.csv", &csv);
    assert_eq!(code, 0, "{err}");
    let ws = load(&tmp.path().join("data"));
    assert_eq!(ws.customers.customers.rows[0].name, "Müller GmbH");
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!(
        "{HEADER}\nA,Acme,Li,100,2026-01-05\n\"B,Acme,Li,100,2026-01-05\nC,Acme,Li,100,2026-01-05\n"
    );
    let (code, _, err) = import_bytes(tmp.path(), "quote.csv", csv.as_bytes());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("quote"), "{err}");
    assert!(!err.contains("required"), "{err}");
    assert_nothing_imported(&tmp.path().join("data"));
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_without_reading_it_all() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = import_file(&tmp.path().join("data"), Path::new("/dev/zero"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not a CSV"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("huge.csv");
    // Sparse: the length is there without the bytes.
    std::fs::File::create(&file)
        .unwrap()
        .set_len((1 << 30) + 1)
        .unwrap();
    let (code, _, err) = import_file(&tmp.path().join("data"), &file);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 GiB"), "{err}");
}

/// Creates the team member `name` in `data` through a one-row deals import.
fn with_member(data: &Path, name: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let csv = format!("{HEADER}\nSeed,Acme,{name},1,2026-01-05\n");
    let file = tmp.path().join("seed.csv");
    std::fs::write(&file, csv).unwrap();
    assert_eq!(import_file(data, &file).0, 0);
}

#[test]
fn a_targets_file_with_bad_rows_lists_every_bad_row_with_its_editor_line_and_imports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    with_member(&data, "Li");
    let before = load(&data);
    // CRLF, as Excel writes: the lines named must still be the editor's.
    let csv = [
        "负责人,开始,结束,目标,冲刺,挑战",
        ",2026-01-01,2026-03-31,\"1,000,000\",1200000,1500000",
        "Li,2026-01-01,2026-03-31,300000,,",
        "Nobody,2026-01-01,2026-03-31,100,,",
        "",
        "Li,2026-04-01,2026-03-01,100,,",
        "Li,2026-04-01,2026-06-30,\"1,5\",,",
        "Li,2026-07-01,2026-09-30,100,50,",
    ]
    .join("\r\n");
    let file = tmp.path().join("targets.csv");
    std::fs::write(&file, &csv).unwrap();
    let (code, out, err) = import_file(&data, &file);
    assert_eq!(code, 1, "{out}");
    for e in [
        "line 4, column 负责人: no team member is called Nobody",
        "line 6, column 结束: is before 开始",
        "line 7, column 目标:",
        "line 8, column 冲刺:",
    ] {
        assert!(err.contains(e), "missing {e:?} in:\n{err}");
    }
    assert!(err.contains("4 problems in 4 rows"), "{err}");
    assert_eq!(load(&data).performance, before.performance);

    // Fixed, it imports; again with a new amount it updates the same owner and period.
    let good: String = csv.lines().take(3).collect::<Vec<_>>().join("\r\n");
    std::fs::write(&file, &good).unwrap();
    let (code, out, err) = import_file(&data, &file);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("targets: 2 new, 0 updated, 0 unchanged"),
        "{out}"
    );
    std::fs::write(&file, good.replace("300000", "350000")).unwrap();
    let (code, out, _) = import_file(&data, &file);
    assert_eq!(code, 0);
    assert!(
        out.contains("targets: 0 new, 1 updated, 1 unchanged"),
        "{out}"
    );
    let ws = load(&data);
    let targets = &ws.performance.targets.rows;
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0].member, None);
    assert_eq!(
        (targets[0].stretch, targets[0].challenge),
        (
            Some(Money::from_major(1_200_000)),
            Some(Money::from_major(1_500_000))
        )
    );
    assert_eq!(targets[1].amount, Money::from_major(350_000));
}

#[test]
fn the_headers_of_a_pipedrive_deals_export_are_recognised() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "\"Deal - ID\",\"Deal - Title\",\"Deal - Value\",\"Deal - Currency\",\
        \"Deal - Organization\",\"Deal - Owner\",\"Deal - Stage\",\"Deal - Status\",\
        \"Deal - Pipeline\",\"Deal - Deal created\",\"Deal - Expected close date\",\
        \"Deal - Won time\",\"Deal - Lost time\",\"Deal - Lost reason\"\n\
        1,\"ERP rollout\",12000,CNY,\"Acme Ltd\",\"Li Lei\",\"Proposal Made\",won,\
        Sales,\"2026-01-05 09:12:00\",2026-02-28,\"2026-02-20 16:00:00\",,\n\
        2,\"CRM pilot\",\"3,500.50\",CNY,\"Beta GmbH\",\"Li Lei\",\"Qualified\",lost,\
        Sales,\"2026-01-06 10:00:00\",,,\"2026-01-30 11:00:00\",\"Too expensive\"\n\
        3,\"BI\",800,CNY,\"Acme Ltd\",\"Wang\",\"Negotiations Started\",open,\
        Sales,\"2026-01-07 10:00:00\",2026-03-31,,,\n";
    let (code, out, err) = import_bytes(tmp.path(), "pipedrive.csv", csv.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 new deals"), "{out}");
    assert!(
        out.contains("ignored columns: Deal - Currency, Deal - Status, Deal - Pipeline"),
        "{out}"
    );
    let ws = load(&tmp.path().join("data"));
    let erp = ws
        .deals
        .deals
        .iter()
        .find(|d| d.title == "ERP rollout")
        .unwrap();
    assert_eq!(
        (erp.stage, erp.amount),
        (Stage::Won, Money::from_major(12_000))
    );
    assert_eq!(ws.customer_name(erp.customer), "Acme Ltd");
    assert_eq!(ws.member_name(erp.owner), "Li Lei");
    assert_eq!(erp.external_id.as_deref(), Some("1"));
    assert_eq!(stage_of(&ws, "CRM pilot"), Stage::Lost);
    assert_eq!(stage_of(&ws, "BI"), Stage::Quote);
}

#[test]
fn the_headers_of_a_hubspot_deals_export_are_recognised() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "Record ID,Deal Name,Deal Stage,Pipeline,Close Date,Deal owner,Amount,\
        Create Date,Associated Company (Primary),Deal Type\n\
        9001,Annual licence,Closed Won,Sales Pipeline,2026-02-01 00:00,Ann Lee,25000,\
        2026-01-03 08:00,Gamma Inc,newbusiness\n\
        9002,Upsell,Contract Sent,Sales Pipeline,2026-04-15 00:00,Ann Lee,4000,\
        2026-01-10 08:00,Gamma Inc,existingbusiness\n";
    let (code, out, err) = import_bytes(tmp.path(), "hubspot.csv", csv.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 new deals"), "{out}");
    let ws = load(&tmp.path().join("data"));
    assert_eq!(stage_of(&ws, "Annual licence"), Stage::Won);
    assert_eq!(stage_of(&ws, "Upsell"), Stage::Contract);
    let upsell = ws.deals.deals.iter().find(|d| d.title == "Upsell").unwrap();
    assert_eq!(
        upsell.expected_close.map(|d| d.to_string()).as_deref(),
        Some("2026-04-15")
    );
    assert_eq!(ws.customers.customers.len(), 1);
}

/// The deals both the CSV and the XLSX of the same table hold: the text a formula
/// would start with included.
const TABLE: [[&str; 6]; 3] = [
    [
        "=HYPERLINK(\"https://x\")",
        "Acme",
        "+Li",
        "1200.5",
        "2026-01-05",
        "2026-03-31",
    ],
    ["@SUM(A1)", "甲公司", "-2+3", "99", "2026-02-10", ""],
    ["Plain", "Acme", "+Li", "12000", "2026-02-11", "2026-12-31"],
];
const TABLE_HEADER: [&str; 6] = [
    "deal",
    "customer",
    "owner",
    "amount",
    "created",
    "expected_close",
];

fn table_csv() -> String {
    let mut s = TABLE_HEADER.join(",") + "\n";
    for r in TABLE {
        let cells: Vec<String> = r
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        s += &(cells.join(",") + "\n");
    }
    s
}

/// The table as an XLSX: amounts as number cells, dates as date cells, a sheet named
/// anything, and a second sheet of targets.
fn table_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    let ws = wb.add_worksheet().set_name("Sheet1").unwrap();
    for (c, h) in TABLE_HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in TABLE.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, row[0]).unwrap();
        ws.write_string(r, 1, row[1]).unwrap();
        ws.write_string(r, 2, row[2]).unwrap();
        ws.write_number(r, 3, row[3].parse::<f64>().unwrap())
            .unwrap();
        for c in [4, 5] {
            if row[c].is_empty() {
                continue;
            }
            let p: Vec<u16> = row[c].split('-').map(|x| x.parse().unwrap()).collect();
            let d = ExcelDateTime::from_ymd(p[0], p[1] as u8, p[2] as u8).unwrap();
            ws.write_datetime_with_format(r, c as u16, &d, &date)
                .unwrap();
        }
    }
    let t = wb.add_worksheet().set_name("2026 计划").unwrap();
    for (c, h) in ["owner", "from", "to", "target"].iter().enumerate() {
        t.write_string(0, c as u16, *h).unwrap();
    }
    t.write_string(1, 0, "").unwrap();
    for (c, day) in [(1, (2026, 1, 1)), (2, (2026, 12, 31))] {
        let d = ExcelDateTime::from_ymd(day.0, day.1, day.2).unwrap();
        t.write_datetime_with_format(1, c, &d, &date).unwrap();
    }
    t.write_number(1, 3, 5_000_000.0).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_with_date_and_number_cells_imports_like_the_same_csv() {
    let a = tempfile::tempdir().unwrap();
    let (code, _, err) = import_bytes(a.path(), "table.csv", table_csv().as_bytes());
    assert_eq!(code, 0, "{err}");
    let b = tempfile::tempdir().unwrap();
    let (code, out, err) = import_bytes(b.path(), "table.xlsx", &table_xlsx());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("3 new deals") && out.contains("targets: 1 new"),
        "{out}"
    );
    let (from_csv, from_xlsx) = (load(&a.path().join("data")), load(&b.path().join("data")));
    assert_eq!(from_csv.deals, from_xlsx.deals);
    assert_eq!(from_csv.customers, from_xlsx.customers);
    assert_eq!(from_csv.team, from_xlsx.team);
    let titles: Vec<&str> = from_xlsx
        .deals
        .deals
        .iter()
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(titles, ["=HYPERLINK(\"https://x\")", "@SUM(A1)", "Plain"]);
    assert_eq!(
        from_xlsx.member_name(from_xlsx.deals.deals.rows[1].owner),
        "-2+3"
    );
    assert_eq!(from_xlsx.deals.deals.rows[0].amount, Money(120_050));
    assert_eq!(from_xlsx.performance.targets.len(), 1);
}

/// The same table as an Excel 97-2003 workbook (tests/fixtures/xls/table.xls, written by
/// Python's xlwt: text, number and date cells, and a targets sheet).
#[test]
fn an_xls_with_date_and_number_cells_imports_like_the_same_csv() {
    let a = tempfile::tempdir().unwrap();
    let (code, _, err) = import_bytes(a.path(), "table.csv", table_csv().as_bytes());
    assert_eq!(code, 0, "{err}");
    let b = tempfile::tempdir().unwrap();
    let xls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xls/table.xls");
    let (code, out, err) = import_bytes(b.path(), "table.xls", &std::fs::read(xls).unwrap());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("3 new deals") && out.contains("targets: 1 new"),
        "{out}"
    );
    let (from_csv, from_xls) = (load(&a.path().join("data")), load(&b.path().join("data")));
    assert_eq!(from_csv.deals, from_xls.deals);
    assert_eq!(from_csv.customers, from_xls.customers);
    assert_eq!(
        from_xls.performance.targets.rows[0].amount,
        Money::from_major(5_000_000)
    );
}

#[test]
fn bad_rows_of_a_workbook_name_their_sheet_and_excel_row() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Notes").unwrap();
    ws.write_string(0, 0, "just some notes").unwrap();
    let ws = wb.add_worksheet().set_name("Deals 2026").unwrap();
    for (c, h) in ["deal", "customer", "owner", "amount", "created"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (c, v) in ["A", "Acme", "Li", "x", "2026-01-05"].iter().enumerate() {
        ws.write_string(3, c as u16, *v).unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = import_bytes(tmp.path(), "book.xlsx", &wb.save_to_buffer().unwrap());
    assert_eq!(code, 1);
    assert!(
        err.contains("sheet Deals 2026, line 4, column amount"),
        "{err}"
    );
    assert_nothing_imported(&tmp.path().join("data"));
}

fn stage_of(ws: &Workspace, title: &str) -> Stage {
    ws.deals
        .deals
        .iter()
        .find(|d| d.title == title)
        .unwrap()
        .stage
}

mod window {
    use super::common::ui::{H, harness_on};
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    use salesdesk::i18n::Lang;
    use salesdesk::import::Col;
    use salesdesk::model::{Money, Workspace};
    use salesdesk::ui::Page;
    use salesdesk::ui::import::Text;
    use salesdesk::ui::import::picker::FixedPicker;

    fn click(h: &mut H, label: &str) {
        h.get_by_role_and_label(Role::Button, label).click();
        h.run();
    }

    fn column_option(c: Col, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}（{}）", c.chinese(), c.english()),
            Lang::En => format!("{} ({})", c.english(), c.chinese()),
        }
    }

    /// Preview, one column mapped by hand, a check listing the bad row, the fix, the
    /// import, and one undo taking all of it back.
    fn flow(lang: Lang) {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("export.csv");
        // "Umsatz" is no header we know: the user maps it to the amount.
        std::fs::write(
            &file,
            "deal,customer,owner,Umsatz,created\r\nERP,Acme,Li,\"1.200,50\",2026-01-05\r\n\
             CRM,Acme,Wang,\"1,5\",2026-01-06\r\n",
        )
        .unwrap();
        let mut h = harness_on(Workspace::default(), lang, Page::Data);
        h.state_mut()
            .pages
            .data
            .import
            .set_picker(Box::new(FixedPicker(Some(file))));
        h.run();
        click(&mut h, Text::Open.get(lang));
        // The preview: the guessed encoding and the first rows.
        assert!(h.query_by_label(&Text::guessed(lang, "UTF-8")).is_some());
        assert!(h.query_by_label("ERP").is_some());
        assert!(h.query_by_label("1.200,50").is_some());

        h.get_by_role_and_label(Role::ComboBox, "Umsatz").click();
        h.run();
        h.get_by_role_and_label(Role::Button, &column_option(Col::Amount, lang))
            .click();
        h.run();

        click(&mut h, Text::Check.get(lang));
        assert!(h.query_by_label(Text::Problems.get(lang)).is_some());
        let line2 = match lang {
            Lang::Zh => "第 2 行，列 Umsatz：",
            Lang::En => "line 2, column Umsatz: ",
        };
        let line3 = line2.replace('2', "3");
        for line in [line2.to_string(), line3] {
            assert!(
                h.query_all_by(|n| {
                    n.label()
                        .or(n.value())
                        .is_some_and(|l| l.starts_with(&line))
                })
                .next()
                .is_some(),
                "{line}"
            );
        }
        assert!(h.state().doc.ws().deals.deals.is_empty());

        h.get_by_label(Text::DecimalComma.get(lang)).click();
        h.run();
        click(&mut h, Text::Check.get(lang));
        assert!(h.query_by_label(Text::Problems.get(lang)).is_none());
        click(&mut h, Text::Import.get(lang));
        let ws = h.state().doc.ws().clone();
        let amounts: Vec<Money> = ws.deals.deals.iter().map(|d| d.amount).collect();
        assert_eq!(amounts, [Money(120_050), Money(150)]);
        assert_eq!(ws.customers.customers.len(), 1);
        assert_eq!(ws.settings.import_mapping()["umsatz"], "amount");
        assert!(
            h.query_by_role_and_label(Role::Button, Text::Check.get(lang))
                .is_none(),
            "closed"
        );

        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        let ws = h.state().doc.ws().clone();
        assert!(ws.deals.deals.is_empty() && ws.customers.customers.is_empty());
        assert!(ws.team.members.is_empty());
        assert!(ws.settings.import_columns.is_empty(), "one undo, all of it");
    }

    #[test]
    fn window_import_previews_maps_a_column_by_hand_checks_imports_and_undoes_in_english() {
        flow(Lang::En);
    }

    #[test]
    fn window_import_previews_maps_a_column_by_hand_checks_imports_and_undoes_in_chinese() {
        flow(Lang::Zh);
    }

    #[test]
    fn window_preview_shows_the_guessed_encoding_and_reads_again_in_the_one_chosen() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("gbk.csv");
        let (gbk, _, _) = encoding_rs::GBK
            .encode("商机,客户,负责人,金额,创建日期\r\n年度采购,华东机械,李雷,100,2026/1/5\r\n");
        std::fs::write(&file, &gbk).unwrap();
        let lang = Lang::En;
        let mut h = harness_on(Workspace::default(), lang, Page::Data);
        h.state_mut()
            .pages
            .data
            .import
            .set_picker(Box::new(FixedPicker(Some(file))));
        h.run();
        click(&mut h, Text::Open.get(lang));
        assert!(
            h.query_by_label(&Text::guessed(lang, "GB18030 (GBK)"))
                .is_some()
        );
        assert!(h.query_by_label("华东机械").is_some());
        h.get_by_role_and_label(Role::ComboBox, Text::Encoding.get(lang))
            .click();
        h.run();
        h.get_by_role_and_label(Role::Button, "Latin-1 (Windows-1252)")
            .click();
        h.run();
        assert!(
            h.query_by_label("华东机械").is_none(),
            "read again as Latin-1"
        );
        assert!(
            h.query_by_label(&Text::guessed(lang, "GB18030 (GBK)"))
                .is_none()
        );
    }

    fn has_line_starting(h: &H, start: &str) -> bool {
        h.query_all_by(|n| {
            n.label()
                .or(n.value())
                .is_some_and(|l| l.starts_with(start))
        })
        .next()
        .is_some()
    }

    /// The dry run in the Chinese window words every bad row in Chinese, naming its line
    /// and column; the import's undo step is named in Chinese too.
    #[test]
    fn window_dry_run_in_chinese_lists_bad_rows_in_chinese_with_their_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("商机.csv");
        let bad = "商机,客户,负责人,金额,创建日期\r\nERP,华东机械,李雷,\"1,5\",2026-01-05\r\n\
                   CRM,华东机械,李雷,100,26-01-05\r\nOA,华东机械,李雷,-5,2026-01-07\r\n";
        std::fs::write(&file, bad).unwrap();
        let lang = Lang::Zh;
        let mut h = harness_on(Workspace::default(), lang, Page::Data);
        h.state_mut()
            .pages
            .data
            .import
            .set_picker(Box::new(FixedPicker(Some(file.clone()))));
        h.run();
        click(&mut h, Text::Open.get(lang));
        click(&mut h, Text::Check.get(lang));
        for line in [
            "第 2 行，列 金额：“1,5”在最后 1 位数字前有逗号：是小数逗号吗？请写成 1.5",
            "第 3 行，列 创建日期：不是日期：“26-01-05”的年份只有 2 位",
            "第 4 行，列 金额：不能为负数",
        ] {
            assert!(has_line_starting(&h, line), "{line}");
        }
        assert!(
            !has_line_starting(&h, "第 2 行，列 金额：\""),
            "no English reason"
        );
        click(&mut h, Text::Close.get(lang));

        std::fs::write(
            &file,
            "商机,客户,负责人,金额,创建日期\nERP,华东机械,李雷,100,2026-01-05\n\
             CRM,华东机械,李雷,200,2026-01-06\n",
        )
        .unwrap();
        click(&mut h, Text::Open.get(lang));
        click(&mut h, Text::Check.get(lang));
        click(&mut h, Text::Import.get(lang));
        assert_eq!(h.state().doc.ws().deals.deals.len(), 2);
        assert_eq!(h.state().doc.undo_label(), Some("导入 2 个商机"));
    }
}
