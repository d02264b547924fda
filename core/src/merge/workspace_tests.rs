use super::*;
use crate::demo::test_demo as demo_workspace;
use crate::exchange::{read_file, write_stamped_file, PersonalDetails};
use crate::merge::records::{compare, merge_workspaces, preview_records, preview_workspace, Touched};
use crate::merge::{merge, preview, Choice};
use crate::model::{Competitor, Person};
use proptest::prelude::*;

/// One copy of a plan, as the app keeps it: the workspace and its document, every edit recorded
/// per record through the one path the store uses.
#[derive(Clone)]
struct Replica {
    ws: Workspace,
    doc: StampedDoc,
    clock: Clock,
    now: u64,
}

const T0: u64 = 1_780_000_000_000;

impl Replica {
    fn new(ws: &Workspace, device: &str) -> Replica {
        let doc = document_of(ws, &Stamp::new(T0, 0, "start"), |_, _| false);
        let mut clock = Clock::new(device);
        clock.observe_doc(&doc);
        Replica { ws: ws.clone(), doc, clock, now: T0 + 1000 }
    }

    fn edit(&mut self, key: RecordKey, change: impl FnOnce(&mut Workspace)) {
        change(&mut self.ws);
        self.now += 1000;
        if let RecordKey::Dossier(id) = &key {
            let seed = format!("{}-{}", self.clock.device(), self.now);
            self.ws.change_dossier(id, |d| d.assign_ids(Some(&|| seed.clone())));
        }
        let value = record_value(&self.ws, &key).expect("the record exists");
        let path = key.path();
        let mut sub = self.doc.subtree(&path);
        if let Some(stamp) = sub.record_record(&value, &mut self.clock, self.now) {
            self.doc.graft(&path, &sub);
            self.doc.note_seen(&stamp);
        }
    }

    fn export(&self, personal: PersonalDetails) -> String {
        let at = chrono::DateTime::from_timestamp_millis(self.now as i64).unwrap().to_rfc3339();
        write_stamped_file(&self.ws, Some(&self.doc), None, personal, "test", &at)
    }

    fn import(&mut self, file: &str) -> usize {
        let read = read_file(file.as_bytes()).expect("the file reads");
        let changes = preview(&self.doc, &read.document);
        let (by_record, touched) = preview_records(&self.doc, &read.document);
        assert_eq!(by_record, changes, "record by record, the same list");
        let changes = changes.len();
        self.now += 1000;
        let merge = |previewed: Option<&Touched>, clock: &mut Clock| {
            merge_workspaces(self.ws.clone(), &self.doc, &read.document, &BTreeMap::new(), previewed, clock, self.now)
                .unwrap()
        };
        let merged = merge(Some(&touched), &mut self.clock.clone());
        // The records the preview found are the ones a merge that walks again finds.
        assert_eq!(merged, merge(None, &mut self.clock));
        let document = merged.document(&self.doc);
        // Record by record gives what the whole document reads as.
        assert_eq!(merged.workspace, workspace_from_value(&document.value()).unwrap());
        self.ws = merged.workspace;
        self.doc = document;
        self.clock.observe_doc(&self.doc);
        changes
    }
}

fn first_dossier(ws: &Workspace) -> String {
    ws.dossiers()[0].account_id.clone()
}

fn restored_demo() -> Workspace {
    workspace_from_value(&workspace_value(&demo_workspace())).unwrap()
}

#[test]
fn the_workspace_document_reads_back_as_the_workspace() {
    let ws = restored_demo();
    assert!(!ws.dossiers().is_empty());
    assert_eq!(workspace_from_value(&workspace_value(&ws)).unwrap(), ws);
    let doc = document_of(&ws, &Stamp::new(1, 0, "x"), |_, _| false);
    assert_eq!(workspace_from_value(&doc.value()).unwrap(), ws);
    // Every item of every dossier list has an id after the restore.
    for d in ws.dossiers() {
        assert!(d.people.iter().all(|p| !p.uid.is_empty()));
        assert!(d.actions.iter().all(|a| !a.id.is_empty()));
        assert!(d.timeline.iter().all(|e| !e.id.is_empty()));
    }
}

