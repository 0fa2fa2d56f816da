//! The Promotions page (促销活动): events of four kinds and eight sub-kinds, each from
//! plan to review. The list groups events by kind; an event's page holds its plan and
//! steps, its execution checklist, the expenses and deals linked to it, the feedback
//! collected at it and its review (cost against budget, attributed revenue, ROI, cost
//! per lead, lessons); a sortable table compares events. Figures come from
//! [`crate::analytics::promotions`]; every change goes through `Cx::apply`.

mod checklist;
mod compare;
mod editor;
mod links;
mod list;
mod plan;
mod review;
mod text;

use super::Cx;
use crate::analytics::promotions::StepDue;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Route;
use crate::ui::format::{colon, overdue_days};
use crate::ui::me::Editor;
use crate::ui::widgets::confirm::{Answer, confirm_delete};
pub use text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Events,
    Compare,
}

/// The parts of one event's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Plan,
    Checklist,
    Links,
    Feedback,
    Review,
}

#[derive(Default)]
pub struct PromotionsPage {
    pub tab: Tab,
    /// The event whose page is open.
    pub selected: Option<PromotionId>,
    pub section: Section,
    form: Option<Editor<editor::EventDraft>>,
    plan: plan::PlanState,
    checklist: checklist::ChecklistState,
    links: links::LinksState,
    review: review::ReviewState,
    compare: compare::CompareState,
    delete: Option<(PromotionId, String)>,
}

impl PromotionsPage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.heading(T::Promotions.get(lang));
            ui.add_space(12.0);
            ui.selectable_value(&mut self.tab, Tab::Events, Text::TabEvents.get(lang));
            ui.selectable_value(&mut self.tab, Tab::Compare, Text::TabCompare.get(lang));
        });
        ui.separator();
        egui::ScrollArea::both()
            .id_salt(("promotions_tab", self.tab as u8))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 12.0);
                match self.tab {
                    Tab::Compare => {
                        if let Some(id) = self.compare.show(ui, cx) {
                            self.open(id);
                        }
                    }
                    Tab::Events if self.form.is_some() => {
                        if let Some(id) = editor::show(ui, cx, &mut self.form) {
                            self.open(id);
                        }
                    }
                    Tab::Events => match self
                        .selected
                        .filter(|id| cx.doc.ws().promotions.promotions.contains(*id))
                    {
                        Some(id) => self.event_page(ui, cx, id),
                        None => {
                            if let Some(ask) = list::show(ui, cx) {
                                match ask {
                                    list::Ask::Open(id) => self.open(id),
                                    list::Ask::New => self.new_event(cx.today),
                                }
                            }
                        }
                    },
                }
            });
        self.delete_dialog(ui.ctx(), cx);
    }

    fn open(&mut self, id: PromotionId) {
        self.tab = Tab::Events;
        if self.selected != Some(id) {
            self.section = Section::Plan;
            self.links = Default::default();
        }
        self.selected = Some(id);
    }

    fn new_event(&mut self, today: chrono::NaiveDate) {
        self.tab = Tab::Events;
        self.form = Some(Editor::new(editor::EventDraft::new(today)));
    }

    /// One event: its heading, status moves and actions, then the chosen part.
    fn event_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx, id: PromotionId) {
        let lang = cx.lang;
        let Some(p) = cx.doc.ws().promotions.promotions.get(id).cloned() else {
            return;
        };
        if ui.button(Text::AllEvents.get(lang)).clicked() {
            self.selected = None;
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.heading(&p.name);
            ui.label(format!(
                "{} · {} · {}",
                p.kind.group().label(lang),
                p.kind.label(lang),
                p.status.label(lang)
            ));
        });
        ui.horizontal_wrapped(|ui| {
            for to in p.status.next() {
                if ui.button(move_word(to).get(lang)).clicked() {
                    let moved = Promotion {
                        status: to,
                        ..p.clone()
                    };
                    let label = format!("{} {}", move_word(to).get(lang), p.name);
                    let _ = cx.apply_and_report(
                        Change::put(Record::Promotion(moved)),
                        label,
                        Text::StatusChanged.get(lang),
                    );
                }
            }
            ui.separator();
            if ui.button(Text::Edit.get(lang)).clicked() {
                self.form = Some(Editor::new(editor::EventDraft::of(&p)));
            }
            if ui.button(Text::CopyEvent.get(lang)).clicked() {
                let copy = p.copy_as_draft(cx.today.max(p.end + chrono::Duration::days(1)));
                self.form = Some(Editor::new(editor::EventDraft::of(&copy)));
                cx.toasts.info(Text::Copied.get(lang));
            }
            if ui.button(Text::DeleteEvent.get(lang)).clicked() {
                if cx.doc.ws().blockers(RecordKey::Promotion(id)) > 0 {
                    cx.toasts.error(Text::Blocked.get(lang));
                } else {
                    self.delete = Some((id, p.name.clone()));
                }
            }
        });
        ui.horizontal(|ui| {
            for (s, t) in [
                (Section::Plan, Text::SecPlan),
                (Section::Checklist, Text::SecChecklist),
                (Section::Links, Text::SecLinks),
                (Section::Feedback, Text::SecFeedback),
                (Section::Review, Text::SecReview),
            ] {
                ui.selectable_value(&mut self.section, s, t.get(lang));
            }
        });
        ui.separator();
        match self.section {
            Section::Plan => self.plan.show(ui, cx, &p),
            Section::Checklist => self.checklist.show(ui, cx, &p),
            Section::Links => self.links.show(ui, cx, &p),
            Section::Feedback => links::feedback(ui, cx, &p),
            Section::Review => self.review.show(ui, cx, &p),
        }
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some((id, what)) = &self.delete else {
            return;
        };
        let lang = cx.lang;
        match confirm_delete(ctx, "promotion_confirm_delete", what, lang) {
            Answer::Pending => {}
            Answer::No => self.delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(RecordKey::Promotion(*id));
                let label = format!("{} {what}", T::Delete.get(lang));
                if cx
                    .apply_and_report(change, label, Text::Deleted.get(lang))
                    .is_ok()
                {
                    self.selected = None;
                }
                self.delete = None;
            }
        }
    }
}

