//! Contacts, interactions, feedback and the loyalty ledger.

use super::*;

const TITLES: [&str; 8] = [
    "总经理",
    "采购经理",
    "IT总监",
    "财务总监",
    "仓储主管",
    "运营副总",
    "生产经理",
    "信息部主管",
];

/// The customer file: the customers plus what hangs off them.
pub(super) fn gen_customer_file(
    rng: &mut Rng,
    counts: &Counts,
    book: Book,
    deals: &Table<Deal>,
    today: NaiveDate,
) -> CustomersFile {
    let (contacts, spans) = gen_contacts(rng, &book);
    let interactions = gen_interactions(rng, counts, &book.customers, &spans, &contacts, today);
    let feedback = gen_feedback(rng, counts, &book.customers, today);
    let ledger = gen_loyalty_ledger(rng, deals, today);
    CustomersFile {
        customers: table(book.customers),
        contacts: table(contacts),
        interactions: table(interactions),
        feedback: table(feedback),
        loyalty: LoyaltyProgram::default(),
        loyalty_ledger: table(ledger),
    }
}

/// One to three contacts per customer; `spans[c]` is the index range of customer c's.
fn gen_contacts(rng: &mut Rng, book: &Book) -> (Vec<Contact>, Vec<std::ops::Range<usize>>) {
    let mut contacts = Vec::with_capacity(book.customers.len() * 2);
    let mut spans = Vec::with_capacity(book.customers.len());
    for (c, domain) in book.customers.iter().zip(&book.domains) {
        let start = contacts.len();
        for k in 0..rng.range(1, 3) {
            let surname = rng.pick(&SURNAMES);
            let given = rng.pick(&GIVEN_NAMES);
            contacts.push(Contact {
                id: ContactId(contacts.len() as u64 + 1),
                customer: c.id,
                name: format!("{}{}", surname.0, given.0),
                title: rng.pick(&TITLES).to_string(),
                phone: rng.mobile(),
                email: format!("{}{}@{domain}", surname.1, given.1),
                primary: k == 0,
            });
        }
        spans.push(start..contacts.len());
    }
    (contacts, spans)
}

fn interaction_note(rng: &mut Rng, kind: InteractionKind) -> &'static str {
    let notes: &[&str] = match kind {
        InteractionKind::Call => &[
            "电话沟通项目进度，客户内部正在走审批。",
            "电话确认下周上门拜访的时间和参会人。",
            "回访系统使用情况，客户整体满意。",
        ],
        InteractionKind::Visit => &[
            "上门拜访，参观了仓库现场作业流程。",
            "拜访财务总监，介绍成本核算模块。",
            "陪同售前做现场需求调研。",
        ],
        InteractionKind::Email => &[
            "发送产品白皮书和报价说明。",
            "邮件发送会议纪要及下一步计划。",
            "回复客户关于数据迁移的技术问题。",
        ],
        InteractionKind::Meeting => &[
            "与客户IT和业务部门开方案评审会。",
            "高层会面，讨论年度合作框架。",
            "项目周例会，确认上线时间表。",
        ],
    };
    rng.choose(notes)
}

const OUTCOMES: [&str; 6] = [
    "客户有明确采购意向。",
    "需要补充同行业成功案例。",
    "等待客户内部预算审批。",
    "客户要求提供详细实施方案。",
    "进展顺利，按计划推进。",
    "客户暂无新需求。",
];

fn gen_interactions(
    rng: &mut Rng,
    counts: &Counts,
    customers: &[Customer],
    spans: &[std::ops::Range<usize>],
    contacts: &[Contact],
    today: NaiveDate,
) -> Vec<Interaction> {
    let mut rows = Vec::with_capacity(customers.len() * 3);
    for (ci, c) in customers.iter().enumerate() {
        for k in 0..rng.range(1, 5) {
            let contact = contacts[spans[ci].start + rng.below(spans[ci].len() as u64) as usize].id;
            let mut it = gen_interaction(rng, rows.len() as u64 + 1, c, contact, today);
            if k == 0 {
                force_follow_up(rng, ci, counts.follow_ups, &mut it, today);
            }
            rows.push(it);
        }
    }
    rows
}

