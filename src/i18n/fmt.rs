//! Numbers, percentages, money, dates, month names and plural categories in the current
//! language, through the browser's `Intl` (no CLDR data in the wasm). English keeps the app's
//! own formats, which the e2e tests and the printed plans read; natively (`cargo test`) every
//! language falls back to them, and plural categories to the CLDR rules of our seven languages.

use chrono::{Datelike, NaiveDate};

use super::{lang, Lang};

/// CLDR cardinal category of `n` in `l`, for integers and the decimals the app shows.
pub fn plural_category(l: Lang, n: f64) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    if let Some(c) = intl::plural(l, n) {
        return c;
    }
    native_plural(l, n)
}

/// The CLDR rules for the app's languages (used natively and when `Intl` fails).
pub fn native_plural(l: Lang, n: f64) -> &'static str {
    let integer = n.fract() == 0.0;
    match l {
        Lang::En | Lang::Et | Lang::Fi => {
            if integer && n == 1.0 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ru => {
            if !integer {
                return "other";
            }
            let i = n.abs() as u64;
            let (m10, m100) = (i % 10, i % 100);
            if m10 == 1 && m100 != 11 {
                "one"
            } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                "few"
            } else {
                "many"
            }
        }
        Lang::ZhCn | Lang::Id | Lang::Jv => "other",
    }
}

/// A count: "1234" in English (as the app always wrote it), grouped in the others.
pub fn count(n: usize) -> String {
    match lang() {
        Lang::En => n.to_string(),
        #[cfg(target_arch = "wasm32")]
        l => intl::number(l, n as f64, 0, 0).unwrap_or_else(|| n.to_string()),
        #[cfg(not(target_arch = "wasm32"))]
        _ => n.to_string(),
    }
}

/// A number with at most `decimals` decimals.
pub fn number(v: f64, decimals: u8) -> String {
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => {
            intl::number(l, v, 0, decimals).unwrap_or_else(|| format!("{v:.prec$}", prec = decimals as usize))
        }
        _ => format!("{v:.prec$}", prec = decimals as usize),
    }
}

/// A percentage given in percent (24.3 → "24.3 %", "24,3 %" in Estonian).
pub fn percent(v: f64) -> String {
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => intl::percent(l, v / 100.0).unwrap_or_else(|| format!("{v:.1}\u{a0}%")),
        _ => format!("{v:.1}\u{a0}%"),
    }
}

/// An amount in the workspace's currency (`super::currency`), without cents.
pub fn amount(v: f64) -> String {
    match super::currency() {
        Some(c) => money(v, &c),
        None => grouped(v),
    }
}

/// An amount of `currency` (ISO 4217) without cents: workshop walls need short numbers.
/// Natively, and when the browser does not know the code, the app's grouped figure with the code.
pub fn money(v: f64, currency: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = intl::money(lang(), v, currency) {
        return s;
    }
    let figure = grouped(v);
    if currency.is_empty() {
        figure
    } else {
        format!("{figure}\u{a0}{currency}")
    }
}

/// "1 234 567" with narrow no-break spaces, no decimals (the app's own English format).
pub fn grouped(v: f64) -> String {
    let negative = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    if negative && digits != "0" {
        format!("−{out}")
    } else {
        out
    }
}

/// A date: ISO in English (as the app always showed it), the language's numeric form otherwise
/// (`14.03.2025`, `14.03.2025 г.`, `2025/03/14`).
pub fn date(d: NaiveDate) -> String {
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => intl::date(l, d).unwrap_or_else(|| d.to_string()),
        _ => d.to_string(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `m` (1–12), standing alone ("March", "märts", "март", "三月").
pub fn month(m: u32) -> String {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => intl::month(l, m).unwrap_or_else(|| MONTHS[i].to_string()),
        _ => MONTHS[i].to_string(),
    }
}

/// A day of a month with no year, as the governance calendar plans meetings ("March 14",
/// "14. märts", "14 марта", "3月14日"); the month alone without a day.
pub fn month_day(m: u32, day: Option<u32>) -> String {
    let Some(d) = day.filter(|d| (1..=31).contains(d)) else { return month(m) };
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => intl::month_day(l, m, d).unwrap_or_else(|| format!("{} {d}", MONTHS[i])),
        _ => format!("{} {d}", MONTHS[i]),
    }
}

