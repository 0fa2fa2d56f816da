//! The Budget page (预算): budget per period (year, quarter, month), the two allocation
//! pies, the expense list, plan vs actual with variance and burn, cost control in words,
//! the year-end forecast, and the categories with their yearly plans.
//!
//! Every figure comes from `analytics::budget` through the revision-keyed cache, so the
//! same functions drive this page and the Dashboard's alerts.

pub mod analysis;
pub mod by_source;
pub mod categories;
pub mod expenses;

use super::Cx;
use super::charts_pie::{self, PieGeometry, Slice};
use super::format::{money, money_short, percent};
use super::widgets::confirm::{Answer, confirm_delete};
use crate::analytics::{BudgetAlert, CategoryBudget, budget_alerts, budget_by_category};
use crate::i18n::{Lang, T};
use crate::model::*;
use categories::{CategoryDraft, PlanDraft};
use chrono::Datelike;
use expenses::{ExpenseDraft, ExpenseList};

crate::texts! {
    /// The Budget page's words.
    pub enum Text {
        Year => "年度", "Year";
        Period => "期间", "Period";
        FullYear => "全年", "Full year";
        NewExpense => "记录支出", "New expense";
        EditExpense => "编辑支出", "Edit expense";
        TabAllocation => "分配与支出", "Allocation & expenses";
        TabPlanActual => "计划与执行", "Plan vs actual";
        TabCategories => "类别与计划", "Categories & plans";
        PlannedPie => "计划分配", "Planned allocation";
        ActualPie => "实际支出", "Actual spend";
        NoPlan => "本期没有计划金额", "No plan for this period";
        NoSpend => "本期还没有支出", "Nothing spent in this period";
        Alerts => "预算提醒", "Budget alerts";
        Category => "类别", "Category";
        Payee => "收款方", "Payee";
        Note => "说明", "Note";
        Link => "关联", "Linked to";
        AmountYuan => "金额（元）", "Amount (¥)";
        From => "从", "From";
        To => "到", "To";
        ClearFilters => "清除筛选", "Clear filters";
        AllCategories => "全部类别", "All categories";
        FilterCategory => "筛选类别", "Filter by category";
        SearchExpenses => "搜索支出", "Search expenses";
        ExpenseAdded => "已记录支出", "Expense added";
        ExpenseSaved => "已保存支出", "Expense saved";
        ExpenseDeleted => "已删除支出", "Expense deleted";
        DeleteExpenseQ => "删除这笔支出？", "Delete this expense?";
        Planned => "计划", "Planned";
        Actual => "实际", "Actual";
        Variance => "差异", "Variance";
        PctOfPlan => "占计划", "Of plan";
        Status => "状态", "Status";
        StatusOk => "正常", "On track";
        StatusWarning => "接近上限", "Near the limit";
        StatusOver => "超支", "Over plan";
        PlanVsActual => "计划与实际（按类别）", "Plan vs actual by category";
        Burn => "月度累计支出与计划", "Monthly burn: cumulative spend vs plan";
        CumPlan => "计划（累计）", "Plan (cumulative)";
        CumActual => "实际（累计）", "Actual (cumulative)";
        ForecastLine => "按当前速度预测", "Forecast at the current rate";
        CostControl => "成本控制", "Cost control";
        BiggestOverruns => "超支最多", "Biggest overruns";
        FastestGrowing => "增长最快（与上期相比）", "Fastest growing (against the previous period)";
        NoOverrun => "本期没有类别超出计划。", "No category is over plan in this period.";
        NoGrowth => "与上期相比，没有类别的支出增加。", "No category spends more than in the previous period.";
        YearEndForecast => "年末支出预测（按当前支出速度）", "Year-end spend forecast (at the current burn rate)";
        ToDate => "至今实际", "Spent to date";
        Forecast => "预测全年", "Forecast";
        VsPlan => "预测与计划之差", "Forecast vs plan";
        HeadingOver => "预计超支：", "Heading over plan:";
        NothingToForecast => "该年度没有计划也没有支出。", "This year has no plan and no spending.";
        NewCategory => "新建类别", "New category";
        EditCategory => "编辑类别", "Edit category";
        CategoryName => "类别名称", "Category name";
        InUse => "启用（可用于新支出）", "In use (offered for new expenses)";
        Retired => "已停用", "Retired";
        InUseShort => "启用中", "In use";
        Retire => "停用", "Retire";
        Reactivate => "重新启用", "Reactivate";
        EditPlan => "编辑计划", "Edit plan";
        YearPlan => "年度计划", "Year plan";
        PlannedYuan => "年度计划金额（元）", "Plan for the year (¥)";
        ByMonth => "按月分配", "Split by month";
        EvenSplitHint => "不勾选时，年度计划按月平均分配。", "Unticked, the year's plan is split evenly over the months.";
        MonthSumHint => "年度计划为各月之和。", "The year's plan is the sum of the months.";
        StandardCategories => "添加标准类别", "Add the standard categories";
        NoCategoriesYet => "还没有预算类别。可一键添加常用类别，之后可改名、停用或删除。", "There are no budget categories yet. Add the usual ones in one click; you can rename, retire or delete them later.";
        CategoryAdded => "已添加类别", "Category added";
        CategorySaved => "已保存类别", "Category saved";
        CategoryDeleted => "已删除类别", "Category deleted";
        PlanSaved => "已保存计划", "Plan saved";
        StandardAdded => "已添加标准类别", "Standard categories added";
        ExpenseCount => "笔支出", "expenses";
        ClickSliceHint => "点击扇区或图例可按类别筛选下方的支出。", "Click a slice or a legend entry to filter the expenses below.";
        BurnScope => "范围：", "Showing:";
        RetiredSuffix => "（已停用）", " (retired)";
        PlanAlreadyThere => "该类别在这一年已有计划，请编辑原有计划。", "This category already has a plan for that year: edit that one.";
        NoPlanYet => "未设", "Not set";
        LinkNone => "（不关联）", "(not linked)";
    }
    fn {
        slice_hover(name, planned, actual, pct) => "{name}\n计划 {planned}\n实际 {actual}（为计划的 {pct}）", "{name}\nPlanned {planned}\nActual {actual} ({pct} of plan)";
        delete_category_q(name, lines, expenses) => "删除类别“{name}”？它的 {lines} 条年度计划和 {expenses} 笔支出也会一并删除。", "Delete the category “{name}”? Its {lines} yearly plans and {expenses} expenses go too.";
        over_plan(name, by, pct) => "▲ {name}：超出计划 {by}（为计划的 {pct}）", "▲ {name}: {by} over plan ({pct} of plan)";
        expense_total(expenses, total) => "{expenses}，合计 {total}", "{expenses}, total {total}";
    }
}

