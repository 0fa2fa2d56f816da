//! 销售目标: the team's target for a period in three tiers, broken down to its quarters or
//! months and to the reps by a chosen method, each level checked against the one above,
//! with live figures from won deals.

use super::explain::Explain;
use crate::analytics::{
    RepTarget, SplitMethod, mismatch, period_weights, rep_targets, rep_weights, split_exact,
    sub_periods,
};
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input, money_short, percent};
use crate::ui::widgets::form;
use crate::ui::widgets::period::{self, PeriodKind, PeriodPicker};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::collections::BTreeMap;

crate::texts! {
    pub enum Text {
        TeamTarget => "团队目标（元）", "Team target (yuan)";
        Stretch => "冲刺（元）", "Stretch (yuan)";
        Challenge => "挑战（元）", "Challenge (yuan)";
        SaveTarget => "保存团队目标", "Save team target";
        TargetSaved => "已保存目标", "Target saved";
        Split => "已分解目标", "Target split";
        ToReps => "分解到代表", "Split to reps";
        ToQuarters => "分解到季度", "Split to quarters";
        ToMonths => "分解到月份", "Split to months";
        Method => "分解方法", "Method";
        SubMethod => "时间分解方法", "Method over time";
        Rep => "代表", "Rep";
        Target => "目标", "Target";
        StretchCol => "冲刺", "Stretch";
        ChallengeCol => "挑战", "Challenge";
        Won => "已成交", "Won";
        Attainment => "达成率", "Attainment";
        Shortage => "差额", "Shortage";
        Pace => "进度", "Pace";
        Coverage => "覆盖率", "Coverage";
        DealsNeeded => "还需商机", "Deals needed";
        TargetMet => "已达成", "Target met";
        NoTarget => "未设目标", "No target";
        SetTeamFirst => "请先设定团队目标", "Set the team's target first";
        ByHandHint => "手动：在每位代表一行中输入目标、冲刺和挑战金额，回车保存。", "By hand: type each rep's target, stretch and challenge in their row and press Enter.";
        NotSetHere => "本期未单独设定，以下为由其他期间目标推算的数额：", "Not set for this period itself; from the targets of other periods:";
        Reps => "各代表目标", "Targets per rep";
        Parts => "时间分解", "Over time";
        NoHistory => "无历史", "no history";
        EditRep => "修改代表目标", "Edit a rep's target";
        AttainmentHint => "点击查看计入的商机", "Click to see the deals behind it";
    }
    fn {
        reps_mismatch(parts, whole) => "各代表合计 {parts}，团队目标 {whole}", "reps add up to {parts} of the team's {whole}";
        quarters_mismatch(parts, whole) => "各季度合计 {parts}，全年目标 {whole}", "quarters add up to {parts} of the year's {whole}";
        months_mismatch(parts, whole) => "各月合计 {parts}，本季度目标 {whole}", "months add up to {parts} of the quarter's {whole}";
        pace_line(expected, ahead) => "计划至今 {expected}，{ahead}", "plan to date {expected}, {ahead}";
        ahead(m) => "超前 {m}", "ahead by {m}";
        behind(m) => "落后 {m}", "behind by {m}";
        coverage_x(x) => "{x} 倍", "{x}×";
    }
}

/// What one frame shows, computed once per change, period or day.
struct Figures {
    key: (u64, Period, NaiveDate),
    rows: Vec<RepTarget>,
    /// The team's row set for exactly this period.
    team_row: Option<Target>,
    /// Each rep's row set for exactly this period.
    rep_rows: BTreeMap<MemberId, Target>,
    /// The parts one level down, with the team's row set for each.
    parts: Vec<(Period, Option<Target>)>,
    /// Members shown: active quota carriers, and anyone with a target or deals.
    listed: Vec<MemberId>,
}

#[derive(Default, Clone, PartialEq)]
struct TierDraft {
    target: String,
    stretch: String,
    challenge: String,
}

pub struct TargetsView {
    picker: PeriodPicker,
    figures: Option<Figures>,
    team: TierDraft,
    team_errors: Errors,
    rep_method: SplitMethod,
    part_method: SplitMethod,
    /// A by-hand row of three tiers per rep, as typed.
    rep_drafts: BTreeMap<MemberId, TierDraft>,
    rep_errors: BTreeMap<MemberId, Errors>,
    explain: Option<Explain>,
}

