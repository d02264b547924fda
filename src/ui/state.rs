//! App-wide state: the workspace, the settings and what is derived from them. Every change of
//! the workspace goes through here, so that what is shown is what is stored.

use kam_core::analysis::{programme_checks, segment_workspace, ProgrammeCheck, Segmentation};
use kam_core::model::{Account, Dossier, KeyDecision, Programme, SegmentationSettings, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

use kam_core::exchange::{read_file, write_file, PersonalDetails};

use crate::store::{self, Repository, Snapshot, StoreError};
use crate::ui::words::exchange::file_error;
use crate::ui::words::store::store_error;

/// Whether the workspace has been read from the browser's database yet.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready,
    Failed(String),
}

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
    Workspace(Workspace),
    /// One dossier (after a row of it was removed).
    Dossier(Dossier),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub settings: RwSignal<SegmentationSettings>,
    pub segmentation: Memo<Segmentation>,
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

pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
const TAB_CHANNEL: &str = "kam-planner-workspace";

thread_local! {
    /// The page's one channel to its other tabs. Sending and listening on the same object
    /// matters: a channel does not hear its own messages, but would hear a sibling's.
    static TABS: std::cell::RefCell<Option<web_sys::BroadcastChannel>> = const { std::cell::RefCell::new(None) };
}

