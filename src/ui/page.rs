//! One registry of pages. The sidebar, the dispatch, the search, the alerts, the tests
//! and the benches all go through [`Page::ALL`] and [`Pages`]; adding a page is its own
//! file plus one line in [`pages!`] below.
//!
//! `Page` stays an enum (not a string) because it is the stable id stored in the
//! preferences and named by tests: the macro makes it from the same line.

use super::Cx;
use crate::i18n::T;
use crate::model::{Period, RecordKey, RecordKind, Workspace};

/// Where to go: a page, and optionally a record to open there and a period to show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Route {
    pub page: Page,
    pub record: Option<RecordKey>,
    pub period: Option<Period>,
}

impl Route {
    pub fn page(page: Page) -> Route {
        Route {
            page,
            record: None,
            period: None,
        }
    }
    /// The record on the page where it lives.
    pub fn record(key: RecordKey) -> Route {
        Route {
            record: Some(key),
            ..Route::page(key.kind().home_page())
        }
    }
    pub fn with_period(self, period: Period) -> Route {
        Route {
            period: Some(period),
            ..self
        }
    }
}

/// Where the sidebar shows a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The list at the top, in registry order.
    List,
    /// The foot of the sidebar (Data & backups).
    Foot,
}

/// What every page is to the shell.
pub trait PageView {
    /// Its name in the sidebar and its heading.
    const TITLE: T;
    const PLACE: Place = Place::List;
    /// False for a page that is not built yet: it says so plainly (`not_built`).
    const BUILT: bool = true;
    fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx);
    /// Opens what `route` names (a record, a period) and scrolls it into view. False
    /// when this page cannot show it.
    fn focus(&mut self, route: &Route, ws: &Workspace) -> bool {
        let _ = (route, ws);
        false
    }
    /// Ctrl+N: opens the form of a new record of the page's main kind. Pages without
    /// one do nothing.
    fn new_record(&mut self, cx: &mut Cx) {
        let _ = cx;
    }
}

macro_rules! pages {
    ($($variant:ident: $field:ident => $ty:ty;)*) => {
        /// The pages, in sidebar order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum Page { $($variant,)* }

        impl Page {
            pub const ALL: &'static [Page] = &[$(Page::$variant,)*];
            pub fn title(self) -> T {
                match self { $(Page::$variant => <$ty as PageView>::TITLE,)* }
            }
            pub fn place(self) -> Place {
                match self { $(Page::$variant => <$ty as PageView>::PLACE,)* }
            }
            pub fn built(self) -> bool {
                match self { $(Page::$variant => <$ty as PageView>::BUILT,)* }
            }
        }

        /// The pages' own state (selection, filters, open forms).
        #[derive(Default)]
        pub struct Pages { $(pub $field: $ty,)* }

        impl Pages {
            pub fn show(&mut self, page: Page, ui: &mut egui::Ui, cx: &mut Cx) {
                match page { $(Page::$variant => PageView::show(&mut self.$field, ui, cx),)* }
            }
            pub fn focus(&mut self, route: &Route, ws: &Workspace) -> bool {
                match route.page { $(Page::$variant => PageView::focus(&mut self.$field, route, ws),)* }
            }
            pub fn new_record(&mut self, page: Page, cx: &mut Cx) {
                match page { $(Page::$variant => PageView::new_record(&mut self.$field, cx),)* }
            }
        }
    };
}

pages! {
    Dashboard: dashboard => super::dashboard::DashboardPage;
    Team: team => super::team::TeamPage;
    Performance: performance => super::performance::PerformancePage;
    Customers: customers => super::customers::CustomersPage;
    Pipeline: pipeline => super::pipeline::PipelinePage;
    Marketing: marketing => super::marketing::MarketingPage;
    Promotions: promotions => super::promotions::PromotionsPage;
    Budget: budget => super::budget::BudgetPage;
    Analytics: analytics => super::analytics::AnalyticsPage;
    Me: me => super::me::MePage;
    Data: data => super::data::DataPage;
}

impl Default for Page {
    fn default() -> Page {
        Page::ALL[0]
    }
}

impl Page {
    /// The pages of the sidebar's list, in order.
    pub fn listed() -> impl Iterator<Item = Page> {
        Page::ALL
            .iter()
            .copied()
            .filter(|p| p.place() == Place::List)
    }
}

impl RecordKind {
    /// The page where records of this kind live: search results and alerts open there.
    pub fn home_page(self) -> Page {
        use RecordKind as K;
        match self {
            K::Member | K::TeamEvent => Page::Team,
            K::Target
            | K::Kpi
            | K::Review
            | K::CommissionPlan
            | K::CoachingNote
            | K::ForecastAdjustment => Page::Performance,
            K::Customer | K::Contact | K::Interaction | K::Feedback | K::LoyaltyEntry => {
                Page::Customers
            }
            K::Deal => Page::Pipeline,
            K::Research
            | K::Segment
            | K::Channel
            | K::Content
            | K::MarketingPlan
            | K::MarketSize => Page::Marketing,
            K::Promotion => Page::Promotions,
            K::BudgetCategory | K::BudgetLine | K::Expense => Page::Budget,
            K::CareerGoal
            | K::LearningItem
            | K::Task
            | K::StressCheckIn
            | K::Assessment
            | K::Person
            | K::Touch
            | K::NetworkEvent
            | K::TimeBlock
            | K::WeeklyReview => Page::Me,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_kind_lives_on_a_page_of_the_registry() {
        for &k in RecordKind::ALL {
            assert!(Page::ALL.contains(&k.home_page()), "{k:?}");
        }
        assert_eq!(
            Route::record(RecordKey::Deal(crate::model::DealId(3))).page,
            Page::Pipeline
        );
    }
}
