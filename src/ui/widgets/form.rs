//! Form rows: a label tied to its input (so screen readers and tests find it by name)
//! and the field's validation message right under it.

use crate::i18n::{Label, Lang, problem};
use crate::model::{Errors, Problem};
use egui::{RichText, Ui};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// A two-column grid for a form.
/// A form that has just opened gives its first field the focus (see [`super::keys`]).
pub fn grid(ui: &mut Ui, id: &str, add: impl FnOnce(&mut Ui)) {
    super::keys::form_shown(ui, egui::Id::unique(("form", id)));
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 6.0])
        .min_col_width(110.0)
        .show(ui, add);
}

/// What a field's validation message does this frame (`P`: what it says, a [`Problem`]
/// unless the field has messages of its own).
#[derive(Debug, PartialEq)]
pub enum Message<'e, P = Problem> {
    /// The field has no problem.
    None,
    /// The problem, still about what the field holds.
    Shown(&'e P),
    /// The field changed since the message was shown for it: the message is gone, and
    /// its room is kept until the next Save, so nothing below it (the Save button the
    /// user is about to click) moves.
    Cleared(&'e P),
}

impl<P> Clone for Message<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P> Copy for Message<'_, P> {}

impl<'e, P> Message<'e, P> {
    /// The problem to show (and mark the field with), if still current.
    pub fn shown(self) -> Option<&'e P> {
        match self {
            Message::Shown(p) => Some(p),
            _ => None,
        }
    }
}

/// What the field holds when its message is first shown, after which Save.
#[derive(Debug, Clone, Copy)]
struct Seen {
    save: u64,
    frame: u64,
    value: u64,
}

/// The message of `field`, drawn in the form's grid `ui`, given what the field holds
/// (`value`): the problem from the last Save is shown while the field still holds the
/// value it was shown for, and cleared as soon as the user changes it (the next Save
/// judges the new value). The form's footer ([`fix_line`]) learns which are cleared.
pub fn message<'e>(ui: &Ui, field: &str, value: impl Hash, errors: &'e Errors) -> Message<'e> {
    let msg = judged(ui, field, value, errors.get(field));
    if msg != Message::None {
        let now = ui.ctx().cumulative_frame_nr();
        let cleared = matches!(msg, Message::Cleared(_));
        ui.data_mut(|d| {
            let seen = d.get_temp_mut_or_default::<HashMap<String, (u64, bool)>>(cleared_id());
            seen.insert(field.to_owned(), (now, cleared));
        });
    }
    msg
}

/// The message of problem `p` (if any) of the field or cell `key` (unique in `ui`'s
/// scope: a field's name, or a row and a field), given what it holds (`value`), as
/// [`message`] says, for the forms and cells that keep their problems in other ways than
/// [`Errors`]. The Save that judged it must call [`super::keys::saving`] or
/// [`super::keys::judged`].
pub fn judged<'e, P>(
    ui: &Ui,
    key: impl Hash + std::fmt::Debug,
    value: impl Hash,
    p: Option<&'e P>,
) -> Message<'e, P> {
    let Some(p) = p else {
        return Message::None;
    };
    let key = ui.make_persistent_id(("field_message", key));
    let now = ui.ctx().cumulative_frame_nr();
    let save = super::keys::last_save(ui);
    let value = {
        let mut h = std::hash::DefaultHasher::new();
        value.hash(&mut h);
        h.finish()
    };
    let fresh = Seen {
        save,
        frame: now,
        value,
    };
    let seen = ui.data_mut(|d| {
        let s = d.get_temp_mut_or_insert_with(key, || fresh);
        // A new Save, or a message not drawn in the last frame (the form opened again):
        // the message is about what the field holds now.
        if s.save != save || s.frame + 1 < now {
            *s = fresh;
        }
        s.frame = now;
        *s
    });
    if seen.value == value {
        Message::Shown(p)
    } else {
        Message::Cleared(p)
    }
}

/// Per field name, the frame its message was last drawn and whether it was cleared.
fn cleared_id() -> egui::Id {
    egui::Id::unique("salesdesk_form_cleared_messages")
}

/// Whether every problem in `errors` had its message cleared in this frame or the last
/// (the user changed each marked field since the Save).
fn all_cleared(ui: &Ui, errors: &Errors) -> bool {
    let now = ui.ctx().cumulative_frame_nr();
    ui.data(|d| {
        let seen = d.get_temp::<HashMap<String, (u64, bool)>>(cleared_id());
        errors.0.iter().all(|e| {
            let s = seen.as_ref().and_then(|s| s.get(e.field));
            s.is_some_and(|&(frame, cleared)| cleared && frame + 1 >= now)
        })
    })
}

