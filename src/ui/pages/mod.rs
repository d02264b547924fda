//! One module per screen.

mod calendar;
mod dossier;
mod guide;
mod key_accounts;
mod not_found;
mod portfolio;
mod programme;
mod programme_settings;
mod reminders;
mod report;
mod role_views;
mod settings;

pub use calendar::CalendarPage;
pub use dossier::{AccountPlanPage, DossierPage, MeetingBriefPage};
pub use guide::GuidePage;
pub use key_accounts::KeyAccountsPage;
pub use not_found::NotFound;
pub use portfolio::PortfolioPage;
pub use programme::ProgrammePage;
pub use reminders::RemindersPage;
pub use report::ReportPage;
pub use settings::SettingsPage;
