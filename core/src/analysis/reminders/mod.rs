//! Reminders from the dossiers and the order history: birthdays, proposal follow-ups, tender
//! preparation, the governance calendar, actions, lost accounts and win-back plans
//! (docs/model.md sections 4–6).
//!
//! A reminder is a fact ([`ReminderFact`]: who, what, which dates), not a sentence: the app words
//! it (`src/ui/words/reminders.rs`), and the calendar export takes those words from its caller.
//!
//! # Dates and time zones
//! Everything here is a calendar date ([`NaiveDate`]) without a time or a time zone. `today` is
//! the user's *local* date, as the caller sees it (in the browser: the local calendar day, not
//! the UTC one). A reminder is due on a day, wherever the user is; the calendar export
//! ([`crate::exchange::reminders_to_ics`]) writes all-day events (`VALUE=DATE`), which calendars
//! show on that day in every time zone.
//!
//! # What is included
//! Reminders dated from `today` to `today + horizon_days` (both included), plus every overdue one
//! (`overdue == true`, dated in the past). Birthdays, meetings and upcoming milestones are never
//! overdue. Rules apply to key accounts ([`crate::model::Account::is_key`]) only, except [`ReminderKind::Lost`],
//! which watches every account, and [`ReminderKind::WinBack`], which follows any dossier marked
//! lost (a lost account is often taken off the key list while it is being won back).
//!
//! # Tender preparation
//! Preparation starts about [`TENDER_LEAD_MONTHS`](crate::analysis::rules::TENDER_LEAD_MONTHS) months before a tender (docs/model.md section
//! 5). For each open tender with a date the milestones are [`TENDER_MILESTONE_MONTHS`](crate::analysis::rules::TENDER_MILESTONE_MONTHS) calendar
//! months before it and the tender day itself; months are subtracted on the calendar with
//! end-of-month clamping (31 May minus 3 months is 28 February, or 29 in a leap year). Milestones
//! still ahead are reminded when they fall within the horizon. Of the milestones already passed
//! while the tender is still ahead, only the latest is reported, once, as overdue (its fact
//! carries the day preparation should have started), so a late start gives one reminder, not
//! four. A tender whose date has passed with the outcome still open gives a single overdue
//! [`ReminderFact::TenderOutcome`] instead.
//!
//! # Order
//! By date, then kind (in the order of [`ReminderKind::ALL`]), then account name and id, then the
//! fact's own values, so the order is fully deterministic and does not depend on the words.

mod collect;
pub mod fixtures;
#[cfg(test)]
mod tests;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use crate::model::{ActionStatus, PromiseFunction, Workspace};

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A contact's birthday (personal data).
    Birthday,
    /// Call to confirm a sent proposal arrived (one day after sending, until receipt is confirmed).
    ProposalFollowUp,
    /// The day an open proposal's validity ends.
    ProposalValidity,
    /// The next call or meeting agreed with the customer about an open proposal.
    ProposalAgreedDate,
    /// A preparation milestone of a tender, the tender day, or recording its outcome.
    TenderMilestone,
    /// A recurring meeting of the governance calendar (annual clock).
    Meeting,
    /// An open action past its due date.
    OverdueAction,
    /// An open action due within the horizon.
    ActionDue,
    /// An open promise to the customer, due within the horizon or overdue.
    Promise,
    /// An account with no purchase for the programme's "lost after" months.
    Lost,
    /// A lost account with a win-back plan to work.
    WinBack,
    /// A goal of a key account manager's development plan, due within the horizon or overdue.
    /// Not about an account: `account_id` is empty and `account_name` names the manager.
    Development,
}

impl ReminderKind {
    /// Every kind, in the order reminders of one day are listed.
    pub const ALL: [ReminderKind; 12] = [
        ReminderKind::Birthday,
        ReminderKind::ProposalFollowUp,
        ReminderKind::ProposalValidity,
        ReminderKind::ProposalAgreedDate,
        ReminderKind::TenderMilestone,
        ReminderKind::Meeting,
        ReminderKind::OverdueAction,
        ReminderKind::ActionDue,
        ReminderKind::Promise,
        ReminderKind::Lost,
        ReminderKind::WinBack,
        ReminderKind::Development,
    ];

    /// Stable identifier (same as the serialised form), for a filter or a `data-kind`.
    pub fn id(self) -> &'static str {
        match self {
            ReminderKind::Birthday => "birthday",
            ReminderKind::ProposalFollowUp => "proposal_follow_up",
            ReminderKind::ProposalValidity => "proposal_validity",
            ReminderKind::ProposalAgreedDate => "proposal_agreed_date",
            ReminderKind::TenderMilestone => "tender_milestone",
            ReminderKind::Meeting => "meeting",
            ReminderKind::OverdueAction => "overdue_action",
            ReminderKind::ActionDue => "action_due",
            ReminderKind::Promise => "promise",
            ReminderKind::Lost => "lost",
            ReminderKind::WinBack => "win_back",
            ReminderKind::Development => "development",
        }
    }
}

