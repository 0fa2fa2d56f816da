//! Promotion events: plan, execution and review.

use super::*;

struct PromoSpec {
    name: &'static str,
    kind: PromotionKind,
    target_group: &'static str,
    theme: &'static str,
    goal: &'static str,
    budget_yuan: i64,
    /// Start relative to today (negative = past) and length in days.
    start: i64,
    days: i64,
    execution_plan: &'static str,
    venue: &'static str,
    materials: &'static str,
    status: PromotionStatus,
    leads_goal: u32,
    review: &'static str,
}

const PROMOTIONS: [PromoSpec; 6] = [
    PromoSpec {
        name: "华南区销售冠军竞赛",
        kind: PromotionKind::Contest,
        target_group: "华南区全体销售",
        theme: "百日冲刺，争当销冠",
        goal: "三个月内华南区签约额提升20%。",
        budget_yuan: 60_000,
        start: -260,
        days: 90,
        execution_plan: "按周公布排行榜；月度前三名发奖金；最后一周冲刺加码。",
        venue: "华南办事处",
        materials: "排行榜看板、奖杯、奖金",
        status: PromotionStatus::Done,
        leads_goal: 40,
        review: "签约额提升18%，略低于目标；排行榜对新人激励明显，明年继续。",
    },
    PromoSpec {
        name: "春季云ERP体验会",
        kind: PromotionKind::DemoDay,
        target_group: "华东中型制造企业的老板和财务总监",
        theme: "一天看懂云ERP",
        goal: "邀请60家企业到场，获取40条有效线索。",
        budget_yuan: 120_000,
        start: -110,
        days: 2,
        execution_plan: "提前三周电话邀约；上午产品演示，下午分组上机体验；会后一周内逐一回访。",
        venue: "苏州国际会议中心",
        materials: "演示电脑20台、易拉宝、产品手册、伴手礼",
        status: PromotionStatus::Done,
        leads_goal: 40,
        review: "到场52家，收集有效线索45条，已有6家进入报价阶段；下次增加行业案例分享。",
    },
    PromoSpec {
        name: "老客户推荐有礼",
        kind: PromotionKind::Gift,
        target_group: "已签约客户",
        theme: "好产品，一起用",
        goal: "老客户推荐新线索30条。",
        budget_yuan: 50_000,
        start: -90,
        days: 45,
        execution_plan: "客户成功经理逐一通知；推荐成交后赠送服务积分和礼品。",
        venue: "线上",
        materials: "礼品卡、推荐海报",
        status: PromotionStatus::Done,
        leads_goal: 30,
        review: "收到推荐线索27条，成交5单；礼品成本可控，转化率远高于其他渠道。",
    },
    PromoSpec {
        name: "智能仓储免费试用30天",
        kind: PromotionKind::Trial,
        target_group: "连锁零售和商贸企业的仓储负责人",
        theme: "先用后买，效果看得见",
        goal: "20家企业开通试用，其中30%转为正式合同。",
        budget_yuan: 80_000,
        start: -12,
        days: 30,
        execution_plan: "官网和公众号招募；售前一对一上线辅导；试用第三周安排效果复盘。",
        venue: "线上及客户现场",
        materials: "试用账号、手持终端样机10台",
        status: PromotionStatus::Running,
        leads_goal: 20,
        review: "",
    },
    PromoSpec {
        name: "年中签约季",
        kind: PromotionKind::Discount,
        target_group: "处于报价和合同阶段的客户",
        theme: "年中签约享九折",
        goal: "推动在谈项目在本季度内签约。",
        budget_yuan: 100_000,
        start: 20,
        days: 30,
        execution_plan: "销售逐一梳理在谈项目；限时折扣需经理审批；每周跟踪签约进度。",
        venue: "线上",
        materials: "优惠说明、合同模板",
        status: PromotionStatus::Planned,
        leads_goal: 25,
        review: "",
    },
    PromoSpec {
        name: "物流协会联合沙龙",
        kind: PromotionKind::CrossIndustry,
        target_group: "物流协会会员企业",
        theme: "仓储数字化的下一步",
        goal: "接触50家物流企业。",
        budget_yuan: 40_000,
        start: -50,
        days: 1,
        execution_plan: "与协会联合发邀请；我方做主题分享并设体验区。",
        venue: "上海物流协会会议室",
        materials: "展架、产品手册",
        status: PromotionStatus::Cancelled,
        leads_goal: 30,
        review: "协会临时调整年会日程，活动取消，费用未发生。",
    },
];

/// The structured plan of each event (by index in [`PROMOTIONS`]): audience, segment,
/// products (indexes into the team's product lines; none: all), won-deal and revenue
/// goals (yuan), publicity channels (ids).
type PlanSpec = (
    Option<Audience>,
    Option<u64>,
    &'static [usize],
    u32,
    i64,
    &'static [u64],
);

