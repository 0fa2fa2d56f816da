//! The team: how it is organised and who is in it (组织架构, 角色定位, 职责划分).

use super::common::Table;
use super::validate::{Errors, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(MemberId);

/// 组织架构: how the sales organisation is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OrgStructure {
    /// 职能型
    Functional,
    /// 产品型
    Product,
    /// 区域型
    #[default]
    Regional,
    /// 矩阵型
    Matrix,
}

impl OrgStructure {
    pub const ALL: [OrgStructure; 4] = [
        OrgStructure::Functional,
        OrgStructure::Product,
        OrgStructure::Regional,
        OrgStructure::Matrix,
    ];
}

/// 角色定位
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Role {
    #[default]
    SalesRep,
    SeniorRep,
    KeyAccountManager,
    PreSales,
    SalesSupport,
    TeamLead,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::SalesRep,
        Role::SeniorRep,
        Role::KeyAccountManager,
        Role::PreSales,
        Role::SalesSupport,
        Role::TeamLead,
    ];
    /// Whether the role sells and so carries a share of the team's target (pre-sales and
    /// support help others sell).
    pub fn carries_quota(self) -> bool {
        !matches!(self, Role::PreSales | Role::SalesSupport)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub role: Role,
    pub region: String,
    /// Product lines the member sells (产品线).
    pub product_lines: Vec<String>,
    /// 职责划分: what this person is responsible for, in the manager's words.
    pub duties: String,
    /// How many open deals the member can carry well (资源分配).
    pub capacity: u32,
    pub email: String,
    pub phone: String,
    pub joined: NaiveDate,
    pub active: bool,
}
crate::keyed!(Member, MemberId);

impl Member {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("region", &self.region, super::validate::MAX_LINE);
        e.max_len("duties", &self.duties, MAX_NOTE);
        e.range("capacity", self.capacity as i64, 0, 10_000);
        e.max_len("email", &self.email, super::validate::MAX_LINE);
        e.max_len("phone", &self.phone, super::validate::MAX_LINE);
        if !self.email.trim().is_empty() && !super::customers::looks_like_email(&self.email) {
            e.add("email", super::validate::Problem::NotAnEmail);
        }
        if !self.phone.trim().is_empty() && !super::validate::looks_like_phone(&self.phone) {
            e.add("phone", super::validate::Problem::NotAPhone);
        }
        e
    }
}

/// How the team is set up (组织架构), apart from its members.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TeamSetup {
    pub structure: OrgStructure,
    pub team_name: String,
    pub manager_name: String,
    pub regions: Vec<String>,
    pub product_lines: Vec<String>,
}

impl TeamSetup {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.max_len("team_name", &self.team_name, super::validate::MAX_LINE);
        e.max_len(
            "manager_name",
            &self.manager_name,
            super::validate::MAX_LINE,
        );
        e
    }
}

/// team.ron
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TeamFile {
    pub setup: TeamSetup,
    pub members: Table<Member>,
    /// 团队建设: the team-building log (absent from files written before it existed).
    #[serde(default)]
    pub events: super::team_events::TeamEvents,
}
