//! The Budget page through egui_kittest, as a user would: the expense form refuses bad
//! input at the field, an expense over plan raises the alert (the same one the Dashboard
//! reads), delete and undo behave, the pies draw with zero, one and many categories, and
//! picking a category on a pie filters the expense list.

use crate::common;

use chrono::{Datelike, NaiveDate};
use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use salesdesk::analytics::{BudgetAlert, budget_alerts, budget_by_category};
use salesdesk::i18n::{Lang, T};
use salesdesk::model::{
    BudgetCategory, BudgetLine, BudgetLineId, CategoryId, Change, Document, Expense, ExpenseId,
    Money, Period, Record, Workspace,
};
use salesdesk::ui::Page;
use salesdesk::ui::budget::PieKind;
use std::f64::consts::TAU;

fn harness_with(ws: Workspace, lang: Lang) -> H {
    harness_on(ws, lang, Page::Budget)
}

/// The words a flow needs, per language.
struct W {
    new_expense: &'static str,
    date: &'static str,
    category: &'static str,
    amount: &'static str,
    payee: &'static str,
    search: &'static str,
    save: &'static str,
    delete: &'static str,
    required: &'static str,
    negative: &'static str,
    not_a_number: &'static str,
    not_a_date: &'static str,
    over_plan: &'static str,
    standard: &'static str,
    allocation_tab: &'static str,
    plan_tab: &'static str,
    categories_tab: &'static str,
}

fn words(lang: Lang) -> W {
    match lang {
        Lang::Zh => W {
            new_expense: "＋ 记录支出",
            date: "日期",
            category: "类别",
            amount: "金额（元）",
            payee: "收款方",
            search: "搜索支出",
            save: "保存",
            delete: "删除",
            required: "必填",
            negative: "不能为负数",
            not_a_number: "不是有效的数字",
            not_a_date: "日期格式应为 YYYY-MM-DD",
            over_plan: "已超出本期计划",
            standard: "添加标准类别",
            allocation_tab: "分配与支出",
            plan_tab: "计划与执行",
            categories_tab: "类别与计划",
        },
        Lang::En => W {
            new_expense: "＋ New expense",
            date: "Date",
            category: "Category",
            amount: "Amount (¥)",
            payee: "Payee",
            search: "Search expenses",
            save: "Save",
            delete: "Delete",
            required: "Required",
            negative: "Must not be negative",
            not_a_number: "Not a number",
            not_a_date: "Not a date (use YYYY-MM-DD)",
            over_plan: "over plan",
            standard: "Add the standard categories",
            allocation_tab: "Allocation & expenses",
            plan_tab: "Plan vs actual",
            categories_tab: "Categories & plans",
        },
    }
}

