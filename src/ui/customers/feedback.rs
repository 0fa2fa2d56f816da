//! Customer feedback (客户反馈): complaints, suggestions and praise, each walking
//! open → in progress → resolved (with its resolution; a resolved item can be reopened).
//! Each step is one undoable change.

use super::words::{RText, colon};
use crate::analytics::relationship::Relationship;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackDraft {
    pub id: FeedbackId,
    pub kind: FeedbackKind,
    pub date: String,
    pub text: String,
    /// The promotion event it was collected at.
    pub promotion: Option<PromotionId>,
}

impl FeedbackDraft {
    pub fn new(today: NaiveDate) -> Self {
        FeedbackDraft {
            id: FeedbackId(0),
            kind: FeedbackKind::Complaint,
            date: today.to_string(),
            text: String::new(),
            promotion: None,
        }
    }

    /// The draft of an existing item, for its Edit form.
    pub fn of(f: &Feedback) -> Self {
        FeedbackDraft {
            id: f.id,
            kind: f.kind,
            date: f.date.to_string(),
            text: f.text.clone(),
            promotion: f.promotion,
        }
    }

    /// A new item is open; an edited one keeps its status and resolution.
    pub fn build(
        &self,
        customer: CustomerId,
        existing: Option<&Feedback>,
    ) -> Result<Feedback, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let mut f = existing.cloned().unwrap_or(Feedback {
            id: FeedbackId(0),
            customer,
            kind: self.kind,
            date: date.unwrap_or_default(),
            text: String::new(),
            status: FeedbackStatus::Open,
            resolution: String::new(),
            resolved_on: None,
            promotion: None,
        });
        f.kind = self.kind;
        f.promotion = self.promotion;
        f.text = self.text.trim().to_owned();
        if let Some(d) = date {
            f.date = d;
            for fe in f.validate().0 {
                e.add(fe.field, fe.problem);
            }
        } else if f.text.is_empty() {
            e.add("text", Problem::Required);
        }
        e.into_result().map(|_| f)
    }
}

/// The item after one step of its flow on `today`. Resolving needs the resolution
/// (checked by `Feedback::validate` when the change is applied).
pub fn step(f: &Feedback, to: FeedbackStatus, resolution: &str, today: NaiveDate) -> Feedback {
    let mut n = f.clone();
    n.status = to;
    match to {
        FeedbackStatus::Resolved => {
            n.resolution = resolution.trim().to_owned();
            n.resolved_on = Some(today.max(f.date));
        }
        _ => n.resolved_on = None,
    }
    n
}

#[derive(Default)]
pub struct FeedbackState {
    pub form: Option<(FeedbackDraft, Errors)>,
    /// The item being resolved, with its resolution as typed.
    pub resolving: Option<(FeedbackId, String, Errors)>,
    /// The item waiting for the user's yes to its deletion.
    pub delete: Option<FeedbackId>,
}

/// The button that takes an item to `to`.
fn status_button(to: FeedbackStatus, lang: Lang) -> &'static str {
    match to {
        FeedbackStatus::InProgress => RText::StartWork.get(lang),
        FeedbackStatus::Resolved => RText::Resolve.get(lang),
        FeedbackStatus::Open => RText::Reopen.get(lang),
    }
}

