//! The stored shapes: accounts, their order history, dossiers and settings.
//!
//! These types are what IndexedDB holds and what the JSON file carries, so field names are
//! part of a contract: rename with a migration, never silently.

mod account;
mod dossier;
mod settings;

pub use account::{normalise_name, Account, AccountHistory, OrderLine, Workspace};
pub use dossier::{Dossier, KeyReason, Person};
pub use settings::{Measure, PeriodLength, SegmentationSettings};
