//! Change stamps in the store: every record's registers beside it (store `stamps`, keyed by
//! `RecordKey::store_key`: `account/<id>`, `dossier/<id>`, `history/<id>`, `programme`), what
//! the workspace has seen (`meta` / `seen`), and this browser's clock.
//!
//! Every write of a record records its new value against its stamps in the same transaction
//! ([`Recorder`]), so an edit gets its stamp without any page knowing of stamps, and two tabs
//! writing the same record one after the other (IndexedDB runs their transactions in turn) give
//! the later write the greater stamp: the clock first observes the record's stamps.
//!
//! One device id per browser profile (local storage): the tabs of one browser are one replica
//! of the workspace, sharing one store.

use gloo_storage::{LocalStorage, Storage};
use kam_core::merge::workspace::RecordKey;
use kam_core::merge::{Clock, Stamp, StampedDoc};
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

use super::error::StoreError;
use super::schema::{META, SEEN_KEY, STAMPS};

const DEVICE_KEY: &str = "kam-planner.device.v1";

thread_local! {
    static CLOCK: RefCell<Option<Clock>> = const { RefCell::new(None) };
}

/// This browser's device id: made once (random), kept in local storage.
pub fn device_id() -> String {
    if let Ok(id) = LocalStorage::get::<String>(DEVICE_KEY) {
        if !id.is_empty() {
            return id;
        }
    }
    let id: String = (0..10)
        .map(|_| {
            let n = (js_sys::Math::random() * 36.0) as u32;
            char::from_digit(n.min(35), 36).unwrap_or('0')
        })
        .collect();
    let _ = LocalStorage::set(DEVICE_KEY, &id);
    id
}

/// Runs `f` with this tab's clock (made on first use, for this browser's device).
pub fn with_clock<R>(f: impl FnOnce(&mut Clock) -> R) -> R {
    CLOCK.with(|c| f(c.borrow_mut().get_or_insert_with(|| Clock::new(device_id()))))
}

pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// A seed for the ids of list items added now: unique per device and moment.
pub fn fresh_id_seed() -> String {
    let stamp = with_clock(|c| c.tick(now_ms()));
    format!(
        "{}{}{}",
        stamp.device,
        radix36(stamp.wall_ms),
        if stamp.counter > 0 { format!("-{}", stamp.counter) } else { String::new() }
    )
}

fn radix36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

pub(super) fn parse_doc(value: JsValue) -> Result<StampedDoc, StoreError> {
    match value.as_string() {
        Some(text) => Ok(serde_json::from_str(&text)?),
        None => Ok(StampedDoc::new()),
    }
}

pub(super) fn doc_to_js(doc: &StampedDoc) -> Result<JsValue, StoreError> {
    /// A record's stamps without the workspace-wide `seen` (kept once, in `meta`).
    #[derive(serde::Serialize)]
    struct Entries<'a> {
        entries: &'a BTreeMap<kam_core::merge::Path, kam_core::merge::Entry>,
    }
    let text = serde_json::to_string(&Entries { entries: &doc.entries })
        .map_err(|e| StoreError::NotSerialised { detail: e.to_string() })?;
    Ok(JsValue::from_str(&text))
}

pub(super) fn parse_seen(value: Option<JsValue>) -> Result<BTreeMap<String, Stamp>, StoreError> {
    match value.and_then(|v| v.as_string()) {
        Some(text) => Ok(serde_json::from_str(&text)?),
        None => Ok(BTreeMap::new()),
    }
}

pub(super) fn seen_to_js(seen: &BTreeMap<String, Stamp>) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(seen).map_err(|e| StoreError::NotSerialised { detail: e.to_string() })?;
    Ok(JsValue::from_str(&text))
}

/// Records the edits of one transaction: each record's new value against its stored stamps,
/// then (once, in [`Recorder::finish`]) the workspace's `seen`. The transaction must include the
/// `stamps` and `meta` stores.
pub(super) struct Recorder {
    newest: Option<Stamp>,
}

impl Recorder {
    pub(super) fn new() -> Recorder {
        Recorder { newest: None }
    }

    /// Records `value` as the new value of `key`.
    pub(super) async fn record(
        &mut self,
        tx: &rexie::Transaction,
        key: &RecordKey,
        value: &serde_json::Value,
    ) -> Result<(), StoreError> {
        let store = tx.store(STAMPS)?;
        let js_key = JsValue::from_str(&key.store_key());
        let mut doc = match store.get(js_key.clone()).await? {
            Some(v) if !v.is_undefined() => parse_doc(v)?,
            _ => StampedDoc::new(),
        };
        let stamp = with_clock(|clock| doc.record_record(value, clock, now_ms()));
        if let Some(stamp) = stamp {
            store.put(&doc_to_js(&doc)?, Some(&js_key)).await?;
            if self.newest.as_ref().is_none_or(|n| stamp > *n) {
                self.newest = Some(stamp);
            }
        }
        Ok(())
    }

    /// Notes the newest stamp recorded in the workspace's `seen`.
    pub(super) async fn finish(self, tx: &rexie::Transaction) -> Result<(), StoreError> {
        let Some(stamp) = self.newest else { return Ok(()) };
        let meta = tx.store(META)?;
        let key = JsValue::from_str(SEEN_KEY);
        let mut seen = parse_seen(meta.get(key.clone()).await?.filter(|v| !v.is_undefined()))?;
        let newer = seen.get(&*stamp.device).is_none_or(|s| stamp > *s);
        if newer {
            seen.insert(stamp.device.to_string(), stamp);
            meta.put(&seen_to_js(&seen)?, Some(&key)).await?;
        }
        Ok(())
    }
}
