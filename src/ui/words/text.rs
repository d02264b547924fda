//! Helpers shared by every area's words: lists, counted nouns and quoted titles.

use crate::i18n::{tr, tr_args};

/// A list in words: "A", "A and B", "A, B and C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            let init = init.join(tr(", "));
            tr_args("{init} and {last}", &[("init", &init), ("last", &last.as_ref())])
        }
    }
}

/// A counted noun: "1 contact", "3 contacts"; other languages hold every plural form of the
/// noun under `plural::<many>` (a form without `{n}` follows the number).
pub fn plural(n: usize, one: &'static str, many: &'static str) -> String {
    crate::i18n::tr_counted(n, one, many)
}

/// The text of a user-written field, or `fallback` when it is blank ("(untitled action)").
pub fn or_default<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    let t = text.trim();
    if t.is_empty() {
        fallback
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_counts() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(plural(1, "contact", "contacts"), "1 contact");
        assert_eq!(plural(2, "contact", "contacts"), "2 contacts");
        assert_eq!(or_default("  ", "(untitled)"), "(untitled)");
        assert_eq!(or_default(" Visit ", "(untitled)"), "Visit");
    }
}
