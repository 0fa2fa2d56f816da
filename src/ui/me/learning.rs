//! 持续学习: courses, books and certificates, each with a status, hours and notes; the
//! year's totals and its hours by month.

use super::{Asks, Editor, Text, checked, heading_with_add, labelled};
use crate::analytics::me::learning_year;
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::charts::{BarsSpec, SERIES_COLORS, bars_with_line};
use crate::ui::widgets::form;
use chrono::Datelike;

#[derive(Debug, Clone, PartialEq)]
pub struct LearningDraft {
    pub id: LearningId,
    pub title: String,
    pub kind: LearningKind,
    pub status: Progress,
    pub hours: String,
    pub started: String,
    pub completed: String,
    pub notes: String,
}

impl LearningDraft {
    pub fn new() -> Self {
        LearningDraft {
            id: LearningId(0),
            title: String::new(),
            kind: LearningKind::Course,
            status: Progress::Planned,
            hours: "0".into(),
            started: String::new(),
            completed: String::new(),
            notes: String::new(),
        }
    }
    pub fn of(l: &LearningItem) -> Self {
        LearningDraft {
            id: l.id,
            title: l.title.clone(),
            kind: l.kind,
            status: l.status,
            hours: l.hours.to_string(),
            started: crate::ui::format::date(l.started),
            completed: crate::ui::format::date(l.completed),
            notes: l.notes.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let hours = super::parse_number(&mut e, "hours", &self.hours, 0, 10_000);
        let started = form::parse_into(&mut e, "started", parse_optional_date(&self.started));
        let completed = form::parse_into(&mut e, "completed", parse_optional_date(&self.completed));
        let l = LearningItem {
            id: self.id,
            title: self.title.trim().to_owned(),
            kind: self.kind,
            status: self.status,
            hours: hours as u32,
            completed: completed.flatten(),
            notes: self.notes.trim().to_owned(),
            started: started.flatten(),
        };
        checked(e, Record::LearningItem(l))
    }
}

impl Default for LearningDraft {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Default)]
pub struct LearningState {
    pub form: Option<Editor<LearningDraft>>,
    pub year: Option<i32>,
}

const STATUSES: [Progress; 3] = [Progress::InProgress, Progress::Planned, Progress::Done];

impl LearningState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::TabLearning.get(lang), Text::NewLearning.get(lang)) {
            self.form = Some(Editor::new(LearningDraft::new()));
        }
        self.form_ui(ui, cx);
        let year = *self.year.get_or_insert(cx.today.year());
        let y = learning_year(cx.doc.ws(), year);
        ui.horizontal(|ui| {
            if ui.button("◀").clicked() {
                self.year = Some(year - 1);
            }
            ui.strong(year.to_string());
            if ui.button("▶").clicked() {
                self.year = Some(year + 1);
            }
            ui.label(labelled(lang, Text::YearHours.get(lang), y.hours));
            ui.label(labelled(lang, Text::YearDone.get(lang), y.done));
            ui.label(labelled(
                lang,
                Text::YearCertificates.get(lang),
                y.certificates,
            ));
        });
        let labels: Vec<String> = (1..=12)
            .map(|m| crate::ui::format::month_short(lang, m))
            .collect();
        let values: Vec<f64> = y.hours_by_month.iter().map(|h| f64::from(*h)).collect();
        let alt = labels
            .iter()
            .zip(y.hours_by_month)
            .filter(|(_, h)| *h > 0)
            .map(|(l, h)| format!("{l} {h}"))
            .collect::<Vec<_>>()
            .join(", ");
        bars_with_line(
            ui,
            "me_learning_by_month",
            &labels,
            BarsSpec {
                name: Text::Hours.get(lang),
                values: &values,
                color: SERIES_COLORS[2],
            },
            None,
            |v| format!("{v:.0}"),
            200.0,
            &labelled(lang, Text::HoursByMonth.get(lang), alt),
        );
        let mut edit = None;
        let ws = &cx.doc.ws();
        for status in STATUSES {
            let items: Vec<&LearningItem> = ws
                .me
                .learning
                .iter()
                .filter(|l| l.status == status)
                .collect();
            if items.is_empty() {
                continue;
            }
            ui.add_space(4.0);
            ui.strong(status.label(lang));
            egui::Grid::new(("me_learning", status as u8))
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for l in items {
                        ui.label(l.title.as_str());
                        ui.label(l.kind.label(lang));
                        ui.label(super::hours(lang, l.hours * 60));
                        ui.label(crate::ui::format::date(l.completed.or(l.started)));
                        ui.horizontal(|ui| {
                            super::row_actions(
                                ui,
                                lang,
                                &mut edit,
                                || LearningDraft::of(l),
                                asks,
                                RecordKey::LearningItem(l.id),
                                || l.title.clone(),
                            );
                        });
                        ui.end_row();
                    }
                });
        }
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.form.is_none() {
            return;
        }
        let words = super::FormWords {
            id: "learning_form",
            new: Text::NewLearning,
            edit: Text::EditLearning,
            saved: Text::LearningSaved,
        };
        super::edit_form(ui, cx, &mut self.form, words, |ui, d, f, fresh| {
            let r = f.text(ui, Text::Title.get(lang), &mut d.title, "title");
            super::first_field(r, fresh);
            form::choice(
                ui,
                Text::Kind.get(lang),
                &mut d.kind,
                &LearningKind::ALL,
                lang,
            );
            form::choice(ui, Text::Status.get(lang), &mut d.status, &STATUSES, lang);
            f.text(ui, Text::Hours.get(lang), &mut d.hours, "hours");
            f.date(ui, Text::Started.get(lang), &mut d.started, "started");
            f.date(ui, Text::Completed.get(lang), &mut d.completed, "completed");
            f.multiline(ui, Text::Notes.get(lang), &mut d.notes, "notes");
        });
    }
}

impl super::Draft for LearningDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: chrono::NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