impl Default for TargetsView {
    fn default() -> Self {
        TargetsView {
            picker: PeriodPicker::new(PeriodKind::Quarter),
            figures: None,
            team: TierDraft::default(),
            team_errors: Errors::new(),
            rep_method: SplitMethod::LastPeriodShare,
            part_method: SplitMethod::LastYearSeasonality,
            rep_drafts: BTreeMap::new(),
            rep_errors: BTreeMap::new(),
            explain: None,
        }
    }
}

fn opt_input(m: Option<Money>) -> String {
    m.map(money_input).unwrap_or_default()
}

impl TierDraft {
    fn of(t: Option<&Target>) -> Self {
        TierDraft {
            target: t.map(|t| money_input(t.amount)).unwrap_or_default(),
            stretch: opt_input(t.and_then(|t| t.stretch)),
            challenge: opt_input(t.and_then(|t| t.challenge)),
        }
    }

    fn is_empty(&self) -> bool {
        [&self.target, &self.stretch, &self.challenge]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// The three tiers as typed (target required, the others optional), or the problems
    /// at their fields. Whether the tiers sit in order is `Target::validate`'s to say.
    fn parse(&self) -> Result<(Money, Option<Money>, Option<Money>), Errors> {
        let mut errors = Errors::new();
        let amount = parse_into(&mut errors, "amount", parse_money(&self.target));
        let stretch = parse_into(&mut errors, "stretch", parse_optional(&self.stretch));
        let challenge = parse_into(&mut errors, "challenge", parse_optional(&self.challenge));
        match (amount, stretch, challenge) {
            (Some(a), Some(s), Some(c)) => Ok((a, s, c)),
            _ => Err(errors),
        }
    }
}

fn figures(ws: &Workspace, period: Period, today: NaiveDate, rev: u64) -> Figures {
    let exact = |member: Option<MemberId>, p: Period| {
        ws.performance
            .targets
            .iter()
            .find(|t| t.member == member && t.period == p)
            .cloned()
    };
    let rows = rep_targets(ws, period, today);
    let rep_rows = ws
        .performance
        .targets
        .iter()
        .filter(|t| t.period == period)
        .filter_map(|t| Some((t.member?, t.clone())))
        .collect();
    let mut listed: Vec<MemberId> = rows
        .iter()
        .filter_map(|r| {
            let m = ws.team.members.get(r.member?)?;
            (m.active && m.role.carries_quota() || r.tiers.is_some() || r.open_deals > 0)
                .then_some(m.id)
        })
        .collect();
    listed.sort_by_cached_key(|id| crate::hanzi::order_key(ws.member_name(*id)));
    Figures {
        key: (rev, period, today),
        rows,
        team_row: exact(None, period),
        rep_rows,
        parts: sub_periods(period)
            .into_iter()
            .map(|p| (p, exact(None, p)))
            .collect(),
        listed,
    }
}

impl TargetsView {
    fn refresh(&mut self, cx: &Cx) {
        let period = self.picker.period(cx.today);
        let key = (cx.doc.revision(), period, cx.today);
        if self.figures.as_ref().is_some_and(|f| f.key == key) {
            return;
        }
        let f = figures(cx.doc.ws(), period, cx.today, key.0);
        self.team = TierDraft::of(f.team_row.as_ref());
        self.team_errors = Errors::new();
        self.rep_drafts = f
            .listed
            .iter()
            .map(|m| (*m, TierDraft::of(f.rep_rows.get(m))))
            .collect();
        self.rep_errors.clear();
        self.figures = Some(f);
    }

