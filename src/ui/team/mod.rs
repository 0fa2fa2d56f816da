//! The Team page (团队): how the team is organised, who is in it, what each person owns
//! and how loaded they are (资源分配).

pub mod allocation;
pub mod events;
pub mod form;
pub mod org_chart;
pub mod reassign;

use super::Cx;
use super::widgets::confirm::{Answer, confirm_delete};
use super::widgets::table::{Sort, matches, sort_header};
use crate::hanzi as pinyin;
use crate::i18n::{Label, Lang, T};
use crate::model::*;
use crate::ui::format::{list_sep, money_short};
use egui_extras::Column;
use form::{FormAction, MemberDraft, SetupDraft};
use std::collections::HashMap;

crate::texts! {
    pub enum Text {
        NewMember => "新增成员", "Add member";
        EditMember => "编辑成员", "Edit member";
        EditSetup => "团队设置", "Team set-up";
        Regions => "区域", "Regions";
        CommaHint => "用逗号分隔", "Separate with commas";
        Load => "负载", "Load";
        OpenPipeline => "在谈金额", "Open pipeline";
        MemberAdded => "已添加成员", "Member added";
        MemberSaved => "已保存成员", "Member saved";
        MemberDeleted => "已删除成员", "Member deleted";
        DeleteMemberQ => "删除此成员？其目标、评估和辅导记录也会一并删除。", "Delete this member? Their targets, reviews and coaching notes go too.";
        Overloaded => "超出容量", "Over capacity";
        SelectMember => "选择一位成员查看详情。", "Pick a member to see the details.";
        NoSetup => "尚未设置", "Not set";
        OwnedCustomers => "负责客户", "Customers owned";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Col {
    #[default]
    Name,
    Role,
    Region,
    Load,
    Pipeline,
}

#[derive(Debug, Clone, PartialEq, Default)]
enum Side {
    #[default]
    Nothing,
    Detail(MemberId),
    Member(Box<MemberDraft>, Errors),
    Setup(Box<SetupDraft>, Errors),
}

/// Open deals and their amount per member, cached by revision.
#[derive(Default)]
struct Loads {
    rev: Option<u64>,
    open: HashMap<MemberId, (usize, Money)>,
    customers: HashMap<MemberId, usize>,
}

#[derive(Default)]
pub struct TeamPage {
    query: String,
    sort: Sort<Col>,
    side: Side,
    confirm_delete: Option<MemberId>,
    loads: Loads,
    reassign: Option<reassign::ReassignDialog>,
    pub view: View,
    allocation: allocation::AllocationView,
    events: events::EventsView,
}

/// What the middle of the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Members,
    Allocation,
    OrgChart,
    Events,
}

impl View {
    /// Every view, in the order of the tab row (for tests that draw them all).
    pub const ALL: [View; 4] = [
        View::Members,
        View::Allocation,
        View::OrgChart,
        View::Events,
    ];
}

impl TeamPage {
    pub fn focus(&mut self, id: MemberId) {
        self.side = Side::Detail(id);
    }

    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        self.refresh(cx);
        // The team-building log has no member to show: its table gets the whole width
        // (the panel's "Pick a member" cut the log's Delete column).
        let idle_side = self.view == View::Events && matches!(self.side, Side::Nothing);
        let mut covers = 0.0;
        if !idle_side {
            let idle = matches!(self.side, Side::Nothing);
            let shown =
                super::widgets::side::right(ui, "team_side", 420.0, 300.0, idle, cx.lang, |ui| {
                    self.side_panel(ui, cx)
                });
            if shown.closed {
                self.side = Side::Nothing;
            }
            covers = shown.covers;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.setup_summary(ui, cx);
            ui.separator();
            ui.horizontal(|ui| {
                for (view, text) in [
                    (View::Members, cx.t(T::Members)),
                    (View::Allocation, allocation::Text::Title.get(cx.lang)),
                    (View::OrgChart, org_chart::Text::Title.get(cx.lang)),
                    (View::Events, events::Text::Title.get(cx.lang)),
                ] {
                    if ui
                        .add(egui::Button::selectable(self.view == view, text))
                        .clicked()
                    {
                        self.view = view;
                    }
                }
            });
            match self.view {
                View::Members => self.members(ui, cx, covers),
                View::Allocation => {
                    if let Some(id) = self.allocation.show(ui, cx) {
                        self.side = Side::Detail(id);
                    }
                }
                View::OrgChart => {
                    if let Some(id) = org_chart::show(ui, cx.doc.ws(), cx.lang) {
                        self.side = Side::Detail(id);
                    }
                }
                View::Events => self.events.show(ui, cx),
            }
        });
        self.delete_dialog(ui.ctx(), cx);
        self.reassign_dialog(ui.ctx(), cx);
    }

    fn reassign_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(d) = &mut self.reassign else { return };
        match d.show(ctx, cx) {
            reassign::Outcome::Open => {}
            reassign::Outcome::Closed => self.reassign = None,
            reassign::Outcome::Done(deleted) => {
                if deleted {
                    self.side = Side::Nothing;
                }
                self.reassign = None;
            }
        }
    }

    fn refresh(&mut self, cx: &Cx) {
        let rev = cx.doc.revision();
        if self.loads.rev == Some(rev) {
            return;
        }
        let ws = &cx.doc.ws();
        self.loads.open.clear();
        self.loads.customers.clear();
        for d in ws.deals.deals.iter().filter(|d| d.stage.is_open()) {
            let e = self.loads.open.entry(d.owner).or_default();
            e.0 += 1;
            e.1 += d.amount;
        }
        for c in ws.customers.customers.iter() {
            if let Some(o) = c.owner {
                *self.loads.customers.entry(o).or_default() += 1;
            }
        }
        self.loads.rev = Some(rev);
    }

    fn setup_summary(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        let lang = cx.lang;
        let s = &cx.doc.ws().team.setup;
        let not_set = Text::NoSetup.get(lang);
        let or = |v: &str| {
            if v.is_empty() {
                not_set.to_owned()
            } else {
                v.to_owned()
            }
        };
        ui.horizontal(|ui| {
            ui.heading(if s.team_name.is_empty() {
                cx.t(T::Team)
            } else {
                &s.team_name
            });
            if ui.button(Text::EditSetup.get(lang)).clicked() {
                self.side = Side::Setup(Box::new(SetupDraft::from_setup(s)), Errors::new());
            }
        });
        egui::Grid::new("team_setup_summary")
            .num_columns(4)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                ui.weak(cx.t(T::ManagerName));
                ui.label(or(&s.manager_name));
                ui.weak(cx.t(T::Structure));
                ui.label(s.structure.label(lang));
                ui.end_row();
                ui.weak(Text::Regions.get(lang));
                ui.label(or(&s.regions.join(list_sep(lang))));
                ui.weak(cx.t(T::ProductLines));
                ui.label(or(&s.product_lines.join(list_sep(lang))));
                ui.end_row();
            });
    }

    /// The member list; an overlay `covers` px wide lies over its right part.
    fn members(&mut self, ui: &mut egui::Ui, cx: &mut Cx, covers: f32) {
        let lang = cx.lang;
        let ws = &cx.doc.ws();
        let q = self.query.trim().to_lowercase();
        let loads = &self.loads;
        let mut rows: Vec<&Member> = ws
            .team
            .members
            .iter()
            .filter(|m| {
                matches(&m.name, &q) || matches(&m.region, &q) || matches(m.role.label(lang), &q)
            })
            .collect();
        // A team has tens of members: sorting them per frame costs nothing.
        let load = |m: &Member| loads.open.get(&m.id).copied().unwrap_or_default();
        match self.sort.column {
            Col::Name => rows.sort_by_cached_key(|m| pinyin::order_key(&m.name)),
            Col::Role => rows.sort_by_key(|m| m.role.label(lang)),
            Col::Region => rows.sort_by_cached_key(|m| pinyin::order_key(&m.region)),
            Col::Load => rows.sort_by_key(|m| load(m).0),
            Col::Pipeline => rows.sort_by_key(|m| load(m).1),
        }
        if self.sort.descending {
            rows.reverse();
        }
        // "Members (3 of 9)" while the search hides some.
        let count = crate::ui::counts::shown_of(lang, rows.len(), ws.team.members.len());
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{}{}",
                cx.t(T::Members),
                crate::ui::format::paren(lang, &count)
            ));
            if ui
                .button(format!("＋ {}", Text::NewMember.get(lang)))
                .clicked()
            {
                self.side = Side::Member(Box::new(MemberDraft::new(cx.today)), Errors::new());
            }
            let l = ui.label(cx.t(T::Search));
            ui.add(egui::TextEdit::singleline(&mut self.query).desired_width(180.0))
                .labelled_by(l.id);
        });
        if rows.is_empty() {
            ui.label(if q.is_empty() {
                cx.t(T::NothingYet)
            } else {
                cx.t(T::NoMatch)
            });
            return;
        }
        let selected = match &self.side {
            Side::Detail(id) => Some(*id),
            Side::Member(d, _) if d.id.0 != 0 => Some(d.id),
            _ => None,
        };
        let mut clicked = None;
        let sort = &mut self.sort;
        // Sideways while an overlay lies over the list's right columns.
        crate::ui::widgets::table::wide_under_overlay(ui, "members_table", lang, covers, |ui| {
            crate::ui::widgets::table::row_picker(ui, "members_table")
                .column(Column::initial(120.0).clip(true))
                .column(Column::initial(120.0).clip(true))
                .column(Column::initial(70.0).clip(true))
                .column(Column::initial(150.0).clip(true))
                .column(Column::initial(120.0))
                .column(Column::remainder())
                .header(24.0, |mut h| {
                    h.col(|ui| sort_header(ui, T::PersonName.get(lang), Col::Name, sort));
                    h.col(|ui| sort_header(ui, T::Role.get(lang), Col::Role, sort));
                    h.col(|ui| sort_header(ui, T::Region.get(lang), Col::Region, sort));
                    h.col(|ui| {
                        ui.strong(T::ProductLines.get(lang));
                    });
                    h.col(|ui| sort_header(ui, Text::Load.get(lang), Col::Load, sort));
                    h.col(|ui| sort_header(ui, Text::OpenPipeline.get(lang), Col::Pipeline, sort));
                })
                .body(|body| {
                    body.rows(24.0, rows.len(), |mut row| {
                        let m = rows[row.index()];
                        let (open, amount) = load(m);
                        row.set_selected(selected == Some(m.id));
                        row.col(|ui| {
                            if m.active {
                                ui.label(&m.name);
                            } else {
                                ui.weak(format!("{} ({})", m.name, T::Inactive.get(lang)));
                            }
                        });
                        row.col(|ui| {
                            ui.label(m.role.label(lang));
                        });
                        row.col(|ui| {
                            ui.label(&m.region);
                        });
                        row.col(|ui| {
                            ui.label(m.product_lines.join(list_sep(lang)));
                        });
                        row.col(|ui| load_bar(ui, open, m.capacity, lang));
                        row.col(|ui| {
                            ui.label(money_short(amount, lang));
                        });
                        if row.response().clicked() {
                            clicked = Some(m.id);
                        }
                    });
                });
        });
        if let Some(id) = clicked {
            self.side = Side::Detail(id);
        }
    }

    fn side_panel(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        match &mut self.side {
            Side::Nothing => {
                ui.add_space(20.0);
                ui.label(Text::SelectMember.get(lang));
            }
            Side::Detail(id) => {
                let id = *id;
                let ws = &cx.doc.ws();
                let Some(m) = ws.team.members.get(id) else {
                    self.side = Side::Nothing;
                    return;
                };
                ui.horizontal(|ui| {
                    ui.heading(&m.name);
                    if ui.button(T::Edit.get(lang)).clicked() {
                        self.side =
                            Side::Member(Box::new(MemberDraft::from_member(m)), Errors::new());
                    }
                    if ui.button(T::Delete.get(lang)).clicked() {
                        self.confirm_delete = Some(id);
                    }
                });
                if crate::model::reassign::holdings(ws, id) != Default::default()
                    && ui.button(reassign::Text::Title.get(lang)).clicked()
                {
                    self.reassign = Some(reassign::ReassignDialog::new(id, false));
                }
                let (open, amount) = self.loads.open.get(&id).copied().unwrap_or_default();
                // Scrolls in a low window; each member opens at the top.
                crate::ui::widgets::side::record_scroll(ui, "member_detail", id).show(ui, |ui| {
                    egui::Grid::new("member_detail")
                        .num_columns(2)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            let mut row = |k: &str, v: String| {
                                ui.weak(k);
                                ui.label(v);
                                ui.end_row();
                            };
                            row(T::Role.get(lang), m.role.label(lang).into());
                            row(T::Region.get(lang), m.region.clone());
                            row(
                                T::ProductLines.get(lang),
                                m.product_lines.join(list_sep(lang)),
                            );
                            row(T::Capacity.get(lang), format!("{open} / {}", m.capacity));
                            row(Text::OpenPipeline.get(lang), money_short(amount, lang));
                            row(
                                Text::OwnedCustomers.get(lang),
                                self.loads
                                    .customers
                                    .get(&id)
                                    .copied()
                                    .unwrap_or(0)
                                    .to_string(),
                            );
                            row(
                                events::Text::Title.get(lang),
                                events::Text::times(
                                    lang,
                                    ws.team
                                        .events
                                        .iter()
                                        .filter(|e| e.members.contains(&id))
                                        .count(),
                                ),
                            );
                            row(T::Email.get(lang), m.email.clone());
                            row(T::Phone.get(lang), m.phone.clone());
                            row(T::Joined.get(lang), m.joined.to_string());
                            row(
                                T::Active.get(lang),
                                if m.active { T::Yes } else { T::No }.get(lang).into(),
                            );
                        });
                    if !m.duties.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(T::Duties.get(lang));
                        ui.label(&m.duties);
                    }
                });
            }
            Side::Member(draft, errors) => match form::member_form(ui, draft, errors, lang) {
                FormAction::None => {}
                FormAction::Cancel => {
                    self.side = if draft.id.0 == 0 {
                        Side::Nothing
                    } else {
                        Side::Detail(draft.id)
                    }
                }
                FormAction::Save => {
                    let is_new = draft.id.0 == 0;
                    let result = draft.build().and_then(|m| {
                        let label = format!(
                            "{} {}",
                            if is_new { T::New } else { T::Edit }.get(lang),
                            m.name
                        );
                        cx.apply(Change::put(Record::Member(m)), label)
                    });
                    match result {
                        Ok(a) => {
                            cx.toasts.info(
                                if is_new {
                                    Text::MemberAdded
                                } else {
                                    Text::MemberSaved
                                }
                                .get(lang),
                            );
                            self.side = match a.keys.first() {
                                Some(RecordKey::Member(id)) => Side::Detail(*id),
                                _ => Side::Nothing,
                            };
                        }
                        Err(e) => *errors = e,
                    }
                }
            },
            Side::Setup(draft, errors) => match form::setup_form(ui, draft, errors, lang) {
                FormAction::None => {}
                FormAction::Cancel => self.side = Side::Nothing,
                FormAction::Save => match draft.build() {
                    Ok(s) => {
                        match cx.apply(Change::TeamSetup(Box::new(s)), Text::EditSetup.get(lang)) {
                            Ok(_) => {
                                cx.toasts.info(T::Saved.get(lang));
                                self.side = Side::Nothing;
                            }
                            Err(e) => *errors = e,
                        }
                    }
                    Err(e) => *errors = e,
                },
            },
        }
    }

    fn delete_dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        let Some(id) = self.confirm_delete else {
            return;
        };
        let lang = cx.lang;
        let key = RecordKey::Member(id);
        let name = cx.doc.ws().member_name(id).to_owned();
        if cx.doc.ws().blockers(key) > 0 {
            // Owned accounts or deals: the way out is to hand them over and delete.
            self.reassign = Some(reassign::ReassignDialog::new(id, true));
            self.confirm_delete = None;
            return;
        }
        let message = format!(
            "{name}\n{}\n{}",
            Text::DeleteMemberQ.get(lang),
            T::DeleteCannotBeUndoneHint.get(lang)
        );
        match confirm_delete(ctx, "confirm_delete_member", &message, lang) {
            Answer::Pending => {}
            Answer::No => self.confirm_delete = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(key);
                let _ = cx.apply_and_report(
                    change,
                    format!("{} {name}", T::Delete.get(lang)),
                    Text::MemberDeleted.get(lang),
                );
                self.confirm_delete = None;
                self.side = Side::Nothing;
            }
        }
    }
}