fn gen_interaction(
    rng: &mut Rng,
    id: u64,
    c: &Customer,
    contact: ContactId,
    today: NaiveDate,
) -> Interaction {
    let kind = *rng.pick(&InteractionKind::ALL);
    let date = day_between(rng, c.created, today);
    let follow_up = rng.chance(40).then(|| add_days(date, rng.range(3, 21)));
    // Old follow-ups are done; recent ones sometimes still open (overdue).
    let follow_up_done = match follow_up {
        Some(f) if f > today => false,
        Some(f) if f >= add_days(today, -14) => rng.chance(75),
        Some(_) => true,
        None => false,
    };
    Interaction {
        id: InteractionId(id),
        customer: c.id,
        contact: Some(contact),
        member: c.owner,
        kind,
        date,
        note: interaction_note(rng, kind).into(),
        outcome: rng.pick(&OUTCOMES).to_string(),
        follow_up,
        follow_up_done,
        promotion: None,
    }
}

/// The first customers' first interactions get a follow-up due today, the next ones an
/// overdue one, so the reminders are never empty. Customers are at least 30 days old.
fn force_follow_up(rng: &mut Rng, ci: usize, n: usize, it: &mut Interaction, today: NaiveDate) {
    if ci < n {
        it.date = add_days(today, -rng.range(1, 7));
        it.follow_up = Some(today);
    } else if ci < 2 * n {
        it.date = add_days(today, -rng.range(8, 20));
        it.follow_up = Some(add_days(today, -rng.range(1, 5)));
    } else {
        return;
    }
    it.follow_up_done = false;
}

fn feedback_text(rng: &mut Rng, kind: FeedbackKind) -> &'static str {
    let texts: &[&str] = match kind {
        FeedbackKind::Complaint => &[
            "月底结账时系统响应很慢。",
            "实施顾问更换频繁，交接不清楚。",
            "手持终端扫码偶尔失灵。",
        ],
        FeedbackKind::Suggestion => &[
            "希望报表能直接导出到Excel。",
            "建议增加移动端审批提醒。",
            "希望能按门店查看库存周转。",
        ],
        FeedbackKind::Praise => &[
            "上线后库存准确率明显提升，感谢团队。",
            "客服响应及时，问题当天解决。",
            "培训很细致，员工上手很快。",
        ],
    };
    rng.choose(texts)
}

const RESOLUTIONS: [&str; 4] = [
    "已优化数据库索引，结账时间缩短到原来的三分之一。",
    "指定专属顾问并补充交接文档。",
    "已在新版本中加入该功能并通知客户。",
    "已回复客户并记录到知识库。",
];

/// Feedback in every kind and status; resolved items carry their resolution.
fn gen_feedback(
    rng: &mut Rng,
    counts: &Counts,
    customers: &[Customer],
    today: NaiveDate,
) -> Vec<Feedback> {
    (0..counts.feedback)
        .map(|i| {
            let c = rng.pick(customers);
            let status = FeedbackStatus::ALL[i % 3];
            let kind = FeedbackKind::ALL[(i / 3) % 3];
            let oldest = add_days(today, -150).max(c.created);
            let date = day_between(rng, oldest, add_days(today, -3));
            let resolved = status == FeedbackStatus::Resolved;
            Feedback {
                id: FeedbackId(i as u64 + 1),
                customer: c.id,
                kind,
                date,
                text: feedback_text(rng, kind).into(),
                status,
                resolution: if resolved {
                    rng.pick(&RESOLUTIONS).to_string()
                } else {
                    String::new()
                },
                resolved_on: resolved.then(|| add_days(date, rng.range(1, 14)).min(today)),
                promotion: None,
            }
        })
        .collect()
}

const REWARDS: [&str; 4] = [
    "免费实施培训2天",
    "系统年费抵扣",
    "行业峰会门票",
    "定制礼品",
];

/// Points for every won deal (one per yuan), and some redemptions.
fn gen_loyalty_ledger(rng: &mut Rng, deals: &Table<Deal>, today: NaiveDate) -> Vec<LoyaltyEntry> {
    let mut rows = Vec::new();
    for d in deals.iter().filter(|d| d.stage == Stage::Won) {
        let won = d.stage_since();
        rows.push(LoyaltyEntry {
            id: LoyaltyEntryId(rows.len() as u64 + 1),
            customer: d.customer,
            date: won,
            points: d.amount.0 / 100,
            reason: d.title.clone(),
            event: Some(LedgerEvent::Won),
            deal: Some(d.id),
        });
        if rng.chance(15) {
            rows.push(LoyaltyEntry {
                id: LoyaltyEntryId(rows.len() as u64 + 1),
                customer: d.customer,
                date: add_days(won, rng.range(5, 60)).min(today),
                points: -rng.range(5, 20) * 1000,
                reason: format!("{}{}", english::REDEEMED_ZH, rng.pick(&REWARDS)),
                event: None,
                deal: None,
            });
        }
    }
    rows
}
