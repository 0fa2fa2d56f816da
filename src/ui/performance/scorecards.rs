//! 计分卡: a rep's scorecard for the period: every active KPI measured from the data
//! where it can be and scored by hand where not, the weighted total, and a button that
//! writes the review from it.

use super::Focus;
use super::kpis::target_shown;
use super::reviews::ReviewDraft;
use crate::analytics::scorecard::{
    ScoreLine, Scorecard, TargetFrom, manual_score, months_in, scorecard, weights_off,
};
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::widgets::form;
use crate::ui::widgets::period;

crate::texts! {
    pub enum Text {
        Kpi => "指标", "KPI";
        Weight => "权重", "Weight";
        Target => "本期目标", "Target this period";
        Actual => "实际", "Actual";
        Score => "得分", "Score";
        ByHand => "人工评分（0–100，回车保存）", "Scored by hand (0–100, Enter saves)";
        NotComputable => "无法计算", "cannot be computed";
        Total => "加权总分", "Weighted total";
        NoKpis => "还没有启用的绩效指标：请先在“绩效指标”中定义。", "No active KPI yet: define them on the KPIs tab first.";
        WriteReview => "据此计分卡撰写评估", "Write review from this scorecard";
        ScoreSaved => "已保存人工评分", "Hand score saved";
        FromRepTarget => "（取自销售目标）", "(the rep's sales target)";
    }
    fn {
        from_kpi_monthly(n) => "（未设销售目标：指标月目标 × {n} 个月）", "(no sales target set: the KPI's monthly × {n} months)";
        unscored(n) => "（{n} 项未评分，未计入总分）", "({n} not scored, left out of the total)";
        weights(n) => "启用指标的权重合计 {n}%，不是 100%。", "The active KPIs' weights add up to {n}%, not 100%.";
    }
}

#[derive(Default)]
pub struct ScorecardsView {
    /// The hand scores as typed, per KPI, for the rep and period they were typed for.
    drafts: std::collections::BTreeMap<KpiId, String>,
    drafts_for: Option<(MemberId, Period, u64)>,
    errors: std::collections::BTreeMap<KpiId, Problem>,
}

/// The actual figure of a line as shown.
fn actual_shown(lang: crate::i18n::Lang, metric: KpiMetric, v: Option<f64>) -> String {
    match v {
        Some(v) => target_shown(metric, v),
        None if metric == KpiMetric::Manual => "—".into(),
        None => Text::NotComputable.get(lang).into(),
    }
}

/// Where the revenue line's target comes from, said beside it: the rep's sales target,
/// or (without one) the KPI's monthly target × the months of the period.
fn target_note(lang: crate::i18n::Lang, l: &ScoreLine, period: Period) -> Option<String> {
    if l.metric != KpiMetric::Revenue {
        return None;
    }
    Some(match l.target_from? {
        TargetFrom::RepTarget => Text::FromRepTarget.get(lang).to_owned(),
        TargetFrom::KpiMonthly => {
            let months = (months_in(period) * 10.0).round() / 10.0;
            Text::from_kpi_monthly(lang, months)
        }
    })
}

