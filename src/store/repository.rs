//! The workspace in IndexedDB: the app's one shared connection and every read and write of
//! the stored workspace, each in a transaction of its own.

use kam_core::merge::records::{merge_workspaces, Merged, Touched};
use kam_core::merge::workspace::{dossier_value, records, upgrade_history_record, RecordKey};
use kam_core::merge::{Choice, Path, StampedDoc};
use kam_core::model::{
    restore, restore_dossier, restore_programme, Account, AccountHistory, Dossier, MonthTotal, Programme,
    ProgrammeProblem, Stored, Workspace,
};
use rexie::{Rexie, TransactionMode};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;

use super::channel::announce_opening_at;
use super::error::StoreError;
use super::records::{from_js, to_js, HistoryRecord, Snapshot};
use super::schema::{
    open_database, ACCOUNTS, ALL_STORES, DB_NAME, DOSSIERS, HISTORY, META, PROGRAMME_KEY, SCHEMA_VERSION, SEEN_KEY,
    SNAPSHOT_KEY, STAMPS,
};
mod snapshots;
mod upgrades;

use super::stamps::{doc_to_js, now_ms, parse_doc, parse_seen, seen_to_js, with_clock, Recorder};

/// A change to apply to a dossier as stored.
pub type DossierChange = Box<dyn FnOnce(&mut Dossier)>;

/// Reads an account's dossier inside `tx` (a new one if there is none), applies `change` and
/// writes it back; returns what was written.
async fn change_stored_dossier(
    tx: &rexie::Transaction,
    account_id: &str,
    change: impl FnOnce(&mut Dossier),
    recorder: &mut Recorder,
) -> Result<Dossier, StoreError> {
    let store = tx.store(DOSSIERS)?;
    let mut d = match store.get(JsValue::from_str(account_id)).await? {
        Some(v) if !v.is_undefined() => restore_dossier(from_js::<Dossier>(v)?),
        _ => Dossier::new(account_id),
    };
    change(&mut d);
    d.account_id = account_id.to_string();
    store.put(&to_js(&d)?, None).await?;
    recorder.record(tx, &RecordKey::Dossier(account_id.to_string()), &dossier_value(&d)).await?;
    Ok(d)
}

