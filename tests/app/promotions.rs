//! Promotions, from plan to review (issue 17): an event's ROI, cost per lead and goals
//! against actuals on small data, the status rules, the schema-3 events loading with
//! every word kept, and the whole flow in the window in both languages.

use crate::common;

use common::ui::*;
use egui_kittest::kittest::Queryable;
use salesdesk::analytics::promotions::{event_figures, event_figures_of, steps_due};
use salesdesk::analytics::reminders;
use salesdesk::i18n::{Label, Lang};
use salesdesk::model::*;
use salesdesk::ui::Page;
use std::sync::Arc;

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

// ------------------------------------------------------------ figures on small data

/// One event (budget 50,000; goals 10 leads, 2 wins, 200,000) with three deals from it
/// (one won for 150,000, one lost, one open), two linked expenses (30,000 + 10,000),
/// and an unrelated deal and expense.
fn small() -> Workspace {
    let mut ws = Workspace::default();
    let mut p = Promotion::new("体验会", PromotionKind::DemoDay, day("2026-05-10"));
    p.id = PromotionId(1);
    p.budget = Money::from_major(50_000);
    p.leads_goal = 10;
    p.deals_goal = 2;
    p.revenue_goal = Money::from_major(200_000);
    Arc::make_mut(&mut ws.promotions).promotions = Table {
        next_id: 2,
        rows: vec![p],
    };
    let me = Some(SourceRef::Promotion(PromotionId(1)));
    let deal = |id, stage, amount, source| {
        let mut d = Deal {
            id: DealId(id),
            amount: Money::from_major(amount),
            source,
            ..Deal::new(Stage::Lead, day("2026-05-11"))
        };
        if stage != Stage::Lead {
            d.history.push(StageEntry {
                stage,
                date: day("2026-07-01"),
            });
            d.stage = stage;
        }
        d
    };
    let deals = Arc::make_mut(&mut ws.deals);
    deals.deals.put(deal(1, Stage::Won, 150_000, me));
    deals.deals.put(deal(2, Stage::Lost, 80_000, me));
    deals.deals.put(deal(3, Stage::Quote, 40_000, me));
    deals.deals.put(deal(4, Stage::Won, 999_000, None));
    let expense = |id, yuan, link| Expense {
        id: ExpenseId(id),
        date: day("2026-05-01"),
        category: CategoryId(1),
        amount: Money::from_major(yuan),
        payee: String::new(),
        note: String::new(),
        link,
    };
    let b = Arc::make_mut(&mut ws.budget);
    b.expenses.put(expense(1, 30_000, me));
    b.expenses.put(expense(2, 10_000, me));
    b.expenses.put(expense(3, 5_000, None));
    ws
}

#[test]
fn an_events_roi_and_cost_per_lead_come_from_its_linked_expenses_and_deals() {
    let f = event_figures_of(&small(), PromotionId(1)).unwrap();
    assert_eq!(f.cost(), Money::from_major(40_000));
    // (150,000 − 40,000) ÷ 40,000 = 2.75
    assert_eq!(f.roi(), Some(2.75));
    // 40,000 ÷ 3 leads, in fen.
    assert_eq!(f.cost_per_lead(), Some(4_000_000.0 / 3.0));
    // Under budget by 10,000, −20 %.
    assert_eq!(f.budget_variance(), Money::from_major(-10_000));
    assert_eq!(f.budget_variance_pct(), Some(-0.2));
}

#[test]
fn an_events_goals_stand_against_its_attributed_leads_wins_and_revenue() {
    let f = event_figures_of(&small(), PromotionId(1)).unwrap();
    assert_eq!((f.leads.goal, f.leads.actual), (10, 3));
    assert_eq!((f.deals.goal, f.deals.actual), (2, 1));
    assert_eq!((f.revenue.goal, f.revenue.actual), (20_000_000, 15_000_000));
    assert_eq!(f.leads.reached(), Some(0.3));
    assert_eq!(f.deals.reached(), Some(0.5));
    assert_eq!(f.revenue.reached(), Some(0.75));
}

