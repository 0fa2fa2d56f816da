//! SalesDesk 销售经理工作台: the window, and the command line of the same binary.

use chrono::Local;
use salesdesk::{cli, store};
use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
SalesDesk 销售经理工作台 — an offline workbench for one sales manager.

USAGE:
    salesdesk [--data-dir DIR]                 open the window
    salesdesk demo   --data-dir DIR [--deals N]  write a generated demo workspace and exit
    salesdesk check  --data-dir DIR            load every file, print each problem
                                               (file:line:column: what); exit 1 if any
    salesdesk import --data-dir DIR FILE.csv   import deals (all or nothing); exit 1 on
                                               bad rows, each listed with line and column
    salesdesk report --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD [--json]
                                               funnel, win rate, revenue, velocity …

The data dir defaults to the user data directory; the environment variable
SALESDESK_DATA_DIR or --data-dir overrides it. Every file is written atomically, a
backup is kept per day (last 14), and only one SalesDesk may open a data dir at a time.
check and report only read: they write nothing (an older data format is upgraded in
memory), and on a folder that does not exist they say so and exit 1.

OPTIONS:
    -h, --help       this text
    -V, --version    the version
";

/// Arguments after the subcommand: `--data-dir`, `--deals`, `--from`, `--to`, `--json`
/// and positional values.
#[derive(Default, Debug)]
struct Args {
    data_dir: Option<PathBuf>,
    deals: Option<usize>,
    from: Option<String>,
    to: Option<String>,
    json: bool,
    positional: Vec<String>,
}

fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args::default();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--data-dir" => a.data_dir = Some(PathBuf::from(value("--data-dir")?)),
            "--deals" => {
                let v = value("--deals")?;
                a.deals = Some(
                    v.parse()
                        .map_err(|_| format!("--deals: '{v}' is not a whole number"))?,
                );
            }
            "--from" => a.from = Some(value("--from")?),
            "--to" => a.to = Some(value("--to")?),
            "--json" => a.json = true,
            s if s.starts_with("--data-dir=") => a.data_dir = Some(PathBuf::from(&s[11..])),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => a.positional.push(arg),
        }
    }
    Ok(a)
}

fn date(name: &str, v: Option<String>) -> Result<chrono::NaiveDate, String> {
    let v = v.ok_or(format!("{name} YYYY-MM-DD is required"))?;
    chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d")
        .map_err(|_| format!("{name}: '{v}' is not a date (YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let sub = match args.peek().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("salesdesk {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some(s @ ("demo" | "check" | "import" | "report")) => {
            let s = s.to_owned();
            args.next();
            Some(s)
        }
        _ => None,
    };
    let a = match parse(args) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let out = &mut std::io::stdout();
    let err = &mut std::io::stderr();
    let code = match sub.as_deref() {
        None => return run_window(a.data_dir),
        Some(cmd) => {
            // Only the commands that write may create the data folder: `check` and
            // `report` read, and a mistyped path must not leave folders behind.
            let dir = if matches!(cmd, "demo" | "import") {
                store::resolve_data_dir(a.data_dir.clone())
            } else {
                store::locate_data_dir(a.data_dir.clone())
            };
            let dir = match dir {
                Ok(d) => d,
                Err(e) => return usage_error(&e.to_string()),
            };
            match cmd {
                "demo" => cli::demo::run(&dir, a.deals.unwrap_or(400), out),
                "check" => cli::check::run(&dir, out),
                "import" => match a.positional.as_slice() {
                    [file] => cli::import::run(&dir, std::path::Path::new(file), out, err),
                    _ => return usage_error("import needs exactly one CSV file"),
                },
                "report" => match (date("--from", a.from), date("--to", a.to)) {
                    (Ok(from), Ok(to)) => cli::report::run(&dir, from, to, a.json, out, err),
                    (Err(e), _) | (_, Err(e)) => return usage_error(&e),
                },
                _ => unreachable!("subcommands are matched above"),
            }
        }
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("salesdesk: {msg}\nTry 'salesdesk --help'.");
    ExitCode::from(2)
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
    let mut loaded = match store::load(&dir) {
        Ok(l) => l,
        Err(e) => return fatal(&e.to_string()),
    };
    if loaded.fresh {
        // First start: a realistic demo, written to disk at once by the first autosave.
        loaded.ws = salesdesk::demo::generate(1, salesdesk::demo::DemoSize::DEFAULT, today);
    }
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("SalesDesk 销售经理工作台")
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
            let app = salesdesk::app::SalesDeskApp::open(loaded, dir, lock, today)?;
            Ok(Box::new(app))
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
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label(&self.0);
            ui.add_space(12.0);
            if ui.button("关闭 / Close").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}
