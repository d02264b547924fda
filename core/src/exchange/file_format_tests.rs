use super::*;
use crate::demo::test_demo as demo_workspace;
use crate::model::{restore, AccountHistory, Stored};
use proptest::prelude::*;

const AT: &str = "2026-11-24T12:00:00Z";

/// Accounts and dossiers in id order.
fn sorted(ws: Workspace) -> Workspace {
    let mut accounts = ws.accounts().to_vec();
    accounts.sort_by(|a, b| a.id.cmp(&b.id));
    let mut dossiers = ws.dossiers().to_vec();
    dossiers.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    let history = ws
        .histories()
        .map(|(id, months)| AccountHistory { account_id: id.to_string(), months: months.clone() })
        .collect();
    restore(Stored { accounts, history, dossiers, programme: Some(ws.programme.clone()) }).workspace
}

#[test]
fn workspace_round_trips() {
    let ws = demo_workspace();
    let text = write_file(&ws, None, PersonalDetails::Included, "0.1.0", AT);
    let read = read_file(text.as_bytes()).unwrap();
    assert_eq!(read.scope, Scope::Workspace);
    assert_eq!(read.personal_details, PersonalDetails::Included);
    assert_eq!(sorted(read.workspace), sorted(ws));
}

#[test]
fn one_account_plan_holds_only_that_account() {
    let ws = demo_workspace();
    let id = ws.accounts().iter().find(|a| a.is_key).unwrap().id.clone();
    let read = read_file(write_file(&ws, Some(&id), PersonalDetails::Included, "0.1.0", AT).as_bytes()).unwrap();
    assert_eq!(read.scope, Scope::Account);
    assert_eq!(read.workspace.accounts().len(), 1);
    assert_eq!(read.workspace.histories().len(), 1);
    assert_eq!(read.workspace.dossiers().len(), 1);
}

