//! Payouts per rep for the period with their explanation (which tier, which deals,
//! which cap), and the what-if simulator: drag the rep's attainment or add hypothetical
//! deals, and the payout and tier change live.

use super::Focus;
use super::incentives::bp_text;
use crate::analytics::AnalyticsCache;
use crate::analytics::commission::{
    Payout, payout, plan_for, plans_listing, rep_payout, revenue_at,
};
use crate::i18n::Lang;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, percent};

crate::texts! {
    pub enum Text {
        Payouts => "本期提成", "Payouts this period";
        Rep => "代表", "Rep";
        Plan => "方案", "Plan";
        Revenue => "成交额", "Revenue";
        Target => "目标", "Target";
        Attainment => "达成率", "Attainment";
        Tier => "档位", "Tier";
        Payout => "提成", "Payout";
        Why => "为什么？", "Why?";
        NoPlan => "未分配激励方案", "No commission plan assigned";
        NoTarget => "本期没有目标：无法计算达成率，不发提成。请在“销售目标”中设定。", "No target this period: attainment cannot be worked out and nothing is paid. Set one on the Targets tab.";
        BelowThreshold => "低于门槛，不发提成", "Below the threshold: nothing is paid";
        NoTier => "未达到任何档位", "No tier reached";
        Capped => "已封顶", "capped";
        Explain => "提成说明", "Why this payout";
        Slice => "区间", "Slice";
        Rate => "比例", "Rate";
        Multiplier => "加速", "Accelerator";
        Amount => "金额", "Amount";
        Deals => "计入的成交商机", "Deals counted";
        NoDeals => "本期没有成交商机。", "No deal won this period.";
        Sum => "合计", "Total";
        WhatIf => "模拟测算", "What-if simulator";
        SimAttainment => "模拟达成率（%）", "Simulated attainment (%)";
        Hypothetical => "假设新增成交（元）", "Hypothetical deal (yuan)";
        AddDeal => "＋ 假设一笔成交", "+ Hypothetical deal";
        Reset => "恢复实际", "Back to actual";
        SimPayout => "模拟提成", "Simulated payout";
        SimRevenue => "模拟成交额", "Simulated revenue";
        Remove => "移除", "Remove";
        TwoPlans => "此代表被列入多个方案，按编号最小的方案计算。", "This rep is listed in several plans; the one with the lowest number is used.";
    }
    fn {
        tier_words(from, rate) => "达成 {from}% 档（{rate}%）", "from {from}% attainment ({rate}%)";
        cap_words(before, cap) => "按档位计 {before}，封顶为 {cap}", "{before} by the tiers, capped at {cap}";
        change(delta) => "较实际 {delta}", "{delta} against actual";
        tier_change(from, to) => "档位由 {from} 变为 {to}", "tier changes from {from} to {to}";
        above(p) => "{p}% 以上", "above {p}%";
        range(a, b) => "{a}%–{b}%", "{a}%–{b}%";
    }
}

/// The simulator's inputs, for one rep and period.
#[derive(Default)]
struct Sim {
    key: Option<(MemberId, Period)>,
    /// Simulated attainment in %, as dragged or typed.
    attainment: f64,
    attainment_text: String,
    /// The attainment was dragged or typed; until then the actual revenue counts (the
    /// slider's two decimals would round it).
    moved: bool,
    /// Hypothetical deals' amounts as typed.
    deals: Vec<String>,
}

#[derive(Default)]
pub struct PayoutsView {
    sim: Sim,
}

/// The reached tier in words, or why there is none.
fn tier_cell(lang: Lang, p: &Payout) -> String {
    match (p.target, p.tier_from_pct, p.tier_rate_bp) {
        (None, _, _) => Text::NoTarget.get(lang).into(),
        (_, Some(f), Some(r)) => Text::tier_words(lang, f, bp_text(r)),
        _ => Text::NoTier.get(lang).into(),
    }
}

/// The payout with its caveat: below the threshold, or capped.
fn payout_cell(lang: Lang, p: &Payout) -> String {
    if p.below_threshold {
        format!("{} · {}", money(p.payout), Text::BelowThreshold.get(lang))
    } else if p.cap_applied {
        format!("{} · {}", money(p.payout), Text::Capped.get(lang))
    } else {
        money(p.payout)
    }
}

/// A rep's payout for the period, kept by revision: each is a pass over every deal, and
/// the table shows one per rep.
fn payout_of(
    cache: &mut AnalyticsCache,
    rev: u64,
    ws: &Workspace,
    rep: MemberId,
    period: Period,
) -> Option<Payout> {
    cache
        .get_or_compute(rev, "rep_payout", (rep, period), || {
            rep_payout(ws, rep, period)
        })
        .clone()
}

