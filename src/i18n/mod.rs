//! The app's seven languages (issue 15, `docs/i18n.md`): English is the code's own text and
//! costs no look-up; the other six are JSON catalogues fetched from `/i18n/<tag>.json` on the
//! first switch and kept for the session (the service worker keeps them offline).
//!
//! Each message is keyed by its English text, as gettext does, so every words function keeps
//! its English next to the call and its signature: `tr("Nothing is due.")`. A translation whose
//! English changed no longer matches and the catalogue test fails, instead of showing an old
//! sentence. The rare English text that needs two translations takes a context (`trc`).
//!
//! Reading a message reads the language signal, so any reactive closure that shows words runs
//! again on a switch and nothing else does: inputs are not rebuilt and keep what is typed.

pub mod catalogue;
pub mod fmt;

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;

use leptos::prelude::{ArcRwSignal, Get, GetUntracked, Set};

pub use catalogue::{Catalogue, Message};

/// A language of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Et,
    Fi,
    Ru,
    ZhCn,
    Id,
    Jv,
}

impl Lang {
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Et, Lang::Fi, Lang::Ru, Lang::ZhCn, Lang::Id, Lang::Jv];

    /// The languages whose catalogue is complete (`locales/<tag>.json`, checked by
    /// `tests/i18n_catalogue.rs`): the only ones the pickers offer and the browser's preference
    /// can choose.
    pub const OFFERED: &'static [Lang] = &Lang::ALL;

    /// The BCP 47 tag: catalogue file name and `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Et => "et",
            Lang::Fi => "fi",
            Lang::Ru => "ru",
            Lang::ZhCn => "zh-CN",
            Lang::Id => "id",
            Lang::Jv => "jv",
        }
    }

    /// The language's own name: the switcher is readable whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Et => "Eesti",
            Lang::Fi => "Suomi",
            Lang::Ru => "Русский",
            Lang::ZhCn => "简体中文",
            Lang::Id => "Bahasa Indonesia",
            Lang::Jv => "Basa Jawa",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The locales handed to `Intl`: browsers with no Javanese data format as Indonesian.
    pub fn intl_locales(self) -> &'static [&'static str] {
        match self {
            Lang::Jv => &["jv", "id"],
            Lang::ZhCn => &["zh-CN"],
            other => std::slice::from_ref(match other {
                Lang::En => &"en",
                Lang::Et => &"et",
                Lang::Fi => &"fi",
                Lang::Ru => &"ru",
                _ => &"id",
            }),
        }
    }

    /// CLDR cardinal plural categories (what `Intl.PluralRules(tag).resolvedOptions()` lists,
    /// without the fraction-only ones the app never counts).
    pub fn plural_categories(self) -> &'static [&'static str] {
        match self {
            Lang::En | Lang::Et | Lang::Fi => &["one", "other"],
            Lang::Ru => &["one", "few", "many", "other"],
            Lang::ZhCn | Lang::Id | Lang::Jv => &["other"],
        }
    }

    /// The currency shown while the workspace names none (ISO 4217). English has none: its
    /// readers are everywhere, and a wrong symbol misleads more than a plain figure.
    pub fn default_currency(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Et | Lang::Fi => Some("EUR"),
            Lang::Ru => Some("RUB"),
            Lang::ZhCn => Some("CNY"),
            Lang::Id | Lang::Jv => Some("IDR"),
        }
    }

    /// The first of the browser's preferred languages that the app speaks. Chinese only when
    /// Simplified (Traditional readers fall through to their next choice); `in` and `jw` are the
    /// legacy tags of Indonesian and Javanese.
    pub fn from_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        for p in preferred {
            let tag = p.as_ref().replace('_', "-").to_ascii_lowercase();
            let mut parts = tag.split('-');
            let primary = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            let found = match primary {
                "en" => Some(Lang::En),
                "et" => Some(Lang::Et),
                "fi" => Some(Lang::Fi),
                "ru" => Some(Lang::Ru),
                "id" | "in" => Some(Lang::Id),
                "jv" | "jw" => Some(Lang::Jv),
                "zh" => {
                    let traditional = rest.iter().any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"));
                    (!traditional).then_some(Lang::ZhCn)
                }
                _ => None,
            };
            if let Some(l) = found.filter(|l| Lang::OFFERED.contains(l)) {
                return l;
            }
        }
        Lang::En
    }
}

thread_local! {
    static CURRENT: ArcRwSignal<Lang> = ArcRwSignal::new(Lang::En);
    /// The open workspace's currency (its programme's setting), kept here so every amount
    /// formats without reaching for the app state.
    static CURRENCY: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
    /// Catalogues parsed this session, leaked so look-ups can return `&'static str`
    /// (at most six per session).
    static LOADED: RefCell<HashMap<Lang, &'static Catalogue>> = RefCell::new(HashMap::new());
}

/// The current language; read inside a reactive closure, it re-runs that closure on a switch.
pub fn lang() -> Lang {
    CURRENT.with(|c| c.get())
}

pub fn lang_untracked() -> Lang {
    CURRENT.with(|c| c.get_untracked())
}

/// Called when the workspace's currency setting changes.
pub fn set_currency(code: Option<String>) {
    CURRENCY.with(|c| {
        if c.get_untracked() != code {
            c.set(code)
        }
    });
}

/// The currency amounts are shown in: the workspace's, else the language's default (none in
/// English, which shows plain figures as it always did).
pub fn currency() -> Option<String> {
    CURRENCY.with(|c| c.get()).or_else(|| lang().default_currency().map(str::to_string))
}

fn catalogue(l: Lang) -> Option<&'static Catalogue> {
    LOADED.with(|m| m.borrow().get(&l).copied())
}

