//! The catalogues against the code (issue 15): `locales/en.json` is what the code says (every
//! `tr*("English")` call in `src/ui`), each other language has every key with the same
//! placeholders and its own plural categories, and no view shows a word that bypasses the
//! catalogue. `UPDATE_CATALOGUE=1 cargo test --test i18n_catalogue` rewrites `en.json`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use kam_planner::i18n::catalogue::placeholders;
use kam_planner::i18n::Lang;
use serde_json::{json, Map, Value};

#[path = "i18n/literals.rs"]
mod literals;
use literals::{has_word, id_in, identifier, pattern, technical, wordy};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs")
            && !p.file_name().is_some_and(|n| n.to_string_lossy().ends_with("_tests.rs"))
        {
            // A `*_tests.rs` file is a test module kept apart: its English is on purpose.
            out.push(p);
        }
    }
}

/// A source file without its test module (tests keep English on purpose).
fn code_of(p: &Path) -> String {
    let s = std::fs::read_to_string(p).unwrap();
    match s.find("#[cfg(test)]") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A string literal starting at `at` (the opening quote): its value and the index after it.
fn literal(s: &str, at: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut out = String::new();
    let mut chars = s[at + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, at + 1 + i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                '0' => out.push('\0'),
                'u' => {
                    chars.next(); // {
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                '\n' => {
                    // A continued line: the newline and the next line's indentation are dropped.
                    let rest = &s[at + 1 + i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..rest[..skip].chars().count() {
                        chars.next();
                    }
                }
                other => panic!("unknown escape \\{other}"),
            },
            c => out.push(c),
        }
    }
    None
}

fn skip_ws(s: &str, mut i: usize) -> usize {
    while s[i..].starts_with(|c: char| c.is_whitespace()) {
        i += s[i..].chars().next().unwrap().len_utf8();
    }
    i
}

/// Skips one argument expression up to its comma (balanced brackets; no literals inside).
fn skip_arg(s: &str, mut i: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, c) in s[i..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                i += j + 1;
                return Some(i);
            }
            '"' => return None,
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum En {
    Text(String),
    Plural(String, String),
}

/// Every message the code asks for, with where it was found; and the byte spans of the literals
/// that are messages (the literal scan skips them).
struct Found {
    messages: BTreeMap<String, (En, String)>,
    spans: BTreeMap<PathBuf, Vec<usize>>,
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn collect() -> Found {
    let mut files = Vec::new();
    rust_files(&root().join("src/ui"), &mut files);
    files.sort();
    let mut found = Found { messages: BTreeMap::new(), spans: BTreeMap::new() };
    for f in files {
        let code = code_of(&f);
        let name = f.strip_prefix(root()).unwrap().display().to_string();
        let add = |found: &mut Found, key: String, en: En, at: usize| {
            if let Some((old, where_)) = found.messages.get(&key) {
                assert_eq!(old, &en, "{key:?} has two English forms ({where_} and {name})");
            }
            found.messages.insert(key, (en, name.clone()));
            found.spans.entry(f.clone()).or_default().push(at);
        };
        for call in ["tr(", "trc(", "tr_args(", "tr_plural(", "plural(", "Label::Cell(", "Label::Ctx("] {
            let mut from = 0;
            while let Some(pos) = code[from..].find(call) {
                let start = from + pos;
                from = start + call.len();
                if code[..start].ends_with(is_ident_char) || code[..start].ends_with("fn ") {
                    continue;
                }
                let i = skip_ws(&code, from);
                match call {
                    "tr(" | "tr_args(" | "Label::Cell(" => {
                        if let Some((en, _)) = literal(&code, i) {
                            add(&mut found, en.clone(), En::Text(en), i);
                        }
                    }
                    "trc(" | "Label::Ctx(" => {
                        let Some((ctx, j)) = literal(&code, i) else { continue };
                        let j = skip_ws(&code, j + 1);
                        if let Some((en, _)) = literal(&code, j) {
                            add(&mut found, format!("{ctx}::{en}"), En::Text(en), j);
                            found.spans.entry(f.clone()).or_default().push(i);
                        }
                    }
                    _ => {
                        let Some(j) = skip_arg(&code, i) else { continue };
                        let j = skip_ws(&code, j);
                        let Some((one, k)) = literal(&code, j) else { continue };
                        let k = skip_ws(&code, skip_ws(&code, k) + 1);
                        let Some((other, _)) = literal(&code, k) else { continue };
                        let key = if call == "plural(" { format!("plural::{other}") } else { other.clone() };
                        add(&mut found, key, En::Plural(one, other), k);
                        found.spans.entry(f.clone()).or_default().push(j);
                    }
                }
            }
        }
        // Words kept as constants for the views, which show them through `tr`.
        let mut from = 0;
        while let Some(pos) = code[from..].find(": &str =") {
            let i = skip_ws(&code, from + pos + ": &str =".len());
            from = i;
            if let Some((en, _)) = literal(&code, i) {
                add(&mut found, en.clone(), En::Text(en), i);
            }
        }
    }
    found
}

fn english_json(found: &Found) -> Value {
    let mut map = Map::new();
    for (key, (en, _)) in &found.messages {
        let v = match en {
            En::Text(t) => Value::String(t.clone()),
            En::Plural(one, other) => json!({"one": one, "other": other}),
        };
        map.insert(key.clone(), v);
    }
    Value::Object(map)
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap() + "\n"
}

#[test]
fn english_catalogue_is_what_the_code_says() {
    let found = collect();
    assert!(found.messages.len() > 500, "only {} messages found: the scan is broken", found.messages.len());
    let want = pretty(&english_json(&found));
    let path = root().join("locales/en.json");
    if std::env::var_os("UPDATE_CATALOGUE").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "locales/en.json is stale: run UPDATE_CATALOGUE=1 cargo test --test i18n_catalogue");
}

fn forms(v: &Value) -> Option<BTreeMap<String, String>> {
    v.as_object().map(|o| o.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string())).collect())
}

