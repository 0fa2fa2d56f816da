//! The demo for an English UI: the names the app's demo defines (KPIs, budget
//! categories, commission plans, segments, channels, marketing plans, promotions, the
//! team, next steps, rewards) and its free texts (regions, industries, job titles, deal
//! titles, notes, plans, research …) in English. People's and companies' names and the
//! customers' addresses stay Chinese: the demo company is Chinese.
//!
//! A pass over the generated workspace, so the English demo has exactly the records,
//! ids and numbers of the Chinese one (the same seed gives the same workspace).

use super::english_texts::TEXTS;
use super::*;
use std::collections::HashMap;

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

/// The lists as one lookup (a demo of 100k deals looks up several texts per deal).
struct English(HashMap<&'static str, &'static str>);

impl English {
    fn new() -> English {
        English(NAMES.iter().chain(TEXTS).copied().collect())
    }
    fn get(&self, zh: &str) -> Option<&'static str> {
        self.0.get(zh).copied()
    }
    /// Puts `s` into English when it is one of the listed texts.
    fn put(&self, s: &mut String) {
        if let Some(e) = self.get(s) {
            *s = e.to_owned();
        }
    }
    fn all<'a>(&self, texts: impl IntoIterator<Item = &'a mut String>) {
        texts.into_iter().for_each(|s| self.put(s));
    }
}

/// Puts the demo's names and free texts of `ws` into English.
pub(super) fn into_english(ws: &mut Workspace) {
    let en = English::new();
    team(&en, Arc::make_mut(&mut ws.team));
    performance(&en, Arc::make_mut(&mut ws.performance));
    let titles = deals(&en, Arc::make_mut(&mut ws.deals));
    customers(&en, Arc::make_mut(&mut ws.customers), &titles);
    marketing(&en, Arc::make_mut(&mut ws.marketing));
    promotions(&en, Arc::make_mut(&mut ws.promotions));
    budget(&en, Arc::make_mut(&mut ws.budget));
    me(&en, Arc::make_mut(&mut ws.me));
}

fn team(en: &English, team: &mut TeamFile) {
    let setup = &mut team.setup;
    en.put(&mut setup.team_name);
    en.all(setup.regions.iter_mut().chain(&mut setup.product_lines));
    for m in team.members.rows.iter_mut() {
        let generated = m.duties == super::team::duties(m.role, &m.region, &m.product_lines);
        en.put(&mut m.region);
        en.all(&mut m.product_lines);
        if generated {
            m.duties = super::team::duties_en(m.role, &m.region, &m.product_lines);
        }
    }
    en.all(team.events.rows.iter_mut().map(|e| &mut e.notes));
}

fn performance(en: &English, perf: &mut PerformanceFile) {
    en.all(perf.kpis.rows.iter_mut().map(|k| &mut k.name));
    for r in perf.reviews.rows.iter_mut() {
        en.all([&mut r.strengths, &mut r.improvements, &mut r.notes]);
        en.all(r.actions.iter_mut().map(|a| &mut a.text));
    }
    for p in perf.commission_plans.rows.iter_mut() {
        en.all([&mut p.name, &mut p.notes]);
    }
    for n in perf.notes.rows.iter_mut() {
        en.all([&mut n.topic, &mut n.note]);
    }
    en.all(
        perf.forecast_adjustments
            .rows
            .iter_mut()
            .map(|a| &mut a.note),
    );
}

/// Each deal's title, before and after, for the ledger lines that hold it.
fn deals(en: &English, deals: &mut DealsFile) -> HashMap<DealId, (String, String)> {
    let mut titles = HashMap::new();
    for d in deals.deals.rows.iter_mut() {
        // "{brand}{product}{ending}" → "{brand} {product} {ending}"
        if let Some((brand, ending)) = d.title.split_once(d.product.as_str())
            && let (Some(product), Some(ending)) = (en.get(&d.product), en.get(ending))
        {
            let title = format!("{brand} {product} {ending}");
            titles.insert(
                d.id,
                (std::mem::replace(&mut d.title, title), d.title.clone()),
            );
        }
        en.all([
            &mut d.product,
            &mut d.region,
            &mut d.next_step,
            &mut d.notes,
        ]);
        if let Some(lost) = d.lost.as_mut() {
            en.put(&mut lost.note);
        }
    }
    titles
}

