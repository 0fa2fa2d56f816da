//! The window opens before the data: it shows a loading state while the data folder is
//! read on a thread, then the app; a folder that cannot be opened is said in the window.

use crate::common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use salesdesk::launch::Launch;
use salesdesk::store;

fn harness(launch: Launch) -> Harness<'static, Launch> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(salesdesk::ui::fonts::install_fonts)
        .build_ui_state(|ui, launch: &mut Launch| launch.show(ui), launch)
}

/// Steps until `done` (the loading thread reports between frames), at most 60 s (a
/// first start generates the demo, slow in a debug build on a busy machine).
fn step_until(h: &mut Harness<'static, Launch>, done: impl Fn(&Launch) -> bool) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done(h.state()) && std::time::Instant::now() < until {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn the_window_shows_a_loading_state_until_the_data_arrives_then_the_app() {
    let dir = common::saved_demo();
    let d = dir.path().to_path_buf();
    let lock = store::acquire_lock(&d).unwrap();
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let from = d.clone();
    let launch = Launch::start_with(d.clone(), lock, common::demo_day(), move || {
        // Held back until the test has seen the loading state.
        let _ = wait.recv();
        store::load(&from).map_err(|e| e.to_string())
    });
    let mut h = harness(launch);
    h.step();
    h.get_by_label("正在打开工作区… · Opening your workspace…");
    assert!(matches!(h.state(), Launch::Loading { .. }));
    release.send(()).unwrap();
    step_until(&mut h, |l| matches!(l, Launch::Ready(_)));
    assert!(h.state_mut().app().is_some(), "the app took the data");
    h.step();
    assert!(
        h.query_by_label("正在打开工作区… · Opening your workspace…")
            .is_none()
    );
}

#[test]
fn a_data_folder_that_cannot_be_read_is_said_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    // A data format from the future: refused, nothing written.
    std::fs::write(d.join("manifest.ron"), "(schema_version: 999)").unwrap();
    let lock = store::acquire_lock(&d).unwrap();
    let mut h = harness(Launch::start(d, lock, common::demo_day()));
    step_until(&mut h, |l| matches!(l, Launch::Failed(_)));
    h.step();
    h.get_by_label_contains("could not open the workspace");
    h.get_by_label_contains("999");
    h.get_by_label("关闭 / Close");
}

/// A first start writes the demo at once, without "Unsaved changes" before any edit,
/// and takes the day's backup of it (it used to take none).
#[test]
fn a_first_start_is_saved_and_backed_up_before_any_edit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let lock = store::acquire_lock(&d).unwrap();
    // The real day: the window follows the clock, and a start on another day would
    // take that day's backup too.
    let today = chrono::Local::now().date_naive();
    let mut h = harness(Launch::start(d.clone(), lock, today));
    step_until(&mut h, |l| matches!(l, Launch::Ready(_)));
    h.step();
    for unsaved in ["未保存的更改", "Unsaved changes"] {
        assert!(
            h.query_by_label(unsaved).is_none(),
            "{unsaved} on a first start"
        );
    }
    let app = h.state_mut().app().unwrap();
    app.flush();
    let deals = app.doc.ws().deals.deals.rows.len();
    assert!(deals > 0, "the demo");
    let backups = store::list_backups(&d);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(backups[0].name, today.to_string());
    let count = backups[0]
        .records
        .iter()
        .find(|(k, _)| *k == salesdesk::model::RecordKind::Deal)
        .map(|(_, n)| *n);
    assert_eq!(count, Some(deals), "the backup holds the demo");
}

/// A first start makes the demo with its own names in the window's language: English
/// KPI and budget category names when the window is English.
#[test]
fn a_first_start_in_english_has_english_kpi_and_category_names() {
    use salesdesk::app::Prefs;
    use salesdesk::i18n::Lang;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let prefs = Prefs {
        lang: Lang::En,
        page: Default::default(),
    };
    let prefs_file = d.join(salesdesk::store::paths::PREFS_FILE);
    std::fs::write(prefs_file, ron::to_string(&prefs).unwrap()).unwrap();
    let lock = store::acquire_lock(&d).unwrap();
    let mut h = harness(Launch::start(d, lock, common::demo_day()));
    step_until(&mut h, |l| matches!(l, Launch::Ready(_)));
    let app = h.state_mut().app().unwrap();
    assert_eq!(app.lang, Lang::En);
    let ws = app.doc.ws();
    assert!(ws.settings.demo);
    let kpis: Vec<&str> = ws
        .performance
        .kpis
        .iter()
        .map(|k| k.name.as_str())
        .collect();
    assert!(
        kpis.contains(&"Revenue") && kpis.contains(&"Win rate"),
        "{kpis:?}"
    );
    let cats: Vec<&str> = ws
        .budget
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert!(
        cats.contains(&"Marketing") && cats.contains(&"Training"),
        "{cats:?}"
    );
    h.step();
    assert!(h.query_by_label("销售额").is_none());
}

/// The reader runs at a lower priority than the window's thread (nice 10 above it), and
/// so do the threads it starts: on two cores they took the CPU from the first frame.
#[cfg(target_os = "linux")]
#[test]
fn the_reader_and_its_threads_run_below_the_window() {
    fn nice() -> i32 {
        // SAFETY: getpriority only reads; `who = 0` is the calling thread on Linux.
        unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) }
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let lock = store::acquire_lock(&d).unwrap();
    let window = nice();
    let launch = Launch::start_with(d, lock, common::demo_day(), || {
        let reader = nice();
        let child = std::thread::spawn(nice).join().unwrap();
        Err(format!("reader {reader} child {child}"))
    });
    let mut h = harness(launch);
    step_until(&mut h, |l| matches!(l, Launch::Failed(_)));
    let Launch::Failed(said) = h.state() else {
        unreachable!()
    };
    let want = (window + 10).min(19);
    assert_eq!(said, &format!("reader {want} child {want}"));
    assert_eq!(nice(), window, "the window's thread is left as it was");
}
