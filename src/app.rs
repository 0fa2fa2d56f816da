//! The eframe app: the shell around the pages (sidebar, top bar, banners, toasts),
//! keyboard shortcuts, undo/redo, and the autosave tick.

use crate::analytics::AnalyticsCache;
use crate::i18n::{Lang, T};
use crate::model::Document;
use crate::store::{self, Autosaver, FileProblem, Lock, SafetyCopy, SafetyDone, StoreError};
use crate::ui::{self, AppCommand, Cx, Page, Pages, Route, Toasts};
use chrono::NaiveDate;
use std::path::PathBuf;

/// Seconds after a change before it is handed to the writer. None: a save appends only
/// what changed to the journal, so it costs little and reaches the disk at once.
const AUTOSAVE_AFTER: f64 = 0.0;

/// The page context over the shell's fields (a macro, so the other fields stay free
/// to borrow beside it).
macro_rules! cx {
    ($app:ident) => {
        Cx {
            doc: &mut $app.doc,
            lang: $app.lang,
            today: $app.today,
            toasts: &mut $app.toasts,
            commands: &mut $app.commands,
            cache: &mut $app.cache,
            data_dir: $app.storage.as_ref().map(|s| s.dir.as_path()),
        }
    };
}

/// The data dir, its lock and the writer thread; absent in UI tests without disk.
pub struct Storage {
    pub dir: PathBuf,
    pub autosaver: Autosaver,
    _lock: Lock,
}

/// Preferences that are not workspace data (language, last page).
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    pub page: Page,
}

use crate::store::paths::PREFS_FILE;

/// Seconds the preferences wait after a change before they are written: clicking
/// through the sidebar writes once, not once a click.
const PREFS_AFTER: f64 = 1.0;

pub struct SalesDeskApp {
    pub doc: Document,
    pub lang: Lang,
    pub page: Page,
    pub today: NaiveDate,
    pub toasts: Toasts,
    pub pages: Pages,
    pub search: ui::search::Search,
    pub cache: AnalyticsCache,
    pub storage: Option<Storage>,
    /// Files that failed to load this session: shown until dismissed.
    pub load_problems: Vec<FileProblem>,
    /// Collection files set aside and still missing: a bar that stays until resolved.
    pub degraded: ui::degraded::DegradedBar,
    /// Commands queued this frame, run at its end.
    commands: Vec<AppCommand>,
    /// Preferences changed and not handed to the writer yet, and since when.
    prefs_changed: bool,
    prefs_since: Option<f64>,
    dirty_since: Option<f64>,
    saved_rev: u64,
    /// Whether saves fail, why, and the back-off of automatic retries.
    pub save_status: ui::save_status::SaveStatus,
    /// The quit flow: a close waits until the changes are saved or the user decides.
    pub quit: ui::quit::Quit,
    confirm_start_empty: bool,
    /// The language the window's title was last set in.
    titled_in: Option<Lang>,
    /// Where "Export" on a table saves (the system's dialog; a folder in tests).
    pub save_as: ui::save_as::SaveAs,
}

impl SalesDeskApp {
    /// An app over a document, with no disk behind it (tests, previews).
    pub fn in_memory(doc: Document, lang: Lang, today: NaiveDate) -> Self {
        SalesDeskApp {
            doc,
            lang,
            page: Page::Dashboard,
            today,
            toasts: Toasts::default(),
            pages: Pages::default(),
            search: ui::search::Search::default(),
            cache: AnalyticsCache::default(),
            storage: None,
            load_problems: Vec::new(),
            degraded: ui::degraded::DegradedBar::default(),
            commands: Vec::new(),
            prefs_changed: false,
            prefs_since: None,
            dirty_since: None,
            saved_rev: 0,
            save_status: Default::default(),
            quit: Default::default(),
            confirm_start_empty: false,
            titled_in: None,
            save_as: ui::save_as::SaveAs::default(),
        }
    }

