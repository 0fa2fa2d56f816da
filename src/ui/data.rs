//! Data & backups (数据与备份): where the data lives, the daily backups with Restore, and
//! the workspace settings (stage probabilities, stale limits), and the exports
//! (`data_export.rs`).

use super::Cx;
use super::counts::plural;
use super::widgets::confirm::{Answer, confirm};
use super::widgets::form;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::store;
use std::path::{Path, PathBuf};

crate::texts! {
    pub enum Text {
        DataDir => "数据目录", "Data folder";
        NoDisk => "此工作区未保存到磁盘（测试或预览模式）。", "This workspace is not kept on disk (test or preview mode).";
        Backups => "备份", "Backups";
        BackupsHint => "每天首次启动时（或程序开着跨过午夜时）自动备份全部文件，保留最近 14 天；“立即备份”保留最近 10 份。恢复前会先把当前数据另存为一份备份。未变的文件在备份之间共用，不额外占用空间。", "Every file is backed up at the first start of each day, or at midnight if the app stays open; the last 14 days are kept, and the last 10 made with Back up now. Before a restore, the current data is saved as a backup too. Files that did not change are shared between backups and take no extra space.";
        BackupNow => "立即备份", "Back up now";
        BackupMade => "已创建备份", "Backup made";
        BackupFailed => "备份失败", "The backup failed";
        Restore => "恢复", "Restore";
        RestoreQ => "用此备份替换当前全部数据？当前数据会先另存为备份。", "Replace all current data with this backup? The current data is saved as a backup first.";
        Restored => "已从备份恢复", "Restored from the backup";
        Broken => "（含无法读取的文件）", "(has unreadable files)";
        Without => "不含：", "without:";
        WithoutHint => "这份备份是在这些文件被移出时做的；恢复它会把这些数据清空。", "This backup was taken while these files were set aside; restoring it starts them empty.";
        NoBackups => "还没有备份。", "No backups yet.";
        Files => "个文件", "files";
        StageProbability => "各阶段默认赢单概率（%）", "Default win probability per stage (%)";
        StaleDays => "停滞天数（无活动超过即标记）", "Stale after days without activity";
        SettingsSaved => "设置已保存", "Settings saved";
        SettingsNotSaved => "设置未能保存", "The settings were not saved";
        Reload => "刷新列表", "Refresh list";
        SafetyCopy => "恢复或清空前的自动备份", "taken before a restore or reset";
        DailyCopy => "每日自动备份", "daily backup";
        ManualCopy => "手动备份", "made with Back up now";
    }
    fn {
        own_bytes(own) => "其中 {own} 为此备份独有；未变的文件与其他备份共用，不额外占用空间。", "{own} of it is this backup's own; files that did not change are shared with other backups and take no extra space.";
    }
}

#[derive(Default)]
pub struct DataPage {
    /// Listing backups parses every file of every backup: it runs on a thread.
    backups: Option<Vec<store::BackupInfo>>,
    listing: Option<std::sync::mpsc::Receiver<Vec<store::BackupInfo>>>,
    confirm_restore: Option<PathBuf>,
    settings: Option<(SettingsDraft, Errors)>,
    /// Settings applied but not yet on disk: "Settings saved" is said only once the
    /// write succeeded.
    settings_unsaved: Option<SettingsWrite>,
    export: super::data_export::ExportSection,
    /// Import from a file: its dialog (see `ui::import`).
    pub import: super::import::ImportDialog,
}

/// A settings change on its way to the disk.
#[derive(Debug, Clone, Copy)]
struct SettingsWrite {
    /// The revision of the change: a write of the settings at least this new has it.
    revision: u64,
    /// Its failure was said once already (the save bar keeps saying it).
    failure_shown: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct SettingsDraft {
    probability: [String; 4],
    stale: [String; 4],
}

impl SettingsDraft {
    fn from(s: &Settings) -> Self {
        SettingsDraft {
            probability: s.stage_probability.map(|p| p.to_string()),
            stale: s.stale_days.map(|d| d.to_string()),
        }
    }
    fn build(&self, base: &Settings) -> Result<Settings, Errors> {
        let mut e = Errors::new();
        let mut s = base.clone();
        for i in 0..4 {
            if let Some(v) = form::parse_into(
                &mut e,
                PROB_FIELDS[i],
                parse_int(&self.probability[i], 0, 100),
            ) {
                s.stage_probability[i] = v as u8;
            }
            if let Some(v) =
                form::parse_into(&mut e, STALE_FIELDS[i], parse_int(&self.stale[i], 1, 3650))
            {
                s.stale_days[i] = v as u32;
            }
        }
        e.into_result().map(|_| s)
    }
}

const PROB_FIELDS: [&str; 4] = ["prob_lead", "prob_needs", "prob_quote", "prob_contract"];
const STALE_FIELDS: [&str; 4] = ["stale_lead", "stale_needs", "stale_quote", "stale_contract"];

impl DataPage {
    /// Says "Settings saved" when the write of a settings change succeeded, or that it
    /// was not saved (once) when it failed.
    pub fn settings_written(
        &mut self,
        report: &store::SaveReport,
        toasts: &mut super::Toasts,
        lang: crate::i18n::Lang,
    ) {
        let Some(w) = &mut self.settings_unsaved else {
            return;
        };
        if !report.files.contains(&FileKind::Settings) || report.revision < w.revision {
            return;
        }
        match &report.result {
            Ok(()) => {
                toasts.info(Text::SettingsSaved.get(lang));
                self.settings_unsaved = None;
            }
            Err(e) if !w.failure_shown => {
                toasts.error(format!("{}: {e}", Text::SettingsNotSaved.get(lang)));
                w.failure_shown = true;
            }
            Err(_) => {}
        }
    }