/// A line in the error colour, or (not `shown`) the room it takes, so what is below it
/// stays put.
fn error_text(ui: &mut Ui, text: String, shown: bool) {
    if shown {
        ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
    } else {
        let text = egui::WidgetText::from(text);
        let galley = text.into_galley(ui, None, ui.available_width(), egui::TextStyle::Body);
        ui.allocate_space(galley.size());
    }
}

/// The line under a field: its message, or the room of a cleared one.
pub fn error_line(ui: &mut Ui, lang: Lang, msg: Message) {
    message_line(ui, msg, |p| problem(lang, p));
}

/// The line under a field, its message worded by `text`, or the room of a cleared one.
pub fn message_line<P>(ui: &mut Ui, msg: Message<P>, text: impl FnOnce(&P) -> String) {
    match msg {
        Message::None => {}
        Message::Shown(p) => error_text(ui, text(p), true),
        Message::Cleared(p) => error_text(ui, text(p), false),
    }
}

/// "Fix the marked fields" above a form's Save while `errors` has problems: gone (its
/// room kept until the next Save) once the user has changed every marked field.
pub fn fix_line(ui: &mut Ui, errors: &Errors, lang: Lang) {
    if !errors.is_empty() {
        let shown = !all_cleared(ui, errors);
        error_text(ui, crate::i18n::T::FixErrors.get(lang).to_owned(), shown);
    }
}

/// A single-line text field. `field` is the model's field name, used to find its error.
pub fn text(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    field: &str,
    errors: &Errors,
    lang: Lang,
) -> egui::Response {
    text_with_hint(ui, label, value, "", field, errors, lang)
}

pub fn text_with_hint(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    field: &str,
    errors: &Errors,
    lang: Lang,
) -> egui::Response {
    text_row(ui, label, value, hint, field, errors, lang, false)
}

