//! The whole workspace in memory: one value per file, shared copy-on-write so a save can
//! hand a snapshot to the writer thread without copying.

use super::budget::*;
use super::customers::*;
use super::deals::*;
use super::marketing::*;
use super::me::*;
use super::performance::*;
use super::promotions::*;
use super::settings::Settings;
use super::team::*;
use std::sync::Arc;

/// The files of a workspace, one per collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    Settings,
    Team,
    Performance,
    Customers,
    Deals,
    Marketing,
    Promotions,
    Budget,
    Me,
}

impl FileKind {
    pub const ALL: [FileKind; 9] = [
        FileKind::Settings,
        FileKind::Team,
        FileKind::Performance,
        FileKind::Customers,
        FileKind::Deals,
        FileKind::Marketing,
        FileKind::Promotions,
        FileKind::Budget,
        FileKind::Me,
    ];
    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Settings => "settings.ron",
            FileKind::Team => "team.ron",
            FileKind::Performance => "performance.ron",
            FileKind::Customers => "customers.ron",
            FileKind::Deals => "deals.ron",
            FileKind::Marketing => "marketing.ron",
            FileKind::Promotions => "promotions.ron",
            FileKind::Budget => "budget.ron",
            FileKind::Me => "me.ron",
        }
    }
    pub fn from_file_name(name: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.file_name() == name)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    pub settings: Arc<Settings>,
    pub team: Arc<TeamFile>,
    pub performance: Arc<PerformanceFile>,
    pub customers: Arc<CustomersFile>,
    pub deals: Arc<DealsFile>,
    pub marketing: Arc<MarketingFile>,
    pub promotions: Arc<PromotionsFile>,
    pub budget: Arc<BudgetFile>,
    pub me: Arc<MeFile>,
}

impl Workspace {
    /// Name lookups used all over the UI.
    pub fn member_name(&self, id: MemberId) -> &str {
        self.team
            .members
            .get(id)
            .map(|m| m.name.as_str())
            .unwrap_or("—")
    }
    pub fn customer_name(&self, id: CustomerId) -> &str {
        self.customers
            .customers
            .get(id)
            .map(|c| c.name.as_str())
            .unwrap_or("—")
    }
    pub fn category_name(&self, id: CategoryId) -> &str {
        self.budget
            .categories
            .get(id)
            .map(|c| c.name.as_str())
            .unwrap_or("—")
    }

    /// The change that stores contact `k`. A customer has at most one primary contact:
    /// marking `k` primary unmarks the others, in the same change.
    pub fn put_contact(&self, k: Contact) -> super::change::Change {
        use super::change::{Change, Record};
        let mut batch: Vec<Change> = if k.primary {
            self.customers
                .contacts
                .iter()
                .filter(|o| o.customer == k.customer && o.primary && o.id != k.id)
                .map(|o| {
                    let mut o = o.clone();
                    o.primary = false;
                    Change::put(Record::Contact(o))
                })
                .collect()
        } else {
            Vec::new()
        };
        batch.push(Change::put(Record::Contact(k)));
        if batch.len() == 1 {
            batch.remove(0)
        } else {
            Change::Batch(batch)
        }
    }

