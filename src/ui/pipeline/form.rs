//! The deal form: a draft of strings, validated into a `Deal` on save. The customer is
//! found by typing part of its name; the expected close goes through
//! `Deal::set_expected_close`, so a later date counts as a slip and the first date is
//! kept; the manual probability stays until cleared here.

use super::Text;
use crate::analytics::FilterChoices;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::format::money_input;
use crate::ui::widgets::form;
use chrono::NaiveDate;

/// How many customer matches the form lists under the search field.
const MAX_MATCHES: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct DealDraft {
    /// 0 for a new deal.
    pub id: DealId,
    pub title: String,
    pub customer: Option<CustomerId>,
    /// What is typed in the customer field.
    pub customer_query: String,
    pub owner: Option<MemberId>,
    /// The stage a new deal starts in (an existing deal moves on the board instead).
    pub stage: Stage,
    pub product: String,
    pub region: String,
    pub source: Option<SourceRef>,
    pub amount: String,
    pub expected_close: String,
    /// Manual probability in percent; empty means the stage default.
    pub probability: String,
    pub next_step: String,
    pub next_step_due: String,
    pub notes: String,
    matches: Vec<(CustomerId, String)>,
    more_matches: bool,
    matched_query: Option<String>,
    /// "＋ New customer" was clicked: the page creates a customer named as typed and
    /// picks it (one undo step of its own).
    pub new_customer: bool,
}

impl DealDraft {
    pub fn new(_today: NaiveDate) -> Self {
        DealDraft {
            id: DealId(0),
            title: String::new(),
            customer: None,
            customer_query: String::new(),
            owner: None,
            stage: Stage::Lead,
            product: String::new(),
            region: String::new(),
            source: None,
            amount: String::new(),
            expected_close: String::new(),
            probability: String::new(),
            next_step: String::new(),
            next_step_due: String::new(),
            notes: String::new(),
            matches: Vec::new(),
            more_matches: false,
            matched_query: None,
            new_customer: false,
        }
    }

    pub fn from_deal(d: &Deal, ws: &Workspace) -> Self {
        let name = ws.customer_name(d.customer).to_owned();
        DealDraft {
            id: d.id,
            title: d.title.clone(),
            customer: Some(d.customer),
            customer_query: name.clone(),
            owner: Some(d.owner),
            stage: d.stage,
            product: d.product.clone(),
            region: d.region.clone(),
            source: d.source,
            amount: money_input(d.amount),
            expected_close: crate::ui::format::date(d.expected_close),
            probability: d
                .probability_override
                .map(|p| p.to_string())
                .unwrap_or_default(),
            next_step: d.next_step.clone(),
            next_step_due: crate::ui::format::date(d.next_step_due),
            notes: d.notes.clone(),
            matches: Vec::new(),
            more_matches: false,
            matched_query: Some(name),
            new_customer: false,
        }
    }

    /// Picks a customer: fills the field with its name and, where still empty, the
    /// region and owner from the customer.
    pub fn choose_customer(&mut self, c: &Customer) {
        self.customer = Some(c.id);
        self.customer_query = c.name.clone();
        self.matched_query = Some(c.name.clone());
        self.matches.clear();
        if self.region.trim().is_empty() {
            self.region = c.region.clone();
        }
        if self.owner.is_none() {
            self.owner = c.owner;
        }
    }

    /// The customer "＋ New customer" makes: named as typed, in the deal's region, owned
    /// by the deal's rep.
    pub fn customer_to_create(&self, today: NaiveDate) -> Customer {
        let mut c = Customer::new(self.customer_query.trim(), today);
        c.region = self.region.trim().to_owned();
        c.owner = self.owner;
        c
    }

    /// Recomputes the customer matches when the typed text changed.
    fn refresh_matches(&mut self, ws: &Workspace) {
        if self.matched_query.as_deref() == Some(self.customer_query.as_str()) {
            return;
        }
        self.matched_query = Some(self.customer_query.clone());
        self.matches.clear();
        self.more_matches = false;
        let q = self.customer_query.trim().to_lowercase();
        // Typing changes the choice until a match is picked again (an exact name counts).
        self.customer = ws
            .customers
            .customers
            .iter()
            .find(|c| c.name.trim().to_lowercase() == q && !q.is_empty())
            .map(|c| c.id);
        if q.is_empty() || self.customer.is_some() {
            return;
        }
        for c in ws
            .customers
            .customers
            .iter()
            .filter(|c| c.name.to_lowercase().contains(&q))
        {
            if self.matches.len() == MAX_MATCHES {
                self.more_matches = true;
                break;
            }
            self.matches.push((c.id, c.name.clone()));
        }
    }

