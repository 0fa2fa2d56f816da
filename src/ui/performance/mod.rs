//! The Performance page (绩效): sales targets broken down to quarters, months and reps in
//! three tiers with live figures, and each rep's forecast commitments. KPIs, reviews and
//! commission plans are not built yet; the page says so and counts what is kept.

mod explain;
mod forecast;
mod targets;

use super::Cx;
use crate::analytics::SplitMethod;
use crate::i18n::{Label, Lang, T};

crate::texts! {
    pub enum Text {
        TargetsTab => "销售目标", "Targets";
        ForecastTab => "预测承诺", "Forecast commitments";
        LaterTab => "绩效指标、评估与激励", "KPIs, reviews, incentives";
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
enum Tab {
    #[default]
    Targets,
    Forecast,
    Later,
}

#[derive(Default)]
pub struct PerformancePage {
    tab: Tab,
    targets: targets::TargetsView,
    forecast: forecast::ForecastView,
}

impl PerformancePage {
    fn show_page(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.heading(cx.t(T::Performance));
            ui.separator();
            for (tab, text) in [
                (Tab::Targets, Text::TargetsTab),
                (Tab::Forecast, Text::ForecastTab),
                (Tab::Later, Text::LaterTab),
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
            Tab::Later => later(ui, cx),
        }
    }
}

/// KPIs, reviews and commission plans: not built yet, and what the workspace keeps.
fn later(ui: &mut egui::Ui, cx: &Cx) {
    let ws = &cx.doc.ws();
    let held = [
        ("绩效指标", "KPIs", ws.performance.kpis.len()),
        ("绩效评估", "Reviews", ws.performance.reviews.len()),
        (
            "激励方案",
            "Commission plans",
            ws.performance.commission_plans.len(),
        ),
        (
            "辅导与反馈记录",
            "Coaching & feedback notes",
            ws.performance.notes.len(),
        ),
    ];
    super::not_built::show(ui, cx, T::Performance, &held);
}

impl crate::ui::PageView for PerformancePage {
    const TITLE: crate::i18n::T = crate::i18n::T::Performance;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut crate::ui::Cx) {
        self.show_page(ui, cx)
    }
    fn focus(&mut self, route: &crate::ui::Route, _ws: &crate::model::Workspace) -> bool {
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
            // KPIs, reviews, commission plans, notes: their tab says they are not built.
            Some(_) => {
                self.tab = Tab::Later;
                false
            }
        }
    }
}
