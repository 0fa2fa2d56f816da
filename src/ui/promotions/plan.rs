//! An event's plan: target group, theme, goals, budget, schedule, publicity channels,
//! then its steps, each with an owner and a due date, ticked off as they are done.

use super::{Text, labelled, save_event};
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;
use crate::ui::me::join;
use crate::ui::widgets::form;

pub struct PlanState {
    text: String,
    owner: Option<MemberId>,
    due: String,
    errors: Errors,
    /// The step the form edits (`None`: the form adds one), of the event it belongs to.
    editing: Option<(PromotionId, usize)>,
}

impl Default for PlanState {
    fn default() -> Self {
        PlanState {
            text: String::new(),
            owner: None,
            due: String::new(),
            errors: Errors::new(),
            editing: None,
        }
    }
}

impl PlanState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
        let lang = cx.lang;
        summary(ui, cx, p);
        ui.add_space(8.0);
        ui.strong(Text::Steps.get(lang));
        if p.steps.is_empty() {
            ui.label(Text::NoSteps.get(lang));
        }
        let mut changed: Option<(Promotion, Text)> = None;
        let today = cx.today;
        let ws = cx.doc.ws();
        if self
            .editing
            .is_some_and(|(id, i)| id != p.id || i >= p.steps.len())
        {
            *self = PlanState::default();
        }
        let mut edit = None;
        egui::Grid::new("promotion_steps")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for (i, s) in p.steps.iter().enumerate() {
                    let mut done = s.done;
                    if ui.checkbox(&mut done, &s.text).changed() {
                        let mut q = p.clone();
                        q.steps[i].done = done;
                        changed = Some((q, Text::StepDone));
                    }
                    ui.label(
                        s.owner
                            .map_or(Text::NoOwner.get(lang), |m| ws.member_name(m)),
                    );
                    let late = !s.done && s.due.is_some_and(|d| d < today);
                    let due = crate::ui::format::date(s.due);
                    if late {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("{due} {}", Text::Overdue.get(lang)),
                        );
                    } else {
                        ui.label(due);
                    }
                    if ui.small_button(Text::ChangeStep.get(lang)).clicked() {
                        edit = Some(i);
                    }
                    if ui.small_button(Text::Remove.get(lang)).clicked() {
                        let mut q = p.clone();
                        q.steps.remove(i);
                        changed = Some((q, Text::Remove));
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = edit {
            let s = &p.steps[i];
            *self = PlanState {
                text: s.text.clone(),
                owner: s.owner,
                due: crate::ui::format::date(s.due),
                errors: Errors::new(),
                editing: Some((p.id, i)),
            };
        }
        if let Some(q) = self.add_form(ui, cx, p) {
            changed = Some((q, Text::StepsAdded));
        }
        if !p.execution_plan.trim().is_empty() {
            let from_text = p.steps_from_plan_text();
            if !from_text.is_empty() && ui.button(Text::StepsFromText.get(lang)).clicked() {
                let mut q = p.clone();
                q.steps.extend(from_text);
                changed = Some((q, Text::StepsAdded));
            }
        }
        if let Some((q, what)) = changed {
            let label = format!("{} {}", what.get(lang), p.name);
            save_event(cx, q, label, what);
        }
    }

    /// The row that adds a step; the event with the step when it was added.
    fn add_form(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) -> Option<Promotion> {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let members = crate::ui::widgets::form::member_options(ws, |m| m.active);
        let errors = self.errors.clone();
        let mut add = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            form::grid(ui, "promotion_step_form", |ui| {
                let r = form::text(
                    ui,
                    Text::Step.get(lang),
                    &mut self.text,
                    "steps",
                    &errors,
                    lang,
                );
                add |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                form::pick(
                    ui,
                    Text::Owner.get(lang),
                    &mut self.owner,
                    &members,
                    Some(Text::NoOwner.get(lang)),
                    "owner",
                    &errors,
                    lang,
                );
                form::date(ui, Text::Due.get(lang), &mut self.due, "due", &errors, lang);
            });
            ui.horizontal(|ui| {
                let word = match self.editing {
                    Some(_) => Text::SaveStep,
                    None => Text::AddStep,
                };
                add |= ui.button(word.get(lang)).clicked();
                if self.editing.is_some() && ui.button(crate::i18n::T::Cancel.get(lang)).clicked() {
                    *self = PlanState::default();
                }
            });
        });
        if !add {
            return None;
        }
        let mut e = Errors::new();
        let due = form::parse_into(&mut e, "due", parse_optional_date(&self.due)).flatten();
        let mut q = p.clone();
        let step = PlanStep {
            text: self.text.trim().to_owned(),
            owner: self.owner,
            due,
            done: false,
        };
        match self.editing {
            Some((_, i)) => {
                q.steps[i] = PlanStep {
                    done: p.steps[i].done,
                    ..step
                }
            }
            None => q.steps.push(step),
        }
        for fe in q.validate().0 {
            e.add(fe.field, fe.problem);
        }
        if !e.is_empty() {
            self.errors = e;
            return None;
        }
        *self = PlanState {
            owner: self.owner,
            ..Default::default()
        };
        Some(q)
    }
}

/// The plan at a glance: who it is for, what it aims at, its budget and schedule.
fn summary(ui: &mut egui::Ui, cx: &Cx, p: &Promotion) {
    let lang = cx.lang;
    let ws = cx.doc.ws();
    let audience = p
        .audience
        .map_or(Text::AudienceUnset.get(lang), |a| a.label(lang));
    let segment = p
        .segment
        .and_then(|s| ws.marketing.segments.get(s))
        .map_or(Text::AllSegments.get(lang), |s| s.name.as_str());
    let products = if p.products.is_empty() {
        Text::AllProducts.get(lang).to_owned()
    } else {
        join(lang, &p.products)
    };
    let channels: Vec<&str> = p
        .channels
        .iter()
        .filter_map(|c| ws.marketing.channels.get(*c))
        .map(|c| c.name.as_str())
        .collect();
    let staff: Vec<&str> = p.staff.iter().map(|m| ws.member_name(*m)).collect();
    let lines = [
        labelled(
            lang,
            Text::Audience,
            format!("{audience} · {segment} · {products}"),
        ),
        labelled(lang, Text::Theme, &p.theme),
        labelled(
            lang,
            Text::Goal,
            format!(
                "{} {} · {} {} · {} {}",
                Text::Leads.get(lang),
                p.leads_goal,
                Text::WonDeals.get(lang),
                p.deals_goal,
                Text::Revenue.get(lang),
                money(p.revenue_goal)
            ),
        ),
        labelled(lang, Text::BudgetShown, money(p.budget)),
        labelled(lang, Text::Dates, format!("{} – {}", p.start, p.end)),
        labelled(lang, Text::Venue, &p.venue),
        labelled(lang, Text::Staff, join(lang, &staff)),
        labelled(lang, Text::Channels, join(lang, &channels)),
    ];
    for l in lines {
        ui.label(l);
    }
    for (label, notes) in [
        (Text::TargetNotes, &p.target_group),
        (Text::GoalNotes, &p.goal),
        (Text::PlanNotes, &p.execution_plan),
    ] {
        if !notes.trim().is_empty() {
            ui.weak(labelled(lang, label, notes));
        }
    }
}
