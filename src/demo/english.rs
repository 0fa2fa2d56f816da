//! The demo for an English UI: the names the app's demo defines (KPIs, budget
//! categories, commission plans, segments, channels, marketing plans, promotions, the
//! team, next steps, rewards) in English. People's and companies' names, places and
//! longer notes stay Chinese: the demo company is Chinese.
//!
//! A pass over the generated workspace, so the English demo has exactly the records,
//! ids and numbers of the Chinese one (the same seed gives the same workspace).

use super::*;

/// Chinese name → English name.
const NAMES: &[(&str, &str)] = &[
    // Team
    ("企业客户销售一部", "Enterprise Sales Team 1"),
    // KPIs
    ("销售额", "Revenue"),
    ("成交单数", "Deals won"),
    ("赢单率", "Win rate"),
    ("新客户数", "New customers"),
    ("客户互动次数", "Customer interactions"),
    // Commission plans
    ("标准提成方案", "Standard commission plan"),
    ("大客户提成方案", "Key account commission plan"),
    // Budget categories, as the Budget page's standard set words them
    ("人员与佣金", "Personnel & commissions"),
    ("市场营销", "Marketing"),
    ("促销活动", "Promotion events"),
    ("差旅招待", "Travel & entertainment"),
    ("培训", "Training"),
    ("工具软件", "Tools"),
    ("其他", "Other"),
    // Segments
    ("大型制造企业", "Large manufacturers"),
    ("中型商贸流通企业", "Mid-size trade & distribution"),
    ("成长型科技企业", "Growing tech companies"),
    ("连锁零售企业", "Retail chains"),
    // Channels
    ("官网与搜索推广", "Website & search ads"),
    ("微信公众号", "WeChat official account"),
    ("行业B2B平台", "Industry B2B platforms"),
    ("短视频平台", "Short-video platforms"),
    ("行业展会", "Trade shows"),
    ("城市巡回沙龙", "City salon tour"),
    ("老客户转介绍", "Customer referrals"),
    ("合作伙伴推荐", "Partner referrals"),
    // Promotions
    ("华南区销售冠军竞赛", "South China sales champion contest"),
    ("春季云ERP体验会", "Spring cloud ERP demo day"),
    ("老客户推荐有礼", "Refer a customer, get a gift"),
    (
        "智能仓储免费试用30天",
        "Smart warehousing: 30-day free trial",
    ),
    ("年中签约季", "Mid-year signing season"),
    ("物流协会联合沙龙", "Logistics association co-hosted salon"),
    // Next steps, by stage
    (
        "电话初步沟通，确认采购意向",
        "First call: confirm the buying intent",
    ),
    (
        "发送产品资料并约见面",
        "Send the brochure and book a meeting",
    ),
    ("确认决策人和预算", "Confirm the decision maker and budget"),
    ("上门调研业务流程", "Visit to map their processes"),
    (
        "安排售前做需求梳理",
        "Have pre-sales sort out the requirements",
    ),
    ("提交需求调研报告", "Hand in the needs analysis report"),
    ("提交正式报价单", "Send the formal quote"),
    ("与采购部商谈价格", "Negotiate the price with purchasing"),
    ("准备方案演示与报价答疑", "Prepare the demo and quote Q&A"),
    ("法务审核合同条款", "Legal review of the contract terms"),
    ("确认付款方式并盖章", "Agree the payment terms and sign"),
    (
        "推动客户走内部审批",
        "Push the customer's internal approval",
    ),
    ("安排实施启动会", "Schedule the implementation kick-off"),
    ("回访上线使用情况", "Check in on the go-live"),
    ("跟进首期回款", "Follow up the first payment"),
    // Loyalty rewards
    ("免费实施培训2天", "2 days of free implementation training"),
    ("系统年费抵扣", "Credit on the yearly fee"),
    ("行业峰会门票", "Industry summit tickets"),
    ("定制礼品", "Custom gift"),
];

