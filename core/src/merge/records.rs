//! The merge and its preview record by record: one walk over both documents finds the records a
//! file changes; only those are merged and read again, the others are the loaded workspace's.
//! Also the preview's grouping and summary, and the comparison with a snapshot.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::doc::{sorted_map, StampedDoc};
use super::hlc::{Clock, Stamp};
use super::path::Path;
use super::workspace::{flatten_workspace, put_record, workspace_from_value, NotAWorkspace, RecordKey};
use crate::model::Workspace;

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
            if l.is_none_or(|l| super::wins(r, l)) || super::listed(local, remote, path, l, r).is_some() {
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

/// The records a preview found the file to change, and the local document's version (`seen`)
/// it was made against: an Apply against the same version merges those records without walking
/// both documents again ([`merge_workspaces`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touched {
    keys: Vec<RecordKey>,
    seen: BTreeMap<String, Stamp>,
}

impl Touched {
    /// The records to merge into `local` now: the preview's, if `local` is still the document it
    /// previewed (every write here moves `seen` on), else `None`.
    pub(crate) fn for_document(&self, local: &StampedDoc) -> Option<&[RecordKey]> {
        (self.seen == local.seen).then_some(&self.keys)
    }
}

/// [`super::preview`] of a workspace's document, record by record: the same changes in the same
/// order, with the full walk only finding the records that change (most of a large file's
/// records change nothing and cost one comparison per register).
pub fn preview_workspace(local: &StampedDoc, remote: &StampedDoc) -> Vec<super::Change> {
    preview_records(local, remote).0
}

/// [`preview_workspace`], with the records it found, for the Apply that may follow.
pub fn preview_records(local: &StampedDoc, remote: &StampedDoc) -> (Vec<super::Change>, Touched) {
    let mut out = Vec::new();
    let keys = touched_records(local, remote, &BTreeMap::new());
    for key in &keys {
        let prefix = key.path();
        let mine = local.entries.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix));
        let theirs = remote.entries.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix));
        super::preview_into(local, remote, mine, theirs, &mut out);
    }
    (out, Touched { keys, seen: local.seen.clone() })
}

/// Merges a file's document into the local one, field by field ([`super::merge_with_choices`]),
/// record by record: only the records the file changes are merged and read again; `local_ws` is
/// the workspace `local` reads as (the app's loaded workspace), moved in: every other record is
/// its own, and the changed records are put into it in place (no copy of the workspace).
/// Where reading a merged record makes it whole (people numbered apart after both sides added
/// one), that is recorded as an edit, so the document and the workspace agree and every copy
/// makes the same repair. The workspace comes back in the order a workspace read from its
/// document has (accounts by name, dossiers by account id), whatever order `local_ws` had.
///
/// `previewed`: what [`preview_records`] found for this file. While `local` is the document it
/// previewed, its records (and those of the `choices`) are the ones merged, and the walk over
/// both documents is not made again; otherwise (a write here since) the walk is made.
pub fn merge_workspaces(
    local_ws: Workspace,
    local: &StampedDoc,
    remote: &StampedDoc,
    choices: &BTreeMap<Path, super::Choice>,
    previewed: Option<&Touched>,
    clock: &mut Clock,
    now_ms: u64,
) -> Result<Merged, NotAWorkspace> {
    let keys = match previewed.and_then(|t| t.for_document(local)) {
        Some(found) => {
            let mut keys = found.to_vec();
            keys.extend(choices.keys().filter_map(RecordKey::of_path));
            keys.sort();
            keys.dedup();
            keys
        }
        None => touched_records(local, remote, choices),
    };
    let mut workspace = local_ws;
    let mut seen = super::merge_seen(&local.seen, &remote.seen);
    let mut records = Vec::new();
    let mut deleted = false;
    for key in keys {
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
        out.push(Change {
            path: path.clone(),
            kind: ChangeKind::of(old, new),
            local: old.cloned(),
            remote: new.cloned(),
            conflict: false,
            remote_wins: true,
        });
    };
    // Both flat forms walked together, in path order.
    super::zip_iter(a.iter().map(|(p, v)| (p, v)), b.iter().map(|(p, v)| (p, v)), |path, old, new| {
        if old != new {
            push(path, old, new);
        }
    });
    out
}
