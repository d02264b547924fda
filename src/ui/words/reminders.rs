//! Words for reminders, the calendar export, the annual calendar and the lost-account hint: every
//! sentence made from a [`Reminder`] or a [`CalendarFact`] that `kam-core` returns.

use crate::i18n::{tr, tr_args};
use chrono::NaiveDate;
use kam_core::analysis::rules::{DayMark, ProposalState, TENDER_LEAD_MONTHS};
use kam_core::analysis::{CalendarFact, Reminder, ReminderFact, ReminderKind};
use kam_core::exchange::EventWords;

use super::choices::Words;
use super::text::or_default;

/// Short name of a kind, for the list's "What" column and the calendar file's category.
pub fn kind_label(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::Birthday => tr("Birthday"),
        ReminderKind::ProposalFollowUp => tr("Proposal follow-up"),
        ReminderKind::ProposalValidity => tr("Proposal validity"),
        ReminderKind::ProposalAgreedDate => tr("Agreed call or meeting"),
        ReminderKind::TenderMilestone => tr("Tender"),
        ReminderKind::Meeting => tr("Governance meeting"),
        ReminderKind::OverdueAction => tr("Overdue action"),
        ReminderKind::ActionDue => tr("Action due"),
        ReminderKind::Promise => tr("Promise to the customer"),
        ReminderKind::Lost => tr("Lost account"),
        ReminderKind::WinBack => tr("Win-back"),
        ReminderKind::Development => tr("Development goal"),
    }
}

/// The first line of a text, shortened to `max` characters.
fn first_line(text: &str, max: usize) -> String {
    let line = text.trim().lines().next().unwrap_or("").trim();
    if line.chars().count() > max {
        format!("{}…", line.chars().take(max.saturating_sub(1)).collect::<String>().trim_end())
    } else {
        line.to_string()
    }
}

/// A tender milestone's name and what to do by then, by months before the tender.
fn milestone(months_before: u32) -> (String, String) {
    match months_before {
        TENDER_LEAD_MONTHS => (
            tr("Start preparing the tender").into(),
            tr_args("Preparation starts about {TENDER_LEAD_MONTHS} months ahead: form the bid team, study the requirements and past bids, meet the people who shape the specification.", &[("TENDER_LEAD_MONTHS", &TENDER_LEAD_MONTHS)]),
        ),
        6 => (tr("Tender in 6 months").into(), tr("Check the preparation: requirements understood, references and partners lined up, the decision makers met.").into()),
        3 => (tr("Tender in 3 months").into(), tr("Settle the pricing approach, draft the offer and plan the internal approvals.").into()),
        1 => (tr("Tender in 1 month").into(), tr("Finalise the offer, get it signed off, and check the formal requirements and the submission deadline.").into()),
        n => (tr_args("Tender in {n} months", &[("n", &n)]), tr("Check where the preparation stands.").into()),
    }
}

/// One line, without the account name (shown next to it).
pub fn title(r: &Reminder) -> String {
    match &r.fact {
        ReminderFact::Birthday { person, .. } => tr_args("Birthday: {person}", &[("person", &person)]),
        ReminderFact::ProposalFollowUp { proposal, .. } => {
            tr_args("Call to confirm receipt: {0}", &[("0", &or_default(proposal, tr("proposal")))])
        }
        ReminderFact::ProposalValidity { proposal, .. } => {
            tr_args("Proposal validity ends: {0}", &[("0", &or_default(proposal, tr("proposal")))])
        }
        ReminderFact::ProposalAgreedDate { proposal, .. } => {
            tr_args("Agreed call or meeting: {0}", &[("0", &or_default(proposal, tr("proposal")))])
        }
        ReminderFact::TenderMilestone { tender, months_before, .. } => {
            format!("{}: {}", milestone(*months_before).0, or_default(tender, tr("tender")))
        }
        ReminderFact::TenderDay { tender, .. } => {
            tr_args("Tender day: {0}", &[("0", &or_default(tender, tr("tender")))])
        }
        ReminderFact::TenderOutcome { tender, .. } => {
            tr_args("Record the outcome: {0}", &[("0", &or_default(tender, tr("tender")))])
        }
        ReminderFact::Meeting { title, .. } => or_default(title, tr("Governance meeting")).to_string(),
        ReminderFact::Action { text, .. } => {
            let text = or_default(text, tr("(untitled action)"));
            if r.kind == ReminderKind::OverdueAction {
                tr_args("Overdue: {text}", &[("text", &text)])
            } else {
                text.to_string()
            }
        }
        ReminderFact::Promise { text, .. } => {
            let text = or_default(text, tr("(untitled promise)"));
            if r.overdue {
                tr_args("Promise overdue: {text}", &[("text", &text)])
            } else {
                tr_args("Promise due: {text}", &[("text", &text)])
            }
        }
        ReminderFact::Lost { last_purchase, .. } => {
            tr_args("No purchase since {last_purchase}", &[("last_purchase", &last_purchase)])
        }
        ReminderFact::WinBack { plan } => tr_args("Win back: {0}", &[("0", &first_line(plan, 80))]),
        ReminderFact::Development { goal, .. } => {
            tr_args("Development goal due: {goal}", &[("goal", &or_default(goal, tr("(untitled goal)")))])
        }
    }
}

