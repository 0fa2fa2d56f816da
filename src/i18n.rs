//! Every user-visible string, in zh-CN and en.
//!
//! Strings live in `texts!` blocks: each key names both translations on one line, so a
//! missing translation is a compile error and the two stay side by side for review.
//! Pages keep their own block next to their code; shared words are in [`T`].

use serde::{Deserialize, Serialize};

/// The bundled CJK font (Noto Sans CJK SC subset to GB2312, SIL OFL 1.1): the window
/// draws with it and the PDF report embeds it, so Chinese renders everywhere.
pub static CJK_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Subset.otf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Chinese when the system locale is Chinese, English otherwise.
    pub fn from_system() -> Lang {
        Lang::from_locale(sys_locale::get_locale().as_deref().unwrap_or("en"))
    }
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
    /// The switch's caption: the *other* language, in its own words.
    pub fn switch_caption(self) -> &'static str {
        match self {
            Lang::Zh => "English",
            Lang::En => "中文",
        }
    }
}

/// Declares an enum of text keys with their Chinese and English wording, and optionally
/// templates with arguments, after the enum:
///
/// ```ignore
/// texts! {
///     pub enum Text { Saved => "已保存", "Saved"; }
///     fn { idle_for(n, limit) => "{n} 天无进展（上限 {limit} 天）", "idle {n} days (limit {limit})"; }
/// }
/// ```
///
/// Each template becomes `Text::idle_for(lang, n, limit) -> String`; its arguments are
/// named in both wordings, so a missing translation is still a compile error.
#[macro_export]
macro_rules! texts {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($key:ident => $zh:literal, $en:literal;)* }
     fn { $($f:ident($($arg:ident),* $(,)?) => $fzh:literal, $fen:literal;)* }) => {
        $crate::texts! { $(#[$m])* $vis enum $name { $($key => $zh, $en;)* } }
        impl $name {
            $(
                // A template takes as many arguments as its wording names.
                #[allow(dead_code, clippy::too_many_arguments)]
                pub fn $f(lang: $crate::i18n::Lang, $($arg: impl std::fmt::Display),*) -> String {
                    match lang {
                        $crate::i18n::Lang::Zh => format!($fzh),
                        $crate::i18n::Lang::En => format!($fen),
                    }
                }
            )*
        }
    };
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($key:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name { $($key,)* }
        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key,)*];
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::Zh => match self { $($name::$key => $zh,)* },
                    $crate::i18n::Lang::En => match self { $($name::$key => $en,)* },
                }
            }
        }
    };
}

/// Words of a model enum, in the user's language.
pub trait Label {
    fn label(self, lang: Lang) -> &'static str;
}

/// Implements [`Label`] for a model enum from a zh/en pair per variant.
macro_rules! labels {
    ($ty:ty { $($variant:ident => $zh:literal, $en:literal;)* }) => {
        impl Label for $ty {
            fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((<$ty>::$variant, Lang::Zh) => $zh, (<$ty>::$variant, Lang::En) => $en,)*
                }
            }
        }
    };
}

use crate::model::*;

