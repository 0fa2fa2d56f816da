use super::*;
use crate::model::{
    Customer, CustomerId, LostReason, Member, MemberId, Money, Period, Record, Stage, Target,
    TargetId,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const CSV: &str = "id,deal,customer,owner,amount,created,quote,won,lost,lost_reason,expected_close\n\
    A1,ERP,甲公司,Li,1000,2026-01-05,2026-01-10,2026-02-01,,,\n\
    A2,CRM,乙公司,Wang,500.5,2026-01-06,,,2026-01-20,时机,\n\
    A3,BI,甲公司,Li,200,2026-01-07,,,,,2026-03-31\n";

fn import(doc: &mut Document, text: &str) -> Result<ImportSummary, Vec<RowError>> {
    import_deals(doc, text.as_bytes(), d("2026-03-01"))
}

fn lines_and_columns(e: &[RowError]) -> Vec<(u64, &str)> {
    e.iter().map(|e| (e.line, e.column.as_str())).collect()
}

#[test]
fn imports_as_one_undoable_batch() {
    let mut doc = Document::default();
    let s = import(&mut doc, CSV).unwrap();
    assert_eq!(
        (s.rows, s.created, s.new_customers, s.new_members),
        (3, 3, 2, 2)
    );
    let ws = &doc.ws();
    assert_eq!(ws.deals.deals.len(), 3);
    let a1 = &ws.deals.deals.rows[0];
    assert_eq!(a1.stage, Stage::Won);
    assert_eq!(ws.customer_name(a1.customer), "甲公司");
    assert_eq!(ws.member_name(a1.owner), "Li");
    let a2 = &ws.deals.deals.rows[1];
    assert_eq!(a2.lost.as_ref().unwrap().reason, LostReason::Timing);
    assert_eq!(a2.amount, Money(50_050));
    // The customer is as old as its first deal.
    assert_eq!(ws.customers.customers.rows[0].created, d("2026-01-05"));
    assert!(doc.undo().is_some());
    assert!(doc.ws().deals.deals.is_empty() && doc.ws().customers.customers.is_empty());
}

#[test]
fn reimport_updates_by_id() {
    let mut doc = Document::default();
    import(&mut doc, CSV).unwrap();
    let rev = doc.revision();
    let s = import(&mut doc, CSV).unwrap();
    assert_eq!((s.created, s.updated, s.unchanged), (0, 0, 3));
    assert_eq!(doc.revision(), rev, "nothing to do changes nothing");
    let moved = CSV
        .replace("2026-03-31", "2026-04-30")
        .replace("500.5", "600");
    let s = import(&mut doc, &moved).unwrap();
    assert_eq!(
        (s.created, s.updated, s.unchanged, s.new_customers),
        (0, 2, 1, 0)
    );
    assert_eq!(doc.ws().deals.deals.len(), 3);
    let a3 = &doc.ws().deals.deals.rows[2];
    assert_eq!(
        (a3.close_slips, a3.original_close),
        (1, Some(d("2026-03-31")))
    );
}

#[test]
fn refused_import_changes_nothing() {
    let mut doc = Document::default();
    let before = doc.ws().clone();
    let bad = "deal,customer,owner,amount,created,expected_close,id\n\
        ok,甲,Li,1,2026-01-01,,x\n\
        dup,甲,Li,1,2026-01-01,,x\n\
        early close,甲,Li,1,2026-01-05,2026-01-01,y\n";
    let e = import(&mut doc, bad).unwrap_err();
    assert_eq!(lines_and_columns(&e), [(3, "id"), (4, "expected_close")]);
    assert_eq!(e[1].reason.english(), "is before created");
    assert_eq!(*doc.ws(), before);
    assert_eq!(doc.revision(), 0);
    let e = import(&mut doc, "").unwrap_err();
    assert_eq!(e[0].line, 0);
}

#[test]
fn every_bad_cell_of_a_row_is_reported() {
    let mut doc = Document::default();
    let text = "deal,customer,owner,amount,created,quote,won,lost,lost_reason,probability\n\
        ,甲,Li,-5,2026-01-10,2026-01-01,2026-02-30,2026-03-01,,101\n\
        x,甲,Li,abc,2026-01-10,,2026-02-01,2026-03-01,,\n";
    let e = import(&mut doc, text).unwrap_err();
    assert_eq!(
        lines_and_columns(&e),
        [
            (2, "deal"),
            (2, "amount"),
            (2, "won"),
            (2, "probability"),
            (2, "quote"),
            (3, "amount"),
            (3, "lost"),
        ]
    );
    assert!(e[1].reason.english().contains("negative"));
    assert!(e[4].reason.english().contains("before created"));
    assert!(e[5].reason.english().contains("not a number"));
    assert!(e[6].reason.english().contains("together with won"));
}

#[test]
fn a_stage_column_as_other_crms_export_it_builds_the_history() {
    let mut doc = Document::default();
    let text = "Deal Name,Associated Company,Deal owner,Amount,Create Date,Close Date,Deal Stage\n\
        A,甲,Li,100,2026-01-05,2026-02-01,Closed Won\n\
        B,甲,Li,100,2026-01-05,2026-03-01,Presentation Scheduled\n\
        C,甲,Li,100,2026-01-05,,Closed Lost\n\
        D,甲,Li,100,2026-01-05,,Somewhere\n";
    let e = import(&mut doc, text).unwrap_err();
    assert_eq!(lines_and_columns(&e), [(5, "Deal Stage")]);
    let s = import(&mut doc, &text.replace(",Somewhere", ",contract")).unwrap();
    assert_eq!(s.created, 4);
    let deals = &doc.ws().deals.deals.rows;
    let stages: Vec<Stage> = deals.iter().map(|d| d.stage).collect();
    assert_eq!(
        stages,
        [Stage::Won, Stage::Needs, Stage::Lost, Stage::Contract]
    );
    assert_eq!(deals[0].history.last().unwrap().date, d("2026-02-01"));
    assert!(deals[2].lost.is_some());
}

fn ws_with(customers: &[&str], members: &[&str]) -> Workspace {
    let mut doc = Document::default();
    let mut changes = Vec::new();
    for (i, m) in members.iter().enumerate() {
        changes.push(Change::put(Record::Member(Member {
            id: MemberId(crate::model::provisional_id(i as u64)),
            ..plan::tests_member(m)
        })));
    }
    for c in customers {
        changes.push(Change::put(Record::Customer(Customer {
            id: CustomerId(0),
            ..plan::new_customer(CustomerId(0), c, d("2025-01-01"))
        })));
    }
    doc.apply(Change::Batch(changes), "setup").unwrap();
    doc.ws().clone()
}

#[test]
fn a_customer_name_two_customers_share_refuses_the_row_naming_both() {
    let mut doc = Document::new(ws_with(&["甲公司", "甲公司"], &[]));
    let text = "deal,customer,owner,amount,created\nERP,甲公司,Li,1,2026-01-05\n";
    let e = import(&mut doc, text).unwrap_err();
    assert_eq!(lines_and_columns(&e), [(2, "customer")]);
    assert!(
        e[0].reason
            .english()
            .contains("2 customers are called 甲公司"),
        "{}",
        e[0]
    );
    assert!(
        e[0].reason.english().contains("#1") && e[0].reason.english().contains("#2"),
        "{}",
        e[0]
    );
}

const TARGETS: &str = "负责人,开始,结束,目标,冲刺,挑战\n\
    ,2026-01-01,2026-03-31,\"1,000,000\",1200000,\n\
    Li,2026-01-01,2026-03-31,300000,,\n";

#[test]
fn targets_import_and_reimport_updates_the_same_owner_and_period() {
    let mut doc = Document::new(ws_with(&[], &["Li"]));
    let s = import(&mut doc, TARGETS).unwrap();
    assert_eq!((s.targets.created, s.targets.updated), (2, 0));
    assert!(s.has(Kind::Targets));
    let t = &doc.ws().performance.targets.rows;
    let q1 = Period::new(d("2026-01-01"), d("2026-03-31"));
    assert_eq!(
        (
            t[0].member,
            t[0].period,
            t[0].amount,
            t[0].stretch,
            t[0].challenge
        ),
        (
            None,
            q1,
            Money::from_major(1_000_000),
            Some(Money::from_major(1_200_000)),
            None
        )
    );
    assert_eq!(doc.ws().member_name(t[1].member.unwrap()), "Li");
    let s = import(&mut doc, &TARGETS.replace("300000", "350000")).unwrap();
    assert_eq!(
        (s.targets.created, s.targets.updated, s.targets.unchanged),
        (0, 1, 1)
    );
    let t = &doc.ws().performance.targets.rows;
    assert_eq!(t.len(), 2);
    assert_eq!(t[1].amount, Money::from_major(350_000));
}

#[test]
fn bad_target_rows_are_all_listed_and_nothing_is_imported() {
    let mut doc = Document::new(ws_with(&[], &["Li"]));
    let before = doc.ws().clone();
    let text = "owner,from,to,target,stretch,challenge\n\
        Li,2026-01-01,2026-03-31,100,,\n\
        Nobody,2026-01-01,2026-03-31,100,,\n\
        Li,2026-04-01,2026-03-31,100,,\n\
        ,2026-01-01,2026-03-31,\"1,5\",,\n\
        ,2026-04-01,2026-06-30,100,50,\n\
        Li,2026-01-01,2026-03-31,200,,\n";
    let e = import(&mut doc, text).unwrap_err();
    assert_eq!(
        lines_and_columns(&e),
        [
            (3, "owner"),
            (4, "to"),
            (5, "target"),
            (6, "stretch"),
            (7, "from")
        ]
    );
    assert_eq!(*doc.ws(), before);
    let _ = Target {
        id: TargetId(0),
        member: None,
        period: Period::new(d("2026-01-01"), d("2026-01-01")),
        amount: Money::ZERO,
        stretch: None,
        challenge: None,
    };
}

#[test]
fn customers_file_adds_and_updates_by_name() {
    let mut doc = Document::new(ws_with(&["甲公司"], &[]));
    let text = "客户,行业,电话,负责人\n甲公司,制造,010-1,Li\n乙公司,零售,,\n";
    let s = import(&mut doc, text).unwrap();
    assert_eq!(
        (s.customers.created, s.customers.updated, s.new_members),
        (1, 1, 1)
    );
    let c = &doc.ws().customers.customers.rows;
    assert_eq!(
        (c[0].industry.as_str(), c[0].phone.as_str()),
        ("制造", "010-1")
    );
    assert_eq!(doc.ws().member_name(c[0].owner.unwrap()), "Li");
    assert_eq!(c[1].name, "乙公司");
}

#[test]
fn an_expense_naming_an_unknown_category_makes_it_once_and_undo_takes_it_back() {
    let mut doc = Document::default();
    let csv = "date,category,amount,payee\n2026-01-05,差旅,120,高铁\n2026-01-06,差旅,80,酒店\n";
    let s = import(&mut doc, csv).unwrap();
    assert_eq!(s.new_categories, ["差旅"]);
    assert_eq!(s.expenses.created, 2);
    let ws = doc.ws();
    assert_eq!(ws.budget.categories.len(), 1);
    let cat = ws.budget.categories.rows[0].id;
    assert!(ws.budget.expenses.iter().all(|e| e.category == cat));
    assert!(doc.undo().is_some());
    assert_eq!(
        (
            doc.ws().budget.categories.len(),
            doc.ws().budget.expenses.len()
        ),
        (0, 0)
    );
}

#[test]
fn own_workbook_sheets_the_import_does_not_read_are_left_out_not_taken_for_customers() {
    let ws = crate::demo::generate(7, crate::demo::DemoSize { deals: 20 }, d("2026-03-01"));
    let sheets = crate::export::workspace_sheets(&ws, crate::i18n::Lang::Zh);
    let bytes = crate::export::xlsx_bytes(&sheets).unwrap();
    let book = read_bytes(&bytes, None).unwrap();
    let kinds: BTreeMap<&str, Option<Kind>> = guess_mappings(&book, &BTreeMap::new())
        .into_iter()
        .map(|m| (book.sheets[m.sheet].name.as_str(), m.kind))
        .collect();
    assert_eq!(kinds["客户"], Some(Kind::Customers));
    assert_eq!(kinds["商机"], Some(Kind::Deals));
    assert_eq!(kinds["销售目标"], Some(Kind::Targets));
    assert_eq!(kinds["费用"], Some(Kind::Expenses));
    for other in ["联系人", "客户互动", "客户反馈", "积分记录", "促销活动"] {
        assert_eq!(kinds[other], None, "{other}");
    }
    // A user's own customers sheet that happens to be called 联系人 (no id column
    // first) is still read by its header.
    let csv = "客户,行业\n甲公司,制造\n";
    let mut own = read_bytes(csv.as_bytes(), None).unwrap();
    own.format = Format::Workbook;
    own.sheets[0].name = "联系人".into();
    let m = guess_mappings(&own, &BTreeMap::new());
    assert_eq!(m[0].kind, Some(Kind::Customers));
}
