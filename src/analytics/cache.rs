//! Memoised analytics, so nothing heavy runs per frame. Results are kept per
//! (name, key) and all dropped when the document's revision changes: every change, undo
//! and redo bumps it, so a cached figure can never be stale.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::hash::Hash;

/// How many keys one (name, key type, value type) keeps before starting over; periods and
/// filters are picked by hand, so this is only a guard against unbounded growth.
const MAX_KEYS: usize = 64;

/// A memo of computed figures, valid for one document revision.
///
/// ```
/// use salesdesk::analytics::{AnalyticsCache, DealFilter, funnel};
/// use salesdesk::model::{Document, Period};
/// let doc = Document::default();
/// let mut cache = AnalyticsCache::default();
/// let q1 = Period::quarter(2026, 1);
/// let f = cache.get_or_compute(doc.revision(), "funnel", (q1, DealFilter::ALL), || {
///     funnel(&doc.ws(), q1, &DealFilter::ALL)
/// });
/// assert_eq!(f.stages[0].entered, 0);
/// ```
#[derive(Default)]
pub struct AnalyticsCache {
    revision: Option<u64>,
    /// (name, TypeId of HashMap<K, V>) → that HashMap, boxed.
    maps: HashMap<(&'static str, TypeId), Box<dyn Any + Send>>,
    computed: u64,
}

impl std::fmt::Debug for AnalyticsCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalyticsCache")
            .field("revision", &self.revision)
            .field("maps", &self.maps.len())
            .field("computed", &self.computed)
            .finish()
    }
}

impl AnalyticsCache {
    /// The value for `key` under `name`, computing it with `f` only when this revision
    /// has not seen it yet. `name` tells apart figures that share key and value types.
    pub fn get_or_compute<K, V>(
        &mut self,
        revision: u64,
        name: &'static str,
        key: K,
        f: impl FnOnce() -> V,
    ) -> &V
    where
        K: Hash + Eq + Send + 'static,
        V: Send + 'static,
    {
        if self.revision != Some(revision) {
            self.maps.clear();
            self.revision = Some(revision);
        }
        let map = self
            .maps
            .entry((name, TypeId::of::<HashMap<K, V>>()))
            .or_insert_with(|| Box::new(HashMap::<K, V>::new()))
            .downcast_mut::<HashMap<K, V>>()
            .expect("the TypeId in the key matches the boxed map");
        if map.len() >= MAX_KEYS && !map.contains_key(&key) {
            map.clear();
        }
        let computed = &mut self.computed;
        map.entry(key).or_insert_with(|| {
            *computed += 1;
            f()
        })
    }

    /// Forgets everything (e.g. after loading another workspace with revision 0 again).
    pub fn clear(&mut self) {
        self.maps.clear();
        self.revision = None;
    }

    /// How many times a figure was computed (tests check that frames hit the cache).
    pub fn computed(&self) -> u64 {
        self.computed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_revision_and_key() {
        let mut c = AnalyticsCache::default();
        assert_eq!(*c.get_or_compute(1, "a", 7u32, || 10i64), 10);
        assert_eq!(*c.get_or_compute(1, "a", 7u32, || 99i64), 10);
        // Another name or key is another entry.
        assert_eq!(*c.get_or_compute(1, "b", 7u32, || 20i64), 20);
        assert_eq!(*c.get_or_compute(1, "a", 8u32, || 30i64), 30);
        assert_eq!(c.computed(), 3);
        // A new revision drops everything.
        assert_eq!(*c.get_or_compute(2, "a", 7u32, || 11i64), 11);
        assert_eq!(c.computed(), 4);
        c.clear();
        assert_eq!(*c.get_or_compute(2, "a", 7u32, || 12i64), 12);
    }

    #[test]
    fn stays_bounded() {
        let mut c = AnalyticsCache::default();
        for k in 0..(MAX_KEYS as u32 * 3) {
            c.get_or_compute(1, "a", k, || k);
        }
        let map = c
            .maps
            .values()
            .next()
            .unwrap()
            .downcast_ref::<HashMap<u32, u32>>()
            .unwrap();
        assert!(map.len() <= MAX_KEYS);
    }
}
