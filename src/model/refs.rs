//! The graph of references between records, declared once.
//!
//! Each [`Reference`] names the child field, the parent kind and what deleting the
//! parent does to the child. Checking a record before it is stored, the cascade of a
//! delete, what blocks a delete, `salesdesk check`, the id floor that keeps ids from
//! being reused and the read-only spread of a degraded file all come from [`REFERENCES`].

use super::budget::*;
use super::change::{Record, RecordKey, RecordKind, Stored};
use super::customers::*;
use super::deals::*;
use super::forecast::*;
use super::marketing::*;
use super::me::*;
use super::performance::*;
use super::promotions::*;
use super::team_events::*;
use super::validate::{Errors, Problem};
use super::workspace::{FileKind, Workspace};
use std::collections::{BTreeMap, BTreeSet};

/// The largest id a record may have: 2^53, the largest integer a JSON number (and so
/// every spreadsheet and BI tool the data is exported to) holds exactly.
pub const MAX_ID: u64 = 1 << 53;

/// What deleting a parent does to a record that points at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDelete {
    /// The child is deleted with its parent (one undo brings both back).
    Cascade,
    /// The reference is cleared (an optional link, or one entry of a list).
    Clear,
    /// The parent cannot be deleted while children point at it.
    Block,
}

/// One reference field.
pub struct Reference {
    pub child: RecordKind,
    /// The field's name, as validation reports it (`customer`, `owner` …).
    pub field: &'static str,
    pub parent: RecordKind,
    pub on_delete: OnDelete,
    /// Calls `f` with each parent id the field of `r` holds (nothing when `r` is not a
    /// `child`).
    pub of_record: fn(&Record, &mut dyn FnMut(u64)),
    /// Calls `f(child id, parent id)` for every such reference in the workspace.
    pub in_workspace: fn(&Workspace, &mut dyn FnMut(u64, u64)),
    /// Removes the parent id from the field of `r` (for [`OnDelete::Clear`]).
    pub clear: fn(&mut Record, u64),
    /// Rewrites each parent id the field of `r` holds (provisional ids of a batch).
    pub remap: fn(&mut Record, &mut dyn FnMut(u64) -> u64),
}

/// The ids one field holds, by its shape: `one` (an id), `opt` (`Option` of an id),
/// `many` (a list of ids), `pairs` (a list of `(id, value)`).
macro_rules! each_id {
    (one, $v:expr, $f:expr) => {
        $f($v.0)
    };
    (opt, $v:expr, $f:expr) => {
        if let Some(id) = $v {
            $f(id.0)
        }
    };
    (many, $v:expr, $f:expr) => {
        for id in &$v {
            $f(id.0)
        }
    };
    (pairs, $v:expr, $f:expr) => {
        for (id, _) in &$v {
            $f(id.0)
        }
    };
}

/// Rewrites the ids one field holds, by its shape.
macro_rules! map_ids {
    (one, $v:expr, $f:expr) => {
        $v.0 = $f($v.0)
    };
    (opt, $v:expr, $f:expr) => {
        if let Some(id) = &mut $v {
            id.0 = $f(id.0)
        }
    };
    (many, $v:expr, $f:expr) => {
        for id in &mut $v {
            id.0 = $f(id.0)
        }
    };
    (pairs, $v:expr, $f:expr) => {
        for (id, _) in &mut $v {
            id.0 = $f(id.0)
        }
    };
}

/// Removes one parent id from a field, by its shape. A required `one` field is never
/// cleared: such references cascade or block.
macro_rules! clear_id {
    (one, $v:expr, $id:expr) => {{
        let _ = (&$v, $id);
    }};
    (opt, $v:expr, $id:expr) => {
        if $v.is_some_and(|x| x.0 == $id) {
            $v = None;
        }
    };
    (many, $v:expr, $id:expr) => {
        $v.retain(|x| x.0 != $id)
    };
    (pairs, $v:expr, $id:expr) => {
        $v.retain(|(x, _)| x.0 != $id)
    };
}

