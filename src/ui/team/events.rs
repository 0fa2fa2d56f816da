//! 团队建设: the team-building log on the Team page — date, kind, cost (optionally the
//! budget expense that paid for it), who took part and notes. Each add, edit or delete
//! is one undo step.

use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input};
use crate::ui::me::{Editor, checked, chips, first_field, form_frame, row_buttons, run_form};
use crate::ui::widgets::confirm::{Answer, confirm_delete};
use crate::ui::widgets::form;
use chrono::NaiveDate;

crate::texts! {
    pub enum Text {
        Title => "团队建设", "Team building";
        NewEvent => "新增团队建设", "Add team event";
        EditEvent => "编辑团队建设", "Edit team event";
        EventSaved => "已保存团队建设记录", "Team event saved";
        EventDeleted => "已删除团队建设记录", "Team event deleted";
        Kind => "类型", "Kind";
        Cost => "费用", "Cost";
        Expense => "关联费用", "Budget expense";
        TookPart => "参与成员", "Who took part";
        NoMembers => "还没有团队成员。", "No team members yet.";
        Empty => "还没有团队建设记录。点“新增团队建设”记下第一次活动。", "No team events yet. Use “Add team event” to log the first one.";
        TotalCost => "总费用", "Total cost";
        Linked => "已关联预算", "Booked in the budget";
    }
    fn {
        people(n) => "{n} 人", "{n} people";
        times(n) => "参加 {n} 次", "took part {n}×";
    }
}

/// The form's copy of an event, fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub id: TeamEventId,
    pub date: String,
    pub kind: TeamEventKind,
    pub cost: String,
    pub expense: Option<ExpenseId>,
    pub members: Vec<MemberId>,
    pub notes: String,
}

impl EventDraft {
    pub fn new(today: NaiveDate) -> Self {
        EventDraft {
            id: TeamEventId(0),
            date: today.to_string(),
            kind: TeamEventKind::default(),
            cost: String::new(),
            expense: None,
            members: Vec::new(),
            notes: String::new(),
        }
    }

    pub fn of(e: &TeamEvent) -> Self {
        EventDraft {
            id: e.id,
            date: e.date.to_string(),
            kind: e.kind,
            cost: if e.cost == Money::ZERO {
                String::new()
            } else {
                money_input(e.cost)
            },
            expense: e.expense,
            members: e.members.clone(),
            notes: e.notes.clone(),
        }
    }

    /// The change Save makes, or the problems at their fields. An empty cost is no cost.
    pub fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let cost = if self.cost.trim().is_empty() {
            Some(Money::ZERO)
        } else {
            form::parse_into(&mut e, "cost", parse_money(&self.cost))
        };
        let event = TeamEvent {
            id: self.id,
            date: date.unwrap_or_default(),
            kind: self.kind,
            cost: cost.unwrap_or_default(),
            expense: self.expense,
            members: self.members.clone(),
            notes: self.notes.trim().to_owned(),
        };
        checked(e, Record::TeamEvent(event))
    }
}

#[derive(Default)]
pub struct EventsView {
    form: Option<Editor<EventDraft>>,
    delete: Option<(TeamEventId, String)>,
}

