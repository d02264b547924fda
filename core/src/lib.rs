//! `kam-core`: the KAM Planner's domain, free of any browser or I/O concern.
//!
//! Data flows one way in the app: store → [`model`] → [`analysis`] → UI. Everything here is a
//! pure function of its inputs, so the rules of the KAM model can be read, tested and benchmarked
//! without a browser.

pub mod analysis;
pub mod demo;
pub mod exchange;
pub mod guide;
pub mod merge;
pub mod model;
