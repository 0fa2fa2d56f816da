//! The Pipeline page (销售流程): the five-stage board plus won and lost, with drag and
//! drop between stages, a sortable list as the alternative view, the deal detail and
//! the deal form.
//!
//! Every figure comes from [`crate::analytics::pipeline`], cached by (revision, filter,
//! order): a frame draws only the visible cards of each column. Every move is one
//! undoable change (`Deal::move_to` on a copy, then `Change::put`), dated today and
//! written to the deal's stage history.

pub mod board;
pub mod detail;
pub mod form;
pub mod list;
pub mod won;

use super::widgets::confirm::{Answer, confirm_delete};
use super::widgets::table::Sort;
use super::{Cx, Page};
use crate::analytics::FilterChoices;
use crate::analytics::pipeline::{
    Board, CardOrder, ListColumn, PipelineFilter, board as build_board, deal_rows, pipeline_choices,
};
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::format::money_short;
use crate::ui::widgets::deal_filter::{Labels, deal_filter};
use crate::ui::widgets::form::{error_line, message as field_message};
use form::{DealDraft, FormAction};
use std::sync::Arc;

crate::texts! {
    pub enum Text {
        NewDeal => "新建商机", "New deal";
        EditDeal => "编辑商机", "Edit deal";
        DealTitle => "商机名称", "Deal title";
        Customer => "客户", "Customer";
        Rep => "销售代表", "Rep";
        Product => "产品", "Product";
        Stage => "阶段", "Stage";
        Board => "看板", "Board";
        List => "列表", "List";
        View => "视图", "View";
        Order => "卡片排序", "Card order";
        OrderAmount => "金额从高到低", "Largest amount first";
        OrderIdle => "最久未跟进", "Longest without activity";
        OrderClosing => "预计成交最近", "Closing soonest";
        OrderStageAge => "在阶段最久", "Longest in stage";
        CreatedFrom => "创建日期从", "Created from";
        CreatedTo => "至", "to";
        StaleOnly => "只看停滞商机", "Stale deals only";
        Find => "查找", "Find";
        FindHint => "商机或客户名称", "deal or customer name";
        ClearFilters => "清除筛选", "Clear filters";
        Total => "合计", "total";
        Weighted => "加权", "weighted";
        OpenWeighted => "在谈加权金额", "Open weighted";
        Stale => "停滞", "Stale";
        NextStep => "下一步", "Next step";
        NextStepDue => "下一步截止", "Next step due";
        ExpectedClose => "预计成交日期", "Expected close";
        OriginalClose => "最初预计", "Originally";
        Slips => "推迟次数", "Times slipped";
        Probability => "赢单概率", "Probability";
        ManualProbability => "手动概率（%）", "Manual probability (%)";
        ManualHint => "留空则用阶段默认", "Empty: the stage default";
        Manual => "手动", "manual";
        StageDefault => "阶段默认", "stage default";
        ClearOverride => "清除手动概率", "Clear manual probability";
        WeightedAmount => "加权金额", "Weighted amount";
        History => "阶段历程", "Stage history";
        LastActivity => "最近活动", "Last activity";
        DaysInStageH => "在阶段天数", "Days in stage";
        MoveTo => "移动到", "Move to";
        LostTitle => "标记为流失", "Mark as lost";
        LostReason => "流失原因", "Reason lost";
        LostOn => "流失日期", "Lost on";
        LostNote => "补充说明", "Note";
        MarkLost => "确认流失", "Mark lost";
        LostAsk => "请从列表中选择流失原因，原因会用于流失分析。", "Pick why the deal was lost from the list; the reasons feed the loss analysis.";
        DealAdded => "已添加商机", "Deal added";
        DealSaved => "已保存商机", "Deal saved";
        // Loyalty ledger lines written when a deal is won or its win taken back.
        DealDeleted => "已删除商机", "Deal deleted";
        DeleteDealQ => "删除此商机？", "Delete this deal?";
        TypeToSearch => "输入客户名称搜索", "Type a customer name";
        NoCustomerMatch => "没有匹配的客户", "No customer matches";
        NewCustomerEllipsis => "新建客户…", "New customer…";
        TypeCustomerFirst => "先输入客户名称", "Type the customer's name first";
        CustomerCreated => "已新建客户并选中", "Customer created and picked";
        Pick => "（请选择）", "(choose)";
        MoreMatches => "更多匹配，请继续输入", "more, keep typing";
        Empty => "（无）", "(none)";
        SelectHint => "点击卡片查看详情；把卡片拖到另一列即可推进阶段。", "Click a card to see it; drag it to another column to move the deal.";
        OpenCustomer => "查看客户", "Open customer";
        Overdue => "已逾期", "overdue";
        Move => "移动", "Move";
        FilterHidden => "当前筛选隐藏了此商机，已清除筛选。", "The filter hid this deal, so it was cleared.";
    }
    fn {
        stale_for(stale, idle, limit) => "{stale} {idle} 天（上限 {limit}）", "{stale} {idle} d (limit {limit})";
        slipped(n) => "推迟 {n} 次", "slipped {n}×";
        in_stage(days) => "在此阶段 {days}", "{days} in stage";
        probability(p, source) => "{p}%（{source}）", "{p}% ({source})";
        new_customer_named(name) => "新建客户“{name}”", "New customer “{name}”";
    }
}

