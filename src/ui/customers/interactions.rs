//! The interaction timeline (客户互动): calls, visits, emails and meetings, newest first,
//! each with its note, outcome and next follow-up; a form to log one; follow-ups marked
//! done. A follow-up due today or earlier is what the Dashboard lists
//! ([`crate::analytics::follow_ups_due`] reads the same records).

use super::words::{RText, colon};
use crate::analytics::relationship::Relationship;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::confirm::{Answer, confirm_delete};
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct InteractionDraft {
    /// 0 for a new interaction.
    pub id: InteractionId,
    pub kind: InteractionKind,
    pub date: String,
    pub contact: Option<ContactId>,
    pub member: Option<MemberId>,
    pub note: String,
    pub outcome: String,
    pub follow_up: String,
    pub follow_up_done: bool,
    /// The promotion event it was part of.
    pub promotion: Option<PromotionId>,
}

impl InteractionDraft {
    /// A new call today, by the customer's owner with its primary contact.
    pub fn new(ws: &Workspace, customer: CustomerId, today: NaiveDate) -> Self {
        InteractionDraft {
            id: InteractionId(0),
            kind: InteractionKind::Call,
            date: today.to_string(),
            contact: ws
                .customers
                .contacts
                .iter()
                .filter(|k| k.customer == customer)
                .max_by_key(|k| k.primary)
                .map(|k| k.id),
            member: ws.customers.customers.get(customer).and_then(|c| c.owner),
            note: String::new(),
            outcome: String::new(),
            follow_up: String::new(),
            follow_up_done: false,
            promotion: None,
        }
    }

    pub fn from_interaction(i: &Interaction) -> Self {
        InteractionDraft {
            id: i.id,
            kind: i.kind,
            date: i.date.to_string(),
            contact: i.contact,
            member: i.member,
            note: i.note.clone(),
            outcome: i.outcome.clone(),
            follow_up: crate::ui::format::date(i.follow_up),
            follow_up_done: i.follow_up_done,
            promotion: i.promotion,
        }
    }

    pub fn build(&self, customer: CustomerId) -> Result<Interaction, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let follow_up = form::parse_into(&mut e, "follow_up", parse_optional_date(&self.follow_up));
        if self.note.trim().is_empty() {
            e.add("note", Problem::Required);
        }
        let i = Interaction {
            id: self.id,
            customer,
            contact: self.contact,
            member: self.member,
            kind: self.kind,
            date: date.unwrap_or_default(),
            note: self.note.trim().to_owned(),
            outcome: self.outcome.trim().to_owned(),
            follow_up: follow_up.flatten(),
            follow_up_done: self.follow_up_done,
            promotion: self.promotion,
        };
        if date.is_some() {
            for fe in i.validate().0 {
                e.add(fe.field, fe.problem);
            }
        }
        e.into_result().map(|_| i)
    }
}

#[derive(Default)]
pub struct InteractionsState {
    pub form: Option<(InteractionDraft, Errors)>,
    confirm_delete: Option<InteractionId>,
}

/// "今天到期" / "逾期 3 天" / "待跟进" / "已完成".
pub fn follow_up_state(i: &Interaction, today: NaiveDate, lang: Lang) -> Option<(String, bool)> {
    let due = i.follow_up?;
    if i.follow_up_done {
        return Some((RText::Done.get(lang).to_owned(), false));
    }
    let late = days_between(due, today);
    Some(match late {
        0 => (RText::DueToday.get(lang).to_owned(), true),
        n if n > 0 => (crate::ui::format::overdue_days(lang, n), true),
        _ => (RText::Upcoming.get(lang).to_owned(), false),
    })
}