/// Every event's figures, kept by revision: a pass over every deal and expense, which
/// the comparison table and an event's review would otherwise make each frame.
fn event_figures<'c>(cx: &'c mut Cx) -> &'c [crate::analytics::promotions::EventFigures] {
    cx.cache
        .get_or_compute(cx.doc.revision(), "event_figures", (), || {
            crate::analytics::promotions::event_figures(cx.doc.ws())
        })
}

/// The button that moves an event to `to`.
fn move_word(to: PromotionStatus) -> Text {
    match to {
        PromotionStatus::Draft | PromotionStatus::Planned => Text::ToPlanned,
        PromotionStatus::Running => Text::ToRunning,
        PromotionStatus::Done => Text::ToDone,
        PromotionStatus::Reviewed => Text::ToReviewed,
        PromotionStatus::Cancelled => Text::ToCancelled,
    }
}

/// Saves an edited event (one undo step named `label`) and says `done`.
fn save_event(cx: &mut Cx, p: Promotion, label: String, done: Text) {
    let done = done.get(cx.lang);
    let _ = cx.apply_and_report(Change::put(Record::Promotion(p)), label, done);
}

/// "label：value" / "label: value".
fn labelled(lang: Lang, label: Text, value: impl std::fmt::Display) -> String {
    format!("{}{}{value}", label.get(lang), colon(lang))
}

/// One plan step among the Dashboard's follow-ups: the event and step, how late, who
/// owns it. Returns where to go when it is clicked.
pub fn step_due_row(ui: &mut egui::Ui, lang: Lang, ws: &Workspace, s: &StepDue) -> Option<Route> {
    let event = ws
        .promotions
        .promotions
        .get(s.promotion)
        .map_or("—", |p| p.name.as_str());
    let when = if s.days_overdue <= 0 {
        crate::ui::dashboard::Text::DueToday.get(lang).to_owned()
    } else {
        overdue_days(lang, s.days_overdue)
    };
    let text = egui::RichText::new(format!("{event}{}{} · {when}", colon(lang), s.text));
    let text = if s.days_overdue > 0 {
        text.color(ui.visuals().error_fg_color)
    } else {
        text
    };
    let clicked = ui.link(text).clicked();
    let owner = s.owner.map_or("", |m| ws.member_name(m));
    ui.weak(format!("{} {owner}", Text::FollowUpStep.get(lang)));
    clicked.then(|| Route::record(RecordKey::Promotion(s.promotion)))
}

/// The customer interaction and feedback forms' row that links the entry to the event it
/// was collected at (events not cancelled, and the one already chosen).
pub fn event_picker(
    ui: &mut egui::Ui,
    lang: Lang,
    ws: &Workspace,
    value: &mut Option<PromotionId>,
) {
    let events: Vec<(PromotionId, String)> = ws
        .promotions
        .promotions
        .iter()
        .filter(|p| p.status != PromotionStatus::Cancelled || Some(p.id) == *value)
        .map(|p| (p.id, p.name.clone()))
        .collect();
    crate::ui::widgets::form::pick(
        ui,
        Text::EventLink.get(lang),
        value,
        &events,
        Some(T::None.get(lang)),
        "promotion",
        &Errors::new(),
        lang,
    );
}

impl crate::ui::PageView for PromotionsPage {
    const TITLE: T = T::Promotions;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.show_page(ui, cx)
    }
    fn focus(&mut self, route: &Route, _ws: &Workspace) -> bool {
        match route.record {
            Some(RecordKey::Promotion(id)) => {
                self.open(id);
                true
            }
            None => true,
            _ => false,
        }
    }
    fn new_record(&mut self, cx: &mut Cx) {
        self.new_event(cx.today);
    }
}
