//! The English of the demo's free texts: places, industries, job titles, notes, plans,
//! research, content, promotions, the manager's own records. Each Chinese text once;
//! `english.rs` puts them in place. Promotion plans and materials keep their pieces
//! apart with ';' and ',' only, as the Chinese ones do with '；' and '、', so the steps
//! and checklist items made from them match one to one.

pub(super) const TEXTS: &[(&str, &str)] = &[
    // Regions, product lines, industries
    ("华东", "East China"),
    ("华南", "South China"),
    ("华北", "North China"),
    ("云ERP", "Cloud ERP"),
    ("智能仓储", "Smart warehousing"),
    ("机械制造", "Machinery"),
    ("汽车零部件", "Auto parts"),
    ("电子电器", "Electronics"),
    ("化工材料", "Chemicals"),
    ("医药健康", "Pharma & health"),
    ("食品饮料", "Food & beverage"),
    ("商贸流通", "Trade & distribution"),
    ("连锁零售", "Retail chains"),
    ("物流仓储", "Logistics & warehousing"),
    ("服装纺织", "Textiles & apparel"),
    ("建材家居", "Building materials & home"),
    ("软件信息", "Software & IT"),
    // Deal titles' endings
    ("项目", "project"),
    ("一期项目", "phase 1"),
    ("二期扩容", "phase 2 expansion"),
    ("升级改造", "upgrade"),
    ("年度采购", "yearly purchase"),
    ("试点项目", "pilot"),
    // Contacts' job titles
    ("总经理", "General manager"),
    ("采购经理", "Purchasing manager"),
    ("IT总监", "IT director"),
    ("财务总监", "CFO"),
    ("仓储主管", "Warehouse supervisor"),
    ("运营副总", "VP of operations"),
    ("生产经理", "Production manager"),
    ("信息部主管", "Head of IT"),
    // Customers' notes
    ("年度IT预算较为充足。", "A generous yearly IT budget."),
    (
        "老板重视数字化转型，亲自参与选型。",
        "The owner backs going digital and takes part in the choice himself.",
    ),
    (
        "采购流程较长，需要提前布局。",
        "A long buying process: start early.",
    ),
    (
        "竞争对手已在部分车间试用。",
        "A competitor is on trial in some workshops.",
    ),
    (
        "由集团总部统一采购，需要对接总部IT。",
        "The group's head office buys for all: work with head office IT.",
    ),
    (
        "财务总监是关键决策人。",
        "The CFO is the key decision maker.",
    ),
    // Deals' notes and lost notes
    (
        "客户对移动端审批很感兴趣。",
        "Very interested in approvals on mobile.",
    ),
    (
        "需要和现有财务软件对接。",
        "Must connect to their current accounting software.",
    ),
    ("客户希望分两期实施。", "Wants the roll-out in two phases."),
    (
        "竞争对手报价比我们低约10%。",
        "A competitor quoted about 10% below us.",
    ),
    (
        "客户高层支持，IT部门有顾虑。",
        "Top management supports it; IT has doubts.",
    ),
    (
        "已安排售前做现场演示。",
        "Pre-sales booked for an on-site demo.",
    ),
    (
        "客户认为报价高于预算约15%，最终选了低价方案。",
        "Our quote was about 15% over their budget; they chose a cheaper offer.",
    ),
    (
        "折扣申请未获批准，客户转向价格更低的产品。",
        "The discount was not approved; they went for a cheaper product.",
    ),
    (
        "竞争对手有同行业成功案例，客户选择了对方。",
        "A competitor had a success story in their industry and won.",
    ),
    (
        "对手承诺更短的实施周期。",
        "The competitor promised a shorter roll-out.",
    ),
    (
        "客户今年预算被砍，项目取消。",
        "Their budget was cut this year; project cancelled.",
    ),
    ("集团冻结了信息化投入。", "The group froze IT spending."),
    (
        "客户业务调整，项目推迟到明年。",
        "Business reorganised; the project moves to next year.",
    ),
    (
        "正值旺季，客户无暇上新系统。",
        "Peak season: no time for a new system.",
    ),
    (
        "客户内部意见不统一，一直没有结论。",
        "No agreement inside the customer; no decision came.",
    ),
    (
        "决策人离职，项目搁置。",
        "The decision maker left; project on hold.",
    ),
    (
        "客户被收购，采购由新股东统一安排。",
        "The customer was acquired; the new owner buys centrally.",
    ),
    (
        "需求与我们的产品不匹配。",
        "Their needs do not fit our product.",
    ),
    // Interactions
    (
        "电话沟通项目进度，客户内部正在走审批。",
        "Call on progress: internal approval under way.",
    ),
    (
        "电话确认下周上门拜访的时间和参会人。",
        "Call to fix next week's visit: time and attendees.",
    ),
    (
        "回访系统使用情况，客户整体满意。",
        "Follow-up call on system use: satisfied overall.",
    ),
    (
        "上门拜访，参观了仓库现场作业流程。",
        "Visit: toured the warehouse operations.",
    ),
    (
        "拜访财务总监，介绍成本核算模块。",
        "Visited the CFO to present the costing module.",
    ),
    (
        "陪同售前做现场需求调研。",
        "Joined pre-sales for on-site requirements.",
    ),
    (
        "发送产品白皮书和报价说明。",
        "Sent the product white paper and quote notes.",
    ),
    (
        "邮件发送会议纪要及下一步计划。",
        "Emailed the minutes and next steps.",
    ),
    (
        "回复客户关于数据迁移的技术问题。",
        "Answered their technical questions on data migration.",
    ),
    (
        "与客户IT和业务部门开方案评审会。",
        "Solution review with their IT and business teams.",
    ),
    (
        "高层会面，讨论年度合作框架。",
        "Executive meeting on a yearly framework agreement.",
    ),
    (
        "项目周例会，确认上线时间表。",
        "Weekly project meeting: go-live schedule set.",
    ),
    ("客户有明确采购意向。", "Clear intent to buy."),
    (
        "需要补充同行业成功案例。",
        "Needs more success stories from their industry.",
    ),
    (
        "等待客户内部预算审批。",
        "Waiting for their internal budget approval.",
    ),
    (
        "客户要求提供详细实施方案。",
        "Asked for a detailed implementation plan.",
    ),
    ("进展顺利，按计划推进。", "Going well, on plan."),
    ("客户暂无新需求。", "No new needs for now."),
    // Feedback and resolutions
    (
        "月底结账时系统响应很慢。",
        "The system is slow at the month-end close.",
    ),
    (
        "实施顾问更换频繁，交接不清楚。",
        "Consultants change often and hand over poorly.",
    ),
    (
        "手持终端扫码偶尔失灵。",
        "Handheld scanners sometimes fail.",
    ),
    (
        "希望报表能直接导出到Excel。",
        "Would like reports exported to Excel.",
    ),
    (
        "建议增加移动端审批提醒。",
        "Suggests approval reminders on mobile.",
    ),
    (
        "希望能按门店查看库存周转。",
        "Would like stock turnover by store.",
    ),
    (
        "上线后库存准确率明显提升，感谢团队。",
        "Stock accuracy is much better since go-live: thanks to the team.",
    ),
    (
        "客服响应及时，问题当天解决。",
        "Quick support: solved the same day.",
    ),
    (
        "培训很细致，员工上手很快。",
        "Thorough training; staff picked it up fast.",
    ),
    (
        "已优化数据库索引，结账时间缩短到原来的三分之一。",
        "Database indexes tuned: the close takes a third of the time.",
    ),
    (
        "指定专属顾问并补充交接文档。",
        "A dedicated consultant assigned; hand-over notes completed.",
    ),
    (
        "已在新版本中加入该功能并通知客户。",
        "Added in the new release; customer told.",
    ),
    (
        "已回复客户并记录到知识库。",
        "Answered and added to the knowledge base.",
    ),
    // Budget: payees and expense notes
    ("销售团队", "Sales team"),
    ("人力资源部", "HR department"),
    ("销售提成发放", "Sales commissions paid"),
    ("季度奖金", "Quarterly bonus"),
    ("绩效奖金", "Performance bonus"),
    ("百度推广", "Baidu ads"),
    ("展会主办方", "Trade show organiser"),
    ("关键词推广充值", "Keyword ads top-up"),
    ("平台年费", "Platform yearly fee"),
    ("展位费", "Booth fee"),
    ("会议中心", "Conference centre"),
    ("礼品供应商", "Gift supplier"),
    ("印刷公司", "Print shop"),
    ("场地租赁", "Venue hire"),
    ("活动礼品", "Event gifts"),
    ("物料印刷", "Printed materials"),
    ("航空公司", "Airline"),
    ("连锁酒店", "Hotel chain"),
    ("餐厅", "Restaurant"),
    ("拜访客户机票", "Flights for customer visits"),
    ("出差住宿", "Hotel on business trips"),
    ("客户招待餐费", "Customer dinners"),
    ("销售培训机构", "Sales training firm"),
    ("在线学习平台", "Online learning platform"),
    ("外部讲师", "External trainer"),
    ("顾问式销售培训", "Consultative selling course"),
    ("在线课程年卡", "Online courses, yearly pass"),
    ("谈判技巧工作坊", "Negotiation workshop"),
    ("CRM软件服务商", "CRM vendor"),
    ("云服务商", "Cloud provider"),
    ("办公软件", "Office software"),
    ("CRM年费", "CRM yearly fee"),
    ("云服务器费用", "Cloud servers"),
    ("软件授权", "Software licences"),
    ("办公用品店", "Office supplies shop"),
    ("快递公司", "Courier"),
    ("办公用品", "Office supplies"),
    ("合同快递", "Couriering contracts"),
    ("杂项支出", "Sundries"),
    // Targets and reviews
    (
        "大单客户预算推迟，预计下季度签约",
        "A big customer's budget slipped; signing expected next quarter",
    ),
    (
        "客户关系维护扎实，老客户续约率高。",
        "Solid customer care; high renewal rate.",
    ),
    (
        "方案讲解清晰，报价阶段推进快。",
        "Clear presentations; moves quotes on fast.",
    ),
    (
        "积极主动，新客户开拓数量领先。",
        "Proactive; leads the team in new customers.",
    ),
    (
        "团队协作好，乐于分享经验。",
        "A good team player who shares experience.",
    ),
    (
        "需求分析阶段提问不够深入。",
        "Asks too few deep questions in discovery.",
    ),
    (
        "商务谈判让步过快，折扣偏大。",
        "Gives in too fast in negotiation; discounts run high.",
    ),
    ("跟进记录不够及时。", "Logs follow-ups late."),
    (
        "大客户的高层关系需要加强。",
        "Needs stronger ties with key accounts' executives.",
    ),
    ("每周补全跟进记录", "Complete the follow-up log every week"),
    ("陪同拜访两家重点客户", "Join visits to two key customers"),
    ("复盘三个丢单原因", "Review why three deals were lost"),
    (
        "整理报价谈判话术",
        "Write up talking points for price talks",
    ),
    (
        "已在一对一面谈中沟通，双方认可。",
        "Discussed one-to-one; both agree.",
    ),
    (
        "按季度核算，完成率越高提成比例越高。",
        "Settled quarterly: the higher the attainment, the higher the rate.",
    ),
    (
        "大客户项目周期长，按年度核算，超额部分加速。",
        "Key account projects run long: settled yearly, faster above target.",
    ),
    // Coaching notes
    ("需求分析提问技巧", "Discovery questions"),
    (
        "一起复盘了上周的客户拜访，练习用开放式问题挖掘痛点。",
        "Went over last week's visit; practised open questions to find pain points.",
    ),
    ("报价谈判模拟", "Price negotiation role play"),
    (
        "角色扮演采购经理压价，练习守住底线、用价值换价格。",
        "Played a buyer pushing the price; practised holding the line and trading on value.",
    ),
    ("月度一对一", "Monthly one-to-one"),
    (
        "聊了本月目标进度和遇到的困难，约定下周一起拜访重点客户。",
        "Talked through the month's progress and hurdles; a joint key customer visit next week.",
    ),
    ("职业发展沟通", "Career talk"),
    (
        "对方希望向大客户经理方向发展，安排跟进两个集团客户。",
        "Wants to grow into key account management; given two group accounts.",
    ),
    ("跟进记录及时性", "Timely follow-up logs"),
    (
        "坦诚指出跟进记录滞后的问题，对方表示接受并当周改进。",
        "Named the late follow-up logs frankly; accepted and fixed that week.",
    ),
    ("周会表现", "Weekly meeting"),
    (
        "周会上的案例分享很有启发，建议下次控制在十分钟内。",
        "An inspiring case at the weekly meeting; next time within ten minutes.",
    ),
    ("签下季度最大单", "Signed the quarter's biggest deal"),
    (
        "在团队群里公开表扬，并推荐为月度之星。",
        "Praised in the team chat and nominated star of the month.",
    ),
    ("帮助新人", "Helping a newcomer"),
    (
        "主动带新同事跑客户，在周会上致谢。",
        "Took a new colleague on customer visits; thanked at the weekly meeting.",
    ),
    // Team events
    ("季度团建", "Quarterly team outing"),
    (
        "郊外徒步和晚餐，大家反馈很放松，增进了区域间的了解。",
        "A hike and dinner: relaxing, and the regions got to know each other.",
    ),
    ("销售技能分享会", "Sales skills sharing"),
    (
        "每人分享一个成交故事，整理成团队案例库。",
        "Everyone told one winning story, collected in the team's case library.",
    ),
    (
        "莫干山一日拓展：破冰、团队协作挑战，晚上复盘上季度的赢单与丢单。",
        "A day at Moganshan: icebreakers, team challenges, and an evening review of last quarter's wins and losses.",
    ),
    (
        "季度目标达成庆功宴。",
        "Dinner to celebrate the quarter's target.",
    ),
    ("新成员欢迎聚餐。", "Welcome dinner for new members."),
    (
        "积极倾听与有效沟通：半天工作坊。",
        "Active listening and clear talk: a half-day workshop.",
    ),
    // Segments
    (
        "年营收5亿元以上，拥有多个工厂或仓库的制造企业",
        "Manufacturers with revenue above ¥500M and several plants or warehouses",
    ),
    (
        "多工厂协同、生产与库存一体化、与集团财务对接",
        "Plants working together, production and stock in one, links to group finance",
    ),
    (
        "多工厂制造企业首选的一体化云ERP：一套系统打通生产、库存与集团财务。",
        "The cloud ERP for multi-plant makers: one system for production, stock and group finance.",
    ),
    (
        "年营收5000万至5亿元的商贸、物流和建材企业",
        "Trade, logistics and building-material firms with revenue of ¥50M to ¥500M",
    ),
    (
        "进销存透明、仓库作业效率、应收账款管理",
        "Clear buying, stock and sales; warehouse efficiency; receivables",
    ),
    (
        "让每一笔货和每一笔款都看得见的进销存与仓储方案。",
        "Stock and warehousing where every item and every payment is in sight.",
    ),
    (
        "成立3至10年、快速扩张的电子、医药和软件企业",
        "Fast-growing electronics, pharma and software firms, 3 to 10 years old",
    ),
    (
        "快速上线、按需付费、随业务扩展的灵活配置",
        "Quick go-live, pay as you go, set-up that grows with the business",
    ),
    (
        "两周上线、按需付费，随业务一起长大的ERP。",
        "Live in two weeks, pay as you go: the ERP that grows with you.",
    ),
    (
        "门店20家以上的连锁超市和专卖店",
        "Supermarket and store chains with 20+ stores",
    ),
    (
        "门店补货、总仓配送、会员与促销数据打通",
        "Store restocking, central warehouse delivery, member and promotion data in one",
    ),
    (
        "从总仓到门店一体化补货，让促销和会员数据说话。",
        "Restocking from central warehouse to store in one flow; let promotion and member data speak.",
    ),
    // Channels' notes
    (
        "百度关键词推广和官网在线咨询。",
        "Baidu keyword ads and live chat on the website.",
    ),
    (
        "每周两篇行业文章，文末留资。",
        "Two industry articles a week, with a sign-up at the end.",
    ),
    (
        "在两家行业平台开设企业店铺。",
        "A company shop on two industry platforms.",
    ),
    (
        "试投放三个月，线索质量不高，已暂停。",
        "Tried for three months; poor leads, paused.",
    ),
    (
        "每年参加两次华东和华南的制造业展会。",
        "Two manufacturing trade shows a year, in East and South China.",
    ),
    (
        "每季度在重点城市办客户沙龙。",
        "A customer salon in a key city every quarter.",
    ),
    (
        "老客户推荐成交后赠送服务积分。",
        "Service points for customers whose referral buys.",
    ),
    (
        "与实施伙伴和咨询公司互相推荐客户。",
        "Customers referred both ways with implementation partners and consultancies.",
    ),
    // Content
    (
        "云ERP产品白皮书（2024版）",
        "Cloud ERP white paper (2024 edition)",
    ),
    (
        "智能仓储方案三分钟动画",
        "Smart warehousing in a three-minute animation",
    ),
    (
        "制造业数字化转型案例集",
        "Manufacturing goes digital: case studies",
    ),
    ("年中签约季优惠说明", "Mid-year signing season offer"),
    ("老客户推荐有礼活动海报", "Refer-a-customer poster"),
    (
        "智能仓储免费试用招募",
        "Smart warehousing free trial: sign up",
    ),
    (
        "我们为什么坚持做中小企业的ERP",
        "Why we keep building ERP for small and mid-size firms",
    ),
    (
        "十年服务三千家客户的故事",
        "Ten years, three thousand customers",
    ),
    (
        "客户之声：一家连锁超市的仓库变化",
        "Customer voice: how a supermarket chain's warehouse changed",
    ),
    // Research
    (
        "中型制造企业ERP更换意向调研",
        "Survey: mid-size manufacturers replacing their ERP",
    ),
    ("电话问卷，有效样本212家", "Phone survey, 212 valid answers"),
    (
        "约三成企业计划两年内更换ERP；最关心实施周期和总成本；决策人多为财务总监和生产副总。",
        "About 30% plan to replace their ERP within two years; roll-out time and total cost matter most; deciders are mostly CFOs and VPs of production.",
    ),
    (
        "连锁零售仓储自动化需求访谈",
        "Interviews: warehouse automation in retail chains",
    ),
    ("深度访谈15家连锁企业", "In-depth interviews with 15 chains"),
    (
        "总仓拣货效率是最大痛点；门店补货靠经验；愿意先小范围试用再决定采购。",
        "Picking speed at the central warehouse hurts most; stores restock by feel; they want a small trial before buying.",
    ),
    (
        "金蝶云星空：中型制造企业市场动向",
        "Kingdee Cloud Galaxy: moves among mid-size manufacturers",
    ),
    (
        "官网公开价格与两家客户访谈",
        "Published prices and two customer interviews",
    ),
    (
        "在华东中型制造企业中报价最低，常以价格取胜。",
        "The lowest quotes among East China's mid-size manufacturers; often wins on price.",
    ),
    ("金蝶云星空", "Kingdee Cloud Galaxy"),
    (
        "品牌知名度高；财务模块成熟；渠道伙伴多。",
        "Well-known brand; mature finance module; many channel partners.",
    ),
    (
        "生产与仓储模块需要二次开发；实施周期长。",
        "Production and warehouse modules need custom work; long roll-outs.",
    ),
    (
        "标准版每用户每年约4800元起",
        "Standard edition from about ¥4,800 per user a year",
    ),
    (
        "上季度推出制造业行业版，首年八折。",
        "Launched a manufacturing edition last quarter, 20% off the first year.",
    ),
    (
        "用友YonSuite：成长型企业的打法",
        "Yonyou YonSuite: how it goes after growing firms",
    ),
    ("行业展会现场交流", "Talks at a trade show"),
    (
        "主打快速上线和按月付费，与我们正面竞争成长型企业。",
        "Sells quick go-live and monthly fees; competes head-on with us for growing firms.",
    ),
    ("用友YonSuite", "Yonyou YonSuite"),
    (
        "产品线全；云服务稳定；大客户案例多。",
        "Full product range; stable cloud; many big-customer cases.",
    ),
    (
        "中小客户服务响应慢；定制价格高。",
        "Slow service for small customers; custom work is expensive.",
    ),
    (
        "按模块订阅，年费约3万元起",
        "Subscription per module, from about ¥30,000 a year",
    ),
    (
        "在华南新开两家服务中心。",
        "Opened two service centres in South China.",
    ),
    (
        "制造业上云趋势：从财务到生产",
        "Manufacturing moves to the cloud: from finance to production",
    ),
    ("行业协会年度报告", "Industry association yearly report"),
    (
        "中型制造企业上云率一年内从28%升到37%，生产管理模块增长最快。",
        "Cloud use among mid-size manufacturers rose from 28% to 37% in a year; production modules grew fastest.",
    ),
    // Marketing plans and market sizes
    (
        "线上渠道线索占比提升到40%，获客成本下降15%。",
        "Online channels bring 40% of leads; cost per customer down 15%.",
    ),
    (
        "每月复盘各渠道线索数量和成交转化。",
        "Review leads and conversion by channel every month.",
    ),
    (
        "通过两场沙龙和一次展会获取120条有效线索。",
        "120 qualified leads from two salons and one trade show.",
    ),
    (
        "行业协会年度报告（估算）",
        "Industry association yearly report (estimate)",
    ),
    ("市场调研估算", "Market research estimate"),
    // Promotions
    ("华南区全体销售", "All South China sales staff"),
    (
        "百日冲刺，争当销冠",
        "A hundred-day sprint to be top seller",
    ),
    (
        "三个月内华南区签约额提升20%。",
        "South China's signed value up 20% in three months.",
    ),
    (
        "按周公布排行榜；月度前三名发奖金；最后一周冲刺加码。",
        "Publish the leaderboard weekly; bonuses for the top three each month; an extra push in the last week",
    ),
    ("华南办事处", "South China office"),
    ("排行榜看板、奖杯、奖金", "Leaderboard, trophies, bonuses"),
    (
        "签约额提升18%，略低于目标；排行榜对新人激励明显，明年继续。",
        "Signed value up 18%, a little under target; the leaderboard spurred newcomers: again next year.",
    ),
    (
        "华东中型制造企业的老板和财务总监",
        "Owners and CFOs of East China's mid-size manufacturers",
    ),
    ("一天看懂云ERP", "Cloud ERP in a day"),
    (
        "邀请60家企业到场，获取40条有效线索。",
        "60 companies attending; 40 qualified leads.",
    ),
    (
        "提前三周电话邀约；上午产品演示，下午分组上机体验；会后一周内逐一回访。",
        "Phone invitations three weeks ahead; product demo in the morning; hands-on groups in the afternoon; a call to each within a week",
    ),
    ("苏州国际会议中心", "Suzhou International Conference Centre"),
    (
        "演示电脑20台、易拉宝、产品手册、伴手礼",
        "20 demo laptops, roll-up banners, brochures, gifts",
    ),
    (
        "到场52家，收集有效线索45条，已有6家进入报价阶段；下次增加行业案例分享。",
        "52 companies came, 45 qualified leads, 6 already at the quote stage; next time more industry cases.",
    ),
    ("已签约客户", "Signed customers"),
    ("好产品，一起用", "Good products are for sharing"),
    (
        "老客户推荐新线索30条。",
        "30 new leads referred by customers.",
    ),
    (
        "客户成功经理逐一通知；推荐成交后赠送服务积分和礼品。",
        "Customer success managers tell each customer; service points and a gift when a referral buys",
    ),
    ("线上", "Online"),
    ("礼品卡、推荐海报", "Gift cards, referral posters"),
    (
        "收到推荐线索27条，成交5单；礼品成本可控，转化率远高于其他渠道。",
        "27 referred leads, 5 won; gift costs under control, conversion far above other channels.",
    ),
    (
        "连锁零售和商贸企业的仓储负责人",
        "Warehouse heads of retail chains and traders",
    ),
    (
        "先用后买，效果看得见",
        "Try before you buy, and see the difference",
    ),
    (
        "20家企业开通试用，其中30%转为正式合同。",
        "20 companies on trial, 30% of them turning into contracts.",
    ),
    (
        "官网和公众号招募；售前一对一上线辅导；试用第三周安排效果复盘。",
        "Sign-ups on the website and WeChat account; one-to-one go-live help from pre-sales; a results review in the trial's third week",
    ),
    ("线上及客户现场", "Online and at the customer's site"),
    (
        "试用账号、手持终端样机10台",
        "Trial accounts, 10 sample handheld scanners",
    ),
    (
        "处于报价和合同阶段的客户",
        "Customers at the quote and contract stages",
    ),
    ("年中签约享九折", "10% off when you sign mid-year"),
    (
        "推动在谈项目在本季度内签约。",
        "Get the deals under way signed this quarter.",
    ),
    (
        "销售逐一梳理在谈项目；限时折扣需经理审批；每周跟踪签约进度。",
        "Reps go through each open deal; time-limited discounts need the manager's approval; signing progress tracked weekly",
    ),
    ("优惠说明、合同模板", "Offer sheet, contract template"),
    ("物流协会会员企业", "Logistics association members"),
    (
        "仓储数字化的下一步",
        "The next step for digital warehousing",
    ),
    ("接触50家物流企业。", "Meet 50 logistics companies."),
    (
        "与协会联合发邀请；我方做主题分享并设体验区。",
        "Joint invitations with the association; we give the keynote and run a demo area",
    ),
    (
        "上海物流协会会议室",
        "Shanghai Logistics Association meeting room",
    ),
    ("展架、产品手册", "Display stands, brochures"),
    (
        "协会临时调整年会日程，活动取消，费用未发生。",
        "The association moved its annual meeting at short notice: cancelled, no costs.",
    ),
    ("现场人员分工确认", "Confirm who does what on site"),
    // Me: goals and milestones
    (
        "两年内晋升为大区销售总监",
        "Become regional sales director within two years",
    ),
    (
        "公司三年营收翻番战略",
        "The company's plan to double revenue in three years",
    ),
    ("完成MBA核心课程", "Finish the MBA core courses"),
    ("管理层人才梯队建设", "Building the management pipeline"),
    (
        "培养两名能独当一面的骨干",
        "Develop two people who can stand on their own",
    ),
    ("区域团队自主经营", "Regional teams that run themselves"),
    (
        "在行业峰会做一次主题分享",
        "Give a talk at an industry summit",
    ),
    (
        "提升品牌在制造业的影响力",
        "Raise the brand's standing in manufacturing",
    ),
    (
        "团队年度目标完成率超过100%",
        "Team beats 100% of its yearly target",
    ),
    ("年度经营计划", "Yearly business plan"),
    ("带出一个业绩第一的小组", "Lead a group to first place"),
    ("主导一次跨区域项目", "Lead a cross-region project"),
    ("完成晋升答辩", "Pass the promotion panel"),
    ("完成战略管理模块", "Finish the strategy module"),
    ("完成财务管理模块", "Finish the finance module"),
    ("毕业论文开题", "Thesis proposal"),
    ("为骨干制定成长计划", "Growth plans for the key people"),
    ("每月一对一辅导", "Monthly one-to-one coaching"),
    ("确定分享主题", "Pick the talk's topic"),
    ("提交演讲稿", "Hand in the talk"),
    ("季度复盘会", "Quarterly review meeting"),
    // Me: learning, tasks, check-ins, leadership
    ("《销售管理》（第二版）", "Sales Management (2nd edition)"),
    ("顾问式销售高级课程", "Advanced consultative selling course"),
    ("项目管理专业认证", "Project management certification"),
    ("中国制造业数字化大会", "China Manufacturing Digital Summit"),
    (
        "与大区总监的月度导师对话",
        "Monthly mentoring with the regional director",
    ),
    ("提交本月销售预测", "Submit this month's sales forecast"),
    (
        "准备季度经营分析会材料",
        "Prepare the quarterly business review",
    ),
    (
        "审批年中签约季折扣政策",
        "Approve the mid-year signing season discounts",
    ),
    (
        "与华南区新人一对一",
        "One-to-one with the South China newcomer",
    ),
    (
        "回复市场部展会物料邮件",
        "Answer marketing's trade show materials email",
    ),
    ("整理报销单据", "Sort out expense receipts"),
    ("更新团队案例库", "Update the team's case library"),
    ("确认体验会场地合同", "Confirm the demo day venue contract"),
    ("完成上季度绩效评估", "Finish last quarter's reviews"),
    ("参加集团战略宣讲会", "Attend the group strategy briefing"),
    ("梳理停滞商机清单", "Go through the stalled deals"),
    (
        "月底冲业绩，加班较多。",
        "Month-end push, many late evenings.",
    ),
    ("状态不错。", "Feeling good."),
    ("睡眠不足，需要调整。", "Not enough sleep; needs a change."),
    (
        "周末陪家人，恢复了精力。",
        "Weekend with the family; energy back.",
    ),
    ("月底冲业绩", "Month-end push"),
    ("大客户投诉", "Key account complaint"),
    ("团队人手不足", "Team short-handed"),
    ("加班出差", "Overtime and travel"),
    ("季度考核", "Quarterly review"),
    ("晚饭后散步", "A walk after dinner"),
    ("早点睡", "Early nights"),
    ("和家人聊天", "Talking with family"),
    ("把任务写下来", "Writing tasks down"),
    ("跨部门协作", "Cross-team collaboration"),
    // Me: the network, events, the week planner, the weekly review
    ("华东机械行业协会", "East China Machinery Association"),
    ("行业峰会", "Industry summit"),
    (
        "行业政策、展会合作",
        "Industry policy, trade show partnerships",
    ),
    ("智造咨询", "Zhizao Consulting"),
    ("MBA同学", "MBA classmate"),
    ("数字化转型案例", "Going-digital cases"),
    ("星河自动化", "Xinghe Automation"),
    ("客户引荐", "Introduced by a customer"),
    ("渠道合作", "Channel partnerships"),
    ("猎头顾问", "Headhunter"),
    ("朋友介绍", "Through a friend"),
    ("人才市场行情", "The talent market"),
    ("同行 · 华南区销售总监", "Peer · South China sales director"),
    ("团队管理经验", "Team management experience"),
    ("行业媒体", "Industry press"),
    ("展会采访", "Trade show interview"),
    ("行业影响力、投稿", "Industry standing, articles"),
    ("客户联系人", "Customer contact"),
    ("行业趋势", "Industry trends"),
    (
        "上海国际会议中心",
        "Shanghai International Convention Center",
    ),
    ("华东机械行业年会", "East China machinery annual meeting"),
    ("杭州", "Hangzhou"),
    ("MBA校友沙龙", "MBA alumni salon"),
    ("复旦大学", "Fudan University"),
    ("拜访重点客户", "Visit key customers"),
    ("一对一辅导", "One-to-one coaching"),
    ("销售预测", "Sales forecast"),
    ("部门例会", "Team meeting"),
    ("审批与报销", "Approvals and expenses"),
    ("MBA课程", "MBA class"),
    (
        "推进两个报价阶段的大单，安排新人一对一。",
        "Move the two big deals at the quote stage; book one-to-ones with the newcomers.",
    ),
    (
        "客户拜访比计划少，下周把周二、周四上午留给客户。",
        "Fewer customer visits than planned: next week Tuesday and Thursday mornings are for customers.",
    ),
];
