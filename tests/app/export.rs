//! Data out: the workbook, the CSVs and the PDF report, from the library and from the
//! command line. Workbooks are read back with calamine (cells) and as zipped XML
//! (styles, frozen panes, filters), the way Excel and LibreOffice read them.

use crate::common;

use calamine::{Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use salesdesk::export::{self, Sheet, report_pdf};
use salesdesk::i18n::Lang;
use salesdesk::import::Col;
use salesdesk::model::{Money, Period, RecordKind, Stage, Workspace};
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;

/// Text a spreadsheet would run as a formula, one per OWASP start character.
const FORMULAS: [&str; 6] = [
    "=HYPERLINK(\"http://x\",\"y\")",
    "+86 138 0000 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
];

fn demo() -> Workspace {
    salesdesk::demo::generate(
        7,
        salesdesk::demo::DemoSize { deals: 40 },
        common::demo_day(),
    )
}

/// The demo with formula-looking text in a customer's name and in deals' titles.
fn demo_with_formulas() -> Workspace {
    let mut ws = demo();
    let customers = Arc::make_mut(&mut ws.customers);
    customers.customers.rows[0].name = FORMULAS[0].to_owned();
    let deals = Arc::make_mut(&mut ws.deals);
    for (deal, text) in deals.deals.rows.iter_mut().zip(FORMULAS) {
        deal.title = text.to_owned();
    }
    ws
}

fn sheet<'a>(sheets: &'a [Sheet], key: &str) -> &'a Sheet {
    sheets.iter().find(|s| s.key == key).expect(key)
}

fn column(sheet: &Sheet, header: &str) -> usize {
    sheet
        .headers
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("{header} in {:?}", sheet.headers))
}

fn workbook(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("a workbook calamine reads")
}

/// The XML of one part of the .xlsx zip (`xl/styles.xml`, `xl/worksheets/sheet1.xml`).
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Excel's day number of a date (days since 1899-12-30).
fn excel_day(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

#[test]
fn formula_looking_text_stays_text_in_csv() {
    let sheets = export::workspace_sheets(&demo_with_formulas(), Lang::En);
    let mut bytes = Vec::new();
    export::write_csv(sheet(&sheets, "deals"), &mut bytes).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a UTF-8 BOM for Excel"
    );
    let text = String::from_utf8(bytes).unwrap();
    let mut csv = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let title = csv
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "deal")
        .unwrap();
    let titles: Vec<String> = csv
        .records()
        .map(|r| r.unwrap()[title].to_owned())
        .collect();
    for f in FORMULAS {
        assert!(titles.contains(&format!("'{f}")), "{f:?} behind a quote");
        assert!(!titles.contains(&f.to_owned()), "{f:?} bare");
    }
    // Ordinary text and negative numbers are left alone.
    assert!(titles.iter().any(|t| !t.starts_with('\'')));
}

#[test]
fn formula_looking_text_stays_text_in_xlsx_with_the_quote_prefix() {
    let sheets = export::workspace_sheets(&demo_with_formulas(), Lang::En);
    let bytes = export::xlsx_bytes(&sheets).unwrap();
    let mut book = workbook(&bytes);
    let title = sheet(&sheets, "deals").title.clone();
    let range = book.worksheet_range(&title).unwrap();
    let col = column(sheet(&sheets, "deals"), "deal");
    let values: Vec<&Data> = range.rows().skip(1).map(|r| &r[col]).collect();
    for f in FORMULAS {
        // The value is exactly what the user typed: a string, no quote added.
        assert!(
            values.contains(&&Data::String(f.to_owned())),
            "{f:?} in {values:?}"
        );
    }
    let formulas = book.worksheet_formula(&title).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}

#[test]
fn dates_and_money_are_typed_cells_and_the_amounts_add_up() {
    let ws = demo();
    let sheets = export::workspace_sheets(&ws, Lang::Zh);
    let deals = sheet(&sheets, "deals");
    let bytes = export::xlsx_bytes(&sheets).unwrap();
    let range = workbook(&bytes).worksheet_range(&deals.title).unwrap();
    let amount = column(deals, Col::Amount.chinese());
    let created = column(deals, Col::Created.chinese());
    let mut total = 0.0;
    for (row, deal) in range.rows().skip(1).zip(ws.deals.deals.iter()) {
        let Data::Float(yuan) = row[amount] else {
            panic!("amount is a number: {:?}", row[amount]);
        };
        assert_eq!(yuan, deal.amount.as_major_f64());
        total += yuan;
        let Data::DateTime(day) = &row[created] else {
            panic!("created is a date: {:?}", row[created]);
        };
        assert!(day.is_datetime());
        assert_eq!(day.as_f64(), excel_day(deal.created()));
    }
    let expected: Money = ws.deals.deals.iter().map(|d| d.amount).sum();
    assert!(
        (total - expected.as_major_f64()).abs() < 0.005,
        "{total} vs {expected:?}"
    );
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("¥"), "a ¥ number format");
    assert!(styles.contains("yyyy-mm-dd"), "a date format");
}