/// Opens a drop-down by its label and picks an entry by its words.
fn choose(h: &mut H, combo: &str, option: &str) {
    h.get_by_role_and_label(Role::ComboBox, combo).click();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

fn click_at(h: &mut H, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

fn year_rows(ws: &Workspace) -> Vec<salesdesk::analytics::CategoryBudget> {
    budget_by_category(ws, Period::year(2026))
}

fn invalid_expense_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness_with(demo(120), lang);
    let before = h.state().doc.ws().clone();
    let rev = h.state().doc.revision();
    h.get_by_label(w.new_expense).click();
    h.run();
    // A negative amount and no category.
    set_text(&mut h, w.amount, "-100");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(w.negative);
    h.get_by_label(w.required);
    // A non-numeric amount and a date that does not exist.
    // (12元 and 1.5万 are amounts now; 12块 is not.)
    set_text(&mut h, w.amount, "12块");
    set_text(&mut h, w.date, "2026-02-30");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(w.not_a_number);
    h.get_by_label(w.not_a_date);
    h.get_by_label(w.required);
    // A category and a good amount, but still the bad date: still refused.
    let name = before.budget.categories.rows[0].name.clone();
    choose(&mut h, w.category, &name);
    set_text(&mut h, w.amount, "100");
    h.get_by_label(w.save).click();
    h.run();
    h.get_by_label(w.not_a_date);
    assert!(
        h.query_by_label(w.required).is_none(),
        "the category is given now"
    );
    assert_eq!(
        h.state().doc.revision(),
        rev,
        "nothing reached the workspace"
    );
    assert_eq!(*h.state().doc.ws(), before);
    assert!(!h.state().doc.can_undo());
}

#[test]
fn a_negative_or_non_numeric_amount_or_no_category_is_refused_zh() {
    invalid_expense_flow(Lang::Zh);
}

#[test]
fn a_negative_or_non_numeric_amount_or_no_category_is_refused_en() {
    invalid_expense_flow(Lang::En);
}

fn over_plan_flow(lang: Lang) {
    let w = words(lang);
    let mut h = harness_with(demo(120), lang);
    // A category still under 90 % of this year's plan.
    let ws = h.state().doc.ws().clone();
    let row = year_rows(&ws)
        .into_iter()
        .find(|r| r.alert == BudgetAlert::Ok && r.planned.0 > 0)
        .expect("the demo has a category under plan");
    let name = ws.category_name(row.category).to_owned();
    assert!(
        h.query_by_label_contains(&format!(
            "{name}{}",
            if lang == Lang::Zh { "：" } else { ":" }
        ))
        .is_none()
    );
    let push = Money(row.planned.0 - row.actual.0 + 123_400);
    let count = ws.budget.expenses.len();

    h.get_by_label(w.new_expense).click();
    h.run();
    set_text(&mut h, w.date, "2026-11-20");
    choose(&mut h, w.category, &name);
    set_text(&mut h, w.amount, &salesdesk::ui::format::money_input(push));
    set_text(&mut h, w.payee, "超支测试供应商");
    h.get_by_label(w.save).click();
    h.run();
    assert_eq!(h.state().doc.ws().budget.expenses.len(), count + 1);
    let added = h
        .state()
        .doc
        .ws()
        .budget
        .expenses
        .iter()
        .find(|x| x.payee == "超支测试供应商")
        .unwrap()
        .clone();
    assert_eq!(added.amount, push);
    assert_eq!(added.category, row.category);

    // The alert shows on the page, from the same function the Dashboard calls.
    let alert = h.get_by_label_contains(w.over_plan);
    assert!(
        alert
            .accesskit_node()
            .label()
            .unwrap_or_default()
            .contains(&name)
    );
    let alerts = budget_alerts(&year_rows(h.state().doc.ws()));
    let a = alerts
        .iter()
        .find(|a| a.category == row.category)
        .expect("the dashboard's alerts include it");
    assert_eq!(a.alert, BudgetAlert::Over);
    assert_eq!(a.variance, Money(123_400));

    // Find it in the list and open it.
    set_text(&mut h, w.search, "超支测试");
    assert_eq!(h.state().pages.budget.list.rows(), &[added.id]);
    h.get_by_label("超支测试供应商").click();
    h.run();
    // Delete it, confirming in the dialog.
    h.get_by_label(w.delete).click();
    h.run();
    h.get_all_by_label(w.delete).last().unwrap().click();
    h.run();
    assert!(!h.state().doc.ws().budget.expenses.contains(added.id));
    assert!(
        h.query_by_label_contains(&format!(
            "{name}{}",
            if lang == Lang::Zh { "：" } else { ":" }
        ))
        .is_none()
    );
    assert!(
        budget_alerts(&year_rows(h.state().doc.ws()))
            .iter()
            .all(|a| a.category != row.category)
    );

    // Undo the delete from the top bar: the expense and its alert come back.
    h.get_by_label(T::Undo.get(lang)).click();
    h.run();
    assert_eq!(
        h.state().doc.ws().budget.expenses.get(added.id),
        Some(&added)
    );
    h.get_by_label_contains(w.over_plan);
    // Undo again takes the expense back out; redo (Ctrl+Shift+Z) puts it in.
    h.get_by_label(T::Undo.get(lang)).click();
    h.run();
    assert!(!h.state().doc.ws().budget.expenses.contains(added.id));
    assert_eq!(h.state().doc.ws().budget.expenses.len(), count);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(
        h.state().doc.ws().budget.expenses.get(added.id),
        Some(&added)
    );
}

#[test]
fn an_expense_over_plan_raises_the_alert_and_delete_and_undo_behave_zh() {
    over_plan_flow(Lang::Zh);
}

#[test]
fn an_expense_over_plan_raises_the_alert_and_delete_and_undo_behave_en() {
    over_plan_flow(Lang::En);
}

/// Every tab of the page, so the charts behind them draw too.
fn draw_all_tabs(h: &mut H, lang: Lang) {
    let w = words(lang);
    for tab in [w.plan_tab, w.categories_tab, w.allocation_tab] {
        h.get_by_label(tab).click();
        h.run();
    }
}

fn pies_flow(lang: Lang) {
    let w = words(lang);
    // Zero categories: the page offers the standard set instead of empty pies.
    let mut h = harness_with(Workspace::default(), lang);
    draw_all_tabs(&mut h, lang);
    assert!(
        h.state()
            .pages
            .budget
            .pie_geometry(PieKind::Planned)
            .is_none()
    );
    h.get_all_by_label(w.standard).next().unwrap().click();
    h.run();
    assert_eq!(h.state().doc.ws().budget.categories.len(), 7);
    let names: Vec<String> = h
        .state()
        .doc
        .ws()
        .budget
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(
        names[0],
        if lang == Lang::Zh {
            "人员与佣金"
        } else {
            "Personnel & commissions"
        }
    );
    draw_all_tabs(&mut h, lang);
    // Categories but no money yet: both pies draw empty.
    let g = h
        .state()
        .pages
        .budget
        .pie_geometry(PieKind::Planned)
        .unwrap();
    assert!(g.angles.is_empty());
    // One step undoes the whole set.
    h.get_by_label(T::Undo.get(lang)).click();
    h.run();
    assert!(h.state().doc.ws().budget.categories.is_empty());

    // One category with a plan and one expense: one full-turn slice per pie.
    let mut doc = Document::default();
    doc.apply(
        Change::put(Record::BudgetCategory(BudgetCategory {
            id: CategoryId(0),
            name: "差旅招待".into(),
            active: true,
        })),
        "c",
    )
    .unwrap();
    let c = doc.ws().budget.categories.rows[0].id;
    doc.apply(
        Change::put(Record::BudgetLine(BudgetLine {
            id: BudgetLineId(0),
            year: 2026,
            category: c,
            planned: Money::from_major(120_000),
            monthly: None,
        })),
        "l",
    )
    .unwrap();
    doc.apply(
        Change::put(Record::Expense(Expense {
            id: ExpenseId(0),
            date: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            category: c,
            amount: Money::from_major(5_000),
            payee: "航空公司".into(),
            note: String::new(),
            link: None,
        })),
        "x",
    )
    .unwrap();
    let mut h = harness_with(doc.ws().clone(), lang);
    draw_all_tabs(&mut h, lang);
    for kind in [PieKind::Planned, PieKind::Actual] {
        let g = h.state().pages.budget.pie_geometry(kind).unwrap();
        assert_eq!(g.angles, vec![(c.0, 0.0, TAU)]);
    }

    // Many: the demo's seven categories, in order, closing the circle.
    let mut h = harness_with(demo(120), lang);
    draw_all_tabs(&mut h, lang);
    let g = h
        .state()
        .pages
        .budget
        .pie_geometry(PieKind::Planned)
        .unwrap()
        .clone();
    assert_eq!(g.angles.len(), 7);
    assert_eq!(g.angles.last().unwrap().2, TAU);
    assert!(
        g.angles
            .windows(2)
            .all(|p| p[0].2 == p[1].1 && p[0].0 < p[1].0)
    );
    // Every period view draws too.
    for view in [
        salesdesk::ui::budget::View::Quarter(4),
        salesdesk::ui::budget::View::Month(2),
        salesdesk::ui::budget::View::Month(12),
    ] {
        h.state_mut().pages.budget.view = view;
        h.run();
        draw_all_tabs(&mut h, lang);
    }
}

#[test]
fn the_pies_draw_with_zero_one_and_many_categories_zh() {
    pies_flow(Lang::Zh);
}

#[test]
fn the_pies_draw_with_zero_one_and_many_categories_en() {
    pies_flow(Lang::En);
}

/// The expenses of `c` in 2026, as the list should show them when filtered.
fn expenses_of(ws: &Workspace, c: CategoryId) -> usize {
    ws.budget
        .expenses
        .iter()
        .filter(|x| x.category == c && Period::year(2026).contains(x.date))
        .count()
}

fn filter_flow(lang: Lang) {
    let mut h = harness_with(demo(120), lang);
    let ws = h.state().doc.ws().clone();
    let all = h.state().pages.budget.list.rows().len();
    assert_eq!(
        all,
        ws.budget
            .expenses
            .iter()
            .filter(|x| Period::year(2026).contains(x.date))
            .count()
    );

    // Clicking a legend entry picks its category.
    let travel = &ws.budget.categories.rows[3];
    h.get_all_by_role_and_label(Role::CheckBox, &travel.name)
        .next()
        .unwrap()
        .click();
    h.run();
    let list = &h.state().pages.budget.list;
    assert_eq!(list.category, Some(travel.id));
    let n = expenses_of(&ws, travel.id);
    assert!(n > 0 && n < all);
    assert_eq!(list.rows().len(), n);
    assert!(
        list.rows()
            .iter()
            .all(|id| ws.budget.expenses.get(*id).unwrap().category == travel.id)
    );
    // The count above the table says so, and the legend keeps every slice.
    let total = salesdesk::ui::format::money(list.total());
    let count = match lang {
        Lang::Zh => format!("{n} 笔支出，合计 {total}"),
        Lang::En => format!("{n} expenses, total {total}"),
    };
    h.get_by_label(&count);
    assert_eq!(
        h.state()
            .pages
            .budget
            .pie_geometry(PieKind::Actual)
            .unwrap()
            .angles
            .len(),
        7
    );
    // Clicking it again drops the filter.
    h.get_all_by_role_and_label(Role::CheckBox, &travel.name)
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().pages.budget.list.category, None);
    assert_eq!(h.state().pages.budget.list.rows().len(), all);

    // Clicking a slice of the actual-spend pie picks its category.
    let training = ws.budget.categories.rows[4].id;
    let pos = h
        .state()
        .pages
        .budget
        .pie_geometry(PieKind::Actual)
        .unwrap()
        .slice_center(training.0)
        .unwrap();
    click_at(&mut h, pos);
    let list = &h.state().pages.budget.list;
    assert_eq!(list.category, Some(training));
    assert_eq!(list.rows().len(), expenses_of(&ws, training));
    // A new expense starts in the picked category.
    let w = words(lang);
    h.get_by_label(w.new_expense).click();
    h.run();
    set_text(&mut h, w.amount, "10");
    h.get_by_label(w.save).click();
    h.run();
    let newest = h
        .state()
        .doc
        .ws()
        .budget
        .expenses
        .rows
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (newest.category, newest.amount, newest.date),
        (training, Money::from_major(10), today())
    );
    assert_eq!(
        h.state().pages.budget.list.rows().len(),
        expenses_of(&ws, training) + 1
    );
}