/// Which part of the year the page looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Year,
    Quarter(u32),
    Month(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Allocation,
    PlanVsActual,
    Categories,
}

/// What the right-hand panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
enum Side {
    #[default]
    Nothing,
    Expense(Box<ExpenseDraft>, Errors),
    Category(Box<CategoryDraft>, Errors),
    Plan(Box<PlanDraft>, Errors),
}

/// A deletion waiting for the user's yes.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Expense(ExpenseId),
    /// With the number of plans and expenses that go too (counted once, not per frame).
    Category {
        id: CategoryId,
        lines: usize,
        expenses: usize,
    },
}

/// Which pie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieKind {
    Planned,
    Actual,
}

#[derive(Default)]
pub struct BudgetPage {
    year: Option<i32>,
    pub view: View,
    pub tab: Tab,
    side: Side,
    confirm: Option<Pending>,
    pub list: ExpenseList,
    /// Years that have plans or expenses, by revision.
    years: Vec<i32>,
    years_rev: Option<u64>,
    pies: [Option<PieGeometry>; 2],
}

/// A category's colour, the same in every chart (by id, so it does not shift when
/// another category is added).
pub fn category_color(id: CategoryId) -> egui::Color32 {
    const PALETTE: [egui::Color32; 10] = [
        egui::Color32::from_rgb(0x3b, 0x82, 0xc4),
        egui::Color32::from_rgb(0xe0, 0x8a, 0x2c),
        egui::Color32::from_rgb(0x4c, 0xa8, 0x5a),
        egui::Color32::from_rgb(0xd1, 0x4b, 0x4b),
        egui::Color32::from_rgb(0x8e, 0x6b, 0xc4),
        egui::Color32::from_rgb(0x2a, 0xa5, 0xa5),
        egui::Color32::from_rgb(0x9a, 0x7b, 0x5a),
        egui::Color32::from_rgb(0xd9, 0x6b, 0xaf),
        egui::Color32::from_rgb(0x7a, 0x8c, 0x2e),
        egui::Color32::from_rgb(0x5e, 0x6f, 0x8a),
    ];
    PALETTE[(id.0.saturating_sub(1) % PALETTE.len() as u64) as usize]
}

