//! Deals through the five-stage sales process.

use super::*;

/// Relative weights of the final stage, in `Stage::ALL` order.
const OUTCOME_WEIGHTS: [u32; 6] = [17, 13, 10, 6, 29, 25];
/// From which open stage lost deals were lost.
const LOST_FROM_WEIGHTS: [u32; 4] = [20, 30, 35, 15];
/// Relative weights of the lost reasons, in `LostReason::ALL` order.
const LOST_REASON_WEIGHTS: [u32; 6] = [30, 25, 15, 12, 12, 6];

const TITLE_SUFFIXES: [&str; 6] = [
    "项目",
    "一期项目",
    "二期扩容",
    "升级改造",
    "年度采购",
    "试点项目",
];

const NEXT_STEPS: [[&str; 3]; 5] = [
    [
        "电话初步沟通，确认采购意向",
        "发送产品资料并约见面",
        "确认决策人和预算",
    ],
    ["上门调研业务流程", "安排售前做需求梳理", "提交需求调研报告"],
    [
        "提交正式报价单",
        "与采购部商谈价格",
        "准备方案演示与报价答疑",
    ],
    [
        "法务审核合同条款",
        "确认付款方式并盖章",
        "推动客户走内部审批",
    ],
    ["安排实施启动会", "回访上线使用情况", "跟进首期回款"],
];

const DEAL_NOTES: [&str; 6] = [
    "客户对移动端审批很感兴趣。",
    "需要和现有财务软件对接。",
    "客户希望分两期实施。",
    "竞争对手报价比我们低约10%。",
    "客户高层支持，IT部门有顾虑。",
    "已安排售前做现场演示。",
];

fn lost_note(rng: &mut Rng, reason: LostReason) -> String {
    let notes: &[&str] = match reason {
        LostReason::Price => &[
            "客户认为报价高于预算约15%，最终选了低价方案。",
            "折扣申请未获批准，客户转向价格更低的产品。",
        ],
        LostReason::Competitor => &[
            "竞争对手有同行业成功案例，客户选择了对方。",
            "对手承诺更短的实施周期。",
        ],
        LostReason::NoBudget => &["客户今年预算被砍，项目取消。", "集团冻结了信息化投入。"],
        LostReason::Timing => &[
            "客户业务调整，项目推迟到明年。",
            "正值旺季，客户无暇上新系统。",
        ],
        LostReason::NoDecision => &[
            "客户内部意见不统一，一直没有结论。",
            "决策人离职，项目搁置。",
        ],
        LostReason::Other => &[
            "客户被收购，采购由新股东统一安排。",
            "需求与我们的产品不匹配。",
        ],
    };
    rng.pick(notes).to_string()
}

/// The stages a deal entered, oldest first, and the reason if it was lost.
fn pick_path(rng: &mut Rng, i: usize) -> (Vec<Stage>, Option<LostReason>) {
    // The first deals cover every stage and every lost reason, so every board column
    // and every reason shows up even in a small workspace.
    let (stage, forced_reason) = match i {
        0..6 => (Stage::ALL[i], None),
        6..12 => (Stage::Lost, Some(LostReason::ALL[i - 6])),
        _ => (Stage::ALL[rng.weighted(&OUTCOME_WEIGHTS)], None),
    };
    if stage == Stage::Lost {
        let from = rng.weighted(&LOST_FROM_WEIGHTS);
        let mut path = Stage::OPEN[..=from].to_vec();
        path.push(Stage::Lost);
        let reason =
            forced_reason.unwrap_or_else(|| LostReason::ALL[rng.weighted(&LOST_REASON_WEIGHTS)]);
        (path, Some(reason))
    } else {
        let upto = stage.funnel_index().expect("a funnel stage");
        (Stage::FUNNEL[..=upto].to_vec(), None)
    }
}

