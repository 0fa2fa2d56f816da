//! A small date picker on chrono, beside every date field (`form::date`): a month
//! grid, Monday first, today marked, month and year navigation, in the UI's language.
//! Typing YYYY-MM-DD stays the main way in; the picker only writes that text.

use crate::i18n::Lang;
use chrono::{Datelike, Months, NaiveDate};
use egui::{Id, RichText, Ui};

crate::texts! {
    pub enum Text {
        Calendar => "日历", "Calendar";
        PickDate => "选择日期", "Pick a date";
        PrevMonth => "上个月", "Previous month";
        NextMonth => "下个月", "Next month";
        PrevYear => "上一年", "Previous year";
        NextYear => "下一年", "Next year";
        Today => "今天", "Today";
    }
    fn {
        month_title(y, m, month) => "{y}年{m}月", "{month} {y}";
    }
}

const WEEKDAYS_ZH: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday heads of the grid, Monday first.
pub fn weekday_heads(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => WEEKDAYS_ZH,
        Lang::En => WEEKDAYS_EN,
    }
}

/// The grid's title: "2026年11月" or "November 2026".
pub fn month_title(lang: Lang, first: NaiveDate) -> String {
    Text::month_title(
        lang,
        first.year(),
        first.month(),
        MONTHS_EN[first.month0() as usize],
    )
}

/// The days the grid shows for the month of `first`: whole weeks from the Monday on or
/// before the 1st to the Sunday on or after the last day (28 to 42 days).
pub fn grid_days(first: NaiveDate) -> Vec<NaiveDate> {
    let first = first.with_day(1).unwrap_or(first);
    let start = first - chrono::Days::new(u64::from(first.weekday().num_days_from_monday()));
    let next = first + Months::new(1);
    let last = next.pred_opt().unwrap_or(first);
    let end = last + chrono::Days::new(u64::from(6 - last.weekday().num_days_from_monday()));
    start.iter_days().take_while(|d| *d <= end).collect()
}

fn today_id() -> Id {
    Id::unique("salesdesk_date_picker_today")
}

/// The shell tells the pickers what day it is (tests fix it), once a frame.
pub fn set_today(ctx: &egui::Context, today: NaiveDate) {
    ctx.data_mut(|d| d.insert_temp(today_id(), today));
}

fn today(ui: &Ui) -> NaiveDate {
    ui.data(|d| d.get_temp(today_id()))
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// What an empty date field shows.
pub const HINT: &str = "YYYY-MM-DD";

/// The width of a date field that shows its hint, [`HINT`], whole: 86 to 96 px cut it
/// to "YYYY-MM-…". The frame's margins and the cursor are the 16 px added.
pub fn field_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui
        .painter()
        .layout_no_wrap(HINT.to_owned(), font, egui::Color32::PLACEHOLDER);
    text.size().x + 16.0
}

/// The calendar button beside a date field and its month grid. A picked day becomes the
/// field's text as YYYY-MM-DD. Returns true when a day was picked.
pub fn picker_button(ui: &mut Ui, salt: &str, value: &mut String, lang: Lang) -> bool {
    let button = ui
        .button(Text::Calendar.get(lang))
        .on_hover_text(Text::PickDate.get(lang));
    let month_id = Id::unique(("salesdesk_date_picker_month", salt));
    if button.clicked() {
        // Open on the typed date's month, or on today's.
        let shown = crate::model::parse_date(value).unwrap_or_else(|_| today(ui));
        ui.data_mut(|d| d.insert_temp(month_id, shown.with_day(1).unwrap_or(shown)));
    }
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut first: NaiveDate = ui
                .data(|d| d.get_temp(month_id))
                .unwrap_or_else(|| today(ui).with_day(1).unwrap_or_default());
            month_nav(ui, &mut first, lang);
            ui.data_mut(|d| d.insert_temp(month_id, first));
            let selected = crate::model::parse_date(value).ok();
            picked = month_grid(ui, first, selected, today(ui), lang);
            ui.separator();
            if ui.button(Text::Today.get(lang)).clicked() {
                picked = Some(today(ui));
            }
        });
    if let Some(day) = picked {
        *value = day.format("%Y-%m-%d").to_string();
        egui::Popup::close_all(ui.ctx());
    }
    picked.is_some()
}

fn month_nav(ui: &mut Ui, first: &mut NaiveDate, lang: Lang) {
    ui.horizontal(|ui| {
        let step = |ui: &mut Ui, text: &str, tip: Text| {
            ui.small_button(text).on_hover_text(tip.get(lang)).clicked()
        };
        if step(ui, "«", Text::PrevYear) {
            *first = *first - Months::new(12);
        }
        if step(ui, "‹", Text::PrevMonth) {
            *first = *first - Months::new(1);
        }
        ui.label(RichText::new(month_title(lang, *first)).strong());
        if step(ui, "›", Text::NextMonth) {
            *first = *first + Months::new(1);
        }
        if step(ui, "»", Text::NextYear) {
            *first = *first + Months::new(12);
        }
    });
}

fn month_grid(
    ui: &mut Ui,
    first: NaiveDate,
    selected: Option<NaiveDate>,
    today: NaiveDate,
    lang: Lang,
) -> Option<NaiveDate> {
    let mut picked = None;
    egui::Grid::new(("date_grid", first))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            for head in weekday_heads(lang) {
                ui.weak(head);
            }
            ui.end_row();
            for (i, day) in grid_days(first).into_iter().enumerate() {
                let mut text = RichText::new(day.day().to_string());
                if day.month() != first.month() {
                    text = text.weak();
                }
                if day == today {
                    text = text.strong().underline();
                }
                let r = ui
                    .add(
                        egui::Button::selectable(selected == Some(day), text)
                            .min_size(egui::vec2(28.0, 0.0)),
                    )
                    .on_hover_text(day.format("%Y-%m-%d").to_string());
                if r.clicked() {
                    picked = Some(day);
                }
                if i % 7 == 6 {
                    ui.end_row();
                }
            }
        });
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_grid_is_whole_weeks_monday_first() {
        // November 2026 starts on a Sunday and ends on a Monday.
        let days = grid_days(d(2026, 11, 1));
        assert_eq!(days.first(), Some(&d(2026, 10, 26)));
        assert_eq!(days.last(), Some(&d(2026, 12, 6)));
        assert_eq!(days.len() % 7, 0);
        // February 2027 starts on a Monday.
        assert_eq!(grid_days(d(2027, 2, 1)).first(), Some(&d(2027, 2, 1)));
    }

    #[test]
    fn titles_and_weekdays_are_in_the_ui_language() {
        assert_eq!(month_title(Lang::Zh, d(2026, 11, 1)), "2026年11月");
        assert_eq!(month_title(Lang::En, d(2026, 11, 1)), "November 2026");
        assert_eq!(weekday_heads(Lang::Zh)[0], "一");
        assert_eq!(weekday_heads(Lang::En)[6], "Su");
    }
}
