//! Quitting never drops a change silently. A close (Ctrl+Q or the window's close
//! button) with changes the disk would not take is cancelled, and this dialog asks what
//! to do: try again, save a copy in another folder, or quit and lose them.

use crate::i18n::Lang;
use std::path::PathBuf;

crate::texts! {
    pub enum Text {
        Title => "更改尚未保存", "Your changes are not saved";
        Body => "最近的更改无法写入数据目录，现在退出会丢失这些更改。原因：", "The latest changes could not be written to the data folder. If you quit now, they are lost. Why:";
        Retry => "重试保存", "Try saving again";
        CopyHint => "或把全部数据另存到其他文件夹（例如 U 盘）：", "Or save a copy of all the data in another folder (a USB stick, say):";
        CopyFolder => "另存到文件夹", "Folder for the copy";
        SaveCopy => "另存副本", "Save a copy there";
        CopySaved => "全部数据的副本已保存到：", "A copy of all the data is in:";
        CopyFailed => "副本未能保存：", "The copy was not saved:";
        Lose => "退出，丢弃这些更改", "Quit and lose these changes";
        QuitNow => "退出", "Quit";
        KeepOpen => "返回，不退出", "Back, don't quit";
    }
}

/// What the user chose in the dialog this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuitChoice {
    Retry,
    SaveCopy(PathBuf),
    /// Quit although the changes are not on disk (said plainly on the button).
    Quit,
    KeepOpen,
}

/// The open dialog: why the save failed, the folder for a copy, and how the last copy
/// went.
#[derive(Debug)]
pub struct QuitDialog {
    reason: String,
    folder: String,
    copy: Option<Result<PathBuf, String>>,
}

/// A new folder for a rescue copy: `SalesDesk-rescue-<stamp>` in the home folder (or
/// the current one when there is none).
pub fn default_rescue_folder(now: chrono::NaiveDateTime) -> PathBuf {
    let home = directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .unwrap_or_default();
    home.join(format!("SalesDesk-rescue-{}", now.format("%Y%m%d-%H%M%S")))
}

impl QuitDialog {
    pub fn new(reason: String, folder: PathBuf) -> Self {
        QuitDialog {
            reason,
            folder: folder.display().to_string(),
            copy: None,
        }
    }

    /// A retry failed again: show the newest reason.
    pub fn set_reason(&mut self, reason: String) {
        self.reason = reason;
    }

    /// How the copy went: its folder, or why not.
    pub fn copied(&mut self, result: Result<PathBuf, String>) {
        self.copy = Some(result);
    }

    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<QuitChoice> {
        let mut choice = None;
        let copied = matches!(self.copy, Some(Ok(_)));
        let r = egui::Modal::new(egui::Id::unique("quit_unsaved")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(Text::Title.get(lang));
            ui.add_space(6.0);
            ui.label(Text::Body.get(lang));
            ui.colored_label(ui.visuals().error_fg_color, &self.reason);
            ui.add_space(8.0);
            if ui.button(Text::Retry.get(lang)).clicked() {
                choice = Some(QuitChoice::Retry);
            }
            ui.add_space(8.0);
            ui.label(Text::CopyHint.get(lang));
            ui.horizontal(|ui| {
                let l = ui.label(Text::CopyFolder.get(lang));
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(300.0))
                    .labelled_by(l.id);
            });
            if ui.button(Text::SaveCopy.get(lang)).clicked() {
                choice = Some(QuitChoice::SaveCopy(PathBuf::from(self.folder.trim())));
            }
            match &self.copy {
                Some(Ok(path)) => {
                    ui.label(format!("{} {}", Text::CopySaved.get(lang), path.display()));
                }
                Some(Err(e)) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("{} {e}", Text::CopyFailed.get(lang)),
                    );
                }
                None => {}
            }
            ui.add_space(10.0);
            ui.separator();
            ui.horizontal(|ui| {
                // Once a copy is safe, quitting loses nothing that is not in it.
                let quit = if copied { Text::QuitNow } else { Text::Lose };
                if ui.button(quit.get(lang)).clicked() {
                    choice = Some(QuitChoice::Quit);
                }
                if ui.button(Text::KeepOpen.get(lang)).clicked() {
                    choice = Some(QuitChoice::KeepOpen);
                }
            });
        });
        if choice.is_none() && r.should_close() {
            // Escape or a click beside the dialog: keep working, lose nothing.
            choice = Some(QuitChoice::KeepOpen);
        }
        choice
    }
}

/// What the quit flow needs from the app (tests may drive it with their own).
pub trait Saver {
    /// Writes every unsaved change and waits for the disk: `Ok` when all is there.
    fn save_all(&mut self) -> Result<(), String>;
    /// Writes the whole workspace into the folder `to`.
    fn save_copy(&mut self, to: &std::path::Path) -> Result<(), String>;
}

/// The quit flow: a close is let through only once everything is saved, or the user
/// said plainly to quit without it.
#[derive(Debug, Default)]
pub struct Quit {
    /// The close may go ahead (saved, or the user chose to lose the changes).
    allowed: bool,
    /// Ctrl+Q, or a close the window asked for, not yet handled.
    requested: bool,
    dialog: Option<QuitDialog>,
}

impl Quit {
    /// The user asked to quit (Ctrl+Q).
    pub fn request(&mut self) {
        self.requested = true;
    }

    /// True once the close may go ahead.
    pub fn allowed(&self) -> bool {
        self.allowed
    }

    /// True while the "not saved" dialog is open.
    pub fn asking(&self) -> bool {
        self.dialog.is_some()
    }

    /// Holds back a close of the window until it is handled (also from `App::logic`,
    /// which runs when a minimised window is closed: it is brought back to ask).
    pub fn intercept(&mut self, ctx: &egui::Context) {
        if !self.allowed && ctx.input(|i| i.viewport().close_requested()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.requested && self.dialog.is_none() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
            }
            self.requested = true;
        }
    }

    /// Once per frame: a requested quit saves everything and closes, or opens the
    /// dialog; the dialog's answer is carried out.
    pub fn frame(&mut self, ctx: &egui::Context, lang: Lang, saver: &mut impl Saver) {
        self.intercept(ctx);
        if std::mem::take(&mut self.requested) && !self.allowed && self.dialog.is_none() {
            self.attempt(ctx, saver);
        }
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        match dialog.show(ctx, lang) {
            None => {}
            Some(QuitChoice::Retry) => self.attempt(ctx, saver),
            Some(QuitChoice::SaveCopy(to)) => {
                let result = saver.save_copy(&to).map(|_| to);
                dialog.copied(result);
            }
            Some(QuitChoice::Quit) => self.close(ctx),
            Some(QuitChoice::KeepOpen) => self.dialog = None,
        }
    }

    /// Saves everything now (once more, whatever the back-off); closes when that
    /// worked, else asks.
    fn attempt(&mut self, ctx: &egui::Context, saver: &mut impl Saver) {
        match saver.save_all() {
            Ok(()) => self.close(ctx),
            Err(reason) => match &mut self.dialog {
                Some(d) => d.set_reason(reason),
                None => {
                    let folder = default_rescue_folder(chrono::Local::now().naive_local());
                    self.dialog = Some(QuitDialog::new(reason, folder));
                }
            },
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        self.allowed = true;
        self.dialog = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
