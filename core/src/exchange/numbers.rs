//! Numbers as spreadsheets export them: `1234.5`, `1,234.50`, `1.234,50`, `1 234,50`, `€ 12`,
//! `(12.00)` for a negative amount. The decimal separator is decided once per column, from all
//! its values, because a lone `1,234` cannot say whether it is a thousand or one point two.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decimal {
    /// `1,234.56`
    Dot,
    /// `1.234,56`
    Comma,
}

impl Decimal {
    pub const ALL: [Decimal; 2] = [Decimal::Dot, Decimal::Comma];

    /// The stable id (its serde name), e.g. the value of the import page's choice.
    pub fn id(self) -> &'static str {
        match self {
            Decimal::Dot => "dot",
            Decimal::Comma => "comma",
        }
    }

    pub fn from_id(id: &str) -> Option<Decimal> {
        Decimal::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// Why a cell is not a number. `value` is the cell as written, shortened to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberError {
    Empty,
    NotANumber {
        value: String,
    },
    /// Parses, but to infinity.
    TooLarge {
        value: String,
    },
}

/// Currency signs and codes that exports write before or after an amount. Longer spellings come
/// first, so that "руб." is removed whole and not as "р" plus a stray "уб.".
const CURRENCIES: &[&str] = &[
    "руб.", "руб", "р.", "₽", "€", "$", "£", "¥", "￥", "元", "圆", "₹", "₩", "₴", "₸", "zł", "kr.", "kr", "kč", "ft",
    "lei", "rp.", "rp", "rm", "us$", "eur", "rub", "cny", "rmb", "idr", "usd", "gbp", "jpy", "sek", "nok", "dkk",
    "pln", "czk", "huf", "chf", "uah", "kzt", "byn", "myr", "sgd", "hkd", "twd",
];

