//! The only code that touches browser storage: IndexedDB (rexie) for the workspace, local
//! storage (gloo-storage) for settings and small preferences.

mod db;
mod prefs;

pub use db::{Repository, Snapshot, StoreError, DB_NAME, SCHEMA_VERSION};
pub use prefs::{load_settings, save_settings, Prefs};
