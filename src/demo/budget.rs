//! The budget: categories, lines and expenses.

use super::*;

struct CategorySpec {
    name: &'static str,
    /// This year's plan for the default size, in yuan.
    plan_yuan: i64,
    /// Relative number of expense lines.
    volume: u32,
    /// Actual spend as a share of plan.
    spend: f64,
    payees: [&'static str; 3],
    notes: [&'static str; 3],
}

/// 差旅招待 runs over plan, so a budget alert shows.
const OVER_PLAN: usize = 3;

const CATEGORIES: [CategorySpec; 7] = [
    CategorySpec {
        name: "人员与佣金",
        plan_yuan: 1_800_000,
        volume: 2,
        spend: 0.86,
        payees: ["销售团队", "人力资源部", "销售团队"],
        notes: ["销售提成发放", "季度奖金", "绩效奖金"],
    },
    CategorySpec {
        name: "市场营销",
        plan_yuan: 600_000,
        volume: 4,
        spend: 0.85,
        payees: ["百度推广", "行业B2B平台", "展会主办方"],
        notes: ["关键词推广充值", "平台年费", "展位费"],
    },
    CategorySpec {
        name: "促销活动",
        plan_yuan: 400_000,
        volume: 3,
        spend: 0.8,
        payees: ["会议中心", "礼品供应商", "印刷公司"],
        notes: ["场地租赁", "活动礼品", "物料印刷"],
    },
    CategorySpec {
        name: "差旅招待",
        plan_yuan: 300_000,
        volume: 6,
        spend: 1.02,
        payees: ["航空公司", "连锁酒店", "餐厅"],
        notes: ["拜访客户机票", "出差住宿", "客户招待餐费"],
    },
    CategorySpec {
        name: "培训",
        plan_yuan: 120_000,
        volume: 1,
        spend: 0.7,
        payees: ["销售培训机构", "在线学习平台", "外部讲师"],
        notes: ["顾问式销售培训", "在线课程年卡", "谈判技巧工作坊"],
    },
    CategorySpec {
        name: "工具软件",
        plan_yuan: 150_000,
        volume: 1,
        spend: 0.92,
        payees: ["CRM软件服务商", "云服务商", "办公软件"],
        notes: ["CRM年费", "云服务器费用", "软件授权"],
    },
    CategorySpec {
        name: "其他",
        plan_yuan: 60_000,
        volume: 2,
        spend: 0.75,
        payees: ["办公用品店", "快递公司", "其他"],
        notes: ["办公用品", "合同快递", "杂项支出"],
    },
];

/// Month weights of the promotion budget, which follows the event calendar.
const PROMO_MONTHS: [i64; 12] = [4, 6, 10, 12, 8, 10, 6, 6, 10, 12, 8, 8];

/// Plans grow with the workspace (but not below a quarter of the default).
pub(super) fn budget_scale(deals: usize) -> f64 {
    (deals as f64 / 400.0).max(0.25)
}

pub(super) fn gen_budget(
    rng: &mut Rng,
    counts: &Counts,
    scale: f64,
    marketing: &MarketingFile,
    promotions: &[Promotion],
    today: NaiveDate,
) -> BudgetFile {
    let categories = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, c)| BudgetCategory {
            id: CategoryId(i as u64 + 1),
            name: c.name.into(),
            active: true,
        })
        .collect();
    let lines = budget_lines(scale, today.year());
    let expenses = gen_expenses(rng, counts, &lines, marketing, promotions, today);
    BudgetFile {
        categories: table(categories),
        lines: table(lines),
        expenses: table(expenses),
    }
}

/// Last year's and this year's plan per category (last year 10 % smaller).
fn budget_lines(scale: f64, year: i32) -> Vec<BudgetLine> {
    let mut rows = Vec::new();
    for (y, growth) in [(year - 1, 0.9), (year, 1.0)] {
        for (i, c) in CATEGORIES.iter().enumerate() {
            let planned = round_to(c.plan_yuan as f64 * 100.0 * scale * growth, 1_000);
            let monthly = (c.name == "促销活动").then(|| split_by(planned, &PROMO_MONTHS));
            let planned = monthly
                .as_ref()
                .map(|m| m.iter().copied().sum())
                .unwrap_or(planned);
            rows.push(BudgetLine {
                id: BudgetLineId(rows.len() as u64 + 1),
                year: y,
                category: CategoryId(i as u64 + 1),
                planned,
                monthly,
            });
        }
    }
    rows
}

/// Splits an amount by weights; the last part takes the rounding rest.
fn split_by(total: Money, weights: &[i64]) -> Vec<Money> {
    let sum: i64 = weights.iter().sum();
    let mut parts: Vec<Money> = weights.iter().map(|w| Money(total.0 * w / sum)).collect();
    let rest = total.0 - parts.iter().map(|m| m.0).sum::<i64>();
    if let Some(last) = parts.last_mut() {
        last.0 += rest;
    }
    parts
}

