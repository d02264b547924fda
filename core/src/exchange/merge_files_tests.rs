use super::*;
use crate::demo::demo_workspace;
use crate::exchange::{read_file, write_file};
use crate::model::{Account, Action, Competitor, Person, TimelineEvent};
use chrono::NaiveDate;
use proptest::prelude::*;

const AT: &str = "2026-11-24T12:00:00Z";

/// The workspace as another browser reads it from a file.
fn through_file(ws: &Workspace, personal: PersonalDetails) -> Workspace {
    read_file(write_file(ws, None, personal, "0.1.0", AT).as_bytes()).unwrap().workspace
}

fn nordhavn(ws: &Workspace) -> &Dossier {
    &ws.dossiers()[0]
}

fn person(id: u32, name: &str) -> Person {
    Person { id, name: name.into(), ..Default::default() }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn merge_adds_new_replaces_changed_and_keeps_the_rest() {
    let current = demo_workspace();
    let mut incoming = Workspace::default();
    let mut changed = current.accounts()[0].clone();
    changed.manager = "New Manager".into();
    incoming.insert_account(changed.clone());
    incoming.insert_account(Account::new("Brand New Oy"));
    incoming.insert_account(current.accounts()[1].clone());
    let second = &current.accounts()[1].id;
    incoming.set_history(second, current.history(second).unwrap().clone());
    let p = preview_merge(&current, &incoming, PersonalDetails::Included);
    assert_eq!(p.new_accounts, vec!["Brand New Oy"]);
    assert_eq!(p.changed_accounts, vec![current.accounts()[0].name.clone()]);
    assert_eq!(p.unchanged_accounts, 1);
    assert!(!p.changes_nothing() && !p.personal_withheld);
    let merged = merge(&current, &incoming, PersonalDetails::Included);
    assert_eq!(merged.accounts().len(), 41);
    assert_eq!(merged.account(&changed.id).unwrap().manager, "New Manager");
    assert_eq!(merged.history(&changed.id), current.history(&changed.id), "history not in the file is kept");
    assert_eq!(merged.dossiers(), current.dossiers());
}

#[test]
fn a_file_without_personal_details_keeps_the_local_ones() {
    let mut current = demo_workspace();
    current.dossiers_mut()[0].overview = "Call the switchboard on 0045 70 10 20 30 first.".into();
    current.dossiers_mut()[0].people[1].email = "sofie.holm@nordhavn.example".into();
    let file = through_file(&current, PersonalDetails::Removed);
    assert!(nordhavn(&file).overview.contains(REDACTED));
    assert!(nordhavn(&file).people[0].personal_notes.is_empty());

    let p = preview_merge(&current, &file, PersonalDetails::Removed);
    assert!(p.changes_nothing(), "its own redacted file changes nothing: {p:?}");
    assert!(p.personal_withheld);
    assert_eq!(merge(&current, &file, PersonalDetails::Removed), current);

    // The other side changed a title and the overview: those win, the personal details stay.
    let mut edited = file.clone();
    edited.dossiers_mut()[0].people[0].title = "CEO".into();
    edited.dossiers_mut()[0].history = "Founded 1952.".into();
    let merged = merge(&current, &edited, PersonalDetails::Removed);
    let jens = &nordhavn(&merged).people[0];
    assert_eq!(jens.title, "CEO");
    assert_eq!(jens.personal_notes, "Sails on weekends; two daughters.");
    assert_eq!(jens.birthday, "1971-03-14");
    assert_eq!(nordhavn(&merged).people[1].email, "sofie.holm@nordhavn.example");
    assert_eq!(nordhavn(&merged).overview, nordhavn(&current).overview, "the placeholder keeps the local text");
    assert_eq!(nordhavn(&merged).history, "Founded 1952.");
    assert_eq!(nordhavn(&merged).people.len(), nordhavn(&current).people.len());

    // A file with personal details is believed: its empty field empties the local one.
    let mut full = through_file(&current, PersonalDetails::Included);
    full.dossiers_mut()[0].people[0].personal_notes.clear();
    let merged = merge(&current, &full, PersonalDetails::Included);
    assert_eq!(nordhavn(&merged).people[0].personal_notes, "");
}

#[test]
fn a_competitor_added_here_and_an_action_added_there_both_survive() {
    let base = demo_workspace();
    let mut here = base.clone();
    here.dossiers_mut()[0].competitors.push(Competitor { name: "PortTech Nordic".into(), ..Default::default() });
    let mut there = base.clone();
    there.dossiers_mut()[0].actions.push(Action {
        text: "Book the QBR".into(),
        owner: "Maria Lind".into(),
        ..Default::default()
    });
    there.dossiers_mut()[0].competitors[0].threats = "Cheaper by 10 %".into();
    let file = through_file(&there, PersonalDetails::Removed);
    let p = preview_merge(&here, &file, PersonalDetails::Removed);
    assert_eq!(p.changed_accounts, vec![base.accounts()[0].name.clone()]);
    let merged = merge(&here, &file, PersonalDetails::Removed);
    let d = nordhavn(&merged);
    assert_eq!(d.competitors.len(), nordhavn(&base).competitors.len() + 1);
    assert_eq!(d.competitors.last().unwrap().name, "PortTech Nordic", "local items follow the file's");
    assert_eq!(d.competitors[0].threats, "Cheaper by 10 %", "a matched item takes the file's values");
    assert!(d.actions.iter().any(|a| a.text == "Book the QBR"));
    assert_eq!(d.actions.len(), nordhavn(&base).actions.len() + 1);
    assert_eq!(d.people[0].personal_notes, "Sails on weekends; two daughters.");
}

#[test]
fn people_with_the_same_id_but_other_names_are_both_kept() {
    let mut current = Workspace::default();
    current.add_account("Acme").unwrap();
    let mut d = Dossier::new("acme");
    d.people = vec![person(1, "Anna Berg"), Person { reports_to: Some(1), ..person(2, "Dora Lund") }];
    d.people[0].birthday = "--05-01".into();
    current.upsert_dossier(d.clone());
    let mut incoming = current.clone();
    let mut theirs = Dossier::new("acme");
    theirs.people =
        vec![person(1, "Bo Ek"), Person { reports_to: Some(1), ..person(2, "Carl Ny") }, person(3, "anna  berg")];
    incoming.upsert_dossier(theirs);
    let merged = merge(&current, &incoming, PersonalDetails::Removed);
    let people = &merged.dossier("acme").unwrap().people;
    let names: Vec<(u32, &str, Option<u32>)> = people.iter().map(|p| (p.id, p.name.as_str(), p.reports_to)).collect();
    assert_eq!(
        names,
        vec![
            (1, "Bo Ek", None),
            (2, "Carl Ny", Some(1)),
            (3, "anna  berg", None),
            (4, "Anna Berg", None),
            (5, "Dora Lund", Some(4)),
        ],
        "same id, other name: another person, kept with a new id; whom they report to follows"
    );
    assert_eq!(people[3].birthday, "--05-01");
    let again = merge(&merged, &incoming, PersonalDetails::Removed);
    assert_eq!(again, merged);
}

#[test]
fn the_same_file_merged_twice_changes_nothing_the_second_time() {
    let current = demo_workspace();
    let mut there = demo_workspace();
    there.dossiers_mut()[0].timeline.push(TimelineEvent {
        date: Some(day(2026, 11, 2)),
        text: "Call on +45 20 12 34 56".into(),
        ..Default::default()
    });
    there.dossiers_mut()[1].people.push(person(99, "New Contact"));
    there.dossiers_mut()[0].executive_sponsor = "Somebody Else".into();
    there.change_account(&current.accounts()[2].id.clone(), |a| a.manager = "Ola".into());
    there.add_account("Brand New Oy").unwrap();
    for personal in [PersonalDetails::Removed, PersonalDetails::Included] {
        let file = through_file(&there, personal);
        let first = preview_merge(&current, &file, personal);
        assert_eq!(first.new_accounts, vec!["Brand New Oy"]);
        assert_eq!(first.changed_accounts.len(), 3, "{first:?}");
        let once = merge(&current, &file, personal);
        let p = preview_merge(&once, &file, personal);
        assert!(p.changes_nothing(), "{personal:?}: {p:?}");
        assert_eq!(p.unchanged_accounts, file.accounts().len());
        assert_eq!(merge(&once, &file, personal), once);
    }
}

#[test]
fn order_history_merges_by_month() {
    let line = |d: NaiveDate, revenue: f64| OrderLine { date: d, revenue, profit: None };
    let mut current = Workspace::default();
    current.add_account("Acme").unwrap();
    current
        .set_history("acme", vec![line(day(2025, 1, 5), 1.0), line(day(2025, 2, 5), 2.0), line(day(2025, 2, 20), 3.0)]);
    let mut incoming = current.clone();
    incoming.set_history("acme", vec![line(day(2025, 3, 1), 30.0), line(day(2025, 2, 10), 20.0)]);
    let merged = merge(&current, &incoming, PersonalDetails::Included);
    assert_eq!(
        merged.history("acme").unwrap(),
        &vec![line(day(2025, 1, 5), 1.0), line(day(2025, 2, 10), 20.0), line(day(2025, 3, 1), 30.0)],
        "January only here stays; February and March are the file's"
    );
    assert_eq!(merge(&merged, &incoming, PersonalDetails::Included), merged);
    // Lines already stored for the file's months, in another order: nothing changes.
    let mut same = current.clone();
    same.set_history("acme", vec![line(day(2025, 2, 5), 2.0), line(day(2025, 2, 20), 3.0)]);
    assert!(preview_merge(&current, &same, PersonalDetails::Included).changes_nothing());
}

fn arb_person() -> impl Strategy<Value = (String, String, String, String)> {
    ("[ab]{1,2}", "[a-z]{0,3}", "[a-z]{0,3}", "[a-z ]{0,3}")
}

fn arb_dossier() -> impl Strategy<Value = Dossier> {
    (
        prop::collection::vec(arb_person(), 0..4),
        prop::collection::vec("[ab]{1,2}", 0..4),
        prop::collection::vec(("[ab]{1,2}", "[ab]?"), 0..4),
        prop::collection::vec("[ab ]{0,3}|call 20 12 34 56", 0..3),
    )
        .prop_map(|(people, competitors, actions, events)| {
            let mut d = Dossier::new("acme");
            d.people = people
                .into_iter()
                .enumerate()
                .map(|(i, (name, birthday, family, notes))| Person {
                    id: i as u32 + 1,
                    name,
                    birthday,
                    family,
                    personal_notes: notes,
                    reports_to: (i > 0).then_some(1),
                    ..Default::default()
                })
                .collect();
            d.competitors = competitors.into_iter().map(|name| Competitor { name, ..Default::default() }).collect();
            d.actions = actions.into_iter().map(|(text, owner)| Action { text, owner, ..Default::default() }).collect();
            d.timeline = events.into_iter().map(|text| TimelineEvent { text, ..Default::default() }).collect();
            d
        })
}

fn with_dossier(d: Dossier) -> Workspace {
    let mut ws = Workspace::default();
    ws.add_account("Acme").unwrap();
    ws.upsert_dossier(d);
    ws
}

proptest! {
    /// A redacted file never takes away a local list item or a local personal value, and merging
    /// it again changes nothing.
    #[test]
    fn a_redacted_merge_loses_nothing_local(mine in arb_dossier(), theirs in arb_dossier()) {
        let current = with_dossier(mine);
        let file = through_file(&with_dossier(theirs), PersonalDetails::Removed);
        let merged = merge(&current, &file, PersonalDetails::Removed);
        let (local, out) = (current.dossier("acme").unwrap(), merged.dossier("acme").unwrap());
        for c in &local.competitors {
            prop_assert!(out.competitors.iter().any(|o| normalise_name(&o.name) == normalise_name(&c.name)), "{:?} lost", c.name);
        }
        for a in &local.actions {
            prop_assert!(out.actions.iter().any(|o| (normalise_name(&o.text), normalise_name(&o.owner)) == (normalise_name(&a.text), normalise_name(&a.owner))), "{:?} lost", a);
        }
        for e in &local.timeline {
            let key = |t: &TimelineEvent| (t.date, t.kind, normalise_name(&t.text));
            prop_assert!(out.timeline.iter().any(|o| key(o) == key(e)), "{:?} lost", e);
        }
        for p in &local.people {
            prop_assert!(
                out.people.iter().any(|o| o.name == p.name && (&o.birthday, &o.family, &o.personal_notes) == (&p.birthday, &p.family, &p.personal_notes)),
                "{:?} lost", p
            );
        }
        let ids: BTreeSet<u32> = out.people.iter().map(|p| p.id).collect();
        prop_assert_eq!(ids.len(), out.people.len(), "ids stay unique");
        prop_assert_eq!(merge(&merged, &file, PersonalDetails::Removed), merged.clone());
        prop_assert!(preview_merge(&merged, &file, PersonalDetails::Removed).changes_nothing());
    }
}
