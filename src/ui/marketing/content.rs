//! 营销内容: the content plan (product introductions, promotions, brand stories, other),
//! each with a channel, date, owner and status (idea → planned → published), as a list
//! and as a month calendar.

use super::{Text, checked, edit, heading_with_add, row_buttons};
use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::me::{Editor, first_field};
use crate::ui::widgets::form;
use crate::ui::widgets::period::label as period_label;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub struct ContentDraft {
    pub c: Content,
    pub date: String,
}

/// A new idea dated `today`.
pub fn draft(today: NaiveDate) -> ContentDraft {
    ContentDraft {
        c: Content {
            id: ContentId(0),
            title: String::new(),
            kind: ContentKind::ProductIntro,
            channel: None,
            date: today,
            status: ContentStatus::Idea,
            owner: None,
            notes: String::new(),
        },
        date: today.to_string(),
    }
}

impl ContentDraft {
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let mut c = self.c.clone();
        c.date = date.unwrap_or_default();
        c.title = c.title.trim().to_owned();
        checked(e, Record::Content(c))
    }
}

#[derive(Default)]
pub struct ContentState {
    pub form: Option<Editor<ContentDraft>>,
    calendar: bool,
    /// The first day of the month shown; None = this month.
    month: Option<NaiveDate>,
}

fn first_of(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

impl ContentState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if heading_with_add(ui, Text::TabContent.get(lang), Text::NewContent.get(lang)) {
            self.form = Some(Editor::new(draft(cx.today)));
        }
        self.form_ui(ui, cx);
        let month = *self.month.get_or_insert(first_of(cx.today));
        let period = Period::month(month.year(), month.month());
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.calendar, false, Text::List.get(lang));
            ui.selectable_value(&mut self.calendar, true, Text::Calendar.get(lang));
            ui.separator();
            if ui.button("◀").clicked() {
                self.month = Some(shift_months(month, -1));
            }
            ui.strong(period_label(lang, period));
            if ui.button("▶").clicked() {
                self.month = Some(shift_months(month, 1));
            }
        });
        let ws = cx.doc.ws().clone();
        let mut items: Vec<&Content> = ws
            .marketing
            .content
            .iter()
            .filter(|c| period.contains(c.date))
            .collect();
        items.sort_by_key(|c| (c.date, c.id));
        let mut open = None;
        let mut remove = None;
        if items.is_empty() {
            ui.label(Text::NoContent.get(lang));
        } else if self.calendar {
            calendar(ui, &items, month, lang, &mut open);
        } else {
            egui::Grid::new("content_list")
                .striped(true)
                .num_columns(7)
                .show(ui, |ui| {
                    for t in [
                        Text::Date,
                        Text::Title,
                        Text::Kind,
                        Text::Channel,
                        Text::Owner,
                        Text::Status,
                    ] {
                        ui.strong(t.get(lang));
                    }
                    ui.end_row();
                    for c in &items {
                        ui.label(c.date.to_string());
                        ui.label(c.title.as_str());
                        ui.label(c.kind.label(lang));
                        let channel = c.channel.and_then(|id| ws.marketing.channels.get(id));
                        ui.label(channel.map_or("—", |ch| ch.name.as_str()));
                        ui.label(c.owner.map_or("—", |m| ws.member_name(m)));
                        ui.label(c.status.label(lang));
                        let (e, d) = row_buttons(ui, lang);
                        if e {
                            open = Some(c.id);
                        }
                        if d {
                            remove = Some((c.id, c.title.clone()));
                        }
                        ui.end_row();
                    }
                });
        }
        if let Some(c) = open.and_then(|id| ws.marketing.content.get(id)) {
            self.form = Some(Editor::new(ContentDraft {
                c: c.clone(),
                date: c.date.to_string(),
            }));
        }
        if let Some((id, title)) = remove {
            super::delete(cx, RecordKey::Content(id), &title, Text::Blocked);
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let current = self.form.as_ref().and_then(|f| f.draft.c.channel);
        let channels: Vec<(ChannelId, String)> = ws
            .marketing
            .channels
            .iter()
            .filter(|c| c.active || Some(c.id) == current)
            .map(|c| (c.id, c.name.clone()))
            .collect();
        let members = crate::ui::widgets::form::member_options(ws, |_| true);
        let title = match &self.form {
            Some(ed) if ed.draft.c.id.0 != 0 => Text::EditContent,
            _ => Text::NewContent,
        };
        edit(
            ui,
            cx,
            &mut self.form,
            ("content_form", title, Text::ContentSaved),
            |ui, d, errors, fresh| {
                let c = &mut d.c;
                let none = Some(T::None.get(lang));
                let first = form::text(
                    ui,
                    Text::Title.get(lang),
                    &mut c.title,
                    "title",
                    errors,
                    lang,
                );
                first_field(first, fresh);
                form::choice(
                    ui,
                    Text::Kind.get(lang),
                    &mut c.kind,
                    &ContentKind::ALL,
                    lang,
                );
                form::pick(
                    ui,
                    Text::Channel.get(lang),
                    &mut c.channel,
                    &channels,
                    none,
                    "channel",
                    errors,
                    lang,
                );
                form::date(ui, Text::Date.get(lang), &mut d.date, "date", errors, lang);
                form::pick(
                    ui,
                    Text::Owner.get(lang),
                    &mut c.owner,
                    &members,
                    none,
                    "owner",
                    errors,
                    lang,
                );
                form::choice(
                    ui,
                    Text::Status.get(lang),
                    &mut c.status,
                    &ContentStatus::ALL,
                    lang,
                );
                form::multiline(
                    ui,
                    Text::Notes.get(lang),
                    &mut c.notes,
                    "notes",
                    errors,
                    lang,
                );
            },
            |d, _| d.build(),
        );
    }
}

/// A month grid, Monday first; each day lists its items, a click opens one.
fn calendar(
    ui: &mut egui::Ui,
    items: &[&Content],
    month: NaiveDate,
    lang: crate::i18n::Lang,
    open: &mut Option<ContentId>,
) {
    const DAYS_ZH: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    const DAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let lead = month.weekday().num_days_from_monday() as i64;
    let days = Period::month(month.year(), month.month()).days();
    let width = ((ui.available_width() - 40.0) / 7.0).max(90.0);
    egui::Grid::new("content_calendar")
        .striped(false)
        .min_col_width(width)
        .max_col_width(width)
        .show(ui, |ui| {
            for i in 0..7 {
                let name = match lang {
                    crate::i18n::Lang::Zh => Text::weekday(lang, DAYS_ZH[i]),
                    crate::i18n::Lang::En => DAYS_EN[i].to_string(),
                };
                ui.strong(name);
            }
            ui.end_row();
            let cells = (lead + days + 6) / 7 * 7;
            for cell in 0..cells {
                let n = cell - lead;
                if (0..days).contains(&n) {
                    let day = month + chrono::TimeDelta::days(n);
                    ui.vertical(|ui| {
                        ui.set_min_height(56.0);
                        ui.weak(day.day().to_string());
                        for c in items.iter().filter(|c| c.date == day) {
                            let text = format!("{} · {}", c.status.label(lang), c.title);
                            if ui.small_button(text).clicked() {
                                *open = Some(c.id);
                            }
                        }
                    });
                } else {
                    ui.label("");
                }
                if cell % 7 == 6 {
                    ui.end_row();
                }
            }
        });
}
