//! Words for the key accounts page's views per role: the switch between them, *My accounts*,
//! the executive sponsors' groups and the head of key accounts' table.

use crate::i18n::{fmt, tr, tr_args};
use chrono::NaiveDate;
use kam_core::analysis::roles::RoleView;

use super::text::or_default;

/// The name of a view, as its switch shows it.
pub fn view_name(view: &RoleView) -> &'static str {
    match view {
        RoleView::All => tr("All key accounts"),
        RoleView::Manager(_) => tr("My accounts"),
        RoleView::Sponsors => tr("Executive sponsors"),
        RoleView::Head => tr("Head of key accounts"),
    }
}

/// What a view shows, under the switch.
pub fn view_note(view: &RoleView) -> &'static str {
    match view {
        RoleView::All => tr("Every key account of the programme. Switch the view for one manager, the executive sponsors or the head of key accounts; nobody signs in, so any view is a click away in a workshop."),
        RoleView::Manager(_) => tr("The key accounts of one manager. The choice is remembered on this device."),
        RoleView::Sponsors => tr("Each executive sponsor's key accounts, with the last meeting their timelines record and the next one their meeting plans hold."),
        RoleView::Head => tr("A line per key account manager: key accounts, their health, how complete the dossiers are, the skills self-assessment and what is overdue."),
    }
}

pub fn views_label() -> &'static str {
    tr("Views by role")
}

pub fn manager_label() -> &'static str {
    tr("Key account manager")
}

pub fn no_managers() -> &'static str {
    tr("No key account has a manager yet. Name one in each dossier, under General.")
}

pub fn no_accounts_of(manager: &str) -> String {
    tr_args("{name} carries no key account.", &[("name", &manager)])
}

/// A sponsor group's heading; the accounts without a sponsor have one of their own.
pub fn sponsor_heading(sponsor: &str) -> String {
    or_default(sponsor, tr("No executive sponsor yet")).to_string()
}

pub fn manager_name(manager: &str) -> String {
    or_default(manager, tr("No manager yet")).to_string()
}

pub fn last_meeting(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| tr("— none recorded —").to_string(), fmt::date)
}

pub fn next_meeting(next: &Option<(NaiveDate, String)>) -> String {
    match next {
        Some((day, title)) if title.trim().is_empty() => fmt::date(*day),
        Some((day, title)) => format!("{} · {}", fmt::date(*day), title.trim()),
        None => tr("— none planned —").to_string(),
    }
}

pub fn skills_mean(mean: Option<f64>) -> String {
    mean.map_or_else(|| tr("not assessed").to_string(), |m| format!("{} / 5", fmt::number(m, 1)))
}

pub fn lowest(score: u32, account: &str) -> String {
    format!("{score} · {account}")
}

pub const LAST_MEETING: &str = "Last meeting";
pub const NEXT_MEETING: &str = "Next meeting";
pub const HEALTH_MEAN: &str = "Health (mean)";
pub const LOWEST_HEALTH: &str = "Lowest health";
pub const OVERDUE: &str = "Overdue";
pub const SKILLS: &str = "Skills";
pub const DOSSIER: &str = "Dossier";
pub const KEY_ACCOUNTS: &str = "Key accounts";
pub const AT_RISK: &str = "At risk";
pub const MANAGER: &str = "Manager";
pub const ACCOUNT: &str = "Account";