pub fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    customer: CustomerId,
    rel: &Relationship,
    st: &mut FeedbackState,
) {
    let lang = cx.lang;
    if ui
        .button(format!("＋ {}", RText::AddFeedback.get(lang)))
        .clicked()
    {
        st.form = Some((FeedbackDraft::new(cx.today), Errors::new()));
    }
    let mut close_form = false;
    if let Some((draft, errors)) = &mut st.form {
        let title = if draft.id.0 == 0 {
            RText::AddFeedback
        } else {
            RText::EditFeedback
        }
        .get(lang);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(title);
            form::grid(ui, "feedback_form", |ui| {
                form::choice(
                    ui,
                    RText::Kind.get(lang),
                    &mut draft.kind,
                    &FeedbackKind::ALL,
                    lang,
                );
                form::date(ui, T::Date.get(lang), &mut draft.date, "date", errors, lang);
                crate::ui::promotions::event_picker(ui, lang, cx.doc.ws(), &mut draft.promotion);
                form::multiline(
                    ui,
                    RText::FeedbackText.get(lang),
                    &mut draft.text,
                    "text",
                    errors,
                    lang,
                );
            });
            ui.horizontal(|ui| {
                if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
                    let existing = cx.doc.ws().customers.feedback.get(draft.id).cloned();
                    let result = draft.build(customer, existing.as_ref()).and_then(|f| {
                        let label = format!("{title} {}", cx.doc.ws().customer_name(customer));
                        cx.apply(Change::put(Record::Feedback(f)), label)
                    });
                    match result {
                        Ok(_) => {
                            cx.toasts.info(RText::FeedbackSaved.get(lang));
                            close_form = true;
                        }
                        Err(e) => *errors = e,
                    }
                }
                if crate::ui::widgets::keys::cancel_button(ui, T::Cancel.get(lang)) {
                    close_form = true;
                }
            });
        });
    }
    if close_form {
        st.form = None;
    }
    ui.add_space(4.0);
    if rel.feedback.is_empty() {
        ui.weak(T::NothingYet.get(lang));
        return;
    }
    delete_dialog(ui.ctx(), cx, st);
    let mut go: Option<(FeedbackId, FeedbackStatus)> = None;
    let mut edit = None;
    let mut resolve_now = None;
    let mut cancel_resolve = false;
    crate::ui::widgets::side::record_scroll(ui, "customer_feedback", customer).show(ui, |ui| {
        let ws = &cx.doc.ws();
        for id in &rel.feedback {
            let Some(f) = ws.customers.feedback.get(*id) else {
                continue;
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.strong(format!("{} · {}", f.kind.label(lang), f.date));
                    let color = match f.status {
                        FeedbackStatus::Open => ui.visuals().warn_fg_color,
                        FeedbackStatus::InProgress => ui.visuals().hyperlink_color,
                        FeedbackStatus::Resolved => ui.visuals().weak_text_color(),
                    };
                    ui.colored_label(
                        color,
                        format!(
                            "{}{}{}",
                            RText::Status.get(lang),
                            colon(lang),
                            f.status.label(lang)
                        ),
                    );
                });
                ui.add(egui::Label::new(&f.text).wrap());
                if f.status == FeedbackStatus::Resolved || !f.resolution.is_empty() {
                    ui.add(
                        egui::Label::new(format!(
                            "{}{}{}",
                            RText::Resolution.get(lang),
                            colon(lang),
                            f.resolution
                        ))
                        .wrap(),
                    );
                }
                if let Some(d) = f.resolved_on {
                    ui.weak(format!("{}{}{d}", RText::ResolvedOn.get(lang), colon(lang)));
                }
                match &mut st.resolving {
                    Some((rid, text, errors)) if *rid == f.id => {
                        let l = ui.label(RText::Resolution.get(lang));
                        // The message goes once the text changes.
                        let msg = form::message(ui, "resolution", &*text, errors);
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(2)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                        form::error_line(ui, lang, msg);
                        ui.horizontal(|ui| {
                            if ui.button(RText::ConfirmResolve.get(lang)).clicked() {
                                crate::ui::widgets::keys::saving(ui);
                                resolve_now = Some((f.id, text.clone()));
                            }
                            if ui.button(T::Cancel.get(lang)).clicked() {
                                cancel_resolve = true;
                            }
                        });
                    }
                    _ => {
                        ui.horizontal(|ui| {
                            for to in f.status.next_steps() {
                                if ui.small_button(status_button(*to, lang)).clicked() {
                                    go = Some((f.id, *to));
                                }
                            }
                            ui.separator();
                            let (e, d) = crate::ui::me::row_buttons(ui, lang);
                            if e {
                                edit = Some(FeedbackDraft::of(f));
                            }
                            if d {
                                st.delete = Some(f.id);
                            }
                        });
                    }
                }
            });
        }
    });
    if cancel_resolve {
        st.resolving = None;
    }
    if let Some(d) = edit {
        st.form = Some((d, Errors::new()));
    }
    if let Some((id, to)) = go {
        if to == FeedbackStatus::Resolved {
            let previous = cx
                .doc
                .ws()
                .customers
                .feedback
                .get(id)
                .map(|f| f.resolution.clone())
                .unwrap_or_default();
            st.resolving = Some((id, previous, Errors::new()));
        } else {
            let _ = apply_step(cx, id, to, "");
        }
    }
    if let Some((id, text)) = resolve_now {
        match apply_step(cx, id, FeedbackStatus::Resolved, &text) {
            Ok(()) => st.resolving = None,
            Err(e) => {
                if let Some((_, _, errors)) = &mut st.resolving {
                    *errors = e;
                }
            }
        }
    }
}