impl EventsView {
    /// Opens an empty form (Ctrl+N and the add button).
    pub fn add(&mut self, today: NaiveDate) {
        self.form = Some(Editor::new(EventDraft::new(today)));
    }

    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.strong(Text::Title.get(lang));
            if ui
                .button(format!("＋ {}", Text::NewEvent.get(lang)))
                .clicked()
            {
                self.add(cx.today);
            }
        });
        self.form_ui(ui, cx);
        self.list(ui, cx);
        self.delete_dialog(ui.ctx(), cx);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &mut self.form else {
            return;
        };
        let ws = cx.doc.ws();
        let people = crate::ui::widgets::form::member_options(ws, |_| true);
        let mut expenses: Vec<&Expense> = ws.budget.expenses.iter().collect();
        expenses.sort_by_key(|x| std::cmp::Reverse((x.date, x.id)));
        let expenses: Vec<(ExpenseId, String)> = expenses
            .into_iter()
            .map(|x| (x.id, expense_name(x)))
            .collect();
        let title = if ed.draft.id.0 == 0 {
            Text::NewEvent
        } else {
            Text::EditEvent
        }
        .get(lang);
        let errors = ed.errors.clone();
        let fresh = std::mem::take(&mut ed.fresh);
        let d = &mut ed.draft;
        let action = egui::ScrollArea::vertical()
            .id_salt("team_event_form_scroll")
            .max_height(ui.available_height() * 0.6)
            .show(ui, |ui| {
                form_frame(ui, "team_event_form", title, &errors, lang, |ui| {
                    let r = form::date(ui, T::Date.get(lang), &mut d.date, "date", &errors, lang);
                    first_field(r, fresh);
                    form::choice(
                        ui,
                        Text::Kind.get(lang),
                        &mut d.kind,
                        &TeamEventKind::ALL,
                        lang,
                    );
                    form::text(ui, Text::Cost.get(lang), &mut d.cost, "cost", &errors, lang);
                    form::pick(
                        ui,
                        Text::Expense.get(lang),
                        &mut d.expense,
                        &expenses,
                        Some(T::None.get(lang)),
                        "expense",
                        &errors,
                        lang,
                    );
                    if people.is_empty() {
                        ui.label(Text::TookPart.get(lang));
                        ui.weak(Text::NoMembers.get(lang));
                        ui.end_row();
                    } else {
                        chips(ui, Text::TookPart.get(lang), &people, &mut d.members);
                    }
                    form::multiline(ui, T::Notes.get(lang), &mut d.notes, "notes", &errors, lang);
                })
            })
            .inner;
        // Picking a budget expense with no cost typed takes the expense's amount.
        if let Some(ed) = &mut self.form
            && ed.draft.cost.trim().is_empty()
            && let Some(x) = ed.draft.expense.and_then(|id| ws.budget.expenses.get(id))
        {
            ed.draft.cost = money_input(x.amount);
        }
        let saved = Text::EventSaved.get(lang);
        run_form(&mut self.form, action, cx, |d, _| d.build(), title, saved);
    }

    fn list(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let mut rows: Vec<&TeamEvent> = ws.team.events.iter().collect();
        if rows.is_empty() {
            ui.add_space(6.0);
            ui.weak(Text::Empty.get(lang));
            return;
        }
        rows.sort_by_key(|e| std::cmp::Reverse((e.date, e.id)));
        let total = rows.iter().fold(Money::ZERO, |a, e| a + e.cost);
        ui.label(crate::ui::me::labelled(
            lang,
            Text::TotalCost.get(lang),
            money(total),
        ));
        let mut edit = None;
        egui::ScrollArea::both()
            .id_salt("team_events_scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                // The Notes column takes the room the Edit and Delete after it leave.
                let buttons = [T::Edit.get(lang), T::Delete.get(lang)];
                let right = ui.max_rect().right()
                    - crate::ui::widgets::deal_filter::buttons_width(ui, &buttons);
                egui::Grid::new("team_events")
                    .striped(true)
                    .num_columns(6)
                    .spacing([14.0, 6.0])
                    .show(ui, |ui| {
                        for h in [
                            T::Date.get(lang),
                            Text::Kind.get(lang),
                            Text::Cost.get(lang),
                            Text::TookPart.get(lang),
                            T::Notes.get(lang),
                            "",
                        ] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for e in rows {
                            ui.label(e.date.to_string());
                            ui.label(e.kind.label(lang));
                            let cost = ui.label(money(e.cost));
                            if let Some(x) = e.expense.and_then(|id| ws.budget.expenses.get(id)) {
                                cost.on_hover_text(format!(
                                    "{}{}{}",
                                    Text::Linked.get(lang),
                                    crate::ui::format::colon(lang),
                                    expense_name(x)
                                ));
                            }
                            // A long list is cut (the whole of it shows on hover).
                            cut_cell(ui, &participants(ws, e, lang), PEOPLE_MAX, false, None)
                                .on_hover_text(Text::people(lang, e.members.len()));
                            // The whole note, every line, on hover.
                            let room = right - ui.cursor().min.x - ui.spacing().item_spacing.x;
                            let notes = room.clamp(NOTES_MIN, NOTES_MAX);
                            cut_cell(ui, first_line(&e.notes), notes, true, Some(&e.notes));
                            let (ed, del) = row_buttons(ui, lang);
                            if ed {
                                edit = Some(EventDraft::of(e));
                            }
                            if del {
                                self.delete =
                                    Some((e.id, format!("{} {}", e.date, e.kind.label(lang))));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some((id, what)) = &self.delete else {
            return;
        };
        let lang = cx.lang;
        let message = format!("{}\n{what}", Text::Title.get(lang));
        match confirm_delete(ctx, "confirm_delete_team_event", &message, lang) {
            Answer::Pending => {}
            Answer::No => self.delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(RecordKey::TeamEvent(*id));
                let label = format!("{} {what}", T::Delete.get(lang));
                let _ = cx.apply_and_report(change, label, Text::EventDeleted.get(lang));
                self.delete = None;
            }
        }
    }
}

/// "2026-05-01 · 酒店 · ¥1,200.00": an expense as the picker and tooltip name it.
fn expense_name(x: &Expense) -> String {
    if x.payee.is_empty() {
        format!("{} · {}", x.date, money(x.amount))
    } else {
        format!("{} · {} · {}", x.date, x.payee, money(x.amount))
    }
}

/// Who took part, by name, as the language runs a list together.
fn participants(ws: &Workspace, e: &TeamEvent, lang: Lang) -> String {
    let names: Vec<&str> = e.members.iter().map(|m| ws.member_name(*m)).collect();
    crate::ui::me::join(lang, &names)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

/// The Notes column's width: at least this (a grid's column shrinks to what a cut
/// label in it took), at most this, in between the room the row leaves.
const NOTES_MIN: f32 = 160.0;
const NOTES_MAX: f32 = 420.0;
/// Who took part is cut past this.
const PEOPLE_MAX: f32 = 220.0;

/// A one-line cell of a grid `width` px wide (`exact`) or at most that, its text cut
/// with "…"; on hover it shows `hover`, or by default the whole text if it was cut.
fn cut_cell(
    ui: &mut egui::Ui,
    text: &str,
    width: f32,
    exact: bool,
    hover: Option<&str>,
) -> egui::Response {
    ui.scope(|ui| {
        if exact {
            ui.set_width(width);
        } else {
            ui.set_max_width(width);
        }
        let r = ui.add(
            egui::Label::new(text)
                .truncate()
                .show_tooltip_when_elided(hover.is_none()),
        );
        match hover {
            Some(h) if !h.is_empty() => r.on_hover_text(h),
            _ => r,
        }
    })
    .inner
}
