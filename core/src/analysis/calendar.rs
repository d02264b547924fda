//! The annual calendar ("annual clock"): for one year, the governance meetings, tender days,
//! tender preparation starts, proposal validity ends and objective deadlines of every key account,
//! by month. The app's calendar page shows exactly this, worded by `src/ui/words/reminders.rs`.

use chrono::{Datelike, NaiveDate};

use crate::analysis::rules::tender_preparation_start;
use crate::model::{Outcome, Workspace};

/// The group an entry belongs to, for its colour on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CalendarKind {
    Meeting,
    Tender,
    Proposal,
    Objective,
    /// A goal of a key account manager's development plan.
    Development,
}

impl CalendarKind {
    /// Stable identifier (the page's CSS class is `cal-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            CalendarKind::Meeting => "meeting",
            CalendarKind::Tender => "tender",
            CalendarKind::Proposal => "proposal",
            CalendarKind::Objective => "objective",
            CalendarKind::Development => "development",
        }
    }
}

/// What a calendar entry is, with the user's texts as they were entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarFact {
    /// A recurring governance meeting or review, held with `with` (may be blank).
    Meeting { title: String, with: String },
    /// The day of an open tender.
    TenderDay { tender: String },
    /// The day preparation for an open tender starts
    /// ([`crate::analysis::rules::tender_preparation_start`]).
    TenderPreparation { tender: String },
    /// The last day an open proposal is valid.
    ProposalValidity { proposal: String },
    /// An objective's deadline.
    ObjectiveDue { objective: String },
    /// A goal of `manager`'s development plan is due (an entry of no account).
    DevelopmentDue { manager: String, goal: String },
}

impl CalendarFact {
    pub fn kind(&self) -> CalendarKind {
        match self {
            CalendarFact::Meeting { .. } => CalendarKind::Meeting,
            CalendarFact::TenderDay { .. } | CalendarFact::TenderPreparation { .. } => CalendarKind::Tender,
            CalendarFact::ProposalValidity { .. } => CalendarKind::Proposal,
            CalendarFact::ObjectiveDue { .. } => CalendarKind::Objective,
            CalendarFact::DevelopmentDue { .. } => CalendarKind::Development,
        }
    }
}

/// One entry of a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Day of the month, when known (a meeting may have no day fixed yet). A meeting's day is shown
    /// as entered, not clamped to the month's length.
    pub day: Option<u32>,
    pub account_id: String,
    pub account_name: String,
    pub fact: CalendarFact,
}

/// One month of the year, 1–12, with its entries by day (undated meetings first), then account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarMonth {
    pub month: u32,
    pub entries: Vec<CalendarEntry>,
}

