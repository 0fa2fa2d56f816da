//! A customer's detail view (客户关系管理): the record, then tabs for its contacts, the
//! interaction timeline, feedback items, deals and the loyalty programme.
//!
//! The lists and figures come from [`crate::analytics::relationship`], cached by
//! (revision, customer, today); every edit is one undoable change through `cx.apply`.

use crate::analytics::relationship::{Relationship, relationship};
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::format::{money, money_short};
use crate::ui::{Cx, Page};
use std::sync::Arc;

use super::Text;
use super::words::RText;
use super::{contacts, feedback, interactions, loyalty};

/// The tabs of the detail view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Overview,
    Contacts,
    Interactions,
    Feedback,
    Deals,
    Loyalty,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Contacts,
        Tab::Interactions,
        Tab::Feedback,
        Tab::Deals,
        Tab::Loyalty,
    ];
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Tab::Overview => RText::Overview.get(lang),
            Tab::Contacts => T::Contacts.get(lang),
            Tab::Interactions => RText::Interactions.get(lang),
            Tab::Feedback => RText::Feedback.get(lang),
            Tab::Deals => RText::Deals.get(lang),
            Tab::Loyalty => RText::Loyalty.get(lang),
        }
    }
}

/// The detail view's state: the open tab and each tab's open form.
#[derive(Default)]
pub struct DetailState {
    /// The customer the forms below belong to; another customer resets them.
    customer: Option<CustomerId>,
    pub tab: Tab,
    pub contacts: contacts::ContactsState,
    pub interactions: interactions::InteractionsState,
    pub feedback: feedback::FeedbackState,
    pub loyalty: loyalty::LoyaltyState,
}

pub enum DetailAction {
    None,
    Edit,
    Delete,
}

/// The relationship figures of one customer, from the cache.
pub fn relationship_of(cx: &mut Cx, id: CustomerId) -> Arc<Relationship> {
    let ws = &cx.doc.ws();
    let today = cx.today;
    cx.cache
        .get_or_compute(
            cx.doc.revision(),
            "customer_relationship",
            (id, today),
            || Arc::new(relationship(ws, id, today)),
        )
        .clone()
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, id: CustomerId, st: &mut DetailState) -> DetailAction {
    if st.customer != Some(id) {
        *st = DetailState {
            customer: Some(id),
            tab: st.tab,
            ..DetailState::default()
        };
    }
    let mut action = DetailAction::None;
    let lang = cx.lang;
    let Some(name) = cx
        .doc
        .ws()
        .customers
        .customers
        .get(id)
        .map(|c| c.name.clone())
    else {
        return action;
    };
    let rel = relationship_of(cx, id);
    // Buttons first, then the name wrapped below them: a long name must never push
    // Edit and Delete out of reach.
    ui.horizontal(|ui| {
        if ui.button(T::Edit.get(lang)).clicked() {
            action = DetailAction::Edit;
        }
        if ui.button(T::Delete.get(lang)).clicked() {
            action = DetailAction::Delete;
        }
    });
    ui.add(egui::Label::new(egui::RichText::new(&name).heading()).wrap());
    ui.horizontal_wrapped(|ui| {
        for tab in Tab::ALL {
            if ui
                .selectable_label(st.tab == tab, tab.label(lang))
                .clicked()
            {
                st.tab = tab;
            }
        }
    });
    ui.separator();
    match st.tab {
        Tab::Overview => overview(ui, cx, id, &rel),
        Tab::Contacts => contacts::show(ui, cx, id, &mut st.contacts),
        Tab::Interactions => interactions::show(ui, cx, id, &rel, &mut st.interactions),
        Tab::Feedback => feedback::show(ui, cx, id, &rel, &mut st.feedback),
        Tab::Deals => deals(ui, cx, id, &rel),
        Tab::Loyalty => loyalty::show(ui, cx, id, &rel, &mut st.loyalty),
    }
    action
}

fn overview(ui: &mut egui::Ui, cx: &mut Cx, id: CustomerId, rel: &Relationship) {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    let Some(c) = ws.customers.customers.get(id) else {
        return;
    };
    crate::ui::widgets::side::record_scroll(ui, "customer_overview", id).show(ui, |ui| {
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
                    row(Text::Segment.get(lang), &s.name);
                }
                row(T::Phone.get(lang), &c.phone);
                row(T::Email.get(lang), &c.email);
                row(T::Address.get(lang), &c.address);
                row(
                    T::Source.get(lang),
                    &crate::ui::sources::source_text(ws, c.source, lang),
                );
                row(T::Created.get(lang), &c.created.to_string());
                row(Text::Potential.get(lang), &money(c.annual_potential));
                let tier = rel
                    .loyalty
                    .tier
                    .and_then(|t| ws.customers.loyalty.tiers.get(t))
                    .map(|t| crate::i18n::tier_name(lang, t))
                    .unwrap_or(RText::NoTier.get(lang));
                row(RText::Tier.get(lang), tier);
                let open = rel
                    .deals
                    .iter()
                    .filter_map(|d| ws.deals.deals.get(*d))
                    .filter(|d| d.stage.is_open())
                    .count();
                row(RText::OpenDeals.get(lang), &open.to_string());
                row(
                    RText::FollowUpsDue.get(lang),
                    &rel.follow_ups_due.to_string(),
                );
                let open_feedback = rel
                    .feedback
                    .iter()
                    .filter_map(|f| ws.customers.feedback.get(*f))
                    .filter(|f| f.status != FeedbackStatus::Resolved)
                    .count();
                row(RText::OpenFeedback.get(lang), &open_feedback.to_string());
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
            ui.label(contacts::contact_line(k));
        }
        if !any {
            ui.weak(T::NothingYet.get(lang));
        }
    });
}

/// The customer's deals; a click opens the deal on the Pipeline page.
fn deals(ui: &mut egui::Ui, cx: &mut Cx, id: CustomerId, rel: &Relationship) {
    let lang = cx.lang;
    if rel.deals.is_empty() {
        ui.weak(T::NothingYet.get(lang));
        return;
    }
    ui.weak(super::super::pipeline::deals_count(lang, rel.deals.len()));
    let mut open = None;
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    crate::ui::widgets::side::record_scroll(ui, "customer_deals", id).show_rows(
        ui,
        row_h,
        rel.deals.len(),
        |ui, rows| {
            let ws = &cx.doc.ws();
            for i in rows {
                let Some(d) = ws.deals.deals.get(rel.deals[i]) else {
                    continue;
                };
                let text = format!(
                    "{} · {} · {} · {}",
                    d.title,
                    d.stage.label(lang),
                    money_short(d.amount, lang),
                    ws.member_name(d.owner)
                );
                if ui
                    .add_sized(
                        [ui.available_width(), row_h],
                        egui::Button::selectable(false, text).truncate(),
                    )
                    .clicked()
                {
                    open = Some(d.id);
                }
            }
        },
    );
    if let Some(id) = open {
        cx.go(Page::Pipeline, Some(RecordKey::Deal(id)));
    }
}
