//! "Export" beside a table saves the rows it shows, filtered and sorted as on screen, as
//! CSV (UTF-8 with a BOM, for Excel) or XLSX, with the workbook's columns.

mod common;

use calamine::{Reader, Xlsx};
use common::ui::{demo, harness_on, today};
use egui_kittest::kittest::Queryable;
use salesdesk::i18n::{Lang, T};
use salesdesk::ui::Page;
use salesdesk::ui::save_as::{SaveInto, Text};

/// Types into the page's own search field (the top bar's find box has the same name).
fn search_page(h: &mut common::ui::H, label: &str, text: &str) {
    fn fields<'h>(
        h: &'h common::ui::H,
        label: &'h str,
    ) -> impl Iterator<Item = egui_kittest::Node<'h>> {
        h.query_all_by(move |n| {
            n.role() == egui::accesskit::Role::TextInput && n.label().as_deref() == Some(label)
        })
    }
    assert_eq!(
        fields(h, label).count(),
        2,
        "the find box and the page's search"
    );
    fields(h, label).last().unwrap().focus();
    h.run();
    fields(h, label).last().unwrap().type_text(text);
    h.run();
}

fn export_as(h: &mut common::ui::H, lang: Lang, format: Text) {
    h.get_by_label(Text::Export.get(lang)).click();
    h.run();
    h.get_by_label(format.get(lang)).click();
    h.run();
    h.run();
}

#[test]
fn the_customers_shown_after_a_search_export_as_csv_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let ws = demo(40);
        let name = ws.customers.customers.rows[3].name.clone();
        let others = ws.customers.customers.iter().filter(|c| c.name != name);
        let hidden = others.map(|c| c.name.clone()).next().unwrap();
        let out = tempfile::tempdir().unwrap();
        let mut h = harness_on(ws, lang, Page::Customers);
        h.state_mut()
            .save_as
            .set_picker(Box::new(SaveInto(Some(out.path().to_path_buf()))));
        search_page(&mut h, T::Search.get(lang), &name);
        export_as(&mut h, lang, Text::Csv);
        let title = salesdesk::export::sheet_title(salesdesk::model::RecordKind::Customer, lang);
        let file = out.path().join(format!("{title}-{}.csv", today()));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
        assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
        let lines: Vec<&str> = text.lines().collect();
        let customer = match lang {
            Lang::Zh => "客户",
            Lang::En => "customer",
        };
        assert!(lines[0].split(',').any(|h| h == customer), "{}", lines[0]);
        assert!(lines.len() >= 2, "the match is exported");
        assert!(lines[1..].iter().all(|l| l.contains(&name)), "{lines:?}");
        assert!(
            !text.contains(&hidden),
            "a row the search hides is not exported"
        );
        assert!(
            h.query_all_by_label_contains(&file.display().to_string())
                .count()
                >= 1,
            "the toast says where"
        );
    }
}

#[test]
fn the_pipeline_exports_the_deals_its_filter_shows_as_xlsx() {
    let ws = demo(40);
    let deals = ws.deals.deals.len();
    let out = tempfile::tempdir().unwrap();
    let mut h = harness_on(ws, Lang::En, Page::Pipeline);
    h.state_mut()
        .save_as
        .set_picker(Box::new(SaveInto(Some(out.path().to_path_buf()))));
    export_as(&mut h, Lang::En, Text::Xlsx);
    let file = out.path().join(format!("Deals-{}.xlsx", today()));
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let sheet = book.worksheet_range("Deals").unwrap();
    assert_eq!(sheet.height(), deals + 1, "a header and every deal");
}

#[test]
fn a_cancelled_save_writes_nothing_and_says_nothing() {
    let out = tempfile::tempdir().unwrap();
    let mut h = harness_on(demo(40), Lang::En, Page::Budget);
    h.state_mut().save_as.set_picker(Box::new(SaveInto(None)));
    export_as(&mut h, Lang::En, Text::Csv);
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    assert_eq!(
        h.query_all_by_label_contains("Export").count(),
        1,
        "only the menu"
    );
}