/// A short month and year for charts ("Mar 2025"; "märts 2025").
pub fn month_year(d: NaiveDate) -> String {
    match lang() {
        #[cfg(target_arch = "wasm32")]
        l if l != Lang::En => intl::month_year(l, d).unwrap_or_else(|| format!("{} {}", d.month(), d.year())),
        _ => format!("{} {}", &MONTHS[d.month0() as usize][..3], d.year()),
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use chrono::{Datelike, NaiveDate};
    use js_sys::{Array, Function, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use crate::i18n::Lang;

    thread_local! {
        /// Formatters are costly to build; one per (language, kind).
        static CACHE: RefCell<HashMap<(Lang, String), JsValue>> = RefCell::new(HashMap::new());
    }

    fn locales(l: Lang) -> Array {
        l.intl_locales().iter().map(|t| JsValue::from_str(t)).collect()
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o
    }

    fn cached(l: Lang, kind: String, make: impl FnOnce() -> JsValue) -> JsValue {
        CACHE.with(|c| c.borrow_mut().entry((l, kind)).or_insert_with(make).clone())
    }

    fn call(f: &JsValue, arg: &JsValue) -> Option<String> {
        f.dyn_ref::<Function>()?.call1(&JsValue::UNDEFINED, arg).ok()?.as_string()
    }

    fn number_format(l: Lang, kind: String, opts: &[(&str, JsValue)]) -> Option<JsValue> {
        // A currency code the browser rejects throws; caught here so a bad setting shows plain figures.
        let o = options(opts);
        let f = cached(l, kind, || {
            let make = || -> Result<JsValue, JsValue> {
                let ctor = Reflect::get(&Reflect::get(&js_sys::global(), &"Intl".into())?, &"NumberFormat".into())?;
                let args = Array::of2(&locales(l), &o);
                let nf = Reflect::construct::<fn() -> JsValue>(ctor.unchecked_ref(), &args)?;
                Ok(nf.unchecked_into::<Intl::NumberFormat>().format().into())
            };
            make().unwrap_or(JsValue::NULL)
        });
        (!f.is_null()).then_some(f)
    }

    pub fn number(l: Lang, v: f64, min: u8, max: u8) -> Option<String> {
        let f = number_format(
            l,
            format!("n{min}-{max}"),
            &[("minimumFractionDigits", min.into()), ("maximumFractionDigits", max.into())],
        )?;
        call(&f, &v.into())
    }

    pub fn percent(l: Lang, v: f64) -> Option<String> {
        let f = number_format(
            l,
            "pct".into(),
            &[("style", "percent".into()), ("minimumFractionDigits", 1.into()), ("maximumFractionDigits", 1.into())],
        )?;
        call(&f, &v.into())
    }

    pub fn money(l: Lang, v: f64, currency: &str) -> Option<String> {
        if currency.is_empty() {
            return None;
        }
        let f = number_format(
            l,
            format!("cur-{currency}"),
            &[
                ("style", "currency".into()),
                ("currency", currency.into()),
                ("minimumFractionDigits", 0.into()),
                ("maximumFractionDigits", 0.into()),
            ],
        )?;
        call(&f, &v.into())
    }

    fn date_format(l: Lang, kind: &str, opts: &[(&str, JsValue)]) -> JsValue {
        let mut all: Vec<(&str, JsValue)> = vec![("timeZone", "UTC".into())];
        all.extend(opts.iter().cloned());
        let o = options(&all);
        cached(l, kind.into(), || Intl::DateTimeFormat::new(&locales(l), &o).format().into())
    }

    fn utc(y: i32, m: u32, d: u32) -> JsValue {
        js_sys::Date::new(&JsValue::from_f64(
            js_sys::Date::utc(y as f64, (m - 1) as f64) + (d as f64 - 1.0) * 86_400_000.0,
        ))
        .into()
    }

    pub fn date(l: Lang, d: NaiveDate) -> Option<String> {
        let f = date_format(
            l,
            "date",
            &[("year", "numeric".into()), ("month", "2-digit".into()), ("day", "2-digit".into())],
        );
        call(&f, &utc(d.year(), d.month(), d.day()))
    }

    pub fn month(l: Lang, m: u32) -> Option<String> {
        let f = date_format(l, "month", &[("month", "long".into())]);
        call(&f, &utc(2024, m.clamp(1, 12), 15))
    }

    pub fn month_day(l: Lang, m: u32, d: u32) -> Option<String> {
        // A leap year, so that 29 February is a day; a day past the month's end stays in it.
        let m = m.clamp(1, 12);
        let last = (28..=31).rev().find(|&x| NaiveDate::from_ymd_opt(2024, m, x).is_some()).unwrap_or(28);
        let f = date_format(l, "month-day", &[("month", "long".into()), ("day", "numeric".into())]);
        call(&f, &utc(2024, m, d.min(last)))
    }

    pub fn month_year(l: Lang, d: NaiveDate) -> Option<String> {
        let f = date_format(l, "month-year", &[("month", "short".into()), ("year", "numeric".into())]);
        call(&f, &utc(d.year(), d.month(), 15))
    }

    pub fn plural(l: Lang, n: f64) -> Option<&'static str> {
        let rules = cached(l, "plural".into(), || Intl::PluralRules::new(&locales(l), &Object::new()).into());
        let cat = rules.unchecked_ref::<Intl::PluralRules>().select(n).as_string()?;
        ["zero", "one", "two", "few", "many", "other"].into_iter().find(|c| *c == cat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals_have_three_integer_forms() {
        let cats: Vec<_> =
            [1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 25.0, 111.0, 1.5].map(|n| native_plural(Lang::Ru, n)).into();
        assert_eq!(cats, ["one", "few", "many", "many", "one", "few", "many", "many", "other"]);
        assert_eq!(native_plural(Lang::Et, 1.0), "one");
        assert_eq!(native_plural(Lang::Fi, 2.0), "other");
        assert_eq!(native_plural(Lang::ZhCn, 1.0), "other");
        for l in Lang::ALL {
            for n in [0.0, 1.0, 2.0, 5.0, 21.0] {
                assert!(l.plural_categories().contains(&native_plural(l, n)), "{l:?} {n}");
            }
        }
    }

    #[test]
    fn english_formats_are_the_apps_own() {
        assert_eq!(grouped(1234567.4), "1\u{202f}234\u{202f}567");
        assert_eq!(grouped(-999.6), "−1\u{202f}000");
        assert_eq!(percent(24.345), "24.3\u{a0}%");
        assert_eq!(date(NaiveDate::from_ymd_opt(2025, 3, 14).unwrap()), "2025-03-14");
        assert_eq!(month(3), "March");
        assert_eq!(month_day(3, Some(14)), "March 14");
        assert_eq!(month_day(12, None), "December");
        assert_eq!(month_day(0, Some(40)), "January");
        assert_eq!(money(1234.0, "EUR"), "1\u{202f}234\u{a0}EUR");
        assert_eq!(count(1234), "1234");
    }
}