#[test]
fn the_won_amounts_in_the_workbook_add_up_to_the_reports_revenue() {
    let ws = demo();
    let year = Period::year(2026);
    let revenue =
        salesdesk::analytics::kpis(&ws, year, &salesdesk::analytics::DealFilter::ALL).revenue;
    assert!(revenue.0 > 0, "the demo has wins in 2026");
    let sheets = export::workspace_sheets(&ws, Lang::En);
    let deals = sheet(&sheets, "deals");
    let bytes = export::xlsx_bytes(&sheets).unwrap();
    let range = workbook(&bytes).worksheet_range(&deals.title).unwrap();
    let (stage, amount, won) = (
        column(deals, "stage"),
        column(deals, Col::Amount.english()),
        column(deals, Col::Won.english()),
    );
    let (from, to) = (excel_day(year.start), excel_day(year.end));
    let total: f64 = range
        .rows()
        .skip(1)
        .filter(|r| r[stage] == Data::String(Stage::Won.key().into()))
        .filter(|r| matches!(&r[won], Data::DateTime(d) if (from..=to).contains(&d.as_f64())))
        .map(|r| r[amount].as_f64().unwrap())
        .sum();
    assert!(
        (total - revenue.as_major_f64()).abs() < 0.005,
        "{total} vs {revenue:?}"
    );
}

#[test]
fn the_workbook_has_one_sheet_per_collection_with_a_frozen_filtered_header_row() {
    let sheets = export::workspace_sheets(&demo(), Lang::Zh);
    assert_eq!(sheets.len(), RecordKind::ALL.len());
    let bytes = export::xlsx_bytes(&sheets).unwrap();
    let book = workbook(&bytes);
    let names = book.sheet_names();
    let titles: Vec<String> = sheets.iter().map(|s| s.title.clone()).collect();
    assert_eq!(names, titles);
    assert!(names.contains(&"商机".to_owned()), "{names:?}");
    for (i, s) in sheets.iter().enumerate() {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 1));
        if s.headers.is_empty() {
            continue;
        }
        assert!(
            xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "{}: frozen",
            s.key
        );
        assert!(xml.contains("<autoFilter"), "{}: filter", s.key);
    }
    // Headers in the UI's language.
    let en = export::workspace_sheets(&demo(), Lang::En);
    assert_eq!(sheet(&en, "deals").title, "Deals");
    assert!(sheet(&en, "deals").headers.contains(&"customer".to_owned()));
    assert!(sheet(&sheets, "deals").headers.contains(&"客户".to_owned()));
}

#[test]
fn the_deals_sheet_has_every_column_the_deal_import_reads() {
    for lang in [Lang::Zh, Lang::En] {
        let sheets = export::workspace_sheets(&demo(), lang);
        let deals = sheet(&sheets, "deals");
        // The columns a deals file has (the import also reads other kinds of file).
        for &col in salesdesk::import::Kind::Deals.columns() {
            let found = deals
                .headers
                .iter()
                .filter(|h| Col::from_header(h) == Some(col))
                .count();
            assert_eq!(found, 1, "{lang:?} {col:?} in {:?}", deals.headers);
        }
    }
}

#[test]
fn the_pdf_report_is_written_and_not_empty_in_both_languages() {
    let ws = demo();
    let month = Period::year(2026);
    let report = report_pdf::gather(&ws, month, common::demo_day());
    assert!(report.kpis.won_count > 0, "the demo year has wins to show");
    let mut pdfs = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let bytes = report_pdf::render(&report, lang).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{lang:?}");
        assert!(
            bytes.len() > 20_000,
            "{lang:?}: {} bytes (the font is embedded)",
            bytes.len()
        );
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/FontFile"), "{lang:?}: an embedded font");
        assert!(
            text.contains("/ToUnicode"),
            "{lang:?}: text a reader can copy"
        );
        pdfs.push(bytes);
    }
    assert_ne!(pdfs[0], pdfs[1], "each language has its own words");
}

