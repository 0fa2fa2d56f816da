//! Which deals a figure looks at: everything, or one rep / region / product / source, so
//! per-rep funnels and KPIs reuse the team-wide code.

use crate::model::{Deal, MemberId, SourceRef, Workspace};
use std::collections::BTreeSet;

/// A conjunction of optional conditions; the default matches every deal. Hashable so it
/// can be part of an [`AnalyticsCache`](super::AnalyticsCache) key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct DealFilter {
    pub owner: Option<MemberId>,
    pub region: Option<String>,
    pub product: Option<String>,
    pub source: Option<SourceRef>,
}

impl DealFilter {
    /// Matches every deal.
    pub const ALL: DealFilter = DealFilter {
        owner: None,
        region: None,
        product: None,
        source: None,
    };

    pub fn owner(member: MemberId) -> DealFilter {
        DealFilter {
            owner: Some(member),
            ..DealFilter::default()
        }
    }

    pub fn is_all(&self) -> bool {
        *self == DealFilter::ALL
    }

    pub fn matches(&self, d: &Deal) -> bool {
        self.owner.is_none_or(|o| d.owner == o)
            && text_matches(&self.region, &d.region)
            && text_matches(&self.product, &d.product)
            && self.source.is_none_or(|s| d.source == Some(s))
    }
}

/// The values the filter drop-downs offer: regions and products, each trimmed, sorted,
/// without duplicates or the empty text; sources (channels and events) with their
/// names, sorted by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterChoices {
    pub regions: Vec<String>,
    pub products: Vec<String>,
    pub sources: Vec<(SourceRef, String)>,
}

impl FilterChoices {
    /// What the deals use, plus the given extra regions, products and sources.
    pub fn gather<'a>(
        ws: &'a Workspace,
        regions: impl IntoIterator<Item = &'a str>,
        products: impl IntoIterator<Item = &'a str>,
        sources: impl IntoIterator<Item = SourceRef>,
    ) -> FilterChoices {
        let mut r: BTreeSet<&str> = regions.into_iter().map(str::trim).collect();
        let mut p: BTreeSet<&str> = products.into_iter().map(str::trim).collect();
        let mut s: BTreeSet<SourceRef> = sources.into_iter().collect();
        for d in ws.deals.deals.iter() {
            r.insert(d.region.trim());
            p.insert(d.product.trim());
            s.extend(d.source);
        }
        let mut sources: Vec<(SourceRef, String)> = s
            .into_iter()
            .map(|x| (x, ws.source_name(x).to_string()))
            .collect();
        sources.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        let list = |set: BTreeSet<&str>| {
            set.into_iter()
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect()
        };
        FilterChoices {
            regions: list(r),
            products: list(p),
            sources,
        }
    }
}

/// Text conditions compare trimmed values, so " East" and "East" are one region.
fn text_matches(want: &Option<String>, have: &str) -> bool {
    want.as_deref().is_none_or(|w| w.trim() == have.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::testutil::deal;
    use crate::model::Stage;

    #[test]
    fn default_matches_all_and_conditions_combine() {
        let mut d = deal(1, &[(Stage::Lead, "2026-01-01")]);
        d.region = "East".into();
        d.product = "ERP".into();
        assert!(DealFilter::ALL.matches(&d));
        assert!(DealFilter::default().is_all());
        let f = DealFilter {
            region: Some(" East ".into()),
            product: Some("ERP".into()),
            ..DealFilter::default()
        };
        assert!(f.matches(&d));
        let f = DealFilter {
            region: Some("East".into()),
            owner: Some(MemberId(99)),
            ..DealFilter::default()
        };
        assert!(!f.matches(&d));
    }
}
