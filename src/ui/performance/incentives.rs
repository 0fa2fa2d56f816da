//! 激励方案: commission plans (tiers on attainment, whole-amount or marginal, threshold,
//! cap, accelerator above 100 %), each assigned to reps; below them the payouts and the
//! what-if simulator ([`super::payouts`]).

use super::{Focus, FormText, PendingDelete, edit_form};
use crate::i18n::{Label, Lang};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input};
use crate::ui::me::{Editor, checked, chips, first_field, join, parse_number, row_buttons};
use crate::ui::widgets::form;

crate::texts! {
    pub enum Text {
        Title => "激励方案", "Commission plans";
        Add => "新增方案", "Add plan";
        New => "新增激励方案", "New commission plan";
        Edit => "编辑激励方案", "Edit commission plan";
        Saved => "已保存方案", "Plan saved";
        Name => "名称", "Name";
        Mode => "计算方式", "Mode";
        Tiers => "档位", "Tiers";
        From => "达成率起点（%）", "From attainment (%)";
        Rate => "提成比例（%）", "Rate (%)";
        AddTier => "＋ 添加档位", "+ Add tier";
        Remove => "移除", "Remove";
        Threshold => "门槛达成率（%，空=无）", "Threshold attainment (%, empty = none)";
        Cap => "封顶金额（元，空=无）", "Cap (yuan, empty = none)";
        Accelerator => "超额加速（%，如 150，空=无）", "Accelerator above 100 % (%, e.g. 150; empty = none)";
        Members => "适用代表", "Assigned reps";
        Notes => "备注", "Notes";
        NoPlans => "还没有激励方案。", "No commission plan yet.";
        NoThreshold => "无门槛", "no threshold";
        NoCap => "不封顶", "no cap";
        NoAccelerator => "无加速", "no accelerator";
        Terms => "门槛、封顶与加速", "Threshold, cap, accelerator";
    }
    fn {
        tier_line(from, rate) => "达成 {from}% 起 {rate}%", "from {from}%: {rate}%";
        threshold(p) => "门槛 {p}%", "threshold {p}%";
        cap(m) => "封顶 {m}", "cap {m}";
        accelerator(p) => "超额部分 ×{p}%", "above target ×{p}%";
    }
}

/// A rate in basis points as a percentage to type ("4.5" for 450 bp).
pub fn bp_text(bp: u32) -> String {
    money_input(Money(bp as i64))
}

/// A typed percentage with up to two decimals, in basis points. The digits parse like
/// a yuan amount with fen (two decimals, exact), so the same parser is used.
fn parse_bp(text: &str) -> Result<u32, Problem> {
    let m = parse_money(text)?;
    u32::try_from(m.0).map_err(|_| Problem::OutOfRange { min: 0, max: 100 })
}

/// "达成 100% 起 4.50%；…" — the plan's tiers in one line.
pub fn tiers_words(lang: Lang, p: &CommissionPlan) -> String {
    let parts: Vec<String> = p
        .tiers
        .iter()
        .map(|t| Text::tier_line(lang, t.from_attainment_pct, bp_text(t.rate_bp)))
        .collect();
    join(lang, &parts)
}

/// Threshold, cap and accelerator in one line.
pub fn terms_words(lang: Lang, p: &CommissionPlan) -> String {
    let parts = [
        p.threshold_pct
            .map(|t| Text::threshold(lang, t))
            .unwrap_or_else(|| Text::NoThreshold.get(lang).into()),
        p.cap
            .map(|c| Text::cap(lang, money(c)))
            .unwrap_or_else(|| Text::NoCap.get(lang).into()),
        p.accelerator_pct
            .map(|a| Text::accelerator(lang, a))
            .unwrap_or_else(|| Text::NoAccelerator.get(lang).into()),
    ];
    join(lang, &parts)
}

#[derive(Debug, Clone)]
pub struct PlanDraft {
    id: CommissionPlanId,
    name: String,
    mode: CommissionMode,
    tiers: Vec<(String, String)>,
    threshold: String,
    cap: String,
    accelerator: String,
    members: Vec<MemberId>,
    notes: String,
}

