//! 市场调研: notes on competitors (strengths, weaknesses, prices, recent moves), trends
//! and customer needs, each with its source and date; searchable.

use super::{Text, checked, edit, heading_with_add, row_buttons};
use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::me::{Editor, first_field};
use crate::ui::widgets::form;
use crate::ui::widgets::table::matches;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct ResearchDraft {
    pub r: Research,
    pub date: String,
}

/// A new note dated `today`.
pub fn draft(today: NaiveDate) -> ResearchDraft {
    ResearchDraft {
        r: Research {
            id: ResearchId(0),
            title: String::new(),
            date: today,
            source: String::new(),
            findings: String::new(),
            segment: None,
            kind: ResearchKind::Competitor,
            competitor: String::new(),
            strengths: String::new(),
            weaknesses: String::new(),
            prices: String::new(),
            recent_moves: String::new(),
        },
        date: today.to_string(),
    }
}

impl ResearchDraft {
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let mut r = self.r.clone();
        r.date = date.unwrap_or_default();
        r.title = r.title.trim().to_owned();
        r.source = r.source.trim().to_owned();
        r.competitor = r.competitor.trim().to_owned();
        checked(e, Record::Research(r))
    }
}

#[derive(Default)]
pub struct ResearchState {
    pub form: Option<Editor<ResearchDraft>>,
    query: String,
    kind: Option<ResearchKind>,
}

impl ResearchState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::TabResearch.get(lang), Text::NewResearch.get(lang)) {
            self.form = Some(Editor::new(draft(cx.today)));
        }
        self.form_ui(ui, cx);
        ui.horizontal(|ui| {
            let l = ui.label(Text::Search.get(lang));
            ui.text_edit_singleline(&mut self.query).labelled_by(l.id);
            let l = ui.label(Text::Kind.get(lang));
            let all = Text::AllKinds.get(lang);
            egui::ComboBox::from_id_salt("research_kind")
                .selected_text(self.kind.map_or(all, |k| k.label(lang)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.kind, None, all);
                    for k in ResearchKind::ALL {
                        ui.selectable_value(&mut self.kind, Some(k), k.label(lang));
                    }
                })
                .response
                .labelled_by(l.id);
        });
        let ws = cx.doc.ws().clone();
        let q = self.query.trim().to_lowercase();
        let mut notes: Vec<&Research> = ws
            .marketing
            .research
            .iter()
            .filter(|r| self.kind.is_none_or(|k| r.kind == k))
            .filter(|r| r.text().iter().any(|t| matches(t, &q)))
            .collect();
        notes.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
        if notes.is_empty() {
            ui.label(Text::NoResearch.get(lang));
        }
        let (mut open, mut remove) = (None, None);
        let colon = crate::ui::format::colon(lang);
        for r in notes {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(r.title.as_str());
                    ui.weak(format!(
                        "{} · {} · {}",
                        r.kind.label(lang),
                        r.date,
                        r.source
                    ));
                    let (e, d) = row_buttons(ui, lang);
                    if e {
                        open = Some(ResearchDraft {
                            r: r.clone(),
                            date: r.date.to_string(),
                        });
                    }
                    if d {
                        remove = Some((r.id, r.title.clone()));
                    }
                });
                for (t, v) in [
                    (Text::Competitor, &r.competitor),
                    (Text::Strengths, &r.strengths),
                    (Text::Weaknesses, &r.weaknesses),
                    (Text::Prices, &r.prices),
                    (Text::RecentMoves, &r.recent_moves),
                    (Text::Findings, &r.findings),
                ] {
                    if !v.is_empty() {
                        ui.label(format!("{}{colon}{v}", t.get(lang)));
                    }
                }
            });
        }
        if let Some(d) = open {
            self.form = Some(Editor::new(d));
        }
        if let Some((id, title)) = remove {
            super::delete(cx, RecordKey::Research(id), &title, Text::Blocked);
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let segments = crate::ui::widgets::form::segment_options(cx.doc.ws());
        let title = match &self.form {
            Some(ed) if ed.draft.r.id.0 != 0 => Text::EditResearch,
            _ => Text::NewResearch,
        };
        edit(
            ui,
            cx,
            &mut self.form,
            ("research_form", title, Text::ResearchSaved),
            |ui, d, errors, fresh| {
                let r = &mut d.r;
                let first = form::text(
                    ui,
                    Text::Title.get(lang),
                    &mut r.title,
                    "title",
                    errors,
                    lang,
                );
                first_field(first, fresh);
                form::choice(
                    ui,
                    Text::Kind.get(lang),
                    &mut r.kind,
                    &ResearchKind::ALL,
                    lang,
                );
                form::date(ui, Text::Date.get(lang), &mut d.date, "date", errors, lang);
                form::text(
                    ui,
                    Text::Source.get(lang),
                    &mut r.source,
                    "source",
                    errors,
                    lang,
                );
                form::pick(
                    ui,
                    Text::Segment.get(lang),
                    &mut r.segment,
                    &segments,
                    Some(T::None.get(lang)),
                    "segment",
                    errors,
                    lang,
                );
                if r.kind == ResearchKind::Competitor {
                    form::text(
                        ui,
                        Text::Competitor.get(lang),
                        &mut r.competitor,
                        "competitor",
                        errors,
                        lang,
                    );
                    form::multiline(
                        ui,
                        Text::Strengths.get(lang),
                        &mut r.strengths,
                        "strengths",
                        errors,
                        lang,
                    );
                    form::multiline(
                        ui,
                        Text::Weaknesses.get(lang),
                        &mut r.weaknesses,
                        "weaknesses",
                        errors,
                        lang,
                    );
                    form::text(
                        ui,
                        Text::Prices.get(lang),
                        &mut r.prices,
                        "prices",
                        errors,
                        lang,
                    );
                    form::multiline(
                        ui,
                        Text::RecentMoves.get(lang),
                        &mut r.recent_moves,
                        "recent_moves",
                        errors,
                        lang,
                    );
                }
                form::multiline(
                    ui,
                    Text::Findings.get(lang),
                    &mut r.findings,
                    "findings",
                    errors,
                    lang,
                );
            },
            |d, _| d.build(),
        );
    }
}
