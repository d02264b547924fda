//! Words for the meeting brief: what convinces each role of the decision-making unit, the brief's
//! headings and its preparation form.

use crate::i18n::{fmt, tr, tr_args};
use chrono::NaiveDate;
use kam_core::analysis::brief::Convinces;

/// What convinces a role, in a line.
pub fn convinces(c: Convinces) -> &'static str {
    match c {
        Convinces::StatusAndExclusivity => {
            tr("Status and exclusivity: show you know their company's standing and offer terms no one else gets.")
        }
        Convinces::ReferencesAndRelationships => {
            tr("References and relationships: similar projects at known companies, and people ready to recommend us.")
        }
        Convinces::FiguresAndDetail => {
            tr("Figures and detail: statistics and the result of working together, in numbers.")
        }
        Convinces::EverydayUse => tr("Everyday use: how it makes their daily work easier."),
    }
}

/// The mark on what the articles do not say (the app's own addition).
pub fn own_addition(c: Convinces) -> Option<&'static str> {
    (!c.from_article()).then(|| tr("(the app's own suggestion)"))
}

pub fn title(meeting: &str) -> String {
    tr_args("Meeting brief: {title}", &[("title", &meeting)])
}

/// The brief's line under its title: the account, the day and who the meeting is with.
pub fn subtitle(account: &str, day: Option<NaiveDate>, with: &str) -> String {
    let day = day.map_or_else(|| "—".to_string(), fmt::date);
    if with.trim().is_empty() {
        tr_args("{account} · next on {day}", &[("account", &account), ("day", &day)])
    } else {
        tr_args(
            "{account} · next on {day} · with {with}",
            &[("account", &account), ("day", &day), ("with", &with.trim())],
        )
    }
}

fn due(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| tr("no date").to_string(), |d| tr_args("due {day}", &[("day", &fmt::date(d))]))
}

/// An open action or promise as the brief lists it: "text · due day · owner" (no owner, no part).
pub fn open_item(text: &str, due_on: Option<NaiveDate>, owner: &str) -> String {
    let owner = owner.trim();
    let owner = if owner.is_empty() { String::new() } else { format!(" · {owner}") };
    format!("{} · {}{owner}", text.trim(), due(due_on))
}

pub const KICKER: &str = "Meeting brief";
pub const PREPARE: &str = "Prepare the meeting";
pub const PREPARE_NOTE: &str = "Tick who attends from the decision-making unit and note what to ask and bring. The brief below follows, and prints on one page.";
pub const WHO_ATTENDS: &str = "Who attends";
pub const NO_PEOPLE: &str = "No one in the decision-making unit is recorded yet: add people in the dossier.";
pub const NO_ATTENDEES: &str = "No attendee ticked yet.";
pub const QUESTIONS: &str = "Questions to ask";
pub const IDEAS: &str = "Ideas to bring";
pub const OPEN_ACTIONS: &str = "Open actions";
pub const OPEN_PROMISES: &str = "Open promises";
pub const RECENT_COMPLAINTS: &str = "Recent and open complaints";
pub const WHAT_CONVINCES: &str = "What convinces";
pub const NONE: &str = "None.";
pub const NO_PERSONAL: &str = "Personal details of contacts are not on the brief.";
pub const NOT_FOUND: &str = "This meeting is not in the account's plan any more.";
pub const BRIEF_LINK: &str = "Brief";
