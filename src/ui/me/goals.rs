//! 职业规划: career goals aligned with the company's, each with milestones, a target date
//! and progress. A goal linked to a team target takes its progress from the target's
//! attainment.

use super::{Asks, Editor, Text, checked, heading_with_add, labelled};
use crate::analytics::me::goal_progress;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct MilestoneDraft {
    pub title: String,
    pub due: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoalDraft {
    pub id: GoalId,
    pub title: String,
    pub area: GoalArea,
    pub aligned_with: String,
    pub target_date: String,
    pub progress: String,
    pub target: Option<TargetId>,
    pub milestones: Vec<MilestoneDraft>,
    pub notes: String,
}

impl GoalDraft {
    pub fn new() -> Self {
        GoalDraft {
            id: GoalId(0),
            title: String::new(),
            area: GoalArea::Career,
            aligned_with: String::new(),
            target_date: String::new(),
            progress: "0".into(),
            target: None,
            milestones: Vec::new(),
            notes: String::new(),
        }
    }
    pub fn of(g: &CareerGoal) -> Self {
        GoalDraft {
            id: g.id,
            title: g.title.clone(),
            area: g.area,
            aligned_with: g.aligned_with.clone(),
            target_date: crate::ui::format::date(g.target_date),
            progress: g.progress.to_string(),
            target: g.target,
            milestones: g
                .milestones
                .iter()
                .map(|m| MilestoneDraft {
                    title: m.title.clone(),
                    due: crate::ui::format::date(m.due),
                    done: m.done,
                })
                .collect(),
            notes: g.notes.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(
            &mut e,
            "target_date",
            parse_optional_date(&self.target_date),
        );
        let progress = super::parse_number(&mut e, "progress", &self.progress, 0, 100);
        let mut milestones = Vec::new();
        for m in self
            .milestones
            .iter()
            .filter(|m| !m.title.trim().is_empty())
        {
            let due = form::parse_into(&mut e, "milestones", parse_optional_date(&m.due));
            milestones.push(Milestone {
                title: m.title.trim().to_owned(),
                due: due.flatten(),
                done: m.done,
            });
        }
        let g = CareerGoal {
            id: self.id,
            title: self.title.trim().to_owned(),
            area: self.area,
            aligned_with: self.aligned_with.trim().to_owned(),
            target_date: date.flatten(),
            progress: progress as u8,
            notes: self.notes.trim().to_owned(),
            milestones,
            target: self.target,
        };
        checked(e, Record::CareerGoal(g))
    }
}

impl Default for GoalDraft {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Default)]
pub struct GoalsState {
    pub form: Option<Editor<GoalDraft>>,
}

/// A target as a choice: "团队 · 2026-01-01 – 2026-12-31 · ¥1,000,000.00".
fn target_name(ws: &Workspace, lang: Lang, t: &Target) -> String {
    let who = match t.member {
        Some(m) => ws.member_name(m).to_owned(),
        None => Text::WholeTeam.get(lang).to_owned(),
    };
    format!(
        "{who} · {} – {} · {}",
        t.period.start,
        t.period.end,
        crate::ui::format::money(t.amount)
    )
}

impl GoalsState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::TabGoals.get(lang), Text::NewGoal.get(lang)) {
            self.form = Some(Editor::new(GoalDraft::new()));
        }
        self.form_ui(ui, cx);
        if cx.doc.ws().me.goals.is_empty() {
            ui.weak(T::NothingYet.get(lang));
            return;
        }
        let mut edit = None;
        let mut toggle: Option<(GoalId, usize)> = None;
        // A linked goal's progress runs over the deals: once per change, not per frame.
        let ws = &cx.doc.ws();
        let progress = cx
            .cache
            .get_or_compute(cx.doc.revision(), "me_goal_progress", (), || {
                std::sync::Arc::new(
                    ws.me
                        .goals
                        .iter()
                        .map(|g| (g.id, goal_progress(ws, g)))
                        .collect::<std::collections::HashMap<GoalId, (u8, bool)>>(),
                )
            })
            .clone();
        for area in GoalArea::ALL {
            let goals: Vec<&CareerGoal> = ws.me.goals.iter().filter(|g| g.area == area).collect();
            if goals.is_empty() {
                continue;
            }
            ui.add_space(4.0);
            ui.strong(area.label(lang));
            for g in goals {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        ui.strong(g.title.as_str());
                        if let Some(d) = g.target_date {
                            ui.weak(labelled(lang, Text::TargetDate.get(lang), d));
                        }
                        super::row_actions(
                            ui,
                            lang,
                            &mut edit,
                            || GoalDraft::of(g),
                            asks,
                            RecordKey::CareerGoal(g.id),
                            || g.title.clone(),
                        );
                    });
                    if !g.aligned_with.is_empty() {
                        ui.label(labelled(lang, Text::AlignedWith.get(lang), &g.aligned_with));
                    }
                    let (pct, from_target) =
                        progress.get(&g.id).copied().unwrap_or((g.progress, false));
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::ProgressBar::new(f32::from(pct) / 100.0)
                                .desired_width(220.0)
                                .text(format!("{pct}%")),
                        );
                        if from_target
                            && let Some(t) = g.target.and_then(|t| ws.performance.targets.get(t))
                        {
                            ui.weak(labelled(
                                lang,
                                Text::FromTarget.get(lang),
                                target_name(ws, lang, t),
                            ));
                        }
                    });
                    for (i, m) in g.milestones.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let mut done = m.done;
                            if ui.checkbox(&mut done, m.title.as_str()).changed() {
                                toggle = Some((g.id, i));
                            }
                            if let Some(d) = m.due {
                                ui.weak(d.to_string());
                            }
                        });
                    }
                });
            }
        }
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
        if let Some((id, i)) = toggle
            && let Some(mut g) = cx.doc.ws().me.goals.get(id).cloned()
        {
            g.milestones[i].done = !g.milestones[i].done;
            let label = labelled(lang, Text::Milestone.get(lang), &g.milestones[i].title);
            let done = if g.milestones[i].done {
                Text::MilestoneDone
            } else {
                Text::Reopened
            };
            let _ = cx.apply_and_report(Change::put(Record::CareerGoal(g)), label, done.get(lang));
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.form.is_none() {
            return;
        }
        let ws = &cx.doc.ws();
        let mut targets: Vec<(&Target, TargetId)> =
            ws.performance.targets.iter().map(|t| (t, t.id)).collect();
        targets.sort_by_key(|(t, _)| (std::cmp::Reverse(t.period.start), t.member));
        let targets: Vec<(TargetId, String)> = targets
            .into_iter()
            .map(|(t, id)| (id, target_name(ws, lang, t)))
            .collect();
        let words = super::FormWords {
            id: "goal_form",
            new: Text::NewGoal,
            edit: Text::EditGoal,
            saved: Text::GoalSaved,
        };
        super::edit_form(ui, cx, &mut self.form, words, |ui, d, f, fresh| {
            let r = f.text(ui, Text::Title.get(lang), &mut d.title, "title");
            super::first_field(r, fresh);
            form::choice(ui, Text::Area.get(lang), &mut d.area, &GoalArea::ALL, lang);
            f.text(
                ui,
                Text::AlignedWith.get(lang),
                &mut d.aligned_with,
                "aligned_with",
            );
            f.date(
                ui,
                Text::TargetDate.get(lang),
                &mut d.target_date,
                "target_date",
            );
            f.pick(
                ui,
                Text::LinkedTarget.get(lang),
                &mut d.target,
                &targets,
                "target",
            );
            if d.target.is_none() {
                f.text(ui, Text::ProgressPct.get(lang), &mut d.progress, "progress");
            }
            ui.label(Text::Milestones.get(lang));
            ui.vertical(|ui| {
                let mut remove = None;
                for (i, m) in d.milestones.iter_mut().enumerate() {
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut m.done, "");
                        ui.add(
                            egui::TextEdit::singleline(&mut m.title)
                                .desired_width(170.0)
                                .hint_text(Text::Milestone.get(lang)),
                        );
                        ui.add(
                            egui::TextEdit::singleline(&mut m.due)
                                .desired_width(crate::ui::widgets::date::field_width(ui))
                                .hint_text(crate::ui::widgets::date::HINT),
                        );
                        if ui
                            .small_button("×")
                            .on_hover_text(T::Delete.get(lang))
                            .clicked()
                        {
                            remove = Some(i);
                        }
                    });
                }
                if let Some(i) = remove {
                    d.milestones.remove(i);
                }
                if ui
                    .small_button(format!("＋ {}", Text::Milestone.get(lang)))
                    .clicked()
                {
                    d.milestones.push(MilestoneDraft {
                        title: String::new(),
                        due: String::new(),
                        done: false,
                    });
                }
                let msg = form::message(ui, "milestones", &d.milestones, f.errors);
                form::error_line(ui, lang, msg);
            });
            ui.end_row();
            f.multiline(ui, Text::Notes.get(lang), &mut d.notes, "notes");
        });
    }
}

impl super::Draft for GoalDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: chrono::NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