#[test]
fn records_split_and_join_the_document() {
    let ws = restored_demo();
    let doc = document_of(&ws, &Stamp::new(1, 0, "x"), |_, _| false);
    let records = doc.records();
    assert_eq!(records.len(), ws.accounts().len() + ws.dossiers().len() + ws.histories().len() + 1);
    let back = StampedDoc::from_records(records, doc.seen.clone());
    assert_eq!(back, doc);
}

#[test]
fn history_merges_by_month() {
    let ws = restored_demo();
    let id = ws.histories().next().unwrap().0.to_string();
    let v = history_value(ws.history(&id).unwrap());
    assert!(v.as_object().unwrap().keys().all(|m| m.len() == 7 && &m[4..5] == "-"));
    assert!(v.as_object().unwrap().values().all(|m| m.as_array().is_some_and(|a| a.len() == 4)), "{v}");
    assert_eq!(&history_from_value(v).unwrap(), ws.history(&id).unwrap());
}

/// A document kept by a build before monthly totals holds each month's order lines: read, each
/// month becomes its total under its old stamp, and the document then reads as the workspace
/// of monthly totals (so recording that workspace writes no new stamp).
#[test]
fn a_document_of_order_lines_is_upgraded_to_monthly_totals_under_its_stamps() {
    use crate::model::{monthly_totals, OrderLine};
    let mut ws = Workspace::default();
    let id = ws.add_account("Acme").unwrap().id.clone();
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let lines = [
        OrderLine { date: day(3, 2), revenue: 100.0, profit: Some(20.0) },
        OrderLine { date: day(3, 20), revenue: -10.0, profit: None },
        OrderLine { date: day(4, 1), revenue: 5.0, profit: None },
    ];
    ws.set_history(&id, monthly_totals(&lines));
    let stamp = Stamp::new(7, 0, "old");
    let mut doc = document_of(&ws, &stamp, |_, _| false);
    let month_path = |m: &str| Path::root().key(HISTORY).key(&id).key(m);
    let old = |ls: &[OrderLine]| Value::Array(ls.iter().map(to_value).collect());
    doc.entries.insert(month_path("2026-03"), Entry::live(old(&lines[..2]), stamp.clone()));
    doc.entries.insert(month_path("2026-04"), Entry::live(old(&lines[2..]), stamp.clone()));
    let expected = document_of(&ws, &stamp, |_, _| false);
    assert_ne!(doc, expected);
    assert!(upgrade_history_months(&mut doc));
    assert_eq!(doc, expected);
    assert!(!upgrade_history_months(&mut doc), "nothing left to upgrade");
    // A month whose lines are of another month is left as it is, for the reader to refuse.
    doc.entries.insert(month_path("2026-05"), Entry::live(old(&lines[2..]), stamp.clone()));
    assert!(!upgrade_history_months(&mut doc));
    assert!(history_from_value(serde_json::json!({ "2026-05": old(&lines[2..]) })).is_err());
    assert!(history_from_value(serde_json::json!({ "2026-05": [1, "x", null, null] })).is_err());
    assert!(history_from_value(serde_json::json!({ "2026-02": [1, 1.0, null, 30] })).is_err(), "30 February");
}

#[test]
fn a_file_of_format_5_carries_its_stamps() {
    let mut a = Replica::new(&restored_demo(), "a");
    let id = first_dossier(&a.ws);
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.overview = "Edited on A".into());
    });
    let file = a.export(PersonalDetails::Included);
    assert!(file.contains("\"version\": 5"));
    let read = read_file(file.as_bytes()).unwrap();
    assert_eq!(read.document.value(), a.doc.value());
    assert_eq!(read.document, a.doc);
}