    /// The real app: a loaded workspace in a locked data dir.
    pub fn with_storage(
        loaded: store::Loaded,
        dir: PathBuf,
        lock: Lock,
        today: NaiveDate,
    ) -> Result<Self, store::StoreError> {
        let prefs = read_prefs(&dir);
        let lang = startup_lang(&dir);
        let fresh = loaded.fresh;
        let mut app = SalesDeskApp::in_memory(Document::default(), lang, today);
        app.page = prefs.map(|p| p.page).unwrap_or_default();
        app.adopt(loaded, Some(&dir));
        app.saved_rev = app.doc.revision();
        if fresh {
            // The demo (or an empty workspace) was made in memory: write it at once.
            app.doc.mark_dirty(crate::model::FileKind::ALL);
        }
        // What the folder holds, so saves journal only what changes; a first start
        // holds nothing yet, and its first save writes every file.
        let on_disk = (!fresh).then(|| app.doc.ws().clone());
        app.storage = Some(Storage {
            autosaver: Autosaver::start(store::Journal::open(&dir, on_disk), dir.clone())?,
            dir,
            _lock: lock,
        });
        Ok(app)
    }

    /// Takes a freshly loaded workspace: its files, its problems, and its degraded
    /// state (the set-aside files, and the files that are read-only because of them).
    fn adopt(&mut self, loaded: store::Loaded, dir: Option<&std::path::Path>) {
        if let Some(r) = &loaded.recovered {
            let (what, files) = match r {
                store::Recovered::RolledForward(f) => (T::RolledForward, f),
                store::Recovered::RolledBack(f) => (T::RolledBack, f),
            };
            let colon = ui::format::colon(self.lang);
            self.toasts
                .info(format!("{}{colon}{}", self.t(what), files.join(", ")));
        }
        let missing = loaded.degraded_files();
        self.degraded = ui::degraded::DegradedBar::new(dir, &loaded.degraded, &loaded.ws);
        self.load_problems = loaded
            .problems
            .into_iter()
            .filter(|p| {
                !crate::model::FileKind::from_file_name(&p.file)
                    .is_some_and(|k| missing.contains(&k))
            })
            .collect();
        self.doc.replace_workspace(loaded.ws, false);
        self.doc.set_missing_files(&missing);
        self.pages = Pages::default();
        self.cache.clear();
    }

    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    /// Draws one frame of the whole app into `ui` (the eframe root or a test harness).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.follow_the_clock(&ctx);
        ui::widgets::date::set_today(&ctx, self.today);
        ui::chart_png::set_lang(&ctx, self.lang);
        self.shortcuts(&ctx);
        let mut quit = std::mem::take(&mut self.quit);
        quit.frame(&ctx, self.lang, self);
        self.quit = quit;
        self.top_bar(ui);
        self.sidebar(ui);
        self.save_status_bar(ui);
        egui::CentralPanel::default().show(ui, |ui| {
            page_first_in_tab_order(ui);
            self.banners(ui);
            let mut cx = cx!(self);
            self.pages.show(self.page, ui, &mut cx);
        });
        self.run_commands();
        self.save_as
            .frame(&ctx, self.lang, self.today, &mut self.toasts);
        self.start_empty_dialog(&ctx);
        self.toasts.show(&ctx);
        self.autosave_tick(&ctx);
        self.window_title(&ctx);
    }

    /// The window's title in the UI's language, set again when the language changes.
    fn window_title(&mut self, ctx: &egui::Context) {
        if self.titled_in != Some(self.lang) {
            self.titled_in = Some(self.lang);
            let title = T::WindowTitle.get(self.lang).to_owned();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
    }

    /// The real app keeps to the calendar: past midnight, "today" moves on (every
    /// figure and alert keys on it) and the new day's backup is taken. Tests and
    /// previews (no storage) keep the day they were given.
    fn follow_the_clock(&mut self, ctx: &egui::Context) {
        if self.storage.is_none() {
            return;
        }
        let now = chrono::Local::now().naive_local();
        self.set_today(now.date());
        // Wake at the next midnight even if nobody touches the window.
        let midnight = (now.date() + chrono::Days::new(1)).and_time(chrono::NaiveTime::MIN);
        let wait = (midnight - now).to_std().unwrap_or_default();
        ctx.request_repaint_after(wait + std::time::Duration::from_secs(1));
    }

    /// A new day: the date everything is computed against, and its daily backup
    /// (taken on the writer thread, before any write of the new day's changes).
    pub fn set_today(&mut self, day: NaiveDate) {
        if day == self.today {
            return;
        }
        self.today = day;
        if let Some(s) = &self.storage {
            s.autosaver.daily_backup(day);
        }
    }

    /// Runs the commands queued this frame, in order.
    fn run_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.run(command);
        }
    }

    /// Carries out one command (from a page, a shortcut, a button or the palette).
    pub fn run(&mut self, command: AppCommand) {
        match command {
            AppCommand::Navigate(route) => self.navigate(route),
            AppCommand::Undo => self.undo(),
            AppCommand::Redo => self.redo(),
            AppCommand::Find => self.search.request_focus(),
            AppCommand::SwitchLanguage => self.set_lang(self.lang.other()),
            AppCommand::NewRecord => {
                let mut cx = cx!(self);
                self.pages.new_record(self.page, &mut cx);
            }
            AppCommand::BackUpNow => self.safety_copy(SafetyCopy::BackUpNow),
            AppCommand::Restore(backup) => self.restore(&backup),
            AppCommand::StartEmpty => self.confirm_start_empty = true,
            AppCommand::ExportTable(req) => {
                let ws = self.doc.ws();
                match self.save_as.export_table(&req, ws, self.lang, self.today) {
                    Some(Ok(done)) => self.toasts.info(done),
                    Some(Err(why)) => self.toasts.error(why),
                    None => {}
                }
            }
            // The quit flow saves first, and asks if the disk will not take the changes.
            AppCommand::Quit => self.quit.request(),
        }
    }

    /// Shows the route's page and opens what it names there. A record the page cannot
    /// show yet (its page is not built) is said so, not silently dropped.
    fn navigate(&mut self, route: Route) {
        self.set_page(route.page);
        if !self.pages.focus(&route, self.doc.ws()) && route.record.is_some() {
            self.toasts.info(format!(
                "{}{}{}",
                self.t(route.page.title()),
                ui::format::colon(self.lang),
                self.t(T::NotBuiltTitle)
            ));
        }
    }

    fn set_page(&mut self, page: Page) {
        if self.page != page {
            self.page = page;
            self.save_prefs();
        }
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.save_prefs();
    }

    /// Notes that the preferences changed; `prefs_tick` writes them a moment later.
    fn save_prefs(&mut self) {
        self.prefs_changed = true;
    }

    /// Hands changed preferences to the writer thread after a quiet spell (or now, when
    /// `now` is `None`: on exit).
    fn prefs_tick(&mut self, now: Option<f64>) {
        if !self.prefs_changed {
            return;
        }
        let Some(s) = &self.storage else {
            return;
        };
        if let Some(now) = now {
            let since = *self.prefs_since.get_or_insert(now);
            if now - since < PREFS_AFTER {
                return;
            }
        }
        let prefs = Prefs {
            lang: self.lang,
            page: self.page,
        };
        if let Ok(text) = ron::to_string(&prefs) {
            s.autosaver.write_prefs(text);
        }
        self.prefs_changed = false;
        self.prefs_since = None;
    }

    pub fn undo(&mut self) {
        let result = self.doc.try_undo();
        self.report_step(result, T::Undone, T::UndoRefused);
    }

    pub fn redo(&mut self) {
        let result = self.doc.try_redo();
        self.report_step(result, T::Redone, T::RedoRefused);
    }

    /// Says what an undo or redo did, or why it could not (the step stays).
    fn report_step(
        &mut self,
        result: Result<Option<String>, crate::model::Errors>,
        done: T,
        refused: T,
    ) {
        let colon = ui::format::colon(self.lang);
        match result {
            Ok(Some(label)) => self.toasts.info(format!("{}{colon}{label}", self.t(done))),
            Ok(None) => {}
            Err(e) => {
                let why =
                    e.0.first()
                        .map(|fe| crate::i18n::problem(self.lang, &fe.problem))
                        .unwrap_or_default();
                self.toasts
                    .error(format!("{}{colon}{why}", self.t(refused)));
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        // The first Tab goes into the page, not to the top bar's buttons.
        if ctx.memory(|m| m.focused().is_none())
            && ctx.input(|i| i.modifiers.is_none() && i.key_pressed(Key::Tab))
        {
            ctx.memory_mut(|m| m.request_focus(page_tab_anchor()));
        }
        // Ctrl+Y redoes too, as on Windows.
        let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        // A text field being edited keeps its own Ctrl+Z (undo of typing).
        let typing = ctx.egui_wants_keyboard_input();
        let pressed: Vec<AppCommand> = ctx.input_mut(|i| {
            // Redo (Ctrl+Shift+Z) before undo (Ctrl+Z): the longer shortcut first.
            [
                AppCommand::Redo,
                AppCommand::Undo,
                AppCommand::Find,
                AppCommand::NewRecord,
                AppCommand::Quit,
            ]
            .into_iter()
            .filter(|c| {
                let edit = matches!(c, AppCommand::Undo | AppCommand::Redo);
                let hit = c.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                    || (*c == AppCommand::Redo && i.consume_shortcut(&redo_y));
                hit && !(edit && typing)
            })
            .collect()
        });
        // One of undo and redo per frame.
        let mut edited = false;
        for c in pressed {
            let edit = matches!(c, AppCommand::Undo | AppCommand::Redo);
            if !(edit && edited) {
                edited |= edit;
                self.commands.push(c);
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(self.t(T::AppTitle));
                ui.separator();
                let undo_tip = self.doc.undo_label().map(str::to_owned);
                let redo_tip = self.doc.redo_label().map(str::to_owned);
                let u = ui.add_enabled(self.doc.can_undo(), egui::Button::new(self.t(T::Undo)));
                if u.clicked() {
                    self.commands.push(AppCommand::Undo);
                }
                if let Some(t) = undo_tip {
                    u.on_hover_text(format!("{t} (Ctrl+Z)"));
                }
                let r = ui.add_enabled(self.doc.can_redo(), egui::Button::new(self.t(T::Redo)));
                if r.clicked() {
                    self.commands.push(AppCommand::Redo);
                }
                if let Some(t) = redo_tip {
                    r.on_hover_text(format!("{t} (Ctrl+Shift+Z)"));
                }
                ui.separator();
                let mut cx = cx!(self);
                self.search.show(ui, &mut cx);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button(self.lang.switch_caption())
                        .on_hover_text(self.t(T::Language))
                        .clicked()
                    {
                        self.commands.push(AppCommand::SwitchLanguage);
                    }
                    self.save_status(ui);
                });
            });
        });
    }

    fn save_status(&self, ui: &mut egui::Ui) {
        if self.storage.is_none() {
            return;
        }
        if let Some(e) = self.save_status.error() {
            ui.colored_label(ui.visuals().error_fg_color, self.t(T::SaveFailed))
                .on_hover_text(e);
        } else if self.doc.dirty().is_empty() && self.saved_rev >= self.doc.revision() {
            ui.weak(self.t(T::Saved));
        } else {
            ui.weak(self.t(T::Unsaved));
        }
    }

    fn sidebar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                for page in Page::listed() {
                    self.sidebar_button(ui, page);
                }
                ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                    ui.add_space(6.0);
                    for page in Page::ALL.iter().filter(|p| p.place() == ui::Place::Foot) {
                        self.sidebar_button(ui, *page);
                    }
                });
            });
    }

    fn sidebar_button(&mut self, ui: &mut egui::Ui, page: Page) {
        let r = ui.add_sized(
            [ui.available_width(), 28.0],
            egui::Button::selectable(self.page == page, self.t(page.title())),
        );
        if r.clicked() {
            self.commands.push(AppCommand::Navigate(Route::page(page)));
        }
    }

    fn banners(&mut self, ui: &mut egui::Ui) {
        if let Some(action) = self.degraded.show(ui, self.lang, self.doc.read_only()) {
            self.degraded_action(action);
        }
        if self.doc.ws().settings.demo {
            egui::Frame::new()
                .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(self.t(T::DemoBanner));
                        if ui.button(self.t(T::StartEmpty)).clicked() {
                            self.commands.push(AppCommand::StartEmpty);
                        }
                    });
                });
            ui.add_space(4.0);
        }
        let mut dismiss = false;
        if !self.load_problems.is_empty() {
            egui::Frame::new()
                .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.strong(self.t(T::FileProblemTitle));
                    for p in &self.load_problems {
                        ui.label(p.to_string());
                        if let Some(kept) = p.moved_to.as_ref().and_then(|m| m.file_name()) {
                            ui.label(format!("{} {}", self.t(T::KeptAs), kept.to_string_lossy()));
                        }
                    }
                    ui.label(self.t(T::FileProblemBody));
                    ui.horizontal(|ui| {
                        if ui.button(self.t(T::DataBackups)).clicked() {
                            self.commands
                                .push(AppCommand::Navigate(Route::page(Page::Data)));
                        }
                        if ui.button(self.t(T::Close)).clicked() {
                            dismiss = true;
                        }
                    });
                });
            ui.add_space(4.0);
        }
        if dismiss {
            self.load_problems.clear();
        }
    }

    fn start_empty_dialog(&mut self, ctx: &egui::Context) {
        if !self.confirm_start_empty {
            return;
        }
        use ui::widgets::confirm::{Answer, confirm};
        match confirm(
            ctx,
            "confirm_start_empty",
            self.t(T::StartEmpty),
            self.t(T::StartEmptyConfirm),
            self.t(T::Confirm),
            self.t(T::Cancel),
        ) {
            Answer::Pending => {}
            Answer::No => self.confirm_start_empty = false,
            Answer::Yes => {
                self.confirm_start_empty = false;
                // The writer copies every file (after the pending writes) first; the
                // workspace is cleared only once that copy is made.
                if self.storage.is_some() {
                    self.safety_copy(SafetyCopy::StartEmpty);
                } else {
                    self.clear_workspace();
                }
            }
        }
    }

    fn clear_workspace(&mut self) {
        self.doc
            .replace_workspace(crate::model::Workspace::default(), true);
        self.pages = Pages::default();
        self.cache.clear();
    }

    /// Has the writer take a safety copy once everything unsaved is written, so the
    /// copy holds every change; the outcome arrives in `autosave_tick`.
    fn safety_copy(&mut self, why: SafetyCopy) {
        self.submit_dirty();
        if let Some(s) = &self.storage {
            s.autosaver.safety_copy(why);
        }
    }

    fn safety_done(&mut self, done: SafetyDone) {
        match (done.why, done.result) {
            (SafetyCopy::BackUpNow, Ok(_)) => {
                self.toasts.info(ui::data::Text::BackupMade.get(self.lang))
            }
            (SafetyCopy::StartEmpty, Ok(_)) => self.clear_workspace(),
            (SafetyCopy::BackUpNow, Err(e)) => self.toasts.error(format!(
                "{}: {e}",
                ui::data::Text::BackupFailed.get(self.lang)
            )),
            (SafetyCopy::StartEmpty, Err(e)) => self
                .toasts
                .error(format!("{}: {e}", self.t(T::StartEmptyBackupFailed))),
        }
        self.pages.data.refresh_backups();
    }

    /// Hands the unsaved files to the writer thread now.
    fn submit_dirty(&mut self) {
        if let Some(s) = &self.storage {
            s.autosaver.submit(
                self.doc.ws().clone(),
                self.doc.take_dirty(),
                self.doc.revision(),
            );
        }
    }

    /// Restores a backup: everything unsaved is written first (so the pre-restore copy
    /// is complete and no late write lands on the restored files), then the backup is
    /// copied in and loaded.
    fn restore(&mut self, backup: &std::path::Path) {
        if self.storage.is_none() {
            return;
        }
        match self.reload_after(|dir| store::restore_backup(dir, backup)) {
            Ok(()) => {
                self.page = Page::Data;
                self.toasts.info(ui::data::Text::Restored.get(self.lang));
            }
            Err(e) => {
                self.toasts.error(e.to_string());
                self.pages.data.refresh_backups();
            }
        }
    }

    /// The state after loading the data dir again (restore, reload).
    fn take_reloaded(&mut self, loaded: store::Loaded) {
        let dir = self.storage.as_ref().map(|s| s.dir.clone());
        let on_disk = (!loaded.fresh).then(|| loaded.ws.clone());
        if let Some(s) = &self.storage {
            let _ = s.autosaver.poll();
            s.autosaver.rebase(on_disk);
        }
        self.adopt(loaded, dir.as_deref());
        self.save_status.succeeded();
        self.saved_rev = self.doc.revision();
    }

    /// Writes what is unsaved, waits for it, runs `step` on the data dir, then loads it
    /// again. For the ways out of a degraded workspace.
    fn reload_after(
        &mut self,
        step: impl FnOnce(&std::path::Path) -> Result<(), store::StoreError>,
    ) -> Result<(), store::StoreError> {
        self.submit_dirty();
        let Some(storage) = &self.storage else {
            return Ok(());
        };
        // The step works on plain files: the journal is folded into them first.
        storage.autosaver.compact();
        storage.autosaver.flush()?;
        step(&storage.dir)?;
        let loaded = store::load(&storage.dir)?;
        self.take_reloaded(loaded);
        Ok(())
    }

    fn degraded_action(&mut self, action: ui::degraded::BarAction) {
        use ui::degraded::BarAction as A;
        let result = match action {
            A::RestoreFile(backup, kind) => self
                .reload_after(|dir| store::restore_file(dir, &backup, kind))
                .map(|_| self.toasts.info(ui::data::Text::Restored.get(self.lang))),
            A::RestoreBackup(backup) => {
                self.restore(&backup);
                Ok(())
            }
            A::GoToBackups => {
                self.commands
                    .push(AppCommand::Navigate(Route::page(Page::Data)));
                Ok(())
            }
            A::OpenFolder => {
                if let Some(s) = &self.storage
                    && let Err(e) = ui::degraded::open_folder(&s.dir)
                {
                    self.toasts.error(format!("{}: {e}", s.dir.display()));
                }
                Ok(())
            }
            A::Reload => self.reload_after(|_| Ok(())),
            A::StartEmpty(kind) => {
                // The collection is empty in memory already: writing it ends the gap.
                // Ids stay above every id the other files still point at.
                self.degraded.resolve(kind);
                self.doc.set_missing_files(&self.degraded.missing());
                self.doc.mark_dirty([kind]);
                Ok(())
            }
        };
        if let Err(e) = result {
            self.toasts.error(e.to_string());
        }
    }

    /// Hands dirty files to the writer thread after a short quiet spell (longer, backing
    /// off, while saves fail), and reads back what it wrote and backed up.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        if self.storage.is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        self.prefs_tick(Some(now));
        if self.prefs_changed {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(PREFS_AFTER));
        }
        let Some(storage) = &self.storage else {
            return;
        };
        for done in storage.autosaver.take_backups_done() {
            match done {
                // A new backup folder: the Data page lists it.
                Ok(Some(_)) => self.pages.data.refresh_backups(),
                Ok(None) => {}
                Err(e) => self
                    .toasts
                    .error(format!("{}: {e}", self.t(T::DailyBackupFailed))),
            }
        }
        let safety = storage.autosaver.take_safety_done();
        for report in storage.autosaver.poll() {
            self.pages
                .data
                .settings_written(&report, &mut self.toasts, self.lang);
            match report.result {
                Ok(()) => {
                    self.saved_rev = self.saved_rev.max(report.revision);
                    self.save_status.succeeded();
                }
                Err(e) => {
                    // Retried after a back-off; the bar says why meanwhile.
                    self.doc.mark_dirty(report.files);
                    self.save_status.failed(e.to_string(), now);
                }
            }
        }
        if storage.autosaver.busy() {
            // Come back for the writer's report even if the user does nothing.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        for done in safety {
            self.safety_done(done);
        }
        if self.doc.dirty().is_empty() {
            self.dirty_since = None;
            return;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let due = (since + AUTOSAVE_AFTER).max(now + self.save_status.wait(now));
        if now >= due {
            self.submit_dirty();
            self.dirty_since = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now + 0.01));
        }
    }

    /// The bar that stays while saves fail, with the reason and a Retry.
    fn save_status_bar(&mut self, ui: &mut egui::Ui) {
        let Some(storage) = &self.storage else {
            return;
        };
        let now = ui.input(|i| i.time);
        if self
            .save_status
            .show(ui, self.lang, now, storage.autosaver.busy())
        {
            self.save_status.retry_now();
            self.submit_dirty();
        }
    }

    /// The window's start: the app over the loaded workspace, and today's backup taken
    /// on the writer thread, so a failure is shown in the window. Only a workspace
    /// that loaded cleanly becomes a backup: a half-empty one must never push good
    /// backups out of the rotation.
    pub fn open(
        loaded: store::Loaded,
        dir: PathBuf,
        lock: Lock,
        today: NaiveDate,
    ) -> Result<Self, store::StoreError> {
        // A degraded workspace is backed up too: its missing file is simply not in the
        // backup, and rotation keeps the newest backup that holds it. A first start's
        // workspace (the demo) is written at once, and backed up once it is.
        let fresh = loaded.fresh;
        let mut app = SalesDeskApp::with_storage(loaded, dir, lock, today)?;
        if fresh {
            app.submit_dirty();
        }
        if let Some(s) = &app.storage {
            if fresh {
                s.autosaver.daily_backup_after_write(today);
            } else {
                s.autosaver.daily_backup(today);
            }
        }
        Ok(app)
    }

    /// Writes everything still unsaved and waits for it: `Ok` when it is all on disk.
    pub fn save_all(&mut self) -> Result<(), StoreError> {
        self.prefs_tick(None);
        self.submit_dirty();
        match &self.storage {
            Some(s) => s.autosaver.flush(),
            None => Ok(()),
        }
    }

    /// Writes everything still unsaved and waits for it (on exit, when nobody is left
    /// to ask: the quit flow asked before the window closed).
    pub fn flush(&mut self) {
        if let Err(e) = self.save_all() {
            eprintln!("salesdesk: saving on exit failed: {e}");
        }
    }
}

