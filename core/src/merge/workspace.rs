//! The workspace as one stamped document: the shape the merge sees, the records the store keeps
//! stamps for, the stamps a file carries, and what a file without stamps (format 1–2) counts as.
//!
//! # The merge's shape of a workspace
//!
//! ```text
//! { "accounts":  { "<account id>": { ...account } },
//!   "dossiers":  { "<account id>": { ...dossier, every list of items a set by item id } },
//!   "history":   { "<account id>": { "<yyyy-mm>": [ lines, revenue, profit, last purchase day ] } },
//!   "programme": { ...programme settings } }
//! ```
//!
//! Accounts, dossiers and histories are objects keyed by account id, so each is one subtree (a
//! [`RecordKey`]) whose stamps the store keeps beside the record. Order history is keyed by
//! month: a month's total is one register, so the later import of a month wins and no other month is
//! touched. A dossier's lists are sets of items by their stable ids (`Dossier::assign_ids`);
//! people are keyed by `uid` (their numeric `id` only links `reports_to` within one copy).
//! Key decisions are items that are never deleted, so merging unites the two logs. Lists of plain
//! values (offerings, units, the programme's criteria and factors, skills) are one register each.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

use super::doc::{sorted_map, Entry, StampedDoc};
use super::flatten::flatten_lean;
use super::hlc::{Clock, Stamp};
use super::path::{Path, Seg};
use crate::model::{restore, Account, AccountHistory, Dossier, MonthTotal, Programme, Stored, Workspace};

/// One stored record that has stamps of its own: a subtree of the workspace document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Account(String),
    Dossier(String),
    History(String),
    Programme,
}

pub(super) const ACCOUNTS: &str = "accounts";
pub(super) const DOSSIERS: &str = "dossiers";
pub(super) const HISTORY: &str = "history";
pub(super) const PROGRAMME: &str = "programme";

impl RecordKey {
    /// The record's place in the workspace document.
    pub fn path(&self) -> Path {
        let (top, id) = match self {
            RecordKey::Account(id) => (ACCOUNTS, Some(id)),
            RecordKey::Dossier(id) => (DOSSIERS, Some(id)),
            RecordKey::History(id) => (HISTORY, Some(id)),
            RecordKey::Programme => (PROGRAMME, None),
        };
        let p = Path::root().key(top);
        match id {
            Some(id) => p.key(id),
            None => p,
        }
    }

    /// The key the store files the record's stamps under (`account/<id>`, …, `programme`).
    pub fn store_key(&self) -> String {
        match self {
            RecordKey::Account(id) => format!("account/{id}"),
            RecordKey::Dossier(id) => format!("dossier/{id}"),
            RecordKey::History(id) => format!("history/{id}"),
            RecordKey::Programme => PROGRAMME.into(),
        }
    }

    pub fn from_store_key(key: &str) -> Option<RecordKey> {
        if key == PROGRAMME {
            return Some(RecordKey::Programme);
        }
        let (kind, id) = key.split_once('/')?;
        Some(match kind {
            "account" => RecordKey::Account(id.into()),
            "dossier" => RecordKey::Dossier(id.into()),
            "history" => RecordKey::History(id.into()),
            _ => return None,
        })
    }

    /// The record a path of the workspace document belongs to (`None` for the top nodes).
    pub fn of_path(path: &Path) -> Option<RecordKey> {
        let key = |i: usize| match path.0.get(i) {
            Some(Seg::Key(k)) => Some(k.as_str()),
            _ => None,
        };
        let id = || key(1).map(str::to_string);
        Some(match key(0)? {
            ACCOUNTS => RecordKey::Account(id()?),
            DOSSIERS => RecordKey::Dossier(id()?),
            HISTORY => RecordKey::History(id()?),
            PROGRAMME => RecordKey::Programme,
            _ => return None,
        })
    }

    /// The account a record belongs to (`None` for the programme).
    pub fn account_id(&self) -> Option<&str> {
        match self {
            RecordKey::Account(id) | RecordKey::Dossier(id) | RecordKey::History(id) => Some(id),
            RecordKey::Programme => None,
        }
    }
}

/// Through text, both ways: the model's types then have one serde implementation each (the
/// string one the store and files use), instead of a second, value-based one for every type,
/// which weighs markedly in the wasm.
pub fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::from_str(&serde_json::to_string(value).expect("the model serialises"))
        .expect("serde_json reads its own text")
}