macro_rules! reference {
    ($child:ident . $field:ident : $shape:ident -> $parent:ident, $on:ident) => {
        Reference {
            child: RecordKind::$child,
            field: stringify!($field),
            parent: RecordKind::$parent,
            on_delete: OnDelete::$on,
            of_record: |r, f| {
                if let Some(x) = <$child as Stored>::of(r) {
                    each_id!($shape, x.$field, f)
                }
            },
            in_workspace: |ws, f| {
                for x in <$child as Stored>::table(ws).iter() {
                    let child = x.id.0;
                    each_id!($shape, x.$field, |p| f(child, p))
                }
            },
            clear: |r, id| {
                if let Some(x) = <$child as Stored>::of_mut(r) {
                    clear_id!($shape, x.$field, id)
                }
            },
            remap: |r, f| {
                if let Some(x) = <$child as Stored>::of_mut(r) {
                    map_ids!($shape, x.$field, f)
                }
            },
        }
    };
}

/// A [`SourceRef`] field (`Option<SourceRef>`): one field, two possible parents, the
/// variant saying which.
macro_rules! source_link {
    ($child:ident . $field:ident : $variant:ident -> $parent:ident, $on:ident) => {
        Reference {
            child: RecordKind::$child,
            field: stringify!($field),
            parent: RecordKind::$parent,
            on_delete: OnDelete::$on,
            of_record: |r, f| {
                if let Some(x) = <$child as Stored>::of(r)
                    && let Some(SourceRef::$variant(p)) = x.$field
                {
                    f(p.0)
                }
            },
            in_workspace: |ws, f| {
                for x in <$child as Stored>::table(ws).iter() {
                    if let Some(SourceRef::$variant(p)) = x.$field {
                        f(x.id.0, p.0)
                    }
                }
            },
            clear: |r, id| {
                if let Some(x) = <$child as Stored>::of_mut(r)
                    && matches!(x.$field, Some(SourceRef::$variant(p)) if p.0 == id)
                {
                    x.$field = None;
                }
            },
            remap: |r, f| {
                if let Some(x) = <$child as Stored>::of_mut(r)
                    && let Some(SourceRef::$variant(p)) = &mut x.$field
                {
                    p.0 = f(p.0)
                }
            },
        }
    };
}

/// The owners of an event's plan steps (a list of structs, so not one field the macros
/// reach): deleting the member leaves the step without an owner.
const fn step_owners() -> Reference {
    Reference {
        child: RecordKind::Promotion,
        field: "steps",
        parent: RecordKind::Member,
        on_delete: OnDelete::Clear,
        of_record: |r, f| {
            if let Some(p) = <Promotion as Stored>::of(r) {
                for s in &p.steps {
                    each_id!(opt, s.owner, f)
                }
            }
        },
        in_workspace: |ws, f| {
            for p in <Promotion as Stored>::table(ws).iter() {
                for s in &p.steps {
                    each_id!(opt, s.owner, |m| f(p.id.0, m))
                }
            }
        },
        clear: |r, id| {
            if let Some(p) = <Promotion as Stored>::of_mut(r) {
                for s in &mut p.steps {
                    clear_id!(opt, s.owner, id)
                }
            }
        },
        remap: |r, f| {
            if let Some(p) = <Promotion as Stored>::of_mut(r) {
                for s in &mut p.steps {
                    map_ids!(opt, s.owner, f)
                }
            }
        },
    }
}

