use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A customer of the supplier. Accounts are derived from imported order lines (one per distinct
/// name, compared case-insensitively) or created by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// Stable identifier: the normalised name for imported accounts (see [`normalise_name`]).
    pub id: String,
    /// The name as first spelled in the data, trimmed.
    pub name: String,
    #[serde(default)]
    pub industry: String,
    /// Whether the account is in the key-account programme.
    #[serde(default)]
    pub is_key: bool,
    /// The key account manager on our side, if any.
    #[serde(default)]
    pub manager: String,
}

impl Account {
    pub fn new(name: &str) -> Self {
        let name = name.trim().to_string();
        Account { id: normalise_name(&name), name, industry: String::new(), is_key: false, manager: String::new() }
    }
}

/// The key under which two spellings of one customer name meet: trimmed, inner whitespace
/// collapsed, lower-cased (Unicode-aware, so "ÖRESUND AB" and "Öresund ab" are one account).
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// One order line: what an account bought on a day. Profit is optional because many sales
/// exports carry revenue only.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub date: NaiveDate,
    pub revenue: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profit: Option<f64>,
}

/// All order lines of one account, kept together because that is how they are read: the
/// segmentation needs an account's whole history at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountHistory {
    pub account_id: String,
    pub lines: Vec<OrderLine>,
}

/// Everything the user works on, in memory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub accounts: Vec<Account>,
    /// Order lines by account id.
    pub history: BTreeMap<String, Vec<OrderLine>>,
    pub dossiers: Vec<super::Dossier>,
    /// The programme's written criteria, matrix factors and other shared decisions.
    #[serde(default)]
    pub programme: super::Programme,
}

impl Workspace {
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn dossier(&self, account_id: &str) -> Option<&super::Dossier> {
        self.dossiers.iter().find(|d| d.account_id == account_id)
    }

    /// An account typed by hand, checked against the workspace but not yet added. Refuses an
    /// empty name or one that already exists (names are compared as imports compare them, so a
    /// later import finds this account).
    pub fn new_account(&self, name: &str) -> Result<Account, String> {
        let account = Account::new(name);
        if account.name.is_empty() {
            return Err("Give the account a name.".into());
        }
        if account.name.chars().count() > 300 {
            return Err("Names are limited to 300 characters.".into());
        }
        if let Some(existing) = self.account(&account.id) {
            return Err(format!("\"{}\" is already in the portfolio.", existing.name));
        }
        Ok(account)
    }

    /// Adds an account typed by hand (see [`Workspace::new_account`]).
    pub fn add_account(&mut self, name: &str) -> Result<&Account, String> {
        let account = self.new_account(name)?;
        self.accounts.push(account);
        Ok(self.accounts.last().expect("just pushed"))
    }

    pub fn line_count(&self) -> usize {
        self.history.values().map(Vec::len).sum()
    }

    /// The latest order date in the whole workspace, which anchors the default window.
    pub fn latest_order_date(&self) -> Option<NaiveDate> {
        self.history.values().flatten().map(|l| l.date).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_group_case_and_space_insensitively() {
        assert_eq!(normalise_name("  Öresund   Logistik AB "), normalise_name("ÖRESUND logistik ab"));
        assert_ne!(normalise_name("Acme"), normalise_name("Acme 2"));
    }

    #[test]
    fn accounts_typed_by_hand_are_unique_and_named() {
        let mut ws = Workspace::default();
        assert_eq!(ws.add_account("  Acme Oy ").unwrap().id, "acme oy");
        assert_eq!(ws.add_account("ACME  oy"), Err("\"Acme Oy\" is already in the portfolio.".into()));
        assert!(ws.add_account("   ").is_err());
        assert!(ws.add_account(&"x".repeat(301)).is_err());
        assert_eq!(ws.accounts.len(), 1);
    }

    #[test]
    fn new_account_keeps_original_spelling_trimmed() {
        let a = Account::new("  Nordic Steel Oy ");
        assert_eq!(a.name, "Nordic Steel Oy");
        assert_eq!(a.id, "nordic steel oy");
    }
}