    pub fn show(&mut self, ui: &mut Ui, cx: &mut Cx) {
        self.picker.show(ui, cx.lang, cx.today);
        self.refresh(cx);
        egui::ScrollArea::both()
            .id_salt("performance_targets")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.team_section(ui, cx);
                ui.separator();
                self.parts_section(ui, cx);
                self.reps_section(ui, cx);
            });
        if let Some(e) = &mut self.explain
            && !e.show(ui.ctx(), cx)
        {
            self.explain = None;
        }
    }

    fn period(&self, cx: &Cx) -> Period {
        self.picker.period(cx.today)
    }

    fn team_section(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let period = self.period(cx);
        ui.strong(format!(
            "{} · {}",
            cx.t(T::Team),
            period::label(lang, period)
        ));
        let mut save = false;
        ui.horizontal_wrapped(|ui| {
            // Not set for this period itself: the figure from other periods is the hint.
            let derived = self.figures.as_ref().and_then(|f| f.rows[0].tiers);
            for (text, value, field, hint) in [
                (
                    Text::TeamTarget,
                    &mut self.team.target,
                    "amount",
                    derived.map(|t| t.target),
                ),
                (
                    Text::Stretch,
                    &mut self.team.stretch,
                    "stretch",
                    derived.and_then(|t| t.stretch),
                ),
                (
                    Text::Challenge,
                    &mut self.team.challenge,
                    "challenge",
                    derived.and_then(|t| t.challenge),
                ),
            ] {
                ui.vertical(|ui| {
                    let l = ui.label(text.get(lang));
                    let err = self.team_errors.get(field);
                    let r = tier_input(ui, lang, value, opt_input(hint), 130.0, None, field, err)
                        .labelled_by(l.id);
                    if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        save = true;
                    }
                });
            }
            if ui.button(Text::SaveTarget.get(lang)).clicked() {
                save = true;
            }
        });
        if save {
            crate::ui::widgets::keys::saving(ui);
            self.save_team(cx);
        }
        let Some(f) = &self.figures else { return };
        if f.team_row.is_none()
            && let Some(t) = f.rows[0].tiers
        {
            ui.weak(format!(
                "{} {}",
                Text::NotSetHere.get(lang),
                tier_words(lang, t.target, t.stretch, t.challenge)
            ));
        }
        let team = f.rows[0].clone();
        if let Some(pick) = live_line(ui, lang, &team) {
            self.explain = Some(Explain::new(pick, period));
        }
    }

    fn save_team(&mut self, cx: &mut Cx) {
        let lang = cx.lang;
        let period = self.period(cx);
        let (amount, stretch, challenge) = match self.team.parse() {
            Ok(t) => t,
            Err(errors) => {
                self.team_errors = errors;
                return;
            }
        };
        let id = self
            .figures
            .as_ref()
            .and_then(|f| f.team_row.as_ref())
            .map(|t| t.id)
            .unwrap_or_default();
        let row = Target {
            id,
            member: None,
            period,
            amount,
            stretch,
            challenge,
        };
        let label = format!(
            "{} {}",
            Text::SaveTarget.get(lang),
            period::label(lang, period)
        );
        match cx.apply(Change::put(Record::Target(row)), label) {
            Ok(_) => cx.toasts.info(Text::TargetSaved.get(lang)),
            Err(e) => self.team_errors = e,
        }
    }

    fn parts_section(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(f) = &self.figures else { return };
        if f.parts.is_empty() {
            return;
        }
        let quarters = f.parts.len() == 4;
        ui.strong(Text::Parts.get(lang));
        let whole = f.rows[0].tiers;
        let mut split = false;
        ui.horizontal_wrapped(|ui| {
            method_choice(
                ui,
                Text::SubMethod.get(lang),
                &mut self.part_method,
                &[
                    SplitMethod::Evenly,
                    SplitMethod::LastPeriodShare,
                    SplitMethod::LastYearSeasonality,
                ],
                lang,
            );
            let text = if quarters {
                Text::ToQuarters
            } else {
                Text::ToMonths
            };
            let r = ui.add_enabled(whole.is_some(), egui::Button::new(text.get(lang)));
            split = r
                .on_disabled_hover_text(Text::SetTeamFirst.get(lang))
                .clicked();
        });
        egui::Grid::new("target_parts")
            .num_columns(f.parts.len())
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                for (p, _) in &f.parts {
                    ui.weak(period::label(lang, *p));
                }
                ui.end_row();
                for (_, row) in &f.parts {
                    ui.label(row.as_ref().map(|t| money(t.amount)).unwrap_or("—".into()));
                }
                ui.end_row();
            });
        let set: Vec<Money> = f
            .parts
            .iter()
            .filter_map(|(_, r)| r.as_ref())
            .map(|t| t.amount)
            .collect();
        if let (Some(team), false) = (f.team_row.as_ref(), set.is_empty())
            && let Some(m) = mismatch(team.amount, &set)
        {
            let (parts, whole) = (money_short(m.parts, lang), money_short(m.whole, lang));
            warn(
                ui,
                &if quarters {
                    Text::quarters_mismatch(lang, parts, whole)
                } else {
                    Text::months_mismatch(lang, parts, whole)
                },
            );
        }
        ui.separator();
        if split && let Some(t) = whole {
            self.split_parts(cx, t);
        }
    }

    fn split_parts(&mut self, cx: &mut Cx, whole: crate::analytics::Tiers) {
        let lang = cx.lang;
        let Some(f) = &self.figures else { return };
        let periods: Vec<Period> = f.parts.iter().map(|(p, _)| *p).collect();
        let Some(w) = period_weights(cx.doc.ws(), &periods, self.part_method) else {
            return;
        };
        let rows = split_rows(
            &w,
            whole,
            f.parts.iter().map(|(p, row)| (None, *p, row.as_ref())),
        );
        let text = if periods.len() == 4 {
            Text::ToQuarters
        } else {
            Text::ToMonths
        };
        let _ = cx.apply_and_report(Change::Batch(rows), text.get(lang), Text::Split.get(lang));
    }

    fn reps_section(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let period = self.period(cx);
        let Some(f) = &self.figures else { return };
        ui.strong(Text::Reps.get(lang));
        let whole = f.rows[0].tiers;
        let mut split = false;
        ui.horizontal_wrapped(|ui| {
            method_choice(
                ui,
                Text::Method.get(lang),
                &mut self.rep_method,
                &SplitMethod::ALL,
                lang,
            );
            if self.rep_method == SplitMethod::ByHand {
                ui.weak(Text::ByHandHint.get(lang));
            } else {
                let r = ui.add_enabled(whole.is_some(), egui::Button::new(Text::ToReps.get(lang)));
                split = r
                    .on_disabled_hover_text(Text::SetTeamFirst.get(lang))
                    .clicked();
            }
        });
        let rep_sum: Vec<Money> = f
            .listed
            .iter()
            .filter_map(|m| figures_of(f, *m).and_then(|r| r.tiers).map(|t| t.target))
            .collect();
        if let (Some(team), false) = (whole, rep_sum.is_empty())
            && let Some(m) = mismatch(team.target, &rep_sum)
        {
            warn(
                ui,
                &Text::reps_mismatch(lang, money_short(m.parts, lang), money_short(m.whole, lang)),
            );
        }
        let mut commit: Option<MemberId> = None;
        let mut pick = None;
        crate::ui::widgets::table::wide_in_page(ui, "rep_targets", lang, |ui| {
            egui::Grid::new("rep_targets")
                .num_columns(10)
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        Text::Rep,
                        Text::Target,
                        Text::StretchCol,
                        Text::ChallengeCol,
                        Text::Won,
                        Text::Attainment,
                        Text::Shortage,
                        Text::Pace,
                        Text::Coverage,
                        Text::DealsNeeded,
                    ] {
                        ui.strong(h.get(lang));
                    }
                    ui.end_row();
                    for m in &f.listed {
                        let Some(r) = figures_of(f, *m) else { continue };
                        let member_name = cx.doc.ws().member_name(*m);
                        let name = ui.label(member_name);
                        let draft = self.rep_drafts.entry(*m).or_default();
                        let errors = self.rep_errors.get(m);
                        let t = r.tiers;
                        // Each tier typed by hand: the target cell is named by the rep, the
                        // other two by the rep and the tier (for screen readers and tests).
                        let cells = [
                            (&mut draft.target, "amount", t.map(|t| t.target), None),
                            (
                                &mut draft.stretch,
                                "stretch",
                                t.and_then(|t| t.stretch),
                                Some(Text::StretchCol),
                            ),
                            (
                                &mut draft.challenge,
                                "challenge",
                                t.and_then(|t| t.challenge),
                                Some(Text::ChallengeCol),
                            ),
                        ];
                        for (value, field, hint, tier) in cells {
                            let err = errors.and_then(|e| e.get(field));
                            let (hint, size) = (opt_input(hint), Some(egui::vec2(120.0, 20.0)));
                            let resp =
                                tier_input(ui, lang, value, hint, 110.0, size, (m, field), err);
                            let resp = match tier {
                                None => resp.labelled_by(name.id),
                                Some(tier) => resp
                                    .accessible_name(format!("{member_name} · {}", tier.get(lang))),
                            };
                            if resp.lost_focus() {
                                commit = Some(*m);
                            }
                        }
                        ui.label(money(r.revenue));
                        if let Some(a) = attainment_button(ui, lang, r) {
                            pick = Some(a);
                        }
                        figure_cells(ui, lang, r);
                        ui.end_row();
                    }
                })
        });
        if let Some(m) = pick {
            self.explain = Some(Explain::new(m, period));
        }
        if let Some(m) = commit {
            crate::ui::widgets::keys::judged(ui);
            self.save_rep(cx, m);
        }
        if split && let Some(t) = whole {
            self.split_reps(cx, t);
        }
    }

    fn save_rep(&mut self, cx: &mut Cx, member: MemberId) {
        let lang = cx.lang;
        let period = self.period(cx);
        let Some(f) = &self.figures else { return };
        let draft = self.rep_drafts.get(&member).cloned().unwrap_or_default();
        let existing = f.rep_rows.get(&member);
        if draft.is_empty() {
            if let Some(t) = existing {
                let _ = cx.apply_and_report(
                    Change::Remove(RecordKey::Target(t.id)),
                    Text::EditRep.get(lang),
                    Text::TargetSaved.get(lang),
                );
            }
            return;
        }
        let (amount, stretch, challenge) = match draft.parse() {
            Ok(t) => t,
            Err(e) => {
                self.rep_errors.insert(member, e);
                return;
            }
        };
        let row = Target {
            id: existing.map(|t| t.id).unwrap_or_default(),
            member: Some(member),
            period,
            amount,
            stretch,
            challenge,
        };
        if existing == Some(&row) {
            self.rep_errors.remove(&member);
            return;
        }
        let label = format!(
            "{} {}",
            Text::EditRep.get(lang),
            cx.doc.ws().member_name(member)
        );
        match cx.apply(Change::put(Record::Target(row)), label) {
            Ok(_) => {
                self.rep_errors.remove(&member);
                cx.toasts.info(Text::TargetSaved.get(lang));
            }
            // A tier below the one beneath it, or a read-only file: shown at the field.
            Err(e) => {
                self.rep_errors.insert(member, e);
            }
        }
    }

    fn split_reps(&mut self, cx: &mut Cx, whole: crate::analytics::Tiers) {
        let lang = cx.lang;
        let period = self.period(cx);
        let Some(f) = &self.figures else { return };
        let ws = cx.doc.ws();
        let reps: Vec<MemberId> = f
            .listed
            .iter()
            .copied()
            .filter(|m| {
                ws.team
                    .members
                    .get(*m)
                    .is_some_and(|x| x.active && x.role.carries_quota())
            })
            .collect();
        let Some(w) = rep_weights(ws, period, &reps, self.rep_method) else {
            return;
        };
        let rows = split_rows(
            &w,
            whole,
            reps.iter().map(|m| (Some(*m), period, f.rep_rows.get(m))),
        );
        let _ = cx.apply_and_report(
            Change::Batch(rows),
            Text::ToReps.get(lang),
            Text::Split.get(lang),
        );
    }
}