#[test]
fn without_personal_details_no_personal_text_remains() {
    let mut ws = demo_workspace();
    ws.dossiers_mut()[0].people[0].title = "COO, mobile +45 20 12 34 56, jens@example.com".into();
    {
        let p = &mut ws.dossiers_mut()[0].people[1];
        p.family = "Married to Ole; twins".into();
        p.hobbies = "Orienteering".into();
        p.values = "Punctuality above all".into();
        p.phone = "+45 31 22 44 55".into();
        p.email = "sofie.holm@nordhavn.example".into();
    }
    ws.dossiers_mut()[0].overview =
        "Call the switchboard on 0045 70 10 20 30 or write to info@nordhavn.example.".into();
    let personal: Vec<String> = ws
        .dossiers()
        .iter()
        .flat_map(|d| d.people.iter())
        .flat_map(|p| {
            [
                p.birthday.clone(),
                p.personal_notes.clone(),
                p.family.clone(),
                p.hobbies.clone(),
                p.values.clone(),
                p.phone.clone(),
                p.email.clone(),
            ]
        })
        .filter(|s| !s.is_empty())
        .collect();
    assert!(personal.len() >= 9, "the demo has personal details to remove");
    let text = write_file(&ws, None, PersonalDetails::Removed, "0.1.0", AT);
    for secret in personal.iter().map(String::as_str).chain([
        "jens@example.com",
        "20 12 34 56",
        "+45",
        "70 10 20 30",
        "info@nordhavn",
    ]) {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    let read = read_file(text.as_bytes()).unwrap();
    assert_eq!(read.personal_details, PersonalDetails::Removed);
    assert_eq!(read.workspace.dossiers()[0].people[0].name, "Jens Madsen", "names stay: they are the business contact");
}

#[test]
fn every_refusal_says_what_is_wrong() {
    let good = write_file(&demo_workspace(), None, PersonalDetails::Included, "0.1.0", AT);
    let detail = |d: &str| d.to_string();
    let cases: Vec<(String, FileError)> = vec![
        (
            "{\"format\": \"kam-planner\",\n  \"version\": 2,\n  oops }".into(),
            FileError::InvalidJson { message: "key must be a string".into(), line: 3, column: 3 },
        ),
        ("{\"hello\": 1}".into(), FileError::WrongFormat),
        ("{\"name\": \"x\", \"version\": \"1.0.0\"}".into(), FileError::WrongFormat),
        ("[1, 2, 3]".into(), FileError::JsonNotAnObject),
        (
            "{\"format\": \"kam-planner\", \"version\": 1}".into(),
            FileError::Incomplete { detail: detail("missing field `appVersion`") },
        ),
        (good.replacen("\"version\": 5", "\"version\": 6", 1), FileError::NewerVersion { version: 6, newest: 5 }),
        (good.replacen("\"version\": 5", "\"version\": \"5\"", 1), FileError::VersionNotAWholeNumber),
        (good.replacen("\"version\": 5", "\"version\": 0", 1), FileError::VersionZero),
        (good.replacen("Nordhavn Logistics A/S", "Nordhavn Logistics AS", 1), FileError::ChecksumMismatch),
        (
            good.replacen("\"scope\": \"workspace\"", "\"scope\": 7", 1),
            FileError::WrongField { field: "scope".into(), detail: detail("expected value") },
        ),
        ("".into(), FileError::Empty),
        ("[".repeat(100), FileError::TooDeep { max_depth: 64 }),
    ];
    for (text, expected) in cases {
        assert_eq!(read_file(text.as_bytes()), Err(expected));
    }
    assert_eq!(read_file(b"\xff\xfe\x00"), Err(FileError::NotUtf8));
    assert_eq!(read_file(b"{\"format\": 1, \"format\": 2}"), Err(FileError::NotKamPlanner));
}

fn reseal(mut v: Value) -> String {
    let data = serde_json::to_string(&v["data"]).unwrap();
    v["checksum"] = Value::String(checksum(&data));
    let mut text = serde_json::to_string(&v).unwrap();
    // Keep the data exactly as checksummed: serialise it separately and splice it in.
    let placeholder = serde_json::to_string(&v["data"]).unwrap();
    text = text.replacen(&placeholder, &data, 1);
    text
}

#[test]
fn inconsistent_data_is_refused_even_with_a_valid_checksum() {
    let good: Value =
        serde_json::from_str(&write_file(&demo_workspace(), None, PersonalDetails::Included, "0.1.0", AT)).unwrap();
    let mut dup = good.clone();
    let first = dup["data"]["accounts"][0].clone();
    let first_id = first["id"].as_str().unwrap().to_string();
    dup["data"]["accounts"].as_array_mut().unwrap().push(first);

    assert_eq!(read_file(reseal(dup).as_bytes()), Err(FileError::DuplicateAccount { id: first_id.clone() }));

    let mut wrong = good.clone();
    wrong["data"]["accounts"][2]["is_key"] = Value::String("yes".into());
    assert_eq!(
        read_file(reseal(wrong).as_bytes()),
        Err(FileError::WrongField {
            field: "is_key".into(),
            detail: "invalid type: string \"yes\", expected a boolean".into()
        })
    );

    let mut orphan = good.clone();
    orphan["data"]["accounts"].as_array_mut().unwrap().remove(0);
    assert!(matches!(
        read_file(reseal(orphan).as_bytes()),
        Err(FileError::HistoryForUnknownAccount { account_id } | FileError::DossierForUnknownAccount { account_id }) if account_id == first_id
    ));

    let mut second_dossier = good.clone();
    let dossier = second_dossier["data"]["dossiers"][0].clone();
    let dossier_of = dossier["account_id"].as_str().unwrap().to_string();
    second_dossier["data"]["dossiers"].as_array_mut().unwrap().push(dossier);
    assert_eq!(
        read_file(reseal(second_dossier).as_bytes()),
        Err(FileError::DuplicateDossier { account_id: dossier_of })
    );

    let mut extra = good.clone();
    extra["data"]["secret"] = Value::Bool(true);
    assert!(
        matches!(read_file(reseal(extra).as_bytes()), Err(FileError::UnknownData { detail }) if detail.starts_with("unknown field `secret`"))
    );

    let mut nameless = good.clone();
    nameless["data"]["accounts"][0]["name"] = Value::String(" ".into());
    assert_eq!(read_file(reseal(nameless).as_bytes()), Err(FileError::AccountWithoutIdOrName));

    let mut bad_programme = good;
    bad_programme["data"]["programme"]["lost_after_months"] = Value::from(0);
    assert!(
        matches!(read_file(reseal(bad_programme).as_bytes()), Err(FileError::InvalidProgramme { problems }) if problems.len() == 1)
    );
}

proptest! {
    #[test]
    fn any_workspace_round_trips(names in prop::collection::hash_set("[a-zA-ZäöüÖ ]{1,12}", 0..8), revenue in -1e9f64..1e9) {
        let mut ws = Workspace::default();
        for n in &names {
            if ws.add_account(n).is_ok() {
                let id = ws.accounts().last().unwrap().id.clone();
                let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
                ws.set_history(&id, crate::model::monthly_totals(&[crate::model::OrderLine { date, revenue, profit: Some(revenue / 3.0) }]));
            }
        }
        let text = write_file(&ws, None, PersonalDetails::Included, "0.1.0", AT);
        let read = read_file(text.as_bytes()).unwrap();
        prop_assert_eq!(sorted(read.workspace), sorted(ws));
    }

    /// Dossiers with every kind of field (text with quotes and newlines, dates, enums, maps,
    /// numbers, links between people) come back exactly, whatever their content.
    #[test]
    fn any_dossier_round_trips(
        texts in prop::collection::vec("\\PC{0,24}", 12),
        days in prop::collection::vec(0i64..40_000, 4),
        scores in prop::collection::btree_map("[A-Za-z ]{1,10}", 0u8..=10, 0..4),
        money in prop::option::of(-1e12f64..1e12),
        people in 0usize..5,
        pick in 0usize..6,
    ) {
        use crate::model::*;
        let day = |i: usize| chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days[i % days.len()] as u64);
        let mut ws = Workspace::default();
        ws.add_account("Acme").unwrap();
        let mut d = Dossier::new("acme");
        d.overview = texts[0].clone();
        d.reasons = vec![KeyReason::ALL[pick]];
        d.justifications.insert(KeyReason::ALL[pick], texts[1].clone());
        d.three_ps.need = Some(pick % 2 == 0);
        d.timeline.push(TimelineEvent { id: Default::default(), date: Some(day(0)), kind: EventKind::ALL[pick % EventKind::ALL.len()], text: texts[2].clone() });
        for i in 0..people {
            d.people.push(Person {
                id: i as u32 + 1,
                name: texts[3].clone(),
                reports_to: (i > 0).then_some(i as u32),
                role: DmuRole::ALL[(pick + i) % DmuRole::ALL.len()],
                attitude: Attitude::ALL[(pick + i) % Attitude::ALL.len()],
                influence: Some((i % 5) as u8 + 1),
                last_contact: Some(day(1)),
                birthday: texts[4].clone(),
                family: texts[5].clone(),
                ..Default::default()
            });
        }
        d.competitors.push(Competitor { name: texts[6].clone(), threats: texts[7].clone(), ..Default::default() });
        d.pestel.legal = texts[8].clone();
        d.offerings = vec![texts[9].clone()];
        d.units = vec![texts[10].clone()];
        d.set_cell(&texts[9], &texts[10], |c| { c.state = CellState::ALL[pick % CellState::ALL.len()]; c.potential = money; });
        d.actions.push(Action { text: texts[11].clone(), due: Some(day(2)), status: ActionStatus::ALL[pick % ActionStatus::ALL.len()], ..Default::default() });
        d.metrics.cost_to_serve = money;
        d.proposals.push(Proposal { sent: Some(day(3)), valid_until: Some(day(2)), value: money, ..Default::default() });
        d.attractiveness = scores.clone();
        d.strength = scores;
        d.status = AccountStatus::ALL[pick % AccountStatus::ALL.len()];
        d.stage = RelationshipStage::ALL[pick % RelationshipStage::ALL.len()];
        d.assign_ids(None);
        // As the store keeps it (an empty justification is none).
        ws.upsert_dossier(restore_dossier(d));
        ws.programme.criteria_text = texts[0].clone();
        let text = write_file(&ws, None, PersonalDetails::Included, "0.1.0", AT);
        let read = read_file(text.as_bytes()).unwrap();
        prop_assert_eq!(read.workspace, ws);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = read_file(&bytes);
    }
}

