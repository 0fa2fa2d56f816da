//! How a [`SourceRef`] (a channel or a promotion event) reads on screen, and the list a
//! form offers for one: the deal, customer and expense forms pick from the same list.

use crate::i18n::Lang;
use crate::model::{PromotionStatus, SourceRef, Workspace};

crate::texts! {
    /// Words for sources.
    pub enum Text {
        NoSource => "（无）", "(none)";
    }
    fn {
        linked_promotion(name) => "促销活动：{name}", "Promotion: {name}";
        linked_channel(name) => "营销渠道：{name}", "Channel: {name}";
    }
}

/// "Channel: 微信公众号" / "促销活动：春季体验会".
pub fn source_label(ws: &Workspace, source: SourceRef, lang: Lang) -> String {
    let name = match ws.source_name(source) {
        "" => "—",
        n => n,
    };
    match source {
        SourceRef::Channel(_) => Text::linked_channel(lang, name),
        SourceRef::Promotion(_) => Text::linked_promotion(lang, name),
    }
}

/// What a form offers: channels in use, then events not cancelled, plus `current`
/// whatever it is (a retired channel stays shown on the records that name it).
pub fn source_options(
    ws: &Workspace,
    current: Option<SourceRef>,
    lang: Lang,
) -> Vec<(SourceRef, String)> {
    let channels = ws
        .marketing
        .channels
        .iter()
        .filter(|c| c.active || current == Some(SourceRef::Channel(c.id)))
        .map(|c| SourceRef::Channel(c.id));
    let events = ws
        .promotions
        .promotions
        .iter()
        .filter(|p| {
            p.status != PromotionStatus::Cancelled || current == Some(SourceRef::Promotion(p.id))
        })
        .map(|p| SourceRef::Promotion(p.id));
    channels
        .chain(events)
        .map(|s| (s, source_label(ws, s, lang)))
        .collect()
}

/// The label of an optional source: "—" for none.
pub fn source_text(ws: &Workspace, source: Option<SourceRef>, lang: Lang) -> String {
    source.map_or_else(|| "—".to_string(), |s| source_label(ws, s, lang))
}
