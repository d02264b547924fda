//! Undo, notices and snapshots: what a destructive action keeps so that it can be put back, at
//! once (a notice's Undo) or later (the automatic snapshot taken before a replace, and the
//! snapshots the user names). Their writes take the one write path (`write`).

use crate::i18n::{tr, tr_args};
use kam_core::merge::records::Touched;
use kam_core::merge::{Choice, Path, StampedDoc};
use kam_core::model::{Dossier, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

use super::write::Tell;
use super::AppState;
use crate::file_exchange::read_snapshot;
use crate::import_protocol::StampedWorkspace;
use crate::store::{Repository, Snapshot, Stamps, StoreError};
use crate::ui::words::store::store_error;

/// A message with an optional undo: the workspace as it was before a destructive action.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    pub undo: Option<Undo>,
}

/// What an undo puts back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// The whole workspace (after an import, a replace, a clear), with the change stamps it had
    /// when known (after a merge or a replace by a file), so that undoing puts those back too.
    Workspace(Box<Workspace>, Option<Box<StampedDoc>>),
    /// One dossier (after a row of it was removed).
    Dossier(Box<Dossier>),
}

/// The whole workspace, personal details and change stamps included, as a snapshot kept in this
/// browser (the store's own shapes: it never leaves the browser, and is read back without the
/// file format).
fn snapshot_of(ws: &Workspace, document: &StampedDoc, reason: String) -> Snapshot {
    Snapshot { reason, taken_at: crate::ui::format::local_minute(), file: StampedWorkspace::to_text(ws, document) }
}

impl AppState {
    /// Replaces the workspace after keeping the current one as a stored snapshot, which
    /// survives a reload and can be restored from Settings (and at once with Undo): both in one
    /// transaction. `stamps` are the new workspace's (a file's, or recorded as an edit).
    pub fn replace_keeping_snapshot(&self, next: Workspace, stamps: Stamps, reason: String, notice: String) {
        let state = *self;
        let current = state.workspace.get_untracked();
        self.write_then(
            move |repo| async move {
                let make = |before: &StampedDoc| snapshot_of(&current, before, reason.clone());
                let (before, snapshot) = repo.replace_keeping(&next, stamps, Some(&make)).await?;
                Ok((next, current, before, snapshot))
            },
            Tell::OtherTabs,
            move |result| match result {
                Ok((next, previous, before, snapshot)) => {
                    state.snapshot.set(snapshot);
                    state.set_workspace(next);
                    state.notice.set(Some(Notice {
                        text: notice,
                        undo: Some(Undo::Workspace(Box::new(previous), Some(Box::new(before)))),
                    }));
                }
                Err(e) => state.error.set(Some(tr_args(
                    "Nothing was changed: the current workspace could not be kept as a snapshot first ({0}).",
                    &[("0", &store_error(&e))],
                ))),
            },
        );
    }

    /// Merges a file's document into the workspace, field by field, with the user's choices for
    /// conflicts: the workspace before is kept as a snapshot, all in one transaction, and the
    /// notice offers Undo.
    /// `previewed`: the records the preview found (see `kam_core::merge::records::Touched`).
    pub fn merge_file(
        &self,
        name: String,
        remote: StampedDoc,
        choices: BTreeMap<Path, Choice>,
        previewed: Option<Touched>,
    ) {
        let state = *self;
        // The merge's one copy of the loaded workspace: the merged workspace is made from it, and
        // the one it replaces is moved into the Undo.
        let current = state.workspace.get_untracked();
        self.write_then(
            move |repo| async move {
                let reason = tr_args("before merging {name}", &[("name", &name)]);
                let make = |ws: &Workspace, before: &StampedDoc| snapshot_of(ws, before, reason.clone());
                let (merged, before, snapshot) =
                    repo.merge_file(current, &remote, &choices, previewed.as_ref(), &make).await?;
                Ok((merged.workspace, before, snapshot, name))
            },
            Tell::OtherTabs,
            move |result| match result {
                Ok((next, before, snapshot, name)) => {
                    state.snapshot.set(Some(snapshot));
                    let previous = state.swap_workspace(next);
                    state.notice.set(Some(Notice {
                        text: tr_args(
                            "Merged {name}. The previous workspace is kept as a snapshot.",
                            &[("name", &name)],
                        ),
                        undo: Some(Undo::Workspace(Box::new(previous), Some(Box::new(before)))),
                    }));
                }
                Err(e) => state.error.set(Some(tr_args("Nothing was changed: {0}", &[("0", &store_error(&e))]))),
            },
        );
    }

    /// Puts back the workspace kept before the last replace.
    pub fn restore_snapshot(&self) {
        let Some(snapshot) = self.snapshot.get_untracked() else { return };
        let state = *self;
        spawn_local(async move {
            match read_snapshot(&snapshot.reason, &snapshot.file).await {
                Ok(file) => state.replace_workspace(
                    file.workspace,
                    Some(tr_args("Restored the workspace as it was {0}.", &[("0", &snapshot.reason)])),
                ),
                Err(e) => state.error.set(Some(tr_args("The snapshot could not be read: {0}", &[("0", &e)]))),
            }
        });
    }

    /// Puts back the workspace a notice kept.
    pub fn undo(&self) {
        match self.notice.get_untracked() {
            Some(Notice { undo: Some(Undo::Workspace(previous, stamps)), .. }) => {
                self.notice.set(None);
                // An undo of an undo is not offered: it would only confuse.
                let stamps = stamps.map_or(Stamps::Recorded, |d| Stamps::Exactly(*d));
                self.replace_workspace_with(*previous, stamps, Some(tr("Undone.").into()), false);
            }
            Some(Notice { undo: Some(Undo::Dossier(previous)), .. }) => {
                self.notice.set(Some(Notice { text: tr("Undone.").into(), undo: None }));
                self.update_dossier(previous.account_id.clone(), Box::new(move |d| *d = *previous));
            }
            _ => {}
        }
    }

    /// Reads the named snapshots, oldest first, with their keys, and hands them to `listed`.
    pub fn named_snapshots(&self, listed: impl FnOnce(Result<Vec<(String, Snapshot)>, StoreError>) + 'static) {
        spawn_local(async move { listed(async { Repository::shared().await?.named_snapshots().await }.await) });
    }

    /// Keeps the workspace shown as a snapshot named `name`, then tells `done` whether it was
    /// stored. Other tabs are not told: their workspace did not change.
    pub fn save_named_snapshot(&self, name: String, done: impl FnOnce(Result<(), StoreError>) + 'static) {
        let ws = self.workspace.get_untracked();
        self.write_then(
            move |repo| async move {
                let document = repo.document().await?;
                repo.save_named_snapshot(&snapshot_of(&ws, &document, name)).await.map(|_key| ())
            },
            Tell::Nobody,
            done,
        );
    }

    /// Deletes the named snapshot stored under `key`, then tells `done` whether it was deleted.
    pub fn delete_named_snapshot(&self, key: String, done: impl FnOnce(Result<(), StoreError>) + 'static) {
        self.write_then(move |repo| async move { repo.delete_named_snapshot(&key).await }, Tell::Nobody, done);
    }
}