/// Board or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Board,
    List,
}

/// What the right-hand side shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Side {
    #[default]
    Nothing,
    Detail(DealId),
    Form(Box<DealDraft>, Errors),
}

/// The "why was it lost?" dialog, open while a move to Lost waits for its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct LostDialog {
    pub deal: DealId,
    pub reason: Option<LostReason>,
    pub note: String,
    pub errors: Errors,
}

/// The filter as typed: the dates stay text until they parse.
#[derive(Debug, Clone, Default, PartialEq)]
struct DateRange {
    from: String,
    to: String,
    errors: Errors,
}

pub struct PipelinePage {
    pub view: View,
    pub filter: PipelineFilter,
    dates: DateRange,
    pub order: CardOrder,
    pub sort: Sort<ListColumn>,
    pub side: Side,
    pub lost: Option<LostDialog>,
    pub won: Option<won::WonDialog>,
    confirm_delete: Option<DealId>,
    /// "＋ New customer" in the deal form named a customer that exists: asking whether
    /// to use it or create another.
    duplicate_customer: Option<CustomerId>,
    pending_focus: Option<DealId>,
    /// The card to scroll to on the board (stage, row), for one frame.
    scroll_board: Option<(Stage, usize)>,
    /// The row to scroll to in the list, for one frame.
    scroll_list: Option<usize>,
    board_cache: Option<(BoardKey, Arc<Board>)>,
    rows_cache: Option<(RowsKey, Arc<Vec<DealId>>)>,
}

/// What a board depends on: revision, filter, order and today.
type BoardKey = (u64, PipelineFilter, CardOrder, chrono::NaiveDate);
/// What the list's order depends on: revision, filter, sort and today.
type RowsKey = (u64, PipelineFilter, Sort<ListColumn>, chrono::NaiveDate);

impl Default for PipelinePage {
    fn default() -> Self {
        PipelinePage {
            view: View::Board,
            filter: PipelineFilter::default(),
            dates: DateRange::default(),
            order: CardOrder::Amount,
            sort: Sort {
                column: ListColumn::Amount,
                descending: true,
            },
            side: Side::Nothing,
            lost: None,
            won: None,
            confirm_delete: None,
            duplicate_customer: None,
            pending_focus: None,
            scroll_board: None,
            scroll_list: None,
            board_cache: None,
            rows_cache: None,
        }
    }
}

/// A card being dragged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardDrag(pub DealId);

impl PipelinePage {
    /// Shows one deal (from Ctrl+K search or a link): opens its detail, and scrolls the
    /// board or list to it (clearing a filter that hides it).
    pub fn focus(&mut self, id: DealId) {
        self.side = Side::Detail(id);
        self.pending_focus = Some(id);
    }

