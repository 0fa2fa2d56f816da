//! The Me page (个人发展): the manager's own growth. Time in four quadrants with a daily
//! focus list and a week planner, stress check-ins with their trend, an industry network
//! that says who you are losing touch with, career goals, learning, leadership
//! self-assessments and a weekly review. One file per section; the figures come from
//! [`crate::analytics::me`].

pub mod goals;
pub mod leadership;
pub mod learning;
pub mod network;
pub mod review;
pub mod stress;
pub mod text;
pub mod time;

use super::Cx;
use super::widgets::confirm::{Answer, confirm_delete};
use super::widgets::form::{self, FormAction};
use crate::i18n::{Lang, T};
use crate::model::*;
pub use text::Text;

/// The sections of the page, in the order of the tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Time,
    Stress,
    Network,
    Goals,
    Learning,
    Leadership,
    Review,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Time,
        Section::Stress,
        Section::Network,
        Section::Goals,
        Section::Learning,
        Section::Leadership,
        Section::Review,
    ];
    pub fn title(self) -> Text {
        match self {
            Section::Time => Text::TabTime,
            Section::Stress => Text::TabStress,
            Section::Network => Text::TabNetwork,
            Section::Goals => Text::TabGoals,
            Section::Learning => Text::TabLearning,
            Section::Leadership => Text::TabLeadership,
            Section::Review => Text::TabReview,
        }
    }
}

/// A form open on a draft, with the problems of its last save.
pub struct Editor<D> {
    pub draft: D,
    pub errors: Errors,
    /// Just opened: its first field takes the keyboard focus.
    pub fresh: bool,
}

impl<D> Editor<D> {
    pub fn new(draft: D) -> Self {
        Editor {
            draft,
            errors: Errors::new(),
            fresh: true,
        }
    }
}

/// Gives a just-opened form's first field the keyboard focus.
pub fn first_field(r: egui::Response, fresh: bool) {
    if fresh {
        r.request_focus();
    }
}

/// A delete waiting for the user's yes: the record and how to name it.
struct PendingDelete {
    key: RecordKey,
    what: String,
}

#[derive(Default)]
pub struct MePage {
    pub section: Section,
    pub time: time::TimeState,
    pub stress: stress::StressState,
    pub network: network::NetworkState,
    pub goals: goals::GoalsState,
    pub learning: learning::LearningState,
    pub leadership: leadership::LeadershipState,
    pub review: review::ReviewState,
    delete: Option<PendingDelete>,
}

/// What a section asks of the page after drawing.
#[derive(Default)]
pub struct Asks {
    /// Delete this record (after the user confirms), named so.
    pub delete: Option<(RecordKey, String)>,
}

impl crate::ui::PageView for MePage {
    const TITLE: T = T::Me;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.show_page(ui, cx)
    }
    fn focus(&mut self, route: &crate::ui::Route, _ws: &Workspace) -> bool {
        if let Some(key) = route.record {
            self.focus_record(key);
        }
        true
    }
    /// Ctrl+N adds on the tab in front: a task, a check-in, a person, a goal, a learning
    /// item or an assessment. The weekly review is one form already open.
    fn new_record(&mut self, cx: &mut Cx) {
        match self.section {
            Section::Time => {
                self.time.task_form = Some(Editor::new(time::TaskDraft::new(Quadrant::Plan)))
            }
            Section::Stress => {
                self.stress.form = Some(Editor::new(stress::CheckInDraft::new(cx.today)))
            }
            Section::Network => {
                self.network.person_form = Some(Editor::new(network::PersonDraft::new()))
            }
            Section::Goals => self.goals.form = Some(Editor::new(goals::GoalDraft::new())),
            Section::Learning => {
                self.learning.form = Some(Editor::new(learning::LearningDraft::new()))
            }
            Section::Leadership => {
                let d = leadership::AssessmentDraft::new(cx.doc.ws(), cx.today);
                self.leadership.form = Some(Editor::new(d));
            }
            Section::Review => {}
        }
    }
}