/// Every reference between records. A new link is one line here.
pub static REFERENCES: &[Reference] = &[
    // 客户 customers
    reference!(Customer.owner: opt -> Member, Block),
    reference!(Customer.segment: opt -> Segment, Clear),
    // Where customers and deals came from is their history: a channel or an event they
    // name cannot be deleted (retire the channel, cancel the event instead).
    source_link!(Customer.source: Channel -> Channel, Block),
    source_link!(Customer.source: Promotion -> Promotion, Block),
    reference!(Contact.customer: one -> Customer, Cascade),
    reference!(Interaction.customer: one -> Customer, Cascade),
    reference!(Interaction.contact: opt -> Contact, Clear),
    reference!(Interaction.member: opt -> Member, Clear),
    reference!(Feedback.customer: one -> Customer, Cascade),
    reference!(LoyaltyEntry.customer: one -> Customer, Cascade),
    // A deleted deal leaves the points its win wrote, unlinked (the line keeps the title).
    reference!(LoyaltyEntry.deal: opt -> Deal, Clear),
    // 销售流程 deals
    reference!(Deal.customer: one -> Customer, Cascade),
    reference!(Deal.owner: one -> Member, Block),
    source_link!(Deal.source: Channel -> Channel, Block),
    source_link!(Deal.source: Promotion -> Promotion, Block),
    // 绩效 performance
    reference!(Target.member: opt -> Member, Cascade),
    reference!(Review.member: one -> Member, Cascade),
    reference!(Review.scores: pairs -> Kpi, Clear),
    reference!(Kpi.manual_scores: pairs -> Member, Clear),
    reference!(CommissionPlan.members: many -> Member, Clear),
    reference!(CoachingNote.member: opt -> Member, Cascade),
    reference!(ForecastAdjustment.member: one -> Member, Cascade),
    // 团队建设 team building: a member who leaves leaves the list of who took part; a
    // deleted expense leaves the event's cost, unlinked.
    reference!(TeamEvent.members: many -> Member, Clear),
    reference!(TeamEvent.expense: opt -> Expense, Clear),
    // 营销 marketing
    reference!(Research.segment: opt -> Segment, Clear),
    reference!(Content.channel: opt -> Channel, Clear),
    reference!(MarketingPlan.segments: many -> Segment, Clear),
    reference!(MarketingPlan.channels: many -> Channel, Clear),
    reference!(MarketSize.segment: opt -> Segment, Clear),
    // 促销活动 promotions
    reference!(Promotion.staff: many -> Member, Clear),
    reference!(Promotion.segment: opt -> Segment, Clear),
    reference!(Promotion.channels: many -> Channel, Clear),
    step_owners(),
    // Feedback collected at an event: deleting the event keeps the entry, unlinked.
    reference!(Interaction.promotion: opt -> Promotion, Clear),
    reference!(Feedback.promotion: opt -> Promotion, Clear),
    // 预算 budget
    reference!(BudgetLine.category: one -> BudgetCategory, Cascade),
    reference!(Expense.category: one -> BudgetCategory, Cascade),
    // An expense's link only attributes the cost: deleting the channel or event clears it.
    source_link!(Expense.link: Promotion -> Promotion, Clear),
    source_link!(Expense.link: Channel -> Channel, Clear),
    // 个人发展 me
    reference!(CareerGoal.target: opt -> Target, Clear),
    reference!(Person.contact: opt -> Contact, Clear),
    reference!(Touch.person: one -> Person, Cascade),
    reference!(NetworkEvent.people: many -> Person, Clear),
    reference!(TimeBlock.task: opt -> Task, Clear),
];

/// Provisional ids start here: far above [`MAX_ID`], so they never meet a real one.
const PROVISIONAL: u64 = 1 << 62;

/// The `n`-th provisional id of a batch. Records created together (an import's new
/// customers and the deals that name them) carry these; applying the batch gives each
/// a fresh real id and rewrites every reference to it, so ids come from the batch and
/// a refused batch reserves nothing.
pub const fn provisional_id(n: u64) -> u64 {
    PROVISIONAL + n
}

pub(crate) fn is_provisional(id: u64) -> bool {
    id >= PROVISIONAL
}

/// Rewrites the provisional ids `r` points at through `ids` ((kind, provisional) → real).
pub(crate) fn remap_references(r: &mut Record, ids: &BTreeMap<(RecordKind, u64), u64>) {
    if ids.is_empty() {
        return;
    }
    let kind = r.key().kind();
    for rf in REFERENCES.iter().filter(|rf| rf.child == kind) {
        (rf.remap)(r, &mut |p| ids.get(&(rf.parent, p)).copied().unwrap_or(p));
    }
}