    /// The board for the current filter and order. Kept until the revision, filter,
    /// order or day changes: one board is held, so typing in the find box does not pile
    /// up 100k-id boards.
    pub fn board(&mut self, cx: &Cx) -> Arc<Board> {
        let key = (cx.doc.revision(), self.filter.clone(), self.order, cx.today);
        if let Some((k, b)) = &self.board_cache
            && *k == key
        {
            return b.clone();
        }
        let b = Arc::new(build_board(cx.doc.ws(), cx.today, &self.filter, self.order));
        self.board_cache = Some((key, b.clone()));
        b
    }

    /// The list view's rows for the current filter and sort, kept like [`Self::board`].
    pub fn rows(&mut self, cx: &Cx) -> Arc<Vec<DealId>> {
        let key = (cx.doc.revision(), self.filter.clone(), self.sort, cx.today);
        if let Some((k, r)) = &self.rows_cache
            && *k == key
        {
            return r.clone();
        }
        let rows = deal_rows(
            cx.doc.ws(),
            cx.today,
            &self.filter,
            self.sort.column,
            self.sort.descending,
        );
        let r = Arc::new(rows);
        self.rows_cache = Some((key, r.clone()));
        r
    }

    fn choices(cx: &mut Cx) -> Arc<FilterChoices> {
        let ws = &cx.doc.ws();
        cx.cache
            .get_or_compute(cx.doc.revision(), "pipeline_choices", (), || {
                Arc::new(pipeline_choices(ws))
            })
            .clone()
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.take_focus(cx);
        if let Side::Detail(id) = self.side
            && !cx.doc.ws().deals.deals.contains(id)
        {
            self.side = Side::Nothing;
        }
        let mut covers = 0.0;
        if self.side != Side::Nothing {
            use super::widgets::side::FORM_PANEL_WIDTH;
            // The form never narrower than a form row whole (label, 280 px field, its
            // button): at 400 the New deal's fields ran past a 1024 px window's edge,
            // also when 400 was a width remembered from the deal's detail.
            let min = if matches!(self.side, Side::Form(..)) {
                FORM_PANEL_WIDTH
            } else {
                320.0
            };
            let shown = super::widgets::side::right(
                ui,
                "pipeline_side",
                FORM_PANEL_WIDTH,
                min,
                false,
                cx.lang,
                |ui| self.side_panel(ui, cx),
            );
            if shown.closed {
                self.side = Side::Nothing;
            }
            covers = shown.covers;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.toolbar(ui, cx);
            self.filters(ui, cx);
            ui.add_space(4.0);
            let selected = match &self.side {
                Side::Detail(id) => Some(*id),
                Side::Form(d, _) if d.id.0 != 0 => Some(d.id),
                _ => None,
            };
            match self.view {
                View::Board => {
                    let b = self.board(cx);
                    let out = board::show(ui, cx, &b, selected, self.scroll_board.take());
                    if let Some(id) = out.clicked {
                        self.side = Side::Detail(id);
                    }
                    if let Some((id, to)) = out.dropped {
                        self.request_move(cx, id, to);
                    }
                }
                View::List => {
                    let rows = self.rows(cx);
                    if let Some(id) = list::show(
                        ui,
                        cx,
                        &rows,
                        &mut self.sort,
                        selected,
                        self.scroll_list.take(),
                        covers,
                    ) {
                        self.side = Side::Detail(id);
                    }
                }
            }
        });
        self.lost_dialog(ui.ctx(), cx);
        won::show(&mut self.won, ui.ctx(), cx);
        self.delete_dialog(ui.ctx(), cx);
        self.duplicate_dialog(ui.ctx(), cx);
    }

    /// The deal form's new customer has a name already taken: use that one (picked in the
    /// form) or create another all the same.
    fn duplicate_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        use crate::ui::customers::duplicate::{Answer, Text as Dup, prompt};
        let Some(existing) = self.duplicate_customer else {
            return;
        };
        let name = cx.doc.ws().customer_name(existing).to_owned();
        let answer = prompt(ctx, &name, Dup::UseIt, cx.lang);
        if answer != Answer::Pending {
            self.duplicate_customer = None;
        }
        let Side::Form(draft, errors) = &mut self.side else {
            return;
        };
        match answer {
            Answer::Pending | Answer::Back => {}
            Answer::Open => {
                if let Some(c) = cx.doc.ws().customers.customers.get(existing) {
                    draft.choose_customer(c);
                }
            }
            Answer::CreateAnyway => create_customer(cx, draft, errors),
        }
    }

    /// Turns a pending focus into a scroll target, clearing a filter that hides it.
    fn take_focus(&mut self, cx: &mut Cx) {
        let Some(id) = self.pending_focus.take() else {
            return;
        };
        if !cx.doc.ws().deals.deals.contains(id) {
            return;
        }
        let mut b = self.board(cx);
        if b.position(id).is_none() && !self.filter.is_all() {
            self.filter = PipelineFilter::default();
            self.dates = DateRange::default();
            cx.toasts.info(Text::FilterHidden.get(cx.lang));
            b = self.board(cx);
        }
        self.scroll_board = b.position(id);
        if self.view == View::List {
            self.scroll_list = self.rows(cx).iter().position(|x| *x == id);
        }
    }

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let b = self.board(cx);
        ui.horizontal(|ui| {
            ui.heading(cx.t(T::Pipeline));
            ui.label(format!(
                "{} · {} {}",
                deals_count(lang, b.shown()),
                Text::OpenWeighted.get(lang),
                money_short(b.open_weighted(), lang)
            ));
            if ui
                .button(format!("＋ {}", Text::NewDeal.get(lang)))
                .clicked()
            {
                self.side = Side::Form(Box::new(DealDraft::new(cx.today)), Errors::new());
            }
            // The deals the filter shows, in the list's order (whichever view is open).
            let rows = self.rows(cx);
            crate::ui::save_as::export_menu(ui, cx, RecordKind::Deal, rows.len(), || {
                rows.iter().map(|id| id.0).collect()
            });
            ui.separator();
            for (v, t) in [(View::Board, Text::Board), (View::List, Text::List)] {
                if ui.selectable_label(self.view == v, t.get(lang)).clicked() {
                    self.view = v;
                }
            }
            if self.view == View::Board {
                ui.separator();
                let l = ui.label(Text::Order.get(lang));
                egui::ComboBox::from_id_salt("pipeline_order")
                    .selected_text(order_label(self.order, lang))
                    .show_ui(ui, |ui| {
                        for o in CardOrder::ALL {
                            ui.selectable_value(&mut self.order, o, order_label(o, lang));
                        }
                    })
                    .response
                    .labelled_by(l.id);
            }
        });
    }

    fn filters(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let choices = Self::choices(cx);
        let ws = &cx.doc.ws();
        let f = &mut self.filter;
        ui.horizontal_wrapped(|ui| {
            deal_filter(
                ui,
                "pipeline",
                &mut f.deals,
                ws,
                &choices,
                Labels {
                    owner: Text::Rep.get(lang),
                    product: Text::Product.get(lang),
                },
                lang,
            );
            let d = &mut self.dates;
            // Typing applies the dates as soon as they read as dates; leaving a field (or
            // picking a date) judges them, and a message goes as soon as its field changes.
            let (mut dates_changed, mut judge) = (false, false);
            for (label, text, field) in [
                (Text::CreatedFrom, &mut d.from, "from"),
                (Text::CreatedTo, &mut d.to, "to"),
            ] {
                // The label, its field and its picker stay on one line when the row wraps.
                let calendar = crate::ui::widgets::date::Text::Calendar.get(lang);
                let width = crate::ui::widgets::date::field_width(ui);
                crate::ui::widgets::deal_filter::room_for(
                    ui,
                    &[label.get(lang), calendar],
                    width + 8.0,
                );
                ui.horizontal(|ui| {
                    let l = ui.label(label.get(lang));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text(crate::ui::widgets::date::HINT)
                                .desired_width(width),
                        )
                        .labelled_by(l.id);
                    dates_changed |= r.changed();
                    judge |= r.lost_focus();
                    judge |= crate::ui::widgets::date::picker_button(ui, field, text, lang);
                    let msg = field_message(ui, field, &*text, &d.errors);
                    error_line(ui, lang, msg);
                });
            }
            if dates_changed || judge {
                let mut errors = Errors::new();
                let parse = crate::ui::widgets::form::parse_into;
                let from = parse(&mut errors, "from", parse_optional_date(&d.from));
                let to = parse(&mut errors, "to", parse_optional_date(&d.to));
                if errors.is_empty() {
                    f.created_from = from.flatten();
                    f.created_to = to.flatten();
                    d.errors = errors;
                } else if judge {
                    crate::ui::widgets::keys::judged(ui);
                    d.errors = errors;
                }
            }
            ui.checkbox(&mut f.stale_only, Text::StaleOnly.get(lang));
            crate::ui::widgets::deal_filter::labelled(ui, Text::Find.get(lang), 150.0, |ui, w| {
                ui.add(
                    egui::TextEdit::singleline(&mut f.text)
                        .hint_text(Text::FindHint.get(lang))
                        .desired_width(w),
                )
            });
            if ui
                .add_enabled(
                    !f.is_all() || *d != DateRange::default(),
                    egui::Button::new(Text::ClearFilters.get(lang)),
                )
                .clicked()
            {
                *f = PipelineFilter::default();
                *d = DateRange::default();
            }
        });
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        match &mut self.side {
            Side::Nothing => {}
            Side::Detail(id) => {
                let id = *id;
                match detail::show(ui, cx, id) {
                    detail::DetailAction::None => {}
                    detail::DetailAction::Close => self.side = Side::Nothing,
                    detail::DetailAction::Edit => {
                        if let Some(d) = cx.doc.ws().deals.deals.get(id) {
                            self.side = Side::Form(
                                Box::new(DealDraft::from_deal(d, cx.doc.ws())),
                                Errors::new(),
                            );
                        }
                    }
                    detail::DetailAction::Delete => self.confirm_delete = Some(id),
                    detail::DetailAction::Move(to) => self.request_move(cx, id, to),
                    detail::DetailAction::OpenCustomer(c) => {
                        cx.go(Page::Customers, Some(RecordKey::Customer(c)))
                    }
                }
            }
            Side::Form(draft, errors) => {
                let choices = Self::choices(cx);
                let action = form::show(ui, draft, errors, cx.doc.ws(), &choices, cx.lang);
                if std::mem::take(&mut draft.new_customer) {
                    let name = draft.customer_query.trim().to_owned();
                    match crate::ui::customers::duplicate::same_name(
                        cx.doc.ws(),
                        &name,
                        CustomerId(0),
                    ) {
                        Some(existing) => self.duplicate_customer = Some(existing),
                        None => create_customer(cx, draft, errors),
                    }
                    return;
                }
                match action {
                    FormAction::None => {}
                    FormAction::Cancel => {
                        self.side = if draft.id.0 == 0 {
                            Side::Nothing
                        } else {
                            Side::Detail(draft.id)
                        };
                    }
                    FormAction::Save => {
                        let is_new = draft.id.0 == 0;
                        let existing = cx.doc.ws().deals.deals.get(draft.id).cloned();
                        let result = draft.build(existing.as_ref(), cx.today).and_then(|d| {
                            let label = format!(
                                "{} {}",
                                if is_new { cx.t(T::New) } else { cx.t(T::Edit) },
                                d.title
                            );
                            let change = put_deal(cx, d);
                            cx.apply(change, label)
                        });
                        match result {
                            Ok(applied) => {
                                cx.toasts.info(if is_new {
                                    Text::DealAdded.get(cx.lang)
                                } else {
                                    Text::DealSaved.get(cx.lang)
                                });
                                if let Some(RecordKey::Deal(id)) = applied.keys.first() {
                                    self.side = Side::Detail(*id);
                                    self.pending_focus = Some(*id);
                                } else {
                                    self.side = Side::Nothing;
                                }
                            }
                            Err(e) => *errors = e,
                        }
                    }
                }
            }
        }
    }

    /// A card was dropped on a column (or "move to" picked): Lost asks for a reason
    /// first, Won for its date and final amount, any other stage moves at once.
    pub fn request_move(&mut self, cx: &mut Cx, id: DealId, to: Stage) {
        let Some(d) = cx.doc.ws().deals.deals.get(id) else {
            return;
        };
        if d.stage == to {
            return;
        }
        if to == Stage::Won {
            self.won = Some(won::WonDialog::new(d, cx.today));
        } else if to == Stage::Lost {
            self.lost = Some(LostDialog {
                deal: id,
                reason: None,
                note: String::new(),
                errors: Errors::new(),
            });
        } else {
            let _ = move_deal(cx, id, to, None);
        }
    }

    fn lost_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(dlg) = &mut self.lost else {
            return;
        };
        let lang = cx.lang;
        let Some(deal) = cx.doc.ws().deals.deals.get(dlg.deal) else {
            self.lost = None;
            return;
        };
        let title = deal.title.clone();
        let mut confirmed = false;
        let mut cancelled = false;
        let r = egui::Modal::new(egui::Id::unique("pipeline_lost_dialog")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(Text::LostTitle.get(lang));
            ui.label(title.as_str());
            ui.add_space(4.0);
            ui.weak(Text::LostAsk.get(lang));
            ui.add_space(6.0);
            ui.strong(Text::LostReason.get(lang));
            // Each message goes once its field changes (see `field_message`).
            let reason_msg = field_message(ui, "lost_reason", dlg.reason, &dlg.errors);
            let note_msg = field_message(ui, "lost_note", &dlg.note, &dlg.errors);
            ui.horizontal_wrapped(|ui| {
                for r in LostReason::ALL {
                    ui.radio_value(&mut dlg.reason, Some(r), r.label(lang));
                }
            });
            error_line(ui, lang, reason_msg);
            ui.add_space(4.0);
            let l = ui.label(Text::LostNote.get(lang));
            ui.add(
                egui::TextEdit::multiline(&mut dlg.note)
                    .desired_rows(2)
                    .desired_width(400.0),
            )
            .labelled_by(l.id);
            error_line(ui, lang, note_msg);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(Text::MarkLost.get(lang)).clicked() {
                    crate::ui::widgets::keys::saving(ui);
                    confirmed = true;
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    cancelled = true;
                }
            });
        });
        if cancelled || (r.should_close() && !confirmed) {
            self.lost = None;
            return;
        }
        if !confirmed {
            return;
        }
        let mut errors = Errors::new();
        if dlg.reason.is_none() {
            errors.add("lost_reason", Problem::Required);
        }
        errors.max_len("lost_note", &dlg.note, MAX_NOTE);
        if let (true, Some(reason)) = (errors.is_empty(), dlg.reason) {
            let info = LostInfo {
                reason,
                note: dlg.note.trim().to_owned(),
            };
            let id = dlg.deal;
            match move_deal(cx, id, Stage::Lost, Some(info)) {
                Ok(()) => self.lost = None,
                Err(e) => dlg.errors = e,
            }
        } else {
            dlg.errors = errors;
        }
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(id) = self.confirm_delete else {
            return;
        };
        let lang = cx.lang;
        let Some(title) = cx.doc.ws().deals.deals.get(id).map(|d| d.title.clone()) else {
            self.confirm_delete = None;
            return;
        };
        let message = format!(
            "{}\n{title}\n{}",
            Text::DeleteDealQ.get(lang),
            T::DeleteCannotBeUndoneHint.get(lang)
        );
        match confirm_delete(ctx, "confirm_delete_deal", &message, lang) {
            Answer::Pending => {}
            Answer::No => self.confirm_delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(RecordKey::Deal(id));
                let _ = cx.apply_and_report(
                    change,
                    format!("{} {title}", T::Delete.get(lang)),
                    Text::DealDeleted.get(lang),
                );
                self.confirm_delete = None;
                self.side = Side::Nothing;
            }
        }
    }
}

