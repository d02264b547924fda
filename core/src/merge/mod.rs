//! Field-level merge of plans that travel between people as files (issue 13).
//!
//! # Design: state-based last-writer-wins registers, one per path
//!
//! A document (the workspace, as a `serde_json::Value`) is flattened into registers, one per
//! [`Path`]: every object field, every item of a list of records with stable ids, every field of
//! such an item (rules in [`doc`]). Each register holds its last value — or a tombstone, when
//! deleted — and the [`Stamp`] of the write, a hybrid logical clock reading ([`hlc`]). Merging two
//! documents takes, per path, the entry with the greater stamp. That is a join of a
//! semilattice, so [`merge`] is commutative, associative and idempotent: people may exchange files
//! in any order, any number of times, through any intermediary, and everyone who has seen the same
//! files holds the same document.
//!
//! The merge works on JSON trees, not on the typed model, so that new record types merge without
//! new merge code: a list of objects with a string `"id"` is a set, everything else is a field.
//!
//! # Why not an operation-log CRDT
//!
//! An operation log (or a sequence CRDT such as RGA/Automerge) would merge text and list order
//! more finely, but it carries every past operation, so every value ever typed — a contact's
//! private phone number written and deleted last year, notes the sender removed before exporting —
//! travels in every file. A file "without personal details" could not be produced without
//! rewriting the history, and a rewritten history no longer merges. State-based registers carry
//! only the current value of each path and a tombstone for what was deleted (no old value), so a
//! file holds exactly what its sender can see, and withheld paths are simply left out
//! ([`StampedDoc::redact`]). A missing path means "no information" and never changes the
//! receiver's value. The price: concurrent edits of the same field keep one of them (the later,
//! unless the user chooses otherwise in [`preview`] / [`merge_with_choices`]), and a concurrent
//! change of a list of plain values (not records with ids) keeps one list.
//!
//! # Conflicts
//!
//! The `seen` version vector of each document tells an update from a conflict: a path is in
//! conflict when both sides wrote it without having seen the other's write, and the values
//! differ. The newer write wins by default; the user may keep the other, which re-stamps it so
//! that it also wins at the other side after the next exchange.
//!
//! # Cost
//!
//! [`merge`] and [`preview`] walk the two sorted maps once: linear in the number of registers,
//! no per-account lookups. [`StampedDoc::record`] is linear in the document.

pub mod doc;
pub mod file_stamps;
pub mod fixtures;
pub mod flatten;
pub mod hlc;
pub mod path;
mod positions;
pub mod records;
pub mod workspace;

#[cfg(test)]
mod tests;

pub use doc::{unflatten, Entry, StampedDoc};
pub use flatten::{flatten, flatten_with_positions};
pub use hlc::{Clock, Stamp};
pub use path::{Path, Seg};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Whether `a` wins over `b` at one path: the greater stamp. Equal stamps with different
/// values (only possible from hand-made or migrated data) are ordered by value, tombstone
/// first, so that the choice does not depend on which side is local.
fn wins(a: &Entry, b: &Entry) -> bool {
    match a.stamp.cmp(&b.stamp) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => match (&a.value, &b.value) {
            (Some(x), Some(y)) => x != y && serde_json::to_string(x).ok() > serde_json::to_string(y).ok(),
            (Some(_), None) => true,
            _ => false,
        },
    }
}

/// Walks two sorted register maps together, calling `f` once per path in order.
fn zip<'a>(a: &'a StampedDoc, b: &'a StampedDoc, f: impl FnMut(&'a Path, Option<&'a Entry>, Option<&'a Entry>)) {
    zip_iter(a.entries.iter(), b.entries.iter(), f)
}

