//! The loyalty programme (客户忠诚度计划) for one customer: its tier (by points or by
//! the last twelve months' won revenue), the points ledger with a form to add an entry,
//! and the programme's rules, editable through `Change::Loyalty`.

use super::words::RText;
use crate::analytics::relationship::Relationship;
use crate::i18n::{Label, Lang, T, tier_name};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{group_thousands, money, money_input};
use crate::ui::widgets::form;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct EntryDraft {
    pub date: String,
    pub points: String,
    pub reason: String,
}

impl EntryDraft {
    pub fn new(today: NaiveDate) -> Self {
        EntryDraft {
            date: today.to_string(),
            points: String::new(),
            reason: String::new(),
        }
    }

    pub fn build(&self, customer: CustomerId) -> Result<LoyaltyEntry, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let limit = 1_000_000_000_000;
        let points = form::parse_into(&mut e, "points", parse_int(&self.points, -limit, limit));
        let entry = LoyaltyEntry {
            id: LoyaltyEntryId(0),
            customer,
            date: date.unwrap_or_default(),
            points: points.unwrap_or(1),
            reason: self.reason.trim().to_owned(),
            event: None,
            deal: None,
        };
        for fe in entry.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| entry)
    }
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct TierDraft {
    pub name: String,
    pub threshold: String,
}

/// The rules as typed. Thresholds are points, or yuan of revenue (stored in fen).
#[derive(Debug, Clone, PartialEq)]
pub struct RulesDraft {
    pub basis: TierBasis,
    pub points_per_yuan: String,
    pub tiers: Vec<TierDraft>,
}

impl RulesDraft {
    /// The rules as stored (default tiers by their stored names).
    pub fn from_program(p: &LoyaltyProgram) -> Self {
        RulesDraft {
            basis: p.basis,
            points_per_yuan: p.points_per_yuan.to_string(),
            tiers: p
                .tiers
                .iter()
                .map(|t| TierDraft {
                    name: t.name.clone(),
                    threshold: match p.basis {
                        TierBasis::Points => t.threshold.to_string(),
                        TierBasis::YearlyRevenue => money_input(Money(t.threshold)),
                    },
                })
                .collect(),
        }
    }

    /// The rules as the editor shows them: default tiers in `lang`'s words.
    pub fn shown(p: &LoyaltyProgram, lang: Lang) -> Self {
        let mut d = RulesDraft::from_program(p);
        for (d, t) in d.tiers.iter_mut().zip(&p.tiers) {
            d.name = tier_name(lang, t).to_owned();
        }
        d
    }

    pub fn build(&self) -> Result<LoyaltyProgram, Errors> {
        let mut e = Errors::new();
        let per_yuan = form::parse_into(
            &mut e,
            "points_per_yuan",
            parse_int(&self.points_per_yuan, 0, 1_000_000),
        );
        let mut tiers = Vec::with_capacity(self.tiers.len());
        for t in &self.tiers {
            let threshold = match self.basis {
                TierBasis::Points => parse_int(&t.threshold, 0, i64::MAX / 4),
                TierBasis::YearlyRevenue => parse_money(&t.threshold).map(|m| m.minor()),
            };
            let threshold = form::parse_into(&mut e, "tiers", threshold);
            tiers.push(LoyaltyTier {
                name: crate::i18n::tier_key(&t.name),
                threshold: threshold.unwrap_or(0),
            });
        }
        let p = LoyaltyProgram {
            basis: self.basis,
            tiers,
            points_per_yuan: per_yuan.unwrap_or(0) as u32,
        };
        for fe in p.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| p)
    }
}

#[derive(Default)]
pub struct LoyaltyState {
    pub entry: Option<(EntryDraft, Errors)>,
    pub rules: Option<(RulesDraft, Errors)>,
}

fn plain(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

fn signed(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "+" };
    format!("{sign}{}", group_thousands(n.unsigned_abs()))
}

/// A tier threshold or a gap in the programme's unit.
fn amount_in_basis(basis: TierBasis, v: i64, lang: Lang) -> String {
    match basis {
        TierBasis::Points => format!(
            "{} {}",
            group_thousands(v.max(0) as u64),
            RText::PointsUnit.get(lang)
        ),
        TierBasis::YearlyRevenue => money(Money(v)),
    }
}

pub fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    customer: CustomerId,
    rel: &Relationship,
    st: &mut LoyaltyState,
) {
    crate::ui::widgets::side::record_scroll(ui, "customer_loyalty", customer).show(ui, |ui| {
        status(ui, cx, rel);
        ui.separator();
        ledger(ui, cx, customer, rel, st);
        ui.separator();
        rules(ui, cx, st);
    });
}

