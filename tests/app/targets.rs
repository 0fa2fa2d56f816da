//! Targets broken down to reps on the Performance page, and the Team page's bulk
//! reassignment, through egui_kittest in both languages, as a user would; and the
//! per-rep figures of `report --json` against the page.

use crate::common;

use common::ui::*;
use egui_kittest::kittest::Queryable;
use salesdesk::analytics::{SplitMethod, rep_targets, rep_weights, split_exact};
use salesdesk::cli::report::report;
use salesdesk::i18n::Lang;
use salesdesk::model::reassign::{Holdings, holdings};
use salesdesk::model::{MemberId, Money, Period, Target, Workspace};
use salesdesk::ui::Page;
use salesdesk::ui::format::percent;

struct W {
    next: &'static str,
    team_target: &'static str,
    method: &'static str,
    by_last_share: &'static str,
    to_reps: &'static str,
    mismatch: &'static str,
    reassign_button: &'static str,
    reassign: &'static str,
    explain_title: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            next: "→",
            team_target: "团队目标（元）",
            method: "分解方法",
            by_last_share: "按上期占比",
            to_reps: "分解到代表",
            mismatch: "各代表合计",
            reassign_button: "转交客户与商机",
            reassign: "转交",
            explain_title: "计入达成率的成交商机",
        },
        Lang::En => W {
            next: "→",
            team_target: "Team target (yuan)",
            method: "Method",
            by_last_share: "By last period's share",
            to_reps: "Split to reps",
            mismatch: "reps add up to",
            reassign_button: "Reassign accounts and deals",
            reassign: "Reassign",
            explain_title: "Won deals behind this attainment",
        },
    }
}

/// The quarter after the one holding the UI tests' day (2026-11-26).
fn next_quarter() -> Period {
    Period::quarter(2027, 1)
}

/// The rows set for exactly `period` for reps, in id order (the order they were made).
fn rep_rows(ws: &Workspace, period: Period) -> Vec<Target> {
    ws.performance
        .targets
        .iter()
        .filter(|t| t.member.is_some() && t.period == period)
        .cloned()
        .collect()
}

fn split_next_quarter_by_last_share(lang: Lang) -> H {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Performance);
    h.get_by_label(w.next).click();
    h.run();
    set_text(&mut h, w.team_target, "1000000.01");
    h.key_press(egui::Key::Enter);
    h.run();
    let team = h
        .state()
        .doc
        .ws()
        .performance
        .targets
        .iter()
        .find(|t| t.member.is_none() && t.period == next_quarter())
        .cloned()
        .expect("the team's target for next quarter is saved");
    assert_eq!(team.amount, Money(100_000_001));
    h.get_by_label(w.method).click();
    h.run();
    h.get_all_by_label(w.by_last_share).last().unwrap().click();
    h.run();
    h.get_by_label(w.to_reps).click();
    h.run();
    h
}

fn split_check(lang: Lang) {
    let h = split_next_quarter_by_last_share(lang);
    let ws = h.state().doc.ws();
    let rows = rep_rows(ws, next_quarter());
    assert!(rows.len() >= 3, "{rows:?}");
    let total: Money = rows.iter().map(|t| t.amount).sum();
    assert_eq!(total, Money(100_000_001), "not a fen lost or made up");
    // Each rep's part is their share of last quarter's revenue, to the fen.
    let reps: Vec<MemberId> = rows.iter().map(|t| t.member.unwrap()).collect();
    let weights = rep_weights(ws, next_quarter(), &reps, SplitMethod::LastPeriodShare).unwrap();
    let expected = split_exact(Money(100_000_001), &weights);
    let got: Vec<Money> = rows.iter().map(|t| t.amount).collect();
    assert_eq!(got, expected);
    // The levels agree: no mismatch is shown.
    assert!(h.query_by_label_contains(words(lang).mismatch).is_none());
}

#[test]
fn next_quarters_target_splits_by_last_quarters_share_to_the_fen_zh() {
    split_check(Lang::Zh);
}

#[test]
fn next_quarters_target_splits_by_last_quarters_share_to_the_fen_en() {
    split_check(Lang::En);
}

