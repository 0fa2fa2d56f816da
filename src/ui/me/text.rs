//! The Me page's words, in Chinese and English.

crate::texts! {
    pub enum Text {
        // Tabs
        TabTime => "时间管理", "Time";
        TabStress => "压力管理", "Stress";
        TabNetwork => "行业人脉", "Network";
        TabGoals => "职业目标", "Career goals";
        TabLearning => "持续学习", "Learning";
        TabLeadership => "领导力", "Leadership";
        TabReview => "每周回顾", "Weekly review";
        // Shared
        Title => "标题", "Title";
        Notes => "备注", "Notes";
        Kind => "类型", "Kind";
        Status => "状态", "Status";
        Hours => "小时", "Hours";
        Done => "已完成", "Done";
        Reopened => "已恢复为未完成", "Reopened";
        Deleted => "已删除", "Deleted";
        DueToday => "今天到期", "Due today";
        // Time
        Quadrants => "四象限", "Four quadrants";
        QuadrantsHint => "按重要和紧急把任务放进四个象限；拖动任务可以换象限。", "Sort tasks by importance and urgency; drag a task to another quadrant.";
        QDoNow => "重要且紧急", "Important and urgent";
        QDoNowHint => "马上做", "Do now";
        QPlan => "重要不紧急", "Important, not urgent";
        QPlanHint => "安排时间做", "Plan it";
        QDelegate => "紧急不重要", "Urgent, not important";
        QDelegateHint => "交给别人", "Hand it off";
        QDrop => "不重要不紧急", "Neither";
        QDropHint => "少做或不做", "Drop it";
        DropHere => "把任务拖到这里", "Drag a task here";
        DragHint => "拖到另一个象限", "Drag to another quadrant";
        MoveTo => "移到其他象限", "Move to another quadrant";
        MovedTo => "已移到", "Moved to";
        MarkDone => "标记为已完成", "Mark done";
        NewTask => "新任务", "New task";
        EditTask => "编辑任务", "Edit task";
        TaskSaved => "已保存任务", "Task saved";
        Planned => "计划日期", "Planned for";
        Important => "重要", "Important";
        Urgent => "紧急", "Urgent";
        MovedLaterHint => "计划日期已推迟三次或更多：是否该拆分、交给别人或放弃？", "Its date moved later three times or more: split it, hand it off or drop it?";
        Focus => "聚焦", "Focus";
        Focused => "已加入今日聚焦", "Added to today's focus";
        Unfocus => "移出", "Remove";
        Unfocused => "已移出今日聚焦", "Removed from today's focus";
        FocusToday => "今日聚焦", "Today's focus";
        FocusEmpty => "还没有今日聚焦的任务：在任务旁点“聚焦”。", "Nothing in today's focus yet: click “Focus” beside a task.";
        WeekPlanner => "一周计划", "Week planner";
        PrevWeek => "上一周", "Previous week";
        NextWeek => "下一周", "Next week";
        NewBlock => "时间块", "Time block";
        EditBlock => "编辑时间块", "Edit time block";
        DeleteBlock => "删除这个时间块", "Delete this time block";
        BlockSaved => "已保存时间块", "Time block saved";
        Start => "开始时间", "Starts at";
        Minutes => "时长（分钟）", "Length (minutes)";
        ForTask => "对应任务", "For task";
        TimeWent => "本周时间都去哪了", "Where the week's time went";
        NoBlocks => "这一周还没有时间块。", "No time blocks this week.";
        // Stress
        CheckIns => "压力自评", "Stress check-ins";
        NewCheckIn => "记录一次自评", "Check in";
        EditCheckIn => "编辑自评", "Edit check-in";
        CheckInSaved => "已记录自评", "Check-in saved";
        Level => "压力水平", "Stress level";
        Energy => "精力", "Energy";
        Sleep => "睡眠（小时）", "Sleep (hours)";
        Stressors => "压力来源", "Stressors";
        OtherStressors => "其他压力来源", "Other stressors";
        CommaHint => "用逗号分隔", "Separate with commas";
        Helped => "有帮助的做法", "What helped";
        HelpedBefore => "以前有帮助的做法", "What helped before";
        StressTrend => "压力趋势（每周平均）", "Stress trend (weekly average)";
        WeeklyAverage => "每周平均", "Weekly average";
        NoCheckIns => "最近十二周没有自评。", "No check-ins in the last twelve weeks.";
        Recent => "最近的自评", "Recent check-ins";
        RisingTitle => "压力连续两周上升", "Stress has risen two weeks running";
        RisingBody => "最近两周的平均压力都比前一周高。留意一下自己，给休息留出时间。", "Each of the last two weeks averaged higher than the week before. Look after yourself and make room to rest.";
        RisingNoHelp => "记录自评时写下有帮助的做法，下次这里会提醒你。", "Note what helps when you check in, and it will be suggested here next time.";
        // Network
        LosingTouch => "渐渐失联的人", "Losing touch";
        LosingTouchHint => "已超过期望联系间隔的人，逾期最久的在前。", "People past the interval you want, the most overdue first.";
        AllInTouch => "都保持着联系。", "You are in touch with everyone.";
        NeverContacted => "从未联系", "Never contacted";
        LogContact => "记录联系", "Log contact";
        LogContactToday => "记录今天的联系", "Log a contact today";
        ContactNote => "联系说明", "Contact note";
        ContactLogged => "已记录联系", "Contact logged";
        People => "人脉", "People";
        NewPerson => "添加人脉", "Add person";
        EditPerson => "编辑人脉", "Edit person";
        PersonSaved => "已保存人脉", "Person saved";
        Name => "姓名", "Name";
        Company => "公司", "Company";
        MetAt => "相识场合", "Where you met";
        Topics => "常聊话题", "What you talk about";
        EveryDays => "期望联系间隔（天）", "Contact every (days)";
        Every => "期望联系间隔", "Contact every";
        LastContact => "上次联系", "Last contact";
        NextContact => "下次联系", "Next contact";
        LinkedContact => "对应客户联系人", "Customer contact";
        Events => "行业活动", "Industry events";
        NewEvent => "添加活动", "Add event";
        EditEvent => "编辑活动", "Edit event";
        EventSaved => "已保存活动", "Event saved";
        EventName => "名称", "Name";
        Place => "地点", "Place";
        Met => "见到的人", "Met";
        // Goals
        NewGoal => "新目标", "New goal";
        EditGoal => "编辑目标", "Edit goal";
        GoalSaved => "已保存目标", "Goal saved";
        Area => "方向", "Area";
        AlignedWith => "对应公司目标", "Serves the company's goal";
        TargetDate => "目标日期", "Target date";
        ProgressPct => "进度（%）", "Progress (%)";
        LinkedTarget => "关联销售目标", "Linked sales target";
        FromTarget => "进度来自销售目标", "Progress from the target";
        WholeTeam => "全团队", "Whole team";
        Milestones => "里程碑", "Milestones";
        Milestone => "里程碑", "Milestone";
        MilestoneDone => "里程碑已完成", "Milestone done";
        // Learning
        NewLearning => "添加学习项目", "Add learning";
        EditLearning => "编辑学习项目", "Edit learning";
        LearningSaved => "已保存学习项目", "Learning saved";
        Started => "开始日期", "Started";
        Completed => "完成日期", "Completed";
        YearHours => "全年学习小时", "Hours this year";
        YearDone => "完成项目", "Completed";
        YearCertificates => "获得认证", "Certificates";
        HoursByMonth => "每月学习小时", "Hours by month";
        // Leadership
        NewAssessment => "新的自评", "New self-assessment";
        EditAssessment => "编辑自评", "Edit self-assessment";
        AssessmentSaved => "已保存领导力自评", "Self-assessment saved";
        LeadershipHint => "给每项能力打 1–5 分，定期重复，看看变化。", "Score each competency 1–5, repeat from time to time, and watch the change.";
        LeadershipChange => "领导力自评的变化", "Change between self-assessments";
        Competency => "能力", "Competency";
        OwnCompetency => "自定义能力", "Your own competency";
        // Weekly review
        ReviewHint => "回顾这一周，再安排下一周：顺延未完成的任务，定下重点，写几句感想。", "Look back on the week, then plan the next: carry open tasks, set the focus, write a few lines.";
        StartReview => "开始本周回顾", "Start this week's review";
        RedoReview => "重新回顾本周", "Review this week again";
        ReviewLastWeek => "回顾上周", "Review last week";
        WeekOf => "回顾的周", "Week";
        StepGather => "1 本周情况", "1 The week";
        StepPlan => "2 计划下周", "2 Plan next week";
        StepReflect => "3 感想", "3 Reflection";
        NextStep => "下一步", "Next";
        SaveReview => "保存回顾", "Save review";
        ReviewSaved => "已保存每周回顾", "Weekly review saved";
        CarryTasks => "顺延到下周的任务", "Tasks to carry into next week";
        NothingToCarry => "没有需要顺延的任务。", "No tasks to carry.";
        NextFocus => "下周重点", "Next week's focus";
        Reflection => "感想", "Reflection";
        PastReviews => "以往的回顾", "Past reviews";
    }
    fn {
        moved_later(n) => "已推迟 {n} 次", "moved later {n} times";
        hours(n) => "{n} 小时", "{n} h";
        week_range(m1, d1, m2, d2, from, to) => "{m1}月{d1}日 – {m2}月{d2}日", "{from} – {to}";
    }
}