impl MePage {
    /// Opens the section a record lives in (search, the Dashboard's follow-ups).
    pub fn focus_record(&mut self, key: RecordKey) {
        self.section = match key {
            RecordKey::Task(_) | RecordKey::TimeBlock(_) => Section::Time,
            RecordKey::StressCheckIn(_) => Section::Stress,
            RecordKey::Person(_) | RecordKey::Touch(_) | RecordKey::NetworkEvent(_) => {
                Section::Network
            }
            RecordKey::CareerGoal(_) => Section::Goals,
            RecordKey::LearningItem(_) => Section::Learning,
            RecordKey::Assessment(_) => Section::Leadership,
            RecordKey::WeeklyReview(_) => Section::Review,
            _ => self.section,
        };
        if let RecordKey::Person(p) = key {
            self.network.selected = Some(p);
        }
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.heading(cx.t(T::Me));
            ui.add_space(12.0);
            for s in Section::ALL {
                ui.selectable_value(&mut self.section, s, s.title().get(lang));
            }
        });
        ui.separator();
        let mut asks = Asks::default();
        egui::ScrollArea::both()
            .id_salt(("me_scroll", self.section as u8))
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 12.0);
                match self.section {
                    Section::Time => self.time.show(ui, cx, &mut asks),
                    Section::Stress => self.stress.show(ui, cx, &mut asks),
                    Section::Network => self.network.show(ui, cx, &mut asks),
                    Section::Goals => self.goals.show(ui, cx, &mut asks),
                    Section::Learning => self.learning.show(ui, cx, &mut asks),
                    Section::Leadership => self.leadership.show(ui, cx, &mut asks),
                    Section::Review => self.review.show(ui, cx),
                }
            });
        if let Some((key, what)) = asks.delete {
            self.delete = Some(PendingDelete { key, what });
        }
        self.delete_dialog(ui.ctx(), cx);
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(p) = &self.delete else {
            return;
        };
        let lang = cx.lang;
        match confirm_delete(ctx, "me_confirm_delete", &p.what, lang) {
            Answer::Pending => {}
            Answer::No => self.delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(p.key);
                let label = format!("{} {}", T::Delete.get(lang), p.what);
                let _ = cx.apply_and_report(change, label, Text::Deleted.get(lang));
                self.delete = None;
            }
        }
    }
}

/// A form in a group frame: its title, a two-column grid of fields, then Save / Cancel.
/// Returns what the user asked for.
pub fn form_frame(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    errors: &Errors,
    lang: Lang,
    fields: impl FnOnce(&mut egui::Ui),
) -> FormAction {
    egui::Frame::group(ui.style())
        .show(ui, |ui| {
            ui.strong(title);
            form::grid(ui, id, fields);
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter) && i.modifiers.command);
            let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
            match form::footer(ui, errors, lang) {
                FormAction::None if enter => {
                    crate::ui::widgets::keys::saving(ui);
                    FormAction::Save
                }
                FormAction::None if escape => FormAction::Cancel,
                a => a,
            }
        })
        .inner
}

/// A draft a form edits: new (id 0) or an edit, and the change its Save makes.
pub trait Draft {
    fn is_new(&self) -> bool;
    fn build(&self, ws: &Workspace, today: chrono::NaiveDate) -> Result<Change, Errors>;
}

/// The words of a form: its grid's id, its titles when new and when editing, and the
/// toast after a save.
pub struct FormWords {
    pub id: &'static str,
    pub new: Text,
    pub edit: Text,
    pub saved: Text,
}

/// Draws the open form of `editor` (if any) with `fields` (given the draft, its errors
/// and whether the form just opened, for the first field's focus), then saves or
/// closes it as the user asks.
pub fn edit_form<D: Draft>(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    editor: &mut Option<Editor<D>>,
    words: FormWords,
    fields: impl FnOnce(&mut egui::Ui, &mut D, &Fields, bool),
) {
    let lang = cx.lang;
    let Some(ed) = editor else {
        return;
    };
    let title = if ed.draft.is_new() {
        words.new
    } else {
        words.edit
    };
    let errors = ed.errors.clone();
    let fresh = std::mem::take(&mut ed.fresh);
    let d = &mut ed.draft;
    let action = form_frame(ui, words.id, title.get(lang), &errors, lang, |ui| {
        fields(
            ui,
            d,
            &Fields {
                errors: &errors,
                lang,
            },
            fresh,
        )
    });
    let today = cx.today;
    run_form(
        editor,
        action,
        cx,
        |d, ws| d.build(ws, today),
        title.get(lang),
        words.saved.get(lang),
    );
}

/// The rows of one form, each tied to its field's problems and the UI's language.
pub struct Fields<'a> {
    pub errors: &'a Errors,
    pub lang: Lang,
}

impl Fields<'_> {
    pub fn text(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut String,
        field: &str,
    ) -> egui::Response {
        form::text(ui, label, value, field, self.errors, self.lang)
    }
    pub fn date(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut String,
        field: &str,
    ) -> egui::Response {
        form::date(ui, label, value, field, self.errors, self.lang)
    }
    pub fn multiline(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut String,
        field: &str,
    ) -> egui::Response {
        form::multiline(ui, label, value, field, self.errors, self.lang)
    }
    /// A drop-down of records, "none" allowed.
    pub fn pick<Id: Copy + PartialEq + std::hash::Hash>(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut Option<Id>,
        options: &[(Id, String)],
        field: &str,
    ) {
        let none = T::None.get(self.lang);
        form::pick(
            ui,
            label,
            value,
            options,
            Some(none),
            field,
            self.errors,
            self.lang,
        )
    }
}

/// Saves what a form built: applies it (one undo step named `label`) and says `done`.
/// Returns true when the form should close; on a refusal the problems go to `errors`.
pub fn save_built(
    cx: &mut Cx,
    built: Result<Change, Errors>,
    label: &str,
    done: &str,
    errors: &mut Errors,
) -> bool {
    match built.and_then(|c| cx.apply(c, label)) {
        Ok(_) => {
            cx.toasts.info(done);
            true
        }
        Err(e) => {
            *errors = e;
            false
        }
    }
}