fn status(ui: &mut egui::Ui, cx: &Cx, rel: &Relationship) {
    let lang = cx.lang;
    let program = &cx.doc.ws().customers.loyalty;
    let s = &rel.loyalty;
    egui::Grid::new("loyalty_status")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.weak(RText::Tier.get(lang));
            let tier = s
                .tier
                .and_then(|t| program.tiers.get(t))
                .map(|t| tier_name(lang, t))
                .unwrap_or(RText::NoTier.get(lang));
            ui.strong(tier);
            ui.end_row();
            ui.weak(RText::Basis.get(lang));
            ui.label(program.basis.label(lang));
            ui.end_row();
            ui.weak(RText::Balance.get(lang));
            ui.label(plain(s.points));
            ui.end_row();
            ui.weak(RText::Revenue12m.get(lang));
            ui.label(money(s.revenue_12m));
            ui.end_row();
            ui.weak(RText::ToNext.get(lang));
            match s
                .next
                .and_then(|(i, gap)| program.tiers.get(i).map(|t| (t, gap)))
            {
                Some((t, gap)) => ui.label(format!(
                    "{} → {}",
                    amount_in_basis(program.basis, gap, lang),
                    tier_name(lang, t)
                )),
                None => ui.label(RText::TopTier.get(lang)),
            };
            ui.end_row();
        });
}

fn ledger(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    customer: CustomerId,
    rel: &Relationship,
    st: &mut LoyaltyState,
) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        ui.strong(RText::Ledger.get(lang));
        if ui
            .button(format!("＋ {}", RText::AddEntry.get(lang)))
            .clicked()
        {
            st.entry = Some((EntryDraft::new(cx.today), Errors::new()));
        }
    });
    let mut close = false;
    if let Some((draft, errors)) = &mut st.entry {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            form::grid(ui, "loyalty_entry_form", |ui| {
                form::date(ui, T::Date.get(lang), &mut draft.date, "date", errors, lang);
                form::text_with_hint(
                    ui,
                    RText::Points.get(lang),
                    &mut draft.points,
                    RText::PointsHint.get(lang),
                    "points",
                    errors,
                    lang,
                );
                form::text(
                    ui,
                    RText::Reason.get(lang),
                    &mut draft.reason,
                    "reason",
                    errors,
                    lang,
                );
            });
            ui.horizontal(|ui| {
                if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
                    let result = draft.build(customer).and_then(|entry| {
                        let label = format!(
                            "{} {} {}",
                            RText::AddEntry.get(lang),
                            cx.doc.ws().customer_name(customer),
                            signed(entry.points)
                        );
                        cx.apply(Change::put(Record::LoyaltyEntry(entry)), label)
                    });
                    match result {
                        Ok(_) => {
                            cx.toasts.info(RText::EntryAdded.get(lang));
                            close = true;
                        }
                        Err(e) => *errors = e,
                    }
                }
                if crate::ui::widgets::keys::cancel_button(ui, T::Cancel.get(lang)) {
                    close = true;
                }
            });
        });
    }
    if close {
        st.entry = None;
    }
    if rel.ledger.is_empty() {
        ui.weak(T::NothingYet.get(lang));
        return;
    }
    let ws = &cx.doc.ws();
    let row_h = ui.text_style_height(&egui::TextStyle::Body);
    crate::ui::widgets::side::record_scroll(ui, "loyalty_ledger", customer)
        .max_height(240.0)
        .show_rows(ui, row_h, rel.ledger.len(), |ui, rows| {
            for i in rows {
                let Some(l) = ws.customers.loyalty_ledger.get(rel.ledger[i]) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.label(l.date.to_string());
                    ui.add_sized([90.0, row_h], egui::Label::new(signed(l.points)));
                    ui.add(egui::Label::new(entry_text(lang, l)).truncate());
                });
            }
        });
}