/// "12 / 25" with a bar that turns red past capacity.
fn load_bar(ui: &mut egui::Ui, open: usize, capacity: u32, lang: Lang) {
    let frac = if capacity == 0 {
        1.0
    } else {
        open as f32 / capacity as f32
    };
    let over = open as u32 > capacity;
    let mut bar = egui::ProgressBar::new(frac.min(1.0))
        .desired_width(110.0)
        .text(format!("{open} / {capacity}"));
    if over {
        bar = bar.fill(ui.visuals().error_fg_color);
    }
    ui.add(bar)
        .on_hover_text(if over { Text::Overloaded.get(lang) } else { "" });
}

impl crate::ui::PageView for TeamPage {
    const TITLE: crate::i18n::T = crate::i18n::T::Team;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn new_record(&mut self, cx: &mut crate::ui::Cx) {
        // Ctrl+N adds on the view in front: a team event on the team-building log.
        if self.view == View::Events {
            self.events.add(cx.today);
        } else {
            self.side = Side::Member(Box::new(MemberDraft::new(cx.today)), Errors::new());
        }
    }
    fn focus(&mut self, route: &crate::ui::Route, _ws: &crate::model::Workspace) -> bool {
        match route.record {
            Some(crate::model::RecordKey::Member(id)) => {
                TeamPage::focus(self, id);
                true
            }
            Some(crate::model::RecordKey::TeamEvent(_)) => {
                self.view = View::Events;
                true
            }
            _ => route.record.is_none(),
        }
    }
}
