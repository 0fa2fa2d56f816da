//! What changed between two states of the workspace, record by record, and how to
//! apply that to a workspace again. The journal (`store::journal`) stores deltas: one
//! edit of a 100k-deal workspace is a few records, not the 59 MB of `deals.ron`.
//!
//! Every op holds a whole record (or a whole singleton) and says what it *is* after the
//! change, never what to do relative to before. Replaying a delta on a state that
//! already has it is therefore harmless: a crash between writing the files and
//! dropping the journal loses nothing and duplicates nothing.

use super::change::{Record, RecordKey, RecordKind, Stored};
use super::common::Table;
use super::customers::{CustomersFile, LoyaltyProgram};
use super::settings::Settings;
use super::team::{TeamFile, TeamSetup};
use super::workspace::{FileKind, Workspace};
use super::{BudgetFile, DealsFile, MarketingFile, MeFile, PerformanceFile, PromotionsFile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// One step of a delta.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// The record as it is now (new or changed). Boxed: records are large, the other
    /// ops small.
    Put(Box<Record>),
    /// The record is gone.
    Remove(RecordKey),
    /// The table's next id (ids are never reused, so it is kept exactly).
    NextId(RecordKind, u64),
    Settings(Box<Settings>),
    TeamSetup(Box<TeamSetup>),
    Loyalty(Box<LoyaltyProgram>),
}

impl Op {
    /// The file the op belongs to.
    pub fn file(&self) -> FileKind {
        match self {
            Op::Put(r) => r.key().file(),
            Op::Remove(k) => k.file(),
            Op::NextId(k, _) => k.file(),
            Op::Settings(_) => FileKind::Settings,
            Op::TeamSetup(_) => FileKind::Team,
            Op::Loyalty(_) => FileKind::Customers,
        }
    }
}

/// The ops that turn one state into another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delta(pub Vec<Op>);

