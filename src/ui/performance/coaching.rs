//! 教练式领导 / 反馈机制: a rep's 1:1 notes, feedback and recognition, and a coaching
//! goal tied to the funnel stage where they leak most (the per-rep funnels of the
//! Analytics page, over the last 12 months).

use super::{Focus, FormText, PendingDelete, edit_form};
use crate::analytics::Leak;
use crate::analytics::agenda::rep_leak;
use crate::i18n::{Label, Lang};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{date, percent};
use crate::ui::me::{Editor, checked, first_field, row_buttons};
use crate::ui::widgets::form;

crate::texts! {
    pub enum Text {
        Goal => "辅导目标", "Coaching goal";
        NoLeak => "过去 12 个月没有明显低于团队的阶段：保持当前做法，按需辅导。", "Over the last 12 months no stage converts clearly below the team: keep it up, coach as needed.";
        Notes => "一对一、反馈与表彰", "1:1s, feedback and recognition";
        Add => "新增记录", "Add note";
        AddForGoal => "就此目标记一次辅导", "Log coaching on this goal";
        New => "新增辅导记录", "New note";
        Edit => "编辑辅导记录", "Edit note";
        Saved => "已保存记录", "Note saved";
        Date => "日期", "Date";
        Kind => "类型", "Kind";
        Topic => "主题", "Topic";
        Note => "内容", "Note";
        FollowUp => "跟进日期", "Follow-up";
        NoNotes => "还没有这位代表的记录。", "No note about this rep yet.";
        All => "全部", "All";
    }
    fn {
        goal(from, to, rep, team) => "把“{from} → {to}”的转化率从 {rep} 提升到团队的 {team}", "Raise the {from} → {to} conversion from {rep} toward the team's {team}";
    }
}

/// The coaching goal a leak suggests, in words.
pub fn goal_words(lang: Lang, l: &Leak) -> String {
    let next = l
        .stage
        .funnel_index()
        .and_then(|i| Stage::FUNNEL.get(i + 1))
        .copied()
        .unwrap_or(Stage::Won);
    Text::goal(
        lang,
        l.stage.label(lang),
        next.label(lang),
        percent(Some(l.rep)),
        percent(Some(l.team)),
    )
}

#[derive(Debug, Clone)]
pub struct NoteDraft {
    id: CoachingNoteId,
    member: Option<MemberId>,
    date: String,
    kind: NoteKind,
    topic: String,
    note: String,
    follow_up: String,
}

