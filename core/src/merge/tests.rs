//! Properties of the merge on workspace-shaped documents edited on several replicas, and a few
//! worked examples with a small realistic workspace.

use super::doc::visible_entries;
use super::*;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

// ---------- Generators ----------

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-50i64..50).prop_map(Value::from),
        (-5.0f64..5.0).prop_map(|f| json!(f)),
        "[a-c]{0,3}".prop_map(Value::from),
    ]
}

/// Scalars and atomic arrays (non-empty arrays of scalars; `[]` is an empty set by the rules).
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![4 => scalar(), 1 => prop::collection::vec(scalar(), 1..3).prop_map(Value::Array)]
}

/// Any JSON shaped like the workspace: objects, lists of objects with ids (ids in no particular
/// order), lists without ids, scalars.
fn any_doc() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 5, |inner| {
        prop_oneof![
            prop::collection::btree_map("[a-e]|id", inner.clone(), 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            (prop::collection::vec(prop::collection::btree_map("[a-e]", inner.clone(), 0..3), 0..5), 0usize..11)
                .prop_map(|(items, seed)| {
                    Value::Array(
                        items
                            .into_iter()
                            .enumerate()
                            .map(|(i, m)| {
                                let mut m: Map<String, Value> = m.into_iter().collect();
                                m.insert("id".into(), json!(format!("i{}", (i * 7 + seed) % 11)));
                                Value::Object(m)
                            })
                            .collect(),
                    )
                }),
            prop::collection::vec(prop::collection::btree_map("[a-b]", inner, 0..2), 1..3)
                .prop_map(|v| Value::Array(v.into_iter().map(|m| Value::Object(m.into_iter().collect())).collect())),
        ]
    })
}

/// A small workspace: accounts, dossiers with people (with personal fields), a list of plain
/// strings, a nested object, and programme settings with a list of records without ids.
fn workspace() -> impl Strategy<Value = Value> {
    let person = (0u8..6, scalar(), "[a-c]{0,2}", "[x-z]{1,2}");
    let dossier = ("[a-c]{0,3}", prop::collection::vec(person, 0..3), prop::collection::vec("[a-c]", 0..3), scalar());
    (prop::collection::vec(dossier, 0..4), scalar()).prop_map(|(dossiers, champion)| {
        let mut accounts = Vec::new();
        let mut ds = Vec::new();
        for (i, (overview, people, offerings, employees)) in dossiers.into_iter().enumerate() {
            let id = format!("acc{}", (i * 3) % 5);
            accounts.push(json!({"id": id, "name": format!("Account {i}"), "is_key": i % 2 == 0}));
            let mut seen = std::collections::BTreeSet::new();
            let people: Vec<Value> = people
                .into_iter()
                .filter(|p| seen.insert(p.0))
                .map(|(pid, name, title, phone)| json!({"id": format!("p{pid}"), "name": name, "title": title, "phone": phone, "email": format!("{phone}@x")}))
                .collect();
            ds.push(json!({"id": id, "overview": overview, "employees": employees, "people": people, "offerings": offerings,
                "pestel": {"legal": "", "economic": "e"}, "competitors": [], "actions": []}));
        }
        json!({"accounts": accounts, "dossiers": ds, "programme": {"champion": champion, "lost_after_months": 6,
            "attractiveness": [{"name": "Volume", "weight": 30.0}]}})
    })
}

// ---------- Edits on plain values ----------

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn is_set(items: &[Value]) -> bool {
    let mut ids = std::collections::HashSet::new();
    items.iter().all(|i| i.get("id").and_then(Value::as_str).is_some_and(|id| ids.insert(id.to_string())))
}

#[derive(Default)]
struct Locations {
    leaves: Vec<Vec<Step>>,
    objects: Vec<Vec<Step>>,
    sets: Vec<Vec<Step>>,
    items: Vec<Vec<Step>>,
}

