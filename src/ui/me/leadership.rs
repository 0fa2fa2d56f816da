//! 领导力发展: self-assessments of the leadership competencies (coaching, communication,
//! planning, decision making, motivating, and your own), 1–5, repeated over time, with a
//! chart of the change between them.

use super::{Asks, Editor, Text, checked, labelled, level_picker, row_buttons};
use crate::analytics::me::leadership_series;
use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::charts::{LineSpec, SERIES_COLORS, lines};
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentDraft {
    pub id: AssessmentId,
    pub date: String,
    pub scores: Vec<(Competency, u8)>,
    pub own: Vec<(String, u8)>,
    pub note: String,
}

impl AssessmentDraft {
    /// A new assessment today, starting from the last one's scores (and own names).
    pub fn new(ws: &Workspace, today: NaiveDate) -> Self {
        let last = ws.me.assessments.iter().max_by_key(|a| (a.date, a.id));
        AssessmentDraft {
            id: AssessmentId(0),
            date: today.to_string(),
            scores: Competency::ALL
                .iter()
                .map(|&c| (c, last.and_then(|a| a.score(c)).unwrap_or(3)))
                .collect(),
            own: last.map(|a| a.own.clone()).unwrap_or_default(),
            note: String::new(),
        }
    }
    pub fn of(a: &Assessment) -> Self {
        AssessmentDraft {
            id: a.id,
            date: a.date.to_string(),
            scores: a.scores.clone(),
            own: a.own.clone(),
            note: a.note.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let a = Assessment {
            id: self.id,
            date: date.unwrap_or_default(),
            scores: self.scores.clone(),
            own: self
                .own
                .iter()
                .map(|(n, s)| (n.trim().to_owned(), *s))
                .collect(),
            note: self.note.trim().to_owned(),
        };
        checked(e, Record::Assessment(a))
    }
}

#[derive(Default)]
pub struct LeadershipState {
    pub form: Option<Editor<AssessmentDraft>>,
}

impl LeadershipState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        if super::heading_with_add(
            ui,
            Text::TabLeadership.get(lang),
            Text::NewAssessment.get(lang),
        ) {
            self.form = Some(Editor::new(AssessmentDraft::new(cx.doc.ws(), cx.today)));
        }
        ui.weak(Text::LeadershipHint.get(lang));
        self.form_ui(ui, cx);
        let ws = &cx.doc.ws();
        let mut list: Vec<&Assessment> = ws.me.assessments.iter().collect();
        list.sort_by_key(|a| (a.date, a.id));
        if list.is_empty() {
            ui.weak(T::NothingYet.get(lang));
            return;
        }
        // The chart: one line per competency over the assessments.
        let dates: Vec<NaiveDate> = list.iter().map(|a| a.date).collect();
        let labels: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        let series = leadership_series(ws);
        let names: Vec<String> = series.iter().map(|s| series_name(lang, s)).collect();
        let values: Vec<Vec<Option<f64>>> = series
            .iter()
            .map(|s| {
                dates
                    .iter()
                    .map(|d| s.points.iter().find(|p| p.0 == *d).map(|p| f64::from(p.1)))
                    .collect()
            })
            .collect();
        let specs: Vec<LineSpec> = names
            .iter()
            .zip(&values)
            .enumerate()
            .map(|(i, (n, v))| LineSpec {
                name: n,
                values: v,
                color: SERIES_COLORS[i % SERIES_COLORS.len()],
            })
            .collect();
        let alt = series
            .iter()
            .zip(&names)
            .map(|(s, n)| {
                let pts: Vec<String> = s.points.iter().map(|p| p.1.to_string()).collect();
                format!("{n} {}", pts.join("→"))
            })
            .collect::<Vec<_>>()
            .join(", ");
        lines(
            ui,
            "me_leadership",
            &labels,
            &specs,
            5.0,
            200.0,
            &labelled(lang, Text::LeadershipChange.get(lang), alt),
        );
        // The latest assessment against the one before it.
        ui.add_space(6.0);
        egui::Grid::new("me_assessments")
            .striped(true)
            .show(ui, |ui| {
                ui.strong(Text::Competency.get(lang));
                for a in list.iter().rev().take(4).rev() {
                    ui.strong(a.date.to_string());
                }
                ui.end_row();
                for (s, n) in series.iter().zip(&names) {
                    ui.label(n.as_str());
                    let mut prev: Option<u8> = None;
                    for a in list.iter().rev().take(4).rev() {
                        let v = s.points.iter().find(|p| p.0 == a.date).map(|p| p.1);
                        ui.label(match (v, prev) {
                            (Some(v), Some(p)) if v != p => {
                                format!("{v} ({:+})", i16::from(v) - i16::from(p))
                            }
                            (Some(v), _) => v.to_string(),
                            (None, _) => "—".into(),
                        });
                        prev = v.or(prev);
                    }
                    ui.end_row();
                }
                ui.label("");
                for a in list.iter().rev().take(4).rev() {
                    ui.horizontal(|ui| {
                        let (e, d) = row_buttons(ui, lang);
                        if e {
                            self.form = Some(Editor::new(AssessmentDraft::of(a)));
                        }
                        if d {
                            asks.delete = Some((RecordKey::Assessment(a.id), a.date.to_string()));
                        }
                    });
                }
                ui.end_row();
            });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.form.is_none() {
            return;
        }
        let words = super::FormWords {
            id: "assessment_form",
            new: Text::NewAssessment,
            edit: Text::EditAssessment,
            saved: Text::AssessmentSaved,
        };
        super::edit_form(ui, cx, &mut self.form, words, |ui, d, f, fresh| {
            let r = f.date(ui, T::Date.get(lang), &mut d.date, "date");
            super::first_field(r, fresh);
            for (c, s) in d.scores.iter_mut() {
                level_picker(ui, c.label(lang), s);
            }
            let mut remove = None;
            for (i, (name, s)) in d.own.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(name)
                            .desired_width(100.0)
                            .hint_text(Text::OwnCompetency.get(lang)),
                    );
                    if ui
                        .small_button("×")
                        .on_hover_text(T::Delete.get(lang))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                super::level_buttons(ui, s);
                ui.end_row();
            }
            if let Some(i) = remove {
                d.own.remove(i);
            }
            ui.label("");
            if ui
                .small_button(format!("＋ {}", Text::OwnCompetency.get(lang)))
                .clicked()
            {
                d.own.push((String::new(), 3));
            }
            ui.end_row();
            let msg = form::message(ui, "own", &d.own, f.errors);
            if msg != form::Message::None {
                ui.label("");
                form::error_line(ui, lang, msg);
                ui.end_row();
            }
            f.multiline(ui, Text::Notes.get(lang), &mut d.note, "note");
        });
    }
}

fn series_name(lang: crate::i18n::Lang, s: &crate::analytics::me::CompetencySeries) -> String {
    match s.competency {
        Some(c) => c.label(lang).to_owned(),
        None => s.own.clone(),
    }
}

impl super::Draft for AssessmentDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