/// A reference whose parent does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dangling {
    pub child: RecordKey,
    pub field: &'static str,
    pub parent: RecordKey,
}

impl Workspace {
    /// Checks that what a record points at exists.
    pub fn check_references(&self, r: &Record) -> Errors {
        self.check_references_into(r, &BTreeSet::new())
    }

    /// Like [`Workspace::check_references`], skipping references into the files in
    /// `unread` (their records could not be read, so a miss there proves nothing).
    pub fn check_references_into(&self, r: &Record, unread: &BTreeSet<FileKind>) -> Errors {
        let mut e = Errors::new();
        let kind = r.key().kind();
        for rf in REFERENCES
            .iter()
            .filter(|rf| rf.child == kind && !unread.contains(&rf.parent.file()))
        {
            (rf.of_record)(r, &mut |p| {
                if !self.contains(rf.parent.key(p)) {
                    e.add(rf.field, Problem::Missing);
                }
            });
        }
        e
    }

    /// Every reference in the workspace whose parent is missing, skipping references
    /// into the files in `unread` (their parents could not be read, so they prove
    /// nothing).
    pub fn dangling(&self, unread: &BTreeSet<FileKind>) -> Vec<Dangling> {
        let mut out = Vec::new();
        for rf in REFERENCES
            .iter()
            .filter(|rf| !unread.contains(&rf.parent.file()))
        {
            (rf.in_workspace)(self, &mut |c, p| {
                if !self.contains(rf.parent.key(p)) {
                    out.push(Dangling {
                        child: rf.child.key(c),
                        field: rf.field,
                        parent: rf.parent.key(p),
                    });
                }
            });
        }
        out.sort_by_key(|d| (d.child, d.parent));
        out
    }

    /// The records whose field `rf` points at `parent`.
    fn children(&self, rf: &Reference, parent: RecordKey) -> Vec<RecordKey> {
        let mut out = Vec::new();
        if rf.parent == parent.kind() {
            (rf.in_workspace)(self, &mut |c, p| {
                if p == parent.raw() {
                    out.push(rf.child.key(c));
                }
            });
        }
        out.dedup();
        out
    }

    /// Everything that is deleted with `key` (its cascade, children before parents, the
    /// whole tree), not counting `key` itself.
    pub fn dependents(&self, key: RecordKey) -> Vec<RecordKey> {
        let mut out: Vec<RecordKey> = Vec::new();
        let mut seen = BTreeSet::from([key]);
        let mut queue = vec![key];
        while let Some(parent) = queue.pop() {
            for rf in REFERENCES
                .iter()
                .filter(|r| r.on_delete == OnDelete::Cascade)
            {
                for child in self.children(rf, parent) {
                    if seen.insert(child) {
                        out.push(child);
                        queue.push(child);
                    }
                }
            }
        }
        self.referrers_first(out)
    }

    /// Orders `keys` so that every record comes before each of `keys` it points at, by
    /// any reference (not only the cascade it was found by). Undo puts them back in the
    /// opposite order, parents first, so each record's links are there when it is
    /// checked: a ledger line removed with its customer points at a deal removed with
    /// the same customer (a Clear link), and the deal must be back before the line.
    fn referrers_first(&self, keys: Vec<RecordKey>) -> Vec<RecordKey> {
        let set: BTreeSet<RecordKey> = keys.iter().copied().collect();
        // For each record of the set, the records of the set that point at it.
        let mut referrers: BTreeMap<RecordKey, Vec<RecordKey>> = BTreeMap::new();
        for &k in &keys {
            let Some(r) = self.get_record(k) else {
                continue;
            };
            for rf in REFERENCES.iter().filter(|rf| rf.child == k.kind()) {
                (rf.of_record)(&r, &mut |p| {
                    let parent = rf.parent.key(p);
                    if parent != k && set.contains(&parent) {
                        referrers.entry(parent).or_default().push(k);
                    }
                });
            }
        }
        // Depth first, a record after everything pointing at it; deepest first within
        // the cascade as found, so the order only changes where a link asks for it.
        let mut out = Vec::with_capacity(keys.len());
        // `entered` also ends a cycle of links, should a file ever hold one.
        let (mut placed, mut entered) = (BTreeSet::new(), BTreeSet::new());
        for &k in keys.iter().rev() {
            let mut stack = vec![(k, false)];
            while let Some((k, expanded)) = stack.pop() {
                if expanded {
                    if placed.insert(k) {
                        out.push(k);
                    }
                } else if entered.insert(k) {
                    stack.push((k, true));
                    for &c in referrers.get(&k).into_iter().flatten() {
                        stack.push((c, false));
                    }
                }
            }
        }
        out
    }

