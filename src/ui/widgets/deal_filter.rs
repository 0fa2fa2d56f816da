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
    labelled(ui, labels.owner, |ui| {
        egui::ComboBox::from_id_salt((id, "owner"))
            .selected_text(current)
            .width(90.0)
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
        labelled(ui, label, |ui| {
            egui::ComboBox::from_id_salt((id, key))
                .selected_text(value.as_deref().unwrap_or(all))
                .width(100.0)
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
    labelled(ui, T::Source.get(lang), |ui| {
        egui::ComboBox::from_id_salt((id, "source"))
            .selected_text(current)
            .width(100.0)
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
/// label never ends a line with its field on the next).
pub fn labelled(ui: &mut Ui, label: &str, field: impl FnOnce(&mut Ui) -> egui::Response) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        field(ui).labelled_by(l.id);
    });
}
