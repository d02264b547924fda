//! Browser tests: real IndexedDB and local storage in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`, see scripts/test).
#![cfg(target_arch = "wasm32")]

use kam_core::model::{
    restore, AccountHistory, Dossier, KeyReason, Measure, ProgrammeProblem, SegmentationSettings, Stored, Workspace,
};
use kam_planner::store::{load_settings, save_settings, Repository, Snapshot, StoreError};
use kam_planner::ui::words::demo::demo_workspace;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn unique_name(tag: &str) -> String {
    format!("kam-test-{tag}-{}", js_sys::Math::random().to_bits())
}

/// Opens database `name` at `version` with the stores that version of the schema had (as an
/// earlier release laid them out, or to read what this one stored): 1 had accounts, history,
/// dossiers and meta; 2 added snapshots; 3 stamps; 4 changed records only.
async fn lay_out(name: &str, version: u32) -> rexie::Rexie {
    use rexie::ObjectStore;
    let mut builder = rexie::Rexie::builder(name)
        .version(version)
        .add_object_store(ObjectStore::new("accounts").key_path("id"))
        .add_object_store(ObjectStore::new("history").key_path("account_id"))
        .add_object_store(ObjectStore::new("dossiers").key_path("account_id"))
        .add_object_store(ObjectStore::new("meta"));
    if version >= 2 {
        builder = builder.add_object_store(ObjectStore::new("snapshots"));
    }
    if version >= 3 {
        builder = builder.add_object_store(ObjectStore::new("stamps"));
    }
    builder.build().await.unwrap()
}

/// The accounts of `ws` that `keep` names, with their history and dossiers.
fn keeping(ws: &Workspace, keep: impl Fn(&str) -> bool) -> Workspace {
    restore(Stored {
        accounts: ws.accounts().iter().filter(|a| keep(&a.id)).cloned().collect(),
        history: ws
            .histories()
            .filter(|(id, _)| keep(id))
            .map(|(id, months)| AccountHistory { account_id: id.into(), months: months.clone() })
            .collect(),
        dossiers: ws.dossiers().iter().filter(|d| keep(&d.account_id)).cloned().collect(),
        programme: Some(ws.programme.clone()),
    })
    .workspace
}

#[wasm_bindgen_test]
async fn workspace_round_trips_through_indexeddb() {
    let name = unique_name("roundtrip");
    let repo = Repository::open(&name).await.expect("database opens");
    assert_eq!(repo.load().await.unwrap(), Workspace::default(), "a new database is empty");

    let demo = demo_workspace();
    repo.replace(&demo).await.expect("demo stored");
    let loaded = repo.load().await.expect("demo loads");
    let mut accounts = demo.accounts().to_vec();
    accounts.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    assert_eq!(loaded.accounts(), accounts);
    assert!(loaded.histories().eq(demo.histories()), "every order line comes back exactly");
    let mut dossiers = loaded.dossiers().to_vec();
    dossiers.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    let mut expected = demo.dossiers().to_vec();
    expected.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    assert_eq!(dossiers, expected);

    let counts = repo.counts().await.unwrap();
    assert_eq!(counts[0], ("accounts", 40));
    assert_eq!(counts[1], ("history", 40));
    repo.close();
}

#[wasm_bindgen_test]
async fn replace_removes_what_the_new_workspace_lacks() {
    let repo = Repository::open(&unique_name("replace")).await.unwrap();
    repo.replace(&demo_workspace()).await.unwrap();
    let demo = demo_workspace();
    let keep: Vec<String> = demo.accounts().iter().take(3).map(|a| a.id.clone()).collect();
    let small = keeping(&demo, |id| keep.iter().any(|k| k == id));
    repo.replace(&small).await.unwrap();
    let loaded = repo.load().await.unwrap();
    assert_eq!(loaded.accounts().len(), 3);
    assert_eq!(loaded.histories().len(), 3);
    repo.close();
}

#[wasm_bindgen_test]
async fn single_dossier_and_account_writes_persist() {
    let name = unique_name("dossier");
    let repo = Repository::open(&name).await.unwrap();
    let ws = demo_workspace();
    repo.replace(&ws).await.unwrap();
    let mut account = ws.accounts()[5].clone();
    account.is_key = true;
    account.manager = "Test Manager".into();
    let mut dossier = Dossier::new(&account.id);
    dossier.overview = "Written in a test — with ümlauts and 表".into();
    dossier.reasons = vec![KeyReason::Partner];
    let (stored, stored_dossier) = {
        let (a, d) = (account.clone(), dossier.clone());
        repo.update_account(&account.id, move |x| *x = a, Some(Box::new(move |x| *x = d))).await.unwrap()
    };
    assert_eq!((&stored, stored_dossier.as_ref()), (&account, Some(&dossier)), "returns what it stored");
    repo.close();

    // A new connection sees what the first one wrote.
    let again = Repository::open(&name).await.unwrap();
    let loaded = again.load().await.unwrap();
    assert_eq!(loaded.account(&account.id), Some(&account));
    assert_eq!(loaded.dossier(&account.id), Some(&dossier));
    again.close();
}