labels!(Stage {
    Lead => "客户识别", "Lead identification";
    Needs => "需求分析", "Needs analysis";
    Quote => "报价谈判", "Quote & negotiation";
    Contract => "合同签订", "Contract";
    Won => "客户管理（成交）", "Won · account management";
    Lost => "流失", "Lost";
});
labels!(LostReason {
    Price => "价格", "Price";
    Competitor => "竞争对手", "Competitor";
    NoBudget => "无预算", "No budget";
    Timing => "时机", "Timing";
    NoDecision => "未决策", "No decision";
    Other => "其他", "Other";
});
labels!(ForecastCategory {
    Commit => "承诺", "Commit";
    BestCase => "最佳情况", "Best case";
    Pipeline => "管道", "Pipeline";
    Omitted => "排除", "Omitted";
});
labels!(TeamEventKind {
    Meal => "聚餐", "Team meal";
    Outing => "户外拓展", "Outing";
    Training => "培训", "Training";
    Workshop => "工作坊", "Workshop";
    Celebration => "庆功", "Celebration";
    Other => "其他", "Other";
});
labels!(OrgStructure {
    Functional => "职能型", "Functional";
    Product => "产品型", "Product";
    Regional => "区域型", "Regional";
    Matrix => "矩阵型", "Matrix";
});
labels!(Role {
    SalesRep => "销售代表", "Sales rep";
    SeniorRep => "高级销售代表", "Senior sales rep";
    KeyAccountManager => "大客户经理", "Key account manager";
    PreSales => "售前顾问", "Pre-sales consultant";
    SalesSupport => "销售支持", "Sales support";
    TeamLead => "小组长", "Team lead";
});
labels!(InteractionKind {
    Call => "电话", "Call";
    Visit => "拜访", "Visit";
    Email => "邮件", "Email";
    Meeting => "会议", "Meeting";
});
labels!(FeedbackKind {
    Complaint => "投诉", "Complaint";
    Suggestion => "建议", "Suggestion";
    Praise => "表扬", "Praise";
});
labels!(FeedbackStatus {
    Open => "待处理", "Open";
    InProgress => "处理中", "In progress";
    Resolved => "已解决", "Resolved";
});
labels!(TierBasis {
    Points => "按积分", "By points";
    YearlyRevenue => "按年度销售额", "By yearly revenue";
});
labels!(KpiMetric {
    Revenue => "销售额", "Revenue";
    DealsWon => "成交数", "Deals won";
    WinRate => "赢单率", "Win rate";
    NewCustomers => "新客户数", "New customers";
    Interactions => "客户互动数", "Customer interactions";
    Manual => "人工评分", "Scored by hand";
    AvgCycleDays => "平均成交周期（天）", "Average cycle (days)";
});
labels!(CommissionMode {
    WholeAmount => "全额（达到档位的比例计全部销售额）", "Whole amount (the reached tier's rate on all revenue)";
    Marginal => "分段累进（每段按其档位比例）", "Marginal (each slice at its own tier's rate)";
});
labels!(NoteKind {
    Coaching => "教练辅导", "Coaching";
    OneOnOne => "一对一面谈", "One-on-one";
    Feedback => "反馈", "Feedback";
    Recognition => "表彰", "Recognition";
    TeamBuilding => "团队建设", "Team building";
});
labels!(ChannelKind {
    Online => "线上平台", "Online";
    OfflineEvent => "线下活动", "Offline event";
    WordOfMouth => "口碑营销", "Word of mouth";
    Other => "其他", "Other";
});
labels!(ContentKind {
    ProductIntro => "产品介绍", "Product introduction";
    Promotion => "促销活动", "Promotion";
    BrandStory => "品牌故事", "Brand story";
    Other => "其他", "Other";
});
labels!(ContentStatus {
    Idea => "构思", "Idea";
    Planned => "已排期", "Planned";
    Published => "已发布", "Published";
});
labels!(ResearchKind {
    Competitor => "竞争对手", "Competitor";
    Trend => "市场趋势", "Trend";
    CustomerNeed => "客户需求", "Customer need";
    Other => "其他", "Other";
});
labels!(PromotionKind {
    Discount => "折扣", "Discount";
    Gift => "赠品", "Gift";
    Trial => "试用", "Trial";
    DemoDay => "体验会", "Demo day";
    Contest => "竞赛", "Contest";
    Lottery => "抽奖", "Lottery";
    CoMarketing => "联合营销", "Co-marketing";
    CrossIndustry => "跨界推广", "Cross-industry";
});
labels!(PromotionStatus {
    Planned => "计划中", "Planned";
    Running => "进行中", "Running";
    Done => "已结束", "Done";
    Cancelled => "已取消", "Cancelled";
    Draft => "草稿", "Draft";
    Reviewed => "已复盘", "Reviewed";
});
labels!(KindGroup {
    Sales => "促销", "Sales promotion";
    Experience => "体验", "Experience";
    Reward => "奖励", "Reward";
    Partner => "合作", "Partnership";
});
labels!(Audience {
    Prospects => "潜在客户", "Prospects";
    Existing => "现有客户", "Existing customers";
});
labels!(CheckKind {
    Venue => "场地", "Venue";
    Staff => "人员", "Staff";
    Materials => "物资", "Materials";
    Other => "其他", "Other";
});
labels!(GoalArea {
    Career => "个人目标", "Career goal";
    Learning => "持续学习", "Learning";
    Leadership => "领导力发展", "Leadership";
    Network => "行业影响力", "Industry network";
});
labels!(LearningKind {
    Course => "课程", "Course";
    Book => "书籍", "Book";
    Certification => "认证", "Certification";
    Conference => "行业会议", "Conference";
    Mentoring => "导师辅导", "Mentoring";
});
labels!(Quadrant {
    DoNow => "重要且紧急", "Important and urgent";
    Plan => "重要不紧急", "Important, not urgent";
    Delegate => "紧急不重要", "Urgent, not important";
    Drop => "不重要不紧急", "Neither";
});
labels!(TimeKind {
    Selling => "客户与销售", "Selling";
    Coaching => "辅导团队", "Coaching";
    Planning => "计划与分析", "Planning";
    Admin => "行政事务", "Admin";
    Meetings => "内部会议", "Meetings";
    Learning => "学习", "Learning";
    Personal => "个人", "Personal";
});
labels!(Competency {
    Coaching => "教练式辅导", "Coaching";
    Communication => "有效沟通", "Communication";
    Planning => "计划与组织", "Planning";
    DecisionMaking => "决策", "Decision making";
    Motivating => "激励团队", "Motivating";
});
labels!(Progress {
    Planned => "计划中", "Planned";
    InProgress => "进行中", "In progress";
    Done => "已完成", "Done";
});

