//! Chinese text done right (DESIGN, "Desktop conventions"): names sort by pinyin, as Excel
//! and WeChat users expect, and search finds a name by its pinyin or its initials
//! (`liu` and `lc` both find 刘超).
//!
//! The pinyin of a text is worked out once and kept ([`keys`]), so neither a sort nor a
//! search on a large table converts the same name again.

use pinyin::ToPinyin;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// What a text reads as in pinyin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// Syllables run together, lower case: 刘超 -> "liuchao"; other characters kept
    /// lower-cased ("a公司" -> "agongsi").
    pub full: String,
    /// The first letter of each syllable (and of each Latin word): 刘超 -> "lc".
    pub initials: String,
    /// The order key: syllables ended by `\u{1}`, so "li" sorts before "liu".
    pub order: String,
    /// Whether the text has any character with a pinyin at all.
    pub chinese: bool,
}

/// Works out the keys of `text` (uncached: see [`keys`]).
pub fn compute(text: &str) -> Keys {
    let mut k = Keys {
        full: String::new(),
        initials: String::new(),
        order: String::new(),
        chinese: false,
    };
    let mut word_start = true;
    for ch in text.chars() {
        if let Some(p) = ch.to_pinyin() {
            let s = p.plain();
            k.chinese = true;
            k.full.push_str(s);
            k.initials.extend(s.chars().next());
            k.order.push_str(s);
            k.order.push('\u{1}');
            word_start = true;
        } else {
            for l in ch.to_lowercase() {
                k.full.push(l);
                k.order.push(l);
                if l.is_alphanumeric() {
                    if word_start {
                        k.initials.push(l);
                    }
                    word_start = false;
                } else {
                    word_start = true;
                }
            }
        }
    }
    k
}

type Cache = Mutex<HashMap<Box<str>, Arc<Keys>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The keys of `text`, worked out once per distinct text.
pub fn keys(text: &str) -> Arc<Keys> {
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = c.get(text) {
        return k.clone();
    }
    // A bound, so an import of a million titles cannot grow it without end.
    if c.len() > 500_000 {
        c.clear();
    }
    let k = Arc::new(compute(text));
    c.insert(text.into(), k.clone());
    k
}

/// The key to sort names by: pinyin order, then the text itself (so the order is total
/// and stable). Use with `sort_by_cached_key`.
pub fn order_key(text: &str) -> (String, String) {
    (keys(text).order.clone(), text.to_owned())
}

/// Each item's place among the distinct texts in pinyin order, for sorting many rows
/// by a name without converting it at each comparison.
pub fn ranks<'a, K: std::hash::Hash + Eq + Copy>(
    items: impl Iterator<Item = (K, &'a str)>,
) -> HashMap<K, usize> {
    let items: Vec<(K, &str)> = items.collect();
    let mut names: Vec<&str> = items.iter().map(|(_, n)| *n).collect();
    names.sort_unstable();
    names.dedup();
    names.sort_by_cached_key(|n| order_key(n));
    let place: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    items.into_iter().map(|(k, n)| (k, place[n])).collect()
}

/// Names in pinyin order (刘超 before 吴丹 before 张伟; "li" before "liu").
pub fn cmp(a: &str, b: &str) -> Ordering {
    keys(a).order.cmp(&keys(b).order).then_with(|| a.cmp(b))
}

/// Whether `needle_lower` (already lower-cased) is found in `haystack`'s pinyin or its
/// initials. Spaces in the needle are ignored ("liu chao"). Only Latin needles can match
/// pinyin.
pub fn matches(haystack: &str, needle_lower: &str) -> bool {
    if !needle_lower.is_ascii() || needle_lower.trim().is_empty() {
        return false;
    }
    // Only a text with Chinese in it has pinyin to find; the rest was searched as typed.
    if haystack.is_ascii() {
        return false;
    }
    let k = keys(haystack);
    if !k.chinese {
        return false;
    }
    let n: String = needle_lower
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    k.full.contains(&n) || k.initials.contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_by_pinyin() {
        let mut v = vec!["上海", "东莞", "中山", "佛山", "唐娟", "吴丹", "刘超"];
        v.sort_by(|a, b| cmp(a, b));
        assert_eq!(v, ["东莞", "佛山", "刘超", "上海", "唐娟", "吴丹", "中山"]);
    }

    #[test]
    fn a_shorter_syllable_sorts_first_and_latin_mixes_in() {
        let mut v = vec!["刘", "李", "Lee", "Anna"];
        v.sort_by(|a, b| cmp(a, b));
        assert_eq!(v, ["Anna", "Lee", "李", "刘"]);
    }

    #[test]
    fn pinyin_and_initials_find_a_name() {
        assert!(matches("刘超", "liu"));
        assert!(matches("刘超", "lc"));
        assert!(matches("刘超", "liu chao"));
        assert!(matches("华东精密制造", "hdjm"));
        assert!(!matches("刘超", "wd"));
        assert!(
            !matches("Liu Chao", "lc"),
            "Latin text is searched as typed"
        );
        assert!(!matches("刘超", ""));
    }

    #[test]
    fn ranks_follow_pinyin_order() {
        let r = ranks([(1, "吴丹"), (2, "刘超"), (3, "吴丹"), (4, "Anna")].into_iter());
        assert_eq!((r[&4], r[&2], r[&1], r[&3]), (0, 1, 2, 2));
    }

    #[test]
    fn keys_are_kept() {
        let a = keys("缓存测试名");
        let b = keys("缓存测试名");
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.initials, "hccsm");
    }
}
