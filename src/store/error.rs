//! What can go wrong with the browser's storage, as facts: the words are in
//! `ui::words::store`, so that the store says what happened and the UI says it to people.

/// Why a read or write of the stored workspace failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage quota is used up.
    QuotaExceeded,
    /// The connection was found closed: a newer release's upgrade in another tab closes it
    /// (rexie's builder closes it on `versionchange`, so that the upgrade is not blocked), or the
    /// browser did.
    Closed,
    /// This page gave its connection up to a newer version of the app in another tab.
    Superseded,
    /// IndexedDB refuses outright: a private window, or storage blocked for this site.
    Unavailable,
    /// Any other refusal of the browser; `detail` is its exception as rexie reports it, shortened.
    Refused { detail: String },
    /// The database could not be opened (`detail`: rexie's message).
    OpenFailed { detail: String },
    /// A stored record does not read as the model (`detail`: serde's or the browser's message).
    Unreadable { detail: String },
    /// An account's stored order history does not read.
    UnreadableHistory { detail: String },
    /// A record could not be turned into a JavaScript value for storing.
    NotPrepared { detail: String },
    /// Order lines could not be written as JSON (serde's message).
    NotSerialised { detail: String },
    /// The account to change is no longer stored (removed in another tab?).
    AccountGone,
    /// The named snapshot to delete is not stored.
    NoSuchSnapshot,
    /// The caller's change refused itself, with the caller's own words (nothing was written).
    ChangeRefused(Vec<kam_core::model::ProgrammeProblem>),
}

/// How many characters of the browser's exception a refusal keeps: enough to name it, short
/// enough for a banner.
const DETAIL_CHARS: usize = 160;

impl From<rexie::Error> for StoreError {
    fn from(e: rexie::Error) -> Self {
        // rexie's Display says only "idb error"; the browser's own exception (its name says
        // what happened) is in the Debug form, which is what is sorted here, once.
        let detail = format!("{e:?}");
        if detail.contains("QuotaExceeded") || detail.contains("quota") {
            StoreError::QuotaExceeded
        } else if detail.contains("InvalidStateError") {
            // Opening maps its own errors (`Repository::open`); after that, this means the
            // connection was closed.
            StoreError::Closed
        } else if detail.contains("UnknownError") {
            StoreError::Unavailable
        } else {
            StoreError::Refused { detail: detail.chars().take(DETAIL_CHARS).collect() }
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Unreadable { detail: e.to_string() }
    }
}

impl StoreError {
    /// Opening failed: told apart from a failure on an open connection (where the same
    /// exception names mean something else).
    pub fn opening(e: rexie::Error) -> Self {
        StoreError::OpenFailed { detail: e.to_string() }
    }
}
