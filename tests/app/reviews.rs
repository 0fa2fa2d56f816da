//! Issue 15 on the Performance page, through egui_kittest in both languages as a user
//! would: a review written from the scorecard, the what-if simulator's payout as it
//! moves, a rep's 1:1 agenda, the Dashboard's review alert; and `report --json`'s
//! `commission` against the same figures.

use crate::common;

use common::ui::*;
use egui_kittest::kittest::Queryable;
use salesdesk::analytics::agenda::agenda;
use salesdesk::analytics::commission::{payout, plan_for, rep_payout, revenue_at};
use salesdesk::analytics::scorecard::scorecard;
use salesdesk::cli::report::report;
use salesdesk::i18n::Lang;
use salesdesk::model::*;
use salesdesk::ui::Page;
use salesdesk::ui::format::{colon, money};
use salesdesk::ui::performance::rep_options;
use std::sync::Arc;

struct W {
    scorecards: &'static str,
    write_review: &'static str,
    strengths: &'static str,
    add_action: &'static str,
    action: &'static str,
    action_due: &'static str,
    save: &'static str,
    incentives: &'static str,
    sim_attainment: &'static str,
    sim_payout: &'static str,
    tier_changes: &'static str,
    agenda_tab: &'static str,
    agenda_title: &'static str,
    stale: &'static str,
    actions: &'static str,
    edit_review: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            scorecards: "计分卡",
            write_review: "据此计分卡撰写评估",
            strengths: "优点",
            add_action: "＋ 添加行动",
            action: "行动 1",
            action_due: "行动截止",
            save: "保存",
            incentives: "激励方案",
            sim_attainment: "模拟达成率（%）",
            sim_payout: "模拟提成",
            tier_changes: "档位由",
            agenda_tab: "一对一议程",
            agenda_title: "一对一议程 · ",
            stale: "停滞的商机",
            actions: "上次评估约定、尚未完成的行动",
            edit_review: "编辑绩效评估 · ",
        },
        Lang::En => W {
            scorecards: "Scorecards",
            write_review: "Write review from this scorecard",
            strengths: "Strengths",
            add_action: "+ Add action",
            action: "Action 1",
            action_due: "Action due",
            save: "Save",
            incentives: "Incentives",
            sim_attainment: "Simulated attainment (%)",
            sim_payout: "Simulated payout",
            tier_changes: "tier changes from",
            agenda_tab: "1:1 agenda",
            agenda_title: "1:1 agenda · ",
            stale: "Stale deals",
            actions: "Open actions agreed in the last review",
            edit_review: "Edit review · ",
        },
    }
}

/// The quarter holding the UI tests' day, the people tabs' default period.
fn this_quarter() -> Period {
    Period::quarter(2026, 4)
}

/// The rep the people tabs open on: the first of the offered reps.
fn first_rep(ws: &Workspace) -> MemberId {
    rep_options(ws)[0].0
}

fn open_tab(h: &mut H, tab: &str) {
    h.get_by_label(tab).click();
    h.run();
}

// ------------------------------------------------------------ review from scorecard

fn review_from_scorecard(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Performance);
    open_tab(&mut h, w.scorecards);
    h.get_by_label(w.write_review).click();
    h.run();
    set_text(&mut h, w.strengths, "Listens well");
    h.get_by_label(w.add_action).click();
    h.run();
    set_text(&mut h, w.action, "Call the three stalled quotes");
    set_text(&mut h, w.action_due, "2026-12-10");
    h.get_by_label(w.save).click();
    h.run();
    let ws = h.state().doc.ws();
    let rep = first_rep(ws);
    let r = ws
        .performance
        .reviews
        .iter()
        .find(|r| r.member == rep && r.period == this_quarter())
        .expect("the rep's review of the quarter");
    assert_eq!(r.strengths, "Listens well");
    assert_eq!(
        r.actions,
        vec![AgreedAction {
            text: "Call the three stalled quotes".into(),
            due: "2026-12-10".parse().unwrap(),
            done: false,
        }]
    );
    // The scores are the scorecard's, KPI for KPI.
    let sc = scorecard(ws, rep, this_quarter());
    let expected: Vec<(KpiId, u8)> = sc
        .lines
        .iter()
        .filter_map(|l| Some((l.kpi, l.score?)))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(r.scores, expected);
    assert!(r.rating.is_some(), "a rating suggested by the total");
    // One review per rep and quarter: the open one was written, not a second one.
    let n = ws
        .performance
        .reviews
        .iter()
        .filter(|r| r.member == rep && r.period == this_quarter())
        .count();
    assert_eq!(n, 1);
}