pub fn quarter_label(lang: Lang, q: u32) -> String {
    crate::ui::format::quarter(lang, q)
}

pub fn month_label(lang: Lang, m: u32) -> String {
    crate::ui::format::month_short(lang, m)
}

impl View {
    pub fn period(self, year: i32) -> Period {
        match self {
            View::Year => Period::year(year),
            View::Quarter(q) => Period::quarter(year, q),
            View::Month(m) => Period::month(year, m),
        }
    }
    fn label(self, lang: Lang) -> String {
        match self {
            View::Year => Text::FullYear.get(lang).to_owned(),
            View::Quarter(q) => quarter_label(lang, q),
            View::Month(m) => month_label(lang, m),
        }
    }
}

/// Plan vs actual per category for `period`, from the shared cache.
pub fn rows_for(cx: &mut Cx, period: Period) -> Vec<CategoryBudget> {
    let ws = &cx.doc.ws();
    cx.cache
        .get_or_compute(cx.doc.revision(), "budget_by_category", period, || {
            budget_by_category(ws, period)
        })
        .clone()
}

/// The sentence of one alert.
pub fn alert_text(lang: Lang, name: &str, r: &CategoryBudget) -> String {
    let pct = percent(r.pct_of_plan);
    match (r.alert, lang) {
        (BudgetAlert::Over, Lang::Zh) if r.planned == Money::ZERO => {
            format!("{name}：没有计划却已支出 {}", money(r.actual))
        }
        (BudgetAlert::Over, Lang::En) if r.planned == Money::ZERO => {
            format!("{name}: {} spent without a plan", money(r.actual))
        }
        (BudgetAlert::Over, Lang::Zh) => format!(
            "{name}：已超出本期计划 {}（为计划的 {pct}）",
            money(r.variance)
        ),
        (BudgetAlert::Over, Lang::En) => {
            format!("{name}: {} over plan ({pct} of plan)", money(r.variance))
        }
        (_, Lang::Zh) => format!("{name}：已用本期计划的 {pct}，接近上限"),
        (_, Lang::En) => format!("{name}: {pct} of plan used, near the limit"),
    }
}

