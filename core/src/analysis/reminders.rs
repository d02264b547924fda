//! Reminders from the dossiers and the order history: birthdays, proposal follow-ups, tender
//! preparation, the governance calendar, actions, lost accounts and win-back plans
//! (kam-model.md sections 4–6).
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
//! overdue. Rules apply to key accounts ([`Account::is_key`]) only, except [`ReminderKind::Lost`],
//! which watches every account, and [`ReminderKind::WinBack`], which follows any dossier marked
//! lost (a lost account is often taken off the key list while it is being won back).
//!
//! # Tender preparation
//! Preparation starts about 9 months before a tender (kam-model.md section 5). For each open
//! tender with a date the milestones are 9, 6, 3 and 1 calendar months before it and the tender
//! day itself; months are subtracted on the calendar with end-of-month clamping (31 May minus 3
//! months is 28 February, or 29 in a leap year). Milestones still ahead are reminded when they
//! fall within the horizon. Of the milestones already passed while the tender is still ahead,
//! only the latest is reported, once, as overdue (its text says when preparation should have
//! started), so a late start gives one reminder, not four. A tender whose date has passed with the
//! outcome still open gives a single overdue "record the outcome" reminder instead.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

use crate::model::{parse_birthday, Account, ActionStatus, AccountStatus, Dossier, Outcome, Workspace};

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
    /// An account with no purchase for the programme's "lost after" months.
    Lost,
    /// A lost account with a win-back plan to work.
    WinBack,
}

impl ReminderKind {
    /// Every kind.
    pub const ALL: [ReminderKind; 10] = [
        ReminderKind::Birthday,
        ReminderKind::ProposalFollowUp,
        ReminderKind::ProposalValidity,
        ReminderKind::ProposalAgreedDate,
        ReminderKind::TenderMilestone,
        ReminderKind::Meeting,
        ReminderKind::OverdueAction,
        ReminderKind::ActionDue,
        ReminderKind::Lost,
        ReminderKind::WinBack,
    ];

    /// Stable identifier (same as the serialised form).
    pub fn key(self) -> &'static str {
        match self {
            ReminderKind::Birthday => "birthday",
            ReminderKind::ProposalFollowUp => "proposal_follow_up",
            ReminderKind::ProposalValidity => "proposal_validity",
            ReminderKind::ProposalAgreedDate => "proposal_agreed_date",
            ReminderKind::TenderMilestone => "tender_milestone",
            ReminderKind::Meeting => "meeting",
            ReminderKind::OverdueAction => "overdue_action",
            ReminderKind::ActionDue => "action_due",
            ReminderKind::Lost => "lost",
            ReminderKind::WinBack => "win_back",
        }
    }

    /// Short name, for a filter or a legend.
    pub fn label(self) -> &'static str {
        match self {
            ReminderKind::Birthday => "Birthday",
            ReminderKind::ProposalFollowUp => "Proposal follow-up",
            ReminderKind::ProposalValidity => "Proposal validity",
            ReminderKind::ProposalAgreedDate => "Agreed call or meeting",
            ReminderKind::TenderMilestone => "Tender",
            ReminderKind::Meeting => "Governance meeting",
            ReminderKind::OverdueAction => "Overdue action",
            ReminderKind::ActionDue => "Action due",
            ReminderKind::Lost => "Lost account",
            ReminderKind::WinBack => "Win-back",
        }
    }
}

/// One thing to do or remember on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// The day it is due (a local calendar date). Overdue reminders keep their real, past date.
    pub date: NaiveDate,
    pub kind: ReminderKind,
    pub account_id: String,
    pub account_name: String,
    /// One line, without the account name (show `account_name` next to it).
    pub title: String,
    /// What to do, with the dates and people concerned.
    pub detail: String,
    /// Due before `today` and not done.
    pub overdue: bool,
    /// Personal data (birthdays): hide on a projected workshop screen, leave out of exports
    /// unless the user asks.
    pub personal: bool,
    /// For reminders that recur every year (birthdays): the (month, day) they recur on. `(2, 29)`
    /// means the last day of February, so 29 February birthdays are reminded on 28 February in
    /// common years.
    pub yearly: Option<(u32, u32)>,
}

/// The day a yearly (month, day) falls on in `year`; 29 February becomes 28 February in common
/// years.
fn on_year(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| (month == 2 && day == 29).then(|| NaiveDate::from_ymd_opt(year, 2, 28)).flatten())
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