#[test]
fn an_event_with_nothing_spent_or_no_lead_has_no_roi_or_cost_per_lead() {
    let mut ws = small();
    Arc::make_mut(&mut ws.budget).expenses = Table::default();
    Arc::make_mut(&mut ws.deals).deals = Table::default();
    let f = event_figures(&ws);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].roi(), f[0].cost_per_lead()), (None, None));
    assert_eq!(f[0].leads.reached(), Some(0.0));
}

// ------------------------------------------------------------ status rules

#[test]
fn status_rules_go_draft_planned_running_done_reviewed_or_cancelled_before_done() {
    use PromotionStatus::*;
    let path = [Draft, Planned, Running, Done, Reviewed];
    for w in path.windows(2) {
        assert!(w[0].can_move_to(w[1]), "{:?} → {:?}", w[0], w[1]);
    }
    for from in PromotionStatus::ALL {
        for to in PromotionStatus::ALL {
            let forward = path.windows(2).any(|w| w[0] == from && w[1] == to);
            let cancel = to == Cancelled && matches!(from, Draft | Planned | Running);
            assert_eq!(from.can_move_to(to), forward || cancel, "{from:?} → {to:?}");
        }
    }
}

// ------------------------------------------------------------ schema: words kept

/// One event as today's main writes it (tests/fixtures/v3/promotions.ron, id 2).
const V3_EVENT: &str = r#"(
  promotions: (
    next_id: 7,
    rows: [
      (id: 2, name: "春季云ERP体验会", kind: DemoDay, target_group: "华东中型制造企业的老板和财务总监", theme: "一天看懂云ERP", goal: "邀请60家企业到场，获取40条有效线索。", budget: 12000000, start: "2026-08-14", end: "2026-08-15", execution_plan: "提前三周电话邀约；上午产品演示，下午分组上机体验；会后一周内逐一回访。", venue: "苏州国际会议中心", staff: [1, 4, 7], materials: "演示电脑20台、易拉宝、产品手册、伴手礼", status: Done, leads_goal: 40, review: "到场52家，收集有效线索45条，已有6家进入报价阶段；下次增加行业案例分享。"),
    ],
  ),
)"#;

#[test]
fn the_migration_of_todays_events_nothing_the_user_wrote_is_lost() {
    let file: PromotionsFile = ron::from_str(V3_EVENT).unwrap();
    let p = &file.promotions.rows[0];
    assert_eq!(p.target_group, "华东中型制造企业的老板和财务总监");
    assert_eq!(p.theme, "一天看懂云ERP");
    assert_eq!(p.goal, "邀请60家企业到场，获取40条有效线索。");
    assert_eq!(
        p.execution_plan,
        "提前三周电话邀约；上午产品演示，下午分组上机体验；会后一周内逐一回访。"
    );
    assert_eq!(p.materials, "演示电脑20台、易拉宝、产品手册、伴手礼");
    assert_eq!(p.venue, "苏州国际会议中心");
    assert_eq!(
        p.review,
        "到场52家，收集有效线索45条，已有6家进入报价阶段；下次增加行业案例分享。"
    );
    assert_eq!(
        (p.budget, p.leads_goal, p.status, p.staff.clone()),
        (
            Money(12_000_000),
            40,
            PromotionStatus::Done,
            vec![MemberId(1), MemberId(4), MemberId(7)]
        )
    );
    // The new structure starts empty; the plan's lines are offered as steps, and taking
    // them leaves the text as it was, through a save and a reload.
    assert!(p.steps.is_empty() && p.checklist.is_empty());
    let mut q = p.clone();
    q.steps = p.steps_from_plan_text();
    q.checklist = p.checklist_from_materials();
    assert_eq!(q.steps.len(), 4);
    assert_eq!(q.checklist.len(), 4);
    for s in &q.steps {
        assert!(p.execution_plan.contains(&s.text), "{}", s.text);
    }
    // The same event in today's whole v3 workspace (as the window loads it), its steps
    // taken, saved and read back.
    let tmp = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture_dir("v3"), tmp.path());
    let loaded = salesdesk::store::load(tmp.path()).unwrap();
    assert_eq!(loaded.ws.promotions.promotions.get(p.id), Some(p));
    let mut doc = Document::new(loaded.ws);
    doc.apply(Change::put(Record::Promotion(q)), "steps")
        .unwrap();
    let dirty = doc.take_dirty();
    salesdesk::store::save(tmp.path(), doc.ws(), &dirty).unwrap();
    let back = salesdesk::store::load(tmp.path()).unwrap().ws;
    let r = back.promotions.promotions.get(p.id).unwrap();
    assert_eq!(
        (
            &r.execution_plan,
            &r.materials,
            &r.goal,
            &r.target_group,
            &r.review
        ),
        (
            &p.execution_plan,
            &p.materials,
            &p.goal,
            &p.target_group,
            &p.review
        )
    );
    assert_eq!(r.steps.len(), 4);
}

