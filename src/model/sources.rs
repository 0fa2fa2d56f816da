//! Attribution: a source name (as a CSV or a schema-2 file writes it) becomes a
//! [`SourceRef`] to a channel or a promotion event. The schema-3 upgrade and
//! `salesdesk import` both resolve names here, so they agree on every name.

use super::marketing::{Channel, ChannelId, ChannelKind, MarketingFile, SourceRef};
use super::promotions::PromotionsFile;
use super::workspace::Workspace;

impl SourceRef {
    /// The stable machine name of what the link points at: `channel` or `event`.
    pub fn kind_key(self) -> &'static str {
        match self {
            SourceRef::Channel(_) => "channel",
            SourceRef::Promotion(_) => "event",
        }
    }
}

impl Workspace {
    /// The name of the channel or event `source` points at ("" if it is not there).
    pub fn source_name(&self, source: SourceRef) -> &str {
        match source {
            SourceRef::Channel(c) => self.marketing.channels.get(c).map(|c| c.name.as_str()),
            SourceRef::Promotion(p) => self.promotions.promotions.get(p).map(|p| p.name.as_str()),
        }
        .unwrap_or("")
    }
}

/// Names match trimmed and regardless of case ("WeChat" is "wechat ").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        // The same answer without two new strings per comparison (an import compares
        // every row's source with every channel).
        return a.eq_ignore_ascii_case(b);
    }
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Resolves source names to links. A name that no channel or event has becomes a new
/// channel of that name, of kind [`ChannelKind::Other`] (其他), so nothing typed is
/// lost; the channels made so far are in [`SourceResolver::new_channels`] and later
/// names match them too.
pub struct SourceResolver<'a, F: Fn(usize) -> ChannelId> {
    marketing: &'a MarketingFile,
    promotions: &'a PromotionsFile,
    /// The id the n-th new channel gets (a real id in a migration, a provisional one in
    /// an import batch).
    id_of: F,
    new: Vec<Channel>,
}

impl<'a, F: Fn(usize) -> ChannelId> SourceResolver<'a, F> {
    pub fn new(marketing: &'a MarketingFile, promotions: &'a PromotionsFile, id_of: F) -> Self {
        SourceResolver {
            marketing,
            promotions,
            id_of,
            new: Vec::new(),
        }
    }

    /// The link for `name`: an existing channel of that name first, then an event, then
    /// a channel made before by this resolver, else a new channel. An empty name is no
    /// source.
    pub fn resolve(&mut self, name: &str) -> Option<SourceRef> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let existing = self
            .marketing
            .channels
            .iter()
            .chain(&self.new)
            .find(|c| same_name(&c.name, name))
            .map(|c| SourceRef::Channel(c.id));
        let event = || {
            self.promotions
                .promotions
                .iter()
                .find(|p| same_name(&p.name, name))
                .map(|p| SourceRef::Promotion(p.id))
        };
        if let Some(found) = existing.or_else(event) {
            return Some(found);
        }
        let id = (self.id_of)(self.new.len());
        self.new.push(Channel {
            id,
            ..Channel::new(name, ChannelKind::Other)
        });
        Some(SourceRef::Channel(id))
    }

    /// The channels the names made, in order of first appearance.
    pub fn new_channels(&self) -> &[Channel] {
        &self.new
    }

    pub fn into_new_channels(self) -> Vec<Channel> {
        self.new
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Promotion, PromotionId, Table};

    fn files() -> (MarketingFile, PromotionsFile) {
        let m = MarketingFile {
            channels: Table {
                next_id: 2,
                rows: vec![Channel {
                    id: ChannelId(1),
                    ..Channel::new("WeChat 公众号", ChannelKind::Online)
                }],
            },
            ..Default::default()
        };
        let p = crate::demo::generate(1, crate::demo::DemoSize { deals: 10 }, today())
            .promotions
            .promotions
            .rows[0]
            .clone();
        let promotions = PromotionsFile {
            promotions: Table {
                next_id: 2,
                rows: vec![Promotion {
                    id: PromotionId(1),
                    name: "Spring demo day".into(),
                    ..p
                }],
            },
        };
        (m, promotions)
    }

    fn today() -> chrono::NaiveDate {
        "2026-06-01".parse().unwrap()
    }

    #[test]
    fn a_name_of_a_channel_or_an_event_becomes_a_link_to_it() {
        let (m, p) = files();
        let mut r = SourceResolver::new(&m, &p, |n| ChannelId(100 + n as u64));
        assert_eq!(
            r.resolve(" wechat 公众号 "),
            Some(SourceRef::Channel(ChannelId(1)))
        );
        assert_eq!(
            r.resolve("Spring Demo Day"),
            Some(SourceRef::Promotion(PromotionId(1)))
        );
        assert_eq!(r.resolve("  "), None);
        assert!(r.new_channels().is_empty());
    }

    #[test]
    fn any_other_name_becomes_one_new_channel_of_kind_other() {
        let (m, p) = files();
        let mut r = SourceResolver::new(&m, &p, |n| ChannelId(100 + n as u64));
        let a = r.resolve("Trade fair 2026");
        assert_eq!(a, Some(SourceRef::Channel(ChannelId(100))));
        // The same name again (any case) is the channel just made, not a second one.
        assert_eq!(r.resolve("trade FAIR 2026"), a);
        assert_eq!(
            r.resolve("referral"),
            Some(SourceRef::Channel(ChannelId(101)))
        );
        let made: Vec<(&str, ChannelKind)> = r
            .new_channels()
            .iter()
            .map(|c| (c.name.as_str(), c.kind))
            .collect();
        assert_eq!(
            made,
            [
                ("Trade fair 2026", ChannelKind::Other),
                ("referral", ChannelKind::Other)
            ]
        );
    }
}