/// The tender preparation milestones: months before the tender, title, what to do.
const MILESTONES: [(u32, &str, &str); 4] = [
    (9, "Start preparing the tender", "Preparation starts about 9 months ahead: form the bid team, study the requirements and past bids, meet the people who shape the specification."),
    (6, "Tender in 6 months", "Check the preparation: requirements understood, references and partners lined up, the decision makers met."),
    (3, "Tender in 3 months", "Settle the pricing approach, draft the offer and plan the internal approvals."),
    (1, "Tender in 1 month", "Finalise the offer, get it signed off, and check the formal requirements and the submission deadline."),
];

fn or_default<'a>(text: &'a str, default: &'a str) -> &'a str {
    let t = text.trim();
    if t.is_empty() {
        default
    } else {
        t
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

/// Collects reminders for one account, filtering by the horizon.
struct Collector<'a> {
    today: NaiveDate,
    end: NaiveDate,
    out: &'a mut Vec<Reminder>,
}

impl Collector<'_> {
    /// Adds a reminder when it is overdue or falls within the horizon.
    fn add(&mut self, account: &Account, kind: ReminderKind, date: NaiveDate, overdue: bool, title: String, detail: String) {
        self.push(account, kind, date, overdue, title, detail, false, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn push(&mut self, account: &Account, kind: ReminderKind, date: NaiveDate, overdue: bool, title: String, detail: String, personal: bool, yearly: Option<(u32, u32)>) {
        if overdue || (date >= self.today && date <= self.end) {
            self.out.push(Reminder {
                date,
                kind,
                account_id: account.id.clone(),
                account_name: account.name.clone(),
                title,
                detail,
                overdue,
                personal,
                yearly,
            });
        }
    }

    fn birthdays(&mut self, account: &Account, d: &Dossier) {
        for p in d.people.iter().filter(|p| !p.name.trim().is_empty()) {
            let Some((month, day)) = parse_birthday(&p.birthday) else { continue };
            let Some(date) = next_yearly(month, day, self.today) else { continue };
            let name = p.name.trim();
            let born: Option<i32> = p.birthday.trim().get(..4).filter(|_| p.birthday.trim().len() == 10).and_then(|y| y.parse().ok());
            let mut detail = String::new();
            if !p.title.trim().is_empty() {
                detail.push_str(&format!("{}. ", p.title.trim()));
            }
            if let Some(age) = born.map(|y| date.year() - y).filter(|a| (1..150).contains(a)) {
                detail.push_str(&format!("Turns {age}. "));
            }
            if month == 2 && day == 29 && date.day() == 28 {
                detail.push_str("Born on 29 February: reminded on 28 February this year. ");
            }
            detail.push_str("Send greetings if that is your custom with them.");
            self.push(account, ReminderKind::Birthday, date, false, format!("Birthday: {name}"), detail, true, Some((month, day)));
        }
    }

    fn proposals(&mut self, account: &Account, d: &Dossier) {
        for p in d.proposals.iter().filter(|p| p.outcome == Outcome::Open) {
            let title = or_default(&p.title, "proposal");
            if let (Some(sent), false) = (p.sent, p.receipt_confirmed) {
                if let Some(date) = sent.checked_add_days(Days::new(1)) {
                    self.add(
                        account,
                        ReminderKind::ProposalFollowUp,
                        date,
                        date < self.today,
                        format!("Call to confirm receipt: {title}"),
                        format!("Sent on {sent} and receipt not yet confirmed. Call, ask about next steps and what makes it urgent, and agree a date for the next call or meeting."),
                    );
                }
            }
            if let Some(date) = p.valid_until {
                let overdue = date < self.today;
                let detail = if overdue {
                    format!("The offer was valid until {date} and no outcome is recorded: extend it, or record whether it was won, lost or withdrawn.")
                } else {
                    format!("The offer is valid until {date}: ask about the decision before it lapses.")
                };
                self.add(account, ReminderKind::ProposalValidity, date, overdue, format!("Proposal validity ends: {title}"), detail);
            }
            if let Some(date) = p.agreed_date {
                let overdue = date < self.today;
                let mut detail = if overdue {
                    format!("The date agreed with the customer ({date}) has passed and the proposal is still open: record what came of it, or agree the next date.")
                } else {
                    "The date agreed with the customer for the next call or meeting about this proposal.".to_string()
                };
                if !p.next_steps.trim().is_empty() {
                    detail.push_str(&format!(" Next steps: {}", p.next_steps.trim()));
                }
                self.add(account, ReminderKind::ProposalAgreedDate, date, overdue, format!("Agreed call or meeting: {title}"), detail);
            }
        }
    }

    fn tenders(&mut self, account: &Account, d: &Dossier) {
        for t in d.tenders.iter().filter(|t| t.outcome == Outcome::Open) {
            let Some(day) = t.date else { continue };
            let title = or_default(&t.title, "tender");
            if day < self.today {
                self.add(
                    account,
                    ReminderKind::TenderMilestone,
                    day,
                    true,
                    format!("Record the outcome: {title}"),
                    format!("The tender was on {day}: record whether it was won, lost or withdrawn, and what we learned."),
                );
                continue;
            }
            let start = day.checked_sub_months(Months::new(9));
            let mut latest_passed = None;
            for (months, label, what) in MILESTONES {
                let Some(date) = day.checked_sub_months(Months::new(months)) else { continue };
                if date < self.today {
                    latest_passed = Some((date, label, what));
                } else {
                    self.add(account, ReminderKind::TenderMilestone, date, false, format!("{label}: {title}"), format!("{what} The tender is on {day}."));
                }
            }
            if let Some((date, label, what)) = latest_passed {
                let started = start.map(|s| format!("Preparation should have started on {s}. ")).unwrap_or_default();
                self.add(
                    account,
                    ReminderKind::TenderMilestone,
                    date,
                    true,
                    format!("{label}: {title}"),
                    format!("{started}This step was due on {date}; the tender is on {day}. {what}"),
                );
            }
            self.add(
                account,
                ReminderKind::TenderMilestone,
                day,
                false,
                format!("Tender day: {title}"),
                format!("Submission of {title}. {}", or_default(&t.notes, "")).trim_end().to_string(),
            );
        }
    }

    fn meetings(&mut self, account: &Account, d: &Dossier) {
        for m in &d.meetings {
            let Some(date) = next_meeting(m.month, m.day, self.today) else { continue };
            let detail = match (m.with.trim(), m.day) {
                ("", None) => "In the governance calendar; no day fixed yet (shown on the 1st of the month).".to_string(),
                ("", Some(_)) => "In the governance calendar.".to_string(),
                (with, None) => format!("With {with}. No day fixed yet (shown on the 1st of the month)."),
                (with, Some(_)) => format!("With {with}."),
            };
            self.add(account, ReminderKind::Meeting, date, false, or_default(&m.title, "Governance meeting").to_string(), detail);
        }
    }

    fn actions(&mut self, account: &Account, d: &Dossier) {
        for a in d.actions.iter().filter(|a| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress)) {
            let Some(due) = a.due else { continue };
            let text = or_default(&a.text, "(untitled action)");
            let owner = if a.owner.trim().is_empty() { "No owner".to_string() } else { format!("Owner: {}", a.owner.trim()) };
            if due < self.today {
                self.add(account, ReminderKind::OverdueAction, due, true, format!("Overdue: {text}"), format!("{owner}. Was due on {due}: do it, agree a new date, or drop it."));
            } else {
                self.add(account, ReminderKind::ActionDue, due, false, text.to_string(), format!("{owner}. Due on {due} ({}).", action_status_word(a.status)));
            }
        }
    }
}

/// The reminders due from `today` (the user's local date) to `today + horizon_days`, plus every
/// overdue one, sorted by date, then title (then account name and kind, so the order is fully
/// deterministic). `lost_months` is the programme's `lost_after_months`; 0 turns the lost-account
/// rule off. See the module documentation for the rules.
pub fn reminders(ws: &Workspace, lost_months: u32, today: NaiveDate, horizon_days: u32) -> Vec<Reminder> {
    let end = today.checked_add_days(Days::new(u64::from(horizon_days))).unwrap_or(NaiveDate::MAX);
    let mut out = Vec::new();
    let mut c = Collector { today, end, out: &mut out };
    for account in &ws.accounts {
        let dossier = ws.dossier(&account.id);
        if account.is_key {
            if let Some(d) = dossier {
                c.birthdays(account, d);
                c.proposals(account, d);
                c.tenders(account, d);
                c.meetings(account, d);
                c.actions(account, d);
            }
        }
        if lost_months > 0 {
            let last = ws.history.get(&account.id).and_then(|lines| lines.iter().filter(|l| l.revenue > 0.0).map(|l| l.date).max());
            let lost_from = last.and_then(|l| l.checked_add_months(Months::new(lost_months))).and_then(|d| d.checked_add_days(Days::new(1)));
            if let (Some(last), Some(from)) = (last, lost_from) {
                let detail = if from <= today {
                    format!("Counts as lost since {from}: no purchase for more than {lost_months} months. Find out why, and decide whether to win it back and how.")
                } else {
                    format!("Counts as lost from {from} unless it buys before then ({lost_months} months without a purchase). Get in touch now.")
                };
                c.add(account, ReminderKind::Lost, from, from < today, format!("No purchase since {last}"), detail);
            }
        }
        if let Some(d) = dossier.filter(|d| d.status == AccountStatus::Lost && !d.winback_plan.trim().is_empty()) {
            c.add(
                account,
                ReminderKind::WinBack,
                today,
                false,
                format!("Win back: {}", first_line(&d.winback_plan, 80)),
                format!("The account is marked lost. Win-back plan: {}", d.winback_plan.trim()),
            );
        }
    }
    out.sort_by(|a, b| {
        a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title)).then_with(|| a.account_name.cmp(&b.account_name)).then_with(|| a.kind.cmp(&b.kind))
    });
    out
}

