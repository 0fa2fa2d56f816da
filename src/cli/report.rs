//! `salesdesk report --from DATE --to DATE [--json]`: the headline figures of a period,
//! from the same analytics code the app shows, as one JSON object or a readable table.
//!
//! Money is in major units (yuan) rounded to cents; ratios are fractions (0.25 = 25 %);
//! a ratio with nothing to divide by is null, never NaN.

use crate::analytics::{self, DealFilter, days_left};
use crate::model::{Money, Period, Workspace};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// One funnel stage of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelRow {
    pub stage: &'static str,
    pub entered: u64,
    pub amount: f64,
    /// entered(next) / entered(this); null for won or when nothing entered.
    pub conversion_to_next: Option<f64>,
}

/// Everything `salesdesk report` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Cohort funnel of deals created in the period.
    pub funnel: Vec<FunnelRow>,
    pub won_count: u64,
    pub lost_count: u64,
    pub win_rate: Option<f64>,
    pub revenue: f64,
    pub avg_won_amount: Option<f64>,
    pub avg_cycle_days: Option<f64>,
    /// Open deals now, whatever the period.
    pub open_deals: u64,
    pub weighted_pipeline: f64,
    pub sales_velocity_per_day: Option<f64>,
    /// The stage (lead..contract) with the lowest conversion to the next.
    pub bottleneck: Option<&'static str>,
    /// The team target for the period (prorated), null when none is set.
    pub target: Option<f64>,
    pub attainment: Option<f64>,
    /// Days left in the period counting today (0 once it is over).
    pub days_left: i64,
    /// The day the "as of today" figures (open deals, weighted pipeline) are taken.
    pub as_of: NaiveDate,
    /// The number of records in each collection, by table name (`customers`, `deals` …),
    /// so scripts can see what the workspace holds.
    pub counts: std::collections::BTreeMap<String, usize>,
    /// Every channel or event with deals or cost in the period, and its return.
    pub sources: Vec<super::report_sources::SourceRow>,
    /// Per rep: see [`super::report_reps`].
    pub reps: Vec<super::report_reps::RepRow>,
}

/// Records per collection, by table name. Two files have a `reviews` table (the team's
/// performance reviews and the manager's weekly reviews): the second takes its file's
/// name in front (`me_reviews`), so no count hides another.
fn counts(ws: &Workspace) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for k in crate::model::RecordKind::ALL {
        let mut key = k.table_name().to_string();
        if out.contains_key(&key) {
            let stem = k.file().file_name().trim_end_matches(".ron");
            key = format!("{stem}_{key}");
        }
        out.insert(key, ws.count(*k));
    }
    out
}

/// Minor units to major, to the cent.
fn major(m: Money) -> f64 {
    m.0 as f64 / 100.0
}

/// A fractional minor-unit amount to major units, rounded to the cent.
fn major_f(minor: f64) -> f64 {
    minor.round() / 100.0
}

/// The report of `period`, computed by the analytics module.
pub fn report(ws: &Workspace, period: Period, today: NaiveDate) -> Report {
    let all = DealFilter::ALL;
    let funnel = analytics::funnel(ws, period, &all);
    let k = analytics::kpis(ws, period, &all);
    let progress = analytics::target_progress(ws, period, today, None, k.revenue);
    Report {
        from: period.start,
        to: period.end,
        funnel: funnel
            .stages
            .iter()
            .map(|s| FunnelRow {
                stage: s.stage.key(),
                entered: s.entered,
                amount: major(s.amount),
                conversion_to_next: s.conversion_to_next,
            })
            .collect(),
        won_count: k.won_count,
        lost_count: k.lost_count,
        win_rate: k.win_rate,
        revenue: major(k.revenue),
        avg_won_amount: k.avg_won_amount.map(major_f),
        avg_cycle_days: k.avg_cycle_days,
        open_deals: k.open_deals,
        weighted_pipeline: major(k.weighted_pipeline),
        sales_velocity_per_day: k.velocity().per_day().map(major_f),
        bottleneck: funnel.lowest_conversion().map(|(s, _)| s.key()),
        target: progress.map(|p| major(p.target)),
        attainment: progress.and_then(|p| p.attainment),
        days_left: days_left(period, today),
        as_of: today,
        counts: counts(ws),
        sources: super::report_sources::sources(ws, period),
        reps: super::report_reps::reps(ws, period, today),
    }
}

