//! Counts as people say them: "3 of 9" while a filter hides some, and English plurals
//! ("1 deal", "2 deals"); Chinese has no plural.

use crate::i18n::Lang;

/// "3 / 9" style count of a filtered list: "显示 3 / 共 9" or "3 of 9"; just "9" when
/// nothing is hidden.
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    if shown == total {
        return total.to_string();
    }
    match lang {
        Lang::Zh => format!("显示 {shown} / 共 {total}"),
        Lang::En => format!("{shown} of {total}"),
    }
}

/// `n` with its noun: "1 deal", "2 deals" in English; the Chinese measure word and
/// noun as given ("3 个商机").
pub fn plural(lang: Lang, n: usize, zh: &str, one: &str, many: &str) -> String {
    match lang {
        Lang::Zh => format!("{n} {zh}"),
        Lang::En => format!("{n} {}", if n == 1 { one } else { many }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(shown_of(Lang::En, 3, 9), "3 of 9");
        assert_eq!(shown_of(Lang::Zh, 3, 9), "显示 3 / 共 9");
        assert_eq!(shown_of(Lang::En, 9, 9), "9");
        assert_eq!(plural(Lang::En, 1, "个商机", "deal", "deals"), "1 deal");
        assert_eq!(plural(Lang::En, 2, "个商机", "deal", "deals"), "2 deals");
        assert_eq!(plural(Lang::Zh, 1, "个商机", "deal", "deals"), "1 个商机");
    }
}