#[test]
fn clicking_a_slice_or_legend_entry_filters_the_expense_list_zh() {
    filter_flow(Lang::Zh);
}

#[test]
fn clicking_a_slice_or_legend_entry_filters_the_expense_list_en() {
    filter_flow(Lang::En);
}

#[test]
fn the_plan_form_saves_one_undoable_plan_and_refuses_a_negative_one() {
    let mut h = harness_with(demo(120), Lang::En);
    h.get_by_label("Categories & plans").click();
    h.run();
    let first = h.state().doc.ws().budget.categories.rows[0].id;
    let line = h
        .state()
        .doc
        .ws()
        .budget
        .lines
        .iter()
        .find(|l| l.category == first && l.year == 2026)
        .unwrap()
        .clone();
    h.get_all_by_label("Edit plan").next().unwrap().click();
    h.run();
    set_text(&mut h, "Plan for the year (¥)", "-5");
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("Must not be negative");
    assert_eq!(h.state().doc.ws().budget.lines.get(line.id), Some(&line));
    set_text(&mut h, "Plan for the year (¥)", "2,400,000");
    h.get_by_label("Save").click();
    h.run();
    assert_eq!(
        h.state()
            .doc
            .ws()
            .budget
            .lines
            .get(line.id)
            .unwrap()
            .planned,
        Money::from_major(2_400_000)
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().doc.ws().budget.lines.get(line.id), Some(&line));
}

