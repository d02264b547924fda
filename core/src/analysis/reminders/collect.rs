//! The rules that turn one account's dossier and order history into reminders.

use chrono::{Datelike, NaiveDate};

use super::{next_meeting, next_yearly, Reminder, ReminderFact, ReminderKind};
use crate::analysis::rules::{
    action_is_open, action_is_overdue, last_purchase, lost_from, promise_is_open, promise_is_overdue, proposal_state,
    tender_preparation_start, ProposalState, TENDER_MILESTONE_MONTHS,
};
use crate::model::{parse_birthday, Account, AccountStatus, Dossier, MonthTotal, Outcome, Programme};

/// Collects reminders for one account at a time, filtering by the horizon.
pub(super) struct Collector<'a> {
    pub today: NaiveDate,
    pub end: NaiveDate,
    pub out: &'a mut Vec<Reminder>,
}

impl Collector<'_> {
    /// Adds a reminder when it is overdue or falls within the horizon.
    fn add(&mut self, account: &Account, kind: ReminderKind, date: NaiveDate, overdue: bool, fact: ReminderFact) {
        self.push(account, kind, date, overdue, fact, false, None);
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        account: &Account,
        kind: ReminderKind,
        date: NaiveDate,
        overdue: bool,
        fact: ReminderFact,
        personal: bool,
        yearly: Option<(u32, u32)>,
    ) {
        if overdue || (date >= self.today && date <= self.end) {
            self.out.push(Reminder {
                date,
                kind,
                account_id: account.id.clone(),
                account_name: account.name.clone(),
                overdue,
                personal,
                yearly,
                fact,
            });
        }
    }

    pub fn birthdays(&mut self, account: &Account, d: &Dossier) {
        for p in d.people.iter().filter(|p| !p.name.trim().is_empty()) {
            let Some((month, day)) = parse_birthday(&p.birthday) else { continue };
            let Some(date) = next_yearly(month, day, self.today) else { continue };
            let born: Option<i32> =
                p.birthday.trim().get(..4).filter(|_| p.birthday.trim().len() == 10).and_then(|y| y.parse().ok());
            let fact = ReminderFact::Birthday {
                person: p.name.trim().to_string(),
                job_title: p.title.trim().to_string(),
                turns: born.map(|y| date.year() - y).filter(|a| (1..150).contains(a)),
                on_28_february: month == 2 && day == 29 && date.day() == 28,
            };
            self.push(account, ReminderKind::Birthday, date, false, fact, true, Some((month, day)));
        }
    }

    pub fn proposals(&mut self, account: &Account, d: &Dossier) {
        for p in &d.proposals {
            let ProposalState::Open { sent, receipt_call, valid_until, agreed } = proposal_state(p, self.today) else {
                continue;
            };
            let proposal = p.title.trim().to_string();
            if let (Some(sent), Some(call)) = (sent, receipt_call) {
                let fact = ReminderFact::ProposalFollowUp { proposal: proposal.clone(), sent };
                self.add(account, ReminderKind::ProposalFollowUp, call.day, call.passed, fact);
            }
            if let Some(v) = valid_until {
                let fact = ReminderFact::ProposalValidity { proposal: proposal.clone(), valid_until: v.day };
                self.add(account, ReminderKind::ProposalValidity, v.day, v.passed, fact);
            }
            if let Some(a) = agreed {
                let fact = ReminderFact::ProposalAgreedDate {
                    proposal: proposal.clone(),
                    agreed: a.day,
                    next_steps: p.next_steps.trim().to_string(),
                };
                self.add(account, ReminderKind::ProposalAgreedDate, a.day, a.passed, fact);
            }
        }
    }

    pub fn tenders(&mut self, account: &Account, d: &Dossier) {
        for t in d.tenders.iter().filter(|t| t.outcome == Outcome::Open) {
            let Some(day) = t.date else { continue };
            let tender = t.title.trim().to_string();
            if day < self.today {
                self.add(
                    account,
                    ReminderKind::TenderMilestone,
                    day,
                    true,
                    ReminderFact::TenderOutcome { tender, tender_day: day },
                );
                continue;
            }
            let preparation_start = tender_preparation_start(day);
            let milestone = |months_before: u32| ReminderFact::TenderMilestone {
                tender: tender.clone(),
                tender_day: day,
                months_before,
                preparation_start,
            };
            // Only the latest milestone already passed is reported (overdue), once.
            let mut latest_passed = None;
            for months in TENDER_MILESTONE_MONTHS {
                let Some(date) = day.checked_sub_months(chrono::Months::new(months)) else { continue };
                if date < self.today {
                    latest_passed = Some((date, months));
                } else {
                    self.add(account, ReminderKind::TenderMilestone, date, false, milestone(months));
                }
            }
            if let Some((date, months)) = latest_passed {
                self.add(account, ReminderKind::TenderMilestone, date, true, milestone(months));
            }
            self.add(
                account,
                ReminderKind::TenderMilestone,
                day,
                false,
                ReminderFact::TenderDay { tender, notes: t.notes.trim().to_string() },
            );
        }
    }

    pub fn meetings(&mut self, account: &Account, d: &Dossier) {
        for m in &d.meetings {
            let Some(date) = next_meeting(m.month, m.day, self.today) else { continue };
            let fact = ReminderFact::Meeting {
                title: m.title.trim().to_string(),
                with: m.with.trim().to_string(),
                day_fixed: m.day.is_some(),
            };
            self.add(account, ReminderKind::Meeting, date, false, fact);
        }
    }

    pub fn actions(&mut self, account: &Account, d: &Dossier) {
        for a in d.actions.iter().filter(|a| action_is_open(a)) {
            let Some(due) = a.due else { continue };
            let overdue = action_is_overdue(a, self.today);
            let kind = if overdue { ReminderKind::OverdueAction } else { ReminderKind::ActionDue };
            let fact = ReminderFact::Action {
                text: a.text.trim().to_string(),
                owner: a.owner.trim().to_string(),
                due,
                status: a.status,
            };
            self.add(account, kind, due, overdue, fact);
        }
    }

    /// Open promises with a due date: coming ones within the horizon, overdue ones always.
    pub fn promises(&mut self, account: &Account, d: &Dossier) {
        for p in d.promises.iter().filter(|p| promise_is_open(p)) {
            let Some(due) = p.due else { continue };
            let fact = ReminderFact::Promise {
                text: p.text.trim().to_string(),
                owner: p.owner.trim().to_string(),
                function: p.function,
                due,
            };
            self.add(account, ReminderKind::Promise, due, promise_is_overdue(p, self.today), fact);
        }
    }

    /// The managers' development goals that are not done and have a due date: coming ones within
    /// the horizon, overdue ones always. They belong to no account.
    pub fn development(&mut self, programme: &Programme) {
        for a in programme.skills.iter().filter(|a| !a.manager.trim().is_empty()) {
            for g in a.plans.iter().filter(|g| !g.done) {
                let Some(due) = g.due else { continue };
                if due <= self.end {
                    self.out.push(Reminder {
                        date: due,
                        kind: ReminderKind::Development,
                        account_id: String::new(),
                        account_name: a.manager.trim().to_string(),
                        overdue: due < self.today,
                        personal: false,
                        yearly: None,
                        fact: ReminderFact::Development {
                            manager: a.manager.trim().to_string(),
                            goal: g.goal.trim().to_string(),
                            training: g.training.trim().to_string(),
                            due,
                        },
                    });
                }
            }
        }
    }

    /// Every account, key or not: lost once it has not bought for more than `lost_months`.
    pub fn lost(&mut self, account: &Account, history: &[MonthTotal], lost_months: u32) {
        let Some(last) = last_purchase(history) else { return };
        let Some(from) = lost_from(last, lost_months) else { return };
        let fact = ReminderFact::Lost {
            last_purchase: last,
            lost_from: from,
            months: lost_months,
            counts_as_lost: from <= self.today,
        };
        self.add(account, ReminderKind::Lost, from, from < self.today, fact);
    }

    /// Any dossier marked lost with a win-back plan, key or not, reminded today.
    pub fn win_back(&mut self, account: &Account, d: &Dossier) {
        if d.status == AccountStatus::Lost && !d.winback_plan.trim().is_empty() {
            self.add(
                account,
                ReminderKind::WinBack,
                self.today,
                false,
                ReminderFact::WinBack { plan: d.winback_plan.trim().to_string() },
            );
        }
    }
}