#[test]
fn a_file_without_personal_details_never_clears_them() {
    let mut a = Replica::new(&restored_demo(), "a");
    let id = a.ws.dossiers().iter().find(|d| !d.people.is_empty()).unwrap().account_id.clone();
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| {
            d.people[0].phone = "+372 5555 1234".into();
            d.people[0].hobbies = "Sailing".into();
            d.overview = "Call +45 20 12 34 56 first".into();
        });
    });
    let mut b = a.clone();
    b.clock = Clock::new("b");
    b.clock.observe_doc(&b.doc);
    // B edits another field, then sends A a file without personal details.
    b.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.strategy = "From B".into());
    });
    let file = b.export(PersonalDetails::Removed);
    assert!(!file.contains("Sailing") && !file.contains("5555"));
    a.import(&file);
    let d = a.ws.dossier(&id).unwrap();
    assert_eq!(d.people[0].phone, "+372 5555 1234");
    assert_eq!(d.people[0].hobbies, "Sailing");
    assert_eq!(d.overview, "Call +45 20 12 34 56 first");
    assert_eq!(d.strategy, "From B");
}

#[test]
fn an_older_file_counts_as_changed_when_it_was_exported() {
    let mut a = Replica::new(&restored_demo(), "a");
    let id = first_dossier(&a.ws);
    // A file of format 2: no stamps, exported at T0 + 5 s.
    let mut b = a.clone();
    b.now = T0 + 5000;
    b.ws.change_dossier(&id, |d| {
        d.overview = "Older file".into();
        d.goals = "Goals from the file".into();
    });
    let at = chrono::DateTime::from_timestamp_millis(b.now as i64).unwrap().to_rfc3339();
    let v3 = crate::exchange::write_file(&b.ws, None, PersonalDetails::Included, "test", &at);
    let v2 = v3.replacen("\"version\": 5", "\"version\": 2", 1);
    // A edits the overview after the file was exported: A's edit stays, the rest comes in.
    a.now = T0 + 10_000;
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.overview = "Mine, later".into());
    });
    a.import(&v2);
    let d = a.ws.dossier(&id).unwrap();
    assert_eq!(d.overview, "Mine, later");
    assert_eq!(d.goals, "Goals from the file");
    // The same file again changes nothing.
    assert_eq!(a.import(&v2), 0);
}

#[test]
fn conflicts_are_listed_and_a_choice_wins_everywhere() {
    let base = Replica::new(&restored_demo(), "base");
    let id = first_dossier(&base.ws);
    let mut a = base.clone();
    a.clock = Clock::new("a");
    let mut b = base.clone();
    b.clock = Clock::new("b");
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.goals = "A's goals".into());
    });
    b.now += 5000;
    b.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.goals = "B's goals".into());
    });
    let file = read_file(b.export(PersonalDetails::Included).as_bytes()).unwrap();
    let changes = preview(&a.doc, &file.document);
    let conflict = changes.iter().find(|c| c.conflict).expect("both changed the goals");
    assert!(conflict.remote_wins, "B's edit is newer");
    let mut choices = BTreeMap::new();
    choices.insert(conflict.path.clone(), Choice::KeepMine);
    a.now += 10_000;
    let merged = merge_workspaces(a.ws.clone(), &a.doc, &file.document, &choices, None, &mut a.clock, a.now).unwrap();
    assert_eq!(merged.workspace.dossier(&id).unwrap().goals, "A's goals");
    a.doc = merged.document(&a.doc);
    a.ws = merged.workspace;
    // B takes A's file back: A's choice wins there too.
    b.import(&a.export(PersonalDetails::Included));
    assert_eq!(b.ws.dossier(&id).unwrap().goals, "A's goals");
}