fn from_value<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// A dossier as the merge sees it: people keyed by `uid` (their numeric `id` kept as `num`).
pub fn dossier_value(d: &Dossier) -> Value {
    let mut v = to_value(d);
    if let Some(people) = v.get_mut("people").and_then(Value::as_array_mut) {
        for p in people.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(num) = p.remove("id") {
                p.insert("num".into(), num);
            }
            if let Some(uid) = p.remove("uid") {
                p.insert("id".into(), uid);
            }
        }
    }
    v
}

fn dossier_from_value(mut v: Value) -> Result<Dossier, serde_json::Error> {
    if let Some(people) = v.get_mut("people").and_then(Value::as_array_mut) {
        for p in people.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(uid) = p.remove("id") {
                p.insert("uid".into(), uid);
            }
            if let Some(num) = p.remove("num") {
                p.insert("id".into(), num);
            }
        }
    }
    from_value(&v)
}

/// Monthly totals by month (`yyyy-mm`), each one register: `[lines, revenue, profit,
/// last purchase day]` (`null` for a profit or day it does not have), a list of plain values,
/// so that a month is merged whole, never its revenue from one copy and its count from another.
pub fn history_value(months: &[MonthTotal]) -> Value {
    Value::Object(
        months
            .iter()
            .map(|m| {
                // Written by hand: chrono's formatting machinery would weigh on the wasm for this alone.
                let key = format!("{:04}-{:02}", m.year, m.month);
                let value = Value::Array(vec![
                    Value::from(m.lines),
                    Value::from(m.revenue),
                    m.profit.map_or(Value::Null, Value::from),
                    m.last_purchase.map_or(Value::Null, Value::from),
                ]);
                (key, value)
            })
            .collect(),
    )
}

fn history_from_value(v: Value) -> Result<Vec<MonthTotal>, serde_json::Error> {
    use serde::de::{Error, Unexpected};
    let mut months = Vec::new();
    if let Value::Object(map) = v {
        for (key, value) in map {
            let month = month_of_key(&key)
                .ok_or_else(|| serde_json::Error::invalid_value(Unexpected::Str(&key), &"yyyy-mm"))?;
            months.push(month_from_value(month, &value)?);
        }
    }
    crate::model::normalise_months(&mut months);
    Ok(months)
}

/// The year and month of a history register's key (`yyyy-mm`).
fn month_of_key(key: &str) -> Option<(i32, u32)> {
    let (y, m) = key.split_once('-')?;
    Some((y.parse().ok()?, m.parse().ok()?))
}

fn month_from_value((year, month): (i32, u32), value: &Value) -> Result<MonthTotal, serde_json::Error> {
    use serde::de::{Error, Unexpected};
    // serde's own words, as every other detail of a document that does not read.
    let bad = || {
        serde_json::Error::invalid_value(
            Unexpected::Other(&format!("{year:04}-{month:02}")),
            &"[lines, revenue, profit, day of the last purchase]",
        )
    };
    let Value::Array(parts) = value else { return Err(bad()) };
    // A month of a build before monthly totals: its order lines (each read as its own month).
    if parts.first().is_some_and(Value::is_object) {
        let mut totals: Vec<MonthTotal> = from_value(value)?;
        crate::model::normalise_months(&mut totals);
        return match totals.as_slice() {
            [one] if (one.year, one.month) == (year, month) && one.is_valid() => Ok(*one),
            _ => Err(bad()),
        };
    }
    let [lines, revenue, profit, last] = parts.as_slice() else { return Err(bad()) };
    let total = MonthTotal {
        year,
        month,
        lines: lines.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(bad)?,
        revenue: revenue.as_f64().ok_or_else(bad)?,
        profit: if profit.is_null() { None } else { Some(profit.as_f64().ok_or_else(bad)?) },
        last_purchase: if last.is_null() {
            None
        } else {
            Some(last.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(bad)?)
        },
    };
    total.is_valid().then_some(total).ok_or_else(bad)
}

