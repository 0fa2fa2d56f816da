//! 绩效评估: a rep's review for a period (scores prefilled from the scorecard,
//! strengths and improvements, agreed actions with due dates, the overall rating), and
//! the history of their past reviews side by side.

use super::{Focus, FormText, PendingDelete, edit_form};
use crate::analytics::scorecard::{Scorecard, suggested_rating};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::date;
use crate::ui::me::{Editor, checked, first_field, level_buttons, row_buttons};
use crate::ui::widgets::form;
use crate::ui::widgets::period;
use chrono::NaiveDate;

crate::texts! {
    pub enum Text {
        Title => "绩效评估", "Reviews";
        New => "新建绩效评估", "New review";
        Edit => "编辑绩效评估", "Edit review";
        Add => "新建评估", "New review";
        Saved => "已保存评估", "Review saved";
        Due => "截止日期", "Due";
        Completed => "完成日期", "Completed on";
        Scores => "各项评分（0–100）", "Scores (0–100)";
        Rating => "总体评级（1–5）", "Overall rating (1–5)";
        NoRating => "未评", "Not rated";
        Strengths => "优点", "Strengths";
        Improvements => "待改进", "Improvements";
        Notes => "备注", "Notes";
        Actions => "约定行动", "Agreed actions";
        Action => "行动", "Action";
        ActionDue => "行动截止", "Action due";
        Done => "已完成", "Done";
        AddAction => "＋ 添加行动", "+ Add action";
        Remove => "移除", "Remove";
        History => "历次评估对比", "Past reviews side by side";
        NoReviews => "这位代表还没有评估。", "This rep has no review yet.";
        Open => "进行中", "Open";
        Period => "期间", "Period";
        Status => "状态", "Status";
        PrefilledHint => "评分已按计分卡预填，可逐项修改。", "Scores are prefilled from the scorecard; change any of them.";
        ClearRating => "不评", "None";
    }
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct ActionDraft {
    pub text: String,
    pub due: String,
    pub done: bool,
}

/// A review as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDraft {
    pub id: ReviewId,
    pub member: MemberId,
    pub period: Period,
    pub due: String,
    pub completed: String,
    /// (KPI, its name, the score as typed).
    pub scores: Vec<(KpiId, String, String)>,
    /// 0: not rated.
    pub rating: u8,
    pub strengths: String,
    pub improvements: String,
    pub notes: String,
    pub actions: Vec<ActionDraft>,
    /// Scores came from the scorecard.
    pub prefilled: bool,
}

fn kpi_name(ws: &Workspace, id: KpiId) -> String {
    ws.performance
        .kpis
        .get(id)
        .map(|k| k.name.clone())
        .unwrap_or_else(|| "—".into())
}

impl ReviewDraft {
    pub fn of(r: &Review) -> Self {
        ReviewDraft {
            id: r.id,
            member: r.member,
            period: r.period,
            due: date(Some(r.due)),
            completed: date(r.completed),
            scores: Vec::new(),
            rating: r.rating.unwrap_or(0),
            strengths: r.strengths.clone(),
            improvements: r.improvements.clone(),
            notes: r.notes.clone(),
            actions: r
                .actions
                .iter()
                .map(|a| ActionDraft {
                    text: a.text.clone(),
                    due: date(Some(a.due)),
                    done: a.done,
                })
                .collect(),
            prefilled: false,
        }
        .with_scores_of(r)
    }

    /// Names are looked up when the form is drawn; here only ids and numbers.
    fn with_scores_of(mut self, r: &Review) -> Self {
        self.scores = r
            .scores
            .iter()
            .map(|(k, s)| (*k, String::new(), s.to_string()))
            .collect();
        self
    }

    /// A review of the scorecard's rep and period, its scores (and a suggested rating)
    /// from the scorecard; the rep's existing review of that period is kept and only
    /// its scores are refilled.
    pub fn from_scorecard(ws: &Workspace, sc: &Scorecard, today: NaiveDate) -> Self {
        let existing = ws
            .performance
            .reviews
            .iter()
            .find(|r| r.member == sc.member && r.period == sc.period);
        let mut d = match existing {
            Some(r) => ReviewDraft::of(r),
            None => ReviewDraft {
                id: ReviewId(0),
                member: sc.member,
                period: sc.period,
                due: date(Some(today.max(sc.period.end))),
                completed: String::new(),
                scores: Vec::new(),
                rating: 0,
                strengths: String::new(),
                improvements: String::new(),
                notes: String::new(),
                actions: Vec::new(),
                prefilled: true,
            },
        };
        d.scores = sc
            .lines
            .iter()
            .map(|l| {
                let s = l.score.map(|s| s.to_string()).unwrap_or_default();
                (l.kpi, l.name.clone(), s)
            })
            .collect();
        if d.rating == 0 {
            d.rating = sc.total.map(suggested_rating).unwrap_or(0);
        }
        d.prefilled = true;
        d
    }

    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let due = form::parse_into(&mut e, "due", parse_date(&self.due));
        let completed = form::parse_into(&mut e, "completed", parse_optional_date(&self.completed));
        let mut scores = Vec::new();
        for (k, _, s) in &self.scores {
            if s.trim().is_empty() {
                continue;
            }
            if let Some(v) = form::parse_into(&mut e, "scores", parse_int(s.trim(), 0, 100)) {
                scores.push((*k, v as u8));
            }
        }
        let mut actions = Vec::new();
        for a in &self.actions {
            if a.text.trim().is_empty() && a.due.trim().is_empty() {
                continue;
            }
            if a.text.trim().is_empty() {
                e.add("actions", Problem::Required);
            }
            if let Some(due) = form::parse_into(&mut e, "action_due", parse_date(&a.due)) {
                actions.push(AgreedAction {
                    text: a.text.trim().to_owned(),
                    due,
                    done: a.done,
                });
            }
        }
        let r = Review {
            id: self.id,
            member: self.member,
            period: self.period,
            due: due.unwrap_or(self.period.end),
            completed: completed.flatten(),
            scores,
            rating: (self.rating > 0).then_some(self.rating),
            strengths: self.strengths.trim().to_owned(),
            improvements: self.improvements.trim().to_owned(),
            notes: self.notes.trim().to_owned(),
            actions,
        };
        checked(e, Record::Review(r))
    }
}

