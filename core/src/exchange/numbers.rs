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

/// Votes over a column's values. A value with both separators says which is decimal (the last
/// one); a single separator followed by other than three digits is decimal. When nothing
/// decides, `fallback` wins (a `;`-separated file usually comes with decimal commas).
pub fn detect_decimal<'a>(values: impl IntoIterator<Item = &'a str>, fallback: Decimal) -> Decimal {
    let (mut dot, mut comma) = (0usize, 0usize);
    for v in values {
        let v = v.trim();
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
            (Some(d), None) => {
                let digits = v[d + 1..].chars().take_while(char::is_ascii_digit).count();
                if digits != 3 || v.matches('.').count() == 1 && v[..d].trim_start_matches('-') == "0" {
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
    let s = raw.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let not_a_number = || NumberError::NotANumber { value: shorten(raw) };
    let (negative_parens, s) = match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner.trim()),
        None => (false, s),
    };
    let (thousands, point) = match decimal {
        Decimal::Dot => (',', '.'),
        Decimal::Comma => ('.', ','),
    };
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '0'..='9' => out.push(ch),
            '-' | '−' if out.is_empty() => out.push('-'),
            '+' if out.is_empty() => {}
            c if c == point => out.push('.'),
            c if c == thousands => {}
            ' ' | '\u{a0}' | '\u{202f}' | '\'' | '€' | '$' | '£' | '¥' => {}
            _ => return Err(not_a_number()),
        }
    }
    if negative_parens {
        out.insert(0, '-');
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
