//! 时间管理: tasks in the four quadrants (drag a task from one to another), today's
//! focus list, the week planner with its time blocks, and where the week's time went.

use super::{Asks, Editor, Text, checked, heading_with_add, labelled, row_buttons};
use crate::analytics::me::{focus_list, time_by_kind, week_of, week_start};
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::charts::{BarsSpec, bars_with_line};
use crate::ui::widgets::form;
use chrono::{Datelike, Days, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct TaskDraft {
    pub id: TaskId,
    pub title: String,
    pub due: String,
    pub urgent: bool,
    pub important: bool,
    pub done: bool,
    pub notes: String,
}

impl TaskDraft {
    pub fn new(q: Quadrant) -> Self {
        let (urgent, important) = q.flags();
        TaskDraft {
            id: TaskId(0),
            title: String::new(),
            due: String::new(),
            urgent,
            important,
            done: false,
            notes: String::new(),
        }
    }
    pub fn of(t: &Task) -> Self {
        TaskDraft {
            id: t.id,
            title: t.title.clone(),
            due: crate::ui::format::date(t.due),
            urgent: t.urgent,
            important: t.important,
            done: t.done,
            notes: t.notes.clone(),
        }
    }
    /// The task this draft saves: an edit keeps the count of later moves (one more if
    /// the planned date moved later) and the focus day.
    fn build_change(&self, ws: &Workspace, today: NaiveDate) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let due = form::parse_into(&mut e, "due", parse_optional_date(&self.due)).flatten();
        let next = Task {
            id: self.id,
            title: self.title.trim().to_owned(),
            due,
            urgent: self.urgent,
            important: self.important,
            done: self.done,
            notes: self.notes.trim().to_owned(),
            moved_later: 0,
            focus_on: None,
            done_on: self.done.then_some(today),
        };
        let task = match ws.me.tasks.get(self.id).filter(|_| self.id.0 != 0) {
            Some(old) => old.edited(
                Task {
                    focus_on: old.focus_on,
                    ..next
                },
                today,
            ),
            None => next,
        };
        checked(e, Record::Task(task))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlockDraft {
    pub id: TimeBlockId,
    pub date: String,
    pub start: String,
    pub minutes: String,
    pub kind: TimeKind,
    pub title: String,
    pub task: Option<TaskId>,
}

/// "09:30" -> 570 minutes after midnight.
pub fn parse_hhmm(text: &str) -> Result<u16, Problem> {
    let (h, m) = text
        .trim()
        .split_once([':', '：'])
        .ok_or(Problem::NotANumber)?;
    let h: u16 = h.trim().parse().map_err(|_| Problem::NotANumber)?;
    let m: u16 = m.trim().parse().map_err(|_| Problem::NotANumber)?;
    if h > 23 || m > 59 {
        return Err(Problem::OutOfRange {
            min: 0,
            max: 24 * 60 - 1,
        });
    }
    Ok(h * 60 + m)
}

pub fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl BlockDraft {
    pub fn new(date: NaiveDate) -> Self {
        BlockDraft {
            id: TimeBlockId(0),
            date: date.to_string(),
            start: "09:00".into(),
            minutes: "60".into(),
            kind: TimeKind::Selling,
            title: String::new(),
            task: None,
        }
    }
    pub fn of(b: &TimeBlock) -> Self {
        BlockDraft {
            id: b.id,
            date: b.date.to_string(),
            start: hhmm(b.start),
            minutes: b.minutes.to_string(),
            kind: b.kind,
            title: b.title.clone(),
            task: b.task,
        }
    }
    fn build_change(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let start = form::parse_into(&mut e, "start", parse_hhmm(&self.start));
        let minutes = super::parse_number(&mut e, "minutes", &self.minutes, 5, 24 * 60);
        let b = TimeBlock {
            id: self.id,
            date: date.unwrap_or_default(),
            start: start.unwrap_or(0),
            minutes: minutes as u16,
            kind: self.kind,
            title: self.title.trim().to_owned(),
            task: self.task,
        };
        checked(e, Record::TimeBlock(b))
    }
}

#[derive(Default)]
pub struct TimeState {
    pub task_form: Option<Editor<TaskDraft>>,
    pub block_form: Option<Editor<BlockDraft>>,
    /// The Monday of the week the planner shows (None: this week).
    pub week: Option<NaiveDate>,
}

fn quadrant_text(q: Quadrant) -> (Text, Text) {
    match q {
        Quadrant::DoNow => (Text::QDoNow, Text::QDoNowHint),
        Quadrant::Plan => (Text::QPlan, Text::QPlanHint),
        Quadrant::Delegate => (Text::QDelegate, Text::QDelegateHint),
        Quadrant::Drop => (Text::QDrop, Text::QDropHint),
    }
}

/// What a click in a task row asks for.
enum TaskAsk {
    Move(TaskId, Quadrant),
    Done(TaskId, bool),
    Focus(TaskId, Option<NaiveDate>),
    Edit(TaskId),
    Delete(TaskId),
}

impl TimeState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::Quadrants.get(lang), Text::NewTask.get(lang)) {
            self.task_form = Some(Editor::new(TaskDraft::new(Quadrant::Plan)));
        }
        ui.weak(Text::QuadrantsHint.get(lang));
        self.task_form_ui(ui, cx);
        let mut ask = None;
        self.quadrants(ui, cx, &mut ask);
        ui.add_space(10.0);
        ui.heading(Text::FocusToday.get(lang));
        self.focus(ui, cx, &mut ask);
        self.apply(cx, ask, asks);
        ui.add_space(10.0);
        self.planner(ui, cx, asks);
    }

    fn task_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if self.task_form.is_none() {
            return;
        }
        let words = super::FormWords {
            id: "task_form",
            new: Text::NewTask,
            edit: Text::EditTask,
            saved: Text::TaskSaved,
        };
        super::edit_form(ui, cx, &mut self.task_form, words, |ui, d, f, fresh| {
            let r = f.text(ui, Text::Title.get(lang), &mut d.title, "title");
            super::first_field(r, fresh);
            f.date(ui, Text::Planned.get(lang), &mut d.due, "due");
            form::checkbox(ui, Text::Important.get(lang), &mut d.important);
            form::checkbox(ui, Text::Urgent.get(lang), &mut d.urgent);
            if d.id.0 != 0 {
                form::checkbox(ui, Text::Done.get(lang), &mut d.done);
            }
            f.multiline(ui, Text::Notes.get(lang), &mut d.notes, "notes");
        });
    }

    fn quadrants(&mut self, ui: &mut egui::Ui, cx: &Cx, ask: &mut Option<TaskAsk>) {
        let lang = cx.lang;
        let gap = ui.spacing().item_spacing.x;
        let width = ((ui.available_width() - gap) / 2.0 - 20.0).max(220.0);
        for row in [
            [Quadrant::DoNow, Quadrant::Plan],
            [Quadrant::Delegate, Quadrant::Drop],
        ] {
            ui.horizontal_top(|ui| {
                for q in row {
                    self.quadrant(ui, cx, q, width, lang, ask);
                }
            });
        }
    }

    fn quadrant(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Cx,
        q: Quadrant,
        width: f32,
        lang: Lang,
        ask: &mut Option<TaskAsk>,
    ) {
        let frame = egui::Frame::group(ui.style()).inner_margin(8.0);
        let (_, dropped) = ui.dnd_drop_zone::<TaskId, ()>(frame, |ui| {
            ui.set_width(width);
            ui.set_min_height(120.0);
            // The zone sits in a row of two: its own contents go top to bottom.
            ui.vertical(|ui| self.quadrant_tasks(ui, cx, q, lang, ask));
        });
        if let Some(id) = dropped {
            *ask = Some(TaskAsk::Move(*id, q));
        }
    }

    fn quadrant_tasks(
        &self,
        ui: &mut egui::Ui,
        cx: &Cx,
        q: Quadrant,
        lang: Lang,
        ask: &mut Option<TaskAsk>,
    ) {
        let (title, hint) = quadrant_text(q);
        // The hint moves under the title in a narrow quadrant.
        ui.horizontal_wrapped(|ui| {
            ui.strong(title.get(lang));
            ui.weak(hint.get(lang));
        });
        let mut tasks: Vec<&Task> = cx
            .doc
            .ws()
            .me
            .tasks
            .iter()
            .filter(|t| !t.done && t.quadrant() == q)
            .collect();
        tasks.sort_by_key(|t| (t.due.is_none(), t.due, t.id));
        if tasks.is_empty() {
            ui.weak(Text::DropHere.get(lang));
        }
        for t in tasks {
            task_row(ui, cx, t, ask);
        }
    }

    fn focus(&mut self, ui: &mut egui::Ui, cx: &Cx, ask: &mut Option<TaskAsk>) {
        let lang = cx.lang;
        let ids = focus_list(cx.doc.ws(), cx.today);
        if ids.is_empty() {
            ui.weak(Text::FocusEmpty.get(lang));
            return;
        }
        for id in ids {
            let Some(t) = cx.doc.ws().me.tasks.get(id) else {
                continue;
            };
            ui.horizontal(|ui| {
                let mut done = t.done;
                if ui.checkbox(&mut done, t.title.as_str()).changed() {
                    *ask = Some(TaskAsk::Done(t.id, done));
                }
                if ui.small_button(Text::Unfocus.get(lang)).clicked() {
                    *ask = Some(TaskAsk::Focus(t.id, None));
                }
            });
        }
    }

    fn apply(&mut self, cx: &mut Cx, ask: Option<TaskAsk>, asks: &mut Asks) {
        let lang = cx.lang;
        let Some(ask) = ask else { return };
        let id = match ask {
            TaskAsk::Move(id, _)
            | TaskAsk::Done(id, _)
            | TaskAsk::Focus(id, _)
            | TaskAsk::Edit(id)
            | TaskAsk::Delete(id) => id,
        };
        let Some(t) = cx.doc.ws().me.tasks.get(id).cloned() else {
            return;
        };
        let (next, done) = match ask {
            TaskAsk::Edit(_) => {
                self.task_form = Some(Editor::new(TaskDraft::of(&t)));
                return;
            }
            TaskAsk::Delete(_) => {
                asks.delete = Some((RecordKey::Task(id), t.title.clone()));
                return;
            }
            TaskAsk::Move(_, q) => {
                if t.quadrant() == q {
                    return;
                }
                let (urgent, important) = q.flags();
                let label = quadrant_text(q).0.get(lang);
                (
                    Task {
                        urgent,
                        important,
                        ..t.clone()
                    },
                    labelled(lang, Text::MovedTo.get(lang), label),
                )
            }
            TaskAsk::Done(_, done) => {
                let next = t.edited(Task { done, ..t.clone() }, cx.today);
                let word = if done { Text::Done } else { Text::Reopened };
                (next, word.get(lang).to_owned())
            }
            TaskAsk::Focus(_, day) => {
                let word = if day.is_some() {
                    Text::Focused
                } else {
                    Text::Unfocused
                };
                (
                    Task {
                        focus_on: day,
                        ..t.clone()
                    },
                    word.get(lang).to_owned(),
                )
            }
        };
        let label = format!("{done} {}", t.title);
        let _ = cx.apply_and_report(Change::put(Record::Task(next)), label, done);
    }

    fn planner(&mut self, ui: &mut egui::Ui, cx: &mut Cx, asks: &mut Asks) {
        let lang = cx.lang;
        let monday = *self.week.get_or_insert(week_start(cx.today));
        ui.horizontal(|ui| {
            ui.heading(Text::WeekPlanner.get(lang));
            if ui
                .button("◀")
                .on_hover_text(Text::PrevWeek.get(lang))
                .clicked()
            {
                self.week = Some(monday - Days::new(7));
            }
            ui.label(week_label(lang, monday));
            if ui
                .button("▶")
                .on_hover_text(Text::NextWeek.get(lang))
                .clicked()
            {
                self.week = Some(monday + Days::new(7));
            }
            if ui
                .button(format!("＋ {}", Text::NewBlock.get(lang)))
                .clicked()
            {
                let day = if week_of(monday).contains(cx.today) {
                    cx.today
                } else {
                    monday
                };
                self.block_form = Some(Editor::new(BlockDraft::new(day)));
            }
        });
        self.block_form_ui(ui, cx);
        let monday = self.week.unwrap_or(monday);
        let mut edit = None;
        let gap = ui.spacing().item_spacing.x;
        // Seven days in the page's width; below the least a day needs, it scrolls sideways.
        let col = ((ui.available_width() - 6.0 * gap) / 7.0 - 12.0).max(MIN_DAY);
        crate::ui::widgets::table::wide_in_page(ui, "me_week_planner", lang, |ui| {
            ui.horizontal_top(|ui| week_days(ui, cx, monday, col, &mut edit))
        });
        if let Some(b) = edit.and_then(|id| cx.doc.ws().me.time_blocks.get(id)) {
            self.block_form = Some(Editor::new(BlockDraft::of(b)));
        }
        if let Some(ed) = &self.block_form
            && ed.draft.id.0 != 0
            && ui.button(Text::DeleteBlock.get(lang)).clicked()
        {
            asks.delete = Some((RecordKey::TimeBlock(ed.draft.id), ed.draft.title.clone()));
            self.block_form = None;
        }
        ui.add_space(8.0);
        ui.heading(Text::TimeWent.get(lang));
        let spent = time_by_kind(cx.doc.ws(), monday);
        let total: u32 = spent.iter().map(|s| s.1).sum();
        if total == 0 {
            ui.weak(Text::NoBlocks.get(lang));
            return;
        }
        let labels: Vec<String> = spent.iter().map(|s| s.0.label(lang).to_owned()).collect();
        let values: Vec<f64> = spent.iter().map(|s| f64::from(s.1) / 60.0).collect();
        let alt = spent
            .iter()
            .filter(|s| s.1 > 0)
            .map(|s| format!("{} {}", s.0.label(lang), super::hours(lang, s.1)))
            .collect::<Vec<_>>()
            .join(", ");
        bars_with_line(
            ui,
            "me_time_by_kind",
            &labels,
            BarsSpec {
                name: Text::Hours.get(lang),
                values: &values,
                color: egui::Color32::from_rgb(70, 130, 180),
            },
            None,
            |v| format!("{v:.0}"),
            180.0,
            &labelled(lang, Text::TimeWent.get(lang), alt),
        );
    }

    fn block_form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &self.block_form else {
            return;
        };
        let tasks: Vec<(TaskId, String)> = cx
            .doc
            .ws()
            .me
            .tasks
            .iter()
            .filter(|t| !t.done || Some(t.id) == ed.draft.task)
            .map(|t| (t.id, t.title.clone()))
            .collect();
        let words = super::FormWords {
            id: "block_form",
            new: Text::NewBlock,
            edit: Text::EditBlock,
            saved: Text::BlockSaved,
        };
        super::edit_form(ui, cx, &mut self.block_form, words, |ui, d, f, fresh| {
            let r = f.date(ui, T::Date.get(lang), &mut d.date, "date");
            super::first_field(r, fresh);
            form::text_with_hint(
                ui,
                Text::Start.get(lang),
                &mut d.start,
                "HH:MM",
                "start",
                f.errors,
                lang,
            );
            f.text(ui, Text::Minutes.get(lang), &mut d.minutes, "minutes");
            form::choice(ui, Text::Kind.get(lang), &mut d.kind, &TimeKind::ALL, lang);
            f.text(ui, Text::Title.get(lang), &mut d.title, "title");
            f.pick(ui, Text::ForTask.get(lang), &mut d.task, &tasks, "task");
        });
    }
}