/// A field written on one side under an item the other side deleted is a conflict, even where
/// the deleting side had the field empty (a lean record holds no register for it): the item's
/// tombstone stands for its empty fields.
#[test]
fn a_field_written_under_an_item_deleted_here_is_a_conflict() {
    let mut base = Replica::new(&restored_demo(), "base");
    let id = first_dossier(&base.ws);
    base.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.competitors.push(Competitor { name: "Steelco".into(), ..Default::default() }));
    });
    let item = base.ws.dossier(&id).unwrap().competitors.last().unwrap().id.clone();
    let (mut a, mut b) = (base.clone(), base.clone());
    a.clock = Clock::new("a");
    b.clock = Clock::new("b");
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.competitors.retain(|c| c.id != item));
    });
    b.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.competitors.iter_mut().find(|c| c.id == item).unwrap().offering = "Rails".into());
    });
    let file = read_file(b.export(PersonalDetails::Included).as_bytes()).unwrap();
    let changes = preview(&a.doc, &file.document);
    assert_eq!(preview_workspace(&a.doc, &file.document), changes);
    let offering = changes.iter().find(|c| c.path.last_key() == Some("offering")).expect("B's offering is listed");
    assert!(offering.conflict, "written without having seen A's deletion: {offering:?}");
    assert_eq!(offering.remote, Some(serde_json::json!("Rails")));
    // The rule for delete against a later edit keeps the item, with B's field.
    a.import(&b.export(PersonalDetails::Included));
    let kept = a.ws.dossier(&id).unwrap().competitors.iter().find(|c| c.id == item).cloned().expect("kept");
    assert_eq!((kept.offering.as_str(), kept.name.as_str()), ("Rails", ""));
}

/// An Apply after a write here does not trust the preview's records: it walks again.
#[test]
fn a_preview_made_before_a_local_write_is_walked_again() {
    let base = Replica::new(&restored_demo(), "base");
    let id = first_dossier(&base.ws);
    let (mut a, mut b) = (base.clone(), base.clone());
    a.clock = Clock::new("a");
    b.clock = Clock::new("b");
    b.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.goals = "B's goals".into());
    });
    let file = read_file(b.export(PersonalDetails::Included).as_bytes()).unwrap();
    let (_, touched) = preview_records(&a.doc, &file.document);
    assert_eq!(touched.for_document(&a.doc), Some(&[RecordKey::Dossier(id.clone())][..]));
    a.edit(RecordKey::Dossier(id.clone()), |ws| {
        ws.change_dossier(&id, |d| d.strategy = "A's strategy".into());
    });
    assert_eq!(touched.for_document(&a.doc), None, "the document moved on since the preview");
    let merged =
        merge_workspaces(a.ws.clone(), &a.doc, &file.document, &BTreeMap::new(), Some(&touched), &mut a.clock, a.now)
            .unwrap();
    let d = merged.workspace.dossier(&id).unwrap();
    assert_eq!((d.goals.as_str(), d.strategy.as_str()), ("B's goals", "A's strategy"));
}

#[test]
fn comparing_two_workspaces_lists_each_difference() {
    let before = restored_demo();
    let mut now = before.clone();
    let id = first_dossier(&now);
    now.change_dossier(&id, |d| {
        d.goals = "New goals".into();
        d.competitors.push(Competitor { id: "c-new".into(), name: "Rival".into(), ..Default::default() });
    });
    let changes = compare(&before, &now);
    // An empty field counts as none: filling it adds a value.
    assert!(changes.iter().any(|c| c.path.last_key() == Some("goals") && c.kind == crate::merge::ChangeKind::Added));
    assert!(changes.iter().any(|c| c.kind == crate::merge::ChangeKind::Added));
    assert!(compare(&now, &now).is_empty());
}

/// One step of the convergence test: an edit on one side, or a file sent from one to the other.
#[derive(Debug, Clone)]
enum Op {
    Overview(bool, u8),
    Goals(bool, u8),
    Industry(bool, u8),
    AddCompetitor(bool, u8),
    RemoveCompetitor(bool),
    RenameCompetitor(bool, u8),
    /// Only A edits personal details.
    Phone(u8),
    AddPerson(bool, u8),
    Send {
        from_a: bool,
        personal: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::Overview(s, v)),
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::Goals(s, v)),
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::Industry(s, v)),
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::AddCompetitor(s, v)),
        any::<bool>().prop_map(Op::RemoveCompetitor),
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::RenameCompetitor(s, v)),
        (0u8..4).prop_map(Op::Phone),
        (any::<bool>(), 0u8..4).prop_map(|(s, v)| Op::AddPerson(s, v)),
        (any::<bool>(), any::<bool>()).prop_map(|(from_a, personal)| Op::Send { from_a, personal }),
    ]
}