/// The target rows of a split: each part's share of every tier set, written over the
/// part's existing row (same id) or as a new one.
fn split_rows<'a>(
    weights: &[i64],
    whole: crate::analytics::Tiers,
    parts: impl Iterator<Item = (Option<MemberId>, Period, Option<&'a Target>)>,
) -> Vec<Change> {
    let amounts = split_exact(whole.target, weights);
    let stretch = whole.stretch.map(|s| split_exact(s, weights));
    let challenge = whole.challenge.map(|c| split_exact(c, weights));
    parts
        .enumerate()
        .map(|(i, (member, period, old))| {
            Change::put(Record::Target(Target {
                id: old.map(|t| t.id).unwrap_or_default(),
                member,
                period,
                amount: amounts[i],
                stretch: stretch.as_ref().map(|s| s[i]),
                challenge: challenge.as_ref().map(|c| c[i]),
            }))
        })
        .collect()
}

fn figures_of(f: &Figures, m: MemberId) -> Option<&RepTarget> {
    f.rows.iter().find(|r| r.member == Some(m))
}

fn parse_optional(text: &str) -> Result<Option<Money>, Problem> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_money(text).map(Some)
    }
}

fn parse_into<V>(errors: &mut Errors, field: &'static str, r: Result<V, Problem>) -> Option<V> {
    crate::ui::widgets::form::parse_into(errors, field, r)
}

