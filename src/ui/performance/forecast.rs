//! 预测承诺: each rep's open deals of the period in Commit / Best case / Pipeline /
//! Omitted (by stage unless chosen by hand), and the manager's adjustments with a note.

use crate::analytics::{Commitment, commitments, in_forecast};
use crate::i18n::{Label, T, problem};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;
use crate::ui::widgets::period::{PeriodKind, PeriodPicker};
use chrono::NaiveDate;
use egui::Ui;

crate::texts! {
    pub enum Text {
        Rep => "代表", "Rep";
        Adjustment => "调整", "Adjustment";
        Forecast => "预测（承诺 + 调整）", "Forecast (commit + adjustment)";
        Team => "团队合计", "Team total";
        PickRep => "点击代表查看其商机并调整预测。", "Click a rep to see their deals and adjust the forecast.";
        Deal => "商机", "Deal";
        Stage => "阶段", "Stage";
        Amount => "金额", "Amount";
        Category => "预测类别", "Category";
        AdjustAmount => "调整金额（元，可为负）", "Adjustment (yuan, may be negative)";
        Note => "说明", "Note";
        SaveAdjustment => "保存调整", "Save adjustment";
        Adjusted => "已保存调整", "Adjustment saved";
        Removed => "已删除调整", "Adjustment deleted";
        CategorySet => "已设定预测类别", "Forecast category set";
        NoDeals => "本期没有在谈商机。", "No open deal in this period.";
        Rule => "本期的在谈商机：预计成交日在本期内；本期包含今天时，另含未填或已过预计成交日的商机。", "Open deals of the period: expected to close in it; while it holds today, also those with no expected close date or one already past.";
    }
    fn {
        by_stage(c) => "按阶段（{c}）", "By stage ({c})";
    }
}

/// The commitments of one (revision, period, day): per rep, and the team's.
type Cached = ((u64, Period, NaiveDate), Vec<Commitment>, Commitment);

pub struct ForecastView {
    picker: PeriodPicker,
    cache: Option<Cached>,
    rep: Option<MemberId>,
    amount: String,
    note: String,
    errors: Errors,
}

impl Default for ForecastView {
    fn default() -> Self {
        ForecastView {
            picker: PeriodPicker::new(PeriodKind::Quarter),
            cache: None,
            rep: None,
            amount: String::new(),
            note: String::new(),
            errors: Errors::new(),
        }
    }
}

/// A signed amount: "-5000" takes 5,000 off.
fn parse_signed(text: &str) -> Result<Money, Problem> {
    match text.trim().strip_prefix('-') {
        Some(rest) => parse_money(rest).map(|m| Money(-m.0)),
        None => parse_money(text),
    }
}

