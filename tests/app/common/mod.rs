//! Helpers shared by the integration tests: set-ups that run the real app over a data
//! dir, comparisons of a data dir before and after, and (in `ui`) the UI tests' harness
//! and typing.
//!
//! Each test crate includes this module and uses only some of it.
#![allow(dead_code)]

pub mod layout;
pub mod props;
pub mod ui;

use chrono::NaiveDate;
use egui_kittest::Harness;
use salesdesk::app::SalesDeskApp;
use salesdesk::i18n::Lang;
use salesdesk::ui::Page;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The day the demo workspaces are generated for.
pub fn demo_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A fresh data dir holding a small demo workspace, saved in full.
pub fn saved_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = salesdesk::demo::generate(7, salesdesk::demo::DemoSize { deals: 40 }, demo_day());
    salesdesk::store::save(
        dir.path(),
        &ws,
        &salesdesk::model::FileKind::ALL.into_iter().collect(),
    )
    .unwrap();
    dir
}

/// The lock and the loaded workspace of `dir`, as the window's start takes them.
pub fn lock_and_load(dir: &std::path::Path) -> (salesdesk::store::Lock, salesdesk::store::Loaded) {
    let lock = salesdesk::store::acquire_lock(dir).unwrap();
    (lock, salesdesk::store::load(dir).unwrap())
}

/// A harness over `app`, in `lang`, on `page`.
pub fn harness(mut app: SalesDeskApp, lang: Lang, page: Page) -> Harness<'static, SalesDeskApp> {
    app.lang = lang;
    app.page = page;
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, app: &mut SalesDeskApp| app.show(ui), app)
}

/// The real app over a demo saved in a fresh data dir, its "today" set to `day`, on
/// `page`, in English. The dir is returned to keep it alive.
pub fn app_on_disk(
    day: NaiveDate,
    page: Page,
) -> (tempfile::TempDir, Harness<'static, SalesDeskApp>) {
    app_on_disk_in(day, page, Lang::En)
}

pub fn app_on_disk_in(
    day: NaiveDate,
    page: Page,
    lang: Lang,
) -> (tempfile::TempDir, Harness<'static, SalesDeskApp>) {
    let dir = saved_demo();
    let (lock, loaded) = lock_and_load(dir.path());
    let app = SalesDeskApp::with_storage(loaded, dir.path().to_path_buf(), lock, day).unwrap();
    (dir, harness(app, lang, page))
}

/// `tests/fixtures/<name>`.
pub fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Copies the tree `from` into the existing folder `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file and folder under `dir`, by path relative to it: a file with its bytes,
/// a folder with `None`. Equal trees mean nothing was written, moved or created.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Option<Vec<u8>>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_path_buf();
            if p.is_dir() {
                out.insert(rel, None);
                walk(root, &p, out);
            } else {
                out.insert(rel, Some(std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Fails unless `after` is exactly `before` (names only in the message: bytes are long).
pub fn assert_same_tree(
    before: &BTreeMap<PathBuf, Option<Vec<u8>>>,
    after: &BTreeMap<PathBuf, Option<Vec<u8>>>,
    what: &str,
) {
    let names = |t: &BTreeMap<PathBuf, Option<Vec<u8>>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(before),
        names(after),
        "{what}: files or folders changed"
    );
    for (path, bytes) in before {
        assert!(after[path] == *bytes, "{what}: {} changed", path.display());
    }
}
