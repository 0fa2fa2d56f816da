//! Marketing: segments, channels, content, research; plans and market sizes come last,
//! once the deals and the budget exist.

use super::*;

/// (name, criteria, needs, positioning)
const SEGMENTS: [(&str, &str, &str, &str); 4] = [
    (
        "大型制造企业",
        "年营收5亿元以上，拥有多个工厂或仓库的制造企业",
        "多工厂协同、生产与库存一体化、与集团财务对接",
        "多工厂制造企业首选的一体化云ERP：一套系统打通生产、库存与集团财务。",
    ),
    (
        "中型商贸流通企业",
        "年营收5000万至5亿元的商贸、物流和建材企业",
        "进销存透明、仓库作业效率、应收账款管理",
        "让每一笔货和每一笔款都看得见的进销存与仓储方案。",
    ),
    (
        "成长型科技企业",
        "成立3至10年、快速扩张的电子、医药和软件企业",
        "快速上线、按需付费、随业务扩展的灵活配置",
        "两周上线、按需付费，随业务一起长大的ERP。",
    ),
    (
        "连锁零售企业",
        "门店20家以上的连锁超市和专卖店",
        "门店补货、总仓配送、会员与促销数据打通",
        "从总仓到门店一体化补货，让促销和会员数据说话。",
    ),
];

/// The planned yearly budget of each channel, in yuan (by index in [`CHANNELS`]).
const CHANNEL_BUDGETS: [i64; 8] = [180_000, 60_000, 90_000, 0, 240_000, 120_000, 30_000, 40_000];

/// (name, kind, notes, active)
const CHANNELS: [(&str, ChannelKind, &str, bool); 8] = [
    (
        "官网与搜索推广",
        ChannelKind::Online,
        "百度关键词推广和官网在线咨询。",
        true,
    ),
    (
        "微信公众号",
        ChannelKind::Online,
        "每周两篇行业文章，文末留资。",
        true,
    ),
    (
        "行业B2B平台",
        ChannelKind::Online,
        "在两家行业平台开设企业店铺。",
        true,
    ),
    (
        "短视频平台",
        ChannelKind::Online,
        "试投放三个月，线索质量不高，已暂停。",
        false,
    ),
    (
        "行业展会",
        ChannelKind::OfflineEvent,
        "每年参加两次华东和华南的制造业展会。",
        true,
    ),
    (
        "城市巡回沙龙",
        ChannelKind::OfflineEvent,
        "每季度在重点城市办客户沙龙。",
        true,
    ),
    (
        "老客户转介绍",
        ChannelKind::WordOfMouth,
        "老客户推荐成交后赠送服务积分。",
        true,
    ),
    (
        "合作伙伴推荐",
        ChannelKind::WordOfMouth,
        "与实施伙伴和咨询公司互相推荐客户。",
        true,
    ),
];

/// (title, kind, channel index, days ago (negative = scheduled), published)
const CONTENT: [(&str, ContentKind, usize, i64, bool); 9] = [
    (
        "云ERP产品白皮书（2024版）",
        ContentKind::ProductIntro,
        0,
        160,
        true,
    ),
    (
        "智能仓储方案三分钟动画",
        ContentKind::ProductIntro,
        1,
        120,
        true,
    ),
    (
        "制造业数字化转型案例集",
        ContentKind::ProductIntro,
        2,
        75,
        true,
    ),
    ("年中签约季优惠说明", ContentKind::Promotion, 1, 40, true),
    (
        "老客户推荐有礼活动海报",
        ContentKind::Promotion,
        6,
        95,
        true,
    ),
    ("智能仓储免费试用招募", ContentKind::Promotion, 0, 12, true),
    (
        "我们为什么坚持做中小企业的ERP",
        ContentKind::BrandStory,
        1,
        140,
        true,
    ),
    (
        "十年服务三千家客户的故事",
        ContentKind::BrandStory,
        5,
        60,
        true,
    ),
    (
        "客户之声：一家连锁超市的仓库变化",
        ContentKind::BrandStory,
        1,
        -10,
        false,
    ),
];

