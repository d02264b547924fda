//! The snapshots in IndexedDB: the one kept automatically before a replace or a merge, and the
//! ones the user names.

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::super::error::StoreError;
use super::super::records::{from_js, to_js, Snapshot};
use super::super::schema::{META, SNAPSHOTS, SNAPSHOT_KEY};
use super::Repository;

impl Repository {
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
}
