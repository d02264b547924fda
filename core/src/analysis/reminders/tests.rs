use super::*;
use crate::model::{
    monthly_totals, Account, AccountStatus, Action, Dossier, Meeting, OrderLine, Outcome, Person, Proposal, Tender,
};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn key_ws(d: Dossier) -> Workspace {
    let mut a = Account::new("Acme Oy");
    a.is_key = true;
    let mut d = d;
    d.account_id = a.id.clone();
    Workspace::of(vec![a], vec![d])
}

fn of(list: &[Reminder], kind: ReminderKind) -> Vec<&Reminder> {
    list.iter().filter(|r| r.kind == kind).collect()
}

/// The user text a reminder is about (person, proposal, tender, meeting, action or plan).
fn subject(r: &Reminder) -> &str {
    match &r.fact {
        ReminderFact::Birthday { person, .. } => person,
        ReminderFact::ProposalFollowUp { proposal, .. }
        | ReminderFact::ProposalValidity { proposal, .. }
        | ReminderFact::ProposalAgreedDate { proposal, .. } => proposal,
        ReminderFact::TenderMilestone { tender, .. }
        | ReminderFact::TenderDay { tender, .. }
        | ReminderFact::TenderOutcome { tender, .. } => tender,
        ReminderFact::Meeting { title, .. } => title,
        ReminderFact::Action { text, .. } | ReminderFact::Promise { text, .. } => text,
        ReminderFact::WinBack { plan } => plan,
        ReminderFact::Development { goal, .. } => goal,
        ReminderFact::Lost { .. } => "",
    }
}

fn birthday_ws(birthday: &str) -> Workspace {
    let mut d = Dossier::default();
    d.people.push(Person {
        name: "Ilze Kalniņa".into(),
        title: "CFO".into(),
        birthday: birthday.into(),
        ..Default::default()
    });
    key_ws(d)
}

#[test]
fn kind_ids_are_stable_and_match_serde() {
    for k in ReminderKind::ALL {
        assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.id()));
    }
    let fact = ReminderFact::WinBack { plan: "Visit".into() };
    assert_eq!(serde_json::to_value(&fact).unwrap(), serde_json::json!({ "type": "win_back", "plan": "Visit" }));
}

#[test]
fn birthday_29_february_in_2027_and_2028() {
    let ws = birthday_ws("1980-02-29");
    // 2027 is a common year: reminded on 28 February.
    let r = reminders(&ws, 0, date(2027, 2, 1), 30);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].date, date(2027, 2, 28));
    assert_eq!(
        r[0].fact,
        ReminderFact::Birthday {
            person: "Ilze Kalniņa".into(),
            job_title: "CFO".into(),
            turns: Some(47),
            on_28_february: true
        }
    );
    assert!(r[0].personal && !r[0].overdue);
    assert_eq!(r[0].yearly, Some((2, 29)));
    // On the day itself it is still today's reminder.
    assert_eq!(reminders(&ws, 0, date(2027, 2, 28), 0)[0].date, date(2027, 2, 28));
    // The day after, the next one is in the leap year 2028, on the 29th.
    assert!(reminders(&ws, 0, date(2027, 3, 1), 300).is_empty());
    let r = reminders(&ws, 0, date(2027, 3, 1), 365);
    assert_eq!(r[0].date, date(2028, 2, 29));
    assert!(
        matches!(r[0].fact, ReminderFact::Birthday { turns: Some(48), on_28_february: false, .. }),
        "{:?}",
        r[0].fact
    );
    // In 2028, 28 February is not the birthday.
    assert_eq!(reminders(&ws, 0, date(2028, 2, 28), 0), vec![]);
    assert_eq!(reminders(&ws, 0, date(2028, 2, 28), 1)[0].date, date(2028, 2, 29));
}

