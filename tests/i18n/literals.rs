//! Which string literals of the views are words for people (and so must come from the
//! catalogue) and which are the code's own: CSS classes, ids, patterns, codes.

/// Literals that look like words but are not for people: CSS classes, test ids, codes, file
/// names, MIME types, attribute values, log lines.
/// CSS classes chosen in code (`if key { "bubble key" } else { … }`) and the serde and DOM
/// texts that are matched or logged, never shown as they are.
const NOT_WORDS: &[&str] = &[
    "button primary",
    "drop-zone dragging",
    "bubble key",
    "bubble candidate",
    "field inline",
    "message success",
    "message warning",
    "status met",
    "status attention",
    "status discuss",
    "struct FileData",
    "not an anchor",
    // DOM tag names the keyboard handlers compare with.
    "INPUT",
    "TEXTAREA",
    "SELECT",
    // CSS classes chosen by a condition (`class=if secondary { "button" } else { … }`).
    "button",
    "field",
    " selected",
    // The CSS classes of a movement's direction, beside its words.
    "new",
    "gone",
    "rose",
    "fell",
    "stayed",
];

/// Lone words one file uses as ids, never shown: (file, literal).
const IDS_IN: &[(&str, &str)] = &[
    // Test ids of the score inputs and factor rows (the labels say `tr("strength")`).
    ("src/ui/pages/dossier/mod.rs", "strength"),
    ("src/ui/pages/dossier/mod.rs", "attractiveness"),
    ("src/ui/pages/programme_settings.rs", "strength"),
    ("src/ui/pages/programme_settings.rs", "attractiveness"),
    // The import preview's role classes (`role_word` says them).
    ("src/ui/components/import.rs", "customer"),
    ("src/ui/components/import.rs", "date"),
    ("src/ui/components/import.rs", "revenue"),
    ("src/ui/components/import.rs", "profit"),
];

/// Whether `text` in `file` (relative to the crate) is one of [`IDS_IN`].
pub fn id_in(file: &str, text: &str) -> bool {
    IDS_IN.iter().any(|(f, t)| *f == file && *t == text)
}

/// Attributes people read (a screen reader says them, a hover shows them): any word there is
/// for people, even a single lower-case one.
const READ_ATTRS: &[&str] = &["aria-label=", "title=", "placeholder=", "alt=", "label=", "aria-description="];

/// The context just before a literal, without a `format!(` or `move ||` that builds the value.
fn context_of(before: &str) -> &str {
    let mut attr = before.trim_end();
    loop {
        let t = attr.trim_end();
        let t = t.strip_suffix("format!(").or_else(|| t.strip_suffix("move ||")).or_else(|| t.strip_suffix('{'));
        match t {
            Some(t) => attr = t.trim_end(),
            None => return attr,
        }
    }
}

/// Whether the literal is a pattern the code matches against (`"pestel" => …`, `"INPUT" | …`)
/// or names a placeholder.
pub fn pattern(before: &str, text: &str, after: &str) -> bool {
    let after = after.trim_start();
    // A placeholder's name in the arguments of `tr_args`: `("name", &value)`.
    let name = !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if name && before.trim_end().ends_with('(') && after.starts_with(',') {
        return true;
    }
    after.starts_with("=>") || (after.starts_with('|') && !after.starts_with("||"))
}

pub fn technical(text: &str, before: &str) -> bool {
    if NOT_WORDS.contains(&text) || CODES.contains(&text.trim()) {
        return true;
    }
    let attr = context_of(before);
    if READ_ATTRS.iter().any(|a| attr.ends_with(a)) {
        return false;
    }
    let technical_attr = [
        "class=",
        "data-testid=",
        "href=",
        "type=",
        "id=",
        "for=",
        "role=",
        "name=",
        "value=",
        "accept=",
        "rel=",
        "scope=",
        "autocomplete=",
        "inputmode=",
        "testid=",
        "step=",
        "min=",
        "max=",
        "lang=",
        "style=",
        "d=",
        "viewBox=",
        "aria-controls=",
        "aria-hidden=",
        "aria-live=",
        "aria-sort=",
        "aria-current=",
        "aria-describedby=",
        "aria-labelledby=",
        "aria-expanded=",
        "pattern=",
        "target=",
        "download=",
        "transform=",
    ];
    if technical_attr.iter().any(|a| attr.ends_with(a)) {
        return true;
    }
    // An attribute of static markup, as `ui::markup` takes it: `("class", "guide-origin muted")`.
    let markup_attr = attr.strip_suffix("\",").and_then(|t| t.rsplit_once("(\"")).map(|(_, name)| format!("{name}="));
    if markup_attr.is_some_and(|a| technical_attr.contains(&a.as_str())) {
        return true;
    }
    let calls = [
        "class_list().add_1(",
        "remove_1(",
        "set_attribute(",
        "get_item(",
        "set_item(",
        "log(",
        "expect(",
        "panic!(",
        "download_text(",
        "download_bytes(",
        "query_selector(",
        "debug_assert",
        "unreachable!(",
        "Err(format!(",
        "trc(",
        "replace(",
        "starts_with(",
        "ends_with(",
        "contains(",
        "strip_prefix(",
        "strip_suffix(",
        "find(",
        "split(",
        "==",
        "!=",
    ];
    if calls.iter().any(|c| attr.ends_with(c)) {
        return true;
    }
    text.contains("{{") || text.starts_with('/') || text.starts_with("kam-") || text.contains("-{")
}

