//! Me: goals, learning, tasks and stress check-ins.

use super::*;

pub(super) fn gen_me(rng: &mut Rng, today: NaiveDate) -> MeFile {
    MeFile {
        goals: table(gen_goals(today)),
        learning: table(gen_learning(today)),
        tasks: table(gen_tasks(today)),
        check_ins: table(gen_check_ins(rng, today)),
        ..MeFile::default()
    }
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
