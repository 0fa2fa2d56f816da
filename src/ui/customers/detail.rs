//! A customer's detail view: the record and its contacts and deals at a glance.

use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_short};

use super::CText;

#[derive(Default)]
pub struct DetailState {}

pub enum DetailAction {
    None,
    Edit,
    Delete,
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, id: CustomerId, _st: &mut DetailState) -> DetailAction {
    let mut action = DetailAction::None;
    let lang = cx.lang;
    let ws = &cx.doc.ws;
    let Some(c) = ws.customers.customers.get(id) else {
        return action;
    };
    ui.horizontal(|ui| {
        ui.heading(&c.name);
        if ui.button(T::Edit.get(lang)).clicked() {
            action = DetailAction::Edit;
        }
        if ui.button(T::Delete.get(lang)).clicked() {
            action = DetailAction::Delete;
        }
    });
    ui.add_space(4.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::Grid::new("customer_detail")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let mut row = |k: &str, v: &str| {
                    ui.weak(k);
                    ui.label(v);
                    ui.end_row();
                };
                row(T::Industry.get(lang), &c.industry);
                row(T::Region.get(lang), &c.region);
                row(
                    T::Owner.get(lang),
                    c.owner.map(|o| ws.member_name(o)).unwrap_or("—"),
                );
                if let Some(s) = c.segment.and_then(|s| ws.marketing.segments.get(s)) {
                    row(CText::Segment.get(lang), &s.name);
                }
                row(T::Phone.get(lang), &c.phone);
                row(T::Email.get(lang), &c.email);
                row(T::Address.get(lang), &c.address);
                row(T::Source.get(lang), &c.source);
                row(T::Created.get(lang), &c.created.to_string());
                row(CText::AnnualPotential.get(lang), &money(c.annual_potential));
            });
        if !c.notes.is_empty() {
            ui.add_space(4.0);
            ui.label(&c.notes);
        }
        ui.separator();
        ui.strong(T::Contacts.get(lang));
        let mut any = false;
        for k in ws.customers.contacts.iter().filter(|k| k.customer == id) {
            any = true;
            ui.label(format!(
                "{}{} · {} · {} · {}",
                if k.primary { "★ " } else { "" },
                k.name,
                k.title,
                k.phone,
                k.email
            ));
        }
        if !any {
            ui.weak(T::NothingYet.get(lang));
        }
        ui.separator();
        ui.strong(T::Pipeline.get(lang));
        let mut deals: Vec<&Deal> = ws.deals.deals.iter().filter(|d| d.customer == id).collect();
        deals.sort_by_key(|d| std::cmp::Reverse(d.last_activity));
        if deals.is_empty() {
            ui.weak(T::NothingYet.get(lang));
        }
        for d in deals {
            ui.label(format!(
                "{} · {} · {} · {}",
                d.title,
                d.stage.label(lang),
                money_short(d.amount, lang),
                ws.member_name(d.owner)
            ));
        }
    });
    action
}