/// What a reminder is about, with what its words need. Texts are the user's own (trimmed), and may
/// be empty where the user left them blank: the words supply "proposal", "(untitled action)"…
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ReminderFact {
    /// A contact's birthday.
    Birthday {
        person: String,
        /// The person's job title.
        job_title: String,
        /// The age reached on the reminder's date, when the birth year is known.
        turns: Option<i32>,
        /// Born on 29 February and reminded on 28 February, as this year is a common year.
        on_28_february: bool,
    },
    /// Call to confirm receipt of a proposal sent on `sent`.
    ProposalFollowUp { proposal: String, sent: NaiveDate },
    /// An open proposal's validity ends (or ended, when overdue) on `valid_until`.
    ProposalValidity { proposal: String, valid_until: NaiveDate },
    /// The call or meeting agreed with the customer about an open proposal.
    ProposalAgreedDate { proposal: String, agreed: NaiveDate, next_steps: String },
    /// A preparation milestone `months_before` the tender on `tender_day`. `preparation_start` is
    /// the day preparation starts ([`crate::analysis::rules::tender_preparation_start`]).
    TenderMilestone { tender: String, tender_day: NaiveDate, months_before: u32, preparation_start: Option<NaiveDate> },
    /// The tender day itself (submission), with the tender's notes.
    TenderDay { tender: String, notes: String },
    /// The tender on `tender_day` has passed with its outcome still open.
    TenderOutcome { tender: String, tender_day: NaiveDate },
    /// A recurring governance meeting; `day_fixed` is false when it shows on the 1st of the month
    /// because no day is set.
    Meeting { title: String, with: String, day_fixed: bool },
    /// An open action due on `due` (overdue or coming, by the reminder's kind).
    Action { text: String, owner: String, due: NaiveDate, status: ActionStatus },
    /// An open promise to the customer, kept by `owner` (`function`), due on `due`.
    Promise { text: String, owner: String, function: PromiseFunction, due: NaiveDate },
    /// No purchase since `last_purchase`: lost from `lost_from` after `months` months.
    /// `counts_as_lost` is true once `lost_from` has come (on that day the reminder is not yet
    /// overdue, but the account already counts as lost).
    Lost { last_purchase: NaiveDate, lost_from: NaiveDate, months: u32, counts_as_lost: bool },
    /// A lost account's win-back plan.
    WinBack { plan: String },
    /// A goal of `manager`'s development plan, with its training, due on `due`.
    Development { manager: String, goal: String, training: String, due: NaiveDate },
}

/// One thing to do or remember on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// The day it is due (a local calendar date). Overdue reminders keep their real, past date.
    pub date: NaiveDate,
    pub kind: ReminderKind,
    pub account_id: String,
    pub account_name: String,
    /// Due before `today` and not done.
    pub overdue: bool,
    /// Personal data (birthdays): hide on a projected workshop screen, leave out of exports
    /// unless the user asks.
    pub personal: bool,
    /// For reminders that recur every year (birthdays): the (month, day) they recur on. `(2, 29)`
    /// means the last day of February, so 29 February birthdays are reminded on 28 February in
    /// common years.
    pub yearly: Option<(u32, u32)>,
    /// What it is about.
    pub fact: ReminderFact,
}

/// The day a yearly (month, day) falls on in `year`; 29 February becomes 28 February in common
/// years.
fn on_year(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten())
}

/// The next day on or after `today` that a yearly (month, day) falls on, 29 February moving to
/// 28 February in common years. `None` for a date that exists in no year.
pub fn next_yearly(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let this = on_year(today.year(), month, day)?;
    if this >= today {
        Some(this)
    } else {
        on_year(today.year().checked_add(1)?, month, day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some()).unwrap_or(28)
}

/// The next occurrence on or after `today` of a meeting held every year in `month` on `day`
/// (the 1st when no day is fixed; clamped to the month's length). `None` for a month outside 1–12.
pub fn next_meeting(month: u32, day: Option<u32>, today: NaiveDate) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let at = |year: i32| NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1).clamp(1, days_in_month(year, month)));
    let this = at(today.year())?;
    if this >= today {
        Some(this)
    } else {
        at(today.year().checked_add(1)?)
    }
}

/// The reminders due from `today` (the user's local date) to `today + horizon_days`, plus every
/// overdue one, in the order of the module documentation. `lost_months` is the programme's
/// `lost_after_months`; 0 turns the lost-account rule off. See the module documentation for the
/// rules.
pub fn reminders(ws: &Workspace, lost_months: u32, today: NaiveDate, horizon_days: u32) -> Vec<Reminder> {
    let end = today.checked_add_days(Days::new(u64::from(horizon_days))).unwrap_or(NaiveDate::MAX);
    let mut out = Vec::new();
    let mut c = collect::Collector { today, end, out: &mut out };
    for account in ws.accounts() {
        let dossier = ws.dossier(&account.id);
        if account.is_key {
            if let Some(d) = dossier {
                c.birthdays(account, d);
                c.proposals(account, d);
                c.tenders(account, d);
                c.meetings(account, d);
                c.actions(account, d);
                c.promises(account, d);
            }
        }
        c.lost(account, ws.history(&account.id).map(Vec::as_slice).unwrap_or_default(), lost_months);
        if let Some(d) = dossier {
            c.win_back(account, d);
        }
    }
    c.development(&ws.programme);
    out.sort_by(|a, b| {
        (a.date, a.kind, &a.account_name, &a.account_id, &a.fact).cmp(&(
            b.date,
            b.kind,
            &b.account_name,
            &b.account_id,
            &b.fact,
        ))
    });
    out
}