/// How a replace gets its stamps.
pub enum Stamps {
    /// Exactly these (an undo puts back the stamps it had; a replace by a file takes the file's).
    Exactly(StampedDoc),
    /// Recorded as an edit against what is stored: whatever the new workspace changes is new.
    Recorded,
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    kam_core::merge::workspace::to_value(value)
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
        let unreadable = |e: serde_json::Error| StoreError::UnreadableHistory { detail: e.to_string() };
        let mut of_lines = false;
        for h in history {
            let record: HistoryRecord = from_js(h)?;
            let months: Vec<MonthTotal> = match (record.months, record.lines) {
                (Some(months), _) => serde_json::from_str(&months).map_err(unreadable)?,
                (None, Some(lines)) => {
                    // Each order line reads as a month of its own; the restore adds them up.
                    of_lines = true;
                    serde_json::from_str(&lines).map_err(unreadable)?
                }
                (None, None) => Vec::new(),
            };
            stored.history.push(AccountHistory { account_id: record.account_id, months });
        }
        for d in dossiers {
            stored.dossiers.push(from_js::<Dossier>(d)?);
        }
        kam_core::model::sort_accounts(&mut stored.accounts);
        // Older records (people without ids, free-text roles) are made whole by the one
        // restore; the stores' keys rule out the duplicates it reports, and anything else it
        // reports is kept as stored.
        let ws = restore(stored).workspace;
        if of_lines {
            self.keep_history_as_months(&ws).await?;
        }
        self.stamp_unstamped(&ws).await?;
        Ok(ws)
    }

    /// The workspace's stamped document, as stored: every record's stamps and what it has seen.
    pub async fn document(&self) -> Result<StampedDoc, StoreError> {
        let tx = self.transaction(&[STAMPS, META], TransactionMode::ReadOnly)?;
        let doc = read_document(&tx).await?;
        tx.done().await?;
        Ok(doc)
    }

    /// Replaces the whole stored workspace in one transaction: either all of it is written or,
    /// on any error, nothing changes. What changed gets new stamps.
    pub async fn replace(&self, ws: &Workspace) -> Result<(), StoreError> {
        self.replace_keeping(ws, Stamps::Recorded, None).await.map(|_| ())
    }

    /// Replaces the whole stored workspace with `ws` and its stamps, and, when `snapshot` is
    /// given, keeps it (the workspace before, written with the stamps it had) as the automatic
    /// snapshot — all in one transaction: either all of it is written or, on any error, nothing
    /// changes. Returns the stamps the workspace had before.
    pub async fn replace_keeping(
        &self,
        ws: &Workspace,
        stamps: Stamps,
        snapshot: Option<&dyn Fn(&StampedDoc) -> Snapshot>,
    ) -> Result<(StampedDoc, Option<Snapshot>), StoreError> {
        let prepared = prepare(ws).await?;
        let tx = self.transaction(&ALL_STORES, TransactionMode::ReadWrite)?;
        let result = async {
            let before = read_document(&tx).await?;
            let kept = snapshot.map(|make| make(&before));
            if let Some(snapshot) = &kept {
                tx.store(META)?.put(&to_js(snapshot)?, Some(&JsValue::from_str(SNAPSHOT_KEY))).await?;
            }
            let after = match stamps {
                Stamps::Exactly(doc) => doc,
                Stamps::Recorded => record_all(&before, ws),
            };
            write_records(&tx, prepared).await?;
            write_document(&tx, &after).await?;
            Ok::<_, StoreError>((before, kept))
        }
        .await;
        finish_with(tx, result).await
    }

    /// Merges a file's document into the stored workspace, in one transaction: reads the stored
    /// stamps, merges field by field with the user's `choices` for conflicts, keeps the
    /// workspace before as the automatic snapshot (made by `snapshot` from the stamps it had),
    /// and writes the records the merge changes with their stamps. All or nothing. `local_ws` is
    /// the workspace as loaded (moved in: the merged workspace is made from it); records the file
    /// does not change are neither read again nor written. `previewed` is what the preview found,
    /// used while the stored document is still the one it previewed. Returns the merge and the
    /// stamps before it (for an undo).
    pub async fn merge_file(
        &self,
        local_ws: Workspace,
        remote: &StampedDoc,
        choices: &BTreeMap<Path, Choice>,
        previewed: Option<&Touched>,
        snapshot: &dyn Fn(&Workspace, &StampedDoc) -> Snapshot,
    ) -> Result<(Merged, StampedDoc, Snapshot), StoreError> {
        let tx = self.transaction(&ALL_STORES, TransactionMode::ReadWrite)?;
        let result = async {
            let before = read_document(&tx).await?;
            let kept = snapshot(&local_ws, &before);
            let merged =
                with_clock(|clock| merge_workspaces(local_ws, &before, remote, choices, previewed, clock, now_ms()))
                    .map_err(|e| StoreError::Unreadable { detail: e.detail })?;
            tx.store(META)?.put(&to_js(&kept)?, Some(&JsValue::from_str(SNAPSHOT_KEY))).await?;
            write_merged(&tx, &merged).await?;
            Ok::<_, StoreError>((merged, before, kept))
        }
        .await;
        finish_with(tx, result).await
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
        let result = write_records(&tx, Prepared { accounts, history, dossiers, programme }).await;
        finish(tx, result).await
    }

    /// Writes one record in a transaction of its own (`key` for stores without a key path).
    async fn put_one(&self, store: &str, value: &JsValue, key: Option<&JsValue>) -> Result<(), StoreError> {
        let tx = self.transaction(&[store], TransactionMode::ReadWrite)?;
        tx.store(store)?.put(value, key).await?;
        tx.done().await?;
        Ok(())
    }

    pub async fn put_account(&self, account: &Account) -> Result<(), StoreError> {
        let tx = self.transaction(&[ACCOUNTS, STAMPS, META], TransactionMode::ReadWrite)?;
        tx.store(ACCOUNTS)?.put(&to_js(account)?, None).await?;
        let mut recorder = Recorder::new();
        recorder.record(&tx, &RecordKey::Account(account.id.clone()), &json(account)).await?;
        recorder.finish(&tx).await?;
        tx.done().await?;
        Ok(())
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
        let stores: &[&str] =
            if dossier_change.is_some() { &[ACCOUNTS, DOSSIERS, STAMPS, META] } else { &[ACCOUNTS, STAMPS, META] };
        let tx = self.transaction(stores, TransactionMode::ReadWrite)?;
        let accounts = tx.store(ACCOUNTS)?;
        let mut account = match accounts.get(JsValue::from_str(id)).await? {
            Some(v) if !v.is_undefined() => from_js::<Account>(v)?,
            _ => return Err(StoreError::AccountGone),
        };
        change(&mut account);
        account.id = id.to_string();
        accounts.put(&to_js(&account)?, None).await?;
        let mut recorder = Recorder::new();
        recorder.record(&tx, &RecordKey::Account(id.to_string()), &json(&account)).await?;
        let dossier = match dossier_change {
            Some(change) => Some(change_stored_dossier(&tx, id, change, &mut recorder).await?),
            None => None,
        };
        recorder.finish(&tx).await?;
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
        let tx = self.transaction(&[META, STAMPS], TransactionMode::ReadWrite)?;
        let store = tx.store(META)?;
        let key = JsValue::from_str(PROGRAMME_KEY);
        let mut programme = match store.get(key.clone()).await? {
            // Read as a restore reads it (old default names become presets), so that the change
            // applies to what the page shows.
            Some(v) if !v.is_undefined() => restore_programme(from_js::<Programme>(v)?),
            _ => Programme::default(),
        };
        change(&mut programme).map_err(StoreError::ChangeRefused)?;
        store.put(&to_js(&programme)?, Some(&key)).await?;
        let mut recorder = Recorder::new();
        recorder.record(&tx, &RecordKey::Programme, &json(&programme)).await?;
        recorder.finish(&tx).await?;
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
        let tx = self.transaction(&[DOSSIERS, STAMPS, META], TransactionMode::ReadWrite)?;
        let mut recorder = Recorder::new();
        let d = change_stored_dossier(&tx, account_id, change, &mut recorder).await?;
        recorder.finish(&tx).await?;
        tx.done().await?;
        Ok(d)
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

/// Records serialised for a replace, before its transaction opens (a transaction commits as
/// soon as control returns to the event loop with no request pending).
struct Prepared {
    accounts: Vec<JsValue>,
    history: Vec<JsValue>,
    dossiers: Vec<JsValue>,
    programme: Option<JsValue>,
}

fn history_record(id: &str, months: &[MonthTotal]) -> Result<JsValue, StoreError> {
    let months = serde_json::to_string(months).map_err(|e| StoreError::NotSerialised { detail: e.to_string() })?;
    to_js(&HistoryRecord { account_id: id.to_string(), months: Some(months), lines: None })
}

/// [`Prepared`] of a workspace, a large history in chunks, yielding to the page between them.
async fn prepare(ws: &Workspace) -> Result<Prepared, StoreError> {
    let accounts = ws.accounts().iter().map(to_js).collect::<Result<Vec<_>, _>>()?;
    let mut history = Vec::with_capacity(ws.histories().len());
    let mut chunk_start = crate::browser::now_ms();
    for (id, months) in ws.histories() {
        history.push(history_record(id, months)?);
        if crate::browser::now_ms() - chunk_start > 30.0 {
            crate::browser::next_tick().await;
            chunk_start = crate::browser::now_ms();
        }
    }
    let dossiers = ws.dossiers().iter().map(to_js).collect::<Result<Vec<_>, _>>()?;
    Ok(Prepared { accounts, history, dossiers, programme: Some(to_js(&ws.programme)?) })
}

/// Clears the three record stores and writes `p` (and the programme) inside `tx`.
async fn write_records(tx: &rexie::Transaction, p: Prepared) -> Result<(), StoreError> {
    if let Some(programme) = &p.programme {
        tx.store(META)?.put(programme, Some(&JsValue::from_str(PROGRAMME_KEY))).await?;
    }
    for (name, values) in [(ACCOUNTS, p.accounts), (HISTORY, p.history), (DOSSIERS, p.dossiers)] {
        let store = tx.store(name)?;
        store.clear().await?;
        // Batches, each awaited: the browser gets control between them, so a large workspace
        // never freezes the page for the whole write. Awaiting the transaction's own requests
        // keeps it open.
        let mut values = values.into_iter().peekable();
        while values.peek().is_some() {
            let batch: Vec<JsValue> = values.by_ref().take(500).collect();
            store.put_all(batch.into_iter().map(|v| (v, None))).await?;
        }
    }
    Ok(())
}

/// The stored document, read inside `tx` (which includes `stamps` and `meta`).
async fn read_document(tx: &rexie::Transaction) -> Result<StampedDoc, StoreError> {
    let pairs = tx.store(STAMPS)?.scan(None, None, None, None).await?;
    let seen = parse_seen(tx.store(META)?.get(JsValue::from_str(SEEN_KEY)).await?.filter(|v| !v.is_undefined()))?;
    let mut records = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        if let Some(key) = key.as_string().as_deref().and_then(RecordKey::from_store_key) {
            let mut doc = parse_doc(value)?;
            if matches!(key, RecordKey::History(_)) {
                // Stamps kept before monthly totals (schema 3) hold each month's order lines.
                upgrade_history_record(&mut doc);
            }
            records.push((key, doc));
        }
    }
    Ok(StampedDoc::from_records(records, seen))
}

