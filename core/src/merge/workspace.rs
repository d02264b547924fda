//! The workspace as one stamped document: the shape the merge sees, the records the store keeps
//! stamps for, the stamps a file carries, and what a file without stamps (format 1–2) counts as.
//!
//! # The merge's shape of a workspace
//!
//! ```text
//! { "accounts":  { "<account id>": { ...account } },
//!   "dossiers":  { "<account id>": { ...dossier, every list of items a set by item id } },
//!   "history":   { "<account id>": { "<yyyy-mm>": [ ...that month's order lines ] } },
//!   "programme": { ...programme settings } }
//! ```
//!
//! Accounts, dossiers and histories are objects keyed by account id, so each is one subtree (a
//! [`RecordKey`]) whose stamps the store keeps beside the record. Order history is keyed by
//! month: a month is one register, so the later import of a month wins and no other month is
//! touched. A dossier's lists are sets of items by their stable ids (`Dossier::assign_ids`);
//! people are keyed by `uid` (their numeric `id` only links `reports_to` within one copy).
//! Key decisions are items that are never deleted, so merging unites the two logs. Lists of plain
//! values (offerings, units, the programme's criteria and factors, skills) are one register each.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

use super::doc::{flatten_lean, sorted_map, Entry, Path, Seg, StampedDoc};
use super::hlc::{Clock, Stamp};
use crate::model::{restore, Account, AccountHistory, Dossier, OrderLine, Programme, Stored, Workspace};

/// One stored record that has stamps of its own: a subtree of the workspace document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKey {
    Account(String),
    Dossier(String),
    History(String),
    Programme,
}

const ACCOUNTS: &str = "accounts";
const DOSSIERS: &str = "dossiers";
const HISTORY: &str = "history";
const PROGRAMME: &str = "programme";

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

/// Order lines by month (`yyyy-mm`), in their order within a month.
pub fn history_value(lines: &[OrderLine]) -> Value {
    let mut months: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for l in lines {
        // Written by hand: chrono's formatting machinery would weigh on the wasm for this alone.
        let month = format!("{:04}-{:02}", chrono::Datelike::year(&l.date), chrono::Datelike::month(&l.date));
        months.entry(month).or_default().push(to_value(l));
    }
    Value::Object(months.into_iter().map(|(m, ls)| (m, Value::Array(ls))).collect())
}