fn locate(v: &Value, at: &mut Vec<Step>, in_item: bool, out: &mut Locations) {
    match v {
        Value::Object(m) => {
            out.objects.push(at.clone());
            for (k, c) in m {
                if in_item && k == "id" {
                    continue;
                }
                at.push(Step::Key(k.clone()));
                locate(c, at, false, out);
                at.pop();
            }
        }
        Value::Array(a) if is_set(a) => {
            out.sets.push(at.clone());
            for (i, c) in a.iter().enumerate() {
                at.push(Step::Index(i));
                out.items.push(at.clone());
                locate(c, at, true, out);
                at.pop();
            }
        }
        _ => out.leaves.push(at.clone()),
    }
}

fn at_mut<'a>(v: &'a mut Value, steps: &[Step]) -> &'a mut Value {
    steps.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

#[derive(Debug, Clone)]
enum Edit {
    SetLeaf(usize, Value),
    /// Adds a key; with `retype`, may also replace an existing field (changing its type).
    AddKey(usize, String, Value),
    RemoveKey(usize, usize),
    AddItem(usize, usize, u8, Value),
    DeleteItem(usize),
    MoveItem(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), scalar()).prop_map(|(l, v)| Edit::SetLeaf(l, v)),
        1 => (any::<usize>(), "[a-e]|phone", leaf()).prop_map(|(o, k, v)| Edit::AddKey(o, k, v)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(o, k)| Edit::RemoveKey(o, k)),
        2 => (any::<usize>(), any::<usize>(), 0u8..8, scalar()).prop_map(|(s, p, id, v)| Edit::AddItem(s, p, id, v)),
        1 => any::<usize>().prop_map(Edit::DeleteItem),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, to)| Edit::MoveItem(i, to)),
    ]
}

fn apply(v: &mut Value, e: &Edit, retype: bool) {
    let mut loc = Locations::default();
    locate(v, &mut Vec::new(), false, &mut loc);
    let pick = |list: &Vec<Vec<Step>>, k: usize| (!list.is_empty()).then(|| list[k % list.len()].clone());
    match e {
        Edit::SetLeaf(l, new) => {
            if let Some(at) = pick(&loc.leaves, *l) {
                *at_mut(v, &at) = new.clone();
            }
        }
        Edit::AddKey(o, key, new) => {
            if let Some(at) = pick(&loc.objects, *o) {
                let obj = at_mut(v, &at).as_object_mut().expect("object");
                if retype || !obj.contains_key(key) {
                    obj.insert(key.clone(), new.clone());
                }
            }
        }
        Edit::RemoveKey(o, k) => {
            if let Some(at) = pick(&loc.objects, *o) {
                let obj = at_mut(v, &at).as_object_mut().expect("object");
                let keys: Vec<String> = obj.keys().filter(|k| *k != "id").cloned().collect();
                if !keys.is_empty() {
                    obj.remove(&keys[k % keys.len()]);
                }
            }
        }
        Edit::AddItem(s, p, id, name) => {
            if let Some(at) = pick(&loc.sets, *s) {
                let list = at_mut(v, &at).as_array_mut().expect("array");
                let id = format!("n{id}");
                if !list.iter().any(|i| i["id"] == json!(id)) {
                    let pos = p % (list.len() + 1);
                    list.insert(pos, json!({"id": id, "name": name}));
                }
            }
        }
        Edit::DeleteItem(i) => {
            if let Some(mut at) = pick(&loc.items, *i) {
                let Some(Step::Index(idx)) = at.pop() else { unreachable!() };
                at_mut(v, &at).as_array_mut().expect("array").remove(idx);
            }
        }
        Edit::MoveItem(i, to) => {
            if let Some(mut at) = pick(&loc.items, *i) {
                let Some(Step::Index(idx)) = at.pop() else { unreachable!() };
                let list = at_mut(v, &at).as_array_mut().expect("array");
                let item = list.remove(idx);
                list.insert(to % (list.len() + 1), item);
            }
        }
    }
}

// ---------- Replicas ----------

struct Replica {
    doc: StampedDoc,
    clock: Clock,
    skew: i64,
}

#[derive(Debug, Clone)]
enum Act {
    Edit(usize, Edit),
    Sync(usize, usize),
    /// The replica's wall clock jumps (possibly backwards).
    Jump(usize, i64),
}

