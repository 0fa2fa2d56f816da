//! The one path every change to the workspace takes: validate, apply, record the inverse
//! for undo/redo, mark the touched file dirty and bump the revision.

use super::budget::*;
use super::customers::*;
use super::deals::*;
use super::marketing::*;
use super::me::*;
use super::performance::*;
use super::promotions::*;
use super::settings::Settings;
use super::team::*;
use super::validate::Errors;
use super::workspace::{FileKind, Workspace};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Generates `Record` (any one record), `RecordKey` (its id) and `RecordKind`, and the
/// code that finds each kind's table in the workspace. One line per kind keeps the
/// mapping from record to file in a single place.
macro_rules! records {
    ($($variant:ident($ty:ty, $id:ident) => $file:ident . $field:ident, $kind:ident;)*) => {
        #[derive(Debug, Clone, PartialEq)]
        pub enum Record { $($variant($ty),)* }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RecordKey { $($variant($id),)* }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RecordKind { $($variant,)* }

        impl Record {
            pub fn key(&self) -> RecordKey {
                match self { $(Record::$variant(r) => RecordKey::$variant(r.id),)* }
            }
            pub fn validate(&self) -> Errors {
                match self { $(Record::$variant(r) => r.validate(),)* }
            }
            fn with_id(mut self, raw: u64) -> Record {
                match &mut self { $(Record::$variant(r) => r.id = $id(raw),)* }
                self
            }
        }

        impl RecordKey {
            pub fn kind(self) -> RecordKind {
                match self { $(RecordKey::$variant(_) => RecordKind::$variant,)* }
            }
            pub fn raw(self) -> u64 {
                match self { $(RecordKey::$variant(id) => id.0,)* }
            }
        }

        impl RecordKind {
            pub fn file(self) -> FileKind {
                match self { $(RecordKind::$variant => FileKind::$kind,)* }
            }
        }

        impl Workspace {
            pub fn get_record(&self, key: RecordKey) -> Option<Record> {
                match key {
                    $(RecordKey::$variant(id) => self.$file.$field.get(id).cloned().map(Record::$variant),)*
                }
            }
            fn put_record(&mut self, r: Record) -> Option<Record> {
                match r {
                    $(Record::$variant(x) => Arc::make_mut(&mut self.$file).$field.put(x).map(Record::$variant),)*
                }
            }
            fn remove_record(&mut self, key: RecordKey) -> Option<Record> {
                match key {
                    $(RecordKey::$variant(id) => Arc::make_mut(&mut self.$file).$field.remove(id).map(Record::$variant),)*
                }
            }
            /// Reserves a fresh id for a record of `kind` (ids are never reused).
            pub fn reserve_id(&mut self, kind: RecordKind) -> u64 {
                match kind {
                    $(RecordKind::$variant => Arc::make_mut(&mut self.$file).$field.allocate(),)*
                }
            }
            /// Repairs `next_id` and order after loading hand-edited files.
            pub fn repair_tables(&mut self) {
                $(
                    if self.$file.$field.next_id <= self.$file.$field.rows.last().map(|r| r.id.0).unwrap_or(0)
                        || !self.$file.$field.rows.is_sorted_by_key(|r| r.id)
                    {
                        Arc::make_mut(&mut self.$file).$field.repair_next_id(|r| r.id.0);
                    }
                )*
            }
        }
    };
}

records! {
    Member(Member, MemberId) => team.members, Team;
    Target(Target, TargetId) => performance.targets, Performance;
    Kpi(Kpi, KpiId) => performance.kpis, Performance;
    Review(Review, ReviewId) => performance.reviews, Performance;
    CommissionPlan(CommissionPlan, CommissionPlanId) => performance.commission_plans, Performance;
    CoachingNote(CoachingNote, CoachingNoteId) => performance.notes, Performance;
    Customer(Customer, CustomerId) => customers.customers, Customers;
    Contact(Contact, ContactId) => customers.contacts, Customers;
    Interaction(Interaction, InteractionId) => customers.interactions, Customers;
    Feedback(Feedback, FeedbackId) => customers.feedback, Customers;
    LoyaltyEntry(LoyaltyEntry, LoyaltyEntryId) => customers.loyalty_ledger, Customers;
    Deal(Deal, DealId) => deals.deals, Deals;
    Research(Research, ResearchId) => marketing.research, Marketing;
    Segment(Segment, SegmentId) => marketing.segments, Marketing;
    Channel(Channel, ChannelId) => marketing.channels, Marketing;
    Content(Content, ContentId) => marketing.content, Marketing;
    MarketingPlan(MarketingPlan, MarketingPlanId) => marketing.plans, Marketing;
    MarketSize(MarketSize, MarketSizeId) => marketing.market_sizes, Marketing;
    Promotion(Promotion, PromotionId) => promotions.promotions, Promotions;
    BudgetCategory(BudgetCategory, CategoryId) => budget.categories, Budget;
    BudgetLine(BudgetLine, BudgetLineId) => budget.lines, Budget;
    Expense(Expense, ExpenseId) => budget.expenses, Budget;
    CareerGoal(CareerGoal, GoalId) => me.goals, Me;
    LearningItem(LearningItem, LearningId) => me.learning, Me;
    Task(Task, TaskId) => me.tasks, Me;
    StressCheckIn(StressCheckIn, CheckInId) => me.check_ins, Me;
}