    /// The records that keep pointing at a deleted record but lose that link: each
    /// returned as it will be stored, the reference cleared. Records that are deleted
    /// anyway (in `removed`) are left out.
    pub fn cleared(&self, key: RecordKey, removed: &BTreeSet<RecordKey>) -> Vec<Record> {
        let mut out: BTreeMap<RecordKey, Record> = BTreeMap::new();
        for target in removed.iter().copied().chain([key]) {
            for rf in REFERENCES.iter().filter(|r| r.on_delete == OnDelete::Clear) {
                for child in self.children(rf, target) {
                    if removed.contains(&child) || child == key {
                        continue;
                    }
                    let Some(record) = out.remove(&child).or_else(|| self.get_record(child)) else {
                        continue;
                    };
                    let mut record = record;
                    (rf.clear)(&mut record, target.raw());
                    out.insert(child, record);
                }
            }
        }
        out.into_values().collect()
    }

    /// How many records forbid deleting `key` outright: a rep who still owns deals or
    /// customers is marked inactive or has them reassigned first, so no revenue history
    /// is lost by one click.
    pub fn blockers(&self, key: RecordKey) -> usize {
        REFERENCES
            .iter()
            .filter(|r| r.on_delete == OnDelete::Block)
            .map(|rf| self.children(rf, key).len())
            .sum()
    }
}

/// Per parent kind, the highest id any record refers to.
pub fn referenced_maxima(ws: &Workspace) -> BTreeMap<RecordKind, u64> {
    let mut out: BTreeMap<RecordKind, u64> = BTreeMap::new();
    for rf in REFERENCES {
        (rf.in_workspace)(ws, &mut |_, p| {
            let m = out.entry(rf.parent).or_default();
            *m = (*m).max(p);
        });
    }
    out
}