/// Brings a document stamped by a build before monthly totals up to date: each month of a
/// history that holds its order lines gets the month's total instead, under the same stamp (the
/// upgrade is no edit, so it wins no merge). Returns whether anything changed.
pub fn upgrade_history_months(doc: &mut StampedDoc) -> bool {
    let mut changed = false;
    for (path, entry) in doc.entries.iter_mut() {
        if let [Seg::Key(top), Seg::Key(_), Seg::Key(month)] = path.0.as_slice() {
            changed |= top == HISTORY && upgrade_month(month, entry);
        }
    }
    changed
}

/// [`upgrade_history_months`] for the stamps of one history record, as the store keeps them
/// (paths below the record: the months).
pub fn upgrade_history_record(doc: &mut StampedDoc) -> bool {
    let mut changed = false;
    for (path, entry) in doc.entries.iter_mut() {
        if let [Seg::Key(month)] = path.0.as_slice() {
            changed |= upgrade_month(month, entry);
        }
    }
    changed
}

fn upgrade_month(month: &str, entry: &mut Entry) -> bool {
    let Some(value) = &entry.value else { return false };
    if !value.as_array().is_some_and(|a| a.first().is_some_and(Value::is_object)) {
        return false;
    }
    let total = month_of_key(month).and_then(|ym| month_from_value(ym, value).ok());
    match total {
        Some(total) => {
            entry.value = history_value(&[total]).as_object().and_then(|o| o.values().next().cloned());
            true
        }
        None => false,
    }
}

/// The records of a workspace with their values, in the store's order.
pub fn records(ws: &Workspace) -> Vec<(RecordKey, Value)> {
    let mut out = Vec::with_capacity(ws.accounts().len() * 3 + 1);
    for a in ws.accounts() {
        out.push((RecordKey::Account(a.id.clone()), to_value(a)));
    }
    for d in ws.dossiers() {
        out.push((RecordKey::Dossier(d.account_id.clone()), dossier_value(d)));
    }
    for (id, lines) in ws.histories() {
        out.push((RecordKey::History(id.to_string()), history_value(lines)));
    }
    out.push((RecordKey::Programme, to_value(&ws.programme)));
    out
}

/// The value of one record of a workspace (`None` when the workspace has no such record).
pub fn record_value(ws: &Workspace, key: &RecordKey) -> Option<Value> {
    match key {
        RecordKey::Account(id) => ws.account(id).map(to_value),
        RecordKey::Dossier(id) => ws.dossier(id).map(dossier_value),
        RecordKey::History(id) => ws.history(id).map(|l| history_value(l)),
        RecordKey::Programme => Some(to_value(&ws.programme)),
    }
}

/// The whole workspace as the merge's document value.
pub fn workspace_value(ws: &Workspace) -> Value {
    let mut top: BTreeMap<&str, Map<String, Value>> =
        [(ACCOUNTS, Map::new()), (DOSSIERS, Map::new()), (HISTORY, Map::new())].into_iter().collect();
    let mut programme = Value::Object(Map::new());
    for (key, value) in records(ws) {
        match key {
            RecordKey::Account(id) => top.get_mut(ACCOUNTS).expect("listed").insert(id, value),
            RecordKey::Dossier(id) => top.get_mut(DOSSIERS).expect("listed").insert(id, value),
            RecordKey::History(id) => top.get_mut(HISTORY).expect("listed").insert(id, value),
            RecordKey::Programme => {
                programme = value;
                None
            }
        };
    }
    let mut out: Map<String, Value> = top.into_iter().map(|(k, m)| (k.to_string(), Value::Object(m))).collect();
    out.insert(PROGRAMME.into(), programme);
    Value::Object(out)
}

