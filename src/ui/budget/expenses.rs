//! Expenses: the validated form (a draft of strings built into an `Expense`) and the
//! filtered, sortable, virtual-row list.

use super::{Text, category_color};
use crate::i18n::{Lang, T};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::{money, money_input};
use crate::ui::widgets::form;
use crate::ui::widgets::table::{Sort, matches, sort_header};
use chrono::NaiveDate;
use egui_extras::Column;

#[derive(Debug, Clone, PartialEq)]
pub struct ExpenseDraft {
    /// 0 for a new expense.
    pub id: ExpenseId,
    pub date: String,
    pub category: Option<CategoryId>,
    pub amount: String,
    pub payee: String,
    pub note: String,
    pub link: Option<SourceRef>,
}

impl ExpenseDraft {
    /// A new expense dated today, in `category` when that one is still in use.
    pub fn new(today: NaiveDate, category: Option<CategoryId>, ws: &Workspace) -> Self {
        let category = category.filter(|c| ws.budget.categories.get(*c).is_some_and(|c| c.active));
        ExpenseDraft {
            id: ExpenseId(0),
            date: today.to_string(),
            category,
            amount: String::new(),
            payee: String::new(),
            note: String::new(),
            link: None,
        }
    }

    pub fn from_expense(x: &Expense) -> Self {
        ExpenseDraft {
            id: x.id,
            date: x.date.to_string(),
            category: Some(x.category),
            amount: money_input(x.amount),
            payee: x.payee.clone(),
            note: x.note.clone(),
            link: x.link,
        }
    }

    /// Parses and validates; every problem is reported at its field.
    pub fn build(&self) -> Result<Expense, Errors> {
        let mut e = Errors::new();
        let date = form::parse_into(&mut e, "date", parse_date(&self.date));
        let amount = form::parse_into(&mut e, "amount", parse_money(&self.amount));
        if self.category.is_none() {
            e.add("category", Problem::Required);
        }
        let x = Expense {
            id: self.id,
            date: date.unwrap_or_default(),
            category: self.category.unwrap_or_default(),
            // A zero placeholder would read "required" again; keep the parse error only.
            amount: amount.unwrap_or(Money(1)),
            payee: self.payee.trim().to_owned(),
            note: self.note.trim_end().to_owned(),
            link: self.link,
        };
        for fe in x.validate().0 {
            e.add(fe.field, fe.problem);
        }
        e.into_result().map(|_| x)
    }
}

/// The words for what an expense is linked to.
pub use crate::ui::sources::source_label as link_name;

pub fn undo_label(lang: Lang, is_new: bool, x: &Expense, ws: &Workspace) -> String {
    let verb = match (lang, is_new) {
        (Lang::Zh, true) => "记录支出",
        (Lang::Zh, false) => "编辑支出",
        (Lang::En, true) => "Add expense",
        (Lang::En, false) => "Edit expense",
    };
    format!(
        "{verb} {} {}",
        money(x.amount),
        ws.category_name(x.category)
    )
}

pub fn delete_label(lang: Lang, x: &Expense, ws: &Workspace) -> String {
    let verb = match lang {
        Lang::Zh => "删除支出",
        Lang::En => "Delete expense",
    };
    format!(
        "{verb} {} {}",
        money(x.amount),
        ws.category_name(x.category)
    )
}

pub enum FormAction {
    None,
    Save,
    Cancel,
    Delete,
}

