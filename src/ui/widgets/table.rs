//! Sortable column heads for egui_extras tables.

use egui::Ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

/// A clickable column head; clicking sorts by it, clicking again reverses.
pub fn sort_header<C: Copy + PartialEq>(ui: &mut Ui, label: &str, column: C, sort: &mut Sort<C>) {
    let arrow = if sort.column == column {
        if sort.descending { " ▼" } else { " ▲" }
    } else {
        ""
    };
    if ui
        .add(
            egui::Button::new(egui::RichText::new(format!("{label}{arrow}")).strong()).frame(false),
        )
        .clicked()
    {
        if sort.column == column {
            sort.descending = !sort.descending;
        } else {
            sort.column = column;
            sort.descending = false;
        }
    }
}

/// Case-insensitive "contains" that works for Chinese as well as Latin text.
pub fn matches(haystack: &str, needle_lower: &str) -> bool {
    needle_lower.is_empty() || haystack.to_lowercase().contains(needle_lower)
}
