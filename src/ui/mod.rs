//! The user interface: one module per page, shared widgets, charts and formatting.
//!
//! A page reads the workspace through [`Cx`] and changes it only through
//! [`Cx::apply`], the one apply-change path (undo, dirty, revision).

pub mod analytics;
pub mod budget;
pub mod chart_png;
pub mod charts;
pub mod charts_pie;
pub mod command;
pub mod counts;
pub mod customers;
pub mod dashboard;
pub mod data;
pub mod data_export;
pub mod degraded;
pub mod fonts;
pub mod format;
pub mod import;
pub mod marketing;
pub mod me;
pub mod not_built;
pub mod page;
pub mod performance;
pub mod pipeline;
pub mod promotions;
pub mod quit;
pub mod save_as;
pub mod save_status;
pub mod search;
pub mod sources;
pub mod team;
pub mod widgets;

use crate::analytics::AnalyticsCache;
use crate::i18n::{Lang, T};
use crate::model::{Applied, Change, Document, Errors, RecordKey};
use chrono::NaiveDate;

pub use command::AppCommand;
pub use page::{Page, PageView, Pages, Place, Route};

/// Short messages in the corner that fade after a few seconds.
#[derive(Debug, Default)]
pub struct Toasts {
    items: Vec<(String, bool, f64)>,
}

/// How many toasts stack at most: a new one drops the oldest.
pub const MAX_TOASTS: usize = 4;
/// The width of every toast; its text wraps at whole words within it.
pub const TOAST_WIDTH: f32 = 320.0;

impl Toasts {
    pub fn info(&mut self, msg: impl Into<String>) {
        self.push(msg.into(), false);
    }
    pub fn error(&mut self, msg: impl Into<String>) {
        self.push(msg.into(), true);
    }
    fn push(&mut self, msg: String, error: bool) {
        self.items.push((msg, error, f64::NAN));
        if self.items.len() > MAX_TOASTS {
            self.items.drain(..self.items.len() - MAX_TOASTS);
        }
    }
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(|(m, _, _)| m.as_str())
    }
    /// Draws the toasts; info ones fade after 4 s, errors stay until clicked.
    pub fn show(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for item in &mut self.items {
            if item.2.is_nan() {
                item.2 = now;
            }
        }
        self.items.retain(|(_, err, t)| *err || now - *t < 4.0);
        if self.items.is_empty() {
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
        let mut dismiss = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -12.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for (i, (msg, err, _)) in self.items.iter().enumerate() {
                    let fill = if *err {
                        ui.visuals().error_fg_color.gamma_multiply(0.25)
                    } else {
                        ui.visuals().extreme_bg_color
                    };
                    let r = egui::Frame::popup(ui.style())
                        .fill(fill)
                        .show(ui, |ui| {
                            ui.set_width(TOAST_WIDTH);
                            ui.add(egui::Label::new(msg.as_str()).wrap())
                        })
                        .response;
                    if r.interact(egui::Sense::click()).clicked() {
                        dismiss = Some(i);
                    }
                }
            });
        if let Some(i) = dismiss {
            self.items.remove(i);
        }
    }
}

/// What a page gets to work with this frame.
pub struct Cx<'a> {
    pub doc: &'a mut Document,
    pub lang: Lang,
    pub today: NaiveDate,
    pub toasts: &'a mut Toasts,
    /// Commands for the shell, run at the end of the frame.
    pub commands: &'a mut Vec<AppCommand>,
    pub cache: &'a mut AnalyticsCache,
    /// The data folder, when the workspace is kept on disk.
    pub data_dir: Option<&'a std::path::Path>,
}

impl Cx<'_> {
    pub fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }
    /// The one way a page changes data. On error nothing changed and the caller shows
    /// the field messages.
    pub fn apply(&mut self, change: Change, label: impl Into<String>) -> Result<Applied, Errors> {
        self.doc.apply(change, label)
    }
    /// Applies a change made by one click (a delete, a move) and says how it went: `done`
    /// in a toast, or "Save failed: why". Forms use [`Cx::apply`] and show errors at
    /// their fields instead.
    pub fn apply_and_report(
        &mut self,
        change: Change,
        label: impl Into<String>,
        done: impl Into<String>,
    ) -> Result<Applied, Errors> {
        let result = self.doc.apply(change, label);
        match &result {
            Ok(_) => self.toasts.info(done),
            Err(e) => {
                // A refused change is not a disk error: nothing was changed, and why.
                let failed = T::NotChanged.get(self.lang);
                self.toasts.error(match e.0.first() {
                    Some(fe) => {
                        format!(
                            "{failed}{}{}",
                            format::colon(self.lang),
                            crate::i18n::problem(self.lang, &fe.problem)
                        )
                    }
                    None => failed.to_owned(),
                });
            }
        }
        result
    }
    /// Queues a command for the shell (run at the end of the frame).
    pub fn run(&mut self, command: AppCommand) {
        self.commands.push(command);
    }
    /// Asks the shell to show another page, optionally opening a record there.
    pub fn go(&mut self, page: Page, focus: Option<RecordKey>) {
        self.run(AppCommand::Navigate(Route {
            record: focus,
            ..Route::page(page)
        }));
    }
}