/// Creates the customer the deal form's "＋ New customer" names (one undo step) and picks
/// it in the form; a refusal shows at the customer field.
fn create_customer(cx: &mut Cx, draft: &mut DealDraft, errors: &mut Errors) {
    let c = draft.customer_to_create(cx.today);
    let label = format!("{} {}", cx.t(T::New), c.name);
    match cx.apply(Change::put(Record::Customer(c)), label) {
        Ok(applied) => {
            if let Some(RecordKey::Customer(id)) = applied.keys.first()
                && let Some(c) = cx.doc.ws().customers.customers.get(*id)
            {
                draft.choose_customer(c);
            }
            errors.0.retain(|e| e.field != "customer");
            cx.toasts.info(Text::CustomerCreated.get(cx.lang));
        }
        Err(e) => {
            let problem = e.0.into_iter().next().map(|fe| fe.problem);
            errors.add("customer", problem.unwrap_or(Problem::Missing));
        }
    }
}

/// The change that stores a deal from this page, with the loyalty points its win
/// earns (or takes back): see `Workspace::put_deal`.
pub(super) fn put_deal(cx: &Cx, deal: Deal) -> Change {
    cx.doc.ws().put_deal(deal, cx.today)
}

/// Moves a deal as one undoable change: `Deal::move_to` on a copy (dated today, written
/// to its stage history, the manual probability kept), then `put_deal` (a win earns
/// loyalty points).
pub fn move_deal(cx: &mut Cx, id: DealId, to: Stage, lost: Option<LostInfo>) -> Result<(), Errors> {
    let lang = cx.lang;
    let Some(d) = cx.doc.ws().deals.deals.get(id) else {
        let mut e = Errors::new();
        e.add("id", Problem::Missing);
        return Err(e);
    };
    let from = d.stage;
    let mut moved = d.clone();
    if let Err(p) = moved.move_to(to, cx.today, lost) {
        let mut e = Errors::new();
        e.add("lost_reason", p);
        return Err(e);
    }
    let label = format!(
        "{} {}: {} → {}",
        Text::Move.get(lang),
        moved.title,
        from.label(lang),
        to.label(lang)
    );
    let change = put_deal(cx, moved);
    cx.apply_and_report(change, label.clone(), label)
        .map(|_| ())
}

