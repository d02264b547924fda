//! Test fixtures shared by the rules' tests: a key account whose dossier passes every rule, and
//! small helpers to change it.

use chrono::NaiveDate;

use super::{account_health, Finding, Health, Rule};
use crate::model::{Account, Action, ActionStatus, Attitude, DmuRole, Dossier, Person, TeamMember, Workspace};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// The fixed "today" of every health test.
pub(super) fn today() -> NaiveDate {
    date(2026, 11, 24)
}

pub(super) fn person(name: &str, role: DmuRole, attitude: Attitude, owner: &str, last: Option<NaiveDate>) -> Person {
    Person { name: name.into(), role, attitude, our_owner: owner.into(), last_contact: last, ..Default::default() }
}

/// A key account "Acme Oy" whose dossier passes every rule.
pub(super) fn healthy() -> Workspace {
    let mut a = Account::new("Acme Oy");
    a.is_key = true;
    a.manager = "Maria Lind".into();
    let mut d = Dossier::new(&a.id);
    d.overview = "Logistics".into();
    d.reasons.push(crate::model::KeyReason::Partner);
    d.justifications.insert(crate::model::KeyReason::Partner, "Shares its plan".into());
    d.timeline.push(crate::model::TimelineEvent {
        id: Default::default(),
        date: Some(date(2025, 1, 2)),
        kind: crate::model::EventKind::Win,
        text: "Deal".into(),
    });
    d.people = vec![
        person("Jens Madsen", DmuRole::EconomicBuyer, Attitude::Supporter, "Maria Lind", Some(date(2026, 11, 1))),
        person("Anders Kjær", DmuRole::TechnicalEvaluator, Attitude::Champion, "Pekka Virtanen", None),
    ];
    d.competitors.push(crate::model::Competitor { name: "Rival".into(), ..Default::default() });
    d.swot.strengths = "Brand".into();
    d.strategy = "Grow".into();
    d.executive_sponsor = "Henrik Berg".into();
    d.team = vec![
        TeamMember { name: "Maria Lind".into(), ..Default::default() },
        TeamMember { name: "Pekka Virtanen".into(), ..Default::default() },
    ];
    d.actions.push(Action {
        id: Default::default(),
        text: "Call".into(),
        owner: "Maria Lind".into(),
        due: Some(date(2026, 12, 1)),
        status: ActionStatus::Open,
    });
    d.metrics.cost_to_serve = Some(1.0);
    d.proposals.push(crate::model::Proposal { title: "Offer".into(), ..Default::default() });
    d.stage = crate::model::RelationshipStage::Basic;
    d.references.push(crate::model::ReferenceRequest {
        asked_on: Some(date(2025, 2, 1)),
        from_whom: "Jens Madsen".into(),
        ..Default::default()
    });
    d.updated = Some(date(2026, 10, 1));
    let mut ws = Workspace::default();
    ws.insert_account(a);
    ws.upsert_dossier(d);
    ws
}

pub(super) fn dossier_mut(ws: &mut Workspace) -> &mut Dossier {
    &mut ws.dossiers_mut()[0]
}

pub(super) fn finding(h: &Health, rule: Rule) -> Option<&Finding> {
    h.findings.iter().find(|f| f.rule == rule)
}

/// The health of the fixture's account on [`today`].
pub(super) fn health(ws: &Workspace) -> Health {
    account_health(ws, "acme oy", today())
}
