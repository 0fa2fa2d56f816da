//! "Save as PNG" on every chart: a small button in the chart's corner asks where to save
//! (the same save dialog as a table's Export), then the next frame's screenshot is
//! cropped to the chart and written as a PNG. The request travels in egui's temporary
//! data, so chart helpers need nothing from the page.

use egui::{Color32, ColorImage, Context, Id, Rect, Ui};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

crate::texts! {
    pub enum Text {
        Button => "PNG", "PNG";
        Hover => "将图表保存为 PNG 图片", "Save the chart as a PNG image";
        SaveTitle => "保存图表", "Save chart";
        Chart => "图表", "chart";
    }
}

/// A chart the user asked to save: its area in points and a name for the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRequest {
    pub rect: Rect,
    pub name: String,
}

fn request_id() -> Id {
    Id::unique("salesdesk_chart_png_request")
}

fn lang_id() -> Id {
    Id::unique("salesdesk_chart_png_lang")
}

fn capturing_id() -> Id {
    Id::unique("salesdesk_chart_png_capturing")
}

/// The UI's language, for the buttons of charts drawn this frame (set by the shell).
pub fn set_lang(ctx: &Context, lang: crate::i18n::Lang) {
    ctx.data_mut(|d| d.insert_temp(lang_id(), lang));
}

pub fn lang(ctx: &Context) -> crate::i18n::Lang {
    ctx.data(|d| d.get_temp(lang_id()))
        .unwrap_or(crate::i18n::Lang::En)
}

/// The button in the top-right corner of `chart`; `alt` (the chart's text alternative)
/// names the file by its first words.
pub fn save_button(ui: &mut Ui, chart: Rect, alt: &str, lang: crate::i18n::Lang) {
    save_button_at(ui, chart, alt, lang, egui::Align2::RIGHT_TOP);
}

/// [`save_button`] in another corner of the chart (a pie's legend fills its top right).
pub fn save_button_at(
    ui: &mut Ui,
    chart: Rect,
    alt: &str,
    lang: crate::i18n::Lang,
    corner: egui::Align2,
) {
    // Not in the picture being taken (nor its tooltip).
    if ui.ctx().data(|d| d.get_temp::<bool>(capturing_id())) == Some(true) {
        return;
    }
    // Sized to its word (never wrapped: "PN/G" at a fixed width).
    let word = egui::RichText::new(Text::Button.get(lang)).size(10.0);
    let text_width = egui::WidgetText::from(word.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x;
    let size = egui::vec2(text_width + 2.0 * ui.spacing().button_padding.x + 4.0, 18.0);
    let at = corner.align_size_within_rect(size, chart.shrink(4.0));
    let button = egui::Button::new(word)
        .wrap_mode(egui::TextWrapMode::Extend)
        .small()
        .fill(ui.visuals().extreme_bg_color.gamma_multiply(0.8));
    // A child Ui, not `ui.put`: `put` moves the cursor to the button, which drew the
    // text after a chart on top of the chart.
    let mut corner_ui = ui.new_child(egui::UiBuilder::new().max_rect(at));
    let clicked = corner_ui
        .add_sized(size, button)
        .on_hover_text(Text::Hover.get(lang))
        .clicked();
    if clicked {
        let name = file_stem(alt, Text::Chart.get(lang));
        ui.ctx()
            .data_mut(|d| d.insert_temp(request_id(), Some(ChartRequest { rect: chart, name })));
    }
}

/// The request made this frame, if any (taken: it is answered once).
pub fn take_request(ctx: &Context) -> Option<ChartRequest> {
    ctx.data_mut(|d| d.remove_temp::<Option<ChartRequest>>(request_id()))
        .flatten()
}

/// A file name from the chart's text: its words up to the first colon or full stop,
/// without characters file systems refuse, at most 40 characters.
pub fn file_stem(alt: &str, fallback: &str) -> String {
    let head = alt
        .split([':', '：', '.', '。', '\n'])
        .next()
        .unwrap_or_default();
    let clean: String = head
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | '?' | '*' | '"' | '<' | '>' | '|') && !c.is_control())
        .take(40)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        fallback.to_owned()
    } else {
        clean.to_owned()
    }
}