#[derive(Default)]
pub struct ReviewsView {
    form: Option<Editor<ReviewDraft>>,
    delete: PendingDelete,
}

impl ReviewsView {
    /// Opens `draft` in the form (from the scorecard, or the Dashboard's alert).
    pub fn open(&mut self, draft: ReviewDraft) {
        self.form = Some(Editor::new(draft));
    }

    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, focus: &mut Focus) {
        let lang = cx.lang;
        let Some(rep) = focus.rep else {
            ui.weak(super::Text::PickRep.get(lang));
            return;
        };
        if self.form.as_ref().is_some_and(|f| f.draft.member != rep) {
            self.form = None;
        }
        if crate::ui::me::heading_with_add(ui, Text::Title.get(lang), Text::Add.get(lang)) {
            let sc = crate::analytics::scorecard::scorecard(cx.doc.ws(), rep, focus.period(cx));
            self.open(ReviewDraft::from_scorecard(cx.doc.ws(), &sc, cx.today));
        }
        self.form_ui(ui, cx);
        ui.add_space(8.0);
        self.history(ui, cx, rep);
        self.delete.dialog(ui.ctx(), cx);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &mut self.form else { return };
        let title = if ed.draft.id.0 == 0 {
            Text::New
        } else {
            Text::Edit
        };
        let ws = cx.doc.ws();
        let heading = format!(
            "{} · {} · {}",
            title.get(lang),
            ws.member_name(ed.draft.member),
            period::label(lang, ed.draft.period)
        );
        for (k, name, _) in &mut ed.draft.scores {
            if name.is_empty() {
                *name = kpi_name(ws, *k);
            }
        }
        let words = FormText {
            id: "review_form",
            heading: &heading,
            label: title.get(lang),
            saved: Text::Saved.get(lang),
        };
        edit_form(
            ui,
            cx,
            &mut self.form,
            words,
            |ui, d, errors, fresh| review_fields(ui, d, errors, fresh, lang),
            ReviewDraft::build,
        );
    }

    /// The rep's reviews, oldest on the left, one column each.
    fn history(&mut self, ui: &mut egui::Ui, cx: &Cx, rep: MemberId) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        ui.heading(Text::History.get(lang));
        let mut past: Vec<&Review> = ws
            .performance
            .reviews
            .iter()
            .filter(|r| r.member == rep)
            .collect();
        if past.is_empty() {
            ui.weak(Text::NoReviews.get(lang));
            return;
        }
        past.sort_by_key(|r| (r.period.start, r.id));
        let kpis: Vec<KpiId> = {
            let mut ids: Vec<KpiId> = past
                .iter()
                .flat_map(|r| r.scores.iter().map(|(k, _)| *k))
                .collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let mut edit = None;
        egui::Grid::new("review_history")
            .striped(true)
            .num_columns(past.len() + 1)
            .spacing([18.0, 4.0])
            .show(ui, |ui| {
                ui.strong(Text::Period.get(lang));
                for r in &past {
                    ui.strong(period::label(lang, r.period));
                }
                ui.end_row();
                ui.weak(Text::Status.get(lang));
                for r in &past {
                    ui.label(match r.completed {
                        Some(c) => format!("{} {c}", Text::Done.get(lang)),
                        None => format!(
                            "{} · {} {}",
                            Text::Open.get(lang),
                            Text::Due.get(lang),
                            r.due
                        ),
                    });
                }
                ui.end_row();
                for k in &kpis {
                    ui.weak(kpi_name(ws, *k));
                    for r in &past {
                        let s = r.scores.iter().find(|(x, _)| x == k).map(|(_, s)| *s);
                        ui.label(s.map(|s| s.to_string()).unwrap_or("—".into()));
                    }
                    ui.end_row();
                }
                ui.weak(Text::Rating.get(lang));
                for r in &past {
                    ui.label(match r.rating {
                        Some(x) => format!("{x} / 5"),
                        None => Text::NoRating.get(lang).to_owned(),
                    });
                }
                ui.end_row();
                for (title, text) in [
                    (
                        Text::Strengths,
                        (|r: &Review| r.strengths.clone()) as fn(&Review) -> String,
                    ),
                    (Text::Improvements, |r: &Review| r.improvements.clone()),
                    (Text::Actions, |r: &Review| {
                        r.actions
                            .iter()
                            .map(|a| format!("{} · {}", a.text, a.due))
                            .collect::<Vec<_>>()
                            .join("\n")
                    }),
                ] {
                    ui.weak(title.get(lang));
                    for r in &past {
                        ui.add(egui::Label::new(text(r)).wrap());
                    }
                    ui.end_row();
                }
                ui.label("");
                for r in &past {
                    let (e, d) = row_buttons(ui, lang);
                    if e {
                        edit = Some(ReviewDraft::of(r));
                    }
                    if d {
                        let what = format!(
                            "{} · {}",
                            ws.member_name(r.member),
                            period::label(lang, r.period)
                        );
                        self.delete.ask(RecordKey::Review(r.id), what);
                    }
                }
                ui.end_row();
            });
        if let Some(d) = edit {
            self.open(d);
        }
    }
}