pub(super) fn gen_marketing(rng: &mut Rng, today: NaiveDate) -> MarketingFile {
    let segments = SEGMENTS
        .iter()
        .enumerate()
        .map(|(i, (name, criteria, needs, positioning))| Segment {
            id: SegmentId(i as u64 + 1),
            name: (*name).into(),
            criteria: (*criteria).into(),
            needs: (*needs).into(),
            positioning: (*positioning).into(),
        })
        .collect();
    let channels = CHANNELS
        .iter()
        .enumerate()
        .zip(CHANNEL_BUDGETS)
        .map(|((i, (name, kind, notes, active)), budget)| Channel {
            id: ChannelId(i as u64 + 1),
            name: (*name).into(),
            kind: *kind,
            notes: (*notes).into(),
            active: *active,
            planned_budget: Money::from_major(budget),
        })
        .collect();
    let content = CONTENT
        .iter()
        .enumerate()
        .map(|(i, (title, kind, channel, ago, published))| Content {
            id: ContentId(i as u64 + 1),
            title: (*title).into(),
            kind: *kind,
            channel: Some(ChannelId(*channel as u64 + 1)),
            date: add_days(today, -ago - rng.range(0, 3)),
            status: match (*published, *ago < -20) {
                (true, _) => ContentStatus::Published,
                (false, true) => ContentStatus::Idea,
                (false, false) => ContentStatus::Planned,
            },
            // The manager plans the content; the demo's first member is the manager.
            owner: Some(MemberId(1)),
            notes: String::new(),
        })
        .collect();
    MarketingFile {
        research: table(gen_research(today)),
        segments: table(segments),
        channels: table(channels),
        content: table(content),
        plans: Table::default(),
        market_sizes: Table::default(),
    }
}

fn gen_research(today: NaiveDate) -> Vec<Research> {
    vec![
        Research {
            id: ResearchId(1),
            title: "中型制造企业ERP更换意向调研".into(),
            date: add_days(today, -150),
            source: "电话问卷，有效样本212家".into(),
            findings: "约三成企业计划两年内更换ERP；最关心实施周期和总成本；\
                       决策人多为财务总监和生产副总。"
                .into(),
            segment: Some(SegmentId(1)),
            kind: ResearchKind::CustomerNeed,
            ..research_note()
        },
        Research {
            id: ResearchId(2),
            title: "连锁零售仓储自动化需求访谈".into(),
            date: add_days(today, -70),
            source: "深度访谈15家连锁企业".into(),
            findings: "总仓拣货效率是最大痛点；门店补货靠经验；\
                       愿意先小范围试用再决定采购。"
                .into(),
            segment: Some(SegmentId(4)),
            kind: ResearchKind::CustomerNeed,
            ..research_note()
        },
        Research {
            id: ResearchId(3),
            title: "金蝶云星空：中型制造企业市场动向".into(),
            date: add_days(today, -45),
            source: "官网公开价格与两家客户访谈".into(),
            findings: "在华东中型制造企业中报价最低，常以价格取胜。".into(),
            segment: Some(SegmentId(1)),
            kind: ResearchKind::Competitor,
            competitor: "金蝶云星空".into(),
            strengths: "品牌知名度高；财务模块成熟；渠道伙伴多。".into(),
            weaknesses: "生产与仓储模块需要二次开发；实施周期长。".into(),
            prices: "标准版每用户每年约4800元起".into(),
            recent_moves: "上季度推出制造业行业版，首年八折。".into(),
        },
        Research {
            id: ResearchId(4),
            title: "用友YonSuite：成长型企业的打法".into(),
            date: add_days(today, -20),
            source: "行业展会现场交流".into(),
            findings: "主打快速上线和按月付费，与我们正面竞争成长型企业。".into(),
            segment: Some(SegmentId(3)),
            kind: ResearchKind::Competitor,
            competitor: "用友YonSuite".into(),
            strengths: "产品线全；云服务稳定；大客户案例多。".into(),
            weaknesses: "中小客户服务响应慢；定制价格高。".into(),
            prices: "按模块订阅，年费约3万元起".into(),
            recent_moves: "在华南新开两家服务中心。".into(),
        },
        Research {
            id: ResearchId(5),
            title: "制造业上云趋势：从财务到生产".into(),
            date: add_days(today, -100),
            source: "行业协会年度报告".into(),
            findings: "中型制造企业上云率一年内从28%升到37%，生产管理模块增长最快。".into(),
            segment: None,
            kind: ResearchKind::Trend,
            ..research_note()
        },
    ]
}