/// Runs the `salesdesk` binary; returns (exit code, stdout, stderr).
fn salesdesk(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_salesdesk"))
        .args(args)
        .env_remove(salesdesk::store::paths::ENV_DATA_DIR)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

/// A saved demo whose window was last used in `lang` (the CLI words files in it).
fn saved_demo_in(lang: &str) -> tempfile::TempDir {
    let dir = common::saved_demo();
    std::fs::write(
        dir.path().join("prefs.ron"),
        format!("(lang: {lang}, page: Dashboard)"),
    )
    .unwrap();
    dir
}

#[test]
fn cli_export_writes_the_workbook_and_leaves_the_data_dir_alone() {
    let data = saved_demo_in("Zh");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("out.xlsx");
    let before = common::tree(data.path());
    let (code, stdout, stderr) = salesdesk(&[
        os("export"),
        os("--data-dir"),
        data.path().as_os_str(),
        file.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("out.xlsx"), "{stdout}");
    common::assert_same_tree(&before, &common::tree(data.path()), "export");
    let bytes = std::fs::read(&file).unwrap();
    let book = workbook(&bytes);
    assert_eq!(book.sheet_names().len(), RecordKind::ALL.len());
    assert!(
        book.sheet_names().contains(&"商机".to_owned()),
        "Chinese, as the window"
    );
}

#[test]
fn cli_export_csv_writes_one_csv_per_collection() {
    let data = saved_demo_in("En");
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("csv");
    let before = common::tree(data.path());
    let (code, stdout, stderr) = salesdesk(&[
        os("export"),
        os("--data-dir"),
        data.path().as_os_str(),
        os("--csv"),
        folder.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("{} CSV files", RecordKind::ALL.len())),
        "{stdout}"
    );
    common::assert_same_tree(&before, &common::tree(data.path()), "export --csv");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), RecordKind::ALL.len(), "{files:?}");
    let deals = std::fs::read_to_string(folder.join("deals.csv")).unwrap();
    assert!(deals.starts_with("\u{feff}id,"), "{}", &deals[..60]);
    assert!(
        files.contains(&"me_reviews.csv".to_owned())
            && files.contains(&"performance_reviews.csv".to_owned())
    );
}

#[test]
fn cli_report_pdf_writes_the_report_and_nothing_in_the_data_dir() {
    let data = saved_demo_in("En");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("report.pdf");
    let before = common::tree(data.path());
    let (code, stdout, stderr) = salesdesk(&[
        os("report"),
        os("--data-dir"),
        data.path().as_os_str(),
        os("--from"),
        os("2026-10-01"),
        os("--to"),
        os("2026-10-31"),
        os("--pdf"),
        file.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("report.pdf"), "{stdout}");
    common::assert_same_tree(&before, &common::tree(data.path()), "report --pdf");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 20_000);
}