impl ui::quit::Saver for SalesDeskApp {
    fn save_all(&mut self) -> Result<(), String> {
        SalesDeskApp::save_all(self).map_err(|e| e.to_string())
    }
    fn save_copy(&mut self, to: &std::path::Path) -> Result<(), String> {
        store::save_copy(to, self.doc.ws()).map_err(|e| e.to_string())
    }
}

/// The window's language at start: the one chosen last time in `dir`, else the
/// system's.
pub fn startup_lang(dir: &std::path::Path) -> Lang {
    read_prefs(dir).map_or_else(Lang::from_system, |p| p.lang)
}

fn read_prefs(dir: &std::path::Path) -> Option<Prefs> {
    let text = std::fs::read_to_string(dir.join(PREFS_FILE)).ok()?;
    ron::from_str(&text).ok()
}

impl eframe::App for SalesDeskApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // Also runs while the window is minimised and `ui` is not called.
        self.quit.intercept(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush();
    }
}

/// An invisible, focusable point at the top of the page: a Tab from nowhere starts
/// there ([`SalesDeskApp::shortcuts`]), so it reaches the page's first widget.
fn page_tab_anchor() -> egui::Id {
    egui::Id::unique("salesdesk_page_tab_anchor")
}

fn page_first_in_tab_order(ui: &mut egui::Ui) {
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    ui.interact(rect, page_tab_anchor(), egui::Sense::FOCUSABLE);
}
