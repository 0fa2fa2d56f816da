//! The period selector shared by the Dashboard and Analytics pages: a month, quarter or
//! year stepped with arrows, or a custom from–to range whose dates are checked before
//! it is used (a message under the field until the user changes it; the period in use
//! stays as it was).

use crate::i18n::{Lang, problem};
use crate::model::{Period, Problem, parse_date, shift_months};
use chrono::{Datelike, NaiveDate};
use egui::Ui;

crate::texts! {
    pub enum Text {
        Month => "月", "Month";
        Quarter => "季度", "Quarter";
        Year => "年", "Year";
        Custom => "自定义", "Custom";
        Previous => "上一期", "Previous period";
        Next => "下一期", "Next period";
        Current => "本期", "Current";
        From => "从", "From";
        To => "至", "To";
        Apply => "应用", "Apply";
        TooLong => "期间最长 10 年", "At most 10 years";
        Period => "期间", "Period";
    }
    fn {
        month_of(y, m, month) => "{y}年{m}月", "{month} {y}";
        quarter_of(y, q) => "{y}年第{q}季度", "Q{q} {y}";
        year_of(y) => "{y}年", "{y}";
    }
}

/// How the period is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PeriodKind {
    #[default]
    Month,
    Quarter,
    Year,
    Custom,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 4] = [
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Year,
        PeriodKind::Custom,
    ];
    fn text(self) -> Text {
        match self {
            PeriodKind::Month => Text::Month,
            PeriodKind::Quarter => Text::Quarter,
            PeriodKind::Year => Text::Year,
            PeriodKind::Custom => Text::Custom,
        }
    }
}

/// Longest custom range, in days (ten years and leap days).
const MAX_DAYS: i64 = 3653;

#[derive(Debug, Clone, PartialEq)]
enum FieldError {
    Problem(Problem),
    TooLong,
}

impl FieldError {
    fn text(&self, lang: Lang) -> String {
        match self {
            FieldError::Problem(p) => problem(lang, p),
            FieldError::TooLong => Text::TooLong.get(lang).to_owned(),
        }
    }
}

/// The selector's state; each page keeps its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeriodPicker {
    pub kind: PeriodKind,
    /// A day inside the chosen month / quarter / year; today until the user steps.
    anchor: Option<NaiveDate>,
    /// The last valid custom range.
    custom: Option<Period>,
    from: String,
    to: String,
    from_error: Option<FieldError>,
    to_error: Option<FieldError>,
}

/// The whole month, quarter or year holding `d`.
pub fn period_of(kind: PeriodKind, d: NaiveDate) -> Period {
    match kind {
        PeriodKind::Month | PeriodKind::Custom => Period::month(d.year(), d.month()),
        PeriodKind::Quarter => Period::quarter(d.year(), d.month0() / 3 + 1),
        PeriodKind::Year => Period::year(d.year()),
    }
}

/// Checks a custom range typed by the user.
fn parse_range(from: &str, to: &str) -> Result<Period, (Option<FieldError>, Option<FieldError>)> {
    let f = parse_date(from);
    let t = parse_date(to);
    match (f, t) {
        (Ok(f), Ok(t)) if t < f => Err((None, Some(FieldError::Problem(Problem::Before("from"))))),
        (Ok(f), Ok(t)) if (t - f).num_days() + 1 > MAX_DAYS => {
            Err((None, Some(FieldError::TooLong)))
        }
        (Ok(f), Ok(t)) => Ok(Period::new(f, t)),
        (f, t) => Err((
            f.err().map(FieldError::Problem),
            t.err().map(FieldError::Problem),
        )),
    }
}

impl PeriodPicker {
    pub fn new(kind: PeriodKind) -> Self {
        PeriodPicker {
            kind,
            ..Default::default()
        }
    }

    /// The period in use.
    pub fn period(&self, today: NaiveDate) -> Period {
        match (self.kind, self.custom) {
            (PeriodKind::Custom, Some(p)) => p,
            (kind, _) => period_of(kind, self.anchor.unwrap_or(today)),
        }
    }

    /// Chooses a month, quarter or year holding `day` (for links and tests).
    pub fn set(&mut self, kind: PeriodKind, day: NaiveDate) {
        self.kind = kind;
        self.anchor = Some(day);
    }

    /// Steps to the period before (-1) or after (+1).
    fn step(&mut self, today: NaiveDate, by: i32) {
        let p = self.period(today);
        let months = match self.kind {
            PeriodKind::Month | PeriodKind::Custom => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        };
        self.anchor = Some(shift_months(p.start, months * by));
    }

    /// Draws the selector in one row; true when the period changed.
    pub fn show(&mut self, ui: &mut Ui, lang: Lang, today: NaiveDate) -> bool {
        let before = self.period(today);
        ui.horizontal_wrapped(|ui| {
            ui.label(Text::Period.get(lang));
            for kind in PeriodKind::ALL {
                let r = ui.add(egui::Button::selectable(
                    self.kind == kind,
                    kind.text().get(lang),
                ));
                if r.clicked() && self.kind != kind {
                    if kind == PeriodKind::Custom {
                        let p = self.period(today);
                        self.from = p.start.to_string();
                        self.to = p.end.to_string();
                        self.custom = Some(p);
                        self.from_error = None;
                        self.to_error = None;
                    } else if self.kind == PeriodKind::Custom
                        && let Some(p) = self.custom
                    {
                        self.anchor = Some(p.start);
                    }
                    self.kind = kind;
                }
            }
            ui.separator();
            if self.kind == PeriodKind::Custom {
                self.custom_fields(ui, lang);
            } else {
                if ui
                    .button("←")
                    .on_hover_text(Text::Previous.get(lang))
                    .clicked()
                {
                    self.step(today, -1);
                }
                ui.strong(label(lang, self.period(today)));
                if ui.button("→").on_hover_text(Text::Next.get(lang)).clicked() {
                    self.step(today, 1);
                }
                let current = period_of(self.kind, today) == self.period(today);
                if ui
                    .add_enabled(!current, egui::Button::new(Text::Current.get(lang)))
                    .clicked()
                {
                    self.anchor = None;
                }
            }
        });
        self.period(today) != before
    }

