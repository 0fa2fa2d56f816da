//! Me: goals with milestones, learning, tasks, stress check-ins, self-assessments, the
//! industry network, the week planner and last week's review.

use super::*;

pub(super) fn gen_me(
    rng: &mut Rng,
    today: NaiveDate,
    customers: &CustomersFile,
    performance: &PerformanceFile,
) -> MeFile {
    let mut me = MeFile {
        goals: table(gen_goals(today)),
        learning: table(gen_learning(today)),
        tasks: table(gen_tasks(today)),
        check_ins: table(gen_check_ins(rng, today)),
        ..MeFile::default()
    };
    grow_me(&mut me, rng, customers, performance, today);
    me
}

fn gen_goals(today: NaiveDate) -> Vec<CareerGoal> {
    let specs = [
        (
            "两年内晋升为大区销售总监",
            GoalArea::Career,
            "公司三年营收翻番战略",
            540,
            35,
        ),
        (
            "完成MBA核心课程",
            GoalArea::Learning,
            "管理层人才梯队建设",
            300,
            50,
        ),
        (
            "培养两名能独当一面的骨干",
            GoalArea::Leadership,
            "区域团队自主经营",
            240,
            40,
        ),
        (
            "在行业峰会做一次主题分享",
            GoalArea::Network,
            "提升品牌在制造业的影响力",
            150,
            20,
        ),
        (
            "团队年度目标完成率超过100%",
            GoalArea::Career,
            "年度经营计划",
            200,
            65,
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (title, area, aligned, days, progress))| CareerGoal {
            id: GoalId(i as u64 + 1),
            title: title.into(),
            area,
            aligned_with: aligned.into(),
            target_date: Some(add_days(today, days)),
            progress,
            notes: String::new(),
            milestones: Vec::new(),
            target: None,
        })
        .collect()
}

fn gen_learning(today: NaiveDate) -> Vec<LearningItem> {
    let specs = [
        (
            "《销售管理》（第二版）",
            LearningKind::Book,
            Progress::Done,
            20,
            Some(60),
        ),
        (
            "顾问式销售高级课程",
            LearningKind::Course,
            Progress::InProgress,
            32,
            None,
        ),
        (
            "项目管理专业认证",
            LearningKind::Certification,
            Progress::Planned,
            60,
            None,
        ),
        (
            "中国制造业数字化大会",
            LearningKind::Conference,
            Progress::Done,
            16,
            Some(100),
        ),
        (
            "与大区总监的月度导师对话",
            LearningKind::Mentoring,
            Progress::InProgress,
            12,
            None,
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (title, kind, status, hours, done_ago))| LearningItem {
            id: LearningId(i as u64 + 1),
            title: title.into(),
            kind,
            status,
            hours,
            completed: done_ago.map(|d| add_days(today, -d)),
            notes: String::new(),
            started: None,
        })
        .collect()
}

fn gen_tasks(today: NaiveDate) -> Vec<Task> {
    // (title, due in days, urgent, important, done)
    let specs = [
        ("提交本月销售预测", 1, true, true, false),
        ("准备季度经营分析会材料", 5, false, true, false),
        ("审批年中签约季折扣政策", 0, true, true, false),
        ("与华南区新人一对一", 3, false, true, false),
        ("回复市场部展会物料邮件", 1, true, false, false),
        ("整理报销单据", 7, false, false, false),
        ("更新团队案例库", 14, false, true, false),
        ("确认体验会场地合同", -3, true, true, true),
        ("完成上季度绩效评估", -10, true, true, true),
        ("参加集团战略宣讲会", -6, false, false, true),
        ("梳理停滞商机清单", -1, true, true, false),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (title, due, urgent, important, done))| Task {
            id: TaskId(i as u64 + 1),
            title: title.into(),
            due: Some(add_days(today, due)),
            urgent,
            important,
            done,
            notes: String::new(),
            moved_later: 0,
            focus_on: None,
            done_on: None,
        })
        .collect()
}

const CHECK_IN_NOTES: [&str; 5] = [
    "",
    "月底冲业绩，加班较多。",
    "状态不错。",
    "睡眠不足，需要调整。",
    "周末陪家人，恢复了精力。",
];

/// Twice a week over the last twelve weeks, busier towards month ends.
fn gen_check_ins(rng: &mut Rng, today: NaiveDate) -> Vec<StressCheckIn> {
    let mut rows = Vec::new();
    for k in (0..24).rev() {
        let date = add_days(today, -(k * 7 / 2) - rng.range(0, 1));
        let month_end = date.day() >= 25;
        let stress = (rng.range(1, 3) + month_end as i64).min(5) as u8;
        rows.push(StressCheckIn {
            id: CheckInId(rows.len() as u64 + 1),
            date,
            stress,
            energy: (6 - stress as i64 - rng.range(0, 1)).clamp(1, 5) as u8,
            sleep_hours: rng.range(5, 8) as u8,
            note: rng.pick(&CHECK_IN_NOTES).to_string(),
            stressors: Vec::new(),
            helped: String::new(),
        });
    }
    rows
}

