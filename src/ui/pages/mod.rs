//! One module per screen.

mod dossier;
mod key_accounts;
mod not_found;
mod portfolio;
mod programme;
mod programme_settings;
mod settings;

pub use dossier::DossierPage;
pub use key_accounts::KeyAccountsPage;
pub use not_found::NotFound;
pub use portfolio::PortfolioPage;
pub use programme::ProgrammePage;
pub use settings::SettingsPage;
