//! Two copies of one large plan that were edited apart: what the merge benchmarks (criterion,
//! the native phase timer and the browser bench) all measure, built in one place.

use super::hlc::{Clock, Stamp};
use super::workspace::{document_of, record_value, RecordKey};
use super::StampedDoc;
use crate::model::{monthly_totals, Competitor, Dossier, OrderLine, Person, Workspace};

/// `n` accounts with 12 monthly order lines each.
pub fn accounts_with_history(n: usize) -> Workspace {
    let mut ws = Workspace::default();
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date");
    for i in 0..n {
        let a = ws.add_account(&format!("Account {i:05}")).expect("a new name").id.clone();
        let lines = (0..12)
            .map(|m| OrderLine {
                date: start + chrono::Months::new(m),
                revenue: 1000.0 + i as f64,
                profit: Some(150.0),
            })
            .collect::<Vec<_>>();
        ws.set_history(&a, monthly_totals(&lines));
    }
    ws
}

/// `n` accounts, each with a dossier (an overview, two people, a competitor) and 12 order lines.
pub fn plans(n: usize) -> Workspace {
    let mut ws = accounts_with_history(n);
    let ids: Vec<String> = ws.accounts().iter().map(|a| a.id.clone()).collect();
    for id in ids {
        let mut d = Dossier::new(&id);
        d.overview = format!("Customer {id}");
        d.people = vec![
            Person {
                id: 1,
                name: "Anna Berg".into(),
                title: "CFO".into(),
                phone: "+358 40 1".into(),
                ..Default::default()
            },
            Person { id: 2, name: "Olli Koski".into(), title: "Buyer".into(), ..Default::default() },
        ];
        d.competitors = vec![Competitor { name: "Rival Oy".into(), ..Default::default() }];
        d.assign_ids(None);
        ws.upsert_dossier(d);
    }
    ws
}

/// Two copies of [`plans`]`(n)`, both started from one document; then "eva" edited the strategy
/// of every 37th dossier and "jon" the goals of every 53rd. Returns (eva's workspace and
/// document, jon's workspace and document).
pub fn diverged_copies(n: usize) -> ((Workspace, StampedDoc), (Workspace, StampedDoc)) {
    let base = plans(n);
    let start = document_of(&base, &Stamp::new(1_780_000_000_000, 0, "start"), |_, _| false);
    let edit = |every: usize, device: &str, field: fn(&mut Dossier, String)| {
        let (mut ws, mut doc, mut clock) = (base.clone(), start.clone(), Clock::new(device));
        let ids: Vec<String> = ws.dossiers().iter().step_by(every).map(|d| d.account_id.clone()).collect();
        for id in ids {
            ws.change_dossier(&id, |d| field(d, format!("{device} {id}")));
            let key = RecordKey::Dossier(id);
            let path = key.path();
            let mut sub = doc.subtree(&path);
            if let Some(s) =
                sub.record_record(&record_value(&ws, &key).expect("a dossier"), &mut clock, 1_780_000_100_000)
            {
                doc.graft(&path, &sub);
                doc.note_seen(&s);
            }
        }
        (ws, doc)
    };
    (edit(37, "eva", |d, v| d.strategy = v), edit(53, "jon", |d, v| d.goals = v))
}

/// What the merge benchmarks time: eva's copy of [`diverged_copies`]`(n)` (her workspace and
/// document) and the file jon sends her, written without personal details as the app writes it.
pub struct DivergedFile {
    pub local_ws: Workspace,
    pub local: StampedDoc,
    pub file: String,
}

/// [`diverged_copies`]`(n)`, with jon's copy written as a file for eva.
pub fn diverged_file(n: usize) -> DivergedFile {
    let ((local_ws, local), (remote_ws, remote)) = diverged_copies(n);
    let file = crate::exchange::write_stamped_file(
        &remote_ws,
        Some(&remote),
        None,
        crate::exchange::PersonalDetails::Removed,
        "bench",
        "2026-12-01T10:00:00Z",
    );
    DivergedFile { local_ws, local, file }
}