// Me, beyond the four tables above (schema 2): milestones and a goal that follows the
// team's target, stressors and what helped, moved and focused tasks, self-assessments,
// the industry network, the week planner and last week's review. Deterministic for a
// seed: the numbers come from the Me stream.

/// Fills the Me sections added after schema 2 so a newcomer sees each one alive.
fn grow_me(
    me: &mut MeFile,
    rng: &mut Rng,
    customers: &CustomersFile,
    performance: &PerformanceFile,
    today: NaiveDate,
) {
    let monday = add_days(today, -(today.weekday().num_days_from_monday() as i64));
    // Goals: milestones; the team goal follows last month's team target.
    let steps: [&[(&str, i64, bool)]; 5] = [
        &[
            ("带出一个业绩第一的小组", -60, true),
            ("主导一次跨区域项目", 120, false),
            ("完成晋升答辩", 400, false),
        ],
        &[
            ("完成战略管理模块", -30, true),
            ("完成财务管理模块", 90, false),
            ("毕业论文开题", 200, false),
        ],
        &[
            ("为骨干制定成长计划", -45, true),
            ("每月一对一辅导", 60, false),
        ],
        &[("确定分享主题", 20, false), ("提交演讲稿", 100, false)],
        &[("季度复盘会", 30, false)],
    ];
    let team_target = performance
        .targets
        .iter()
        .find(|t| t.member.is_none() && t.period.contains(add_days(today, -31)))
        .map(|t| t.id);
    for (g, steps) in me.goals.rows.iter_mut().zip(steps) {
        g.milestones = steps
            .iter()
            .map(|(title, days, done)| Milestone {
                title: (*title).into(),
                due: Some(add_days(today, *days)),
                done: *done,
            })
            .collect();
    }
    if let Some(g) = me.goals.rows.get_mut(4) {
        g.target = team_target;
    }
    // Learning: when each began.
    for (l, began) in me.learning.rows.iter_mut().zip([150, 40, 10, 101, 200]) {
        l.started = Some(add_days(today, -began));
    }
    // Tasks: one keeps slipping, two are today's focus, done ones are dated.
    for t in me.tasks.rows.iter_mut() {
        t.done_on = t.done.then_some(t.due).flatten();
        match t.id.0 {
            7 => t.moved_later = 3,
            2 => t.moved_later = 1,
            1 | 3 => t.focus_on = Some(today),
            _ => {}
        }
    }
    // Check-ins: stressors and what helped; the last three weeks rise, so the gentle
    // note shows.
    const STRESSORS: [&str; 5] = [
        "月底冲业绩",
        "大客户投诉",
        "团队人手不足",
        "加班出差",
        "季度考核",
    ];
    const HELPED: [&str; 4] = ["晚饭后散步", "早点睡", "和家人聊天", "把任务写下来"];
    for c in me.check_ins.rows.iter_mut() {
        let weeks_ago = (monday - c.date).num_days().div_euclid(7) + 1;
        let weeks_ago = if c.date >= monday { 0 } else { weeks_ago };
        if weeks_ago <= 2 {
            c.stress = (4 - weeks_ago) as u8;
        }
        c.stressors = vec![rng.pick(&STRESSORS).to_string()];
        if c.stress >= 3 && rng.chance(50) {
            c.stressors.push(rng.pick(&STRESSORS).to_string());
            c.stressors.dedup();
        }
        if c.stress <= 2 {
            c.helped = rng.pick(&HELPED).to_string();
        }
    }
    // Leadership: three self-assessments half a year apart, slowly better.
    for (i, ago) in [180, 90, 7].into_iter().enumerate() {
        let up = i as u8;
        me.assessments.rows.push(Assessment {
            id: AssessmentId(i as u64 + 1),
            date: add_days(today, -ago),
            scores: vec![
                (Competency::Coaching, 2 + up),
                (Competency::Communication, 3 + up / 2),
                (Competency::Planning, 3),
                (Competency::DecisionMaking, 2 + up / 2),
                (Competency::Motivating, 3 + up.min(1)),
            ],
            own: vec![("跨部门协作".into(), 1 + up)],
            note: String::new(),
        });
    }
    me.assessments.next_id = 4;
    // The network: people with their interval and last contact; two are customers'
    // contacts too.
    let people = [
        (
            "陈志远",
            "华东机械行业协会",
            "行业峰会",
            "行业政策、展会合作",
            30,
            75,
        ),
        ("刘晓燕", "智造咨询", "MBA同学", "数字化转型案例", 60, 20),
        ("王海涛", "星河自动化", "客户引荐", "渠道合作", 45, 50),
        ("赵静", "猎头顾问", "朋友介绍", "人才市场行情", 90, 30),
        (
            "孙立",
            "同行 · 华南区销售总监",
            "行业峰会",
            "团队管理经验",
            30,
            33,
        ),
        ("周敏", "行业媒体", "展会采访", "行业影响力、投稿", 60, 10),
    ];
    for (i, (name, company, met, topics, every, last)) in people.into_iter().enumerate() {
        me.people.rows.push(Person {
            id: PersonId(i as u64 + 1),
            name: name.into(),
            company: company.into(),
            met_at: met.into(),
            topics: topics.into(),
            every_days: every,
            last_contact: Some(add_days(today, -last - 30)),
            contact: None,
            notes: String::new(),
        });
    }
    let linked: Vec<(&str, &Contact)> = customers
        .contacts
        .iter()
        .filter(|k| k.primary)
        .take(2)
        .map(|k| ("客户联系人", k))
        .collect();
    for (what, k) in linked {
        let id = PersonId(me.people.rows.len() as u64 + 1);
        me.people.rows.push(Person {
            id,
            name: k.name.clone(),
            company: customers
                .customers
                .get(k.customer)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            met_at: what.into(),
            topics: "行业趋势".into(),
            every_days: 45,
            last_contact: Some(add_days(today, -rng.range(10, 40))),
            contact: Some(k.id),
            notes: String::new(),
        });
    }
    me.people.next_id = me.people.rows.len() as u64 + 1;
    // Contacts logged here: the clock restarts from them.
    for (i, (person, ago)) in [(1, 75), (2, 20), (3, 50), (4, 30), (5, 33), (6, 10), (6, 2)]
        .into_iter()
        .enumerate()
    {
        me.touches.rows.push(Touch {
            id: TouchId(i as u64 + 1),
            person: PersonId(person),
            date: add_days(today, -ago),
            note: String::new(),
        });
    }
    me.touches.next_id = me.touches.rows.len() as u64 + 1;
    for (i, (name, ago, place, who)) in [
        ("中国制造业数字化大会", 100, "上海国际会议中心", vec![1, 5]),
        ("华东机械行业年会", 40, "杭州", vec![1, 3]),
        ("MBA校友沙龙", 20, "复旦大学", vec![2]),
    ]
    .into_iter()
    .enumerate()
    {
        me.events.rows.push(NetworkEvent {
            id: NetworkEventId(i as u64 + 1),
            name: name.into(),
            date: add_days(today, -ago),
            place: place.into(),
            people: who.into_iter().map(PersonId).collect(),
            notes: String::new(),
        });
    }
    me.events.next_id = 4;
    // The week planner: this week and last, mornings and afternoons.
    let kinds = [
        (TimeKind::Selling, "拜访重点客户"),
        (TimeKind::Coaching, "一对一辅导"),
        (TimeKind::Planning, "销售预测"),
        (TimeKind::Meetings, "部门例会"),
        (TimeKind::Admin, "审批与报销"),
        (TimeKind::Learning, "MBA课程"),
    ];
    for week in [-7, 0] {
        for day in 0..5 {
            let date = add_days(monday, week + day);
            for start in [9 * 60, 14 * 60] {
                let (kind, title) = *rng.pick(&kinds);
                me.time_blocks.rows.push(TimeBlock {
                    id: TimeBlockId(me.time_blocks.rows.len() as u64 + 1),
                    date,
                    start,
                    minutes: [60, 90, 120][rng.range(0, 2) as usize],
                    kind,
                    title: title.into(),
                    task: None,
                });
            }
        }
    }
    me.time_blocks.next_id = me.time_blocks.rows.len() as u64 + 1;
}

/// Last week's review, its figures gathered from the finished workspace as the weekly
/// review would have gathered them.
pub(super) fn add_last_weeks_review(ws: &mut Workspace, today: NaiveDate) {
    let monday = add_days(today, -(today.weekday().num_days_from_monday() as i64) - 7);
    let figures = crate::analytics::me::week_figures(ws, monday, add_days(monday, 6));
    let me = Arc::make_mut(&mut ws.me);
    me.reviews.rows.push(WeeklyReview {
        id: WeeklyReviewId(1),
        week: monday,
        figures,
        focus: "推进两个报价阶段的大单，安排新人一对一。".into(),
        reflection: "客户拜访比计划少，下周把周二、周四上午留给客户。".into(),
    });
    me.reviews.next_id = 2;
}
