//! The event form: kind (grouped), target group, plan, goals, budget, schedule, venue,
//! staff and publicity channels. Steps, checklist and review are edited on the event's
//! page; a draft copied from another event carries them along.

use super::Text;
use crate::i18n::{Label, Lang};
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money_input;
use crate::ui::me::{Editor, chips, first_field, form_frame, parse_number};
use crate::ui::widgets::form::{self, FormAction};

#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    /// What the form does not show (id, status, steps, checklist, review) comes from here.
    base: Promotion,
    pub name: String,
    pub kind: PromotionKind,
    pub audience: Option<Audience>,
    pub segment: Option<SegmentId>,
    pub products: Vec<String>,
    pub target_group: String,
    pub theme: String,
    pub leads_goal: String,
    pub deals_goal: String,
    pub revenue_goal: String,
    pub goal: String,
    pub budget: String,
    pub start: String,
    pub end: String,
    pub venue: String,
    pub staff: Vec<MemberId>,
    pub channels: Vec<ChannelId>,
    pub execution_plan: String,
    pub materials: String,
}

impl EventDraft {
    /// A new draft event starting today.
    pub fn new(today: chrono::NaiveDate) -> Self {
        Self::of(&Promotion::new("", PromotionKind::Discount, today))
    }

    pub fn of(p: &Promotion) -> Self {
        EventDraft {
            base: p.clone(),
            name: p.name.clone(),
            kind: p.kind,
            audience: p.audience,
            segment: p.segment,
            products: p.products.clone(),
            target_group: p.target_group.clone(),
            theme: p.theme.clone(),
            leads_goal: p.leads_goal.to_string(),
            deals_goal: p.deals_goal.to_string(),
            revenue_goal: money_input(p.revenue_goal),
            goal: p.goal.clone(),
            budget: money_input(p.budget),
            start: p.start.to_string(),
            end: p.end.to_string(),
            venue: p.venue.clone(),
            staff: p.staff.clone(),
            channels: p.channels.clone(),
            execution_plan: p.execution_plan.clone(),
            materials: p.materials.clone(),
        }
    }

    fn is_new(&self) -> bool {
        self.base.id.0 == 0
    }

    pub fn build(&self) -> Result<Change, Errors> {
        let mut e = Errors::new();
        let budget = form::parse_into(&mut e, "budget", parse_money(&self.budget));
        let revenue = form::parse_into(&mut e, "revenue_goal", parse_money(&self.revenue_goal));
        let start = form::parse_into(&mut e, "start", parse_date(&self.start));
        let end = form::parse_into(&mut e, "end", parse_date(&self.end));
        let max = i64::from(u32::MAX);
        let leads = parse_number(&mut e, "leads_goal", &self.leads_goal, 0, max);
        let deals = parse_number(&mut e, "deals_goal", &self.deals_goal, 0, max);
        let b = &self.base;
        let p = Promotion {
            name: self.name.trim().to_owned(),
            kind: self.kind,
            audience: self.audience,
            segment: self.segment,
            products: self.products.clone(),
            target_group: self.target_group.trim().to_owned(),
            theme: self.theme.trim().to_owned(),
            leads_goal: leads as u32,
            deals_goal: deals as u32,
            revenue_goal: revenue.unwrap_or_default(),
            goal: self.goal.trim_end().to_owned(),
            budget: budget.unwrap_or_default(),
            start: start.unwrap_or(b.start),
            end: end.unwrap_or(b.end),
            venue: self.venue.trim().to_owned(),
            staff: self.staff.clone(),
            channels: self.channels.clone(),
            execution_plan: self.execution_plan.trim_end().to_owned(),
            materials: self.materials.trim_end().to_owned(),
            ..b.clone()
        };
        if start.is_none() || end.is_none() {
            // A date that did not parse: the order of the dates is not checked.
            let mut own = p.validate();
            own.0.retain(|fe| fe.field != "end");
            for fe in own.0 {
                e.add(fe.field, fe.problem);
            }
            return e.into_result().map(|_| Change::put(Record::Promotion(p)));
        }
        crate::ui::me::checked(e, Record::Promotion(p))
    }
}

/// The open form; on a save, the id of the event saved (to open its page).
pub fn show(
    ui: &mut egui::Ui,
    cx: &mut Cx,
    editor: &mut Option<Editor<EventDraft>>,
) -> Option<PromotionId> {
    let lang = cx.lang;
    let ed = editor.as_mut()?;
    let title = if ed.draft.is_new() {
        Text::NewEvent
    } else {
        Text::EditEvent
    };
    let errors = ed.errors.clone();
    let fresh = std::mem::take(&mut ed.fresh);
    let ws = cx.doc.ws().clone();
    let d = &mut ed.draft;
    let action = form_frame(ui, "promotion_form", title.get(lang), &errors, lang, |ui| {
        fields(ui, d, &errors, fresh, lang, &ws)
    });
    match action {
        FormAction::None => None,
        FormAction::Cancel => {
            *editor = None;
            None
        }
        FormAction::Save => {
            let built = ed.draft.build();
            let label = format!("{} {}", title.get(lang), ed.draft.name.trim());
            match built.and_then(|c| cx.apply(c, label)) {
                Ok(applied) => {
                    cx.toasts.info(Text::EventSaved.get(lang));
                    *editor = None;
                    match applied.keys.first() {
                        Some(RecordKey::Promotion(id)) => Some(*id),
                        _ => None,
                    }
                }
                Err(e) => {
                    ed.errors = e;
                    None
                }
            }
        }
    }
}

