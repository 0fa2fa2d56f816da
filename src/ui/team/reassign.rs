//! The dialog that hands a rep's accounts and deals to others, as one undoable change;
//! opened from a member's details, or from Delete when the member still owns some (then
//! it reassigns and deletes in the same step).

use crate::i18n::T;
use crate::model::reassign::{holdings, reassign};
use crate::model::*;
use crate::ui::Cx;
use std::collections::BTreeSet;

crate::texts! {
    pub enum Text {
        Title => "转交客户与商机", "Reassign accounts and deals";
        PickWho => "转交给（可多选，按在谈商机数平均分配，同一客户的商机归同一人）：", "Give them to (pick one or more; spread by open deals, a customer's deals stay together):";
        Reassign => "转交", "Reassign";
        ReassignAndDelete => "转交并删除", "Reassign and delete";
        Reassigned => "已转交客户与商机", "Accounts and deals reassigned";
        ReassignedDeleted => "已转交并删除成员", "Reassigned, member deleted";
        PickSomeone => "请至少选择一位成员", "Pick at least one member";
        DeleteNote => "此成员仍负责客户或商机：先转交给他人，再删除。其目标、评估和辅导记录会一并删除；可撤销。", "This member still owns accounts or deals: hand them to others, then delete. Their targets, reviews and coaching notes go too; Undo brings all back.";
    }
    fn {
        owns(accounts, deals, open) => "负责 {accounts} 个客户、{deals} 个商机（{open} 个在谈）", "Owns {accounts} accounts and {deals} deals ({open} open)";
        label(name) => "转交 {name} 的客户与商机", "Reassign {name}'s accounts and deals";
    }
}

pub struct ReassignDialog {
    pub from: MemberId,
    /// Delete the member in the same step.
    pub delete: bool,
    picked: BTreeSet<MemberId>,
    message: Option<&'static str>,
}

/// What the dialog asks of the page after this frame.
pub enum Outcome {
    Open,
    Closed,
    /// Applied; the member was deleted when true.
    Done(bool),
}

impl ReassignDialog {
    pub fn new(from: MemberId, delete: bool) -> Self {
        ReassignDialog {
            from,
            delete,
            picked: BTreeSet::new(),
            message: None,
        }
    }

    pub fn show(&mut self, ctx: &egui::Context, cx: &mut Cx) -> Outcome {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let name = ws.member_name(self.from).to_owned();
        let h = holdings(ws, self.from);
        let mut others: Vec<&Member> = ws
            .team
            .members
            .iter()
            .filter(|m| m.id != self.from && m.active)
            .collect();
        others.sort_by_cached_key(|m| crate::hanzi::order_key(&m.name));
        let mut go = false;
        let r = egui::Modal::new(egui::Id::unique("reassign_member")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(Text::Title.get(lang));
            ui.strong(&name);
            ui.label(Text::owns(lang, h.accounts, h.deals, h.open_deals));
            if self.delete {
                ui.label(Text::DeleteNote.get(lang));
            }
            ui.separator();
            ui.label(Text::PickWho.get(lang));
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .show(ui, |ui| {
                    for m in &others {
                        let mut on = self.picked.contains(&m.id);
                        if ui
                            .checkbox(
                                &mut on,
                                format!("{} · {}", m.name, crate::i18n::Label::label(m.role, lang)),
                            )
                            .changed()
                        {
                            if on {
                                self.picked.insert(m.id);
                            } else {
                                self.picked.remove(&m.id);
                            }
                        }
                    }
                });
            if let Some(msg) = self.message {
                ui.colored_label(ui.visuals().error_fg_color, msg);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let text = if self.delete {
                    Text::ReassignAndDelete
                } else {
                    Text::Reassign
                };
                go = ui.button(text.get(lang)).clicked();
                ui.button(T::Cancel.get(lang)).clicked()
            })
            .inner
        });
        if r.inner || r.should_close() {
            return Outcome::Closed;
        }
        if !go {
            return Outcome::Open;
        }
        if self.picked.is_empty() {
            self.message = Some(Text::PickSomeone.get(lang));
            return Outcome::Open;
        }
        let to: Vec<MemberId> = others
            .iter()
            .map(|m| m.id)
            .filter(|m| self.picked.contains(m))
            .collect();
        let mut batch = reassign(cx.doc.ws(), self.from, &to);
        let (label, done) = if self.delete {
            batch.push(cx.doc.delete_with_dependents(RecordKey::Member(self.from)));
            (
                format!("{} {name}", T::Delete.get(lang)),
                Text::ReassignedDeleted,
            )
        } else {
            (Text::label(lang, &name), Text::Reassigned)
        };
        match cx.apply_and_report(Change::Batch(batch), label, done.get(lang)) {
            Ok(_) => Outcome::Done(self.delete),
            Err(_) => Outcome::Open,
        }
    }
}
