//! The workspace in IndexedDB: the app's one shared connection and every read and write of
//! the stored workspace, each in a transaction of its own.

use kam_core::model::{
    restore, restore_dossier, Account, AccountHistory, Dossier, OrderLine, Programme, ProgrammeProblem, Stored,
    Workspace,
};
use rexie::{Rexie, TransactionMode};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

use super::channel::announce_opening_at;
use super::error::StoreError;
use super::records::{from_js, to_js, HistoryRecord, Snapshot};
use super::schema::{
    open_database, ACCOUNTS, ALL_STORES, DB_NAME, DOSSIERS, HISTORY, META, PROGRAMME_KEY, SCHEMA_VERSION, SNAPSHOTS,
    SNAPSHOT_KEY,
};

/// A change to apply to a dossier as stored.
pub type DossierChange = Box<dyn FnOnce(&mut Dossier)>;

/// Reads an account's dossier inside `tx` (a new one if there is none), applies `change` and
/// writes it back; returns what was written.
async fn change_stored_dossier(
    tx: &rexie::Transaction,
    account_id: &str,
    change: impl FnOnce(&mut Dossier),
) -> Result<Dossier, StoreError> {
    let store = tx.store(DOSSIERS)?;
    let mut d = match store.get(JsValue::from_str(account_id)).await? {
        Some(v) if !v.is_undefined() => restore_dossier(from_js::<Dossier>(v)?),
        _ => Dossier::new(account_id),
    };
    change(&mut d);
    d.account_id = account_id.to_string();
    store.put(&to_js(&d)?, None).await?;
    Ok(d)
}

/// The workspace in IndexedDB.
pub struct Repository {
    /// Always `Some` until dropped: dropping closes the connection (below).
    db: Option<Rexie>,
}