pub fn order_label(o: CardOrder, lang: Lang) -> &'static str {
    match o {
        CardOrder::Amount => Text::OrderAmount.get(lang),
        CardOrder::Idle => Text::OrderIdle.get(lang),
        CardOrder::Closing => Text::OrderClosing.get(lang),
        CardOrder::StageAge => Text::OrderStageAge.get(lang),
    }
}

/// "3 天" / "3 d".
pub use crate::ui::format::days_short;

/// "停滞 19 天（上限 14）" / "Stale 19 d (limit 14)".
pub fn stale_text(idle: i64, limit: u32, lang: Lang) -> String {
    Text::stale_for(lang, Text::Stale.get(lang), idle, limit)
}

/// "推迟 2 次" / "slipped 2×".
pub fn slips_text(n: u32, lang: Lang) -> String {
    Text::slipped(lang, n)
}

impl crate::ui::PageView for PipelinePage {
    const TITLE: crate::i18n::T = crate::i18n::T::Pipeline;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn new_record(&mut self, cx: &mut crate::ui::Cx) {
        self.side = Side::Form(Box::new(DealDraft::new(cx.today)), Errors::new());
    }
    fn focus(&mut self, route: &crate::ui::Route, _ws: &crate::model::Workspace) -> bool {
        match route.record {
            Some(crate::model::RecordKey::Deal(id)) => {
                PipelinePage::focus(self, id);
                true
            }
            _ => route.record.is_none(),
        }
    }
}

/// "1 deal", "3 deals", "3 个商机".
pub(crate) fn deals_count(lang: Lang, n: usize) -> String {
    crate::ui::counts::plural(lang, n, "个商机", "deal", "deals")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The board's column heads and the page's count read "1 deal", not "1 deals".
    #[test]
    fn a_count_of_deals_reads_in_the_singular_for_one() {
        assert_eq!(deals_count(Lang::En, 1), "1 deal");
        assert_eq!(deals_count(Lang::En, 3), "3 deals");
        assert_eq!(deals_count(Lang::Zh, 1), "1 个商机");
    }
}
