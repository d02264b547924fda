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

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use super::hlc::{Clock, Stamp};

/// One step of a [`Path`]: an object key, or an item of a set-list by its id. Keys sort before
/// items, then by text; a path sorts before everything below it, so a subtree is one contiguous
/// range of a `BTreeMap<Path, _>`.
/// A set-list as shown: whether it stands on its own live registers, and its items' ids and
/// positions in shown order.
type ShownList = (bool, Vec<(String, Option<String>)>);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    Key(String),
    Item(String),
}

/// Where a register lives in the document. Written as a JSON pointer (`/dossiers/~2acme/overview`)
/// whose item steps are marked `~2` (keys escape `~` as `~0` and `/` as `~1`, so a key can never
/// look like an item); the root is the empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }
    /// This path followed by an object key.
    pub fn key(&self, key: &str) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.into()));
        Path(segs)
    }
    /// This path followed by an item id (this path being a set-list).
    pub fn item(&self, id: &str) -> Path {
        let mut segs = self.0.clone();
        segs.push(Seg::Item(id.into()));
        Path(segs)
    }
    /// Whether `prefix` is this path or above it.
    pub fn starts_with(&self, prefix: &Path) -> bool {
        self.0.starts_with(&prefix.0)
    }
    /// Whether this path is an item's node (its entry holds the item's position).
    pub fn is_item(&self) -> bool {
        matches!(self.0.last(), Some(Seg::Item(_)))
    }
    /// The last key of the path, if it ends in a key (`phone` for `people/{id}/phone`).
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }
}

impl Borrow<[Seg]> for Path {
    fn borrow(&self) -> &[Seg] {
        &self.0
    }
}

fn escape(text: &str) -> String {
    text.replace('~', "~0").replace('/', "~1")
}

fn unescape(text: &str) -> String {
    text.replace("~1", "/").replace("~0", "~")
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => write!(f, "/{}", escape(k))?,
                Seg::Item(id) => write!(f, "/~2{}", escape(id))?,
            }
        }
        Ok(())
    }
}

