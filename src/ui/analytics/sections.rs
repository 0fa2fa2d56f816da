//! The lower sections of the Analytics page: per-rep funnels, the revenue trend, the
//! forecast, the breakdowns, the reverse funnel planner and the velocity levers.

use super::{BCol, Figures, Text};
use crate::analytics::{
    BreakdownRow, DealFilter, Dimension, Funnel, VelocityFactor, breakdown_table, leak,
    reverse_funnel_from,
};
use crate::i18n::{Label, Lang, T, problem};
use crate::model::{Money, Period, Stage, parse_money};
use crate::ui::Cx;
use crate::ui::charts::{self, BAR_COLOR, BarsSpec, LINE_COLOR, LineSpec};
use crate::ui::dashboard::per_day;
use crate::ui::format::average_days;
use crate::ui::format::{money_short, percent};
use crate::ui::widgets::period::month_short;
use crate::ui::widgets::table::{Sort, sort_header};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// When a rep's stage counts as a leak: the same rule as the 1:1 agenda's coaching goal.
use crate::analytics::agenda::{LEAK_MIN_DEALS, LEAK_MIN_SHORT};

/// Short stage names for the grid's heads: 线索 / 需求 / 报价 / 合同 / 成交.
fn short(lang: Lang, i: usize) -> &'static str {
    [
        Text::ShortLead,
        Text::ShortNeeds,
        Text::ShortQuote,
        Text::ShortContract,
        Text::ShortWon,
    ][i.min(4)]
    .get(lang)
}

/// The conversion out of stage `i`: "需求 → 报价".
fn step(lang: Lang, i: usize) -> String {
    format!("{} → {}", short(lang, i), short(lang, i + 1))
}

/// Per-rep funnels as a grid: one row per rep under the team's row, a column per
/// stage conversion, the rep's worst shortfall against the team in red, the rep the
/// page is filtered on (if any) selected.
pub fn reps(ui: &mut Ui, cx: &Cx, figs: &Figures, selected: Option<crate::model::MemberId>) {
    let lang = cx.lang;
    let ws = &cx.doc.ws();
    ui.heading(Text::RepsTitle.get(lang));
    ui.weak(Text::RepsHint.get(lang));
    ui.add_space(4.0);
    let team = &figs.team_funnel;
    let red = ui.visuals().error_fg_color;
    let row = |ui: &mut egui_extras::TableRow<'_, '_>, name: &str, f: &Funnel, is_team: bool| {
        let leak = if is_team {
            None
        } else {
            leak(f, team, LEAK_MIN_DEALS, LEAK_MIN_SHORT)
        };
        ui.col(|ui| {
            if is_team {
                ui.strong(name);
            } else {
                ui.label(name);
            }
        });
        ui.col(|ui| {
            ui.label(f.stages[0].entered.to_string());
        });
        for i in 0..4 {
            ui.col(|ui| {
                let text = percent(f.stages[i].conversion_to_next);
                if leak.is_some_and(|l| l.stage == Stage::FUNNEL[i]) {
                    ui.label(RichText::new(text).color(red).strong());
                } else if is_team {
                    ui.strong(text);
                } else {
                    ui.label(text);
                }
            });
        }
        ui.col(|ui| {
            ui.label(percent(f.stages[4].from_lead));
        });
        ui.col(|ui| match leak {
            Some(l) => {
                let i = l.stage.funnel_index().unwrap_or(0);
                ui.label(
                    RichText::new(format!(
                        "{} ({})",
                        step(lang, i),
                        crate::ui::dashboard::points(lang, l.rep - l.team)
                    ))
                    .color(red),
                )
                .on_hover_text(format!(
                    "{} → {}",
                    l.stage.label(lang),
                    Stage::FUNNEL[i + 1].label(lang)
                ));
            }
            None if is_team => {}
            None => {
                ui.weak(Text::NoLeak.get(lang));
            }
        });
    };
    crate::ui::widgets::table::wide_in_page(ui, "an_reps", lang, |ui| {
        TableBuilder::new(ui)
            .id_salt("an_reps")
            .striped(true)
            .vscroll(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(60.0))
            .columns(Column::initial(96.0), 4)
            .column(Column::initial(90.0))
            .column(Column::auto().at_least(120.0))
            .header(22.0, |mut h| {
                h.col(|ui| {
                    ui.strong(Text::Rep.get(lang));
                });
                h.col(|ui| {
                    ui.strong(Text::Leads.get(lang));
                });
                for i in 0..4 {
                    h.col(|ui| {
                        ui.strong(step(lang, i));
                    });
                }
                h.col(|ui| {
                    ui.strong(Text::LeadToWon.get(lang));
                });
                h.col(|ui| {
                    ui.strong(Text::LeaksAt.get(lang));
                });
            })
            .body(|mut body| {
                body.row(22.0, |mut r| {
                    row(&mut r, Text::WholeTeam.get(lang), team, true)
                });
                for (m, f) in &figs.reps {
                    body.row(22.0, |mut r| {
                        // The rep the page is filtered on stands out.
                        r.set_selected(selected == Some(*m));
                        row(&mut r, ws.member_name(*m), f, false)
                    });
                }
            })
    });
}

