//! Widgets shared by several pages.

mod add_account;
mod banners;
pub mod changes;
mod download;
mod empty;
mod file_drop;
mod guide_link;
mod import;
mod label_layout;
mod matrix;
mod movement;
mod pareto;
mod portfolio_matrix;
mod segmentation_controls;
mod share;
mod snapshots;

pub use add_account::AddAccountForm;
pub use banners::Banners;
pub use download::{download_blob, download_text};
pub use empty::{DemoButton, EmptyState};
pub use file_drop::{read_bytes, FileDrop};
pub use guide_link::{guide_link, guide_refs};
pub use import::ImportPanel;
pub use matrix::{Matrix, MatrixFilter};
pub use movement::MovementPanel;
pub use pareto::ParetoChart;
pub use portfolio_matrix::PortfolioMatrix;
pub use segmentation_controls::{MeasureSelect, PeriodSelect};
pub use share::{ExportControls, ImportFileControls};
pub use snapshots::Snapshots;