fn acts(n: usize, len: usize) -> impl Strategy<Value = Vec<Act>> {
    prop::collection::vec(
        prop_oneof![
            5 => (0..n, edit()).prop_map(|(r, e)| Act::Edit(r, e)),
            2 => (0..n, 0..n).prop_map(|(a, b)| Act::Sync(a, b)),
            1 => (0..n, -3000i64..3000).prop_map(|(r, d)| Act::Jump(r, d)),
        ],
        0..len,
    )
}

const BASE_MS: u64 = 1_700_000_000_000;

fn replicas(base: &Value, skews: &[i64]) -> Vec<Replica> {
    let start = StampedDoc::from_value(base, Stamp::new(BASE_MS - 10_000, 0, "file-v2:base"));
    skews
        .iter()
        .enumerate()
        .map(|(i, &skew)| Replica { doc: start.clone(), clock: Clock::new(format!("dev{i}")), skew })
        .collect()
}

/// Runs the acts; every record is checked to reproduce exactly the edited value (order
/// included) and to be a no-op when repeated.
fn run(reps: &mut [Replica], acts: &[Act], retype: bool) -> Result<(), TestCaseError> {
    for (t, act) in acts.iter().enumerate() {
        let now = |r: &Replica| (BASE_MS as i64 + t as i64 * 3 + r.skew) as u64;
        match act {
            Act::Edit(r, e) => {
                let rep = &mut reps[*r];
                let mut v = rep.doc.value();
                apply(&mut v, e, retype);
                let now = now(rep);
                rep.doc.record(&v, &mut rep.clock, now);
                prop_assert_eq!(&rep.doc.value(), &v, "record reproduces the edited value");
                prop_assert_eq!(
                    rep.doc.record(&v, &mut rep.clock, now),
                    0,
                    "recording the same value again writes nothing"
                );
            }
            Act::Sync(from, to) => {
                let incoming = reps[*from].doc.clone();
                let rep = &mut reps[*to];
                rep.doc = merge(&rep.doc, &incoming);
                rep.clock.observe_doc(&incoming);
            }
            Act::Jump(r, d) => reps[*r].skew += d,
        }
    }
    Ok(())
}