    /// Forgets the listing so it is read again (after a backup or restore).
    pub fn refresh_backups(&mut self) {
        self.backups = None;
        self.listing = None;
    }

    fn backups(&mut self, dir: &Path, ctx: &egui::Context) -> Option<&[store::BackupInfo]> {
        if self.backups.is_none() {
            match &self.listing {
                None => {
                    let (tx, rx) = std::sync::mpsc::channel();
                    let dir = dir.to_path_buf();
                    let ctx = ctx.clone();
                    std::thread::spawn(move || {
                        let _ = tx.send(store::list_backups(&dir));
                        ctx.request_repaint();
                    });
                    self.listing = Some(rx);
                }
                Some(rx) => {
                    if let Ok(list) = rx.try_recv() {
                        self.backups = Some(list);
                        self.listing = None;
                    }
                }
            }
        }
        self.backups.as_deref()
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let dir = cx.data_dir;
        egui::ScrollArea::vertical()
            .id_salt("data_page")
            .show(ui, |ui| {
                ui.heading(cx.t(T::DataBackups));
                ui.add_space(6.0);
                match dir {
                    None => {
                        ui.label(Text::NoDisk.get(lang));
                    }
                    Some(dir) => {
                        ui.horizontal(|ui| {
                            ui.weak(Text::DataDir.get(lang));
                            ui.monospace(dir.display().to_string());
                        });
                        ui.add_space(8.0);
                        self.backups_section(ui, cx, dir);
                    }
                }
                ui.add_space(12.0);
                ui.separator();
                self.import.section(ui, cx);
                ui.add_space(12.0);
                ui.separator();
                self.settings_section(ui, cx, dir.is_some());
                ui.add_space(12.0);
                ui.separator();
                self.export.show(ui, cx);
            });
        if let Some(path) = self.confirm_restore.clone() {
            match confirm(
                ui.ctx(),
                "confirm_restore",
                Text::Restore.get(lang),
                Text::RestoreQ.get(lang),
                Text::Restore.get(lang),
                T::Cancel.get(lang),
            ) {
                Answer::Pending => {}
                Answer::No => self.confirm_restore = None,
                Answer::Yes => {
                    self.confirm_restore = None;
                    // The shell restores: it owns the writer, which is flushed first.
                    cx.run(crate::ui::AppCommand::Restore(path));
                }
            }
        }
    }