#[test]
fn birthdays_without_year_and_unreadable_ones() {
    let r = reminders(&birthday_ws("--12-31"), 0, date(2026, 12, 31), 0);
    assert_eq!(r.len(), 1);
    assert!(matches!(r[0].fact, ReminderFact::Birthday { turns: None, .. }), "{:?}", r[0].fact);
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
    assert_eq!(r[0].fact, ReminderFact::ProposalFollowUp { proposal: "Pilot".into(), sent: today });
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
            Proposal {
                title: "Open one".into(),
                valid_until: Some(date(2026, 12, 31)),
                agreed_date: Some(date(2026, 12, 2)),
                next_steps: "Demo".into(),
                ..Default::default()
            },
            Proposal {
                title: "Lapsed".into(),
                valid_until: Some(date(2026, 11, 1)),
                agreed_date: Some(date(2026, 11, 2)),
                ..Default::default()
            },
            Proposal {
                title: "Lost one".into(),
                valid_until: Some(date(2026, 11, 1)),
                outcome: Outcome::Lost,
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let r = reminders(&key_ws(d), 0, today, 10);
    let got: Vec<(NaiveDate, ReminderKind, &str, bool)> =
        r.iter().map(|r| (r.date, r.kind, subject(r), r.overdue)).collect();
    assert_eq!(
        got,
        vec![
            (date(2026, 11, 1), ReminderKind::ProposalValidity, "Lapsed", true),
            (date(2026, 11, 2), ReminderKind::ProposalAgreedDate, "Lapsed", true),
            (date(2026, 12, 2), ReminderKind::ProposalAgreedDate, "Open one", false),
        ],
        "the validity of 31 December is beyond the 10-day horizon"
    );
    assert_eq!(r[0].fact, ReminderFact::ProposalValidity { proposal: "Lapsed".into(), valid_until: date(2026, 11, 1) });
    assert_eq!(
        r[2].fact,
        ReminderFact::ProposalAgreedDate {
            proposal: "Open one".into(),
            agreed: date(2026, 12, 2),
            next_steps: "Demo".into()
        }
    );
}

fn tender_ws(day: NaiveDate) -> Workspace {
    let mut d = Dossier::default();
    d.tenders.push(Tender {
        title: "Transport 2027".into(),
        date: Some(day),
        outcome: Outcome::Open,
        ..Default::default()
    });
    key_ws(d)
}

#[test]
fn tender_far_ahead_gives_all_milestones() {
    let day = super::fixtures::transport_tender_day();
    let r = reminders(&tender_ws(day), 0, date(2026, 7, 1), 400);
    let milestone = super::fixtures::transport_tender_milestone;
    let got: Vec<(NaiveDate, ReminderFact)> = r.iter().map(|r| (r.date, r.fact.clone())).collect();
    assert_eq!(
        got,
        vec![
            (date(2026, 8, 3), milestone(9)),
            (date(2026, 11, 3), milestone(6)),
            (date(2027, 2, 3), milestone(3)),
            (date(2027, 4, 3), milestone(1)),
            (day, ReminderFact::TenderDay { tender: "Transport 2027".into(), notes: String::new() }),
        ]
    );
    assert!(r.iter().all(|r| !r.overdue && r.kind == ReminderKind::TenderMilestone));
}

#[test]
fn tender_milestones_clamp_to_the_end_of_the_month() {
    // 31 May minus 3 months = 28 February in 2027, 29 February in 2028; minus 9 = 31 August.
    let r = reminders(&tender_ws(date(2027, 5, 31)), 0, date(2026, 6, 1), 400);
    let dates: Vec<NaiveDate> = r.iter().map(|r| r.date).collect();
    assert_eq!(
        dates,
        vec![date(2026, 8, 31), date(2026, 11, 30), date(2027, 2, 28), date(2027, 4, 30), date(2027, 5, 31)]
    );
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
    assert_eq!(
        r[0].fact,
        ReminderFact::TenderMilestone {
            tender: "Transport 2027".into(),
            tender_day: date(2027, 5, 3),
            months_before: 6,
            preparation_start: Some(date(2026, 8, 3))
        }
    );
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
    assert_eq!(
        r[0].fact,
        ReminderFact::TenderOutcome { tender: "Transport 2027".into(), tender_day: date(2026, 10, 1) }
    );
    // A decided tender gives nothing.
    let mut ws = tender_ws(date(2026, 10, 1));
    ws.dossiers_mut()[0].tenders[0].outcome = Outcome::Won;
    assert!(reminders(&ws, 0, date(2026, 11, 24), 365).is_empty());
    // Tender day today is not overdue (the passed 1-month milestone still is, once).
    let r = reminders(&tender_ws(date(2026, 11, 24)), 0, date(2026, 11, 24), 0);
    assert_eq!(
        r.iter().map(|r| (&r.fact, r.overdue)).collect::<Vec<_>>(),
        vec![
            (
                &ReminderFact::TenderMilestone {
                    tender: "Transport 2027".into(),
                    tender_day: date(2026, 11, 24),
                    months_before: 1,
                    preparation_start: Some(date(2026, 2, 24))
                },
                true
            ),
            (&ReminderFact::TenderDay { tender: "Transport 2027".into(), notes: String::new() }, false)
        ]
    );
}

#[test]
fn meetings_recur_yearly_with_day_clamped() {
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
                title: "Workshop".into(),
                month: 9,
                day: None,
                with: String::new(),
                ..Default::default()
            },
            Meeting {
                id: Default::default(),
                title: "Broken".into(),
                month: 13,
                day: None,
                with: String::new(),
                ..Default::default()
            },
            Meeting {
                id: Default::default(),
                title: "Zero day".into(),
                month: 3,
                day: Some(0),
                with: String::new(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    let r = reminders(&key_ws(d), 0, date(2027, 3, 1), 365);
    let got: Vec<(NaiveDate, &ReminderFact)> = r.iter().map(|r| (r.date, &r.fact)).collect();
    let meeting = |title: &str, with: &str, day_fixed: bool| ReminderFact::Meeting {
        title: title.into(),
        with: with.into(),
        day_fixed,
    };
    assert_eq!(
        got,
        vec![
            (date(2027, 3, 1), &meeting("Zero day", "", true)),
            (date(2027, 9, 1), &meeting("Workshop", "", false)),
            (date(2028, 2, 29), &meeting("Review", "Jens", true))
        ]
    );
    assert!(r.iter().all(|r| !r.overdue && !r.personal));
    assert_eq!(next_meeting(2, Some(31), date(2027, 1, 1)), Some(date(2027, 2, 28)));
}

#[test]
fn actions_overdue_and_due() {
    let mut d = Dossier::default();
    let act = |text: &str, due: Option<NaiveDate>, status: ActionStatus| Action {
        id: Default::default(),
        text: text.into(),
        owner: "Maria".into(),
        due,
        status,
    };
    d.actions = vec![
        act("Late", Some(date(2026, 11, 10)), ActionStatus::InProgress),
        act("Soon", Some(date(2026, 11, 30)), ActionStatus::Open),
        act("Later", Some(date(2027, 3, 1)), ActionStatus::Open),
        act("Done", Some(date(2026, 11, 10)), ActionStatus::Done),
        act("Undated", None, ActionStatus::Open),
    ];
    let r = reminders(&key_ws(d), 0, date(2026, 11, 24), 14);
    let got: Vec<(ReminderKind, &str, bool)> = r.iter().map(|r| (r.kind, subject(r), r.overdue)).collect();
    assert_eq!(got, vec![(ReminderKind::OverdueAction, "Late", true), (ReminderKind::ActionDue, "Soon", false)]);
    assert_eq!(
        r[0].fact,
        ReminderFact::Action {
            text: "Late".into(),
            owner: "Maria".into(),
            due: date(2026, 11, 10),
            status: ActionStatus::InProgress
        }
    );
}

#[test]
fn open_promises_are_reminded_when_due_and_when_overdue() {
    use crate::model::{Promise, PromiseFunction, PromiseState};
    let mut d = Dossier::default();
    let promise = |text: &str, due: Option<NaiveDate>, state: PromiseState| Promise {
        text: text.into(),
        owner: " Ops team ".into(),
        function: PromiseFunction::Operations,
        due,
        state,
        ..Default::default()
    };
    d.promises = vec![
        promise("Late", Some(date(2026, 11, 1)), PromiseState::Open),
        promise("Today", Some(date(2026, 11, 24)), PromiseState::Open),
        promise("Far", Some(date(2027, 6, 1)), PromiseState::Open),
        promise("Missed", Some(date(2026, 11, 1)), PromiseState::Missed),
        promise("Kept", Some(date(2026, 11, 30)), PromiseState::Kept),
        promise("Undated", None, PromiseState::Open),
    ];
    let r = reminders(&key_ws(d), 0, date(2026, 11, 24), 30);
    let got: Vec<(ReminderKind, &str, bool)> = r.iter().map(|r| (r.kind, subject(r), r.overdue)).collect();
    assert_eq!(got, vec![(ReminderKind::Promise, "Late", true), (ReminderKind::Promise, "Today", false)]);
    assert_eq!(
        r[0].fact,
        ReminderFact::Promise {
            text: "Late".into(),
            owner: "Ops team".into(),
            function: PromiseFunction::Operations,
            due: date(2026, 11, 1)
        }
    );
}

#[test]
fn dossier_rules_apply_to_key_accounts_only() {
    let mut ws = birthday_ws("--11-24");
    assert_eq!(reminders(&ws, 0, date(2026, 11, 24), 0).len(), 1);
    ws.accounts_mut()[0].is_key = false;
    assert!(reminders(&ws, 0, date(2026, 11, 24), 0).is_empty());
}

#[test]
fn lost_accounts_by_calendar_months_key_or_not() {
    let mut ws = Workspace::default();
    let a = Account::new("Quiet Oy");
    let line = |d: NaiveDate, revenue: f64| OrderLine { date: d, revenue, profit: None };
    ws.set_history(&a.id, monthly_totals(&[line(date(2026, 5, 24), 10.0), line(date(2026, 9, 1), -5.0)]));
    ws.insert_account(a);
    // Last purchase 24 May + 6 months = 24 November: not yet more than 6 months.
    let r = reminders(&ws, 6, date(2026, 11, 24), 0);
    assert!(r.is_empty(), "{r:?}");
    // The next day it is lost (the credit note of September is not a purchase).
    let r = reminders(&ws, 6, date(2026, 11, 25), 0);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].kind, r[0].date, r[0].overdue), (ReminderKind::Lost, date(2026, 11, 25), false));
    let lost = |counts_as_lost: bool| ReminderFact::Lost {
        last_purchase: date(2026, 5, 24),
        lost_from: date(2026, 11, 25),
        months: 6,
        counts_as_lost,
    };
    assert_eq!(r[0].fact, lost(true));
    // Later it stays, overdue, with the date it became lost.
    let r = reminders(&ws, 6, date(2027, 1, 10), 0);
    assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 25), true));
    assert_eq!(r[0].fact, lost(true));
    // Within the horizon before that, it is an early warning.
    let r = reminders(&ws, 6, date(2026, 11, 20), 7);
    assert_eq!((r[0].date, r[0].overdue), (date(2026, 11, 25), false));
    assert_eq!(r[0].fact, lost(false), "not lost yet: it can still buy before then");
    // 0 months turns the rule off.
    assert!(reminders(&ws, 0, date(2027, 1, 10), 0).is_empty());
    // End of month: last purchase 31 May + 3 months = 31 August; lost from 1 September.
    ws.set_history("quiet oy", monthly_totals(&[line(date(2026, 5, 31), 1.0)]));
    assert!(reminders(&ws, 3, date(2026, 8, 31), 0).is_empty());
    assert_eq!(reminders(&ws, 3, date(2026, 9, 1), 0).len(), 1);
}

