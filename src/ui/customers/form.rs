//! The customer form: a draft of strings, validated into a `Customer` on save.

use super::Text;
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::format::money_input;
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDraft {
    /// 0 for a new customer.
    pub id: CustomerId,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub owner: Option<MemberId>,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub source: Option<SourceRef>,
    pub created: String,
    pub annual_potential: String,
    pub notes: String,
    pub segment: Option<SegmentId>,
}

impl CustomerDraft {
    pub fn new(today: NaiveDate) -> Self {
        CustomerDraft {
            id: CustomerId(0),
            name: String::new(),
            industry: String::new(),
            region: String::new(),
            owner: None,
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            source: None,
            created: today.to_string(),
            annual_potential: "0".into(),
            notes: String::new(),
            segment: None,
        }
    }

    pub fn from_customer(c: &Customer) -> Self {
        CustomerDraft {
            id: c.id,
            name: c.name.clone(),
            industry: c.industry.clone(),
            region: c.region.clone(),
            owner: c.owner,
            phone: c.phone.clone(),
            email: c.email.clone(),
            address: c.address.clone(),
            source: c.source,
            created: c.created.to_string(),
            annual_potential: money_input(c.annual_potential),
            notes: c.notes.clone(),
            segment: c.segment,
        }
    }

    /// Parses and validates; every problem is reported at its field.
    pub fn build(&self) -> Result<Customer, Errors> {
        let mut e = Errors::new();
        let created = form::parse_into(&mut e, "created", parse_date(&self.created));
        let potential = form::parse_into(
            &mut e,
            "annual_potential",
            if self.annual_potential.trim().is_empty() {
                Ok(Money::ZERO)
            } else {
                parse_money(&self.annual_potential)
            },
        );
        let c = Customer {
            id: self.id,
            name: self.name.trim().to_owned(),
            industry: self.industry.trim().to_owned(),
            region: self.region.trim().to_owned(),
            segment: self.segment,
            owner: self.owner,
            phone: self.phone.trim().to_owned(),
            email: self.email.trim().to_owned(),
            address: self.address.trim().to_owned(),
            source: self.source,
            created: created.unwrap_or_default(),
            annual_potential: potential.unwrap_or_default(),
            notes: self.notes.clone(),
        };
        for fe in c.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| c)
    }
}

pub use crate::ui::widgets::form::FormAction;

pub fn show(
    ui: &mut egui::Ui,
    draft: &mut CustomerDraft,
    errors: &Errors,
    ws: &Workspace,
    lang: Lang,
) -> FormAction {
    let t = |k: T| k.get(lang);
    let c = |k: Text| k.get(lang);
    ui.heading(if draft.id.0 == 0 {
        c(Text::NewCustomer)
    } else {
        c(Text::EditCustomer)
    });
    ui.add_space(6.0);
    let members = crate::ui::widgets::form::member_options(ws, |_| true);
    let segments = crate::ui::widgets::form::segment_options(ws);
    let mut action = FormAction::None;
    egui::ScrollArea::vertical()
        .id_salt("customer_form")
        .show(ui, |ui| {
            form::grid(ui, "customer_form", |ui| {
                form::text(ui, t(T::Name), &mut draft.name, "name", errors, lang);
                form::text(
                    ui,
                    t(T::Industry),
                    &mut draft.industry,
                    "industry",
                    errors,
                    lang,
                );
                form::text(ui, t(T::Region), &mut draft.region, "region", errors, lang);
                form::pick(
                    ui,
                    t(T::Owner),
                    &mut draft.owner,
                    &members,
                    Some(t(T::None)),
                    "owner",
                    errors,
                    lang,
                );
                form::pick(
                    ui,
                    c(Text::Segment),
                    &mut draft.segment,
                    &segments,
                    Some(t(T::None)),
                    "segment",
                    errors,
                    lang,
                );
                form::text(ui, t(T::Phone), &mut draft.phone, "phone", errors, lang);
                form::text(ui, t(T::Email), &mut draft.email, "email", errors, lang);
                form::text(
                    ui,
                    t(T::Address),
                    &mut draft.address,
                    "address",
                    errors,
                    lang,
                );
                let sources = crate::ui::sources::source_options(ws, draft.source, lang);
                form::pick(
                    ui,
                    t(T::Source),
                    &mut draft.source,
                    &sources,
                    Some(t(T::None)),
                    "source",
                    errors,
                    lang,
                );
                form::date(
                    ui,
                    t(T::Created),
                    &mut draft.created,
                    "created",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    c(Text::AnnualPotential),
                    &mut draft.annual_potential,
                    "annual_potential",
                    errors,
                    lang,
                );
                form::multiline(ui, t(T::Notes), &mut draft.notes, "notes", errors, lang);
            });
            ui.add_space(8.0);
            action = form::footer(ui, errors, lang);
        });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_reports_each_bad_field() {
        let mut d = CustomerDraft::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        d.created = "2026-13-01".into();
        d.annual_potential = "-5".into();
        d.email = "nope".into();
        let e = d.build().unwrap_err();
        assert_eq!(e.get("name"), Some(&Problem::Required));
        assert_eq!(e.get("created"), Some(&Problem::NotADate));
        assert_eq!(e.get("annual_potential"), Some(&Problem::Negative));
        assert_eq!(e.get("email"), Some(&Problem::NotAnEmail));
    }

    #[test]
    fn a_customer_round_trips_through_its_draft() {
        let mut d = CustomerDraft::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        d.name = "  华为  ".into();
        d.annual_potential = "1,200.50".into();
        let c = d.build().unwrap();
        assert_eq!(c.name, "华为");
        assert_eq!(c.annual_potential, Money(120_050));
        assert_eq!(CustomerDraft::from_customer(&c).build().unwrap(), c);
    }
}