#[test]
fn every_event_of_the_v3_fixture_loads_with_its_texts_word_for_word() {
    let text = std::fs::read_to_string(common::fixture_dir("v3").join("promotions.ron")).unwrap();
    let file: PromotionsFile = ron::from_str(&text).unwrap();
    assert_eq!(file.promotions.len(), 6);
    for p in file.promotions.iter() {
        for words in [
            &p.name,
            &p.target_group,
            &p.goal,
            &p.execution_plan,
            &p.materials,
            &p.review,
        ] {
            assert!(text.contains(&format!("\"{words}\"")), "{words}");
        }
    }
}

// ------------------------------------------------------------ overdue steps

#[test]
fn an_overdue_step_of_an_open_event_joins_the_dashboard_follow_ups() {
    let mut ws = demo(60);
    // Only the steps are due: no customer follow-up or network contact competes.
    Arc::make_mut(&mut ws.customers).interactions = Table::default();
    Arc::make_mut(&mut ws.me).people = Table::default();
    let due = steps_due(&ws, today());
    assert!(
        !due.is_empty(),
        "the demo's running event has a step overdue"
    );
    assert_eq!(reminders(&ws, today()).plan_steps, due);
    let first = &due[0];
    let event = ws.promotions.promotions.get(first.promotion).unwrap();
    assert_eq!(event.status, PromotionStatus::Running);
    for lang in [Lang::Zh, Lang::En] {
        let h = harness_on(ws.clone(), lang, Page::Dashboard);
        h.get_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with(&event.name) && l.contains(&first.text))
        });
    }
    // Done or cancelled events' steps do not come due.
    let mut closed = ws.clone();
    for p in &mut Arc::make_mut(&mut closed.promotions).promotions.rows {
        p.status = PromotionStatus::Done;
    }
    assert!(steps_due(&closed, today()).is_empty());
}

// ------------------------------------------------------------ the whole flow

/// The demo plus two expenses and a won deal, each marked "测试", linked to nothing.
fn with_costs_and_a_deal() -> Workspace {
    let mut doc = Document::new(demo(60));
    let ws = doc.ws().clone();
    let category = ws.budget.categories.rows[0].id;
    let expense = |payee: &str, yuan| Expense {
        id: ExpenseId(0),
        date: day("2026-11-20"),
        category,
        amount: Money::from_major(yuan),
        payee: payee.into(),
        note: String::new(),
        link: None,
    };
    let mut deal = Deal {
        title: "测试体验会商机".into(),
        customer: ws.customers.customers.rows[0].id,
        owner: ws.deals.deals.rows[0].owner,
        amount: Money::from_major(300_000),
        ..Deal::new(Stage::Lead, day("2026-11-01"))
    };
    deal.history.push(StageEntry {
        stage: Stage::Won,
        date: day("2026-11-25"),
    });
    deal.stage = Stage::Won;
    doc.apply(
        Change::Batch(vec![
            Change::put(Record::Expense(expense("测试场地费", 30_000))),
            Change::put(Record::Expense(expense("测试物料费", 10_000))),
            Change::put(Record::Deal(deal)),
        ]),
        "add",
    )
    .unwrap();
    doc.ws().clone()
}

