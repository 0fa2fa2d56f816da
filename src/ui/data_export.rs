//! The Export section of Data & backups (数据与备份): the workbook for Excel, Power BI and
//! Tableau, one CSV per collection, and the period's 销售报表 as PDF, each to a typed
//! path. Exporting only reads the workspace.

use super::Cx;
use super::save_as;
use super::widgets::period::{PeriodKind, PeriodPicker};
use crate::export;
use crate::i18n::Lang;
use egui::{RichText, Ui};
use std::path::PathBuf;

crate::texts! {
    pub enum Text {
        Export => "导出", "Export";
        Hint => "供 Excel、Power BI、Tableau 使用：每类数据一个工作表，表头为当前语言，日期为日期格式，金额为带 ¥ 格式的数字。", "For Excel, Power BI and Tableau: a sheet per collection, headers in this language, dates as dates, amounts as numbers with a ¥ format.";
        Workbook => "工作簿（.xlsx）", "Workbook (.xlsx)";
        ExportWorkbook => "导出工作簿", "Export workbook";
        CsvFolder => "CSV 文件夹", "CSV folder";
        ExportCsv => "导出 CSV", "Export CSVs";
        Pdf => "报表（.pdf）", "Report (.pdf)";
        ExportPdf => "生成 PDF 报表", "Write PDF report";
        NoPath => "请填写保存位置", "Enter where to save";
    }
}

/// Which export a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Workbook,
    Csv,
    Pdf,
}

pub struct ExportSection {
    workbook: String,
    csv: String,
    pdf: String,
    period: PeriodPicker,
    /// The last failure, shown under its field until the next try.
    error: Option<(Target, String)>,
    /// The default names last filled in (workbook, CSV, PDF), and for what.
    filled: [String; 3],
    filled_for: Option<(Lang, chrono::NaiveDate)>,
}

impl Default for ExportSection {
    fn default() -> Self {
        ExportSection {
            workbook: String::new(),
            csv: String::new(),
            pdf: String::new(),
            period: PeriodPicker::new(PeriodKind::Month),
            error: None,
            filled: Default::default(),
            filled_for: None,
        }
    }
}

impl ExportSection {
    /// Fills empty paths with dated names in the export folder, and keeps a name the
    /// user has not edited in step with the language and the day.
    fn default_paths(&mut self, lang: Lang, today: chrono::NaiveDate) {
        let fields = [&mut self.workbook, &mut self.csv, &mut self.pdf];
        if self.filled_for == Some((lang, today)) && fields.iter().all(|f| !f.is_empty()) {
            return;
        }
        self.filled_for = Some((lang, today));
        let folder = super::save_as::export_folder();
        let at = |name: String| folder.join(name).display().to_string();
        let stem = match lang {
            Lang::Zh => "销售报表",
            Lang::En => "sales-report",
        };
        let names = [
            at(format!("SalesDesk-{today}.xlsx")),
            at(format!("SalesDesk-csv-{today}")),
            at(format!("{stem}-{}.pdf", today.format("%Y-%m"))),
        ];
        for ((field, filled), name) in fields.into_iter().zip(&mut self.filled).zip(names) {
            if field.is_empty() || *field == *filled {
                field.clone_from(&name);
            }
            *filled = name;
        }
    }

    pub fn show(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        self.default_paths(lang, cx.today);
        ui.strong(Text::Export.get(lang));
        ui.label(Text::Hint.get(lang));
        ui.add_space(4.0);
        let mut clicked = None;
        // Rows, not a Grid: a grid cell sizes from the previous frame's column, which the
        // wrapped period bar kept a few characters wide, and squeezed the path fields.
        let label_width = [Text::Workbook, Text::CsvFolder, Text::Pdf]
            .iter()
            .map(|t| text_width(ui, t.get(lang)))
            .fold(0.0, f32::max);
        for (target, label, value, button) in [
            (
                Target::Workbook,
                Text::Workbook,
                &mut self.workbook,
                Text::ExportWorkbook,
            ),
            (Target::Csv, Text::CsvFolder, &mut self.csv, Text::ExportCsv),
            (Target::Pdf, Text::Pdf, &mut self.pdf, Text::ExportPdf),
        ] {
            if target == Target::Pdf {
                ui.add_space(6.0);
                self.period.show(ui, lang, cx.today);
            }
            ui.horizontal(|ui| {
                // Left-aligned in a column as wide as the widest label.
                let l = ui
                    .allocate_ui_with_layout(
                        egui::vec2(label_width, 20.0),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(label_width);
                            ui.label(label.get(lang))
                        },
                    )
                    .inner;
                let field_width = (ui.available_width() - 160.0).clamp(160.0, 420.0);
                ui.vertical(|ui| {
                    ui.add(egui::TextEdit::singleline(value).desired_width(field_width))
                        .labelled_by(l.id);
                    if let Some((t, why)) = &self.error
                        && *t == target
                    {
                        ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
                    }
                });
                if ui.button(button.get(lang)).clicked() {
                    clicked = Some(target);
                }
            });
        }
        if let Some(target) = clicked {
            self.run(target, cx);
        }
    }

    /// Runs one export now (a workspace of thousands of records takes well under a
    /// second) and says how it went.
    fn run(&mut self, target: Target, cx: &mut Cx) {
        let lang = cx.lang;
        let path = match target {
            Target::Workbook => &self.workbook,
            Target::Csv => &self.csv,
            Target::Pdf => &self.pdf,
        };
        let path = PathBuf::from(path.trim());
        if path.as_os_str().is_empty() {
            self.error = Some((target, Text::NoPath.get(lang).to_owned()));
            return;
        }
        let ws = cx.doc.ws();
        let result = match target {
            Target::Workbook => export::write_xlsx(&export::workspace_sheets(ws, lang), &path),
            Target::Csv => {
                export::write_csv_dir(&export::workspace_sheets(ws, lang), &path).map(|_| ())
            }
            Target::Pdf => export::report_pdf::write_pdf(
                ws,
                self.period.period(cx.today),
                cx.today,
                lang,
                &path,
            ),
        };
        match result {
            Ok(()) => {
                self.error = None;
                cx.toasts.info(save_as::Text::written(lang, path.display()));
            }
            Err(e) => {
                let message = save_as::Text::failed(lang, e);
                cx.toasts.error(message.clone());
                self.error = Some((target, message));
            }
        }
    }
}

/// The width `text` takes in the body font.
fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE))
        .size()
        .x
}