#[test]
fn win_back_plan_of_a_lost_dossier_is_reminded_today() {
    let d = Dossier {
        status: AccountStatus::Lost,
        winback_plan: "Special offer on service\nthen a visit".into(),
        ..Default::default()
    };
    let mut ws = key_ws(d);
    ws.accounts_mut()[0].is_key = false;
    let today = date(2026, 11, 24);
    let r = reminders(&ws, 6, today, 0);
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].kind, r[0].date, r[0].overdue), (ReminderKind::WinBack, today, false));
    assert_eq!(r[0].fact, ReminderFact::WinBack { plan: "Special offer on service\nthen a visit".into() });
    ws.dossiers_mut()[0].winback_plan = "  ".into();
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
    let ws = crate::demo::test_demo();
    let lost_months = ws.programme.lost_after_months;
    let r = reminders(&ws, lost_months, date(2026, 11, 24), 30);
    let nordhavn: Vec<&Reminder> = r.iter().filter(|r| r.account_name == "Nordhavn Logistics A/S").collect();
    let follow = nordhavn.iter().find(|r| r.kind == ReminderKind::ProposalFollowUp).expect("follow-up");
    assert_eq!((follow.date, follow.overdue), (date(2026, 11, 21), true));
    assert_eq!(
        follow.fact,
        ReminderFact::ProposalFollowUp { proposal: "Picking robot pilot, Aarhus".into(), sent: date(2026, 11, 20) }
    );
    let visit = nordhavn.iter().find(|r| r.kind == ReminderKind::OverdueAction).expect("site visit");
    assert_eq!(visit.date, date(2026, 11, 10));
    // Tender on 3 May 2027: preparation should have started on 3 August; the 6-month mark
    // (3 November) is reported once as overdue.
    let tender: Vec<_> = nordhavn.iter().filter(|r| r.kind == ReminderKind::TenderMilestone).collect();
    assert_eq!(tender.len(), 1);
    assert_eq!((tender[0].date, tender[0].overdue), (date(2026, 11, 3), true));
    assert!(
        matches!(&tender[0].fact, ReminderFact::TenderMilestone { tender, months_before: 6, preparation_start: Some(start), .. } if tender == "Nordic transport tender 2027" && *start == date(2026, 8, 3)),
        "{:?}",
        tender[0].fact
    );
    // The demo's accounts that stopped buying count as lost, key or not.
    let lost: Vec<&str> = of(&r, ReminderKind::Lost).iter().map(|r| r.account_name.as_str()).collect();
    for name in ["Stockholm Retail Group AB", "Jyväskylä Paper Machinery", "Vaasa Energy Consulting Oy"] {
        assert!(lost.contains(&name), "{name} in {lost:?}");
    }
    // Ilze Kalniņa (born 29 February 1980) is reminded on 28 February 2027.
    let r = reminders(&ws, lost_months, date(2027, 2, 1), 30);
    let ilze = of(&r, ReminderKind::Birthday).into_iter().find(|r| subject(r) == "Ilze Kalniņa").expect("Ilze");
    assert_eq!(
        (ilze.date, ilze.personal, ilze.account_name.as_str()),
        (date(2027, 2, 28), true, "Baltic Timber Group")
    );
    // And the annual business review with Jens Madsen on 12 February.
    assert!(of(&r, ReminderKind::Meeting)
        .iter()
        .any(|m| m.date == date(2027, 2, 12) && subject(m) == "Annual business review"));
}

