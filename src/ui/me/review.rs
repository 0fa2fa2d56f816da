//! 每周回顾: a guided flow over the week. It gathers the figures (deals moved, won and
//! lost; the month's target against its pace; tasks done and to roll forward; contacts
//! made; the stress trend), then plans the next week (carry the open tasks, set the
//! focus) and saves a short reflection. Past reviews stay readable.

use super::time::week_label;
use super::{Text, labelled};
use crate::analytics::me::{tasks_to_carry, week_figures, week_start};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;
use chrono::{Days, NaiveDate};

/// The three steps of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    #[default]
    Gather,
    Plan,
    Reflect,
}

/// A review being written.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDraft {
    pub week: NaiveDate,
    pub step: Step,
    /// The open tasks offered for carrying, and whether each is carried.
    pub carry: Vec<(TaskId, bool)>,
    pub focus: String,
    pub reflection: String,
}

impl ReviewDraft {
    pub fn new(ws: &Workspace, week: NaiveDate) -> Self {
        ReviewDraft {
            week,
            step: Step::Gather,
            carry: tasks_to_carry(ws, week)
                .into_iter()
                .map(|t| (t, true))
                .collect(),
            focus: String::new(),
            reflection: String::new(),
        }
    }

    /// The one change that saves the review: the review with its figures, and each
    /// carried task planned for next week (the same weekday, or next Monday if it was
    /// planned before this week), which counts as a move later.
    pub fn build(&self, ws: &Workspace, today: NaiveDate) -> Result<Change, Errors> {
        let next_monday = self.week + Days::new(7);
        let mut changes = vec![Change::put(Record::WeeklyReview(WeeklyReview {
            id: ws
                .me
                .reviews
                .iter()
                .find(|r| r.week == self.week)
                .map(|r| r.id)
                .unwrap_or(WeeklyReviewId(0)),
            week: self.week,
            figures: week_figures(ws, self.week, today),
            focus: self.focus.trim().to_owned(),
            reflection: self.reflection.trim().to_owned(),
        }))];
        for (id, carry) in &self.carry {
            let Some(t) = ws.me.tasks.get(*id).filter(|_| *carry) else {
                continue;
            };
            let due = t
                .due
                .map(|d| (d + Days::new(7)).max(next_monday))
                .unwrap_or(next_monday);
            let moved = t.edited(
                Task {
                    due: Some(due),
                    ..t.clone()
                },
                today,
            );
            changes.push(Change::put(Record::Task(moved)));
        }
        let mut e = Errors::new();
        for c in &changes {
            if let Change::Put(r) = c {
                for fe in r.validate().0 {
                    e.add(fe.field, fe.problem);
                }
            }
        }
        e.into_result().map(|_| Change::Batch(changes))
    }
}

#[derive(Default)]
pub struct ReviewState {
    pub draft: Option<ReviewDraft>,
    pub errors: Errors,
    /// The past review opened for reading.
    pub open: Option<WeeklyReviewId>,
}

/// The figures in words, one line each.
pub fn figure_lines(lang: Lang, f: &WeekFigures) -> Vec<String> {
    let pm = |v: u32| format!("{:.1}%", f64::from(v) / 10.0);
    let avg =
        |v: Option<u32>| v.map_or("—".to_owned(), |v| format!("{:.1}", f64::from(v) / 10.0));
    let (deals, target, tasks, contacts, stress) = match lang {
        Lang::Zh => (
            format!(
                "商机：推进 {} 个，赢单 {} 个（{}），丢单 {} 个",
                f.deals_moved,
                f.deals_won,
                crate::ui::format::money(Money(f.won_amount)),
                f.deals_lost
            ),
            match f.attainment_pm {
                Some(a) => format!("本月目标：已完成 {}，时间进度 {}", pm(a), pm(f.pace_pm)),
                None => format!("本月目标：未设目标，时间进度 {}", pm(f.pace_pm)),
            },
            format!(
                "任务：完成 {} 项，待顺延 {} 项",
                f.tasks_done, f.tasks_rolled
            ),
            format!("人脉联系：{} 次", f.contacts),
            format!(
                "压力：本周平均 {}，上周 {}",
                avg(f.stress_avg10),
                avg(f.stress_prev_avg10)
            ),
        ),
        Lang::En => (
            format!(
                "Deals: {} moved, {} won ({}), {} lost",
                f.deals_moved,
                f.deals_won,
                crate::ui::format::money(Money(f.won_amount)),
                f.deals_lost
            ),
            match f.attainment_pm {
                Some(a) => format!(
                    "Month's target: {} reached, {} of the month gone",
                    pm(a),
                    pm(f.pace_pm)
                ),
                None => format!(
                    "Month's target: none set, {} of the month gone",
                    pm(f.pace_pm)
                ),
            },
            format!(
                "Tasks: {} done, {} to roll forward",
                f.tasks_done, f.tasks_rolled
            ),
            format!("Network contacts: {}", f.contacts),
            format!(
                "Stress: {} average this week, {} the week before",
                avg(f.stress_avg10),
                avg(f.stress_prev_avg10)
            ),
        ),
    };
    vec![deals, target, tasks, contacts, stress]
}

