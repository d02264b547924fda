//! The flattened, stamped document: one last-writer-wins register per path.
//!
//! # Flattening
//!
//! A JSON value becomes a map from [`Path`] to value:
//!
//! * An **object** gets a node entry `{}` at its own path, and each key recurses
//!   (`programme/champion`). The node entry is what lets an empty object survive and what says
//!   "this path is an object" when a field changes type.
//! * An **array whose elements are all objects with a string `"id"`, the ids distinct**, is a
//!   **set of items** keyed by id: a node entry `[]` at the list's path, and per item a node entry
//!   at `list/{id}` holding the item's *position* (see below) and its fields at `list/{id}/field`.
//!   The `"id"` field itself is not stored: it is the path. An empty array counts as a set, so that
//!   two people adding the first person to an empty list both keep theirs.
//! * **Any other array, and every scalar**, is an atomic leaf: the whole value is one register.
//!   (Order lines, `reasons`, lists of plain strings: concurrent edits of these keep one side.)
//!
//! A node's own entry says what it is: `{}` object, `[]` set, anything else a leaf whose old
//! children (from when it was an object) are ignored. So a type change is one more LWW write.
//!
//! # Item order
//!
//! Each item's node entry holds a position: a string over the 62 ASCII digits `0-9A-Za-z`, read as
//! a base-62 fraction and compared as a plain string (they agree because a position never ends
//! in `0`). Items are sorted by position, ties (two devices inserting at the same place at once)
//! by id; items without a position (see "deletion") come last, by id. [`flatten`] numbers a list
//! evenly; [`StampedDoc::record`] keeps the positions of the longest run of items that are still
//! in order and gives moved and new items fresh positions between their neighbours, so a move is a
//! write of one register and a concurrent edit elsewhere in the list is not disturbed. Because
//! positions are fractions, there is always room between two neighbours, without renumbering.
//!
//! # Deletion
//!
//! Removing a field or an item writes a tombstone (an entry without value) at its path, and at
//! every path below it, so that the deleted content — a deleted contact's phone number, say — no
//! longer travels in the file. A tombstone at a node hides everything below it that is *older*
//! than the tombstone. Hence the rule for delete against edit: **an item (or object) deleted on
//! one side and edited later on the other is kept**, showing the fields written after the
//! deletion; **edits older than the deletion are dropped**. (The later editor did not know of the
//! deletion, and the loss of their work would be silent, while a kept item is visible and can be
//! deleted again.) A kept item whose position was deleted sorts last until it is next moved.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::flatten::{flatten, flatten_into, is_empty_leaf};
use super::hlc::{Clock, Stamp};
use super::path::{Path, Seg};
use super::positions::{assign_positions, between_n, valid_position};

/// A set-list as shown: whether it stands on its own live registers, and its items' ids and
/// positions in shown order.
type ShownList = (bool, Vec<(String, Option<String>)>);

/// One register: the value written last at a path, or `None` for a tombstone (deleted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// `None` = deleted. (A JSON `null` value is `Some(Value::Null)`: the file keeps them apart by
    /// omitting `v` for a tombstone.)
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none", deserialize_with = "some_value")]
    pub value: Option<Value>,
    #[serde(rename = "s")]
    pub stamp: Stamp,
}

pub(crate) fn some_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

impl Entry {
    pub fn live(value: Value, stamp: Stamp) -> Entry {
        Entry { value: Some(value), stamp }
    }
    pub fn tombstone(stamp: Stamp) -> Entry {
        Entry { value: None, stamp }
    }
}

/// A whole document as stamped registers, plus what it has seen of each device.
///
/// `seen[device]` is the newest stamp of that device whose writes this document includes (kept
/// or overwritten). Together they are a version vector: a stamp `s` with
/// `s <= seen[s.device]` is known here, which is how [`super::preview`] tells a conflict (both
/// sides changed a path without having seen the other's change) from an ordinary update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StampedDoc {
    pub entries: BTreeMap<Path, Entry>,
    #[serde(default)]
    pub seen: BTreeMap<String, Stamp>,
}

impl StampedDoc {
    pub fn new() -> StampedDoc {
        StampedDoc::default()
    }