/// What to do, with the dates and people concerned.
pub fn detail(r: &Reminder) -> String {
    match &r.fact {
        ReminderFact::Birthday { job_title, turns, on_28_february, .. } => {
            let mut detail = String::new();
            if !job_title.trim().is_empty() {
                detail.push_str(&format!("{}. ", job_title.trim()));
            }
            if let Some(age) = turns {
                detail.push_str(&tr_args("Turns {age}. ", &[("age", &age)]));
            }
            if *on_28_february {
                detail.push_str(tr("Born on 29 February: reminded on 28 February this year. "));
            }
            detail.push_str(tr("Send greetings if that is your custom with them."));
            detail
        }
        ReminderFact::ProposalFollowUp { sent, .. } => tr_args("Sent on {sent} and receipt not yet confirmed. Call, ask about next steps and what makes it urgent, and agree a date for the next call or meeting.", &[("sent", &sent)]),
        ReminderFact::ProposalValidity { valid_until, .. } => {
            if r.overdue {
                tr_args("The offer was valid until {valid_until} and no outcome is recorded: extend it, or record whether it was won, lost or withdrawn.", &[("valid_until", &valid_until)])
            } else {
                tr_args("The offer is valid until {valid_until}: ask about the decision before it lapses.", &[("valid_until", &valid_until)])
            }
        }
        ReminderFact::ProposalAgreedDate { agreed, next_steps, .. } => {
            let mut detail = if r.overdue {
                tr_args("The date agreed with the customer ({agreed}) has passed and the proposal is still open: record what came of it, or agree the next date.", &[("agreed", &agreed)])
            } else {
                tr("The date agreed with the customer for the next call or meeting about this proposal.").to_string()
            };
            if !next_steps.trim().is_empty() {
                detail.push_str(&tr_args(" Next steps: {0}", &[("0", &next_steps.trim())]));
            }
            detail
        }
        ReminderFact::TenderMilestone { tender_day, months_before, preparation_start, .. } => {
            let what = milestone(*months_before).1;
            if r.overdue {
                let started = preparation_start.map(|s| tr_args("Preparation should have started on {s}. ", &[("s", &s)])).unwrap_or_default();
                tr_args("{started}This step was due on {1}; the tender is on {tender_day}. {what}", &[("started", &started), ("1", &r.date), ("tender_day", &tender_day), ("what", &what)])
            } else {
                tr_args("{what} The tender is on {tender_day}.", &[("what", &what), ("tender_day", &tender_day)])
            }
        }
        ReminderFact::TenderDay { tender, notes } => tr_args("Submission of {0}. {1}", &[("0", &or_default(tender, tr("tender"))), ("1", &notes.trim())]).trim_end().to_string(),
        ReminderFact::TenderOutcome { tender_day, .. } => {
            tr_args("The tender was on {tender_day}: record whether it was won, lost or withdrawn, and what we learned.", &[("tender_day", &tender_day)])
        }
        ReminderFact::Meeting { with, day_fixed, .. } => match (with.trim(), day_fixed) {
            ("", false) => tr("In the governance calendar; no day fixed yet (shown on the 1st of the month).").to_string(),
            ("", true) => tr("In the governance calendar.").to_string(),
            (with, false) => tr_args("With {with}. No day fixed yet (shown on the 1st of the month).", &[("with", &with)]),
            (with, true) => tr_args("With {with}.", &[("with", &with)]),
        },
        ReminderFact::Action { owner, due, status, .. } => {
            let owner = if owner.trim().is_empty() { tr("No owner").to_string() } else { tr_args("Owner: {0}", &[("0", &owner.trim())]) };
            if r.kind == ReminderKind::OverdueAction {
                tr_args("{owner}. Was due on {due}: do it, agree a new date, or drop it.", &[("owner", &owner), ("due", &due)])
            } else {
                tr_args("{owner}. Due on {due} ({2}).", &[("owner", &owner), ("due", &due), ("2", &status.label().to_lowercase())])
            }
        }
        ReminderFact::Promise { owner, function, due, .. } => {
            let owner = if owner.trim().is_empty() {
                tr_args("No owner named ({0})", &[("0", &function.label().to_lowercase())])
            } else {
                tr_args("Kept by {0} ({1})", &[("0", &owner.trim()), ("1", &function.label().to_lowercase())])
            };
            if r.overdue {
                tr_args("{owner}. Was due on {due}: check with them, tell the customer where it stands, and record it as kept or missed.", &[("owner", &owner), ("due", &due)])
            } else {
                tr_args("{owner}. Due on {due}: check with them that it will be kept.", &[("owner", &owner), ("due", &due)])
            }
        }
        ReminderFact::Lost { lost_from, months, counts_as_lost, .. } => {
            if *counts_as_lost {
                tr_args("Counts as lost since {lost_from}: no purchase for more than {months} months. Find out why, and decide whether to win it back and how.", &[("lost_from", &lost_from), ("months", &months)])
            } else {
                tr_args("Counts as lost from {lost_from} unless it buys before then ({months} months without a purchase). Get in touch now.", &[("lost_from", &lost_from), ("months", &months)])
            }
        }
        ReminderFact::WinBack { plan } => tr_args("The account is marked lost. Win-back plan: {0}", &[("0", &plan.trim())]),
        ReminderFact::Development { manager, training, due, .. } => {
            if training.is_empty() {
                tr_args("{manager}'s development plan, due {due}.", &[("manager", &manager), ("due", &due)])
            } else {
                tr_args("{manager}'s development plan, due {due}. Training: {training}", &[("manager", &manager), ("due", &due), ("training", &training)])
            }
        }
    }
}

