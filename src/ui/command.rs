//! The shell's side effects as commands: pages (and the top bar, the shortcuts, the
//! palette) queue them, and the shell runs them at the end of the frame. Each command
//! keeps its shortcut and its words in the command palette (Ctrl+K) with it, as
//! rerun's `UICommand` does.

use super::page::{Page, Route};
use crate::i18n::{Lang, T};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[must_use = "a command does nothing until it is queued (Cx::run)"]
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    Navigate(Route),
    Undo,
    Redo,
    /// Ctrl+K: the box that finds records and commands.
    Find,
    SwitchLanguage,
    /// Ctrl+N: the form of a new record on the current page.
    NewRecord,
    /// A safety copy of every file now, taken by the writer after pending writes.
    BackUpNow,
    /// Put a backup back (the Data page has asked the user first).
    Restore(PathBuf),
    /// Clear the demo and start an empty workspace (asks first).
    StartEmpty,
    /// Save the rows a page shows as CSV or XLSX (asks where).
    ExportTable(super::save_as::ExportTable),
    Quit,
}

const COMMAND: Modifiers = Modifiers::COMMAND;

impl AppCommand {
    /// The keys that run it, where it has some.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            AppCommand::Undo => KeyboardShortcut::new(COMMAND, Key::Z),
            AppCommand::Redo => KeyboardShortcut::new(COMMAND.plus(Modifiers::SHIFT), Key::Z),
            AppCommand::Find => KeyboardShortcut::new(COMMAND, Key::K),
            AppCommand::Quit => KeyboardShortcut::new(COMMAND, Key::Q),
            AppCommand::NewRecord => KeyboardShortcut::new(COMMAND, Key::N),
            _ => return None,
        })
    }

    /// The commands the palette offers (besides "go to" each page).
    pub const PALETTE: &'static [AppCommand] = &[
        AppCommand::NewRecord,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::SwitchLanguage,
        AppCommand::BackUpNow,
        AppCommand::Quit,
    ];

    /// Every command of the palette: the fixed ones, then one per page.
    pub fn palette() -> impl Iterator<Item = AppCommand> {
        AppCommand::PALETTE.iter().cloned().chain(
            Page::ALL
                .iter()
                .map(|p| AppCommand::Navigate(Route::page(*p))),
        )
    }

    /// How the palette words it.
    pub fn palette_text(&self, lang: Lang) -> String {
        let t = |t: T| t.get(lang).to_owned();
        match self {
            AppCommand::Navigate(r) => {
                format!("{} {}", T::GoTo.get(lang), r.page.title().get(lang))
            }
            AppCommand::Undo => t(T::Undo),
            AppCommand::Redo => t(T::Redo),
            AppCommand::Find => t(T::Search),
            AppCommand::NewRecord => t(T::NewRecord),
            AppCommand::SwitchLanguage => t(T::Language),
            AppCommand::BackUpNow => t(T::BackUpNow),
            AppCommand::Restore(_) => t(T::Restore),
            AppCommand::StartEmpty => t(T::StartEmpty),
            AppCommand::ExportTable(_) => super::save_as::Text::Export.get(lang).to_owned(),
            AppCommand::Quit => t(T::Quit),
        }
    }

    /// Its shortcut as the palette shows it ("Ctrl+Z"), on this system's keyboard.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }
}