fn customers(
    en: &English,
    customers: &mut CustomersFile,
    titles: &HashMap<DealId, (String, String)>,
) {
    for c in customers.customers.rows.iter_mut() {
        en.all([&mut c.industry, &mut c.region, &mut c.notes]);
    }
    en.all(customers.contacts.rows.iter_mut().map(|k| &mut k.title));
    for i in customers.interactions.rows.iter_mut() {
        en.all([&mut i.note, &mut i.outcome]);
    }
    for f in customers.feedback.rows.iter_mut() {
        en.all([&mut f.text, &mut f.resolution]);
    }
    for l in customers.loyalty_ledger.rows.iter_mut() {
        if let Some(reward) = l.reason.strip_prefix(REDEEMED_ZH)
            && let Some(e) = en.get(reward)
        {
            l.reason = format!("{REDEEMED_EN}{e}");
        } else if let Some((zh, title)) = l.deal.and_then(|d| titles.get(&d))
            && l.reason == *zh
        {
            l.reason = title.clone();
        }
    }
}

fn marketing(en: &English, m: &mut MarketingFile) {
    for r in m.research.rows.iter_mut() {
        en.all([
            &mut r.title,
            &mut r.source,
            &mut r.findings,
            &mut r.competitor,
            &mut r.strengths,
            &mut r.weaknesses,
            &mut r.prices,
            &mut r.recent_moves,
        ]);
    }
    for s in m.segments.rows.iter_mut() {
        en.all([
            &mut s.name,
            &mut s.criteria,
            &mut s.needs,
            &mut s.positioning,
        ]);
    }
    for c in m.channels.rows.iter_mut() {
        en.all([&mut c.name, &mut c.notes]);
    }
    for c in m.content.rows.iter_mut() {
        en.all([&mut c.title, &mut c.notes]);
    }
    for p in m.plans.rows.iter_mut() {
        let (y, q) = quarter_of(p.period.start);
        p.name = match p.id.0 {
            1 => format!("{y} digital marketing plan"),
            _ => format!("Q{q} {y} trade shows and salons push"),
        };
        en.all([&mut p.goal, &mut p.notes]);
    }
    en.all(m.market_sizes.rows.iter_mut().map(|s| &mut s.source));
}

/// The steps and the materials' checklist items were made from the plan's and the
/// materials' texts, piece by piece: they take the English texts' pieces.
fn promotions(en: &English, file: &mut PromotionsFile) {
    for p in file.promotions.rows.iter_mut() {
        en.all([
            &mut p.name,
            &mut p.target_group,
            &mut p.theme,
            &mut p.goal,
            &mut p.execution_plan,
            &mut p.venue,
            &mut p.materials,
            &mut p.review,
        ]);
        en.all(&mut p.products);
        let bare = Promotion {
            steps: Vec::new(),
            checklist: Vec::new(),
            ..p.clone()
        };
        for (step, text) in p.steps.iter_mut().zip(bare.steps_from_plan_text()) {
            step.text = text.text;
        }
        let mut materials = bare.checklist_from_materials().into_iter();
        for item in p.checklist.iter_mut() {
            match item.kind {
                CheckKind::Venue => item.text = p.venue.clone(),
                CheckKind::Materials => {
                    if let Some(m) = materials.next() {
                        item.text = m.text;
                    }
                }
                _ => en.put(&mut item.text),
            }
        }
    }
}

fn budget(en: &English, budget: &mut BudgetFile) {
    en.all(budget.categories.rows.iter_mut().map(|c| &mut c.name));
    for e in budget.expenses.rows.iter_mut() {
        en.put(&mut e.payee);
        // "{month}月{note}" → "{note} ({Month})"
        if let Some((month, note)) = e.note.split_once('月')
            && let Some(month) = month
                .parse::<u8>()
                .ok()
                .and_then(|m| chrono::Month::try_from(m).ok())
            && let Some(note) = en.get(note)
        {
            e.note = format!("{note} ({})", month.name());
        }
    }
}