texts! {
    /// Shared words: navigation, actions, common fields, messages.
    pub enum T {
        AppTitle => "销售经理工作台", "SalesDesk";
        WindowTitle => "SalesDesk 销售经理工作台", "SalesDesk – sales manager's workbench";
        Dashboard => "总览", "Dashboard";
        Team => "团队", "Team";
        Performance => "绩效", "Performance";
        Customers => "客户", "Customers";
        Pipeline => "销售流程", "Pipeline";
        Marketing => "营销", "Marketing";
        Promotions => "促销活动", "Promotions";
        Budget => "预算", "Budget";
        Analytics => "数据分析", "Analytics";
        Me => "个人发展", "Me";
        DataBackups => "数据与备份", "Data & backups";
        Settings => "设置", "Settings";
        Undo => "撤销", "Undo";
        Redo => "重做", "Redo";
        Search => "搜索", "Search";
        SearchHint => "搜索客户、商机、成员…（Ctrl+K）", "Find customers, deals, people… (Ctrl+K)";
        New => "新建", "New";
        Edit => "编辑", "Edit";
        Delete => "删除", "Delete";
        Save => "保存", "Save";
        Cancel => "取消", "Cancel";
        Close => "关闭", "Close";
        Confirm => "确认", "Confirm";
        Yes => "是", "Yes";
        No => "否", "No";
        Name => "名称", "Name";
        // A person's name: 姓名, where 名称 names a thing (a company, a channel).
        PersonName => "姓名", "Name";
        Notes => "备注", "Notes";
        Date => "日期", "Date";
        Amount => "金额", "Amount";
        Region => "区域", "Region";
        Owner => "负责人", "Owner";
        Industry => "行业", "Industry";
        Phone => "电话", "Phone";
        Email => "邮箱", "Email";
        Address => "地址", "Address";
        Source => "来源", "Source";
        Created => "创建日期", "Created";
        Role => "角色", "Role";
        Duties => "职责", "Duties";
        Capacity => "容量（在手商机数）", "Capacity (open deals)";
        ProductLines => "产品线", "Product lines";
        Joined => "入职日期", "Joined";
        Active => "在职", "Active";
        Inactive => "已停用", "Inactive";
        None => "（无）", "(none)";
        All => "全部", "All";
        Rows => "条", "rows";
        NothingYet => "还没有记录。", "Nothing here yet.";
        NoMatch => "没有符合条件的记录。", "Nothing matches.";
        Saved => "已保存", "Saved";
        Unsaved => "未保存的更改", "Unsaved changes";
        SaveFailed => "保存失败", "Save failed";
        NotChanged => "未更改", "Not changed";
        UndoRefused => "无法撤销", "Cannot undo";
        RedoRefused => "无法重做", "Cannot redo";
        DailyBackupFailed => "今日备份失败", "Today's backup failed";
        FixErrors => "请先修正标出的字段。", "Please fix the marked fields first.";
        DemoBanner => "这是演示工作区，数据为自动生成。", "This is a demo workspace with generated data.";
        StartEmpty => "清空并开始使用", "Clear it and start empty";
        StartEmptyConfirm => "删除全部演示数据，开始一个空的工作区？（会先自动备份）", "Delete all demo data and start an empty workspace? (A backup is made first.)";
        StartEmptyBackupFailed => "未清空：清空前的备份失败", "Nothing was cleared: the backup before clearing failed";
        DeleteConfirmTitle => "确认删除", "Confirm delete";
        DeleteCannotBeUndoneHint => "删除后可用 Ctrl+Z 撤销。", "You can undo this with Ctrl+Z.";
        Undone => "已撤销", "Undone";
        Redone => "已重做", "Redone";
        NotBuiltTitle => "此页面尚未完成", "This page is not built yet";
        NotBuiltBody => "该页面的功能正在开发中，尚不可用。数据已在工作区中保存，页面完成后即可查看和编辑。", "This page is still being built and is not usable yet. Its data is already kept in your workspace and will show here once the page is done.";
        FileProblemTitle => "有文件无法读取", "A file could not be read";
        FileProblemBody => "该文件已原样另存，未被覆盖。可在“数据与备份”中恢复备份。", "It was set aside unchanged, not overwritten. You can restore a backup under Data & backups.";
        Details => "详情", "Details";
        KeptAs => "原文件已另存为：", "The file was kept as:";
        Contacts => "联系人", "Contacts";
        Title => "标题", "Title";
        JobTitle => "职务", "Job title";
        Primary => "主要联系人", "Primary";
        Language => "语言", "Language";
        GoTo => "前往", "Go to";
        RolledForward => "上次被中断的保存已完成", "A save that was interrupted has been finished";
        RolledBack => "上次未完成的保存已撤回（它尚未提交，已保存的数据没有丢失）", "A save that had not finished was dropped (it was never committed; nothing saved was lost)";
        NewRecord => "新建记录（当前页面）", "New record on this page";
        BackUpNow => "立即备份", "Back up now";
        Restore => "恢复备份", "Restore a backup";
        Quit => "退出", "Quit";
        Commands => "命令", "Commands";
        Structure => "组织架构", "Org structure";
        TeamName => "团队名称", "Team name";
        ManagerName => "销售经理", "Sales manager";
        Members => "成员", "Members";
        Total => "合计", "Total";
        Today => "今天", "Today";
        Back => "返回", "Back";
    }
}