/// One tier's amount (`width` wide, in a cell of `size` if given): the figure from other
/// periods as the hint, red with its problem beneath when refused, until the user
/// changes it (see [`form::judged`]; `key` names the field in `ui`'s scope).
// The arguments are those of a field and its message; bundling them would only move them.
#[allow(clippy::too_many_arguments)]
fn tier_input(
    ui: &mut Ui,
    lang: Lang,
    value: &mut String,
    hint: String,
    width: f32,
    size: Option<egui::Vec2>,
    key: impl std::hash::Hash + std::fmt::Debug,
    err: Option<&Problem>,
) -> egui::Response {
    ui.vertical(|ui| {
        let msg = form::judged(ui, key, &*value, err);
        let mut edit = egui::TextEdit::singleline(value)
            .desired_width(width)
            .hint_text(hint);
        if msg.shown().is_some() {
            edit = edit.text_color(ui.visuals().error_fg_color);
        }
        let resp = match size {
            Some(size) => ui.add_sized(size, edit),
            None => ui.add(edit),
        };
        form::error_line(ui, lang, msg);
        resp
    })
    .inner
}

fn warn(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
}

fn tier_words(
    lang: Lang,
    target: Money,
    stretch: Option<Money>,
    challenge: Option<Money>,
) -> String {
    let mut parts = vec![format!("{} {}", Text::Target.get(lang), money(target))];
    if let Some(s) = stretch {
        parts.push(format!("{} {}", Text::StretchCol.get(lang), money(s)));
    }
    if let Some(c) = challenge {
        parts.push(format!("{} {}", Text::ChallengeCol.get(lang), money(c)));
    }
    parts.join(if lang == Lang::Zh { "，" } else { ", " })
}

