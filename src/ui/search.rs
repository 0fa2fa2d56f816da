//! Ctrl+K: find any customer, deal or team member by name, and jump to it.

use super::{Cx, Page};
use crate::i18n::{Label, T};
use crate::model::*;
use crate::ui::format::money_short;
use crate::ui::widgets::table::matches;

/// How many hits the list shows; the rest are counted.
const MAX_HITS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub key: RecordKey,
}

#[derive(Default)]
pub struct Search {
    pub query: String,
    pub open: bool,
    pub focus_next_frame: bool,
    hits: Vec<Hit>,
    total: usize,
    key: Option<(u64, String)>,
}

impl Search {
    pub fn request_focus(&mut self) {
        self.open = true;
        self.focus_next_frame = true;
    }

    /// Recomputes hits only when the query or the data changed.
    pub fn refresh(&mut self, doc: &Document) {
        let key = (doc.revision(), self.query.clone());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        self.hits.clear();
        self.total = 0;
        let q = self.query.trim().to_lowercase();
        if q.is_empty() {
            return;
        }
        let ws = &doc.ws;
        let mut push = |k: RecordKey| {
            if self.hits.len() < MAX_HITS {
                self.hits.push(Hit { key: k });
            }
            self.total += 1;
        };
        for m in ws.team.members.iter().filter(|m| matches(&m.name, &q)) {
            push(RecordKey::Member(m.id));
        }
        for c in ws
            .customers
            .customers
            .iter()
            .filter(|c| matches(&c.name, &q))
        {
            push(RecordKey::Customer(c.id));
        }
        for d in ws.deals.deals.iter().filter(|d| matches(&d.title, &q)) {
            push(RecordKey::Deal(d.id));
        }
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
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.open = false;
        }
        self.refresh(cx.doc);
        if !self.open || self.query.trim().is_empty() {
            return;
        }
        let mut chosen = None;
        let popup = egui::Area::new(egui::Id::unique("search_hits"))
            .order(egui::Order::Foreground)
            .fixed_pos(r.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_width(420.0);
                    if self.hits.is_empty() {
                        ui.label(cx.t(T::NoMatch));
                    }
                    let ws = &cx.doc.ws;
                    for h in &self.hits {
                        let text = match h.key {
                            RecordKey::Member(id) => {
                                format!("{} · {}", T::Team.get(lang), ws.member_name(id))
                            }
                            RecordKey::Customer(id) => {
                                format!("{} · {}", T::Customers.get(lang), ws.customer_name(id))
                            }
                            RecordKey::Deal(id) => match ws.deals.deals.get(id) {
                                Some(d) => format!(
                                    "{} · {} · {} · {} · {}",
                                    T::Pipeline.get(lang),
                                    d.title,
                                    ws.customer_name(d.customer),
                                    d.stage.label(lang),
                                    money_short(d.amount, lang)
                                ),
                                None => continue,
                            },
                            _ => continue,
                        };
                        if ui.selectable_label(false, text).clicked() {
                            chosen = Some(h.key);
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
        if let Some(key) = chosen {
            let page = match key {
                RecordKey::Member(_) => Page::Team,
                RecordKey::Customer(_) => Page::Customers,
                _ => Page::Pipeline,
            };
            cx.go(page, Some(key));
            self.open = false;
            self.query.clear();
        }
    }
}