/// Writes `doc` as the stored stamps inside `tx`: every record's, and what it has seen.
async fn write_document(tx: &rexie::Transaction, doc: &StampedDoc) -> Result<(), StoreError> {
    let store = tx.store(STAMPS)?;
    store.clear().await?;
    let mut batch = Vec::new();
    for (key, sub) in doc.records() {
        batch.push((doc_to_js(&sub)?, Some(JsValue::from_str(&key.store_key()))));
        if batch.len() == 500 {
            store.put_all(std::mem::take(&mut batch).into_iter()).await?;
        }
    }
    if !batch.is_empty() {
        store.put_all(batch.into_iter()).await?;
    }
    tx.store(META)?.put(&seen_to_js(&doc.seen)?, Some(&JsValue::from_str(SEEN_KEY))).await?;
    Ok(())
}

/// The records a merge changed, their stamps and what the document has seen, inside `tx`.
async fn write_merged(tx: &rexie::Transaction, merged: &Merged) -> Result<(), StoreError> {
    let ws = &merged.workspace;
    let stamps = tx.store(STAMPS)?;
    for (key, sub) in &merged.records {
        match key {
            RecordKey::Account(id) => {
                if let Some(a) = ws.account(id) {
                    tx.store(ACCOUNTS)?.put(&to_js(a)?, None).await?;
                }
            }
            RecordKey::Dossier(id) => {
                if let Some(d) = ws.dossier(id) {
                    tx.store(DOSSIERS)?.put(&to_js(d)?, None).await?;
                }
            }
            RecordKey::History(id) => {
                if let Some(months) = ws.history(id) {
                    tx.store(HISTORY)?.put(&history_record(id, months)?, None).await?;
                }
            }
            RecordKey::Programme => {
                tx.store(META)?.put(&to_js(&ws.programme)?, Some(&JsValue::from_str(PROGRAMME_KEY))).await?;
            }
        }
        stamps.put(&doc_to_js(sub)?, Some(&JsValue::from_str(&key.store_key()))).await?;
    }
    tx.store(META)?.put(&seen_to_js(&merged.seen)?, Some(&JsValue::from_str(SEEN_KEY))).await?;
    Ok(())
}

