//! The words of the workbook: a sheet name per collection and a header per column, in
//! both languages. A column key is a field name, or `outer.inner` for a field of a
//! nested struct (worded from both parts); `x_id` is the id beside the name of a
//! referenced record. The deals sheet uses the deal import's own headers, so an
//! exported workbook reads back in.

use super::sheets::DEAL_STAGE_COLUMNS;
use crate::i18n::Lang;
use crate::import::Col;
use crate::model::RecordKind;

/// The sheet's name in `lang` (unique, at most 31 characters, none of `[]:*?/\`).
pub fn sheet_title(kind: RecordKind, lang: Lang) -> &'static str {
    use RecordKind::*;
    let (zh, en) = match kind {
        Member => ("团队成员", "Team members"),
        TeamEvent => ("团队建设", "Team building"),
        Target => ("销售目标", "Targets"),
        Kpi => ("绩效指标", "KPIs"),
        Review => ("绩效评估", "Reviews"),
        CommissionPlan => ("激励方案", "Commission plans"),
        CoachingNote => ("辅导记录", "Coaching notes"),
        Customer => ("客户", "Customers"),
        Contact => ("联系人", "Contacts"),
        Interaction => ("客户互动", "Interactions"),
        Feedback => ("客户反馈", "Feedback"),
        LoyaltyEntry => ("积分记录", "Loyalty points"),
        Deal => ("商机", "Deals"),
        Research => ("市场调研", "Market research"),
        Segment => ("目标客户", "Segments"),
        Channel => ("营销渠道", "Channels"),
        Content => ("营销内容", "Content"),
        MarketingPlan => ("营销计划", "Marketing plans"),
        MarketSize => ("市场规模", "Market sizes"),
        Promotion => ("促销活动", "Promotions"),
        BudgetCategory => ("预算类别", "Budget categories"),
        BudgetLine => ("预算计划", "Budget lines"),
        Expense => ("费用", "Expenses"),
        CareerGoal => ("职业目标", "Career goals"),
        LearningItem => ("持续学习", "Learning"),
        Task => ("任务", "Tasks"),
        StressCheckIn => ("压力记录", "Stress check-ins"),
        Assessment => ("领导力自评", "Leadership assessments"),
        Person => ("人脉", "Network people"),
        Touch => ("人脉联系", "Network contacts"),
        NetworkEvent => ("行业活动", "Network events"),
        TimeBlock => ("时间块", "Time blocks"),
        WeeklyReview => ("每周回顾", "Weekly reviews"),
        ForecastAdjustment => ("预测调整", "Forecast adjustments"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The collection whose exported sheet is called `title` (in either language).
pub fn sheet_kind(title: &str) -> Option<RecordKind> {
    RecordKind::ALL.iter().copied().find(|k| {
        [Lang::Zh, Lang::En]
            .into_iter()
            .any(|lang| sheet_title(*k, lang) == title)
    })
}

/// True for a sheet of SalesDesk's own workbook that the import does not read (contacts,
/// interactions, promotions …): its name is that collection's sheet title and its first
/// header is the id column. Such sheets name customers and dates too, and would
/// otherwise pass for a customers or a targets sheet.
pub fn is_own_unimported_sheet(title: &str, headers: &[String]) -> bool {
    let first = headers.first().map(|h| h.trim());
    let id_first = [Lang::Zh, Lang::En]
        .into_iter()
        .any(|lang| first == Some(pick("id", lang)));
    id_first
        && sheet_kind(title).is_some_and(|k| {
            !matches!(
                k,
                RecordKind::Deal | RecordKind::Customer | RecordKind::Target | RecordKind::Expense
            )
        })
}

/// The header of column `key` of `kind`'s sheet.
pub(super) fn header(kind: RecordKind, key: &str, lang: Lang) -> String {
    if let Some(col) = import_column(kind, key) {
        return match lang {
            Lang::Zh => col.chinese(),
            Lang::En => col.english(),
        }
        .to_owned();
    }
    if let Some(field) = key.strip_suffix("_id").filter(|f| word(f).is_some()) {
        return match lang {
            Lang::Zh => format!("{}编号", pick(field, lang)),
            Lang::En => format!("{} id", pick(field, lang)),
        };
    }
    let parts: Vec<&str> = key.split('.').map(|p| pick(p, lang)).collect();
    match lang {
        Lang::Zh => parts.concat(),
        Lang::En => parts.join(" "),
    }
}

/// The import's column for a key of the sheets the import reads back (deals, customers,
/// targets, expenses), so an exported workbook imports into an empty workspace.
fn import_column(kind: RecordKind, key: &str) -> Option<Col> {
    use crate::model::Stage;
    Some(match (kind, key) {
        (RecordKind::Deal, "id") => Col::Id,
        (RecordKind::Deal, "title") => Col::Deal,
        (RecordKind::Deal, "customer") => Col::Customer,
        (RecordKind::Deal, "product") => Col::Product,
        (RecordKind::Deal, "created") => Col::Created,
        (RecordKind::Deal, "lost.reason") => Col::LostReason,
        (RecordKind::Deal, "expected_close") => Col::ExpectedClose,
        (RecordKind::Deal, "probability_override") => Col::Probability,
        (RecordKind::Deal | RecordKind::Customer, "owner" | "region" | "source") => {
            Col::from_key(key)?
        }
        (RecordKind::Deal | RecordKind::Expense, "amount") => Col::Amount,
        (RecordKind::Deal, _) => {
            let (_, stage) = DEAL_STAGE_COLUMNS.iter().find(|(k, _)| *k == key)?;
            match stage {
                Stage::Needs => Col::Needs,
                Stage::Quote => Col::Quote,
                Stage::Contract => Col::Contract,
                Stage::Won => Col::Won,
                _ => Col::Lost,
            }
        }
        (RecordKind::Customer, "name") => Col::Customer,
        (RecordKind::Customer, "annual_potential") => Col::Potential,
        (RecordKind::Customer, "created") => Col::Created,
        (RecordKind::Customer, "industry" | "phone" | "email" | "address" | "notes") => {
            Col::from_key(key)?
        }
        (RecordKind::Target, "member") => Col::Owner,
        (RecordKind::Target, "period.start") => Col::From,
        (RecordKind::Target, "period.end") => Col::To,
        (RecordKind::Target, "amount") => Col::Target,
        (RecordKind::Target, "stretch" | "challenge") => Col::from_key(key)?,
        (RecordKind::Expense, "date" | "category" | "payee") => Col::from_key(key)?,
        (RecordKind::Expense, "note") => Col::Notes,
        _ => return None,
    })
}

fn pick(part: &str, lang: Lang) -> &str {
    match (word(part), lang) {
        (Some((zh, _)), Lang::Zh) => zh,
        (Some((_, en)), Lang::En) => en,
        // A field added to the model without words yet: its name (the test below
        // fails until it has them).
        (None, _) => part,
    }
}

/// The words of one field name.
fn word(part: &str) -> Option<(&'static str, &'static str)> {
    Some(match part {
        "id" => ("编号", "id"),
        "active" => ("在职", "active"),
        "accelerator_pct" => ("加速倍率（%）", "accelerator (%)"),
        "actions" => ("约定行动", "agreed actions"),
        "cap" => ("封顶", "cap"),
        "manual_scores" => ("人工评分", "hand scores"),
        "mode" => ("计算方式", "mode"),
        "score" => ("评分", "score"),
        "threshold_pct" => ("门槛达成率（%）", "threshold (%)"),
        "address" => ("地址", "address"),
        "aligned_with" => ("对齐公司目标", "aligned with"),
        "amount" => ("金额", "amount"),
        "annual_potential" => ("年度潜力", "annual potential"),
        "area" => ("领域", "area"),
        "assessments" => ("自评", "assessments"),
        "attainment_pm" => ("达成率（‰）", "attainment (‰)"),
        "basis" => ("依据", "basis"),
        "budget" => ("预算", "budget"),
        "capacity" => ("容量", "capacity"),
        "category" => ("类别", "category"),
        "challenge" => ("挑战目标", "challenge"),
        "channel" => ("渠道", "channel"),
        "channels" => ("渠道", "channels"),
        "close_slips" => ("成交日推迟次数", "close slips"),
        "company" => ("公司", "company"),
        "completed" => ("已完成", "completed"),
        "contact" => ("联系人", "contact"),
        "content" => ("内容", "content"),
        "cost" => ("费用", "cost"),
        "created" => ("创建日期", "created"),
        "criteria" => ("标准", "criteria"),
        "customer" => ("客户", "customer"),
        "deal" => ("商机", "deal"),
        "event" => ("事件", "event"),
        "expense" => ("关联费用", "expense"),
        "date" => ("日期", "date"),
        "deals_lost" => ("流失商机", "deals lost"),
        "deals_moved" => ("推进商机", "deals moved"),
        "deals_won" => ("成交商机", "deals won"),
        "done" => ("已完成", "done"),
        "done_on" => ("完成日期", "done on"),
        "due" => ("截止日期", "due"),
        "duties" => ("职责", "duties"),
        "email" => ("邮箱", "email"),
        "end" => ("结束", "end"),
        "energy" => ("精力", "energy"),
        "every_days" => ("联系间隔（天）", "every (days)"),
        "execution_plan" => ("执行方案", "execution plan"),
        "expected_close" => ("预计成交", "expected close"),
        "external_id" => ("外部编号", "external id"),
        "figures" => ("数据", "figures"),
        "findings" => ("发现", "findings"),
        "competitor" => ("竞争对手", "competitor"),
        "weaknesses" => ("劣势", "weaknesses"),
        "prices" => ("价格", "prices"),
        "recent_moves" => ("近期动向", "recent moves"),
        "positioning" => ("定位", "positioning"),
        "planned_budget" => ("计划预算", "planned budget"),
        "forecast_override" => ("预测类别（手选）", "forecast category (chosen)"),
        "focus" => ("重点", "focus"),
        "focus_on" => ("关注", "focus on"),
        "follow_up" => ("跟进日期", "follow-up"),
        "follow_up_done" => ("已跟进", "follow-up done"),
        "from_attainment_pct" => ("起始达成率（%）", "from attainment (%)"),
        "goal" => ("目标", "goal"),
        "helped" => ("有帮助的", "helped"),
        "history" => ("阶段历史", "history"),
        "hours" => ("小时", "hours"),
        "important" => ("重要", "important"),
        "improvements" => ("改进", "improvements"),
        "industry" => ("行业", "industry"),
        "joined" => ("加入日期", "joined"),
        "kind" => ("类型", "kind"),
        "kpis" => ("绩效指标", "KPIs"),
        "last_activity" => ("最近活动", "last activity"),
        "last_contact" => ("最近联系", "last contact"),
        "leads_goal" => ("线索目标", "leads goal"),
        "link" => ("链接", "link"),
        "lost" => ("流失", "lost"),
        "materials" => ("物资", "materials"),
        "member" => ("成员", "member"),
        "members" => ("成员", "members"),
        "met_at" => ("相识于", "met at"),
        "metric" => ("指标", "metric"),
        "milestones" => ("里程碑", "milestones"),
        "minutes" => ("分钟", "minutes"),
        "monthly" => ("每月计划", "monthly"),
        "monthly_target" => ("月度目标", "monthly target"),
        "moved_later" => ("推迟次数", "moved later"),
        "name" => ("名称", "name"),
        "needs" => ("需求", "needs"),
        "next_step" => ("下一步", "next step"),
        "next_step_due" => ("下一步截止", "next step due"),
        "note" => ("备注", "note"),
        "notes" => ("备注", "notes"),
        "original_close" => ("最初预计成交", "original close"),
        "outcome" => ("结果", "outcome"),
        "own" => ("自有", "own"),
        "owner" => ("负责人", "owner"),
        "pace_pm" => ("进度（‰）", "pace (‰)"),
        "payee" => ("收款方", "payee"),
        "people" => ("人员", "people"),
        "period" => ("期间", "period"),
        "person" => ("人脉", "person"),
        "phone" => ("电话", "phone"),
        "place" => ("地点", "place"),
        "planned" => ("计划", "planned"),
        "points" => ("积分", "points"),
        "primary" => ("主要联系人", "primary"),
        "probability_override" => ("概率", "probability"),
        "product" => ("产品", "product"),
        "product_lines" => ("产品线", "product lines"),
        "progress" => ("进度", "progress"),
        "published" => ("发布日期", "published"),
        "rate_bp" => ("提成比例（基点）", "rate (bp)"),
        "rating" => ("总评", "rating"),
        "reason" => ("原因", "reason"),
        "reflection" => ("反思", "reflection"),
        "region" => ("区域", "region"),
        "resolution" => ("处理结果", "resolution"),
        "resolved_on" => ("解决日期", "resolved on"),
        "review" => ("总结评估", "review"),
        "role" => ("角色", "role"),
        "scores" => ("各项评分", "scores"),
        "segment" => ("目标客户", "segment"),
        "segments" => ("目标客户", "segments"),
        "size" => ("规模", "size"),
        "sleep_hours" => ("睡眠（小时）", "sleep (hours)"),
        "source" => ("来源", "source"),
        "staff" => ("人员", "staff"),
        "stage" => ("阶段", "stage"),
        "start" => ("开始", "start"),
        "started" => ("开始日期", "started"),
        "status" => ("状态", "status"),
        "strengths" => ("优势", "strengths"),
        "stress" => ("压力", "stress"),
        "stress_avg10" => ("平均压力（×10）", "stress average (×10)"),
        "stress_prev_avg10" => ("上周平均压力（×10）", "previous stress average (×10)"),
        "stressors" => ("压力来源", "stressors"),
        "stretch" => ("冲刺目标", "stretch"),
        "target" => ("目标", "target"),
        "target_date" => ("目标日期", "target date"),
        "target_group" => ("目标群体", "target group"),
        "task" => ("任务", "task"),
        "tasks" => ("任务", "tasks"),
        "tasks_done" => ("完成任务", "tasks done"),
        "tasks_rolled" => ("顺延任务", "tasks carried over"),
        "text" => ("内容", "text"),
        "theme" => ("主题", "theme"),
        "threshold" => ("门槛", "threshold"),
        "tiers" => ("档位", "tiers"),
        "title" => ("标题", "title"),
        "topic" => ("主题", "topic"),
        "topics" => ("主题", "topics"),
        "urgent" => ("紧急", "urgent"),
        "venue" => ("场地", "venue"),
        "week" => ("周", "week"),
        "weight" => ("权重", "weight"),
        "won_amount" => ("成交金额", "won amount"),
        "year" => ("年份", "year"),
        "audience" => ("目标群体类型", "audience"),
        "checklist" => ("执行清单", "checklist"),
        "deals_goal" => ("目标成交数", "won deals goal"),
        "products" => ("产品", "products"),
        "promotion" => ("促销活动", "promotion event"),
        "revenue_goal" => ("目标收入", "revenue goal"),
        "steps" => ("执行步骤", "steps"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_titles_are_unique_and_excel_safe_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let titles: Vec<&str> = RecordKind::ALL
                .iter()
                .map(|k| sheet_title(*k, lang))
                .collect();
            let unique: std::collections::BTreeSet<&str> = titles.iter().copied().collect();
            assert_eq!(unique.len(), titles.len(), "{lang:?}");
            for t in titles {
                assert!(
                    t.chars().count() <= 31 && !t.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{t}"
                );
            }
        }
    }

    /// Every column of every sheet of a full demo has words in both languages (a new
    /// model field fails here until it gets them).
    #[test]
    fn every_column_of_a_full_demo_has_a_header_in_both_languages() {
        let ws = crate::demo::generate(
            3,
            crate::demo::DemoSize::DEFAULT,
            "2026-06-01".parse().unwrap(),
        );
        let mut missing = std::collections::BTreeSet::new();
        for s in super::super::workspace_sheets(&ws, Lang::Zh) {
            missing.extend(
                s.headers
                    .iter()
                    .filter(|h| h.is_ascii())
                    .map(|h| format!("{}: {h}", s.key)),
            );
        }
        assert!(missing.is_empty(), "columns with no words: {missing:#?}");
        for lang in [Lang::Zh, Lang::En] {
            for s in super::super::workspace_sheets(&ws, lang) {
                assert!(!s.rows.is_empty(), "the demo fills {}", s.key);
                let unique: std::collections::BTreeSet<&String> = s.headers.iter().collect();
                assert_eq!(
                    unique.len(),
                    s.headers.len(),
                    "{lang:?} {}: {:?}",
                    s.key,
                    s.headers
                );
            }
        }
    }
}