fn hand_edit_check(lang: Lang) {
    let mut h = split_next_quarter_by_last_share(lang);
    let first = rep_rows(h.state().doc.ws(), next_quarter())[0].clone();
    let name = h
        .state()
        .doc
        .ws()
        .member_name(first.member.unwrap())
        .to_owned();
    set_text(&mut h, &name, "1");
    h.key_press(egui::Key::Enter);
    h.run();
    let now = rep_rows(h.state().doc.ws(), next_quarter());
    assert_eq!(now[0].amount, Money::from_major(1));
    // Shown, never hidden: the reps no longer add up to the team's target.
    h.get_by_label_contains(words(lang).mismatch);
}

#[test]
fn a_rep_edited_by_hand_shows_the_mismatch_with_the_team_zh() {
    hand_edit_check(Lang::Zh);
}

#[test]
fn a_rep_edited_by_hand_shows_the_mismatch_with_the_team_en() {
    hand_edit_check(Lang::En);
}

fn reassign_check(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(demo(300), lang, Page::Team);
    let ws = h.state().doc.ws().clone();
    let from = ws.deals.deals.rows[0].owner;
    let to = ws
        .team
        .members
        .iter()
        .find(|m| m.id != from && m.active)
        .unwrap()
        .clone();
    let before = holdings(&ws, from);
    assert!(before.deals > 0);
    h.state_mut().pages.team.focus(from);
    h.run();
    h.get_by_label(w.reassign_button).click();
    h.run();
    h.get_by_label_contains(&format!("{} · ", to.name)).click();
    h.run();
    h.get_by_label(w.reassign).click();
    h.run();
    assert_eq!(holdings(h.state().doc.ws(), from), Holdings::default());
    let given = holdings(h.state().doc.ws(), to.id);
    assert_eq!(given.deals, holdings(&ws, to.id).deals + before.deals);
    // One change: one undo takes all of it back, one redo does it again.
    h.state_mut().undo();
    h.run();
    assert_eq!(*h.state().doc.ws(), ws);
    h.state_mut().redo();
    h.run();
    assert_eq!(holdings(h.state().doc.ws(), from), Holdings::default());
    assert_eq!(holdings(h.state().doc.ws(), to.id), given);
}

#[test]
fn a_reps_accounts_reassign_as_one_step_that_undoes_and_redoes_zh() {
    reassign_check(Lang::Zh);
}

#[test]
fn a_reps_accounts_reassign_as_one_step_that_undoes_and_redoes_en() {
    reassign_check(Lang::En);
}

#[test]
fn deleting_a_member_who_owns_deals_reassigns_them_then_deletes_in_one_step() {
    let mut h = harness_on(demo(300), Lang::En, Page::Team);
    let ws = h.state().doc.ws().clone();
    let from = ws.deals.deals.rows[0].owner;
    let to = ws
        .team
        .members
        .iter()
        .find(|m| m.id != from && m.active)
        .unwrap()
        .clone();
    h.state_mut().pages.team.focus(from);
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label_contains(&format!("{} · ", to.name)).click();
    h.run();
    h.get_by_label("Reassign and delete").click();
    h.run();
    assert!(!h.state().doc.ws().team.members.contains(from));
    h.state_mut().undo();
    h.run();
    assert_eq!(*h.state().doc.ws(), ws);
}

fn same_attainment_check(lang: Lang) {
    let mut h = harness_on(demo(300), lang, Page::Performance);
    let ws = h.state().doc.ws().clone();
    let quarter = Period::quarter(2026, 4);
    let r = report(&ws, quarter, today());
    let with_target: Vec<_> = r.reps.iter().filter(|x| x.attainment.is_some()).collect();
    assert!(!with_target.is_empty());
    for rep in &with_target {
        let shown = percent(rep.attainment);
        assert!(h.get_all_by_label(&shown).next().is_some(), "{shown}");
    }
    // The same numbers, not just the same text: the report reads the page's figures.
    let page = rep_targets(&ws, quarter, today());
    for rep in &r.reps {
        let row = page
            .iter()
            .find(|p| p.member.is_some_and(|m| ws.member_name(m) == rep.name))
            .unwrap();
        assert_eq!(row.attainment, rep.attainment);
    }
    // Explain this number: the attainment lists the won deals behind it.
    h.get_all_by_label(&percent(with_target[0].attainment))
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label(words(lang).explain_title);
}