/// Keeps docs/file-format.md's examples honest: each must be a file this build reads; the
/// version 1 example is migrated.
#[test]
fn the_documented_examples_are_valid_files() {
    let doc = include_str!("../../../docs/file-format.md");
    let mut examples = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```json\n") {
        let body = &rest[start + 8..];
        let end = body.find("\n```").unwrap();
        examples.push(&body[..end]);
        rest = &body[end..];
    }
    assert_eq!(examples.len(), 5);
    // Version 4: a record's stamp for what `paths` does not list; withheld paths lose to any value.
    let v4 = read_file(examples[0].as_bytes()).unwrap();
    let entry = |path: &str| v4.document.entries.get(&path.parse::<crate::merge::Path>().unwrap()).cloned().unwrap();
    assert_eq!(entry("/dossiers/acme/overview").stamp.to_string(), "1795514400000-1-r8d2x0");
    assert_eq!(entry("/dossiers/acme/people/~2k3v9q2/name").stamp.to_string(), "1795500000000-0-r8d2x0");
    assert_eq!(entry("/dossiers/acme/competitors/~2c2").value, None, "a tombstone");
    let phone: crate::merge::Path = "/dossiers/acme/people/~2k3v9q2/phone".parse().unwrap();
    assert!(!v4.document.entries.contains_key(&phone), "withheld: no register at all");
    assert_eq!(v4.workspace.dossiers()[0].competitors[0].offering, "Hand tools");
    let examples = &examples[1..];
    // Version 3: the stamps are read, a deletion is a tombstone, withheld fields lose to any value.
    let v3 = read_file(examples[0].as_bytes()).unwrap();
    let stamp_of = |path: &str| v3.document.entries.get(&path.parse::<crate::merge::Path>().unwrap()).cloned();
    let overview = stamp_of("/dossiers/acme/overview").unwrap();
    assert_eq!(overview.stamp.to_string(), "1795514400000-1-r8d2x0");
    assert_eq!(overview.value, Some(serde_json::json!("Family-owned tool maker.")));
    assert_eq!(stamp_of("/dossiers/acme/competitors/~2c2").unwrap().value, None, "a tombstone");
    assert!(stamp_of("/dossiers/acme/people/~2k3v9q2/phone").is_none(), "withheld (and empty): no register");
    assert_eq!(v3.workspace.dossiers()[0].people[0].uid, "k3v9q2");
    let mut local = v3.workspace.clone();
    local.change_dossier("acme", |d| d.people[0].phone = "+372 555 0101".into());
    let local_doc = crate::merge::workspace::document_of(&local, &crate::merge::Stamp::new(1, 0, "here"), |_, _| false);
    let merged =
        crate::merge::workspace::workspace_from_value(&crate::merge::merge(&local_doc, &v3.document).value()).unwrap();
    assert_eq!(merged.dossiers()[0].people[0].phone, "+372 555 0101", "withheld is not empty");
    assert_eq!(merged.dossiers()[0].overview, "Family-owned tool maker.");
    let v2 = read_file(examples[1].as_bytes()).unwrap();
    assert_eq!(v2.scope, Scope::Account);
    let d = &v2.workspace.dossiers()[0];
    assert_eq!(d.people[1].reports_to, Some(1));
    assert_eq!(d.whitespace[0].state, crate::model::CellState::Competitor);
    assert_eq!(d.completeness_pct(), 100, "the example fills every section");
    assert_eq!(d.complaints[0].kind, crate::model::ComplaintKind::LateDelivery);
    assert_eq!(d.references[0].from_whom, "Jens Madsen");
    assert_eq!(
        (d.promises[0].id.as_str(), d.promises[0].function),
        ("p9x4t6hb", crate::model::PromiseFunction::Service)
    );
    let v1 = read_file(examples[2].as_bytes()).unwrap();
    assert_eq!(v1.workspace.accounts()[0].name, "Nordhavn Logistics A/S");
    let p = &v1.workspace.dossiers()[0].people[0];
    assert_eq!((p.role, p.attitude), (crate::model::DmuRole::EconomicBuyer, crate::model::Attitude::Supporter));
    assert_eq!(v1.workspace.dossiers()[0].competitors[0].name, "LogiNord");
    // A workspace with its programme: presets, an own factor, a rename, an old default name.
    use crate::model::{Factor, FactorPreset};
    let with_programme = read_file(examples[3].as_bytes()).unwrap().workspace;
    let p = &with_programme.programme;
    assert_eq!(
        p.attractiveness,
        [Factor::from_preset(FactorPreset::ProfitPotential, 25.0), Factor::named("Growth of the port", 10.0)]
    );
    let renamed =
        Factor { name: "Suhe ja ligipääs".into(), ..Factor::from_preset(FactorPreset::RelationshipAccess, 25.0) };
    assert_eq!(p.strength, [renamed, Factor::from_preset(FactorPreset::PriceTerms, 20.0)]);
    let point = crate::analysis::matrix_point(&with_programme.dossiers()[0], p).unwrap();
    assert!((point.attractiveness - (25.0 * 8.0 + 10.0 * 6.0) / 35.0).abs() < 1e-9);
    assert!((point.strength - 4.0).abs() < 1e-9, "scored under the renamed preset's key");
}