/// Problems of one language's catalogue against English.
fn problems(lang: Lang, en: &Map<String, Value>, tr: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    let cats: BTreeSet<String> = lang.plural_categories().iter().map(|c| c.to_string()).collect();
    for (key, e) in en {
        let Some(t) = tr.get(key) else {
            out.push(format!("missing: {key:?}"));
            continue;
        };
        let english_ph = match e {
            Value::String(s) => placeholders(s),
            other => {
                let f = forms(other).unwrap();
                let mut p = placeholders(&f["other"]);
                p.extend(placeholders(&f["one"]));
                p.sort();
                p.dedup();
                p
            }
        };
        match (e, t) {
            (Value::String(_), Value::String(s)) => {
                if s.trim().is_empty() {
                    out.push(format!("empty: {key:?}"));
                }
                if placeholders(s) != english_ph {
                    out.push(format!("placeholders differ: {key:?} → {s:?}"));
                }
            }
            (Value::Object(_), Value::Object(_)) => {
                let f = forms(t).unwrap();
                let have: BTreeSet<String> = f.keys().cloned().collect();
                if have != cats {
                    out.push(format!("plural forms of {key:?} are {have:?}, {} needs {cats:?}", lang.tag()));
                }
                for (cat, s) in &f {
                    // `{n}` may be left out of a form that names its number ("one" = "a single").
                    let mut p = placeholders(s);
                    let mut want = english_ph.clone();
                    if !p.contains(&"n".to_string()) {
                        want.retain(|x| x != "n");
                    }
                    p.retain(|x| x != "n" || want.contains(&"n".to_string()));
                    if p != want || s.trim().is_empty() {
                        out.push(format!("placeholders differ in {key:?} [{cat}] → {s:?}"));
                    }
                }
            }
            _ => out.push(format!("plural where English has text or the reverse: {key:?}")),
        }
    }
    for key in tr.keys() {
        if !en.contains_key(key) {
            out.push(format!("not in English (stale?): {key:?}"));
        }
    }
    out
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let en = english_json(&collect());
    let en = en.as_object().unwrap();
    let mut all = Vec::new();
    for &lang in Lang::OFFERED.iter().filter(|l| **l != Lang::En) {
        let path = root().join(format!("locales/{}.json", lang.tag()));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()));
        let parsed: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        kam_planner::i18n::Catalogue::parse(&text).unwrap();
        let p = problems(lang, en, parsed.as_object().unwrap());
        all.extend(p.into_iter().map(|p| format!("{}: {p}", lang.tag())));
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all[..all.len().min(60)].join("\n"));
}

