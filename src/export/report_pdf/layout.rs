//! Lays the report out on A4 pages and draws it with krilla. Two passes: the layout
//! makes a list of drawing operations per page (so the footer can say "page 2 of 3"),
//! then each page is drawn. Text is measured with the same font it is drawn in.

use super::{MonthlyReport, Section, Text, sections};
use crate::export::ExportError;
use crate::i18n::Lang;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 48.0;
const BODY: f32 = 9.5;
const ROW: f32 = 15.0;
const PAD: f32 = 8.0;

type Color = (u8, u8, u8);
const INK: Color = (30, 34, 40);
const MUTED: Color = (110, 116, 126);
const ACCENT: Color = (38, 99, 178);
const STRIPE: Color = (242, 245, 250);
const BAR: Color = (186, 208, 238);

enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Color,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
    },
}

/// Measures text in the bundled font.
struct Measure {
    face: rustybuzz::Face<'static>,
}

impl Measure {
    fn width(&self, text: &str, size: f32) -> f32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let glyphs = rustybuzz::shape(&self.face, &[], buffer);
        let units: i32 = glyphs.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / self.face.units_per_em() as f32
    }

    /// `text` cut with an ellipsis to fit `max` points.
    fn fit(&self, text: &str, size: f32, max: f32) -> String {
        // A little slack: a column is exactly as wide as its widest text.
        if self.width(text, size) <= max + 0.5 {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while !chars.is_empty() {
            chars.pop();
            let cut: String = chars.iter().collect::<String>() + "…";
            if self.width(&cut, size) <= max {
                return cut;
            }
        }
        String::new()
    }
}

struct Pages {
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Pages {
    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }
    /// Makes room for `h` points, starting a new page when this one is full.
    fn need(&mut self, h: f32) {
        if self.y + h > PAGE_H - MARGIN - ROW {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }
    fn text(&mut self, x: f32, size: f32, color: Color, text: impl Into<String>) {
        let y = self.y;
        self.ops().push(Op::Text {
            x,
            y,
            size,
            color,
            text: text.into(),
        });
    }
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }
}

pub(super) fn render(report: &MonthlyReport, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let data: &'static [u8] = crate::i18n::CJK_FONT;
    let face = rustybuzz::Face::from_slice(data, 0)
        .ok_or_else(|| ExportError("the bundled font cannot be read".into()))?;
    let font = Font::new(data.into(), 0)
        .ok_or_else(|| ExportError("the bundled font cannot be read".into()))?;
    let m = Measure { face };
    let mut p = Pages {
        pages: vec![Vec::new()],
        y: MARGIN + 20.0,
    };
    let title = format!(
        "{} · {}",
        Text::Title.get(lang),
        Text::period(lang, report.period.start, report.period.end)
    );
    p.text(MARGIN, 20.0, INK, title.clone());
    p.y += 18.0;
    p.text(MARGIN, BODY, MUTED, Text::generated(lang, report.today));
    p.y += 10.0;
    for s in sections(report, lang) {
        section(&mut p, &m, &s, lang);
    }
    let total = p.pages.len();
    let mut doc = Document::new();
    let language = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    doc.set_metadata(
        Metadata::new()
            .title(title)
            .language(language.into())
            .creator("SalesDesk".into()),
    );
    for (i, ops) in p.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| ExportError("bad page size".into()))?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let footer = Text::page_of(lang, i + 1, total);
        let footer_op = Op::Text {
            x: PAGE_W - MARGIN - m.width(&footer, 8.0),
            y: PAGE_H - MARGIN / 2.0,
            size: 8.0,
            color: MUTED,
            text: footer,
        };
        for op in ops.iter().chain([&footer_op]) {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font.clone(),
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect { x, y, w, h, color } => {
                    let mut path = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(*x, *y, w.max(0.1), h.max(0.1)) {
                        path.push_rect(r);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(*color)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    doc.finish()
        .map_err(|e| ExportError(format!("could not write the PDF: {e:?}")))
}

fn fill((r, g, b): Color) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Fill::default()
    }
}

/// One titled table; a table that runs past the page continues on the next one, under
/// its headers again.
fn section(p: &mut Pages, m: &Measure, s: &Section, lang: Lang) {
    let width = PAGE_W - 2.0 * MARGIN;
    p.y += 28.0;
    p.need(ROW * 4.0);
    p.text(MARGIN, 13.0, ACCENT, s.title);
    p.y += 8.0;
    if s.rows.is_empty() {
        p.y += ROW;
        p.text(MARGIN, BODY, MUTED, Text::NoneInPeriod.get(lang));
        return;
    }
    let cols = columns(m, s, width);
    let has_headers = s.headers.iter().any(|h| !h.is_empty());
    let headers = |p: &mut Pages| {
        if has_headers {
            p.y += ROW;
            let cells: Vec<String> = s.headers.iter().map(|h| h.to_string()).collect();
            row(p, m, s, &cols, &cells, MUTED);
            p.rect(MARGIN, p.y + 4.0, width, 0.6, MUTED);
        }
    };
    headers(p);
    for (i, cells) in s.rows.iter().enumerate() {
        if p.y + ROW > PAGE_H - MARGIN - ROW {
            p.need(ROW * 2.0);
            headers(p);
        }
        p.y += ROW;
        if i % 2 == 1 {
            p.rect(MARGIN, p.y - ROW + 4.0, width, ROW, STRIPE);
        }
        if let Some(bar) = s.bars.get(i) {
            let w = cols[0].1 * *bar as f32;
            p.rect(
                MARGIN + (cols[0].1 - w) / 2.0,
                p.y - ROW + 6.0,
                w,
                ROW - 4.0,
                BAR,
            );
        }
        row(p, m, s, &cols, cells, INK);
    }
}

/// (x, width) of each column: as wide as its content, text columns shrinking when the
/// table would be wider than the page.
fn columns(m: &Measure, s: &Section, width: f32) -> Vec<(f32, f32)> {
    let mut widths: Vec<f32> = (0..s.headers.len())
        .map(|c| {
            let cells = s.rows.iter().filter_map(|r| r.get(c)).map(String::as_str);
            cells
                .chain([s.headers[c]])
                .map(|t| m.width(t, BODY))
                .fold(0.0, f32::max)
                + PAD * 2.0
        })
        .collect();
    let sum: f32 = widths.iter().sum();
    if sum > width {
        let numbers: f32 = widths
            .iter()
            .zip(&s.numeric)
            .filter(|(_, n)| **n)
            .map(|(w, _)| *w)
            .sum();
        let texts = (sum - numbers).max(1.0);
        let room = (width - numbers).max(width * 0.3);
        for (w, numeric) in widths.iter_mut().zip(&s.numeric) {
            if !numeric {
                *w *= room / texts;
            }
        }
    } else if s.headers.len() == 2 {
        // The key figures: label left, value at the right edge of a half-page table.
        widths[0] = widths[0].max(width * 0.4);
    }
    let mut x = MARGIN;
    widths
        .into_iter()
        .map(|w| {
            let col = (x, w);
            x += w;
            col
        })
        .collect()
}

fn row(
    p: &mut Pages,
    m: &Measure,
    s: &Section,
    cols: &[(f32, f32)],
    cells: &[String],
    color: Color,
) {
    for (c, text) in cells.iter().enumerate() {
        let Some(&(x, w)) = cols.get(c) else { continue };
        let text = m.fit(text, BODY, w - PAD * 2.0);
        let x = if s.numeric.get(c).copied().unwrap_or(false) {
            x + w - PAD - m.width(&text, BODY)
        } else {
            x + PAD
        };
        p.text(x, BODY, color, text);
    }
}