/// Asks before deleting the item in `st.delete`; a yes deletes it as one undo step.
fn delete_dialog(ctx: &egui::Context, cx: &mut Cx, st: &mut FeedbackState) {
    use crate::ui::widgets::confirm::{Answer, confirm_delete};
    let Some(id) = st.delete else { return };
    let lang = cx.lang;
    let Some(f) = cx.doc.ws().customers.feedback.get(id) else {
        st.delete = None;
        return;
    };
    let what = format!("{} · {}", f.kind.label(lang), f.date);
    let message = format!(
        "{}\n{what}\n{}",
        RText::DeleteFeedbackQ.get(lang),
        T::DeleteCannotBeUndoneHint.get(lang)
    );
    match confirm_delete(ctx, "confirm_delete_feedback", &message, lang) {
        Answer::Pending => {}
        Answer::No => st.delete = None,
        Answer::Yes => {
            let change = cx.doc.delete_with_dependents(RecordKey::Feedback(id));
            let label = format!("{} {what}", T::Delete.get(lang));
            let _ = cx.apply_and_report(change, label, RText::FeedbackDeleted.get(lang));
            st.delete = None;
            if st.form.as_ref().is_some_and(|(d, _)| d.id == id) {
                st.form = None;
            }
        }
    }
}

fn apply_step(
    cx: &mut Cx,
    id: FeedbackId,
    to: FeedbackStatus,
    resolution: &str,
) -> Result<(), Errors> {
    let lang = cx.lang;
    let Some(f) = cx.doc.ws().customers.feedback.get(id) else {
        return Ok(());
    };
    let next = step(f, to, resolution, cx.today);
    let label = format!(
        "{}: {} → {}",
        RText::Feedback.get(lang),
        f.status.label(lang),
        to.label(lang)
    );
    cx.apply(Change::put(Record::Feedback(next)), label)?;
    cx.toasts.info(RText::StatusChanged.get(lang));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_flow_needs_a_resolution_to_resolve_and_reopening_clears_the_date() {
        let f = FeedbackDraft {
            text: "结账慢".into(),
            ..FeedbackDraft::new(d("2026-03-01"))
        }
        .build(CustomerId(1), None)
        .unwrap();
        assert_eq!(f.status, FeedbackStatus::Open);
        let working = step(&f, FeedbackStatus::InProgress, "", d("2026-03-02"));
        assert!(working.validate().is_empty());
        let bare = step(&working, FeedbackStatus::Resolved, "  ", d("2026-03-03"));
        assert_eq!(bare.validate().get("resolution"), Some(&Problem::Required));
        let done = step(
            &working,
            FeedbackStatus::Resolved,
            "已优化索引",
            d("2026-03-03"),
        );
        assert!(done.validate().is_empty());
        assert_eq!(done.resolved_on, Some(d("2026-03-03")));
        let again = step(&done, FeedbackStatus::Open, "", d("2026-03-04"));
        assert_eq!(again.resolved_on, None);
        assert!(again.validate().is_empty());
    }

    #[test]
    fn feedback_needs_text_and_a_date() {
        let mut x = FeedbackDraft::new(d("2026-03-01"));
        x.date = "yesterday".into();
        let e = x.build(CustomerId(1), None).unwrap_err();
        assert_eq!(e.get("date"), Some(&Problem::NotADate));
        assert_eq!(e.get("text"), Some(&Problem::Required));
    }
}