/// The registers of a workspace's document, values only, in path order: the top nodes, then
/// each record lean ([`flatten_lean`]), item positions numbered evenly in each list's order. The
/// one flat form of a workspace: documents, files' stamps, redaction and comparisons all use it,
/// so they agree register for register with what recording an edit writes.
pub fn flatten_workspace(ws: &Workspace) -> Vec<(Path, Value)> {
    let mut recs = records(ws);
    recs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out: Vec<(Path, Value)> = top_nodes().map(|(p, e)| (p, e.value.expect("a node"))).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    for (key, value) in recs {
        let prefix = key.path();
        for (p, v) in flatten_lean(&value) {
            let mut full = prefix.0.clone();
            full.extend(p.0);
            out.push((Path(full), v));
        }
    }
    // The top nodes into their places (two sorted runs: a linear merge).
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Why a merged document does not read as a workspace (only for documents made by hand: the
/// merge of two workspaces' documents always reads).
#[derive(Debug, Clone, PartialEq)]
pub struct NotAWorkspace {
    pub detail: String,
}

/// A workspace document back as a workspace, through the one restore. Lenient as the store is:
/// a dossier whose account is missing is kept (nothing is lost), accounts sorted as the store
/// loads them.
pub fn workspace_from_value(value: &Value) -> Result<Workspace, NotAWorkspace> {
    let bad = |e: serde_json::Error| NotAWorkspace { detail: e.to_string() };
    let section = |name: &str| match value.get(name) {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    let mut stored = Stored::default();
    for (_, a) in section(ACCOUNTS) {
        stored.accounts.push(from_value::<Account>(&a).map_err(bad)?);
    }
    crate::model::sort_accounts(&mut stored.accounts);
    for (id, d) in section(DOSSIERS) {
        let mut d = dossier_from_value(d).map_err(bad)?;
        d.account_id = id;
        stored.dossiers.push(d);
    }
    for (id, h) in section(HISTORY) {
        stored.history.push(AccountHistory { account_id: id, months: history_from_value(h).map_err(bad)? });
    }
    if let Some(p) = value.get(PROGRAMME).filter(|p| p.is_object()) {
        stored.programme = Some(from_value::<Programme>(p).map_err(bad)?);
    }
    Ok(restore(stored).workspace)
}

/// The stamp of what every copy knows and any real write overrides: the document's top nodes,
/// and the registers a file withholds (their values are the file's placeholders, such as an
/// empty birthday): present, so that the document reads as the file's workspace, yet they never
/// change a value a copy has, and a merge never lists them.
pub fn zero_stamp() -> Stamp {
    Stamp::new(0, 0, "")
}

/// The top nodes every workspace document has, with the zero stamp: they are never edited, so
/// every copy agrees on them.
fn top_nodes() -> impl Iterator<Item = (Path, Entry)> {
    let zero = zero_stamp();
    [Path::root(), Path::root().key(ACCOUNTS), Path::root().key(DOSSIERS), Path::root().key(HISTORY)]
        .into_iter()
        .map(move |p| (p, Entry::live(Value::Object(Map::new()), zero.clone())))
}

impl StampedDoc {
    /// A record's registers, lean, all with one stamp (a record stored before stamps existed).
    pub fn of_record(value: &Value, stamp: &Stamp) -> StampedDoc {
        let entries = flatten_lean(value).into_iter().map(|(p, v)| (p, Entry::live(v, stamp.clone()))).collect();
        StampedDoc { entries: sorted_map(entries), seen: BTreeMap::new() }
    }

    /// The registers at and below `prefix`, with the prefix taken off (a record's own stamps).
    pub fn subtree(&self, prefix: &Path) -> StampedDoc {
        let n = prefix.0.len();
        let entries = self
            .entries
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(prefix))
            .map(|(p, e)| (Path(p.0[n..].to_vec()), e.clone()))
            .collect();
        StampedDoc { entries: sorted_map(entries), seen: BTreeMap::new() }
    }

    /// Puts a record's stamps (`sub`, paths relative to `prefix`) in place of what the document
    /// held at and below `prefix`.
    pub fn graft(&mut self, prefix: &Path, sub: &StampedDoc) {
        let old: Vec<Path> = self
            .entries
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(prefix))
            .map(|(p, _)| p.clone())
            .collect();
        for p in old {
            self.entries.remove(&p);
        }
        for (p, e) in &sub.entries {
            let mut full = prefix.0.clone();
            full.extend(p.0.iter().cloned());
            self.entries.insert(Path(full), e.clone());
        }
    }

    /// The stamps of every record, by record (what the store keeps).
    pub fn records(&self) -> Vec<(RecordKey, StampedDoc)> {
        let mut out: Vec<(RecordKey, StampedDoc)> = Vec::new();
        let mut index: HashMap<RecordKey, usize> = HashMap::new();
        for (p, e) in &self.entries {
            let Some(key) = RecordKey::of_path(p) else { continue };
            let n = key.path().0.len();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                out.push((key, StampedDoc::new()));
                out.len() - 1
            });
            out[i].1.entries.insert(Path(p.0[n..].to_vec()), e.clone());
        }
        out
    }

    /// A workspace document from its records' stamps and what it has seen.
    pub fn from_records(
        records: impl IntoIterator<Item = (RecordKey, StampedDoc)>,
        seen: BTreeMap<String, Stamp>,
    ) -> StampedDoc {
        let mut doc = StampedDoc { entries: sorted_map(top_nodes().collect()), seen };
        for (key, sub) in records {
            doc.graft(&key.path(), &sub);
        }
        doc
    }

    /// Records an edit of one record: writes, with one fresh stamp, what changed between the
    /// record's registers and `value` (the record's new value), as [`StampedDoc::record`] does
    /// for a whole document. The clock first observes every stamp of the record, so an edit
    /// always wins over the record's earlier writes, whichever tab or device made them.
    /// Returns the stamp used, or `None` when nothing changed.
    pub fn record_record(&mut self, value: &Value, clock: &mut Clock, now_ms: u64) -> Option<Stamp> {
        for e in self.entries.values() {
            clock.observe(&e.stamp);
        }
        let before = self.seen.clone();
        let written = self.record_lean(value, clock, now_ms);
        let stamp = (written > 0).then(|| self.seen.get(clock.device()).cloned()).flatten();
        self.seen = before;
        stamp
    }
}