/// Codes and units that read the same in every language (checked by the e2e test too, which
/// keeps its own list of what may stay as it is).
const CODES: &[&str] = &[
    "ABC",
    "XYZ",
    "ISO",
    "CSV",
    "KAM",
    "URL",
    "ICS",
    "PDF",
    "JSON",
    "UTF-8",
    "PESTEL",
    "SWOT",
    "WebCrypto",
    "yyyy-mm-dd",
];

/// The text of a literal with each `{placeholder}` as `instead`.
fn without_placeholders_as(text: &str, instead: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => {
                if depth == 0 {
                    out.push_str(instead);
                }
                depth += 1
            }
            '}' => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn without_placeholders(text: &str) -> String {
    without_placeholders_as(text, "")
}

pub fn has_word(text: &str) -> bool {
    without_placeholders(text).split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2)
}

/// Ids, keys and formats, not words: `critical_dependency`, `%Y-%m`, `a.b`; outside the words
/// modules also test ids and classes (`add-meeting`), which there would be words ("mono-client").
pub fn identifier(text: &str, words_module: bool) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && (t.contains(['_', '/', '.', '#', '%', '=', ':', '[', '@', '<'])
            || (!words_module && t.contains('-') && t == t.to_lowercase()))
}

/// Whether a literal reads as words for people. Several words do; so does one word beside a
/// figure, a placeholder or a sign ("{total} shown", "healthy {low}–{high} %"); a lone token does
/// when it is capitalised ("Revenue", "CV"), stands as a view's text (`<th>"Trend"</th>`) or is
/// an attribute people read (`aria-label="month"`). Lone lower-case tokens elsewhere are the
/// code's own (match arms, CSS classes, ids).
pub fn wordy(text: &str, before: &str) -> bool {
    let stripped = without_placeholders(text);
    let is_word = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !stripped.split(|c: char| !c.is_alphabetic()).any(|w| is_word(&w)) {
        return false;
    }
    // A placeholder stands for a figure or a name: "{total} shown" is two tokens.
    if without_placeholders_as(text, "0").trim().contains(char::is_whitespace) {
        return true;
    }
    let token = stripped.trim();
    let attr = context_of(before);
    // The value of a block, as an `if`/`else` arm gives it: `{ "revenue" }`.
    let block_value = before.trim_end().ends_with('{');
    token.chars().next().is_some_and(char::is_uppercase)
        || block_value
        || READ_ATTRS.iter().any(|a| attr.ends_with(a))
        || (attr.ends_with('>') && !attr.ends_with("=>") && !attr.ends_with("->"))
}

#[test]
fn single_words_and_fragments_are_found() {
    assert!(wordy("Account", "{header("));
    assert!(wordy("CV", "{header("));
    assert!(wordy("{total} shown", "} else { format!("));
    assert!(wordy("healthy {low_pct:.0}–{high_pct:.0} %", "format!("));
    assert!(wordy("month", "aria-label="));
    assert!(wordy("Trend", "<th>"));
    assert!(wordy("with", "<span>"));
    assert!(!wordy("ascending", "(k, true) if k == key => "));
    assert!(!wordy("critical_dependency", "== "));
    assert!(!wordy("{} {}", "format!("));
    assert!(!wordy("–", ">"));
    assert!(technical("badge xyz-{}", "<span class=format!("));
    assert!(technical("XYZ", "<th scope=\"col\">"));
    assert!(!technical("month", "aria-label="));
    assert!(!technical("Account", "{header("));
}