pub fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    customer: CustomerId,
    rel: &Relationship,
    st: &mut InteractionsState,
) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        if ui
            .button(format!("＋ {}", RText::LogInteraction.get(lang)))
            .clicked()
        {
            st.form = Some((
                InteractionDraft::new(cx.doc.ws(), customer, cx.today),
                Errors::new(),
            ));
        }
        ui.weak(RText::TimelineHint.get(lang));
    });
    let mut close_form = false;
    if let Some((draft, errors)) = &mut st.form {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            if edit_form(ui, cx, customer, draft, errors) {
                close_form = true;
            }
        });
    }
    if close_form {
        st.form = None;
    }
    ui.add_space(4.0);
    if rel.timeline.is_empty() {
        ui.weak(T::NothingYet.get(lang));
        return;
    }
    let mut edit = None;
    let mut delete = None;
    let mut mark_done = None;
    crate::ui::widgets::side::record_scroll(ui, "customer_timeline", customer).show(ui, |ui| {
        let ws = &cx.doc.ws();
        for id in &rel.timeline {
            let Some(i) = ws.customers.interactions.get(*id) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let contact = i
                    .contact
                    .and_then(|k| ws.customers.contacts.get(k))
                    .map(|k| k.name.as_str());
                let mut head = format!("{} · {}", i.date, i.kind.label(lang));
                if let Some(k) = contact {
                    head = format!("{head} · {k}");
                }
                if let Some(m) = i.member {
                    head = format!("{head} · {}", ws.member_name(m));
                }
                ui.strong(head);
                if !i.note.is_empty() {
                    ui.add(egui::Label::new(&i.note).wrap());
                }
                if !i.outcome.is_empty() {
                    ui.add(
                        egui::Label::new(format!(
                            "{}{}{}",
                            RText::Outcome.get(lang),
                            colon(lang),
                            i.outcome
                        ))
                        .wrap(),
                    );
                }
                ui.horizontal(|ui| {
                    if let (Some(due), Some((state, urgent))) =
                        (i.follow_up, follow_up_state(i, cx.today, lang))
                    {
                        let text = match lang {
                            Lang::Zh => {
                                format!("{} {due}（{state}）", RText::FollowUp.get(lang))
                            }
                            Lang::En => {
                                format!("{} {due} ({state})", RText::FollowUp.get(lang))
                            }
                        };
                        if urgent {
                            ui.colored_label(ui.visuals().warn_fg_color, text);
                        } else {
                            ui.label(text);
                        }
                        if !i.follow_up_done && ui.small_button(RText::MarkDone.get(lang)).clicked()
                        {
                            mark_done = Some(i.id);
                        }
                    }
                    if ui.small_button(T::Edit.get(lang)).clicked() {
                        edit = Some(InteractionDraft::from_interaction(i));
                    }
                    if ui.small_button(T::Delete.get(lang)).clicked() {
                        delete = Some(i.id);
                    }
                });
            });
        }
    });
    if let Some(d) = edit {
        st.form = Some((d, Errors::new()));
    }
    if delete.is_some() {
        st.confirm_delete = delete;
    }
    if let Some(id) = mark_done
        && let Some(i) = cx.doc.ws().customers.interactions.get(id)
    {
        let mut done = i.clone();
        done.follow_up_done = true;
        let label = format!(
            "{} {}",
            RText::FollowUpDone.get(lang),
            cx.doc.ws().customer_name(customer)
        );
        let _ = cx.apply_and_report(Change::put(Record::Interaction(done)), label.clone(), label);
    }
    delete_dialog(ui.ctx(), cx, st);
}