#[test]
fn the_page_and_report_json_show_the_same_per_rep_attainment_zh() {
    same_attainment_check(Lang::Zh);
}

#[test]
fn the_page_and_report_json_show_the_same_per_rep_attainment_en() {
    same_attainment_check(Lang::En);
}

#[test]
fn report_reps_have_null_tiers_without_a_target_never_zero() {
    let mut ws = demo(300);
    // A rep with deals but every target row gone.
    let rep = ws.deals.deals.rows[0].owner;
    std::sync::Arc::make_mut(&mut ws.performance)
        .targets
        .rows
        .retain(|t| t.member != Some(rep));
    let v = serde_json::to_value(report(&ws, Period::quarter(2026, 4), today())).unwrap();
    let reps = v["reps"].as_array().unwrap();
    let name = ws.member_name(rep);
    let row = reps.iter().find(|r| r["name"] == name).unwrap();
    for key in ["target", "stretch", "challenge", "attainment", "coverage"] {
        assert!(row[key].is_null(), "{key}: {}", row[key]);
    }
    for key in [
        "revenue",
        "won_count",
        "lost_count",
        "win_rate",
        "open_deals",
        "weighted_pipeline",
    ] {
        assert!(row.get(key).is_some(), "{key}");
    }
    // Reps with a target row carry it; the demo sets no rep tier above the target.
    let other = reps.iter().find(|r| r["name"] != name).unwrap();
    assert!(other["target"].is_number());
    assert!(other["stretch"].is_null());
}

fn forecast_check(lang: Lang) {
    use egui::accesskit::Role;
    use salesdesk::analytics::in_forecast;
    use salesdesk::model::{ForecastCategory, Stage};
    let (tab, commit, amount, note, save) = match lang {
        Lang::Zh => (
            "预测承诺",
            "承诺",
            "调整金额（元，可为负）",
            "说明",
            "保存调整",
        ),
        Lang::En => (
            "Forecast commitments",
            "Commit",
            "Adjustment (yuan, may be negative)",
            "Note",
            "Save adjustment",
        ),
    };
    let mut h = harness_on(demo(300), lang, Page::Performance);
    let quarter = Period::quarter(2026, 4);
    // The demo holds adjustments of its own: this test's is the one added.
    let before = h.state().doc.ws().performance.forecast_adjustments.len();
    let deal = h
        .state()
        .doc
        .ws()
        .deals
        .deals
        .iter()
        .find(|d| d.stage == Stage::Lead && in_forecast(d, quarter, today()))
        .cloned()
        .expect("an open lead this quarter");
    let rep = h.state().doc.ws().member_name(deal.owner).to_owned();
    h.get_by_label(tab).click();
    h.run();
    h.get_by_label(&rep).click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, &deal.title).click();
    h.run();
    h.get_all_by_label(commit).last().unwrap().click();
    h.run();
    let now = h.state().doc.ws().deals.deals.get(deal.id).unwrap().clone();
    assert_eq!(now.forecast_override, Some(ForecastCategory::Commit));
    set_text(&mut h, amount, "-5000");
    set_text(&mut h, note, "one deal is shaky");
    h.get_by_label(save).click();
    h.run();
    let adj = h
        .state()
        .doc
        .ws()
        .performance
        .forecast_adjustments
        .rows
        .clone();
    assert_eq!(adj.len(), before + 1);
    let added = adj.last().unwrap();
    assert_eq!(added.amount, Money::from_major(-5000));
    assert_eq!(added.member, deal.owner);
    assert_eq!(added.period, quarter);
    assert_eq!(added.note, "one deal is shaky");
}

#[test]
fn a_rep_commits_a_deal_and_the_manager_adjusts_the_forecast_with_a_note_zh() {
    forecast_check(Lang::Zh);
}

#[test]
fn a_rep_commits_a_deal_and_the_manager_adjusts_the_forecast_with_a_note_en() {
    forecast_check(Lang::En);
}

