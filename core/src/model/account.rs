use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

use super::MonthTotal;
use crate::exchange::MAX_NAME_CHARS;

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
    let mut key = String::with_capacity(name.len());
    normalise_name_into(name, &mut key);
    key
}

/// [`normalise_name`] appended to `key`, so a caller that keys every row of a file can reuse
/// one buffer.
pub fn normalise_name_into(name: &str, key: &mut String) {
    if !name.is_ascii() {
        key.push_str(&name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
        return;
    }
    // An ASCII name in one pass and no allocation: the import calls this for every row, and
    // the general path (a vector of words, a joined string, a lowered copy) was a tenth of it.
    let start = key.len();
    for word in name.split_whitespace() {
        if key.len() > start {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
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

/// The order history of one account as monthly totals, kept together because that is how they
/// are read: the segmentation needs an account's whole history at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountHistory {
    pub account_id: String,
    pub months: Vec<MonthTotal>,
}

/// The key of an account in the workspace's maps: its [`Account::id`]. A type of its own so
/// that the maps cannot be keyed by a name or a dossier's field by mistake; it borrows as `str`,
/// so lookups take the plain id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AccountId(String);

impl AccountId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for AccountId {
    fn from(id: &str) -> Self {
        AccountId(id.to_string())
    }
}

impl From<String> for AccountId {
    fn from(id: String) -> Self {
        AccountId(id)
    }
}

impl std::borrow::Borrow<str> for AccountId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// Why an account typed by hand is not added (nothing is changed). The words are the app's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewAccountError {
    /// The name is blank.
    NoName,
    /// The name is longer than an import accepts, so a later import could never find it.
    NameTooLong { max_chars: usize },
    /// An account with this name (as imports compare names) exists, under its own spelling.
    AlreadyThere { name: String },
}

/// Everything the user works on, in memory: accounts in the order they are shown, each
/// account's order lines, at most one dossier per account, and the programme.
///
/// The collections are private so that the one-dossier-per-account rule holds and lookups go
/// through an index rather than a scan. Every stored shape becomes a workspace through
/// [`restore`](super::restore::restore); serde reads and writes the same JSON shape as before
/// (`accounts`, `history` by account id, `dossiers`, `programme`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "WorkspaceShape", into = "WorkspaceShape")]
pub struct Workspace {
    accounts: Vec<Account>,
    /// Position in `accounts` by id.
    account_index: HashMap<AccountId, usize>,
    /// Monthly totals by account id, each in month order.
    history: BTreeMap<AccountId, Vec<MonthTotal>>,
    /// In the order they were added (the order files and records are written in).
    dossiers: Vec<super::Dossier>,
    /// Position in `dossiers` by account id.
    dossier_index: HashMap<AccountId, usize>,
    /// The programme's written criteria, matrix factors and other shared decisions.
    pub programme: super::Programme,
}

/// The serialised shape of a [`Workspace`], unchanged from when its fields were public.
#[derive(Serialize, Deserialize)]
struct WorkspaceShape {
    accounts: Vec<Account>,
    /// Monthly totals; a history kept by a build before them reads as one-line months (see
    /// [`MonthTotal`]), added up by the restore.
    history: BTreeMap<String, Vec<MonthTotal>>,
    dossiers: Vec<super::Dossier>,
    #[serde(default)]
    programme: super::Programme,
}

impl From<WorkspaceShape> for Workspace {
    /// Through the one restore, which keeps the first of two accounts or dossiers with one id.
    fn from(shape: WorkspaceShape) -> Self {
        super::restore::restore(super::restore::Stored {
            accounts: shape.accounts,
            history: shape
                .history
                .into_iter()
                .map(|(account_id, months)| AccountHistory { account_id, months })
                .collect(),
            dossiers: shape.dossiers,
            programme: Some(shape.programme),
        })
        .workspace
    }
}

impl From<Workspace> for WorkspaceShape {
    fn from(ws: Workspace) -> Self {
        WorkspaceShape {
            accounts: ws.accounts,
            history: ws.history.into_iter().map(|(id, months)| (id.0, months)).collect(),
            dossiers: ws.dossiers,
            programme: ws.programme,
        }
    }
}

impl Workspace {
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    /// The accounts, in the order they are shown.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    pub fn account(&self, id: &str) -> Option<&Account> {
        self.account_index.get(id).map(|&i| &self.accounts[i])
    }

    /// Adds an account, or replaces the one with the same id in its place; returns the one
    /// replaced.
    pub fn insert_account(&mut self, account: Account) -> Option<Account> {
        match self.account_index.get(account.id.as_str()) {
            Some(&i) => Some(std::mem::replace(&mut self.accounts[i], account)),
            None => {
                self.account_index.insert(AccountId::from(account.id.as_str()), self.accounts.len());
                self.accounts.push(account);
                None
            }
        }
    }

    /// Changes one account in place (its id stays: it is the key); false if there is none.
    pub fn change_account(&mut self, id: &str, change: impl FnOnce(&mut Account)) -> bool {
        let Some(&i) = self.account_index.get(id) else { return false };
        let account = &mut self.accounts[i];
        change(account);
        account.id = id.to_string();
        true
    }

    /// Changes every account in place, in order (ids stay).
    pub fn change_accounts(&mut self, mut change: impl FnMut(&mut Account)) {
        for account in &mut self.accounts {
            let id = std::mem::take(&mut account.id);
            change(account);
            account.id = id;
        }
    }

    /// Orders the accounts as `compare` says (the store shows them by name).
    pub fn sort_accounts_by(&mut self, compare: impl FnMut(&Account, &Account) -> std::cmp::Ordering) {
        self.accounts.sort_by(compare);
        self.account_index =
            self.accounts.iter().enumerate().map(|(i, a)| (AccountId::from(a.id.as_str()), i)).collect();
    }

    /// An account's monthly totals, in month order, if any are recorded.
    pub fn history(&self, account_id: &str) -> Option<&Vec<MonthTotal>> {
        self.history.get(account_id)
    }

    /// Every account's monthly totals, by account id (in id order).
    pub fn histories(&self) -> impl ExactSizeIterator<Item = (&str, &Vec<MonthTotal>)> {
        self.history.iter().map(|(id, months)| (id.as_str(), months))
    }

    /// Sets an account's monthly totals (put in month order, one per month); returns the ones
    /// replaced.
    pub fn set_history(&mut self, account_id: &str, mut months: Vec<MonthTotal>) -> Option<Vec<MonthTotal>> {
        super::history::normalise_months(&mut months);
        self.history.insert(AccountId::from(account_id), months)
    }

    /// An account's monthly totals to change (empty if none were recorded). The caller keeps
    /// them in month order, one per month ([`super::normalise_months`]).
    pub fn history_mut(&mut self, account_id: &str) -> &mut Vec<MonthTotal> {
        self.history.entry(AccountId::from(account_id)).or_default()
    }

    /// The dossiers, in the order they were added.
    pub fn dossiers(&self) -> &[super::Dossier] {
        &self.dossiers
    }

    pub fn dossier(&self, account_id: &str) -> Option<&super::Dossier> {
        self.dossier_index.get(account_id).map(|&i| &self.dossiers[i])
    }

    /// Sets the dossier of its account: replaces that account's dossier in its place, or adds
    /// it. Returns the one replaced. This is what keeps one dossier per account.
    pub fn upsert_dossier(&mut self, dossier: super::Dossier) -> Option<super::Dossier> {
        match self.dossier_index.get(dossier.account_id.as_str()) {
            Some(&i) => Some(std::mem::replace(&mut self.dossiers[i], dossier)),
            None => {
                self.dossier_index.insert(AccountId::from(dossier.account_id.as_str()), self.dossiers.len());
                self.dossiers.push(dossier);
                None
            }
        }
    }

    /// Orders the dossiers by account id (the order of a workspace read from its document).
    pub fn sort_dossiers_by_account(&mut self) {
        self.dossiers.sort_by(|a, b| a.account_id.cmp(&b.account_id));
        self.dossier_index =
            self.dossiers.iter().enumerate().map(|(i, d)| (AccountId::from(d.account_id.as_str()), i)).collect();
    }

    /// Takes an account's dossier out; the others keep their order.
    pub fn remove_dossier(&mut self, account_id: &str) -> Option<super::Dossier> {
        let i = self.dossier_index.remove(account_id)?;
        let dossier = self.dossiers.remove(i);
        for at in self.dossier_index.values_mut().filter(|at| **at > i) {
            *at -= 1;
        }
        Some(dossier)
    }

    /// Changes an account's dossier in place (its account stays); false if it has none.
    pub fn change_dossier(&mut self, account_id: &str, change: impl FnOnce(&mut super::Dossier)) -> bool {
        let Some(&i) = self.dossier_index.get(account_id) else { return false };
        let dossier = &mut self.dossiers[i];
        change(dossier);
        dossier.account_id = account_id.to_string();
        true
    }

    /// Changes every dossier in place, in order (their accounts stay).
    pub fn change_dossiers(&mut self, mut change: impl FnMut(&mut super::Dossier)) {
        for dossier in &mut self.dossiers {
            let id = std::mem::take(&mut dossier.account_id);
            change(dossier);
            dossier.account_id = id;
        }
    }

    /// A test's workspace of these accounts and dossiers (through the restore).
    #[cfg(test)]
    pub(crate) fn of(accounts: Vec<Account>, dossiers: Vec<super::Dossier>) -> Workspace {
        super::restore::restore(super::restore::Stored { accounts, dossiers, ..Default::default() }).workspace
    }

    /// The accounts to change in a test (changing an id there would break the index).
    #[cfg(test)]
    pub(crate) fn accounts_mut(&mut self) -> &mut [Account] {
        &mut self.accounts
    }

    /// The dossiers to change in a test (changing an account id there would break the index).
    #[cfg(test)]
    pub(crate) fn dossiers_mut(&mut self) -> &mut [super::Dossier] {
        &mut self.dossiers
    }

    /// An account typed by hand, checked against the workspace but not yet added. Refuses an
    /// empty name or one that already exists (names are compared as imports compare them, so a
    /// later import finds this account).
    pub fn new_account(&self, name: &str) -> Result<Account, NewAccountError> {
        let account = Account::new(name);
        if account.name.is_empty() {
            return Err(NewAccountError::NoName);
        }
        if account.name.chars().count() > MAX_NAME_CHARS {
            return Err(NewAccountError::NameTooLong { max_chars: MAX_NAME_CHARS });
        }
        if let Some(existing) = self.account(&account.id) {
            return Err(NewAccountError::AlreadyThere { name: existing.name.clone() });
        }
        Ok(account)
    }

    /// Adds an account typed by hand (see [`Workspace::new_account`]).
    pub fn add_account(&mut self, name: &str) -> Result<&Account, NewAccountError> {
        let account = self.new_account(name)?;
        self.insert_account(account);
        Ok(self.accounts.last().expect("just pushed"))
    }

    /// How many order lines the monthly totals hold.
    pub fn line_count(&self) -> usize {
        self.history.values().map(|m| super::history::line_count(m)).sum()
    }

    /// The latest month with orders in the whole workspace, which anchors the default window:
    /// its first day.
    pub fn latest_order_date(&self) -> Option<NaiveDate> {
        self.history
            .values()
            .filter_map(|m| m.last())
            .map(MonthTotal::index)
            .max()
            .and_then(|i| NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_ascii_path_keys_names_as_the_general_one(name in "[ \t\n\x0b\x0c\ra-zA-Z0-9&.,-]{0,30}") {
            prop_assert_eq!(normalise_name(&name), name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
        }
    }

    #[test]
    fn names_group_case_and_space_insensitively() {
        assert_eq!(normalise_name("  Öresund   Logistik AB "), normalise_name("ÖRESUND logistik ab"));
        assert_ne!(normalise_name("Acme"), normalise_name("Acme 2"));
    }

    #[test]
    fn accounts_typed_by_hand_are_unique_and_named() {
        let mut ws = Workspace::default();
        assert_eq!(ws.add_account("  Acme Oy ").unwrap().id, "acme oy");
        assert_eq!(ws.add_account("ACME  oy"), Err(NewAccountError::AlreadyThere { name: "Acme Oy".into() }));
        assert_eq!(ws.add_account("   "), Err(NewAccountError::NoName));
        assert_eq!(ws.add_account(&"x".repeat(301)), Err(NewAccountError::NameTooLong { max_chars: 300 }));
        assert_eq!(ws.accounts().len(), 1, "nothing refused was added");
        assert!(ws.add_account(&"x".repeat(300)).is_ok(), "the longest name an import reads");
    }

    #[test]
    fn new_account_keeps_original_spelling_trimmed() {
        let a = Account::new("  Nordic Steel Oy ");
        assert_eq!(a.name, "Nordic Steel Oy");
        assert_eq!(a.id, "nordic steel oy");
    }
}