#[test]
fn a_review_is_written_from_the_scorecard_zh() {
    review_from_scorecard(Lang::Zh);
}

#[test]
fn a_review_is_written_from_the_scorecard_en() {
    review_from_scorecard(Lang::En);
}

// ------------------------------------------------------------ what-if simulator

/// The simulated payout line for `attainment_pct` of `rep`'s target this quarter.
fn simulated_line(ws: &Workspace, lang: Lang, rep: MemberId, attainment_pct: u32) -> String {
    let actual = rep_payout(ws, rep, this_quarter()).expect("the rep has a plan");
    let target = actual.target.expect("the rep has a target");
    let plan = plan_for(ws, rep).unwrap();
    let p = payout(plan, revenue_at(target, attainment_pct * 100), Some(target));
    let mut line = format!(
        "{}{}{}",
        words(lang).sim_payout,
        colon(lang),
        money(p.payout)
    );
    if p.below_threshold || p.cap_applied {
        line.push_str(" · ");
    }
    line
}

fn simulator(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Performance);
    open_tab(&mut h, w.incentives);
    let ws = h.state().doc.ws().clone();
    let rep = first_rep(&ws);
    set_text(&mut h, w.sim_attainment, "90");
    let low = simulated_line(&ws, lang, rep, 90);
    assert!(
        h.query_by_label_contains(&low).is_some(),
        "payout at 90 %: {low}"
    );
    set_text(&mut h, w.sim_attainment, "130");
    let high = simulated_line(&ws, lang, rep, 130);
    assert_ne!(low, high, "the payout moves with the attainment");
    assert!(
        h.query_by_label_contains(&high).is_some(),
        "payout at 130 %: {high}"
    );
    // The tier change against the actual figures is said exactly when there is one.
    let actual = rep_payout(&ws, rep, this_quarter()).unwrap();
    let target = actual.target.unwrap();
    let sim = payout(
        plan_for(&ws, rep).unwrap(),
        revenue_at(target, 13_000),
        Some(target),
    );
    assert_eq!(
        h.query_by_label_contains(w.tier_changes).is_some(),
        sim.tier != actual.tier,
        "the tier change is said: {:?} -> {:?}",
        actual.tier,
        sim.tier
    );
}

#[test]
fn moving_the_simulator_moves_the_payout_zh() {
    simulator(Lang::Zh);
}

#[test]
fn moving_the_simulator_moves_the_payout_en() {
    simulator(Lang::En);
}

// ------------------------------------------------------------ 1:1 agenda

fn open_agenda(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Performance);
    open_tab(&mut h, w.agenda_tab);
    let ws = h.state().doc.ws().clone();
    let rep = first_rep(&ws);
    let title = format!("{}{}", w.agenda_title, ws.member_name(rep));
    assert!(h.query_by_label_contains(&title).is_some(), "{title}");
    h.get_by_label(w.stale);
    h.get_by_label(w.actions);
    let a = agenda(&ws, rep, this_quarter(), today());
    for s in &a.stale {
        let t = &ws.deals.deals.get(s.deal).unwrap().title;
        assert!(h.query_all_by_label(t).next().is_some(), "stale deal {t}");
    }
    for o in &a.open_actions {
        assert!(h.query_all_by_label(&o.action.text).next().is_some());
    }
}

