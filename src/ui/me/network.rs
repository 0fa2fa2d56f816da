//! 行业影响力: the people of your industry network and the events where you meet them.
//! Each person has a desired interval between contacts; those past it are the "losing
//! touch" list, the most overdue first. Logging a contact (here, or an interaction with
//! the customer contact a person is linked to) restarts their clock.

use super::{Asks, Editor, Text, checked, days, heading_with_add, labelled, row_buttons};
use crate::analytics::me::{last_contact, losing_touch};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;
use chrono::{Days, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct PersonDraft {
    pub id: PersonId,
    pub name: String,
    pub company: String,
    pub met_at: String,
    pub topics: String,
    pub every_days: String,
    pub last_contact: String,
    pub contact: Option<ContactId>,
    pub notes: String,
}

impl PersonDraft {
    pub fn new() -> Self {
        PersonDraft {
            id: PersonId(0),
            name: String::new(),
            company: String::new(),
            met_at: String::new(),
            topics: String::new(),
            every_days: "30".into(),
            last_contact: String::new(),
            contact: None,
            notes: String::new(),
        }
    }
    pub fn of(p: &Person) -> Self {
        PersonDraft {
            id: p.id,
            name: p.name.clone(),
            company: p.company.clone(),
            met_at: p.met_at.clone(),
            topics: p.topics.clone(),
            every_days: p.every_days.to_string(),
            last_contact: crate::ui::format::date(p.last_contact),
            contact: p.contact,
            notes: p.notes.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let every = super::parse_number(&mut e, "every_days", &self.every_days, 0, 3650);
        let last = form::parse_into(
            &mut e,
            "last_contact",
            parse_optional_date(&self.last_contact),
        );
        let p = Person {
            id: self.id,
            name: self.name.trim().to_owned(),
            company: self.company.trim().to_owned(),
            met_at: self.met_at.trim().to_owned(),
            topics: self.topics.trim().to_owned(),
            every_days: every as u32,
            last_contact: last.flatten(),
            contact: self.contact,
            notes: self.notes.trim().to_owned(),
        };
        checked(e, Record::Person(p))
    }
}

impl Default for PersonDraft {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub id: NetworkEventId,
    pub name: String,
    pub date: String,
    pub place: String,
    pub people: Vec<PersonId>,
    pub notes: String,
}

impl EventDraft {
    pub fn new(today: NaiveDate) -> Self {
        EventDraft {
            id: NetworkEventId(0),
            name: String::new(),
            date: today.to_string(),
            place: String::new(),
            people: Vec::new(),
            notes: String::new(),
        }
    }
    pub fn of(x: &NetworkEvent) -> Self {
        EventDraft {
            id: x.id,
            name: x.name.clone(),
            date: x.date.to_string(),
            place: x.place.clone(),
            people: x.people.clone(),
            notes: x.notes.clone(),
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let x = NetworkEvent {
            id: self.id,
            name: self.name.trim().to_owned(),
            date: date.unwrap_or_default(),
            place: self.place.trim().to_owned(),
            people: self.people.clone(),
            notes: self.notes.trim().to_owned(),
        };
        checked(e, Record::NetworkEvent(x))
    }
}

#[derive(Default)]
pub struct NetworkState {
    pub selected: Option<PersonId>,
    pub person_form: Option<Editor<PersonDraft>>,
    pub event_form: Option<Editor<EventDraft>>,
    /// A note for the next contact logged with the selected person.
    pub touch_note: String,
}

/// "逾期 12 天" / "12 days overdue", "从未联系" / "never contacted".
fn overdue(lang: Lang, d: &crate::analytics::me::Drift) -> String {
    match (d.last, d.days_overdue) {
        (None, _) => Text::NeverContacted.get(lang).to_owned(),
        (_, 0) => Text::DueToday.get(lang).to_owned(),
        (_, n) => crate::ui::format::overdue_days(lang, n),
    }
}

/// The change that logs a contact with `person` on `date`.
pub fn log_contact(person: PersonId, date: NaiveDate, note: &str) -> Change {
    Change::put(Record::Touch(Touch {
        id: TouchId(0),
        person,
        date,
        note: note.trim().to_owned(),
    }))
}

impl NetworkState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        let mut log: Option<PersonId> = None;
        ui.heading(Text::LosingTouch.get(lang));
        ui.weak(Text::LosingTouchHint.get(lang));
        let drifting = losing_touch(cx.doc.ws(), cx.today);
        if drifting.is_empty() {
            ui.label(Text::AllInTouch.get(lang));
        }
        egui::Grid::new("me_losing_touch")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for d in &drifting {
                    let Some(p) = cx.doc.ws().me.people.get(d.person) else {
                        continue;
                    };
                    if ui.link(p.name.as_str()).clicked() {
                        self.selected = Some(p.id);
                    }
                    ui.label(p.company.as_str());
                    ui.colored_label(ui.visuals().warn_fg_color, overdue(lang, d));
                    if ui
                        .button(Text::LogContact.get(lang))
                        .on_hover_text(labelled(lang, Text::LogContact.get(lang), &p.name))
                        .clicked()
                    {
                        log = Some(p.id);
                    }
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        if heading_with_add(ui, Text::People.get(lang), Text::NewPerson.get(lang)) {
            self.person_form = Some(Editor::new(PersonDraft::new()));
        }
        self.person_form_ui(ui, cx);
        self.people(ui, cx);
        if let Some(id) = self.selected {
            self.detail(ui, cx, id, &mut log, asks);
        }
        if let Some(id) = log {
            let note = std::mem::take(&mut self.touch_note);
            let name = cx
                .doc
                .ws()
                .me
                .people
                .get(id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let label = labelled(lang, Text::LogContact.get(lang), &name);
            let _ = cx.apply_and_report(
                log_contact(id, cx.today, &note),
                label,
                Text::ContactLogged.get(lang),
            );
        }
        ui.add_space(8.0);
        self.events(ui, cx, asks);
    }

    fn people(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        let lang = cx.lang;
        let ws = &cx.doc.ws();
        if ws.me.people.is_empty() {
            ui.weak(T::NothingYet.get(lang));
            return;
        }
        let mut people: Vec<&Person> = ws.me.people.iter().collect();
        people.sort_by(|a, b| a.name.cmp(&b.name));
        egui::Grid::new("me_people")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for h in [
                    Text::Name,
                    Text::Company,
                    Text::MetAt,
                    Text::LastContact,
                    Text::NextContact,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for p in people {
                    let picked = self.selected == Some(p.id);
                    if ui.selectable_label(picked, p.name.as_str()).clicked() {
                        self.selected = if picked { None } else { Some(p.id) };
                    }
                    ui.label(p.company.as_str());
                    ui.label(p.met_at.as_str());
                    let last = last_contact(ws, p.id);
                    ui.label(crate::ui::format::date(last));
                    ui.label(match (last, p.every_days) {
                        (_, 0) => "—".to_owned(),
                        (Some(l), n) => (l + Days::new(u64::from(n))).to_string(),
                        (None, _) => Text::NeverContacted.get(lang).to_owned(),
                    });
                    ui.end_row();
                }
            });
    }

    fn detail(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Cx,
        id: PersonId,
        log: &mut Option<PersonId>,
        asks: &mut Asks,
    ) {
        let lang = cx.lang;
        let ws = &cx.doc.ws();
        let Some(p) = ws.me.people.get(id) else {
            self.selected = None;
            return;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.strong(p.name.as_str());
                let (e, d) = row_buttons(ui, lang);
                if e {
                    self.person_form = Some(Editor::new(PersonDraft::of(p)));
                }
                if d {
                    asks.delete = Some((RecordKey::Person(p.id), p.name.clone()));
                }
            });
            for (label, value) in [
                (Text::Company, p.company.as_str()),
                (Text::MetAt, p.met_at.as_str()),
                (Text::Topics, p.topics.as_str()),
                (Text::Notes, p.notes.as_str()),
            ] {
                if !value.is_empty() {
                    ui.label(labelled(lang, label.get(lang), value));
                }
            }
            if p.every_days > 0 {
                ui.label(labelled(
                    lang,
                    Text::Every.get(lang),
                    days(lang, p.every_days.into()),
                ));
            }
            if let Some(k) = p.contact.and_then(|k| ws.customers.contacts.get(k)) {
                ui.label(labelled(
                    lang,
                    Text::LinkedContact.get(lang),
                    format!("{} · {}", k.name, ws.customer_name(k.customer)),
                ));
            }
            ui.horizontal(|ui| {
                let l = ui.label(Text::ContactNote.get(lang));
                ui.add(egui::TextEdit::singleline(&mut self.touch_note).desired_width(220.0))
                    .labelled_by(l.id);
                if ui.button(Text::LogContactToday.get(lang)).clicked() {
                    *log = Some(p.id);
                }
            });
            let mut touches: Vec<&Touch> =
                ws.me.touches.iter().filter(|t| t.person == id).collect();
            touches.sort_by_key(|t| std::cmp::Reverse((t.date, t.id)));
            for t in touches.into_iter().take(8) {
                ui.horizontal(|ui| {
                    ui.weak(t.date.to_string());
                    ui.label(t.note.as_str());
                    if ui.small_button(T::Delete.get(lang)).clicked() {
                        asks.delete = Some((RecordKey::Touch(t.id), t.date.to_string()));
                    }
                });
            }
        });
    }

    fn person_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.person_form.is_none() {
            return;
        }
        let ws = &cx.doc.ws();
        let mut contacts: Vec<(ContactId, String)> = ws
            .customers
            .contacts
            .iter()
            .map(|k| {
                (
                    k.id,
                    format!("{} · {}", k.name, ws.customer_name(k.customer)),
                )
            })
            .collect();
        contacts.sort_by(|a, b| a.1.cmp(&b.1));
        let words = super::FormWords {
            id: "person_form",
            new: Text::NewPerson,
            edit: Text::EditPerson,
            saved: Text::PersonSaved,
        };
        super::edit_form(ui, cx, &mut self.person_form, words, |ui, d, f, fresh| {
            let r = f.text(ui, Text::Name.get(lang), &mut d.name, "name");
            super::first_field(r, fresh);
            f.text(ui, Text::Company.get(lang), &mut d.company, "company");
            f.text(ui, Text::MetAt.get(lang), &mut d.met_at, "met_at");
            f.text(ui, Text::Topics.get(lang), &mut d.topics, "topics");
            f.text(
                ui,
                Text::EveryDays.get(lang),
                &mut d.every_days,
                "every_days",
            );
            f.date(
                ui,
                Text::LastContact.get(lang),
                &mut d.last_contact,
                "last_contact",
            );
            f.pick(
                ui,
                Text::LinkedContact.get(lang),
                &mut d.contact,
                &contacts,
                "contact",
            );
            f.multiline(ui, Text::Notes.get(lang), &mut d.notes, "notes");
        });
    }

    fn events(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::Events.get(lang), Text::NewEvent.get(lang)) {
            self.event_form = Some(Editor::new(EventDraft::new(cx.today)));
        }
        self.event_form_ui(ui, cx);
        let ws = &cx.doc.ws();
        let mut events: Vec<&NetworkEvent> = ws.me.events.iter().collect();
        events.sort_by_key(|x| std::cmp::Reverse((x.date, x.id)));
        if events.is_empty() {
            ui.weak(T::NothingYet.get(lang));
        }
        let mut edit = None;
        for x in events {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{} · {}", x.date, x.name));
                if !x.place.is_empty() {
                    ui.label(x.place.as_str());
                }
                let who: Vec<&str> = x
                    .people
                    .iter()
                    .filter_map(|p| ws.me.people.get(*p))
                    .map(|p| p.name.as_str())
                    .collect();
                if !who.is_empty() {
                    ui.weak(labelled(lang, Text::Met.get(lang), super::join(lang, &who)));
                }
                super::row_actions(
                    ui,
                    lang,
                    &mut edit,
                    || EventDraft::of(x),
                    asks,
                    RecordKey::NetworkEvent(x.id),
                    || x.name.clone(),
                );
            });
        }
        if let Some(d) = edit {
            self.event_form = Some(Editor::new(d));
        }
    }

    fn event_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.event_form.is_none() {
            return;
        }
        let people: Vec<(PersonId, String)> = cx
            .doc
            .ws()
            .me
            .people
            .iter()
            .map(|p| (p.id, p.name.clone()))
            .collect();
        let words = super::FormWords {
            id: "event_form",
            new: Text::NewEvent,
            edit: Text::EditEvent,
            saved: Text::EventSaved,
        };
        super::edit_form(ui, cx, &mut self.event_form, words, |ui, d, f, fresh| {
            let r = f.text(ui, Text::EventName.get(lang), &mut d.name, "name");
            super::first_field(r, fresh);
            f.date(ui, T::Date.get(lang), &mut d.date, "date");
            f.text(ui, Text::Place.get(lang), &mut d.place, "place");
            super::chips(ui, Text::Met.get(lang), &people, &mut d.people);
            f.multiline(ui, Text::Notes.get(lang), &mut d.notes, "notes");
        });
    }
}

impl super::Draft for PersonDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}

impl super::Draft for EventDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
