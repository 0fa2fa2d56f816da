//! The window's import (导入): choose a file (CSV, XLSX, XLS), see its first rows with
//! the encoding guessed (and changeable), map its columns (known headers come mapped),
//! check it (the dry run lists every bad row with line and column), then import it as
//! one undoable step. Opened from the Data page; the engine is `crate::import`.

pub mod picker;

use super::Cx;
use crate::i18n::Lang;
use crate::import::{
    self, Book, Col, Encoding, Format, ImportSummary, Kind, RowError, SheetMapping, columns,
};
use crate::model::{Change, Settings};
use picker::{FilePicker, NativePicker};
use std::path::PathBuf;

crate::texts! {
    pub enum Text {
        Open => "导入文件…", "Import a file…";
        OpenHint => "从 CSV、XLSX 或 XLS 文件导入商机、客户、销售目标或费用；先预览和检查，再一次性导入（可撤销）。", "Import deals, customers, targets or expenses from a CSV, XLSX or XLS file: preview and check it first, then import it in one step (undoable).";
        Title => "导入", "Import";
        Encoding => "编码", "Encoding";
        DecimalComma => "金额用逗号作小数点（1.234,50）", "Amounts use a decimal comma (1.234,50)";
        Remember => "记住手动选择的列对应关系", "Remember the columns I mapped by hand";
        LeaveOut => "（不导入）", "(leave out)";
        NotRecognised => "未识别：请为必填列选择对应关系", "Not recognised: map the required columns";
        Check => "检查", "Check";
        Import => "导入", "Import";
        Close => "关闭", "Close";
        Problems => "以下行有问题，未导入任何数据：", "These rows have problems; nothing was imported:";
        Nothing => "文件中没有需要导入的变化。", "Nothing in the file changes the workspace.";
        RowsShown => "预览前几行", "First rows";
    }
    fn {
        guessed(name) => "（自动识别为 {name}）", "(guessed: {name})";
        kind_of(sheet, kind) => "{sheet}识别为：{kind}", "{sheet}recognised as: {kind}";
        sheet(name) => "工作表 {name}：", "Sheet {name}: ";
        file_line(name, format) => "文件：{name}（{format}）", "File: {name} ({format})";
        checked(add, update, same, customers, reps) => "检查通过：新增 {add} 条，更新 {update} 条，不变 {same} 条；新客户 {customers} 个，新成员 {reps} 人。", "Check passed: {add} to add, {update} to update, {same} unchanged; {customers} new customers, {reps} new team members.";
        imported(n) => "已导入 {n} 条记录（可撤销）", "Imported {n} records (undo takes them back)";
        problem(line, column, reason) => "第 {line} 行，列 {column}：{reason}", "line {line}, column {column}: {reason}";
        problem_line(line, reason) => "第 {line} 行：{reason}", "line {line}: {reason}";
        read_failed(why) => "无法读取文件：{why}", "Could not read the file: {why}";
    }
}

/// The dialog and the file it works on.
pub struct ImportDialog {
    picker: Box<dyn FilePicker>,
    draft: Option<Draft>,
}

impl Default for ImportDialog {
    fn default() -> Self {
        ImportDialog {
            picker: Box::new(NativePicker),
            draft: None,
        }
    }
}

struct Draft {
    file: PathBuf,
    bytes: Vec<u8>,
    /// None while the file cannot be read (the reason is in `error`).
    book: Option<Book>,
    /// Chosen by hand; None is the guess.
    encoding: Option<Encoding>,
    maps: Vec<SheetMapping>,
    /// The mapping as guessed, to tell the columns mapped by hand.
    guessed: Vec<Vec<Option<Col>>>,
    decimal_comma: bool,
    remember: bool,
    error: Option<RowError>,
    /// The last check's outcome; cleared by any change of the choices.
    check: Option<Result<ImportSummary, Vec<RowError>>>,
}

impl Draft {
    fn read(&mut self, saved: &std::collections::BTreeMap<String, String>) {
        match import::read_bytes(&self.bytes, self.encoding) {
            Ok(book) => {
                self.maps = import::guess_mappings(&book, saved);
                self.guessed = self.maps.iter().map(|m| m.columns.clone()).collect();
                self.book = Some(book);
                self.error = None;
            }
            Err(e) => {
                self.book = None;
                self.maps.clear();
                self.guessed.clear();
                self.error = Some(e);
            }
        }
        self.check = None;
    }
}

impl ImportDialog {
    /// Replaces the file dialog (tests).
    pub fn set_picker(&mut self, picker: Box<dyn FilePicker>) {
        self.picker = picker;
    }

    /// The Data page's section: a hint and the button that opens the dialog.
    pub fn section(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.strong(Text::Title.get(lang));
        ui.label(Text::OpenHint.get(lang));
        if ui.button(Text::Open.get(lang)).clicked()
            && let Some(file) = self.picker.pick(Text::Open.get(lang))
        {
            self.open(file, cx);
        }
        self.window(ui.ctx(), cx);
    }

