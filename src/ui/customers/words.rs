//! Words of the customer relationship views (detail tabs), in their own module so
//! that the detail view and its tabs (contacts, interactions, feedback, loyalty) all
//! import them from here instead of from each other.

crate::texts! {
    /// Words of the customer relationship views (detail tabs).
    pub enum RText {
        Overview => "概况", "Overview";
        Interactions => "客户互动", "Interactions";
        Feedback => "客户反馈", "Feedback";
        Deals => "商机", "Deals";
        Loyalty => "忠诚度计划", "Loyalty";
        FollowUpsDue => "待跟进", "Follow-ups due";
        OpenFeedback => "未解决反馈", "Open feedback";
        OpenDeals => "在谈商机", "Open deals";
        Tier => "会员等级", "Tier";
        NoTier => "未达任何等级", "No tier yet";
        // Contacts
        AddContact => "添加联系人", "Add contact";
        EditContact => "编辑联系人", "Edit contact";
        ContactSaved => "已保存联系人", "Contact saved";
        ContactDeleted => "已删除联系人", "Contact deleted";
        DeleteContactQ => "删除此联系人？相关互动记录中的联系人会被清空。", "Delete this contact? Interactions that name them keep their notes but lose the contact.";
        // Interactions
        LogInteraction => "记录互动", "Log interaction";
        EditInteraction => "编辑互动", "Edit interaction";
        Kind => "类型", "Type";
        Contact => "联系人", "Contact";
        Member => "跟进人", "By";
        Note => "内容", "Note";
        Outcome => "结果", "Outcome";
        FollowUp => "下次跟进日期", "Next follow-up";
        FollowUpDone => "跟进已完成", "Follow-up done";
        MarkDone => "标记已跟进", "Mark done";
        DueToday => "今天到期", "due today";
        Upcoming => "待跟进", "upcoming";
        Done => "已完成", "done";
        InteractionLogged => "已记录互动", "Interaction logged";
        InteractionSaved => "已保存互动", "Interaction saved";
        InteractionDeleted => "已删除互动", "Interaction deleted";
        DeleteInteractionQ => "删除这条互动记录？", "Delete this interaction?";
        TimelineHint => "按日期排列，最新的在最上面。", "By date, newest first.";
        // Feedback
        AddFeedback => "记录反馈", "Add feedback";
        FeedbackText => "反馈内容", "What they said";
        Status => "状态", "Status";
        Resolution => "处理结果", "Resolution";
        ResolvedOn => "解决日期", "Resolved on";
        StartWork => "开始处理", "Start work";
        Resolve => "标记已解决", "Resolve";
        ConfirmResolve => "确认解决", "Confirm resolved";
        Reopen => "重新打开", "Reopen";
        FeedbackSaved => "已保存反馈", "Feedback saved";
        EditFeedback => "编辑反馈", "Edit feedback";
        FeedbackDeleted => "已删除反馈", "Feedback deleted";
        DeleteFeedbackQ => "删除这条反馈？", "Delete this feedback?";
        StatusChanged => "反馈状态已更新", "Feedback status changed";
        // Loyalty
        Points => "积分", "Points";
        PointsUnit => "积分", "points";
        Balance => "积分余额", "Points balance";
        Revenue12m => "近12个月成交额", "Won in the last 12 months";
        Basis => "等级依据", "Tiers by";
        ToNext => "升级到下一等级还差", "Still needed for the next tier";
        TopTier => "已是最高等级", "Top tier reached";
        Ledger => "积分明细", "Points ledger";
        AddEntry => "添加积分记录", "Add points entry";
        PointsHint => "正数为获得，负数为兑换", "Positive earns, negative redeems";
        Reason => "事由", "Reason";
        EntryAdded => "已添加积分记录", "Points entry added";
        Rules => "计划规则（全部客户适用）", "Programme rules (all customers)";
        EditRules => "编辑规则", "Edit rules";
        PointsPerYuan => "每成交1元获得积分", "Points per yuan won";
        PointsPerYuanHint => "商机签约时自动记入客户积分，撤销签约时扣回。", "Added to the customer's ledger when a deal is won, and taken back if the win is.";
        TierName => "等级名称", "Tier name";
        Threshold => "门槛", "Threshold";
        ThresholdPoints => "门槛（积分）", "Threshold (points)";
        ThresholdYuan => "门槛（近12个月成交额，元）", "Threshold (12-month revenue, ¥)";
        AddTier => "添加等级", "Add tier";
        RemoveTier => "删除等级", "Remove tier";
        RulesSaved => "规则已保存", "Rules saved";
        TiersHint => "门槛须从低到高排列。", "Thresholds must go up from tier to tier.";
    }
    fn {
        won_line(title) => "签约：{title}", "Won: {title}";
        unwon_line(title) => "撤销签约：{title}", "Win taken back: {title}";
    }
}

/// "：" between a caption and its value in Chinese, ": " in English.
pub use crate::ui::format::colon;
