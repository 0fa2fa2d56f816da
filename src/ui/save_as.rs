//! Saving a table the user is looking at as CSV or XLSX: the page's Export menu queues
//! [`AppCommand::ExportTable`] with the ids of the rows it shows (filtered and sorted as
//! on screen), and the shell asks where to save (the system's dialog, behind a trait so
//! UI tests name the file) and writes it with the workbook's columns and cell types.

use super::Cx;
use super::command::AppCommand;
use crate::export;
use crate::i18n::Lang;
use crate::model::{RecordKind, Workspace};
use std::path::{Path, PathBuf};

crate::texts! {
    pub enum Text {
        Export => "导出", "Export";
        Csv => "CSV（Excel 可打开）…", "CSV (opens in Excel)…";
        Xlsx => "Excel 工作簿（.xlsx）…", "Excel workbook (.xlsx)…";
        SaveTitle => "导出表格", "Export table";
    }
    fn {
        rows(n) => "导出当前显示的 {n} 行", "Export the {n} rows shown";
        written(path) => "已导出：{path}", "Exported: {path}";
        failed(why) => "导出失败：{why}", "Export failed: {why}";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }
}

/// One table's rows to save.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTable {
    pub kind: RecordKind,
    pub ids: Vec<u64>,
    pub format: TableFormat,
}

/// Where to save a file: the system's dialog, or a fixed folder in tests.
pub trait SavePicker {
    /// The path the user chose for a file suggested as `file_name`, or None (cancelled).
    fn save(&mut self, title: &str, file_name: &str, extension: &str) -> Option<PathBuf>;
}

/// The native save dialog (rfd), opened in the Documents folder.
pub struct NativeSaver;

impl SavePicker for NativeSaver {
    fn save(&mut self, title: &str, file_name: &str, extension: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_directory(export_folder())
            .set_file_name(file_name)
            .add_filter(extension, &[extension])
            .save_file()
    }
}

/// Saves every file under its suggested name in one folder (tests); None cancels.
pub struct SaveInto(pub Option<PathBuf>);

impl SavePicker for SaveInto {
    fn save(&mut self, _title: &str, file_name: &str, _extension: &str) -> Option<PathBuf> {
        self.0.as_ref().map(|dir| dir.join(file_name))
    }
}

/// Where exports go unless the user picks another place: the Documents folder (else
/// home, else the working folder).
pub fn export_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            u.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(u.home_dir().to_path_buf()))
        })
        .unwrap_or_default()
}

/// The page's Export menu beside a table: CSV or XLSX of the rows `ids` gives (asked
/// only when the user picks one, so a large table costs nothing per frame).
pub fn export_menu(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    kind: RecordKind,
    count: usize,
    ids: impl FnOnce() -> Vec<u64>,
) {
    let lang = cx.lang;
    let mut chosen = None;
    ui.menu_button(Text::Export.get(lang), |ui| {
        ui.label(Text::rows(lang, count));
        for (format, text) in [
            (TableFormat::Csv, Text::Csv),
            (TableFormat::Xlsx, Text::Xlsx),
        ] {
            if ui.button(text.get(lang)).clicked() {
                chosen = Some(format);
                ui.close();
            }
        }
    });
    if let Some(format) = chosen {
        cx.run(AppCommand::ExportTable(ExportTable {
            kind,
            ids: ids(),
            format,
        }));
    }
}

/// The shell's side: asks where, writes, and says how it went (None: cancelled).
pub struct SaveAs {
    picker: Box<dyn SavePicker>,
    /// Charts being written from a screenshot, answered on a later frame.
    charts: super::chart_png::Done,
}

impl Default for SaveAs {
    fn default() -> Self {
        SaveAs {
            picker: Box::new(NativeSaver),
            charts: Default::default(),
        }
    }
}

impl SaveAs {
    pub fn set_picker(&mut self, picker: Box<dyn SavePicker>) {
        self.picker = picker;
    }

    /// Once a frame: a chart's "PNG" asks where and captures it; charts written since
    /// the last frame are told in a toast.
    pub fn frame(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        today: chrono::NaiveDate,
        toasts: &mut super::Toasts,
    ) {
        use super::chart_png;
        if let Some(req) = chart_png::take_request(ctx) {
            let name = format!("{}-{today}.png", req.name);
            if let Some(path) = self
                .picker
                .save(chart_png::Text::SaveTitle.get(lang), &name, "png")
            {
                chart_png::capture(ctx, req.rect, path, self.charts.clone());
            }
        }
        let done: Vec<_> = match self.charts.lock() {
            Ok(mut d) => d.drain(..).collect(),
            Err(_) => Vec::new(),
        };
        if !done.is_empty() {
            chart_png::captured(ctx);
        }
        for result in done {
            match result {
                Ok(path) => toasts.info(Text::written(lang, path.display())),
                Err(why) => toasts.error(Text::failed(lang, why)),
            }
        }
    }

    /// Writes the table where the user says; Ok(None) when they cancelled. The message
    /// is worded in `lang` for a toast.
    pub fn export_table(
        &mut self,
        req: &ExportTable,
        ws: &Workspace,
        lang: Lang,
        today: chrono::NaiveDate,
    ) -> Option<Result<String, String>> {
        let sheet = export::table_sheet(ws, req.kind, &req.ids, lang);
        let ext = req.format.extension();
        let name = format!("{}-{today}.{ext}", sheet.title);
        let path = self.picker.save(Text::SaveTitle.get(lang), &name, ext)?;
        let written = match req.format {
            TableFormat::Csv => export::write_csv_file(&sheet, &path),
            TableFormat::Xlsx => export::write_xlsx(std::slice::from_ref(&sheet), &path),
        };
        Some(match written {
            Ok(()) => Ok(Text::written(lang, path.display())),
            Err(e) => Err(Text::failed(lang, e)),
        })
    }
}
