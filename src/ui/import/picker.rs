//! Choosing the file to import: the system's file dialog, behind a trait so the UI
//! tests drive the flow with a file they name.

use std::path::PathBuf;

pub trait FilePicker {
    /// The file the user chose, or None when they cancelled.
    fn pick(&mut self, title: &str) -> Option<PathBuf>;
}

/// The native dialog (rfd): the desktop portal on Linux, which falls back to zenity.
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("CSV, Excel", &["csv", "txt", "xlsx", "xlsm", "xls", "ods"])
            .add_filter("*", &["*"])
            .pick_file()
    }
}

/// Always the same file (tests).
pub struct FixedPicker(pub Option<PathBuf>);

impl FilePicker for FixedPicker {
    fn pick(&mut self, _title: &str) -> Option<PathBuf> {
        self.0.clone()
    }
}
