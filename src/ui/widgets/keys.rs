//! The keyboard in forms, in one place so every form behaves alike: the first field
//! takes focus when a form opens, Enter in a single-line field (Ctrl+Enter in a
//! multi-line one) saves, and Escape cancels.
//!
//! The form rows ([`super::form`]) report to here; [`save_pressed`] and
//! [`cancel_pressed`] are read by the form's Save and Cancel buttons. A Save that the
//! form refuses brings its first marked field into view and gives it the focus
//! ([`saving`], [`invalid_field`]): the "fix the marked fields" line is never about a
//! field scrolled away.

use egui::{Id, Key, KeyboardShortcut, Modifiers, Response, Ui};

fn autofocus_id() -> Id {
    Id::unique("salesdesk_form_autofocus")
}

fn submit_id() -> Id {
    Id::unique("salesdesk_form_submit")
}

fn error_focus_id() -> Id {
    Id::unique("salesdesk_form_error_focus")
}

fn last_save_id() -> Id {
    Id::unique("salesdesk_form_last_save")
}

fn dropdown_open_id() -> Id {
    Id::unique("salesdesk_form_dropdown_open")
}

fn frame(ui: &Ui) -> u64 {
    ui.ctx().cumulative_frame_nr()
}

/// Ctrl+Enter (Cmd+Enter on a Mac): saves from a multi-line field.
pub const SAVE_FROM_MULTILINE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND, Key::Enter);

/// Called by a form's grid each frame: a grid that was not drawn in the previous frame
/// belongs to a form that has just opened, and its first field takes the focus.
pub fn form_shown(ui: &Ui, form: Id) {
    let now = frame(ui);
    let key = form.with("last_shown");
    let last: Option<u64> = ui.data_mut(|d| d.get_temp(key));
    ui.data_mut(|d| d.insert_temp(key, now));
    if last.is_none_or(|f| f + 1 < now) {
        ui.data_mut(|d| d.insert_temp(autofocus_id(), now));
    }
}

/// Called by every field of a form after it is drawn: the first field of a form that has
/// just opened takes the focus.
fn take_autofocus(ui: &Ui, r: &Response) {
    let now = frame(ui);
    if ui.data_mut(|d| d.remove_temp::<u64>(autofocus_id())) == Some(now) {
        r.request_focus();
    }
}

fn submit(ui: &Ui) {
    let now = frame(ui);
    ui.data_mut(|d| d.insert_temp(submit_id(), now));
}

/// After a single-line field: Enter there saves the form.
pub fn single_line(ui: &Ui, r: &Response) {
    take_autofocus(ui, r);
    if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        submit(ui);
    }
}

/// Before a multi-line field with id `id`: Ctrl+Enter there saves the form (taken before
/// the field sees it, so it adds no line).
pub fn before_multi_line(ui: &Ui, id: Id) {
    if ui.memory(|m| m.has_focus(id)) && ui.input_mut(|i| i.consume_shortcut(&SAVE_FROM_MULTILINE))
    {
        submit(ui);
    }
}

/// After a multi-line field or any other field (a drop-down): only the first-field focus.
pub fn other_field(ui: &Ui, r: &Response) {
    take_autofocus(ui, r);
}

/// True once when a field of the form asked to save this frame (Enter, Ctrl+Enter).
pub fn save_pressed(ui: &Ui) -> bool {
    let now = frame(ui);
    ui.data_mut(|d| d.remove_temp::<u64>(submit_id())) == Some(now)
}

/// True when Escape cancels the form drawn in `ui`: not while a drop-down is open (Escape
/// closes that) or a dialog sits above the form (Escape belongs to the dialog). The key
/// is taken, so one Escape cancels one form.
pub fn cancel_pressed(ui: &Ui) -> bool {
    if egui::Popup::is_any_open(ui.ctx()) || !ui.memory(|m| m.allows_interaction(ui.layer_id())) {
        return false;
    }
    // The drop-down's list closes itself on Escape before the form looks: a list drawn
    // open this frame takes the key, so the form stays.
    let listed = ui.data(|d| d.get_temp::<u64>(dropdown_open_id()));
    if listed.is_some_and(|f| f + 1 >= frame(ui)) {
        ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        return false;
    }
    ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
}

/// A form's drop-down drew its list open this frame (see [`cancel_pressed`]).
pub fn dropdown_listed(ui: &Ui) {
    let now = frame(ui);
    ui.data_mut(|d| d.insert_temp(dropdown_open_id(), now));
}

/// Called when a form asks to save: if the save is refused, the first field marked in
/// the next frames scrolls into view and takes the focus.
pub fn saving(ui: &Ui) {
    let now = frame(ui);
    ui.data_mut(|d| d.insert_temp(error_focus_id(), now));
    judged(ui);
}

/// Called when a form's fields are judged without a Save button (a cell saved as the user
/// leaves it, a filter): the messages shown next are about what the fields hold then.
pub fn judged(ui: &Ui) {
    let now = frame(ui);
    ui.data_mut(|d| d.insert_temp(last_save_id(), now));
}

/// The frame of the last Save asked in any form (0 before the first): a field's message
/// is about the value it had after that Save (see [`super::form::message`]).
pub fn last_save(ui: &Ui) -> u64 {
    ui.data(|d| d.get_temp(last_save_id())).unwrap_or(0)
}

/// Called by a field after it is drawn with its problem marked: the first such field
/// after a refused save is scrolled into view and focused.
pub fn invalid_field(ui: &Ui, r: &Response) {
    let now = frame(ui);
    let asked: Option<u64> = ui.data(|d| d.get_temp(error_focus_id()));
    // The save is asked in one frame and its problems are marked from the next; a save
    // that went through leaves nothing marked, and the request lapses.
    if asked.is_some_and(|f| f < now && now <= f + 3) {
        ui.data_mut(|d| d.remove_temp::<u64>(error_focus_id()));
        r.scroll_to_me(Some(egui::Align::Center));
        r.request_focus();
    }
}

/// A Save button that Enter (Ctrl+Enter) in the form's fields presses too.
pub fn save_button(ui: &mut Ui, text: &str) -> bool {
    let clicked = ui.button(text).clicked();
    let save = clicked | save_pressed(ui);
    if save {
        saving(ui);
    }
    save
}

/// A Cancel button that Escape presses too.
pub fn cancel_button(ui: &mut Ui, text: &str) -> bool {
    let clicked = ui.button(text).clicked();
    clicked | cancel_pressed(ui)
}
