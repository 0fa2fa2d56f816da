//! 绩效指标: the KPI definitions with their weights, and the sum of the active weights
//! (a warning when it is not 100, never a refusal to save).

use super::{FormText, PendingDelete, edit_form};
use crate::analytics::scorecard::{active_weight_sum, weights_off};
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input};
use crate::ui::me::{Editor, checked, first_field, parse_number, row_buttons};
use crate::ui::widgets::form;

crate::texts! {
    pub enum Text {
        Title => "绩效指标", "KPIs";
        Add => "新增指标", "Add KPI";
        New => "新增绩效指标", "New KPI";
        Edit => "编辑绩效指标", "Edit KPI";
        Saved => "已保存指标", "KPI saved";
        Name => "名称", "Name";
        Metric => "衡量内容", "Measures";
        MonthlyTarget => "月度目标", "Monthly target";
        TargetHint => "销售额按元；赢单率按 %；成交周期按天；其他按个数。人工评分的指标无需目标。", "Revenue in yuan; win rate in %; cycle in days; others as counts. A hand-scored KPI needs no target.";
        Weight => "权重（%）", "Weight (%)";
        Active => "启用", "Active";
        Yes => "是", "Yes";
        No => "否", "No";
        None => "还没有绩效指标。", "No KPI yet.";
    }
    fn {
        weight_sum(n) => "启用指标的权重合计：{n}%", "Weights of the active KPIs add up to {n}%";
        weight_warning(n) => "权重合计为 {n}%，不是 100%：计分卡仍按各项权重加权，但请调整。", "The weights add up to {n}%, not 100%: scorecards still weigh each KPI by its weight, but please adjust them.";
    }
}

/// A KPI's target as typed: yuan for revenue, a plain number otherwise.
pub fn target_text(metric: KpiMetric, v: i64) -> String {
    match metric {
        KpiMetric::Revenue => money_input(Money(v)),
        _ => v.to_string(),
    }
}

/// A KPI's target as shown in a table.
pub fn target_shown(metric: KpiMetric, v: f64) -> String {
    match metric {
        KpiMetric::Revenue => money(Money(v.round() as i64)),
        KpiMetric::WinRate => format!("{v:.1}%"),
        KpiMetric::AvgCycleDays => format!("{v:.1}"),
        _ => format!("{v:.0}"),
    }
}

#[derive(Debug, Clone)]
pub struct KpiDraft {
    id: KpiId,
    name: String,
    metric: KpiMetric,
    target: String,
    weight: String,
    active: bool,
    manual_scores: Vec<(MemberId, ManualScore)>,
}

impl KpiDraft {
    fn new() -> Self {
        KpiDraft {
            id: KpiId(0),
            name: String::new(),
            metric: KpiMetric::Revenue,
            target: String::new(),
            weight: "10".into(),
            active: true,
            manual_scores: Vec::new(),
        }
    }
    fn of(k: &Kpi) -> Self {
        KpiDraft {
            id: k.id,
            name: k.name.clone(),
            metric: k.metric,
            target: target_text(k.metric, k.monthly_target),
            weight: k.weight.to_string(),
            active: k.active,
            manual_scores: k.manual_scores.clone(),
        }
    }
    fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let monthly_target = match self.metric {
            KpiMetric::Manual if self.target.trim().is_empty() => 0,
            KpiMetric::Revenue => {
                form::parse_into(&mut e, "monthly_target", parse_money(&self.target))
                    .map(|m| m.0)
                    .unwrap_or(0)
            }
            _ => parse_number(&mut e, "monthly_target", &self.target, 0, 1_000_000_000),
        };
        let weight = parse_number(&mut e, "weight", &self.weight, 0, 100);
        checked(
            e,
            Record::Kpi(Kpi {
                id: self.id,
                name: self.name.trim().to_owned(),
                metric: self.metric,
                monthly_target,
                weight: weight as u8,
                active: self.active,
                manual_scores: self.manual_scores.clone(),
            }),
        )
    }
}

#[derive(Default)]
pub struct KpisView {
    form: Option<Editor<KpiDraft>>,
    delete: PendingDelete,
}

impl KpisView {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        if crate::ui::me::heading_with_add(ui, Text::Title.get(lang), Text::Add.get(lang)) {
            self.form = Some(Editor::new(KpiDraft::new()));
        }
        let sum = active_weight_sum(cx.doc.ws());
        if weights_off(sum) {
            ui.colored_label(ui.visuals().warn_fg_color, Text::weight_warning(lang, sum));
        } else {
            ui.label(Text::weight_sum(lang, sum));
        }
        self.form_ui(ui, cx);
        let ws = cx.doc.ws();
        if ws.performance.kpis.is_empty() {
            ui.weak(Text::None.get(lang));
        }
        let mut edit = None;
        egui::Grid::new("kpi_table")
            .striped(true)
            .num_columns(6)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    Text::Name,
                    Text::Metric,
                    Text::MonthlyTarget,
                    Text::Weight,
                    Text::Active,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.label("");
                ui.end_row();
                for k in ws.performance.kpis.iter() {
                    ui.label(k.name.as_str());
                    ui.label(k.metric.label(lang));
                    ui.label(if k.metric == KpiMetric::Manual {
                        "—".to_owned()
                    } else {
                        target_shown(k.metric, k.monthly_target as f64)
                    });
                    ui.label(format!("{}%", k.weight));
                    ui.label(if k.active { Text::Yes } else { Text::No }.get(lang));
                    let (e, d) = row_buttons(ui, lang);
                    if e {
                        edit = Some(KpiDraft::of(k));
                    }
                    if d {
                        self.delete.ask(RecordKey::Kpi(k.id), k.name.clone());
                    }
                    ui.end_row();
                }
            });
        if let Some(d) = edit {
            self.form = Some(Editor::new(d));
        }
        self.delete.dialog(ui.ctx(), cx);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let Some(ed) = &self.form else { return };
        let words = FormText::new_or_edit(
            "kpi_form",
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
                    Text::Metric.get(lang),
                    &mut d.metric,
                    &KpiMetric::ALL,
                    lang,
                );
                form::text_with_hint(
                    ui,
                    Text::MonthlyTarget.get(lang),
                    &mut d.target,
                    Text::TargetHint.get(lang),
                    "monthly_target",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    Text::Weight.get(lang),
                    &mut d.weight,
                    "weight",
                    errors,
                    lang,
                );
                form::checkbox(ui, Text::Active.get(lang), &mut d.active);
            },
            KpiDraft::build,
        );
    }
}