/// The log / edit form; returns true when it should close.
fn edit_form(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    customer: CustomerId,
    draft: &mut InteractionDraft,
    errors: &mut Errors,
) -> bool {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let contacts: Vec<(ContactId, String)> = ws
        .customers
        .contacts
        .iter()
        .filter(|k| k.customer == customer)
        .map(|k| (k.id, k.name.clone()))
        .collect();
    let members =
        crate::ui::widgets::form::member_options(ws, |m| m.active || Some(m.id) == draft.member);
    ui.strong(if draft.id.0 == 0 {
        RText::LogInteraction.get(lang)
    } else {
        RText::EditInteraction.get(lang)
    });
    let none = T::None.get(lang);
    form::grid(ui, "interaction_form", |ui| {
        form::choice(
            ui,
            RText::Kind.get(lang),
            &mut draft.kind,
            &InteractionKind::ALL,
            lang,
        );
        form::date(ui, T::Date.get(lang), &mut draft.date, "date", errors, lang);
        form::pick(
            ui,
            RText::Contact.get(lang),
            &mut draft.contact,
            &contacts,
            Some(none),
            "contact",
            errors,
            lang,
        );
        form::pick(
            ui,
            RText::Member.get(lang),
            &mut draft.member,
            &members,
            Some(none),
            "member",
            errors,
            lang,
        );
        crate::ui::promotions::event_picker(ui, lang, ws, &mut draft.promotion);
        form::multiline(
            ui,
            RText::Note.get(lang),
            &mut draft.note,
            "note",
            errors,
            lang,
        );
        form::text(
            ui,
            RText::Outcome.get(lang),
            &mut draft.outcome,
            "outcome",
            errors,
            lang,
        );
        form::date(
            ui,
            RText::FollowUp.get(lang),
            &mut draft.follow_up,
            "follow_up",
            errors,
            lang,
        );
        if draft.id.0 != 0 && !draft.follow_up.trim().is_empty() {
            form::checkbox(ui, RText::FollowUpDone.get(lang), &mut draft.follow_up_done);
        }
    });
    let mut close = false;
    ui.horizontal(|ui| {
        if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
            let is_new = draft.id.0 == 0;
            let result = draft.build(customer).and_then(|i| {
                let verb = if is_new {
                    RText::LogInteraction
                } else {
                    RText::EditInteraction
                };
                let label = format!("{} {}", verb.get(lang), cx.doc.ws().customer_name(customer));
                // Also the customer's open deals' last activity (one undo).
                let change = cx.doc.ws().log_interaction(i, cx.today);
                cx.apply(change, label)
            });
            match result {
                Ok(_) => {
                    cx.toasts.info(if is_new {
                        RText::InteractionLogged.get(lang)
                    } else {
                        RText::InteractionSaved.get(lang)
                    });
                    close = true;
                }
                Err(e) => *errors = e,
            }
        }
        if crate::ui::widgets::keys::cancel_button(ui, T::Cancel.get(lang)) {
            close = true;
        }
    });
    close
}

fn delete_dialog(ctx: &egui::Context, cx: &mut Cx, st: &mut InteractionsState) {
    let Some(id) = st.confirm_delete else {
        return;
    };
    let lang = cx.lang;
    let Some(i) = cx.doc.ws().customers.interactions.get(id) else {
        st.confirm_delete = None;
        return;
    };
    let what = format!("{} · {}", i.date, i.kind.label(lang));
    match confirm_delete(
        ctx,
        "confirm_delete_interaction",
        &format!("{}\n{what}", RText::DeleteInteractionQ.get(lang)),
        lang,
    ) {
        Answer::Pending => {}
        Answer::No => st.confirm_delete = None,
        Answer::Yes => {
            let _ = cx.apply_and_report(
                Change::Remove(RecordKey::Interaction(id)),
                format!("{} {what}", T::Delete.get(lang)),
                RText::InteractionDeleted.get(lang),
            );
            st.confirm_delete = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_follow_up_before_the_interaction_or_a_bad_date_is_refused() {
        let ws = Workspace::default();
        let mut x = InteractionDraft::new(&ws, CustomerId(1), d("2026-03-10"));
        x.follow_up = "2026-03-01".into();
        let e = x.build(CustomerId(1)).unwrap_err();
        assert_eq!(e.get("note"), Some(&Problem::Required));
        assert_eq!(e.get("follow_up"), Some(&Problem::Before("date")));
        x.note = "电话沟通".into();
        x.follow_up = "2026-03-32".into();
        assert_eq!(
            x.build(CustomerId(1)).unwrap_err().get("follow_up"),
            Some(&Problem::NotADate)
        );
        x.follow_up = "2026-03-10".into();
        let i = x.build(CustomerId(1)).unwrap();
        assert!(i.follow_up_due(d("2026-03-10")));
    }

    #[test]
    fn follow_up_states_read_naturally() {
        let ws = Workspace::default();
        let mut x = InteractionDraft::new(&ws, CustomerId(1), d("2026-03-01"));
        x.note = "x".into();
        x.follow_up = "2026-03-05".into();
        let i = x.build(CustomerId(1)).unwrap();
        let state = |today: &str| follow_up_state(&i, d(today), Lang::Zh).unwrap();
        assert_eq!(state("2026-03-05"), ("今天到期".to_owned(), true));
        assert_eq!(state("2026-03-08"), ("逾期 3 天".to_owned(), true));
        assert_eq!(state("2026-03-02"), ("待跟进".to_owned(), false));
    }
}
