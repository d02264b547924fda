//! The stamps a file carries (file format 4; format 3 read too): written from a stamped document
//! and read back into one, so that a file's edits keep the stamps they had where they were made.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

use super::doc::{sorted_map, Entry, StampedDoc};
use super::hlc::Stamp;
use super::path::{Path, Seg};
use super::workspace::{flatten_workspace, zero_stamp, RecordKey, ACCOUNTS, DOSSIERS, HISTORY, PROGRAMME};
use crate::model::Workspace;

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
    /// The stamps of `doc` for a file whose data reads as `even` (the flat form,
    /// [`flatten_workspace`], of what the file holds), leaving out `withheld` paths (and what
    /// lies below them).
    pub fn of(
        doc: &StampedDoc,
        even: &BTreeMap<Path, Value>,
        withheld: &std::collections::HashSet<Path>,
    ) -> FileStamps {
        let empty =
            |p: &Path, v: &Value| super::flatten::is_empty_leaf(v) || (!p.is_item() && super::doc::is_node(p, v));
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