    fn open(&mut self, file: PathBuf, cx: &mut Cx) {
        let (bytes, error) = match import::read_path(&file) {
            Ok(b) => (b, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let mut d = Draft {
            file,
            bytes,
            book: None,
            encoding: None,
            maps: Vec::new(),
            guessed: Vec::new(),
            decimal_comma: false,
            remember: true,
            error: None,
            check: None,
        };
        match error {
            Some(e) => d.error = Some(RowError::new(0, "", e)),
            None => d.read(&cx.doc.ws().settings.import_mapping()),
        }
        self.draft = Some(d);
    }

    fn window(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(d) = &mut self.draft else { return };
        let lang = cx.lang;
        let mut keep_open = true;
        let mut run_import = false;
        egui::Window::new(Text::Title.get(lang))
            .collapsible(false)
            .default_size([900.0, 600.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    head(ui, d, cx);
                    if let Some(e) = &d.error {
                        let why = problem_text(e, lang);
                        ui.colored_label(ui.visuals().error_fg_color, Text::read_failed(lang, why));
                    }
                    for i in 0..d.maps.len() {
                        ui.separator();
                        sheet_preview(ui, d, i, lang);
                    }
                    ui.separator();
                    outcome(ui, d, lang);
                    ui.horizontal(|ui| {
                        let readable = d.book.is_some();
                        if ui
                            .add_enabled(readable, egui::Button::new(Text::Check.get(lang)))
                            .clicked()
                        {
                            d.check = Some(dry_run(d, cx).map(|p| p.summary));
                        }
                        let ok = matches!(&d.check, Some(Ok(s)) if s.changed() > 0);
                        if ui
                            .add_enabled(ok, egui::Button::new(Text::Import.get(lang)))
                            .clicked()
                        {
                            run_import = true;
                        }
                        if ui.button(Text::Close.get(lang)).clicked() {
                            keep_open = false;
                        }
                    });
                });
            });
        if run_import {
            match dry_run(d, cx) {
                Ok(mut plan) => {
                    if d.remember
                        && let Some(s) = remembered(d, &cx.doc.ws().settings)
                    {
                        plan.also(Change::Settings(Box::new(s)));
                    }
                    match import::apply(cx.doc, plan, lang) {
                        Ok(s) => {
                            cx.toasts.info(Text::imported(lang, s.changed()));
                            keep_open = false;
                        }
                        Err(e) => d.check = Some(Err(e)),
                    }
                }
                // The workspace changed since the check: show what is wrong now.
                Err(e) => d.check = Some(Err(e)),
            }
        }
        if !keep_open {
            self.draft = None;
        }
    }
}

/// The file, its encoding (CSV) and the decimal comma choice.
fn head(ui: &mut egui::Ui, d: &mut Draft, cx: &mut Cx) {
    let lang = cx.lang;
    let name = d
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = match d.book.as_ref().map(|b| b.format) {
        Some(Format::Workbook) => "Excel",
        _ => "CSV",
    };
    ui.label(Text::file_line(lang, name, format));
    let is_csv = d.book.as_ref().is_none_or(|b| b.format == Format::Csv);
    let mut changed = false;
    if is_csv && !d.bytes.is_empty() {
        ui.horizontal(|ui| {
            let shown = d
                .encoding
                .or(d.book.as_ref().and_then(|b| b.encoding))
                .unwrap_or(Encoding::Utf8);
            let l = ui.label(Text::Encoding.get(lang));
            let mut chosen = shown;
            egui::ComboBox::from_id_salt("import_encoding")
                .selected_text(shown.name())
                .show_ui(ui, |ui| {
                    for e in Encoding::ALL {
                        ui.selectable_value(&mut chosen, e, e.name());
                    }
                })
                .response
                .labelled_by(l.id);
            if d.encoding.is_none() {
                ui.weak(Text::guessed(lang, shown.name()));
            }
            if chosen != shown {
                d.encoding = Some(chosen);
                changed = true;
            }
        });
    }
    if changed {
        d.read(&cx.doc.ws().settings.import_mapping());
    }
    if ui
        .checkbox(&mut d.decimal_comma, Text::DecimalComma.get(lang))
        .changed()
    {
        d.check = None;
    }
    ui.checkbox(&mut d.remember, Text::Remember.get(lang));
}

const PREVIEW_ROWS: usize = 5;