impl NoteDraft {
    fn new(member: MemberId, today: chrono::NaiveDate, kind: NoteKind, topic: String) -> Self {
        NoteDraft {
            id: CoachingNoteId(0),
            member: Some(member),
            date: date(Some(today)),
            kind,
            topic,
            note: String::new(),
            follow_up: String::new(),
        }
    }
    fn of(n: &CoachingNote) -> Self {
        NoteDraft {
            id: n.id,
            member: n.member,
            date: date(Some(n.date)),
            kind: n.kind,
            topic: n.topic.clone(),
            note: n.note.clone(),
            follow_up: date(n.follow_up),
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let d = form::parse_into(&mut e, "date", parse_date(&self.date));
        let follow_up = form::parse_into(&mut e, "follow_up", parse_optional_date(&self.follow_up));
        checked(
            e,
            Record::CoachingNote(CoachingNote {
                id: self.id,
                member: self.member,
                date: d.unwrap_or_default(),
                kind: self.kind,
                topic: self.topic.trim().to_owned(),
                note: self.note.trim().to_owned(),
                follow_up: follow_up.flatten(),
            }),
        )
    }
}

#[derive(Default)]
pub struct CoachingView {
    form: Option<Editor<NoteDraft>>,
    delete: PendingDelete,
    /// Only notes of this kind (None: all).
    kind: Option<NoteKind>,
}

impl CoachingView {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, focus: &mut Focus) {
        let lang = cx.lang;
        let Some(rep) = focus.rep else {
            ui.weak(super::Text::PickRep.get(lang));
            return;
        };
        if self
            .form
            .as_ref()
            .is_some_and(|f| f.draft.member != Some(rep))
        {
            self.form = None;
        }
        ui.heading(Text::Goal.get(lang));
        // Two funnels over every deal: once per change, not per frame.
        let leak = *cx
            .cache
            .get_or_compute(cx.doc.revision(), "rep_leak", (rep, cx.today), || {
                rep_leak(cx.doc.ws(), rep, cx.today)
            });
        match leak {
            Some(l) => {
                let goal = goal_words(lang, &l);
                ui.horizontal_wrapped(|ui| {
                    ui.strong(goal.as_str());
                    if ui.button(Text::AddForGoal.get(lang)).clicked() {
                        self.form = Some(Editor::new(NoteDraft::new(
                            rep,
                            cx.today,
                            NoteKind::Coaching,
                            goal.clone(),
                        )));
                    }
                });
            }
            None => {
                ui.weak(Text::NoLeak.get(lang));
            }
        }
        ui.add_space(8.0);
        if crate::ui::me::heading_with_add(ui, Text::Notes.get(lang), Text::Add.get(lang)) {
            self.form = Some(Editor::new(NoteDraft::new(
                rep,
                cx.today,
                NoteKind::OneOnOne,
                String::new(),
            )));
        }
        self.form_ui(ui, cx);
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.kind, None, Text::All.get(lang));
            for k in NoteKind::ALL {
                ui.selectable_value(&mut self.kind, Some(k), k.label(lang));
            }
        });
        self.list(ui, cx, rep);
        self.delete.dialog(ui.ctx(), cx);
    }

    fn list(&mut self, ui: &mut egui::Ui, cx: &Cx, rep: MemberId) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let mut notes: Vec<&CoachingNote> = ws
            .performance
            .notes
            .iter()
            .filter(|n| n.member == Some(rep) && self.kind.is_none_or(|k| n.kind == k))
            .collect();
        notes.sort_by_key(|n| (std::cmp::Reverse(n.date), n.id));
        if notes.is_empty() {
            ui.weak(Text::NoNotes.get(lang));
            return;
        }
        let mut edit = None;
        egui::Grid::new("coaching_notes")
            .striped(true)
            .num_columns(6)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    Text::Date,
                    Text::Kind,
                    Text::Topic,
                    Text::Note,
                    Text::FollowUp,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.label("");
                ui.end_row();
                for n in notes {
                    ui.label(date(Some(n.date)));
                    ui.label(n.kind.label(lang));
                    ui.label(n.topic.as_str());
                    super::text_cell(ui, n.note.as_str(), 320.0);
                    ui.label(date(n.follow_up));
                    let (e, d) = row_buttons(ui, lang);
                    if e {
                        edit = Some(NoteDraft::of(n));
                    }
                    if d {
                        self.delete
                            .ask(RecordKey::CoachingNote(n.id), n.topic.clone());
                    }
                    ui.end_row();
                }
            });
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &self.form else { return };
        let words = FormText::new_or_edit(
            "coaching_form",
            ed.draft.id.0 == 0,
            [Text::New, Text::Edit, Text::Saved].map(|t| t.get(lang)),
        );
        edit_form(
            ui,
            cx,
            &mut self.form,
            words,
            |ui, d, errors, fresh| {
                let r = form::date(ui, Text::Date.get(lang), &mut d.date, "date", errors, lang);
                first_field(r, fresh);
                form::choice(ui, Text::Kind.get(lang), &mut d.kind, &NoteKind::ALL, lang);
                form::text(
                    ui,
                    Text::Topic.get(lang),
                    &mut d.topic,
                    "topic",
                    errors,
                    lang,
                );
                form::multiline(ui, Text::Note.get(lang), &mut d.note, "note", errors, lang);
                form::date(
                    ui,
                    Text::FollowUp.get(lang),
                    &mut d.follow_up,
                    "follow_up",
                    errors,
                    lang,
                );
            },
            NoteDraft::build,
        );
    }
}