/// A validation problem in the user's language.
/// The date a `Problem::Before(field)` compares with, named as its form labels it: a
/// deal's expected close or won date against its created date, an entry's follow-up
/// against its date, an end against its start.
fn earlier_date(lang: Lang, field: &str) -> &'static str {
    match (lang, field) {
        (Lang::Zh, "created") => "创建日期",
        (Lang::En, "created") => "created date",
        (Lang::Zh, "date") => "所填日期",
        (Lang::En, "date") => "date",
        (Lang::Zh, _) => "开始日期",
        (Lang::En, _) => "start date",
    }
}

pub fn problem(lang: Lang, p: &Problem) -> String {
    match (lang, p) {
        (Lang::Zh, Problem::Required) => "必填".into(),
        (Lang::En, Problem::Required) => "Required".into(),
        (Lang::Zh, Problem::NotANumber) => "不是有效的数字".into(),
        (Lang::En, Problem::NotANumber) => "Not a number".into(),
        (Lang::Zh, Problem::Negative) => "不能为负数".into(),
        (Lang::En, Problem::Negative) => "Must not be negative".into(),
        (Lang::Zh, Problem::NotADate) => "日期格式应为 YYYY-MM-DD".into(),
        (Lang::En, Problem::NotADate) => "Not a date (use YYYY-MM-DD)".into(),
        (Lang::Zh, Problem::Before(f)) => format!("日期早于{}", earlier_date(lang, f)),
        (Lang::En, Problem::Before(f)) => format!("Is before the {}", earlier_date(lang, f)),
        (Lang::Zh, Problem::Below(_)) => "不能低于下一档".into(),
        (Lang::En, Problem::Below(_)) => "Must not be below the tier beneath it".into(),
        (Lang::Zh, Problem::OutOfRange { min, max }) => format!("应在 {min} 到 {max} 之间"),
        (Lang::En, Problem::OutOfRange { min, max }) => format!("Must be between {min} and {max}"),
        (Lang::Zh, Problem::TooLong { max }) => format!("不能超过 {max} 个字符"),
        (Lang::En, Problem::TooLong { max }) => format!("At most {max} characters"),
        (Lang::Zh, Problem::Missing) => "引用的记录不存在".into(),
        (Lang::En, Problem::Missing) => "Refers to a record that no longer exists".into(),
        (Lang::Zh, Problem::Conflicts(_)) => "与其他字段冲突".into(),
        (Lang::En, Problem::Conflicts(_)) => "Conflicts with another field".into(),
        (Lang::Zh, Problem::Duplicate) => "已存在".into(),
        (Lang::En, Problem::Duplicate) => "Already used".into(),
        (Lang::Zh, Problem::NotAnEmail) => "不是有效的邮箱地址".into(),
        (Lang::En, Problem::NotAnEmail) => "Not an e-mail address".into(),
        (Lang::Zh, Problem::NotAPhone) => {
            "不是有效的电话号码（只能包含数字、+ - ( ) 和空格）".into()
        }
        (Lang::En, Problem::NotAPhone) => {
            "Not a phone number (digits, + - ( ) and spaces only)".into()
        }
        (Lang::Zh, Problem::NotAscending) => "应逐行递增".into(),
        (Lang::En, Problem::NotAscending) => "Must go up from one line to the next".into(),
        (Lang::Zh, Problem::ReadOnly(f)) => {
            format!("无法修改：{f} 暂为只读，请先恢复被移出的文件")
        }
        (Lang::En, Problem::ReadOnly(f)) => {
            format!("Cannot change: {f} is read-only until the set-aside file is restored")
        }
    }
}

