use super::*;
use crate::exchange::{checksum, read_file, write_file, PersonalDetails};
use crate::model::{monthly_totals, MonthTotal, OrderLine, ProgrammeProblem};
use proptest::prelude::*;

/// A first-release dossier record as IndexedDB held it: people without ids, role and attitude
/// as free text.
const FIRST_RELEASE_DOSSIER: &str = r#"{"account_id":"acme","people":[
    {"name":"Ann","title":"Buyer","role":"Head of purchasing","attitude":"Supporter"},
    {"name":"Bo","role":"Decider","attitude":"warm","expectations":"Fast delivery"}]}"#;

fn stored_with(dossier: Dossier) -> Stored {
    Stored { accounts: vec![Account::new("Acme")], dossiers: vec![dossier], ..Default::default() }
}

/// The example of issue 12: the role "Head of purchasing" keeps its text from IndexedDB, as it
/// always did from a version 1 file.
#[test]
fn head_of_purchasing_keeps_its_text_from_a_record() {
    let record: Dossier = serde_json::from_str(FIRST_RELEASE_DOSSIER).unwrap();
    let ws = restore(stored_with(record)).workspace;
    let people = &ws.dossier("acme").unwrap().people;
    assert_eq!((people[0].role, people[0].attitude), (DmuRole::Unknown, Attitude::Supporter));
    assert_eq!(people[0].expectations, "Role: Head of purchasing");
    assert_eq!(people[0].title, "Buyer");
    assert_eq!(people[1].role, DmuRole::EconomicBuyer);
    assert_eq!(people[1].expectations, "Fast delivery; Attitude: warm", "what was written stays first");
    assert_eq!(people.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 2], "numbered on the way in");
}

#[test]
fn head_of_purchasing_keeps_its_text_from_a_version_1_file() {
    let data = r#"{"accounts":[{"id":"acme","name":"Acme"}],"dossiers":[{"account_id":"acme","people":[{"name":"Ann","title":"Buyer","role":"Head of purchasing","attitude":"Supporter"}]}]}"#;
    let text = format!(
        r#"{{"format":"kam-planner","version":1,"appVersion":"0.1.0","exportedAt":"x","scope":"workspace","personalDetails":"included","checksum":"{}","data":{}}}"#,
        checksum(data),
        data
    );
    let ws = read_file(text.as_bytes()).unwrap().workspace;
    let p = &ws.dossier("acme").unwrap().people[0];
    assert_eq!((p.role, p.attitude, p.id), (DmuRole::Unknown, Attitude::Supporter, 1));
    assert_eq!(p.expectations, "Role: Head of purchasing");
}

#[test]
fn known_values_and_their_old_labels_add_nothing() {
    for (role, attitude) in
        [("unknown", "unknown"), ("Not yet known", "Not yet known"), ("", ""), ("economic_buyer", "champion")]
    {
        let json = format!(r#"{{"name":"X","role":"{role}","attitude":"{attitude}"}}"#);
        let p: Person = serde_json::from_str(&json).unwrap();
        assert_eq!(p.expectations, "", "{role} / {attitude}");
    }
}

#[test]
fn a_kept_text_is_kept_once() {
    let record: Dossier = serde_json::from_str(FIRST_RELEASE_DOSSIER).unwrap();
    let once = restore(stored_with(record)).workspace;
    let again: Workspace = serde_json::from_str(&serde_json::to_string(&once).unwrap()).unwrap();
    assert_eq!(again, once);
}

#[test]
fn one_dossier_per_account_the_first_wins() {
    let mut first = Dossier::new("acme");
    first.overview = "first".into();
    let mut second = Dossier::new("acme");
    second.overview = "second".into();
    let mut stored = stored_with(first);
    stored.dossiers.push(second);
    let restored = restore(stored);
    assert_eq!(restored.workspace.dossiers().len(), 1);
    assert_eq!(restored.workspace.dossier("acme").unwrap().overview, "first");
    assert_eq!(restored.problems, vec![RestoreProblem::DuplicateDossier { account_id: "acme".into() }]);
}

#[test]
fn upsert_replaces_an_accounts_dossier_in_its_place() {
    let mut ws = Workspace::default();
    ws.add_account("Acme").unwrap();
    ws.add_account("Beta").unwrap();
    ws.upsert_dossier(Dossier::new("acme"));
    ws.upsert_dossier(Dossier::new("beta"));
    let mut changed = Dossier::new("acme");
    changed.overview = "changed".into();
    assert_eq!(ws.upsert_dossier(changed), Some(Dossier::new("acme")));
    let order: Vec<_> = ws.dossiers().iter().map(|d| (d.account_id.as_str(), d.overview.as_str())).collect();
    assert_eq!(order, vec![("acme", "changed"), ("beta", "")]);
    assert_eq!(ws.remove_dossier("acme").map(|d| d.overview), Some("changed".into()));
    assert_eq!(ws.dossier("beta").map(|d| d.account_id.as_str()), Some("beta"));
    assert!(ws.dossier("acme").is_none());
}

#[test]
fn duplicate_accounts_keep_the_first_and_everything_else_is_kept_and_told() {
    let mut again = Account::new("Acme");
    again.manager = "second".into();
    let line = MonthTotal::of_line(&OrderLine {
        date: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        revenue: 1.0,
        profit: None,
    });
    let stored = Stored {
        accounts: vec![Account::new("Acme"), again],
        history: vec![
            AccountHistory { account_id: "acme".into(), months: vec![line] },
            AccountHistory { account_id: "acme".into(), months: vec![] },
            AccountHistory { account_id: "gone".into(), months: vec![line] },
        ],
        dossiers: vec![Dossier::new("gone")],
        programme: None,
    };
    let restored = restore(stored);
    let ws = &restored.workspace;
    assert_eq!(ws.accounts().len(), 1);
    assert_eq!(ws.account("acme").unwrap().manager, "");
    assert_eq!(ws.history("acme"), Some(&vec![line]));
    assert_eq!(ws.history("gone"), Some(&vec![line]), "stored data is never dropped silently");
    assert!(ws.dossier("gone").is_some());
    assert_eq!(
        restored.problems,
        vec![
            RestoreProblem::DuplicateAccount { id: "acme".into() },
            RestoreProblem::DuplicateHistory { account_id: "acme".into() },
            RestoreProblem::HistoryForUnknownAccount { account_id: "gone".into() },
            RestoreProblem::DossierForUnknownAccount { account_id: "gone".into() },
        ]
    );
}

#[test]
fn change_people_keeps_the_numbering() {
    let mut d = Dossier::new("acme");
    d.change_people(|people| people.extend([Person::default(), Person::default()]));
    assert_eq!(d.people.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 2]);
    d.change_people(|people| people[1].reports_to = Some(2));
    assert_eq!(d.people[1].reports_to, None, "nobody reports to themselves");
    d.change_people(|people| {
        people[1].reports_to = Some(1);
        people.remove(0);
    });
    assert_eq!(d.people[0].reports_to, None, "a link to a removed person goes");
}