/// Days spent in the previous stage before entering `stage`.
fn days_to_enter(rng: &mut Rng, stage: Stage) -> i64 {
    match stage {
        Stage::Lead => 0,
        Stage::Needs => rng.range(3, 20),
        Stage::Quote => rng.range(5, 25),
        Stage::Contract => rng.range(5, 30),
        Stage::Won => rng.range(3, 20),
        Stage::Lost => rng.range(5, 40),
    }
}

/// Dates for each stage of `path`, ending at a day chosen so that closed deals spread
/// over the last year and some open deals sit past their stage's stale limit.
/// Returns the history and whether the deal is stale.
fn timeline(
    rng: &mut Rng,
    path: &[Stage],
    settings: &Settings,
    today: NaiveDate,
) -> (Vec<StageEntry>, bool) {
    let gaps: Vec<i64> = path.iter().map(|s| days_to_enter(rng, *s)).collect();
    let total: i64 = gaps.iter().sum();
    let last = *path.last().expect("a path is never empty");
    let (age, stale) = match last.open_index() {
        Some(i) => {
            let limit = settings.stale_days[i] as i64;
            if rng.chance(25) {
                (limit + rng.range(1, 45), true)
            } else {
                (rng.range(0, limit - 1), false)
            }
        }
        None => (rng.range(0, (365 - total).max(0)), false),
    };
    let mut date = add_days(today, -age);
    let mut history = vec![StageEntry { stage: last, date }; path.len()];
    for k in (0..path.len()).rev() {
        history[k] = StageEntry {
            stage: path[k],
            date,
        };
        date = add_days(date, -gaps[k]);
    }
    (history, stale)
}

/// Between 5万 and 80万 yuan, most deals small and a few large; key accounts larger.
fn deal_amount(rng: &mut Rng, role: Role) -> Money {
    let u = rng.unit();
    let skew = if role == Role::KeyAccountManager {
        u.sqrt()
    } else {
        u * u
    };
    let yuan_amount = 50_000.0 + 750_000.0 * skew;
    yuan(((yuan_amount / 1000.0).round() as i64) * 1000)
}

/// Expected close, original close and slip count, consistent with how the deal went.
fn close_dates(
    rng: &mut Rng,
    created: NaiveDate,
    stage: Stage,
    since: NaiveDate,
    today: NaiveDate,
) -> (Option<NaiveDate>, Option<NaiveDate>, u32) {
    if stage == Stage::Lead && rng.chance(20) {
        return (None, None, 0); // too early to estimate
    }
    let original = add_days(created, rng.range(30, 120));
    match stage {
        Stage::Won => {
            let slips = if since > add_days(original, 7) {
                rng.range(1, 2) as u32
            } else {
                0
            };
            (Some(since), Some(original), slips)
        }
        Stage::Lost => (Some(original), Some(original), 0),
        _ => {
            let mut slips = if rng.chance(25) {
                rng.range(1, 3) as u32
            } else {
                0
            };
            let mut expected = add_days(original, slips as i64 * rng.range(10, 25));
            // Most reps move a date that has passed; some leave it overdue.
            if expected < today && rng.chance(60) {
                expected = add_days(today, rng.range(7, 45));
                slips += 1;
            }
            (Some(expected), Some(original), slips)
        }
    }
}