/// A version 1 file whose free text maps to no fixed key keeps that text.
#[test]
fn migration_keeps_unmapped_role_text() {
    let data = r#"{"accounts":[{"id":"a","name":"A"}],"dossiers":[{"account_id":"a","people":[{"name":"X","role":"Golf partner of the CEO","attitude":"warm"}],"competitors":["Rival"]}]}"#;
    let text = format!(
        r#"{{"format":"kam-planner","version":1,"appVersion":"0.1.0","exportedAt":"x","scope":"workspace","personalDetails":"included","checksum":"{}","data":{}}}"#,
        checksum(data),
        data
    );
    let read = read_file(text.as_bytes()).unwrap();
    let p = &read.workspace.dossiers()[0].people[0];
    assert_eq!(p.role, crate::model::DmuRole::Unknown);
    assert_eq!(p.expectations, "Role: Golf partner of the CEO; Attitude: warm");
    assert_eq!(p.id, 1, "people are numbered on the way in");
}

#[test]
fn export_times_read_as_milliseconds() {
    assert_eq!(crate::exchange::legacy::rfc3339_ms("1970-01-01T00:00:01Z"), Some(1000));
    assert_eq!(crate::exchange::legacy::rfc3339_ms("2026-11-24T12:00:00.5+02:00"), Some(1_795_514_400_500));
    assert_eq!(crate::exchange::legacy::rfc3339_ms("2026-11-24T12:00:00.123456789Z"), Some(1_795_521_600_123));
    assert_eq!(crate::exchange::legacy::rfc3339_ms("yesterday"), None);
    assert_eq!(crate::exchange::legacy::rfc3339_ms("2026-02-30T00:00:00Z"), None);
}