struct Words {
    new: &'static str,
    name: &'static str,
    budget: &'static str,
    leads_goal: &'static str,
    start: &'static str,
    end: &'static str,
    save: &'static str,
    step: &'static str,
    due: &'static str,
    add_step: &'static str,
    change: &'static str,
    save_step: &'static str,
    to_planned: &'static str,
    to_running: &'static str,
    to_done: &'static str,
    checklist: &'static str,
    item: &'static str,
    add_item: &'static str,
    links: &'static str,
    find_expenses: &'static str,
    link_expenses: &'static str,
    find_deals: &'static str,
    link_deals: &'static str,
    review: &'static str,
    compare: &'static str,
    copy: &'static str,
    all: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Zh => Words {
            new: "＋ 新建活动",
            name: "名称",
            budget: "预算（元）",
            leads_goal: "目标线索数",
            start: "开始日期",
            end: "结束日期",
            save: "保存",
            step: "步骤",
            due: "截止日期",
            add_step: "添加步骤",
            change: "修改",
            save_step: "保存步骤",
            to_planned: "确认计划",
            to_running: "开始执行",
            to_done: "结束活动",
            checklist: "执行清单",
            item: "事项",
            add_item: "添加事项",
            links: "费用与商机",
            find_expenses: "查找支出",
            link_expenses: "关联所选支出",
            find_deals: "查找商机",
            link_deals: "关联所选商机",
            review: "总结评估",
            compare: "活动对比",
            copy: "照此策划新活动",
            all: "← 全部活动",
        },
        Lang::En => Words {
            new: "＋ New event",
            name: "Name",
            budget: "Budget (¥)",
            leads_goal: "Leads goal",
            start: "Start",
            end: "End",
            save: "Save",
            step: "Step",
            due: "Due",
            add_step: "Add step",
            change: "Change",
            save_step: "Save step",
            to_planned: "Confirm the plan",
            to_running: "Start the event",
            to_done: "Close the event",
            checklist: "Checklist",
            item: "Item",
            add_item: "Add item",
            links: "Costs & deals",
            find_expenses: "Find expenses",
            link_expenses: "Link the chosen expenses",
            find_deals: "Find deals",
            link_deals: "Link the chosen deals",
            review: "Review",
            compare: "Compare events",
            copy: "Plan a new event like this one",
            all: "← All events",
        },
    }
}

