//! Performance: targets, KPIs, reviews, commission plans and coaching notes.

use super::*;

/// How much of the team target each role carries.
fn target_weight(role: Role) -> f64 {
    match role {
        Role::KeyAccountManager => 1.6,
        Role::SeniorRep => 1.3,
        Role::TeamLead => 1.2,
        _ => 1.0,
    }
}

/// Month factors: a slow February, a strong year end.
const SEASON: [f64; 12] = [
    0.85, 0.7, 0.95, 1.0, 1.0, 1.05, 0.95, 0.95, 1.05, 1.05, 1.15, 1.3,
];

pub(super) fn gen_performance(
    rng: &mut Rng,
    members: &Table<Member>,
    deals: &Table<Deal>,
    customers: &CustomersFile,
    today: NaiveDate,
) -> PerformanceFile {
    let year_ago = add_days(today, -365);
    // A stretch target: 10 % above what the team actually won per month last year.
    let won = won_revenue_since(deals, year_ago);
    let team_month = (won.0 as f64 / 12.0 * 1.1).max(10_000_000.0);
    let kpis = gen_kpis(members, deals, customers, team_month, year_ago);
    PerformanceFile {
        targets: table(gen_targets(members, team_month, today)),
        reviews: table(gen_reviews(rng, members, &kpis, today)),
        kpis: table(kpis),
        commission_plans: table(gen_commission_plans(members)),
        notes: table(gen_coaching_notes(rng, members, today)),
        forecast_adjustments: table(gen_forecast_adjustments(members, today)),
    }
}

/// One adjustment of this quarter's forecast, as a manager makes when a rep's big deal
/// is known to slip (no random draw, so the rest of the demo stays as it was).
fn gen_forecast_adjustments(members: &Table<Member>, today: NaiveDate) -> Vec<ForecastAdjustment> {
    let Some(rep) = members.iter().find(|m| sells(m.role)) else {
        return Vec::new();
    };
    let quarter = (today.month() - 1) / 3 + 1;
    vec![ForecastAdjustment {
        id: ForecastAdjustmentId(1),
        member: rep.id,
        period: Period::quarter(today.year(), quarter),
        amount: Money::from_major(-50_000),
        note: "大单客户预算推迟，预计下季度签约".into(),
    }]
}

/// Monthly targets for last year and this year: each rep's, then the team's as their sum.
fn gen_targets(members: &Table<Member>, team_month: f64, today: NaiveDate) -> Vec<Target> {
    let reps: Vec<&Member> = members.iter().filter(|m| sells(m.role)).collect();
    let total_weight: f64 = reps.iter().map(|m| target_weight(m.role)).sum();
    let mut rows = Vec::new();
    for (year, growth) in [(today.year() - 1, 0.9), (today.year(), 1.0)] {
        for month in 1..=12u32 {
            let period = Period::month(year, month);
            let month_total = team_month * SEASON[month as usize - 1] * growth;
            let mut team = Money::ZERO;
            for m in &reps {
                let amount = round_to(month_total * target_weight(m.role) / total_weight, 10_000);
                team += amount;
                rows.push(Target {
                    id: TargetId(0),
                    member: Some(m.id),
                    period,
                    amount,
                    stretch: None,
                    challenge: None,
                });
            }
            rows.push(Target {
                id: TargetId(0),
                member: None,
                period,
                amount: team,
                // The team sets itself a stretch and a challenge above the target.
                stretch: Some(round_to(month_total * 1.15, 10_000)),
                challenge: Some(round_to(month_total * 1.3, 10_000)),
            });
        }
    }
    for (i, t) in rows.iter_mut().enumerate() {
        t.id = TargetId(i as u64 + 1);
    }
    rows
}

fn gen_kpis(
    members: &Table<Member>,
    deals: &Table<Deal>,
    customers: &CustomersFile,
    team_month: f64,
    year_ago: NaiveDate,
) -> Vec<Kpi> {
    let reps = members.iter().filter(|m| sells(m.role)).count().max(1) as f64;
    let won_count = deals
        .iter()
        .filter(|d| d.stage == Stage::Won && d.stage_since() >= year_ago)
        .count() as f64;
    let per_rep_month = |total: f64| ((total / 12.0 / reps) * 1.1).ceil().max(1.0) as i64;
    let new_customers = customers
        .customers
        .iter()
        .filter(|c| c.created >= year_ago)
        .count();
    let interactions = customers
        .interactions
        .iter()
        .filter(|i| i.date >= year_ago)
        .count();
    let specs = [
        (
            "销售额",
            KpiMetric::Revenue,
            round_to(team_month / reps, 10_000).0,
            40,
        ),
        (
            "成交单数",
            KpiMetric::DealsWon,
            per_rep_month(won_count),
            20,
        ),
        ("赢单率", KpiMetric::WinRate, 35, 15),
        (
            "新客户数",
            KpiMetric::NewCustomers,
            per_rep_month(new_customers as f64),
            15,
        ),
        (
            "客户互动次数",
            KpiMetric::Interactions,
            per_rep_month(interactions as f64),
            10,
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (name, metric, monthly_target, weight))| Kpi {
            id: KpiId(i as u64 + 1),
            name: name.into(),
            metric,
            monthly_target,
            weight,
            active: true,
            manual_scores: Vec::new(),
        })
        .collect()
}

