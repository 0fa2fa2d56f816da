//! What an event cost and brought: the expenses linked to it (its cost) and the deals
//! whose source it is (its leads and revenue), with finders that link more as one undo
//! step; and the customer interactions and feedback collected at it.

use super::Text;
use crate::analytics::AnalyticsCache;
use crate::analytics::promotions::collected;
use crate::i18n::Label;
use crate::model::*;
use crate::ui::Cx;
use crate::ui::format::money;
use crate::ui::widgets::table::matches;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How many candidates a finder shows.
const SHOWN: usize = 30;

#[derive(Default)]
pub struct LinksState {
    expense_filter: String,
    deal_filter: String,
    expenses: BTreeSet<ExpenseId>,
    deals: BTreeSet<DealId>,
}

fn expense_line(ws: &Workspace, e: &Expense) -> String {
    let what = if e.payee.trim().is_empty() {
        e.note.as_str()
    } else {
        e.payee.as_str()
    };
    let mut s = format!(
        "{} · {} · {what} · {}",
        e.date,
        ws.category_name(e.category),
        money(e.amount)
    );
    if let Some(l) = e.link {
        s.push_str(&format!(" · {}", ws.source_name(l)));
    }
    s
}

fn deal_line(ws: &Workspace, d: &Deal, lang: crate::i18n::Lang) -> String {
    let mut s = format!(
        "{} · {} · {} · {}",
        d.title,
        ws.customer_name(d.customer),
        d.stage.label(lang),
        money(d.amount)
    );
    if let Some(l) = d.source {
        s.push_str(&format!(" · {}", ws.source_name(l)));
    }
    s
}

impl LinksState {
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
        let lang = cx.lang;
        let me = SourceRef::Promotion(p.id);
        let ws = cx.doc.ws().clone();
        ui.weak(Text::LinkHow.get(lang));
        let mut change: Option<(Change, Text)> = None;

        ui.add_space(6.0);
        ui.strong(Text::LinkedExpenses.get(lang));
        let linked: Vec<&Expense> = ws
            .budget
            .expenses
            .iter()
            .filter(|e| e.link == Some(me))
            .collect();
        if linked.is_empty() {
            ui.label(Text::NoLinkedExpenses.get(lang));
        }
        if let Some(e) = linked_list(
            ui,
            ("promotion_linked_expenses", p.id),
            lang,
            &linked,
            |e| expense_line(&ws, e),
        ) {
            let x = Expense {
                link: None,
                ..e.clone()
            };
            change = Some((Change::put(Record::Expense(x)), Text::Unlinked));
        }
        let rev = cx.doc.revision();
        let cache = &mut *cx.cache;
        let find = |needle: &str| {
            Found::kept(
                cache,
                rev,
                ("promotion_find_expenses", p.id, lang),
                needle,
                || {
                    ws.budget
                        .expenses
                        .iter()
                        .rev()
                        .filter(|e| e.link != Some(me))
                        .map(|e| (e.id, expense_line(&ws, e)))
                },
            )
        };
        if let Some(ids) = finder(
            ui,
            lang,
            (
                "promotion_find_expenses",
                Text::FindExpenses,
                Text::LinkExpenses,
            ),
            &mut self.expense_filter,
            find,
            &mut self.expenses,
        ) {
            let puts = ids
                .iter()
                .filter_map(|id| ws.budget.expenses.get(*id))
                .map(|e| {
                    Change::put(Record::Expense(Expense {
                        link: Some(me),
                        ..e.clone()
                    }))
                })
                .collect();
            change = Some((Change::Batch(puts), Text::Linked));
        }

        ui.add_space(10.0);
        ui.strong(Text::LinkedDeals.get(lang));
        let from_event: Vec<&Deal> = ws
            .deals
            .deals
            .iter()
            .filter(|d| d.source == Some(me))
            .collect();
        if from_event.is_empty() {
            ui.label(Text::NoLinkedDeals.get(lang));
        }
        if let Some(d) = linked_list(
            ui,
            ("promotion_linked_deals", p.id),
            lang,
            &from_event,
            |d| deal_line(&ws, d, lang),
        ) {
            let x = Deal {
                source: None,
                ..d.clone()
            };
            change = Some((Change::put(Record::Deal(x)), Text::Unlinked));
        }
        let cache = &mut *cx.cache;
        let find = |needle: &str| {
            Found::kept(
                cache,
                rev,
                ("promotion_find_deals", p.id, lang),
                needle,
                || {
                    ws.deals
                        .deals
                        .iter()
                        .rev()
                        .filter(|d| d.source != Some(me))
                        .map(|d| (d.id, deal_line(&ws, d, lang)))
                },
            )
        };
        if let Some(ids) = finder(
            ui,
            lang,
            ("promotion_find_deals", Text::FindDeals, Text::LinkDeals),
            &mut self.deal_filter,
            find,
            &mut self.deals,
        ) {
            let puts = ids
                .iter()
                .filter_map(|id| ws.deals.deals.get(*id))
                .map(|d| {
                    Change::put(Record::Deal(Deal {
                        source: Some(me),
                        ..d.clone()
                    }))
                })
                .collect();
            change = Some((Change::Batch(puts), Text::Linked));
        }

        if let Some((c, what)) = change {
            let label = format!("{} {}", what.get(lang), p.name);
            if cx.apply_and_report(c, label, what.get(lang)).is_ok() && what == Text::Linked {
                self.expenses.clear();
                self.deals.clear();
            }
        }
    }
}

/// Rows in view of a list of linked records.
const LINKED_ROWS: f32 = 10.0;

