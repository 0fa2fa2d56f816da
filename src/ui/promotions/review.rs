//! 总结评估: actual against goals, cost against budget (from linked expenses),
//! attributed deals and revenue, ROI, cost per lead, and the lessons.

use super::{Text, save_event};
use crate::analytics::promotions::GoalActual;
use crate::i18n::Lang;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, paren, percent};

#[derive(Default)]
pub struct ReviewState {
    /// The lessons being written, for the event they belong to.
    lessons: Option<(PromotionId, String)>,
}

impl ReviewState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
        let lang = cx.lang;
        let Some(f) = super::event_figures(cx)
            .iter()
            .find(|f| f.id == p.id)
            .cloned()
        else {
            return;
        };
        if !matches!(p.status, PromotionStatus::Done | PromotionStatus::Reviewed) {
            ui.weak(Text::ReviewNotYet.get(lang));
        }
        egui::Grid::new("promotion_review_goals")
            .num_columns(4)
            .striped(true)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for h in [Text::Goal, Text::Actual, Text::Reached] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                let count = |n: i64| n.to_string();
                let cash = |n: i64| money(Money(n));
                goal_row(ui, lang, Text::Leads, f.leads, count);
                goal_row(ui, lang, Text::WonDeals, f.deals, count);
                goal_row(ui, lang, Text::Revenue, f.revenue, cash);
            });
        ui.add_space(8.0);
        egui::Grid::new("promotion_review_cost")
            .num_columns(2)
            .striped(true)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                let variance = match f.budget_variance_pct() {
                    Some(pct) => format!(
                        "{}{}",
                        money(f.budget_variance()),
                        paren(lang, &percent(Some(pct)))
                    ),
                    None => money(f.budget_variance()),
                };
                for (label, value) in [
                    (Text::BudgetShown, money(f.budget)),
                    (Text::Cost, money(f.cost())),
                    (Text::Variance, variance),
                    (Text::Roi, percent(f.roi())),
                    (
                        Text::CostPerLead,
                        f.lead_cost().map_or_else(|| "—".into(), money),
                    ),
                ] {
                    ui.label(label.get(lang));
                    ui.strong(value);
                    ui.end_row();
                }
            });
        ui.weak(Text::RoiHow.get(lang));
        ui.add_space(8.0);
        self.lessons(ui, cx, p);
    }

    fn lessons(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
        let lang = cx.lang;
        if self.lessons.as_ref().is_none_or(|(id, _)| *id != p.id) {
            self.lessons = Some((p.id, p.review.clone()));
        }
        let Some((_, text)) = &mut self.lessons else {
            return;
        };
        let l = ui.label(Text::Lessons.get(lang));
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_width(480.0)
                .desired_rows(4),
        )
        .labelled_by(l.id);
        let changed = text.trim_end() != p.review;
        if ui
            .add_enabled(changed, egui::Button::new(Text::SaveLessons.get(lang)))
            .clicked()
        {
            let q = Promotion {
                review: text.trim_end().to_owned(),
                ..p.clone()
            };
            let label = format!("{} {}", Text::SaveLessons.get(lang), p.name);
            save_event(cx, q, label, Text::LessonsSaved);
        }
    }
}

fn goal_row(
    ui: &mut egui::Ui,
    lang: Lang,
    label: Text,
    g: GoalActual,
    show: impl Fn(i64) -> String,
) {
    ui.label(label.get(lang));
    ui.label(if g.goal == 0 {
        "—".to_owned()
    } else {
        show(g.goal)
    });
    ui.strong(show(g.actual));
    ui.label(percent(g.reached()));
    ui.end_row();
}