    /// The change that stores an interaction logged with a customer. A call or a visit
    /// is activity on that customer's open deals too, so their last activity moves up
    /// to its date (never past `today`), and they stop showing as stale. One change:
    /// a single undo takes back the interaction and the dates together.
    pub fn log_interaction(
        &self,
        i: Interaction,
        today: chrono::NaiveDate,
    ) -> super::change::Change {
        use super::change::{Change, Record};
        let date = i.date.min(today);
        let customer = i.customer;
        // A new interaction with a contact who is also in the manager's network is a
        // contact made with that person: their clock restarts.
        let touches: Vec<Change> = match i.contact {
            Some(k) if i.id.0 == 0 => self
                .me
                .people
                .iter()
                .filter(|p| p.contact == Some(k))
                .map(|p| {
                    Change::put(Record::Touch(super::me::Touch {
                        id: super::me::TouchId(0),
                        person: p.id,
                        date,
                        note: String::new(),
                    }))
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut changes = vec![Change::put(Record::Interaction(i))];
        changes.extend(touches);
        changes.extend(
            self.deals
                .deals
                .iter()
                .filter(|d| d.customer == customer && d.stage.is_open() && d.last_activity < date)
                .map(|d| {
                    let mut d = d.clone();
                    d.last_activity = date;
                    Change::put(Record::Deal(d))
                }),
        );
        if changes.len() == 1 {
            changes.remove(0)
        } else {
            Change::Batch(changes)
        }
    }

    /// The change that stores `deal`. Winning a deal earns its customer loyalty points
    /// at the programme's rate (`points_per_yuan` per whole yuan), as a ledger line of
    /// event [`LedgerEvent::Won`]; taking a win back (moving the deal out of 客户管理)
    /// takes the same points back, as [`LedgerEvent::Unwon`]. All in one change, so one
    /// undo takes back the move and the points together. The line holds the deal and its
    /// title, not a sentence: the UI words it in the language of the moment.
    pub fn put_deal(&self, deal: Deal, today: chrono::NaiveDate) -> super::change::Change {
        use super::change::{Change, Record};
        let rate = i64::from(self.customers.loyalty.points_per_yuan);
        let points = |d: &Deal| (d.amount.0 / 100).saturating_mul(rate);
        let before = self.deals.deals.get(deal.id).filter(|_| deal.id.0 != 0);
        let was_won = before.is_some_and(|d| d.stage == Stage::Won);
        let entry = match (was_won, deal.stage == Stage::Won) {
            (false, true) => Some((
                points(&deal),
                LedgerEvent::Won,
                deal.stage_since().min(today),
            )),
            (true, false) => before.map(|d| (-points(d), LedgerEvent::Unwon, today)),
            _ => None,
        }
        .filter(|(p, _, _)| *p != 0)
        .map(|(points, event, date)| LoyaltyEntry {
            id: LoyaltyEntryId(0),
            customer: deal.customer,
            date,
            points,
            reason: deal.title.clone(),
            event: Some(event),
            // A deal created won has its id only once stored; the title says which.
            deal: (deal.id.0 != 0).then_some(deal.id),
        });
        let put = Change::put(Record::Deal(deal));
        match entry {
            Some(e) => Change::Batch(vec![put, Change::put(Record::LoyaltyEntry(e))]),
            None => put,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSize, generate};
    use crate::model::change::{Change, Document};
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn logging_an_interaction_refreshes_that_customers_open_deals_in_one_undo() {
        let today = d("2026-11-26");
        let mut ws = generate(3, DemoSize { deals: 200 }, today);
        // A customer with an open deal and a closed one, all quiet since long ago.
        let customer = ws
            .customers
            .customers
            .iter()
            .map(|c| c.id)
            .find(|&c| {
                let mine = || ws.deals.deals.iter().filter(move |x| x.customer == c);
                mine().any(|x| x.stage.is_open()) && mine().any(|x| !x.stage.is_open())
            })
            .expect("the demo has such a customer");
        let quiet = d("2026-01-02");
        for x in Arc::make_mut(&mut ws.deals).deals.rows.iter_mut() {
            x.last_activity = quiet;
        }
        let before = ws.clone();
        let mut doc = Document::new(ws);

        let call = Interaction {
            id: InteractionId(0),
            customer,
            contact: None,
            member: None,
            kind: InteractionKind::Call,
            // Dated in the future by mistake: activity is never later than today.
            date: d("2026-12-01"),
            note: "电话沟通".into(),
            outcome: String::new(),
            follow_up: None,
            follow_up_done: false,
            promotion: None,
        };
        doc.apply(doc.ws().log_interaction(call, today), "log")
            .unwrap();

        for x in doc.ws().deals.deals.iter() {
            let expected = if x.customer == customer && x.stage.is_open() {
                today
            } else {
                quiet
            };
            assert_eq!(x.last_activity, expected, "deal {}", x.id);
        }
        assert_eq!(
            doc.ws().customers.interactions.len(),
            before.customers.interactions.len() + 1
        );
        // One undo takes back both (ids are never reused, so compare the rows).
        doc.undo();
        assert!(doc.ws().deals.deals.rows == before.deals.deals.rows);
        assert!(doc.ws().customers.interactions.rows == before.customers.interactions.rows);
    }

    #[test]
    fn a_win_earns_loyalty_points_at_the_programmes_rate_and_taking_it_back_returns_them() {
        let today = d("2026-11-26");
        let mut ws = generate(3, DemoSize { deals: 200 }, today);
        Arc::make_mut(&mut ws.customers).loyalty.points_per_yuan = 2;
        let mut doc = Document::new(ws);
        let open = doc
            .ws()
            .deals
            .deals
            .iter()
            .find(|x| x.stage == Stage::Contract)
            .expect("a deal at the contract stage")
            .clone();
        let ledger = |doc: &Document| doc.ws().customers.loyalty_ledger.rows.clone();
        let before = ledger(&doc);

        let mut won = open.clone();
        won.move_to(Stage::Won, today, None).unwrap();
        doc.apply(doc.ws().put_deal(won.clone(), today), "win")
            .unwrap();
        let after = ledger(&doc);
        assert_eq!(after.len(), before.len() + 1);
        let entry = after.last().unwrap();
        assert_eq!(
            (
                entry.customer,
                entry.date,
                entry.points,
                entry.reason.clone(),
                entry.event,
                entry.deal
            ),
            (
                open.customer,
                today,
                open.amount.0 / 100 * 2,
                open.title.clone(),
                Some(LedgerEvent::Won),
                Some(open.id)
            )
        );

        // Editing the won deal earns nothing more.
        let mut edited = doc.ws().deals.deals.get(open.id).unwrap().clone();
        edited.notes = "续约意向强".into();
        doc.apply(doc.ws().put_deal(edited, today), "edit").unwrap();
        assert_eq!(ledger(&doc).len(), after.len());

        // Taking the win back returns the points; the balance is as before.
        let mut back = doc.ws().deals.deals.get(open.id).unwrap().clone();
        back.move_to(Stage::Contract, today, None).unwrap();
        doc.apply(doc.ws().put_deal(back, today), "unwin").unwrap();
        let sum = |rows: &[LoyaltyEntry]| rows.iter().map(|e| e.points).sum::<i64>();
        assert_eq!(sum(&ledger(&doc)), sum(&before));
        assert_eq!(ledger(&doc).last().unwrap().event, Some(LedgerEvent::Unwon));

        // One undo per step: three undos leave the ledger as it was.
        doc.undo();
        doc.undo();
        doc.undo();
        assert!(ledger(&doc) == before);
        assert_eq!(
            doc.ws().deals.deals.get(open.id).unwrap().stage,
            Stage::Contract
        );

        // A programme without a rate writes no line.
        let mut rules = doc.ws().customers.loyalty.clone();
        rules.points_per_yuan = 0;
        doc.apply(Change::Loyalty(Box::new(rules)), "rules")
            .unwrap();
        doc.apply(doc.ws().put_deal(won, today), "win").unwrap();
        assert!(ledger(&doc) == before);
    }
}