/// The review form's rows.
fn review_fields(
    ui: &mut egui::Ui,
    d: &mut ReviewDraft,
    errors: &Errors,
    fresh: bool,
    lang: crate::i18n::Lang,
) {
    let r = form::date(ui, Text::Due.get(lang), &mut d.due, "due", errors, lang);
    first_field(r, fresh);
    form::date(
        ui,
        Text::Completed.get(lang),
        &mut d.completed,
        "completed",
        errors,
        lang,
    );
    ui.label(Text::Scores.get(lang));
    ui.vertical(|ui| {
        if d.prefilled {
            ui.weak(Text::PrefilledHint.get(lang));
        }
        egui::Grid::new("review_scores")
            .num_columns(2)
            .show(ui, |ui| {
                for (_, name, score) in &mut d.scores {
                    let l = ui.label(name.as_str());
                    let r = ui
                        .add(egui::TextEdit::singleline(score).desired_width(60.0))
                        .labelled_by(l.id);
                    crate::ui::widgets::keys::single_line(ui, &r);
                    ui.end_row();
                }
            });
        let msg = form::message(ui, "scores", &d.scores, errors);
        form::error_line(ui, lang, msg);
    });
    ui.end_row();
    let l = ui.label(Text::Rating.get(lang));
    ui.horizontal(|ui| {
        level_buttons(ui, &mut d.rating).labelled_by(l.id);
        if ui
            .selectable_label(d.rating == 0, Text::ClearRating.get(lang))
            .clicked()
        {
            d.rating = 0;
        }
    });
    ui.end_row();
    form::multiline(
        ui,
        Text::Strengths.get(lang),
        &mut d.strengths,
        "strengths",
        errors,
        lang,
    );
    form::multiline(
        ui,
        Text::Improvements.get(lang),
        &mut d.improvements,
        "improvements",
        errors,
        lang,
    );
    actions_rows(ui, &mut d.actions, errors, lang);
    form::multiline(
        ui,
        Text::Notes.get(lang),
        &mut d.notes,
        "notes",
        errors,
        lang,
    );
}

/// The agreed actions of the form: one row each (text, due date, done, remove), then
/// a button that adds a row.
fn actions_rows(
    ui: &mut egui::Ui,
    actions: &mut Vec<ActionDraft>,
    errors: &Errors,
    lang: crate::i18n::Lang,
) {
    ui.label(Text::Actions.get(lang));
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, a) in actions.iter_mut().enumerate() {
            ui.push_id(("review_action", i), |ui| {
                ui.horizontal(|ui| {
                    let l = ui.label(format!("{} {}", Text::Action.get(lang), i + 1));
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut a.text).desired_width(220.0))
                        .labelled_by(l.id);
                    crate::ui::widgets::keys::single_line(ui, &r);
                    let l = ui.label(Text::ActionDue.get(lang));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut a.due)
                                .desired_width(crate::ui::widgets::date::field_width(ui))
                                .hint_text(crate::ui::widgets::date::HINT),
                        )
                        .labelled_by(l.id);
                    crate::ui::widgets::keys::single_line(ui, &r);
                    crate::ui::widgets::date::picker_button(
                        ui,
                        &format!("action_due_{i}"),
                        &mut a.due,
                        lang,
                    );
                    ui.checkbox(&mut a.done, Text::Done.get(lang));
                    if ui.small_button(Text::Remove.get(lang)).clicked() {
                        remove = Some(i);
                    }
                });
            });
        }
        if let Some(i) = remove {
            actions.remove(i);
        }
        for field in ["actions", "action_due"] {
            let msg = form::message(ui, field, &*actions, errors);
            form::error_line(ui, lang, msg);
        }
        if ui.button(Text::AddAction.get(lang)).clicked() {
            actions.push(ActionDraft {
                text: String::new(),
                due: String::new(),
                done: false,
            });
        }
    });
    ui.end_row();
}