#[test]
fn a_reps_agenda_opens_zh() {
    open_agenda(Lang::Zh);
}

#[test]
fn a_reps_agenda_opens_en() {
    open_agenda(Lang::En);
}

#[test]
fn the_agenda_lists_open_actions_of_the_last_review_only() {
    let mut ws = demo(120);
    let rep = first_rep(&ws);
    let p = Arc::make_mut(&mut ws.performance);
    let last = p
        .reviews
        .rows
        .iter_mut()
        .filter(|r| r.member == rep)
        .max_by_key(|r| (r.period.end, r.completed.is_some(), r.id))
        .unwrap();
    last.actions = vec![
        AgreedAction {
            text: "open".into(),
            due: today(),
            done: false,
        },
        AgreedAction {
            text: "done".into(),
            due: today(),
            done: true,
        },
    ];
    let a = agenda(&ws, rep, this_quarter(), today());
    let texts: Vec<&str> = a
        .open_actions
        .iter()
        .map(|o| o.action.text.as_str())
        .collect();
    assert_eq!(texts, ["open"]);
    assert!(!a.open_actions[0].overdue, "due today is not overdue");
}

// ------------------------------------------------------------ Dashboard alert

fn review_alert_opens_the_review(lang: Lang) {
    let w = words(lang);
    let ws = demo(300);
    let due = salesdesk::analytics::reviews_due(&ws, today());
    let first = due.first().expect("the demo has a review due");
    let name = ws.member_name(first.member).to_owned();
    let mut h = harness_on(ws, lang, Page::Dashboard);
    let alert = match (lang, first.overdue) {
        (Lang::Zh, _) => format!("{name} · {} 到期", first.due),
        (Lang::En, true) => format!("{name} · was due {}", first.due),
        (Lang::En, false) => format!("{name} · due {}", first.due),
    };
    h.get_all_by_label_contains(&alert)
        .next()
        .expect("the review's alert")
        .click();
    h.run();
    assert_eq!(h.state().page, Page::Performance);
    let heading = format!("{}{name}", w.edit_review);
    assert!(
        h.query_by_label_contains(&heading).is_some(),
        "the review is open: {heading}"
    );
}

#[test]
fn a_review_due_alert_opens_that_review_zh() {
    review_alert_opens_the_review(Lang::Zh);
}

#[test]
fn a_review_due_alert_opens_that_review_en() {
    review_alert_opens_the_review(Lang::En);
}

// ------------------------------------------------------------ report --json

#[test]
fn report_commission_is_the_payout_and_null_without_a_plan() {
    let mut ws = demo(300);
    let planned = first_rep(&ws);
    let v = serde_json::to_value(report(&ws, this_quarter(), today())).unwrap();
    let reps = v["reps"].as_array().unwrap();
    let row = reps
        .iter()
        .find(|r| r["name"] == ws.member_name(planned))
        .unwrap();
    let p = rep_payout(&ws, planned, this_quarter()).unwrap();
    assert_eq!(
        row["commission"]["payout"].as_f64(),
        Some(p.payout.0 as f64 / 100.0)
    );
    assert_eq!(
        row["commission"]["tier"].as_u64(),
        p.tier_from_pct.map(u64::from)
    );
    // No plan lists anyone: every rep's commission is null.
    Arc::make_mut(&mut ws.performance).commission_plans = Table::default();
    let v = serde_json::to_value(report(&ws, this_quarter(), today())).unwrap();
    for r in v["reps"].as_array().unwrap() {
        assert!(r["commission"].is_null(), "{}", r["name"]);
    }
}

// ------------------------------------------------------------ agreed actions → follow-ups