/// Scrolls the node named `label` into view and clicks it.
fn click(h: &mut H, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Ticks the checkbox whose label contains `part`.
fn tick(h: &mut H, part: &str) {
    h.get_by(|n| n.label().is_some_and(|l| l.contains(part)))
        .scroll_to_me();
    h.run();
    h.get_by(|n| n.label().is_some_and(|l| l.contains(part)))
        .click();
    h.run();
}

fn ours(h: &H) -> Promotion {
    let ws = h.state().doc.ws();
    ws.promotions
        .promotions
        .iter()
        .find(|p| p.name == "测试体验会")
        .cloned()
        .expect("the event was saved")
}

fn promotion_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness_on(with_costs_and_a_deal(), lang, Page::Promotions);
    // Create and plan a demo day with a budget.
    click(&mut h, w.new);
    click(&mut h, PromotionKind::DemoDay.label(lang));
    set_text(&mut h, w.name, "测试体验会");
    set_text(&mut h, w.budget, "50000");
    set_text(&mut h, w.leads_goal, "10");
    set_text(&mut h, w.start, "2026-12-10");
    set_text(&mut h, w.end, "2026-12-10");
    click(&mut h, w.save);
    let p = ours(&h);
    assert_eq!(
        (p.kind, p.status, p.budget, p.leads_goal),
        (
            PromotionKind::DemoDay,
            PromotionStatus::Draft,
            Money::from_major(50_000),
            10
        )
    );
    // A step with a due date, then the plan is confirmed and the event starts.
    set_text(&mut h, w.step, "电话邀约");
    set_text(&mut h, w.due, "2026-12-01");
    click(&mut h, w.add_step);
    assert_eq!(ours(&h).steps[0].due, Some(day("2026-12-01")));
    // A step's date moved: the same step, changed in place.
    click(&mut h, w.change);
    set_text(&mut h, w.due, "2026-12-02");
    click(&mut h, w.save_step);
    let steps = ours(&h).steps;
    assert_eq!(steps.len(), 1);
    assert_eq!(
        (steps[0].text.as_str(), steps[0].due),
        ("电话邀约", Some(day("2026-12-02")))
    );
    click(&mut h, w.to_planned);
    click(&mut h, w.to_running);
    assert_eq!(ours(&h).status, PromotionStatus::Running);
    // The checklist: a venue item, ticked.
    click(&mut h, w.checklist);
    set_text(&mut h, w.item, "苏州会议中心");
    click(&mut h, w.add_item);
    tick(&mut h, "苏州会议中心");
    let p = ours(&h);
    assert_eq!(p.checklist.len(), 1);
    assert!(p.checklist[0].done, "ticked");
    assert_eq!(p.progress(), Some((1, 2)));
    // Two expenses and the won deal, linked in two steps.
    click(&mut h, w.links);
    set_text(&mut h, w.find_expenses, "测试");
    tick(&mut h, "测试场地费");
    tick(&mut h, "测试物料费");
    click(&mut h, w.link_expenses);
    set_text(&mut h, w.find_deals, "测试体验会商机");
    tick(&mut h, "测试体验会商机");
    click(&mut h, w.link_deals);
    let ws = h.state().doc.ws().clone();
    let me = Some(SourceRef::Promotion(ours(&h).id));
    assert_eq!(
        ws.budget.expenses.iter().filter(|e| e.link == me).count(),
        2
    );
    assert_eq!(ws.deals.deals.iter().filter(|d| d.source == me).count(), 1);
    // Close it and read its review: (300,000 − 40,000) ÷ 40,000 = 650 %, one lead.
    click(&mut h, w.to_done);
    assert_eq!(ours(&h).status, PromotionStatus::Done);
    click(&mut h, w.review);
    let f = event_figures_of(h.state().doc.ws(), ours(&h).id).unwrap();
    assert_eq!(f.roi(), Some(6.5));
    assert_eq!(f.cost_per_lead(), Some(4_000_000.0));
    h.get_by_label("650.0%");
    // Cost and cost per lead are both ¥40,000.00 here.
    assert_eq!(h.query_all_by_label("¥40,000.00").count(), 2);
    // It stands in the comparison with the demo's events.
    click(&mut h, w.compare);
    h.get_by_label("测试体验会");
    h.get_by_label("650.0%");
    // Plan the next one from it: a draft with the same step and checklist.
    click(&mut h, "测试体验会");
    click(&mut h, w.copy);
    click(&mut h, w.save);
    let copies: Vec<Promotion> = h
        .state()
        .doc
        .ws()
        .promotions
        .promotions
        .iter()
        .filter(|p| p.name == "测试体验会")
        .cloned()
        .collect();
    assert_eq!(copies.len(), 2);
    let next = &copies[1];
    assert_eq!(next.status, PromotionStatus::Draft);
    assert_eq!((next.steps.len(), next.checklist.len()), (1, 1));
    assert!(!next.checklist[0].done);
    assert_eq!(next.budget, Money::from_major(50_000));
    click(&mut h, w.all);
}

#[test]
fn an_event_planned_run_linked_closed_and_reviewed_zh() {
    promotion_flow(Lang::Zh);
}

#[test]
fn an_event_planned_run_linked_closed_and_reviewed_en() {
    promotion_flow(Lang::En);
}

// ------------------------------------------------------------ feedback collected, links

/// The demo with one interaction and one feedback entry linked to its first event.
fn with_feedback() -> (Workspace, PromotionId) {
    let mut doc = Document::new(demo(60));
    let ws = doc.ws().clone();
    let event = ws.promotions.promotions.rows[1].id;
    let customer = ws.customers.customers.rows[0].id;
    let i = Interaction {
        promotion: Some(event),
        note: "体验会现场演示后回访".into(),
        id: InteractionId(0),
        ..ws.customers.interactions.rows[0].clone()
    };
    let f = Feedback {
        id: FeedbackId(0),
        customer,
        kind: FeedbackKind::Suggestion,
        date: day("2026-11-20"),
        text: "希望增加行业案例".into(),
        status: FeedbackStatus::Open,
        resolution: String::new(),
        resolved_on: None,
        promotion: Some(event),
    };
    doc.apply(
        Change::Batch(vec![
            Change::put(Record::Interaction(i)),
            Change::put(Record::Feedback(f)),
        ]),
        "add",
    )
    .unwrap();
    (doc.ws().clone(), event)
}