/// One money format per table: the year plan's quarter cells are full amounts like the
/// rest of their row (they were compact, "¥45.0万" beside "¥1,800,000.00").
#[test]
fn the_year_plan_table_shows_its_quarters_as_full_amounts() {
    for lang in [Lang::Zh, Lang::En] {
        let ws = demo(40);
        let year = today().year();
        let line = ws
            .budget
            .lines
            .iter()
            .find(|l| l.year == year && (1..=3).map(|m| l.month_plan(m).0).sum::<i64>() > 0)
            .expect("a plan with a first quarter")
            .clone();
        let q1: Money = ws
            .budget
            .lines
            .iter()
            .filter(|l| l.year == year && l.category == line.category)
            .flat_map(|l| (1..=3).map(|m| l.month_plan(m)))
            .sum();
        let mut h = harness_with(ws, lang);
        h.get_by_label(words(lang).categories_tab).click();
        h.run();
        let full = salesdesk::ui::format::money(q1);
        assert!(
            h.query_all_by_label(&full).count() >= 1,
            "{lang:?}: the quarter reads {full}"
        );
    }
}

/// The pies' slice labels stay wholly inside their own slice: none runs over another
/// slice or out of the chart (the English names did), at 1024 and 1400 wide, on the
/// demo in the UI's language.
fn pie_labels_stay_in_their_slices(lang: Lang) {
    for width in [1024.0, 1400.0] {
        let size = salesdesk::demo::DemoSize { deals: 120 };
        let ws = salesdesk::demo::generate_in(7, size, today(), lang);
        let mut h = harness_sized(ws, lang, Page::Budget, egui::vec2(width, 900.0));
        draw_all_tabs(&mut h, lang);
        let texts = common::layout::painted(&h);
        for kind in [PieKind::Planned, PieKind::Actual] {
            let g = h.state().pages.budget.pie_geometry(kind).unwrap().clone();
            let frame = *g.transform.frame();
            let slice_of = |p: egui::Pos2| {
                let v = g.transform.value_from_position(p);
                let a = v.x.atan2(v.y).rem_euclid(TAU);
                let inside = v.x.hypot(v.y) <= 1.0;
                let slice = g.angles.iter().find(|(_, s, e)| *s <= a && a < *e);
                inside.then_some(slice.map(|(k, _, _)| *k)).flatten()
            };
            let labels: Vec<_> = texts
                .iter()
                .filter(|t| t.words.ends_with('%') && frame.contains(t.rect.center()))
                .map(|t| (&t.words, t.rect))
                .collect();
            assert!(!labels.is_empty(), "{kind:?} labels some slices at {width}");
            for (text, r) in labels {
                let own = slice_of(r.center());
                assert!(own.is_some(), "{text:?} on the pie at {width}");
                for corner in [
                    r.left_top(),
                    r.right_top(),
                    r.left_bottom(),
                    r.right_bottom(),
                ] {
                    assert_eq!(
                        slice_of(corner),
                        own,
                        "{text:?} ({r:?}) inside its slice at {width}"
                    );
                }
            }
        }
    }
}

