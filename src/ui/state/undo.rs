//! Undo, notices and snapshots: what a destructive action keeps so that it can be put back, at
//! once (a notice's Undo) or later (the automatic snapshot taken before a replace, and the
//! snapshots the user names). Their writes take the one write path (`write`).

use kam_core::exchange::{read_file, write_file, PersonalDetails};
use kam_core::model::{Dossier, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::write::Tell;
use super::{AppState, APP_VERSION};
use crate::store::{Repository, Snapshot, StoreError};
use crate::ui::words::exchange::file_error;
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
    /// The whole workspace (after an import, a replace, a clear).
    Workspace(Box<Workspace>),
    /// One dossier (after a row of it was removed).
    Dossier(Box<Dossier>),
}

/// The whole workspace, personal details included, as a snapshot kept in this browser.
fn snapshot_of(ws: &Workspace, reason: String) -> Snapshot {
    Snapshot {
        reason,
        taken_at: crate::ui::format::local_minute(),
        file: write_file(ws, None, PersonalDetails::Included, APP_VERSION, &chrono::Utc::now().to_rfc3339()),
    }
}

impl AppState {
    /// Replaces the workspace after keeping the current one as a stored snapshot, which
    /// survives a reload and can be restored from Settings (and at once with Undo).
    pub fn replace_keeping_snapshot(&self, next: Workspace, reason: String, notice: String) {
        let state = *self;
        let current = state.workspace.get_untracked();
        self.write_then(
            move |repo| async move {
                let snapshot = snapshot_of(&current, reason);
                repo.save_snapshot(&snapshot).await?;
                Ok(snapshot)
            },
            // The replace that follows tells them.
            Tell::Nobody,
            move |result| match result {
                Ok(snapshot) => {
                    state.snapshot.set(Some(snapshot));
                    state.replace_workspace(next, Some(notice));
                }
                Err(e) => state.error.set(Some(format!(
                    "Nothing was changed: the current workspace could not be kept as a snapshot first ({}).",
                    store_error(&e)
                ))),
            },
        );
    }

    /// Puts back the workspace kept before the last replace.
    pub fn restore_snapshot(&self) {
        let Some(snapshot) = self.snapshot.get_untracked() else { return };
        match read_file(snapshot.file.as_bytes()) {
            Ok(file) => self.replace_workspace(
                file.workspace,
                Some(format!("Restored the workspace as it was {}.", snapshot.reason)),
            ),
            Err(e) => self.error.set(Some(format!("The snapshot could not be read: {}", file_error(&e)))),
        }
    }

    /// Puts back the workspace a notice kept.
    pub fn undo(&self) {
        match self.notice.get_untracked() {
            Some(Notice { undo: Some(Undo::Workspace(previous)), .. }) => {
                self.notice.set(None);
                // An undo of an undo is not offered: it would only confuse.
                self.replace_workspace_with(*previous, Some("Undone.".into()), false);
            }
            Some(Notice { undo: Some(Undo::Dossier(previous)), .. }) => {
                self.notice.set(Some(Notice { text: "Undone.".into(), undo: None }));
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
        let snapshot = self.workspace.with_untracked(|ws| snapshot_of(ws, name));
        self.write_then(
            move |repo| async move { repo.save_named_snapshot(&snapshot).await.map(|_key| ()) },
            Tell::Nobody,
            done,
        );
    }

    /// Deletes the named snapshot stored under `key`, then tells `done` whether it was deleted.
    pub fn delete_named_snapshot(&self, key: String, done: impl FnOnce(Result<(), StoreError>) + 'static) {
        self.write_then(move |repo| async move { repo.delete_named_snapshot(&key).await }, Tell::Nobody, done);
    }
}
