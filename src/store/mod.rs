//! The only code that touches browser storage: IndexedDB (rexie) for the workspace, local
//! storage (gloo-storage) for settings and small preferences.
//!
//! By concern: `schema` (the database's name, version, stores and upgrades), `channel` (what the
//! app's tabs tell each other), `records` (the stored shapes and their passage to and from
//! JavaScript), `repository` (the operations on the stored workspace), `error` (what can go
//! wrong, as facts) and `prefs` (local storage).

mod channel;
mod error;
mod prefs;
mod records;
mod repository;
mod schema;
mod stamps;

pub use channel::{announce_opening_at, listen_for_changes_in_other_tabs, listen_for_newer_versions, tell_other_tabs};
pub use error::StoreError;
pub use prefs::{load_settings, save_settings, Prefs};
pub use records::Snapshot;
pub use repository::{DossierChange, Repository, Stamps};
pub use schema::{DB_NAME, SCHEMA_VERSION};
pub use stamps::{device_id, fresh_id_seed, now_ms, with_clock};