#[test]
fn cli_export_of_a_missing_folder_fails_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let file = tmp.path().join("out.xlsx");
    let (code, _, stderr) = salesdesk(&[
        os("export"),
        os("--data-dir"),
        missing.as_os_str(),
        file.as_os_str(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!missing.exists() && !file.exists());
    let (code, _, stderr) = salesdesk(&[os("export"), os("--data-dir"), tmp.path().as_os_str()]);
    assert_eq!(code, 2, "a file or --csv is required: {stderr}");
    let _: &Path = tmp.path();
}

#[test]
fn the_data_page_writes_the_workbook_the_csvs_and_the_pdf_to_typed_paths_in_both_languages() {
    use egui_kittest::kittest::Queryable;
    use salesdesk::ui::data_export::Text as X;
    for lang in [Lang::Zh, Lang::En] {
        let out = tempfile::tempdir().unwrap();
        let mut h = common::ui::harness_on(common::ui::demo(40), lang, salesdesk::ui::Page::Data);
        let paths = [
            (X::Workbook, X::ExportWorkbook, out.path().join("book.xlsx")),
            (X::CsvFolder, X::ExportCsv, out.path().join("csv")),
            (X::Pdf, X::ExportPdf, out.path().join("report.pdf")),
        ];
        for (field, button, path) in &paths {
            common::ui::set_text(&mut h, field.get(lang), &path.display().to_string());
            h.get_by_label(button.get(lang)).scroll_to_me();
            h.run();
            h.get_by_label(button.get(lang)).click();
            h.run();
            assert!(path.exists(), "{lang:?}: {}", path.display());
        }
        let book = workbook(&std::fs::read(&paths[0].2).unwrap());
        assert_eq!(book.sheet_names().len(), RecordKind::ALL.len());
        assert!(paths[1].2.join("deals.csv").exists());
        assert!(std::fs::read(&paths[2].2).unwrap().starts_with(b"%PDF-"));
    }
}

/// The export rows keep their path fields wide and the report's period bar on one line,
/// in both languages at 1280×800 and 1024×700 (a Grid squeezed the fields to "/roo"
/// and stacked the period buttons a character a line).
#[test]
fn the_export_fields_are_wide_and_the_period_bar_lies_on_one_line() {
    use egui_kittest::kittest::Queryable;
    use salesdesk::ui::data_export::Text as X;
    for lang in [Lang::Zh, Lang::En] {
        for size in [egui::vec2(1280.0, 800.0), egui::vec2(1024.0, 700.0)] {
            let mut h = common::ui::harness_sized(
                common::ui::demo(40),
                lang,
                salesdesk::ui::Page::Data,
                size,
            );
            for field in [X::Workbook, X::CsvFolder, X::Pdf] {
                let w = common::ui::input(&h, field.get(lang)).rect().width();
                assert!(w >= 300.0, "{lang:?} {size:?}: {field:?} is {w} px wide");
            }
            h.get_by_label(X::ExportPdf.get(lang)).scroll_to_me();
            h.run();
            let (month, year) = match lang {
                Lang::Zh => ("月", "年"),
                Lang::En => ("Month", "Year"),
            };
            let month = h.get_by_label(month).rect();
            let year = h.get_by_label(year).rect();
            assert!(
                (month.center().y - year.center().y).abs() < 2.0 && year.height() < 30.0,
                "{lang:?} {size:?}: the period buttons {month:?} {year:?} share one line"
            );
        }
    }
}

#[test]
fn the_data_page_says_at_the_field_why_an_export_failed() {
    use egui_kittest::kittest::Queryable;
    use salesdesk::ui::data_export::Text as X;
    let out = tempfile::tempdir().unwrap();
    // A folder where the workbook file should be: the write cannot replace it.
    let blocked = out.path().join("taken.xlsx");
    std::fs::create_dir(&blocked).unwrap();
    let mut h = common::ui::harness_on(common::ui::demo(40), Lang::En, salesdesk::ui::Page::Data);
    common::ui::set_text(
        &mut h,
        X::Workbook.get(Lang::En),
        &blocked.display().to_string(),
    );
    h.get_by_label(X::ExportWorkbook.get(Lang::En))
        .scroll_to_me();
    h.run();
    h.get_by_label(X::ExportWorkbook.get(Lang::En)).click();
    h.run();
    h.run();
    assert!(
        h.query_all_by_label_contains("Export failed").count() >= 1,
        "the failure is said"
    );
    assert!(blocked.is_dir(), "nothing replaced");
}

/// The figures a round trip must keep: per stage the count and the sum of amounts, the
/// won revenue of the year, the customers, the targets and the expenses.
#[derive(Debug, PartialEq)]
struct Figures {
    stages: Vec<(Stage, usize, i64)>,
    revenue: Money,
    customers: usize,
    targets: i64,
    expenses: i64,
}

fn figures(ws: &Workspace) -> Figures {
    let stages = Stage::ALL
        .iter()
        .map(|s| {
            let deals: Vec<_> = ws
                .deals
                .deals
                .rows
                .iter()
                .filter(|d| d.stage == *s)
                .collect();
            (*s, deals.len(), deals.iter().map(|d| d.amount.0).sum())
        })
        .collect();
    let revenue = salesdesk::analytics::kpis(
        ws,
        Period::year(2026),
        &salesdesk::analytics::DealFilter::ALL,
    )
    .revenue;
    let targets = ws.performance.targets.rows.iter().map(|t| t.amount.0).sum();
    let expenses = ws.budget.expenses.rows.iter().map(|e| e.amount.0).sum();
    Figures {
        stages,
        revenue,
        customers: ws.customers.customers.rows.len(),
        targets,
        expenses,
    }
}

#[test]
fn a_workbook_exported_and_imported_into_an_empty_workspace_keeps_the_figures() {
    let ws = demo();
    assert!(!ws.budget.expenses.rows.is_empty() && !ws.performance.targets.rows.is_empty());
    for lang in [Lang::Zh, Lang::En] {
        let bytes = export::xlsx_bytes(&export::workspace_sheets(&ws, lang)).unwrap();
        let mut doc = salesdesk::model::Document::default();
        let summary = salesdesk::import::import_bytes(
            &mut doc,
            &bytes,
            &salesdesk::import::Options::default(),
            common::demo_day(),
        )
        .unwrap_or_else(|e| panic!("{lang:?}: {:?}", &e[..e.len().min(5)]));
        assert_eq!(summary.created, ws.deals.deals.rows.len(), "{lang:?}");
        assert_eq!(figures(doc.ws()), figures(&ws), "{lang:?}");
    }
}
