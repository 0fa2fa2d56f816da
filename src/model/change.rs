//! The one path every change to the workspace takes: validate, apply, record the inverse
//! for undo/redo, mark the touched file dirty and bump the revision.

use super::budget::*;
use super::common::Table;
use super::customers::*;
use super::deals::*;
use super::forecast::*;
use super::marketing::*;
use super::me::*;
use super::performance::*;
use super::promotions::*;
use super::settings::Settings;
use super::team::*;
use super::team_events::*;
use super::validate::Errors;
use super::workspace::{FileKind, Workspace};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Generates `Record` (any one record), `RecordKey` (its id) and `RecordKind`, and the
/// code that finds each kind's table in the workspace. One line per kind keeps the
/// mapping from record to file in a single place.
macro_rules! records {
    ($($variant:ident($ty:ty, $id:ident) => $file:ident . $field:ident, $kind:ident;)*) => {
        // Serializable for the journal (`store::journal`), which stores whole records.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum Record { $($variant($ty),)* }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum RecordKey { $($variant($id),)* }

        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum RecordKind { $($variant,)* }

        $(
            impl Stored for $ty {
                const KIND: RecordKind = RecordKind::$variant;
                fn table(ws: &Workspace) -> &Table<$ty> {
                    &ws.$file.$field
                }
                fn of(r: &Record) -> Option<&$ty> {
                    match r { Record::$variant(x) => Some(x), _ => None }
                }
                fn of_mut(r: &mut Record) -> Option<&mut $ty> {
                    match r { Record::$variant(x) => Some(x), _ => None }
                }
                fn raw_id(&self) -> u64 {
                    self.id.0
                }
                fn to_record(&self) -> Record {
                    Record::$variant(self.clone())
                }
            }
        )*

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
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$variant,)*];
            pub fn file(self) -> FileKind {
                match self { $(RecordKind::$variant => FileKind::$kind,)* }
            }
            /// The name of the kind's table inside its file (`deals`, `contacts` …).
            pub fn table_name(self) -> &'static str {
                match self { $(RecordKind::$variant => stringify!($field),)* }
            }
            /// The key of the record of this kind with id `raw`.
            pub fn key(self, raw: u64) -> RecordKey {
                match self { $(RecordKind::$variant => RecordKey::$variant($id(raw)),)* }
            }
        }

        impl Workspace {
            pub fn get_record(&self, key: RecordKey) -> Option<Record> {
                match key {
                    $(RecordKey::$variant(id) => self.$file.$field.get(id).cloned().map(Record::$variant),)*
                }
            }
            pub(crate) fn put_record(&mut self, r: Record) -> Option<Record> {
                match r {
                    $(Record::$variant(x) => Arc::make_mut(&mut self.$file).$field.put(x).map(Record::$variant),)*
                }
            }
            pub(crate) fn remove_record(&mut self, key: RecordKey) -> Option<Record> {
                match key {
                    $(RecordKey::$variant(id) => Arc::make_mut(&mut self.$file).$field.remove(id).map(Record::$variant),)*
                }
            }
            pub fn contains(&self, key: RecordKey) -> bool {
                match key {
                    $(RecordKey::$variant(id) => self.$file.$field.contains(id),)*
                }
            }
            /// Reserves a fresh id for a record of `kind` (ids are never reused). Only
            /// the apply path does: records made together use `provisional_id`.
            fn reserve_id(&mut self, kind: RecordKind) -> u64 {
                match kind {
                    $(RecordKind::$variant => Arc::make_mut(&mut self.$file).$field.allocate(),)*
                }
            }
            /// How many records of `kind` there are.
            pub fn count(&self, kind: RecordKind) -> usize {
                match kind {
                    $(RecordKind::$variant => self.$file.$field.len(),)*
                }
            }
            /// How many records the file `file` holds.
            pub fn records_in(&self, file: FileKind) -> usize {
                RecordKind::ALL.iter().filter(|k| k.file() == file).map(|k| self.count(*k)).sum()
            }
            /// The table's `next_id` (O(1), unlike [`Workspace::id_extent`]).
            pub fn next_id(&self, kind: RecordKind) -> u64 {
                match kind {
                    $(RecordKind::$variant => self.$file.$field.next_id,)*
                }
            }
            /// The table's `next_id` and its highest record id (0 when empty).
            pub fn id_extent(&self, kind: RecordKind) -> (u64, u64) {
                match kind {
                    $(RecordKind::$variant => {
                        let t = &self.$file.$field;
                        (t.next_id, t.rows.iter().map(|r| r.id.0).max().unwrap_or(0))
                    })*
                }
            }
            /// Sets the next id of `kind` exactly (replaying the journal).
            pub(crate) fn set_next_id(&mut self, kind: RecordKind, next: u64) {
                match kind {
                    $(RecordKind::$variant => if self.$file.$field.next_id != next {
                        Arc::make_mut(&mut self.$file).$field.next_id = next;
                    })*
                }
            }
            /// Makes sure the next id of `kind` is above `floor`.
            fn raise_next_id(&mut self, kind: RecordKind, floor: u64) {
                match kind {
                    $(RecordKind::$variant => if self.$file.$field.next_id <= floor {
                        Arc::make_mut(&mut self.$file).$field.next_id = floor.saturating_add(1);
                    })*
                }
            }
            /// Repairs `next_id` and order after loading hand-edited files. A table's next
            /// id never goes below the highest id anything in the workspace refers to, so
            /// a table that was lost (set aside, started empty) never hands out an id that
            /// old records still point at.
            pub fn repair_tables(&mut self) {
                $(
                    if self.$file.$field.next_id <= self.$file.$field.rows.last().map(|r| r.id.0).unwrap_or(0)
                        || !self.$file.$field.rows.is_sorted_by_key(|r| r.id)
                    {
                        Arc::make_mut(&mut self.$file).$field.repair_next_id(|r| r.id.0);
                    }
                )*
                for (kind, floor) in super::refs::referenced_maxima(self) {
                    self.raise_next_id(kind, floor);
                }
            }
        }
    };
}