#[test]
fn pie_labels_stay_in_their_slices_zh() {
    pie_labels_stay_in_their_slices(Lang::Zh);
}

#[test]
fn pie_labels_stay_in_their_slices_en() {
    pie_labels_stay_in_their_slices(Lang::En);
}

/// A plan moved onto a category that already has one for the year is refused with a
/// message, and the message goes as soon as the year changes (it stayed until the next
/// Save: it was judged on the category alone), its room kept; the next Save saves.
fn plan_already_there(lang: Lang) {
    let (category, year, save, there) = match lang {
        Lang::Zh => (
            "类别",
            "年度",
            "保存",
            "该类别在这一年已有计划，请编辑原有计划。",
        ),
        Lang::En => (
            "Category",
            "Year",
            "Save",
            "This category already has a plan for that year: edit that one.",
        ),
    };
    let mut h = harness_with(demo(120), lang);
    h.state_mut().pages.budget.tab = salesdesk::ui::budget::Tab::Categories;
    h.run();
    let ws = h.state().doc.ws().clone();
    let [first, second] = [0, 1].map(|i| ws.budget.categories.rows[i].clone());
    let planned = |ws: &Workspace, c: CategoryId, y: i32| {
        ws.budget
            .lines
            .iter()
            .filter(|l| l.category == c && l.year == y)
            .count()
    };
    assert_eq!(planned(&ws, second.id, 2026), 1, "the demo plans 2026");
    assert_eq!(planned(&ws, second.id, 2031), 0);
    let edit_plan = salesdesk::ui::budget::Text::EditPlan.get(lang);
    h.get_all_by_label(edit_plan).next().unwrap().click();
    h.run();
    // The first category's plan, moved onto the second: refused.
    h.get_all_by_role_and_label(Role::ComboBox, category)
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, &second.name).click();
    h.run();
    h.get_by_label(save).click();
    h.run();
    h.run();
    let message = h.get_by_label(there).rect();
    let save_at = h.get_by_label(save).rect();
    assert_eq!(h.state().doc.ws().budget.lines, ws.budget.lines, "{lang:?}");
    // Another year: the message goes, Save stays where it was.
    set_text(&mut h, year, "2031");
    h.run();
    assert!(h.query_by_label(there).is_none(), "{lang:?}: {message:?}");
    assert_eq!(h.get_by_label(save).rect(), save_at, "{lang:?}");
    h.get_by_label(save).click();
    h.run();
    let now = h.state().doc.ws().clone();
    assert_eq!(planned(&now, second.id, 2031), 1, "{lang:?}");
    assert_eq!(
        planned(&now, first.id, 2026),
        0,
        "{lang:?}: moved, not copied"
    );
}

#[test]
fn a_plan_moved_onto_a_planned_category_is_refused_until_the_year_changes_zh() {
    plan_already_there(Lang::Zh);
}

#[test]
fn a_plan_moved_onto_a_planned_category_is_refused_until_the_year_changes_en() {
    plan_already_there(Lang::En);
}