fn history_from_value(v: Value) -> Result<Vec<OrderLine>, serde_json::Error> {
    let mut lines = Vec::new();
    if let Value::Object(months) = v {
        for (_, month) in months {
            lines.extend(from_value::<Vec<OrderLine>>(&month)?);
        }
    }
    lines.sort_by_key(|l| l.date);
    Ok(lines)
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
        stored.history.push(AccountHistory { account_id: id, lines: history_from_value(h).map_err(bad)? });
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

/// The fields of a person that a file without personal details empties.
pub const PERSONAL_FIELDS: [&str; 7] = ["birthday", "family", "hobbies", "values", "phone", "email", "personal_notes"];

/// Whether `path` is a personal field of a person of a dossier (withheld by a file without
/// personal details, whatever its value).
pub fn is_personal_field(path: &Path) -> bool {
    matches!(path.0.as_slice(), [Seg::Key(d), _, Seg::Key(l), Seg::Item(_), Seg::Key(f)]
        if d == DOSSIERS && l == "people" && PERSONAL_FIELDS.contains(&f.as_str()))
}

/// What a file without personal details withholds: every personal field, and every register
/// the redaction changed (text that held a phone number or an e-mail address). `full` and
/// `redacted` are the same workspace before and after `exchange::redact`.
pub fn redacted_paths(full: &Workspace, redacted: &Workspace) -> std::collections::HashSet<Path> {
    let b: HashMap<Path, Value> = flatten_workspace(redacted).into_iter().collect();
    flatten_workspace(full)
        .into_iter()
        .filter(|(p, v)| is_personal_field(p) || b.get(p) != Some(v))
        .map(|(p, _)| p)
        .collect()
}

/// A file's stamps. Per record (`records`, format 4) the stamp most of its registers carry; per
/// register that differs (`paths`) its own stamp, an item's position where it is not the one an
/// even numbering of the file's list order gives, or a tombstone; `withheld`, the registers of
/// the data that count as unknown (personal details and the text the redaction changed). A
/// register of the data takes its `paths` stamp, else (unless withheld) its record's, else the
/// [`zero_stamp`]. Format 3 files carry no `records`: every register they stamp is in `paths`,
/// and the others are withheld — the same rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileStamps {
    pub seen: BTreeMap<String, Stamp>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub records: BTreeMap<Path, Stamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<Path>,
    pub paths: BTreeMap<Path, FileStamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileStamp {
    /// `None`: the record's stamp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s: Option<Stamp>,
    /// An item's position in its list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    /// Deleted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub d: bool,
    /// The value of a register the data leaves out: an empty one (`""`, `null`, an emptied list
    /// or object), which the lean data does not show but the document keeps.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::doc::some_value")]
    pub v: Option<Value>,
}

/// How many steps of `path` name its record (2 for `accounts/<id>`, 1 for `programme`), without
/// allocating; `None` for the top nodes.
fn record_depth(path: &Path) -> Option<usize> {
    match path.0.first() {
        Some(Seg::Key(k)) if k == PROGRAMME => Some(1),
        Some(Seg::Key(k)) if (k == ACCOUNTS || k == DOSSIERS || k == HISTORY) && path.0.len() >= 2 => Some(2),
        _ => None,
    }
}

impl FileStamps {
    /// The stamps of `doc` for a file whose data reads as `data` (the workspace document value of
    /// what the file holds), leaving out `withheld` paths (and what lies below them).
    pub fn of(doc: &StampedDoc, data: &Workspace, withheld: &std::collections::HashSet<Path>) -> FileStamps {
        let even: BTreeMap<Path, Value> = sorted_map(flatten_workspace(data));
        let empty = |p: &Path, v: &Value| super::doc::is_empty_leaf(v) || (!p.is_item() && super::doc::is_node(p, v));
        let mut out = FileStamps { seen: doc.seen.clone(), ..Default::default() };
        let mut paths = Vec::new();
        let mut group: Vec<(&Path, &Entry)> = Vec::new();
        let mut flush = |group: &mut Vec<(&Path, &Entry)>, out: &mut FileStamps| {
            let Some(&(first, _)) = group.first() else { return };
            let depth = record_depth(first).expect("grouped by record");
            let mut counts: HashMap<&Stamp, usize> = HashMap::new();
            for (p, e) in group.iter() {
                if e.value.is_some() && !withheld.contains(*p) {
                    *counts.entry(&e.stamp).or_default() += 1;
                }
            }
            let common = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0))).map(|(s, _)| s.clone());
            for (p, e) in group.drain(..) {
                if withheld.contains(p) {
                    if e.value.is_some() && even.contains_key(p) {
                        out.withheld.push(p.clone());
                    }
                    continue;
                }
                let s = (common.as_ref() != Some(&e.stamp)).then(|| e.stamp.clone());
                let in_data = even.get(p);
                let stamp = match &e.value {
                    None => FileStamp { s: Some(e.stamp.clone()), p: None, d: true, v: None },
                    // Not in the data: an empty value is carried; anything else is hidden (under a
                    // deletion) and does not travel.
                    Some(v) if in_data.is_none() => {
                        if !empty(p, v) {
                            continue;
                        }
                        FileStamp { s, p: None, d: false, v: Some(v.clone()) }
                    }
                    Some(v) if p.is_item() => {
                        let here = v.as_str().map(str::to_string);
                        let p_out = here.filter(|pos| in_data.and_then(Value::as_str) != Some(pos.as_str()));
                        if s.is_none() && p_out.is_none() {
                            continue;
                        }
                        FileStamp { s, p: p_out, d: false, v: None }
                    }
                    Some(_) if s.is_none() => continue,
                    Some(_) => FileStamp { s, p: None, d: false, v: None },
                };
                paths.push((p.clone(), stamp));
            }
            if let Some(common) = common {
                out.records.insert(Path(first.0[..depth].to_vec()), common);
            }
        };
        for (p, e) in &doc.entries {
            let Some(depth) = record_depth(p) else { continue };
            if group.first().is_some_and(|(g, _)| g.0[..depth.min(g.0.len())] != p.0[..depth]) {
                flush(&mut group, &mut out);
            }
            group.push((p, e));
        }
        flush(&mut group, &mut out);
        out.paths = sorted_map(paths);
        out
    }

    /// Keeps only the stamps of one account's records.
    pub fn retain_account(&mut self, id: &str) {
        let mine = |p: &Path| RecordKey::of_path(p).and_then(|k| k.account_id().map(|a| a == id)) == Some(true);
        self.paths.retain(|p, _| mine(p));
        self.records.retain(|p, _| mine(p));
        self.withheld.retain(|p| mine(p));
    }

    /// The document a file of format 3 or 4 holds: its data's registers with these stamps. One
    /// walk over the data's registers beside the (sorted) stamps; no lookups.
    pub fn document(&self, data: &Workspace) -> StampedDoc {
        let flat = flatten_workspace(data);
        let mut entries: Vec<(Path, Entry)> = Vec::with_capacity(flat.len());
        let mut stamps = self.paths.iter().peekable();
        let mut withheld = self.withheld.iter().peekable();
        let mut record: Option<(Path, Option<&Stamp>)> = None;
        // A stamped register the data leaves out: deleted, or an empty value carried in `v`.
        // (Any other is a format 3 file's empty value, which tells nothing a merge could use
        // safely: an emptied list's node must not become a deletion. It is left out.)
        let absent = |s: &FileStamp, record: Option<&Stamp>| {
            let stamp = s.s.clone().or_else(|| record.cloned()).unwrap_or_else(zero_stamp);
            match (&s.v, s.d) {
                (_, true) => Some(Entry::tombstone(stamp)),
                (Some(v), false) => Some(Entry::live(v.clone(), stamp)),
                (None, false) => None,
            }
        };
        let record_of = |p: &Path| record_depth(p).and_then(|d| self.records.get(&Path(p.0[..d].to_vec())));
        for (path, value) in flat {
            while let Some((p, s)) = stamps.next_if(|(p, _)| **p < path) {
                entries.extend(absent(s, record_of(p)).map(|e| (p.clone(), e)));
            }
            let own = stamps.next_if(|(p, _)| **p == path).map(|(_, s)| s);
            while withheld.next_if(|p| **p < path).is_some() {}
            let is_withheld = withheld.next_if(|p| **p == path).is_some();
            let depth = record_depth(&path);
            let record_stamp = match depth {
                None => None,
                Some(d) => {
                    if !record.as_ref().is_some_and(|(r, _)| path.starts_with(r)) {
                        let prefix = Path(path.0[..d].to_vec());
                        let stamp = self.records.get(&prefix);
                        record = Some((prefix, stamp));
                    }
                    record.as_ref().and_then(|(_, s)| *s)
                }
            };
            let entry = match own {
                Some(s) if s.d => Entry::tombstone(s.s.clone().unwrap_or_else(zero_stamp)),
                Some(s) => {
                    let stamp = s.s.clone().or_else(|| record_stamp.cloned()).unwrap_or_else(zero_stamp);
                    match &s.p {
                        Some(pos) if path.is_item() => Entry::live(Value::String(pos.clone()), stamp),
                        _ => Entry::live(value, stamp),
                    }
                }
                None if is_withheld || depth.is_none() => Entry::live(value, zero_stamp()),
                None => Entry::live(value, record_stamp.cloned().unwrap_or_else(zero_stamp)),
            };
            entries.push((path, entry));
        }
        for (p, s) in stamps {
            entries.extend(absent(s, record_of(p)).map(|e| (p.clone(), e)));
        }
        StampedDoc { entries: sorted_map(entries), seen: self.seen.clone() }
    }
}

