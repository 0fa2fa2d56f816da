//! The execution checklist (活动执行): venue, staff, materials and the user's own items,
//! ticked off, with the progress of checklist and steps together.

use super::{Text, save_event};
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;

pub struct ChecklistState {
    kind: CheckKind,
    text: String,
    errors: Errors,
}

impl Default for ChecklistState {
    fn default() -> Self {
        ChecklistState {
            kind: CheckKind::Venue,
            text: String::new(),
            errors: Errors::new(),
        }
    }
}

impl ChecklistState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
        let lang = cx.lang;
        ui.strong(Text::Checklist.get(lang));
        if let Some((done, all)) = p.progress() {
            ui.add(
                egui::ProgressBar::new(done as f32 / all as f32)
                    .desired_width(320.0)
                    .text(Text::progress(lang, done, all)),
            );
        }
        let mut changed: Option<(Promotion, Text)> = None;
        if p.checklist.is_empty() {
            ui.label(Text::NoItems.get(lang));
        }
        for kind in CheckKind::ALL {
            let items: Vec<(usize, &CheckItem)> = p
                .checklist
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind == kind)
                .collect();
            if items.is_empty() {
                continue;
            }
            ui.add_space(4.0);
            ui.label(kind.label(lang));
            for (i, c) in items {
                ui.horizontal(|ui| {
                    let mut done = c.done;
                    if ui.checkbox(&mut done, &c.text).changed() {
                        let mut q = p.clone();
                        q.checklist[i].done = done;
                        changed = Some((q, Text::ItemDone));
                    }
                    if ui.small_button(Text::Remove.get(lang)).clicked() {
                        let mut q = p.clone();
                        q.checklist.remove(i);
                        changed = Some((q, Text::Remove));
                    }
                });
            }
        }
        ui.add_space(8.0);
        if let Some(q) = self.add_form(ui, cx, p) {
            changed = Some((q, Text::ItemDone));
        }
        let from_text = p.checklist_from_materials();
        if !from_text.is_empty() && ui.button(Text::ItemsFromText.get(lang)).clicked() {
            let mut q = p.clone();
            q.checklist.extend(from_text);
            changed = Some((q, Text::ItemDone));
        }
        if let Some((q, what)) = changed {
            let label = format!("{} {}", what.get(lang), p.name);
            save_event(cx, q, label, what);
        }
    }

    fn add_form(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) -> Option<Promotion> {
        let lang = cx.lang;
        let errors = self.errors.clone();
        let mut add = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            form::grid(ui, "promotion_item_form", |ui| {
                form::choice(
                    ui,
                    Text::ItemKind.get(lang),
                    &mut self.kind,
                    &CheckKind::ALL,
                    lang,
                );
                let r = form::text(
                    ui,
                    Text::Item.get(lang),
                    &mut self.text,
                    "checklist",
                    &errors,
                    lang,
                );
                add |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            add |= ui.button(Text::AddItem.get(lang)).clicked();
        });
        if !add {
            return None;
        }
        let mut q = p.clone();
        q.checklist.push(CheckItem {
            kind: self.kind,
            text: self.text.trim().to_owned(),
            done: false,
        });
        let e = q.validate();
        if !e.is_empty() {
            self.errors = e;
            return None;
        }
        self.text.clear();
        self.errors = Errors::new();
        Some(q)
    }
}