impl PayoutsView {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, focus: &mut Focus) {
        let lang = cx.lang;
        let period = focus.period(cx);
        ui.heading(Text::Payouts.get(lang));
        let ws = cx.doc.ws();
        let rev = cx.doc.revision();
        crate::ui::widgets::table::wide_in_page(ui, "payouts", lang, |ui| {
            egui::Grid::new("payouts")
                .striped(true)
                .num_columns(8)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        Text::Rep,
                        Text::Plan,
                        Text::Revenue,
                        Text::Target,
                        Text::Attainment,
                        Text::Tier,
                        Text::Payout,
                    ] {
                        ui.strong(h.get(lang));
                    }
                    ui.label("");
                    ui.end_row();
                    for (m, name) in super::rep_options(ws) {
                        let Some(p) = payout_of(cx.cache, rev, ws, m, period) else {
                            continue;
                        };
                        ui.label(name);
                        ui.label(plan_for(ws, m).map(|x| x.name.as_str()).unwrap_or("—"));
                        ui.label(money(p.revenue));
                        ui.label(p.target.map(money).unwrap_or("—".into()));
                        ui.label(percent(p.attainment()));
                        ui.label(tier_cell(lang, &p));
                        ui.label(payout_cell(lang, &p));
                        if ui.small_button(Text::Why.get(lang)).clicked() {
                            focus.rep = Some(m);
                        }
                        ui.end_row();
                    }
                })
        });
        ui.separator();
        let Some(rep) = focus.rep else { return };
        let Some(actual) = payout_of(cx.cache, rev, ws, rep, period) else {
            ui.strong(ws.member_name(rep));
            ui.weak(Text::NoPlan.get(lang));
            return;
        };
        ui.heading(format!(
            "{} · {}",
            Text::Explain.get(lang),
            ws.member_name(rep)
        ));
        if plans_listing(ws, rep) > 1 {
            ui.colored_label(ui.visuals().warn_fg_color, Text::TwoPlans.get(lang));
        }
        explanation(ui, cx, &actual);
        ui.separator();
        self.simulator(ui, cx, rep, period, &actual);
    }

    fn simulator(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Cx,
        rep: MemberId,
        period: Period,
        actual: &Payout,
    ) {
        let lang = cx.lang;
        let ws = cx.doc.ws();
        let Some(plan) = plan_for(ws, rep) else {
            return;
        };
        // The actual attainment at the slider's step (0.01 %), so the slider has nothing
        // to round until the user moves it.
        let start = actual
            .attainment()
            .map(|a| (a * 10_000.0).round() / 100.0)
            .unwrap_or(0.0);
        if self.sim.key != Some((rep, period)) {
            self.sim = Sim {
                key: Some((rep, period)),
                attainment: start,
                attainment_text: format!("{start:.2}"),
                moved: false,
                deals: Vec::new(),
            };
        }
        ui.heading(Text::WhatIf.get(lang));
        let Some(target) = actual.target else {
            ui.weak(Text::NoTarget.get(lang));
            return;
        };
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(Text::SimAttainment.get(lang));
            let before = self.sim.attainment;
            let slider = ui
                .add(
                    egui::Slider::new(&mut self.sim.attainment, 0.0..=200.0)
                        .step_by(0.01)
                        .show_value(false),
                )
                .labelled_by(l.id);
            if slider.changed() && (self.sim.attainment - before).abs() > 1e-9 {
                self.sim.attainment_text = format!("{:.2}", self.sim.attainment);
                self.sim.moved = true;
            }
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.sim.attainment_text).desired_width(70.0))
                .labelled_by(l.id);
            if r.changed()
                && let Ok(v) = self
                    .sim
                    .attainment_text
                    .trim()
                    .trim_end_matches('%')
                    .parse::<f64>()
                && v.is_finite()
            {
                self.sim.attainment = v.clamp(0.0, 1_000.0);
                self.sim.moved = true;
            }
            if ui.button(Text::Reset.get(lang)).clicked() {
                self.sim.attainment = start;
                self.sim.attainment_text = format!("{start:.2}");
                self.sim.moved = false;
                self.sim.deals.clear();
            }
        });
        let mut remove = None;
        let mut extra = Money::ZERO;
        for (i, d) in self.sim.deals.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let l = ui.label(format!("{} {}", Text::Hypothetical.get(lang), i + 1));
                ui.add(egui::TextEdit::singleline(d).desired_width(120.0))
                    .labelled_by(l.id);
                match parse_money(d) {
                    Ok(m) => extra += m,
                    Err(p) if !d.trim().is_empty() => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            crate::i18n::problem(lang, &p),
                        );
                    }
                    Err(_) => {}
                }
                if ui.small_button(Text::Remove.get(lang)).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.sim.deals.remove(i);
        }
        if ui.button(Text::AddDeal.get(lang)).clicked() {
            self.sim.deals.push(String::new());
        }
        // The slider's attainment as revenue (the actual revenue until it moves), plus
        // the hypothetical deals.
        let base = if self.sim.moved {
            let bp = (self.sim.attainment * 100.0).round().max(0.0) as u32;
            revenue_at(target, bp)
        } else {
            actual.revenue
        };
        let revenue = base + extra;
        let sim = payout(plan, revenue, Some(target));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}{}{}",
                Text::SimRevenue.get(lang),
                crate::ui::format::colon(lang),
                money(revenue)
            ));
            ui.label(format!(
                "{} {}",
                Text::Attainment.get(lang),
                percent(sim.attainment())
            ));
        });
        ui.strong(format!(
            "{}{}{}",
            Text::SimPayout.get(lang),
            crate::ui::format::colon(lang),
            payout_cell(lang, &sim)
        ));
        ui.label(format!(
            "{} · {}",
            Text::Tier.get(lang),
            tier_cell(lang, &sim)
        ));
        let delta = sim.payout - actual.payout;
        let sign = if delta.0 >= 0 { "+" } else { "" };
        ui.label(Text::change(lang, format!("{sign}{}", money(delta))));
        if sim.tier != actual.tier {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                Text::tier_change(lang, tier_cell(lang, actual), tier_cell(lang, &sim)),
            );
        }
    }
}