/// Prints the report of the workspace in `dir` for `from`..=`to` (inclusive). Reads the
/// files without locking or changing anything, so it runs next to an open app. Exit code
/// 0, or 1 when there is no workspace, a file cannot be read or the period is backwards.
pub fn run(
    dir: &Path,
    from: NaiveDate,
    to: NaiveDate,
    json: bool,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    match run_inner(dir, from, to, json, None, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}

/// `report --pdf FILE`: writes the report of the period as PDF (src/export/report_pdf)
/// instead of printing it; the same reading, checks and exit codes as [`run`].
pub fn run_pdf(
    dir: &Path,
    from: NaiveDate,
    to: NaiveDate,
    pdf: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    run_inner(dir, from, to, false, Some(pdf), out, err).unwrap_or_else(|e| {
        let _ = writeln!(err, "{e}");
        1
    })
}

fn run_inner(
    dir: &Path,
    from: NaiveDate,
    to: NaiveDate,
    json: bool,
    pdf: Option<&Path>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<i32> {
    if to < from {
        writeln!(
            err,
            "the period ends ({to}) before it starts ({from}): swap --from and --to"
        )?;
        return Ok(1);
    }
    let Some(ws) = super::read_only(dir, "report", "report on", err)? else {
        return Ok(1);
    };
    let today = chrono::Local::now().date_naive();
    let period = Period::new(from, to);
    if let Some(path) = pdf {
        return super::export::write_report(&ws, period, today, dir, path, out, err);
    }
    let r = report(&ws, period, today);
    if json {
        let text = serde_json::to_string_pretty(&r).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        print_text(out, &r)?;
    }
    crate::alloc::drop_later(ws);
    Ok(0)
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.1} %", v * 100.0))
        .unwrap_or_else(|| "—".into())
}

fn money(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}")).unwrap_or_else(|| "—".into())
}

fn print_text(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    writeln!(out, "SalesDesk report {} – {}", r.from, r.to)?;
    writeln!(out)?;
    writeln!(out, "Funnel (deals created in the period)")?;
    writeln!(
        out,
        "{:<10} {:>8} {:>16} {:>12}",
        "stage", "entered", "amount", "to next"
    )?;
    for f in &r.funnel {
        writeln!(
            out,
            "{:<10} {:>8} {:>16.2} {:>12}",
            f.stage,
            f.entered,
            f.amount,
            pct(f.conversion_to_next)
        )?;
    }
    writeln!(out)?;
    let rows: [(&str, String); 14] = [
        ("won deals", r.won_count.to_string()),
        ("lost deals", r.lost_count.to_string()),
        ("win rate", pct(r.win_rate)),
        ("revenue", money(Some(r.revenue))),
        ("average won amount", money(r.avg_won_amount)),
        (
            "average cycle (days)",
            r.avg_cycle_days
                .map(|d| format!("{d:.1}"))
                .unwrap_or_else(|| "—".into()),
        ),
        ("open deals (now)", r.open_deals.to_string()),
        ("weighted pipeline", money(Some(r.weighted_pipeline))),
        ("sales velocity / day", money(r.sales_velocity_per_day)),
        (
            "bottleneck",
            r.bottleneck.map(stage_label).unwrap_or("—").to_string(),
        ),
        ("target", money(r.target)),
        ("attainment", pct(r.attainment)),
        ("days left", r.days_left.to_string()),
        ("as of", r.as_of.to_string()),
    ];
    for (label, value) in rows {
        writeln!(out, "{label:<22} {value:>16}")?;
    }
    Ok(())
}

/// "quote 报价谈判" for the text table.
fn stage_label(key: &'static str) -> &'static str {
    match key {
        "lead" => "lead 客户识别",
        "needs" => "needs 需求分析",
        "quote" => "quote 报价谈判",
        "contract" => "contract 合同签订",
        _ => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn empty_workspace_reports_nulls_not_nan() {
        let r = report(
            Document::default().ws(),
            Period::year(2026),
            "2026-06-01".parse().unwrap(),
        );
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        for key in [
            "win_rate",
            "avg_won_amount",
            "avg_cycle_days",
            "sales_velocity_per_day",
            "bottleneck",
            "target",
            "attainment",
        ] {
            assert!(v[key].is_null(), "{key}");
        }
        assert!(
            v["funnel"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["conversion_to_next"].is_null())
        );
        assert_eq!(v["funnel"][0]["stage"], "lead");
        let mut text = Vec::new();
        print_text(&mut text, &r).unwrap();
        assert!(String::from_utf8(text).unwrap().contains("win rate"));
    }
}