impl FromStr for Path {
    type Err = String;
    fn from_str(s: &str) -> Result<Path, String> {
        if s.is_empty() {
            return Ok(Path::root());
        }
        let rest = s.strip_prefix('/').ok_or_else(|| format!("\"{s}\" is not a path (it must start with /)"))?;
        Ok(Path(
            rest.split('/')
                .map(|part| match part.strip_prefix("~2") {
                    Some(id) => Seg::Item(unescape(id)),
                    None => Seg::Key(unescape(part)),
                })
                .collect(),
        ))
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Path {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

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

/// Whether an array is a set of items: every element an object with a string `"id"`, all ids
/// distinct (duplicates would make two items one register; such a list stays atomic).
fn is_set(items: &[Value]) -> bool {
    let mut ids = HashSet::with_capacity(items.len());
    items.iter().all(|item| item.get("id").and_then(Value::as_str).is_some_and(|id| item.is_object() && ids.insert(id)))
}

/// The flat form of a value (node entries included, list positions numbered evenly). Together
/// with [`unflatten`] it round-trips any JSON value exactly, list order included.
pub fn flatten(value: &Value) -> BTreeMap<Path, Value> {
    sorted_map(flatten_even(value, false))
}

/// The flat form of a record of the model, lean: below its root, empty values (`null`, `""`)
/// and empty objects and lists are left out, as the model reads a missing field as
/// that empty value. Most of a record's fields are empty, so this is most of its registers.
/// Sorted.
pub fn flatten_lean(value: &Value) -> Vec<(Path, Value)> {
    let mut out = flatten_even(value, true);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn flatten_even(value: &Value, lean: bool) -> Vec<(Path, Value)> {
    let mut out = Vec::new();
    let mut place =
        |_: &[Seg], ids: &[&str], _: &[bool]| between_n(None, None, ids.len()).into_iter().map(Some).collect();
    flatten_into(value, &mut Vec::new(), &mut out, &mut place, lean);
    out
}

/// A value a lean record leaves out: what a missing field reads as. (Not `false`: the model
/// has optional yes/no answers, where `false` and none differ.)
pub fn is_empty_leaf(value: &Value) -> bool {
    value.is_null() || value.as_str() == Some("")
}

/// Gives positions to a list's items: (list path, ids in order, which items have no field).
type Place<'p> = dyn FnMut(&[Seg], &[&str], &[bool]) -> Vec<Option<String>> + 'p;

fn flatten_into(value: &Value, path: &mut Vec<Seg>, out: &mut Vec<(Path, Value)>, place: &mut Place, lean: bool) {
    let below_root = lean && !path.is_empty();
    match value {
        Value::Object(map) => {
            let at = out.len();
            out.push((Path(path.clone()), Value::Object(Map::new())));
            for (key, child) in map {
                path.push(Seg::Key(key.clone()));
                flatten_into(child, path, out, place, lean);
                path.pop();
            }
            if below_root && out.len() == at + 1 {
                out.pop();
            }
        }
        Value::Array(items) if below_root && items.is_empty() => {}
        Value::Array(items) if is_set(items) => {
            out.push((Path(path.clone()), Value::Array(Vec::new())));
            let ids: Vec<&str> = items.iter().map(|item| item["id"].as_str().unwrap_or_default()).collect();
            let bare: Vec<bool> =
                items.iter().map(|item| item.as_object().is_none_or(|m| m.keys().all(|k| k == "id"))).collect();
            let positions = place(path, &ids, &bare);
            for ((item, id), position) in items.iter().zip(&ids).zip(positions) {
                path.push(Seg::Item((*id).to_string()));
                if let Some(position) = position {
                    out.push((Path(path.clone()), Value::String(position)));
                }
                for (key, child) in item.as_object().into_iter().flatten() {
                    if key != "id" {
                        path.push(Seg::Key(key.clone()));
                        flatten_into(child, path, out, place, lean);
                        path.pop();
                    }
                }
                path.pop();
            }
        }
        leaf if below_root && is_empty_leaf(leaf) => {}
        leaf => out.push((Path(path.clone()), leaf.clone())),
    }
}

/// [`flatten`], except that items found in `positions` (item path → position) keep that
/// position: how a file's stamps put back the item order its sender had. Items not found get
/// positions numbered evenly after the known ones of their list.
pub fn flatten_with_positions(value: &Value, positions: &HashMap<Path, String>) -> BTreeMap<Path, Value> {
    if positions.is_empty() {
        return flatten(value);
    }
    let mut out = Vec::new();
    let mut place = |list: &[Seg], ids: &[&str], _: &[bool]| {
        let mut path = Path(list.to_vec());
        let known: Vec<Option<String>> = ids
            .iter()
            .map(|id| {
                path.0.push(Seg::Item((*id).to_string()));
                let found = positions.get(&path).cloned();
                path.0.pop();
                found
            })
            .collect();
        let last = known.iter().flatten().max().cloned();
        let mut fresh = between_n(last.as_deref(), None, known.iter().filter(|k| k.is_none()).count()).into_iter();
        known.into_iter().map(|k| k.or_else(|| fresh.next())).collect()
    };
    flatten_into(value, &mut Vec::new(), &mut out, &mut place, false);
    sorted_map(out)
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

// ---- Positions: base-62 fractions as strings ----

const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn digit(c: u8) -> usize {
    match c {
        b'0'..=b'9' => (c - b'0') as usize,
        b'A'..=b'Z' => (c - b'A') as usize + 10,
        b'a'..=b'z' => (c - b'a') as usize + 36,
        _ => 0,
    }
}

/// A position this module could have made: digits only, not empty, no trailing `0`. Others
/// (hand-edited files) count as no position, so the order arithmetic never sees them.
fn valid_position(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric()) && !p.ends_with('0')
}

/// A position strictly between `a` (or the start) and `b` (or the end). Requires `a < b`.
fn midpoint(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    if let Some(b) = b {
        let mut n = 0;
        while n < b.len() && a.get(n).copied().unwrap_or(b'0') == b[n] {
            n += 1;
        }
        if n > 0 {
            let mut out = b[..n].to_vec();
            out.extend(midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..])));
            return out;
        }
    }
    let da = a.first().map_or(0, |c| digit(*c));
    let db = b.map_or(62, |b| digit(b[0]));
    if db - da > 1 {
        return vec![DIGITS[(da + db) / 2]];
    }
    if let Some(b) = b {
        if b.len() > 1 {
            return vec![b[0]];
        }
    }
    let mut out = vec![DIGITS[da]];
    out.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
    out
}

/// A position after `a` that stays short for a list grown by appending: the first digit that
/// can be raised is raised.
fn after(a: &str) -> String {
    let bytes = a.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        let d = digit(c);
        if d < 61 {
            let mut out = bytes[..i].to_vec();
            out.push(DIGITS[d + 1]);
            return String::from_utf8(out).expect("ascii");
        }
    }
    format!("{a}V")
}

/// `k` increasing positions strictly between `a` and `b`, spread by halving (short keys).
fn between_n(a: Option<&str>, b: Option<&str>, k: usize) -> Vec<String> {
    if k == 0 {
        return Vec::new();
    }
    if let (1, Some(a), None) = (k, a, b) {
        return vec![after(a)];
    }
    let m = String::from_utf8(midpoint(a.unwrap_or("").as_bytes(), b.map(str::as_bytes))).expect("ascii");
    let left = (k - 1) / 2;
    let mut out = between_n(a, Some(&m), left);
    out.push(m.clone());
    out.extend(between_n(Some(&m), b, k - 1 - left));
    out
}