/// A workspace's document when all its values carry one stamp: files of format 1 and 2 (their
/// export time), records stored before stamps existed (their dossier's last change), a
/// workspace created from nothing. `withheld` paths get the [`zero_stamp`]: a file without
/// personal details does not say that they are empty.
pub fn document_of(ws: &Workspace, stamp: &Stamp, withheld: impl Fn(&Path, &Value) -> bool) -> StampedDoc {
    let entries = sorted_map(
        flatten_workspace(ws)
            .into_iter()
            .map(|(p, v)| {
                let s = if RecordKey::of_path(&p).is_none() || withheld(&p, &v) { zero_stamp() } else { stamp.clone() };
                (p, Entry::live(v, s))
            })
            .collect(),
    );
    let mut seen = BTreeMap::new();
    seen.insert(stamp.device.to_string(), stamp.clone());
    StampedDoc { entries, seen }
}

/// Puts a record read from its merged value into `ws` (through the one restore of a record) and
/// returns its value as the workspace now holds it; `None` when the record reads as deleted.
pub(super) fn put_record(ws: &mut Workspace, key: &RecordKey, value: Value) -> Result<Option<Value>, NotAWorkspace> {
    let bad = |e: serde_json::Error| NotAWorkspace { detail: e.to_string() };
    if !value.is_object() {
        return Ok(None);
    }
    match key {
        RecordKey::Account(_) => {
            ws.insert_account(from_value::<Account>(&value).map_err(bad)?);
        }
        RecordKey::Dossier(id) => {
            let mut d = dossier_from_value(value).map_err(bad)?;
            d.account_id = id.clone();
            ws.upsert_dossier(crate::model::restore_dossier(d));
        }
        RecordKey::History(id) => {
            ws.set_history(id, history_from_value(value).map_err(bad)?);
        }
        RecordKey::Programme => {
            ws.programme = crate::model::restore_programme(from_value::<Programme>(&value).map_err(bad)?)
        }
    }
    Ok(record_value(ws, key))
}

/// The fields of a person that a file without personal details empties.
pub const PERSONAL_FIELDS: [&str; 7] = ["birthday", "family", "hobbies", "values", "phone", "email", "personal_notes"];

/// Whether `path` is a personal field of a person of a dossier (withheld by a file without
/// personal details, whatever its value).
pub fn is_personal_field(path: &Path) -> bool {
    matches!(path.0.as_slice(), [Seg::Key(d), _, Seg::Key(l), Seg::Item(_), Seg::Key(f)]
        if d == DOSSIERS && l == "people" && PERSONAL_FIELDS.contains(&f.as_str()))
}

/// What a file without personal details withholds: every personal field, and every register
/// the redaction changed (text that held a phone number or an e-mail address). `redacted` is
/// the flat form ([`flatten_workspace`]) of `full` after `exchange::redact`.
pub fn redacted_paths(full: &Workspace, redacted: &BTreeMap<Path, Value>) -> std::collections::HashSet<Path> {
    flatten_workspace(full)
        .into_iter()
        .filter(|(p, v)| is_personal_field(p) || redacted.get(p) != Some(v))
        .map(|(p, _)| p)
        .collect()
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