fn agreed_action_in_follow_ups(lang: Lang) {
    let mut ws = demo(300);
    let rep = first_rep(&ws);
    let p = Arc::make_mut(&mut ws.performance);
    let review = p.reviews.rows.iter_mut().find(|r| r.member == rep).unwrap();
    review.actions.push(AgreedAction {
        text: "Shadow two customer visits".into(),
        due: today(),
        done: false,
    });
    let id = review.id;
    // The list shows a few rows at a time: clear the customers' follow-ups and the
    // network so the action is in view.
    for i in &mut Arc::make_mut(&mut ws.customers).interactions.rows {
        i.follow_up_done = true;
    }
    Arc::make_mut(&mut ws.me).people = Table::default();
    let mut h = harness_on(ws, lang, Page::Dashboard);
    h.get_all_by_label_contains("Shadow two customer visits")
        .next()
        .expect("the agreed action is among the follow-ups")
        .click();
    h.run();
    assert_eq!(h.state().page, Page::Performance);
    let name = h.state().doc.ws().member_name(rep).to_owned();
    assert!(
        h.query_by_label_contains(&format!("{}{name}", words(lang).edit_review))
            .is_some(),
        "review {id:?} is open"
    );
}

#[test]
fn an_agreed_action_joins_the_follow_ups_and_opens_its_review_zh() {
    agreed_action_in_follow_ups(Lang::Zh);
}

#[test]
fn an_agreed_action_joins_the_follow_ups_and_opens_its_review_en() {
    agreed_action_in_follow_ups(Lang::En);
}

// ------------------------------------------------------------ hypothetical deals

fn hypothetical_deal(lang: Lang) {
    let (add, field) = match lang {
        Lang::Zh => ("＋ 假设一笔成交", "假设新增成交（元） 1"),
        Lang::En => ("+ Hypothetical deal", "Hypothetical deal (yuan) 1"),
    };
    let mut h = harness_on(demo(300), lang, Page::Performance);
    open_tab(&mut h, words(lang).incentives);
    let ws = h.state().doc.ws().clone();
    let rep = first_rep(&ws);
    h.get_by_label(add).scroll_to_me();
    h.run();
    h.get_by_label(add).click();
    h.run();
    set_text(&mut h, field, "250000");
    let actual = rep_payout(&ws, rep, this_quarter()).unwrap();
    let plan = plan_for(&ws, rep).unwrap();
    let revenue = actual.revenue + Money::from_major(250_000);
    let p = payout(plan, revenue, actual.target);
    let line = format!(
        "{}{}{}",
        words(lang).sim_payout,
        colon(lang),
        money(p.payout)
    );
    assert!(
        h.query_by_label_contains(&line).is_some(),
        "the actual revenue plus the deal: {line}"
    );
}

#[test]
fn a_hypothetical_deal_adds_to_the_actual_revenue_zh() {
    hypothetical_deal(Lang::Zh);
}

#[test]
fn a_hypothetical_deal_adds_to_the_actual_revenue_en() {
    hypothetical_deal(Lang::En);
}

// ------------------------------------------------------------ bad input

fn a_bad_score_is_refused_at_the_field(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Performance);
    open_tab(&mut h, w.scorecards);
    h.get_by_label(w.write_review).click();
    h.run();
    let before = h.state().doc.ws().performance.clone();
    let rep = first_rep(h.state().doc.ws());
    let first_kpi = scorecard(h.state().doc.ws(), rep, this_quarter()).lines[0]
        .name
        .clone();
    set_text(&mut h, &first_kpi, "150");
    h.get_by_label(w.save).click();
    h.run();
    assert_eq!(
        *h.state().doc.ws().performance,
        *before,
        "nothing half saved"
    );
    let heading = format!("{}{}", w.edit_review, h.state().doc.ws().member_name(rep));
    assert!(
        h.query_by_label_contains(&heading).is_some(),
        "the form stays open"
    );
    let says = match lang {
        Lang::Zh => "应在 0 到 100 之间",
        Lang::En => "Must be between 0 and 100",
    };
    assert!(
        h.query_by_label_contains(says).is_some(),
        "the field says why"
    );
}