/// Tells the app's other tabs that the stored workspace changed.
fn tell_other_tabs() {
    TABS.with(|t| {
        if let Some(channel) = t.borrow().as_ref() {
            let _ = channel.post_message(&wasm_bindgen::JsValue::from_str("changed"));
        }
    });
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn provide() -> AppState {
        let workspace = RwSignal::new(Workspace::default());
        let settings = RwSignal::new(store::load_settings());
        let segmentation = Memo::new(move |_| settings.with(|s| workspace.with(|ws| segment_workspace(ws, s))));
        let state = AppState {
            workspace,
            settings,
            segmentation,
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
                    state.workspace.set(ws);
                    state.load.set(LoadState::Ready);
                    if let Ok(repo) = Repository::shared().await {
                        state.snapshot.set(repo.load_snapshot().await.ok().flatten());
                    }
                }
                Err(e) => state.load.set(LoadState::Failed(store_error(&e))),
            }
        });
        state
    }

    /// Applies a change to the settings if the result is valid; otherwise changes nothing and
    /// returns the problems, in words for the user.
    pub fn change_settings(&self, change: impl FnOnce(&mut SegmentationSettings)) -> Result<(), Vec<String>> {
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
        let channel = crate::browser::on_channel_message(TAB_CHANNEL, move |_| {
            spawn_local(async move {
                match async { Repository::shared().await?.load().await }.await {
                    Ok(ws) => {
                        state.workspace.set(ws);
                        state.notice.set(Some(Notice { text: "Updated with changes made in another tab.".into(), undo: None }));
                    }
                    Err(e) => state.error.set(Some(format!("Another tab changed the workspace and it could not be read again ({}): reload this page.", store_error(&e)))),
                }
            });
        });
        // Kept for posting, as long as the page lives.
        TABS.with(|t| *t.borrow_mut() = channel);
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

    /// Replaces the whole workspace: stored first, shown only once stored. `notice` is shown on
    /// success with an undo back to the previous workspace.
    pub fn replace_workspace(&self, next: Workspace, notice: Option<String>) {
        self.replace_workspace_with(next, notice, true)
    }

    fn replace_workspace_with(&self, next: Workspace, notice: Option<String>, offer_undo: bool) {
        let state = *self;
        let previous = state.workspace.get_untracked();
        state.begin_save();
        spawn_local(async move {
            let result = async { Repository::shared().await?.replace(&next).await }.await;
            state.end_save();
            match result {
                Ok(()) => {
                    tell_other_tabs();
                    state.workspace.set(next);
                    if let Some(text) = notice {
                        state.notice.set(Some(Notice { text, undo: offer_undo.then_some(Undo::Workspace(previous)) }));
                    }
                }
                Err(e) => state.error.set(Some(format!("Nothing was changed: {}", store_error(&e)))),
            }
        });
    }

    /// Replaces the workspace after keeping the current one as a stored snapshot, which
    /// survives a reload and can be restored from Settings (and at once with Undo).
    pub fn replace_keeping_snapshot(&self, next: Workspace, reason: String, notice: String) {
        let state = *self;
        let current = state.workspace.get_untracked();
        spawn_local(async move {
            let snapshot = snapshot_of(&current, reason);
            let saved = async { Repository::shared().await?.save_snapshot(&snapshot).await }.await;
            match saved {
                Ok(()) => {
                    state.snapshot.set(Some(snapshot));
                    state.replace_workspace(next, Some(notice));
                }
                Err(e) => state.error.set(Some(format!("Nothing was changed: the current workspace could not be kept as a snapshot first ({}).", store_error(&e)))),
            }
        });
    }

    /// Puts back the workspace kept before the last replace.
    pub fn restore_snapshot(&self) {
        let Some(snapshot) = self.snapshot.get_untracked() else { return };
        match read_file(snapshot.file.as_bytes()) {
            Ok(file) => self.replace_workspace(file.workspace, Some(format!("Restored the workspace as it was {}.", snapshot.reason))),
            Err(e) => self.error.set(Some(format!("The snapshot could not be read: {}", file_error(&e)))),
        }
    }

    /// Puts back the workspace a notice kept.
    pub fn undo(&self) {
        match self.notice.get_untracked() {
            Some(Notice { undo: Some(Undo::Workspace(previous)), .. }) => {
                self.notice.set(None);
                // An undo of an undo is not offered: it would only confuse.
                self.replace_workspace_with(previous, Some("Undone.".into()), false);
            }
            Some(Notice { undo: Some(Undo::Dossier(previous)), .. }) => {
                self.notice.set(Some(Notice { text: "Undone.".into(), undo: None }));
                self.update_dossier(previous.account_id.clone(), Box::new(move |d| *d = previous));
            }
            _ => {}
        }
    }

    /// Runs one write against the store. On success, tells the other tabs and shows what the
    /// write returns (`show` puts it into the workspace); on failure, shows `failure` with the
    /// reason and changes nothing.
    fn write<T: 'static, Fut>(&self, op: impl FnOnce(Rc<Repository>) -> Fut + 'static, show: impl FnOnce(&mut Workspace, T) + 'static, failure: String)
    where
        Fut: std::future::Future<Output = Result<T, StoreError>> + 'static,
    {
        let state = *self;
        state.begin_save();
        spawn_local(async move {
            let result = match Repository::shared().await {
                Ok(repo) => op(repo).await,
                Err(e) => Err(e),
            };
            state.end_save();
            match result {
                Ok(stored) => {
                    tell_other_tabs();
                    state.workspace.update(|ws| show(ws, stored));
                }
                Err(e) => state.error.set(Some(format!("{failure}: {}", store_error(&e)))),
            }
        });
    }

    /// Changes one account (and, when given, its dossier) as stored, then shows the result.
    pub fn change_account(&self, id: String, change: Box<dyn FnOnce(&mut Account)>, dossier_change: Option<store::DossierChange>) {
        let name = self.workspace.with_untracked(|ws| ws.account(&id).map(|a| a.name.clone())).unwrap_or_else(|| id.clone());
        self.write(
            move |repo| async move { repo.update_account(&id, change, dossier_change).await },
            |ws, (account, dossier): (Account, Option<Dossier>)| {
                if ws.account(&account.id).is_some() {
                    ws.insert_account(account);
                }
                if let Some(d) = dossier {
                    ws.upsert_dossier(d);
                }
            },
            format!("The change to {name} was not saved"),
        );
    }

    /// Adds an account typed by hand; `Err` (nothing changed) when the name is empty or taken.
    pub fn add_account(&self, name: &str, industry: &str, manager: &str) -> Result<(), String> {
        let mut account = self.workspace.with_untracked(|ws| ws.new_account(name))?;
        account.industry = industry.trim().to_string();
        account.manager = manager.trim().to_string();
        let failure = format!("{} was not added", account.name);
        let stored = account.clone();
        self.write(move |repo| async move { repo.put_account(&stored).await }, move |ws, ()| { ws.insert_account(account); }, failure);
        Ok(())
    }

    /// Changes the programme settings (criteria, matrix factors, skills); refuses a change
    /// that would make them invalid.
    pub fn change_programme(&self, change: Rc<dyn Fn(&mut Programme)>) -> Result<(), Vec<String>> {
        // Checked first on the programme shown, for an immediate answer; then applied to the
        // stored programme inside one transaction (and checked again there), so that quick
        // successive changes never undo each other.
        let mut preview = self.workspace.with_untracked(|ws| ws.programme.clone());
        change(&mut preview);
        let problems = preview.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.write(
            move |repo| async move {
                repo.update_programme(move |p| {
                    change(p);
                    let problems = p.problems();
                    if problems.is_empty() { Ok(()) } else { Err(problems.join(" ")) }
                })
                .await
            },
            |ws, programme| ws.programme = programme,
            "The programme settings were not saved".into(),
        );
        Ok(())
    }

    /// Promotes an account to key status or demotes it, recording who decided, when and why in
    /// its dossier (account and dossier are written in one transaction).
    pub fn decide_key(&self, account_id: &str, promote: bool, by: &str, why: &str) -> Result<(), String> {
        let (by, why) = (by.trim(), why.trim());
        if by.is_empty() || why.is_empty() {
            return Err(format!("Say who decided and why: the decision to {} is kept in the account's history.", if promote { "promote" } else { "demote" }));
        }
        if self.workspace.with_untracked(|ws| ws.account(account_id).is_none()) {
            return Err("This account is no longer in the workspace.".into());
        }
        let today = chrono::Local::now().date_naive();
        let decision = KeyDecision { date: today, promoted: promote, by: by.into(), why: why.into() };
        self.change_account(
            account_id.to_string(),
            Box::new(move |a| a.is_key = promote),
            Some(Box::new(move |d| {
                d.decisions.push(decision);
                d.updated = Some(today);
            })),
        );
        Ok(())
    }

    /// Changes a dossier by reading, changing and writing it in one transaction, then shows the
    /// stored result. Used by the dossier editor, so that nothing another tab saved meanwhile is
    /// overwritten.
    pub fn update_dossier(&self, account_id: String, change: Box<dyn FnOnce(&mut Dossier)>) {
        let today = chrono::Local::now().date_naive();
        self.write(
            move |repo| async move {
                repo.update_dossier(&account_id, move |d| {
                    change(d);
                    d.updated = Some(today);
                })
                .await
            },
            |ws, d| {
                ws.upsert_dossier(d);
            },
            "The dossier was not saved".into(),
        );
    }
}

/// The whole workspace, personal details included, as a snapshot kept in this browser.
pub fn snapshot_of(ws: &Workspace, reason: String) -> Snapshot {
    Snapshot {
        reason,
        taken_at: crate::ui::format::local_minute(),
        file: write_file(ws, None, PersonalDetails::Included, APP_VERSION, &chrono::Utc::now().to_rfc3339()),
    }
}

async fn open_and_load() -> Result<Workspace, StoreError> {
    Repository::shared().await?.load().await
}
