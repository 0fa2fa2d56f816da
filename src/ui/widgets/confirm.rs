//! A modal "are you sure?" dialog.

use egui::{Context, Id, Modal};

pub enum Answer {
    Pending,
    Yes,
    No,
}

/// Shows a modal with `message`; returns the user's answer once given.
pub fn confirm(ctx: &Context, id: &str, title: &str, message: &str, yes: &str, no: &str) -> Answer {
    let mut answer = Answer::Pending;
    let r = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(title);
        ui.add_space(6.0);
        ui.label(message);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                answer = Answer::Yes;
            }
            if ui.button(no).clicked() {
                answer = Answer::No;
            }
        });
    });
    if r.should_close() && matches!(answer, Answer::Pending) {
        answer = Answer::No;
    }
    answer
}

/// The "delete this?" dialog every page uses: its title and buttons say Delete / Cancel
/// in the user's language.
pub fn confirm_delete(ctx: &Context, id: &str, message: &str, lang: crate::i18n::Lang) -> Answer {
    use crate::i18n::T;
    confirm(
        ctx,
        id,
        T::DeleteConfirmTitle.get(lang),
        message,
        T::Delete.get(lang),
        T::Cancel.get(lang),
    )
}