fn rules(ui: &mut egui::Ui, cx: &mut Cx, st: &mut LoyaltyState) {
    let lang = cx.lang;
    let program = cx.doc.ws().customers.loyalty.clone();
    ui.horizontal(|ui| {
        ui.strong(RText::Rules.get(lang));
        if st.rules.is_none() && ui.button(RText::EditRules.get(lang)).clicked() {
            st.rules = Some((RulesDraft::shown(&program, lang), Errors::new()));
        }
    });
    let Some((draft, errors)) = &mut st.rules else {
        egui::Grid::new("loyalty_rules")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                ui.weak(RText::Basis.get(lang));
                ui.label(program.basis.label(lang));
                ui.end_row();
                ui.weak(RText::PointsPerYuan.get(lang))
                    .on_hover_text(RText::PointsPerYuanHint.get(lang));
                ui.label(program.points_per_yuan.to_string());
                ui.end_row();
                for t in &program.tiers {
                    ui.weak(tier_name(lang, t));
                    ui.label(amount_in_basis(program.basis, t.threshold, lang));
                    ui.end_row();
                }
            });
        return;
    };
    let mut close = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RText::Basis.get(lang));
            for b in [TierBasis::Points, TierBasis::YearlyRevenue] {
                ui.radio_value(&mut draft.basis, b, b.label(lang));
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label(RText::PointsPerYuan.get(lang));
            ui.add(egui::TextEdit::singleline(&mut draft.points_per_yuan).desired_width(80.0))
                .labelled_by(l.id);
            let msg = form::message(ui, "points_per_yuan", &draft.points_per_yuan, errors);
            form::error_line(ui, lang, msg);
        });
        ui.weak(RText::PointsPerYuanHint.get(lang));
        let threshold_head = match draft.basis {
            TierBasis::Points => RText::ThresholdPoints,
            TierBasis::YearlyRevenue => RText::ThresholdYuan,
        };
        let mut remove = None;
        egui::Grid::new("loyalty_tiers_edit")
            .num_columns(3)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let name_head = ui.strong(RText::TierName.get(lang));
                let threshold_label = ui.strong(threshold_head.get(lang));
                ui.label("");
                ui.end_row();
                for (i, t) in draft.tiers.iter_mut().enumerate() {
                    // Sized, not just desired: a grid cell would shrink them to the
                    // header's width and cut the tier names.
                    ui.add_sized([120.0, 20.0], egui::TextEdit::singleline(&mut t.name))
                        .labelled_by(name_head.id);
                    ui.add_sized([80.0, 20.0], egui::TextEdit::singleline(&mut t.threshold))
                        .labelled_by(threshold_label.id);
                    if ui.small_button(RText::RemoveTier.get(lang)).clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            draft.tiers.remove(i);
        }
        if ui
            .small_button(format!("＋ {}", RText::AddTier.get(lang)))
            .clicked()
        {
            draft.tiers.push(TierDraft {
                name: String::new(),
                threshold: String::new(),
            });
        }
        ui.weak(RText::TiersHint.get(lang));
        let msg = form::message(ui, "tiers", (draft.basis, &draft.tiers), errors);
        form::error_line(ui, lang, msg);
        ui.horizontal(|ui| {
            if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
                let result = draft.build().and_then(|p| {
                    cx.apply(Change::Loyalty(Box::new(p)), RText::EditRules.get(lang))
                });
                match result {
                    Ok(_) => {
                        cx.toasts.info(RText::RulesSaved.get(lang));
                        close = true;
                    }
                    Err(e) => *errors = e,
                }
            }
            if crate::ui::widgets::keys::cancel_button(ui, T::Cancel.get(lang)) {
                close = true;
            }
        });
    });
    if close {
        st.rules = None;
    }
}

/// A ledger line's reason in `lang`: the app's lines (a win, a win taken back) worded
/// now; older ones, which hold the sentence of the language they were written in,
/// worded again; the manager's own as typed.
pub fn entry_text(lang: Lang, l: &LoyaltyEntry) -> String {
    let (event, title) = match l.event {
        Some(e) => (e, l.reason.as_str()),
        None => match older_line(&l.reason) {
            Some(x) => x,
            None => return l.reason.clone(),
        },
    };
    match event {
        LedgerEvent::Won => RText::won_line(lang, title),
        LedgerEvent::Unwon => RText::unwon_line(lang, title),
    }
}

/// What an app-written line of an older version says: "签约：x" or "Won: x".
fn older_line(reason: &str) -> Option<(LedgerEvent, &str)> {
    for lang in [Lang::Zh, Lang::En] {
        // Taken back first: "撤销签约：" contains "签约：".
        for (event, prefix) in [
            (LedgerEvent::Unwon, RText::unwon_line(lang, "")),
            (LedgerEvent::Won, RText::won_line(lang, "")),
        ] {
            if let Some(title) = reason.strip_prefix(&prefix) {
                return Some((event, title));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_trip_and_bad_tiers_are_refused() {
        let p = LoyaltyProgram::default();
        assert_eq!(RulesDraft::from_program(&p).build().unwrap(), p);
        let mut d = RulesDraft::from_program(&p);
        d.tiers[1].threshold = "500000".into();
        assert_eq!(
            d.build().unwrap_err().get("tiers"),
            Some(&Problem::NotAscending)
        );
        d.tiers[1].threshold = "lots".into();
        assert_eq!(
            d.build().unwrap_err().get("tiers"),
            Some(&Problem::NotANumber)
        );
        // By revenue, thresholds are typed in yuan and kept in fen.
        let mut r = RulesDraft::from_program(&p);
        r.basis = TierBasis::YearlyRevenue;
        r.tiers[1].threshold = "80,000".into();
        r.tiers[2].threshold = "300000".into();
        let built = r.build().unwrap();
        assert_eq!(built.tiers[1].threshold, Money::from_major(80_000).minor());
        assert_eq!(RulesDraft::from_program(&built).tiers[1].threshold, "80000");
    }

    #[test]
    fn an_entry_needs_points_and_a_reason() {
        let mut e = EntryDraft::new("2026-03-01".parse().unwrap());
        e.points = "0".into();
        let err = e.build(CustomerId(1)).unwrap_err();
        assert_eq!(err.get("points"), Some(&Problem::Required));
        assert_eq!(err.get("reason"), Some(&Problem::Required));
        e.points = "-2000".into();
        e.reason = "积分兑换".into();
        assert_eq!(e.build(CustomerId(1)).unwrap().points, -2000);
    }
}