fn org_chart_check(lang: Lang, structure: salesdesk::model::OrgStructure) {
    use salesdesk::i18n::Label;
    use salesdesk::model::OrgStructure;
    let (view, edit) = match lang {
        Lang::Zh => ("组织架构图", "编辑"),
        Lang::En => ("Org chart", "Edit"),
    };
    let mut ws = demo(300);
    std::sync::Arc::make_mut(&mut ws.team).setup.structure = structure;
    let setup = ws.team.setup.clone();
    let first = ws.team.members.iter().find(|m| m.active).unwrap().clone();
    let mut h = harness_on(ws, lang, Page::Team);
    h.get_by_label(view).click();
    h.run();
    let heads: Vec<String> = match structure {
        OrgStructure::Regional => vec![first.region.clone()],
        OrgStructure::Product => first.product_lines.clone(),
        OrgStructure::Functional => vec![first.role.label(lang).to_owned()],
        OrgStructure::Matrix => vec![setup.regions[0].clone(), setup.product_lines[0].clone()],
    };
    for head in heads {
        assert!(h.get_all_by_label(&head).next().is_some(), "{head}");
    }
    assert!(h.query_by_label(edit).is_none());
    h.get_all_by_label(&first.name).next().unwrap().click();
    h.run();
    // The person opens beside the chart.
    h.get_by_label(edit);
}

#[test]
fn the_org_chart_of_each_structure_type_opens_a_person_zh() {
    for s in salesdesk::model::OrgStructure::ALL {
        org_chart_check(Lang::Zh, s);
    }
}

#[test]
fn the_org_chart_of_each_structure_type_opens_a_person_en() {
    for s in salesdesk::model::OrgStructure::ALL {
        org_chart_check(Lang::En, s);
    }
}

// ---- Per-rep stretch and challenge, typed by hand ----

fn rep_tiers_check(lang: Lang) {
    let mut h = split_next_quarter_by_last_share(lang);
    let first = rep_rows(h.state().doc.ws(), next_quarter())[0].clone();
    let name = h
        .state()
        .doc
        .ws()
        .member_name(first.member.unwrap())
        .to_owned();
    let (stretch, challenge, below) = match lang {
        Lang::Zh => ("冲刺", "挑战", "不能低于下一档"),
        Lang::En => (
            "Stretch",
            "Challenge",
            "Must not be below the tier beneath it",
        ),
    };
    let stretch_field = format!("{name} · {stretch}");
    let challenge_field = format!("{name} · {challenge}");
    set_text(&mut h, &stretch_field, "2000000");
    h.key_press(egui::Key::Enter);
    h.run();
    set_text(&mut h, &challenge_field, "3000000");
    h.key_press(egui::Key::Enter);
    h.run();
    let row = rep_rows(h.state().doc.ws(), next_quarter())[0].clone();
    assert_eq!(row.amount, first.amount, "the target stays as split");
    assert_eq!(row.stretch, Some(Money::from_major(2_000_000)));
    assert_eq!(row.challenge, Some(Money::from_major(3_000_000)));
    // A challenge under the stretch is refused at its field, and nothing changes.
    let rev = h.state().doc.revision();
    set_text(&mut h, &challenge_field, "1500000");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label(below);
    assert_eq!(h.state().doc.revision(), rev);
    assert_eq!(rep_rows(h.state().doc.ws(), next_quarter())[0], row);
    // One undo takes back the challenge alone.
    h.state_mut().undo();
    h.run();
    let undone = rep_rows(h.state().doc.ws(), next_quarter())[0].clone();
    assert_eq!(
        (undone.stretch, undone.challenge),
        (Some(Money::from_major(2_000_000)), first.challenge)
    );
}

#[test]
fn each_reps_stretch_and_challenge_are_set_by_hand_and_checked_in_order_zh() {
    rep_tiers_check(Lang::Zh);
}

#[test]
fn each_reps_stretch_and_challenge_are_set_by_hand_and_checked_in_order_en() {
    rep_tiers_check(Lang::En);
}

// ---- 团队建设: the team-building log ----

struct Tw {
    tab: &'static str,
    add: &'static str,
    cost: &'static str,
    expense: &'static str,
    notes: &'static str,
    save: &'static str,
    edit: &'static str,
    delete: &'static str,
}