/// Expenses for every month from January last year up to today, per category, so that
/// each category spends about its share of plan.
fn gen_expenses(
    rng: &mut Rng,
    counts: &Counts,
    lines: &[BudgetLine],
    marketing: &MarketingFile,
    promotions: &[Promotion],
    today: NaiveDate,
) -> Vec<Expense> {
    let months = 12 + today.month() as usize;
    let volume: u32 = CATEGORIES.iter().map(|c| c.volume).sum();
    let mut rows = Vec::with_capacity(counts.expenses + months * CATEGORIES.len());
    for line in lines {
        let cat = line.category.0 as usize - 1;
        let per_month =
            counts.expenses as f64 * CATEGORIES[cat].volume as f64 / volume as f64 / months as f64;
        for month in 1..=12u32 {
            let period = Period::month(line.year, month);
            if period.start > today {
                break;
            }
            let spend = month_spend(rng, line, cat, period, today);
            let n = (per_month.round() as usize).max(1);
            let ctx = ExpenseCtx {
                cat,
                period,
                marketing,
                promotions,
                today,
            };
            for amount in split_random(rng, spend, n) {
                let e = expense(rng, rows.len() + 1, &ctx, amount);
                rows.push(e);
            }
        }
    }
    rows
}

/// What a category spent in one month. The current month is cut to the days gone by,
/// except for the over-plan category, whose spend is booked early so its alert shows
/// whatever the day.
fn month_spend(
    rng: &mut Rng,
    line: &BudgetLine,
    cat: usize,
    period: Period,
    today: NaiveDate,
) -> Money {
    let noise = 0.85 + 0.3 * rng.unit();
    let share = if cat == OVER_PLAN {
        CATEGORIES[cat].spend * (0.98 + 0.06 * rng.unit())
    } else {
        CATEGORIES[cat].spend * noise
    };
    let elapsed = if period.contains(today) && cat != OVER_PLAN {
        (today.day() as f64 / period.days() as f64).max(0.1)
    } else {
        1.0
    };
    let plan = line.month_plan(period.start.month()).0 as f64;
    round_to(plan * share * elapsed, 10)
}

/// Splits an amount into `n` random parts of whole yuan, each at least one yuan.
fn split_random(rng: &mut Rng, total: Money, n: usize) -> Vec<Money> {
    let n = n.min((total.0 / 100).max(1) as usize);
    let weights: Vec<f64> = (0..n).map(|_| 0.5 + rng.unit()).collect();
    let sum: f64 = weights.iter().sum();
    let mut parts: Vec<Money> = weights
        .iter()
        .map(|w| round_to(total.0 as f64 * w / sum, 1))
        .collect();
    // Keep the month's total exact: the first part absorbs the rounding.
    let rest = total.0 - parts.iter().map(|m| m.0).sum::<i64>();
    parts[0].0 = (parts[0].0 + rest).max(100);
    parts
}

struct ExpenseCtx<'a> {
    cat: usize,
    period: Period,
    marketing: &'a MarketingFile,
    promotions: &'a [Promotion],
    today: NaiveDate,
}

fn expense(rng: &mut Rng, id: usize, ctx: &ExpenseCtx, amount: Money) -> Expense {
    let spec = &CATEGORIES[ctx.cat];
    let date = day_between(rng, ctx.period.start, ctx.period.end.min(ctx.today));
    let k = rng.below(3) as usize;
    Expense {
        id: ExpenseId(id as u64),
        date,
        category: CategoryId(ctx.cat as u64 + 1),
        amount,
        payee: spec.payees[k].into(),
        note: format!("{}月{}", ctx.period.start.month(), spec.notes[k]),
        link: expense_link(rng, ctx, date),
    }
}

/// Promotion spend links to the event running around that date; marketing spend
/// usually to one of the active channels.
fn expense_link(rng: &mut Rng, ctx: &ExpenseCtx, date: NaiveDate) -> Option<SourceRef> {
    match CATEGORIES[ctx.cat].name {
        "促销活动" => ctx
            .promotions
            .iter()
            .filter(|p| matches!(p.status, PromotionStatus::Done | PromotionStatus::Running))
            .find(|p| add_days(p.start, -30) <= date && date <= add_days(p.end, 10))
            .map(|p| SourceRef::Promotion(p.id)),
        "市场营销" if rng.chance(70) => {
            let active: Vec<ChannelId> = ctx
                .marketing
                .channels
                .iter()
                .filter(|c| c.active)
                .map(|c| c.id)
                .collect();
            Some(SourceRef::Channel(*rng.pick(&active)))
        }
        _ => None,
    }
}