/// Why a payout is what it is: the tier, the slices with their rates, the cap or the
/// threshold, and the deals counted.
fn explanation(ui: &mut egui::Ui, cx: &Cx, p: &Payout) {
    let lang = cx.lang;
    let ws = cx.doc.ws();
    ui.label(format!(
        "{} {} · {} {} · {} {}",
        Text::Revenue.get(lang),
        money(p.revenue),
        Text::Attainment.get(lang),
        percent(p.attainment()),
        Text::Tier.get(lang),
        tier_cell(lang, p)
    ));
    if let Some(plan) = ws.performance.commission_plans.get(p.plan) {
        ui.weak(format!(
            "{} · {}",
            crate::i18n::Label::label(plan.mode, lang),
            super::incentives::terms_words(lang, plan)
        ));
    }
    if p.below_threshold {
        ui.colored_label(ui.visuals().warn_fg_color, Text::BelowThreshold.get(lang));
    }
    if !p.slices.is_empty() {
        egui::Grid::new("payout_slices")
            .striped(true)
            .num_columns(5)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for h in [
                    Text::Slice,
                    Text::Revenue,
                    Text::Rate,
                    Text::Multiplier,
                    Text::Amount,
                ] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for s in &p.slices {
                    ui.label(match s.to_pct {
                        Some(to) => Text::range(lang, s.from_pct, to),
                        None => Text::above(lang, s.from_pct),
                    });
                    ui.label(money(s.revenue));
                    ui.label(format!("{}%", bp_text(s.rate_bp)));
                    ui.label(format!("×{}%", s.multiplier_pct));
                    ui.label(money(s.amount));
                    ui.end_row();
                }
                ui.strong(Text::Sum.get(lang));
                ui.label("");
                ui.label("");
                ui.label("");
                ui.strong(money(p.before_cap));
                ui.end_row();
            });
    }
    if p.cap_applied {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            Text::cap_words(lang, money(p.before_cap), money(p.payout)),
        );
    }
    ui.strong(format!(
        "{}{}{}",
        Text::Payout.get(lang),
        crate::ui::format::colon(lang),
        money(p.payout)
    ));
    ui.label(Text::Deals.get(lang));
    if p.deals.is_empty() {
        ui.weak(Text::NoDeals.get(lang));
    }
    egui::Grid::new("payout_deals")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (id, amount) in &p.deals {
                let title = ws
                    .deals
                    .deals
                    .get(*id)
                    .map(|d| d.title.as_str())
                    .unwrap_or("—");
                ui.label(title);
                ui.label(money(*amount));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tier reads after its "Tier" head without an article: "Tier · from 100%
    /// attainment (5%)"; it read "Tier the 100% tier (5%)".
    #[test]
    fn the_reached_tier_reads_after_its_head() {
        let p = Payout {
            plan: Default::default(),
            mode: Default::default(),
            revenue: Money(100),
            target: Some(Money(100)),
            tier: Some(1),
            tier_from_pct: Some(100),
            tier_rate_bp: Some(500),
            below_threshold: false,
            slices: Vec::new(),
            before_cap: Money(5),
            cap_applied: false,
            payout: Money(5),
            deals: Vec::new(),
        };
        assert_eq!(tier_cell(Lang::En, &p), "from 100% attainment (5%)");
        assert_eq!(tier_cell(Lang::Zh, &p), "达成 100% 档（5%）");
    }
}