fn team_words(lang: Lang) -> Tw {
    match lang {
        Lang::Zh => Tw {
            tab: "团队建设",
            add: "＋ 新增团队建设",
            cost: "费用",
            expense: "关联费用",
            notes: "备注",
            save: "保存",
            edit: "编辑",
            delete: "删除",
        },
        Lang::En => Tw {
            tab: "Team building",
            add: "＋ Add team event",
            cost: "Cost",
            expense: "Budget expense",
            notes: "Notes",
            save: "Save",
            edit: "Edit",
            delete: "Delete",
        },
    }
}

fn team_log_check(lang: Lang) {
    use salesdesk::model::{TeamEvent, TeamEventKind};
    let w = team_words(lang);
    let mut h = harness_on(demo(120), lang, Page::Team);
    let ws0 = h.state().doc.ws().clone();
    let events = ws0.team.events.len();
    let people: Vec<_> = ws0.team.members.iter().take(2).cloned().collect();
    let expense = ws0
        .budget
        .expenses
        .iter()
        .filter(|x| x.date <= today())
        .max_by_key(|x| (x.date, x.id))
        .unwrap()
        .clone();
    h.get_by_label(w.tab).click();
    h.run();
    h.get_by_label(w.add).click();
    h.run();
    set_text(&mut h, w.cost, "1.2万");
    for p in &people {
        h.get_by_label(&p.name).click();
        h.run();
    }
    set_text(&mut h, w.notes, "季度复盘后聚餐");
    h.get_by_label(w.save).click();
    h.run();
    let ws = h.state().doc.ws().clone();
    assert_eq!(ws.team.events.len(), events + 1);
    let made: TeamEvent = ws.team.events.rows.last().unwrap().clone();
    assert_eq!(made.date, today());
    assert_eq!(made.kind, TeamEventKind::Meal);
    assert_eq!(made.cost, Money::from_major(12_000));
    assert_eq!(
        made.members,
        people.iter().map(|p| p.id).collect::<Vec<_>>()
    );
    assert_eq!(made.notes, "季度复盘后聚餐");
    // The newest is listed first, with its cost in full.
    h.get_by_label("¥12,000.00");

    // Edit: link the budget expense; one undo step.
    h.get_all_by_label(w.edit).next().unwrap().click();
    h.run();
    h.get_by_label(w.expense).click();
    h.run();
    // Offered as "date · payee · amount", newest first.
    let money = salesdesk::ui::format::money(expense.amount);
    let offered = if expense.payee.is_empty() {
        format!("{} · {money}", expense.date)
    } else {
        format!("{} · {} · {money}", expense.date, expense.payee)
    };
    h.get_by_label(&offered).click();
    h.run();
    h.get_by_label(w.save).click();
    h.run();
    let edited = h
        .state()
        .doc
        .ws()
        .team
        .events
        .get(made.id)
        .cloned()
        .unwrap();
    assert_eq!(edited.expense, Some(expense.id));
    assert_eq!(edited.cost, made.cost, "a typed cost is kept");
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().doc.ws().team.events.get(made.id), Some(&made));
    h.state_mut().redo();
    h.run();

    // Delete asks first, then is one undo step.
    h.get_all_by_label(w.delete).next().unwrap().click();
    h.run();
    h.get_all_by_label(w.delete).last().unwrap().click();
    h.run();
    assert!(!h.state().doc.ws().team.events.contains(made.id));
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().doc.ws().team.events.get(made.id), Some(&edited));
    // Ctrl+N on this view adds a team event, not a member.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label(match lang {
        Lang::Zh => "新增团队建设",
        Lang::En => "Add team event",
    });
}

#[test]
fn the_team_building_log_adds_edits_and_deletes_one_undo_step_each_zh() {
    team_log_check(Lang::Zh);
}

#[test]
fn the_team_building_log_adds_edits_and_deletes_one_undo_step_each_en() {
    team_log_check(Lang::En);
}