    /// Parses and validates; every problem is reported at its field. `existing` is the
    /// deal as stored (for an edit); a new deal starts in `self.stage` today.
    pub fn build(&self, existing: Option<&Deal>, today: NaiveDate) -> Result<Deal, Errors> {
        let mut e = Errors::new();
        let amount = form::parse_into(&mut e, "amount", parse_money(&self.amount));
        let close = form::parse_into(
            &mut e,
            "expected_close",
            parse_optional_date(&self.expected_close),
        );
        let due = form::parse_into(
            &mut e,
            "next_step_due",
            parse_optional_date(&self.next_step_due),
        );
        let probability = if self.probability.trim().is_empty() {
            Some(None)
        } else {
            form::parse_into(
                &mut e,
                "probability",
                parse_int(&self.probability, 0, 100).map(|p| Some(p as u8)),
            )
        };
        if self.customer.is_none() {
            e.add("customer", Problem::Required);
        }
        if self.owner.is_none() {
            e.add("owner", Problem::Required);
        }
        let mut d = match existing {
            Some(x) => x.clone(),
            None => Deal::new(self.stage, today),
        };
        d.title = self.title.trim().to_owned();
        d.customer = self.customer.unwrap_or_default();
        d.owner = self.owner.unwrap_or_default();
        d.product = self.product.trim().to_owned();
        d.region = self.region.trim().to_owned();
        d.source = self.source;
        if let Some(a) = amount {
            d.amount = a;
        }
        if let Some(p) = probability {
            d.probability_override = p;
        }
        if let Some(c) = close {
            d.set_expected_close(c);
        }
        if let Some(n) = due {
            d.next_step_due = n;
        }
        let next_step = self.next_step.trim().to_owned();
        // Only activity counts, not an edit: a new next step means the last one was
        // done (interactions and stage moves count where they happen).
        if existing.is_some() && next_step != d.next_step {
            d.last_activity = d.last_activity.max(today);
        }
        d.next_step = next_step;
        d.notes = self.notes.clone();
        for fe in d.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| d)
    }
}

pub use crate::ui::widgets::form::FormAction;

