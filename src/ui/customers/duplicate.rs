//! The duplicate-customer prompt: a new customer whose name is already taken — the same
//! text, or the same once spaces, case and punctuation are set aside and Chinese is read
//! as pinyin (华信软件 / 华信 软件 / Huaxin Ruanjian) — asks "open it or create anyway?"
//! before it is saved.

use crate::i18n::{Lang, T};
use crate::model::*;
use egui::{Context, Id, Modal};

crate::texts! {
    pub enum Text {
        Title => "可能是重复客户", "Possible duplicate";
        Open => "打开已有客户", "Open it";
        UseIt => "使用已有客户", "Use it";
        CreateAnyway => "仍然新建", "Create anyway";
    }
    fn {
        exists(name) => "已有名为“{name}”的客户。", "A customer named “{name}” exists.";
    }
}

/// A name reduced to what tells two names apart: pinyin for Chinese, lower case, letters
/// and digits only.
pub fn name_key(name: &str) -> String {
    crate::hanzi::keys(name.trim())
        .full
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The customer other than `except` whose name reads the same as `name`, if any.
pub fn same_name(ws: &Workspace, name: &str, except: CustomerId) -> Option<CustomerId> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    ws.customers
        .customers
        .iter()
        .filter(|c| c.id != except)
        .find(|c| c.name.trim() == name.trim() || name_key(&c.name) == key)
        .map(|c| c.id)
}

/// What the user answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Pending,
    /// Open the existing customer instead.
    Open,
    /// Save the new one all the same.
    CreateAnyway,
    /// Back to the form (Cancel, Escape or a click outside).
    Back,
}

/// The modal asking about the existing customer named `existing`; `open` words the
/// button that takes it instead ([`Text::Open`] on the Customers page, [`Text::UseIt`] in
/// the deal form).
pub fn prompt(ctx: &Context, existing: &str, open: Text, lang: Lang) -> Answer {
    let mut answer = Answer::Pending;
    let r = Modal::new(Id::unique("duplicate_customer")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(Text::Title.get(lang));
        ui.add_space(6.0);
        ui.label(Text::exists(lang, existing));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(open.get(lang)).clicked() {
                answer = Answer::Open;
            }
            if ui.button(Text::CreateAnyway.get(lang)).clicked() {
                answer = Answer::CreateAnyway;
            }
            if ui.button(T::Cancel.get(lang)).clicked() {
                answer = Answer::Back;
            }
        });
    });
    if r.should_close() && answer == Answer::Pending {
        answer = Answer::Back;
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_read_the_same_in_pinyin_match_and_others_do_not() {
        assert_eq!(name_key("华信软件"), name_key(" 华信 软件 "));
        assert_eq!(name_key("华信软件"), name_key("Huaxin Ruanjian"));
        assert_eq!(name_key("ACME Ltd."), name_key("acme ltd"));
        assert_ne!(name_key("华信软件"), name_key("华信科技"));
        assert!(name_key("  ").is_empty());
    }
}
