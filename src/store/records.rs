//! The shapes of the stored records and their passage to and from JavaScript values.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::error::StoreError;

/// The workspace as it was before a replace: a KAM Planner file and when it was taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// What replaced it, for the restore button ("before importing plan.kam.json").
    pub reason: String,
    pub taken_at: String,
    /// The workspace as a KAM Planner file (full, with personal details: it never leaves the browser).
    pub file: String,
}

/// Order lines are kept as one JSON string per account: an account's history is always read
/// whole, and one string is far cheaper to store and load than thousands of small JS objects.
#[derive(Serialize, Deserialize)]
pub(super) struct HistoryRecord {
    pub(super) account_id: String,
    /// The account's monthly totals, as JSON text (schema 4 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) months: Option<String>,
    /// Its order lines, as JSON text: how records were kept before monthly totals. Read and
    /// added up; [`super::repository::Repository::load`] rewrites such records as months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) lines: Option<String>,
}

/// Records go through JSON: plain objects (so that key paths resolve), exactly the shapes the
/// file format uses, and one serde implementation per type in the app instead of two (the wasm
/// is markedly smaller without a second, JS-value deserialiser for every stored type).
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    let text = serde_json::to_string(value)?;
    js_sys::JSON::parse(&text).map_err(|e| StoreError::NotPrepared { detail: format!("{e:?}") })
}

pub(super) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StoreError> {
    let text: String =
        js_sys::JSON::stringify(&value).map_err(|e| StoreError::Unreadable { detail: format!("{e:?}") })?.into();
    Ok(serde_json::from_str(&text)?)
}