impl BudgetPage {
    /// Opens the page on a category (as a filter) or an expense (in the form).
    /// Opens a category or an expense; false for a record the page does not show.
    pub fn focus_record(&mut self, key: RecordKey, ws: &Workspace) -> bool {
        match key {
            RecordKey::BudgetCategory(id) => {
                self.tab = Tab::Allocation;
                self.list.set_category(Some(id));
                true
            }
            RecordKey::BudgetLine(id) => match ws.budget.lines.get(id) {
                Some(l) => self.focus_record(RecordKey::BudgetCategory(l.category), ws),
                None => false,
            },
            RecordKey::Expense(id) => match ws.budget.expenses.get(id) {
                Some(x) => {
                    self.side =
                        Side::Expense(Box::new(ExpenseDraft::from_expense(x)), Errors::new());
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    /// Shows the year, quarter or month of `p` (a budget alert names its period).
    pub fn show_period(&mut self, p: Period) {
        use chrono::Datelike;
        let year = p.start.year();
        let month = p.start.month();
        self.year = Some(year);
        self.view = [View::Month(month), View::Quarter((month - 1) / 3 + 1)]
            .into_iter()
            .find(|v| v.period(year) == p)
            .unwrap_or(View::Year);
    }

    /// The year shown (today's until the user picks another).
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    pub fn period(&self, today: chrono::NaiveDate) -> Period {
        self.view.period(self.year.unwrap_or(today.year()))
    }

    /// Where a pie's slice was drawn last frame (for pointer tests and the tour).
    pub fn pie_geometry(&self, kind: PieKind) -> Option<&PieGeometry> {
        self.pies[kind as usize].as_ref()
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let year = *self.year.get_or_insert(cx.today.year());
        self.refresh_years(cx, year);
        let period = self.view.period(year);
        self.list.follow_period(period);
        if self.side != Side::Nothing {
            let shown = super::widgets::side::right(
                ui,
                "budget_side",
                // Every panel here holds a form: never narrower than a form row whole
                // (label, 280 px field, its button), also from a width remembered at 400.
                super::widgets::side::FORM_PANEL_WIDTH,
                super::widgets::side::FORM_PANEL_WIDTH,
                false,
                cx.lang,
                |ui| self.side_panel(ui, cx),
            );
            if shown.closed {
                self.side = Side::Nothing;
            }
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.header(ui, cx);
            let rows = rows_for(cx, period);
            self.alerts(ui, cx, &rows);
            self.tabs(ui, cx);
            ui.add_space(4.0);
            match self.tab {
                Tab::Allocation => self.allocation(ui, cx, &rows),
                Tab::PlanVsActual => {
                    let pick = egui::ScrollArea::both()
                        .id_salt("budget_analysis")
                        .show(ui, |ui| {
                            analysis::show(ui, cx, year, period, &rows, self.list.category)
                        })
                        .inner;
                    if let Some(c) = pick {
                        self.list.toggle_category(c);
                    }
                }
                Tab::Categories => {
                    let action = egui::ScrollArea::both()
                        .id_salt("budget_categories")
                        .show(ui, |ui| categories::show(ui, cx, year))
                        .inner;
                    self.category_action(action, cx, year);
                }
            }
        });
        self.dialogs(ui.ctx(), cx);
    }

    fn refresh_years(&mut self, cx: &Cx, year: i32) {
        let rev = cx.doc.revision();
        if self.years_rev != Some(rev) {
            let b = &cx.doc.ws().budget;
            let mut ys: std::collections::BTreeSet<i32> = b.lines.iter().map(|l| l.year).collect();
            ys.extend(b.expenses.iter().map(|x| x.date.year()));
            ys.insert(cx.today.year());
            ys.insert(cx.today.year() + 1);
            self.years = ys.into_iter().collect();
            self.years_rev = Some(rev);
        }
        if !self.years.contains(&year) {
            self.years.push(year);
            self.years.sort_unstable();
        }
    }

    fn header(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.heading(cx.t(T::Budget));
            ui.add_space(12.0);
            let l = ui.label(Text::Year.get(lang));
            let mut year = self.year.unwrap_or(cx.today.year());
            egui::ComboBox::from_id_salt("budget_year")
                .selected_text(year.to_string())
                .width(80.0)
                .show_ui(ui, |ui| {
                    for y in &self.years {
                        ui.selectable_value(&mut year, *y, y.to_string());
                    }
                })
                .response
                .labelled_by(l.id);
            self.year = Some(year);
            let l = ui.label(Text::Period.get(lang));
            let mut view = self.view;
            egui::ComboBox::from_id_salt("budget_view")
                .selected_text(view.label(lang))
                .width(110.0)
                .show_ui(ui, |ui| {
                    let all = std::iter::once(View::Year)
                        .chain((1..=4).map(View::Quarter))
                        .chain((1..=12).map(View::Month));
                    for v in all {
                        ui.selectable_value(&mut view, v, v.label(lang));
                    }
                })
                .response
                .labelled_by(l.id);
            self.view = view;
            ui.add_space(12.0);
            let has_categories = !cx.doc.ws().budget.categories.is_empty();
            if ui
                .add_enabled(
                    has_categories,
                    egui::Button::new(format!("＋ {}", Text::NewExpense.get(lang))),
                )
                .clicked()
            {
                self.side = Side::Expense(
                    Box::new(ExpenseDraft::new(cx.today, self.list.category, cx.doc.ws())),
                    Errors::new(),
                );
            }
        });
    }

    fn alerts(&mut self, ui: &mut egui::Ui, cx: &mut Cx, rows: &[CategoryBudget]) {
        // The same function the Dashboard calls.
        let alerts = budget_alerts(rows);
        if alerts.is_empty() {
            return;
        }
        let lang = cx.lang;
        let mut pick = None;
        egui::Frame::new()
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.10))
            .inner_margin(6.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(Text::Alerts.get(lang));
                    for r in &alerts {
                        let name = cx.doc.ws().category_name(r.category);
                        let (mark, color) = match r.alert {
                            BudgetAlert::Over => ("▲", ui.visuals().error_fg_color),
                            _ => ("●", ui.visuals().warn_fg_color),
                        };
                        let text =
                            egui::RichText::new(format!("{mark} {}", alert_text(lang, name, r)))
                                .color(color);
                        if ui.add(egui::Button::new(text).frame(false)).clicked() {
                            pick = Some(r.category);
                        }
                    }
                });
            });
        ui.add_space(4.0);
        if let Some(c) = pick {
            self.tab = Tab::Allocation;
            self.list.set_category(Some(c));
        }
    }

    fn tabs(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        ui.horizontal(|ui| {
            for (tab, label) in [
                (Tab::Allocation, Text::TabAllocation),
                (Tab::PlanVsActual, Text::TabPlanActual),
                (Tab::Categories, Text::TabCategories),
            ] {
                ui.selectable_value(&mut self.tab, tab, label.get(cx.lang));
            }
        });
        ui.separator();
    }

    /// The two pies side by side, then the expense list they filter.
    fn allocation(&mut self, ui: &mut egui::Ui, cx: &mut Cx, rows: &[CategoryBudget]) {
        let lang = cx.lang;
        if cx.doc.ws().budget.categories.is_empty() {
            if let Some(a) = categories::empty_state(ui, lang) {
                self.category_action(Some(a), cx, self.year.unwrap_or(cx.today.year()));
            }
            return;
        }
        let ws = &cx.doc.ws();
        let slices = |f: fn(&CategoryBudget) -> Money| -> Vec<Slice> {
            rows.iter()
                .map(|r| {
                    let name = ws.category_name(r.category).to_owned();
                    let amount = f(r);
                    let hover = Text::slice_hover(
                        lang,
                        &name,
                        money(r.planned),
                        money(r.actual),
                        percent(r.pct_of_plan),
                    );
                    Slice {
                        key: r.category.0,
                        name,
                        amount: amount.0,
                        color: category_color(r.category),
                        hover,
                    }
                })
                .collect()
        };
        let planned = slices(|r| r.planned);
        let actual = slices(|r| r.actual);
        let total_plan: Money = rows.iter().map(|r| r.planned).sum();
        let total_actual: Money = rows.iter().map(|r| r.actual).sum();
        let selected = self.list.category.map(|c| c.0);
        let width = ((ui.available_width() - 16.0) / 2.0).max(200.0);
        // The pie takes a square as tall as the area; the legend gets ~200 px beside it.
        let height = (width - 200.0).clamp(160.0, 260.0);
        let plot_width = (height + 210.0).min(width);
        let mut clicked = None;
        ui.horizontal_top(|ui| {
            for (i, (kind, title, slices, total, empty)) in [
                (
                    PieKind::Planned,
                    Text::PlannedPie,
                    &planned,
                    total_plan,
                    Text::NoPlan,
                ),
                (
                    PieKind::Actual,
                    Text::ActualPie,
                    &actual,
                    total_actual,
                    Text::NoSpend,
                ),
            ]
            .into_iter()
            .enumerate()
            {
                if i > 0 {
                    ui.add_space(8.0);
                }
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.horizontal(|ui| {
                        ui.strong(title.get(lang));
                        ui.label(format!("{} {}", cx.t(T::Total), money_short(total, lang)))
                            .on_hover_text(money(total));
                    });
                    let salt = match kind {
                        PieKind::Planned => "budget_pie_planned",
                        PieKind::Actual => "budget_pie_actual",
                    };
                    let r = charts_pie::pie(
                        ui,
                        salt,
                        slices,
                        selected,
                        egui::vec2(plot_width, height),
                        empty.get(lang),
                    );
                    let area = *r.geometry.transform.frame();
                    crate::ui::chart_png::save_button_at(
                        ui,
                        area,
                        title.get(lang),
                        lang,
                        egui::Align2::RIGHT_BOTTOM,
                    );
                    if r.clicked.is_some() {
                        clicked = r.clicked;
                    }
                    self.pies[kind as usize] = Some(r.geometry);
                });
            }
        });
        if let Some(key) = clicked {
            self.list.toggle_category(CategoryId(key));
        }
        ui.weak(Text::ClickSliceHint.get(lang));
        ui.separator();
        if let Some(id) = self.list.show(ui, cx, self.selected_expense())
            && let Some(x) = cx.doc.ws().budget.expenses.get(id)
        {
            self.side = Side::Expense(Box::new(ExpenseDraft::from_expense(x)), Errors::new());
        }
    }

    fn selected_expense(&self) -> Option<ExpenseId> {
        match &self.side {
            Side::Expense(d, _) if d.id.0 != 0 => Some(d.id),
            _ => None,
        }
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        match &mut self.side {
            Side::Nothing => {}
            Side::Expense(draft, errors) => {
                match expenses::form(ui, draft, errors, cx.doc.ws(), lang) {
                    expenses::FormAction::None => {}
                    expenses::FormAction::Cancel => self.side = Side::Nothing,
                    expenses::FormAction::Delete => {
                        if draft.id.0 != 0 {
                            self.confirm = Some(Pending::Expense(draft.id));
                        }
                    }
                    expenses::FormAction::Save => {
                        let is_new = draft.id.0 == 0;
                        let result = draft.build().and_then(|x| {
                            let label = expenses::undo_label(lang, is_new, &x, cx.doc.ws());
                            cx.apply(Change::put(Record::Expense(x)), label)
                        });
                        match result {
                            Ok(_) => {
                                cx.toasts.info(if is_new {
                                    Text::ExpenseAdded.get(lang)
                                } else {
                                    Text::ExpenseSaved.get(lang)
                                });
                                self.side = Side::Nothing;
                            }
                            Err(e) => *errors = e,
                        }
                    }
                }
            }
            Side::Category(draft, errors) => {
                match categories::category_form(ui, draft, errors, lang) {
                    categories::FormAction::None => {}
                    categories::FormAction::Cancel => self.side = Side::Nothing,
                    categories::FormAction::Save => {
                        let is_new = draft.id.0 == 0;
                        let result = draft.build(cx.doc.ws()).and_then(|c| {
                            let label = format!(
                                "{} {}",
                                if is_new {
                                    Text::NewCategory.get(lang)
                                } else {
                                    Text::EditCategory.get(lang)
                                },
                                c.name
                            );
                            cx.apply(Change::put(Record::BudgetCategory(c)), label)
                        });
                        match result {
                            Ok(_) => {
                                cx.toasts.info(if is_new {
                                    Text::CategoryAdded.get(lang)
                                } else {
                                    Text::CategorySaved.get(lang)
                                });
                                self.side = Side::Nothing;
                            }
                            Err(e) => *errors = e,
                        }
                    }
                }
            }
            Side::Plan(draft, errors) => {
                match categories::plan_form(ui, draft, errors, cx.doc.ws(), lang) {
                    categories::FormAction::None => {}
                    categories::FormAction::Cancel => self.side = Side::Nothing,
                    categories::FormAction::Save => {
                        let result = draft.build(cx.doc.ws()).and_then(|l| {
                            let label = format!(
                                "{} {} {}",
                                Text::EditPlan.get(lang),
                                cx.doc.ws().category_name(l.category),
                                l.year
                            );
                            cx.apply(Change::put(Record::BudgetLine(l)), label)
                        });
                        match result {
                            Ok(_) => {
                                cx.toasts.info(Text::PlanSaved.get(lang));
                                self.side = Side::Nothing;
                            }
                            Err(e) => *errors = e,
                        }
                    }
                }
            }
        }
    }

    fn category_action(&mut self, action: Option<categories::Action>, cx: &mut Cx, year: i32) {
        use categories::Action;
        let lang = cx.lang;
        let Some(action) = action else {
            return;
        };
        match action {
            Action::New => self.side = Side::Category(Box::default(), Errors::new()),
            Action::Edit(id) => {
                if let Some(c) = cx.doc.ws().budget.categories.get(id) {
                    self.side =
                        Side::Category(Box::new(CategoryDraft::from_category(c)), Errors::new());
                }
            }
            Action::Plan(id) => {
                self.side = Side::Plan(
                    Box::new(PlanDraft::for_category(cx.doc.ws(), id, year)),
                    Errors::new(),
                );
            }
            Action::ToggleActive(id) => {
                if let Some(c) = cx.doc.ws().budget.categories.get(id) {
                    let mut c = c.clone();
                    c.active = !c.active;
                    let verb = if c.active {
                        Text::Reactivate
                    } else {
                        Text::Retire
                    };
                    let label = format!("{} {}", verb.get(lang), c.name);
                    let _ = cx.apply_and_report(
                        Change::put(Record::BudgetCategory(c)),
                        label.clone(),
                        label,
                    );
                }
            }
            Action::Delete(id) => {
                let deps = cx.doc.ws().dependents(RecordKey::BudgetCategory(id));
                let lines = deps
                    .iter()
                    .filter(|d| d.kind() == RecordKind::BudgetLine)
                    .count();
                self.confirm = Some(Pending::Category {
                    id,
                    lines,
                    expenses: deps.len() - lines,
                });
            }
            Action::AddStandard => {
                if let Some(change) = categories::standard_change(cx.doc.ws(), lang) {
                    let _ = cx.apply_and_report(
                        change,
                        Text::StandardCategories.get(lang),
                        Text::StandardAdded.get(lang),
                    );
                }
            }
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let lang = cx.lang;
        let ws = &cx.doc.ws();
        let (message, key, label, done) = match pending {
            Pending::Expense(id) => {
                let Some(x) = ws.budget.expenses.get(id) else {
                    self.confirm = None;
                    return;
                };
                let what = format!(
                    "{} {} {} {}",
                    x.date,
                    ws.category_name(x.category),
                    money(x.amount),
                    x.payee
                );
                (
                    format!(
                        "{}\n{what}\n{}",
                        Text::DeleteExpenseQ.get(lang),
                        T::DeleteCannotBeUndoneHint.get(lang)
                    ),
                    RecordKey::Expense(id),
                    expenses::delete_label(lang, x, ws),
                    Text::ExpenseDeleted,
                )
            }
            Pending::Category {
                id,
                lines,
                expenses,
            } => {
                let name = ws.category_name(id).to_owned();
                let q = Text::delete_category_q(lang, &name, lines, expenses);
                (
                    format!("{q}\n{}", T::DeleteCannotBeUndoneHint.get(lang)),
                    RecordKey::BudgetCategory(id),
                    format!("{} {name}", T::Delete.get(lang)),
                    Text::CategoryDeleted,
                )
            }
        };
        match confirm_delete(ctx, "budget_confirm_delete", &message, lang) {
            Answer::Pending => {}
            Answer::No => self.confirm = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(key);
                let _ = cx.apply_and_report(change, label, done.get(lang));
                self.confirm = None;
                if let RecordKey::BudgetCategory(id) = key
                    && self.list.category == Some(id)
                {
                    self.list.set_category(None);
                }
                self.side = Side::Nothing;
            }
        }
    }
}