/// The words of a reminder in the calendar file (`.ics`).
pub fn event_words(r: &Reminder) -> EventWords {
    EventWords {
        title: title(r),
        detail: detail(r),
        category: kind_label(r.kind).to_string(),
        account_line: if r.account_id.is_empty() {
            tr_args("Key account manager: {0}", &[("0", &r.account_name)])
        } else {
            tr_args("Account: {0}", &[("0", &r.account_name)])
        },
    }
}

/// The dossier's status hint for an account that counts as lost
/// ([`kam_core::analysis::rules::lost_since`]).
pub fn lost_hint(last_purchase: NaiveDate, months: u32) -> String {
    tr_args("No purchase since {last_purchase}: more than {months} months, so by the programme's criterion this account counts as lost.", &[("last_purchase", &last_purchase), ("months", &months)])
}

/// One entry of the annual calendar, without its account (shown below it).
pub fn calendar_entry(fact: &CalendarFact) -> String {
    match fact {
        CalendarFact::Meeting { title, with } => {
            if with.trim().is_empty() {
                title.clone()
            } else {
                tr_args("{title} (with {with})", &[("title", &title), ("with", &with)])
            }
        }
        CalendarFact::TenderDay { tender } => tr_args("Tender: {tender}", &[("tender", &tender)]),
        CalendarFact::TenderPreparation { tender } => tr_args("Start preparing: {tender}", &[("tender", &tender)]),
        CalendarFact::ProposalValidity { proposal } => {
            tr_args("Proposal valid until: {proposal}", &[("proposal", &proposal)])
        }
        CalendarFact::ObjectiveDue { objective } => tr_args("Objective due: {objective}", &[("objective", &objective)]),
        CalendarFact::DevelopmentDue { goal, .. } => {
            tr_args("Development goal due: {goal}", &[("goal", &or_default(goal, tr("(untitled goal)")))])
        }
    }
}

/// A proposal's follow-up in words, as the plan shows it under each proposal.
pub fn proposal_follow_up(state: &ProposalState) -> String {
    let (sent, receipt_call, valid_until, agreed) = match state {
        ProposalState::Closed(outcome) => return tr_args("Closed: {0}.", &[("0", &outcome.label().to_lowercase())]),
        ProposalState::Open { sent, receipt_call, valid_until, agreed } => (sent, receipt_call, valid_until, agreed),
    };
    if sent.is_none() {
        return tr("Not sent yet.").into();
    }
    let day = |d: &DayMark| crate::i18n::fmt::date(d.day);
    let mut parts = Vec::new();
    if let Some(call) = receipt_call {
        parts.push(if call.passed {
            tr_args("Receipt not confirmed: the call was due {call}.", &[("call", &day(call))])
        } else {
            tr_args("Call to confirm receipt on {call} if there is no answer.", &[("call", &day(call))])
        });
    }
    if let Some(v) = valid_until {
        parts.push(if v.passed {
            tr_args("Validity ended {v}.", &[("v", &day(v))])
        } else {
            tr_args("Valid until {v}.", &[("v", &day(v))])
        });
    }
    match agreed {
        Some(a) => parts.push(tr_args("Next contact agreed for {a}.", &[("a", &day(a))])),
        None => parts.push(tr("Agree the date of the next call.").into()),
    }
    parts.join(" ")
}

#[cfg(test)]
#[path = "reminders_tests.rs"]
mod tests;