    /// Old data without stamps (files of format 1 and 2, or the store before this module): every
    /// path gets the same stamp. For a file, use its `exportedAt` as the wall time and a device
    /// naming the file (e.g. `"file-v2:<checksum>"`), so that two people importing the same old
    /// file hold identical registers, and anything edited since is newer.
    pub fn from_value(value: &Value, stamp: Stamp) -> StampedDoc {
        let entries = sorted_map(flatten(value).into_iter().map(|(p, v)| (p, Entry::live(v, stamp.clone()))).collect());
        let mut seen = BTreeMap::new();
        seen.insert(stamp.device.to_string(), stamp);
        StampedDoc { entries, seen }
    }

    /// The document as a plain value (what the app deserialises into its workspace).
    pub fn value(&self) -> Value {
        let rows =
            self.entries.iter().map(|(p, e)| Row { path: p, value: e.value.as_ref(), stamp: Some(&e.stamp) }).collect();
        Builder::new(rows, false).run()
    }

    /// The newest stamp this document has seen, from any device.
    pub fn max_stamp(&self) -> Option<&Stamp> {
        self.seen.values().max()
    }

    /// A copy without the entries `is_personal` picks — not tombstones, no entry at all: a
    /// missing path means "no information" to [`super::merge`], so a file exported without
    /// personal details never erases them at the receiver. The predicate sees every path; to
    /// withhold a subtree, match everything below it too (`p.starts_with(&subtree)`).
    pub fn redact(&self, is_personal: impl Fn(&Path) -> bool) -> StampedDoc {
        StampedDoc {
            entries: sorted_map(
                self.entries.iter().filter(|(p, _)| !is_personal(p)).map(|(p, e)| (p.clone(), e.clone())).collect(),
            ),
            seen: self.seen.clone(),
        }
    }

    /// Takes note that this document includes a write stamped `stamp`.
    pub fn note_seen(&mut self, stamp: &Stamp) {
        match self.seen.get_mut(&*stamp.device) {
            Some(s) if *s >= *stamp => {}
            Some(s) => *s = stamp.clone(),
            None => {
                self.seen.insert(stamp.device.to_string(), stamp.clone());
            }
        }
    }

    /// Records an edit: compares the document's current value with `new_value` and writes, with
    /// one fresh stamp, every path that was added or changed, and a tombstone at every path that
    /// is gone. Returns how many registers were written (0: nothing changed, no stamp used).
    ///
    /// This is how edits get stamped without any page knowing about stamps: the app's single
    /// write path records the new workspace value. `record(&doc.value())` writes nothing, and
    /// afterwards `doc.value() == *new_value`, list order included.
    pub fn record(&mut self, new_value: &Value, clock: &mut Clock, now_ms: u64) -> usize {
        self.record_as(new_value, clock, now_ms, false)
    }

    /// [`StampedDoc::record`] of a record of the model, lean (see [`flatten_lean`]): empty values
    /// are left out, and a field emptied is a tombstone.
    pub fn record_lean(&mut self, new_value: &Value, clock: &mut Clock, now_ms: u64) -> usize {
        self.record_as(new_value, clock, now_ms, true)
    }

    fn record_as(&mut self, new_value: &Value, clock: &mut Clock, now_ms: u64, lean: bool) -> usize {
        let changes = {
            let rows: Vec<Row> = self
                .entries
                .iter()
                .map(|(p, e)| Row { path: p, value: e.value.as_ref(), stamp: Some(&e.stamp) })
                .collect();
            let mut view = Builder::new(rows, true);
            view.run();
            let lists = view.lists.take().unwrap_or_default();
            let visible = view.visible.take().unwrap_or_default();
            let mut new_flat = Vec::new();
            let mut place = |list: &[Seg], ids: &[&str], bare: &[bool]| match lists.get(list) {
                Some((standing, current)) => assign_positions(current, ids, bare, !standing),
                None => between_n(None, None, ids.len()).into_iter().map(Some).collect(),
            };
            flatten_into(new_value, &mut Vec::new(), &mut new_flat, &mut place, lean);
            new_flat.sort_by(|a, b| a.0.cmp(&b.0));
            diff(&view.rows, &visible, &new_flat, lean)
        };
        if changes.is_empty() {
            return 0;
        }
        clock.observe_doc(self);
        let stamp = clock.tick(now_ms);
        let n = changes.len();
        for (path, value) in changes {
            self.entries.insert(path, Entry { value, stamp: stamp.clone() });
        }
        self.note_seen(&stamp);
        n
    }
}

/// A map from pairs, built through one `collect` per key and value type: each `collect` into a
/// `BTreeMap` from another iterator type instantiates its own sort, which weighs in the wasm.
pub fn sorted_map<K: Ord, V>(items: Vec<(K, V)>) -> BTreeMap<K, V> {
    items.into_iter().collect()
}