/// A merge's result: the records it changes, each with its stamps after the merge (paths
/// relative to the record), what the merged document has seen, and the workspace it reads as.
/// Records the merge leaves as they are are not listed: for a file that changes a few
/// accounts, the work and the writes are those accounts', whatever the size of the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub records: Vec<(RecordKey, StampedDoc)>,
    pub seen: BTreeMap<String, Stamp>,
    pub workspace: Workspace,
}

impl Merged {
    /// The whole merged document: `local` with the changed records' stamps in their place.
    pub fn document(&self, local: &StampedDoc) -> StampedDoc {
        let mut doc = local.clone();
        for (key, sub) in &self.records {
            doc.graft(&key.path(), sub);
        }
        doc.seen = self.seen.clone();
        doc
    }
}

/// The records in which merging `remote` into `local` writes a register (a newer value, a
/// newer stamp, a deletion), and those holding a conflict the user chose against the default;
/// in path order. One walk over both documents, allocating only for the records it finds.
fn touched_records(local: &StampedDoc, remote: &StampedDoc, choices: &BTreeMap<Path, super::Choice>) -> Vec<RecordKey> {
    let mut keys: Vec<RecordKey> = Vec::new();
    let mut last: Option<Path> = None;
    let mut note = |path: &Path, keys: &mut Vec<RecordKey>| {
        if last.as_ref().is_some_and(|p| path.starts_with(p)) {
            return;
        }
        if let Some(key) = RecordKey::of_path(path) {
            last = Some(key.path());
            keys.push(key);
        }
    };
    super::zip(local, remote, |path, l, r| {
        if let Some(r) = r {
            if l.is_none_or(|l| super::wins(r, l)) || super::listed(local, remote, l, r).is_some() {
                note(path, &mut keys);
            }
        }
    });
    for path in choices.keys() {
        note(path, &mut keys);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// [`super::preview`] of a workspace's document, record by record: the same changes in the same
/// order, with the full walk only finding the records that change (most of a large file's
/// records change nothing and cost one comparison per register).
pub fn preview_workspace(local: &StampedDoc, remote: &StampedDoc) -> Vec<super::Change> {
    let mut out = Vec::new();
    for key in touched_records(local, remote, &BTreeMap::new()) {
        let prefix = key.path();
        let mine = local.entries.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix));
        let theirs = remote.entries.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix));
        super::preview_into(local, remote, mine, theirs, &mut out);
    }
    out
}