pub fn form(
    ui: &mut egui::Ui,
    draft: &mut ExpenseDraft,
    errors: &Errors,
    ws: &Workspace,
    lang: Lang,
) -> FormAction {
    let t = |k: T| k.get(lang);
    let b = |k: Text| k.get(lang);
    ui.heading(if draft.id.0 == 0 {
        b(Text::NewExpense)
    } else {
        b(Text::EditExpense)
    });
    ui.add_space(6.0);
    // Categories in use; a retired one only when this expense already has it.
    let categories: Vec<(CategoryId, String)> = ws
        .budget
        .categories
        .iter()
        .filter(|c| c.active || Some(c.id) == draft.category)
        .map(|c| {
            let mut n = c.name.clone();
            if !c.active {
                n.push_str(b(Text::RetiredSuffix));
            }
            (c.id, n)
        })
        .collect();
    let links = crate::ui::sources::source_options(ws, draft.link, lang);
    let mut action = FormAction::None;
    egui::ScrollArea::vertical()
        .id_salt("expense_form")
        .show(ui, |ui| {
            form::grid(ui, "expense_form", |ui| {
                form::date(ui, t(T::Date), &mut draft.date, "date", errors, lang);
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
                form::text(
                    ui,
                    b(Text::AmountYuan),
                    &mut draft.amount,
                    "amount",
                    errors,
                    lang,
                );
                form::text(ui, b(Text::Payee), &mut draft.payee, "payee", errors, lang);
                form::pick(
                    ui,
                    b(Text::Link),
                    &mut draft.link,
                    &links,
                    Some(b(Text::LinkNone)),
                    "link",
                    errors,
                    lang,
                );
                form::multiline(ui, b(Text::Note), &mut draft.note, "note", errors, lang);
            });
            ui.add_space(8.0);
            form::fix_line(ui, errors, lang);
            ui.horizontal(|ui| {
                if crate::ui::widgets::keys::save_button(ui, t(T::Save)) {
                    action = FormAction::Save;
                }
                if crate::ui::widgets::keys::cancel_button(ui, t(T::Cancel)) {
                    action = FormAction::Cancel;
                }
                if draft.id.0 != 0 {
                    ui.add_space(24.0);
                    if ui.button(t(T::Delete)).clicked() {
                        action = FormAction::Delete;
                    }
                }
            });
        });
    action
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Col {
    #[default]
    Date,
    Category,
    Amount,
    Payee,
    Link,
}

/// What the list shows: all conditions must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub category: Option<CategoryId>,
    /// Lower-case, trimmed; matches payee, note, category and link names.
    pub query: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The expenses that pass `filter`, in `sort` order, and their total. One pass over
/// the expenses plus a sort: run it when the revision, filter or sort change, not per
/// frame.
pub fn filter_expenses(
    ws: &Workspace,
    filter: &Filter,
    sort: Sort<Col>,
    lang: Lang,
) -> (Vec<ExpenseId>, Money) {
    let b = &ws.budget;
    let q = filter.query.as_str();
    let link_text = |l: Option<SourceRef>| l.map(|l| link_name(ws, l, lang)).unwrap_or_default();
    let mut rows: Vec<&Expense> = b
        .expenses
        .iter()
        .filter(|x| filter.category.is_none_or(|c| x.category == c))
        .filter(|x| filter.from.is_none_or(|d| x.date >= d))
        .filter(|x| filter.to.is_none_or(|d| x.date <= d))
        .filter(|x| {
            q.is_empty()
                || matches(&x.payee, q)
                || matches(&x.note, q)
                || matches(ws.category_name(x.category), q)
                || (x.link.is_some() && matches(&link_text(x.link), q))
        })
        .collect();
    let total = rows.iter().map(|x| x.amount).sum();
    match sort.column {
        // Ties keep id order, so the list does not jump around.
        Col::Date => rows.sort_by_key(|x| (x.date, x.id)),
        Col::Amount => rows.sort_by_key(|x| (x.amount, x.id)),
        Col::Payee => rows.sort_by_cached_key(|x| (crate::hanzi::order_key(&x.payee), x.id)),
        Col::Category => rows.sort_by(|a, b| {
            ws.category_name(a.category)
                .cmp(ws.category_name(b.category))
                .then(a.id.cmp(&b.id))
        }),
        Col::Link => {
            let mut keyed: Vec<(String, &Expense)> =
                rows.into_iter().map(|x| (link_text(x.link), x)).collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
            rows = keyed.into_iter().map(|(_, x)| x).collect();
        }
    }
    if sort.descending {
        rows.reverse();
    }
    (rows.into_iter().map(|x| x.id).collect(), total)
}

/// The expense list's filters and its cached rows.
pub struct ExpenseList {
    pub category: Option<CategoryId>,
    pub query: String,
    pub from: String,
    pub to: String,
    pub sort: Sort<Col>,
    /// The period the date range was last set from.
    followed: Option<Period>,
    rows: Vec<ExpenseId>,
    total: Money,
    key: Option<(u64, Filter, Sort<Col>, Lang)>,
    /// The dates' problems as judged when the user last left a date field.
    date_errors: Errors,
}

impl Default for ExpenseList {
    fn default() -> Self {
        ExpenseList {
            category: None,
            query: String::new(),
            from: String::new(),
            to: String::new(),
            sort: Sort {
                column: Col::Date,
                descending: true,
            },
            followed: None,
            rows: Vec::new(),
            total: Money::ZERO,
            key: None,
            date_errors: Errors::new(),
        }
    }
}

impl ExpenseList {
    pub fn set_category(&mut self, c: Option<CategoryId>) {
        self.category = c;
    }

    /// Picks a category, or drops the filter when it is already picked.
    pub fn toggle_category(&mut self, c: CategoryId) {
        self.category = if self.category == Some(c) {
            None
        } else {
            Some(c)
        };
    }

    /// The date range follows the period picked at the top of the page.
    pub fn follow_period(&mut self, p: Period) {
        if self.followed != Some(p) {
            self.from = p.start.to_string();
            self.to = p.end.to_string();
            self.followed = Some(p);
        }
    }

    /// Drops the category and search filters and puts the dates back to the period the
    /// page shows: the list never says 2026 above every year's expenses.
    pub fn clear_filters(&mut self) {
        self.category = None;
        self.date_errors = Errors::new();
        self.query.clear();
        match self.followed {
            Some(p) => {
                self.from = p.start.to_string();
                self.to = p.end.to_string();
            }
            None => {
                self.from.clear();
                self.to.clear();
            }
        }
    }

    /// The expenses listed, in order (as of the last frame drawn).
    pub fn rows(&self) -> &[ExpenseId] {
        &self.rows
    }

    pub fn total(&self) -> Money {
        self.total
    }

    fn filter(&self) -> Filter {
        Filter {
            category: self.category,
            query: self.query.trim().to_lowercase(),
            from: parse_optional_date(&self.from).ok().flatten(),
            to: parse_optional_date(&self.to).ok().flatten(),
        }
    }

    fn refresh(&mut self, cx: &Cx) {
        let key = (cx.doc.revision(), self.filter(), self.sort, cx.lang);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let (rows, total) = filter_expenses(cx.doc.ws(), &key.1, self.sort, cx.lang);
        self.rows = rows;
        self.total = total;
        self.key = Some(key);
    }

    /// The date filters' messages (see [`form::judged`]), drawn under the filter row when
    /// `draw`; whether each date is still marked.
    fn date_lines(&self, ui: &mut egui::Ui, lang: Lang, draw: bool) -> [bool; 2] {
        [("from", &self.from), ("to", &self.to)].map(|(field, value)| {
            let msg = form::judged(ui, field, value, self.date_errors.get(field));
            if draw {
                let text =
                    |p: &Problem| format!("{}: {}", value.trim(), crate::i18n::problem(lang, p));
                form::message_line(ui, msg, text);
            }
            msg.shown().is_some()
        })
    }

    /// Draws the filters and the table; returns the expense clicked.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        cx: &mut Cx,
        selected: Option<ExpenseId>,
    ) -> Option<ExpenseId> {
        let lang = cx.lang;
        let b = |k: Text| k.get(lang);
        let ws = &cx.doc.ws();
        // A date is judged when the user leaves it (or picks one); its message goes as
        // soon as the date changes, its room kept until the next judgement.
        let red = self.date_lines(ui, lang, false);
        let mut judge = false;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(b(Text::FilterCategory));
            let current = self
                .category
                .map(|c| ws.category_name(c).to_owned())
                .unwrap_or_else(|| b(Text::AllCategories).to_owned());
            egui::ComboBox::from_id_salt("expense_filter_category")
                .selected_text(current)
                .width(130.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.category, None, b(Text::AllCategories));
                    for c in ws.budget.categories.iter() {
                        let mut n = c.name.clone();
                        if !c.active {
                            n.push_str(b(Text::RetiredSuffix));
                        }
                        ui.selectable_value(&mut self.category, Some(c.id), n);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(b(Text::SearchExpenses));
            ui.add(egui::TextEdit::singleline(&mut self.query).desired_width(140.0))
                .labelled_by(l.id);
            let dates = [(Text::From, &mut self.from), (Text::To, &mut self.to)];
            for ((label, value), red) in dates.into_iter().zip(red) {
                let l = ui.label(b(label));
                let mut edit = egui::TextEdit::singleline(value)
                    .desired_width(crate::ui::widgets::date::field_width(ui))
                    .hint_text(crate::ui::widgets::date::HINT);
                if red {
                    edit = edit.text_color(ui.visuals().error_fg_color);
                }
                let r = ui.add(edit).labelled_by(l.id);
                judge |= r.lost_focus();
                judge |= crate::ui::widgets::date::picker_button(ui, b(label), value, lang);
            }
            if ui.button(b(Text::ClearFilters)).clicked() {
                self.clear_filters();
            }
        });
        if judge {
            let mut errors = Errors::new();
            for (field, value) in [("from", &self.from), ("to", &self.to)] {
                if let Err(p) = parse_optional_date(value) {
                    errors.add(field, p);
                }
            }
            if !errors.is_empty() {
                crate::ui::widgets::keys::judged(ui);
            }
            self.date_errors = errors;
        }
        // Date messages under the filter row, as in a form.
        self.date_lines(ui, lang, true);
        self.refresh(cx);
        let n = self.rows.len();
        let expenses =
            crate::ui::counts::plural(lang, n, b(Text::ExpenseCount), "expense", "expenses");
        ui.horizontal(|ui| {
            ui.label(Text::expense_total(lang, expenses, money(self.total)));
            let ids = &self.rows;
            crate::ui::save_as::export_menu(ui, cx, RecordKind::Expense, n, || {
                ids.iter().map(|id| id.0).collect()
            });
        });
        let ws = &cx.doc.ws();
        if self.rows.is_empty() {
            ui.label(if ws.budget.expenses.is_empty() {
                T::NothingYet.get(lang)
            } else {
                T::NoMatch.get(lang)
            });
            return None;
        }
        let mut clicked = None;
        let sort = &mut self.sort;
        let rows = &self.rows;
        // Sideways with a solid bar when the columns do not fit (the smallest window cut
        // the notes at its edge); a long note ends in "…" and shows whole on hover.
        crate::ui::widgets::table::wide(ui, "expenses_table", lang, |ui| {
            crate::ui::widgets::table::row_picker(ui, "expenses_table")
                .column(Column::initial(92.0))
                .column(Column::initial(120.0).clip(true))
                .column(Column::initial(110.0))
                .column(Column::initial(140.0).clip(true))
                .column(Column::initial(170.0).clip(true))
                .column(Column::remainder().at_least(80.0).clip(true))
                .header(24.0, |mut h| {
                    h.col(|ui| sort_header(ui, T::Date.get(lang), Col::Date, sort));
                    h.col(|ui| sort_header(ui, b(Text::Category), Col::Category, sort));
                    h.col(|ui| sort_header(ui, T::Amount.get(lang), Col::Amount, sort));
                    h.col(|ui| sort_header(ui, b(Text::Payee), Col::Payee, sort));
                    h.col(|ui| sort_header(ui, b(Text::Link), Col::Link, sort));
                    h.col(|ui| {
                        ui.strong(b(Text::Note));
                    });
                })
                .body(|body| {
                    body.rows(22.0, rows.len(), |mut row| {
                        let id = rows[row.index()];
                        let Some(x) = ws.budget.expenses.get(id) else {
                            return;
                        };
                        row.set_selected(selected == Some(id));
                        row.col(|ui| {
                            ui.label(x.date.to_string());
                        });
                        row.col(|ui| {
                            ui.colored_label(category_color(x.category), "■");
                            ui.label(ws.category_name(x.category));
                        });
                        row.col(|ui| {
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    ui.label(money(x.amount));
                                },
                            );
                        });
                        row.col(|ui| {
                            ui.label(&x.payee);
                        });
                        row.col(|ui| {
                            if let Some(l) = x.link {
                                ui.label(link_name(ws, l, lang));
                            }
                        });
                        row.col(|ui| {
                            let first = x.note.lines().next().unwrap_or("");
                            let more = x.note.len() > first.len();
                            let label = egui::Label::new(first)
                                .truncate()
                                .show_tooltip_when_elided(!more);
                            let r = ui.add(label);
                            if more {
                                r.on_hover_text(&x.note);
                            }
                        });
                        if row.response().clicked() {
                            clicked = Some(id);
                        }
                    });
                });
        });
        clicked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ws() -> Workspace {
        let mut ws = Workspace::default();
        let b = Arc::make_mut(&mut ws.budget);
        for (id, name) in [(1, "差旅招待"), (2, "Training")] {
            b.categories.put(BudgetCategory {
                id: CategoryId(id),
                name: name.into(),
                active: true,
            });
        }
        let rows = [
            (1, "2026-01-05", 300, "航空公司", "机票"),
            (2, "2026-02-10", 100, "Acme Academy", "negotiation course"),
            (1, "2026-03-01", 200, "连锁酒店", "住宿"),
            (2, "2025-12-31", 50, "Books", ""),
        ];
        for (i, (cat, date, amount, payee, note)) in rows.into_iter().enumerate() {
            b.expenses.put(Expense {
                id: ExpenseId(i as u64 + 1),
                date: d(date),
                category: CategoryId(cat),
                amount: Money::from_major(amount),
                payee: payee.into(),
                note: note.into(),
                link: None,
            });
        }
        ws
    }

    fn by(column: Col, descending: bool) -> Sort<Col> {
        Sort { column, descending }
    }

    #[test]
    fn filters_combine_and_total_what_is_listed() {
        let ws = ws();
        let all = filter_expenses(&ws, &Filter::default(), by(Col::Date, false), Lang::Zh);
        assert_eq!(
            all.0,
            vec![ExpenseId(4), ExpenseId(1), ExpenseId(2), ExpenseId(3)]
        );
        assert_eq!(all.1, Money::from_major(650));
        let f = Filter {
            category: Some(CategoryId(1)),
            ..Filter::default()
        };
        let (rows, total) = filter_expenses(&ws, &f, by(Col::Amount, true), Lang::Zh);
        assert_eq!(rows, vec![ExpenseId(1), ExpenseId(3)]);
        assert_eq!(total, Money::from_major(500));
        let f = Filter {
            from: Some(d("2026-01-01")),
            to: Some(d("2026-02-28")),
            ..Filter::default()
        };
        assert_eq!(
            filter_expenses(&ws, &f, by(Col::Date, false), Lang::En).0,
            vec![ExpenseId(1), ExpenseId(2)]
        );
        // Text matches payee, note and category name, in any case.
        let q = |s: &str| Filter {
            query: s.to_lowercase(),
            ..Filter::default()
        };
        assert_eq!(
            filter_expenses(&ws, &q("ACME"), by(Col::Date, false), Lang::En).0,
            vec![ExpenseId(2)]
        );
        assert_eq!(
            filter_expenses(&ws, &q("住宿"), by(Col::Date, false), Lang::En).0,
            vec![ExpenseId(3)]
        );
        assert_eq!(
            filter_expenses(&ws, &q("training"), by(Col::Date, false), Lang::En)
                .0
                .len(),
            2
        );
        assert!(
            filter_expenses(&ws, &q("nothing like it"), by(Col::Date, false), Lang::En)
                .0
                .is_empty()
        );
    }

    #[test]
    fn a_draft_refuses_bad_input_at_each_field() {
        let mut dr = ExpenseDraft::new(d("2026-03-01"), None, &ws());
        dr.amount = "-5".into();
        dr.date = "2026-02-30".into();
        let e = dr.build().unwrap_err();
        assert_eq!(e.get("amount"), Some(&Problem::Negative));
        assert_eq!(e.get("date"), Some(&Problem::NotADate));
        assert_eq!(e.get("category"), Some(&Problem::Required));
        dr.amount = "twelve".into();
        assert_eq!(
            dr.build().unwrap_err().get("amount"),
            Some(&Problem::NotANumber)
        );
        dr.amount = "0".into();
        assert_eq!(
            dr.build().unwrap_err().get("amount"),
            Some(&Problem::Required)
        );
        dr.amount = "1,234.5".into();
        dr.date = "2026-03-02".into();
        dr.category = Some(CategoryId(2));
        let x = dr.build().unwrap();
        assert_eq!(x.amount, Money(123_450));
        assert_eq!(ExpenseDraft::from_expense(&x).build().unwrap(), x);
    }

    #[test]
    fn a_new_draft_does_not_preselect_a_retired_category() {
        let mut ws = ws();
        Arc::make_mut(&mut ws.budget)
            .categories
            .get_mut(CategoryId(2))
            .unwrap()
            .active = false;
        assert_eq!(
            ExpenseDraft::new(d("2026-01-01"), Some(CategoryId(2)), &ws).category,
            None
        );
        assert_eq!(
            ExpenseDraft::new(d("2026-01-01"), Some(CategoryId(1)), &ws).category,
            Some(CategoryId(1))
        );
    }
}