/// The after-sale lists travel: export → import keeps every field (ids too), and a version 2 file
/// written before they existed still reads, with the lists empty.
#[test]
fn after_sale_lists_round_trip_and_older_version_2_files_still_read() {
    use crate::model::{
        Complaint, ComplaintKind, Promise, PromiseFunction, PromiseState, ReferenceKind, ReferenceRequest, Severity,
    };
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d);
    let mut ws = demo_workspace();
    let with_lists = ws.dossiers()[0].account_id.clone();
    {
        let d = &mut ws.dossiers_mut()[0];
        d.complaints = vec![Complaint {
            id: "c1x".into(),
            date: day(10, 1),
            kind: ComplaintKind::Billing,
            severity: Severity::High,
            text: "Invoice twice".into(),
            resolved_on: None,
        }];
        d.references = vec![ReferenceRequest {
            id: "r1x".into(),
            asked_on: day(9, 1),
            kind: ReferenceKind::CaseStudy,
            from_whom: "Jens Madsen".into(),
            received_on: day(9, 30),
        }];
        d.promises = vec![Promise {
            id: "p1x".into(),
            text: "Weekend deliveries".into(),
            owner: "Logistics".into(),
            function: PromiseFunction::SupplyChain,
            due: day(12, 1),
            state: PromiseState::Missed,
            closed_on: day(12, 2),
        }];
    }
    let text = write_file(&ws, Some(&with_lists), PersonalDetails::Removed, "0.1.0", AT);
    let read = read_file(text.as_bytes()).unwrap();
    let (sent, got) = (&ws.dossiers()[0], &read.workspace.dossiers()[0]);
    assert_eq!((&got.complaints, &got.references, &got.promises), (&sent.complaints, &sent.references, &sent.promises));

    // The same file as an earlier version 2 build wrote it: no after-sale fields at all.
    let envelope: Value = serde_json::from_str(&text).unwrap();
    let mut data = envelope["data"].clone();
    for d in data["dossiers"].as_array_mut().unwrap() {
        let d = d.as_object_mut().unwrap();
        for field in ["complaints", "references", "promises"] {
            assert!(d.remove(field).is_some(), "{field} is written");
        }
    }
    let data = serde_json::to_string(&data).unwrap();
    let old = format!(
        r#"{{"format":"kam-planner","version":2,"appVersion":"0.1.0","exportedAt":"{AT}","scope":"account","personalDetails":"removed","checksum":"{}","data":{}}}"#,
        checksum(&data),
        data
    );
    let read_old = read_file(old.as_bytes()).unwrap();
    let d = &read_old.workspace.dossiers()[0];
    assert!(d.complaints.is_empty() && d.references.is_empty() && d.promises.is_empty());
    assert_eq!(d.people, got.people, "everything else reads as before");
}

