//! Budget categories and their yearly plans: the list with quarter plans, the category
//! form (add, rename, retire), the plan form (a year's amount, split evenly or by month)
//! and the one-click standard set for a workspace that has none.

use super::{Text, category_color, month_label, quarter_label, rows_for};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input};
use crate::ui::widgets::form;
use std::collections::HashMap;

/// What the categories list asks the page to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    New,
    Edit(CategoryId),
    Plan(CategoryId),
    ToggleActive(CategoryId),
    Delete(CategoryId),
    AddStandard,
}

pub enum FormAction {
    None,
    Save,
    Cancel,
}

/// The usual starting set, in the user's language.
pub fn standard_names(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Zh => [
            "人员与佣金",
            "市场营销",
            "促销活动",
            "差旅招待",
            "培训",
            "工具软件",
            "其他",
        ],
        Lang::En => [
            "Personnel & commissions",
            "Marketing",
            "Promotion events",
            "Travel & entertainment",
            "Training",
            "Tools",
            "Other",
        ],
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// One change (one undo step) adding the standard categories not already there.
pub fn standard_change(ws: &Workspace, lang: Lang) -> Option<Change> {
    let puts: Vec<Change> = standard_names(lang)
        .into_iter()
        .filter(|n| !ws.budget.categories.iter().any(|c| same_name(&c.name, n)))
        .map(|n| {
            Change::put(Record::BudgetCategory(BudgetCategory {
                id: CategoryId(0),
                name: n.to_owned(),
                active: true,
            }))
        })
        .collect();
    (!puts.is_empty()).then_some(Change::Batch(puts))
}

#[derive(Debug, Clone, PartialEq)]
pub struct CategoryDraft {
    pub id: CategoryId,
    pub name: String,
    pub active: bool,
}

impl Default for CategoryDraft {
    fn default() -> Self {
        CategoryDraft {
            id: CategoryId(0),
            name: String::new(),
            active: true,
        }
    }
}

impl CategoryDraft {
    pub fn from_category(c: &BudgetCategory) -> Self {
        CategoryDraft {
            id: c.id,
            name: c.name.clone(),
            active: c.active,
        }
    }

    /// Validates, including that no other category has the same name.
    pub fn build(&self, ws: &Workspace) -> Result<BudgetCategory, Errors> {
        let c = BudgetCategory {
            id: self.id,
            name: self.name.trim().to_owned(),
            active: self.active,
        };
        let mut e = c.validate();
        if ws
            .budget
            .categories
            .iter()
            .any(|o| o.id != c.id && same_name(&o.name, &c.name))
        {
            e.add("name", Problem::Duplicate);
        }
        e.into_result().map(|_| c)
    }
}

/// The field name of each month's amount, for messages at the field.
pub const MONTH_FIELDS: [&str; 12] = [
    "month1", "month2", "month3", "month4", "month5", "month6", "month7", "month8", "month9",
    "month10", "month11", "month12",
];

#[derive(Debug, Clone, PartialEq)]
pub struct PlanDraft {
    /// 0 for a new plan line.
    pub id: BudgetLineId,
    pub year: String,
    pub category: Option<CategoryId>,
    pub planned: String,
    pub by_month: bool,
    pub months: [String; 12],
}

impl PlanDraft {
    /// The plan of `category` for `year`: the existing line, or a new one.
    pub fn for_category(ws: &Workspace, category: CategoryId, year: i32) -> Self {
        match ws
            .budget
            .lines
            .iter()
            .find(|l| l.category == category && l.year == year)
        {
            Some(l) => PlanDraft::from_line(l),
            None => PlanDraft {
                id: BudgetLineId(0),
                year: year.to_string(),
                category: Some(category),
                planned: String::new(),
                by_month: false,
                months: Default::default(),
            },
        }
    }

    pub fn from_line(l: &BudgetLine) -> Self {
        PlanDraft {
            id: l.id,
            year: l.year.to_string(),
            category: Some(l.category),
            planned: money_input(l.planned),
            by_month: l.monthly.is_some(),
            months: std::array::from_fn(|i| money_input(l.month_plan(i as u32 + 1))),
        }
    }

    /// Fills the months from the year's amount, evenly (when switching to by-month).
    fn spread_months(&mut self) {
        if let Ok(p) = parse_money(&self.planned) {
            let even = BudgetLine {
                id: BudgetLineId(0),
                year: 2000,
                category: CategoryId(0),
                planned: p,
                monthly: None,
            };
            self.months = std::array::from_fn(|i| money_input(even.month_plan(i as u32 + 1)));
        }
    }

    /// The months' sum as the year's amount (when switching back), if they all parse.
    fn sum_months(&self) -> Option<Money> {
        self.months.iter().map(|m| month_amount(m).ok()).sum()
    }

    pub fn build(&self, ws: &Workspace) -> Result<BudgetLine, Errors> {
        let mut e = Errors::new();
        let year = form::parse_into(&mut e, "year", parse_int(&self.year, 2000, 2200));
        if self.category.is_none() {
            e.add("category", Problem::Required);
        }
        let (planned, monthly) = if self.by_month {
            let months: Vec<Money> = self
                .months
                .iter()
                .zip(MONTH_FIELDS)
                .map(|(m, f)| form::parse_into(&mut e, f, month_amount(m)).unwrap_or_default())
                .collect();
            (months.iter().copied().sum(), Some(months))
        } else {
            (
                form::parse_into(&mut e, "planned", parse_money(&self.planned)).unwrap_or_default(),
                None,
            )
        };
        let line = BudgetLine {
            id: self.id,
            year: year.unwrap_or(2000) as i32,
            category: self.category.unwrap_or_default(),
            planned,
            monthly,
        };
        for fe in line.validate().0 {
            e.add(fe.field, fe.problem);
        }
        if year.is_some()
            && self.category.is_some()
            && ws
                .budget
                .lines
                .iter()
                .any(|l| l.id != line.id && l.year == line.year && l.category == line.category)
        {
            // The pair is the problem, not the category alone: its message is judged on
            // both, so changing the year clears it as changing the category does.
            e.add("plan", Problem::Duplicate);
        }
        e.into_result().map(|_| line)
    }
}

/// A month's amount: empty is zero.
fn month_amount(s: &str) -> Result<Money, Problem> {
    if s.trim().is_empty() {
        Ok(Money::ZERO)
    } else {
        parse_money(s)
    }
}

pub fn category_form(
    ui: &mut egui::Ui,
    draft: &mut CategoryDraft,
    errors: &Errors,
    lang: Lang,
) -> FormAction {
    let b = |k: Text| k.get(lang);
    ui.heading(if draft.id.0 == 0 {
        b(Text::NewCategory)
    } else {
        b(Text::EditCategory)
    });
    ui.add_space(6.0);
    form::grid(ui, "category_form", |ui| {
        form::text(
            ui,
            b(Text::CategoryName),
            &mut draft.name,
            "name",
            errors,
            lang,
        );
        form::checkbox(ui, b(Text::InUse), &mut draft.active);
    });
    buttons(ui, errors, lang)
}

fn buttons(ui: &mut egui::Ui, errors: &Errors, lang: Lang) -> FormAction {
    let mut action = FormAction::None;
    ui.add_space(8.0);
    form::fix_line(ui, errors, lang);
    ui.horizontal(|ui| {
        if crate::ui::widgets::keys::save_button(ui, T::Save.get(lang)) {
            action = FormAction::Save;
        }
        if crate::ui::widgets::keys::cancel_button(ui, T::Cancel.get(lang)) {
            action = FormAction::Cancel;
        }
    });
    action
}

pub fn plan_form(
    ui: &mut egui::Ui,
    draft: &mut PlanDraft,
    errors: &Errors,
    ws: &Workspace,
    lang: Lang,
) -> FormAction {
    let b = |k: Text| k.get(lang);
    ui.heading(b(Text::EditPlan));
    ui.add_space(6.0);
    let categories: Vec<(CategoryId, String)> = ws
        .budget
        .categories
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect();
    let mut action = FormAction::None;
    egui::ScrollArea::vertical()
        .id_salt("plan_form")
        .show(ui, |ui| {
            form::grid(ui, "plan_form", |ui| {
                form::pick(
                    ui,
                    b(Text::Category),
                    &mut draft.category,
                    &categories,
                    None,
                    "category",
                    errors,
                    lang,
                );
                form::text(ui, b(Text::Year), &mut draft.year, "year", errors, lang);
                if !draft.by_month {
                    form::text(
                        ui,
                        b(Text::PlannedYuan),
                        &mut draft.planned,
                        "planned",
                        errors,
                        lang,
                    );
                }
                let was = draft.by_month;
                form::checkbox(ui, b(Text::ByMonth), &mut draft.by_month);
                if draft.by_month && !was {
                    draft.spread_months();
                }
                if !draft.by_month
                    && was
                    && let Some(sum) = draft.sum_months()
                {
                    draft.planned = money_input(sum);
                }
                if draft.by_month {
                    for (m, field) in MONTH_FIELDS.iter().enumerate() {
                        let label = month_label(lang, m as u32 + 1);
                        form::text(ui, &label, &mut draft.months[m], field, errors, lang);
                    }
                }
            });
            let msg = form::message(ui, "plan", (draft.category, draft.year.trim()), errors);
            form::message_line(ui, msg, |_| b(Text::PlanAlreadyThere).to_owned());
            if draft.by_month {
                let sum = draft.sum_months().map(money).unwrap_or_else(|| "—".into());
                ui.label(format!(
                    "{} {} {sum}",
                    b(Text::MonthSumHint),
                    T::Total.get(lang)
                ));
            } else {
                ui.weak(b(Text::EvenSplitHint));
            }
            action = buttons(ui, errors, lang);
        });
    action
}

/// Shown where the page would chart categories when there are none yet.
pub fn empty_state(ui: &mut egui::Ui, lang: Lang) -> Option<Action> {
    let mut action = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(Text::NoCategoriesYet.get(lang));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(Text::StandardCategories.get(lang)).clicked() {
                action = Some(Action::AddStandard);
            }
            if ui
                .button(format!("＋ {}", Text::NewCategory.get(lang)))
                .clicked()
            {
                action = Some(Action::New);
            }
        });
        ui.weak(standard_names(lang).join(lang_sep(lang)));
    });
    action
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// The categories tab: every category with its plan for `year` by quarter, what it
/// spent, and its actions.
pub fn show(ui: &mut egui::Ui, cx: &mut Cx, year: i32) -> Option<Action> {
    let lang = cx.lang;
    let b = |k: Text| k.get(lang);
    let mut action = None;
    ui.horizontal(|ui| {
        ui.strong(format!("{} {year}", b(Text::YearPlan)));
        if ui.button(format!("＋ {}", b(Text::NewCategory))).clicked() {
            action = Some(Action::New);
        }
    });
    if cx.doc.ws().budget.categories.is_empty() {
        return empty_state(ui, lang).or(action);
    }
    let actual: HashMap<CategoryId, Money> = rows_for(cx, Period::year(year))
        .into_iter()
        .map(|r| (r.category, r.actual))
        .collect();
    let ws = &cx.doc.ws();
    // Plans per category: the year and its quarters, from the month plans.
    let mut plans: HashMap<CategoryId, (bool, Money, [Money; 4])> = HashMap::new();
    for l in ws.budget.lines.iter().filter(|l| l.year == year) {
        let e = plans.entry(l.category).or_default();
        e.0 = true;
        for m in 1..=12u32 {
            let p = l.month_plan(m);
            e.1 += p;
            e.2[((m - 1) / 3) as usize] += p;
        }
    }
    ui.add_space(4.0);
    let categories = &ws.budget.categories;
    // Each category's buttons stay at the right, in sight at 1024 px; the amounts
    // scroll sideways when they do not fit beside them.
    let buttons = |ui: &mut egui::Ui| {
        grid("budget_categories_buttons", 1).show(ui, |ui| {
            ui.label("");
            ui.end_row();
            for c in categories.iter() {
                if let Some(a) = category_buttons(ui, c, lang) {
                    action = Some(a);
                }
                ui.end_row();
            }
        });
    };
    crate::ui::widgets::table::wide_in_page_with_fixed_end(
        ui,
        "budget_categories_grid",
        lang,
        buttons,
        |ui| {
            grid("budget_categories_grid", 9).show(ui, |ui| {
                ui.strong(b(Text::Category));
                ui.strong(b(Text::Status));
                ui.strong(b(Text::YearPlan));
                for q in 1..=4 {
                    ui.strong(quarter_label(lang, q));
                }
                ui.strong(b(Text::Actual));
                ui.strong(b(Text::PctOfPlan));
                ui.end_row();
                let mut sum_plan = Money::ZERO;
                let mut sum_quarters = [Money::ZERO; 4];
                let mut sum_actual = Money::ZERO;
                for c in categories.iter() {
                    let (has_plan, plan, quarters) = plans.get(&c.id).copied().unwrap_or_default();
                    let spent = actual.get(&c.id).copied().unwrap_or_default();
                    sum_plan += plan;
                    for (t, q) in sum_quarters.iter_mut().zip(quarters) {
                        *t += q;
                    }
                    sum_actual += spent;
                    ui.horizontal(|ui| {
                        ui.colored_label(category_color(c.id), "■");
                        ui.label(&c.name);
                    });
                    if c.active {
                        ui.label(b(Text::InUseShort));
                    } else {
                        ui.weak(b(Text::Retired));
                    }
                    if has_plan {
                        ui.label(money(plan));
                    } else {
                        ui.weak(b(Text::NoPlanYet));
                    }
                    // Full amounts, as every other cell of this table (one format per table).
                    for q in quarters {
                        ui.label(money(q));
                    }
                    ui.label(money(spent));
                    ui.label(crate::ui::format::percent(crate::analytics::ratio(
                        spent.0 as f64,
                        plan.0 as f64,
                    )));
                    ui.end_row();
                }
                ui.strong(T::Total.get(lang));
                ui.label("");
                ui.strong(money(sum_plan));
                for q in sum_quarters {
                    ui.strong(money(q));
                }
                ui.strong(money(sum_actual));
                ui.label(crate::ui::format::percent(crate::analytics::ratio(
                    sum_actual.0 as f64,
                    sum_plan.0 as f64,
                )));
                ui.end_row();
            });
        },
    );
    action
}