#[test]
fn the_interactions_and_feedback_linked_to_an_event_show_as_its_feedback_collected() {
    let (ws, event) = with_feedback();
    let demo_ws = demo(60);
    let (i0, f0) = salesdesk::analytics::promotions::collected(&demo_ws, event);
    let (i, f) = salesdesk::analytics::promotions::collected(&ws, event);
    assert_eq!((i.len(), f.len()), (i0.len() + 1, f0.len() + 1));
    assert!(
        !i0.is_empty(),
        "the demo links interactions held at its events"
    );
    for (lang, tab) in [(Lang::Zh, "收集的反馈"), (Lang::En, "Feedback collected")] {
        let mut h = harness_on(ws.clone(), lang, Page::Promotions);
        h.state_mut().pages.promotions.selected = Some(event);
        h.run();
        click(&mut h, tab);
        // A label's text is its accessible value.
        for words in ["体验会现场演示后回访", "希望增加行业案例"] {
            let mut found = h.query_all_by(|n| n.value().is_some_and(|v| v.ends_with(words)));
            assert!(found.next().is_some(), "{words}");
        }
    }
}

#[test]
fn deleting_an_event_unlinks_its_feedback_and_expenses_but_deals_from_it_block_it() {
    let (ws, event) = with_feedback();
    let mut doc = Document::new(ws);
    let key = RecordKey::Promotion(event);
    if doc.ws().blockers(key) > 0 {
        // Deals and customers that came from the event keep it.
        let mut d = doc.ws().clone();
        let deals = Arc::make_mut(&mut d.deals);
        for x in &mut deals.deals.rows {
            x.source = None;
        }
        let customers = Arc::make_mut(&mut d.customers);
        for c in &mut customers.customers.rows {
            c.source = None;
        }
        doc = Document::new(d);
    }
    assert_eq!(doc.ws().blockers(key), 0);
    let change = doc.delete_with_dependents(key);
    doc.apply(change, "delete").unwrap();
    let ws = doc.ws();
    assert!(!ws.promotions.promotions.contains(event));
    let (i, f) = salesdesk::analytics::promotions::collected(ws, event);
    assert!(i.is_empty() && f.is_empty());
    assert_eq!(
        ws.customers
            .feedback
            .iter()
            .filter(|f| f.text == "希望增加行业案例")
            .count(),
        1,
        "the entry stays, unlinked"
    );
    assert!(
        ws.budget
            .expenses
            .iter()
            .all(|e| e.link != Some(SourceRef::Promotion(event)))
    );
}

// ------------------------------------------------------------ layout

#[test]
fn every_part_of_an_event_draws_in_both_languages_at_1024_by_700() {
    let ws = demo(60);
    let event = ws.promotions.promotions.rows[3].id;
    for lang in [Lang::Zh, Lang::En] {
        let w = words(lang);
        let mut h = harness_sized(
            ws.clone(),
            lang,
            Page::Promotions,
            egui::vec2(1024.0, 700.0),
        );
        // The list, grouped by kind.
        for p in ws.promotions.promotions.iter() {
            h.get_by_label(&p.name);
        }
        h.state_mut().pages.promotions.selected = Some(event);
        h.run();
        for tab in [w.checklist, w.links, w.review] {
            click(&mut h, tab);
        }
        click(&mut h, w.compare);
        let page = &mut h.state_mut().pages.promotions;
        page.tab = salesdesk::ui::promotions::Tab::Events;
        page.selected = None;
        h.run();
        click(&mut h, w.new);
        h.get_by_label(w.save);
    }
}