fn opt_text<V: ToString>(v: Option<V>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl PlanDraft {
    fn new() -> Self {
        PlanDraft {
            id: CommissionPlanId(0),
            name: String::new(),
            mode: CommissionMode::WholeAmount,
            tiers: vec![("0".into(), "2".into()), ("100".into(), "4".into())],
            threshold: String::new(),
            cap: String::new(),
            accelerator: String::new(),
            members: Vec::new(),
            notes: String::new(),
        }
    }
    fn of(p: &CommissionPlan) -> Self {
        PlanDraft {
            id: p.id,
            name: p.name.clone(),
            mode: p.mode,
            tiers: p
                .tiers
                .iter()
                .map(|t| (t.from_attainment_pct.to_string(), bp_text(t.rate_bp)))
                .collect(),
            threshold: opt_text(p.threshold_pct),
            cap: p.cap.map(money_input).unwrap_or_default(),
            accelerator: opt_text(p.accelerator_pct),
            members: p.members.clone(),
            notes: p.notes.clone(),
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let mut tiers = Vec::new();
        for (from, rate) in &self.tiers {
            let f = parse_number(&mut e, "tiers", from, 0, 1_000);
            if let Some(r) = form::parse_into(&mut e, "tiers", parse_bp(rate)) {
                tiers.push(CommissionTier {
                    from_attainment_pct: f as u32,
                    rate_bp: r,
                });
            }
        }
        let optional = |e: &mut Errors, field: &'static str, text: &str, min: i64, max: i64| {
            (!text.trim().is_empty()).then(|| parse_number(e, field, text, min, max) as u32)
        };
        let threshold_pct = optional(&mut e, "threshold_pct", &self.threshold, 0, 1_000);
        let accelerator_pct = optional(&mut e, "accelerator_pct", &self.accelerator, 100, 1_000);
        let cap = if self.cap.trim().is_empty() {
            None
        } else {
            form::parse_into(&mut e, "cap", parse_money(&self.cap))
        };
        checked(
            e,
            Record::CommissionPlan(CommissionPlan {
                id: self.id,
                name: self.name.trim().to_owned(),
                tiers,
                members: self.members.clone(),
                notes: self.notes.trim().to_owned(),
                mode: self.mode,
                threshold_pct,
                cap,
                accelerator_pct,
            }),
        )
    }
}

#[derive(Default)]
pub struct IncentivesView {
    form: Option<Editor<PlanDraft>>,
    delete: PendingDelete,
    payouts: super::payouts::PayoutsView,
}

impl IncentivesView {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, focus: &mut Focus) {
        let lang = cx.lang;
        if crate::ui::me::heading_with_add(ui, Text::Title.get(lang), Text::Add.get(lang)) {
            self.form = Some(Editor::new(PlanDraft::new()));
        }
        self.form_ui(ui, cx);
        self.plans(ui, cx);
        ui.separator();
        self.payouts.show(ui, cx, focus);
        self.delete.dialog(ui.ctx(), cx);
    }

    fn plans(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        if ws.performance.commission_plans.is_empty() {
            ui.weak(Text::NoPlans.get(lang));
            return;
        }
        let mut edit = None;
        crate::ui::widgets::table::wide_in_page(ui, "commission_plans", lang, |ui| {
            egui::Grid::new("commission_plans")
                .striped(true)
                .num_columns(6)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        Text::Name,
                        Text::Mode,
                        Text::Tiers,
                        Text::Terms,
                        Text::Members,
                    ] {
                        ui.strong(h.get(lang));
                    }
                    ui.label("");
                    ui.end_row();
                    for p in ws.performance.commission_plans.iter() {
                        ui.label(p.name.as_str());
                        ui.label(p.mode.label(lang));
                        super::text_cell(ui, tiers_words(lang, p), 240.0);
                        super::text_cell(ui, terms_words(lang, p), 180.0);
                        let names: Vec<&str> =
                            p.members.iter().map(|m| ws.member_name(*m)).collect();
                        super::text_cell(ui, join(lang, &names), 160.0);
                        let (e, d) = row_buttons(ui, lang);
                        if e {
                            edit = Some(PlanDraft::of(p));
                        }
                        if d {
                            self.delete
                                .ask(RecordKey::CommissionPlan(p.id), p.name.clone());
                        }
                        ui.end_row();
                    }
                })
        });
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &self.form else { return };
        let reps = super::rep_options(cx.doc.ws());
        let words = FormText::new_or_edit(
            "plan_form",
            ed.draft.id.0 == 0,
            [Text::New, Text::Edit, Text::Saved].map(|t| t.get(lang)),
        );
        edit_form(
            ui,
            cx,
            &mut self.form,
            words,
            |ui, d, errors, fresh| {
                let r = form::text(ui, Text::Name.get(lang), &mut d.name, "name", errors, lang);
                first_field(r, fresh);
                form::choice(
                    ui,
                    Text::Mode.get(lang),
                    &mut d.mode,
                    &CommissionMode::ALL,
                    lang,
                );
                tier_rows(ui, &mut d.tiers, errors, lang);
                for (text, value, field) in [
                    (Text::Threshold, &mut d.threshold, "threshold_pct"),
                    (Text::Cap, &mut d.cap, "cap"),
                    (Text::Accelerator, &mut d.accelerator, "accelerator_pct"),
                ] {
                    form::text(ui, text.get(lang), value, field, errors, lang);
                }
                chips(ui, Text::Members.get(lang), &reps, &mut d.members);
                form::multiline(
                    ui,
                    Text::Notes.get(lang),
                    &mut d.notes,
                    "notes",
                    errors,
                    lang,
                );
            },
            PlanDraft::build,
        );
    }
}

/// The tiers of the form: from % and rate % per row, a remove button, then "add tier".
fn tier_rows(ui: &mut egui::Ui, tiers: &mut Vec<(String, String)>, errors: &Errors, lang: Lang) {
    ui.label(Text::Tiers.get(lang));
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, (from, rate)) in tiers.iter_mut().enumerate() {
            ui.push_id(("plan_tier", i), |ui| {
                ui.horizontal(|ui| {
                    for (text, value) in [(Text::From, from), (Text::Rate, rate)] {
                        let l = ui.label(format!("{} {}", text.get(lang), i + 1));
                        let r = ui
                            .add(egui::TextEdit::singleline(value).desired_width(60.0))
                            .labelled_by(l.id);
                        crate::ui::widgets::keys::single_line(ui, &r);
                    }
                    if ui.small_button(Text::Remove.get(lang)).clicked() {
                        remove = Some(i);
                    }
                });
            });
        }
        if let Some(i) = remove {
            tiers.remove(i);
        }
        let msg = form::message(ui, "tiers", &*tiers, errors);
        form::error_line(ui, lang, msg);
        if ui.button(Text::AddTier.get(lang)).clicked() {
            tiers.push((String::new(), String::new()));
        }
    });
    ui.end_row();
}