impl ReviewState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.heading(Text::TabReview.get(lang));
        ui.weak(Text::ReviewHint.get(lang));
        match self.draft.take() {
            None => {
                let week = week_start(cx.today);
                let done = cx.doc.ws().me.reviews.iter().any(|r| r.week == week);
                let start = if done {
                    Text::RedoReview
                } else {
                    Text::StartReview
                };
                let last = week - Days::new(7);
                ui.horizontal(|ui| {
                    let mut pick = None;
                    if ui.button(start.get(lang)).clicked() {
                        pick = Some(week);
                    }
                    if !cx.doc.ws().me.reviews.iter().any(|r| r.week == last)
                        && ui.button(Text::ReviewLastWeek.get(lang)).clicked()
                    {
                        pick = Some(last);
                    }
                    if let Some(w) = pick {
                        self.draft = Some(ReviewDraft::new(cx.doc.ws(), w));
                        self.errors = Errors::new();
                    }
                });
            }
            Some(d) => self.draft = self.flow(ui, cx, d),
        }
        ui.add_space(10.0);
        self.past(ui, cx);
    }

    /// One step of the flow; returns the draft to keep (None when saved or cancelled).
    fn flow(&mut self, ui: &mut egui::Ui, cx: &mut Cx, mut d: ReviewDraft) -> Option<ReviewDraft> {
        let lang = cx.lang;
        let mut keep = true;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(labelled(
                lang,
                Text::WeekOf.get(lang),
                week_label(lang, d.week),
            ));
            ui.horizontal(|ui| {
                for (s, t) in [
                    (Step::Gather, Text::StepGather),
                    (Step::Plan, Text::StepPlan),
                    (Step::Reflect, Text::StepReflect),
                ] {
                    ui.selectable_value(&mut d.step, s, t.get(lang));
                }
            });
            ui.separator();
            match d.step {
                Step::Gather => {
                    let ws = &cx.doc.ws();
                    let (week, today) = (d.week, cx.today);
                    let f = cx.cache.get_or_compute(
                        cx.doc.revision(),
                        "me_week_figures",
                        (week, today),
                        || week_figures(ws, week, today),
                    );
                    for line in figure_lines(lang, f) {
                        ui.label(line);
                    }
                }
                Step::Plan => {
                    ui.strong(Text::CarryTasks.get(lang));
                    if d.carry.is_empty() {
                        ui.weak(Text::NothingToCarry.get(lang));
                    }
                    for (id, carry) in d.carry.iter_mut() {
                        if let Some(t) = cx.doc.ws().me.tasks.get(*id) {
                            ui.checkbox(carry, t.title.as_str());
                        }
                    }
                    ui.add_space(4.0);
                    form::grid(ui, "review_focus", |ui| {
                        form::multiline(
                            ui,
                            Text::NextFocus.get(lang),
                            &mut d.focus,
                            "focus",
                            &self.errors,
                            lang,
                        );
                    });
                }
                Step::Reflect => {
                    form::grid(ui, "review_reflection", |ui| {
                        form::multiline(
                            ui,
                            Text::Reflection.get(lang),
                            &mut d.reflection,
                            "reflection",
                            &self.errors,
                            lang,
                        );
                    });
                }
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let next = match d.step {
                    Step::Gather => Some(Step::Plan),
                    Step::Plan => Some(Step::Reflect),
                    Step::Reflect => None,
                };
                match next {
                    Some(n) => {
                        if ui.button(Text::NextStep.get(lang)).clicked() {
                            d.step = n;
                        }
                    }
                    None => {
                        if ui.button(Text::SaveReview.get(lang)).clicked() {
                            crate::ui::widgets::keys::saving(ui);
                            let built = d.build(cx.doc.ws(), cx.today);
                            let label =
                                labelled(lang, Text::TabReview.get(lang), week_label(lang, d.week));
                            if super::save_built(
                                cx,
                                built,
                                &label,
                                Text::ReviewSaved.get(lang),
                                &mut self.errors,
                            ) {
                                keep = false;
                            }
                        }
                    }
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    keep = false;
                }
            });
            form::fix_line(ui, &self.errors, lang);
        });
        keep.then_some(d)
    }

    fn past(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        let lang = cx.lang;
        ui.strong(Text::PastReviews.get(lang));
        let mut list: Vec<&WeeklyReview> = cx.doc.ws().me.reviews.iter().collect();
        if list.is_empty() {
            ui.weak(T::NothingYet.get(lang));
            return;
        }
        list.sort_by_key(|r| std::cmp::Reverse(r.week));
        for r in list {
            let open = self.open == Some(r.id);
            if ui
                .selectable_label(open, week_label(lang, r.week))
                .clicked()
            {
                self.open = if open { None } else { Some(r.id) };
            }
            if open {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    for line in figure_lines(lang, &r.figures) {
                        ui.label(line);
                    }
                    if !r.focus.is_empty() {
                        ui.label(labelled(lang, Text::NextFocus.get(lang), &r.focus));
                    }
                    if !r.reflection.is_empty() {
                        ui.label(labelled(lang, Text::Reflection.get(lang), &r.reflection));
                    }
                });
            }
        }
    }
}