/// An action's status in lower case, for this module's sentences only: a stopgap while
/// reminders still carry sentences (the app's words are in `src/ui/words/choices.rs`).
fn action_status_word(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in progress",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Meeting, OrderLine, Person, Proposal, Tender};
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn key_ws(d: Dossier) -> Workspace {
        let mut a = Account::new("Acme Oy");
        a.is_key = true;
        let mut d = d;
        d.account_id = a.id.clone();
        Workspace { accounts: vec![a], dossiers: vec![d], ..Default::default() }
    }

    fn of(list: &[Reminder], kind: ReminderKind) -> Vec<&Reminder> {
        list.iter().filter(|r| r.kind == kind).collect()
    }

    fn birthday_ws(birthday: &str) -> Workspace {
        let mut d = Dossier::default();
        d.people.push(Person { name: "Ilze Kalniņa".into(), title: "CFO".into(), birthday: birthday.into(), ..Default::default() });
        key_ws(d)
    }

    #[test]
    fn kind_keys_are_stable_and_match_serde() {
        for k in ReminderKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.key()));
            assert!(!k.label().is_empty());
        }
    }

    #[test]
    fn birthday_29_february_in_2027_and_2028() {
        let ws = birthday_ws("1980-02-29");
        // 2027 is a common year: reminded on 28 February.
        let r = reminders(&ws, 0, date(2027, 2, 1), 30);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].date, date(2027, 2, 28));
        assert_eq!(r[0].title, "Birthday: Ilze Kalniņa");
        assert!(r[0].detail.contains("Turns 47") && r[0].detail.contains("29 February"), "{}", r[0].detail);
        assert!(r[0].personal && !r[0].overdue);
        assert_eq!(r[0].yearly, Some((2, 29)));
        // On the day itself it is still today's reminder.
        assert_eq!(reminders(&ws, 0, date(2027, 2, 28), 0)[0].date, date(2027, 2, 28));
        // The day after, the next one is in the leap year 2028, on the 29th.
        assert!(reminders(&ws, 0, date(2027, 3, 1), 300).is_empty());
        let r = reminders(&ws, 0, date(2027, 3, 1), 365);
        assert_eq!(r[0].date, date(2028, 2, 29));
        assert!(r[0].detail.contains("Turns 48") && !r[0].detail.contains("28 February"), "{}", r[0].detail);
        // In 2028, 28 February is not the birthday.
        assert_eq!(reminders(&ws, 0, date(2028, 2, 28), 0), vec![]);
        assert_eq!(reminders(&ws, 0, date(2028, 2, 28), 1)[0].date, date(2028, 2, 29));
    }

    #[test]
    fn birthdays_without_year_and_unreadable_ones() {
        let r = reminders(&birthday_ws("--12-31"), 0, date(2026, 12, 31), 0);
        assert_eq!(r.len(), 1);
        assert!(!r[0].detail.contains("Turns"));
        assert_eq!(reminders(&birthday_ws("12-31"), 0, date(2027, 1, 1), 364).len(), 1);
        assert_eq!(reminders(&birthday_ws("12-31"), 0, date(2027, 1, 1), 363).len(), 0, "outside the horizon");
        assert!(reminders(&birthday_ws("sometime in May"), 0, date(2027, 1, 1), 365).is_empty());
        assert!(reminders(&birthday_ws(""), 0, date(2027, 1, 1), 365).is_empty());
    }

    #[test]
    fn proposals_sent_today_yesterday_and_earlier() {
        let today = date(2026, 11, 24);
        let proposal = |sent: NaiveDate| Proposal { title: "Pilot".into(), sent: Some(sent), ..Default::default() };
        let mut d = Dossier { proposals: vec![proposal(today)], ..Default::default() };
        let r = reminders(&key_ws(d.clone()), 0, today, 7);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 25), false), "sent today: call tomorrow");
        assert_eq!(r[0].title, "Call to confirm receipt: Pilot");
        // With a horizon of 0 days, tomorrow's call is not shown yet.
        assert!(reminders(&key_ws(d.clone()), 0, today, 0).is_empty());

        d.proposals = vec![proposal(date(2026, 11, 23))];
        let r = reminders(&key_ws(d.clone()), 0, today, 0);
        assert_eq!((r[0].date, r[0].overdue), (today, false), "sent yesterday: call today");

        d.proposals = vec![proposal(date(2026, 11, 20))];
        let r = reminders(&key_ws(d.clone()), 0, today, 0);
        assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 21), true), "keeps its real date");

        d.proposals[0].receipt_confirmed = true;
        assert!(reminders(&key_ws(d.clone()), 0, today, 30).is_empty());
        d.proposals[0].receipt_confirmed = false;
        d.proposals[0].outcome = Outcome::Won;
        assert!(reminders(&key_ws(d), 0, today, 30).is_empty());
    }

    #[test]
    fn proposal_validity_and_agreed_date() {
        let today = date(2026, 11, 24);
        let d = Dossier {
            proposals: vec![
                Proposal { title: "Open one".into(), valid_until: Some(date(2026, 12, 31)), agreed_date: Some(date(2026, 12, 2)), next_steps: "Demo".into(), ..Default::default() },
                Proposal { title: "Lapsed".into(), valid_until: Some(date(2026, 11, 1)), agreed_date: Some(date(2026, 11, 2)), ..Default::default() },
                Proposal { title: "Lost one".into(), valid_until: Some(date(2026, 11, 1)), outcome: Outcome::Lost, ..Default::default() },
            ],
            ..Default::default()
        };
        let r = reminders(&key_ws(d), 0, today, 10);
        let got: Vec<(NaiveDate, ReminderKind, &str, bool)> = r.iter().map(|r| (r.date, r.kind, r.title.as_str(), r.overdue)).collect();
        assert_eq!(
            got,
            vec![
                (date(2026, 11, 1), ReminderKind::ProposalValidity, "Proposal validity ends: Lapsed", true),
                (date(2026, 11, 2), ReminderKind::ProposalAgreedDate, "Agreed call or meeting: Lapsed", true),
                (date(2026, 12, 2), ReminderKind::ProposalAgreedDate, "Agreed call or meeting: Open one", false),
            ],
            "the validity of 31 December is beyond the 10-day horizon"
        );
        assert!(r[2].detail.ends_with("Next steps: Demo"));
    }

    fn tender_ws(day: NaiveDate) -> Workspace {
        let mut d = Dossier::default();
        d.tenders.push(Tender { title: "Transport 2027".into(), date: Some(day), outcome: Outcome::Open, ..Default::default() });
        key_ws(d)
    }

    #[test]
    fn tender_far_ahead_gives_all_milestones() {
        let r = reminders(&tender_ws(date(2027, 5, 3)), 0, date(2026, 7, 1), 400);
        let got: Vec<(NaiveDate, &str)> = r.iter().map(|r| (r.date, r.title.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (date(2026, 8, 3), "Start preparing the tender: Transport 2027"),
                (date(2026, 11, 3), "Tender in 6 months: Transport 2027"),
                (date(2027, 2, 3), "Tender in 3 months: Transport 2027"),
                (date(2027, 4, 3), "Tender in 1 month: Transport 2027"),
                (date(2027, 5, 3), "Tender day: Transport 2027"),
            ]
        );
        assert!(r.iter().all(|r| !r.overdue && r.kind == ReminderKind::TenderMilestone));
    }

    #[test]
    fn tender_milestones_clamp_to_the_end_of_the_month() {
        // 31 May minus 3 months = 28 February in 2027, 29 February in 2028; minus 9 = 31 August.
        let r = reminders(&tender_ws(date(2027, 5, 31)), 0, date(2026, 6, 1), 400);
        let dates: Vec<NaiveDate> = r.iter().map(|r| r.date).collect();
        assert_eq!(dates, vec![date(2026, 8, 31), date(2026, 11, 30), date(2027, 2, 28), date(2027, 4, 30), date(2027, 5, 31)]);
        let r = reminders(&tender_ws(date(2028, 5, 31)), 0, date(2027, 6, 1), 400);
        assert_eq!(r[2].date, date(2028, 2, 29));
    }

    #[test]
    fn passed_milestones_are_reported_once_as_overdue() {
        // Tender on 3 May 2027, today 24 November 2026: the 9- and 6-month milestones have passed.
        let r = reminders(&tender_ws(date(2027, 5, 3)), 0, date(2026, 11, 24), 30);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].date, date(2026, 11, 3));
        assert!(r[0].overdue);
        assert_eq!(r[0].title, "Tender in 6 months: Transport 2027");
        assert!(r[0].detail.starts_with("Preparation should have started on 2026-08-03."), "{}", r[0].detail);
        // With a long horizon the coming milestones follow, not overdue.
        let r = reminders(&tender_ws(date(2027, 5, 3)), 0, date(2026, 11, 24), 365);
        assert_eq!(r.iter().filter(|r| r.overdue).count(), 1);
        assert_eq!(r.len(), 4);
    }

    #[test]
    fn tender_in_the_past_asks_for_its_outcome() {
        let r = reminders(&tender_ws(date(2026, 10, 1)), 0, date(2026, 11, 24), 365);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].date, r[0].overdue), (date(2026, 10, 1), true));
        assert_eq!(r[0].title, "Record the outcome: Transport 2027");
        // A decided tender gives nothing.
        let mut ws = tender_ws(date(2026, 10, 1));
        ws.dossiers[0].tenders[0].outcome = Outcome::Won;
        assert!(reminders(&ws, 0, date(2026, 11, 24), 365).is_empty());
        // Tender day today is not overdue (the passed 1-month milestone still is, once).
        let r = reminders(&tender_ws(date(2026, 11, 24)), 0, date(2026, 11, 24), 0);
        assert_eq!(
            r.iter().map(|r| (r.title.as_str(), r.overdue)).collect::<Vec<_>>(),
            vec![("Tender in 1 month: Transport 2027", true), ("Tender day: Transport 2027", false)]
        );
    }

    #[test]
    fn meetings_recur_yearly_with_day_clamped() {
        let d = Dossier {
            meetings: vec![
                Meeting { title: "Review".into(), month: 2, day: Some(31), with: "Jens".into() },
                Meeting { title: "Workshop".into(), month: 9, day: None, with: String::new() },
                Meeting { title: "Broken".into(), month: 13, day: None, with: String::new() },
                Meeting { title: "Zero day".into(), month: 3, day: Some(0), with: String::new() },
            ],
            ..Default::default()
        };
        let r = reminders(&key_ws(d), 0, date(2027, 3, 1), 365);
        let got: Vec<(NaiveDate, &str)> = r.iter().map(|r| (r.date, r.title.as_str())).collect();
        assert_eq!(got, vec![(date(2027, 3, 1), "Zero day"), (date(2027, 9, 1), "Workshop"), (date(2028, 2, 29), "Review")]);
        assert!(r.iter().all(|r| !r.overdue && !r.personal));
        assert_eq!(next_meeting(2, Some(31), date(2027, 1, 1)), Some(date(2027, 2, 28)));
    }

    #[test]
    fn actions_overdue_and_due() {
        let mut d = Dossier::default();
        let act = |text: &str, due: Option<NaiveDate>, status: ActionStatus| Action { text: text.into(), owner: "Maria".into(), due, status };
        d.actions = vec![
            act("Late", Some(date(2026, 11, 10)), ActionStatus::InProgress),
            act("Soon", Some(date(2026, 11, 30)), ActionStatus::Open),
            act("Later", Some(date(2027, 3, 1)), ActionStatus::Open),
            act("Done", Some(date(2026, 11, 10)), ActionStatus::Done),
            act("Undated", None, ActionStatus::Open),
        ];
        let r = reminders(&key_ws(d), 0, date(2026, 11, 24), 14);
        let got: Vec<(ReminderKind, &str, bool)> = r.iter().map(|r| (r.kind, r.title.as_str(), r.overdue)).collect();
        assert_eq!(got, vec![(ReminderKind::OverdueAction, "Overdue: Late", true), (ReminderKind::ActionDue, "Soon", false)]);
        assert!(r[0].detail.starts_with("Owner: Maria."));
    }

    #[test]
    fn dossier_rules_apply_to_key_accounts_only() {
        let mut ws = birthday_ws("--11-24");
        assert_eq!(reminders(&ws, 0, date(2026, 11, 24), 0).len(), 1);
        ws.accounts[0].is_key = false;
        assert!(reminders(&ws, 0, date(2026, 11, 24), 0).is_empty());
    }

    #[test]
    fn lost_accounts_by_calendar_months_key_or_not() {
        let mut ws = Workspace::default();
        let a = Account::new("Quiet Oy");
        let line = |d: NaiveDate, revenue: f64| OrderLine { date: d, revenue, profit: None };
        ws.history.insert(a.id.clone(), vec![line(date(2026, 5, 24), 10.0), line(date(2026, 9, 1), -5.0)]);
        ws.accounts.push(a);
        // Last purchase 24 May + 6 months = 24 November: not yet more than 6 months.
        let r = reminders(&ws, 6, date(2026, 11, 24), 0);
        assert!(r.is_empty(), "{r:?}");
        // The next day it is lost (the credit note of September is not a purchase).
        let r = reminders(&ws, 6, date(2026, 11, 25), 0);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].kind, r[0].date, r[0].overdue), (ReminderKind::Lost, date(2026, 11, 25), false));
        assert_eq!(r[0].title, "No purchase since 2026-05-24");
        assert!(r[0].detail.contains("more than 6 months"));
        // Later it stays, overdue, with the date it became lost.
        let r = reminders(&ws, 6, date(2027, 1, 10), 0);
        assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 25), true));
        // Within the horizon before that, it is an early warning.
        let r = reminders(&ws, 6, date(2026, 11, 20), 7);
        assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 25), false));
        assert!(r[0].detail.contains("unless it buys"));
        // 0 months turns the rule off.
        assert!(reminders(&ws, 0, date(2027, 1, 10), 0).is_empty());
        // End of month: last purchase 31 May + 3 months = 31 August; lost from 1 September.
        ws.history.values_mut().for_each(|l| *l = vec![line(date(2026, 5, 31), 1.0)]);
        assert!(reminders(&ws, 3, date(2026, 8, 31), 0).is_empty());
        assert_eq!(reminders(&ws, 3, date(2026, 9, 1), 0).len(), 1);
    }

    #[test]
    fn win_back_plan_of_a_lost_dossier_is_reminded_today() {
        let d = Dossier { status: AccountStatus::Lost, winback_plan: "Special offer on service\nthen a visit".into(), ..Default::default() };
        let mut ws = key_ws(d);
        ws.accounts[0].is_key = false;
        let today = date(2026, 11, 24);
        let r = reminders(&ws, 6, today, 0);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].kind, r[0].date, r[0].overdue), (ReminderKind::WinBack, today, false));
        assert_eq!(r[0].title, "Win back: Special offer on service");
        ws.dossiers[0].winback_plan = "  ".into();
        assert!(reminders(&ws, 6, today, 0).is_empty());
    }

    #[test]
    fn today_is_the_local_date_passed_in() {
        // The same moment is 24 November in Tokyo and 23 November in Los Angeles: each user gets
        // the reminders of their own calendar day, because `today` is their local date.
        let mut d = Dossier::default();
        d.actions.push(Action { text: "Call".into(), due: Some(date(2026, 11, 24)), ..Default::default() });
        let ws = key_ws(d);
        let tokyo = reminders(&ws, 0, date(2026, 11, 24), 0);
        let los_angeles = reminders(&ws, 0, date(2026, 11, 23), 0);
        assert_eq!(tokyo.len(), 1);
        assert!(los_angeles.is_empty());
        assert_eq!(tokyo[0].date, date(2026, 11, 24));
    }

    #[test]
    fn demo_workspace_reminders() {
        let ws = crate::demo::demo_workspace();
        let lost_months = ws.programme.lost_after_months;
        let r = reminders(&ws, lost_months, date(2026, 11, 24), 30);
        let nordhavn: Vec<&Reminder> = r.iter().filter(|r| r.account_name == "Nordhavn Logistics A/S").collect();
        let follow = nordhavn.iter().find(|r| r.kind == ReminderKind::ProposalFollowUp).expect("follow-up");
        assert_eq!((follow.date, follow.overdue), (date(2026, 11, 21), true));
        assert_eq!(follow.title, "Call to confirm receipt: Picking robot pilot, Aarhus");
        let visit = nordhavn.iter().find(|r| r.kind == ReminderKind::OverdueAction).expect("site visit");
        assert_eq!(visit.date, date(2026, 11, 10));
        // Tender on 3 May 2027: preparation should have started on 3 August; the 6-month mark
        // (3 November) is reported once as overdue.
        let tender: Vec<_> = nordhavn.iter().filter(|r| r.kind == ReminderKind::TenderMilestone).collect();
        assert_eq!(tender.len(), 1);
        assert_eq!((tender[0].date, tender[0].overdue), (date(2026, 11, 3), true));
        // The demo's accounts that stopped buying count as lost, key or not.
        let lost: Vec<&str> = of(&r, ReminderKind::Lost).iter().map(|r| r.account_name.as_str()).collect();
        for name in ["Stockholm Retail Group AB", "Jyväskylä Paper Machinery", "Vaasa Energy Consulting Oy"] {
            assert!(lost.contains(&name), "{name} in {lost:?}");
        }
        // Ilze Kalniņa (born 29 February 1980) is reminded on 28 February 2027.
        let r = reminders(&ws, lost_months, date(2027, 2, 1), 30);
        let ilze = of(&r, ReminderKind::Birthday).into_iter().find(|r| r.title == "Birthday: Ilze Kalniņa").expect("Ilze");
        assert_eq!((ilze.date, ilze.personal, ilze.account_name.as_str()), (date(2027, 2, 28), true, "Baltic Timber Group"));
        // And the annual business review with Jens Madsen on 12 February.
        assert!(of(&r, ReminderKind::Meeting).iter().any(|m| m.date == date(2027, 2, 12) && m.title == "Annual business review"));
    }

    fn arb_dossier() -> impl Strategy<Value = Dossier> {
        let day = (0i64..900).prop_map(|n| date(2026, 1, 1) + chrono::Duration::days(n));
        let outcome = prop::sample::select(Outcome::ALL.to_vec());
        (
            prop::collection::vec((prop::option::of(day.clone()), prop::option::of(day.clone()), prop::option::of(day.clone()), prop::bool::ANY, outcome.clone()), 0..4),
            prop::collection::vec((prop::option::of(day.clone()), outcome), 0..3),
            prop::collection::vec((0u32..14, prop::option::of(0u32..33)), 0..3),
            prop::collection::vec((prop::option::of(day), prop::sample::select(ActionStatus::ALL.to_vec())), 0..4),
            prop::collection::vec((1u32..13, 1u32..32), 0..3),
        )
            .prop_map(|(proposals, tenders, meetings, actions, birthdays)| Dossier {
                proposals: proposals
                    .into_iter()
                    .map(|(sent, valid_until, agreed_date, receipt_confirmed, outcome)| Proposal { title: "P".into(), sent, valid_until, agreed_date, receipt_confirmed, outcome, ..Default::default() })
                    .collect(),
                tenders: tenders.into_iter().map(|(date, outcome)| Tender { title: "T".into(), date, outcome, ..Default::default() }).collect(),
                meetings: meetings.into_iter().map(|(month, day)| Meeting { title: "M".into(), month, day, with: String::new() }).collect(),
                actions: actions.into_iter().map(|(due, status)| Action { text: "A".into(), due, status, ..Default::default() }).collect(),
                people: birthdays.into_iter().map(|(m, d)| Person { name: "B".into(), birthday: format!("--{m:02}-{d:02}"), ..Default::default() }).collect(),
                ..Default::default()
            })
    }

    proptest! {
        #[test]
        fn reminders_are_sorted_and_within_the_horizon(d in arb_dossier(), offset in 0i64..900, horizon in 0u32..400) {
            let today = date(2026, 1, 1) + chrono::Duration::days(offset);
            let end = today + chrono::Duration::days(i64::from(horizon));
            let r = reminders(&key_ws(d), 6, today, horizon);
            for pair in r.windows(2) {
                prop_assert!((pair[0].date, &pair[0].title) <= (pair[1].date, &pair[1].title));
            }
            for x in &r {
                if x.overdue {
                    prop_assert!(x.date < today, "{:?}", x);
                } else {
                    prop_assert!(x.date >= today && x.date <= end, "{:?}", x);
                }
                if matches!(x.kind, ReminderKind::Birthday | ReminderKind::Meeting) {
                    prop_assert!(!x.overdue);
                }
                prop_assert_eq!(x.personal, x.kind == ReminderKind::Birthday);
            }
            // At most one overdue milestone per tender.
            let tenders_overdue = r.iter().filter(|x| x.kind == ReminderKind::TenderMilestone && x.overdue).count();
            prop_assert!(tenders_overdue <= 2);
        }

        #[test]
        fn next_yearly_is_the_next_matching_day(month in 1u32..13, day in 1u32..32, offset in 0i64..3000) {
            let today = date(2024, 1, 1) + chrono::Duration::days(offset);
            match next_yearly(month, day, today) {
                None => prop_assert!(NaiveDate::from_ymd_opt(2000, month, day).is_none()),
                Some(next) => {
                    prop_assert!(next >= today);
                    prop_assert!(next < today + chrono::Duration::days(366));
                    prop_assert_eq!(next.month(), month);
                    if month == 2 && day == 29 {
                        prop_assert_eq!(next.day(), if NaiveDate::from_ymd_opt(next.year(), 2, 29).is_some() { 29 } else { 28 });
                    } else {
                        prop_assert_eq!(next.day(), day);
                    }
                }
            }
        }
    }
}