/// [`zip`] over two sorted runs of registers (a whole document, or one record's range), or of
/// any path-sorted pairs.
fn zip_iter<'a, V: 'a>(
    x: impl Iterator<Item = (&'a Path, &'a V)>,
    y: impl Iterator<Item = (&'a Path, &'a V)>,
    mut f: impl FnMut(&'a Path, Option<&'a V>, Option<&'a V>),
) {
    let (mut x, mut y) = (x.peekable(), y.peekable());
    loop {
        let order = match (x.peek(), y.peek()) {
            (Some((p, _)), Some((q, _))) => p.cmp(q),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => return,
        };
        match order {
            Ordering::Equal => {
                let (p, e) = x.next().expect("peeked");
                let (_, g) = y.next().expect("peeked");
                f(p, Some(e), Some(g));
            }
            Ordering::Less => {
                let (p, e) = x.next().expect("peeked");
                f(p, Some(e), None);
            }
            Ordering::Greater => {
                let (q, g) = y.next().expect("peeked");
                f(q, None, Some(g));
            }
        }
    }
}

fn merge_seen(a: &BTreeMap<String, Stamp>, b: &BTreeMap<String, Stamp>) -> BTreeMap<String, Stamp> {
    let mut seen = a.clone();
    for (device, stamp) in b {
        match seen.get_mut(device) {
            Some(s) if *s >= *stamp => {}
            Some(s) => *s = stamp.clone(),
            None => {
                seen.insert(device.clone(), stamp.clone());
            }
        }
    }
    seen
}

/// The join of two documents: per path the entry with the greater stamp, `seen` the per-device
/// maximum. Commutative, associative, idempotent. Paths missing on one side (withheld, or never
/// known) take the other side's entry, so a redacted file never erases anything.
pub fn merge(local: &StampedDoc, remote: &StampedDoc) -> StampedDoc {
    let mut entries = Vec::with_capacity(local.entries.len().max(remote.entries.len()));
    zip(local, remote, |path, l, r| {
        let winner = match (l, r) {
            (Some(l), Some(r)) => {
                if wins(r, l) {
                    r
                } else {
                    l
                }
            }
            (Some(e), None) | (None, Some(e)) => e,
            (None, None) => unreachable!("zip yields a side"),
        };
        entries.push((path.clone(), winner.clone()));
    });
    // Already sorted: the collect builds the tree in one pass.
    StampedDoc { entries: doc::sorted_map(entries), seen: merge_seen(&local.seen, &remote.seen) }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
}

/// One register that differs between the documents, as the merge preview shows it.
///
/// Paths include node registers: an item's node (`people/{id}`, value = its position) appears
/// when an item is added, moved or deleted; `{}` / `[]` values mark an object or list coming
/// into existence. A UI groups changes by their item path ([`Path::is_item`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub path: Path,
    /// What taking the remote value does to the local one.
    pub kind: ChangeKind,
    /// `None`: absent or deleted.
    pub local: Option<Value>,
    pub remote: Option<Value>,
    /// Both sides wrote this path without having seen the other's write.
    pub conflict: bool,
    /// Whether the remote value wins by default (newer stamp). Always true for non-conflicts;
    /// a conflict the local side wins by default is listed so that the user may take theirs.
    pub remote_wins: bool,
}

impl ChangeKind {
    /// What replacing `old` by `new` is (`None`: absent or deleted).
    pub fn of(old: Option<&Value>, new: Option<&Value>) -> ChangeKind {
        match (old, new) {
            (None, _) => ChangeKind::Added,
            (Some(_), Some(_)) => ChangeKind::Changed,
            (Some(_), None) => ChangeKind::Removed,
        }
    }
}

/// Which side a user keeps for a conflicting path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
}

/// Whether `doc` includes the write stamped `stamp`. The zero stamp (device "") is what every
/// copy knows (`workspace::zero_stamp`).
fn seen_by(doc: &StampedDoc, stamp: &Stamp) -> bool {
    stamp.device.is_empty() || doc.seen.get(&*stamp.device).is_some_and(|s| stamp <= s)
}

/// What [`merge`] would change in `local`, register by register, in path order, with conflicts
/// marked (see [`Change`]). Writes that do not change a value (a re-stamp of the same value, a
/// tombstone for something never known here) are not listed. Empty when `remote` has nothing
/// new for `local`.
pub fn preview(local: &StampedDoc, remote: &StampedDoc) -> Vec<Change> {
    let mut out = Vec::new();
    preview_into(local, remote, local.entries.iter(), remote.entries.iter(), &mut out);
    out
}

fn shown(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !flatten::is_empty_leaf(v))
}