impl ScorecardsView {
    /// Draws the scorecard; a review draft when "write review" was clicked.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut Cx,
        focus: &mut Focus,
    ) -> Option<ReviewDraft> {
        let lang = cx.lang;
        let Some(rep) = focus.rep else {
            ui.weak(super::Text::PickRep.get(lang));
            return None;
        };
        let period = focus.period(cx);
        let sc = scorecard(cx.doc.ws(), rep, period);
        let key = (rep, period, cx.doc.revision());
        if self.drafts_for != Some(key) {
            self.drafts = cx
                .doc
                .ws()
                .performance
                .kpis
                .iter()
                .filter(|k| k.metric == KpiMetric::Manual)
                .map(|k| {
                    (
                        k.id,
                        manual_score(k, rep, period)
                            .map(|s| s.to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect();
            self.drafts_for = Some(key);
            self.errors.clear();
        }
        ui.heading(format!(
            "{} · {}",
            cx.doc.ws().member_name(rep),
            period::label(lang, period)
        ));
        if sc.lines.is_empty() {
            ui.weak(Text::NoKpis.get(lang));
            return None;
        }
        if weights_off(sc.weight_sum) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                Text::weights(lang, sc.weight_sum),
            );
        }
        let save = self.table(ui, cx, &sc);
        if let Some(k) = save {
            crate::ui::widgets::keys::judged(ui);
            self.save_manual(cx, rep, period, k);
        }
        ui.horizontal(|ui| {
            ui.strong(Text::Total.get(lang));
            ui.strong(sc.total.map(|t| format!("{t:.1}")).unwrap_or("—".into()));
            if sc.unscored > 0 {
                ui.weak(Text::unscored(lang, sc.unscored));
            }
        });
        ui.add_space(6.0);
        ui.button(Text::WriteReview.get(lang))
            .clicked()
            .then(|| ReviewDraft::from_scorecard(cx.doc.ws(), &sc, cx.today))
    }

    /// The lines; the KPI whose hand score was committed, if any.
    fn table(&mut self, ui: &mut egui::Ui, cx: &Cx, sc: &Scorecard) -> Option<KpiId> {
        let lang = cx.lang;
        let mut commit = None;
        egui::Grid::new("scorecard")
            .striped(true)
            .num_columns(5)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    Text::Kpi,
                    Text::Weight,
                    Text::Target,
                    Text::Actual,
                    Text::Score,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for l in &sc.lines {
                    let name = ui.label(format!("{} · {}", l.name, l.metric.label(lang)));
                    ui.label(format!("{}%", l.weight));
                    ui.horizontal(|ui| {
                        ui.label(
                            l.target
                                .map(|t| target_shown(l.metric, t))
                                .unwrap_or("—".into()),
                        );
                        if let Some(note) = target_note(lang, l, sc.period) {
                            ui.weak(note);
                        }
                    });
                    ui.label(actual_shown(lang, l.metric, l.actual));
                    if l.metric == KpiMetric::Manual {
                        let draft = self.drafts.entry(l.kpi).or_default();
                        ui.vertical(|ui| {
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(draft)
                                        .desired_width(60.0)
                                        .hint_text(Text::ByHand.get(lang)),
                                )
                                .labelled_by(name.id)
                                .on_hover_text(Text::ByHand.get(lang));
                            if r.lost_focus() {
                                commit = Some(l.kpi);
                            }
                            let msg = form::judged(ui, l.kpi, &*draft, self.errors.get(&l.kpi));
                            form::error_line(ui, lang, msg);
                        });
                    } else {
                        ui.label(l.score.map(|s| s.to_string()).unwrap_or("—".into()));
                    }
                    ui.end_row();
                }
            });
        commit
    }

    /// Writes the typed hand score into the KPI (empty: removes it).
    fn save_manual(&mut self, cx: &mut Cx, rep: MemberId, period: Period, kpi: KpiId) {
        let lang = cx.lang;
        let Some(k) = cx.doc.ws().performance.kpis.get(kpi).cloned() else {
            return;
        };
        let text = self.drafts.get(&kpi).cloned().unwrap_or_default();
        let score = if text.trim().is_empty() {
            None
        } else {
            match parse_int(text.trim(), 0, 100) {
                Ok(v) => Some(v as u8),
                Err(p) => {
                    self.errors.insert(kpi, p);
                    return;
                }
            }
        };
        if manual_score(&k, rep, period) == score {
            self.errors.remove(&kpi);
            return;
        }
        let mut k = k;
        k.manual_scores
            .retain(|(m, s)| !(*m == rep && s.period == period));
        if let Some(score) = score {
            k.manual_scores.push((rep, ManualScore { period, score }));
        }
        let label = format!("{} {}", Text::ByHand.get(lang), k.name);
        match cx.apply(Change::put(Record::Kpi(k)), label) {
            Ok(_) => {
                self.errors.remove(&kpi);
                cx.toasts.info(Text::ScoreSaved.get(lang));
            }
            Err(e) => {
                if let Some(fe) = e.0.first() {
                    self.errors.insert(kpi, fe.problem.clone());
                }
            }
        }
    }
}