#[test]
fn a_deleted_member_leaves_the_events_they_joined_and_a_deleted_expense_unlinks() {
    use salesdesk::model::{Change, Document, Money as M, Record, RecordKey, TeamEvent};
    use salesdesk::model::{TeamEventId, TeamEventKind};
    let ws = demo(120);
    // A member who owns nothing (deleting them needs no reassignment).
    let free = ws
        .team
        .members
        .iter()
        .find(|m| holdings(&ws, m.id) == Holdings::default())
        .map(|m| m.id);
    let mut doc = Document::new(ws.clone());
    let members: Vec<MemberId> = ws.team.members.iter().take(3).map(|m| m.id).collect();
    let free = free.unwrap_or_else(|| {
        let mut m = ws.team.members.rows[0].clone();
        m.id = MemberId(0);
        m.name = "无客户成员".into();
        let a = doc.apply(Change::put(Record::Member(m)), "add").unwrap();
        match a.keys[0] {
            RecordKey::Member(id) => id,
            _ => unreachable!(),
        }
    });
    let expense = ws.budget.expenses.rows[0].clone();
    let mut joined = members.clone();
    joined.push(free);
    let a = doc
        .apply(
            Change::put(Record::TeamEvent(TeamEvent {
                id: TeamEventId(0),
                date: today(),
                kind: TeamEventKind::Outing,
                cost: M::from_major(800),
                expense: Some(expense.id),
                members: joined.clone(),
                notes: String::new(),
            })),
            "add event",
        )
        .unwrap();
    let RecordKey::TeamEvent(id) = a.keys[0] else {
        panic!()
    };
    let del = doc.delete_with_dependents(RecordKey::Member(free));
    doc.apply(del, "delete member").unwrap();
    let e = doc.ws().team.events.get(id).unwrap().clone();
    assert_eq!(
        e.members, members,
        "the member left the list, the event stays"
    );
    let del = doc.delete_with_dependents(RecordKey::Expense(expense.id));
    doc.apply(del, "delete expense").unwrap();
    let e = doc.ws().team.events.get(id).unwrap().clone();
    assert_eq!(e.expense, None, "the link is cleared");
    assert_eq!(e.cost, M::from_major(800), "the cost stays");
}

#[test]
fn the_team_building_log_draws_at_the_minimum_window_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let w = team_words(lang);
        let mut h = harness_sized(demo(120), lang, Page::Team, egui::vec2(900.0, 560.0));
        h.get_by_label(w.tab).click();
        h.run();
        // Each demo event is listed with its edit button; the cost column is there.
        let events = h.state().doc.ws().team.events.len();
        assert!(events > 0);
        assert_eq!(h.get_all_by_label(w.edit).count(), events);
        assert!(h.get_all_by_label(w.cost).next().is_some());
        h.get_by_label(w.add).click();
        h.run();
        h.get_by_label(w.save);
    }
}

/// The log has the page's width to itself (no idle "pick a member" panel cutting its
/// Delete column), and the form's second row of participants is not under the notes.
#[test]
fn the_team_building_log_and_its_form_lay_out_whole_in_both_languages() {
    use egui::accesskit::Role;
    for lang in [Lang::Zh, Lang::En] {
        let w = team_words(lang);
        let mut h = harness_sized(demo(120), lang, Page::Team, egui::vec2(1280.0, 800.0));
        h.get_by_label(w.tab).click();
        h.run();
        let pick = salesdesk::ui::team::Text::SelectMember.get(lang);
        assert!(
            h.query_by_label(pick).is_none(),
            "{lang:?}: an idle side panel"
        );
        let events = h.state().doc.ws().team.events.len();
        let delete = salesdesk::i18n::T::Delete.get(lang);
        assert_eq!(h.get_all_by_label(delete).count(), events);
        h.get_by_label(w.add).click();
        h.run();
        h.run();
        let members: Vec<String> = h
            .state()
            .doc
            .ws()
            .team
            .members
            .iter()
            .map(|m| m.name.clone())
            .collect();
        let lowest_chip = members
            .iter()
            .map(|name| h.get_by_label(name).rect().bottom())
            .fold(0.0f32, f32::max);
        let notes = h
            .get_by(|n| {
                n.role() == Role::MultilineTextInput && n.label().as_deref() == Some(w.notes)
            })
            .rect();
        assert!(
            notes.top() >= lowest_chip,
            "{lang:?}: notes at {} over a chip ending at {lowest_chip}",
            notes.top()
        );
    }
}
