//! Words for people: every sentence the app shows is made here from the facts `kam-core` returns
//! (typed findings, reminders, checks, warnings and errors), one module per area, so that each
//! area can be read, reviewed and translated in one place. Pages call these functions; they do
//! not write sentences about the model themselves.
//!
//! Each module's tests keep the English wording of a few facts, so a change of words is a
//! deliberate edit here and never breaks a scoring test in the core.

pub mod accounts;
pub mod aftersale;
pub mod brief;
pub mod choices;
pub mod decisions;
pub mod demo;
pub mod exchange;
pub mod guide;
pub mod health;
pub mod merge;
pub mod programme;
pub mod reminders;
pub mod roles;
pub mod segmentation;
pub mod share;
pub mod store;
pub mod targets;
pub mod text;
pub mod xlsx;