impl Delta {
    /// What changed in `files` from `old` to `new`. Files outside `files` are taken as
    /// unchanged (the caller's dirty list says which may have changed).
    pub fn between(old: &Workspace, new: &Workspace, files: &BTreeSet<FileKind>) -> Delta {
        let mut d = Delta::default();
        for kind in files {
            d.file(old, new, *kind);
        }
        d
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The files the delta touches.
    pub fn files(&self) -> BTreeSet<FileKind> {
        self.0.iter().map(Op::file).collect()
    }

    /// Applies the delta to `ws`, leaving out the ops of files `skip` names (a file set
    /// aside, whose collection is not there to receive them).
    pub fn replay(self, ws: &mut Workspace, skip: impl Fn(FileKind) -> bool) {
        for op in self.0 {
            if skip(op.file()) {
                continue;
            }
            match op {
                Op::Put(r) => {
                    ws.put_record(*r);
                }
                Op::Remove(k) => {
                    ws.remove_record(k);
                }
                Op::NextId(kind, next) => ws.set_next_id(kind, next),
                Op::Settings(s) => ws.settings = Arc::new(*s),
                Op::TeamSetup(s) => Arc::make_mut(&mut ws.team).setup = *s,
                Op::Loyalty(p) => Arc::make_mut(&mut ws.customers).loyalty = *p,
            }
        }
    }

    /// The ops of one file. Each file is taken apart field by field without `..`, so a
    /// field added to a file type does not compile until it is diffed here too: a
    /// field the journal forgot would be lost at the next start.
    fn file(&mut self, old: &Workspace, new: &Workspace, kind: FileKind) {
        match kind {
            FileKind::Settings => {
                if !Arc::ptr_eq(&old.settings, &new.settings) && old.settings != new.settings {
                    self.0.push(Op::Settings(Box::new((*new.settings).clone())));
                }
            }
            FileKind::Team => {
                if Arc::ptr_eq(&old.team, &new.team) {
                    return;
                }
                let TeamFile {
                    setup,
                    members,
                    events,
                } = &*new.team;
                if *setup != old.team.setup {
                    self.0.push(Op::TeamSetup(Box::new(setup.clone())));
                }
                self.table(&old.team.members, members);
                self.table(&old.team.events, events);
            }
            FileKind::Performance => {
                if Arc::ptr_eq(&old.performance, &new.performance) {
                    return;
                }
                let PerformanceFile {
                    targets,
                    kpis,
                    reviews,
                    commission_plans,
                    notes,
                    forecast_adjustments,
                } = &*new.performance;
                let o = &*old.performance;
                self.table(&o.targets, targets);
                self.table(&o.kpis, kpis);
                self.table(&o.reviews, reviews);
                self.table(&o.commission_plans, commission_plans);
                self.table(&o.notes, notes);
                self.table(&o.forecast_adjustments, forecast_adjustments);
            }
            FileKind::Customers => {
                if Arc::ptr_eq(&old.customers, &new.customers) {
                    return;
                }
                let CustomersFile {
                    customers,
                    contacts,
                    interactions,
                    feedback,
                    loyalty,
                    loyalty_ledger,
                } = &*new.customers;
                let o = &*old.customers;
                self.table(&o.customers, customers);
                self.table(&o.contacts, contacts);
                self.table(&o.interactions, interactions);
                self.table(&o.feedback, feedback);
                if *loyalty != o.loyalty {
                    self.0.push(Op::Loyalty(Box::new(loyalty.clone())));
                }
                self.table(&o.loyalty_ledger, loyalty_ledger);
            }
            FileKind::Deals => {
                if Arc::ptr_eq(&old.deals, &new.deals) {
                    return;
                }
                let DealsFile { deals } = &*new.deals;
                self.table(&old.deals.deals, deals);
            }
            FileKind::Marketing => {
                if Arc::ptr_eq(&old.marketing, &new.marketing) {
                    return;
                }
                let MarketingFile {
                    research,
                    segments,
                    channels,
                    content,
                    plans,
                    market_sizes,
                } = &*new.marketing;
                let o = &*old.marketing;
                self.table(&o.research, research);
                self.table(&o.segments, segments);
                self.table(&o.channels, channels);
                self.table(&o.content, content);
                self.table(&o.plans, plans);
                self.table(&o.market_sizes, market_sizes);
            }
            FileKind::Promotions => {
                if Arc::ptr_eq(&old.promotions, &new.promotions) {
                    return;
                }
                let PromotionsFile { promotions } = &*new.promotions;
                self.table(&old.promotions.promotions, promotions);
            }
            FileKind::Budget => {
                if Arc::ptr_eq(&old.budget, &new.budget) {
                    return;
                }
                let BudgetFile {
                    categories,
                    lines,
                    expenses,
                } = &*new.budget;
                let o = &*old.budget;
                self.table(&o.categories, categories);
                self.table(&o.lines, lines);
                self.table(&o.expenses, expenses);
            }
            FileKind::Me => {
                if Arc::ptr_eq(&old.me, &new.me) {
                    return;
                }
                let MeFile {
                    goals,
                    learning,
                    tasks,
                    check_ins,
                    assessments,
                    people,
                    touches,
                    events,
                    time_blocks,
                    reviews,
                } = &*new.me;
                let o = &*old.me;
                self.table(&o.goals, goals);
                self.table(&o.learning, learning);
                self.table(&o.tasks, tasks);
                self.table(&o.check_ins, check_ins);
                self.table(&o.assessments, assessments);
                self.table(&o.people, people);
                self.table(&o.touches, touches);
                self.table(&o.events, events);
                self.table(&o.time_blocks, time_blocks);
                self.table(&o.reviews, reviews);
            }
        }
    }

    /// Puts and removes between two versions of a table. Rows are kept sorted by id
    /// (`Table::put`), so one merge walk finds them; rows are compared only where the
    /// ids match.
    fn table<T: Stored + PartialEq>(&mut self, old: &Table<T>, new: &Table<T>) {
        if std::ptr::eq(old, new) {
            return;
        }
        let (mut a, mut b) = (old.rows.iter().peekable(), new.rows.iter().peekable());
        loop {
            match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(o), Some(n)) if o.raw_id() == n.raw_id() => {
                    if o != n {
                        self.0.push(Op::Put(Box::new(n.to_record())));
                    }
                    a.next();
                    b.next();
                }
                (Some(o), Some(n)) if o.raw_id() < n.raw_id() => {
                    self.0.push(Op::Remove(T::KIND.key(o.raw_id())));
                    a.next();
                }
                (Some(o), None) => {
                    self.0.push(Op::Remove(T::KIND.key(o.raw_id())));
                    a.next();
                }
                (_, Some(n)) => {
                    self.0.push(Op::Put(Box::new(n.to_record())));
                    b.next();
                }
            }
        }
        if old.next_id != new.next_id {
            self.0.push(Op::NextId(T::KIND, new.next_id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSize, generate};
    use crate::model::{Change, Document};

    fn demo() -> Workspace {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        generate(7, DemoSize { deals: 120 }, today)
    }

    /// Replaying the delta of a change on the old state gives the new state, and
    /// replaying it a second time changes nothing.
    fn round_trip(doc: &mut Document, change: Change) {
        let old = doc.ws().clone();
        doc.take_dirty();
        doc.apply(change, "test").unwrap();
        let files = doc.take_dirty();
        let delta = Delta::between(&old, doc.ws(), &files);
        assert!(!delta.is_empty());
        let mut replayed = old.clone();
        delta.clone().replay(&mut replayed, |_| false);
        assert_eq!(&replayed, doc.ws());
        delta.replay(&mut replayed, |_| false);
        assert_eq!(&replayed, doc.ws(), "replaying twice is harmless");
    }

    #[test]
    fn a_delta_replayed_on_the_old_state_gives_the_new_state() {
        let mut doc = Document::new(demo());
        let ws = doc.ws().clone();
        // An edit, a new record, a delete with its dependents, singletons.
        let mut deal = ws.deals.deals.rows[3].clone();
        deal.notes = "edited".into();
        round_trip(&mut doc, Change::put(Record::Deal(deal)));
        let mut fresh = ws.customers.customers.rows[0].clone();
        fresh.id = crate::model::CustomerId(0);
        fresh.name = "新客户".into();
        round_trip(&mut doc, Change::put(Record::Customer(fresh)));
        let key = RecordKey::Customer(ws.customers.customers.rows[1].id);
        let delete = doc.delete_with_dependents(key);
        round_trip(&mut doc, delete);
        let mut settings = (*ws.settings).clone();
        settings.currency = "元".into();
        round_trip(&mut doc, Change::Settings(Box::new(settings)));
        let mut setup = ws.team.setup.clone();
        setup.team_name = "华东".into();
        round_trip(&mut doc, Change::TeamSetup(Box::new(setup)));
    }

    #[test]
    fn undo_is_a_delta_like_any_other() {
        let mut doc = Document::new(demo());
        let mut deal = doc.ws().deals.deals.rows[0].clone();
        deal.amount = crate::model::Money::from_major(1);
        doc.apply(Change::put(Record::Deal(deal)), "edit").unwrap();
        let edited = doc.ws().clone();
        doc.take_dirty();
        doc.undo();
        let files = doc.take_dirty();
        let mut replayed = edited.clone();
        Delta::between(&edited, doc.ws(), &files).replay(&mut replayed, |_| false);
        assert_eq!(&replayed, doc.ws());
    }

    #[test]
    fn an_unchanged_file_gives_no_ops_and_skipped_files_are_left_alone() {
        let ws = demo();
        let all: BTreeSet<FileKind> = FileKind::ALL.into_iter().collect();
        assert!(Delta::between(&ws, &ws.clone(), &all).is_empty());
        let mut doc = Document::new(ws.clone());
        let mut deal = ws.deals.deals.rows[0].clone();
        deal.notes = "x".into();
        doc.apply(Change::put(Record::Deal(deal)), "edit").unwrap();
        let delta = Delta::between(&ws, doc.ws(), &all);
        assert_eq!(delta.files(), BTreeSet::from([FileKind::Deals]));
        let mut replayed = ws.clone();
        delta.replay(&mut replayed, |k| k == FileKind::Deals);
        assert_eq!(replayed, ws);
    }
}
