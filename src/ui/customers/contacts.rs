//! A customer's contacts: add, edit (one primary contact per customer) and delete.

use super::words::RText;
use crate::i18n::T;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::confirm::{Answer, confirm_delete};
use crate::ui::widgets::form;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactDraft {
    /// 0 for a new contact.
    pub id: ContactId,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    pub primary: bool,
}

impl ContactDraft {
    pub fn from_contact(k: &Contact) -> Self {
        ContactDraft {
            id: k.id,
            name: k.name.clone(),
            title: k.title.clone(),
            phone: k.phone.clone(),
            email: k.email.clone(),
            primary: k.primary,
        }
    }

    pub fn build(&self, customer: CustomerId) -> Result<Contact, Errors> {
        let k = Contact {
            id: self.id,
            customer,
            name: self.name.trim().to_owned(),
            title: self.title.trim().to_owned(),
            phone: self.phone.trim().to_owned(),
            email: self.email.trim().to_owned(),
            primary: self.primary,
        };
        k.validate().into_result().map(|_| k)
    }
}

#[derive(Default)]
pub struct ContactsState {
    pub form: Option<(ContactDraft, Errors)>,
    confirm_delete: Option<ContactId>,
}

/// "★ 张伟 · 采购经理 · 138… · a@b.cn" (the star marks the primary contact).
pub fn contact_line(k: &Contact) -> String {
    let mut parts = vec![format!("{}{}", if k.primary { "★ " } else { "" }, k.name)];
    parts.extend(
        [&k.title, &k.phone, &k.email]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned(),
    );
    parts.join(" · ")
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, customer: CustomerId, st: &mut ContactsState) {
    let lang = cx.lang;
    if ui
        .button(format!("＋ {}", RText::AddContact.get(lang)))
        .clicked()
    {
        let first = !cx
            .doc
            .ws()
            .customers
            .contacts
            .iter()
            .any(|k| k.customer == customer);
        st.form = Some((
            ContactDraft {
                primary: first,
                ..ContactDraft::default()
            },
            Errors::new(),
        ));
    }
    let mut close_form = false;
    if let Some((draft, errors)) = &mut st.form {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(if draft.id.0 == 0 {
                RText::AddContact.get(lang)
            } else {
                RText::EditContact.get(lang)
            });
            form::grid(ui, "contact_form", |ui| {
                form::text(
                    ui,
                    T::PersonName.get(lang),
                    &mut draft.name,
                    "name",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    T::JobTitle.get(lang),
                    &mut draft.title,
                    "title",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    T::Phone.get(lang),
                    &mut draft.phone,
                    "phone",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    T::Email.get(lang),
                    &mut draft.email,
                    "email",
                    errors,
                    lang,
                );
                form::checkbox(ui, T::Primary.get(lang), &mut draft.primary);
            });
            ui.horizontal(|ui| {
                if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
                    match save(cx, customer, draft) {
                        Ok(()) => close_form = true,
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
    let ws = &cx.doc.ws();
    let mut edit = None;
    let mut delete = None;
    let mut any = false;
    crate::ui::widgets::side::record_scroll(ui, "customer_contacts", customer).show(ui, |ui| {
        for k in ws
            .customers
            .contacts
            .iter()
            .filter(|k| k.customer == customer)
        {
            any = true;
            // The buttons keep the row's right end; a long line wraps in what is left
            // (it ran on past the panel's edge and cut Edit and Delete off).
            egui::Sides::new().shrink_left().wrap().show(
                ui,
                |ui| ui.label(contact_line(k)),
                |ui| {
                    if ui.small_button(T::Delete.get(lang)).clicked() {
                        delete = Some(k.id);
                    }
                    if ui.small_button(T::Edit.get(lang)).clicked() {
                        edit = Some(ContactDraft::from_contact(k));
                    }
                },
            );
        }
        if !any {
            ui.weak(T::NothingYet.get(lang));
        }
    });
    if let Some(d) = edit {
        st.form = Some((d, Errors::new()));
    }
    if delete.is_some() {
        st.confirm_delete = delete;
    }
    delete_dialog(ui.ctx(), cx, st);
}

/// Saves the contact; making it primary unmarks the customer's other primary contact in
/// the same undoable step.
fn save(cx: &mut Cx, customer: CustomerId, draft: &ContactDraft) -> Result<(), Errors> {
    let k = draft.build(customer)?;
    let verb = if k.id.0 == 0 {
        RText::AddContact
    } else {
        RText::EditContact
    };
    let label = format!("{} {}", verb.get(cx.lang), k.name);
    let change = cx.doc.ws().put_contact(k);
    cx.apply(change, label)?;
    cx.toasts.info(RText::ContactSaved.get(cx.lang));
    Ok(())
}

fn delete_dialog(ctx: &egui::Context, cx: &mut Cx, st: &mut ContactsState) {
    let Some(id) = st.confirm_delete else {
        return;
    };
    let lang = cx.lang;
    let Some(name) = cx
        .doc
        .ws()
        .customers
        .contacts
        .get(id)
        .map(|k| k.name.clone())
    else {
        st.confirm_delete = None;
        return;
    };
    let message = format!("{}\n{name}", RText::DeleteContactQ.get(lang));
    match confirm_delete(ctx, "confirm_delete_contact", &message, lang) {
        Answer::Pending => {}
        Answer::No => st.confirm_delete = None,
        Answer::Yes => {
            // Interactions keep their notes but no longer name the contact.
            let change = cx.doc.delete_with_dependents(RecordKey::Contact(id));
            let _ = cx.apply_and_report(
                change,
                format!("{} {name}", T::Delete.get(lang)),
                RText::ContactDeleted.get(lang),
            );
            st.confirm_delete = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_name_and_a_real_email() {
        let d = ContactDraft {
            email: "nope".into(),
            ..ContactDraft::default()
        };
        let e = d.build(CustomerId(1)).unwrap_err();
        assert_eq!(e.get("name"), Some(&Problem::Required));
        assert_eq!(e.get("email"), Some(&Problem::NotAnEmail));
        let ok = ContactDraft {
            name: " 王芳 ".into(),
            email: "wang@example.cn".into(),
            ..ContactDraft::default()
        };
        let k = ok.build(CustomerId(1)).unwrap();
        assert_eq!(k.name, "王芳");
        assert_eq!(
            ContactDraft::from_contact(&k).build(CustomerId(1)).unwrap(),
            k
        );
    }
}
