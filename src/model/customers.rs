//! 客户关系管理: customers, contacts, interactions, feedback and the loyalty programme.

use super::common::{Money, Table};
use super::deals::DealId;
use super::marketing::{SegmentId, SourceRef};
use super::team::MemberId;
use super::validate::{Errors, MAX_LINE, MAX_NOTE};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::define_id!(CustomerId);
crate::define_id!(ContactId);
crate::define_id!(InteractionId);
crate::define_id!(FeedbackId);
crate::define_id!(LoyaltyEntryId);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub id: CustomerId,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub segment: Option<SegmentId>,
    /// The rep who owns the relationship.
    pub owner: Option<MemberId>,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// How the customer found us: a channel or a promotion event (schema 2 stored a
    /// name; the upgrade to 3 made it this link).
    pub source: Option<SourceRef>,
    #[serde(with = "super::ymd")]
    pub created: NaiveDate,
    /// Estimated yearly purchase potential (年采购潜力), for prioritising accounts.
    #[serde(default)]
    pub annual_potential: Money,
    pub notes: String,
}
crate::keyed!(Customer, CustomerId);

impl Customer {
    /// A new customer named `name`, found on `created`, every other field empty (id 0:
    /// the apply path gives it its id).
    pub fn new(name: impl Into<String>, created: NaiveDate) -> Customer {
        Customer {
            id: CustomerId(0),
            name: name.into(),
            industry: String::new(),
            region: String::new(),
            segment: None,
            owner: None,
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            source: None,
            created,
            annual_potential: Money::ZERO,
            notes: String::new(),
        }
    }

    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        for (f, v) in [
            ("industry", &self.industry),
            ("region", &self.region),
            ("phone", &self.phone),
            ("email", &self.email),
            ("address", &self.address),
        ] {
            e.max_len(f, v, MAX_LINE);
        }
        if !self.email.trim().is_empty() && !looks_like_email(&self.email) {
            e.add("email", super::validate::Problem::NotAnEmail);
        }
        e.not_negative("annual_potential", self.annual_potential);
        e.max_len("notes", &self.notes, MAX_NOTE);
        e
    }
}

pub(super) fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        }
        None => false,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub customer: CustomerId,
    pub name: String,
    pub title: String,
    pub phone: String,
    pub email: String,
    pub primary: bool,
}
crate::keyed!(Contact, ContactId);

impl Contact {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.required("name", &self.name);
        e.max_len("title", &self.title, MAX_LINE);
        e.max_len("phone", &self.phone, MAX_LINE);
        if !self.email.trim().is_empty() && !looks_like_email(&self.email) {
            e.add("email", super::validate::Problem::NotAnEmail);
        }
        e
    }
}

/// 客户互动
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InteractionKind {
    Call,
    Visit,
    Email,
    Meeting,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 4] = [
        InteractionKind::Call,
        InteractionKind::Visit,
        InteractionKind::Email,
        InteractionKind::Meeting,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: InteractionId,
    pub customer: CustomerId,
    pub contact: Option<ContactId>,
    pub member: Option<MemberId>,
    pub kind: InteractionKind,
    #[serde(with = "super::ymd")]
    pub date: NaiveDate,
    pub note: String,
    pub outcome: String,
    #[serde(with = "super::ymd::opt", default)]
    pub follow_up: Option<NaiveDate>,
    pub follow_up_done: bool,
    /// The promotion event it was part of (feedback collected at the event).
    #[serde(default)]
    pub promotion: Option<super::promotions::PromotionId>,
}
crate::keyed!(Interaction, InteractionId);

impl Interaction {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        e.max_len("note", &self.note, MAX_NOTE);
        e.max_len("outcome", &self.outcome, MAX_NOTE);
        e.not_before("follow_up", self.follow_up, "date", Some(self.date));
        e
    }
    /// A follow-up still to do, due on or before `today`.
    pub fn follow_up_due(&self, today: NaiveDate) -> bool {
        !self.follow_up_done && self.follow_up.is_some_and(|d| d <= today)
    }
}

/// 客户反馈
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeedbackKind {
    Complaint,
    Suggestion,
    Praise,
}

impl FeedbackKind {
    pub const ALL: [FeedbackKind; 3] = [
        FeedbackKind::Complaint,
        FeedbackKind::Suggestion,
        FeedbackKind::Praise,
    ];
}

/// Open → in progress → resolved. A resolved item may be reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeedbackStatus {
    Open,
    InProgress,
    Resolved,
}

impl FeedbackStatus {
    pub const ALL: [FeedbackStatus; 3] = [
        FeedbackStatus::Open,
        FeedbackStatus::InProgress,
        FeedbackStatus::Resolved,
    ];
    /// The statuses one step away: the flow only moves forward, except reopening.
    pub fn next_steps(self) -> &'static [FeedbackStatus] {
        match self {
            FeedbackStatus::Open => &[FeedbackStatus::InProgress],
            FeedbackStatus::InProgress => &[FeedbackStatus::Resolved],
            FeedbackStatus::Resolved => &[FeedbackStatus::Open],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: FeedbackId,
    pub customer: CustomerId,
    pub kind: FeedbackKind,
    pub date: NaiveDate,
    pub text: String,
    pub status: FeedbackStatus,
    pub resolution: String,
    pub resolved_on: Option<NaiveDate>,
    /// The promotion event it was collected at.
    #[serde(default)]
    pub promotion: Option<super::promotions::PromotionId>,
}
crate::keyed!(Feedback, FeedbackId);

impl Feedback {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        if self.text.trim().is_empty() {
            e.add("text", super::validate::Problem::Required);
        }
        e.max_len("text", &self.text, MAX_NOTE);
        if self.status == FeedbackStatus::Resolved {
            if self.resolution.trim().is_empty() {
                e.add("resolution", super::validate::Problem::Required);
            }
            if self.resolved_on.is_none() {
                e.add("resolved_on", super::validate::Problem::Required);
            }
        }
        e.not_before("resolved_on", self.resolved_on, "date", Some(self.date));
        e
    }
}

