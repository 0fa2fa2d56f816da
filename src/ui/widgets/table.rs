//! Sortable column heads for egui_extras tables.

use egui::Ui;
use egui_extras::TableBuilder;

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

/// Case-insensitive "contains" that works for Chinese as well as Latin text; Chinese
/// text is found by its pinyin and initials too (`liu`, `lc` find 刘超).
pub fn matches(haystack: &str, needle_lower: &str) -> bool {
    needle_lower.is_empty()
        || haystack.to_lowercase().contains(needle_lower)
        || crate::hanzi::matches(haystack, needle_lower)
}

/// A table whose rows are picked by clicking anywhere in them: striped, resizable,
/// cells centred vertically. Cells hold plain labels, so a click selects the row
/// rather than starting a text selection (this applies to the rest of `ui` too,
/// which is why callers put the table last).
pub fn row_picker<'a>(ui: &'a mut Ui, id: &str) -> TableBuilder<'a> {
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
}