/// The fields a research note without competitor details leaves empty.
fn research_note() -> Research {
    Research {
        id: ResearchId(0),
        title: String::new(),
        date: NaiveDate::default(),
        source: String::new(),
        findings: String::new(),
        segment: None,
        kind: ResearchKind::Other,
        competitor: String::new(),
        strengths: String::new(),
        weaknesses: String::new(),
        prices: String::new(),
        recent_moves: String::new(),
    }
}

/// Where leads come from: active channels and running or finished promotions.
pub(super) fn lead_sources(marketing: &MarketingFile, promotions: &[Promotion]) -> Vec<SourceRef> {
    let channels = marketing
        .channels
        .iter()
        .filter(|c| c.active)
        .map(|c| SourceRef::Channel(c.id));
    let events = promotions
        .iter()
        .filter(|p| matches!(p.status, PromotionStatus::Done | PromotionStatus::Running))
        .map(|p| SourceRef::Promotion(p.id));
    channels.chain(events).collect()
}

/// Marketing plans and market sizes need the budget and the revenue, so they come last.
pub(super) fn add_plans_and_market_sizes(
    marketing: &mut MarketingFile,
    deals: &Table<Deal>,
    budget: &BudgetFile,
    today: NaiveDate,
) {
    let year = today.year();
    let marketing_plan = budget
        .lines
        .iter()
        .find(|l| l.year == year && l.category == CategoryId(2))
        .map(|l| l.planned)
        .unwrap_or(Money::ZERO);
    let (qy, q) = quarter_of(today);
    marketing.plans = table(vec![
        MarketingPlan {
            id: MarketingPlanId(1),
            name: format!("{year}年度数字化营销计划"),
            period: Period::year(year),
            goal: "线上渠道线索占比提升到40%，获客成本下降15%。".into(),
            segments: vec![SegmentId(1), SegmentId(2), SegmentId(3)],
            channels: vec![ChannelId(1), ChannelId(2), ChannelId(3)],
            budget: marketing_plan.percent(60.0),
            notes: "每月复盘各渠道线索数量和成交转化。".into(),
        },
        MarketingPlan {
            id: MarketingPlanId(2),
            name: format!("{qy}年第{q}季度展会与沙龙冲刺"),
            period: Period::quarter(qy, q),
            goal: "通过两场沙龙和一次展会获取120条有效线索。".into(),
            segments: vec![SegmentId(1), SegmentId(4)],
            channels: vec![ChannelId(5), ChannelId(6)],
            budget: marketing_plan.percent(15.0),
            notes: String::new(),
        },
    ]);
    marketing.market_sizes = table(market_sizes(marketing, deals, today));
}

/// Market sizes that put the team's yearly revenue at roughly 4–5 % share.
fn market_sizes(
    marketing: &MarketingFile,
    deals: &Table<Deal>,
    today: NaiveDate,
) -> Vec<MarketSize> {
    let year = today.year();
    let won = won_revenue_since(deals, add_days(today, -365));
    let whole = round_to((won.0 as f64 / 0.045).max(1e10), 1_000_000);
    let mut rows = vec![
        MarketSize {
            id: MarketSizeId(1),
            segment: None,
            period: Period::year(year),
            size: whole,
            source: "行业协会年度报告（估算）".into(),
        },
        MarketSize {
            id: MarketSizeId(2),
            segment: None,
            period: Period::year(year - 1),
            size: round_to(whole.0 as f64 * 0.92, 1_000_000),
            source: "行业协会年度报告".into(),
        },
    ];
    // The segments split this year's market unevenly, as real markets do.
    const SHARES: [f64; 4] = [0.40, 0.30, 0.18, 0.12];
    for (seg, share) in marketing.segments.iter().zip(SHARES) {
        rows.push(MarketSize {
            id: MarketSizeId(rows.len() as u64 + 1),
            segment: Some(seg.id),
            period: Period::year(year),
            size: round_to(whole.0 as f64 * share, 1_000_000),
            source: "市场调研估算".into(),
        });
    }
    rows
}

pub(super) fn won_revenue_since(deals: &Table<Deal>, from: NaiveDate) -> Money {
    deals
        .iter()
        .filter(|d| d.stage == Stage::Won && d.stage_since() >= from)
        .map(|d| d.amount)
        .sum()
}
