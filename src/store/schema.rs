//! The database's layout: its name, its schema version, its stores and the keys of the records
//! kept in the `meta` store, and opening it (which creates or upgrades it).
//!
//! Upgrades: rexie has no migration hook. On a version bump it creates the stores listed here
//! and deletes every store not listed, so every store is declared on every version. Records
//! written by older releases are migrated as they are read: serde's defaults fill the fields
//! they lack, and kam-core's one `restore` (`restore` in `Repository::load`, `restore_dossier`
//! wherever a stored dossier is read to be changed) does the rest, as it does for files and
//! snapshots. Each step is tested against a database laid out as the previous version wrote it
//! (tests/browser).

use rexie::{ObjectStore, Rexie};

use super::error::StoreError;

pub const DB_NAME: &str = "kam-planner";
/// Version 1: accounts, history (one record per account), dossiers, meta.
/// Version 2: adds `snapshots` (named snapshots of the whole workspace). Upgrading keeps every
/// record of version 1 (tested against a database laid out as version 1 wrote it).
/// Version 3: adds `stamps` (each record's change stamps, for the field-level merge) and the
/// workspace's `seen` in `meta`. Records of version 2 get their stamps when first loaded
/// (`Repository::load`), in one transaction (tested against a database laid out by version 2).
///
/// Version 4: a history record holds the account's monthly totals (`months`) instead of its
/// order lines (`lines`). Records of version 3 and before are read as the totals of their lines
/// and rewritten, with their stamps, when first loaded (`Repository::load`), in one transaction
/// (tested against a database laid out by version 3). The stores are unchanged; the version
/// moves so that a tab of an earlier build, which cannot read the new records, is told to reload.
pub const SCHEMA_VERSION: u32 = 4;

pub(super) const ACCOUNTS: &str = "accounts";
pub(super) const HISTORY: &str = "history";
pub(super) const DOSSIERS: &str = "dossiers";
pub(super) const META: &str = "meta";
pub(super) const SNAPSHOTS: &str = "snapshots";
pub(super) const STAMPS: &str = "stamps";
pub(super) const ALL_STORES: [&str; 6] = [ACCOUNTS, HISTORY, DOSSIERS, META, SNAPSHOTS, STAMPS];
/// The workspace's version vector (`StampedDoc::seen`) lives in the meta store under this key.
pub(super) const SEEN_KEY: &str = "seen";

/// The automatic snapshot (taken before a replace) lives in the meta store under this key.
pub(super) const SNAPSHOT_KEY: &str = "snapshot:before-replace";
/// The programme settings (criteria, matrix factors…) live in the meta store under this key.
pub(super) const PROGRAMME_KEY: &str = "programme";

/// Opens (and creates or upgrades) the database `name` at [`SCHEMA_VERSION`]. Every store is
/// declared on every version: rexie deletes the stores an upgrade does not list.
pub(super) async fn open_database(name: &str) -> Result<Rexie, StoreError> {
    Rexie::builder(name)
        .version(SCHEMA_VERSION)
        .add_object_store(ObjectStore::new(ACCOUNTS).key_path("id"))
        .add_object_store(ObjectStore::new(HISTORY).key_path("account_id"))
        .add_object_store(ObjectStore::new(DOSSIERS).key_path("account_id"))
        .add_object_store(ObjectStore::new(META))
        .add_object_store(ObjectStore::new(SNAPSHOTS))
        .add_object_store(ObjectStore::new(STAMPS))
        .build()
        .await
        .map_err(StoreError::opening)
}