pub fn show(
    ui: &mut egui::Ui,
    draft: &mut DealDraft,
    errors: &Errors,
    ws: &Workspace,
    choices: &FilterChoices,
    lang: Lang,
) -> FormAction {
    let t = |k: T| k.get(lang);
    let p = |k: Text| k.get(lang);
    ui.heading(if draft.id.0 == 0 {
        p(Text::NewDeal)
    } else {
        p(Text::EditDeal)
    });
    ui.add_space(6.0);
    draft.refresh_matches(ws);
    let members =
        crate::ui::widgets::form::member_options(ws, |m| m.active || Some(m.id) == draft.owner);
    let mut action = FormAction::None;
    egui::ScrollArea::vertical()
        .id_salt("deal_form")
        .show(ui, |ui| {
            form::grid(ui, "deal_form_grid", |ui| {
                form::text(
                    ui,
                    p(Text::DealTitle),
                    &mut draft.title,
                    "title",
                    errors,
                    lang,
                );
                customer_row(ui, draft, errors, ws, lang);
                form::pick(
                    ui,
                    p(Text::Rep),
                    &mut draft.owner,
                    &members,
                    None,
                    "owner",
                    errors,
                    lang,
                );
                if draft.id.0 == 0 {
                    form::choice(ui, p(Text::Stage), &mut draft.stage, &Stage::OPEN, lang);
                }
                suggest_row(
                    ui,
                    p(Text::Product),
                    &mut draft.product,
                    "product",
                    &choices.products,
                    errors,
                    lang,
                );
                suggest_row(
                    ui,
                    t(T::Region),
                    &mut draft.region,
                    "region",
                    &choices.regions,
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
                form::text(ui, t(T::Amount), &mut draft.amount, "amount", errors, lang);
                form::date(
                    ui,
                    p(Text::ExpectedClose),
                    &mut draft.expected_close,
                    "expected_close",
                    errors,
                    lang,
                );
                probability_row(ui, draft, errors, ws, lang);
                form::text(
                    ui,
                    p(Text::NextStep),
                    &mut draft.next_step,
                    "next_step",
                    errors,
                    lang,
                );
                form::date(
                    ui,
                    p(Text::NextStepDue),
                    &mut draft.next_step_due,
                    "next_step_due",
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

/// The customer field: type part of a name, pick one of the matches below.
fn customer_row(
    ui: &mut egui::Ui,
    draft: &mut DealDraft,
    errors: &Errors,
    ws: &Workspace,
    lang: Lang,
) {
    let l = ui.label(Text::Customer.get(lang));
    let msg = form::message(
        ui,
        "customer",
        (&draft.customer_query, draft.customer),
        errors,
    );
    ui.vertical(|ui| {
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut draft.customer_query)
                    .hint_text(Text::TypeToSearch.get(lang))
                    .desired_width(280.0),
            )
            .labelled_by(l.id);
        let mut chosen = None;
        if draft.customer.is_none() && !draft.customer_query.trim().is_empty() {
            if draft.matches.is_empty() {
                ui.weak(Text::NoCustomerMatch.get(lang));
            }
            for (id, name) in &draft.matches {
                if ui.selectable_label(false, format!("→ {name}")).clicked() {
                    chosen = Some(*id);
                }
            }
            if draft.more_matches {
                ui.weak(format!("… {}", Text::MoreMatches.get(lang)));
            }
        }
        if draft.customer.is_none() {
            // None of them is the one: make it here, without leaving the deal.
            let typed = draft.customer_query.trim();
            let text = if typed.is_empty() {
                Text::NewCustomerEllipsis.get(lang).to_owned()
            } else {
                Text::new_customer_named(lang, typed)
            };
            let r = ui.add_enabled(!typed.is_empty(), egui::Button::new(format!("＋ {text}")));
            if r.on_disabled_hover_text(Text::TypeCustomerFirst.get(lang))
                .clicked()
            {
                draft.new_customer = true;
            }
        }
        if let Some(c) = chosen.and_then(|id| ws.customers.customers.get(id)) {
            draft.choose_customer(c);
            // The match picked from the keyboard goes away with the list: the focus goes
            // back to the field, so Tab goes on to the next one (it left the form).
            field.request_focus();
        }
        form::error_line(ui, lang, msg);
    });
    ui.end_row();
}

/// A text field with a drop-down of known values.
fn suggest_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    field: &str,
    options: &[String],
    errors: &Errors,
    lang: Lang,
) {
    let l = ui.label(label);
    let msg = form::message(ui, field, &*value, errors);
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(value).desired_width(248.0))
                .labelled_by(l.id);
            if !options.is_empty() {
                let menu = ui.menu_button("▼", |ui| {
                    let mut picked = false;
                    egui::ScrollArea::vertical()
                        .max_height(300.0)
                        .show(ui, |ui| {
                            for o in options {
                                if ui.button(o.as_str()).clicked() {
                                    *value = o.clone();
                                    picked = true;
                                    ui.close();
                                }
                            }
                        });
                    picked
                });
                // A pick from the keyboard leaves the focus here, so Tab goes on to the
                // next field (it went back to the top of the page).
                if menu.inner == Some(true) {
                    menu.response.request_focus();
                }
            }
        });
        form::error_line(ui, lang, msg);
    });
    ui.end_row();
}

