//! The bar of a degraded workspace: a collection file was set aside (now or at an
//! earlier start) and is still missing. It stays on every page until the user resolves
//! it, says which file and why, and offers the ways out: that one file back from the
//! newest backup that reads (only where the references stay whole), a whole backup,
//! the folder to fix it by hand and a reload, or that collection started empty after
//! an explicit confirmation.

use super::format::paren;
use crate::i18n::Lang;
use crate::model::{FileKind, Workspace};
use crate::store::{self, FileInBackup, SetAside};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

crate::texts! {
    pub enum Text {
        Title => "工作区不完整：有文件被移出", "The workspace is incomplete: a file was set aside";
        Why => "无法读取，已原样另存为", "could not be read and was kept unchanged as";
        ReadOnly => "在解决之前，以下数据只读：", "Until it is resolved, these are read-only:";
        RestoreFile => "从备份恢复此文件", "Restore this file from the backup";
        Records => "条记录", "records";
        WouldDangle => "只恢复此文件会留下指向不存在记录的引用：", "Restoring only this file would leave references pointing at nothing:";
        RestoreWhole => "恢复整个备份", "Restore the whole backup";
        NoBackup => "没有含此文件可读副本的备份。", "No backup holds a readable copy of this file.";
        OtherBackup => "选择其他备份…", "Choose another backup…";
        OpenFolder => "打开数据文件夹", "Open the data folder";
        Reload => "修好后重新载入", "Reload after fixing it";
        StartEmpty => "清空", "Start";
        StartEmptyTail => "…", " empty…";
        StartEmptyTitle => "清空此项数据？", "Start this collection empty?";
        StartEmptyBody => "被移出的文件会保留在数据文件夹中，但其中的记录不会再出现在 SalesDesk 里。指向这些记录的其他数据会显示为“—”。编号不会被重复使用。确定吗？", "The set-aside file stays in the data folder, but its records will no longer appear in SalesDesk. Other data that points at them will show “—”. No id is reused. Are you sure?";
        StartEmptyYes => "清空此项", "Start it empty";
        More => "另有", "and";
        MoreTail => "处", "more";
    }
}

/// What the user chose in the bar; the shell carries it out.
#[derive(Debug, Clone, PartialEq)]
pub enum BarAction {
    RestoreFile(PathBuf, FileKind),
    RestoreBackup(PathBuf),
    GoToBackups,
    OpenFolder,
    Reload,
    StartEmpty(FileKind),
}

/// One missing file and the newest backup copy of it.
struct Missing {
    set_aside: SetAside,
    kind: FileKind,
    copy: Option<FileInBackup>,
}

#[derive(Default)]
pub struct DegradedBar {
    files: Vec<Missing>,
    confirm_empty: Option<FileKind>,
}

impl DegradedBar {
    /// The bar for the set-aside files of a load; it looks for backup copies at once
    /// (this reads backups, so it runs at load time, never per frame).
    pub fn new(dir: Option<&Path>, set_aside: &[SetAside], ws: &Workspace) -> DegradedBar {
        let missing: BTreeSet<FileKind> = set_aside.iter().filter_map(SetAside::kind).collect();
        let files = set_aside
            .iter()
            .filter_map(|s| {
                let kind = s.kind()?;
                let copy = dir.and_then(|d| store::newest_copy_of(d, kind, ws, &missing));
                Some(Missing {
                    set_aside: s.clone(),
                    kind,
                    copy,
                })
            })
            .collect();
        DegradedBar {
            files,
            confirm_empty: None,
        }
    }

    /// The files that are missing.
    pub fn missing(&self) -> BTreeSet<FileKind> {
        self.files.iter().map(|m| m.kind).collect()
    }

    pub fn is_degraded(&self) -> bool {
        !self.files.is_empty()
    }