/// The least width of a day in the week planner.
const MIN_DAY: f32 = 60.0;

/// The week planner's seven days from `monday`, `col` px each: the day and its time
/// blocks, a click on one picking it into `edit`.
fn week_days(
    ui: &mut egui::Ui,
    cx: &Cx,
    monday: NaiveDate,
    col: f32,
    edit: &mut Option<TimeBlockId>,
) {
    let lang = cx.lang;
    for i in 0..7 {
        let day = monday + Days::new(i);
        egui::Frame::group(ui.style())
            .inner_margin(4.0)
            .show(ui, |ui| {
                ui.set_width(col);
                ui.vertical(|ui| {
                    let head = format!("{} {}", weekday(lang, day), day.format("%m-%d"));
                    if day == cx.today {
                        ui.strong(head);
                    } else {
                        ui.label(head);
                    }
                    let mut blocks: Vec<&TimeBlock> = cx
                        .doc
                        .ws()
                        .me
                        .time_blocks
                        .iter()
                        .filter(|b| b.date == day)
                        .collect();
                    blocks.sort_by_key(|b| (b.start, b.id));
                    for b in blocks {
                        let what = if b.title.is_empty() {
                            b.kind.label(lang).to_owned()
                        } else {
                            b.title.clone()
                        };
                        let text =
                            format!("{}–{} {what}", hhmm(b.start), hhmm(b.start + b.minutes));
                        let r = ui
                            .add(egui::Button::new(egui::RichText::new(text).small()).wrap())
                            .on_hover_text(b.kind.label(lang));
                        if r.clicked() {
                            *edit = Some(b.id);
                        }
                    }
                });
            });
    }
}