fn personal(p: &Path) -> bool {
    matches!(p.last_key(), Some("phone" | "email"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn flatten_unflatten_round_trips(v in any_doc()) {
        prop_assert_eq!(unflatten(&flatten(&v)), v.clone());
        let doc = StampedDoc::from_value(&v, Stamp::new(5, 0, "m"));
        prop_assert_eq!(doc.value(), v.clone());
        let text = serde_json::to_string(&doc).unwrap();
        let back: StampedDoc = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, doc);
    }

    #[test]
    fn record_reproduces_any_edit_of_any_document(v in any_doc(), w in any_doc(), edits in prop::collection::vec(edit(), 0..8)) {
        let mut clock = Clock::new("d");
        let mut doc = StampedDoc::from_value(&v, Stamp::new(1, 0, "m"));
        let mut cur = v;
        for (t, e) in edits.iter().enumerate() {
            apply(&mut cur, e, true);
            doc.record(&cur, &mut clock, 10 + t as u64);
            prop_assert_eq!(doc.value(), cur.clone());
        }
        // Replacing the document by an unrelated one (type changes everywhere).
        doc.record(&w, &mut clock, 100);
        prop_assert_eq!(doc.value(), w.clone());
        prop_assert_eq!(doc.record(&w, &mut clock, 100), 0);
    }

    #[test]
    fn merge_is_commutative_associative_idempotent(base in workspace(), acts in acts(3, 30), skews in prop::collection::vec(-5000i64..5000, 3)) {
        let mut reps = replicas(&base, &skews);
        run(&mut reps, &acts, true)?;
        let (a, b, c) = (&reps[0].doc, &reps[1].doc, &reps[2].doc);
        prop_assert_eq!(merge(a, b), merge(b, a));
        prop_assert_eq!(merge(&merge(a, b), c), merge(a, &merge(b, c)));
        prop_assert_eq!(merge(a, a), a.clone());
        let ab = merge(a, b);
        prop_assert_eq!(merge(&ab, a), ab.clone());
    }

    #[test]
    fn replicas_converge_whatever_the_exchange_order(
        base in workspace(),
        acts in acts(3, 40),
        skews in prop::collection::vec(-5000i64..5000, 3),
        order in Just(vec![0usize, 1, 2]).prop_shuffle(),
        gossip in prop::collection::vec((0usize..3, 0usize..3), 0..6),
    ) {
        let mut reps = replicas(&base, &skews);
        run(&mut reps, &acts, true)?;
        for (from, to) in gossip {
            let incoming = reps[from].doc.clone();
            reps[to].doc = merge(&reps[to].doc, &incoming);
        }
        // Everyone sends to the next in a random ring, twice round: all have seen everything.
        for _ in 0..2 {
            for k in 0..3 {
                let (from, to) = (order[k], order[(k + 1) % 3]);
                let incoming = reps[from].doc.clone();
                reps[to].doc = merge(&reps[to].doc, &incoming);
            }
        }
        prop_assert_eq!(&reps[0].doc, &reps[1].doc);
        prop_assert_eq!(&reps[1].doc, &reps[2].doc);
        prop_assert_eq!(reps[0].doc.value(), reps[2].doc.value());
        // And the converged value is a fixed point: nothing more to preview.
        prop_assert!(preview(&reps[0].doc, &reps[1].doc).is_empty());
    }

    #[test]
    fn no_value_is_lost_that_the_other_side_did_not_change_later_or_delete(
        base in workspace(),
        a_edits in prop::collection::vec(edit(), 0..10),
        b_edits in prop::collection::vec(edit(), 0..10),
        skew in -5000i64..5000,
    ) {
        let mut reps = replicas(&base, &[0, skew]);
        let acts: Vec<Act> = a_edits.into_iter().map(|e| Act::Edit(0, e)).chain(b_edits.into_iter().map(|e| Act::Edit(1, e))).collect();
        run(&mut reps, &acts, false)?;
        let (a, b) = (&reps[0].doc, &reps[1].doc);
        let merged = visible_entries(&merge(a, b));
        for (path, value) in visible_entries(a) {
            if merged.get(&path) == Some(&value) {
                continue;
            }
            let mine = &a.entries[&path].stamp;
            let overtaken = (0..=path.0.len()).any(|n| b.entries.get(&Path(path.0[..n].to_vec())).is_some_and(|e| e.stamp > *mine));
            prop_assert!(overtaken, "{} = {} lost although the other side did not write it or above it later", path, value);
        }
    }

    #[test]
    fn a_redacted_exchange_never_wipes_a_personal_field(
        base in workspace(),
        a_edits in prop::collection::vec(edit(), 0..8),
        b_edits in prop::collection::vec(edit(), 0..12),
        skew in -5000i64..5000,
    ) {
        let mut reps = replicas(&base, &[0, skew]);
        // B has only ever received files without personal details.
        reps[1].doc = merge(&StampedDoc::new(), &reps[0].doc.redact(personal));
        let acts: Vec<Act> = b_edits.into_iter().map(|e| Act::Edit(1, e)).chain(a_edits.into_iter().map(|e| Act::Edit(0, e))).collect();
        run(&mut reps, &acts, true)?;
        let before = reps[0].doc.clone();
        let after = merge(&before, &reps[1].doc.redact(personal));
        for (path, entry) in before.entries.iter().filter(|(p, _)| personal(p)) {
            prop_assert_eq!(after.entries.get(path), Some(entry));
        }
        prop_assert!(after.entries.keys().filter(|p| personal(p)).all(|p| before.entries.contains_key(p)));
        // A redacted copy of one's own document changes nothing at all.
        prop_assert!(preview(&before, &before.redact(personal)).is_empty());
        prop_assert_eq!(merge(&before, &before.redact(personal)), before.clone());
    }

    #[test]
    fn delete_against_edit_the_later_wins(t_delete in 1u64..1000, t_edit in 1u64..1000, field in prop_oneof![Just("title"), Just("name")]) {
        prop_assume!(t_delete != t_edit);
        let base = json!({"people": [{"id": "p1", "name": "Ann", "title": "CFO"}, {"id": "p2", "name": "Bo", "title": ""}]});
        let start = StampedDoc::from_value(&base, Stamp::new(0, 0, "file"));
        let (mut a, mut b) = (start.clone(), start);
        let (mut ca, mut cb) = (Clock::new("a"), Clock::new("b"));
        let mut va = a.value();
        va["people"].as_array_mut().unwrap().remove(0);
        a.record(&va, &mut ca, t_delete);
        let mut vb = b.value();
        vb["people"][0][field] = json!("edited");
        b.record(&vb, &mut cb, t_edit);
        for merged in [merge(&a, &b), merge(&b, &a)] {
            let people = merged.value()["people"].as_array().unwrap().clone();
            let p1 = people.iter().find(|p| p["id"] == "p1");
            if t_edit > t_delete {
                prop_assert_eq!(&p1.expect("edited after the deletion: kept")[field], &json!("edited"));
            } else {
                prop_assert!(p1.is_none(), "edited before the deletion: gone");
            }
            prop_assert!(people.iter().any(|p| p["id"] == "p2"));
        }
    }

    #[test]
    fn the_clock_never_goes_back(steps in prop::collection::vec(prop_oneof![
        (0u64..2000).prop_map(|t| (true, t, 0u32)),
        (0u64..2000, 0u32..5).prop_map(|(t, c)| (false, t, c)),
    ], 1..60)) {
        let mut clock = Clock::new("me");
        let mut newest: Option<Stamp> = None;
        for (tick, wall, counter) in steps {
            if tick {
                let s = clock.tick(wall);
                prop_assert!(newest.as_ref().is_none_or(|n| s > *n), "{s} after {newest:?}");
                newest = Some(s);
            } else {
                let seen = Stamp::new(wall, counter, "zz-other");
                clock.observe(&seen);
                if newest.as_ref().is_none_or(|n| seen > *n) {
                    newest = Some(seen);
                }
            }
        }
    }

    #[test]
    fn an_older_copy_changes_nothing(base in workspace(), acts in acts(1, 12)) {
        let mut reps = replicas(&base, &[0]);
        let older = reps[0].doc.clone();
        run(&mut reps, &acts, true)?;
        let local = &reps[0].doc;
        prop_assert!(preview(local, &older).is_empty());
        prop_assert_eq!(&merge(local, &older), local);
    }
}

// ---------- Worked examples ----------

fn small_workspace() -> Value {
    json!({
        "accounts": [{"id": "acme", "name": "Acme Oy", "is_key": true, "manager": "Eva"},
                     {"id": "nord", "name": "Nordic Steel", "is_key": false, "manager": ""}],
        "history": {"acme": [{"date": "2025-01-02", "revenue": 1200.0}]},
        "dossiers": [{
            "id": "acme", "overview": "Largest customer", "employees": 400, "strategy": "",
            "people": [{"id": "p1", "name": "Anna Berg", "title": "CFO", "phone": "+358 40 1", "birthday": "--03-04"},
                       {"id": "p2", "name": "Olli Aho", "title": "Buyer", "phone": "", "birthday": ""}],
            "competitors": [{"id": "c1", "name": "Rival AB", "strengths": "price"}],
            "actions": [],
            "reasons": ["big_revenue", "reference"],
            "pestel": {"legal": "", "economic": "stable"}
        }],
        "programme": {"champion": "Eva", "lost_after_months": 6}
    })
}

struct Person {
    doc: StampedDoc,
    clock: Clock,
}

impl Person {
    fn new(device: &str, start: &StampedDoc) -> Person {
        Person { doc: start.clone(), clock: Clock::new(device) }
    }
    fn edit(&mut self, now: u64, f: impl FnOnce(&mut Value)) {
        let mut v = self.doc.value();
        f(&mut v);
        assert!(self.doc.record(&v, &mut self.clock, now) > 0);
        assert_eq!(self.doc.value(), v);
    }
    fn receive(&mut self, other: &StampedDoc) {
        self.doc = merge(&self.doc, other);
        self.clock.observe_doc(other);
    }
}

fn start() -> StampedDoc {
    StampedDoc::from_value(&small_workspace(), Stamp::new(BASE_MS, 0, "file-v2:abc123"))
}

#[test]
fn two_people_editing_different_fields_of_one_dossier_keep_both() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &start));
    eva.edit(BASE_MS + 1000, |v| v["dossiers"][0]["overview"] = json!("Largest customer; growing in Sweden"));
    jon.edit(BASE_MS + 500, |v| v["dossiers"][0]["people"][1]["title"] = json!("Head of purchasing"));
    let changes = preview(&eva.doc, &jon.doc);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].path.to_string(), "/dossiers/~2acme/people/~2p2/title");
    assert_eq!((changes[0].kind, changes[0].conflict), (ChangeKind::Changed, false));
    let e = merge(&eva.doc, &jon.doc);
    let j = merge(&jon.doc, &eva.doc);
    assert_eq!(e, j);
    let d = &e.value()["dossiers"][0];
    assert_eq!(d["overview"], "Largest customer; growing in Sweden");
    assert_eq!(d["people"][1]["title"], "Head of purchasing");
    assert_eq!(d["people"][0]["name"], "Anna Berg", "untouched fields and order stay");
}

