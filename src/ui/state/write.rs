//! The one write path: every change of the stored workspace (accounts, dossiers, the programme,
//! a whole replace, snapshots) goes through [`AppState::write_then`], so that each is counted
//! while on its way (the header's "Saving…"), the other tabs hear of it when it changed what they
//! show, and a failure is never silent. Stored first, shown once stored: what is shown is what
//! is stored.

use crate::i18n::{tr, tr_args};
use chrono::NaiveDate;
use kam_core::model::{
    Account, DecisionError, Dossier, KeyDecision, NewAccountError, Programme, ProgrammeProblem, Workspace,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

use super::{AppState, Notice, Undo};
use crate::store::{self, DossierChange, Repository, Stamps, StoreError};
use crate::ui::words::store::store_error;

/// Whether the app's other tabs are told of a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tell {
    /// The write changed the stored workspace: the other tabs read it again.
    OtherTabs,
    /// The write changed nothing another tab shows (a snapshot): telling them would only
    /// announce a change they cannot see.
    Nobody,
}

/// What part of the workspace a write changes, so that only what reads it is computed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Touches {
    /// Accounts or their order history: the segmentation is due again.
    Orders,
    /// Dossiers or the programme only: the segmentation stays as it is.
    Plans,
}

/// The write path's one clock: the day a change is dated and a dossier stamped with.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// `change`, then the dossier's "updated" day and ids for the list items it added: every stored
/// change of a dossier is stamped here, and only here (its change stamps are recorded by the
/// store, in the same transaction).
fn stamped(change: DossierChange, today: NaiveDate) -> DossierChange {
    Box::new(move |d: &mut Dossier| {
        change(d);
        d.touch(today);
        d.assign_ids(Some(&store::fresh_id_seed));
    })
}