/// One task in a quadrant: a handle and title to drag, its planned date, the mark of a
/// task moved later three times or more, and its buttons. The buttons keep the row's
/// right end; the title, date and mark wrap in the room they leave.
fn task_row(ui: &mut egui::Ui, cx: &Cx, t: &Task, ask: &mut Option<TaskAsk>) {
    let lang = cx.lang;
    ui.horizontal_top(|ui| {
        let mut done = false;
        if ui
            .checkbox(&mut done, "")
            .on_hover_text(Text::MarkDone.get(lang))
            .clicked()
        {
            *ask = Some(TaskAsk::Done(t.id, true));
        }
        let focus = (t.focus_on != Some(cx.today)).then(|| Text::Focus.get(lang));
        let buttons: Vec<&str> = focus
            .into_iter()
            .chain(["↔", T::Edit.get(lang), T::Delete.get(lang)])
            .collect();
        let room =
            ui.available_width() - crate::ui::widgets::deal_filter::buttons_width(ui, &buttons);
        let words = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
        ui.allocate_ui_with_layout(egui::vec2(room, 0.0), words, |ui| {
            ui.set_width(room);
            task_words(ui, cx, t);
        });
        task_buttons(ui, cx, t, ask);
    });
}

/// A task row's words: its handle and title to drag, its date and the moved-later mark.
fn task_words(ui: &mut egui::Ui, cx: &Cx, t: &Task) {
    let lang = cx.lang;
    let id = egui::Id::unique(("task_drag", t.id));
    ui.dnd_drag_source(id, t.id, |ui| {
        let title = format!("≡ {}", t.title);
        ui.add(egui::Label::new(title).wrap().selectable(false));
    })
    .response
    .on_hover_text(Text::DragHint.get(lang));
    if let Some(d) = t.due {
        let late = d < cx.today;
        let text = d.format("%m-%d").to_string();
        if late {
            ui.colored_label(ui.visuals().warn_fg_color, text);
        } else {
            ui.weak(text);
        }
    }
    if t.keeps_moving() {
        ui.colored_label(ui.visuals().warn_fg_color, moved_later(lang, t.moved_later))
            .on_hover_text(Text::MovedLaterHint.get(lang));
    }
}