/// Runs a form's action on its editor: saves with `build` (then closes) or closes.
pub fn run_form<D>(
    editor: &mut Option<Editor<D>>,
    action: FormAction,
    cx: &mut Cx,
    build: impl FnOnce(&D, &Workspace) -> Result<Change, Errors>,
    label: &str,
    done: &str,
) {
    let close = match (action, editor.as_mut()) {
        (FormAction::Save, Some(ed)) => {
            let built = build(&ed.draft, cx.doc.ws());
            save_built(cx, built, label, done, &mut ed.errors)
        }
        (FormAction::Cancel, _) => true,
        _ => false,
    };
    if close {
        *editor = None;
    }
}

/// A record's own validation problems added to `e` (after parsing the fields).
pub fn checked(mut e: Errors, r: Record) -> Result<Change, Errors> {
    for fe in r.validate().0 {
        e.add(fe.field, fe.problem);
    }
    e.into_result().map(|_| Change::put(r))
}

/// A number field of a form, parsed within `min..=max`.
pub fn parse_number(e: &mut Errors, field: &'static str, text: &str, min: i64, max: i64) -> i64 {
    form::parse_into(e, field, parse_int(text.trim(), min, max)).unwrap_or(min)
}

/// "标题：值" / "Title: value", the colon as each language writes it.
pub fn labelled(lang: Lang, label: &str, value: impl std::fmt::Display) -> String {
    format!("{label}{}{value}", crate::ui::format::colon(lang))
}

/// A section's heading with a "＋ add" button beside it; true when the button was clicked.
pub fn heading_with_add(ui: &mut egui::Ui, title: &str, add: &str) -> bool {
    ui.horizontal(|ui| {
        ui.heading(title);
        ui.button(format!("＋ {add}")).clicked()
    })
    .inner
}

/// Small Edit / Delete buttons for a row; returns (edit, delete) clicks.
pub fn row_buttons(ui: &mut egui::Ui, lang: Lang) -> (bool, bool) {
    // Side by side even in a table cell, which would stack them (a row twice as tall).
    ui.horizontal(|ui| {
        let edit = ui.small_button(T::Edit.get(lang)).clicked();
        let delete = ui.small_button(T::Delete.get(lang)).clicked();
        (edit, delete)
    })
    .inner
}

/// A record's Edit and Delete buttons: Edit opens `make()` in `edit`, Delete asks the
/// page to confirm deleting `key`, named `what()`.
#[allow(clippy::too_many_arguments)]
pub fn row_actions<D>(
    ui: &mut egui::Ui,
    lang: Lang,
    edit: &mut Option<D>,
    make: impl FnOnce() -> D,
    asks: &mut Asks,
    key: RecordKey,
    what: impl FnOnce() -> String,
) {
    let (e, d) = row_buttons(ui, lang);
    if e {
        *edit = Some(make());
    }
    if d {
        asks.delete = Some((key, what()));
    }
}

/// A 1–5 form row: the label, then five small toggle buttons.
pub fn level_picker(ui: &mut egui::Ui, name: &str, value: &mut u8) {
    let l = ui.label(name);
    level_buttons(ui, value).labelled_by(l.id);
    ui.end_row();
}

/// Five small toggle buttons, 1 to 5.
pub fn level_buttons(ui: &mut egui::Ui, value: &mut u8) -> egui::Response {
    ui.horizontal(|ui| {
        for v in 1..=5u8 {
            if ui.selectable_label(*value == v, v.to_string()).clicked() {
                *value = v;
            }
        }
    })
    .response
}

/// A form row of toggle chips: a click adds an option to `chosen` or takes it out.
pub fn chips<V: PartialEq + Clone>(
    ui: &mut egui::Ui,
    label: &str,
    options: &[(V, String)],
    chosen: &mut Vec<V>,
) {
    ui.label(label);
    // In a vertical scope the grid row takes the height of every wrapped line (a bare
    // horizontal_wrapped reported one line, so the next row covered the second).
    ui.vertical(|ui| {
        ui.set_max_width(320.0);
        ui.horizontal_wrapped(|ui| chip_row(ui, options, chosen));
    });
    ui.end_row();
}

fn chip_row<V: PartialEq + Clone>(ui: &mut egui::Ui, options: &[(V, String)], chosen: &mut Vec<V>) {
    for (v, name) in options {
        let on = chosen.contains(v);
        if ui.selectable_label(on, name.as_str()).clicked() {
            if on {
                chosen.retain(|x| x != v);
            } else {
                chosen.push(v.clone());
            }
        }
    }
}

/// Items of a list as each language runs them together: 甲、乙 / a, b.
pub fn join<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<&str>>()
        .join(sep)
}

/// Days, the unit written as each language says it.
pub use crate::ui::format::days;

/// Hours from minutes, one decimal when needed ("2.5 h" / "2.5 小时").
pub fn hours(lang: Lang, minutes: u32) -> String {
    let h = f64::from(minutes) / 60.0;
    let n = if minutes.is_multiple_of(60) {
        format!("{}", minutes / 60)
    } else {
        format!("{h:.1}")
    };
    Text::hours(lang, n)
}