/// Arbitrary workspaces: accounts (some key, with managers), histories, dossiers with people.
fn arb_workspace() -> impl Strategy<Value = Workspace> {
    let account = ("[a-zA-ZäöÖ]{1,8}( [a-z]{1,5})?", any::<bool>(), "[A-Za-z ]{0,6}");
    let person = (
        "\\PC{0,10}",
        0usize..DmuRole::ALL.len(),
        0usize..Attitude::ALL.len(),
        prop::option::of(0u32..6),
        "\\PC{0,10}",
    );
    let lines = prop::collection::vec((0i64..3000, -1e6f64..1e6, prop::option::of(-1e6f64..1e6)), 0..4);
    let dossier = (prop::option::of(("\\PC{0,16}", prop::collection::vec(person, 0..4))), lines);
    prop::collection::vec((account, dossier), 0..6).prop_map(|entries| {
        let mut ws = Workspace::default();
        for ((name, is_key, manager), (dossier, lines)) in entries {
            let Ok(a) = ws.new_account(&name) else { continue };
            let id = a.id.clone();
            ws.insert_account(Account { is_key, manager, ..a });
            let day = |n: i64| chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(n as u64);
            ws.set_history(
                &id,
                monthly_totals(
                    &lines
                        .into_iter()
                        .map(|(n, revenue, profit)| OrderLine { date: day(n), revenue, profit })
                        .collect::<Vec<_>>(),
                ),
            );
            if let Some((overview, people)) = dossier {
                let mut d = Dossier::new(&id);
                d.overview = overview;
                d.change_people(|list| {
                    for (name, role, attitude, reports_to, expectations) in people {
                        list.push(Person {
                            name,
                            role: DmuRole::ALL[role],
                            attitude: Attitude::ALL[attitude],
                            reports_to,
                            expectations,
                            ..Default::default()
                        });
                    }
                });
                ws.upsert_dossier(d);
            }
        }
        ws
    })
}

fn stored_of(ws: &Workspace) -> Stored {
    Stored {
        accounts: ws.accounts().to_vec(),
        history: ws
            .histories()
            .map(|(id, months)| AccountHistory { account_id: id.into(), months: months.clone() })
            .collect(),
        dossiers: ws.dossiers().to_vec(),
        programme: Some(ws.programme.clone()),
    }
}

