//! SalesDesk 销售经理工作台: the window, and the command line of the same binary.
//!
//! A release build on Windows is a windowed program, so a double-click opens no console
//! window. Such a program loses its output and exit code in cmd and PowerShell: there
//! the commands are run with `salesdesk-cli` (src/bin/salesdesk-cli.rs), a console
//! program that shares `cli::run`.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use chrono::Local;
use salesdesk::{cli, store};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    salesdesk::alloc::tune();
    match cli::run(std::env::args_os()) {
        cli::Run::Exit(code) => ExitCode::from(code),
        cli::Run::Window(data_dir) => run_window(data_dir),
    }
}

fn run_window(data_dir: Option<PathBuf>) -> ExitCode {
    let dir = match store::resolve_data_dir(data_dir) {
        Ok(d) => d,
        Err(e) => return fatal(&e.to_string()),
    };
    let lock = match store::acquire_lock(&dir) {
        Ok(l) => l,
        Err(e) => return fatal(&e.to_string()),
    };
    let today = Local::now().date_naive();
    let title = salesdesk::i18n::T::WindowTitle.get(salesdesk::app::startup_lang(&dir));
    // The data is read on a thread while the window opens (a first start gets the demo).
    let launch = salesdesk::launch::Launch::start(dir, lock, today);
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0])
        .with_app_id("salesdesk");
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        // eframe keeps the window size, position and zoom in its own file, written
        // non-atomically: never in the workspace folder (by default it would land in
        // the default data folder, named after the app id).
        persistence_path: store::paths::window_state_file(),
        ..Default::default()
    };
    let result = eframe::run_native(
        "SalesDesk",
        options,
        Box::new(move |cc| {
            salesdesk::ui::fonts::install_fonts(&cc.egui_ctx);
            // Today's backup is taken on the writer thread; a failure shows in the window.
            Ok(Box::new(launch))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fatal(&format!("could not open the window: {e}")),
    }
}

/// A start-up failure. A double-clicked app has no terminal, so the message is shown
/// in a small window too (both languages), and printed for the command line.
fn fatal(msg: &str) -> ExitCode {
    eprintln!("salesdesk: {msg}");
    let text = format!("SalesDesk 无法启动 / could not start:\n\n{msg}");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("SalesDesk")
            .with_inner_size([520.0, 220.0]),
        ..Default::default()
    };
    let _ = eframe::run_native(
        "SalesDesk-error",
        options,
        Box::new(move |cc| {
            salesdesk::ui::fonts::install_fonts(&cc.egui_ctx);
            Ok(Box::new(ErrorWindow(text)))
        }),
    );
    ExitCode::FAILURE
}

struct ErrorWindow(String);

impl eframe::App for ErrorWindow {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        salesdesk::launch::error_page(ui, &self.0);
    }
}