/// Puts a record read from its merged value into `ws` (through the one restore of a record) and
/// returns its value as the workspace now holds it; `None` when the record reads as deleted.
fn put_record(ws: &mut Workspace, key: &RecordKey, value: Value) -> Result<Option<Value>, NotAWorkspace> {
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

/// Merges a file's document into the local one, field by field ([`super::merge_with_choices`]),
/// record by record: only the records the file changes are merged and read again; `local_ws` is
/// the workspace `local` reads as (the app's loaded workspace) and gives every other record.
/// Where reading a merged record makes it whole (people numbered apart after both sides added
/// one), that is recorded as an edit, so the document and the workspace agree and every copy
/// makes the same repair. The workspace comes back in the order a workspace read from its
/// document has (accounts by name, dossiers by account id), whatever order `local_ws` had.
pub fn merge_workspaces(
    local_ws: &Workspace,
    local: &StampedDoc,
    remote: &StampedDoc,
    choices: &BTreeMap<Path, super::Choice>,
    clock: &mut Clock,
    now_ms: u64,
) -> Result<Merged, NotAWorkspace> {
    let mut workspace = local_ws.clone();
    let mut seen = super::merge_seen(&local.seen, &remote.seen);
    let mut records = Vec::new();
    let mut deleted = false;
    for key in touched_records(local, remote, choices) {
        let path = key.path();
        let (mut l, mut r) = (local.subtree(&path), remote.subtree(&path));
        l.seen = local.seen.clone();
        r.seen = remote.seen.clone();
        let n = path.0.len();
        let mine: BTreeMap<Path, super::Choice> = sorted_map(
            choices
                .range(path.clone()..)
                .take_while(|(p, _)| p.starts_with(&path))
                .map(|(p, c)| (Path(p.0[n..].to_vec()), *c))
                .collect(),
        );
        let mut merged = super::merge_with_choices(&l, &r, &mine, clock, now_ms);
        match put_record(&mut workspace, &key, merged.value())? {
            Some(value) => {
                if let Some(stamp) = merged.record_record(&value, clock, now_ms) {
                    merged.note_seen(&stamp);
                }
            }
            None => deleted = true,
        }
        seen = super::merge_seen(&seen, &merged.seen);
        merged.seen = BTreeMap::new();
        records.push((key, merged));
    }
    let mut result = Merged { records, seen, workspace };
    if deleted {
        // A record deleted whole (only in documents made by hand: the app deletes items and
        // fields, not records): the workspace is read from the whole document instead.
        result.workspace = workspace_from_value(&result.document(local).value())?;
    } else {
        result.workspace.sort_accounts_by(crate::model::account_order);
        result.workspace.sort_dossiers_by_account();
    }
    Ok(result)
}

/// The changes of a preview grouped by account (in the order met), the programme's last.
pub fn changes_by_account(changes: Vec<super::Change>) -> Vec<(Option<String>, Vec<super::Change>)> {
    let mut out: Vec<(Option<String>, Vec<super::Change>)> = Vec::new();
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    for c in changes {
        let account = RecordKey::of_path(&c.path).and_then(|k| k.account_id().map(str::to_string));
        let i = *index.entry(account.clone()).or_insert_with(|| {
            out.push((account, Vec::new()));
            out.len() - 1
        });
        out[i].1.push(c);
    }
    // The programme's last (a move, not a sort: no sort code for this alone).
    if let Some(i) = out.iter().position(|(a, _)| a.is_none()) {
        let programme = out.remove(i);
        out.push(programme);
    }
    out
}

/// A merge preview in numbers: of the accounts in the file, how many are new here, how many
/// change, how many stay as they are; and how many registers are in conflict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub accounts_in_file: usize,
    pub new_accounts: usize,
    pub changed_accounts: usize,
    pub unchanged_accounts: usize,
    pub conflicts: usize,
    /// The programme settings change.
    pub programme_changes: bool,
}