impl ForecastView {
    pub fn show(&mut self, ui: &mut Ui, cx: &mut Cx) {
        let lang = cx.lang;
        self.picker.show(ui, lang, cx.today);
        let period = self.picker.period(cx.today);
        let key = (cx.doc.revision(), period, cx.today);
        if self.cache.as_ref().is_none_or(|c| c.0 != key) {
            let ws = cx.doc.ws();
            let (mut reps, team) = commitments(ws, period, cx.today);
            reps.sort_by_cached_key(|r| {
                crate::hanzi::order_key(r.member.map(|m| ws.member_name(m)).unwrap_or(""))
            });
            self.cache = Some((key, reps, team));
        }
        ui.weak(Text::Rule.get(lang));
        egui::ScrollArea::both()
            .id_salt("performance_forecast")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.summary(ui, cx);
                ui.separator();
                match self.rep {
                    Some(m) => self.rep_detail(ui, cx, m, period),
                    None => {
                        ui.label(Text::PickRep.get(lang));
                    }
                }
            });
    }

    fn summary(&mut self, ui: &mut Ui, cx: &Cx) {
        let lang = cx.lang;
        let Some((_, reps, team)) = &self.cache else {
            return;
        };
        let mut picked = None;
        egui::Grid::new("forecast_summary")
            .num_columns(8)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                ui.strong(Text::Rep.get(lang));
                for c in ForecastCategory::ALL {
                    ui.strong(c.label(lang));
                }
                ui.strong(Text::Adjustment.get(lang));
                ui.strong(Text::Forecast.get(lang));
                ui.end_row();
                for r in reps {
                    let Some(m) = r.member else { continue };
                    if ui
                        .add(egui::Button::selectable(
                            self.rep == Some(m),
                            cx.doc.ws().member_name(m),
                        ))
                        .clicked()
                    {
                        picked = Some(m);
                    }
                    row_cells(ui, r);
                }
                ui.strong(Text::Team.get(lang));
                row_cells(ui, team);
            });
        if picked.is_some() {
            self.rep = picked;
            self.errors = Errors::new();
        }
    }

    fn rep_detail(&mut self, ui: &mut Ui, cx: &mut Cx, member: MemberId, period: Period) {
        let lang = cx.lang;
        ui.heading(cx.doc.ws().member_name(member));
        let deals: Vec<Deal> = cx
            .doc
            .ws()
            .deals
            .deals
            .iter()
            .filter(|d| d.owner == member && in_forecast(d, period, cx.today))
            .cloned()
            .collect();
        if deals.is_empty() {
            ui.label(Text::NoDeals.get(lang));
        }
        let mut set: Option<(Deal, Option<ForecastCategory>)> = None;
        egui::Grid::new("forecast_deals")
            .num_columns(4)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for h in [Text::Deal, Text::Stage, Text::Amount, Text::Category] {
                    ui.strong(h.get(lang));
                }
                ui.end_row();
                for d in &deals {
                    let title = ui.label(&d.title);
                    ui.label(d.stage.label(lang));
                    ui.label(money(d.amount));
                    let by_stage = ForecastCategory::for_stage(d.stage)
                        .map(|c| Text::by_stage(lang, c.label(lang)))
                        .unwrap_or_default();
                    let mut choice = d.forecast_override;
                    egui::ComboBox::from_id_salt(("forecast_category", d.id))
                        .selected_text(match choice {
                            Some(c) => c.label(lang).to_owned(),
                            None => by_stage.clone(),
                        })
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut choice, None, by_stage);
                            for c in ForecastCategory::ALL {
                                ui.selectable_value(&mut choice, Some(c), c.label(lang));
                            }
                        })
                        .response
                        .labelled_by(title.id);
                    if choice != d.forecast_override {
                        set = Some((d.clone(), choice));
                    }
                    ui.end_row();
                }
            });
        if let Some((mut d, c)) = set {
            d.forecast_override = c;
            let label = format!("{} {}", Text::Category.get(lang), d.title);
            let _ = cx.apply_and_report(
                Change::put(Record::Deal(d)),
                label,
                Text::CategorySet.get(lang),
            );
        }
        ui.add_space(8.0);
        self.adjustments(ui, cx, member, period);
    }

    fn adjustments(&mut self, ui: &mut Ui, cx: &mut Cx, member: MemberId, period: Period) {
        let lang = cx.lang;
        let mut remove = None;
        for a in cx
            .doc
            .ws()
            .performance
            .forecast_adjustments
            .iter()
            .filter(|a| a.member == member && a.period == period)
        {
            ui.horizontal(|ui| {
                ui.label(money(a.amount));
                ui.label(&a.note);
                if ui.small_button(T::Delete.get(lang)).clicked() {
                    remove = Some(a.id);
                }
            });
        }
        if let Some(id) = remove {
            let _ = cx.apply_and_report(
                Change::Remove(RecordKey::ForecastAdjustment(id)),
                Text::Adjustment.get(lang),
                Text::Removed.get(lang),
            );
        }
        let mut save = false;
        crate::ui::widgets::form::grid(ui, "forecast_adjustment", |ui| {
            let r = crate::ui::widgets::form::text(
                ui,
                Text::AdjustAmount.get(lang),
                &mut self.amount,
                "amount",
                &self.errors,
                lang,
            );
            save |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let r = crate::ui::widgets::form::text(
                ui,
                Text::Note.get(lang),
                &mut self.note,
                "note",
                &self.errors,
                lang,
            );
            save |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        });
        if let Some(p) = self.errors.get("file") {
            ui.colored_label(ui.visuals().error_fg_color, problem(lang, p));
        }
        save |= ui.button(Text::SaveAdjustment.get(lang)).clicked();
        if save {
            self.save(cx, member, period);
        }
    }

    fn save(&mut self, cx: &mut Cx, member: MemberId, period: Period) {
        let lang = cx.lang;
        let mut errors = Errors::new();
        let amount =
            crate::ui::widgets::form::parse_into(&mut errors, "amount", parse_signed(&self.amount));
        if self.note.trim().is_empty() {
            errors.add("note", Problem::Required);
        }
        let Some(amount) = amount.filter(|_| errors.is_empty()) else {
            self.errors = errors;
            return;
        };
        let a = ForecastAdjustment {
            id: ForecastAdjustmentId(0),
            member,
            period,
            amount,
            note: self.note.trim().to_owned(),
        };
        let label = format!(
            "{} {}",
            Text::Adjustment.get(lang),
            cx.doc.ws().member_name(member)
        );
        match cx.apply(Change::put(Record::ForecastAdjustment(a)), label) {
            Ok(_) => {
                cx.toasts.info(Text::Adjusted.get(lang));
                self.amount.clear();
                self.note.clear();
                self.errors = Errors::new();
            }
            Err(e) => self.errors = e,
        }
    }
}

fn row_cells(ui: &mut Ui, r: &Commitment) {
    for c in ForecastCategory::ALL {
        ui.label(money(r.amount(c)));
    }
    ui.label(money(r.adjustment));
    ui.strong(money(r.forecast()));
    ui.end_row();
}
