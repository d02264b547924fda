//! The only code that touches browser storage: IndexedDB (rexie) for the workspace, local
//! storage (gloo-storage) for settings and small preferences.

mod db;
mod error;
mod prefs;

pub use db::{announce_opening_at, listen_for_newer_versions, DossierChange, Repository, Snapshot, DB_NAME, SCHEMA_VERSION};
pub use error::StoreError;
pub use prefs::{load_settings, save_settings, Prefs};