/// One sheet: its kind, a drop-down per column under its header, its first rows.
fn sheet_preview(ui: &mut egui::Ui, d: &mut Draft, i: usize, lang: Lang) {
    let Some(book) = &d.book else { return };
    let m = &mut d.maps[i];
    let sheet = &book.sheets[m.sheet];
    let prefix = if sheet.name.is_empty() {
        String::new()
    } else {
        Text::sheet(lang, &sheet.name)
    };
    match m.kind {
        Some(k) => ui.strong(Text::kind_of(lang, prefix, kind_label(k, lang))),
        None => ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("{prefix}{}", Text::NotRecognised.get(lang)),
        ),
    };
    ui.weak(Text::RowsShown.get(lang));
    let mut changed = None;
    egui::ScrollArea::horizontal()
        .id_salt(("import_preview", i))
        .show(ui, |ui| {
            egui::Grid::new(("import_grid", i))
                .striped(true)
                .show(ui, |ui| {
                    let mut labels = Vec::new();
                    for h in &m.headers {
                        labels.push(ui.strong(h).id);
                    }
                    ui.end_row();
                    for (c, label) in labels.into_iter().enumerate() {
                        let current = m.columns[c];
                        let mut chosen = current;
                        egui::ComboBox::from_id_salt(("import_col", i, c))
                            .height(420.0)
                            .selected_text(col_label(current, lang))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, None, col_label(None, lang));
                                for col in Col::ALL {
                                    ui.selectable_value(
                                        &mut chosen,
                                        Some(col),
                                        col_label(Some(col), lang),
                                    );
                                }
                            })
                            .response
                            .labelled_by(label);
                        if chosen != current {
                            changed = Some((c, chosen));
                        }
                    }
                    ui.end_row();
                    let rows = sheet.rows[m.header_row + 1..]
                        .iter()
                        .filter(|r| !r.cells.iter().all(import::Cell::is_blank))
                        .take(PREVIEW_ROWS);
                    for r in rows {
                        for c in 0..m.headers.len() {
                            let text = r.cells.get(c).map(|x| x.text()).unwrap_or_default();
                            ui.label(short(&text));
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some((c, col)) = changed {
        m.set(c, col);
        d.check = None;
    }
}

/// A cell cut to fit the preview.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() > MAX {
        one_line.chars().take(MAX - 1).chain(['…']).collect()
    } else {
        one_line
    }
}

fn kind_label(k: Kind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => k.chinese(),
        Lang::En => k.english(),
    }
}

fn col_label(c: Option<Col>, lang: Lang) -> String {
    match (c, lang) {
        (None, _) => Text::LeaveOut.get(lang).to_string(),
        (Some(c), Lang::Zh) => format!("{}（{}）", c.chinese(), c.english()),
        (Some(c), Lang::En) => format!("{} ({})", c.english(), c.chinese()),
    }
}

/// The check's outcome: what the import would do, or every problem.
fn outcome(ui: &mut egui::Ui, d: &Draft, lang: Lang) {
    match &d.check {
        None => {}
        Some(Ok(s)) if s.changed() == 0 => {
            ui.label(Text::Nothing.get(lang));
        }
        Some(Ok(s)) => {
            let add = s.created + s.customers.created + s.targets.created + s.expenses.created;
            let update = s.updated + s.customers.updated + s.targets.updated;
            let same =
                s.unchanged + s.customers.unchanged + s.targets.unchanged + s.expenses.unchanged;
            ui.label(Text::checked(
                lang,
                add,
                update,
                same,
                s.new_customers,
                s.new_members,
            ));
        }
        Some(Err(errors)) => {
            ui.colored_label(ui.visuals().error_fg_color, Text::Problems.get(lang));
            for e in errors {
                ui.label(problem_text(e, lang));
            }
        }
    }
}

fn problem_text(e: &RowError, lang: Lang) -> String {
    let sheet = if e.sheet.is_empty() {
        String::new()
    } else {
        Text::sheet(lang, &e.sheet)
    };
    let body = match (e.line, e.column.is_empty()) {
        (0, _) => e.reason.text(lang),
        (l, true) => Text::problem_line(lang, l, e.reason.text(lang)),
        (l, false) => Text::problem(lang, l, &e.column, e.reason.text(lang)),
    };
    format!("{sheet}{body}")
}

fn dry_run(d: &Draft, cx: &Cx) -> Result<import::Plan, Vec<RowError>> {
    let Some(book) = &d.book else {
        return Err(d.error.iter().cloned().collect());
    };
    import::plan(cx.doc.ws(), book, &d.maps, d.decimal_comma, cx.today)
}

/// The settings with the columns mapped by hand saved, when there are any.
fn remembered(d: &Draft, settings: &Settings) -> Option<Settings> {
    let mut s = settings.clone();
    for (m, guessed) in d.maps.iter().zip(&d.guessed) {
        for ((h, now), before) in m.headers.iter().zip(&m.columns).zip(guessed) {
            if now != before && !h.trim().is_empty() {
                let key = now.map(|c| c.english().to_string()).unwrap_or_default();
                s.set_import_column(columns::normalize(h), key);
            }
        }
    }
    (s != *settings).then_some(s)
}
