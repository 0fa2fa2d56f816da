//! Handing a rep's accounts and deals to others (资源再分配), as one change that one undo
//! takes back: the way out when a rep leaves, before deleting them.

use super::change::{Change, Record};
use super::customers::CustomerId;
use super::team::MemberId;
use super::workspace::Workspace;
use std::collections::BTreeMap;

/// What `from` owns: accounts (customers), deals, and how many of the deals are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Holdings {
    pub accounts: usize,
    pub deals: usize,
    pub open_deals: usize,
}

pub fn holdings(ws: &Workspace, from: MemberId) -> Holdings {
    let mut h = Holdings {
        accounts: ws
            .customers
            .customers
            .iter()
            .filter(|c| c.owner == Some(from))
            .count(),
        ..Holdings::default()
    };
    for d in ws.deals.deals.iter().filter(|d| d.owner == from) {
        h.deals += 1;
        h.open_deals += d.stage.is_open() as usize;
    }
    h
}

/// The puts that give every account and deal of `from` to the members `to`. Accounts go
/// one by one to whoever carries the fewest open deals so far (counting what they were
/// just given; the earlier in `to` on a tie), and each deal goes with its customer, so
/// an account stays with one person. Closed deals move too: they are history, but a
/// member who still owns any cannot be deleted. Empty when `to` is empty or `from`
/// owns nothing.
pub fn reassign(ws: &Workspace, from: MemberId, to: &[MemberId]) -> Vec<Change> {
    let to: Vec<MemberId> = to.iter().copied().filter(|m| *m != from).collect();
    if to.is_empty() {
        return Vec::new();
    }
    let mut load: Vec<usize> = to
        .iter()
        .map(|m| {
            ws.deals
                .deals
                .iter()
                .filter(|d| d.owner == *m && d.stage.is_open())
                .count()
        })
        .collect();
    // The deals of `from`, by customer, so a customer's deals move together.
    let mut by_customer: BTreeMap<CustomerId, Vec<&super::deals::Deal>> = BTreeMap::new();
    for d in ws.deals.deals.iter().filter(|d| d.owner == from) {
        by_customer.entry(d.customer).or_default().push(d);
    }
    let owned: Vec<CustomerId> = ws
        .customers
        .customers
        .iter()
        .filter(|c| c.owner == Some(from))
        .map(|c| c.id)
        .collect();
    // Owned accounts first, then customers of deals whose account belongs to someone else.
    let mut order = owned.clone();
    order.extend(by_customer.keys().filter(|c| !owned.contains(c)));
    let mut out = Vec::new();
    for customer in order {
        let i = (0..to.len())
            .min_by_key(|&i| (load[i], i))
            .expect("at least one recipient");
        let who = to[i];
        if owned.contains(&customer)
            && let Some(c) = ws.customers.customers.get(customer)
        {
            let mut c = c.clone();
            c.owner = Some(who);
            out.push(Change::put(Record::Customer(c)));
        }
        for d in by_customer.remove(&customer).unwrap_or_default() {
            let mut d = d.clone();
            d.owner = who;
            load[i] += d.stage.is_open() as usize;
            out.push(Change::put(Record::Deal(d)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, RecordKey};

    fn demo() -> Workspace {
        crate::demo::generate(
            7,
            crate::demo::DemoSize { deals: 200 },
            "2026-11-26".parse().unwrap(),
        )
    }

    #[test]
    fn reassigning_moves_every_account_and_deal_and_undoes_as_one() {
        let mut ws = demo();
        let from = ws.deals.deals.rows[0].owner;
        // Two newcomers with nothing yet share the leaver's book.
        let template = ws.team.members.get(from).unwrap().clone();
        let others = [MemberId(900), MemberId(901)];
        for id in others {
            std::sync::Arc::make_mut(&mut ws.team)
                .members
                .put(crate::model::Member {
                    id,
                    ..template.clone()
                });
        }
        let before = holdings(&ws, from);
        assert!(before.deals > 0 && before.accounts > 0);
        let mut doc = Document::new(ws.clone());
        let change = Change::Batch(reassign(doc.ws(), from, &others));
        doc.apply(change, "reassign").unwrap();
        assert_eq!(holdings(doc.ws(), from), Holdings::default());
        // Both recipients got some, and every deal sits with its account's new owner.
        let moved = |m: MemberId| holdings(doc.ws(), m).deals - holdings(&ws, m).deals;
        assert!(moved(others[0]) > 0 && moved(others[1]) > 0);
        assert_eq!(moved(others[0]) + moved(others[1]), before.deals);
        for d in doc.ws().deals.deals.iter() {
            let c = doc.ws().customers.customers.get(d.customer).unwrap();
            if ws.customers.customers.get(d.customer).unwrap().owner == Some(from) {
                assert_eq!(c.owner, Some(d.owner));
            }
        }
        // The member can go now, in the same kind of one step.
        assert_eq!(doc.ws().blockers(RecordKey::Member(from)), 0);
        doc.undo();
        assert_eq!(*doc.ws(), ws);
    }

    #[test]
    fn nobody_to_give_to_means_no_change() {
        let ws = demo();
        let from = ws.deals.deals.rows[0].owner;
        assert!(reassign(&ws, from, &[]).is_empty());
        assert!(reassign(&ws, from, &[from]).is_empty());
    }
}