    /// Draws the bar (nothing when the workspace is whole); returns the user's choice.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        read_only: &BTreeSet<FileKind>,
    ) -> Option<BarAction> {
        if self.files.is_empty() {
            return None;
        }
        let mut action = None;
        egui::Frame::new()
            .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.strong(Text::Title.get(lang));
                for m in &self.files {
                    ui.add_space(4.0);
                    file_block(ui, lang, m, &mut action);
                }
                let names: Vec<&str> = read_only.iter().map(|f| f.file_name()).collect();
                ui.label(format!("{} {}", Text::ReadOnly.get(lang), names.join(", ")));
                ui.horizontal_wrapped(|ui| {
                    if ui.button(Text::OtherBackup.get(lang)).clicked() {
                        action = Some(BarAction::GoToBackups);
                    }
                    if ui.button(Text::OpenFolder.get(lang)).clicked() {
                        action = Some(BarAction::OpenFolder);
                    }
                    if ui.button(Text::Reload.get(lang)).clicked() {
                        action = Some(BarAction::Reload);
                    }
                    for m in &self.files {
                        let label = format!(
                            "{} {}{}",
                            Text::StartEmpty.get(lang),
                            m.kind.file_name(),
                            Text::StartEmptyTail.get(lang)
                        );
                        if ui.button(label).clicked() {
                            self.confirm_empty = Some(m.kind);
                        }
                    }
                });
            });
        ui.add_space(4.0);
        if let Some(kind) = self.confirm_empty {
            use super::widgets::confirm::{Answer, confirm};
            let title = format!("{} — {}", Text::StartEmptyTitle.get(lang), kind.file_name());
            match confirm(
                ui.ctx(),
                "confirm_start_collection_empty",
                &title,
                Text::StartEmptyBody.get(lang),
                Text::StartEmptyYes.get(lang),
                crate::i18n::T::Cancel.get(lang),
            ) {
                Answer::Pending => {}
                Answer::No => self.confirm_empty = None,
                Answer::Yes => {
                    self.confirm_empty = None;
                    action = Some(BarAction::StartEmpty(kind));
                }
            }
        }
        action
    }

    /// Forgets a file the user chose to start empty.
    pub fn resolve(&mut self, kind: FileKind) {
        self.files.retain(|m| m.kind != kind);
    }
}

/// How many dangling references the bar lists before "and N more".
const SHOW_DANGLING: usize = 5;

fn file_block(ui: &mut egui::Ui, lang: Lang, m: &Missing, action: &mut Option<BarAction>) {
    let s = &m.set_aside;
    let problem = s.problem(Path::new(""));
    ui.label(format!(
        "{} {} {}{}",
        s.file,
        Text::Why.get(lang),
        s.moved_to,
        paren(lang, &problem.to_string())
    ));
    let Some(copy) = &m.copy else {
        ui.weak(Text::NoBackup.get(lang));
        return;
    };
    let when = copy.taken.format("%Y-%m-%d %H:%M");
    if copy.dangling.is_empty() {
        let sep = if lang == Lang::Zh { "，" } else { ", " };
        let detail = format!("{when}{sep}{} {}", copy.records, Text::Records.get(lang));
        let label = format!("{}{}", Text::RestoreFile.get(lang), paren(lang, &detail));
        if ui.button(label).clicked() {
            *action = Some(BarAction::RestoreFile(copy.backup.clone(), m.kind));
        }
        return;
    }
    ui.label(Text::WouldDangle.get(lang));
    for d in copy.dangling.iter().take(SHOW_DANGLING) {
        let name = |k: crate::model::RecordKind| crate::i18n::kind_name(lang, k);
        ui.label(format!(
            "  {} {} → {} {}",
            name(d.child.kind()),
            d.child.raw(),
            name(d.parent.kind()),
            d.parent.raw()
        ));
    }
    if copy.dangling.len() > SHOW_DANGLING {
        ui.label(format!(
            "  {} {} {}",
            Text::More.get(lang),
            copy.dangling.len() - SHOW_DANGLING,
            Text::MoreTail.get(lang)
        ));
    }
    let label = format!(
        "{}{}",
        Text::RestoreWhole.get(lang),
        paren(lang, &copy.name)
    );
    if ui.button(label).clicked() {
        *action = Some(BarAction::RestoreBackup(copy.backup.clone()));
    }
}

/// Opens a folder in the system's file manager. Best effort: a failure is reported.
pub fn open_folder(path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "windows")]
    let program = "explorer";
    #[cfg(target_os = "macos")]
    let program = "open";
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let program = "xdg-open";
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
}