const STRENGTHS: [&str; 4] = [
    "客户关系维护扎实，老客户续约率高。",
    "方案讲解清晰，报价阶段推进快。",
    "积极主动，新客户开拓数量领先。",
    "团队协作好，乐于分享经验。",
];
const IMPROVEMENTS: [&str; 4] = [
    "需求分析阶段提问不够深入。",
    "商务谈判让步过快，折扣偏大。",
    "跟进记录不够及时。",
    "大客户的高层关系需要加强。",
];

/// Reviews of the last three quarters: older ones mostly done (a few overdue), the
/// current ones open, plus two monthly check reviews due within days.
fn gen_reviews(
    rng: &mut Rng,
    members: &Table<Member>,
    kpis: &[Kpi],
    today: NaiveDate,
) -> Vec<Review> {
    let current = quarter_of(today);
    let last = previous_quarter(current);
    let before = previous_quarter(last);
    let mut rows = Vec::new();
    for (qi, (year, q)) in [before, last, current].into_iter().enumerate() {
        let period = Period::quarter(year, q);
        let due = add_days(period.end, 15);
        for (i, m) in members.iter().enumerate() {
            let done = match qi {
                0 => i % 5 != 1,
                1 => i % 3 != 2,
                _ => false,
            };
            let completed = done.then(|| day_between(rng, add_days(period.end, 1), due.min(today)));
            rows.push(review(rng, rows.len(), m.id, period, due, completed, kpis));
        }
    }
    let month = Period::month(today.year(), today.month()).previous();
    for m in members.iter().take(2) {
        let due = add_days(today, rng.range(2, 7));
        rows.push(review(rng, rows.len(), m.id, month, due, None, kpis));
    }
    agree_actions(&mut rows, today);
    rows
}

const ACTIONS: [&str; 4] = [
    "每周补全跟进记录",
    "陪同拜访两家重点客户",
    "复盘三个丢单原因",
    "整理报价谈判话术",
];

/// Each completed review agrees one action three weeks after it: those already due are
/// mostly done, a few still open (so the agenda and the Dashboard show some). No random
/// draw, so the rest of the demo stays as it was.
fn agree_actions(rows: &mut [Review], today: NaiveDate) {
    for (i, r) in rows.iter_mut().enumerate() {
        let Some(done_on) = r.completed else { continue };
        let due = add_days(done_on, 21);
        r.actions.push(AgreedAction {
            text: ACTIONS[i % ACTIONS.len()].into(),
            due,
            done: due < today && i % 3 != 0,
        });
    }
}

fn review(
    rng: &mut Rng,
    index: usize,
    member: MemberId,
    period: Period,
    due: NaiveDate,
    completed: Option<NaiveDate>,
    kpis: &[Kpi],
) -> Review {
    let mut r = Review {
        id: ReviewId(index as u64 + 1),
        member,
        period,
        due,
        completed,
        scores: Vec::new(),
        rating: None,
        strengths: String::new(),
        improvements: String::new(),
        notes: String::new(),
        actions: Vec::new(),
    };
    if completed.is_some() {
        r.scores = kpis
            .iter()
            .map(|k| (k.id, rng.range(55, 100) as u8))
            .collect();
        let avg = r.scores.iter().map(|(_, s)| *s as u32).sum::<u32>() / r.scores.len() as u32;
        r.rating = Some(match avg {
            90.. => 5,
            80..90 => 4,
            70..80 => 3,
            60..70 => 2,
            _ => 1,
        });
        r.strengths = rng.pick(&STRENGTHS).to_string();
        r.improvements = rng.pick(&IMPROVEMENTS).to_string();
        r.notes = "已在一对一面谈中沟通，双方认可。".into();
    }
    r
}