#[wasm_bindgen_test]
fn settings_round_trip_through_local_storage() {
    let settings = SegmentationSettings { measure: Measure::Profit, a_limit_pct: 70.0, ..Default::default() };
    save_settings(&settings).unwrap();
    assert_eq!(load_settings(), settings);
    save_settings(&SegmentationSettings::default()).unwrap();
}

#[wasm_bindgen_test]
async fn the_snapshot_before_a_replace_is_kept_and_can_be_removed() {
    let name = unique_name("snapshot");
    let repo = Repository::open(&name).await.unwrap();
    assert_eq!(repo.load_snapshot().await.unwrap(), None);
    let snapshot = Snapshot {
        reason: "before importing plan.kam.json".into(),
        taken_at: "2026-11-24 10:00".into(),
        file: "{}".into(),
    };
    repo.save_snapshot(&snapshot).await.unwrap();
    repo.close();
    let again = Repository::open(&name).await.unwrap();
    assert_eq!(again.load_snapshot().await.unwrap(), Some(snapshot));
    again.delete_snapshot().await.unwrap();
    assert_eq!(again.load_snapshot().await.unwrap(), None);
    again.close();
}

#[wasm_bindgen_test]
async fn a_replace_that_fails_half_way_changes_nothing() {
    let repo = Repository::open(&unique_name("atomic")).await.unwrap();
    let before = demo_workspace();
    repo.replace(&before).await.unwrap();
    let stored = repo.load().await.unwrap();

    // New accounts and history, then a dossier without its key: the store refuses the last
    // write, after the accounts and history stores were already cleared and refilled.
    let account =
        js_sys::JSON::parse(&serde_json::to_string(&kam_core::model::Account::new("Only Account")).unwrap()).unwrap();
    let broken_dossier = js_sys::JSON::parse("{\"overview\": \"no account_id\"}").unwrap();
    let result = repo.replace_records(vec![account], vec![], vec![broken_dossier], None).await;
    assert!(result.is_err(), "the store refuses a dossier without its key");
    assert_eq!(repo.load().await.unwrap(), stored, "every store is as it was");
    repo.close();
}

/// Records written by the first release (file format 1 shapes: free-text role and attitude,
/// competitors as names, no programme record) still load, numbered and mapped.
#[wasm_bindgen_test]
async fn records_of_the_first_release_still_load() {
    let repo = Repository::open(&unique_name("v1-records")).await.unwrap();
    let account = js_sys::JSON::parse(
        r#"{"id":"nordhavn","name":"Nordhavn","industry":"Logistics","is_key":true,"manager":"Maria Lind"}"#,
    )
    .unwrap();
    let dossier = js_sys::JSON::parse(
        r#"{"account_id":"nordhavn","overview":"3PL","employees":2300,"reasons":["partner"],"executive_sponsor":"CEO",
            "people":[{"name":"Jens","title":"COO","role":"Decider","attitude":"Supporter","our_owner":"Maria","birthday":"1971-03-14","personal_notes":"Sails"},
                      {"name":"Sofie","title":"Buyer","role":"Finance","attitude":"Neutral","our_owner":"Maria","birthday":"","personal_notes":""}],
            "competitors":["LogiNord"]}"#,
    )
    .unwrap();
    repo.replace_records(vec![account], vec![], vec![dossier], None).await.unwrap();
    let ws = repo.load().await.expect("old records load");
    let d = &ws.dossiers()[0];
    assert_eq!(d.people[0].role, kam_core::model::DmuRole::EconomicBuyer);
    assert_eq!(d.people[1].attitude, kam_core::model::Attitude::Neutral);
    assert_eq!(d.people.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 2], "people are numbered on load");
    assert_eq!(d.competitors[0].name, "LogiNord");
    assert_eq!(ws.programme, kam_core::model::Programme::default(), "no programme record: the defaults");
    // Saved again in today's shape, it round-trips.
    repo.replace(&ws).await.unwrap();
    assert_eq!(repo.load().await.unwrap(), ws);
    repo.close();
}

