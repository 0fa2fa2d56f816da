//! The bundled CJK font, so Chinese renders on a machine with no CJK system font.

use egui::epaint::text::{FontInsert, InsertFontFamily};
use egui::{FontData, FontFamily, FontPriority};

/// Noto Sans CJK SC subset to GB2312 + punctuation (SIL OFL 1.1, see assets/fonts).
static CJK: &[u8] = crate::i18n::CJK_FONT;

/// Adds the CJK font after egui's own fonts: Latin keeps egui's look, Chinese falls
/// through to Noto. Call in the app's creation context and in every test harness.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "noto_sans_sc",
        FontData::from_static(CJK),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
}
