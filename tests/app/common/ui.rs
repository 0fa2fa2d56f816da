//! Helpers shared by the UI tests (egui_kittest): the fixed day, the demo workspace they
//! start from, a harness of the whole app, and typing into a field.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::model::{Document, Workspace};
use salesdesk::ui::Page;

pub type H = Harness<'static, SalesDeskApp>;

/// The day every UI test runs on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

/// The demo workspace of seed 7 with `deals` deals, as of [`today`].
pub fn demo(deals: usize) -> Workspace {
    salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals }, today())
}

/// The whole app on `ws`, in memory (nothing on disk), open on `page`, one frame run.
pub fn harness_sized(ws: Workspace, lang: Lang, page: Page, size: egui::Vec2) -> H {
    let mut app = SalesDeskApp::in_memory(Document::new(ws), lang, today());
    app.page = page;
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app);
    h.run();
    h
}

/// [`harness_sized`] at 1400 x 900.
pub fn harness_on(ws: Workspace, lang: Lang, page: Page) -> H {
    harness_sized(ws, lang, page, egui::vec2(1400.0, 900.0))
}

/// The single- or multi-line text field named `label`.
pub fn input<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by(move |n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.label().as_deref() == Some(label)
    })
}

/// Scrolls the field named `label` into view, focuses it, selects all and types `text`.
pub fn set_text(h: &mut H, label: &str, text: &str) {
    input(h, label).scroll_to_me();
    h.run();
    input(h, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    input(h, label).type_text(text);
    h.run();
}