impl RecordKey {
    pub fn file(self) -> FileKind {
        self.kind().file()
    }
}

/// One change to the workspace. Its inverse is again a `Change`.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Insert or replace a record. A record with id 0 is new and gets the next id.
    Put(Box<Record>),
    Remove(RecordKey),
    Settings(Box<Settings>),
    TeamSetup(Box<TeamSetup>),
    Loyalty(Box<LoyaltyProgram>),
    /// Several changes that succeed or fail together and undo as one.
    Batch(Vec<Change>),
}

impl Change {
    pub fn put(r: Record) -> Change {
        Change::Put(Box::new(r))
    }
}

/// What the change did, for the caller (e.g. to select a new row).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// Keys of records created or replaced, in order.
    pub keys: Vec<RecordKey>,
}

#[derive(Debug, Clone)]
struct Step {
    label: String,
    inverse: Change,
}

/// The workspace plus its undo history, dirty files and revision: the document the app
/// edits. Every edit goes through [`Document::apply`].
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub ws: Workspace,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Bumped on every change, undo and redo; analytics caches key on it.
    revision: u64,
    dirty: BTreeSet<FileKind>,
}

/// How many steps undo remembers.
pub const UNDO_LIMIT: usize = 200;

impl Document {
    pub fn new(ws: Workspace) -> Document {
        Document {
            ws,
            ..Default::default()
        }
    }
    pub fn revision(&self) -> u64 {
        self.revision
    }
    pub fn dirty(&self) -> &BTreeSet<FileKind> {
        &self.dirty
    }
    /// Called by the store once it has taken a snapshot of these files to write.
    pub fn take_dirty(&mut self) -> BTreeSet<FileKind> {
        std::mem::take(&mut self.dirty)
    }
    /// Puts files back on the dirty list (a write failed and must be retried).
    pub fn mark_dirty(&mut self, files: impl IntoIterator<Item = FileKind>) {
        self.dirty.extend(files);
    }
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Replaces the whole workspace (load, restore, "start empty"): history is cleared
    /// and every file is dirty so it is written.
    pub fn replace_workspace(&mut self, ws: Workspace, all_dirty: bool) {
        self.ws = ws;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        if all_dirty {
            self.dirty.extend(FileKind::ALL);
        }
    }