/// A standard plan for reps and an accelerated one for key accounts and team leads.
fn gen_commission_plans(members: &Table<Member>) -> Vec<CommissionPlan> {
    let key = |r: Role| matches!(r, Role::KeyAccountManager | Role::TeamLead);
    let of = |f: &dyn Fn(Role) -> bool| -> Vec<MemberId> {
        members
            .iter()
            .filter(|m| sells(m.role) && f(m.role))
            .map(|m| m.id)
            .collect()
    };
    let tier = |from_attainment_pct, rate_bp| CommissionTier {
        from_attainment_pct,
        rate_bp,
    };
    vec![
        CommissionPlan {
            id: CommissionPlanId(1),
            name: "标准提成方案".into(),
            tiers: vec![tier(0, 200), tier(80, 300), tier(100, 450), tier(120, 600)],
            members: of(&|r| !key(r)),
            notes: "按季度核算，完成率越高提成比例越高。".into(),
            mode: CommissionMode::WholeAmount,
            threshold_pct: Some(50),
            cap: None,
            accelerator_pct: None,
        },
        CommissionPlan {
            id: CommissionPlanId(2),
            name: "大客户提成方案".into(),
            tiers: vec![tier(0, 150), tier(100, 350), tier(130, 500)],
            members: of(&key),
            notes: "大客户项目周期长，按年度核算，超额部分加速。".into(),
            mode: CommissionMode::Marginal,
            threshold_pct: Some(60),
            cap: Some(Money::from_major(200_000)),
            accelerator_pct: Some(150),
        },
    ]
}

/// (kind, topic, note)
const NOTE_TEMPLATES: [(NoteKind, &str, &str); 10] = [
    (
        NoteKind::Coaching,
        "需求分析提问技巧",
        "一起复盘了上周的客户拜访，练习用开放式问题挖掘痛点。",
    ),
    (
        NoteKind::Coaching,
        "报价谈判模拟",
        "角色扮演采购经理压价，练习守住底线、用价值换价格。",
    ),
    (
        NoteKind::OneOnOne,
        "月度一对一",
        "聊了本月目标进度和遇到的困难，约定下周一起拜访重点客户。",
    ),
    (
        NoteKind::OneOnOne,
        "职业发展沟通",
        "对方希望向大客户经理方向发展，安排跟进两个集团客户。",
    ),
    (
        NoteKind::Feedback,
        "跟进记录及时性",
        "坦诚指出跟进记录滞后的问题，对方表示接受并当周改进。",
    ),
    (
        NoteKind::Feedback,
        "周会表现",
        "周会上的案例分享很有启发，建议下次控制在十分钟内。",
    ),
    (
        NoteKind::Recognition,
        "签下季度最大单",
        "在团队群里公开表扬，并推荐为月度之星。",
    ),
    (
        NoteKind::Recognition,
        "帮助新人",
        "主动带新同事跑客户，在周会上致谢。",
    ),
    (
        NoteKind::TeamBuilding,
        "季度团建",
        "郊外徒步和晚餐，大家反馈很放松，增进了区域间的了解。",
    ),
    (
        NoteKind::TeamBuilding,
        "销售技能分享会",
        "每人分享一个成交故事，整理成团队案例库。",
    ),
];

/// Two to four notes per member (the first cycles through every kind), plus team notes.
fn gen_coaching_notes(
    rng: &mut Rng,
    members: &Table<Member>,
    today: NaiveDate,
) -> Vec<CoachingNote> {
    let mut rows = Vec::new();
    for (i, m) in members.iter().enumerate() {
        for k in 0..rng.range(2, 4) as usize {
            let template = if k == 0 {
                NOTE_TEMPLATES[(i % NoteKind::ALL.len()) * 2]
            } else {
                *rng.pick(&NOTE_TEMPLATES[..8])
            };
            rows.push(coaching_note(rng, rows.len(), Some(m.id), template, today));
        }
    }
    for template in [NOTE_TEMPLATES[8], NOTE_TEMPLATES[9]] {
        rows.push(coaching_note(rng, rows.len(), None, template, today));
    }
    rows
}

fn coaching_note(
    rng: &mut Rng,
    index: usize,
    member: Option<MemberId>,
    (kind, topic, note): (NoteKind, &str, &str),
    today: NaiveDate,
) -> CoachingNote {
    let date = add_days(today, -rng.range(0, 180));
    CoachingNote {
        id: CoachingNoteId(index as u64 + 1),
        member,
        date,
        kind,
        topic: topic.into(),
        note: note.into(),
        follow_up: rng.chance(40).then(|| add_days(date, rng.range(7, 30))),
    }
}