fn method_choice(
    ui: &mut Ui,
    label: &str,
    value: &mut SplitMethod,
    options: &[SplitMethod],
    lang: Lang,
) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(value.label(lang))
        .width(190.0)
        .show_ui(ui, |ui| {
            for o in options {
                ui.selectable_value(value, *o, o.label(lang));
            }
        })
        .response
        .labelled_by(l.id);
}

/// The attainment as a button that explains it; the member (None: team) when clicked.
fn attainment_button(ui: &mut Ui, lang: Lang, r: &RepTarget) -> Option<Option<MemberId>> {
    match r.attainment {
        Some(a) => ui
            .link(percent(Some(a)))
            .on_hover_text(Text::AttainmentHint.get(lang))
            .clicked()
            .then_some(r.member),
        None => {
            ui.weak(Text::NoTarget.get(lang));
            None
        }
    }
}

/// Shortage, pace, coverage and deals needed, one cell each.
fn figure_cells(ui: &mut Ui, lang: Lang, r: &RepTarget) {
    ui.label(r.shortage.map(|s| percent(Some(s))).unwrap_or_default());
    // In the table only how far ahead or behind; the plan to date on hover.
    match r.pace {
        Some(p) => {
            ui.label(ahead_words(lang, p))
                .on_hover_text(pace_words(lang, p));
        }
        None => {
            ui.label("");
        }
    }
    ui.label(coverage_words(lang, r));
    ui.label(match (r.tiers, r.deals_needed) {
        (None, _) => String::new(),
        (Some(_), Some(n)) => n.to_string(),
        (Some(_), None) => Text::NoHistory.get(lang).to_owned(),
    });
}

fn ahead_words(lang: Lang, p: crate::analytics::Pace) -> String {
    let ahead = p.ahead_by();
    if ahead.0 >= 0 {
        Text::ahead(lang, money_short(ahead, lang))
    } else {
        Text::behind(lang, money_short(Money(-ahead.0), lang))
    }
}

fn pace_words(lang: Lang, p: crate::analytics::Pace) -> String {
    Text::pace_line(lang, money_short(p.expected, lang), ahead_words(lang, p))
}

fn coverage_words(lang: Lang, r: &RepTarget) -> String {
    if r.target_met() {
        return Text::TargetMet.get(lang).to_owned();
    }
    r.coverage
        .map(|c| Text::coverage_x(lang, format!("{c:.2}")))
        .unwrap_or_default()
}

/// The team's live figures in one line; the member to explain when its attainment is
/// clicked.
fn live_line(ui: &mut Ui, lang: Lang, r: &RepTarget) -> Option<Option<MemberId>> {
    let mut pick = None;
    ui.horizontal_wrapped(|ui| {
        ui.weak(Text::Won.get(lang));
        ui.label(money(r.revenue));
        ui.weak(Text::Attainment.get(lang));
        pick = attainment_button(ui, lang, r);
        if r.tiers.is_some() {
            ui.weak(Text::Shortage.get(lang));
            ui.label(r.shortage.map(|s| percent(Some(s))).unwrap_or_default());
            ui.weak(Text::Pace.get(lang));
            ui.label(r.pace.map(|p| pace_words(lang, p)).unwrap_or_default());
            ui.weak(Text::Coverage.get(lang));
            ui.label(coverage_words(lang, r));
            ui.weak(Text::DealsNeeded.get(lang));
            ui.label(match r.deals_needed {
                Some(n) => n.to_string(),
                None => Text::NoHistory.get(lang).to_owned(),
            });
        }
    });
    pick
}