#[test]
fn an_interaction_logged_with_an_event_picked_is_feedback_collected_at_it() {
    let ws = demo(60);
    let event = ws.promotions.promotions.rows[3].clone();
    let customer = ws.customers.customers.rows[0].id;
    for lang in [Lang::Zh, Lang::En] {
        let (tab, log, note, pick, save) = match lang {
            Lang::Zh => ("客户互动", "＋ 记录互动", "内容", "关联活动", "保存"),
            Lang::En => (
                "Interactions",
                "＋ Log interaction",
                "Note",
                "Promotion event",
                "Save",
            ),
        };
        let mut h = harness_on(ws.clone(), lang, Page::Customers);
        h.state_mut().pages.customers.focus(customer);
        h.run();
        h.get_all_by_label(tab).next().unwrap().click();
        h.run();
        click(&mut h, log);
        set_text(&mut h, note, "试用现场的咨询");
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, pick)
            .click();
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Button, &event.name)
            .click();
        h.run();
        click(&mut h, save);
        let ws = h.state().doc.ws();
        let logged = ws
            .customers
            .interactions
            .iter()
            .find(|i| i.note == "试用现场的咨询")
            .expect("logged");
        assert_eq!(logged.promotion, Some(event.id));
        let (i, _) = salesdesk::analytics::promotions::collected(ws, event.id);
        assert!(i.iter().any(|x| x.id == logged.id));
    }
}

#[test]
fn deleting_a_member_leaves_their_plan_steps_without_an_owner() {
    let mut doc = Document::new(demo(60));
    let applied = doc
        .apply(
            Change::put(Record::Member(Member {
                id: MemberId(0),
                ..doc.ws().team.members.rows[0].clone()
            })),
            "add",
        )
        .unwrap();
    let RecordKey::Member(m) = applied.keys[0] else {
        panic!("a member")
    };
    let mut p = doc.ws().promotions.promotions.rows[4].clone();
    p.steps.push(PlanStep {
        text: "准备优惠说明".into(),
        owner: Some(m),
        due: Some(day("2026-12-01")),
        done: false,
    });
    let id = p.id;
    doc.apply(Change::put(Record::Promotion(p)), "step")
        .unwrap();
    assert_eq!(doc.ws().blockers(RecordKey::Member(m)), 0);
    let change = doc.delete_with_dependents(RecordKey::Member(m));
    doc.apply(change, "delete").unwrap();
    let p = doc.ws().promotions.promotions.get(id).unwrap();
    let step = p.steps.iter().find(|s| s.text == "准备优惠说明").unwrap();
    assert_eq!(step.owner, None, "the step stays, without an owner");
    doc.undo();
    let p = doc.ws().promotions.promotions.get(id).unwrap();
    assert!(
        p.steps.iter().any(|s| s.owner == Some(m)),
        "undo gives it back"
    );
}

/// The checklist's bar counts the plan steps with the items, and says so (it read
/// "5 of 7 done" over a list of four items).
#[test]
fn the_checklist_bar_says_it_counts_the_steps_with_the_items() {
    let ws = demo(60);
    let p = ws
        .promotions
        .promotions
        .iter()
        .find(|p| !p.steps.is_empty() && !p.checklist.is_empty())
        .expect("a demo event with steps and items")
        .clone();
    let (done, all) = p.progress().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let w = words(lang);
        let mut h = harness_on(ws.clone(), lang, Page::Promotions);
        h.state_mut().pages.promotions.selected = Some(p.id);
        h.run();
        click(&mut h, w.checklist);
        let said = salesdesk::ui::promotions::Text::progress(lang, done, all);
        let part = match lang {
            Lang::Zh => "计划步骤与清单",
            Lang::En => "Steps and checklist",
        };
        assert!(said.contains(part), "{said}");
        assert!(h.query_all_by_label_contains(&said).count() >= 1, "{said}");
    }
}

/// A new event saved with its name empty: the name field, scrolled away while the user
/// reached Save, comes back into view and takes the focus ("fix the marked fields"
/// points at something the user can see).
fn empty_name_check(lang: Lang) {
    let w = words(lang);
    let mut h = harness_sized(demo(60), lang, Page::Promotions, egui::vec2(1024.0, 700.0));
    click(&mut h, w.new);
    set_text(&mut h, w.name, "");
    // Down to Save, at the foot of the long form: the name is out of sight.
    h.get_by_label(w.save).scroll_to_me();
    h.run();
    // The page's tabs sit above its scrolling part.
    let top = h.get_by_label(w.compare).rect().max.y;
    let name_top = input(&h, w.name).rect().min.y;
    assert!(
        name_top < top,
        "{lang:?}: the name field scrolled away ({name_top} < {top})"
    );
    h.get_by_label(w.save).click();
    h.run();
    h.run();
    let fix = salesdesk::i18n::T::FixErrors.get(lang);
    h.get_by_label(fix);
    let name = input(&h, w.name);
    let r = name.rect();
    assert!(
        r.min.y >= top && r.max.y <= 700.0,
        "{lang:?}: the marked name field is in view ({r:?})"
    );
    assert!(
        name.is_focused(),
        "{lang:?}: the marked name field has the focus"
    );
}