/// The twelve months of `year` for every key account with a dossier. Meetings recur every year
/// (a month stored outside 1–12, only possible in a hand-edited file, shows in the nearest one);
/// tenders and proposals count only while their outcome is open; dated items show in the year
/// they fall in. Entries of a day keep the order of accounts, then meetings, tenders, proposals
/// and objectives, when they belong to the same account.
pub fn annual_calendar(ws: &Workspace, year: i32) -> Vec<CalendarMonth> {
    // (month, entry), in the order accounts, then meetings, tenders, proposals, objectives.
    let mut items: Vec<(u32, CalendarEntry)> = Vec::new();
    for a in ws.accounts().iter().filter(|a| a.is_key) {
        let Some(d) = ws.dossier(&a.id) else { continue };
        let mut push = |month: u32, day: Option<u32>, fact: CalendarFact| {
            items.push((month, CalendarEntry { day, account_id: a.id.clone(), account_name: a.name.clone(), fact }));
        };
        for m in &d.meetings {
            push(m.month.clamp(1, 12), m.day, CalendarFact::Meeting { title: m.title.clone(), with: m.with.clone() });
        }
        let mut dated = |date: NaiveDate, fact: CalendarFact| {
            if date.year() == year {
                push(date.month(), Some(date.day()), fact);
            }
        };
        for t in d.tenders.iter().filter(|t| t.outcome == Outcome::Open) {
            let Some(day) = t.date else { continue };
            dated(day, CalendarFact::TenderDay { tender: t.title.clone() });
            if let Some(prep) = tender_preparation_start(day) {
                dated(prep, CalendarFact::TenderPreparation { tender: t.title.clone() });
            }
        }
        for p in d.proposals.iter().filter(|p| p.outcome == Outcome::Open) {
            if let Some(v) = p.valid_until {
                dated(v, CalendarFact::ProposalValidity { proposal: p.title.clone() });
            }
        }
        for o in &d.objectives {
            if let Some(due) = o.due {
                dated(due, CalendarFact::ObjectiveDue { objective: o.text.clone() });
            }
        }
    }
    // The managers' development goals: entries of no account, named by the manager.
    for a in ws.programme.skills.iter().filter(|a| !a.manager.trim().is_empty()) {
        for g in a.plans.iter().filter(|g| !g.done) {
            if let Some(due) = g.due.filter(|d| d.year() == year) {
                let fact = CalendarFact::DevelopmentDue {
                    manager: a.manager.trim().to_string(),
                    goal: g.goal.trim().to_string(),
                };
                items.push((
                    due.month(),
                    CalendarEntry {
                        day: Some(due.day()),
                        account_id: String::new(),
                        account_name: a.manager.trim().to_string(),
                        fact,
                    },
                ));
            }
        }
    }
    // A stable sort: the order above is kept among entries of the same day and account.
    items.sort_by(|(ma, a), (mb, b)| {
        (ma, a.day.unwrap_or(0), &a.account_name).cmp(&(mb, b.day.unwrap_or(0), &b.account_name))
    });
    let mut months: Vec<CalendarMonth> =
        (1..=12u32).map(|month| CalendarMonth { month, entries: Vec::new() }).collect();
    for (month, entry) in items {
        months[(month - 1) as usize].entries.push(entry);
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, Dossier, Meeting, Objective, Proposal, Tender};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn ws_with(name: &str, d: Dossier) -> Workspace {
        let mut a = Account::new(name);
        a.is_key = true;
        let mut d = d;
        d.account_id = a.id.clone();
        Workspace::of(vec![a], vec![d])
    }

    fn facts(months: &[CalendarMonth], month: u32) -> Vec<(Option<u32>, &CalendarFact)> {
        months[(month - 1) as usize].entries.iter().map(|e| (e.day, &e.fact)).collect()
    }

    #[test]
    fn twelve_months_with_the_year_s_dated_items_and_every_meeting() {
        let d = Dossier {
            meetings: vec![
                Meeting {
                    id: Default::default(),
                    title: "Review".into(),
                    month: 2,
                    day: Some(31),
                    with: "Jens".into(),
                    ..Default::default()
                },
                Meeting {
                    id: Default::default(),
                    title: "Kick-off".into(),
                    month: 2,
                    day: None,
                    with: String::new(),
                    ..Default::default()
                },
                Meeting {
                    id: Default::default(),
                    title: "Hand-edited".into(),
                    month: 13,
                    day: None,
                    with: String::new(),
                    ..Default::default()
                },
            ],
            tenders: vec![
                Tender { title: "Transport".into(), date: Some(date(2027, 5, 31)), ..Default::default() },
                Tender {
                    title: "Decided".into(),
                    date: Some(date(2027, 6, 1)),
                    outcome: Outcome::Won,
                    ..Default::default()
                },
            ],
            proposals: vec![
                Proposal { title: "Pilot".into(), valid_until: Some(date(2026, 12, 31)), ..Default::default() },
                Proposal {
                    title: "Lost".into(),
                    valid_until: Some(date(2026, 12, 1)),
                    outcome: Outcome::Lost,
                    ..Default::default()
                },
            ],
            objectives: vec![Objective { text: "Grow".into(), due: Some(date(2027, 6, 30)), ..Default::default() }],
            ..Default::default()
        };
        let ws = ws_with("Acme Oy", d);
        let y2026 = annual_calendar(&ws, 2026);
        assert_eq!(y2026.iter().map(|m| m.month).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());
        let meeting = |title: &str, with: &str| CalendarFact::Meeting { title: title.into(), with: with.into() };
        // Undated meetings first; the day is shown as entered (31 February).
        assert_eq!(facts(&y2026, 2), vec![(None, &meeting("Kick-off", "")), (Some(31), &meeting("Review", "Jens"))]);
        assert_eq!(
            facts(&y2026, 12),
            vec![
                (None, &meeting("Hand-edited", "")),
                (Some(31), &CalendarFact::ProposalValidity { proposal: "Pilot".into() })
            ]
        );
        // Preparation for the tender of 31 May 2027 starts on 31 August 2026.
        assert_eq!(facts(&y2026, 8), vec![(Some(31), &CalendarFact::TenderPreparation { tender: "Transport".into() })]);
        assert!(y2026[4].entries.is_empty() && y2026[5].entries.is_empty());
        let y2027 = annual_calendar(&ws, 2027);
        assert_eq!(facts(&y2027, 5), vec![(Some(31), &CalendarFact::TenderDay { tender: "Transport".into() })]);
        assert_eq!(
            facts(&y2027, 6),
            vec![(Some(30), &CalendarFact::ObjectiveDue { objective: "Grow".into() })],
            "the decided tender is left out"
        );
        assert!(y2027[7].entries.is_empty(), "no preparation mark in the tender's own year");
        assert_eq!(y2027[1].entries.len(), 2, "meetings recur every year");
        assert_eq!(CalendarFact::TenderPreparation { tender: String::new() }.kind().id(), "tender");
    }

    #[test]
    fn key_accounts_only_ordered_by_day_then_account() {
        let meeting = |title: &str, day: u32| Meeting {
            id: Default::default(),
            title: title.into(),
            month: 3,
            day: Some(day),
            with: String::new(),
            ..Default::default()
        };
        let mut ws = ws_with("Zeta Oy", Dossier { meetings: vec![meeting("Z review", 5)], ..Default::default() });
        let other = ws_with(
            "Alpha AB",
            Dossier { meetings: vec![meeting("A review", 5), meeting("A early", 2)], ..Default::default() },
        );
        for a in other.accounts() {
            ws.insert_account(a.clone());
        }
        for d in other.dossiers() {
            ws.upsert_dossier(d.clone());
        }
        let march = |ws: &Workspace| {
            annual_calendar(ws, 2026)[2].entries.iter().map(|e| (e.day, e.account_name.clone())).collect::<Vec<_>>()
        };
        assert_eq!(
            march(&ws),
            vec![
                (Some(2), "Alpha AB".to_string()),
                (Some(5), "Alpha AB".to_string()),
                (Some(5), "Zeta Oy".to_string())
            ]
        );
        ws.accounts_mut()[1].is_key = false;
        assert_eq!(march(&ws), vec![(Some(5), "Zeta Oy".to_string())]);
    }

    #[test]
    fn demo_calendar() {
        let ws = crate::demo::test_demo();
        let has = |months: &[CalendarMonth], month: u32, account: &str, fact: &CalendarFact| {
            months[(month - 1) as usize].entries.iter().any(|e| e.account_name == account && e.fact == *fact)
        };
        let y2026 = annual_calendar(&ws, 2026);
        assert!(y2026[1].entries.iter().any(|e| e.account_name == "Nordhavn Logistics A/S"
            && matches!(&e.fact, CalendarFact::Meeting { title, .. } if title == "Annual business review")));
        assert!(y2026[3].entries.iter().any(|e| e.account_name == "Helsinki Medical Supplies Oy"
            && matches!(&e.fact, CalendarFact::Meeting { title, .. } if title == "Quality audit")));
        assert!(has(
            &y2026,
            8,
            "Nordhavn Logistics A/S",
            &CalendarFact::TenderPreparation { tender: "Nordic transport tender 2027".into() }
        ));
        let y2027 = annual_calendar(&ws, 2027);
        assert!(has(
            &y2027,
            5,
            "Nordhavn Logistics A/S",
            &CalendarFact::TenderDay { tender: "Nordic transport tender 2027".into() }
        ));
        assert!(has(
            &y2027,
            6,
            "Nordhavn Logistics A/S",
            &CalendarFact::ObjectiveDue { objective: "Win the Norway pallet business".into() }
        ));
    }
}