    fn backups_section(&mut self, ui: &mut egui::Ui, cx: &mut Cx, dir: &Path) {
        let lang = cx.lang;
        ui.strong(Text::Backups.get(lang));
        ui.label(Text::BackupsHint.get(lang));
        ui.horizontal(|ui| {
            if ui.button(Text::BackupNow.get(lang)).clicked() {
                // Taken by the writer after the pending writes; the shell reports it.
                cx.run(crate::ui::AppCommand::BackUpNow);
            }
            if ui.button(Text::Reload.get(lang)).clicked() {
                self.refresh_backups();
            }
        });
        let ctx = ui.ctx().clone();
        let Some(backups) = self.backups(dir, &ctx) else {
            ui.spinner();
            return;
        };
        if backups.is_empty() {
            ui.weak(Text::NoBackups.get(lang));
        }
        let mut chosen = None;
        egui::Grid::new("backups")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                for b in backups.iter() {
                    ui.label(taken_text(b))
                        .on_hover_text(b.path.display().to_string());
                    ui.weak(match b.kind {
                        store::BackupKind::Daily => Text::DailyCopy.get(lang),
                        store::BackupKind::Manual => Text::ManualCopy.get(lang),
                        store::BackupKind::BeforeRestore => Text::SafetyCopy.get(lang),
                    });
                    ui.label(contents_text(lang, b))
                        .on_hover_text(contents_details(lang, b));
                    ui.horizontal(|ui| {
                        if !b.sound {
                            ui.colored_label(ui.visuals().error_fg_color, Text::Broken.get(lang));
                        }
                        if !b.missing.is_empty() && b.files > 0 {
                            let names: Vec<&str> =
                                b.missing.iter().map(|k| k.file_name()).collect();
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!("{} {}", Text::Without.get(lang), names.join(", ")),
                            )
                            .on_hover_text(Text::WithoutHint.get(lang));
                        }
                        if ui
                            .add_enabled(b.sound, egui::Button::new(Text::Restore.get(lang)))
                            .clicked()
                        {
                            chosen = Some(b.path.clone());
                        }
                    });
                    ui.end_row();
                }
            });
        if chosen.is_some() {
            self.confirm_restore = chosen;
        }
    }

    /// The workspace settings; `on_disk` when a write must succeed before they count as
    /// saved.
    fn settings_section(&mut self, ui: &mut egui::Ui, cx: &mut Cx, on_disk: bool) {
        let lang = cx.lang;
        ui.strong(cx.t(T::Settings));
        let settings = cx.doc.ws().settings.clone();
        let (draft, errors) = self
            .settings
            .get_or_insert_with(|| (SettingsDraft::from(&settings), Errors::new()));
        egui::Grid::new("settings_grid")
            .num_columns(5)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.label("");
                for s in Stage::OPEN {
                    ui.strong(s.label(lang));
                }
                ui.end_row();
                for (title, values, fields) in [
                    (Text::StageProbability, &mut draft.probability, PROB_FIELDS),
                    (Text::StaleDays, &mut draft.stale, STALE_FIELDS),
                ] {
                    let l = ui.label(title.get(lang));
                    for (i, v) in values.iter_mut().enumerate() {
                        ui.vertical(|ui| {
                            ui.add(egui::TextEdit::singleline(v).desired_width(60.0))
                                .labelled_by(l.id);
                            let msg = form::message(ui, fields[i], &*v, errors);
                            form::error_line(ui, lang, msg);
                        });
                    }
                    ui.end_row();
                }
            });
        let changed = *draft != SettingsDraft::from(&settings);
        if ui
            .add_enabled(changed, egui::Button::new(T::Save.get(lang)))
            .clicked()
        {
            crate::ui::widgets::keys::saving(ui);
            match draft.build(&settings) {
                Ok(s) => match cx.apply(Change::Settings(Box::new(s)), cx.t(T::Settings)) {
                    Ok(_) => {
                        self.settings = None;
                        if on_disk {
                            self.settings_unsaved = Some(SettingsWrite {
                                revision: cx.doc.revision(),
                                failure_shown: false,
                            });
                        } else {
                            // Nothing to write: applied is all there is.
                            cx.toasts.info(Text::SettingsSaved.get(lang));
                        }
                    }
                    Err(e) => *errors = e,
                },
                Err(e) => *errors = e,
            }
        }
    }
}

impl crate::ui::PageView for DataPage {
    const TITLE: T = T::DataBackups;
    const PLACE: crate::ui::Place = crate::ui::Place::Foot;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.show_page(ui, cx)
    }
}

/// When a backup was taken: date and minute; the date alone for a daily backup of an
/// older version, which noted no time.
fn taken_text(b: &store::BackupInfo) -> String {
    if b.kind == store::BackupKind::Daily && b.taken.time() == chrono::NaiveTime::MIN {
        b.taken.date().to_string()
    } else {
        b.taken.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// The main records a backup holds and its size: "150 个客户 · 400 个商机 · 12.3 MB".
fn contents_text(lang: Lang, b: &store::BackupInfo) -> String {
    use crate::model::RecordKind as K;
    let count = |kind| {
        b.records
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n)
    };
    let mut parts = vec![
        plural(lang, count(K::Customer), "个客户", "customer", "customers"),
        plural(lang, count(K::Deal), "个商机", "deal", "deals"),
        plural(lang, count(K::Expense), "笔支出", "expense", "expenses"),
    ];
    parts.push(mb(b.bytes));
    parts.join(" · ")
}

/// Every kind of record in the backup with its count, its files, and what of its size
/// it holds alone.
fn contents_details(lang: Lang, b: &store::BackupInfo) -> String {
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let mut lines: Vec<String> = b
        .records
        .iter()
        .map(|(k, n)| format!("{}{colon}{n}", crate::i18n::kind_name(lang, *k)))
        .collect();
    lines.push(format!("{} {}", b.files, Text::Files.get(lang)));
    lines.push(Text::own_bytes(lang, mb(b.own_bytes)));
    lines.join("\n")
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