/// The categories table's grids (the amounts, and the buttons beside them): alike, so
/// their rows line up.
fn grid(id: &str, columns: usize) -> egui::Grid {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(columns)
        .spacing([14.0, 6.0])
}

/// A category's Edit, Edit plan, Retire (or Reactivate) and Delete, side by side.
fn category_buttons(ui: &mut egui::Ui, c: &BudgetCategory, lang: Lang) -> Option<Action> {
    let b = |k: Text| k.get(lang);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.small_button(T::Edit.get(lang)).clicked() {
            action = Some(Action::Edit(c.id));
        }
        if ui.small_button(b(Text::EditPlan)).clicked() {
            action = Some(Action::Plan(c.id));
        }
        let toggle = if c.active {
            Text::Retire
        } else {
            Text::Reactivate
        };
        if ui.small_button(b(toggle)).clicked() {
            action = Some(Action::ToggleActive(c.id));
        }
        if ui.small_button(T::Delete.get(lang)).clicked() {
            action = Some(Action::Delete(c.id));
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn ws_with(names: &[&str]) -> Workspace {
        let mut ws = Workspace::default();
        let b = Arc::make_mut(&mut ws.budget);
        for (i, n) in names.iter().enumerate() {
            b.categories.put(BudgetCategory {
                id: CategoryId(i as u64 + 1),
                name: (*n).into(),
                active: true,
            });
        }
        ws.repair_tables();
        ws
    }

    #[test]
    fn the_standard_set_is_one_undoable_step_and_skips_names_already_there() {
        let mut doc = Document::new(ws_with(&["培训"]));
        let change = standard_change(doc.ws(), Lang::Zh).unwrap();
        doc.apply(change, "std").unwrap();
        assert_eq!(doc.ws().budget.categories.len(), 7);
        assert!(standard_change(doc.ws(), Lang::Zh).is_none());
        doc.undo();
        assert_eq!(doc.ws().budget.categories.len(), 1);
        let en = standard_change(&Workspace::default(), Lang::En).unwrap();
        let Change::Batch(puts) = en else {
            panic!("a batch")
        };
        assert_eq!(puts.len(), 7);
    }

    #[test]
    fn category_names_must_be_given_and_unique() {
        let ws = ws_with(&["Travel"]);
        let d = CategoryDraft::default();
        assert_eq!(
            d.build(&ws).unwrap_err().get("name"),
            Some(&Problem::Required)
        );
        let d = CategoryDraft {
            name: " travel ".into(),
            ..CategoryDraft::default()
        };
        assert_eq!(
            d.build(&ws).unwrap_err().get("name"),
            Some(&Problem::Duplicate)
        );
        // Renaming a category to its own name (another case) is fine.
        let d = CategoryDraft {
            id: CategoryId(1),
            name: "TRAVEL".into(),
            active: false,
        };
        assert_eq!(d.build(&ws).unwrap().name, "TRAVEL");
    }

    #[test]
    fn a_plan_is_validated_per_field_and_one_per_category_and_year() {
        let mut ws = ws_with(&["Travel", "Tools"]);
        let mut d = PlanDraft::for_category(&ws, CategoryId(1), 2026);
        assert_eq!(d.id, BudgetLineId(0));
        d.planned = "-1".into();
        d.year = "20x6".into();
        let e = d.build(&ws).unwrap_err();
        assert_eq!(e.get("planned"), Some(&Problem::Negative));
        assert_eq!(e.get("year"), Some(&Problem::NotANumber));
        d.planned = "12,000".into();
        d.year = "2026".into();
        let line = d.build(&ws).unwrap();
        assert_eq!(line.planned, Money::from_major(12_000));
        assert_eq!(line.monthly, None);
        Arc::make_mut(&mut ws.budget).lines.put(BudgetLine {
            id: BudgetLineId(1),
            ..line
        });
        // A second plan for the same category and year is refused; editing the first is not.
        assert_eq!(
            d.build(&ws).unwrap_err().get("plan"),
            Some(&Problem::Duplicate)
        );
        let mut again = PlanDraft::for_category(&ws, CategoryId(1), 2026);
        assert_eq!(again.id, BudgetLineId(1));
        // By month: the months are spread from the year and the year is their sum.
        again.by_month = true;
        again.spread_months();
        assert_eq!(again.months[0], "1000");
        again.months[2] = "abc".into();
        assert_eq!(
            again.build(&ws).unwrap_err().get("month3"),
            Some(&Problem::NotANumber)
        );
        again.months[2] = "3000".into();
        again.months[11] = String::new();
        let l = again.build(&ws).unwrap();
        assert_eq!(l.planned, Money::from_major(1_000 * 10 + 3_000));
        assert_eq!(l.month_plan(3), Money::from_major(3_000));
        assert_eq!(l.month_plan(12), Money::ZERO);
    }
}
