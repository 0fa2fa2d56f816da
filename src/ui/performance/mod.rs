//! The Performance page (绩效): sales targets broken down to quarters, months and reps in
//! three tiers with live figures, each rep's forecast commitments, KPIs and scorecards,
//! reviews, commission plans with a what-if simulator, coaching notes tied to the rep's
//! leakiest funnel stage, and an automatic 1:1 agenda.

mod agenda;
mod coaching;
mod explain;
mod forecast;
mod incentives;
mod kpis;
mod payouts;
mod reviews;
mod scorecards;
mod targets;

use super::Cx;
use crate::analytics::SplitMethod;
use crate::i18n::{Label, Lang, T};
use crate::model::{MemberId, Workspace};
use crate::ui::widgets::period::{PeriodKind, PeriodPicker};

crate::texts! {
    pub enum Text {
        TargetsTab => "销售目标", "Targets";
        ForecastTab => "预测承诺", "Forecast commitments";
        KpisTab => "绩效指标", "KPIs";
        ScorecardsTab => "计分卡", "Scorecards";
        ReviewsTab => "绩效评估", "Reviews";
        IncentivesTab => "激励方案", "Incentives";
        CoachingTab => "辅导与反馈", "Coaching";
        AgendaTab => "一对一议程", "1:1 agenda";
        Rep => "代表", "Rep";
        PickRep => "请选择一位代表", "Choose a rep";
        Deleted => "已删除", "Deleted";
    }
}

/// The reps a people tab offers: active quota carriers, and anyone with a review or a
/// note, by name (pinyin order).
pub fn rep_options(ws: &Workspace) -> Vec<(MemberId, String)> {
    let mut out = crate::ui::widgets::form::member_options(ws, |m| {
        m.active && m.role.carries_quota()
            || ws.performance.reviews.iter().any(|r| r.member == m.id)
    });
    out.sort_by_cached_key(|(_, n)| crate::hanzi::order_key(n));
    out
}

/// The rep drop-down of the people tabs; picks the first rep when none is chosen yet.
pub(crate) fn rep_picker(ui: &mut egui::Ui, cx: &Cx, rep: &mut Option<MemberId>) {
    let options = rep_options(cx.doc.ws());
    if rep.is_none_or(|r| !options.iter().any(|(id, _)| *id == r)) {
        *rep = options.first().map(|(id, _)| *id);
    }
    let lang = cx.lang;
    let current = rep
        .and_then(|r| options.iter().find(|(id, _)| *id == r))
        .map(|(_, n)| n.clone())
        .unwrap_or_else(|| Text::PickRep.get(lang).to_owned());
    let l = ui.label(Text::Rep.get(lang));
    egui::ComboBox::from_id_salt("performance_rep")
        .selected_text(current)
        .width(160.0)
        .show_ui(ui, |ui| {
            for (id, name) in &options {
                ui.selectable_value(rep, Some(*id), name.as_str());
            }
        })
        .response
        .labelled_by(l.id);
}

/// What the people tabs share: the rep and the period looked at.
pub(crate) struct Focus {
    pub rep: Option<MemberId>,
    pub picker: PeriodPicker,
}

impl Default for Focus {
    fn default() -> Self {
        Focus {
            rep: None,
            picker: PeriodPicker::new(PeriodKind::Quarter),
        }
    }
}

impl Focus {
    /// The rep picker and the period picker in one row.
    pub fn bar(&mut self, ui: &mut egui::Ui, cx: &Cx) {
        ui.horizontal_wrapped(|ui| {
            rep_picker(ui, cx, &mut self.rep);
            ui.separator();
            self.picker.show(ui, cx.lang, cx.today);
        });
    }
    pub fn period(&self, cx: &Cx) -> crate::model::Period {
        self.picker.period(cx.today)
    }
}