fn fields(
    ui: &mut egui::Ui,
    d: &mut EventDraft,
    errors: &Errors,
    fresh: bool,
    lang: Lang,
    ws: &Workspace,
) {
    let r = form::text(ui, Text::Name.get(lang), &mut d.name, "name", errors, lang);
    first_field(r, fresh);
    kind_picker(ui, &mut d.kind, lang);
    let audiences: Vec<(Audience, String)> = Audience::ALL
        .iter()
        .map(|a| (*a, a.label(lang).to_owned()))
        .collect();
    form::pick(
        ui,
        Text::Audience.get(lang),
        &mut d.audience,
        &audiences,
        Some(Text::AudienceUnset.get(lang)),
        "audience",
        errors,
        lang,
    );
    let segments = crate::ui::widgets::form::segment_options(ws);
    form::pick(
        ui,
        Text::Segment.get(lang),
        &mut d.segment,
        &segments,
        Some(Text::AllSegments.get(lang)),
        "segment",
        errors,
        lang,
    );
    let products: Vec<(String, String)> = product_names(ws)
        .into_iter()
        .map(|p| (p.clone(), p))
        .collect();
    chips(ui, Text::Products.get(lang), &products, &mut d.products);
    let rows: [(Text, &mut String, &str); 6] = [
        (Text::TargetNotes, &mut d.target_group, "target_group"),
        (Text::Theme, &mut d.theme, "theme"),
        (Text::LeadsGoal, &mut d.leads_goal, "leads_goal"),
        (Text::DealsGoal, &mut d.deals_goal, "deals_goal"),
        (Text::RevenueGoal, &mut d.revenue_goal, "revenue_goal"),
        (Text::Budget, &mut d.budget, "budget"),
    ];
    for (label, value, field) in rows {
        form::text(ui, label.get(lang), value, field, errors, lang);
    }
    form::multiline(
        ui,
        Text::GoalNotes.get(lang),
        &mut d.goal,
        "goal",
        errors,
        lang,
    );
    form::date(
        ui,
        Text::Start.get(lang),
        &mut d.start,
        "start",
        errors,
        lang,
    );
    form::date(ui, Text::End.get(lang), &mut d.end, "end", errors, lang);
    form::text(
        ui,
        Text::Venue.get(lang),
        &mut d.venue,
        "venue",
        errors,
        lang,
    );
    let members =
        crate::ui::widgets::form::member_options(ws, |m| m.active || d.staff.contains(&m.id));
    chips(ui, Text::Staff.get(lang), &members, &mut d.staff);
    let channels: Vec<(ChannelId, String)> = ws
        .marketing
        .channels
        .iter()
        .filter(|c| c.active || d.channels.contains(&c.id))
        .map(|c| (c.id, c.name.clone()))
        .collect();
    chips(ui, Text::Channels.get(lang), &channels, &mut d.channels);
    form::multiline(
        ui,
        Text::PlanNotes.get(lang),
        &mut d.execution_plan,
        "execution_plan",
        errors,
        lang,
    );
    form::multiline(
        ui,
        Text::MaterialsNotes.get(lang),
        &mut d.materials,
        "materials",
        errors,
        lang,
    );
}

/// The eight sub-kinds, shown in their four kinds: "体验：试用 体验会".
fn kind_picker(ui: &mut egui::Ui, kind: &mut PromotionKind, lang: Lang) {
    ui.label(Text::Kind.get(lang));
    ui.vertical(|ui| {
        for g in KindGroup::ALL {
            ui.horizontal(|ui| {
                ui.label(Text::group_line(lang, g.label(lang)));
                for k in g.kinds() {
                    ui.selectable_value(kind, k, k.label(lang));
                }
            });
        }
    });
    ui.end_row();
}

/// The team's product lines and every product a deal names, sorted, once each.
pub fn product_names(ws: &Workspace) -> Vec<String> {
    let mut all: Vec<String> = ws
        .team
        .setup
        .product_lines
        .iter()
        .cloned()
        .chain(ws.deals.deals.iter().map(|d| d.product.clone()))
        .filter(|p| !p.trim().is_empty())
        .collect();
    all.sort();
    all.dedup();
    all
}