/// A single-line row; `picker` adds the date picker beside the field.
// The arguments are those of a form row plus the picker switch.
#[allow(clippy::too_many_arguments)]
fn text_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    field: &str,
    errors: &Errors,
    lang: Lang,
    picker: bool,
) -> egui::Response {
    let l = ui.label(label);
    let msg = message(ui, field, &*value, errors);
    let err = msg.shown();
    let r = ui
        .vertical(|ui| {
            let r = ui
                .horizontal(|ui| {
                    let mut edit = egui::TextEdit::singleline(value)
                        .desired_width(if picker { 200.0 } else { 280.0 })
                        .hint_text(hint);
                    if err.is_some() {
                        edit = edit.text_color(ui.visuals().error_fg_color);
                    }
                    let r = ui.add(edit).labelled_by(l.id);
                    super::keys::single_line(ui, &r);
                    if err.is_some() {
                        super::keys::invalid_field(ui, &r);
                    }
                    if picker && super::date::picker_button(ui, field, value, lang) {
                        let mut r = r.clone();
                        r.mark_changed();
                        return r;
                    }
                    r
                })
                .inner;
            error_line(ui, lang, msg);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A date field typed as YYYY-MM-DD, with a date picker beside it.
pub fn date(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    field: &str,
    errors: &Errors,
    lang: Lang,
) -> egui::Response {
    text_row(
        ui,
        label,
        value,
        super::date::HINT,
        field,
        errors,
        lang,
        true,
    )
}

pub fn multiline(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    field: &str,
    errors: &Errors,
    lang: Lang,
) -> egui::Response {
    let l = ui.label(label);
    let msg = message(ui, field, &*value, errors);
    let r = ui
        .vertical(|ui| {
            let id = ui.make_persistent_id(("multiline", field));
            super::keys::before_multi_line(ui, id);
            let r = ui
                .add(
                    egui::TextEdit::multiline(value)
                        .id(id)
                        .desired_width(280.0)
                        .desired_rows(3),
                )
                .labelled_by(l.id);
            super::keys::other_field(ui, &r);
            if msg.shown().is_some() {
                super::keys::invalid_field(ui, &r);
            }
            error_line(ui, lang, msg);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A drop-down of a model enum.
pub fn choice<V: Label + Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut V,
    options: &[V],
    lang: Lang,
) {
    let l = ui.label(label);
    let r = dropdown(ui, label, value.label(lang).to_owned(), |ui| {
        let mut picked = false;
        for o in options {
            picked |= ui.selectable_value(value, *o, o.label(lang)).clicked();
        }
        picked
    })
    .labelled_by(l.id);
    super::keys::other_field(ui, &r);
    ui.end_row();
}

/// A form's drop-down, as the keyboard expects it: an item chosen with Space or Enter
/// closes the list and gives the focus back to the drop-down, so Tab goes on to the next
/// field (it walked through every item, or left the form); while the list is open,
/// Escape closes only the list. `items` adds the choices and says whether one was picked.
fn dropdown(
    ui: &mut Ui,
    id_salt: &str,
    selected: String,
    items: impl FnOnce(&mut Ui) -> bool,
) -> egui::Response {
    let shown = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .width(280.0)
        .show_ui(ui, |ui| {
            let picked = items(ui);
            if picked {
                ui.close();
            }
            picked
        });
    if shown.inner.is_some() {
        super::keys::dropdown_listed(ui);
    }
    if shown.inner == Some(true) {
        shown.response.request_focus();
    }
    shown.response
}

/// A drop-down of records by name (`None` allowed when `none_label` is given).
// The arguments are what every form row takes (label, value, field, errors, language)
// plus the options; bundling them would only move the list elsewhere.
#[allow(clippy::too_many_arguments)]
pub fn pick<Id: Copy + PartialEq + Hash>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<Id>,
    options: &[(Id, String)],
    none_label: Option<&str>,
    field: &str,
    errors: &Errors,
    lang: Lang,
) {
    let l = ui.label(label);
    let msg = message(ui, field, *value, errors);
    let current = value
        .and_then(|v| options.iter().find(|(id, _)| *id == v))
        .map(|(_, n)| n.as_str())
        .or(none_label)
        .unwrap_or("—")
        .to_owned();
    ui.vertical(|ui| {
        let r = dropdown(ui, label, current, |ui| {
            let mut picked = false;
            if let Some(n) = none_label {
                picked |= ui.selectable_value(value, None, n).clicked();
            }
            for (id, name) in options {
                picked |= ui
                    .selectable_value(value, Some(*id), name.as_str())
                    .clicked();
            }
            picked
        })
        .labelled_by(l.id);
        super::keys::other_field(ui, &r);
        if msg.shown().is_some() {
            super::keys::invalid_field(ui, &r);
        }
        error_line(ui, lang, msg);
    });
    ui.end_row();
}

/// The team members `keep` accepts, as (id, name) choices for [`pick`] and chips, in
/// the team's order.
pub fn member_options(
    ws: &crate::model::Workspace,
    keep: impl Fn(&crate::model::Member) -> bool,
) -> Vec<(crate::model::MemberId, String)> {
    let members = ws.team.members.iter().filter(|m| keep(m));
    members.map(|m| (m.id, m.name.clone())).collect()
}

/// Every target segment, as (id, name) choices for [`pick`].
pub fn segment_options(ws: &crate::model::Workspace) -> Vec<(crate::model::SegmentId, String)> {
    let segments = ws.marketing.segments.iter();
    segments.map(|s| (s.id, s.name.clone())).collect()
}

pub fn checkbox(ui: &mut Ui, label: &str, value: &mut bool) {
    ui.label("");
    ui.checkbox(value, label);
    ui.end_row();
}

/// Parses a field into `out`, recording the problem under `field`.
pub fn parse_into<V>(errors: &mut Errors, field: &'static str, r: Result<V, Problem>) -> Option<V> {
    match r {
        Ok(v) => Some(v),
        Err(p) => {
            errors.add(field, p);
            None
        }
    }
}

/// What a form asks of its page after this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    None,
    Save,
    Cancel,
}

/// The foot of a form: a reminder when fields are marked, then Save and Cancel.
pub fn footer(ui: &mut Ui, errors: &Errors, lang: Lang) -> FormAction {
    let mut action = FormAction::None;
    // A refusal of the whole change (a read-only file) says why; field problems are
    // beside their fields.
    if let Some(p) = errors.get("file") {
        ui.colored_label(ui.visuals().error_fg_color, crate::i18n::problem(lang, p));
    } else {
        fix_line(ui, errors, lang);
    }
    ui.horizontal(|ui| {
        if super::keys::save_button(ui, crate::i18n::T::Save.get(lang)) {
            action = FormAction::Save;
        }
        if super::keys::cancel_button(ui, crate::i18n::T::Cancel.get(lang)) {
            action = FormAction::Cancel;
        }
    });
    action
}