/// A manual probability near the stage default, for about one open deal in eight.
fn probability_override(rng: &mut Rng, stage: Stage, settings: &Settings) -> Option<u8> {
    let i = stage.open_index()?;
    if !rng.chance(12) {
        return None;
    }
    let p = settings.stage_probability[i] as i64 + rng.range(-15, 15);
    Some(p.clamp(5, 95) as u8)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn gen_deals(
    rng: &mut Rng,
    counts: &Counts,
    book: &mut Book,
    members: &Table<Member>,
    sources: &[SourceRef],
    settings: &Settings,
    today: NaiveDate,
) -> Table<Deal> {
    let n_customers = book.customers.len();
    let mut rows = Vec::with_capacity(counts.deals);
    let mut has_deal = vec![false; n_customers];
    for i in 0..counts.deals {
        // Skewed towards the first customers: a few accounts buy again and again.
        let c = ((n_customers as f64) * rng.unit().powf(1.6)) as usize;
        let c = c.min(n_customers - 1);
        let owner_id = book.customers[c]
            .owner
            .expect("demo customers have an owner");
        let owner = members.get(owner_id).expect("owner exists");
        let deal = gen_deal(
            rng,
            i,
            &book.customers[c],
            &book.brands[c],
            owner,
            sources,
            settings,
            today,
        );
        // A customer exists no later than its first deal.
        let created = deal.created();
        if created < book.customers[c].created {
            book.customers[c].created = created;
        }
        has_deal[c] = true;
        rows.push(deal);
    }
    // A customer without a deal yet is mostly a recent find: the Dashboard's new
    // customers count is alive in every period, this month included.
    for (customer, _) in book
        .customers
        .iter_mut()
        .zip(&has_deal)
        .filter(|(_, d)| !**d)
    {
        customer.created = add_days(today, -rng.range(0, 150));
    }
    table(rows)
}

#[allow(clippy::too_many_arguments)]
fn gen_deal(
    rng: &mut Rng,
    i: usize,
    customer: &Customer,
    brand: &str,
    owner: &Member,
    sources: &[SourceRef],
    settings: &Settings,
    today: NaiveDate,
) -> Deal {
    let (path, reason) = pick_path(rng, i);
    let (history, stale) = timeline(rng, &path, settings, today);
    let stage = history.last().expect("history").stage;
    let since = history.last().expect("history").date;
    let created = history[0].date;
    let (expected_close, original_close, close_slips) =
        close_dates(rng, created, stage, since, today);
    let product = rng.pick(&owner.product_lines).clone();
    let (next_step, next_step_due) = next_step(rng, stage, since, today);
    Deal {
        id: DealId(i as u64 + 1),
        external_id: None,
        title: format!("{brand}{product}{}", rng.pick(&TITLE_SUFFIXES)),
        customer: customer.id,
        owner: owner.id,
        product,
        region: owner.region.clone(),
        source: if rng.chance(60) {
            customer.source
        } else {
            Some(*rng.pick(sources))
        },
        amount: deal_amount(rng, owner.role),
        stage,
        lost: reason.map(|r| LostInfo {
            reason: r,
            note: lost_note(rng, r),
        }),
        probability_override: probability_override(rng, stage, settings),
        expected_close,
        original_close,
        close_slips,
        next_step,
        next_step_due,
        last_activity: last_activity(rng, stage, since, stale, settings, today),
        forecast_override: None,
        notes: if rng.chance(30) {
            rng.pick(&DEAL_NOTES).to_string()
        } else {
            String::new()
        },
        history,
    }
}

fn next_step(
    rng: &mut Rng,
    stage: Stage,
    since: NaiveDate,
    today: NaiveDate,
) -> (String, Option<NaiveDate>) {
    match stage.funnel_index() {
        None => (String::new(), None), // lost: nothing more to do
        Some(4) => (
            rng.pick(&NEXT_STEPS[4]).to_string(),
            Some(add_days(since, rng.range(7, 40))),
        ),
        Some(i) => (
            rng.pick(&NEXT_STEPS[i]).to_string(),
            // Some steps are overdue, most are coming up.
            Some(add_days(today, rng.range(-7, 21))),
        ),
    }
}

/// Stale deals were last touched when they entered their stage; the others recently
/// enough to stay under their stage's limit.
fn last_activity(
    rng: &mut Rng,
    stage: Stage,
    since: NaiveDate,
    stale: bool,
    settings: &Settings,
    today: NaiveDate,
) -> NaiveDate {
    let age = days_between(since, today);
    match stage.open_index() {
        Some(_) if stale => since,
        Some(i) => {
            let limit = settings.stale_days[i] as i64 - 1;
            add_days(today, -rng.range(0, limit.min(age)))
        }
        None => add_days(since, rng.range(0, age.min(10))),
    }
}
