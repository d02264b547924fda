//! The Leptos app: shell, routes, pages and shared widgets.

mod app;
mod components;
mod format;
mod markup;
mod pages;
mod state;
pub mod words;

pub use app::App;
pub use format::{money, percent};
