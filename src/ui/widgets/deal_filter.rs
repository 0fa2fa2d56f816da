//! The owner / region / product / source drop-downs that narrow a page to some deals
//! ("all" by default). Analytics and the Pipeline draw the same row; each adds its own
//! controls after it.

use crate::analytics::{DealFilter, FilterChoices};
use crate::i18n::{Lang, T};
use crate::model::Workspace;
use egui::Ui;

/// The words a page uses for the owner and product drop-downs.
pub struct Labels<'a> {
    pub owner: &'a str,
    pub product: &'a str,
}

/// Draws the four drop-downs into `ui` (a horizontal layout); `id` keeps two pages'
/// drop-downs apart.
pub fn deal_filter(
    ui: &mut Ui,
    id: &str,
    filter: &mut DealFilter,
    ws: &Workspace,
    choices: &FilterChoices,
    labels: Labels<'_>,
    lang: Lang,
) {
    let all = T::All.get(lang);
    let current = filter.owner.map(|o| ws.member_name(o)).unwrap_or(all);
    labelled(ui, labels.owner, 90.0, |ui, width| {
        egui::ComboBox::from_id_salt((id, "owner"))
            .selected_text(current)
            .width(width)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.owner, None, all);
                for m in ws.team.members.iter() {
                    ui.selectable_value(&mut filter.owner, Some(m.id), m.name.as_str());
                }
            })
            .response
    });
    for (key, label, value, options) in [
        (
            "region",
            T::Region.get(lang),
            &mut filter.region,
            &choices.regions,
        ),
        (
            "product",
            labels.product,
            &mut filter.product,
            &choices.products,
        ),
    ] {
        labelled(ui, label, 100.0, |ui, width| {
            egui::ComboBox::from_id_salt((id, key))
                .selected_text(value.as_deref().unwrap_or(all))
                .width(width)
                .show_ui(ui, |ui| {
                    ui.selectable_value(value, None, all);
                    for o in options {
                        ui.selectable_value(value, Some(o.clone()), o.as_str());
                    }
                })
                .response
        });
    }
    let current = filter
        .source
        .and_then(|s| choices.sources.iter().find(|(x, _)| *x == s))
        .map_or(all, |(_, n)| n.as_str());
    labelled(ui, T::Source.get(lang), 100.0, |ui, width| {
        egui::ComboBox::from_id_salt((id, "source"))
            .selected_text(current)
            .width(width)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.source, None, all);
                for (s, name) in &choices.sources {
                    ui.selectable_value(&mut filter.source, Some(*s), name.as_str());
                }
            })
            .response
    });
}

/// A label and the control it names, kept on one line when a wrapping row breaks (the
/// label never ends a line with its field on the next), and moved to the next line
/// when the field, `width` px wide (`field` is given that width to draw at), would
/// end past the row's edge.
pub fn labelled(
    ui: &mut Ui,
    label: &str,
    width: f32,
    field: impl FnOnce(&mut Ui, f32) -> egui::Response,
) {
    room_for(ui, &[label], width);
    ui.horizontal(|ui| {
        let l = ui.label(label);
        field(ui, width).labelled_by(l.id);
    });
}

/// In a wrapping row, starts a new line unless a group of `texts` (labels and buttons)
/// plus `fields` px of fields fits on this one. A group (`ui.horizontal`) is placed
/// before its width is known, so without this it runs off the page's edge instead of
/// moving down.
pub fn room_for(ui: &mut Ui, texts: &[&str], fields: f32) {
    let words = buttons_width(ui, texts);
    let at_line_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    // A wrapping row's available width is the whole line's; what is left is this.
    let left = ui.max_rect().right() - ui.cursor().min.x;
    if !at_line_start && left < words + fields {
        ui.end_row();
    }
}

/// How wide `texts` are as buttons side by side, with the gaps after them.
pub fn buttons_width(ui: &Ui, texts: &[&str]) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let color = ui.visuals().text_color();
    let pad = ui.spacing().button_padding.x * 2.0 + ui.spacing().item_spacing.x;
    texts
        .iter()
        .map(|t| {
            let g = ui
                .painter()
                .layout_no_wrap((*t).to_owned(), font.clone(), color);
            g.size().x + pad
        })
        .sum()
}