/// Makes `lang` current with `cat` as its messages (English needs none).
pub fn install(lang: Lang, cat: Option<Catalogue>) {
    if let Some(cat) = cat {
        let leaked: &'static Catalogue = Box::leak(Box::new(cat));
        LOADED.with(|m| m.borrow_mut().insert(lang, leaked));
    }
    CURRENT.with(|c| c.set(lang));
}

/// Whether `lang` can be shown now without fetching.
pub fn is_loaded(lang: Lang) -> bool {
    lang == Lang::En || catalogue(lang).is_some()
}

fn lookup(key: &str) -> Option<&'static Message> {
    let l = lang();
    if l == Lang::En {
        return None;
    }
    catalogue(l).and_then(|c| c.get(key))
}

/// A message in the current language; its English text is the key and the fallback.
pub fn tr(en: &'static str) -> &'static str {
    match lookup(en) {
        Some(Message::Text(t)) => t,
        _ => en,
    }
}

/// Like `tr`, for an English text that needs different words in another context; the key is
/// `context::English`.
pub fn trc(context: &'static str, en: &'static str) -> &'static str {
    if lang() == Lang::En {
        return en;
    }
    match lookup(&format!("{context}::{en}")) {
        Some(Message::Text(t)) => t,
        _ => en,
    }
}

/// A message with named placeholders `{name}`, filled from `args`.
pub fn tr_args(en: &'static str, args: &[(&str, &dyn Display)]) -> String {
    fill(tr(en), args)
}

/// A counted message. The key is the English `other` form; the catalogue holds one form per
/// plural category of the language. `{n}` is the count, formatted for the language; `args`
/// fill the other placeholders.
pub fn tr_plural(n: usize, one: &'static str, other: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let l = lang();
    let template = match lookup(other) {
        Some(Message::Plural(forms)) => {
            let cat = fmt::plural_category(l, n as f64);
            forms.get(cat).or_else(|| forms.get("other")).copied().unwrap_or(other)
        }
        _ if n == 1 => one,
        _ => other,
    };
    let count = fmt::count(n);
    let mut all: Vec<(&str, &dyn Display)> = vec![("n", &count)];
    all.extend_from_slice(args);
    fill(template, &all)
}

/// A counted noun ("3 contacts"): English is `{n} <one|many>`; a catalogue holds the forms
/// under `plural::<many>`, each a template with `{n}` or a noun that follows the number.
pub fn tr_counted(n: usize, one: &'static str, many: &'static str) -> String {
    let l = lang();
    if l != Lang::En {
        if let Some(Message::Plural(forms)) = catalogue(l).and_then(|c| c.get(&format!("plural::{many}"))) {
            let cat = fmt::plural_category(l, n as f64);
            if let Some(form) = forms.get(cat).or_else(|| forms.get("other")) {
                let count = fmt::count(n);
                return if form.contains("{n}") { fill(form, &[("n", &count)]) } else { format!("{count} {form}") };
            }
        }
    }
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Replaces each `{name}` in `template` with its argument; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if catalogue::is_name(&after[..end]) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

mod browser;
pub use browser::{choose, fetch_catalogue_with, fetch_text, start, sync_document};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_languages_match_by_primary_subtag() {
        assert_eq!(Lang::from_preferences(&["de-DE", "et-EE", "en"]), Lang::Et);
        assert!(Lang::OFFERED.contains(&Lang::En));
        assert_eq!(Lang::from_preferences(&["zh-TW", "ru"]), Lang::Ru);
        assert_eq!(Lang::from_preferences(&["zh-Hant-HK"]), Lang::En);
        assert_eq!(Lang::from_preferences(&["zh"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(&["zh-Hans-SG"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(&["in-ID"]), Lang::Id);
        assert_eq!(Lang::from_preferences(&["jw"]), Lang::Jv);
        assert_eq!(Lang::from_preferences(&["FI_fi"]), Lang::Fi);
        assert_eq!(Lang::from_preferences::<&str>(&[]), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(fill("{a} and {b}", &[("a", &"x"), ("b", &2)]), "x and 2");
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(fill("set {} {not a name}", &[]), "set {} {not a name}");
    }

    #[test]
    fn english_is_the_fallback_and_plurals_follow_the_language() {
        assert_eq!(tr("Nothing is due."), "Nothing is due.");
        assert_eq!(tr_plural(1, "{n} contact", "{n} contacts", &[]), "1 contact");
        assert_eq!(tr_plural(3, "{n} contact", "{n} contacts", &[]), "3 contacts");
        let cat = Catalogue::parse(
            r#"{"{n} contacts": {"one": "{n} контакт", "few": "{n} контакта", "many": "{n} контактов", "other": "{n} контакта"},
                "Nothing is due.": "Ничего не нужно делать.", "ctx::Open": "Открыто"}"#,
        )
        .unwrap();
        install(Lang::Ru, Some(cat));
        assert_eq!(tr("Nothing is due."), "Ничего не нужно делать.");
        assert_eq!(tr("Not translated"), "Not translated");
        assert_eq!(trc("ctx", "Open"), "Открыто");
        assert_eq!(tr_plural(1, "{n} contact", "{n} contacts", &[]), "1 контакт");
        assert_eq!(tr_plural(3, "{n} contact", "{n} contacts", &[]), "3 контакта");
        assert_eq!(tr_plural(5, "{n} contact", "{n} contacts", &[]), "5 контактов");
        assert_eq!(tr_plural(21, "{n} contact", "{n} contacts", &[]), "21 контакт");
        install(Lang::En, None);
        assert_eq!(tr("Nothing is due."), "Nothing is due.");
    }
}