#[test]
fn a_score_above_100_is_refused_at_the_field_zh() {
    a_bad_score_is_refused_at_the_field(Lang::Zh);
}

#[test]
fn a_score_above_100_is_refused_at_the_field_en() {
    a_bad_score_is_refused_at_the_field(Lang::En);
}

// ------------------------------------------------------------ KPI weights

fn weights_off_warn_but_save(lang: Lang) {
    let (tab, edit, weight, warning) = match lang {
        Lang::Zh => ("绩效指标", "编辑", "权重（%）", "不是 100%"),
        Lang::En => ("KPIs", "Edit", "Weight (%)", "not 100%"),
    };
    let mut h = harness_on(demo(120), lang, Page::Performance);
    h.get_all_by_label(tab).next().unwrap().click();
    h.run();
    assert!(
        h.query_by_label_contains(warning).is_none(),
        "the demo adds up to 100"
    );
    h.get_all_by_label(edit).next().unwrap().click();
    h.run();
    set_text(&mut h, weight, "50");
    h.get_by_label(words(lang).save).click();
    h.run();
    let first = &h.state().doc.ws().performance.kpis.rows[0];
    assert_eq!(first.weight, 50, "saving is never blocked");
    assert!(
        h.query_by_label_contains(warning).is_some(),
        "the warning shows"
    );
}

#[test]
fn kpi_weights_not_adding_to_100_warn_but_save_zh() {
    weights_off_warn_but_save(Lang::Zh);
}

#[test]
fn kpi_weights_not_adding_to_100_warn_but_save_en() {
    weights_off_warn_but_save(Lang::En);
}

// ------------------------------------------------------------ the scorecard's target

/// The Scorecard's revenue target is the rep's sales target that Targets shows, and
/// says so; a rep without one gets the KPI's monthly × months, said as such.
fn scorecard_target(lang: Lang) {
    use salesdesk::analytics::scorecard::TargetFrom;
    use salesdesk::analytics::targets::target_for;
    let w = words(lang);
    let ws = demo(300);
    let rep = first_rep(&ws);
    let target = target_for(&ws, this_quarter(), Some(rep)).expect("the demo rep has a target");
    let sc = scorecard(&ws, rep, this_quarter());
    let revenue = sc
        .lines
        .iter()
        .find(|l| l.metric == KpiMetric::Revenue)
        .expect("a revenue KPI");
    assert_eq!(revenue.target, Some(target.0 as f64));
    assert_eq!(revenue.target_from, Some(TargetFrom::RepTarget));
    let mut h = harness_on(ws.clone(), lang, Page::Performance);
    open_tab(&mut h, w.scorecards);
    let said = match lang {
        Lang::Zh => "（取自销售目标）",
        Lang::En => "(the rep's sales target)",
    };
    h.get_by_label(said);
    h.get_by_label(&salesdesk::ui::format::money(target));
    // Without the rep's target rows: the KPI's monthly target × 3 months.
    let mut bare = ws;
    let p = std::sync::Arc::make_mut(&mut bare.performance);
    let ids: Vec<TargetId> = p
        .targets
        .iter()
        .filter(|t| t.member == Some(rep))
        .map(|t| t.id)
        .collect();
    for id in ids {
        p.targets.remove(id);
    }
    let mut h = harness_on(bare, lang, Page::Performance);
    open_tab(&mut h, w.scorecards);
    let said = match lang {
        Lang::Zh => "（未设销售目标：指标月目标 × 3 个月）",
        Lang::En => "(no sales target set: the KPI's monthly × 3 months)",
    };
    h.get_by_label(said);
}

#[test]
fn the_scorecards_revenue_target_is_the_reps_sales_target_and_says_so_zh() {
    scorecard_target(Lang::Zh);
}

#[test]
fn the_scorecards_revenue_target_is_the_reps_sales_target_and_says_so_en() {
    scorecard_target(Lang::En);
}