fn arb_dossier() -> impl Strategy<Value = Dossier> {
    let day = (0i64..900).prop_map(|n| date(2026, 1, 1) + chrono::Duration::days(n));
    let outcome = prop::sample::select(Outcome::ALL.to_vec());
    (
        prop::collection::vec(
            (
                prop::option::of(day.clone()),
                prop::option::of(day.clone()),
                prop::option::of(day.clone()),
                prop::bool::ANY,
                outcome.clone(),
            ),
            0..4,
        ),
        prop::collection::vec((prop::option::of(day.clone()), outcome), 0..3),
        prop::collection::vec((0u32..14, prop::option::of(0u32..33)), 0..3),
        prop::collection::vec((prop::option::of(day.clone()), prop::sample::select(ActionStatus::ALL.to_vec())), 0..4),
        prop::collection::vec((1u32..13, 1u32..32), 0..3),
        prop::collection::vec(
            (prop::option::of(day), prop::sample::select(crate::model::PromiseState::ALL.to_vec())),
            0..3,
        ),
    )
        .prop_map(|(proposals, tenders, meetings, actions, birthdays, promises)| Dossier {
            proposals: proposals
                .into_iter()
                .map(|(sent, valid_until, agreed_date, receipt_confirmed, outcome)| Proposal {
                    title: "P".into(),
                    sent,
                    valid_until,
                    agreed_date,
                    receipt_confirmed,
                    outcome,
                    ..Default::default()
                })
                .collect(),
            tenders: tenders
                .into_iter()
                .map(|(date, outcome)| Tender { title: "T".into(), date, outcome, ..Default::default() })
                .collect(),
            meetings: meetings
                .into_iter()
                .map(|(month, day)| Meeting {
                    id: Default::default(),
                    title: "M".into(),
                    month,
                    day,
                    with: String::new(),
                    ..Default::default()
                })
                .collect(),
            actions: actions
                .into_iter()
                .map(|(due, status)| Action { text: "A".into(), due, status, ..Default::default() })
                .collect(),
            people: birthdays
                .into_iter()
                .map(|(m, d)| Person { name: "B".into(), birthday: format!("--{m:02}-{d:02}"), ..Default::default() })
                .collect(),
            promises: promises
                .into_iter()
                .map(|(due, state)| crate::model::Promise { text: "Pr".into(), due, state, ..Default::default() })
                .collect(),
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
            let key = |r: &Reminder| (r.date, r.kind, r.account_name.clone(), r.fact.clone());
            prop_assert!(key(&pair[0]) <= key(&pair[1]));
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

#[test]
fn open_development_goals_with_a_due_date_are_reminded_and_shown_in_the_calendar() {
    use crate::model::{DevelopmentGoal, SkillAssessment};
    let goal = |goal: &str, due: Option<NaiveDate>, done: bool| DevelopmentGoal {
        id: goal.into(),
        goal: goal.into(),
        training: "Negotiation course".into(),
        due,
        done,
    };
    let mut ws = key_ws(Dossier::default());
    ws.programme.skills.push(SkillAssessment {
        manager: "Maria Lind".into(),
        plans: vec![
            goal("Late", Some(date(2026, 11, 1)), false),
            goal("Soon", Some(date(2026, 12, 10)), false),
            goal("Far", Some(date(2027, 9, 1)), false),
            goal("Done", Some(date(2026, 12, 5)), true),
            goal("Undated", None, false),
        ],
        ..Default::default()
    });
    // A manager without a name is nobody's plan.
    ws.programme
        .skills
        .push(SkillAssessment { plans: vec![goal("Nobody", Some(date(2026, 12, 1)), false)], ..Default::default() });
    let list = reminders(&ws, 6, date(2026, 11, 24), 30);
    let got: Vec<_> = of(&list, ReminderKind::Development)
        .iter()
        .map(|r| (subject(r), r.overdue, r.account_id.as_str(), r.account_name.as_str()))
        .collect();
    assert_eq!(got, vec![("Late", true, "", "Maria Lind"), ("Soon", false, "", "Maria Lind")]);
    let months = crate::analysis::annual_calendar(&ws, 2026);
    let entries: Vec<_> =
        months.iter().flat_map(|m| m.entries.iter().map(move |e| (m.month, e.day, e.fact.clone()))).collect();
    let development: Vec<_> =
        entries.iter().filter(|(_, _, f)| f.kind() == crate::analysis::CalendarKind::Development).collect();
    assert_eq!(development.len(), 2, "2026's open goals with a date: {development:?}");
    assert!(development.iter().any(|(m, d, _)| (*m, *d) == (12, Some(10))));
}