impl Label for SplitMethod {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SplitMethod::Evenly, Lang::Zh) => "平均分配",
            (SplitMethod::Evenly, Lang::En) => "Evenly",
            (SplitMethod::LastPeriodShare, Lang::Zh) => "按上期占比",
            (SplitMethod::LastPeriodShare, Lang::En) => "By last period's share",
            (SplitMethod::Capacity, Lang::Zh) => "按产能",
            (SplitMethod::Capacity, Lang::En) => "By capacity",
            (SplitMethod::LastYearSeasonality, Lang::Zh) => "按去年季节性",
            (SplitMethod::LastYearSeasonality, Lang::En) => "By last year's seasonality",
            (SplitMethod::ByHand, Lang::Zh) => "手动",
            (SplitMethod::ByHand, Lang::En) => "By hand",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Targets,
    Forecast,
    Kpis,
    Scorecards,
    Reviews,
    Incentives,
    Coaching,
    Agenda,
}

impl Tab {
    /// Every tab, in the order of the tab row (for tests that draw them all).
    pub const ALL: [Tab; 8] = [
        Tab::Targets,
        Tab::Forecast,
        Tab::Kpis,
        Tab::Scorecards,
        Tab::Reviews,
        Tab::Incentives,
        Tab::Coaching,
        Tab::Agenda,
    ];
}

#[derive(Default)]
pub struct PerformancePage {
    pub tab: Tab,
    targets: targets::TargetsView,
    forecast: forecast::ForecastView,
    focus: Focus,
    kpis: kpis::KpisView,
    scorecards: scorecards::ScorecardsView,
    reviews: reviews::ReviewsView,
    incentives: incentives::IncentivesView,
    coaching: coaching::CoachingView,
}

