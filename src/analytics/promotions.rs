//! 总结评估 of promotion events: what each event cost against its budget, what it
//! brought (attributed leads, won deals, revenue) against its goals, its ROI and cost per
//! lead, and its plan steps that are overdue.
//!
//! Attribution is `analytics::sources`' (deals whose source is the event, expenses
//! linked to it), taken over all time: an event's deals count whenever they were won.
//!
//! - ROI = (attributed revenue − cost) ÷ cost, `None` when nothing was spent;
//! - cost per lead = cost ÷ attributed deals (leads), `None` with no lead;
//! - cost against budget: variance = cost − budget (and % of budget).

use super::ratio;
use super::sources::{SourceFigures, source_figures};
use crate::model::{
    Feedback, Interaction, MemberId, Money, Period, Promotion, PromotionId, PromotionKind,
    PromotionStatus, SourceRef, Workspace, days_between,
};
use chrono::NaiveDate;

/// One goal of an event against what it reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalActual {
    pub goal: i64,
    pub actual: i64,
}

impl GoalActual {
    /// actual ÷ goal; `None` when no goal was set.
    pub fn reached(&self) -> Option<f64> {
        ratio(self.actual as f64, self.goal as f64)
    }
}

/// An event's review figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFigures {
    pub id: PromotionId,
    pub name: String,
    pub kind: PromotionKind,
    pub status: PromotionStatus,
    pub start: NaiveDate,
    /// Cost (linked expenses), leads (attributed deals), wins and revenue, all time.
    pub source: SourceFigures,
    pub budget: Money,
    /// Leads: goal and attributed deals.
    pub leads: GoalActual,
    /// Won deals: goal and attributed wins.
    pub deals: GoalActual,
    /// Revenue (minor units): goal and attributed won revenue.
    pub revenue: GoalActual,
}

impl EventFigures {
    pub fn cost(&self) -> Money {
        self.source.cost
    }
    /// (revenue − cost) ÷ cost.
    pub fn roi(&self) -> Option<f64> {
        self.source.roi()
    }
    /// Minor units per lead.
    pub fn cost_per_lead(&self) -> Option<f64> {
        self.source.cost_per_lead()
    }
    /// Cost per lead rounded to the fen, for showing.
    pub fn lead_cost(&self) -> Option<Money> {
        self.cost_per_lead().map(|m| Money(m.round() as i64))
    }
    /// Cost − budget: above 0 is over budget.
    pub fn budget_variance(&self) -> Money {
        self.source.cost - self.budget
    }
    /// The variance as a share of the budget; `None` with no budget.
    pub fn budget_variance_pct(&self) -> Option<f64> {
        ratio(self.budget_variance().0 as f64, self.budget.0 as f64)
    }
}

/// All time, so an event's attributed deals count whenever they happened.
fn all_time() -> Period {
    Period::new(NaiveDate::MIN, NaiveDate::MAX)
}

fn figures_of(p: &Promotion, source: SourceFigures) -> EventFigures {
    EventFigures {
        id: p.id,
        name: p.name.clone(),
        kind: p.kind,
        status: p.status,
        start: p.start,
        budget: p.budget,
        leads: GoalActual {
            goal: p.leads_goal.into(),
            actual: source.deals as i64,
        },
        deals: GoalActual {
            goal: p.deals_goal.into(),
            actual: source.won_count as i64,
        },
        revenue: GoalActual {
            goal: p.revenue_goal.0,
            actual: source.revenue.0,
        },
        source,
    }
}

/// Every event's figures, in table order (one pass over deals and expenses).
pub fn event_figures(ws: &Workspace) -> Vec<EventFigures> {
    source_figures(ws, all_time())
        .into_iter()
        .filter_map(|f| match f.source {
            SourceRef::Promotion(id) => Some(figures_of(ws.promotions.promotions.get(id)?, f)),
            SourceRef::Channel(_) => None,
        })
        .collect()
}

/// One event's figures.
pub fn event_figures_of(ws: &Workspace, id: PromotionId) -> Option<EventFigures> {
    event_figures(ws).into_iter().find(|f| f.id == id)
}

/// The customer interactions and feedback entries collected at event `id`, newest first.
pub fn collected(ws: &Workspace, id: PromotionId) -> (Vec<&Interaction>, Vec<&Feedback>) {
    let mut i: Vec<&Interaction> = ws
        .customers
        .interactions
        .iter()
        .filter(|x| x.promotion == Some(id))
        .collect();
    i.sort_by_key(|x| std::cmp::Reverse((x.date, x.id)));
    let mut f: Vec<&Feedback> = ws
        .customers
        .feedback
        .iter()
        .filter(|x| x.promotion == Some(id))
        .collect();
    f.sort_by_key(|x| std::cmp::Reverse((x.date, x.id)));
    (i, f)
}

/// A plan step not done and due today or earlier, of an event still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDue {
    pub promotion: PromotionId,
    /// The step's place in the event's plan.
    pub index: usize,
    pub text: String,
    pub owner: Option<MemberId>,
    pub due: NaiveDate,
    /// Days past due: 0 = due today.
    pub days_overdue: i64,
}

/// Plan steps due today or earlier and not done, of events not yet done or cancelled,
/// the most overdue first (they join the Dashboard's follow-ups).
pub fn steps_due(ws: &Workspace, today: NaiveDate) -> Vec<StepDue> {
    let mut out: Vec<StepDue> = ws
        .promotions
        .promotions
        .iter()
        .filter(|p| !p.status.is_closed())
        .flat_map(|p| {
            p.steps.iter().enumerate().filter_map(move |(index, s)| {
                let due = s.due.filter(|d| !s.done && *d <= today)?;
                Some(StepDue {
                    promotion: p.id,
                    index,
                    text: s.text.clone(),
                    owner: s.owner,
                    due,
                    days_overdue: days_between(due, today),
                })
            })
        })
        .collect();
    out.sort_by_key(|s| (s.due, s.promotion, s.index));
    out
}