/// Positions for a list's items in their new order, given the current items (in shown order,
/// with their positions). Unchanged order: every item keeps what it has. Otherwise the longest
/// run of positioned items still in increasing order keeps its positions, and the other items
/// (new, moved, or without a position) get fresh ones between their kept neighbours. An item
/// without a position and without fields (`bare`) exists only through its node register, so it
/// must get a position (and with it every other item lacking one, to keep the order); so must
/// every item of a list that `record` re-creates (`heal`), since re-creating a node tombstones
/// the hidden registers below it, the old item nodes among them.
fn assign_positions(
    current: &[(String, Option<String>)],
    new_ids: &[&str],
    bare: &[bool],
    heal: bool,
) -> Vec<Option<String>> {
    let index: HashMap<&str, usize> = current.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i)).collect();
    let seq: Vec<Option<usize>> = new_ids.iter().map(|id| index.get(id).copied()).collect();
    let unchanged = seq.iter().all(Option::is_some) && seq.windows(2).all(|w| w[0] < w[1]);
    let bare_without_position = seq.iter().zip(bare).any(|(c, b)| *b && c.is_some_and(|c| current[c].1.is_none()));
    if unchanged && !bare_without_position && !heal {
        return seq.iter().map(|c| current[c.expect("checked")].1.clone()).collect();
    }
    let candidates: Vec<(usize, &str)> =
        seq.iter().enumerate().filter_map(|(i, c)| c.and_then(|c| current[c].1.as_deref()).map(|p| (i, p))).collect();
    let keys: Vec<&str> = candidates.iter().map(|c| c.1).collect();
    let n = new_ids.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    let mut kept = vec![false; n];
    for k in longest_increasing(&keys) {
        let (i, p) = candidates[k];
        out[i] = Some(p.to_string());
        kept[i] = true;
    }
    let mut i = 0;
    let mut prev: Option<String> = None;
    while i < n {
        if kept[i] {
            prev = out[i].clone();
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && !kept[j] {
            j += 1;
        }
        let next = if j < n { out[j].clone() } else { None };
        for (k, p) in between_n(prev.as_deref(), next.as_deref(), j - i).into_iter().enumerate() {
            out[i + k] = Some(p);
        }
        i = j;
    }
    out
}

/// Indices of a longest strictly increasing subsequence (patience sorting, O(n log n)).
fn longest_increasing(keys: &[&str]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; keys.len()];
    for i in 0..keys.len() {
        let at = tails.partition_point(|&t| keys[t] < keys[i]);
        if at > 0 {
            prev[i] = tails[at - 1];
        }
        if at == tails.len() {
            tails.push(i);
        } else {
            tails[at] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied();
    while let Some(x) = k {
        out.push(x);
        k = (prev[x] != usize::MAX).then_some(prev[x]);
    }
    out.reverse();
    out
}

#[cfg(test)]
pub(crate) mod position_tests {
    use super::*;

    #[test]
    fn positions_between_are_between() {
        let keys = between_n(None, None, 50);
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| valid_position(k)));
        for w in keys.windows(2) {
            let m = between_n(Some(&w[0]), Some(&w[1]), 3);
            assert!(w[0] < m[0] && m[0] < m[1] && m[1] < m[2] && m[2] < w[1], "{w:?} {m:?}");
        }
        let mut last = "V".to_string();
        for _ in 0..500 {
            let next = between_n(Some(&last), None, 1).remove(0);
            assert!(next > last && valid_position(&next));
            last = next;
        }
        assert!(last.len() < 25, "appending keeps positions short: {last}");
        let mut first = "V".to_string();
        for _ in 0..200 {
            let next = between_n(None, Some(&first), 1).remove(0);
            assert!(next < first && valid_position(&next));
            first = next;
        }
    }

    #[test]
    fn moves_keep_the_longest_ordered_run() {
        let cur: Vec<(String, Option<String>)> = ["a", "b", "c", "d"]
            .iter()
            .zip(between_n(None, None, 4))
            .map(|(id, p)| (id.to_string(), Some(p)))
            .collect();
        let out = assign_positions(&cur, &["b", "c", "d", "a"], &[false; 4], false);
        assert_eq!(out[0], cur[1].1);
        assert_eq!(out[1], cur[2].1);
        assert_eq!(out[2], cur[3].1);
        assert!(out[3].as_deref() > cur[3].1.as_deref());
    }
}