#[test]
fn the_same_field_on_both_sides_is_a_conflict_the_later_wins_and_a_choice_sticks() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &start));
    eva.edit(BASE_MS + 1000, |v| v["dossiers"][0]["strategy"] = json!("Grow in services"));
    jon.edit(BASE_MS + 2000, |v| v["dossiers"][0]["strategy"] = json!("Defend the core"));
    let changes = preview(&eva.doc, &jon.doc);
    assert_eq!(changes.len(), 1);
    let c = &changes[0];
    assert!(c.conflict && c.remote_wins);
    assert_eq!((c.local.clone(), c.remote.clone()), (Some(json!("Grow in services")), Some(json!("Defend the core"))));
    // Jon sees the same conflict from his side, his own value winning.
    let theirs = preview(&jon.doc, &eva.doc);
    assert!(theirs[0].conflict && !theirs[0].remote_wins);
    assert_eq!(merge(&eva.doc, &jon.doc).value()["dossiers"][0]["strategy"], "Defend the core");

    // Eva keeps hers; after sending her document back, Jon has it too.
    let choices: BTreeMap<Path, Choice> = [(c.path.clone(), Choice::KeepMine)].into();
    let resolved = merge_with_choices(&eva.doc, &jon.doc, &choices, &mut eva.clock, BASE_MS + 1500);
    assert_eq!(resolved.value()["dossiers"][0]["strategy"], "Grow in services");
    eva.doc = resolved;
    jon.receive(&eva.doc);
    assert_eq!(jon.doc.value()["dossiers"][0]["strategy"], "Grow in services");
    assert!(preview(&jon.doc, &eva.doc).is_empty(), "both agree now: {:?}", preview(&jon.doc, &eva.doc));
    assert_eq!(jon.doc.entries, eva.doc.entries);
    // A later exchange is not a conflict any more: both have seen each other's writes.
    jon.edit(BASE_MS + 3000, |v| v["dossiers"][0]["strategy"] = json!("Grow in services, keep the core"));
    let update = preview(&eva.doc, &jon.doc);
    assert_eq!(update.len(), 1);
    assert!(!update[0].conflict);
}