labels!(BuiltinTier {
    Silver => "银卡", "Silver";
    Gold => "金卡", "Gold";
    Platinum => "白金卡", "Platinum";
});

/// A loyalty tier's name in `lang`: a default tier's in the language's words, a name the
/// manager typed as typed.
pub fn tier_name(lang: Lang, t: &LoyaltyTier) -> &str {
    match t.builtin() {
        Some(b) => b.label(lang),
        None => &t.name,
    }
}

/// The name to store for a tier name typed in the rules editor: a default tier's words in
/// either language (as the editor shows them) keep it the default tier.
pub fn tier_key(typed: &str) -> String {
    let typed = typed.trim();
    BuiltinTier::ALL
        .into_iter()
        .find(|b| [b.key(), b.label(Lang::Zh), b.label(Lang::En)].contains(&typed))
        .map_or_else(|| typed.to_owned(), |b| b.key().to_owned())
}

/// What one record of a kind is called, e.g. in "deal 12 → customer 3".
pub fn kind_name(lang: Lang, kind: crate::model::RecordKind) -> &'static str {
    use crate::model::RecordKind;
    let (zh, en) = match kind {
        RecordKind::Member => ("成员", "team member"),
        RecordKind::TeamEvent => ("团队建设记录", "team event"),
        RecordKind::Target => ("销售目标", "target"),
        RecordKind::Kpi => ("绩效指标", "KPI"),
        RecordKind::Review => ("绩效评估", "review"),
        RecordKind::CommissionPlan => ("提成方案", "commission plan"),
        RecordKind::CoachingNote => ("辅导记录", "coaching note"),
        RecordKind::ForecastAdjustment => ("预测调整", "forecast adjustment"),
        RecordKind::Customer => ("客户", "customer"),
        RecordKind::Contact => ("联系人", "contact"),
        RecordKind::Interaction => ("客户互动", "interaction"),
        RecordKind::Feedback => ("客户反馈", "feedback"),
        RecordKind::LoyaltyEntry => ("积分记录", "loyalty entry"),
        RecordKind::Deal => ("商机", "deal"),
        RecordKind::Research => ("市场调研", "research"),
        RecordKind::Segment => ("目标客户群", "segment"),
        RecordKind::Channel => ("营销渠道", "channel"),
        RecordKind::Content => ("营销内容", "content"),
        RecordKind::MarketingPlan => ("营销计划", "marketing plan"),
        RecordKind::MarketSize => ("市场规模", "market size"),
        RecordKind::Promotion => ("促销活动", "promotion"),
        RecordKind::BudgetCategory => ("预算类别", "budget category"),
        RecordKind::BudgetLine => ("预算计划", "budget line"),
        RecordKind::Expense => ("支出", "expense"),
        RecordKind::CareerGoal => ("职业目标", "career goal"),
        RecordKind::LearningItem => ("学习项目", "learning item"),
        RecordKind::Task => ("任务", "task"),
        RecordKind::StressCheckIn => ("压力记录", "stress check-in"),
        RecordKind::Assessment => ("领导力自评", "self-assessment"),
        RecordKind::Person => ("人脉", "network person"),
        RecordKind::Touch => ("人脉联系", "network contact"),
        RecordKind::NetworkEvent => ("行业活动", "industry event"),
        RecordKind::TimeBlock => ("时间块", "time block"),
        RecordKind::WeeklyReview => ("每周回顾", "weekly review"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_before_another_names_the_date_it_is_compared_with() {
        let won = Problem::Before("created");
        assert_eq!(problem(Lang::Zh, &won), "日期早于创建日期");
        assert_eq!(problem(Lang::En, &won), "Is before the created date");
        let follow_up = Problem::Before("date");
        assert_eq!(problem(Lang::Zh, &follow_up), "日期早于所填日期");
        assert_eq!(problem(Lang::En, &follow_up), "Is before the date");
        let end = Problem::Before("start");
        assert_eq!(problem(Lang::Zh, &end), "日期早于开始日期");
        assert_eq!(problem(Lang::En, &end), "Is before the start date");
    }

    #[test]
    fn locale_picks_language() {
        assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("de"), Lang::En);
    }

    #[test]
    fn every_shared_text_is_translated_and_distinct_per_language() {
        for t in T::ALL {
            assert!(
                !t.get(Lang::Zh).is_empty() && !t.get(Lang::En).is_empty(),
                "{t:?}"
            );
        }
    }
}