proptest! {
    /// restore(serialise(ws)) == ws through each shape a workspace is stored in: its own serde
    /// shape, records (each through JSON, as IndexedDB holds them), and a file.
    #[test]
    fn restore_of_what_was_stored_is_the_workspace(ws in arb_workspace()) {
        // What the store holds went through the restore once (items got their ids).
        let ws = restore(stored_of(&ws)).workspace;
        let through_serde: Workspace = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
        prop_assert_eq!(&through_serde, &ws);

        let mut records = stored_of(&ws);
        records.dossiers = records.dossiers.iter().map(|d| serde_json::from_str(&serde_json::to_string(d).unwrap()).unwrap()).collect();
        records.accounts = records.accounts.iter().map(|a| serde_json::from_str(&serde_json::to_string(a).unwrap()).unwrap()).collect();
        let restored = restore(records);
        prop_assert!(restored.problems.is_empty(), "{:?}", restored.problems);
        prop_assert_eq!(&restored.workspace, &ws);

        let file = write_file(&ws, None, PersonalDetails::Included, "0.1.0", "x");
        prop_assert_eq!(&read_file(file.as_bytes()).unwrap().workspace, &ws);
    }

    /// The serde shape is the one the public fields had: the same JSON, byte for byte.
    #[test]
    fn the_serialised_shape_is_unchanged(ws in arb_workspace()) {
        #[derive(serde::Serialize)]
        struct Old<'a> {
            accounts: &'a [Account],
            history: std::collections::BTreeMap<&'a str, &'a Vec<MonthTotal>>,
            dossiers: &'a [Dossier],
            programme: &'a crate::model::Programme,
        }
        let old = Old { accounts: ws.accounts(), history: ws.histories().collect(), dossiers: ws.dossiers(), programme: &ws.programme };
        prop_assert_eq!(serde_json::to_string(&ws).unwrap(), serde_json::to_string(&old).unwrap());
    }
}

/// A programme and scores as earlier versions stored them (the defaults' English names, in a
/// version 1 file as in IndexedDB): the factors become presets with an empty name, so the app
/// shows them in the reader's language, and the scores given under the old names still count.
#[test]
fn old_default_factor_names_become_presets_and_keep_their_scores() {
    let data = r#"{"accounts":[{"id":"acme","name":"Acme"}],
        "dossiers":[{"account_id":"acme","attractiveness":{"Profit potential":8,"Own factor":2},"strength":{"Relationship and access":6}}],
        "programme":{"attractiveness":[{"name":"Profit potential","weight":25},{"name":"Own factor","weight":5}],
                     "strength":[{"name":"Relationship and access","weight":25}]}}"#;
    let text = format!(
        r#"{{"format":"kam-planner","version":1,"appVersion":"0.1.0","exportedAt":"x","scope":"workspace","personalDetails":"included","checksum":"{}","data":{}}}"#,
        checksum(data),
        data
    );
    let from_file = read_file(text.as_bytes()).unwrap().workspace;
    let stored: serde_json::Value = serde_json::from_str(data).unwrap();
    let record: crate::model::Programme = serde_json::from_value(stored["programme"].clone()).unwrap();
    assert_eq!(record.attractiveness[0].preset, None, "as stored");
    let from_records = restore(Stored {
        accounts: vec![Account::new("Acme")],
        dossiers: vec![serde_json::from_value(stored["dossiers"][0].clone()).unwrap()],
        programme: Some(record),
        ..Default::default()
    });
    assert!(from_records.problems.is_empty());
    for ws in [&from_file, &from_records.workspace] {
        let p = &ws.programme;
        let seen: Vec<_> = p.attractiveness.iter().chain(&p.strength).map(|f| (f.preset, f.name.as_str())).collect();
        assert_eq!(
            seen,
            [
                (Some(crate::model::FactorPreset::ProfitPotential), ""),
                (None, "Own factor"),
                (Some(crate::model::FactorPreset::RelationshipAccess), "")
            ]
        );
        let point = crate::analysis::matrix_point(ws.dossier("acme").unwrap(), p).unwrap();
        assert!((point.attractiveness - (25.0 * 8.0 + 5.0 * 2.0) / 30.0).abs() < 1e-9);
        assert!((point.strength - 6.0).abs() < 1e-9);
    }
    // Written again, the file carries the presets and reads back the same.
    let again = read_file(write_file(&from_file, None, PersonalDetails::Included, "0.1.0", "x").as_bytes()).unwrap();
    assert_eq!(again.workspace.programme, from_file.programme);
}

#[test]
fn strategic_reasons_outside_one_to_five_are_refused_and_zero_reads_as_one() {
    let stored = |n: u32| Stored {
        programme: Some(Programme { min_strategic_reasons: n, ..Programme::default() }),
        ..Default::default()
    };
    let zero = restore(stored(0));
    assert!(zero.problems.is_empty(), "{:?}", zero.problems);
    assert_eq!(zero.workspace.programme.min_strategic_reasons, 1);
    assert_eq!(restore(stored(5)).workspace.programme.min_strategic_reasons, 5);
    assert_eq!(
        restore(stored(9)).problems,
        [RestoreProblem::InvalidProgramme { problems: vec![ProgrammeProblem::StrategicReasons] }]
    );
}