/// Revenue per month with the target as a line.
pub fn trend(ui: &mut Ui, lang: Lang, figs: &Figures) {
    ui.heading(Text::TrendTitle.get(lang));
    let labels: Vec<String> = figs
        .trend
        .iter()
        .map(|m| month_short(lang, m.month))
        .collect();
    let revenue: Vec<f64> = figs
        .trend
        .iter()
        .map(|m| m.revenue.as_major_f64())
        .collect();
    let target: Vec<Option<f64>> = figs
        .trend
        .iter()
        .map(|m| m.target.map(|t| t.as_major_f64()))
        .collect();
    let alt = figs
        .trend
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                month_short(lang, m.month),
                money_short(m.revenue, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    charts::bars_with_line(
        ui,
        "an_trend",
        &labels,
        BarsSpec {
            name: Text::TrendRevenue.get(lang),
            values: &revenue,
            color: BAR_COLOR,
        },
        Some(LineSpec {
            name: Text::TrendTarget.get(lang),
            values: &target,
            color: LINE_COLOR,
        }),
        move |v| money_short(Money((v * 100.0).round() as i64), lang),
        240.0,
        &format!("{}: {alt}", Text::TrendTitle.get(lang)),
    );
}

/// The weighted pipeline by expected close month, and what has no usable date.
pub fn forecast(ui: &mut Ui, lang: Lang, figs: &Figures) {
    let f = &figs.forecast;
    ui.heading(Text::ForecastTitle.get(lang));
    let labels: Vec<String> = f
        .months
        .iter()
        .map(|m| month_short(lang, m.month))
        .collect();
    let weighted: Vec<f64> = f.months.iter().map(|m| m.weighted.as_major_f64()).collect();
    let alt = f
        .months
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                month_short(lang, m.month),
                money_short(m.weighted, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    charts::bars_with_line(
        ui,
        "an_forecast",
        &labels,
        BarsSpec {
            name: Text::Weighted.get(lang),
            values: &weighted,
            color: charts::STAGE_COLORS[2],
        },
        None,
        move |v| money_short(Money((v * 100.0).round() as i64), lang),
        216.0,
        &format!("{}: {alt}", Text::ForecastTitle.get(lang)),
    );
    let total = money_short(f.weighted_total(), lang);
    let overdue = money_short(f.overdue, lang);
    let undated = money_short(f.undated, lang);
    ui.label(Text::forecast_note(
        lang,
        total,
        f.overdue_deals,
        overdue,
        f.undated_deals,
        undated,
    ));
    let c = &figs.commitment;
    ui.label(Text::commitment_note(
        lang,
        money_short(c.committed(), lang),
        money_short(c.best_case(), lang),
        money_short(c.adjustment, lang),
    ));
}

/// Revenue by rep, region, product or source: a sortable table with a bar of each
/// group's share.
pub fn breakdown(
    ui: &mut Ui,
    cx: &mut Cx,
    period: Period,
    filter: &DealFilter,
    dim: &mut Dimension,
    sort: &mut Sort<BCol>,
) {
    let lang = cx.lang;
    ui.horizontal(|ui| {
        ui.heading(Text::BreakdownTitle.get(lang));
        ui.add_space(12.0);
        for (d, name) in [
            (Dimension::Owner, Text::Rep.get(lang)),
            (Dimension::Region, T::Region.get(lang)),
            (Dimension::Product, Text::Product.get(lang)),
            (Dimension::Source, T::Source.get(lang)),
            (Dimension::Segment, Text::Segment.get(lang)),
        ] {
            ui.selectable_value(dim, d, name);
        }
    });
    let rev = cx.doc.revision();
    let ws = &cx.doc.ws();
    let d = *dim;
    let rows: Arc<Vec<BreakdownRow>> = cx
        .cache
        .get_or_compute(rev, "an_breakdown", (period, d, filter.clone()), || {
            Arc::new(breakdown_table(ws, period, d, filter))
        })
        .clone();
    if rows.is_empty() {
        ui.weak(Text::NothingWon.get(lang));
        return;
    }
    // A handful of groups: ordering them per frame costs nothing.
    let mut order: Vec<&BreakdownRow> = rows.iter().collect();
    let key = |r: &BreakdownRow| -> f64 {
        match sort.column {
            BCol::Name | BCol::Revenue => r.revenue.0 as f64,
            BCol::Share => r.share.unwrap_or(-1.0),
            BCol::Won => r.won as f64,
            BCol::Lost => r.lost as f64,
            BCol::WinRate => r.win_rate.unwrap_or(-1.0),
            BCol::AvgWon => r.avg_won.unwrap_or(-1.0),
        }
    };
    if sort.column == BCol::Name {
        order.sort_by(|a, b| a.label.cmp(&b.label));
    } else {
        order.sort_by(|a, b| key(a).total_cmp(&key(b)));
    }
    if sort.descending {
        order.reverse();
    }
    let none = T::None.get(lang);
    let max_share = rows.iter().filter_map(|r| r.share).fold(0.0, f64::max);
    TableBuilder::new(ui)
        .id_salt("an_breakdown")
        .striped(true)
        .max_scroll_height(320.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(160.0).clip(true))
        .column(Column::initial(110.0))
        .column(Column::initial(180.0))
        .columns(Column::initial(70.0), 3)
        .column(Column::remainder().at_least(90.0))
        .header(24.0, |mut h| {
            h.col(|ui| sort_header(ui, T::Name.get(lang), BCol::Name, sort));
            h.col(|ui| sort_header(ui, Text::Revenue.get(lang), BCol::Revenue, sort));
            h.col(|ui| sort_header(ui, Text::Share.get(lang), BCol::Share, sort));
            h.col(|ui| sort_header(ui, Text::Won.get(lang), BCol::Won, sort));
            h.col(|ui| sort_header(ui, Text::Lost.get(lang), BCol::Lost, sort));
            h.col(|ui| sort_header(ui, Text::WinRate.get(lang), BCol::WinRate, sort));
            h.col(|ui| sort_header(ui, Text::AvgWon.get(lang), BCol::AvgWon, sort));
        })
        .body(|body| {
            body.rows(22.0, order.len(), |mut row| {
                let r = order[row.index()];
                row.col(|ui| {
                    ui.label(if r.label.is_empty() { none } else { &r.label });
                });
                row.col(|ui| {
                    ui.label(money_short(r.revenue, lang));
                });
                row.col(|ui| {
                    let share = r.share.unwrap_or(0.0);
                    let fill = if max_share > 0.0 {
                        share / max_share
                    } else {
                        0.0
                    };
                    ui.add(
                        egui::ProgressBar::new(fill as f32)
                            .desired_width(120.0)
                            .desired_height(10.0)
                            .fill(BAR_COLOR),
                    );
                    ui.label(percent(r.share));
                });
                row.col(|ui| {
                    ui.label(r.won.to_string());
                });
                row.col(|ui| {
                    ui.label(r.lost.to_string());
                });
                row.col(|ui| {
                    ui.label(percent(r.win_rate));
                });
                row.col(|ui| {
                    ui.label(
                        r.avg_won
                            .map(|a| money_short(Money(a.round() as i64), lang))
                            .unwrap_or_else(|| "—".into()),
                    );
                });
            });
        });
}

/// The reverse funnel planner. Returns true when the user edited the target. A target
/// that is not a number, or is negative, gets its message under the field and no plan.
pub fn planner(ui: &mut Ui, lang: Lang, figs: &Figures, target_text: &mut String) -> bool {
    ui.heading(Text::PlannerTitle.get(lang));
    let mut edited = false;
    let parsed = parse_money(target_text);
    let show_error = !target_text.trim().is_empty();
    egui::Grid::new("an_planner_input")
        .num_columns(2)
        .show(ui, |ui| {
            let l = ui.label(Text::TargetInput.get(lang));
            ui.vertical(|ui| {
                let mut edit = egui::TextEdit::singleline(target_text)
                    .hint_text(Text::TargetHint.get(lang))
                    .desired_width(180.0);
                if show_error && parsed.is_err() {
                    edit = edit.text_color(ui.visuals().error_fg_color);
                }
                edited = ui.add(edit).labelled_by(l.id).changed();
                if let (true, Err(p)) = (show_error, &parsed) {
                    ui.label(RichText::new(problem(lang, p)).color(ui.visuals().error_fg_color));
                }
            });
            ui.end_row();
        });
    let Ok(target) = parsed else {
        return edited;
    };
    let avg = figs.plan_avg_won;
    let plan = reverse_funnel_from(target, avg, &figs.plan_funnel, figs.open_by_stage);
    if plan.iter().all(|s| s.needed.is_none()) {
        ui.weak(Text::PlannerCannot.get(lang));
        return edited;
    }
    let avg_text = avg
        .map(|a| money_short(Money(a.round() as i64), lang))
        .unwrap_or_else(|| "—".into());
    let (from, to) = (figs.plan_basis.start, figs.plan_basis.end);
    ui.weak(Text::planner_basis(
        lang,
        money_short(target, lang),
        avg_text,
        from,
        to,
    ));
    let red = ui.visuals().error_fg_color;
    egui::Grid::new("an_planner")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in [Text::Stage, Text::Needed, Text::HaveNow, Text::Short] {
                ui.strong(h.get(lang));
            }
            ui.end_row();
            for s in &plan {
                ui.label(s.stage.label(lang));
                ui.label(
                    s.needed
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| "—".into()),
                );
                ui.label(s.have.map(|n| n.to_string()).unwrap_or_else(|| "—".into()));
                match (s.needed, s.have) {
                    (Some(n), Some(h)) if n > h => {
                        ui.label(RichText::new((n - h).to_string()).color(red));
                    }
                    (Some(_), Some(_)) => {
                        ui.label("0");
                    }
                    _ => {
                        ui.label("—");
                    }
                }
                ui.end_row();
            }
        });
    edited
}