/// The linked records, each with its Unlink button, in a list that draws only the rows
/// in view: an event of a 100k-deal workspace has hundreds of deals, and drawing them
/// all took 50 ms a frame. The record whose Unlink was clicked.
fn linked_list<'w, T>(
    ui: &mut egui::Ui,
    id: (&str, PromotionId),
    lang: crate::i18n::Lang,
    rows: &[&'w T],
    line: impl Fn(&T) -> String,
) -> Option<&'w T> {
    let row = ui.spacing().interact_size.y;
    // As tall as its rows, up to LINKED_ROWS of them, wherever it sits on the page (by
    // default a scroll area low on the page shrinks to 64 px, under three rows).
    let height = (row + ui.spacing().item_spacing.y) * (rows.len() as f32).min(LINKED_ROWS);
    // Room for the scroll bar, which floats over the rows' right end.
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
    let mut unlink = None;
    egui::ScrollArea::vertical()
        // Each event its own scroll position.
        .id_salt(id)
        .auto_shrink([false, true])
        .max_height(height)
        .min_scrolled_height(height)
        .show_rows(ui, row, rows.len(), |ui, range| {
            ui.set_max_width(ui.available_width() - bar);
            for r in &rows[range] {
                // A long line ends in … (whole on hover); Unlink keeps the right end.
                egui::containers::Sides::new()
                    .height(row)
                    .shrink_left()
                    .truncate()
                    .show(
                        ui,
                        |ui| ui.label(line(r)),
                        |ui| {
                            if ui.small_button(Text::Unlink.get(lang)).clicked() {
                                unlink = Some(*r);
                            }
                        },
                    );
            }
        });
    unlink
}

/// The first [`SHOWN`] candidates that match a finder's filter, and whether more do.
struct Found<Id> {
    shown: Vec<(Id, String)>,
    more: bool,
}

impl<Id> Found<Id> {
    /// Reads `candidates` only as far as the first `SHOWN + 1` matches: their lines are
    /// built as they are read, so an empty filter builds 31 lines, not one per deal.
    fn first(candidates: impl Iterator<Item = (Id, String)>, needle: &str) -> Self {
        let mut shown: Vec<(Id, String)> = candidates
            .filter(|(_, line)| needle.is_empty() || matches(line, needle))
            .take(SHOWN + 1)
            .collect();
        let more = shown.len() > SHOWN;
        shown.truncate(SHOWN);
        Found { shown, more }
    }

    /// [`Found::first`] of a finder (`name`, its event, the language) for `needle`, kept
    /// by revision: a frame reads no candidate, a new filter reads them once.
    fn kept<I: Iterator<Item = (Id, String)>>(
        cache: &mut AnalyticsCache,
        rev: u64,
        (name, event, lang): (&'static str, PromotionId, crate::i18n::Lang),
        needle: &str,
        candidates: impl FnOnce() -> I,
    ) -> Arc<Self>
    where
        Id: Send + Sync + 'static,
    {
        let key = (event, lang, needle.to_owned());
        cache
            .get_or_compute(rev, name, key, || {
                Arc::new(Found::first(candidates(), needle))
            })
            .clone()
    }
}

/// A filter field, the first matching candidates as checkboxes, and the link button;
/// the chosen ids when the button is clicked. `find` gives the matches of a filter
/// (lower-cased, trimmed); the callers keep them by revision, so a frame builds no line.
fn finder<Id: Copy + Ord>(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    (id, find_label, link): (&str, Text, Text),
    filter: &mut String,
    find: impl FnOnce(&str) -> Arc<Found<Id>>,
    chosen: &mut BTreeSet<Id>,
) -> Option<Vec<Id>> {
    let mut go = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.push_id(id, |ui| {
            ui.horizontal(|ui| {
                let l = ui.label(find_label.get(lang));
                ui.add(egui::TextEdit::singleline(filter).desired_width(240.0))
                    .labelled_by(l.id);
            });
            let found = find(&filter.trim().to_lowercase());
            if found.shown.is_empty() {
                ui.label(Text::NoMatch.get(lang));
            }
            for (cid, line) in &found.shown {
                let mut on = chosen.contains(cid);
                if ui.checkbox(&mut on, line.as_str()).changed() {
                    if on {
                        chosen.insert(*cid);
                    } else {
                        chosen.remove(cid);
                    }
                }
            }
            if found.more {
                ui.weak(Text::MoreHidden.get(lang));
            }
            let n = chosen.len();
            let button = ui.add_enabled(n > 0, egui::Button::new(link.get(lang)));
            if n > 0 {
                ui.weak(Text::link_n(lang, n));
            }
            if button.clicked() {
                go = Some(chosen.iter().copied().collect());
            }
        });
    });
    go
}

/// The interactions and feedback entries linked to the event.
pub fn feedback(ui: &mut egui::Ui, cx: &mut Cx, p: &Promotion) {
    let lang = cx.lang;
    let ws = cx.doc.ws();
    let (interactions, feedback) = collected(ws, p.id);
    if interactions.is_empty() && feedback.is_empty() {
        ui.label(Text::NoCollected.get(lang));
        return;
    }
    ui.strong(Text::Interactions.get(lang));
    for i in interactions {
        ui.label(format!(
            "{} · {} · {} · {}",
            i.date,
            ws.customer_name(i.customer),
            i.kind.label(lang),
            i.note
        ));
    }
    ui.add_space(6.0);
    ui.strong(Text::FeedbackEntries.get(lang));
    for f in feedback {
        ui.label(format!(
            "{} · {} · {} · {} · {}",
            f.date,
            ws.customer_name(f.customer),
            f.kind.label(lang),
            f.status.label(lang),
            f.text
        ));
    }
}