/// The files that hold records pointing into `files` (directly or through a chain),
/// `files` included: what must not change while `files` are missing.
pub fn pointing_into(files: &BTreeSet<FileKind>) -> BTreeSet<FileKind> {
    let mut out = files.clone();
    loop {
        let before = out.len();
        for rf in REFERENCES {
            if out.contains(&rf.parent.file()) {
                out.insert(rf.child.file());
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

/// The first id in file `kind` of `ws` above [`MAX_ID`]: a record's own id, its
/// table's next id, or an id it refers to. As `(table, record id, the value)`.
pub fn id_out_of_range(ws: &Workspace, kind: FileKind) -> Option<(&'static str, u64, u64)> {
    for &rk in RecordKind::ALL.iter().filter(|k| k.file() == kind) {
        let (next, max) = ws.id_extent(rk);
        if max > MAX_ID {
            return Some((rk.table_name(), max, max));
        }
        if next > MAX_ID + 1 {
            return Some((rk.table_name(), 0, next));
        }
    }
    let mut found = None;
    for rf in REFERENCES.iter().filter(|r| r.child.file() == kind) {
        (rf.in_workspace)(ws, &mut |c, p| {
            if p > MAX_ID && found.is_none() {
                found = Some((rf.child.table_name(), c, p));
            }
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSize, generate};
    use crate::model::*;
    use std::sync::Arc;

    fn ws() -> Workspace {
        generate(5, DemoSize { deals: 120 }, "2026-11-26".parse().unwrap())
    }

    #[test]
    fn the_demo_has_no_dangling_reference() {
        assert_eq!(ws().dangling(&BTreeSet::new()), vec![]);
    }

    #[test]
    fn deleting_a_customer_takes_its_tree_and_clears_links_to_its_contacts() {
        let w = ws();
        let c = w.customers.customers.rows[0].id;
        let key = RecordKey::Customer(c);
        let deps = w.dependents(key);
        let deals = w.deals.deals.iter().filter(|d| d.customer == c).count();
        let contacts = w
            .customers
            .contacts
            .iter()
            .filter(|x| x.customer == c)
            .count();
        assert!(
            deals > 0 && contacts > 0,
            "the first demo customer has both"
        );
        assert_eq!(
            deps.iter().filter(|k| k.kind() == RecordKind::Deal).count(),
            deals
        );
        assert_eq!(
            deps.iter()
                .filter(|k| k.kind() == RecordKind::Contact)
                .count(),
            contacts
        );
        // Removing every dependent and the customer leaves nothing dangling.
        let mut doc = Document::new(w);
        doc.apply(doc.delete_with_dependents(key), "delete")
            .unwrap();
        assert_eq!(doc.ws().dangling(&BTreeSet::new()), vec![]);
    }

    #[test]
    fn deleting_a_member_clears_optional_links_and_a_rep_with_deals_is_blocked() {
        let mut w = ws();
        let rep = w.deals.deals.rows[0].owner;
        assert!(w.blockers(RecordKey::Member(rep)) > 0);
        // A member without deals or customers, named on an interaction and a promotion.
        let free = Member {
            id: MemberId(0),
            ..w.team.members.rows[0].clone()
        };
        let mut doc = Document::new(std::mem::take(&mut w));
        let id = match doc
            .apply(Change::put(Record::Member(free)), "add")
            .unwrap()
            .keys[0]
        {
            RecordKey::Member(m) => m,
            k => panic!("{k:?}"),
        };
        let mut i = doc.ws().customers.interactions.rows[0].clone();
        i.member = Some(id);
        let iid = i.id;
        doc.apply(Change::put(Record::Interaction(i)), "x").unwrap();
        let mut p = doc.ws().promotions.promotions.rows[0].clone();
        p.staff.push(id);
        let pid = p.id;
        doc.apply(Change::put(Record::Promotion(p)), "x").unwrap();

        let key = RecordKey::Member(id);
        assert_eq!(doc.ws().blockers(key), 0);
        doc.apply(doc.delete_with_dependents(key), "delete")
            .unwrap();
        assert_eq!(
            doc.ws().customers.interactions.get(iid).unwrap().member,
            None
        );
        assert!(
            !doc.ws()
                .promotions
                .promotions
                .get(pid)
                .unwrap()
                .staff
                .contains(&id)
        );
        assert_eq!(doc.ws().dangling(&BTreeSet::new()), vec![]);
        // One undo brings the links back.
        doc.undo();
        assert_eq!(
            doc.ws().customers.interactions.get(iid).unwrap().member,
            Some(id)
        );
    }

    /// A customer whose won deal wrote a ledger line: the line goes with the customer
    /// (cascade) and points at the deal, also removed (a Clear link).
    fn customer_with_a_won_deals_line(w: &Workspace) -> (CustomerId, LoyaltyEntryId, DealId) {
        let line = w
            .customers
            .loyalty_ledger
            .iter()
            .find(|l| l.deal.is_some())
            .expect("the demo's wins write ledger lines");
        (line.customer, line.id, line.deal.unwrap())
    }

    #[test]
    fn undoing_a_customer_delete_brings_back_its_deals_and_the_ledger_lines_naming_them() {
        let w = ws();
        let (c, line, deal) = customer_with_a_won_deals_line(&w);
        let before = w.clone();
        let mut doc = Document::new(w);
        doc.apply(doc.delete_with_dependents(RecordKey::Customer(c)), "delete")
            .unwrap();
        assert!(!doc.ws().contains(RecordKey::LoyaltyEntry(line)));
        assert!(!doc.ws().contains(RecordKey::Deal(deal)));
        assert_eq!(doc.try_undo().unwrap().as_deref(), Some("delete"));
        assert_eq!(doc.ws(), &before, "everything is back as it was");
        doc.redo();
        assert!(!doc.ws().contains(RecordKey::Customer(c)));
    }

    #[test]
    fn deleting_a_deal_clears_the_ledger_lines_naming_it_and_undo_links_them_again() {
        let w = ws();
        let (_, line, deal) = customer_with_a_won_deals_line(&w);
        let mut doc = Document::new(w);
        doc.apply(doc.delete_with_dependents(RecordKey::Deal(deal)), "delete")
            .unwrap();
        let kept = doc.ws().customers.loyalty_ledger.get(line).unwrap();
        assert_eq!(kept.deal, None, "the points stay, unlinked");
        assert_eq!(doc.ws().dangling(&BTreeSet::new()), vec![]);
        doc.undo();
        let back = doc.ws().customers.loyalty_ledger.get(line).unwrap();
        assert_eq!(back.deal, Some(deal));
        // A line naming a deal that does not exist is refused.
        let mut bad = back.clone();
        bad.deal = Some(DealId(999_999));
        let e = doc
            .apply(Change::put(Record::LoyaltyEntry(bad)), "x")
            .unwrap_err();
        assert_eq!(e.get("deal"), Some(&Problem::Missing));
    }

    #[test]
    fn a_cascade_removes_each_record_before_anything_it_points_at() {
        let w = ws();
        for c in w.customers.customers.iter().take(20) {
            let key = RecordKey::Customer(c.id);
            let order: Vec<RecordKey> = w.dependents(key).into_iter().chain([key]).collect();
            for (i, k) in order.iter().enumerate() {
                let r = w.get_record(*k).unwrap();
                for rf in REFERENCES.iter().filter(|rf| rf.child == k.kind()) {
                    (rf.of_record)(&r, &mut |p| {
                        let parent = rf.parent.key(p);
                        if let Some(j) = order.iter().position(|x| *x == parent) {
                            assert!(j > i, "{k:?} is removed after {parent:?}");
                        }
                    });
                }
            }
        }
    }

    #[test]
    fn a_lost_table_never_hands_out_an_id_that_old_records_point_at() {
        let mut w = ws();
        let highest = w.deals.deals.iter().map(|d| d.customer.0).max().unwrap();
        w.customers = Arc::new(CustomersFile::default());
        w.repair_tables();
        assert!(w.customers.customers.next_id > highest);
    }

    #[test]
    fn files_pointing_into_a_missing_one_are_found_through_chains() {
        let got = pointing_into(&BTreeSet::from([FileKind::Customers]));
        assert!(got.contains(&FileKind::Deals));
        assert!(!got.contains(&FileKind::Team));
        let got = pointing_into(&BTreeSet::from([FileKind::Team]));
        for f in [
            FileKind::Customers,
            FileKind::Deals,
            FileKind::Performance,
            FileKind::Promotions,
        ] {
            assert!(got.contains(&f), "{f:?}");
        }
    }

    #[test]
    fn ids_above_two_to_the_53_are_found_in_rows_counters_and_links() {
        let mut w = ws();
        assert_eq!(id_out_of_range(&w, FileKind::Deals), None);
        Arc::make_mut(&mut w.deals).deals.rows[0].customer = CustomerId(u64::MAX);
        let (table, _, value) = id_out_of_range(&w, FileKind::Deals).unwrap();
        assert_eq!((table, value), ("deals", u64::MAX));
        let mut w = ws();
        Arc::make_mut(&mut w.team).members.next_id = MAX_ID + 2;
        assert!(id_out_of_range(&w, FileKind::Team).is_some());
        Arc::make_mut(&mut w.team).members.next_id = MAX_ID + 1;
        assert_eq!(id_out_of_range(&w, FileKind::Team), None);
    }
}
