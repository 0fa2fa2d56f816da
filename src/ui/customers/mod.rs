//! The Customers page (客户): a searchable, sortable list of every customer, a detail
//! view, and the form to add, edit and delete.

pub mod contacts;
pub mod detail;
pub mod duplicate;
pub mod feedback;
pub mod form;
pub mod interactions;
pub mod loyalty;
mod words;

use super::Cx;
use super::widgets::confirm::{Answer, confirm_delete};
use super::widgets::table::{Sort, matches, sort_header};
use crate::hanzi as pinyin;
use crate::i18n::T;
use crate::model::*;
use egui_extras::Column;
use form::{CustomerDraft, FormAction};

crate::texts! {
    pub enum Text {
        NewCustomer => "新建客户", "New customer";
        EditCustomer => "编辑客户", "Edit customer";
        Segment => "目标客户群", "Segment";
        AnnualPotential => "年采购潜力（元）", "Yearly potential (¥)";
        Potential => "年采购潜力", "Yearly potential";
        OpenDeals => "在谈商机", "Open deals";
        CustomerAdded => "已添加客户", "Customer added";
        CustomerSaved => "已保存客户", "Customer saved";
        CustomerDeleted => "已删除客户", "Customer deleted";
        DeleteCustomerQ => "删除此客户？其联系人、互动记录、反馈、积分和商机也会一并删除：", "Delete this customer? Its contacts, interactions, feedback, points and deals go too:";
        SelectHint => "在左侧列表中选择一个客户查看详情。", "Pick a customer in the list to see the details.";
        Count => "位客户", "customers";
    }
    fn {
        delete_q(q, name, contacts, interactions, feedback, points, deals, hint) => "{q}\n{name}：联系人 {contacts}，互动 {interactions}，反馈 {feedback}，积分记录 {points}，商机 {deals}。\n{hint}", "{q}\n{name}: {contacts} contacts, {interactions} interactions, {feedback} feedback items, {points} point entries, {deals} deals.\n{hint}";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Col {
    #[default]
    Name,
    Industry,
    Region,
    Owner,
    Created,
    OpenDeals,
}

/// What the right-hand side shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Side {
    #[default]
    Nothing,
    Detail(CustomerId),
    Form(Box<CustomerDraft>, Errors),
}

#[derive(Default)]
pub struct CustomersPage {
    pub query: String,
    pub sort: Sort<Col>,
    pub side: Side,
    pub detail: detail::DetailState,
    confirm_delete: Option<CustomerId>,
    /// A new customer's name is taken by this one: asking "open it or create anyway?".
    duplicate: Option<CustomerId>,
    /// Row order cached by (revision, query, sort): no sorting per frame.
    rows: Vec<CustomerId>,
    rows_key: Option<(u64, String, Sort<Col>)>,
    open_deals: std::collections::HashMap<CustomerId, usize>,
    open_deals_rev: Option<u64>,
}

impl CustomersPage {
    /// Opens the detail view of one customer (used by navigation and search).
    pub fn focus(&mut self, id: CustomerId) {
        self.side = Side::Detail(id);
        self.rows_key = None;
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.refresh(cx);
        let idle = self.side == Side::Nothing;
        let shown =
            super::widgets::side::right(ui, "customer_side", 460.0, 320.0, idle, cx.lang, |ui| {
                self.side_panel(ui, cx)
            });
        if shown.closed {
            self.side = Side::Nothing;
        }
        egui::CentralPanel::default().show(ui, |ui| self.list(ui, cx, shown.covers));
        self.delete_dialog(ui.ctx(), cx);
        self.duplicate_dialog(ui.ctx(), cx);
    }

    fn duplicate_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(existing) = self.duplicate else {
            return;
        };
        let name = cx.doc.ws().customer_name(existing).to_owned();
        match duplicate::prompt(ctx, &name, duplicate::Text::Open, cx.lang) {
            duplicate::Answer::Pending => {}
            duplicate::Answer::Open => {
                self.duplicate = None;
                self.focus(existing);
            }
            duplicate::Answer::CreateAnyway => {
                self.duplicate = None;
                self.save_form(cx, true);
            }
            duplicate::Answer::Back => self.duplicate = None,
        }
    }

    /// Saves the open form: one undo step. A new customer whose name is already taken
    /// asks first, unless `allow_duplicate` (the user said "create anyway").
    fn save_form(&mut self, cx: &mut Cx, allow_duplicate: bool) {
        let Side::Form(draft, errors) = &mut self.side else {
            return;
        };
        let is_new = draft.id.0 == 0;
        let built = draft.build().and_then(|c| {
            if is_new
                && !allow_duplicate
                && let Some(existing) = duplicate::same_name(cx.doc.ws(), &c.name, c.id)
            {
                self.duplicate = Some(existing);
                return Err(Errors::new());
            }
            let label = format!(
                "{} {}",
                if is_new { cx.t(T::New) } else { cx.t(T::Edit) },
                c.name
            );
            cx.apply(Change::put(Record::Customer(c)), label)
        });
        match built {
            Ok(applied) => {
                cx.toasts.info(if is_new {
                    Text::CustomerAdded.get(cx.lang)
                } else {
                    Text::CustomerSaved.get(cx.lang)
                });
                self.side = match applied.keys.first() {
                    Some(RecordKey::Customer(id)) => Side::Detail(*id),
                    _ => Side::Nothing,
                };
            }
            Err(e) => *errors = e,
        }
    }

    fn refresh(&mut self, cx: &Cx) {
        let rev = cx.doc.revision();
        if self.open_deals_rev != Some(rev) {
            self.open_deals.clear();
            for d in cx.doc.ws().deals.deals.iter().filter(|d| d.stage.is_open()) {
                *self.open_deals.entry(d.customer).or_default() += 1;
            }
            self.open_deals_rev = Some(rev);
        }
        let key = (rev, self.query.clone(), self.sort);
        if self.rows_key.as_ref() == Some(&key) {
            return;
        }
        let ws = &cx.doc.ws();
        let q = self.query.trim().to_lowercase();
        let mut rows: Vec<&Customer> = ws
            .customers
            .customers
            .iter()
            .filter(|c| {
                q.is_empty()
                    || matches(&c.name, &q)
                    || matches(&c.industry, &q)
                    || matches(&c.region, &q)
                    || matches(&c.phone, &q)
                    || matches(&c.email, &q)
                    || c.owner.is_some_and(|o| matches(ws.member_name(o), &q))
            })
            .collect();
        let open = &self.open_deals;
        match self.sort.column {
            Col::Name => rows.sort_by_cached_key(|c| pinyin::order_key(&c.name)),
            Col::Industry => rows.sort_by_cached_key(|c| pinyin::order_key(&c.industry)),
            Col::Region => rows.sort_by_cached_key(|c| pinyin::order_key(&c.region)),
            Col::Owner => rows.sort_by_cached_key(|c| {
                pinyin::order_key(c.owner.map(|o| ws.member_name(o)).unwrap_or(""))
            }),
            Col::Created => rows.sort_by_key(|c| c.created),
            Col::OpenDeals => rows.sort_by_key(|c| open.get(&c.id).copied().unwrap_or(0)),
        }
        if self.sort.descending {
            rows.reverse();
        }
        self.rows = rows.into_iter().map(|c| c.id).collect();
        self.rows_key = Some(key);
    }

    /// The list; an overlay `covers` px wide lies over its right part.
    fn list(&mut self, ui: &mut egui::Ui, cx: &mut Cx, covers: f32) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.heading(cx.t(T::Customers));
            ui.label(format!("{} {}", self.rows.len(), Text::Count.get(lang)));
            if ui
                .button(format!("＋ {}", Text::NewCustomer.get(lang)))
                .clicked()
            {
                self.side = Side::Form(Box::new(CustomerDraft::new(cx.today)), Errors::new());
            }
            let ids = &self.rows;
            crate::ui::save_as::export_menu(ui, cx, RecordKind::Customer, ids.len(), || {
                ids.iter().map(|id| id.0).collect()
            });
        });
        ui.horizontal(|ui| {
            let l = ui.label(cx.t(T::Search));
            ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(cx.t(T::Search))
                    .desired_width(260.0),
            )
            .labelled_by(l.id);
        });
        ui.add_space(4.0);
        if self.rows.is_empty() {
            ui.label(if self.query.is_empty() {
                cx.t(T::NothingYet)
            } else {
                cx.t(T::NoMatch)
            });
            return;
        }
        let ws = &cx.doc.ws();
        let selected = match &self.side {
            Side::Detail(id) => Some(*id),
            Side::Form(d, _) if d.id.0 != 0 => Some(d.id),
            _ => None,
        };
        let mut clicked = None;
        let sort = &mut self.sort;
        let (rows, open_deals) = (&self.rows, &self.open_deals);
        crate::ui::widgets::table::wide_under_overlay(ui, "customers_table", lang, covers, |ui| {
            crate::ui::widgets::table::row_picker(ui, "customers_table")
                .column(Column::initial(200.0).at_least(120.0).clip(true))
                .column(Column::initial(100.0).clip(true))
                .column(Column::initial(70.0).clip(true))
                .column(Column::initial(80.0).clip(true))
                .column(Column::initial(90.0))
                .column(Column::remainder().at_least(60.0))
                .header(24.0, |mut h| {
                    h.col(|ui| sort_header(ui, T::Name.get(lang), Col::Name, sort));
                    h.col(|ui| sort_header(ui, T::Industry.get(lang), Col::Industry, sort));
                    h.col(|ui| sort_header(ui, T::Region.get(lang), Col::Region, sort));
                    h.col(|ui| sort_header(ui, T::Owner.get(lang), Col::Owner, sort));
                    h.col(|ui| sort_header(ui, T::Created.get(lang), Col::Created, sort));
                    h.col(|ui| sort_header(ui, Text::OpenDeals.get(lang), Col::OpenDeals, sort));
                })
                .body(|body| {
                    body.rows(22.0, rows.len(), |mut row| {
                        let id = rows[row.index()];
                        let Some(c) = ws.customers.customers.get(id) else {
                            return;
                        };
                        row.set_selected(selected == Some(id));
                        row.col(|ui| {
                            ui.label(&c.name);
                        });
                        row.col(|ui| {
                            ui.label(&c.industry);
                        });
                        row.col(|ui| {
                            ui.label(&c.region);
                        });
                        row.col(|ui| {
                            ui.label(c.owner.map(|o| ws.member_name(o)).unwrap_or(""));
                        });
                        row.col(|ui| {
                            ui.label(c.created.to_string());
                        });
                        row.col(|ui| {
                            ui.label(open_deals.get(&id).copied().unwrap_or(0).to_string());
                        });
                        if row.response().clicked() {
                            clicked = Some(id);
                        }
                    });
                });
        });
        if let Some(id) = clicked {
            self.side = Side::Detail(id);
        }
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        match &mut self.side {
            Side::Nothing => {
                ui.add_space(20.0);
                ui.label(Text::SelectHint.get(cx.lang));
            }
            Side::Detail(id) => {
                let id = *id;
                if !cx.doc.ws().customers.customers.contains(id) {
                    self.side = Side::Nothing;
                    return;
                }
                match detail::show(ui, cx, id, &mut self.detail) {
                    detail::DetailAction::None => {}
                    detail::DetailAction::Edit => {
                        if let Some(c) = cx.doc.ws().customers.customers.get(id) {
                            self.side = Side::Form(
                                Box::new(CustomerDraft::from_customer(c)),
                                Errors::new(),
                            );
                        }
                    }
                    detail::DetailAction::Delete => self.confirm_delete = Some(id),
                }
            }
            Side::Form(draft, errors) => {
                match form::show(ui, draft, errors, cx.doc.ws(), cx.lang) {
                    FormAction::None => {}
                    FormAction::Cancel => {
                        self.side = if draft.id.0 == 0 {
                            Side::Nothing
                        } else {
                            Side::Detail(draft.id)
                        };
                    }
                    FormAction::Save => self.save_form(cx, false),
                }
            }
        }
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(id) = self.confirm_delete else {
            return;
        };
        let ws = &cx.doc.ws();
        let deps = ws.dependents(RecordKey::Customer(id));
        let count = |k: RecordKind| deps.iter().filter(|d| d.kind() == k).count();
        let lang = cx.lang;
        let name = ws.customer_name(id).to_owned();
        let message = Text::delete_q(
            lang,
            Text::DeleteCustomerQ.get(lang),
            &name,
            count(RecordKind::Contact),
            count(RecordKind::Interaction),
            count(RecordKind::Feedback),
            count(RecordKind::LoyaltyEntry),
            count(RecordKind::Deal),
            T::DeleteCannotBeUndoneHint.get(lang),
        );
        match confirm_delete(ctx, "confirm_delete_customer", &message, lang) {
            Answer::Pending => {}
            Answer::No => self.confirm_delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(RecordKey::Customer(id));
                let label = format!("{} {name}", T::Delete.get(lang));
                let _ = cx.apply_and_report(change, label, Text::CustomerDeleted.get(lang));
                self.confirm_delete = None;
                self.side = Side::Nothing;
            }
        }
    }
}

impl crate::ui::PageView for CustomersPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Customers;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn new_record(&mut self, cx: &mut crate::ui::Cx) {
        self.side = Side::Form(Box::new(CustomerDraft::new(cx.today)), Errors::new());
    }
    fn focus(&mut self, route: &crate::ui::Route, ws: &crate::model::Workspace) -> bool {
        use crate::model::RecordKey as K;
        let c = &ws.customers;
        let customer = match route.record {
            None => return true,
            Some(K::Customer(id)) => Some(id),
            Some(K::Contact(id)) => c.contacts.get(id).map(|x| x.customer),
            Some(K::Interaction(id)) => c.interactions.get(id).map(|x| x.customer),
            Some(K::Feedback(id)) => c.feedback.get(id).map(|x| x.customer),
            Some(K::LoyaltyEntry(id)) => c.loyalty_ledger.get(id).map(|x| x.customer),
            Some(_) => None,
        };
        customer.map(|id| CustomersPage::focus(self, id)).is_some()
    }
}
