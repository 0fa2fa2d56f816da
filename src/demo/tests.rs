use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
}

fn demo() -> Workspace {
    generate(42, DemoSize::DEFAULT, today())
}

/// Every record of the workspace, wrapped for the generic checks.
pub(super) fn all_records(ws: &Workspace) -> Vec<Record> {
    let mut v = Vec::new();
    v.extend(ws.team.members.iter().cloned().map(Record::Member));
    v.extend(ws.team.events.iter().cloned().map(Record::TeamEvent));
    let p = &ws.performance;
    v.extend(p.targets.iter().cloned().map(Record::Target));
    v.extend(p.kpis.iter().cloned().map(Record::Kpi));
    v.extend(p.reviews.iter().cloned().map(Record::Review));
    v.extend(
        p.commission_plans
            .iter()
            .cloned()
            .map(Record::CommissionPlan),
    );
    v.extend(p.notes.iter().cloned().map(Record::CoachingNote));
    let c = &ws.customers;
    v.extend(c.customers.iter().cloned().map(Record::Customer));
    v.extend(c.contacts.iter().cloned().map(Record::Contact));
    v.extend(c.interactions.iter().cloned().map(Record::Interaction));
    v.extend(c.feedback.iter().cloned().map(Record::Feedback));
    v.extend(c.loyalty_ledger.iter().cloned().map(Record::LoyaltyEntry));
    v.extend(ws.deals.deals.iter().cloned().map(Record::Deal));
    let m = &ws.marketing;
    v.extend(m.research.iter().cloned().map(Record::Research));
    v.extend(m.segments.iter().cloned().map(Record::Segment));
    v.extend(m.channels.iter().cloned().map(Record::Channel));
    v.extend(m.content.iter().cloned().map(Record::Content));
    v.extend(m.plans.iter().cloned().map(Record::MarketingPlan));
    v.extend(m.market_sizes.iter().cloned().map(Record::MarketSize));
    v.extend(
        ws.promotions
            .promotions
            .iter()
            .cloned()
            .map(Record::Promotion),
    );
    let b = &ws.budget;
    v.extend(b.categories.iter().cloned().map(Record::BudgetCategory));
    v.extend(b.lines.iter().cloned().map(Record::BudgetLine));
    v.extend(b.expenses.iter().cloned().map(Record::Expense));
    let me = &ws.me;
    v.extend(me.goals.iter().cloned().map(Record::CareerGoal));
    v.extend(me.learning.iter().cloned().map(Record::LearningItem));
    v.extend(me.tasks.iter().cloned().map(Record::Task));
    v.extend(me.check_ins.iter().cloned().map(Record::StressCheckIn));
    v
}

#[test]
fn same_seed_gives_the_same_workspace_and_another_seed_a_different_one() {
    assert_eq!(demo(), demo());
    assert_ne!(demo(), generate(43, DemoSize::DEFAULT, today()));
}

#[test]
fn every_record_is_valid_and_its_references_resolve() {
    let ws = demo();
    assert!(ws.settings.demo);
    assert!(ws.settings.validate().is_empty());
    assert!(ws.team.setup.validate().is_empty());
    assert!(ws.customers.loyalty.validate().is_empty());
    for r in all_records(&ws) {
        assert!(r.validate().is_empty(), "{:?}: {:?}", r.key(), r.validate());
        let refs = ws.check_references(&r);
        assert!(refs.is_empty(), "{:?}: {:?}", r.key(), refs);
    }
}

#[test]
fn tables_are_in_id_order_with_next_id_past_the_last() {
    let ws = demo();
    let mut repaired = ws.clone();
    repaired.repair_tables();
    assert_eq!(ws, repaired);
}

#[test]
fn default_size_has_every_stage_and_every_lost_reason() {
    let ws = demo();
    let deals = &ws.deals.deals;
    assert_eq!(deals.len(), 400);
    for s in Stage::ALL {
        assert!(deals.iter().any(|d| d.stage == s), "no deal in {s:?}");
    }
    for r in LostReason::ALL {
        assert!(
            deals
                .iter()
                .any(|d| d.lost.as_ref().is_some_and(|l| l.reason == r)),
            "no deal lost for {r:?}"
        );
    }
}