/// The redemption lines' words ("积分兑换：reward").
pub(super) const REDEEMED_ZH: &str = "积分兑换：";
const REDEEMED_EN: &str = "Points redeemed: ";

fn english(zh: &str) -> Option<&'static str> {
    NAMES.iter().find(|(z, _)| *z == zh).map(|(_, e)| *e)
}

fn rename(s: &mut String) {
    if let Some(e) = english(s) {
        *s = e.to_owned();
    }
}

/// Puts the demo's own names of `ws` into English.
pub(super) fn into_english(ws: &mut Workspace) {
    rename(&mut Arc::make_mut(&mut ws.team).setup.team_name);
    let perf = Arc::make_mut(&mut ws.performance);
    perf.kpis.rows.iter_mut().for_each(|k| rename(&mut k.name));
    for p in perf.commission_plans.rows.iter_mut() {
        rename(&mut p.name);
    }
    let budget = Arc::make_mut(&mut ws.budget);
    budget
        .categories
        .rows
        .iter_mut()
        .for_each(|c| rename(&mut c.name));
    let m = Arc::make_mut(&mut ws.marketing);
    m.segments.rows.iter_mut().for_each(|s| rename(&mut s.name));
    m.channels.rows.iter_mut().for_each(|c| rename(&mut c.name));
    for p in m.plans.rows.iter_mut() {
        let (y, q) = quarter_of(p.period.start);
        p.name = match p.id.0 {
            1 => format!("{y} digital marketing plan"),
            _ => format!("Q{q} {y} trade shows and salons push"),
        };
    }
    let promotions = Arc::make_mut(&mut ws.promotions);
    promotions
        .promotions
        .rows
        .iter_mut()
        .for_each(|p| rename(&mut p.name));
    let deals = Arc::make_mut(&mut ws.deals);
    deals
        .deals
        .rows
        .iter_mut()
        .for_each(|d| rename(&mut d.next_step));
    let customers = Arc::make_mut(&mut ws.customers);
    for l in customers.loyalty_ledger.rows.iter_mut() {
        if let Some(reward) = l.reason.strip_prefix(REDEEMED_ZH)
            && let Some(e) = english(reward)
        {
            l.reason = format!("{REDEEMED_EN}{e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_demo_has_the_same_records_with_english_names() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let zh = generate(5, DemoSize { deals: 200 }, today);
        let en = generate_in(5, DemoSize { deals: 200 }, today, Lang::En);
        assert_eq!(en.deals.deals.len(), zh.deals.deals.len());
        assert_eq!(en.budget.expenses, zh.budget.expenses);
        let kpis: Vec<&str> = en
            .performance
            .kpis
            .iter()
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(kpis[..2], ["Revenue", "Deals won"]);
        let cats: Vec<&str> = en
            .budget
            .categories
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(cats[1], "Marketing");
        // Every name the demo defines is in the list (a new one must be added there).
        for name in zh
            .performance
            .kpis
            .iter()
            .map(|k| &k.name)
            .chain(zh.budget.categories.iter().map(|c| &c.name))
        {
            assert!(english(name).is_some(), "{name}");
        }
        for d in zh.deals.deals.iter().filter(|d| !d.next_step.is_empty()) {
            assert!(english(&d.next_step).is_some(), "{}", d.next_step);
        }
        assert!(
            en.customers
                .loyalty_ledger
                .iter()
                .all(|l| !l.reason.starts_with(REDEEMED_ZH))
        );
        for ws in [&zh, &en] {
            for r in crate::demo::tests::all_records(ws) {
                assert!(r.validate().is_empty(), "{r:?}");
            }
        }
    }

    #[test]
    fn each_chinese_name_is_listed_once() {
        for (i, (zh, _)) in NAMES.iter().enumerate() {
            assert!(NAMES[i + 1..].iter().all(|(z, _)| z != zh), "{zh} twice");
        }
    }
}