#[test]
fn health_kept_by_the_app_on_both_sides_is_no_conflict_the_later_wins() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &start));
    eva.edit(BASE_MS + 1000, |v| v["dossiers"][0]["health_months"] = json!([{"id": "2026-12", "score": 60}]));
    jon.edit(BASE_MS + 2000, |v| v["dossiers"][0]["health_months"] = json!([{"id": "2026-12", "score": 72}]));
    let changes = preview(&eva.doc, &jon.doc);
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| !c.conflict && c.remote_wins), "{changes:?}");
    assert!(preview(&jon.doc, &eva.doc).iter().all(|c| !c.conflict), "nor from the other side");
    let merged = merge(&eva.doc, &jon.doc);
    assert_eq!(merged, merge(&jon.doc, &eva.doc));
    assert_eq!(merged.value()["dossiers"][0]["health_months"], json!([{"id": "2026-12", "score": 72}]));
    // A person's edit of the same kind is still a conflict.
    eva.edit(BASE_MS + 3000, |v| v["dossiers"][0]["strategy"] = json!("Grow"));
    jon.edit(BASE_MS + 4000, |v| v["dossiers"][0]["strategy"] = json!("Defend"));
    assert!(preview(&eva.doc, &jon.doc).iter().any(|c| c.conflict));
}

