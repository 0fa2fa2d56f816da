//! Money, numbers and dates as the user reads them.

use crate::i18n::Lang;
use crate::model::Money;

/// Groups digits in threes: 1234567 -> "1,234,567".
/// A number of days: "12 天", "12 days", "1 day".
pub fn days(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n} 天"),
        Lang::En if n == 1 => "1 day".to_owned(),
        Lang::En => format!("{n} days"),
    }
}

/// "逾期 12 天" / "12 days overdue" ("1 day overdue").
pub fn overdue_days(lang: Lang, n: i64) -> String {
    let days = days(lang, n);
    match lang {
        Lang::Zh => format!("逾期 {days}"),
        Lang::En => format!("{days} overdue"),
    }
}

/// Percentage points of a ratio: "3.2 个百分点" / "3.2 pts".
pub fn points(lang: Lang, r: f64) -> String {
    let p = r * 100.0;
    match lang {
        Lang::Zh => format!("{p:.1} 个百分点"),
        Lang::En => format!("{p:.1} pts"),
    }
}

/// A multiple: "3.69 倍" / "3.69×".
pub fn times(lang: Lang, x: f64) -> String {
    match lang {
        Lang::Zh => format!("{x:.2} 倍"),
        Lang::En => format!("{x:.2}×"),
    }
}

/// Money a day, from minor units: "¥1.2万/天" / "¥12.3K/day".
pub fn per_day(lang: Lang, minor: f64) -> String {
    let m = money_short(Money(minor.round() as i64), lang);
    match lang {
        Lang::Zh => format!("{m}/天"),
        Lang::En => format!("{m}/day"),
    }
}

/// A quarter: "第4季度" / "Q4".
pub fn quarter(lang: Lang, q: u32) -> String {
    match lang {
        Lang::Zh => format!("第{q}季度"),
        Lang::En => format!("Q{q}"),
    }
}

/// A month's short name: "3月" / "Mar".
pub fn month_short(lang: Lang, m: u32) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => EN[(m.clamp(1, 12) - 1) as usize].to_owned(),
    }
}

/// A number of days on a card or in a narrow column: "12 天", "12 d".
pub fn days_short(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n} 天"),
        Lang::En => format!("{n} d"),
    }
}

/// An average number of days, to one decimal: "63.0 天", "63.0 days".
pub fn average_days(lang: Lang, d: f64) -> String {
    match lang {
        Lang::Zh => format!("{d:.1} 天"),
        Lang::En => format!("{d:.1} days"),
    }
}

/// The colon between a label and what follows: full-width in the Chinese UI.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The separator between the items of a list in running text: "、" / ", ".
pub fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// `text` in parentheses: full-width in the Chinese UI, " (…)" in English.
pub fn paren(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Full amount with cents: "¥1,234,567.80".
pub fn money(m: Money) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let abs = m.0.unsigned_abs();
    format!("{sign}¥{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// An estimate (a forecast), to the nearest ¥100 and without cents: "¥3,002,300". Round
/// with [`round_estimate`] first when the shown figures must add up.
pub fn money_estimate(m: Money) -> String {
    let m = round_estimate(m);
    let sign = if m.0 < 0 { "-" } else { "" };
    format!("{sign}¥{}", group_thousands(m.0.unsigned_abs() / 100))
}

/// The amount to the nearest ¥100 (half away from zero).
pub fn round_estimate(m: Money) -> Money {
    let step = 10_000;
    let half = step / 2;
    let r = if m.0 >= 0 {
        (m.0 + half) / step * step
    } else {
        -((-m.0 + half) / step * step)
    };
    Money(r)
}

/// A short amount for tiles, column heads and charts. In Chinese large sums read in
/// 万 / 亿 ("¥123.4万"); in English in K / M ("¥1.23M").
pub fn money_short(m: Money, lang: Lang) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let yuan = m.0.unsigned_abs() as f64 / 100.0;
    // Decide the unit on the rounded amount, so ¥9,999.99 reads "¥1.0万", not "¥10,000".
    let whole = yuan.round();
    let body = match lang {
        Lang::Zh if whole >= 100_000_000.0 => format!("{:.2}亿", yuan / 100_000_000.0),
        Lang::Zh if whole >= 10_000.0 => format!("{:.1}万", yuan / 10_000.0),
        Lang::En if whole >= 1_000_000.0 => format!("{:.2}M", yuan / 1_000_000.0),
        Lang::En if whole >= 10_000.0 => format!("{:.1}K", yuan / 1_000.0),
        _ => group_thousands(yuan.round() as u64),
    };
    format!("{sign}¥{body}")
}

/// Amount for an input field: "1234.50" (no symbol, no grouping, so it parses back).
pub fn money_input(m: Money) -> String {
    if m.0 % 100 == 0 {
        format!("{}", m.0 / 100)
    } else {
        format!("{}.{:02}", m.0 / 100, (m.0 % 100).abs())
    }
}

pub fn percent(r: Option<f64>) -> String {
    match r {
        Some(v) if v.is_finite() => format!("{:.1}%", v * 100.0),
        _ => "—".into(),
    }
}

pub fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_estimate_is_rounded_to_the_nearest_hundred_yuan_without_cents() {
        assert_eq!(money_estimate(Money(300_233_746)), "¥3,002,300");
        assert_eq!(money_estimate(Money(300_235_000)), "¥3,002,400");
        assert_eq!(money_estimate(Money(-5_000)), "-¥100");
        assert_eq!(money_estimate(Money(4_999)), "¥0");
        assert_eq!(round_estimate(Money(-14_999)), Money(-10_000));
    }

    #[test]
    fn money_reads_naturally() {
        assert_eq!(money(Money(123_456_780)), "¥1,234,567.80");
        assert_eq!(money(Money(-5)), "-¥0.05");
        assert_eq!(money_short(Money(123_400_000), Lang::Zh), "¥123.4万");
        assert_eq!(money_short(Money(123_400_000), Lang::En), "¥1.23M");
        assert_eq!(money_short(Money(999_900), Lang::Zh), "¥9,999");
        assert_eq!(money_short(Money(999_999), Lang::Zh), "¥1.0万");
        assert_eq!(money_short(Money(999_999), Lang::En), "¥10.0K");
        assert_eq!(money_input(Money(123_450)), "1234.50");
        assert_eq!(
            crate::model::parse_money(&money_input(Money(123_450))),
            Ok(Money(123_450))
        );
    }
}
