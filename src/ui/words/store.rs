//! Words for what went wrong with the browser's storage.

use crate::i18n::{tr, tr_args};
use crate::store::StoreError;

/// Why a read or write of the stored workspace failed.
pub fn store_error(e: &StoreError) -> String {
    match e {
        StoreError::QuotaExceeded => tr("The browser's storage is full: export a backup, then remove old data.").into(),
        StoreError::Closed => tr("This page lost its connection to the browser's storage, most likely because KAM Planner was updated in another tab. Reload this page to keep working: everything you saved is kept.").into(),
        StoreError::Superseded => tr("KAM Planner was updated in another tab. Reload this page to keep working: everything you saved is kept.").into(),
        StoreError::Unavailable => tr("The browser's storage is not available (private window, or storage blocked for this site).").into(),
        StoreError::Refused { detail } => tr_args("The browser refused to store the data ({detail}).", &[("detail", &detail)]),
        StoreError::OpenFailed { detail } => tr_args("The browser's database could not be opened ({detail}). Private mode or blocked storage?", &[("detail", &detail)]),
        StoreError::Unreadable { detail } => tr_args("Stored data could not be read ({detail}).", &[("detail", &detail)]),
        StoreError::UnreadableHistory { detail } => tr_args("Stored order history could not be read ({detail}).", &[("detail", &detail)]),
        StoreError::NotPrepared { detail } => tr_args("The data could not be prepared for storage ({detail}).", &[("detail", &detail)]),
        StoreError::NotSerialised { detail } => detail.clone(),
        StoreError::AccountGone => tr("This account is no longer stored (removed in another tab?).").into(),
        StoreError::NoSuchSnapshot => tr("There is no such snapshot.").into(),
        StoreError::ChangeRefused(problems) => super::programme::programme_problems(problems).join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The e2e tests (tests/e2e/shell.test.mjs, share.test.mjs) look for parts of these.
    #[test]
    fn storage_failures_in_words() {
        assert_eq!(
            store_error(&StoreError::QuotaExceeded),
            "The browser's storage is full: export a backup, then remove old data."
        );
        assert!(store_error(&StoreError::Superseded)
            .starts_with("KAM Planner was updated in another tab. Reload this page"));
        assert!(store_error(&StoreError::Closed).contains("updated in another tab. Reload this page to keep working"));
        assert_eq!(
            store_error(&StoreError::OpenFailed { detail: "idb error".into() }),
            "The browser's database could not be opened (idb error). Private mode or blocked storage?"
        );
        assert_eq!(
            store_error(&StoreError::Refused { detail: "IdbError(…)".into() }),
            "The browser refused to store the data (IdbError(…))."
        );
        assert_eq!(store_error(&StoreError::NoSuchSnapshot), "There is no such snapshot.");
    }
}