/// A file of format 4 carried each account's order lines; read now, they are its monthly
/// totals, and the file's stamps still stand on those months.
#[test]
fn a_file_of_format_4_reads_its_order_lines_as_monthly_totals() {
    use crate::model::{monthly_totals, MonthTotal, OrderLine};
    let data = r#"{"accounts":[{"id":"acme","name":"Acme"}],"history":[{"account_id":"acme","lines":[{"date":"2026-03-02","revenue":100.0,"profit":20.0},{"date":"2026-03-20","revenue":-10.0},{"date":"2026-04-01","revenue":5.0}]}],"dossiers":[]}"#;
    let file = |data: &str| {
        format!(
            r#"{{"format":"kam-planner","version":4,"appVersion":"0.9.0","exportedAt":"2026-11-01T10:00:00Z","scope":"workspace","personalDetails":"included","checksum":"{}","data":{data}}}"#,
            checksum(data)
        )
    };
    let read = read_file(file(data).as_bytes()).unwrap();
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let expected = monthly_totals(&[
        OrderLine { date: day(3, 2), revenue: 100.0, profit: Some(20.0) },
        OrderLine { date: day(3, 20), revenue: -10.0, profit: None },
        OrderLine { date: day(4, 1), revenue: 5.0, profit: None },
    ]);
    assert_eq!(read.workspace.history("acme"), Some(&expected));
    assert_eq!(
        expected[0],
        MonthTotal { year: 2026, month: 3, lines: 2, revenue: 90.0, profit: Some(20.0), last_purchase: Some(2) }
    );
    // What this build writes is version 5 with the months, and reads back the same.
    let again = write_file(&read.workspace, None, PersonalDetails::Included, "test", AT);
    assert!(again.contains("\"version\": 5") && again.contains("\"months\"") && !again.contains("\"lines\": ["));
    assert_eq!(read_file(again.as_bytes()).unwrap().workspace, read.workspace);
    // A line that is no order line is refused, naming the field, not read as something else.
    let bad = data.replace("\"2026-04-01\"", "\"yesterday\"");
    assert!(
        matches!(read_file(file(&bad).as_bytes()), Err(FileError::WrongField { ref field, .. }) if field == "history[0].lines"),
        "{:?}",
        read_file(file(&bad).as_bytes())
    );
}