/// What loyalty tiers are measured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum TierBasis {
    #[default]
    Points,
    YearlyRevenue,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoyaltyTier {
    pub name: String,
    /// Points, or minor units of revenue in the last 12 months, to reach this tier.
    pub threshold: i64,
}

/// 客户忠诚度计划: the rules, editable by the manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoyaltyProgram {
    pub basis: TierBasis,
    /// Ascending by threshold.
    pub tiers: Vec<LoyaltyTier>,
    /// Points earned per whole yuan of won revenue.
    pub points_per_yuan: u32,
}

/// The tiers of the default programme. They are stored by the names every version has
/// written ("Silver 银卡"), which serve as their keys: the UI shows each in the current
/// language, and a name the manager typed as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltinTier {
    Silver,
    Gold,
    Platinum,
}

impl BuiltinTier {
    pub const ALL: [BuiltinTier; 3] = [
        BuiltinTier::Silver,
        BuiltinTier::Gold,
        BuiltinTier::Platinum,
    ];

    /// The stored name.
    pub fn key(self) -> &'static str {
        match self {
            BuiltinTier::Silver => "Silver 银卡",
            BuiltinTier::Gold => "Gold 金卡",
            BuiltinTier::Platinum => "Platinum 白金",
        }
    }

    pub fn from_key(name: &str) -> Option<BuiltinTier> {
        BuiltinTier::ALL
            .into_iter()
            .find(|b| b.key() == name.trim())
    }
}

impl LoyaltyTier {
    /// The default tier this is, when its name is still the default's.
    pub fn builtin(&self) -> Option<BuiltinTier> {
        BuiltinTier::from_key(&self.name)
    }
}

impl Default for LoyaltyProgram {
    fn default() -> Self {
        let tier = |b: BuiltinTier, threshold| LoyaltyTier {
            name: b.key().into(),
            threshold,
        };
        LoyaltyProgram {
            basis: TierBasis::Points,
            tiers: vec![
                tier(BuiltinTier::Silver, 0),
                tier(BuiltinTier::Gold, 50_000),
                tier(BuiltinTier::Platinum, 200_000),
            ],
            points_per_yuan: 1,
        }
    }
}

impl LoyaltyProgram {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        if self.tiers.is_empty() {
            e.add("tiers", super::validate::Problem::Required);
        }
        for t in &self.tiers {
            e.required("tiers", &t.name);
            if t.threshold < 0 {
                e.add("tiers", super::validate::Problem::Negative);
            }
        }
        if !self.tiers.is_sorted_by_key(|t| t.threshold) {
            e.add("tiers", super::validate::Problem::NotAscending);
        }
        e
    }
    /// The tier index reached by a score (points or revenue minor units).
    pub fn tier_for(&self, score: i64) -> Option<usize> {
        self.tiers.iter().rposition(|t| score >= t.threshold)
    }
}

/// One line of a customer's points ledger (positive earns, negative redeems).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoyaltyEntry {
    pub id: LoyaltyEntryId,
    pub customer: CustomerId,
    #[serde(with = "super::ymd")]
    pub date: NaiveDate,
    pub points: i64,
    /// The manager's words for a line they entered. For a line the app wrote
    /// (`event` set) the deal's title as it was then: the UI words the line.
    pub reason: String,
    /// What the app wrote this line for; None for a line the manager entered (and for
    /// the app's lines of older versions, which hold a sentence in `reason`).
    #[serde(default)]
    pub event: Option<LedgerEvent>,
    /// The deal whose win (or its taking back) wrote the line: a checked reference that
    /// deleting the deal clears (the line keeps the points and shows the title it holds).
    #[serde(default)]
    pub deal: Option<DealId>,
}
crate::keyed!(LoyaltyEntry, LoyaltyEntryId);

/// Why the app wrote a loyalty line: facts, worded by the UI in the current language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LedgerEvent {
    /// The deal was won: its points earned.
    Won,
    /// The win was taken back: its points returned.
    Unwon,
}

impl LoyaltyEntry {
    pub fn validate(&self) -> Errors {
        let mut e = Errors::new();
        if self.points == 0 {
            e.add("points", super::validate::Problem::Required);
        }
        e.required("reason", &self.reason);
        e
    }
}

/// customers.ron
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomersFile {
    pub customers: Table<Customer>,
    pub contacts: Table<Contact>,
    pub interactions: Table<Interaction>,
    pub feedback: Table<Feedback>,
    pub loyalty: LoyaltyProgram,
    pub loyalty_ledger: Table<LoyaltyEntry>,
}