/// The manual probability with its clear button and what the stage default would be.
fn probability_row(
    ui: &mut egui::Ui,
    draft: &mut DealDraft,
    errors: &Errors,
    ws: &Workspace,
    lang: Lang,
) {
    let l = ui.label(Text::ManualProbability.get(lang));
    let msg = form::message(ui, "probability", &draft.probability, errors);
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut draft.probability)
                    .hint_text(Text::ManualHint.get(lang))
                    .desired_width(120.0),
            )
            .labelled_by(l.id);
            if ui
                .add_enabled(
                    !draft.probability.is_empty(),
                    egui::Button::new(Text::ClearOverride.get(lang)),
                )
                .clicked()
            {
                draft.probability.clear();
            }
        });
        if let Some(i) = draft.stage.open_index() {
            ui.weak(format!(
                "{} {}: {}%",
                draft.stage.label(lang),
                Text::StageDefault.get(lang),
                ws.settings.stage_probability[i]
            ));
        }
        form::error_line(ui, lang, msg);
    });
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn valid() -> DealDraft {
        let mut x = DealDraft::new(d("2026-03-01"));
        x.title = "  仓储系统  ".into();
        x.customer = Some(CustomerId(1));
        x.owner = Some(MemberId(1));
        x.amount = "120,000".into();
        x.expected_close = "2026-04-30".into();
        x
    }

    #[test]
    fn every_bad_field_gets_its_message() {
        let mut x = DealDraft::new(d("2026-03-01"));
        x.amount = "-5".into();
        x.expected_close = "2026-02-30".into();
        x.next_step_due = "soon".into();
        x.probability = "130".into();
        let e = x.build(None, d("2026-03-01")).unwrap_err();
        assert_eq!(e.get("title"), Some(&Problem::Required));
        assert_eq!(e.get("customer"), Some(&Problem::Required));
        assert_eq!(e.get("owner"), Some(&Problem::Required));
        assert_eq!(e.get("amount"), Some(&Problem::Negative));
        assert_eq!(e.get("expected_close"), Some(&Problem::NotADate));
        assert_eq!(e.get("next_step_due"), Some(&Problem::NotADate));
        assert_eq!(
            e.get("probability"),
            Some(&Problem::OutOfRange { min: 0, max: 100 })
        );
    }

    #[test]
    fn a_new_deal_starts_its_history_today() {
        let mut x = valid();
        x.stage = Stage::Needs;
        x.probability = "35".into();
        let deal = x.build(None, d("2026-03-01")).unwrap();
        assert_eq!(deal.title, "仓储系统");
        assert_eq!(deal.amount, Money::from_major(120_000));
        assert_eq!(
            deal.history,
            [StageEntry {
                stage: Stage::Needs,
                date: d("2026-03-01")
            }]
        );
        assert_eq!(deal.original_close, Some(d("2026-04-30")));
        assert_eq!(deal.probability_override, Some(35));
        assert_eq!(deal.last_activity, d("2026-03-01"));
    }

    #[test]
    fn only_a_new_next_step_counts_as_activity_in_an_edit() {
        let deal = valid().build(None, d("2026-03-01")).unwrap();
        let ws = Workspace::default();
        let mut edit = DealDraft::from_deal(&deal, &ws);
        edit.customer = Some(CustomerId(1));
        edit.title = "改个名字".into();
        edit.amount = "99000".into();
        let renamed = edit.build(Some(&deal), d("2026-03-20")).unwrap();
        assert_eq!(renamed.last_activity, d("2026-03-01"));
        let mut edit = DealDraft::from_deal(&renamed, &ws);
        edit.customer = Some(CustomerId(1));
        edit.next_step = "寄送样品".into();
        let stepped = edit.build(Some(&renamed), d("2026-03-21")).unwrap();
        assert_eq!(stepped.last_activity, d("2026-03-21"));
    }

    #[test]
    fn pushing_the_close_date_counts_a_slip_and_clearing_drops_the_override() {
        let mut x = valid();
        x.probability = "70".into();
        let deal = x.build(None, d("2026-03-01")).unwrap();
        let ws = Workspace::default();
        let mut edit = DealDraft::from_deal(&deal, &ws);
        edit.customer = Some(CustomerId(1));
        edit.expected_close = "2026-06-30".into();
        edit.probability.clear();
        let later = edit.build(Some(&deal), d("2026-03-05")).unwrap();
        assert_eq!(later.close_slips, 1);
        assert_eq!(later.original_close, Some(d("2026-04-30")));
        assert_eq!(later.expected_close, Some(d("2026-06-30")));
        assert_eq!(later.probability_override, None);
        assert_eq!(
            later.last_activity,
            d("2026-03-01"),
            "an edit is not activity"
        );
        // Saving again without touching the date is no slip.
        let again = DealDraft::from_deal(&later, &ws);
        let mut again = again;
        again.customer = Some(CustomerId(1));
        assert_eq!(
            again
                .build(Some(&later), d("2026-03-06"))
                .unwrap()
                .close_slips,
            1
        );
    }

    #[test]
    fn a_close_date_before_creation_is_refused() {
        let mut x = valid();
        x.expected_close = "2026-02-01".into();
        let e = x.build(None, d("2026-03-01")).unwrap_err();
        assert_eq!(e.get("expected_close"), Some(&Problem::Before("created")));
    }
}
