//! KAM Planner, the web app: storage in the browser and the Leptos UI. All rules live in
//! `kam-core`; this crate stores, calls and renders.

pub mod browser;
pub mod crypto;
pub mod file_exchange;
pub mod i18n;
pub mod import_client;
pub mod import_protocol;
pub mod segmentation_export;
pub mod store;
pub mod ui;