/// `before` with every record of `ws` recorded as an edit. The stamps of records `ws` lacks are
/// dropped, not turned into deletions: a replace that drops an account does not delete it from
/// the copies it was sent to (a later merge of their file brings it back, as merging never
/// removes what only one side has).
fn record_all(before: &StampedDoc, ws: &Workspace) -> StampedDoc {
    let keep: std::collections::HashSet<RecordKey> = records(ws).into_iter().map(|(k, _)| k).collect();
    let kept = before.records().into_iter().filter(|(k, _)| keep.contains(k));
    let mut doc = StampedDoc::from_records(kept, before.seen.clone());
    let now = now_ms();
    with_clock(|clock| {
        for (key, value) in records(ws) {
            let path = key.path();
            let mut sub = doc.subtree(&path);
            if let Some(stamp) = sub.record_record(&value, clock, now) {
                doc.graft(&path, &sub);
                doc.note_seen(&stamp);
            }
        }
    });
    doc
}

/// Commits `tx` when `result` is `Ok`, else aborts it (nothing written).
async fn finish(tx: rexie::Transaction, result: Result<(), StoreError>) -> Result<(), StoreError> {
    finish_with(tx, result).await
}

async fn finish_with<T>(tx: rexie::Transaction, result: Result<T, StoreError>) -> Result<T, StoreError> {
    match result {
        Ok(value) => {
            tx.done().await?;
            Ok(value)
        }
        Err(e) => {
            let _ = tx.abort().await;
            Err(e)
        }
    }
}
