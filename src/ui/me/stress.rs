//! 压力管理: a quick check-in (level 1–5, the stressors picked from your own list or
//! typed, what helped), the weekly trend, and a gentle note when stress has risen two
//! weeks running, pointing to what helped before.

use super::{Asks, Editor, Text, checked, labelled, level_picker};
use crate::analytics::me::{stress_rising, stressor_list, weekly_stress, what_helped};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::charts::{LineSpec, SERIES_COLORS, lines};
use crate::ui::widgets::form;
use chrono::{Days, NaiveDate};

/// How many weeks the trend shows.
pub const TREND_WEEKS: usize = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct CheckInDraft {
    pub id: CheckInId,
    pub date: String,
    pub stress: u8,
    pub energy: u8,
    pub sleep_hours: String,
    pub stressors: Vec<String>,
    /// Stressors typed, separated by commas.
    pub typed: String,
    pub helped: String,
    pub note: String,
}

impl CheckInDraft {
    pub fn new(today: NaiveDate) -> Self {
        CheckInDraft {
            id: CheckInId(0),
            date: today.to_string(),
            stress: 3,
            energy: 3,
            sleep_hours: "7".into(),
            stressors: Vec::new(),
            typed: String::new(),
            helped: String::new(),
            note: String::new(),
        }
    }
    pub fn of(c: &StressCheckIn) -> Self {
        CheckInDraft {
            id: c.id,
            date: c.date.to_string(),
            stress: c.stress,
            energy: c.energy,
            sleep_hours: c.sleep_hours.to_string(),
            stressors: c.stressors.clone(),
            typed: String::new(),
            helped: c.helped.clone(),
            note: c.note.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let sleep = super::parse_number(&mut e, "sleep_hours", &self.sleep_hours, 0, 24);
        let mut stressors = self.stressors.clone();
        for s in self.typed.split([',', '，', '、', ';', '；']) {
            let s = s.trim();
            if !s.is_empty() && !stressors.iter().any(|x| x == s) {
                stressors.push(s.to_owned());
            }
        }
        let c = StressCheckIn {
            id: self.id,
            date: date.unwrap_or_default(),
            stress: self.stress,
            energy: self.energy,
            sleep_hours: sleep as u8,
            note: self.note.trim().to_owned(),
            stressors,
            helped: self.helped.trim().to_owned(),
        };
        checked(e, Record::StressCheckIn(c))
    }
}

#[derive(Default)]
pub struct StressState {
    pub form: Option<Editor<CheckInDraft>>,
}

impl StressState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        let ws = &cx.doc.ws();
        if stress_rising(ws, cx.today) {
            gentle_note(ui, lang, &what_helped(ws, 3));
        }
        if super::heading_with_add(ui, Text::CheckIns.get(lang), Text::NewCheckIn.get(lang)) {
            self.form = Some(Editor::new(CheckInDraft::new(cx.today)));
        }
        self.form_ui(ui, cx);
        ui.add_space(6.0);
        ui.strong(Text::StressTrend.get(lang));
        trend(ui, cx);
        ui.add_space(6.0);
        ui.strong(Text::Recent.get(lang));
        let mut recent: Vec<&StressCheckIn> = cx.doc.ws().me.check_ins.iter().collect();
        recent.sort_by_key(|c| std::cmp::Reverse((c.date, c.id)));
        if recent.is_empty() {
            ui.weak(T::NothingYet.get(lang));
        }
        let mut edit = None;
        egui::Grid::new("me_check_ins")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for c in recent.into_iter().take(10) {
                    ui.label(c.date.to_string());
                    ui.label(labelled(lang, Text::Level.get(lang), c.stress));
                    ui.label(super::join(lang, &c.stressors));
                    ui.label(if c.helped.is_empty() {
                        c.note.clone()
                    } else {
                        labelled(lang, Text::Helped.get(lang), &c.helped)
                    });
                    ui.horizontal(|ui| {
                        super::row_actions(
                            ui,
                            lang,
                            &mut edit,
                            || CheckInDraft::of(c),
                            asks,
                            RecordKey::StressCheckIn(c.id),
                            || c.date.to_string(),
                        );
                    });
                    ui.end_row();
                }
            });
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.form.is_none() {
            return;
        }
        let known: Vec<(String, String)> = stressor_list(cx.doc.ws())
            .into_iter()
            .map(|s| (s.clone(), s))
            .collect();
        let words = super::FormWords {
            id: "check_in_form",
            new: Text::NewCheckIn,
            edit: Text::EditCheckIn,
            saved: Text::CheckInSaved,
        };
        super::edit_form(ui, cx, &mut self.form, words, |ui, d, f, fresh| {
            let r = f.date(ui, T::Date.get(lang), &mut d.date, "date");
            super::first_field(r, fresh);
            level_picker(ui, Text::Level.get(lang), &mut d.stress);
            level_picker(ui, Text::Energy.get(lang), &mut d.energy);
            f.text(ui, Text::Sleep.get(lang), &mut d.sleep_hours, "sleep_hours");
            if !known.is_empty() {
                super::chips(ui, Text::Stressors.get(lang), &known, &mut d.stressors);
            }
            form::text_with_hint(
                ui,
                Text::OtherStressors.get(lang),
                &mut d.typed,
                Text::CommaHint.get(lang),
                "stressors",
                f.errors,
                lang,
            );
            f.text(ui, Text::Helped.get(lang), &mut d.helped, "helped");
            f.multiline(ui, Text::Notes.get(lang), &mut d.note, "note");
        });
    }
}

/// The note shown when stress rose two weeks running.
fn gentle_note(ui: &mut egui::Ui, lang: Lang, helped: &[String]) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(Text::RisingTitle.get(lang));
            ui.label(Text::RisingBody.get(lang));
            if helped.is_empty() {
                ui.label(Text::RisingNoHelp.get(lang));
            } else {
                ui.label(labelled(
                    lang,
                    Text::HelpedBefore.get(lang),
                    super::join(lang, helped),
                ));
            }
        });
}

/// The weekly average of the last weeks as a line on the 1–5 scale.
fn trend(ui: &mut egui::Ui, cx: &Cx) {
    let lang = cx.lang;
    let avg = weekly_stress(cx.doc.ws(), cx.today, TREND_WEEKS);
    if avg.iter().all(Option::is_none) {
        ui.weak(Text::NoCheckIns.get(lang));
        return;
    }
    let first =
        crate::analytics::me::week_start(cx.today) - Days::new(7 * (TREND_WEEKS as u64 - 1));
    let labels: Vec<String> = (0..TREND_WEEKS)
        .map(|i| {
            (first + Days::new(7 * i as u64))
                .format("%m-%d")
                .to_string()
        })
        .collect();
    let alt = labels
        .iter()
        .zip(&avg)
        .filter_map(|(l, v)| v.map(|v| format!("{l} {v:.1}")))
        .collect::<Vec<_>>()
        .join(", ");
    lines(
        ui,
        "me_stress_trend",
        &labels,
        &[LineSpec {
            name: Text::WeeklyAverage.get(lang),
            values: &avg,
            color: SERIES_COLORS[1],
        }],
        5.0,
        170.0,
        &labelled(lang, Text::StressTrend.get(lang), alt),
    );
}

impl super::Draft for CheckInDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
