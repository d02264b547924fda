//! The upgrades of stored records that the schema's versions need beyond their stores: run by
//! [`Repository::load`], each once, each in one transaction.

use kam_core::merge::workspace::{records, upgrade_history_record, RecordKey};
use kam_core::merge::{Stamp, StampedDoc};
use kam_core::model::Workspace;
use rexie::TransactionMode;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

use super::super::error::StoreError;
use super::super::records::to_js;
use super::super::schema::{DOSSIERS, HISTORY, META, SEEN_KEY, STAMPS};
use super::super::stamps::{device_id, doc_to_js, parse_doc, parse_seen, seen_to_js, with_clock};
use super::{finish, history_record, Repository};

/// The stamps a record stored before stamps existed gets: its dossier's last change (the end of
/// that day: an edit that day counts as made after anything exported that day), else the
/// beginning of time, as written by this device's upgrade.
fn upgrade_stamp(ws: &Workspace, key: &RecordKey) -> Stamp {
    let wall = match key {
        RecordKey::Dossier(id) => ws
            .dossier(id)
            .and_then(|d| d.updated)
            .and_then(|day| day.and_hms_milli_opt(23, 59, 59, 999))
            .map_or(0, |t| t.and_utc().timestamp_millis().max(0) as u64),
        _ => 0,
    };
    Stamp::new(wall, 0, format!("upgrade:{}", device_id()))
}

impl Repository {
    /// The upgrade to schema 4: histories stored as order lines (by schema 3 and before) are
    /// rewritten as the monthly totals they were read as, and their stamps with them (each month
    /// under its old stamp, see `upgrade_history_months`), in one transaction. Run once: after it
    /// no record holds lines.
    pub(super) async fn keep_history_as_months(&self, ws: &Workspace) -> Result<(), StoreError> {
        let mut records = Vec::with_capacity(ws.histories().len());
        for (id, months) in ws.histories() {
            records.push(history_record(id, months)?);
        }
        let tx = self.transaction(&[HISTORY, STAMPS], TransactionMode::ReadWrite)?;
        let result = async {
            let store = tx.store(HISTORY)?;
            for r in records {
                store.put(&r, None).await?;
            }
            let stamps = tx.store(STAMPS)?;
            for (key, value) in stamps.scan(None, None, None, None).await? {
                let is_history = key
                    .as_string()
                    .as_deref()
                    .and_then(RecordKey::from_store_key)
                    .is_some_and(|k| matches!(k, RecordKey::History(_)));
                let mut doc = parse_doc(value)?;
                if is_history && upgrade_history_record(&mut doc) {
                    stamps.put(&doc_to_js(&doc)?, Some(&key)).await?;
                }
            }
            Ok::<(), StoreError>(())
        }
        .await;
        finish(tx, result).await
    }

    /// The upgrade to schema 3: records stored without stamps (by version 2) get them, and the
    /// dossiers their items' ids, in one transaction (see [`upgrade_stamp`]). Nothing to do
    /// once every record has its stamps.
    pub(super) async fn stamp_unstamped(&self, ws: &Workspace) -> Result<(), StoreError> {
        let tx = self.transaction(&[STAMPS, META], TransactionMode::ReadOnly)?;
        let count = tx.store(STAMPS)?.count(None).await?;
        let seen = parse_seen(tx.store(META)?.get(JsValue::from_str(SEEN_KEY)).await?.filter(|v| !v.is_undefined()))?;
        tx.done().await?;
        with_clock(|c| seen.values().for_each(|s| c.observe(s)));
        if count > 0 || ws.is_empty() {
            return Ok(());
        }
        let mut docs = Vec::new();
        let mut newest: BTreeMap<String, Stamp> = BTreeMap::new();
        for (key, value) in records(ws) {
            let stamp = upgrade_stamp(ws, &key);
            if newest.get(&*stamp.device).is_none_or(|s: &Stamp| stamp > *s) {
                newest.insert(stamp.device.to_string(), stamp.clone());
            }
            docs.push((JsValue::from_str(&key.store_key()), doc_to_js(&StampedDoc::of_record(&value, &stamp))?));
        }
        let dossiers = ws.dossiers().iter().map(to_js).collect::<Result<Vec<_>, _>>()?;
        let tx = self.transaction(&[STAMPS, META, DOSSIERS], TransactionMode::ReadWrite)?;
        let result = async {
            let store = tx.store(STAMPS)?;
            for (key, doc) in docs {
                store.put(&doc, Some(&key)).await?;
            }
            tx.store(META)?.put(&seen_to_js(&newest)?, Some(&JsValue::from_str(SEEN_KEY))).await?;
            let store = tx.store(DOSSIERS)?;
            for d in dossiers {
                store.put(&d, None).await?;
            }
            Ok::<(), StoreError>(())
        }
        .await;
        finish(tx, result).await
    }
}