/// Spaces that exports put between thousands (no-break and narrow no-break from Excel and 1C,
/// thin spaces from typeset reports) and apostrophes (Swiss style).
fn is_group_mark(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

fn strip_currency(s: &str) -> Option<&str> {
    let same = |part: &str, code: &str| part.chars().flat_map(char::to_lowercase).eq(code.chars());
    let starts_with_digit = s.starts_with(|c: char| c.is_ascii_digit());
    let ends_with_digit = s.ends_with(|c: char| c.is_ascii_digit());
    for code in CURRENCIES {
        if !starts_with_digit {
            if let Some(rest) = s.get(code.len()..).filter(|_| same(&s[..code.len()], code)) {
                return Some(rest);
            }
        }
        if !ends_with_digit && s.len() >= code.len() {
            let at = s.len() - code.len();
            if s.is_char_boundary(at) && same(&s[at..], code) {
                return Some(&s[..at]);
            }
        }
    }
    None
}

/// Removes what surrounds the digits: spaces, currency, a sign before or after (`-12`, `12-`,
/// `−12` with U+2212), parentheses for a negative amount. Returns whether the amount is
/// negative and the digits with their separators.
fn strip_affixes(raw: &str) -> (bool, &str) {
    let mut s = raw.trim_matches(|c: char| c.is_whitespace() || is_group_mark(c));
    let (mut negative, mut currency_seen) = (false, false);
    // The common case, plain digits, costs nothing more: this runs once per cell of a large file.
    if s.starts_with(|c: char| c.is_ascii_digit()) && s.ends_with(|c: char| c.is_ascii_digit()) {
        return (false, s);
    }
    loop {
        let before = s;
        // One sign at most: "--12" stays unreadable rather than becoming a guess.
        let paren = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')).filter(|_| !negative);
        let minus = s.strip_prefix(['-', '−']).or_else(|| s.strip_suffix(['-', '−'])).filter(|_| !negative);
        if let Some(inner) = paren {
            negative = true;
            s = inner;
        } else if let Some(rest) = minus {
            negative = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('+').or_else(|| s.strip_suffix('+')) {
            s = rest;
        } else if let Some(rest) = strip_currency(s).filter(|_| !currency_seen) {
            currency_seen = true;
            s = rest;
        }
        s = s.trim_matches(|c: char| c.is_whitespace() || is_group_mark(c));
        if s == before {
            return (negative, s);
        }
    }
}

/// Votes over a column's values. A value with both separators says which is decimal (the last
/// one); a separator that occurs twice is a thousands separator; a single separator followed by
/// other than three digits is decimal. When nothing decides, `fallback` wins (a `;`-separated
/// file usually comes with decimal commas). Currency is removed first: the dot of "руб." is
/// not a decimal point.
pub fn detect_decimal<'a>(values: impl IntoIterator<Item = &'a str>, fallback: Decimal) -> Decimal {
    let (mut dot, mut comma) = (0usize, 0usize);
    for v in values {
        let (_, v) = strip_affixes(v);
        let last_dot = v.rfind('.');
        let last_comma = v.rfind(',');
        match (last_dot, last_comma) {
            (Some(d), Some(c)) => {
                if d > c {
                    dot += 1
                } else {
                    comma += 1
                }
            }
            (Some(_), None) if v.matches('.').count() > 1 => comma += 1,
            (None, Some(_)) if v.matches(',').count() > 1 => dot += 1,
            (Some(d), None) => {
                let digits = v[d + 1..].chars().take_while(char::is_ascii_digit).count();
                if digits != 3 || v[..d].trim_start_matches('-') == "0" {
                    dot += 1
                }
            }
            (None, Some(c)) => {
                let digits = v[c + 1..].chars().take_while(char::is_ascii_digit).count();
                if digits != 3 || v[..c].trim_start_matches('-') == "0" {
                    comma += 1
                }
            }
            (None, None) => {}
        }
    }
    if dot > comma {
        Decimal::Dot
    } else if comma > dot {
        Decimal::Comma
    } else {
        fallback
    }
}

/// Parses a number typed into a form: "1 200", "1,200.50", "1.200,50", "0,85" and "12 %"
/// all work. The decimal mark is the last of `.` and `,` when both appear; a lone comma is a
/// decimal mark unless it is followed by exactly three digits ("1,200").
pub fn parse_typed_number(raw: &str) -> Result<f64, NumberError> {
    let s = raw.trim().trim_end_matches('%').trim();
    let decimal = match (s.rfind('.'), s.rfind(',')) {
        (Some(d), Some(c)) => {
            if c > d {
                Decimal::Comma
            } else {
                Decimal::Dot
            }
        }
        (None, Some(c)) => {
            let after = &s[c + 1..];
            if s.matches(',').count() == 1 && !(after.len() == 3 && after.chars().all(|ch| ch.is_ascii_digit())) {
                Decimal::Comma
            } else {
                Decimal::Dot
            }
        }
        _ => Decimal::Dot,
    };
    parse_number(s, decimal)
}

/// Parses one cell. Says what is wrong, for the skipped-rows list.
pub fn parse_number(raw: &str, decimal: Decimal) -> Result<f64, NumberError> {
    if raw.trim().is_empty() {
        return Err(NumberError::Empty);
    }
    let not_a_number = || NumberError::NotANumber { value: shorten(raw) };
    let (negative, s) = strip_affixes(raw);
    let (thousands, point) = match decimal {
        Decimal::Dot => (',', '.'),
        Decimal::Comma => ('.', ','),
    };
    let mut out = String::with_capacity(s.len() + 1);
    if negative {
        out.push('-');
    }
    // Digits since the last thousands mark, or `None` before the first: groups are three
    // digits, so "1.2.3" is not a number written with thousands dots.
    let (mut group, mut digits, mut fraction) = (None::<usize>, 0usize, false);
    for ch in s.chars() {
        match ch {
            '0'..='9' => {
                out.push(ch);
                digits += 1;
            }
            c if c == point && !fraction => {
                if group.is_some_and(|_| digits != 3) {
                    return Err(not_a_number());
                }
                out.push('.');
                fraction = true;
            }
            c if (c == thousands || is_group_mark(c)) && !fraction => {
                let first_group_ok = group.is_none() && (1..=3).contains(&digits);
                if !(first_group_ok || group.is_some() && digits == 3) {
                    return Err(not_a_number());
                }
                group = Some(digits);
                digits = 0;
            }
            _ => return Err(not_a_number()),
        }
    }
    if group.is_some() && !fraction && digits != 3 {
        return Err(not_a_number());
    }
    if out.matches('.').count() > 1 || !out.chars().any(|c| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let v: f64 = out.parse().map_err(|_| not_a_number())?;
    if !v.is_finite() {
        return Err(NumberError::TooLarge { value: shorten(raw) });
    }
    Ok(v)
}

pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_in_either_convention() {
        for (text, v) in [
            ("1 200", 1200.0),
            ("1,200.50", 1200.5),
            ("1.200,50", 1200.5),
            ("0,85", 0.85),
            ("12 %", 12.0),
            ("1,200", 1200.0),
            ("-3", -3.0),
        ] {
            assert_eq!(parse_typed_number(text), Ok(v), "{text}");
        }
        assert!(parse_typed_number("abc").is_err());
        assert!(parse_typed_number("").is_err());
    }
    use proptest::prelude::*;

    #[test]
    fn common_spellings() {
        assert_eq!(parse_number("1234.5", Decimal::Dot), Ok(1234.5));
        assert_eq!(parse_number("1,234.50", Decimal::Dot), Ok(1234.5));
        assert_eq!(parse_number("1.234,50", Decimal::Comma), Ok(1234.5));
        assert_eq!(parse_number("1 234,50", Decimal::Comma), Ok(1234.5));
        assert_eq!(parse_number("1\u{a0}234,5 €", Decimal::Comma), Ok(1234.5));
        assert_eq!(parse_number("(12.00)", Decimal::Dot), Ok(-12.0));
        assert_eq!(parse_number("-7", Decimal::Dot), Ok(-7.0));
    }

    #[test]
    fn garbage_is_refused_with_the_value() {
        assert_eq!(parse_number("", Decimal::Dot), Err(NumberError::Empty));
        assert_eq!(parse_number("NaN", Decimal::Dot), Err(NumberError::NotANumber { value: "NaN".into() }));
        assert!(parse_number("1e400", Decimal::Dot).is_err());
        assert!(parse_number("1.2.3", Decimal::Dot).is_err());
        assert!(parse_number("=1+2", Decimal::Dot).is_err());
        let huge = "9".repeat(400);
        assert_eq!(
            parse_number(&huge, Decimal::Dot),
            Err(NumberError::TooLarge { value: format!("{}…", "9".repeat(40)) })
        );
    }

    #[test]
    fn decimal_detection() {
        assert_eq!(detect_decimal(["12,5", "1.234,00"], Decimal::Dot), Decimal::Comma);
        assert_eq!(detect_decimal(["12.5", "1,234.00"], Decimal::Comma), Decimal::Dot);
        assert_eq!(detect_decimal(["1,234", "2,000"], Decimal::Dot), Decimal::Dot);
        assert_eq!(detect_decimal(["1,234", "2,000"], Decimal::Comma), Decimal::Comma);
        assert_eq!(detect_decimal(["0,125"], Decimal::Dot), Decimal::Comma);
    }

    #[test]
    fn ids_are_the_serde_names() {
        for d in Decimal::ALL {
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{}\"", d.id()));
            assert_eq!(Decimal::from_id(d.id()), Some(d));
        }
    }

    #[test]
    fn export_styles_of_the_models_countries() {
        let cases = [
            ("1\u{a0}234,56 ₽", Decimal::Comma, 1234.56),
            ("1\u{202f}234,56 руб.", Decimal::Comma, 1234.56),
            ("1 234,56 р.", Decimal::Comma, 1234.56),
            ("1.234,56-", Decimal::Comma, -1234.56),
            ("(1 234,56)", Decimal::Comma, -1234.56),
            ("−1 234,56 €", Decimal::Comma, -1234.56),
            ("EUR 1.234,56", Decimal::Comma, 1234.56),
            ("1.234,56 EUR", Decimal::Comma, 1234.56),
            ("Rp 1.234.567", Decimal::Comma, 1_234_567.0),
            ("Rp. 1.234.567,50", Decimal::Comma, 1_234_567.5),
            ("IDR 1.234.567", Decimal::Comma, 1_234_567.0),
            ("¥1,234.56", Decimal::Dot, 1234.56),
            ("1,234.56元", Decimal::Dot, 1234.56),
            ("CNY 1,234.56", Decimal::Dot, 1234.56),
            ("1'234.56 CHF", Decimal::Dot, 1234.56),
            ("1’234.56", Decimal::Dot, 1234.56),
            ("1 234,56 kr", Decimal::Comma, 1234.56),
            ("1 234,56 zł", Decimal::Comma, 1234.56),
            ("-$1,234.56", Decimal::Dot, -1234.56),
            ("$-1,234.56", Decimal::Dot, -1234.56),
            ("£(12.00)", Decimal::Dot, -12.0),
            ("USD 12", Decimal::Dot, 12.0),
            ("+12,5", Decimal::Comma, 12.5),
        ];
        for (text, decimal, v) in cases {
            assert_eq!(parse_number(text, decimal), Ok(v), "{text}");
        }
        for refused in ["--12", "(-12)", "12 apples", "EUR", "руб.", "1-2", "€ € 1", "1.2.3", "12 34", "1.2345,00"]
        {
            assert!(parse_number(refused, Decimal::Comma).is_err(), "{refused}");
        }
    }

    #[test]
    fn currency_does_not_vote_for_the_decimal_mark() {
        assert_eq!(detect_decimal(["1 234 руб.", "12 р."], Decimal::Dot), Decimal::Dot);
        assert_eq!(detect_decimal(["1 234,00 руб.", "12 р."], Decimal::Dot), Decimal::Comma);
        assert_eq!(detect_decimal(["Rp 1.234.567"], Decimal::Dot), Decimal::Comma);
        assert_eq!(detect_decimal(["1,234,567"], Decimal::Comma), Decimal::Dot);
    }

    /// How an export may write `cents / 100`: its marks, its sign and its currency.
    fn write_in_style(cents: i64, comma: bool, group: &str, sign: usize, currency: (&str, bool)) -> String {
        let whole = (cents.abs() / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        let digits = format!("{grouped}{}{:02}", if comma { ',' } else { '.' }, cents.abs() % 100);
        let signed = match (cents < 0, sign) {
            (false, _) => digits,
            (true, 0) => format!("-{digits}"),
            (true, 1) => format!("\u{2212}{digits}"),
            (true, 2) => format!("{digits}-"),
            (true, _) => format!("({digits})"),
        };
        match currency {
            ("", _) => signed,
            (c, true) => format!("{c}{signed}"),
            (c, false) => format!("{signed}{c}"),
        }
    }

    proptest! {
        #[test]
        fn every_export_style_round_trips(
            cents in -100_000_000_000i64..100_000_000_000,
            comma in any::<bool>(),
            group in 0usize..6,
            sign in 0usize..4,
            currency in 0usize..12,
        ) {
            let groups = ["", " ", "\u{a0}", "\u{202f}", "'", "’"];
            let group = if group == 0 { if comma { "." } else { "," } } else { groups[group] };
            let currencies = [
                ("", true), ("€", true), (" €", false), (" ₽", false), (" руб.", false), (" р.", false),
                ("Rp ", true), ("¥", true), ("元", false), (" kr", false), (" zł", false), ("EUR ", true),
            ];
            let text = write_in_style(cents, comma, group, sign, currencies[currency]);
            let decimal = if comma { Decimal::Comma } else { Decimal::Dot };
            prop_assert_eq!(parse_number(&text, decimal), Ok(cents as f64 / 100.0), "{}", text);
            prop_assert_eq!(detect_decimal([text.as_str()], decimal), decimal, "{}", text);
        }
    }

    proptest! {
        #[test]
        fn formatted_numbers_round_trip(cents in -1_000_000_000i64..1_000_000_000) {
            let v = cents as f64 / 100.0;
            let dot = format!("{v:.2}");
            prop_assert_eq!(parse_number(&dot, Decimal::Dot).unwrap(), v);
            let comma = dot.replace('.', ",");
            prop_assert_eq!(parse_number(&comma, Decimal::Comma).unwrap(), v);
        }

        #[test]
        fn never_panics(s in ".{0,30}") {
            let _ = parse_number(&s, Decimal::Dot);
            let _ = parse_number(&s, Decimal::Comma);
        }
    }
}