/// A person of the first release whose role was free text that maps to no fixed role ("Head
/// of purchasing") keeps that text when loaded from IndexedDB, as a version 1 file always
/// kept it: in the person's expectations. A change to the dossier, which reads the record
/// itself, keeps it too.
#[wasm_bindgen_test]
async fn a_first_release_free_text_role_is_kept_on_load() {
    let repo = Repository::open(&unique_name("free-text-role")).await.unwrap();
    let account =
        js_sys::JSON::parse(r#"{"id":"acme","name":"Acme","industry":"","is_key":true,"manager":"Eva"}"#).unwrap();
    let dossier = js_sys::JSON::parse(
        r#"{"account_id":"acme","people":[{"name":"Ann","title":"Buyer","role":"Head of purchasing","attitude":"Supporter","our_owner":"Eva","birthday":"","personal_notes":""}]}"#,
    )
    .unwrap();
    repo.replace_records(vec![account], vec![], vec![dossier], None).await.unwrap();
    let ws = repo.load().await.expect("the record loads");
    let p = &ws.dossier("acme").expect("its dossier").people[0];
    assert_eq!((p.role, p.attitude), (kam_core::model::DmuRole::Unknown, kam_core::model::Attitude::Supporter));
    assert_eq!(p.expectations, "Role: Head of purchasing", "the text is kept");
    assert_eq!((p.id, p.title.as_str()), (1, "Buyer"));
    let changed = repo.update_dossier("acme", |d| d.overview = "Changed".into()).await.unwrap();
    assert_eq!(changed.people[0].expectations, "Role: Head of purchasing", "an edit keeps it too");
    assert_eq!(
        repo.load().await.unwrap().dossier("acme").unwrap().people[0].expectations,
        "Role: Head of purchasing",
        "and once, not twice"
    );
    repo.close();
}

/// Named snapshots: saved with a name, listed oldest first, deleted one by one, and each holds
/// a file that reads back into the workspace it was taken from.
#[wasm_bindgen_test]
async fn named_snapshots_save_list_restore_and_delete() {
    let repo = Repository::open(&unique_name("named")).await.unwrap();
    assert!(repo.named_snapshots().await.unwrap().is_empty());
    let ws = demo_workspace();
    let file = kam_core::exchange::write_file(
        &ws,
        None,
        kam_core::exchange::PersonalDetails::Included,
        "test",
        "2026-11-24T10:00:00Z",
    );
    let first =
        Snapshot { reason: "after the March workshop".into(), taken_at: "2026-03-14 17:00".into(), file: file.clone() };
    let k1 = repo.save_named_snapshot(&first).await.unwrap();
    // Keys sort by time: wait a millisecond so the second is later.
    sleep_ms(5).await;
    let second = Snapshot { reason: "before the board".into(), taken_at: "2026-04-01 09:00".into(), file: "{}".into() };
    let k2 = repo.save_named_snapshot(&second).await.unwrap();
    let listed = repo.named_snapshots().await.unwrap();
    assert_eq!(listed, vec![(k1.clone(), first.clone()), (k2.clone(), second)]);
    assert_eq!(repo.load_snapshot().await.unwrap(), None, "named snapshots are not the automatic one");
    let restored = kam_core::exchange::read_file(listed[0].1.file.as_bytes()).unwrap().workspace;
    assert_eq!(restored.accounts().len(), ws.accounts().len());
    repo.delete_named_snapshot(&k2).await.unwrap();
    assert_eq!(repo.named_snapshots().await.unwrap(), vec![(k1, first)]);
    assert!(repo.delete_named_snapshot("no such key").await.is_err(), "deleting what is not there says so");
    repo.close();
}

/// A database laid out as schema version 1 wrote it (four stores, no snapshots store) opens as
/// version 2 with every record kept and the new store ready.
#[wasm_bindgen_test]
async fn upgrade_from_schema_version_1_keeps_everything() {
    use rexie::TransactionMode;
    use wasm_bindgen::JsValue;
    let name = unique_name("upgrade-v1");
    let v1 = lay_out(&name, 1).await;
    let tx = v1.transaction(&["accounts", "history", "dossiers", "meta"], TransactionMode::ReadWrite).unwrap();
    tx.store("accounts")
        .unwrap()
        .put(
            &js_sys::JSON::parse(r#"{"id":"acme","name":"Acme","industry":"","is_key":true,"manager":"Eva"}"#).unwrap(),
            None,
        )
        .await
        .unwrap();
    tx.store("history")
        .unwrap()
        .put(
            &js_sys::JSON::parse(r#"{"account_id":"acme","lines":"[{\"date\":\"2026-01-05\",\"revenue\":100.0}]"}"#)
                .unwrap(),
            None,
        )
        .await
        .unwrap();
    tx.store("dossiers").unwrap().put(&js_sys::JSON::parse(r#"{"account_id":"acme","overview":"Kept","people":[{"name":"Jens","role":"Decider"}],"competitors":["Rival"]}"#).unwrap(), None).await.unwrap();
    let snapshot =
        js_sys::JSON::parse(r#"{"reason":"before importing x","taken_at":"2026-01-01 10:00","file":"{}"}"#).unwrap();
    tx.store("meta").unwrap().put(&snapshot, Some(&JsValue::from_str("snapshot:before-replace"))).await.unwrap();
    tx.done().await.unwrap();
    v1.close();

    let repo = Repository::open(&name).await.expect("the upgrade succeeds");
    let ws = repo.load().await.unwrap();
    assert_eq!(ws.accounts().len(), 1);
    assert_eq!(ws.history("acme").unwrap().len(), 1);
    assert_eq!(ws.dossiers()[0].overview, "Kept");
    assert_eq!(ws.dossiers()[0].people[0].role, kam_core::model::DmuRole::EconomicBuyer);
    assert_eq!(repo.load_snapshot().await.unwrap().unwrap().reason, "before importing x");
    assert!(repo.named_snapshots().await.unwrap().is_empty(), "the new store is there");
    let counts = repo.counts().await.unwrap();
    assert_eq!(
        counts.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        vec!["accounts", "history", "dossiers", "meta", "snapshots", "stamps"]
    );
    repo.close();
}

/// A database laid out as schema version 2 wrote it (no stamps) opens as version 3: every record
/// is kept, each gets its change stamps (the dossier's from its last change, by this device's
/// upgrade) and its list items their ids, in one transaction, and the workspace's document reads
/// as the workspace.
#[wasm_bindgen_test]
async fn upgrade_from_schema_version_2_stamps_every_record() {
    use kam_core::merge::workspace::workspace_from_value;
    use rexie::TransactionMode;
    use wasm_bindgen::JsValue;
    let name = unique_name("upgrade-v2");
    let v2 = lay_out(&name, 2).await;
    let tx =
        v2.transaction(&["accounts", "history", "dossiers", "meta", "snapshots"], TransactionMode::ReadWrite).unwrap();
    tx.store("accounts")
        .unwrap()
        .put(
            &js_sys::JSON::parse(r#"{"id":"acme","name":"Acme","industry":"Tools","is_key":true,"manager":"Eva"}"#)
                .unwrap(),
            None,
        )
        .await
        .unwrap();
    tx.store("history")
        .unwrap()
        .put(&js_sys::JSON::parse(r#"{"account_id":"acme","lines":"[{\"date\":\"2026-01-05\",\"revenue\":100.0},{\"date\":\"2026-02-07\",\"revenue\":50.0}]"}"#).unwrap(), None)
        .await
        .unwrap();
    tx.store("dossiers").unwrap().put(&js_sys::JSON::parse(r#"{"account_id":"acme","overview":"Kept","updated":"2026-03-01","people":[{"id":1,"name":"Jens","phone":"+45 1234 5678"}],"competitors":[{"name":"Rival"}],"actions":[{"text":"Call","status":"open"}]}"#).unwrap(), None).await.unwrap();
    tx.store("snapshots")
        .unwrap()
        .put(
            &js_sys::JSON::parse(r#"{"reason":"March","taken_at":"2026-03-01 10:00","file":"{}"}"#).unwrap(),
            Some(&JsValue::from_str("0000000000000001")),
        )
        .await
        .unwrap();
    tx.done().await.unwrap();
    v2.close();

    let repo = Repository::open(&name).await.expect("the upgrade succeeds");
    let ws = repo.load().await.unwrap();
    assert_eq!(ws.accounts()[0].industry, "Tools");
    assert_eq!(ws.history("acme").unwrap().len(), 2, "two months");
    let d = &ws.dossiers()[0];
    assert_eq!(
        (d.overview.as_str(), d.people[0].phone.as_str(), d.competitors[0].name.as_str()),
        ("Kept", "+45 1234 5678", "Rival")
    );
    assert!(!d.people[0].uid.is_empty() && !d.competitors[0].id.is_empty() && !d.actions[0].id.is_empty());
    assert_eq!(repo.named_snapshots().await.unwrap().len(), 1, "named snapshots are kept");
    let doc = repo.document().await.unwrap();
    assert_eq!(workspace_from_value(&doc.value()).unwrap(), ws, "the stamps hold every value");
    // The dossier's stamps are its last change (end of that day), by this device's upgrade.
    let overview = kam_core::merge::workspace::RecordKey::Dossier("acme".into()).path().key("overview");
    let stamp = &doc.entries[&overview].stamp;
    assert!(stamp.device.starts_with("upgrade:"));
    assert_eq!(stamp.wall_ms, 1_772_409_599_999);
    // Loading again does not stamp again.
    assert_eq!(repo.load().await.unwrap(), ws);
    assert_eq!(repo.document().await.unwrap(), doc);
    repo.close();
}

/// A database laid out as schema version 3 wrote it (each history an account's order lines, its
/// stamps one register per month of lines) opens as version 4: the history is read as monthly
/// totals and rewritten so, its stamps keep their stamp on each month's total, nothing else
/// changes, and loading again changes nothing.
#[wasm_bindgen_test]
async fn upgrade_from_schema_version_3_keeps_history_as_monthly_totals() {
    use kam_core::merge::workspace::{document_of, workspace_from_value, RecordKey};
    use kam_core::merge::{Entry, Path, Stamp};
    use kam_core::model::{monthly_totals, Account, MonthTotal, OrderLine};
    use rexie::TransactionMode;
    use wasm_bindgen::JsValue;
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let lines = [
        OrderLine { date: day(1, 5), revenue: 100.0, profit: Some(30.0) },
        OrderLine { date: day(1, 20), revenue: -20.0, profit: None },
        OrderLine { date: day(2, 7), revenue: 50.0, profit: None },
    ];
    let mut expected = Workspace::default();
    expected.insert_account(Account { industry: "Tools".into(), ..Account::new("Acme") });
    expected.set_history("acme", monthly_totals(&lines));
    // The stamps as schema 3 kept them: each month's value its order lines.
    let stamp = Stamp::new(1_770_000_000_000, 0, "colleague");
    let mut old_doc = document_of(&expected, &stamp, |_, _| false);
    let month = |m: &str| Path::root().key("history").key("acme").key(m);
    let old = |ls: &[OrderLine]| serde_json::to_value(ls).unwrap();
    old_doc.entries.insert(month("2026-01"), Entry::live(old(&lines[..2]), stamp.clone()));
    old_doc.entries.insert(month("2026-02"), Entry::live(old(&lines[2..]), stamp.clone()));

    let name = unique_name("upgrade-v3");
    let v3 = lay_out(&name, 3).await;
    let tx = v3
        .transaction(&["accounts", "history", "dossiers", "meta", "snapshots", "stamps"], TransactionMode::ReadWrite)
        .unwrap();
    tx.store("accounts")
        .unwrap()
        .put(
            &js_sys::JSON::parse(r#"{"id":"acme","name":"Acme","industry":"Tools","is_key":false,"manager":""}"#)
                .unwrap(),
            None,
        )
        .await
        .unwrap();
    let record = serde_json::json!({ "account_id": "acme", "lines": serde_json::to_string(&lines).unwrap() });
    tx.store("history").unwrap().put(&js_sys::JSON::parse(&record.to_string()).unwrap(), None).await.unwrap();
    for (key, sub) in old_doc.records() {
        let text = serde_json::to_string(&sub).unwrap();
        tx.store("stamps")
            .unwrap()
            .put(&JsValue::from_str(&text), Some(&JsValue::from_str(&key.store_key())))
            .await
            .unwrap();
    }
    tx.done().await.unwrap();
    v3.close();

    let repo = Repository::open(&name).await.expect("the upgrade succeeds");
    let ws = repo.load().await.unwrap();
    assert_eq!(ws, expected);
    assert_eq!(
        ws.history("acme").unwrap()[0],
        MonthTotal { year: 2026, month: 1, lines: 2, revenue: 80.0, profit: Some(30.0), last_purchase: Some(5) }
    );
    let doc = repo.document().await.unwrap();
    assert_eq!(workspace_from_value(&doc.value()).unwrap(), ws, "the stamps hold the monthly totals");
    assert_eq!(doc.entries[&month("2026-01")].stamp, stamp, "the upgrade is no edit: the colleague's stamp stays");
    let history = |d: &kam_core::merge::StampedDoc| -> Vec<(Path, Entry)> {
        let top = Path::root().key("history");
        d.entries.iter().filter(|(p, _)| p.starts_with(&top)).map(|(p, e)| (p.clone(), e.clone())).collect()
    };
    assert_eq!(history(&doc), history(&document_of(&expected, &stamp, |_, _| false)));
    repo.close();

    // The records themselves were rewritten: months, no lines.
    let raw = lay_out(&name, 4).await;
    let tx = raw.transaction(&["history", "stamps"], TransactionMode::ReadOnly).unwrap();
    let stored = tx.store("history").unwrap().get(JsValue::from_str("acme")).await.unwrap().unwrap();
    let text = String::from(js_sys::JSON::stringify(&stored).unwrap());
    assert!(text.contains("\"months\"") && !text.contains("\"lines\":\""), "{text}");
    let key = JsValue::from_str(&RecordKey::History("acme".into()).store_key());
    let stamps = tx.store("stamps").unwrap().get(key).await.unwrap().unwrap().as_string().unwrap();
    assert!(!stamps.contains("\"date\""), "the stored stamps hold totals, not lines: {stamps}");
    tx.done().await.unwrap();
    raw.close();

    let repo = Repository::open(&name).await.unwrap();
    assert_eq!(repo.load().await.unwrap(), expected, "loading again changes nothing");
    repo.close();
}

/// Every write records its change stamps in the same transaction: an edit of one field writes
/// one newer stamp at that field, and leaves the others as they were.
#[wasm_bindgen_test]
async fn an_edit_stamps_only_what_it_changed() {
    use kam_core::merge::workspace::RecordKey;
    let repo = Repository::open(&unique_name("stamps")).await.unwrap();
    repo.replace(&demo_workspace()).await.unwrap();
    let id = demo_workspace().dossiers()[0].account_id.clone();
    let before = repo.document().await.unwrap();
    repo.update_dossier(&id, |d| d.goals = "Grow 20 %".into()).await.unwrap();
    let after = repo.document().await.unwrap();
    let goals = RecordKey::Dossier(id.clone()).path().key("goals");
    // Empty goals were no register (lean records); now they are one, newer than anything before.
    assert!(before.entries.get(&goals).is_none_or(|b| after.entries[&goals].stamp > b.stamp));
    let changed: Vec<_> =
        after.entries.iter().filter(|(p, e)| before.entries.get(*p) != Some(*e)).map(|(p, _)| p.clone()).collect();
    assert_eq!(changed, vec![goals.clone()], "only the goals got a new stamp");
    assert!(after.seen.values().any(|s| *s == after.entries[&goals].stamp), "the workspace has seen its own edit");
    repo.close();
}

/// A merge is one transaction: the snapshot, the records and their stamps. Merging the same
/// document again changes nothing.
#[wasm_bindgen_test]
async fn a_merge_is_one_transaction_and_idempotent() {
    use kam_core::exchange::{read_file, write_stamped_file, PersonalDetails};
    let repo = Repository::open(&unique_name("merge")).await.unwrap();
    let demo = demo_workspace();
    repo.replace(&demo).await.unwrap();
    let id = demo.dossiers()[0].account_id.clone();
    // Another copy: the same plan with one more competitor, exported with its stamps.
    let other = Repository::open(&unique_name("merge-other")).await.unwrap();
    other.replace(&demo).await.unwrap();
    other
        .update_dossier(&id, |d| {
            d.competitors.push(kam_core::model::Competitor {
                id: "c-x".into(),
                name: "Rival X".into(),
                ..Default::default()
            })
        })
        .await
        .unwrap();
    let theirs = other.load().await.unwrap();
    let file = write_stamped_file(
        &theirs,
        Some(&other.document().await.unwrap()),
        None,
        PersonalDetails::Removed,
        "t",
        "2026-12-01T10:00:00Z",
    );
    let read = read_file(file.as_bytes()).unwrap();
    let make = |_: &kam_core::model::Workspace, _: &kam_core::merge::StampedDoc| Snapshot {
        reason: "before merging".into(),
        taken_at: "now".into(),
        file: "{}".into(),
    };
    let mine = repo.load().await.unwrap();
    let (merged, _, _) = repo.merge_file(mine, &read.document, &Default::default(), None, &make).await.unwrap();
    assert!(merged.workspace.dossier(&id).unwrap().competitors.iter().any(|c| c.name == "Rival X"));
    assert_eq!(repo.load().await.unwrap(), merged.workspace, "stored as merged");
    assert_eq!(repo.load_snapshot().await.unwrap().unwrap().reason, "before merging");
    let doc = repo.document().await.unwrap();
    assert!(kam_core::merge::preview(&doc, &read.document).is_empty(), "the same file again changes nothing");
    repo.close();
    other.close();
}

/// Two changes to different fields of one dossier started at the same moment (as two tabs
/// would): each reads and writes in its own transaction, so both are kept.
#[wasm_bindgen_test]
async fn concurrent_dossier_updates_keep_both_changes() {
    let repo = Repository::open(&unique_name("concurrent")).await.unwrap();
    repo.replace(&demo_workspace()).await.unwrap();
    let id = demo_workspace().dossiers()[0].account_id.clone();
    let a = repo.update_dossier(&id, |d| d.history = "Founded 1994".into());
    let b = repo.update_dossier(&id, |d| d.financials = "Turnover 120 M EUR".into());
    let (a, b) = futures_join(a, b).await;
    a.unwrap();
    b.unwrap();
    let ws = repo.load().await.unwrap();
    let d = ws.dossier(&id).unwrap();
    assert_eq!((d.history.as_str(), d.financials.as_str()), ("Founded 1994", "Turnover 120 M EUR"));
    assert_eq!(d.overview, demo_workspace().dossiers()[0].overview, "the rest is untouched");
    repo.close();
}

/// Two programme changes made in quick succession (criteria, then the champion, as typed in
/// Settings) each apply to the stored programme, so both are kept; a refused change writes
/// nothing.
#[wasm_bindgen_test]
async fn quick_programme_changes_keep_both_and_a_refused_one_writes_nothing() {
    let repo = Repository::open(&unique_name("programme")).await.unwrap();
    repo.replace(&demo_workspace()).await.unwrap();
    let a = repo.update_programme(|p| {
        p.criteria_text = "Over 10 % of our profit".into();
        Ok(())
    });
    let b = repo.update_programme(|p| {
        p.champion = "Eva Saar".into();
        Ok(())
    });
    let (a, b) = futures_join(a, b).await;
    a.unwrap();
    let after = b.unwrap();
    assert_eq!((after.criteria_text.as_str(), after.champion.as_str()), ("Over 10 % of our profit", "Eva Saar"));
    let refused = repo.update_programme(|p| {
        p.champion = "Somebody else".into();
        Err(vec![ProgrammeProblem::LostMonths])
    });
    assert_eq!(refused.await.expect_err("refused"), StoreError::ChangeRefused(vec![ProgrammeProblem::LostMonths]));
    let stored = repo.load().await.unwrap().programme;
    assert_eq!((stored.criteria_text.as_str(), stored.champion.as_str()), ("Over 10 % of our profit", "Eva Saar"));
    assert_eq!(stored.attractiveness, demo_workspace().programme.attractiveness, "the rest is untouched");
    repo.close();
}

/// Two fields of one account changed in quick succession (industry, then manager, as tabbed
/// through in the dossier) are both kept; an account removed meanwhile is an error, not a
/// resurrection.
#[wasm_bindgen_test]
async fn quick_account_changes_keep_both_and_a_removed_account_is_not_brought_back() {
    let repo = Repository::open(&unique_name("account")).await.unwrap();
    let ws = demo_workspace();
    repo.replace(&ws).await.unwrap();
    let id = ws.accounts()[3].id.clone();
    let a = repo.update_account(&id, |a| a.industry = "Ports".into(), None);
    let b = repo.update_account(&id, |a| a.manager = "Eva Saar".into(), None);
    let (a, b) = futures_join(a, b).await;
    a.unwrap();
    b.unwrap();
    let stored = repo.load().await.unwrap();
    let account = stored.account(&id).unwrap();
    assert_eq!((account.industry.as_str(), account.manager.as_str()), ("Ports", "Eva Saar"));
    assert_eq!(account.name, ws.accounts()[3].name, "the rest is untouched");

    let fewer = keeping(&ws, |other| other != id);
    repo.replace(&fewer).await.unwrap();
    assert!(repo.update_account(&id, |a| a.manager = "Nobody".into(), None).await.is_err());
    assert!(repo.load().await.unwrap().account(&id).is_none());
    repo.close();
}

/// Polls two futures to completion together (no extra dependency for one test).
async fn futures_join<A: std::future::Future, B: std::future::Future>(a: A, b: B) -> (A::Output, B::Output) {
    use std::pin::pin;
    use std::task::Poll;
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (ra.unwrap(), rb.unwrap())
}

/// Opens `name` at `version` with the raw IndexedDB API and tells how the request first ended:
/// "success", "blocked" (a connection at an older version stays open) or "error".
async fn raw_open(name: &str, version: u32) -> String {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.open_with_u32(name, version).unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        for kind in ["success", "blocked", "error"] {
            let (resolve, req) = (resolve.clone(), request.clone());
            let on_event = Closure::once_into_js(move || {
                if kind == "success" {
                    req.result().unwrap().unchecked_into::<web_sys::IdbDatabase>().close();
                }
                resolve.call1(&JsValue::NULL, &JsValue::from_str(kind)).unwrap();
            });
            request.add_event_listener_with_callback(kind, on_event.unchecked_ref()).unwrap();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap().as_string().unwrap()
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A newer release opening the database in another tab is not blocked by this page's open
/// connection (it gives way), and this page's next use says plainly what happened and what to
/// do, instead of a generic storage error.
#[wasm_bindgen_test]
async fn an_open_repository_gives_way_to_a_newer_version_and_says_so() {
    use kam_planner::store::SCHEMA_VERSION;
    let name = unique_name("gives-way");
    let repo = Repository::open(&name).await.unwrap();
    repo.replace(&demo_workspace()).await.unwrap();
    assert_eq!(raw_open(&name, SCHEMA_VERSION + 1).await, "success", "the upgrade is not blocked");
    let refused = repo.load().await.expect_err("the old connection is closed");
    assert_eq!(refused, StoreError::Closed);
    let saved = repo.replace(&Workspace::default()).await.expect_err("and refuses writes too");
    assert_eq!(saved, StoreError::Closed);
}

/// A dropped repository closes its connection. (Left to garbage collection, with its
/// `versionchange` handler dropped with it, it would block a newer release's upgrade; the
/// app drops its shared repository when it gives way to a newer version.)
#[wasm_bindgen_test]
async fn a_dropped_repository_does_not_block_a_newer_version() {
    use kam_planner::store::SCHEMA_VERSION;
    let name = unique_name("released");
    let repo = Repository::open(&name).await.unwrap();
    repo.load().await.unwrap();
    drop(repo);
    assert_eq!(raw_open(&name, SCHEMA_VERSION + 1).await, "success");
}

/// Another tab announcing a newer schema for this database is heard; the same version or
/// another database is not. Giving the shared connection up then refuses every later use
/// with words for the user.
#[wasm_bindgen_test]
async fn a_newer_version_in_another_tab_is_heard_and_the_page_gives_way() {
    use kam_planner::store::{announce_opening_at, listen_for_newer_versions, SCHEMA_VERSION};
    use std::{cell::Cell, rc::Rc};
    let name = unique_name("listen");
    let heard = Rc::new(Cell::new(0));
    let counter = heard.clone();
    listen_for_newer_versions(&name, move || counter.set(counter.get() + 1));
    announce_opening_at(SCHEMA_VERSION, &name);
    announce_opening_at(SCHEMA_VERSION + 1, "another-database");
    announce_opening_at(SCHEMA_VERSION - 1, &name);
    announce_opening_at(SCHEMA_VERSION + 1, &name);
    sleep_ms(300).await;
    assert_eq!(heard.get(), 1, "only the newer version of this database is heard");

    assert!(Repository::shared().await.is_ok());
    Repository::give_up_shared();
    let refused = Repository::shared().await.err().expect("a superseded page opens nothing");
    assert_eq!(refused, StoreError::Superseded);
}

/// The workspace channel between tabs: a change another tab announces is heard, and this page's
/// own announcement reaches the other tabs (a second channel object stands in for another tab;
/// a channel object does not hear its own messages).
#[wasm_bindgen_test]
async fn tabs_hear_of_each_others_workspace_changes() {
    use kam_planner::store::{listen_for_changes_in_other_tabs, tell_other_tabs};
    use std::{cell::Cell, cell::RefCell, rc::Rc};
    let heard = Rc::new(Cell::new(0));
    let counter = heard.clone();
    listen_for_changes_in_other_tabs(move || counter.set(counter.get() + 1));
    let other_heard = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = other_heard.clone();
    let other_tab = kam_planner::browser::on_channel_message("kam-planner-workspace", move |data| {
        log.borrow_mut().push(data.as_string().unwrap_or_default())
    })
    .expect("the browser has broadcast channels");
    other_tab.post_message(&wasm_bindgen::JsValue::from_str("changed")).unwrap();
    tell_other_tabs();
    sleep_ms(300).await;
    assert_eq!(heard.get(), 1, "the other tab's change is heard, this page's own is not");
    assert_eq!(*other_heard.borrow(), vec!["changed".to_string()], "the other tab hears this page's change");
    other_tab.close();
}