    /// Validates and applies `change`; on success it can be undone as `label`.
    /// On error nothing at all has changed.
    pub fn apply(&mut self, change: Change, label: impl Into<String>) -> Result<Applied, Errors> {
        let mut applied = Applied::default();
        let inverse = self.apply_inner(change, &mut applied)?;
        self.undo.push(Step {
            label: label.into(),
            inverse,
        });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(applied)
    }

    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop()?;
        let mut a = Applied::default();
        match self.apply_inner(step.inverse, &mut a) {
            Ok(inv) => {
                self.redo.push(Step {
                    label: step.label.clone(),
                    inverse: inv,
                });
                Some(step.label)
            }
            // Cannot happen for inverses we built ourselves; drop history rather than panic.
            Err(_) => {
                self.undo.clear();
                None
            }
        }
    }

    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        let mut a = Applied::default();
        match self.apply_inner(step.inverse, &mut a) {
            Ok(inv) => {
                self.undo.push(Step {
                    label: step.label.clone(),
                    inverse: inv,
                });
                Some(step.label)
            }
            Err(_) => {
                self.redo.clear();
                None
            }
        }
    }

    fn touch(&mut self, f: FileKind) {
        self.dirty.insert(f);
        self.revision += 1;
    }

    fn apply_inner(&mut self, change: Change, applied: &mut Applied) -> Result<Change, Errors> {
        match change {
            Change::Put(r) => {
                let mut r = *r;
                let errors = {
                    let mut e = r.validate();
                    for fe in self.ws.check_references(&r).0 {
                        e.add(fe.field, fe.problem);
                    }
                    e
                };
                errors.into_result()?;
                if r.key().raw() == 0 {
                    let id = self.ws.reserve_id(r.key().kind());
                    r = r.with_id(id);
                }
                let key = r.key();
                let old = self.ws.put_record(r);
                self.touch(key.file());
                applied.keys.push(key);
                Ok(match old {
                    Some(old) => Change::put(old),
                    None => Change::Remove(key),
                })
            }
            Change::Remove(key) => match self.ws.remove_record(key) {
                Some(old) => {
                    self.touch(key.file());
                    Ok(Change::put(old))
                }
                None => {
                    let mut e = Errors::new();
                    e.add("id", super::validate::Problem::Missing);
                    Err(e)
                }
            },
            Change::Settings(s) => {
                s.validate().into_result()?;
                let old = std::mem::replace(Arc::make_mut(&mut self.ws.settings), *s);
                self.touch(FileKind::Settings);
                Ok(Change::Settings(Box::new(old)))
            }
            Change::TeamSetup(s) => {
                s.validate().into_result()?;
                let old = std::mem::replace(&mut Arc::make_mut(&mut self.ws.team).setup, *s);
                self.touch(FileKind::Team);
                Ok(Change::TeamSetup(Box::new(old)))
            }
            Change::Loyalty(p) => {
                p.validate().into_result()?;
                let old = std::mem::replace(&mut Arc::make_mut(&mut self.ws.customers).loyalty, *p);
                self.touch(FileKind::Customers);
                Ok(Change::Loyalty(Box::new(old)))
            }
            Change::Batch(changes) => {
                // All or nothing: on the first failure, roll back what was done so far.
                let mut inverses = Vec::with_capacity(changes.len());
                for c in changes {
                    match self.apply_inner(c, applied) {
                        Ok(inv) => inverses.push(inv),
                        Err(e) => {
                            for inv in inverses.into_iter().rev() {
                                let mut ignored = Applied::default();
                                let _ = self.apply_inner(inv, &mut ignored);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Change::Batch(inverses))
            }
        }
    }

    /// The change that deletes `key` with everything that depends on it.
    pub fn delete_with_dependents(&self, key: RecordKey) -> Change {
        let mut batch: Vec<Change> = self
            .ws
            .dependents(key)
            .into_iter()
            .map(Change::Remove)
            .collect();
        batch.push(Change::Remove(key));
        if batch.len() == 1 {
            batch.pop().expect("one change")
        } else {
            Change::Batch(batch)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn customer(name: &str) -> Record {
        Record::Customer(Customer {
            id: CustomerId(0),
            name: name.into(),
            industry: String::new(),
            region: String::new(),
            segment: None,
            owner: None,
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            source: String::new(),
            created: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            annual_potential: crate::model::Money::ZERO,
            notes: String::new(),
        })
    }

    #[test]
    fn apply_assigns_ids_marks_dirty_and_undo_redo_round_trip() {
        let mut doc = Document::default();
        let a = doc.apply(Change::put(customer("甲")), "add").unwrap();
        assert_eq!(a.keys, vec![RecordKey::Customer(CustomerId(1))]);
        assert!(doc.dirty().contains(&FileKind::Customers));
        let rev = doc.revision();
        let after_add = doc.ws.clone();
        assert_eq!(doc.undo().as_deref(), Some("add"));
        assert!(doc.ws.customers.customers.is_empty());
        assert!(doc.revision() > rev);
        doc.redo();
        assert_eq!(doc.ws, after_add);
        // A new change clears the redo stack.
        doc.undo();
        doc.apply(Change::put(customer("乙")), "add 2").unwrap();
        assert!(!doc.can_redo());
        // Ids are never reused, even after undo.
        assert_eq!(doc.ws.customers.customers.rows[0].id, CustomerId(2));
    }

    #[test]
    fn invalid_changes_leave_nothing_behind() {
        let mut doc = Document::default();
        let e = doc.apply(Change::put(customer("  ")), "bad").unwrap_err();
        assert_eq!(e.get("name"), Some(&crate::model::Problem::Required));
        assert_eq!(doc.revision(), 0);
        assert!(doc.dirty().is_empty());
        assert!(!doc.can_undo());
    }

    #[test]
    fn a_failing_batch_rolls_back_what_it_did() {
        let mut doc = Document::default();
        doc.apply(Change::put(customer("甲")), "add").unwrap();
        let before = doc.ws.customers.clone();
        let batch = Change::Batch(vec![
            Change::Remove(RecordKey::Customer(CustomerId(1))),
            Change::put(customer("")),
        ]);
        assert!(doc.apply(batch, "batch").is_err());
        assert_eq!(doc.ws.customers, before);
        assert_eq!(doc.undo_label(), Some("add"));
    }

    #[test]
    fn references_are_checked() {
        let mut doc = Document::default();
        let Record::Customer(mut c) = customer("甲") else {
            unreachable!()
        };
        c.owner = Some(MemberId(99));
        let e = doc
            .apply(Change::put(Record::Customer(c)), "x")
            .unwrap_err();
        assert_eq!(e.get("owner"), Some(&crate::model::Problem::Missing));
    }
}