#[test]
fn an_event_saved_without_a_name_scrolls_to_the_name_and_focuses_it_zh() {
    empty_name_check(Lang::Zh);
}

#[test]
fn an_event_saved_without_a_name_scrolls_to_the_name_and_focuses_it_en() {
    empty_name_check(Lang::En);
}

/// An event that 300 deals or more came from: its Links section draws a scrollable list of
/// ten of them, not all 300 (each frame drew every one: 50 ms at 100k deals), and Unlink
/// on a row in view still unlinks that deal.
#[test]
fn an_event_with_hundreds_of_deals_lists_a_screenful_and_unlinks_the_one_clicked() {
    let mut ws = demo(400);
    let event = ws.promotions.promotions.rows[1].id;
    let me = Some(SourceRef::Promotion(event));
    let d = Arc::make_mut(&mut ws.deals);
    for deal in d.deals.rows.iter_mut().take(300) {
        deal.source = me;
    }
    let from_event = |ws: &Workspace| ws.deals.deals.iter().filter(|d| d.source == me).count();
    let n = from_event(&ws);
    assert!(n >= 300, "{n}");
    for (lang, unlink, deals) in [
        (Lang::Zh, "取消关联", "关联的商机"),
        (Lang::En, "Unlink", "Linked deals"),
    ] {
        let size = egui::vec2(1440.0, 1400.0);
        let mut h = harness_sized(ws.clone(), lang, Page::Promotions, size);
        h.state_mut().pages.promotions.selected = Some(event);
        h.state_mut().pages.promotions.section = salesdesk::ui::promotions::Section::Links;
        h.run();
        let shown = h.query_all_by_label(unlink).count();
        assert!(
            (1..=24).contains(&shown),
            "{lang:?}: {shown} Unlink buttons drawn for 300 linked deals"
        );
        // The first row of the deals' list, under its heading.
        let below = h.get_by_label(deals).rect().max.y;
        h.query_all_by_label(unlink)
            .filter(|n| n.rect().min.y > below)
            .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
            .expect("a deal's Unlink in view")
            .click();
        h.run();
        assert_eq!(from_event(h.state().doc.ws()), n - 1, "{lang:?}");
    }
    // At 1024×700, low on the page: a list of ten rows (it shrank to 64 px, under
    // three), each Unlink inside the window (a long English line pushed it past the
    // edge), and the finder counts what is ticked as selected, not "linked".
    for (lang, unlink, deals, selected) in [
        (Lang::Zh, "取消关联", "关联的商机", "已选 1 条"),
        (Lang::En, "Unlink", "Linked deals", "1 selected"),
    ] {
        let size = egui::vec2(1024.0, 700.0);
        let mut h = harness_sized(ws.clone(), lang, Page::Promotions, size);
        h.state_mut().pages.promotions.selected = Some(event);
        h.state_mut().pages.promotions.section = salesdesk::ui::promotions::Section::Links;
        h.run();
        let below = h.get_by_label(deals).rect().max.y;
        let rows: Vec<egui::Rect> = h
            .query_all_by_label(unlink)
            .map(|n| n.rect())
            .filter(|r| r.min.y > below)
            .collect();
        assert!(
            rows.len() >= 10,
            "{lang:?}: {} deal rows in view",
            rows.len()
        );
        for r in &rows {
            assert!(r.max.x <= size.x, "{lang:?}: an Unlink ends at {}", r.max.x);
        }
        let first = h
            .query_all_by_role(egui::accesskit::Role::CheckBox)
            .next()
            .expect("a finder's candidate");
        first.click();
        h.run();
        h.get_by_label(selected);
    }
}