#[test]
fn a_competitor_added_on_one_side_and_an_action_on_the_other_are_both_kept() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &start));
    eva.edit(BASE_MS + 1000, |v| {
        v["dossiers"][0]["competitors"]
            .as_array_mut()
            .unwrap()
            .insert(0, json!({"id": "c2", "name": "Steelco", "strengths": "local"}))
    });
    jon.edit(BASE_MS + 900, |v| {
        v["dossiers"][0]["actions"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "a1", "text": "Call Anna", "owner": "Jon", "status": "open"}))
    });
    let changes = preview(&eva.doc, &jon.doc);
    assert!(changes.iter().all(|c| c.kind == ChangeKind::Added
        && !c.conflict
        && c.path.to_string().starts_with("/dossiers/~2acme/actions/~2a1")));
    let m = merge(&eva.doc, &jon.doc);
    assert_eq!(m, merge(&jon.doc, &eva.doc));
    let d = &m.value()["dossiers"][0];
    let competitors: Vec<&str> =
        d["competitors"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(competitors, ["c2", "c1"], "inserted before the existing one, as Eva put it");
    assert_eq!(d["actions"][0]["text"], "Call Anna");
}

#[test]
fn concurrent_inserts_at_one_place_keep_both_in_a_fixed_order() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &start));
    eva.edit(BASE_MS + 1, |v| {
        v["dossiers"][0]["people"].as_array_mut().unwrap().insert(1, json!({"id": "p9", "name": "E"}))
    });
    jon.edit(BASE_MS + 1, |v| {
        v["dossiers"][0]["people"].as_array_mut().unwrap().insert(1, json!({"id": "p3", "name": "J"}))
    });
    let ids = |d: &StampedDoc| {
        d.value()["dossiers"][0]["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let m = merge(&eva.doc, &jon.doc);
    assert_eq!(ids(&m), ["p1", "p3", "p9", "p2"], "same position: by id");
    assert_eq!(ids(&merge(&jon.doc, &eva.doc)), ids(&m));
}

#[test]
fn a_file_without_personal_details_does_not_erase_them() {
    let start = start();
    let (mut eva, mut jon) = (Person::new("eva", &start), Person::new("jon", &StampedDoc::new()));
    let is_personal = |p: &Path| matches!(p.last_key(), Some("phone" | "birthday"));
    jon.receive(&eva.doc.redact(is_personal));
    assert_eq!(jon.doc.value()["dossiers"][0]["people"][0].get("phone"), None);
    jon.edit(BASE_MS + 10, |v| v["dossiers"][0]["people"][0]["title"] = json!("CFO and COO"));
    eva.edit(BASE_MS + 20, |v| v["dossiers"][0]["people"][0]["phone"] = json!("+358 40 2"));
    eva.receive(&jon.doc);
    let anna = &eva.doc.value()["dossiers"][0]["people"][0];
    assert_eq!(
        (anna["title"].as_str(), anna["phone"].as_str(), anna["birthday"].as_str()),
        (Some("CFO and COO"), Some("+358 40 2"), Some("--03-04"))
    );
    assert!(
        !serde_json::to_string(&eva.doc.redact(is_personal)).unwrap().contains("+358"),
        "a redacted document holds no personal value"
    );
}

#[test]
fn a_deleted_contact_leaves_no_personal_value_behind() {
    let start = start();
    let mut eva = Person::new("eva", &start);
    eva.edit(BASE_MS + 10, |v| {
        v["dossiers"][0]["people"].as_array_mut().unwrap().remove(0);
    });
    let text = serde_json::to_string(&eva.doc).unwrap();
    assert!(!text.contains("+358") && !text.contains("Anna"), "tombstones carry no values");
    assert!(eva.doc.entries[&"/dossiers/~2acme/people/~2p1".parse::<Path>().unwrap()].value.is_none());
}

#[test]
fn two_imports_of_the_same_old_file_are_the_same_document() {
    let a = start();
    let b = start();
    assert_eq!(a, b);
    assert!(preview(&a, &b).is_empty());
    assert_eq!(merge(&a, &b), a);
}

#[test]
fn the_typed_demo_workspace_survives_the_stamped_document() {
    let ws = crate::demo::test_demo();
    let v = serde_json::to_value(&ws).unwrap();
    let doc = StampedDoc::from_value(&v, Stamp::new(1, 0, "file"));
    let back: crate::model::Workspace = serde_json::from_value(doc.value()).unwrap();
    assert_eq!(back, ws);
    let text = serde_json::to_string(&doc).unwrap();
    let again: StampedDoc = serde_json::from_str(&text).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn paths_stamps_and_tombstones_serialise_compactly() {
    let p = Path::root().key("dossiers").item("a/b~c").key("~2x");
    assert_eq!(p.to_string(), "/dossiers/~2a~1b~0c/~02x");
    assert_eq!(p.to_string().parse::<Path>().unwrap(), p);
    assert_eq!("".parse::<Path>().unwrap(), Path::root());
    let s = Stamp::new(17, 2, "dev-1");
    assert_eq!(s.to_string(), "17-2-dev-1");
    assert_eq!("17-2-dev-1".parse::<Stamp>().unwrap(), s);
    let e = Entry::live(Value::Null, s.clone());
    assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"v":null,"s":"17-2-dev-1"}"#);
    let t = Entry::tombstone(s);
    assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"s":"17-2-dev-1"}"#);
    assert_eq!(
        serde_json::from_str::<Entry>(r#"{"v":null,"s":"17-2-dev-1"}"#).unwrap(),
        e,
        "null is a value, not a deletion"
    );
    assert_eq!(serde_json::from_str::<Entry>(r#"{"s":"17-2-dev-1"}"#).unwrap(), t);
}

#[test]
fn a_field_that_changes_type_merges_as_one_register() {
    let start = StampedDoc::from_value(&json!({"a": {"x": 1, "y": 2}}), Stamp::new(0, 0, "f"));
    let (mut p, mut q) = (Person::new("p", &start), Person::new("q", &start));
    p.edit(10, |v| v["a"] = json!("flat"));
    q.edit(5, |v| v["a"]["x"] = json!(3));
    assert_eq!(merge(&p.doc, &q.doc).value(), json!({"a": "flat"}));
    q.receive(&p.doc);
    q.edit(20, |v| v["a"] = json!({"z": 1}));
    assert_eq!(q.doc.value(), json!({"a": {"z": 1}}), "the old fields do not come back");
    assert_eq!(merge(&p.doc, &q.doc).value(), json!({"a": {"z": 1}}));
}

#[test]
fn targets_edited_and_added_apart_merge_item_by_item_and_read_back_typed() {
    let mut base = start();
    let mut clock = Clock::new("base");
    let mut v = base.value();
    v["dossiers"][0]["targets"] = json!([{"id": "t2026", "year": 2026, "revenue": 100.0}]);
    base.record(&v, &mut clock, BASE_MS + 500);
    let (mut eva, mut jon) = (Person::new("eva", &base), Person::new("jon", &base));
    eva.edit(BASE_MS + 1000, |v| v["dossiers"][0]["targets"][0]["revenue"] = json!(120.0));
    jon.edit(BASE_MS + 2000, |v| {
        v["dossiers"][0]["targets"].as_array_mut().unwrap().push(json!({"id": "t2027", "year": 2027, "profit": 9.0}))
    });
    let merged = merge(&eva.doc, &jon.doc);
    assert_eq!(merged, merge(&jon.doc, &eva.doc));
    let typed: Vec<crate::model::Target> =
        serde_json::from_value(merged.value()["dossiers"][0]["targets"].clone()).unwrap();
    let targets: Vec<_> = typed.iter().map(|t| (t.id.as_str(), t.year, t.revenue, t.profit)).collect();
    assert_eq!(targets, vec![("t2026", Some(2026), Some(120.0), None), ("t2027", Some(2027), None, Some(9.0))]);
}