fn me(en: &English, me: &mut MeFile) {
    for g in me.goals.rows.iter_mut() {
        en.all([&mut g.title, &mut g.aligned_with, &mut g.notes]);
        en.all(g.milestones.iter_mut().map(|m| &mut m.title));
    }
    for l in me.learning.rows.iter_mut() {
        en.all([&mut l.title, &mut l.notes]);
    }
    for t in me.tasks.rows.iter_mut() {
        en.all([&mut t.title, &mut t.notes]);
    }
    en.all(me.time_blocks.rows.iter_mut().map(|b| &mut b.title));
    for c in me.check_ins.rows.iter_mut() {
        en.all([&mut c.note, &mut c.helped]);
        en.all(&mut c.stressors);
    }
    for a in me.assessments.rows.iter_mut() {
        en.all(a.own.iter_mut().map(|(name, _)| name));
        en.put(&mut a.note);
    }
    for p in me.people.rows.iter_mut() {
        en.all([&mut p.company, &mut p.met_at, &mut p.topics, &mut p.notes]);
    }
    en.all(me.touches.rows.iter_mut().map(|t| &mut t.note));
    for e in me.events.rows.iter_mut() {
        en.all([&mut e.name, &mut e.place, &mut e.notes]);
    }
    for r in me.reviews.rows.iter_mut() {
        en.all([&mut r.focus, &mut r.reflection]);
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
        // The same expenses, only worded in English.
        let spent = |ws: &Workspace| -> Vec<_> {
            ws.budget
                .expenses
                .iter()
                .map(|e| (e.id, e.date, e.category, e.amount, e.link))
                .collect()
        };
        assert_eq!(spent(&en), spent(&zh));
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
            assert!(English::new().get(name).is_some(), "{name}");
        }
        for d in zh.deals.deals.iter().filter(|d| !d.next_step.is_empty()) {
            assert!(
                English::new().get(&d.next_step).is_some(),
                "{}",
                d.next_step
            );
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
        let all: Vec<&str> = NAMES.iter().chain(TEXTS).map(|(zh, _)| *zh).collect();
        for (i, zh) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(zh), "{zh} twice");
        }
    }

    fn is_cjk(c: char) -> bool {
        matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    }

    /// Every text of `v` holding a CJK character, with its path (list positions as `*`).
    fn cjk_texts(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) if s.chars().any(is_cjk) => {
                out.push((path.to_owned(), s.clone()))
            }
            serde_json::Value::Array(xs) => xs
                .iter()
                .for_each(|x| cjk_texts(x, &format!("{path}.*"), out)),
            serde_json::Value::Object(m) => m
                .iter()
                .for_each(|(k, x)| cjk_texts(x, &format!("{path}.{k}"), out)),
            _ => {}
        }
    }

    /// People's and companies' names stay Chinese, and so do the addresses; a deal's
    /// title starts with the customer's brand.
    const NAMES_STAY: [&str; 7] = [
        "team.setup.manager_name",
        "team.members.rows.*.name",
        "customers.customers.rows.*.name",
        "customers.customers.rows.*.address",
        "customers.contacts.rows.*.name",
        "me.people.rows.*.name",
        "deals.deals.rows.*.title",
    ];

    #[test]
    fn the_english_demo_holds_no_chinese_beyond_names() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let en = generate_in(7, DemoSize { deals: 400 }, today, Lang::En);
        let sections = [
            ("team", serde_json::to_value(&*en.team)),
            ("performance", serde_json::to_value(&*en.performance)),
            ("customers", serde_json::to_value(&*en.customers)),
            ("deals", serde_json::to_value(&*en.deals)),
            ("marketing", serde_json::to_value(&*en.marketing)),
            ("promotions", serde_json::to_value(&*en.promotions)),
            ("budget", serde_json::to_value(&*en.budget)),
            ("me", serde_json::to_value(&*en.me)),
        ];
        let mut found = Vec::new();
        for (name, v) in sections {
            cjk_texts(&v.unwrap(), name, &mut found);
        }
        let customer_names: Vec<&str> = en
            .customers
            .customers
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let branded = |t: &str| {
            let rest = t.trim_start_matches(is_cjk);
            rest.starts_with(' ') && !rest.chars().any(is_cjk)
        };
        let may_stay = |path: &str, text: &str| match path {
            // the default tiers are worded in the UI's language when shown
            "customers.loyalty.tiers.*.name" => true,
            // a won deal's line holds its title
            "customers.loyalty_ledger.rows.*.reason" => branded(text),
            // a contact in the manager's network works at a customer
            "me.people.rows.*.company" => customer_names.contains(&text),
            _ => NAMES_STAY.contains(&path),
        };
        found.retain(|(path, text)| !may_stay(path, text));
        found.dedup();
        assert!(
            found.is_empty(),
            "{} Chinese texts: {:#?}",
            found.len(),
            &found[..found.len().min(60)]
        );
        // A title is the brand, then English: "恒达 Cloud ERP pilot".
        for d in en.deals.deals.iter() {
            assert!(branded(&d.title), "{}", d.title);
        }
        // The plans' steps and checklists are the English texts' pieces.
        for p in en.promotions.promotions.iter() {
            for s in &p.steps {
                assert!(p.execution_plan.contains(&s.text), "{}", s.text);
            }
        }
        // Won lines in the ledger hold the won deal's English title.
        for l in en.customers.loyalty_ledger.iter() {
            if let Some(d) = l.deal.and_then(|d| en.deals.deals.get(d)) {
                assert_eq!(l.reason, d.title);
            }
        }
    }
}