const PLANS: [PlanSpec; 6] = [
    (None, None, &[], 12, 900_000, &[]),
    (
        Some(Audience::Prospects),
        Some(1),
        &[0],
        8,
        1_200_000,
        &[1, 2, 6],
    ),
    (Some(Audience::Existing), None, &[], 5, 400_000, &[2]),
    (
        Some(Audience::Prospects),
        Some(4),
        &[1],
        6,
        800_000,
        &[1, 2, 3],
    ),
    (Some(Audience::Existing), None, &[], 10, 1_500_000, &[2]),
    (Some(Audience::Prospects), Some(2), &[1], 3, 300_000, &[6]),
];

pub(super) fn gen_promotions(
    rng: &mut Rng,
    team: &TeamFile,
    marketing: &MarketingFile,
    today: NaiveDate,
) -> Vec<Promotion> {
    PROMOTIONS
        .iter()
        .zip(PLANS)
        .enumerate()
        .map(|(i, (s, plan))| {
            let start = add_days(today, s.start);
            let mut p = Promotion {
                id: PromotionId(i as u64 + 1),
                name: s.name.into(),
                kind: s.kind,
                target_group: s.target_group.into(),
                theme: s.theme.into(),
                goal: s.goal.into(),
                budget: yuan(s.budget_yuan),
                start,
                end: add_days(start, s.days - 1),
                execution_plan: s.execution_plan.into(),
                venue: s.venue.into(),
                staff: pick_staff(rng, &team.members),
                materials: s.materials.into(),
                status: s.status,
                leads_goal: s.leads_goal,
                review: s.review.into(),
                ..Promotion::new(s.name, s.kind, start)
            };
            add_plan(&mut p, plan, team, marketing, today);
            p
        })
        .collect()
}

/// Fills the structured plan: target group, goals, channels, the plan text's lines as
/// steps (owners in turn from the staff, due from three weeks before the start to a
/// week after the end) and a checklist; what is past is done, except one step of a
/// running event that is overdue (so the Dashboard has a plan step to follow up).
fn add_plan(
    p: &mut Promotion,
    (audience, segment, products, deals, revenue, channels): PlanSpec,
    team: &TeamFile,
    marketing: &MarketingFile,
    today: NaiveDate,
) {
    p.audience = audience;
    p.segment = segment
        .map(SegmentId)
        .filter(|s| marketing.segments.contains(*s));
    p.products = products
        .iter()
        .filter_map(|i| team.setup.product_lines.get(*i).cloned())
        .collect();
    p.deals_goal = deals;
    p.revenue_goal = yuan(revenue);
    p.channels = channels
        .iter()
        .map(|c| ChannelId(*c))
        .filter(|c| marketing.channels.contains(*c))
        .collect();
    let mut steps = p.steps_from_plan_text();
    let (first, last) = (add_days(p.start, -21), add_days(p.end, 7));
    let span = (last - first).num_days().max(1);
    let n = steps.len().max(1) as i64;
    let cancelled = p.status == PromotionStatus::Cancelled;
    for (k, step) in steps.iter_mut().enumerate() {
        step.owner = p.staff.get(k % p.staff.len().max(1)).copied();
        let due = add_days(first, span * k as i64 / n);
        step.due = Some(due);
        let kept_open = p.status == PromotionStatus::Running && k == 0;
        step.done = !cancelled && due < today && !kept_open;
    }
    p.steps = steps;
    let held = p.start <= today && !cancelled;
    let mut checklist = Vec::new();
    if !p.venue.is_empty() {
        checklist.push(CheckItem {
            kind: CheckKind::Venue,
            text: p.venue.clone(),
            done: held,
        });
    }
    checklist.push(CheckItem {
        kind: CheckKind::Staff,
        text: "现场人员分工确认".into(),
        done: held,
    });
    checklist.extend(
        p.checklist_from_materials()
            .into_iter()
            .map(|c| CheckItem { done: held, ..c }),
    );
    p.checklist = checklist;
}

/// Two to four distinct members, in id order.
fn pick_staff(rng: &mut Rng, members: &Table<Member>) -> Vec<MemberId> {
    let n = members.len();
    let want = (rng.range(2, 4) as usize).min(n);
    let start = rng.below(n as u64) as usize;
    let mut staff: Vec<MemberId> = (0..want)
        .map(|k| members.rows[(start + k * 3) % n].id)
        .collect();
    staff.sort();
    staff.dedup();
    staff
}

/// Feedback collected at the events held: the first interactions (up to five) and
/// feedback entries (up to two) dated from an event's start to a week after its end are
/// linked to it. No random numbers: the rest of the demo stays as it was.
pub(super) fn link_collected(customers: &mut CustomersFile, promotions: &[Promotion]) {
    for p in promotions {
        if !matches!(
            p.status,
            PromotionStatus::Running | PromotionStatus::Done | PromotionStatus::Reviewed
        ) {
            continue;
        }
        let during = |d: NaiveDate| p.start <= d && d <= add_days(p.end, 7);
        customers
            .interactions
            .rows
            .iter_mut()
            .filter(|i| i.promotion.is_none() && during(i.date))
            .take(5)
            .for_each(|i| i.promotion = Some(p.id));
        customers
            .feedback
            .rows
            .iter_mut()
            .filter(|f| f.promotion.is_none() && during(f.date))
            .take(2)
            .for_each(|f| f.promotion = Some(p.id));
    }
}