impl MergeSummary {
    pub fn of(groups: &[(Option<String>, Vec<super::Change>)], accounts_in_file: usize) -> MergeSummary {
        let mut s = MergeSummary { accounts_in_file, ..Default::default() };
        for (account, changes) in groups {
            s.conflicts += changes.iter().filter(|c| c.conflict).count();
            match account {
                None => s.programme_changes = true,
                Some(id) => {
                    let root = RecordKey::Account(id.clone()).path();
                    if changes.iter().any(|c| c.path == root && c.kind == super::ChangeKind::Added) {
                        s.new_accounts += 1;
                    } else {
                        s.changed_accounts += 1;
                    }
                }
            }
        }
        s.unchanged_accounts = accounts_in_file.saturating_sub(s.new_accounts + s.changed_accounts);
        s
    }

    pub fn changes_nothing(&self) -> bool {
        self.new_accounts == 0 && self.changed_accounts == 0 && !self.programme_changes
    }
}

/// What to call an item of a list in a preview: its name, title, text, or offering and unit,
/// as `doc` holds them (the first that is written).
pub fn item_name(doc: &StampedDoc, item: &Path) -> Option<String> {
    ["name", "title", "text", "offering", "why"].iter().find_map(|field| {
        let text = doc.entries.get(&item.key(field))?.value.as_ref()?.as_str()?.trim().to_string();
        (!text.is_empty()).then_some(text)
    })
}

/// What differs between two workspaces, register by register, as a [`super::Change`] list read
/// from `before` to `now` (what changed since a snapshot): no stamps, no conflicts.
pub fn compare(before: &Workspace, now: &Workspace) -> Vec<super::Change> {
    use super::{Change, ChangeKind};
    let a = flatten_workspace(before);
    let b = flatten_workspace(now);
    let mut out = Vec::new();
    let mut push = |path: &Path, old: Option<&Value>, new: Option<&Value>| {
        // Item positions are order, not content: a list re-numbered evenly is no change.
        if path.is_item() && old.is_some() && new.is_some() {
            return;
        }
        let kind = match (old, new) {
            (None, _) => ChangeKind::Added,
            (Some(_), Some(_)) => ChangeKind::Changed,
            (Some(_), None) => ChangeKind::Removed,
        };
        out.push(Change {
            path: path.clone(),
            kind,
            local: old.cloned(),
            remote: new.cloned(),
            conflict: false,
            remote_wins: true,
        });
    };
    // Both maps walked together, in path order.
    let (mut x, mut y) = (a.iter().peekable(), b.iter().peekable());
    loop {
        match (x.peek(), y.peek()) {
            (Some((p, v)), Some((q, w))) => match p.cmp(q) {
                std::cmp::Ordering::Equal => {
                    if v != w {
                        push(p, Some(v), Some(w));
                    }
                    x.next();
                    y.next();
                }
                std::cmp::Ordering::Less => {
                    push(p, Some(v), None);
                    x.next();
                }
                std::cmp::Ordering::Greater => {
                    push(q, None, Some(w));
                    y.next();
                }
            },
            (Some((p, v)), None) => {
                push(p, Some(v), None);
                x.next();
            }
            (None, Some((q, w))) => {
                push(q, None, Some(w));
                y.next();
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