impl crate::ui::PageView for BudgetPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Budget;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn new_record(&mut self, cx: &mut crate::ui::Cx) {
        // An expense needs a category to go to; the button says so by being disabled.
        if !cx.doc.ws().budget.categories.is_empty() {
            self.side = Side::Expense(
                Box::new(ExpenseDraft::new(cx.today, self.list.category, cx.doc.ws())),
                Errors::new(),
            );
        }
    }
    fn focus(&mut self, route: &crate::ui::Route, ws: &crate::model::Workspace) -> bool {
        if let Some(p) = route.period {
            self.show_period(p);
        }
        match route.record {
            Some(k) => self.focus_record(k, ws),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_budget_text_is_translated() {
        for t in Text::ALL {
            assert!(
                !t.get(Lang::Zh).is_empty() && !t.get(Lang::En).is_empty(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn views_map_to_periods() {
        assert_eq!(View::Year.period(2026), Period::year(2026));
        assert_eq!(View::Quarter(2).period(2026), Period::quarter(2026, 2));
        assert_eq!(View::Month(11).period(2026), Period::month(2026, 11));
        assert_eq!(month_label(Lang::En, 12), "Dec");
        assert_eq!(month_label(Lang::Zh, 3), "3月");
    }

    #[test]
    fn alerts_read_in_both_languages() {
        let over = CategoryBudget {
            category: CategoryId(1),
            planned: Money::from_major(1_000),
            actual: Money::from_major(1_200),
            variance: Money::from_major(200),
            pct_of_plan: Some(1.2),
            alert: BudgetAlert::Over,
        };
        assert_eq!(
            alert_text(Lang::Zh, "差旅", &over),
            "差旅：已超出本期计划 ¥200.00（为计划的 120.0%）"
        );
        assert_eq!(
            alert_text(Lang::En, "Travel", &over),
            "Travel: ¥200.00 over plan (120.0% of plan)"
        );
        let warn = CategoryBudget {
            actual: Money::from_major(950),
            variance: Money::from_major(-50),
            pct_of_plan: Some(0.95),
            alert: BudgetAlert::Warning,
            ..over
        };
        assert!(alert_text(Lang::En, "Travel", &warn).contains("95.0% of plan used"));
    }

    #[test]
    fn colours_are_stable_per_category() {
        assert_eq!(
            category_color(CategoryId(1)),
            category_color(CategoryId(11))
        );
        assert_ne!(category_color(CategoryId(1)), category_color(CategoryId(2)));
    }
}
