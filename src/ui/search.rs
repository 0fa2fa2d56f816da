//! Ctrl+K: find any record by name, or a command, and open it. Arrows move the
//! highlight, Enter opens it, Escape closes the box.

use super::{AppCommand, Cx, Route};
use crate::i18n::{Label, Lang, T, kind_name};
use crate::model::*;
use crate::ui::format::money_short;
use crate::ui::widgets::table::matches;

/// How many hits the list shows; the rest are counted.
const MAX_HITS: usize = 30;

#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    Command(AppCommand),
    Record(RecordKey),
}

#[derive(Default)]
pub struct Search {
    pub query: String,
    pub open: bool,
    pub focus_next_frame: bool,
    hits: Vec<Hit>,
    total: usize,
    /// The highlighted hit (arrows move it, Enter opens it).
    selected: usize,
    key: Option<(u64, String, Lang)>,
}

/// Records found by one of their names (or their email and phone, where they have
/// them): the kind, and how to read its name. Names match by pinyin too (`matches`).
macro_rules! named {
    ($push:ident, $q:ident; $($table:expr => $variant:ident . $field:ident $(| $more:ident)*;)*) => {
        $(for r in $table.iter().filter(|r| matches(&r.$field, &$q) $(|| matches(&r.$more, &$q))*) {
            $push(Hit::Record(RecordKey::$variant(r.id)));
        })*
    };
}

impl Search {
    pub fn request_focus(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    /// The hits, best first: commands, then records.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Recomputes hits only when the query, the data or the language changed.
    pub fn refresh(&mut self, doc: &Document, lang: Lang) {
        let key = (doc.revision(), self.query.clone(), lang);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        self.hits.clear();
        self.total = 0;
        self.selected = 0;
        let q = self.query.trim().to_lowercase();
        if q.is_empty() {
            return;
        }
        let (hits, total) = (&mut self.hits, &mut self.total);
        let mut push = |h: Hit| {
            if hits.len() < MAX_HITS {
                hits.push(h);
            }
            *total += 1;
        };
        for c in AppCommand::palette().filter(|c| matches(&c.palette_text(lang), &q)) {
            push(Hit::Command(c));
        }
        let ws = &doc.ws();
        named! { push, q;
            ws.team.members => Member.name | email | phone;
            ws.customers.customers => Customer.name | email | phone;
            ws.customers.contacts => Contact.name | email | phone;
            ws.deals.deals => Deal.title;
            ws.promotions.promotions => Promotion.name;
            ws.marketing.channels => Channel.name;
            ws.marketing.segments => Segment.name;
            ws.budget.categories => BudgetCategory.name;
            ws.me.people => Person.name;
            ws.me.tasks => Task.title;
            ws.me.goals => CareerGoal.title;
        }
    }

    /// How one hit reads in the list.
    fn text(h: &Hit, ws: &Workspace, lang: Lang, ctx: &egui::Context) -> Option<String> {
        let name = |k: RecordKey| kind_name(lang, k.kind());
        Some(match h {
            Hit::Command(c) => match c.shortcut_text(ctx) {
                Some(keys) => format!(
                    "{} · {}  ({keys})",
                    T::Commands.get(lang),
                    c.palette_text(lang)
                ),
                None => format!("{} · {}", T::Commands.get(lang), c.palette_text(lang)),
            },
            Hit::Record(k @ RecordKey::Deal(id)) => {
                let d = ws.deals.deals.get(*id)?;
                format!(
                    "{} · {} · {} · {} · {}",
                    name(*k),
                    d.title,
                    ws.customer_name(d.customer),
                    d.stage.label(lang),
                    money_short(d.amount, lang)
                )
            }
            Hit::Record(k @ RecordKey::Contact(id)) => {
                let c = ws.customers.contacts.get(*id)?;
                format!(
                    "{} · {} · {}",
                    name(*k),
                    c.name,
                    ws.customer_name(c.customer)
                )
            }
            Hit::Record(k) => {
                let label = match k {
                    RecordKey::Member(id) => ws.member_name(*id).to_owned(),
                    RecordKey::Customer(id) => ws.customer_name(*id).to_owned(),
                    RecordKey::BudgetCategory(id) => ws.category_name(*id).to_owned(),
                    RecordKey::Promotion(id) => ws.promotions.promotions.get(*id)?.name.clone(),
                    RecordKey::Channel(id) => ws.marketing.channels.get(*id)?.name.clone(),
                    RecordKey::Segment(id) => ws.marketing.segments.get(*id)?.name.clone(),
                    RecordKey::Person(id) => ws.me.people.get(*id)?.name.clone(),
                    RecordKey::Task(id) => ws.me.tasks.get(*id)?.title.clone(),
                    RecordKey::CareerGoal(id) => ws.me.goals.get(*id)?.title.clone(),
                    _ => return None,
                };
                format!("{} · {label}", name(*k))
            }
        })
    }

    /// The search box in the top bar, with its drop-down of hits.
    pub fn show(&mut self, ui: &mut egui::Ui, cx: &mut Cx) {
        let lang = cx.lang;
        let l = ui.label(cx.t(T::Search));
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(cx.t(T::SearchHint))
                    .desired_width(300.0),
            )
            .labelled_by(l.id);
        if self.focus_next_frame {
            r.request_focus();
            self.focus_next_frame = false;
        }
        if r.changed() || r.gained_focus() {
            self.open = true;
        }
        self.refresh(cx.doc, lang);
        let (up, down, enter, escape) = ui.input(|i| {
            use egui::Key;
            (
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
            )
        });
        if r.has_focus() && !self.hits.is_empty() {
            if down {
                self.selected = (self.selected + 1).min(self.hits.len() - 1);
            }
            if up {
                self.selected = self.selected.saturating_sub(1);
            }
        }
        if r.lost_focus() && escape {
            // Escape cancels the search: the next Ctrl+K starts from an empty box.
            self.open = false;
            self.query.clear();
            // Taken, so the form under the box keeps its draft.
            ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        }
        if !self.open || self.query.trim().is_empty() {
            return;
        }
        // A single-line field gives up focus on Enter: that Enter opens the highlight.
        let mut chosen = (r.lost_focus() && enter)
            .then(|| self.hits.get(self.selected).cloned())
            .flatten();
        let popup = egui::Area::new(egui::Id::unique("search_hits"))
            .order(egui::Order::Foreground)
            .fixed_pos(r.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(420.0);
                    if self.hits.is_empty() {
                        ui.label(cx.t(T::NoMatch));
                    }
                    for (i, h) in self.hits.iter().enumerate() {
                        let Some(text) = Search::text(h, cx.doc.ws(), lang, ui.ctx()) else {
                            continue;
                        };
                        let row = ui.selectable_label(i == self.selected, text);
                        if i == self.selected && (up || down) {
                            row.scroll_to_me(None);
                        }
                        if row.clicked() {
                            chosen = Some(h.clone());
                        }
                    }
                    if self.total > self.hits.len() {
                        ui.weak(format!("… +{}", self.total - self.hits.len()));
                    }
                });
            });
        if popup.response.clicked_elsewhere() && !r.has_focus() && !r.clicked() {
            self.open = false;
        }
        if let Some(hit) = chosen {
            cx.run(match hit {
                Hit::Command(c) => c,
                Hit::Record(key) => AppCommand::Navigate(Route::record(key)),
            });
            self.open = false;
            self.query.clear();
        }
    }
}