impl AppState {
    /// The one write path. Runs `op` against the store, counted as unsaved while on its way;
    /// once stored, tells the other tabs when `tell` says so; then hands the result (what `op`
    /// returned, or why it failed: then nothing was changed) to `then`.
    pub(super) fn write_then<T: 'static, Fut>(
        &self,
        op: impl FnOnce(Rc<Repository>) -> Fut + 'static,
        tell: Tell,
        then: impl FnOnce(Result<T, StoreError>) + 'static,
    ) where
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
            let stored = result.is_ok();
            if stored && tell == Tell::OtherTabs {
                store::tell_other_tabs();
            }
            then(result);
            // What was stored may change a key account's health: this month's is kept.
            if stored {
                state.keep_health();
            }
        });
    }

    /// Runs one write of the workspace against the store. On success, tells the other tabs and
    /// shows what the write returns (`show` puts it into the workspace); on failure, shows
    /// `failure` with the reason and changes nothing.
    fn write<T: 'static, Fut>(
        &self,
        op: impl FnOnce(Rc<Repository>) -> Fut + 'static,
        touches: Touches,
        show: impl FnOnce(&mut Workspace, T) + 'static,
        failure: String,
    ) where
        Fut: std::future::Future<Output = Result<T, StoreError>> + 'static,
    {
        let state = *self;
        self.write_then(op, Tell::OtherTabs, move |result| match result {
            Ok(stored) => {
                state.workspace.update(|ws| show(ws, stored));
                if touches == Touches::Orders {
                    state.orders_changed();
                }
            }
            Err(e) => state.error.set(Some(format!("{failure}: {}", store_error(&e)))),
        });
    }

    /// Replaces the whole workspace: stored first, shown only once stored. `notice` is shown on
    /// success with an undo back to the previous workspace.
    pub fn replace_workspace(&self, next: Workspace, notice: Option<String>) {
        self.replace_workspace_with(next, Stamps::Recorded, notice, true)
    }

    pub(super) fn replace_workspace_with(
        &self,
        next: Workspace,
        stamps: Stamps,
        notice: Option<String>,
        offer_undo: bool,
    ) {
        let state = *self;
        let previous = state.workspace.get_untracked();
        self.write_then(
            move |repo| async move {
                let (before, _) = repo.replace_keeping(&next, stamps, None).await?;
                Ok((next, before))
            },
            Tell::OtherTabs,
            move |result| match result {
                Ok((next, before)) => {
                    state.set_workspace(next);
                    if let Some(text) = notice {
                        let undo = offer_undo.then(|| Undo::Workspace(Box::new(previous), Some(Box::new(before))));
                        state.notice.set(Some(Notice { text, undo }));
                    }
                }
                Err(e) => state.error.set(Some(tr_args("Nothing was changed: {0}", &[("0", &store_error(&e))]))),
            },
        );
    }

    /// Changes one account (and, when given, its dossier) as stored, then shows the result.
    pub fn change_account(
        &self,
        id: String,
        change: Box<dyn FnOnce(&mut Account)>,
        dossier_change: Option<DossierChange>,
    ) {
        self.change_account_on(id, change, dossier_change, today())
    }

    /// [`Self::change_account`], with the day the dossier (when changed) is stamped with.
    fn change_account_on(
        &self,
        id: String,
        change: Box<dyn FnOnce(&mut Account)>,
        dossier_change: Option<DossierChange>,
        today: NaiveDate,
    ) {
        let name =
            self.workspace.with_untracked(|ws| ws.account(&id).map(|a| a.name.clone())).unwrap_or_else(|| id.clone());
        let dossier_change = dossier_change.map(|change| stamped(change, today));
        self.write(
            move |repo| async move { repo.update_account(&id, change, dossier_change).await },
            Touches::Orders,
            |ws, (account, dossier): (Account, Option<Dossier>)| {
                if ws.account(&account.id).is_some() {
                    ws.insert_account(account);
                }
                if let Some(d) = dossier {
                    ws.upsert_dossier(d);
                }
            },
            tr_args("The change to {name} was not saved", &[("name", &name)]),
        );
    }

    /// Adds an account typed by hand; `Err` (nothing changed) when the name is empty or taken.
    pub fn add_account(&self, name: &str, industry: &str, manager: &str) -> Result<(), NewAccountError> {
        let mut account = self.workspace.with_untracked(|ws| ws.new_account(name))?;
        account.industry = industry.trim().to_string();
        account.manager = manager.trim().to_string();
        let failure = tr_args("{0} was not added", &[("0", &account.name)]);
        let stored = account.clone();
        self.write(
            move |repo| async move { repo.put_account(&stored).await },
            Touches::Orders,
            move |ws, ()| {
                ws.insert_account(account);
            },
            failure,
        );
        Ok(())
    }

    /// Changes the programme settings (criteria, matrix factors, skills); refuses a change
    /// that would make them invalid.
    pub fn change_programme(&self, change: Rc<dyn Fn(&mut Programme)>) -> Result<(), Vec<ProgrammeProblem>> {
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
                    if problems.is_empty() {
                        Ok(())
                    } else {
                        Err(problems)
                    }
                })
                .await
            },
            Touches::Plans,
            |ws, programme| ws.programme = programme,
            tr("The programme settings were not saved").into(),
        );
        Ok(())
    }

    /// Promotes an account to key status or demotes it, recording who decided, when and why in
    /// its dossier (account and dossier are written in one transaction). The core says whether
    /// the decision can be recorded; the decision is dated, and the dossier stamped, with the
    /// same day.
    /// `words`: who decided, why, and for a demotion how the customer will be told.
    pub fn decide_key(&self, account_id: &str, promote: bool, words: [&str; 3]) -> Result<(), DecisionError> {
        let today = today();
        let decision =
            self.workspace.with_untracked(|ws| KeyDecision::for_account(ws, account_id, today, promote, words))?;
        self.change_account_on(
            account_id.to_string(),
            Box::new(move |a| a.is_key = promote),
            Some(Box::new(move |d| d.decisions.push(decision))),
            today,
        );
        Ok(())
    }

    /// Keeps this month's health of every key account whose score today differs from the one
    /// kept (`kam_core::analysis::health_to_keep`). Not an edit: the dossier's "updated" day, its
    /// undo and its notices stay as they are. Runs once the workspace is loaded and after every
    /// stored write (its own included: then nothing is due any more); waits while anything else
    /// is being saved, since the last write to finish runs it again.
    pub(super) fn keep_health(&self) {
        if self.saving.get_untracked() > 0 || self.load.with_untracked(|l| *l != super::LoadState::Ready) {
            return;
        }
        let day = today();
        let due = self.workspace.with_untracked(|ws| kam_core::analysis::health_to_keep(ws, day));
        for (account_id, score) in due {
            self.write(
                move |repo| async move {
                    repo.update_dossier(&account_id, move |d| {
                        d.keep_health(day, score);
                    })
                    .await
                },
                Touches::Plans,
                |ws, d| {
                    ws.upsert_dossier(d);
                },
                tr("The health of the month was not kept").into(),
            );
        }
    }

    /// Changes a dossier by reading, changing and writing it in one transaction, then shows the
    /// stored result. Used by the dossier editor, so that nothing another tab saved meanwhile is
    /// overwritten.
    pub fn update_dossier(&self, account_id: String, change: DossierChange) {
        let change = stamped(change, today());
        self.write(
            move |repo| async move { repo.update_dossier(&account_id, change).await },
            Touches::Plans,
            |ws, d| {
                ws.upsert_dossier(d);
            },
            tr("The dossier was not saved").into(),
        );
    }
}