impl PerformancePage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal_wrapped(|ui| {
            ui.heading(cx.t(T::Performance));
            ui.separator();
            for (tab, text) in [
                (Tab::Targets, Text::TargetsTab),
                (Tab::Forecast, Text::ForecastTab),
                (Tab::Kpis, Text::KpisTab),
                (Tab::Scorecards, Text::ScorecardsTab),
                (Tab::Reviews, Text::ReviewsTab),
                (Tab::Incentives, Text::IncentivesTab),
                (Tab::Coaching, Text::CoachingTab),
                (Tab::Agenda, Text::AgendaTab),
            ] {
                if ui
                    .add(egui::Button::selectable(self.tab == tab, text.get(lang)))
                    .clicked()
                {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        match self.tab {
            Tab::Targets => self.targets.show(ui, cx),
            Tab::Forecast => self.forecast.show(ui, cx),
            _ => self.people(ui, cx),
        }
    }

    /// The tabs after the targets and forecasts, in one scroll area; all but the KPI
    /// definitions look at one rep over one period.
    fn people(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        if self.tab != Tab::Kpis {
            self.focus.bar(ui, cx);
            ui.separator();
        }
        let focus = &mut self.focus;
        let tab = &mut self.tab;
        egui::ScrollArea::both()
            .id_salt(("performance_tab", *tab as u8))
            .auto_shrink([false, false])
            .show(ui, |ui| match *tab {
                Tab::Kpis => self.kpis.show(ui, cx),
                Tab::Scorecards => {
                    if let Some(draft) = self.scorecards.show(ui, cx, focus) {
                        self.reviews.open(draft);
                        *tab = Tab::Reviews;
                    }
                }
                Tab::Reviews => self.reviews.show(ui, cx, focus),
                Tab::Incentives => self.incentives.show(ui, cx, focus),
                Tab::Coaching => self.coaching.show(ui, cx, focus),
                Tab::Agenda => agenda::show(ui, cx, focus),
                Tab::Targets | Tab::Forecast => {}
            });
    }
}

impl crate::ui::PageView for PerformancePage {
    const TITLE: crate::i18n::T = crate::i18n::T::Performance;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn focus(&mut self, route: &crate::ui::Route, ws: &crate::model::Workspace) -> bool {
        use crate::model::RecordKey as K;
        match route.record {
            None => true,
            Some(K::Target(_)) => {
                self.tab = Tab::Targets;
                true
            }
            Some(K::ForecastAdjustment(_)) => {
                self.tab = Tab::Forecast;
                true
            }
            Some(K::Kpi(_)) => {
                self.tab = Tab::Kpis;
                true
            }
            Some(K::Review(id)) => {
                // The review itself, open in its form (the Dashboard's "review due").
                let Some(r) = ws.performance.reviews.get(id) else {
                    return false;
                };
                self.tab = Tab::Reviews;
                self.focus.rep = Some(r.member);
                self.reviews.open(reviews::ReviewDraft::of(r));
                true
            }
            Some(K::CommissionPlan(_)) => {
                self.tab = Tab::Incentives;
                true
            }
            Some(K::CoachingNote(id)) => {
                self.tab = Tab::Coaching;
                if let Some(n) = ws.performance.notes.get(id) {
                    self.focus.rep = n.member.or(self.focus.rep);
                }
                true
            }
            Some(_) => false,
        }
    }
}

/// A delete waiting for the user's yes: the record, named so.
#[derive(Default)]
pub(crate) struct PendingDelete(Option<(crate::model::RecordKey, String)>);

impl PendingDelete {
    pub fn ask(&mut self, key: crate::model::RecordKey, what: String) {
        self.0 = Some((key, what));
    }
    /// The confirmation dialog while a delete waits; deletes (with what depends on the
    /// record) on yes.
    pub fn dialog(&mut self, ctx: &egui::Context, cx: &mut Cx) {
        use crate::ui::widgets::confirm::{Answer, confirm_delete};
        let Some((key, what)) = &self.0 else { return };
        let lang = cx.lang;
        match confirm_delete(ctx, "performance_confirm_delete", what, lang) {
            Answer::Pending => {}
            Answer::No => self.0 = None,
            Answer::Yes => {
                let change = cx.doc.delete_with_dependents(*key);
                let label = format!("{} {what}", T::Delete.get(lang));
                let done = Text::Deleted.get(lang);
                let _ = cx.apply_and_report(change, label, done);
                self.0 = None;
            }
        }
    }
}

/// A table cell of running text: wrapped at `width` points, never narrower (a grid gives
/// a wrapped label only the width of its widest word, a few characters of Chinese).
pub(crate) fn text_cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, width: f32) {
    ui.scope(|ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// The words of a form: its grid's id, its heading, the undo step's name and the toast
/// after a save.
pub(crate) struct FormText<'a> {
    pub id: &'static str,
    pub heading: &'a str,
    pub label: &'a str,
    pub saved: &'a str,
}

impl FormText<'static> {
    /// A form headed (and undone as) `new` for a new record, else `edit`; `saved` after.
    pub(crate) fn new_or_edit(
        id: &'static str,
        is_new: bool,
        [new, edit, saved]: [&'static str; 3],
    ) -> Self {
        let title = if is_new { new } else { edit };
        FormText {
            id,
            heading: title,
            label: title,
            saved,
        }
    }
}

/// Draws the open form of `editor` (if any) in a frame with `fields` (given the draft,
/// its errors and whether it just opened, for the first field's focus), then saves what
/// `build` makes of the draft through the one apply path, or closes, as the user asks.
pub(crate) fn edit_form<D>(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    editor: &mut Option<crate::ui::me::Editor<D>>,
    words: FormText,
    fields: impl FnOnce(&mut egui::Ui, &mut D, &crate::model::Errors, bool),
    build: impl FnOnce(&D) -> Result<crate::model::Change, crate::model::Errors>,
) {
    let lang = cx.lang;
    let Some(ed) = editor.as_mut() else { return };
    let errors = ed.errors.clone();
    let fresh = std::mem::take(&mut ed.fresh);
    let d = &mut ed.draft;
    let action = crate::ui::me::form_frame(ui, words.id, words.heading, &errors, lang, |ui| {
        fields(ui, d, &errors, fresh)
    });
    crate::ui::me::run_form(
        editor,
        action,
        cx,
        |d, _| build(d),
        words.label,
        words.saved,
    );
}
