//! The window before the data: the window opens at once and says it is opening the
//! workspace, while the data folder is read (and, after a crash, its journal folded
//! in, or an older schema upgraded) on a thread of its own. A 100k-deal workspace takes
//! a few hundred milliseconds to read; the window does not wait for it.

use crate::app::SalesDeskApp;
use crate::store::{self, Lock};
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

/// What the window shows: the loading state, the app, or why it could not open.
pub enum Launch {
    Loading {
        rx: Receiver<Result<store::Loaded, String>>,
        /// Taken when the data arrives.
        pending: Option<(PathBuf, Lock, NaiveDate)>,
    },
    Ready(Box<SalesDeskApp>),
    Failed(String),
}

impl Launch {
    /// Starts reading `dir` (locked by `lock`) on a thread. A first start gets the
    /// demo, made on that thread too, with its own names in the window's language.
    pub fn start(dir: PathBuf, lock: Lock, today: NaiveDate) -> Launch {
        let from = dir.clone();
        Launch::start_with(dir, lock, today, move || {
            store::load(&from)
                .map(|mut loaded| {
                    if loaded.fresh {
                        // Written to disk at once by the first save.
                        let lang = crate::app::startup_lang(&from);
                        let size = crate::demo::DemoSize::DEFAULT;
                        loaded.ws = crate::demo::generate_in(1, size, today, lang);
                    }
                    loaded
                })
                .map_err(|e| e.to_string())
        })
    }

    /// [`Launch::start`] with the reading done by `load` (tests hold it back to see the
    /// loading state).
    pub fn start_with(
        dir: PathBuf,
        lock: Lock,
        today: NaiveDate,
        load: impl FnOnce() -> Result<store::Loaded, String> + Send + 'static,
    ) -> Launch {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("salesdesk-load".into())
            .spawn(move || {
                in_the_background();
                let _ = tx.send(load());
            });
        match spawned {
            Ok(_) => Launch::Loading {
                rx,
                pending: Some((dir, lock, today)),
            },
            Err(e) => Launch::Failed(format!("could not start reading the data folder: {e}")),
        }
    }

    /// The app, once the data is in.
    pub fn app(&mut self) -> Option<&mut SalesDeskApp> {
        match self {
            Launch::Ready(app) => Some(app),
            _ => None,
        }
    }

    /// Takes the data if it has arrived.
    fn poll(&mut self) {
        let Launch::Loading { rx, pending } = self else {
            return;
        };
        let next = match rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                Launch::Failed("reading the data folder stopped unexpectedly".into())
            }
            Ok(Err(message)) => Launch::Failed(message),
            Ok(Ok(loaded)) => match pending.take() {
                Some((dir, lock, today)) => match SalesDeskApp::open(loaded, dir, lock, today) {
                    Ok(app) => Launch::Ready(Box::new(app)),
                    Err(e) => Launch::Failed(e.to_string()),
                },
                None => return,
            },
        };
        if let Launch::Failed(message) = &next {
            // For the command line too (a double-click has no terminal: the window says it).
            eprintln!("salesdesk: {message}");
        }
        *self = next;
    }

    /// Draws whichever state it is in.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.poll();
        match self {
            Launch::Ready(app) => app.show(ui),
            Launch::Loading { .. } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.add_space((ui.available_height() / 2.0 - 30.0).max(0.0));
                    ui.vertical_centered(|ui| {
                        ui.spinner();
                        // Before the data there are no preferences: both languages.
                        ui.label("正在打开工作区… · Opening your workspace…");
                    });
                });
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(30));
            }
            Launch::Failed(message) => error_page(
                ui,
                &format!("SalesDesk 无法打开工作区 / could not open the workspace:\n\n{message}"),
            ),
        }
    }
}

/// Why SalesDesk cannot go on, in both languages (there may be no preferences yet),
/// and a Close button: the failed launch here, and `main`'s start-up failures.
pub fn error_page(ui: &mut egui::Ui, text: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(text);
        ui.add_space(12.0);
        if ui.button("关闭 / Close").clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}

impl eframe::App for Launch {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        if let Some(app) = self.app() {
            eframe::App::logic(app, ctx, frame);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        if let Some(app) = self.app() {
            eframe::App::on_exit(app, gl);
        }
    }
}

/// Lowers the calling thread's priority (nice +10), and so that of the threads it starts:
/// the reader parses the big files on a thread each, and on a two-core machine they
/// took the CPU from the window's first frame (266 ms to the window at 100k deals, 157
/// ms at 1k; 180 ms at 100k since, `benches/window.sh`). The window's thread is left as
/// it is, and the reader still gets all the CPU the window does not use.
fn in_the_background() {
    // On Linux the nice value belongs to the thread (setpriority(2), "Notes"), and
    // `who = 0` names the caller; elsewhere it would be the whole process, so nothing.
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; a failure is harmless and ignored.
    unsafe {
        let now = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, (now + 10).min(19));
    }
}