/// Whether a path/value pair is a node (object, set or item) rather than a leaf.
pub(crate) fn is_node(path: &Path, value: &Value) -> bool {
    path.is_item()
        || matches!(value, Value::Object(m) if m.is_empty())
        || matches!(value, Value::Array(a) if a.is_empty())
}

fn same_kind(path: &Path, old: &Value, new: &Value) -> bool {
    path.is_item()
        || (matches!(old, Value::Object(m) if m.is_empty()) && matches!(new, Value::Object(_)))
        || (matches!(old, Value::Array(a) if a.is_empty()) && matches!(new, Value::Array(_)))
}

/// The writes that turn the current registers into `new_flat`, walking both sorted sequences
/// once. A node that comes (back) into existence — re-created after a deletion, or an object
/// again after being a leaf — also tombstones the hidden registers below it that the new value
/// does not have, so that old content cannot resurface under it.
///
/// Lean (a record of the model): an empty value gone is no change (it reads as absent), and a
/// node below the root is never deleted — an object or list emptied is the same as none, and an
/// item's deletion is its item node's tombstone — so that a concurrent write under it elsewhere
/// is never hidden by it.
fn diff(rows: &[Row], visible: &[bool], new_flat: &[(Path, Value)], lean: bool) -> Vec<(Path, Option<Value>)> {
    let mut changes = Vec::new();
    let mut recreated: Vec<&Path> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let trim = |stack: &mut Vec<&Path>, p: &Path| {
        while let Some(top) = stack.last() {
            if p.starts_with(top) && p.0.len() > top.0.len() {
                break;
            }
            stack.pop();
        }
    };
    loop {
        let order = match (rows.get(i), new_flat.get(j)) {
            (Some(r), Some(n)) => r.path.cmp(&n.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => break,
        };
        match order {
            std::cmp::Ordering::Equal => {
                let row = &rows[i];
                let (path, value) = &new_flat[j];
                trim(&mut recreated, path);
                if !(visible[i] && row.value == Some(value)) {
                    changes.push((path.clone(), Some(value.clone())));
                    let kept_kind = visible[i] && row.value.is_some_and(|old| same_kind(path, old, value));
                    if is_node(path, value) && !kept_kind {
                        recreated.push(path);
                    }
                }
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                let row = &rows[i];
                trim(&mut recreated, row.path);
                let stays_absent = lean
                    && !row.path.0.is_empty()
                    && row.value.is_some_and(|v| is_empty_leaf(v) || (!row.path.is_item() && is_node(row.path, v)));
                if row.value.is_some() && (visible[i] || !recreated.is_empty()) && !stays_absent {
                    changes.push((row.path.clone(), None));
                }
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                let (path, value) = &new_flat[j];
                trim(&mut recreated, path);
                changes.push((path.clone(), Some(value.clone())));
                if is_node(path, value) {
                    recreated.push(path);
                }
                j += 1;
            }
        }
    }
    changes
}

/// The value of a flat map (every entry live). Inverse of [`flatten`].
pub fn unflatten(entries: &BTreeMap<Path, Value>) -> Value {
    let rows = entries.iter().map(|(p, v)| Row { path: p, value: Some(v), stamp: None }).collect();
    Builder::new(rows, false).run()
}

/// The registers the plain value shows, path → value (for tests).
#[cfg(test)]
pub(crate) fn visible_entries(doc: &StampedDoc) -> BTreeMap<Path, Value> {
    let rows: Vec<Row> =
        doc.entries.iter().map(|(p, e)| Row { path: p, value: e.value.as_ref(), stamp: Some(&e.stamp) }).collect();
    let mut b = Builder::new(rows, true);
    b.run();
    let visible = b.visible.take().unwrap_or_default();
    b.rows
        .iter()
        .zip(visible)
        .filter(|(_, v)| *v)
        .filter_map(|(r, _)| Some((r.path.clone(), r.value?.clone())))
        .collect()
}

struct Row<'a> {
    path: &'a Path,
    value: Option<&'a Value>,
    stamp: Option<&'a Stamp>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Object,
    Set,
}