/// Whether `r` (remote, at `path`) is listed against `l` (local) by a preview: it differs, and
/// wins or is in conflict. Returns (conflict, remote wins) when listed.
///
/// A path the local copy has no register for, under an item it deleted, stands against that
/// deletion: the item's tombstone covers its empty fields too (a lean record leaves them out),
/// so a write there that the deletion did not see is a conflict like any other.
fn listed(local: &StampedDoc, remote: &StampedDoc, path: &Path, l: Option<&Entry>, r: &Entry) -> Option<(bool, bool)> {
    // An empty value and none read the same (a lean record leaves empty values out).
    if shown(l.and_then(|l| l.value.as_ref())) == shown(r.value.as_ref()) {
        return None;
    }
    let mine = match l {
        Some(l) => Some(&l.stamp),
        None => deletion_above(local, path),
    };
    let conflict = mine.is_some_and(|m| !seen_by(remote, m) && !seen_by(local, &r.stamp)) && !kept_by_the_app(path);
    let remote_wins = l.is_none_or(|l| wins(r, l));
    (remote_wins || conflict).then_some((conflict, remote_wins))
}

/// Values the app keeps by itself rather than a person typing them (a dossier's kept monthly
/// health, `health_months`): two copies that kept different values are not a conflict for a
/// person to settle; the newer wins, as for any change.
pub const KEPT_BY_THE_APP: &[&str] = &["health_months"];

fn kept_by_the_app(path: &Path) -> bool {
    path.0.iter().any(|s| matches!(s, Seg::Key(k) if KEPT_BY_THE_APP.contains(&k.as_str())))
}

/// The stamp of the nearest item above `path` that `doc` holds as deleted (a tombstone).
fn deletion_above<'a>(doc: &'a StampedDoc, path: &Path) -> Option<&'a Stamp> {
    (1..path.0.len())
        .rev()
        .filter(|&k| matches!(path.0[k - 1], Seg::Item(_)))
        .find_map(|k| doc.entries.get(&path.0[..k]))
        .filter(|e| e.value.is_none())
        .map(|e| &e.stamp)
}

/// [`preview`] of the registers in two sorted runs of `local` and `remote`, appended to `out`.
fn preview_into<'a>(
    local: &StampedDoc,
    remote: &StampedDoc,
    x: impl Iterator<Item = (&'a Path, &'a Entry)>,
    y: impl Iterator<Item = (&'a Path, &'a Entry)>,
    out: &mut Vec<Change>,
) {
    zip_iter(x, y, |path, l, r| {
        let Some(r) = r else { return };
        let Some((conflict, remote_wins)) = listed(local, remote, path, l, r) else { return };
        let l_value = shown(l.and_then(|l| l.value.as_ref()));
        let r_value = shown(r.value.as_ref());
        out.push(Change {
            path: path.clone(),
            kind: ChangeKind::of(l_value, r_value),
            local: l_value.cloned(),
            remote: r_value.cloned(),
            conflict,
            remote_wins,
        });
    });
}

/// [`merge`], except that for each conflict the user resolved against the default the chosen
/// value is written again with a fresh stamp of `clock` — so the choice also wins at the other
/// side when this document is sent back, instead of being undone by the older stamp it had.
/// Choices for paths that are not conflicts, or that agree with the default, change nothing.
pub fn merge_with_choices(
    local: &StampedDoc,
    remote: &StampedDoc,
    choices: &BTreeMap<Path, Choice>,
    clock: &mut Clock,
    now_ms: u64,
) -> StampedDoc {
    let mut merged = merge(local, remote);
    if choices.is_empty() {
        return merged;
    }
    let rewrites: Vec<(Path, Option<Value>)> = preview(local, remote)
        .into_iter()
        .filter(|c| c.conflict)
        .filter_map(|c| match (choices.get(&c.path), c.remote_wins) {
            (Some(Choice::KeepMine), true) => Some((c.path, c.local)),
            (Some(Choice::TakeTheirs), false) => Some((c.path, c.remote)),
            _ => None,
        })
        .collect();
    if rewrites.is_empty() {
        return merged;
    }
    clock.observe_doc(local);
    clock.observe_doc(remote);
    let stamp = clock.tick(now_ms);
    for (path, value) in rewrites {
        merged.entries.insert(path, Entry { value, stamp: stamp.clone() });
    }
    merged.note_seen(&stamp);
    merged
}