    fn custom_fields(&mut self, ui: &mut Ui, lang: Lang) {
        let mut apply = false;
        for (text, value, error) in [
            (Text::From, &mut self.from, self.from_error.clone()),
            (Text::To, &mut self.to, self.to_error.clone()),
        ] {
            let l = ui.label(text.get(lang));
            ui.vertical(|ui| {
                // Gone as soon as the date changes, its room kept until Apply judges again.
                let msg = super::form::judged(ui, text.get(Lang::En), &*value, error.as_ref());
                let r = ui
                    .horizontal(|ui| {
                        let mut edit = egui::TextEdit::singleline(value)
                            .hint_text(super::date::HINT)
                            .desired_width(super::date::field_width(ui));
                        if msg.shown().is_some() {
                            edit = edit.text_color(ui.visuals().error_fg_color);
                        }
                        let r = ui.add(edit).labelled_by(l.id);
                        if super::date::picker_button(ui, text.get(Lang::En), value, lang) {
                            apply = true;
                        }
                        r
                    })
                    .inner;
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    apply = true;
                }
                super::form::message_line(ui, msg, |e| e.text(lang));
            });
        }
        if ui.button(Text::Apply.get(lang)).clicked() {
            apply = true;
        }
        if apply {
            super::keys::judged(ui);
            match parse_range(&self.from, &self.to) {
                Ok(p) => {
                    self.custom = Some(p);
                    self.from_error = None;
                    self.to_error = None;
                }
                Err((f, t)) => {
                    self.from_error = f;
                    self.to_error = t;
                }
            }
        }
    }
}

/// A period as people say it: "2026年11月" / "Nov 2026", "2026年第4季度" / "Q4 2026",
/// "2026年" / "2026", else "2026-01-05 – 2026-02-20".
pub fn label(lang: Lang, p: Period) -> String {
    let (y, m) = (p.start.year(), p.start.month());
    if p == Period::month(y, m) {
        return Text::month_of(lang, y, m, MONTHS[m as usize - 1]);
    }
    if m % 3 == 1 && p == Period::quarter(y, m / 3 + 1) {
        let q = m / 3 + 1;
        return Text::quarter_of(lang, y, q);
    }
    if p == Period::year(y) {
        return Text::year_of(lang, y);
    }
    format!("{} – {}", p.start, p.end)
}

/// A calendar month on a chart axis: "11月" / "Nov", and the year alone at January
/// ("2027年" / "2027") so a chart across New Year reads without crowding.
pub fn month_short(lang: Lang, month: Period) -> String {
    let (y, m) = (month.start.year(), month.start.month());
    match (lang, m) {
        (Lang::Zh, 1) => format!("{y}年"),
        (Lang::Zh, _) => format!("{m}月"),
        (Lang::En, 1) => format!("{y}"),
        (Lang::En, _) => MONTHS[m as usize - 1].to_owned(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn kinds_and_steps() {
        let today = d("2026-11-26");
        let mut p = PeriodPicker::new(PeriodKind::Quarter);
        assert_eq!(p.period(today), Period::quarter(2026, 4));
        p.step(today, -1);
        assert_eq!(p.period(today), Period::quarter(2026, 3));
        p.kind = PeriodKind::Year;
        assert_eq!(p.period(today), Period::year(2026));
        p.step(today, 1);
        assert_eq!(p.period(today), Period::year(2027));
        p.set(PeriodKind::Month, d("2026-01-31"));
        p.step(today, 1);
        assert_eq!(p.period(today), Period::month(2026, 2));
    }

    #[test]
    fn custom_range_is_checked() {
        assert_eq!(
            parse_range("2026-01-05", " 2026/02/20 "),
            Ok(Period::new(d("2026-01-05"), d("2026-02-20")))
        );
        assert_eq!(
            parse_range("2026-02-05", "2026-01-20"),
            Err((None, Some(FieldError::Problem(Problem::Before("from")))))
        );
        assert_eq!(
            parse_range("soon", ""),
            Err((
                Some(FieldError::Problem(Problem::NotADate)),
                Some(FieldError::Problem(Problem::Required))
            ))
        );
        assert_eq!(
            parse_range("2000-01-01", "2026-01-01"),
            Err((None, Some(FieldError::TooLong)))
        );
    }

    #[test]
    fn labels_read_naturally() {
        assert_eq!(label(Lang::Zh, Period::month(2026, 11)), "2026年11月");
        assert_eq!(label(Lang::En, Period::month(2026, 11)), "Nov 2026");
        assert_eq!(label(Lang::Zh, Period::quarter(2026, 4)), "2026年第4季度");
        assert_eq!(label(Lang::En, Period::quarter(2026, 4)), "Q4 2026");
        assert_eq!(label(Lang::En, Period::year(2026)), "2026");
        assert_eq!(
            label(Lang::En, Period::new(d("2026-01-05"), d("2026-02-20"))),
            "2026-01-05 – 2026-02-20"
        );
        assert_eq!(month_short(Lang::Zh, Period::month(2027, 1)), "2027年");
        assert_eq!(month_short(Lang::En, Period::month(2026, 3)), "Mar");
    }
}