#[test]
fn deal_histories_follow_the_process() {
    let ws = demo();
    for d in ws.deals.deals.iter() {
        let stages: Vec<Stage> = d.history.iter().map(|h| h.stage).collect();
        let open: Vec<Stage> = stages.iter().copied().filter(|s| s.is_open()).collect();
        assert_eq!(open, Stage::OPEN[..open.len()].to_vec(), "deal {}", d.id);
        assert!(d.history.iter().all(|h| h.date <= today()));
        assert!(d.last_activity >= d.stage_since() && d.last_activity <= today());
        assert_eq!(d.region, ws.team.members.get(d.owner).unwrap().region);
        assert!((5_000_000..=80_000_000).contains(&d.amount.0));
    }
    let stale = ws.deals.deals.iter().filter(|d| {
        d.stage.open_index().is_some_and(|i| {
            days_between(d.last_activity, today()) > ws.settings.stale_days[i] as i64
        })
    });
    assert!(stale.count() > 0, "some open deals should be stale");
    assert!(ws.deals.deals.iter().any(|d| d.close_slips > 0));
}

#[test]
fn follow_ups_are_due_today_and_overdue() {
    let ws = demo();
    let open = |i: &&Interaction| !i.follow_up_done;
    let its = ws.customers.interactions.iter();
    let due_today = its
        .clone()
        .filter(open)
        .filter(|i| i.follow_up == Some(today()));
    let overdue = its
        .clone()
        .filter(open)
        .filter(|i| i.follow_up.is_some_and(|f| f < today()));
    assert!(due_today.count() >= 3);
    assert!(overdue.count() >= 3);
    assert!(its.filter(|i| i.follow_up_done).count() > 20);
}

#[test]
fn nothing_happened_after_today() {
    let ws = demo();
    let t = today();
    assert!(ws.budget.expenses.iter().all(|e| e.date <= t));
    assert!(ws.customers.interactions.iter().all(|i| i.date <= t));
    assert!(ws.customers.customers.iter().all(|c| c.created <= t));
    assert!(ws.customers.loyalty_ledger.iter().all(|l| l.date <= t));
    assert!(
        ws.customers
            .feedback
            .iter()
            .all(|f| f.resolved_on.is_none_or(|d| d <= t))
    );
    assert!(
        ws.performance
            .reviews
            .iter()
            .all(|r| r.completed.is_none_or(|d| d <= t))
    );
    assert!(ws.me.check_ins.iter().all(|c| c.date <= t));
}

#[test]
fn customer_names_are_unique() {
    let ws = generate(7, DemoSize { deals: 20_000 }, today());
    let mut names: Vec<&str> = ws
        .customers
        .customers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let n = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), n);
}

#[test]
fn targets_kpis_and_feedback_are_consistent() {
    let ws = demo();
    let p = &ws.performance;
    let weights: u32 = p
        .kpis
        .iter()
        .filter(|k| k.active)
        .map(|k| k.weight as u32)
        .sum();
    assert_eq!(weights, 100);
    for team in p.targets.iter().filter(|t| t.member.is_none()) {
        let reps: Money = p
            .targets
            .iter()
            .filter(|t| t.member.is_some() && t.period == team.period)
            .map(|t| t.amount)
            .sum();
        assert_eq!(team.amount, reps);
    }
    assert_eq!(p.targets.iter().filter(|t| t.member.is_none()).count(), 24);
    for kind in NoteKind::ALL {
        assert!(p.notes.iter().any(|n| n.kind == kind), "no {kind:?} note");
    }
    assert!(
        p.reviews
            .iter()
            .any(|r| r.completed.is_none() && r.due < today())
    );
    for s in FeedbackStatus::ALL {
        assert!(ws.customers.feedback.iter().any(|f| f.status == s));
    }
}

#[test]
fn some_budget_category_is_near_its_plan_to_date() {
    let ws = demo();
    let t = today();
    let b = &ws.budget;
    let near = b.lines.iter().filter(|l| l.year == t.year()).any(|l| {
        let plan: Money = (1..=t.month()).map(|m| l.month_plan(m)).sum();
        let spent: Money = b
            .expenses
            .iter()
            .filter(|e| e.category == l.category && e.date.year() == t.year())
            .map(|e| e.amount)
            .sum();
        spent.0 as f64 >= plan.0 as f64 * 0.9
    });
    assert!(near);
    assert!(
        b.expenses
            .iter()
            .any(|e| matches!(e.link, Some(SourceRef::Promotion(_))))
    );
    assert!(
        b.expenses
            .iter()
            .any(|e| matches!(e.link, Some(SourceRef::Channel(_))))
    );
}

#[test]
fn size_scales_the_workspace() {
    let ws = generate(1, DemoSize { deals: 1_000 }, today());
    assert_eq!(ws.deals.deals.len(), 1_000);
    assert_eq!(ws.customers.customers.len(), 375);
    let small = generate(1, DemoSize { deals: 10 }, today());
    assert_eq!(small.deals.deals.len(), 10);
    assert!(all_records(&small).iter().all(|r| r.validate().is_empty()));
}