fn small_workspace() -> Workspace {
    let mut ws = restored_demo();
    let keep: Vec<String> = ws.dossiers().iter().take(2).map(|d| d.account_id.clone()).collect();
    let all: Vec<String> = ws.dossiers().iter().map(|d| d.account_id.clone()).collect();
    for id in all.iter().filter(|id| !keep.contains(id)) {
        ws.remove_dossier(id);
    }
    ws
}

fn apply(op: &Op, a: &mut Replica, b: &mut Replica, phones: &mut Option<String>) {
    let ids: Vec<String> = a.ws.dossiers().iter().map(|d| d.account_id.clone()).collect();
    let side = |on_a: bool| on_a;
    match op.clone() {
        Op::Send { from_a, personal } => {
            let p = if personal { PersonalDetails::Included } else { PersonalDetails::Removed };
            if from_a {
                let f = a.export(p);
                b.import(&f);
            } else {
                let f = b.export(p);
                a.import(&f);
            }
        }
        Op::Phone(v) => {
            let id = ids[0].clone();
            let text = format!("+372 555 00{v}{v}");
            *phones = Some(text.clone());
            a.edit(RecordKey::Dossier(id.clone()), |ws| {
                ws.change_dossier(&id, |d| {
                    if d.people.is_empty() {
                        d.people.push(Person { name: "Anna".into(), ..Default::default() });
                        d.number_people();
                    }
                    d.people[0].phone = text;
                });
            });
        }
        other => {
            let (on_a, id) = match &other {
                Op::Overview(s, v)
                | Op::Goals(s, v)
                | Op::Industry(s, v)
                | Op::AddCompetitor(s, v)
                | Op::RenameCompetitor(s, v)
                | Op::AddPerson(s, v) => (side(*s), ids[*v as usize % ids.len()].clone()),
                Op::RemoveCompetitor(s) => (side(*s), ids[0].clone()),
                _ => unreachable!(),
            };
            let r = if on_a { a } else { b };
            let who = r.clock.device().to_string();
            let stamp = r.now;
            match other {
                Op::Industry(_, v) => {
                    r.edit(RecordKey::Account(id.clone()), |ws| {
                        ws.change_account(&id, |acc| acc.industry = format!("{who}{v}"));
                    });
                }
                op => r.edit(RecordKey::Dossier(id.clone()), move |ws| {
                    ws.change_dossier(&id, |d| match op {
                        Op::Overview(_, v) => d.overview = format!("{who} {v} {stamp}"),
                        Op::Goals(_, v) => d.goals = format!("{who} {v}"),
                        Op::AddCompetitor(_, v) => {
                            d.competitors.push(Competitor { name: format!("{who} rival {v}"), ..Default::default() })
                        }
                        Op::RemoveCompetitor(_) => {
                            d.competitors.pop();
                        }
                        Op::RenameCompetitor(_, v) => {
                            if let Some(c) = d.competitors.last_mut() {
                                c.name = format!("{who} renamed {v}");
                            }
                        }
                        Op::AddPerson(_, v) => d.change_people(|p| {
                            p.push(Person { name: format!("{who} person {v}"), ..Default::default() })
                        }),
                        _ => {}
                    });
                }),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Two copies edited apart and exchanging files in any order — some without personal
    /// details — end identical once each has the other's last full file, and A's personal
    /// details (only A edits them) are as A last wrote them.
    #[test]
    fn two_copies_exchanging_files_converge(ops in prop::collection::vec(op(), 1..24)) {
        let start = small_workspace();
        let mut a = Replica::new(&start, "a");
        let mut b = Replica::new(&start, "b");
        let mut phone = None;
        for op in &ops {
            apply(op, &mut a, &mut b, &mut phone);
        }
        let fa = a.export(PersonalDetails::Included);
        b.import(&fa);
        let fb = b.export(PersonalDetails::Included);
        a.import(&fb);
        prop_assert_eq!(&a.doc.value(), &b.doc.value());
        prop_assert_eq!(&a.ws, &b.ws);
        prop_assert_eq!(workspace_from_value(&a.doc.value()).unwrap(), a.ws.clone());
        if let Some(p) = phone {
            let id = first_dossier(&a.ws);
            prop_assert_eq!(&a.ws.dossier(&id).unwrap().people[0].phone, &p);
        }
        // Importing a file again changes nothing.
        prop_assert_eq!(a.import(&fb), 0);
        prop_assert_eq!(b.import(&b.export(PersonalDetails::Removed)), 0);
    }

    /// The merge of two workspace documents is the same whichever side is local.
    #[test]
    fn merging_workspaces_commutes(ops in prop::collection::vec(op(), 1..16)) {
        let start = small_workspace();
        let mut a = Replica::new(&start, "a");
        let mut b = Replica::new(&start, "b");
        let mut phone = None;
        for op in ops.iter().filter(|o| !matches!(o, Op::Send { .. })) {
            apply(op, &mut a, &mut b, &mut phone);
        }
        prop_assert_eq!(merge(&a.doc, &b.doc), merge(&b.doc, &a.doc));
    }
}

/// A lean record leaves empty values out: every field of every record must read the same when
/// its empty value is left out. Each leaf of a well-filled workspace (the demo, and the file
/// format's example that fills every section) is set to the empty value of its kind in turn;
/// where the record still reads, leaving the field out must read the same.
#[test]
fn every_empty_value_reads_the_same_when_left_out() {
    let example = include_str!("../../../docs/file-format.md");
    let v2 = example.split("```json\n").nth(3).and_then(|b| b.split("\n```").next()).unwrap();
    let mut workspaces = vec![restored_demo(), read_file(v2.as_bytes()).unwrap().workspace];
    workspaces.push(crate::merge::fixtures::plans(3));
    let mut checked = 0;
    for ws in workspaces {
        for (key, value) in records(&ws) {
            let flat = super::super::flatten(&value);
            for (path, leaf) in &flat {
                if path.0.is_empty() || path.is_item() || matches!(leaf, Value::Object(_) | Value::Array(_)) {
                    continue;
                }
                // An account without an id or a name is refused before it reaches a document.
                if matches!(key, RecordKey::Account(_)) && matches!(path.last_key(), Some("id" | "name")) {
                    continue;
                }
                for empty in [Value::Null, Value::String(String::new())] {
                    let mut with = flat.clone();
                    with.insert(path.clone(), empty.clone());
                    let mut without = flat.clone();
                    without.remove(path);
                    let read = |m: &BTreeMap<Path, Value>| {
                        let mut w = Workspace::default();
                        put_record(&mut w, &key, super::super::unflatten(m)).ok().and_then(|_| record_value(&w, &key))
                    };
                    if let Some(a) = read(&with) {
                        assert_eq!(Some(a), read(&without), "{key:?} {path} as {empty}");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 500, "checked {checked}");
}

/// A programme merged in from a copy of an earlier version reads as a restore reads it: the
/// defaults' English names become presets (shown in the reader's language).
#[test]
fn a_merged_programme_reads_old_default_names_as_presets() {
    use crate::model::{Factor, FactorPreset};
    let mut ws = Workspace::default();
    let old = serde_json::json!({"attractiveness": [{"name": "Profit potential", "weight": 25.0}],
        "strength": [{"name": "Own", "weight": 1.0}]});
    let back = put_record(&mut ws, &RecordKey::Programme, old).unwrap().unwrap();
    assert_eq!(ws.programme.attractiveness, [Factor::from_preset(FactorPreset::ProfitPotential, 25.0)]);
    assert_eq!(ws.programme.strength, [Factor::named("Own", 1.0)]);
    assert_eq!(back["attractiveness"][0]["preset"], "profit_potential", "the document learns the preset");
}
