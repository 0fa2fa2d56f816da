//! "Export" beside a table saves the rows it shows, filtered and sorted as on screen, as
//! CSV (UTF-8 with a BOM, for Excel) or XLSX, with the workbook's columns.

use crate::common;

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

/// A chart's PNG button asks where, takes a screenshot and writes the chart's part of it.
/// (The harness has no renderer: the test answers the screenshot with a picture of its
/// own, as the window's renderer would.)
#[test]
fn a_charts_png_button_saves_the_chart_from_the_windows_screenshot() {
    use salesdesk::ui::chart_png::Text as Png;
    for lang in [Lang::Zh, Lang::En] {
        let out = tempfile::tempdir().unwrap();
        let mut h = harness_on(demo(40), lang, Page::Analytics);
        h.state_mut()
            .save_as
            .set_picker(Box::new(SaveInto(Some(out.path().to_path_buf()))));
        let buttons = h.query_all_by_label(Png::Button.get(lang)).count();
        assert!(buttons >= 2, "every chart has one ({buttons})");
        h.query_all_by_label(Png::Button.get(lang))
            .next()
            .unwrap()
            .click();
        h.step();
        let shot = h.output().viewport_output.values().find_map(|v| {
            v.commands.iter().find_map(|c| match c {
                egui::ViewportCommand::Screenshot(cb) => Some(cb.clone()),
                _ => None,
            })
        });
        let shot = shot.expect("a screenshot is asked for");
        h.run();
        assert_eq!(
            h.query_all_by_label(Png::Button.get(lang)).count(),
            0,
            "the buttons are not in the picture"
        );
        let size = [1400, 900];
        shot.complete(std::sync::Arc::new(egui::ColorImage::filled(
            size,
            egui::Color32::LIGHT_BLUE,
        )));
        h.run();
        let files: Vec<_> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let name = files[0].file_name().unwrap().to_string_lossy().to_string();
        assert!(name.ends_with(&format!("-{}.png", today())), "{name}");
        let png = std::fs::read(&files[0]).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG file");
        assert!(
            h.query_all_by_label_contains(&name).count() >= 1,
            "the toast says where"
        );
        assert_eq!(h.query_all_by_label(Png::Button.get(lang)).count(), buttons);
    }
}

/// The PNG button sits over its chart's corner without moving the layout: the note
/// under the forecast chart starts below the chart (it was drawn over it).
#[test]
fn the_text_after_a_chart_stays_below_it() {
    use egui::accesskit::Role;
    let mut h = harness_on(demo(40), Lang::En, Page::Analytics);
    h.get_by(|n| {
        n.role() == Role::Image
            && n.label()
                .is_some_and(|l| l.starts_with("Forecast: weighted pipeline"))
    })
    .scroll_to_me();
    h.run();
    let chart = h
        .get_by(|n| {
            n.role() == Role::Image
                && n.label()
                    .is_some_and(|l| l.starts_with("Forecast: weighted pipeline"))
        })
        .rect();
    let note = h.get_by_label_contains("Weighted total").rect();
    assert!(
        note.top() >= chart.bottom() - 1.0,
        "note {note:?} over chart {chart:?}"
    );
}
