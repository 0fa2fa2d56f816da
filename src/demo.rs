//! A seeded, deterministic generator of a realistic demo workspace (演示工作区).
//!
//! The same `(seed, size, today)` always gives the same workspace, so screenshots, tests
//! and benchmarks are stable. Each section draws from its own random stream, so adding
//! data to one section does not reshuffle the others. Tables are built by pushing rows
//! with increasing ids (not through `Document::apply`), which keeps 100k deals fast.
//! All Chinese text stays within GB2312, the range the bundled font covers.

use crate::model::*;
use chrono::{Datelike, NaiveDate, TimeDelta};
use std::sync::Arc;

/// How big a demo workspace to make; everything but the team and the fixed lists
/// (categories, channels, promotions …) scales with the number of deals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    pub deals: usize,
}

impl DemoSize {
    pub const DEFAULT: DemoSize = DemoSize { deals: 400 };
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize::DEFAULT
    }
}

/// Deterministic for (seed, size, today). Returns a Workspace with settings.demo = true.
pub fn generate(seed: u64, size: DemoSize, today: NaiveDate) -> Workspace {
    let counts = Counts::new(size.deals);
    let settings = Settings {
        demo: true,
        ..Settings::default()
    };
    let team = gen_team(&mut Rng::stream(seed, 1), &counts, today);
    let mut marketing = gen_marketing(&mut Rng::stream(seed, 2), today);
    let promotions = gen_promotions(&mut Rng::stream(seed, 3), &team.members, today);
    let sources = lead_sources(&marketing, &promotions);

    let mut book = gen_customers(&mut Rng::stream(seed, 4), &counts, &team, &sources, today);
    let deals = gen_deals(
        &mut Rng::stream(seed, 5),
        &counts,
        &mut book,
        &team.members,
        &sources,
        &settings,
        today,
    );
    let customers = gen_customer_file(&mut Rng::stream(seed, 6), &counts, book, &deals, today);

    let performance = gen_performance(
        &mut Rng::stream(seed, 7),
        &team.members,
        &deals,
        &customers,
        today,
    );
    let scale = budget_scale(size.deals);
    let budget = gen_budget(
        &mut Rng::stream(seed, 8),
        &counts,
        scale,
        &marketing,
        &promotions,
        today,
    );
    add_plans_and_market_sizes(&mut marketing, &deals, &budget, today);
    let me = gen_me(&mut Rng::stream(seed, 9), today);

    Workspace {
        settings: Arc::new(settings),
        team: Arc::new(team),
        performance: Arc::new(performance),
        customers: Arc::new(customers),
        deals: Arc::new(DealsFile { deals }),
        marketing: Arc::new(marketing),
        promotions: Arc::new(PromotionsFile {
            promotions: table(promotions),
        }),
        budget: Arc::new(budget),
        me: Arc::new(me),
    }
}

// ---------------------------------------------------------------------------------------
// Random numbers and small helpers
// ---------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast and plenty random for demo data, so no RNG crate is needed.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream per section of the workspace.
    fn stream(seed: u64, section: u64) -> Rng {
        let mut mixer = Rng(section.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng(seed ^ mixer.next())
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (multiply-shift: no division, bias far below what matters here).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi` (just `lo` when the range is empty).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as u64
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// A copy of a random element (for lists of `&'static str` and the like).
    fn choose<T: Copy>(&mut self, xs: &[T]) -> T {
        *self.pick(xs)
    }
    /// An index drawn with the given relative weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as u64) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// A mobile number such as 13812345678.
    fn mobile(&mut self) -> String {
        const PREFIXES: [&str; 8] = ["138", "139", "136", "150", "158", "186", "188", "177"];
        format!("{}{:08}", self.pick(&PREFIXES), self.below(100_000_000))
    }
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

/// A random day in `from..=to` (just `from` when the range is empty).
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    add_days(from, rng.range(0, days_between(from, to)))
}

/// Whole yuan to minor units.
fn yuan(v: i64) -> Money {
    Money::from_major(v)
}

/// Rounds a money amount to whole units of `step` yuan (at least one step).
fn round_to(m: f64, step_yuan: i64) -> Money {
    let steps = (m / (step_yuan as f64 * 100.0)).round().max(1.0) as i64;
    yuan(steps * step_yuan)
}

/// A table from rows already numbered 1, 2, 3 … in order.
fn table<T>(rows: Vec<T>) -> Table<T> {
    Table {
        next_id: rows.len() as u64 + 1,
        rows,
    }
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month0() / 3 + 1)
}

fn previous_quarter((year, q): (i32, u32)) -> (i32, u32) {
    if q == 1 { (year - 1, 4) } else { (year, q - 1) }
}

/// How many of each record a workspace of `deals` deals gets.
#[derive(Debug, Clone)]
struct Counts {
    deals: usize,
    members: usize,
    customers: usize,
    expenses: usize,
    feedback: usize,
    /// Follow-ups forced to be due today (and as many overdue), so the reminders show.
    follow_ups: usize,
}