/// Rebuilds a value from sorted registers in one pass, each subtree a contiguous range.
struct Builder<'a> {
    rows: Vec<Row<'a>>,
    /// Which rows the value shows (collected for `record`).
    visible: Option<Vec<bool>>,
    /// Every set-list shown: whether it and all nodes above it stand on their own live node
    /// register (else `record` re-creates them), and its items' ids and positions, in shown
    /// order (for `record`).
    lists: Option<BTreeMap<Path, ShownList>>,
}

impl<'a> Builder<'a> {
    fn new(rows: Vec<Row<'a>>, collect: bool) -> Builder<'a> {
        let n = rows.len();
        Builder { rows, visible: collect.then(|| vec![false; n]), lists: collect.then(BTreeMap::new) }
    }

    fn run(&mut self) -> Value {
        if self.rows.is_empty() {
            return Value::Null;
        }
        let n = self.rows.len();
        self.build(0, n, 0, None, false, true).map_or(Value::Null, |(v, _)| v)
    }

    fn shown(&self, i: usize, cutoff: Option<&Stamp>) -> bool {
        match (self.rows[i].stamp, cutoff) {
            (Some(s), Some(c)) => s > c,
            _ => true,
        }
    }

    /// The value of the subtree in `lo..hi` (paths of length ≥ `depth` sharing their first
    /// `depth` steps), hiding registers not newer than `cutoff` (the newest tombstone above).
    fn build(
        &mut self,
        lo: usize,
        hi: usize,
        depth: usize,
        mut cutoff: Option<&'a Stamp>,
        is_item: bool,
        standing: bool,
    ) -> Option<(Value, Option<&'a str>)> {
        let mut start = lo;
        let mut kind = None;
        let mut explicit = false;
        let mut position = None;
        if self.rows[lo].path.0.len() == depth {
            start = lo + 1;
            if self.shown(lo, cutoff) {
                match self.rows[lo].value {
                    Some(v) => {
                        if let Some(vis) = &mut self.visible {
                            vis[lo] = true;
                        }
                        explicit = true;
                        if is_item {
                            kind = Some(Kind::Object);
                            position = v.as_str().filter(|p| valid_position(p));
                        } else {
                            match v {
                                Value::Object(m) if m.is_empty() => kind = Some(Kind::Object),
                                Value::Array(a) if a.is_empty() => kind = Some(Kind::Set),
                                leaf => return Some((leaf.clone(), None)),
                            }
                        }
                    }
                    None => cutoff = self.rows[lo].stamp,
                }
            }
        }
        let kind = match kind {
            Some(k) => k,
            None if is_item => Kind::Object,
            None if start < hi => match self.rows[start].path.0[depth] {
                Seg::Key(_) => Kind::Object,
                Seg::Item(_) => Kind::Set,
            },
            None => return None,
        };
        let standing = standing && explicit;
        let mut object = Map::new();
        let mut items: Vec<(&'a str, Option<&'a str>, Value)> = Vec::new();
        let mut i = start;
        while i < hi {
            let path: &'a Path = self.rows[i].path;
            let seg = &path.0[depth];
            let mut j = i + 1;
            while j < hi && self.rows[j].path.0[depth] == *seg {
                j += 1;
            }
            match (kind, seg) {
                (Kind::Object, Seg::Key(k)) => {
                    if let Some((v, _)) = self.build(i, j, depth + 1, cutoff, false, standing) {
                        object.insert(k.clone(), v);
                    }
                }
                (Kind::Set, Seg::Item(id)) => {
                    if let Some((v, p)) = self.build(i, j, depth + 1, cutoff, true, standing) {
                        items.push((id, p, v));
                    }
                }
                // Left over from when this node was of the other kind.
                _ => {}
            }
            i = j;
        }
        match kind {
            Kind::Object => (explicit || !object.is_empty()).then_some((Value::Object(object), position)),
            Kind::Set => {
                if items.is_empty() && !explicit {
                    return None;
                }
                items.sort_by(|a, b| (a.1.is_none(), a.1, a.0).cmp(&(b.1.is_none(), b.1, b.0)));
                if let Some(lists) = &mut self.lists {
                    let order = items.iter().map(|(id, p, _)| ((*id).to_string(), p.map(str::to_string))).collect();
                    lists.insert(Path(self.rows[lo].path.0[..depth].to_vec()), (standing, order));
                }
                let array = items
                    .into_iter()
                    .map(|(id, _, mut v)| {
                        if let Value::Object(m) = &mut v {
                            m.insert("id".into(), Value::String(id.into()));
                        }
                        v
                    })
                    .collect();
                Some((Value::Array(array), None))
            }
        }
    }
}