/// A task row's buttons: Focus (unless it is on today's focus list), the move menu,
/// Edit and Delete.
fn task_buttons(ui: &mut egui::Ui, cx: &Cx, t: &Task, ask: &mut Option<TaskAsk>) {
    let lang = cx.lang;
    let focused = t.focus_on == Some(cx.today);
    if !focused
        && ui
            .small_button(Text::Focus.get(lang))
            .on_hover_text(Text::FocusToday.get(lang))
            .clicked()
    {
        *ask = Some(TaskAsk::Focus(t.id, Some(cx.today)));
    }
    ui.menu_button("↔", |ui| {
        for q in Quadrant::ALL {
            if q != t.quadrant() && ui.button(quadrant_text(q).0.get(lang)).clicked() {
                *ask = Some(TaskAsk::Move(t.id, q));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(Text::MoveTo.get(lang));
    let (edit, delete) = row_buttons(ui, lang);
    if edit {
        *ask = Some(TaskAsk::Edit(t.id));
    }
    if delete {
        *ask = Some(TaskAsk::Delete(t.id));
    }
}

/// "改期 3 次" / "moved later 3 times".
pub fn moved_later(lang: Lang, n: u32) -> String {
    Text::moved_later(lang, n)
}

/// "11月30日那一周" / "Week of 30 Nov".
pub fn week_label(lang: Lang, monday: NaiveDate) -> String {
    let sunday = monday + Days::new(6);
    Text::week_range(
        lang,
        monday.month(),
        monday.day(),
        sunday.month(),
        sunday.day(),
        monday.format("%d %b"),
        sunday.format("%d %b %Y"),
    )
}

pub fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Zh => ZH[i],
        Lang::En => EN[i],
    }
}

impl super::Draft for TaskDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, ws: &Workspace, today: NaiveDate) -> Result<Change, Errors> {
        self.build_change(ws, today)
    }
}

impl super::Draft for BlockDraft {
    fn is_new(&self) -> bool {
        self.id.0 == 0
    }
    fn build(&self, _: &Workspace, _: NaiveDate) -> Result<Change, Errors> {
        self.build_change()
    }
}
