//! App-wide state: the workspace, the settings and what is derived from them. Every change of
//! the workspace goes through here, so that what is shown is what is stored.
//!
//! By concern: the signals and their setting up (here), the one write path every stored change
//! takes (`write`), and undo, notices and snapshots (`undo`).

use crate::i18n::{tr, tr_args};
mod undo;
mod write;

use kam_core::analysis::{programme_checks, segment_workspace, ProgrammeCheck, Segmentation};
use kam_core::model::{SegmentationSettings, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::{self, Repository, Snapshot, StoreError};
use crate::ui::words::store::store_error;

pub use undo::{Notice, Undo};

/// Whether the workspace has been read from the browser's database yet.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub settings: RwSignal<SegmentationSettings>,
    pub segmentation: Memo<Segmentation>,
    /// Counts the changes to the accounts and their order history, the only parts of the
    /// workspace the segmentation reads: a dossier or programme save leaves it alone, so the
    /// segmentation re-runs only when orders, accounts or the settings change.
    orders: RwSignal<u64>,
    pub load: RwSignal<LoadState>,
    /// A failed write: shown as a banner until dismissed, never silent.
    pub error: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// How many changes are not yet stored: writes in flight, and a dossier's typing waiting for
    /// its pause. A count, not a flag: with two writes in flight, the first to finish must not
    /// announce "All changes saved" (see `begin_save`, `end_save`, `is_saving`).
    saving: RwSignal<u32>,
    /// What the last confirmed import did, shown on the Portfolio until the next file is opened.
    pub last_import: RwSignal<Option<String>>,
    /// The stored snapshot taken before the last replace, if any.
    pub snapshot: RwSignal<Option<Snapshot>>,
    /// Workshop mode: large type, high contrast, personal details hidden unless turned on.
    pub workshop: RwSignal<bool>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn provide() -> AppState {
        let workspace = RwSignal::new(Workspace::default());
        let settings = RwSignal::new(store::load_settings());
        let orders = RwSignal::new(0u64);
        let segmentation = Memo::new(move |_| {
            orders.track();
            settings.with(|s| workspace.with_untracked(|ws| segment_workspace(ws, s)))
        });
        let state = AppState {
            workspace,
            settings,
            segmentation,
            orders,
            load: RwSignal::new(LoadState::Loading),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
            saving: RwSignal::new(0),
            last_import: RwSignal::new(None),
            snapshot: RwSignal::new(None),
            workshop: RwSignal::new(false),
        };
        provide_context(state);
        state.listen_to_other_tabs();
        // A newer version of the app opening in another tab needs this page's connection
        // closed to upgrade the database: give it up and say why nothing saves any more.
        store::listen_for_newer_versions(store::DB_NAME, move || {
            Repository::give_up_shared();
            state.error.set(Some(store_error(&StoreError::Superseded)));
        });
        spawn_local(async move {
            match open_and_load().await {
                Ok(ws) => {
                    state.set_workspace(ws);
                    state.load.set(LoadState::Ready);
                    state.keep_health();
                    if let Ok(repo) = Repository::shared().await {
                        state.snapshot.set(repo.load_snapshot().await.ok().flatten());
                    }
                }
                Err(e) => state.load.set(LoadState::Failed(store_error(&e))),
            }
        });
        state
    }

    /// Shows a whole new workspace (loaded, replaced, or changed in another tab).
    pub(super) fn set_workspace(&self, ws: Workspace) {
        self.workspace.set(ws);
        self.orders_changed();
    }

    /// [`Self::set_workspace`], handing back the workspace it replaces (without copying it).
    pub(super) fn swap_workspace(&self, ws: Workspace) -> Workspace {
        let previous = self.workspace.try_update(|w| std::mem::replace(w, ws)).unwrap_or_default();
        self.orders_changed();
        previous
    }

    /// After the accounts or the order history changed: the segmentation is due again. Called
    /// after the workspace is updated, so the segmentation reads the new one.
    pub(super) fn orders_changed(&self) {
        self.orders.update(|n| *n += 1);
    }

    /// Applies a change to the settings if the result is valid; otherwise changes nothing and
    /// returns the problems.
    pub fn change_settings(
        &self,
        change: impl FnOnce(&mut SegmentationSettings),
    ) -> Result<(), Vec<kam_core::model::SettingsProblem>> {
        let mut next = self.settings.get_untracked();
        change(&mut next);
        let problems = next.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.set_settings(next);
        Ok(())
    }

    /// Another tab of this workspace wrote to the store: read it again, so that nothing shown
    /// here is stale and no later write here silently undoes the other tab's.
    fn listen_to_other_tabs(&self) {
        let state = *self;
        store::listen_for_changes_in_other_tabs(move || {
            spawn_local(async move {
                match async { Repository::shared().await?.load().await }.await {
                    Ok(ws) => {
                        state.set_workspace(ws);
                        state.notice.set(Some(Notice {
                            text: tr("Updated with changes made in another tab.").into(),
                            undo: None,
                        }));
                    }
                    Err(e) => state.error.set(Some(tr_args(
                        "Another tab changed the workspace and it could not be read again ({0}): reload this page.",
                        &[("0", &store_error(&e))],
                    ))),
                }
            });
        });
    }

    /// The seven programme steps with their evidence, kept up to date (Programme page, report).
    pub fn programme_checks(&self) -> Memo<Vec<ProgrammeCheck>> {
        let state = *self;
        Memo::new(move |_| {
            let pct = state.settings.with(|s| s.key_size_pct);
            state.segmentation.with(|s| state.workspace.with(|ws| programme_checks(ws, s, pct)))
        })
    }

    /// A change starts on its way to the store.
    pub fn begin_save(&self) {
        self.saving.update(|n| *n += 1);
    }

    /// A change is stored, or failed (the error banner then says so).
    pub fn end_save(&self) {
        self.saving.update(|n| *n = n.saturating_sub(1));
    }

    /// Whether any change is not yet stored (tracked: for the header's indicator).
    pub fn is_saving(&self) -> bool {
        self.saving.get() > 0
    }

    pub fn set_settings(&self, settings: SegmentationSettings) {
        if let Err(e) = store::save_settings(&settings) {
            self.error.set(Some(e));
        }
        self.settings.set(settings);
    }
}

async fn open_and_load() -> Result<Workspace, StoreError> {
    Repository::shared().await?.load().await
}
