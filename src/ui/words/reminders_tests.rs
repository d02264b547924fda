use super::*;
use kam_core::model::ActionStatus;

#[test]
fn a_proposal_follow_up_in_words() {
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let at = |day, passed| Some(DayMark { day, passed });
    let open = ProposalState::Open {
        sent: Some(d(11, 20)),
        receipt_call: at(d(11, 21), true),
        valid_until: at(d(12, 31), false),
        agreed: None,
    };
    assert_eq!(
        proposal_follow_up(&open),
        "Receipt not confirmed: the call was due 2026-11-21. Valid until 2026-12-31. Agree the date of the next call."
    );
    let unsent =
        ProposalState::Open { sent: None, receipt_call: None, valid_until: at(d(12, 31), false), agreed: None };
    assert_eq!(proposal_follow_up(&unsent), "Not sent yet.");
    assert_eq!(proposal_follow_up(&ProposalState::Closed(kam_core::model::Outcome::Won)), "Closed: won.");
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn reminder(kind: ReminderKind, day: NaiveDate, overdue: bool, fact: ReminderFact) -> Reminder {
    Reminder {
        date: day,
        kind,
        account_id: "acme oy".into(),
        account_name: "Acme Oy".into(),
        overdue,
        personal: false,
        yearly: None,
        fact,
    }
}

fn words(r: &Reminder) -> (String, String) {
    (title(r), detail(r))
}

#[test]
fn birthdays() {
    let fact = ReminderFact::Birthday {
        person: "Ilze Kalniņa".into(),
        job_title: "CFO".into(),
        turns: Some(47),
        on_28_february: true,
    };
    let r = reminder(ReminderKind::Birthday, date(2027, 2, 28), false, fact);
    assert_eq!(
        words(&r),
        (
            "Birthday: Ilze Kalniņa".into(),
            "CFO. Turns 47. Born on 29 February: reminded on 28 February this year. Send greetings if that is your custom with them.".into()
        )
    );
    let fact =
        ReminderFact::Birthday { person: "Ann".into(), job_title: String::new(), turns: None, on_28_february: false };
    assert_eq!(
        detail(&reminder(ReminderKind::Birthday, date(2026, 12, 31), false, fact)),
        "Send greetings if that is your custom with them."
    );
}

#[test]
fn promises() {
    use kam_core::model::PromiseFunction;
    let fact = ReminderFact::Promise {
        text: "Spare parts within 48 h".into(),
        owner: "Service Oslo".into(),
        function: PromiseFunction::Service,
        due: date(2026, 11, 20),
    };
    assert_eq!(
        words(&reminder(ReminderKind::Promise, date(2026, 11, 20), true, fact.clone())),
        (
            "Promise overdue: Spare parts within 48 h".into(),
            "Kept by Service Oslo (service). Was due on 2026-11-20: check with them, tell the customer where it stands, and record it as kept or missed.".into()
        )
    );
    assert_eq!(
        words(&reminder(ReminderKind::Promise, date(2026, 11, 20), false, fact)),
        (
            "Promise due: Spare parts within 48 h".into(),
            "Kept by Service Oslo (service). Due on 2026-11-20: check with them that it will be kept.".into()
        )
    );
}

#[test]
fn proposals() {
    let follow =
        ReminderFact::ProposalFollowUp { proposal: "Picking robot pilot, Aarhus".into(), sent: date(2026, 11, 20) };
    let r = reminder(ReminderKind::ProposalFollowUp, date(2026, 11, 21), true, follow);
    assert_eq!(title(&r), "Call to confirm receipt: Picking robot pilot, Aarhus");
    assert_eq!(
        detail(&r),
        "Sent on 2026-11-20 and receipt not yet confirmed. Call, ask about next steps and what makes it urgent, and agree a date for the next call or meeting."
    );
    let untitled = ReminderFact::ProposalFollowUp { proposal: String::new(), sent: date(2026, 11, 20) };
    assert_eq!(
        title(&reminder(ReminderKind::ProposalFollowUp, date(2026, 11, 21), true, untitled)),
        "Call to confirm receipt: proposal"
    );
    let lapsed = ReminderFact::ProposalValidity { proposal: "Lapsed".into(), valid_until: date(2026, 11, 1) };
    assert_eq!(
        words(&reminder(ReminderKind::ProposalValidity, date(2026, 11, 1), true, lapsed.clone())),
        (
            "Proposal validity ends: Lapsed".into(),
            "The offer was valid until 2026-11-01 and no outcome is recorded: extend it, or record whether it was won, lost or withdrawn.".into()
        )
    );
    assert_eq!(
        detail(&reminder(ReminderKind::ProposalValidity, date(2026, 11, 1), false, lapsed)),
        "The offer is valid until 2026-11-01: ask about the decision before it lapses."
    );
    let agreed = ReminderFact::ProposalAgreedDate {
        proposal: "Open one".into(),
        agreed: date(2026, 12, 2),
        next_steps: "Demo".into(),
    };
    assert_eq!(
        words(&reminder(ReminderKind::ProposalAgreedDate, date(2026, 12, 2), false, agreed.clone())),
        (
            "Agreed call or meeting: Open one".into(),
            "The date agreed with the customer for the next call or meeting about this proposal. Next steps: Demo"
                .into()
        )
    );
    assert_eq!(
        detail(&reminder(ReminderKind::ProposalAgreedDate, date(2026, 12, 2), true, agreed)),
        "The date agreed with the customer (2026-12-02) has passed and the proposal is still open: record what came of it, or agree the next date. Next steps: Demo"
    );
}

#[test]
fn tenders() {
    use kam_core::analysis::reminders::fixtures::{transport_tender_day, transport_tender_milestone as milestone};
    let day = transport_tender_day();
    let titles: Vec<String> = [9, 6, 3, 1]
        .into_iter()
        .map(|m| title(&reminder(ReminderKind::TenderMilestone, day, false, milestone(m))))
        .collect();
    assert_eq!(
        titles,
        [
            "Start preparing the tender: Transport 2027",
            "Tender in 6 months: Transport 2027",
            "Tender in 3 months: Transport 2027",
            "Tender in 1 month: Transport 2027"
        ]
    );
    assert_eq!(
        detail(&reminder(ReminderKind::TenderMilestone, date(2026, 8, 3), false, milestone(9))),
        "Preparation starts about 9 months ahead: form the bid team, study the requirements and past bids, meet the people who shape the specification. The tender is on 2027-05-03."
    );
    assert_eq!(
        detail(&reminder(ReminderKind::TenderMilestone, date(2026, 11, 3), true, milestone(6))),
        "Preparation should have started on 2026-08-03. This step was due on 2026-11-03; the tender is on 2027-05-03. Check the preparation: requirements understood, references and partners lined up, the decision makers met."
    );
    let tender_day = reminder(
        ReminderKind::TenderMilestone,
        day,
        false,
        ReminderFact::TenderDay { tender: "Transport 2027".into(), notes: String::new() },
    );
    assert_eq!(words(&tender_day), ("Tender day: Transport 2027".into(), "Submission of Transport 2027.".into()));
    let outcome = reminder(
        ReminderKind::TenderMilestone,
        date(2026, 10, 1),
        true,
        ReminderFact::TenderOutcome { tender: "Transport 2027".into(), tender_day: date(2026, 10, 1) },
    );
    assert_eq!(
        words(&outcome),
        (
            "Record the outcome: Transport 2027".into(),
            "The tender was on 2026-10-01: record whether it was won, lost or withdrawn, and what we learned.".into()
        )
    );
}

#[test]
fn meetings_and_actions() {
    let meeting = |title: &str, with: &str, day_fixed: bool| {
        reminder(
            ReminderKind::Meeting,
            date(2027, 2, 12),
            false,
            ReminderFact::Meeting { title: title.into(), with: with.into(), day_fixed },
        )
    };
    assert_eq!(
        words(&meeting("Annual business review", "Jens Madsen", true)),
        ("Annual business review".into(), "With Jens Madsen.".into())
    );
    assert_eq!(
        words(&meeting("", "", false)),
        (
            "Governance meeting".into(),
            "In the governance calendar; no day fixed yet (shown on the 1st of the month).".into()
        )
    );
    let action = |kind: ReminderKind, owner: &str| {
        reminder(
            kind,
            date(2026, 11, 10),
            kind == ReminderKind::OverdueAction,
            ReminderFact::Action {
                text: "Late".into(),
                owner: owner.into(),
                due: date(2026, 11, 10),
                status: ActionStatus::InProgress,
            },
        )
    };
    assert_eq!(
        words(&action(ReminderKind::OverdueAction, "Maria")),
        ("Overdue: Late".into(), "Owner: Maria. Was due on 2026-11-10: do it, agree a new date, or drop it.".into())
    );
    assert_eq!(
        words(&action(ReminderKind::ActionDue, "")),
        ("Late".into(), "No owner. Due on 2026-11-10 (in progress).".into())
    );
}

#[test]
fn lost_and_win_back() {
    let lost = |counts_as_lost: bool| ReminderFact::Lost {
        last_purchase: date(2026, 5, 24),
        lost_from: date(2026, 11, 25),
        months: 6,
        counts_as_lost,
    };
    assert_eq!(
        words(&reminder(ReminderKind::Lost, date(2026, 11, 25), false, lost(true))),
        (
            "No purchase since 2026-05-24".into(),
            "Counts as lost since 2026-11-25: no purchase for more than 6 months. Find out why, and decide whether to win it back and how.".into()
        )
    );
    assert_eq!(
        detail(&reminder(ReminderKind::Lost, date(2026, 11, 25), false, lost(false))),
        "Counts as lost from 2026-11-25 unless it buys before then (6 months without a purchase). Get in touch now."
    );
    let win_back = reminder(
        ReminderKind::WinBack,
        date(2026, 11, 24),
        false,
        ReminderFact::WinBack { plan: "Special offer on service\nthen a visit".into() },
    );
    assert_eq!(
        words(&win_back),
        (
            "Win back: Special offer on service".into(),
            "The account is marked lost. Win-back plan: Special offer on service\nthen a visit".into()
        )
    );
    assert_eq!(first_line(&"x".repeat(100), 80), format!("{}…", "x".repeat(79)));
    assert_eq!(
        lost_hint(date(2026, 1, 10), 6),
        "No purchase since 2026-01-10: more than 6 months, so by the programme's criterion this account counts as lost."
    );
}

#[test]
fn kinds_calendar_entries_and_calendar_file() {
    for k in ReminderKind::ALL {
        assert!(!kind_label(k).is_empty());
    }
    assert_eq!(kind_label(ReminderKind::ProposalAgreedDate), "Agreed call or meeting");
    let r = reminder(
        ReminderKind::Lost,
        date(2026, 11, 25),
        false,
        ReminderFact::Lost {
            last_purchase: date(2026, 5, 24),
            lost_from: date(2026, 11, 25),
            months: 6,
            counts_as_lost: true,
        },
    );
    let w = event_words(&r);
    assert_eq!((w.category.as_str(), w.account_line.as_str()), ("Lost account", "Account: Acme Oy"));
    assert_eq!(
        calendar_entry(&CalendarFact::Meeting { title: "Annual business review".into(), with: "Jens Madsen".into() }),
        "Annual business review (with Jens Madsen)"
    );
    assert_eq!(
        calendar_entry(&CalendarFact::Meeting { title: "Quality audit".into(), with: " ".into() }),
        "Quality audit"
    );
    assert_eq!(
        calendar_entry(&CalendarFact::TenderPreparation { tender: "Nordic transport tender 2027".into() }),
        "Start preparing: Nordic transport tender 2027"
    );
    assert_eq!(
        calendar_entry(&CalendarFact::TenderDay { tender: "Nordic transport tender 2027".into() }),
        "Tender: Nordic transport tender 2027"
    );
    assert_eq!(
        calendar_entry(&CalendarFact::ProposalValidity { proposal: "Pilot".into() }),
        "Proposal valid until: Pilot"
    );
    assert_eq!(
        calendar_entry(&CalendarFact::ObjectiveDue { objective: "Win the Norway pallet business".into() }),
        "Objective due: Win the Norway pallet business"
    );
}

#[test]
fn the_calendar_file_keeps_its_english() {
    let ws = crate::ui::words::demo::demo_workspace();
    let list = kam_core::analysis::reminders(&ws, ws.programme.lost_after_months, date(2026, 11, 24), 30);
    let stamp = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(
        date(2026, 11, 24).and_hms_opt(9, 30, 0).expect("valid time"),
        chrono::Utc,
    );
    let ics = kam_core::exchange::reminders_to_ics(&list, stamp, false, event_words).replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY:Call to confirm receipt: Picking robot pilot\\, Aarhus – Nordhavn Logistics A/S\r\n"),
        "{ics}"
    );
    assert!(ics.contains("\\nAccount: Nordhavn Logistics A/S\r\n"));
    assert!(ics.contains("CATEGORIES:Proposal follow-up\r\n"));
}