/// What +10 % in each factor of sales velocity adds to revenue per day.
pub fn levers(ui: &mut Ui, lang: Lang, figs: &Figures) {
    ui.heading(Text::LeversTitle.get(lang));
    let v = figs.overview.now.velocity_factors();
    let (Some(base), Some(levers)) = (v.per_day(), v.levers()) else {
        ui.weak(Text::NoVelocity.get(lang));
        return;
    };
    ui.label(Text::velocity_now(lang, per_day(lang, base)));
    let money = |x: f64| money_short(Money(x.round() as i64), lang);
    egui::Grid::new("an_levers")
        .num_columns(4)
        .striped(true)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in [Text::Factor, Text::Now, Text::Improved, Text::Gain] {
                ui.strong(h.get(lang));
            }
            ui.end_row();
            for l in levers {
                let (name, now, better) = match l.factor {
                    VelocityFactor::OpenDeals => (
                        Text::OpenDeals,
                        format!("{:.0}", v.open_deals),
                        format!("{:.0}", v.open_deals * 1.1),
                    ),
                    VelocityFactor::AvgWonAmount => (
                        Text::AvgWonAmount,
                        money(v.avg_won_amount.unwrap_or(0.0)),
                        money(v.avg_won_amount.unwrap_or(0.0) * 1.1),
                    ),
                    VelocityFactor::WinRate => (
                        Text::WinRate,
                        percent(v.win_rate),
                        percent(v.win_rate.map(|w| (w * 1.1).min(1.0))),
                    ),
                    VelocityFactor::CycleDays => (
                        Text::CycleDays,
                        average_days(lang, v.avg_cycle_days.unwrap_or(0.0)),
                        average_days(lang, v.avg_cycle_days.unwrap_or(0.0) * 0.9),
                    ),
                };
                ui.label(name.get(lang));
                ui.label(now);
                ui.label(better);
                ui.label(format!("+{}", per_day(lang, l.gain_per_day)));
                ui.end_row();
            }
        });
}
