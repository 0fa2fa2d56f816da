//! 一对一议程: what to raise in a rep's next 1:1, gathered by itself: attainment against
//! pace, the stage where they leak, their stale deals, overdue follow-ups and the open
//! actions agreed in their last review. Each item opens its record.

use super::Focus;
use crate::analytics::agenda::agenda;
use crate::i18n::{Label, Lang};
use crate::model::RecordKey;
use crate::ui::format::{money_short, overdue_days, percent};
use crate::ui::widgets::period;
use crate::ui::{AppCommand, Cx, Route};

crate::texts! {
    pub enum Text {
        Title => "一对一议程", "1:1 agenda";
        Pace => "目标进度", "Attainment against pace";
        NoTarget => "本期没有目标。", "No target for this period.";
        Leak => "漏斗流失最多的阶段", "Where the funnel leaks most";
        NoLeak => "没有明显低于团队的阶段。", "No stage converts clearly below the team.";
        Stale => "停滞的商机", "Stale deals";
        FollowUps => "逾期的跟进", "Overdue follow-ups";
        Actions => "上次评估约定、尚未完成的行动", "Open actions agreed in the last review";
        NoLastReview => "还没有评估。", "No review yet.";
        Nothing => "无", "None";
        AllClear => "没有需要特别讨论的事项。", "Nothing in particular to raise.";
    }
    fn {
        pace_line(att, revenue, expected) => "达成率 {att}：已成交 {revenue}，按进度应达 {expected}", "Attainment {att}: won {revenue}, {expected} due by today";
        ahead(m) => "超前 {m}", "ahead by {m}";
        behind(m) => "落后 {m}", "behind by {m}";
        idle(n, limit) => "停滞 {n} 天（上限 {limit} 天）", "idle {n} days (limit {limit})";
        due(d) => "截止 {d}", "Due {d}";
    }
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(6.0);
    ui.strong(title);
}

pub fn show(ui: &mut egui::Ui, cx: &mut Cx, focus: &mut Focus) {
    let lang = cx.lang;
    let Some(rep) = focus.rep else {
        ui.weak(super::Text::PickRep.get(lang));
        return;
    };
    let period = focus.period(cx);
    let ws = cx.doc.ws();
    // Passes over every deal (funnels, stale deals, attainment): once per change.
    let a = cx
        .cache
        .get_or_compute(cx.doc.revision(), "agenda", (rep, period, cx.today), || {
            agenda(ws, rep, period, cx.today)
        })
        .clone();
    ui.heading(format!(
        "{} · {} · {}",
        Text::Title.get(lang),
        ws.member_name(rep),
        period::label(lang, period)
    ));
    if a.is_empty() {
        ui.label(Text::AllClear.get(lang));
    }
    let mut go: Option<RecordKey> = None;
    section(ui, Text::Pace.get(lang));
    match a.pace.as_ref().and_then(|r| r.pace.map(|p| (r, p))) {
        Some((r, p)) => {
            let ahead = p.ahead_by();
            let words = if ahead.0 >= 0 {
                Text::ahead(lang, money_short(ahead, lang))
            } else {
                Text::behind(lang, money_short(crate::model::Money(-ahead.0), lang))
            };
            ui.label(format!(
                "{}{}{words}",
                Text::pace_line(
                    lang,
                    percent(r.attainment),
                    money_short(p.revenue, lang),
                    money_short(p.expected, lang)
                ),
                if lang == Lang::Zh { "，" } else { ", " }
            ));
        }
        None => {
            ui.weak(Text::NoTarget.get(lang));
        }
    }
    section(ui, Text::Leak.get(lang));
    match &a.leak {
        Some(l) => {
            ui.label(super::coaching::goal_words(lang, l));
        }
        None => {
            ui.weak(Text::NoLeak.get(lang));
        }
    }
    section(ui, Text::Stale.get(lang));
    if a.stale.is_empty() {
        ui.weak(Text::Nothing.get(lang));
    }
    for s in &a.stale {
        ui.horizontal(|ui| {
            let title = ws
                .deals
                .deals
                .get(s.deal)
                .map(|d| d.title.as_str())
                .unwrap_or("—");
            if ui.link(title).clicked() {
                go = Some(RecordKey::Deal(s.deal));
            }
            ui.weak(format!(
                "{} · {}",
                s.stage.label(lang),
                Text::idle(lang, s.idle_days, s.limit)
            ));
        });
    }
    section(ui, Text::FollowUps.get(lang));
    if a.overdue_follow_ups.is_empty() {
        ui.weak(Text::Nothing.get(lang));
    }
    for f in &a.overdue_follow_ups {
        ui.horizontal(|ui| {
            if ui.link(ws.customer_name(f.customer)).clicked() {
                go = Some(RecordKey::Customer(f.customer));
            }
            ui.weak(overdue_days(lang, f.days_overdue));
        });
    }
    section(ui, Text::Actions.get(lang));
    if a.last_review.is_none() {
        ui.weak(Text::NoLastReview.get(lang));
    } else if a.open_actions.is_empty() {
        ui.weak(Text::Nothing.get(lang));
    }
    for o in &a.open_actions {
        ui.horizontal(|ui| {
            let text = egui::RichText::new(o.action.text.as_str());
            let text = if o.overdue {
                text.color(ui.visuals().error_fg_color)
            } else {
                text
            };
            if ui.link(text).clicked() {
                go = Some(RecordKey::Review(o.review));
            }
            ui.weak(Text::due(lang, o.action.due));
        });
    }
    if let Some(key) = go {
        cx.run(AppCommand::Navigate(Route::record(key)));
    }
}
