//! The team: members, roles and duties.

use super::*;

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
pub(super) fn sells(role: Role) -> bool {
    !matches!(role, Role::PreSales | Role::SalesSupport)
}

pub(super) fn gen_team(rng: &mut Rng, counts: &Counts, today: NaiveDate) -> TeamFile {
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
        // Filled once the budget exists (a training day is paid by one of its expenses).
        events: Table::default(),
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

pub(super) fn duties(role: Role, region: &str, lines: &[String]) -> String {
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

/// [`duties`] in English, for the English demo.
pub(super) fn duties_en(role: Role, region: &str, lines: &[String]) -> String {
    let lines = lines.join(" and ");
    match role {
        Role::TeamLead => {
            format!(
                "Leads the {region} group: key projects, coaching newcomers, the weekly meeting."
            )
        }
        Role::SeniorRep => {
            format!(
                "Wins mid-size and large {region} customers for {lines}, and renews existing ones."
            )
        }
        Role::KeyAccountManager => format!(
            "Looks after {region}'s group accounts: relationships, yearly framework agreements, cross-selling."
        ),
        Role::SalesRep => {
            format!("Finds new {region} customers for {lines}: calls, appointments and visits.")
        }
        Role::PreSales => {
            "Requirements analysis, solution demos, technical questions and tender papers.".into()
        }
        Role::SalesSupport => "Contract entry, quotes, payment tracking and sales reports.".into(),
    }
}

/// Ids of the members who own customers and deals, in id order.
pub(super) fn sellers(members: &Table<Member>) -> Vec<MemberId> {
    members
        .iter()
        .filter(|m| sells(m.role))
        .map(|m| m.id)
        .collect()
}

/// 团队建设: a few events of the last months. The training day is paid by the latest
/// training expense in the budget (linked, its amount as the cost); the others stand
/// alone with their own cost.
pub(super) fn add_team_events(ws: &mut Workspace, today: NaiveDate) {
    let people: Vec<MemberId> = ws.team.members.iter().map(|m| m.id).collect();
    if people.is_empty() {
        return;
    }
    let training = ws
        .budget
        .categories
        .iter()
        .find(|c| c.name == "培训")
        .map(|c| c.id);
    let paid = ws
        .budget
        .expenses
        .iter()
        .filter(|x| Some(x.category) == training && x.date <= today)
        .max_by_key(|x| (x.date, x.id));
    let days_ago = |d: u64| today - chrono::Days::new(d);
    let some = |n: usize| people.iter().copied().take(n).collect::<Vec<_>>();
    let mut rows = vec![
        TeamEvent {
            id: TeamEventId(1),
            date: days_ago(75),
            kind: TeamEventKind::Outing,
            cost: Money(860_000),
            expense: None,
            members: people.clone(),
            notes: "莫干山一日拓展：破冰、团队协作挑战，晚上复盘上季度的赢单与丢单。".into(),
        },
        TeamEvent {
            id: TeamEventId(2),
            date: days_ago(40),
            kind: TeamEventKind::Celebration,
            cost: Money(320_000),
            expense: None,
            members: some(6),
            notes: "季度目标达成庆功宴。".into(),
        },
        TeamEvent {
            id: TeamEventId(3),
            date: days_ago(12),
            kind: TeamEventKind::Meal,
            cost: Money(145_000),
            expense: None,
            members: some(4),
            notes: "新成员欢迎聚餐。".into(),
        },
    ];
    if let Some(x) = paid {
        rows.push(TeamEvent {
            id: TeamEventId(4),
            date: x.date,
            kind: TeamEventKind::Training,
            cost: x.amount,
            expense: Some(x.id),
            members: some(5),
            notes: "积极倾听与有效沟通：半天工作坊。".into(),
        });
    }
    rows.sort_by_key(|e| e.id);
    Arc::make_mut(&mut ws.team).events = table(rows);
}