records! {
    Member(Member, MemberId) => team.members, Team;
    TeamEvent(TeamEvent, TeamEventId) => team.events, Team;
    Target(Target, TargetId) => performance.targets, Performance;
    Kpi(Kpi, KpiId) => performance.kpis, Performance;
    Review(Review, ReviewId) => performance.reviews, Performance;
    CommissionPlan(CommissionPlan, CommissionPlanId) => performance.commission_plans, Performance;
    CoachingNote(CoachingNote, CoachingNoteId) => performance.notes, Performance;
    ForecastAdjustment(ForecastAdjustment, ForecastAdjustmentId) => performance.forecast_adjustments, Performance;
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
    Assessment(Assessment, AssessmentId) => me.assessments, Me;
    Person(Person, PersonId) => me.people, Me;
    Touch(Touch, TouchId) => me.touches, Me;
    NetworkEvent(NetworkEvent, NetworkEventId) => me.events, Me;
    TimeBlock(TimeBlock, TimeBlockId) => me.time_blocks, Me;
    WeeklyReview(WeeklyReview, WeeklyReviewId) => me.reviews, Me;
}

/// A record type kept in a table of the workspace: how to find its table and how to
/// see it inside a [`Record`]. Generic code over records (the reference graph) uses it.
pub trait Stored: super::common::Keyed + Clone + Sized {
    const KIND: RecordKind;
    fn table(ws: &Workspace) -> &Table<Self>;
    fn of(r: &Record) -> Option<&Self>;
    fn of_mut(r: &mut Record) -> Option<&mut Self>;
    fn raw_id(&self) -> u64;
    fn to_record(&self) -> Record;
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
    /// The real id each provisional id of the batch became.
    ids: BTreeMap<(RecordKind, u64), u64>,
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
    /// Private: every change goes through `apply` (undo, dirty files, revision).
    ws: Workspace,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Bumped on every change, undo and redo; analytics caches key on it.
    revision: u64,
    dirty: BTreeSet<FileKind>,
    /// Files no change may touch: a degraded workspace's missing files and every file
    /// whose records point into them (see `refs::pointing_into`).
    read_only: BTreeSet<FileKind>,
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
    /// The workspace, to read. It changes only through [`Document::apply`].
    pub fn ws(&self) -> &Workspace {
        &self.ws
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
    /// A read-only file is never marked: its copy on disk is the last good one.
    pub fn mark_dirty(&mut self, files: impl IntoIterator<Item = FileKind>) {
        let read_only = &self.read_only;
        self.dirty
            .extend(files.into_iter().filter(|f| !read_only.contains(f)));
    }
    /// Makes the files that depend on the `missing` ones read-only (or, with an empty
    /// set, lifts it). Nothing is written to them while so: not even by undo.
    pub fn set_missing_files(&mut self, missing: &BTreeSet<FileKind>) {
        self.read_only = if missing.is_empty() {
            BTreeSet::new()
        } else {
            super::refs::pointing_into(missing)
        };
        self.dirty.retain(|f| !self.read_only.contains(f));
    }
    pub fn read_only(&self) -> &BTreeSet<FileKind> {
        &self.read_only
    }
    /// Refuses a change to a read-only file, naming it.
    fn writable(&self, f: FileKind) -> Result<(), Errors> {
        if self.read_only.contains(&f) {
            let mut e = Errors::new();
            e.add("file", super::validate::Problem::ReadOnly(f.file_name()));
            return Err(e);
        }
        Ok(())
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
            self.mark_dirty(FileKind::ALL);
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

    /// Undoes the last step; its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        self.try_undo().ok().flatten()
    }

    pub fn redo(&mut self) -> Option<String> {
        self.try_redo().ok().flatten()
    }

    /// Like [`Document::undo`], saying why a step could not be undone (a file it
    /// touches is read-only now, say). The step then stays where it was: history is
    /// never dropped without a word.
    pub fn try_undo(&mut self) -> Result<Option<String>, Errors> {
        self.step_back(true)
    }

    pub fn try_redo(&mut self) -> Result<Option<String>, Errors> {
        self.step_back(false)
    }

    /// Applies the inverse on top of one stack and pushes its own inverse on the other.
    fn step_back(&mut self, undo: bool) -> Result<Option<String>, Errors> {
        let from = if undo { &mut self.undo } else { &mut self.redo };
        let Some(step) = from.pop() else {
            return Ok(None);
        };
        let mut a = Applied::default();
        match self.apply_inner(step.inverse.clone(), &mut a) {
            Ok(inverse) => {
                let to = if undo { &mut self.redo } else { &mut self.undo };
                to.push(Step {
                    label: step.label.clone(),
                    inverse,
                });
                Ok(Some(step.label))
            }
            Err(e) => {
                let from = if undo { &mut self.undo } else { &mut self.redo };
                from.push(step);
                Err(e)
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
                self.writable(r.key().file())?;
                let mut r = *r;
                super::refs::remap_references(&mut r, &applied.ids);
                let errors = {
                    let mut e = r.validate();
                    for fe in self.ws.check_references(&r).0 {
                        e.add(fe.field, fe.problem);
                    }
                    e
                };
                errors.into_result()?;
                let provisional = super::refs::is_provisional(r.key().raw());
                if r.key().raw() == 0 || provisional {
                    // The counter never passes 2^53: an id a JSON number cannot hold
                    // exactly would not survive an export.
                    // The next id only: the highest id would be a walk of the table per
                    // record, which made a 100k-row import quadratic (79 s).
                    if self.ws.next_id(r.key().kind()).max(1) > super::refs::MAX_ID {
                        let mut e = Errors::new();
                        e.add(
                            "id",
                            super::validate::Problem::OutOfRange {
                                min: 1,
                                max: super::refs::MAX_ID as i64,
                            },
                        );
                        return Err(e);
                    }
                    let id = self.ws.reserve_id(r.key().kind());
                    if provisional {
                        applied.ids.insert((r.key().kind(), r.key().raw()), id);
                    }
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
            Change::Remove(key) => match self
                .writable(key.file())
                .map(|_| self.ws.remove_record(key))?
            {
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
                self.writable(FileKind::Settings)?;
                s.validate().into_result()?;
                let old = std::mem::replace(Arc::make_mut(&mut self.ws.settings), *s);
                self.touch(FileKind::Settings);
                Ok(Change::Settings(Box::new(old)))
            }
            Change::TeamSetup(s) => {
                self.writable(FileKind::Team)?;
                s.validate().into_result()?;
                let old = std::mem::replace(&mut Arc::make_mut(&mut self.ws.team).setup, *s);
                self.touch(FileKind::Team);
                Ok(Change::TeamSetup(Box::new(old)))
            }
            Change::Loyalty(p) => {
                self.writable(FileKind::Customers)?;
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

    /// The change that deletes `key` with everything that depends on it: links to the
    /// removed records are cleared first, then the cascade is removed, children first.
    pub fn delete_with_dependents(&self, key: RecordKey) -> Change {
        let removed = self.ws.dependents(key);
        let removed_set: BTreeSet<RecordKey> = removed.iter().copied().collect();
        let mut batch: Vec<Change> = self
            .ws
            .cleared(key, &removed_set)
            .into_iter()
            .map(Change::put)
            .collect();
        batch.extend(removed.into_iter().map(Change::Remove));
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
        Record::Customer(Customer::new(
            name,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ))
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

    #[test]
    fn records_made_together_take_their_ids_from_the_batch() {
        let mut doc = Document::default();
        doc.apply(Change::put(customer("甲")), "add").unwrap();
        let Record::Customer(mut c) = customer("乙") else {
            unreachable!()
        };
        c.id = CustomerId(crate::model::provisional_id(0));
        let contact = Contact {
            id: ContactId(0),
            customer: c.id,
            name: "王经理".into(),
            title: String::new(),
            phone: String::new(),
            email: String::new(),
            primary: true,
        };
        let batch = Change::Batch(vec![
            Change::put(Record::Customer(c)),
            Change::put(Record::Contact(contact.clone())),
        ]);
        let applied = doc.apply(batch, "import").unwrap();
        assert_eq!(applied.keys[0], RecordKey::Customer(CustomerId(2)));
        assert_eq!(doc.ws.customers.contacts.rows[0].customer, CustomerId(2));
        // A provisional id nobody defined is a missing reference, and reserves nothing.
        let mut orphan = contact;
        orphan.customer = CustomerId(crate::model::provisional_id(7));
        let e = doc
            .apply(Change::put(Record::Contact(orphan)), "x")
            .unwrap_err();
        assert_eq!(e.get("customer"), Some(&crate::model::Problem::Missing));
        assert_eq!(doc.ws.customers.customers.next_id, 3);
    }

    #[test]
    fn an_undo_that_cannot_apply_keeps_its_step_and_says_why() {
        let mut doc = Document::default();
        doc.apply(Change::put(customer("甲")), "add").unwrap();
        doc.set_missing_files(&[FileKind::Customers].into());
        let e = doc.try_undo().unwrap_err();
        assert_eq!(
            e.get("file"),
            Some(&crate::model::Problem::ReadOnly("customers.ron"))
        );
        assert_eq!(doc.undo_label(), Some("add"), "the step is still there");
        doc.set_missing_files(&Default::default());
        assert_eq!(doc.try_undo().unwrap().as_deref(), Some("add"));
    }
}
