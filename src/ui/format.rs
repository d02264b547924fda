//! Number formatting for display (never for files: exports write plain numbers).

/// An amount without cents (workshop walls need short numbers) in the workspace's currency and
/// the language's conventions; in English without a currency, "1 234 567" as always.
pub fn money(v: f64) -> String {
    crate::i18n::fmt::amount(v)
}

/// "24.3 %" ("24,3 %" in Estonian).
pub fn percent(v: f64) -> String {
    crate::i18n::fmt::percent(v)
}

/// The address of an account's dossier (ids can hold "/" and spaces).
pub fn dossier_href(account_id: &str) -> String {
    format!("/key-accounts/{}", js_sys::encode_uri_component(account_id))
}

/// Where a reminder or calendar entry leads: its account's dossier, or, for an entry of no
/// account (a manager's development goal), the managers' skills on the Programme page.
pub fn entry_href(account_id: &str) -> String {
    if account_id.is_empty() {
        "/programme#skills".into()
    } else {
        dossier_href(account_id)
    }
}

/// "2026-11-24 17:05", the local time now, for snapshot labels (no strftime in the wasm).
pub fn local_minute() -> String {
    use chrono::Timelike;
    let now = chrono::Local::now();
    format!("{} {:02}:{:02}", now.date_naive(), now.hour(), now.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(1234567.4), "1\u{202f}234\u{202f}567");
        assert_eq!(money(-999.6), "−1\u{202f}000");
        assert_eq!(money(-0.2), "0");
        assert_eq!(money(12.0), "12");
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(24.345), "24.3\u{a0}%");
    }
}
