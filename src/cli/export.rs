//! `salesdesk export [FILE.xlsx] [--csv DIR]`: the workspace as one XLSX workbook (a sheet
//! per collection) and/or one CSV per collection; and the PDF of `report --pdf FILE`.
//! Both only read the data folder. Headers and the report are in the language the
//! window was last used in (its `prefs.ron`), else the system's.

use crate::export::{self, report_pdf};
use crate::i18n::Lang;
use crate::model::{Period, Workspace};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;

/// The language of the window's preferences in `dir`, else the system's.
pub fn ui_lang(dir: &Path) -> Lang {
    #[derive(serde::Deserialize)]
    struct LangOnly {
        lang: Lang,
    }
    std::fs::read_to_string(dir.join(crate::store::paths::PREFS_FILE))
        .ok()
        .and_then(|text| ron::from_str::<LangOnly>(&text).ok())
        .map_or_else(Lang::from_system, |p| p.lang)
}

/// Writes the workbook to `xlsx` and/or the CSVs into `csv`. Exit code 0, or 1 when
/// the workspace cannot be read or a file cannot be written.
pub fn run(
    dir: &Path,
    xlsx: Option<&Path>,
    csv: Option<&Path>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let result = (|| -> std::io::Result<i32> {
        let Some(ws) = super::read_only(dir, "export", "export", err)? else {
            return Ok(1);
        };
        let sheets = export::workspace_sheets(&ws, ui_lang(dir));
        let rows: usize = sheets.iter().map(|s| s.rows.len()).sum();
        if let Some(path) = xlsx {
            if let Err(e) = export::write_xlsx(&sheets, path) {
                writeln!(err, "{e}")?;
                return Ok(1);
            }
            writeln!(
                out,
                "wrote {}: {} sheets, {rows} rows",
                path.display(),
                sheets.len()
            )?;
        }
        if let Some(folder) = csv {
            match export::write_csv_dir(&sheets, folder) {
                Ok(files) => writeln!(
                    out,
                    "wrote {} CSV files ({rows} rows) into {}",
                    files.len(),
                    folder.display()
                )?,
                Err(e) => {
                    writeln!(err, "{e}")?;
                    return Ok(1);
                }
            }
        }
        Ok(0)
    })();
    result.unwrap_or_else(|e| {
        let _ = writeln!(err, "{e}");
        1
    })
}

/// `report --pdf FILE`: the period's 销售报表 as PDF, in the window's language.
pub(crate) fn write_report(
    ws: &Workspace,
    period: Period,
    today: NaiveDate,
    dir: &Path,
    path: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<i32> {
    match report_pdf::write_pdf(ws, period, today, ui_lang(dir), path) {
        Ok(()) => {
            writeln!(out, "wrote {}", path.display())?;
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "{e}")?;
            Ok(1)
        }
    }
}
