//! 市场规模 per segment and period (with our share of it) and 目标客户定位: segments
//! with their criteria, needs and positioning statement.

use super::{Text, checked, edit, heading_with_add, row_buttons};
use crate::analytics::market_figures;
use crate::i18n::T;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input, percent};
use crate::ui::me::{Editor, first_field};
use crate::ui::widgets::form;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct SizeDraft {
    pub id: MarketSizeId,
    pub segment: Option<SegmentId>,
    pub start: String,
    pub end: String,
    pub size: String,
    pub source: String,
}

impl SizeDraft {
    fn of(m: &MarketSize) -> Self {
        SizeDraft {
            id: m.id,
            segment: m.segment,
            start: m.period.start.to_string(),
            end: m.period.end.to_string(),
            size: money_input(m.size),
            source: m.source.clone(),
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let start = form::parse_into(&mut e, "start", parse_date(&self.start));
        let end = form::parse_into(&mut e, "end", parse_date(&self.end));
        let size = form::parse_into(&mut e, "size", parse_money(&self.size));
        if size == Some(Money::ZERO) {
            e.add("size", Problem::Required);
        }
        let m = MarketSize {
            id: self.id,
            segment: self.segment,
            period: Period::new(start.unwrap_or_default(), end.or(start).unwrap_or_default()),
            size: size.unwrap_or_default(),
            source: self.source.trim().to_owned(),
        };
        checked(e, Record::MarketSize(m))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SegmentDraft {
    pub id: SegmentId,
    pub name: String,
    pub criteria: String,
    pub needs: String,
    pub positioning: String,
}

impl SegmentDraft {
    fn of(s: &Segment) -> Self {
        SegmentDraft {
            id: s.id,
            name: s.name.clone(),
            criteria: s.criteria.clone(),
            needs: s.needs.clone(),
            positioning: s.positioning.clone(),
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let s = Segment {
            id: self.id,
            name: self.name.trim().to_owned(),
            criteria: self.criteria.trim_end().to_owned(),
            needs: self.needs.trim_end().to_owned(),
            positioning: self.positioning.trim_end().to_owned(),
        };
        checked(Errors::new(), Record::Segment(s))
    }
}

#[derive(Default)]
pub struct MarketState {
    size_form: Option<Editor<SizeDraft>>,
    segment_form: Option<Editor<SegmentDraft>>,
}

impl MarketState {
    /// Opens the form of a new market size: the whole market, this year.
    pub fn new_size(&mut self, today: NaiveDate) {
        let year = Period::year(today.year());
        self.size_form = Some(Editor::new(SizeDraft {
            id: MarketSizeId(0),
            segment: None,
            start: year.start.to_string(),
            end: year.end.to_string(),
            size: String::new(),
            source: String::new(),
        }));
    }

    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if heading_with_add(
            ui,
            Text::MarketSizes.get(lang),
            Text::NewMarketSize.get(lang),
        ) {
            self.new_size(cx.today);
        }
        self.size_form_ui(ui, cx);
        ui.weak(Text::ShareHow.get(lang));
        let ws = cx.doc.ws().clone();
        let figures = cx
            .cache
            .get_or_compute(cx.doc.revision(), "market_figures", (), || {
                std::sync::Arc::new(market_figures(&ws))
            })
            .clone();
        let seg_name = |s: Option<SegmentId>| match s {
            None => Text::WholeMarket.get(lang).to_string(),
            Some(id) => ws
                .marketing
                .segments
                .get(id)
                .map_or("—".into(), |s| s.name.clone()),
        };
        let mut sizes: Vec<&MarketSize> = ws.marketing.market_sizes.iter().collect();
        sizes.sort_by_key(|m| (std::cmp::Reverse(m.period.start), m.segment));
        let (mut open, mut remove) = (None, None);
        crate::ui::widgets::table::wide_in_page(ui, "market_sizes", lang, |ui| {
            egui::Grid::new("market_sizes")
                .striped(true)
                .num_columns(7)
                .show(ui, |ui| {
                    for t in [
                        Text::Segment,
                        Text::Start,
                        Text::End,
                        Text::Size,
                        Text::OwnRevenue,
                        Text::Share,
                        Text::Source,
                    ] {
                        ui.strong(t.get(lang));
                    }
                    ui.end_row();
                    for m in sizes {
                        ui.label(seg_name(m.segment));
                        ui.label(m.period.start.to_string());
                        ui.label(m.period.end.to_string());
                        ui.label(money(m.size));
                        let (revenue, share) =
                            figures.sizes.get(&m.id).copied().unwrap_or_default();
                        ui.label(money(revenue));
                        ui.label(percent(share));
                        ui.label(m.source.as_str());
                        let (e, d) = row_buttons(ui, lang);
                        if e {
                            open = Some(SizeDraft::of(m));
                        }
                        if d {
                            remove = Some(m.id);
                        }
                        ui.end_row();
                    }
                })
        });
        if let Some(d) = open {
            self.size_form = Some(Editor::new(d));
        }
        if let Some(id) = remove {
            let what = Text::MarketSizes.get(lang);
            super::delete(cx, RecordKey::MarketSize(id), what, Text::Blocked);
        }

        ui.add_space(12.0);
        if heading_with_add(ui, Text::Segments.get(lang), Text::NewSegment.get(lang)) {
            self.segment_form = Some(Editor::new(SegmentDraft {
                id: SegmentId(0),
                name: String::new(),
                criteria: String::new(),
                needs: String::new(),
                positioning: String::new(),
            }));
        }
        self.segment_form_ui(ui, cx);
        let (mut open, mut remove) = (None, None);
        for s in ws.marketing.segments.iter() {
            let customers = figures.segment_customers.get(&s.id).copied().unwrap_or(0);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(s.name.as_str());
                    ui.weak(format!(
                        "{}{}{customers}",
                        Text::Customers.get(lang),
                        crate::ui::format::colon(lang)
                    ));
                    let (e, d) = row_buttons(ui, lang);
                    if e {
                        open = Some(SegmentDraft::of(s));
                    }
                    if d {
                        remove = Some((s.id, s.name.clone()));
                    }
                });
                for (t, v) in [
                    (Text::Criteria, &s.criteria),
                    (Text::Needs, &s.needs),
                    (Text::Positioning, &s.positioning),
                ] {
                    if !v.is_empty() {
                        ui.label(format!(
                            "{}{}{v}",
                            t.get(lang),
                            crate::ui::format::colon(lang)
                        ));
                    }
                }
            });
        }
        if let Some(d) = open {
            self.segment_form = Some(Editor::new(d));
        }
        if let Some((id, name)) = remove {
            super::delete(cx, RecordKey::Segment(id), &name, Text::Blocked);
        }
    }

    fn size_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let segments = crate::ui::widgets::form::segment_options(cx.doc.ws());
        let title = match &self.size_form {
            Some(ed) if ed.draft.id.0 != 0 => Text::EditMarketSize,
            _ => Text::NewMarketSize,
        };
        edit(
            ui,
            cx,
            &mut self.size_form,
            ("market_size_form", title, Text::MarketSizeSaved),
            |ui, d, errors, fresh| {
                form::pick(
                    ui,
                    Text::Segment.get(lang),
                    &mut d.segment,
                    &segments,
                    Some(Text::WholeMarket.get(lang)),
                    "segment",
                    errors,
                    lang,
                );
                let r = form::text(ui, Text::Size.get(lang), &mut d.size, "size", errors, lang);
                first_field(r, fresh);
                form::date(
                    ui,
                    Text::Start.get(lang),
                    &mut d.start,
                    "start",
                    errors,
                    lang,
                );
                form::date(ui, Text::End.get(lang), &mut d.end, "end", errors, lang);
                form::text(
                    ui,
                    Text::Source.get(lang),
                    &mut d.source,
                    "source",
                    errors,
                    lang,
                );
            },
            |d, _| d.build(),
        );
    }

    fn segment_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let title = match &self.segment_form {
            Some(ed) if ed.draft.id.0 != 0 => Text::EditSegment,
            _ => Text::NewSegment,
        };
        edit(
            ui,
            cx,
            &mut self.segment_form,
            ("segment_form", title, Text::SegmentSaved),
            |ui, d, errors, fresh| {
                let r = form::text(ui, T::Name.get(lang), &mut d.name, "name", errors, lang);
                first_field(r, fresh);
                form::multiline(
                    ui,
                    Text::Criteria.get(lang),
                    &mut d.criteria,
                    "criteria",
                    errors,
                    lang,
                );
                form::multiline(
                    ui,
                    Text::Needs.get(lang),
                    &mut d.needs,
                    "needs",
                    errors,
                    lang,
                );
                form::multiline(
                    ui,
                    Text::Positioning.get(lang),
                    &mut d.positioning,
                    "positioning",
                    errors,
                    lang,
                );
            },
            |d, _| d.build(),
        );
    }
}