/// Dropping a repository closes its connection (after the transactions under way). Without
/// this, a dropped connection would stay open until garbage collection, and, its
/// `versionchange` handler gone with it, would block a newer release's upgrade in another tab.
impl Drop for Repository {
    fn drop(&mut self) {
        if let Some(db) = self.db.take() {
            db.close();
        }
    }
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Repository>>> = const { RefCell::new(None) };
    /// Set once a newer version of the app took the database over: this page must be reloaded.
    static SUPERSEDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Repository {
    /// Opens (and creates or upgrades) the database (see `schema`).
    pub async fn open(name: &str) -> Result<Repository, StoreError> {
        let db = open_database(name).await?;
        Ok(Repository { db: Some(db) })
    }

    /// The app's one connection, opened on first use. Sharing it matters: an open connection
    /// that nobody closes would block a later schema upgrade.
    pub async fn shared() -> Result<Rc<Repository>, StoreError> {
        if SUPERSEDED.with(|s| s.get()) {
            return Err(StoreError::Superseded);
        }
        if let Some(repo) = SHARED.with(|s| s.borrow().clone()) {
            return Ok(repo);
        }
        announce_opening_at(SCHEMA_VERSION, DB_NAME);
        let repo = Rc::new(Self::open(DB_NAME).await?);
        SHARED.with(|s| *s.borrow_mut() = Some(repo.clone()));
        Ok(repo)
    }

    /// Gives the shared connection up for a newer version of the app: it closes once the
    /// operations under way finish, and this page never opens it again.
    pub fn give_up_shared() {
        SUPERSEDED.with(|s| s.set(true));
        SHARED.with(|s| s.borrow_mut().take());
    }

    /// A transaction on this connection (its errors sorted into facts by `From<rexie::Error>`).
    fn transaction(&self, stores: &[&str], mode: TransactionMode) -> Result<rexie::Transaction, StoreError> {
        let db = self.db.as_ref().expect("a repository holds its connection until dropped");
        Ok(db.transaction(stores, mode)?)
    }

    pub async fn load(&self) -> Result<Workspace, StoreError> {
        let tx = self.transaction(&[ACCOUNTS, HISTORY, DOSSIERS, META], TransactionMode::ReadOnly)?;
        let accounts = tx.store(ACCOUNTS)?.get_all(None, None).await?;
        let history = tx.store(HISTORY)?.get_all(None, None).await?;
        let dossiers = tx.store(DOSSIERS)?.get_all(None, None).await?;
        let programme = tx.store(META)?.get(JsValue::from_str(PROGRAMME_KEY)).await?;
        tx.done().await?;
        let mut stored = Stored::default();
        if let Some(p) = programme.filter(|v| !v.is_undefined()) {
            stored.programme = Some(from_js(p)?);
        }
        for a in accounts {
            stored.accounts.push(from_js::<Account>(a)?);
        }
        for h in history {
            let record: HistoryRecord = from_js(h)?;
            let lines: Vec<OrderLine> = serde_json::from_str(&record.lines)
                .map_err(|e| StoreError::UnreadableHistory { detail: e.to_string() })?;
            stored.history.push(AccountHistory { account_id: record.account_id, lines });
        }
        for d in dossiers {
            stored.dossiers.push(from_js::<Dossier>(d)?);
        }
        stored.accounts.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        // Older records (people without ids, free-text roles) are made whole by the one
        // restore; the stores' keys rule out the duplicates it reports, and anything else it
        // reports is kept as stored.
        Ok(restore(stored).workspace)
    }

    /// Replaces the whole stored workspace in one transaction: either all of it is written or,
    /// on any error, nothing changes.
    pub async fn replace(&self, ws: &Workspace) -> Result<(), StoreError> {
        // Serialise everything before the transaction opens: a transaction commits as soon as
        // control returns to the event loop with no request pending.
        // A large history is serialised in chunks, yielding to the page between them.
        let accounts = ws.accounts().iter().map(to_js).collect::<Result<Vec<_>, _>>()?;
        let mut history = Vec::with_capacity(ws.histories().len());
        let mut chunk_start = crate::browser::now_ms();
        for (id, lines) in ws.histories() {
            let lines =
                serde_json::to_string(lines).map_err(|e| StoreError::NotSerialised { detail: e.to_string() })?;
            history.push(to_js(&HistoryRecord { account_id: id.to_string(), lines })?);
            if crate::browser::now_ms() - chunk_start > 30.0 {
                crate::browser::next_tick().await;
                chunk_start = crate::browser::now_ms();
            }
        }
        let dossiers = ws.dossiers().iter().map(to_js).collect::<Result<Vec<_>, _>>()?;
        self.replace_records(accounts, history, dossiers, Some(to_js(&ws.programme)?)).await
    }

    /// Replaces the three stores' records in one transaction. Public only so that a browser test
    /// can hand it a record the store must refuse, and prove that then nothing changes.
    #[doc(hidden)]
    pub async fn replace_records(
        &self,
        accounts: Vec<JsValue>,
        history: Vec<JsValue>,
        dossiers: Vec<JsValue>,
        programme: Option<JsValue>,
    ) -> Result<(), StoreError> {
        let tx = self.transaction(&[ACCOUNTS, HISTORY, DOSSIERS, META], TransactionMode::ReadWrite)?;
        let result = async {
            if let Some(p) = &programme {
                tx.store(META)?.put(p, Some(&JsValue::from_str(PROGRAMME_KEY))).await?;
            }
            for (name, values) in [(ACCOUNTS, accounts), (HISTORY, history), (DOSSIERS, dossiers)] {
                let store = tx.store(name)?;
                store.clear().await?;
                // Batches, each awaited: the browser gets control between them, so a large
                // workspace never freezes the page for the whole write. Awaiting the
                // transaction's own requests keeps it open.
                let mut values = values.into_iter().peekable();
                while values.peek().is_some() {
                    let batch: Vec<JsValue> = values.by_ref().take(500).collect();
                    store.put_all(batch.into_iter().map(|v| (v, None))).await?;
                }
            }
            Ok::<(), StoreError>(())
        }
        .await;
        match result {
            Ok(()) => {
                tx.done().await?;
                Ok(())
            }
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    /// Writes one record in a transaction of its own (`key` for stores without a key path).
    async fn put_one(&self, store: &str, value: &JsValue, key: Option<&JsValue>) -> Result<(), StoreError> {
        let tx = self.transaction(&[store], TransactionMode::ReadWrite)?;
        tx.store(store)?.put(value, key).await?;
        tx.done().await?;
        Ok(())
    }

    pub async fn put_account(&self, account: &Account) -> Result<(), StoreError> {
        self.put_one(ACCOUNTS, &to_js(account)?, None).await
    }

    /// Changes one account, and with it (for a promotion to key status) its dossier, inside one
    /// transaction: both are read as stored, changed and written back, so quick successive
    /// changes (two fields tabbed through, a decision while typing is saved) never undo each
    /// other. Returns what was stored.
    pub async fn update_account(
        &self,
        id: &str,
        change: impl FnOnce(&mut Account),
        dossier_change: Option<DossierChange>,
    ) -> Result<(Account, Option<Dossier>), StoreError> {
        let stores: &[&str] = if dossier_change.is_some() { &[ACCOUNTS, DOSSIERS] } else { &[ACCOUNTS] };
        let tx = self.transaction(stores, TransactionMode::ReadWrite)?;
        let accounts = tx.store(ACCOUNTS)?;
        let mut account = match accounts.get(JsValue::from_str(id)).await? {
            Some(v) if !v.is_undefined() => from_js::<Account>(v)?,
            _ => return Err(StoreError::AccountGone),
        };
        change(&mut account);
        account.id = id.to_string();
        accounts.put(&to_js(&account)?, None).await?;
        let dossier = match dossier_change {
            Some(change) => Some(change_stored_dossier(&tx, id, change).await?),
            None => None,
        };
        tx.done().await?;
        Ok((account, dossier))
    }

    /// Changes the programme settings inside one transaction: reads the stored programme,
    /// applies `change`, writes it back, unless `change` refuses (then nothing is written).
    /// Two changes made in quick succession each apply to the other's result, where saving a
    /// whole programme read earlier would undo the first.
    pub async fn update_programme(
        &self,
        change: impl FnOnce(&mut Programme) -> Result<(), Vec<ProgrammeProblem>>,
    ) -> Result<Programme, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadWrite)?;
        let store = tx.store(META)?;
        let key = JsValue::from_str(PROGRAMME_KEY);
        let mut programme = match store.get(key.clone()).await? {
            Some(v) if !v.is_undefined() => from_js::<Programme>(v)?,
            _ => Programme::default(),
        };
        change(&mut programme).map_err(StoreError::ChangeRefused)?;
        store.put(&to_js(&programme)?, Some(&key)).await?;
        tx.done().await?;
        Ok(programme)
    }

    /// Changes one dossier inside one transaction: reads the stored record, applies `change`,
    /// writes it back. Two tabs changing different fields of the same dossier at the same moment
    /// both keep their change (IndexedDB runs the two transactions one after the other).
    pub async fn update_dossier(
        &self,
        account_id: &str,
        change: impl FnOnce(&mut Dossier),
    ) -> Result<Dossier, StoreError> {
        let tx = self.transaction(&[DOSSIERS], TransactionMode::ReadWrite)?;
        let d = change_stored_dossier(&tx, account_id, change).await?;
        tx.done().await?;
        Ok(d)
    }

    /// Keeps a copy of the workspace (as a KAM Planner file) before it is replaced, so that a
    /// replace can be undone even after a reload. One snapshot is kept: the last.
    pub async fn save_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        self.put_one(META, &to_js(snapshot)?, Some(&JsValue::from_str(SNAPSHOT_KEY))).await
    }