impl Counts {
    fn new(deals: usize) -> Counts {
        let customers = (deals * 150 / 400).max(20);
        Counts {
            deals,
            members: (8 + deals / 5000).min(40),
            customers,
            expenses: (deals / 2).max(80),
            feedback: (customers / 12).max(12),
            follow_ups: (customers / 50).max(3),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Fixed word lists (all GB2312)
// ---------------------------------------------------------------------------------------

const SURNAMES: [(&str, &str); 30] = [
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("罗", "luo"),
    ("高", "gao"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("许", "xu"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
];

const GIVEN_NAMES: [(&str, &str); 36] = [
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("晓东", "xiaodong"),
    ("海燕", "haiyan"),
    ("建国", "jianguo"),
    ("志强", "zhiqiang"),
    ("文博", "wenbo"),
    ("雪梅", "xuemei"),
    ("思雨", "siyu"),
    ("子涵", "zihan"),
    ("浩然", "haoran"),
    ("佳怡", "jiayi"),
    ("国华", "guohua"),
    ("春燕", "chunyan"),
    ("宇航", "yuhang"),
    ("欣怡", "xinyi"),
    ("俊杰", "junjie"),
    ("丹", "dan"),
];

const REGIONS: [&str; 3] = ["华东", "华南", "华北"];
const PRODUCT_LINES: [&str; 2] = ["云ERP", "智能仓储"];

/// Cities of each region (same order as `REGIONS`) with their telephone area code.
const CITIES: [[(&str, &str); 10]; 3] = [
    [
        ("上海", "021"),
        ("苏州", "0512"),
        ("杭州", "0571"),
        ("南京", "025"),
        ("宁波", "0574"),
        ("无锡", "0510"),
        ("合肥", "0551"),
        ("常州", "0519"),
        ("嘉兴", "0573"),
        ("绍兴", "0575"),
    ],
    [
        ("广州", "020"),
        ("深圳", "0755"),
        ("东莞", "0769"),
        ("佛山", "0757"),
        ("厦门", "0592"),
        ("福州", "0591"),
        ("珠海", "0756"),
        ("中山", "0760"),
        ("南宁", "0771"),
        ("海口", "0898"),
    ],
    [
        ("北京", "010"),
        ("天津", "022"),
        ("石家庄", "0311"),
        ("济南", "0531"),
        ("青岛", "0532"),
        ("太原", "0351"),
        ("唐山", "0315"),
        ("保定", "0312"),
        ("廊坊", "0316"),
        ("烟台", "0535"),
    ],
];

/// First and second characters of company brand names (字号), with pinyin for e-mail.
const BRAND_FIRST: [(&str, &str); 30] = [
    ("恒", "heng"),
    ("华", "hua"),
    ("鑫", "xin"),
    ("宏", "hong"),
    ("瑞", "rui"),
    ("康", "kang"),
    ("金", "jin"),
    ("天", "tian"),
    ("新", "xin"),
    ("中", "zhong"),
    ("永", "yong"),
    ("长", "chang"),
    ("嘉", "jia"),
    ("盛", "sheng"),
    ("博", "bo"),
    ("安", "an"),
    ("通", "tong"),
    ("泰", "tai"),
    ("汇", "hui"),
    ("国", "guo"),
    ("正", "zheng"),
    ("创", "chuang"),
    ("东", "dong"),
    ("德", "de"),
    ("海", "hai"),
    ("明", "ming"),
    ("远", "yuan"),
    ("福", "fu"),
    ("凯", "kai"),
    ("百", "bai"),
];

const BRAND_SECOND: [(&str, &str); 30] = [
    ("达", "da"),
    ("信", "xin"),
    ("源", "yuan"),
    ("图", "tu"),
    ("丰", "feng"),
    ("宇", "yu"),
    ("联", "lian"),
    ("成", "cheng"),
    ("润", "run"),
    ("诚", "cheng"),
    ("业", "ye"),
    ("祥", "xiang"),
    ("和", "he"),
    ("力", "li"),
    ("科", "ke"),
    ("顺", "shun"),
    ("兴", "xing"),
    ("元", "yuan"),
    ("鼎", "ding"),
    ("辉", "hui"),
    ("光", "guang"),
    ("茂", "mao"),
    ("泽", "ze"),
    ("峰", "feng"),
    ("邦", "bang"),
    ("龙", "long"),
    ("腾", "teng"),
    ("伟", "wei"),
    ("威", "wei"),
    ("智", "zhi"),
];

/// An industry: its name, the company-name suffix, an e-mail domain tag and the index
/// of the target segment it belongs to.
struct Industry {
    name: &'static str,
    suffix: &'static str,
    tag: &'static str,
    segment: usize,
}

const INDUSTRIES: [Industry; 12] = [
    Industry {
        name: "机械制造",
        suffix: "机械制造有限公司",
        tag: "machinery",
        segment: 0,
    },
    Industry {
        name: "汽车零部件",
        suffix: "汽车部件有限公司",
        tag: "auto",
        segment: 0,
    },
    Industry {
        name: "电子电器",
        suffix: "电子科技有限公司",
        tag: "tech",
        segment: 2,
    },
    Industry {
        name: "化工材料",
        suffix: "化工有限公司",
        tag: "chem",
        segment: 0,
    },
    Industry {
        name: "医药健康",
        suffix: "医药有限公司",
        tag: "pharma",
        segment: 2,
    },
    Industry {
        name: "食品饮料",
        suffix: "食品有限公司",
        tag: "food",
        segment: 1,
    },
    Industry {
        name: "商贸流通",
        suffix: "商贸有限公司",
        tag: "trade",
        segment: 1,
    },
    Industry {
        name: "连锁零售",
        suffix: "连锁超市有限公司",
        tag: "retail",
        segment: 3,
    },
    Industry {
        name: "物流仓储",
        suffix: "物流有限公司",
        tag: "logistics",
        segment: 1,
    },
    Industry {
        name: "服装纺织",
        suffix: "纺织服饰有限公司",
        tag: "textile",
        segment: 0,
    },
    Industry {
        name: "建材家居",
        suffix: "建材有限公司",
        tag: "build",
        segment: 1,
    },
    Industry {
        name: "软件信息",
        suffix: "信息技术有限公司",
        tag: "it",
        segment: 2,
    },
];

/// Tries for an unused company name before falling back to a numbered branch.
const NAME_TRIES: usize = 20;

// ---------------------------------------------------------------------------------------
// Team
// ---------------------------------------------------------------------------------------

/// Roles of the first eight members, then the repeating mix for a larger team.
const FIRST_ROLES: [Role; 8] = [
    Role::TeamLead,
    Role::SeniorRep,
    Role::KeyAccountManager,
    Role::SalesRep,
    Role::SalesRep,
    Role::PreSales,
    Role::SeniorRep,
    Role::SalesSupport,
];
const MORE_ROLES: [Role; 8] = [
    Role::SalesRep,
    Role::SeniorRep,
    Role::SalesRep,
    Role::KeyAccountManager,
    Role::SalesRep,
    Role::PreSales,
    Role::SalesRep,
    Role::SeniorRep,
];

/// Roles that own customers and deals (pre-sales and support assist them).
fn sells(role: Role) -> bool {
    !matches!(role, Role::PreSales | Role::SalesSupport)
}

fn gen_team(rng: &mut Rng, counts: &Counts, today: NaiveDate) -> TeamFile {
    let setup = TeamSetup {
        structure: OrgStructure::Regional,
        team_name: "企业客户销售一部".into(),
        manager_name: "陈思远".into(),
        regions: REGIONS.iter().map(|r| r.to_string()).collect(),
        product_lines: PRODUCT_LINES.iter().map(|p| p.to_string()).collect(),
    };
    // Seeded offsets into two coprime walks give unique names for up to 180 members.
    let s0 = rng.below(30) as usize;
    let g0 = rng.below(36) as usize;
    let rows = (0..counts.members)
        .map(|i| {
            let surname = SURNAMES[(s0 + i * 7) % SURNAMES.len()];
            let given = GIVEN_NAMES[(g0 + i * 11) % GIVEN_NAMES.len()];
            gen_member(rng, i, surname, given, today)
        })
        .collect();
    TeamFile {
        setup,
        members: table(rows),
    }
}

fn gen_member(
    rng: &mut Rng,
    i: usize,
    surname: (&str, &str),
    given: (&str, &str),
    today: NaiveDate,
) -> Member {
    let role = if i < FIRST_ROLES.len() {
        FIRST_ROLES[i]
    } else {
        MORE_ROLES[i % MORE_ROLES.len()]
    };
    let region = REGIONS[i % REGIONS.len()];
    let product_lines: Vec<String> = match role {
        Role::SalesRep => vec![PRODUCT_LINES[i % 2].to_string()],
        _ => PRODUCT_LINES.iter().map(|p| p.to_string()).collect(),
    };
    let joined_days = if role == Role::TeamLead {
        rng.range(1800, 2600)
    } else {
        rng.range(120, 2200)
    };
    Member {
        id: MemberId(i as u64 + 1),
        name: format!("{}{}", surname.0, given.0),
        role,
        region: region.into(),
        duties: duties(role, region, &product_lines),
        product_lines,
        capacity: rng.range(20, 40) as u32,
        email: format!("{}{}@huaxinsoft.cn", surname.1, given.1),
        phone: rng.mobile(),
        joined: add_days(today, -joined_days),
        active: true,
    }
}

fn duties(role: Role, region: &str, lines: &[String]) -> String {
    let lines = lines.join("、");
    match role {
        Role::TeamLead => format!("{region}小组组长，负责重点项目攻坚、新人辅导和周会组织。"),
        Role::SeniorRep => format!("负责{region}区域{lines}的中大型客户开发与老客户续约。"),
        Role::KeyAccountManager => {
            format!("负责{region}区域集团大客户的关系维护、年度框架协议与交叉销售。")
        }
        Role::SalesRep => format!("负责{region}区域{lines}的新客户开拓、电话邀约和上门拜访。"),
        Role::PreSales => "负责需求调研、方案演示、技术答疑和投标材料准备。".into(),
        Role::SalesSupport => "负责合同录入、报价单制作、回款跟踪和销售数据报表。".into(),
    }
}

/// Ids of the members who own customers and deals, in id order.
fn sellers(members: &Table<Member>) -> Vec<MemberId> {
    members
        .iter()
        .filter(|m| sells(m.role))
        .map(|m| m.id)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Marketing (segments, channels, content, research; plans and sizes come last)
// ---------------------------------------------------------------------------------------

const SEGMENTS: [(&str, &str, &str); 4] = [
    (
        "大型制造企业",
        "年营收5亿元以上，拥有多个工厂或仓库的制造企业",
        "多工厂协同、生产与库存一体化、与集团财务对接",
    ),
    (
        "中型商贸流通企业",
        "年营收5000万至5亿元的商贸、物流和建材企业",
        "进销存透明、仓库作业效率、应收账款管理",
    ),
    (
        "成长型科技企业",
        "成立3至10年、快速扩张的电子、医药和软件企业",
        "快速上线、按需付费、随业务扩展的灵活配置",
    ),
    (
        "连锁零售企业",
        "门店20家以上的连锁超市和专卖店",
        "门店补货、总仓配送、会员与促销数据打通",
    ),
];

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

fn gen_marketing(rng: &mut Rng, today: NaiveDate) -> MarketingFile {
    let segments = SEGMENTS
        .iter()
        .enumerate()
        .map(|(i, (name, criteria, needs))| Segment {
            id: SegmentId(i as u64 + 1),
            name: (*name).into(),
            criteria: (*criteria).into(),
            needs: (*needs).into(),
        })
        .collect();
    let channels = CHANNELS
        .iter()
        .enumerate()
        .map(|(i, (name, kind, notes, active))| Channel {
            id: ChannelId(i as u64 + 1),
            name: (*name).into(),
            kind: *kind,
            notes: (*notes).into(),
            active: *active,
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
            published: *published,
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
        },
    ]
}

/// Where leads come from: active channels and running or finished promotions.
fn lead_sources(marketing: &MarketingFile, promotions: &[Promotion]) -> Vec<String> {
    let channels = marketing
        .channels
        .iter()
        .filter(|c| c.active)
        .map(|c| c.name.clone());
    let events = promotions
        .iter()
        .filter(|p| matches!(p.status, PromotionStatus::Done | PromotionStatus::Running))
        .map(|p| p.name.clone());
    channels.chain(events).collect()
}

/// Marketing plans and market sizes need the budget and the revenue, so they come last.
fn add_plans_and_market_sizes(
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

fn won_revenue_since(deals: &Table<Deal>, from: NaiveDate) -> Money {
    deals
        .iter()
        .filter(|d| d.stage == Stage::Won && d.stage_since() >= from)
        .map(|d| d.amount)
        .sum()
}

// ---------------------------------------------------------------------------------------
// Promotions
// ---------------------------------------------------------------------------------------

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

fn gen_promotions(rng: &mut Rng, members: &Table<Member>, today: NaiveDate) -> Vec<Promotion> {
    PROMOTIONS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let start = add_days(today, s.start);
            Promotion {
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
                staff: pick_staff(rng, members),
                materials: s.materials.into(),
                status: s.status,
                leads_goal: s.leads_goal,
                review: s.review.into(),
            }
        })
        .collect()
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

// ---------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------

/// Customers while deals are generated: deals may move a customer's creation date
/// earlier, and titles use the short brand name.
struct Book {
    customers: Vec<Customer>,
    brands: Vec<String>,
    domains: Vec<String>,
}

const ZONES: [&str; 5] = ["高新区", "经济开发区", "工业园区", "新城区", "科技园"];
const ROADS: [&str; 12] = [
    "建设路",
    "人民路",
    "中山路",
    "解放路",
    "长江路",
    "科技路",
    "创业路",
    "工业大道",
    "滨江路",
    "新华路",
    "金桥路",
    "发展大道",
];
const CUSTOMER_NOTES: [&str; 6] = [
    "年度IT预算较为充足。",
    "老板重视数字化转型，亲自参与选型。",
    "采购流程较长，需要提前布局。",
    "竞争对手已在部分车间试用。",
    "由集团总部统一采购，需要对接总部IT。",
    "财务总监是关键决策人。",
];

fn gen_customers(
    rng: &mut Rng,
    counts: &Counts,
    team: &TeamFile,
    sources: &[String],
    today: NaiveDate,
) -> Book {
    let sellers = sellers(&team.members);
    let mut names = NamePicker::default();
    let mut book = Book {
        customers: Vec::with_capacity(counts.customers),
        brands: Vec::with_capacity(counts.customers),
        domains: Vec::with_capacity(counts.customers),
    };
    for i in 0..counts.customers {
        // Round-robin owners, so every seller has accounts.
        let owner = team
            .members
            .get(sellers[i % sellers.len()])
            .expect("seller exists");
        let region = REGIONS.iter().position(|r| *r == owner.region).unwrap_or(0);
        let name = names.pick(rng, region);
        let (customer, brand, domain) = gen_customer(rng, i, &name, owner, sources, today);
        book.customers.push(customer);
        book.brands.push(brand);
        book.domains.push(domain);
    }
    book
}

/// Draws company names at random and never hands out the same one twice.
#[derive(Default)]
struct NamePicker {
    used: std::collections::HashSet<(usize, usize, usize, usize, usize)>,
    branches: u64,
}

impl NamePicker {
    fn pick(&mut self, rng: &mut Rng, region: usize) -> CompanyName {
        for _ in 0..NAME_TRIES {
            let name = CompanyName::random(rng, region);
            if self.used.insert(name.key()) {
                return name;
            }
        }
        // Only a huge workspace gets here: a numbered branch (分公司) is unique anyway.
        self.branches += 1;
        CompanyName {
            branch: self.branches,
            ..CompanyName::random(rng, region)
        }
    }
}

/// The parts of a company name: city, brand (字号) and industry suffix.
struct CompanyName {
    city: usize,
    first: usize,
    second: usize,
    industry: usize,
    region: usize,
    /// Non-zero for a numbered branch (分公司), once plain names run short.
    branch: u64,
}

impl CompanyName {
    fn random(rng: &mut Rng, region: usize) -> CompanyName {
        CompanyName {
            city: rng.below(CITIES[region].len() as u64) as usize,
            first: rng.below(BRAND_FIRST.len() as u64) as usize,
            second: rng.below(BRAND_SECOND.len() as u64) as usize,
            industry: rng.below(INDUSTRIES.len() as u64) as usize,
            region,
            branch: 0,
        }
    }
    fn key(&self) -> (usize, usize, usize, usize, usize) {
        (
            self.region,
            self.city,
            self.first,
            self.second,
            self.industry,
        )
    }
    fn brand(&self) -> String {
        format!(
            "{}{}",
            BRAND_FIRST[self.first].0, BRAND_SECOND[self.second].0
        )
    }
    fn full(&self) -> String {
        let city = CITIES[self.region][self.city].0;
        let suffix = INDUSTRIES[self.industry].suffix;
        if self.branch == 0 {
            format!("{city}{}{suffix}", self.brand())
        } else {
            format!("{city}{}{suffix}第{}分公司", self.brand(), self.branch)
        }
    }
    fn domain(&self) -> String {
        format!(
            "{}{}{}.com.cn",
            BRAND_FIRST[self.first].1, BRAND_SECOND[self.second].1, INDUSTRIES[self.industry].tag
        )
    }
}

fn gen_customer(
    rng: &mut Rng,
    i: usize,
    name: &CompanyName,
    owner: &Member,
    sources: &[String],
    today: NaiveDate,
) -> (Customer, String, String) {
    let (city, area_code) = CITIES[name.region][name.city];
    let industry = &INDUSTRIES[name.industry];
    let domain = name.domain();
    let customer = Customer {
        id: CustomerId(i as u64 + 1),
        name: name.full(),
        industry: industry.name.into(),
        region: owner.region.clone(),
        segment: Some(SegmentId(industry.segment as u64 + 1)),
        owner: Some(owner.id),
        phone: format!("{area_code}-{}", rng.range(20_000_000, 89_999_999)),
        email: format!(
            "{}@{domain}",
            rng.pick(&["info", "sales", "contact", "service"])
        ),
        address: format!(
            "{city}市{}{}{}号",
            rng.pick(&ZONES),
            rng.pick(&ROADS),
            rng.range(1, 999)
        ),
        source: rng.pick(sources).clone(),
        // Created 1–18 months ago; a deal may move this earlier.
        created: add_days(today, -rng.range(30, 540)),
        annual_potential: yuan(rng.range(20, 500) * 10_000),
        notes: if rng.chance(30) {
            rng.pick(&CUSTOMER_NOTES).to_string()
        } else {
            String::new()
        },
    };
    (customer, name.brand(), domain)
}

// ---------------------------------------------------------------------------------------
// Deals
// ---------------------------------------------------------------------------------------

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
fn gen_deals(
    rng: &mut Rng,
    counts: &Counts,
    book: &mut Book,
    members: &Table<Member>,
    sources: &[String],
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
    sources: &[String],
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
            customer.source.clone()
        } else {
            rng.pick(sources).clone()
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

// ---------------------------------------------------------------------------------------
// Contacts, interactions, feedback, loyalty
// ---------------------------------------------------------------------------------------

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
fn gen_customer_file(
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
            reason: format!("签约：{}", d.title),
        });
        if rng.chance(15) {
            rows.push(LoyaltyEntry {
                id: LoyaltyEntryId(rows.len() as u64 + 1),
                customer: d.customer,
                date: add_days(won, rng.range(5, 60)).min(today),
                points: -rng.range(5, 20) * 1000,
                reason: format!("积分兑换：{}", rng.pick(&REWARDS)),
            });
        }
    }
    rows
}

// ---------------------------------------------------------------------------------------
// Performance
// ---------------------------------------------------------------------------------------

/// How much of the team target each role carries.
fn target_weight(role: Role) -> f64 {
    match role {
        Role::KeyAccountManager => 1.6,
        Role::SeniorRep => 1.3,
        Role::TeamLead => 1.2,
        _ => 1.0,
    }
}

/// Month factors: a slow February, a strong year end.
const SEASON: [f64; 12] = [
    0.85, 0.7, 0.95, 1.0, 1.0, 1.05, 0.95, 0.95, 1.05, 1.05, 1.15, 1.3,
];

fn gen_performance(
    rng: &mut Rng,
    members: &Table<Member>,
    deals: &Table<Deal>,
    customers: &CustomersFile,
    today: NaiveDate,
) -> PerformanceFile {
    let year_ago = add_days(today, -365);
    // A stretch target: 10 % above what the team actually won per month last year.
    let won = won_revenue_since(deals, year_ago);
    let team_month = (won.0 as f64 / 12.0 * 1.1).max(10_000_000.0);
    let kpis = gen_kpis(members, deals, customers, team_month, year_ago);
    PerformanceFile {
        targets: table(gen_targets(members, team_month, today)),
        reviews: table(gen_reviews(rng, members, &kpis, today)),
        kpis: table(kpis),
        commission_plans: table(gen_commission_plans(members)),
        notes: table(gen_coaching_notes(rng, members, today)),
    }
}

/// Monthly targets for last year and this year: each rep's, then the team's as their sum.
fn gen_targets(members: &Table<Member>, team_month: f64, today: NaiveDate) -> Vec<Target> {
    let reps: Vec<&Member> = members.iter().filter(|m| sells(m.role)).collect();
    let total_weight: f64 = reps.iter().map(|m| target_weight(m.role)).sum();
    let mut rows = Vec::new();
    for (year, growth) in [(today.year() - 1, 0.9), (today.year(), 1.0)] {
        for month in 1..=12u32 {
            let period = Period::month(year, month);
            let month_total = team_month * SEASON[month as usize - 1] * growth;
            let mut team = Money::ZERO;
            for m in &reps {
                let amount = round_to(month_total * target_weight(m.role) / total_weight, 10_000);
                team += amount;
                rows.push(Target {
                    id: TargetId(0),
                    member: Some(m.id),
                    period,
                    amount,
                });
            }
            rows.push(Target {
                id: TargetId(0),
                member: None,
                period,
                amount: team,
            });
        }
    }
    for (i, t) in rows.iter_mut().enumerate() {
        t.id = TargetId(i as u64 + 1);
    }
    rows
}

fn gen_kpis(
    members: &Table<Member>,
    deals: &Table<Deal>,
    customers: &CustomersFile,
    team_month: f64,
    year_ago: NaiveDate,
) -> Vec<Kpi> {
    let reps = members.iter().filter(|m| sells(m.role)).count().max(1) as f64;
    let won_count = deals
        .iter()
        .filter(|d| d.stage == Stage::Won && d.stage_since() >= year_ago)
        .count() as f64;
    let per_rep_month = |total: f64| ((total / 12.0 / reps) * 1.1).ceil().max(1.0) as i64;
    let new_customers = customers
        .customers
        .iter()
        .filter(|c| c.created >= year_ago)
        .count();
    let interactions = customers
        .interactions
        .iter()
        .filter(|i| i.date >= year_ago)
        .count();
    let specs = [
        (
            "销售额",
            KpiMetric::Revenue,
            round_to(team_month / reps, 10_000).0,
            40,
        ),
        (
            "成交单数",
            KpiMetric::DealsWon,
            per_rep_month(won_count),
            20,
        ),
        ("赢单率", KpiMetric::WinRate, 35, 15),
        (
            "新客户数",
            KpiMetric::NewCustomers,
            per_rep_month(new_customers as f64),
            15,
        ),
        (
            "客户互动次数",
            KpiMetric::Interactions,
            per_rep_month(interactions as f64),
            10,
        ),
    ];
    specs
        .into_iter()
        .enumerate()
        .map(|(i, (name, metric, monthly_target, weight))| Kpi {
            id: KpiId(i as u64 + 1),
            name: name.into(),
            metric,
            monthly_target,
            weight,
            active: true,
        })
        .collect()
}

const STRENGTHS: [&str; 4] = [
    "客户关系维护扎实，老客户续约率高。",
    "方案讲解清晰，报价阶段推进快。",
    "积极主动，新客户开拓数量领先。",
    "团队协作好，乐于分享经验。",
];
const IMPROVEMENTS: [&str; 4] = [
    "需求分析阶段提问不够深入。",
    "商务谈判让步过快，折扣偏大。",
    "跟进记录不够及时。",
    "大客户的高层关系需要加强。",
];

/// Reviews of the last three quarters: older ones mostly done (a few overdue), the
/// current ones open, plus two monthly check reviews due within days.
fn gen_reviews(
    rng: &mut Rng,
    members: &Table<Member>,
    kpis: &[Kpi],
    today: NaiveDate,
) -> Vec<Review> {
    let current = quarter_of(today);
    let last = previous_quarter(current);
    let before = previous_quarter(last);
    let mut rows = Vec::new();
    for (qi, (year, q)) in [before, last, current].into_iter().enumerate() {
        let period = Period::quarter(year, q);
        let due = add_days(period.end, 15);
        for (i, m) in members.iter().enumerate() {
            let done = match qi {
                0 => i % 5 != 1,
                1 => i % 3 != 2,
                _ => false,
            };
            let completed = done.then(|| day_between(rng, add_days(period.end, 1), due.min(today)));
            rows.push(review(rng, rows.len(), m.id, period, due, completed, kpis));
        }
    }
    let month = Period::month(today.year(), today.month()).previous();
    for m in members.iter().take(2) {
        let due = add_days(today, rng.range(2, 7));
        rows.push(review(rng, rows.len(), m.id, month, due, None, kpis));
    }
    rows
}

fn review(
    rng: &mut Rng,
    index: usize,
    member: MemberId,
    period: Period,
    due: NaiveDate,
    completed: Option<NaiveDate>,
    kpis: &[Kpi],
) -> Review {
    let mut r = Review {
        id: ReviewId(index as u64 + 1),
        member,
        period,
        due,
        completed,
        scores: Vec::new(),
        rating: None,
        strengths: String::new(),
        improvements: String::new(),
        notes: String::new(),
    };
    if completed.is_some() {
        r.scores = kpis
            .iter()
            .map(|k| (k.id, rng.range(55, 100) as u8))
            .collect();
        let avg = r.scores.iter().map(|(_, s)| *s as u32).sum::<u32>() / r.scores.len() as u32;
        r.rating = Some(match avg {
            90.. => 5,
            80..90 => 4,
            70..80 => 3,
            60..70 => 2,
            _ => 1,
        });
        r.strengths = rng.pick(&STRENGTHS).to_string();
        r.improvements = rng.pick(&IMPROVEMENTS).to_string();
        r.notes = "已在一对一面谈中沟通，双方认可。".into();
    }
    r
}

/// A standard plan for reps and an accelerated one for key accounts and team leads.
fn gen_commission_plans(members: &Table<Member>) -> Vec<CommissionPlan> {
    let key = |r: Role| matches!(r, Role::KeyAccountManager | Role::TeamLead);
    let of = |f: &dyn Fn(Role) -> bool| -> Vec<MemberId> {
        members
            .iter()
            .filter(|m| sells(m.role) && f(m.role))
            .map(|m| m.id)
            .collect()
    };
    let tier = |from_attainment_pct, rate_bp| CommissionTier {
        from_attainment_pct,
        rate_bp,
    };
    vec![
        CommissionPlan {
            id: CommissionPlanId(1),
            name: "标准提成方案".into(),
            tiers: vec![tier(0, 200), tier(80, 300), tier(100, 450), tier(120, 600)],
            members: of(&|r| !key(r)),
            notes: "按季度核算，完成率越高提成比例越高。".into(),
        },
        CommissionPlan {
            id: CommissionPlanId(2),
            name: "大客户提成方案".into(),
            tiers: vec![tier(0, 150), tier(100, 350), tier(130, 500)],
            members: of(&key),
            notes: "大客户项目周期长，按年度核算，超额部分加速。".into(),
        },
    ]
}

/// (kind, topic, note)
const NOTE_TEMPLATES: [(NoteKind, &str, &str); 10] = [
    (
        NoteKind::Coaching,
        "需求分析提问技巧",
        "一起复盘了上周的客户拜访，练习用开放式问题挖掘痛点。",
    ),
    (
        NoteKind::Coaching,
        "报价谈判模拟",
        "角色扮演采购经理压价，练习守住底线、用价值换价格。",
    ),
    (
        NoteKind::OneOnOne,
        "月度一对一",
        "聊了本月目标进度和遇到的困难，约定下周一起拜访重点客户。",
    ),
    (
        NoteKind::OneOnOne,
        "职业发展沟通",
        "对方希望向大客户经理方向发展，安排跟进两个集团客户。",
    ),
    (
        NoteKind::Feedback,
        "跟进记录及时性",
        "坦诚指出跟进记录滞后的问题，对方表示接受并当周改进。",
    ),
    (
        NoteKind::Feedback,
        "周会表现",
        "周会上的案例分享很有启发，建议下次控制在十分钟内。",
    ),
    (
        NoteKind::Recognition,
        "签下季度最大单",
        "在团队群里公开表扬，并推荐为月度之星。",
    ),
    (
        NoteKind::Recognition,
        "帮助新人",
        "主动带新同事跑客户，在周会上致谢。",
    ),
    (
        NoteKind::TeamBuilding,
        "季度团建",
        "郊外徒步和晚餐，大家反馈很放松，增进了区域间的了解。",
    ),
    (
        NoteKind::TeamBuilding,
        "销售技能分享会",
        "每人分享一个成交故事，整理成团队案例库。",
    ),
];

/// Two to four notes per member (the first cycles through every kind), plus team notes.
fn gen_coaching_notes(
    rng: &mut Rng,
    members: &Table<Member>,
    today: NaiveDate,
) -> Vec<CoachingNote> {
    let mut rows = Vec::new();
    for (i, m) in members.iter().enumerate() {
        for k in 0..rng.range(2, 4) as usize {
            let template = if k == 0 {
                NOTE_TEMPLATES[(i % NoteKind::ALL.len()) * 2]
            } else {
                *rng.pick(&NOTE_TEMPLATES[..8])
            };
            rows.push(coaching_note(rng, rows.len(), Some(m.id), template, today));
        }
    }
    for template in [NOTE_TEMPLATES[8], NOTE_TEMPLATES[9]] {
        rows.push(coaching_note(rng, rows.len(), None, template, today));
    }
    rows
}

fn coaching_note(
    rng: &mut Rng,
    index: usize,
    member: Option<MemberId>,
    (kind, topic, note): (NoteKind, &str, &str),
    today: NaiveDate,
) -> CoachingNote {
    let date = add_days(today, -rng.range(0, 180));
    CoachingNote {
        id: CoachingNoteId(index as u64 + 1),
        member,
        date,
        kind,
        topic: topic.into(),
        note: note.into(),
        follow_up: rng.chance(40).then(|| add_days(date, rng.range(7, 30))),
    }
}

// ---------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------

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
fn budget_scale(deals: usize) -> f64 {
    (deals as f64 / 400.0).max(0.25)
}

fn gen_budget(
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
fn expense_link(rng: &mut Rng, ctx: &ExpenseCtx, date: NaiveDate) -> Option<ExpenseLink> {
    match CATEGORIES[ctx.cat].name {
        "促销活动" => ctx
            .promotions
            .iter()
            .filter(|p| matches!(p.status, PromotionStatus::Done | PromotionStatus::Running))
            .find(|p| add_days(p.start, -30) <= date && date <= add_days(p.end, 10))
            .map(|p| ExpenseLink::Promotion(p.id)),
        "市场营销" if rng.chance(70) => {
            let active: Vec<ChannelId> = ctx
                .marketing
                .channels
                .iter()
                .filter(|c| c.active)
                .map(|c| c.id)
                .collect();
            Some(ExpenseLink::Channel(*rng.pick(&active)))
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Me: goals, learning, tasks, stress
// ---------------------------------------------------------------------------------------

fn gen_me(rng: &mut Rng, today: NaiveDate) -> MeFile {
    MeFile {
        goals: table(gen_goals(today)),
        learning: table(gen_learning(today)),
        tasks: table(gen_tasks(today)),
        check_ins: table(gen_check_ins(rng, today)),
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
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 14).unwrap()
    }

    fn demo() -> Workspace {
        generate(42, DemoSize::DEFAULT, today())
    }

    /// Every record of the workspace, wrapped for the generic checks.
    fn all_records(ws: &Workspace) -> Vec<Record> {
        let mut v = Vec::new();
        v.extend(ws.team.members.iter().cloned().map(Record::Member));
        let p = &ws.performance;
        v.extend(p.targets.iter().cloned().map(Record::Target));
        v.extend(p.kpis.iter().cloned().map(Record::Kpi));
        v.extend(p.reviews.iter().cloned().map(Record::Review));
        v.extend(
            p.commission_plans
                .iter()
                .cloned()
                .map(Record::CommissionPlan),
        );
        v.extend(p.notes.iter().cloned().map(Record::CoachingNote));
        let c = &ws.customers;
        v.extend(c.customers.iter().cloned().map(Record::Customer));
        v.extend(c.contacts.iter().cloned().map(Record::Contact));
        v.extend(c.interactions.iter().cloned().map(Record::Interaction));
        v.extend(c.feedback.iter().cloned().map(Record::Feedback));
        v.extend(c.loyalty_ledger.iter().cloned().map(Record::LoyaltyEntry));
        v.extend(ws.deals.deals.iter().cloned().map(Record::Deal));
        let m = &ws.marketing;
        v.extend(m.research.iter().cloned().map(Record::Research));
        v.extend(m.segments.iter().cloned().map(Record::Segment));
        v.extend(m.channels.iter().cloned().map(Record::Channel));
        v.extend(m.content.iter().cloned().map(Record::Content));
        v.extend(m.plans.iter().cloned().map(Record::MarketingPlan));
        v.extend(m.market_sizes.iter().cloned().map(Record::MarketSize));
        v.extend(
            ws.promotions
                .promotions
                .iter()
                .cloned()
                .map(Record::Promotion),
        );
        let b = &ws.budget;
        v.extend(b.categories.iter().cloned().map(Record::BudgetCategory));
        v.extend(b.lines.iter().cloned().map(Record::BudgetLine));
        v.extend(b.expenses.iter().cloned().map(Record::Expense));
        let me = &ws.me;
        v.extend(me.goals.iter().cloned().map(Record::CareerGoal));
        v.extend(me.learning.iter().cloned().map(Record::LearningItem));
        v.extend(me.tasks.iter().cloned().map(Record::Task));
        v.extend(me.check_ins.iter().cloned().map(Record::StressCheckIn));
        v
    }

    #[test]
    fn same_seed_gives_the_same_workspace_and_another_seed_a_different_one() {
        assert_eq!(demo(), demo());
        assert_ne!(demo(), generate(43, DemoSize::DEFAULT, today()));
    }

    #[test]
    fn every_record_is_valid_and_its_references_resolve() {
        let ws = demo();
        assert!(ws.settings.demo);
        assert!(ws.settings.validate().is_empty());
        assert!(ws.team.setup.validate().is_empty());
        assert!(ws.customers.loyalty.validate().is_empty());
        for r in all_records(&ws) {
            assert!(r.validate().is_empty(), "{:?}: {:?}", r.key(), r.validate());
            let refs = ws.check_references(&r);
            assert!(refs.is_empty(), "{:?}: {:?}", r.key(), refs);
        }
    }

    #[test]
    fn tables_are_in_id_order_with_next_id_past_the_last() {
        let ws = demo();
        let mut repaired = ws.clone();
        repaired.repair_tables();
        assert_eq!(ws, repaired);
    }

    #[test]
    fn default_size_has_every_stage_and_every_lost_reason() {
        let ws = demo();
        let deals = &ws.deals.deals;
        assert_eq!(deals.len(), 400);
        for s in Stage::ALL {
            assert!(deals.iter().any(|d| d.stage == s), "no deal in {s:?}");
        }
        for r in LostReason::ALL {
            assert!(
                deals
                    .iter()
                    .any(|d| d.lost.as_ref().is_some_and(|l| l.reason == r)),
                "no deal lost for {r:?}"
            );
        }
    }

    #[test]
    fn deal_histories_follow_the_process() {
        let ws = demo();
        for d in ws.deals.deals.iter() {
            let stages: Vec<Stage> = d.history.iter().map(|h| h.stage).collect();
            let open: Vec<Stage> = stages.iter().copied().filter(|s| s.is_open()).collect();
            assert_eq!(open, Stage::OPEN[..open.len()].to_vec(), "deal {}", d.id);
            assert!(d.history.iter().all(|h| h.date <= today()));
            assert!(d.last_activity >= d.stage_since() && d.last_activity <= today());
            assert_eq!(d.region, ws.team.members.get(d.owner).unwrap().region);
            assert!((5_000_000..=80_000_000).contains(&d.amount.0));
        }
        let stale = ws.deals.deals.iter().filter(|d| {
            d.stage.open_index().is_some_and(|i| {
                days_between(d.last_activity, today()) > ws.settings.stale_days[i] as i64
            })
        });
        assert!(stale.count() > 0, "some open deals should be stale");
        assert!(ws.deals.deals.iter().any(|d| d.close_slips > 0));
    }

    #[test]
    fn follow_ups_are_due_today_and_overdue() {
        let ws = demo();
        let open = |i: &&Interaction| !i.follow_up_done;
        let its = ws.customers.interactions.iter();
        let due_today = its
            .clone()
            .filter(open)
            .filter(|i| i.follow_up == Some(today()));
        let overdue = its
            .clone()
            .filter(open)
            .filter(|i| i.follow_up.is_some_and(|f| f < today()));
        assert!(due_today.count() >= 3);
        assert!(overdue.count() >= 3);
        assert!(its.filter(|i| i.follow_up_done).count() > 20);
    }

    #[test]
    fn nothing_happened_after_today() {
        let ws = demo();
        let t = today();
        assert!(ws.budget.expenses.iter().all(|e| e.date <= t));
        assert!(ws.customers.interactions.iter().all(|i| i.date <= t));
        assert!(ws.customers.customers.iter().all(|c| c.created <= t));
        assert!(ws.customers.loyalty_ledger.iter().all(|l| l.date <= t));
        assert!(
            ws.customers
                .feedback
                .iter()
                .all(|f| f.resolved_on.is_none_or(|d| d <= t))
        );
        assert!(
            ws.performance
                .reviews
                .iter()
                .all(|r| r.completed.is_none_or(|d| d <= t))
        );
        assert!(ws.me.check_ins.iter().all(|c| c.date <= t));
    }

    #[test]
    fn customer_names_are_unique() {
        let ws = generate(7, DemoSize { deals: 20_000 }, today());
        let mut names: Vec<&str> = ws
            .customers
            .customers
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn targets_kpis_and_feedback_are_consistent() {
        let ws = demo();
        let p = &ws.performance;
        let weights: u32 = p
            .kpis
            .iter()
            .filter(|k| k.active)
            .map(|k| k.weight as u32)
            .sum();
        assert_eq!(weights, 100);
        for team in p.targets.iter().filter(|t| t.member.is_none()) {
            let reps: Money = p
                .targets
                .iter()
                .filter(|t| t.member.is_some() && t.period == team.period)
                .map(|t| t.amount)
                .sum();
            assert_eq!(team.amount, reps);
        }
        assert_eq!(p.targets.iter().filter(|t| t.member.is_none()).count(), 24);
        for kind in NoteKind::ALL {
            assert!(p.notes.iter().any(|n| n.kind == kind), "no {kind:?} note");
        }
        assert!(
            p.reviews
                .iter()
                .any(|r| r.completed.is_none() && r.due < today())
        );
        for s in FeedbackStatus::ALL {
            assert!(ws.customers.feedback.iter().any(|f| f.status == s));
        }
    }

    #[test]
    fn some_budget_category_is_near_its_plan_to_date() {
        let ws = demo();
        let t = today();
        let b = &ws.budget;
        let near = b.lines.iter().filter(|l| l.year == t.year()).any(|l| {
            let plan: Money = (1..=t.month()).map(|m| l.month_plan(m)).sum();
            let spent: Money = b
                .expenses
                .iter()
                .filter(|e| e.category == l.category && e.date.year() == t.year())
                .map(|e| e.amount)
                .sum();
            spent.0 as f64 >= plan.0 as f64 * 0.9
        });
        assert!(near);
        assert!(
            b.expenses
                .iter()
                .any(|e| matches!(e.link, Some(ExpenseLink::Promotion(_))))
        );
        assert!(
            b.expenses
                .iter()
                .any(|e| matches!(e.link, Some(ExpenseLink::Channel(_))))
        );
    }

    #[test]
    fn size_scales_the_workspace() {
        let ws = generate(1, DemoSize { deals: 1_000 }, today());
        assert_eq!(ws.deals.deals.len(), 1_000);
        assert_eq!(ws.customers.customers.len(), 375);
        let small = generate(1, DemoSize { deals: 10 }, today());
        assert_eq!(small.deals.deals.len(), 10);
        assert!(all_records(&small).iter().all(|r| r.validate().is_empty()));
    }
}