/// The part of a screenshot under `rect` (points; `ppp` pixels per point), clamped to
/// the image, as PNG bytes.
pub fn crop_to_png(image: &ColorImage, rect: Rect, ppp: f32) -> Result<Vec<u8>, String> {
    let bounds = Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(image.size[0] as f32, image.size[1] as f32) / ppp,
    );
    let rect = rect.intersect(bounds);
    if !rect.is_positive() {
        return Err("the chart is not on screen".into());
    }
    let part = image.region(&rect, Some(ppp));
    let [w, h] = part.size;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let bytes: Vec<u8> = part
        .pixels
        .iter()
        .flat_map(|c: &Color32| c.to_srgba_unmultiplied())
        .collect();
    encoder
        .write_header()
        .and_then(|mut w| w.write_image_data(&bytes))
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Results of screenshots written off the UI thread, for the next frame's toast.
pub type Done = Arc<Mutex<Vec<Result<PathBuf, String>>>>;

/// Asks the window for a screenshot and writes the chart's part of it to `path`.
pub fn capture(ctx: &Context, rect: Rect, path: PathBuf, done: Done) {
    let ppp = ctx.pixels_per_point();
    let callback = egui::ScreenshotCallback::new(move |image: Arc<ColorImage>| {
        let result = crop_to_png(&image, rect, ppp)
            .and_then(|bytes| write(&path, &bytes))
            .map(|()| path);
        if let Ok(mut d) = done.lock() {
            d.push(result);
        }
    });
    ctx.data_mut(|d| d.insert_temp(capturing_id(), true));
    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
    ctx.request_repaint();
}

/// The capture is answered: the buttons come back.
pub fn captured(ctx: &Context) {
    ctx.data_mut(|d| d.remove_temp::<bool>(capturing_id()));
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::store::atomic::write_with(path, |out| out.write_all(bytes)).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crop_is_the_charts_part_of_the_screenshot_at_its_pixel_density() {
        // 10 x 6 pixels at 2 px per point; the chart is the red block at (1,1)-(3,2) pt.
        let mut image = ColorImage::filled([10, 6], Color32::WHITE);
        for y in 2..4 {
            for x in 2..6 {
                image.pixels[y * 10 + x] = Color32::RED;
            }
        }
        let rect = Rect::from_min_max(egui::pos2(1.0, 1.0), egui::pos2(3.0, 2.0));
        let bytes = crop_to_png(&image, rect, 2.0).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (4, 2));
        assert!(
            buf.chunks(4).all(|p| p == [255, 0, 0, 255]),
            "only the chart"
        );
    }

    #[test]
    fn a_chart_partly_off_screen_is_clamped_and_one_wholly_off_is_refused() {
        let image = ColorImage::filled([10, 10], Color32::BLACK);
        let half = Rect::from_min_max(egui::pos2(5.0, 5.0), egui::pos2(20.0, 20.0));
        assert!(crop_to_png(&image, half, 1.0).is_ok());
        let off = Rect::from_min_max(egui::pos2(30.0, 30.0), egui::pos2(40.0, 40.0));
        assert!(crop_to_png(&image, off, 1.0).is_err());
    }

    #[test]
    fn the_file_is_named_by_the_charts_first_words() {
        assert_eq!(file_stem("销售漏斗：线索 377 → …", "图表"), "销售漏斗");
        assert_eq!(
            file_stem("Revenue by month: Jan ¥1", "chart"),
            "Revenue by month"
        );
        assert_eq!(file_stem("a/b\\c", "chart"), "abc");
        assert_eq!(file_stem("", "chart"), "chart");
    }
}