    pub async fn load_snapshot(&self) -> Result<Option<Snapshot>, StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadOnly)?;
        let value = tx.store(META)?.get(JsValue::from_str(SNAPSHOT_KEY)).await?;
        tx.done().await?;
        value.filter(|v| !v.is_undefined()).map(from_js).transpose()
    }

    pub async fn delete_snapshot(&self) -> Result<(), StoreError> {
        let tx = self.transaction(&[META], TransactionMode::ReadWrite)?;
        tx.store(META)?.delete(JsValue::from_str(SNAPSHOT_KEY)).await?;
        tx.done().await?;
        Ok(())
    }

    /// Saves a snapshot the user named ("after the March workshop"); returns its key (the time
    /// it was taken, so that keys sort oldest first).
    pub async fn save_named_snapshot(&self, snapshot: &Snapshot) -> Result<String, StoreError> {
        let key = format!("{:016}", crate::browser::epoch_ms() as u64);
        self.put_one(SNAPSHOTS, &to_js(snapshot)?, Some(&JsValue::from_str(&key))).await?;
        Ok(key)
    }

    /// The named snapshots, oldest first, with their keys.
    pub async fn named_snapshots(&self) -> Result<Vec<(String, Snapshot)>, StoreError> {
        let tx = self.transaction(&[SNAPSHOTS], TransactionMode::ReadOnly)?;
        let pairs = tx.store(SNAPSHOTS)?.scan(None, None, None, None).await?;
        tx.done().await?;
        pairs.into_iter().map(|(k, v)| Ok((k.as_string().unwrap_or_default(), from_js(v)?))).collect()
    }

    pub async fn delete_named_snapshot(&self, key: &str) -> Result<(), StoreError> {
        let tx = self.transaction(&[SNAPSHOTS], TransactionMode::ReadWrite)?;
        let store = tx.store(SNAPSHOTS)?;
        if store.get(JsValue::from_str(key)).await?.is_none_or(|v| v.is_undefined()) {
            return Err(StoreError::NoSuchSnapshot);
        }
        store.delete(JsValue::from_str(key)).await?;
        tx.done().await?;
        Ok(())
    }

    /// Number of records per store, for diagnostics and tests.
    pub async fn counts(&self) -> Result<Vec<(&'static str, u32)>, StoreError> {
        let tx = self.transaction(&ALL_STORES, TransactionMode::ReadOnly)?;
        let mut out = Vec::new();
        for name in ALL_STORES {
            out.push((name, tx.store(name)?.count(None).await?));
        }
        tx.done().await?;
        Ok(out)
    }

    /// Closes the connection (as dropping does).
    pub fn close(self) {
        drop(self);
    }
}