#[test]
fn problems_are_found() {
    let en: Map<String, Value> =
        serde_json::from_str(r#"{"{n} rows": {"one": "{n} row", "other": "{n} rows"}, "Hi {name}": "Hi {name}"}"#)
            .unwrap();
    let bad: Map<String, Value> = serde_json::from_str(
        r#"{"{n} rows": {"one": "{n} rida", "other": "{n} rida"}, "Hi {nimi}": "x", "Extra": "y"}"#,
    )
    .unwrap();
    let p = problems(Lang::Ru, &en, &bad);
    assert!(p.iter().any(|p| p.contains("plural forms")), "{p:?}");
    assert!(p.iter().any(|p| p.contains("missing: \"Hi {name}\"")), "{p:?}");
    assert!(p.iter().any(|p| p.contains("stale")), "{p:?}");
    let good: Map<String, Value> =
        serde_json::from_str(r#"{"{n} rows": {"one": "{n} rida", "other": "{n} rida"}, "Hi {name}": "Tere, {name}"}"#)
            .unwrap();
    assert!(problems(Lang::Et, &en, &good).is_empty());
}

#[test]
fn views_show_no_word_that_bypasses_the_catalogue() {
    let found = collect();
    let mut files = Vec::new();
    rust_files(&root().join("src/ui"), &mut files);
    files.sort();
    let mut bad = Vec::new();
    for f in files {
        let code = code_of(&f);
        let spans = found.spans.get(&f).cloned().unwrap_or_default();
        let mut i = 0;
        let b = code.as_bytes();
        while i < b.len() {
            if code[i..].starts_with("//") {
                i += code[i..].find('\n').unwrap_or(code.len() - i);
                continue;
            }
            if b[i] == b'\'' {
                // a char literal ('"', '\n') or a lifetime
                if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                    continue;
                }
                if b.get(i + 1) == Some(&b'\\') {
                    if let Some(end) = code[i + 2..].find('\'') {
                        i += end + 3;
                        continue;
                    }
                }
            }
            if b[i] == b'"' {
                let Some((text, end)) = literal(&code, i) else { break };
                let mut from = i.saturating_sub(40);
                while !code.is_char_boundary(from) {
                    from += 1;
                }
                let before = &code[from..i];
                let raw = code[..i].ends_with('r') || code[..i].ends_with("r#");
                let mut to = (end + 8).min(code.len());
                while !code.is_char_boundary(to) {
                    to -= 1;
                }
                let after = &code[end..to];
                // In the words modules every literal is for people (lower-case lone words too: "rising").
                let words_module = f.starts_with(root().join("src/ui/words"));
                let rel = f.strip_prefix(root()).unwrap().display().to_string();
                let suspect = wordy(&text, before) || (words_module && has_word(&text));
                if !raw
                    && !spans.contains(&i)
                    && suspect
                    && !technical(&text, before)
                    && !pattern(before, &text, after)
                    && !identifier(&text, words_module)
                    && !id_in(&rel, &text)
                {
                    let line = code[..i].matches('\n').count() + 1;
                    bad.push(format!("{}:{line}: {text:?}", f.strip_prefix(root()).unwrap().display()));
                }
                i = end;
                continue;
            }
            i += code[i..].chars().next().unwrap().len_utf8();
        }
    }
    assert!(bad.is_empty(), "{} user-visible literals bypass the catalogue:\n{}", bad.len(), bad.join("\n"));
}
