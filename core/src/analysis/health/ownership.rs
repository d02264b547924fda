//! Who on our side knows the customer: every contact needs an owner on our side, and the whole
//! relationship must not run through one person (who may leave, fall ill or retire) or through
//! nobody at all.

use serde::Serialize;

use super::people::{contacts, name_of, owner_names, Names};
use super::{Finding, HealthFact, Subject};
use crate::model::{Dossier, Person};

/// Points lost per contact without an owner on our side.
pub(super) const UNOWNED_POINTS_EACH: u32 = 2;
/// The most unowned contacts can cost together.
pub(super) const UNOWNED_MAX_POINTS: u32 = 6;
/// Points lost when the relationship runs through one person on our side, or nobody.
pub(super) const SINGLE_POINT_POINTS: u32 = 10;

/// How a relationship runs through a single head (or none). Names are trimmed; `contacts` are
/// the account's named contacts in the dossier's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SinglePoint {
    /// Two or more contacts, and every contact with an owner has the same one, `who`; `known`
    /// of the contacts have an owner at all.
    OneOwner { who: String, contacts: Vec<String>, known: usize },
    /// Nobody on our side is named: no key account manager, no account team, no contact owners.
    NobodyNamed,
    /// `who` is the only person on our side named anywhere (manager, team or owners).
    OnlyOneOfUs { who: String, contacts: Vec<String> },
}

impl SinglePoint {
    /// The person the relationship depends on; empty when nobody on our side is named.
    pub fn person(&self) -> &str {
        match self {
            SinglePoint::OneOwner { who, .. } | SinglePoint::OnlyOneOfUs { who, .. } => who,
            SinglePoint::NobodyNamed => "",
        }
    }
}

/// Whether the relationship of an account managed by `manager` runs through one person on our
/// side (or nobody), judged from its dossier.
pub(super) fn single_point(manager: &str, d: &Dossier) -> Option<SinglePoint> {
    let people: Vec<&Person> = contacts(d).collect();
    let mut owners = Names::default();
    for p in &people {
        for o in owner_names(&p.our_owner) {
            owners.add(&o);
        }
    }
    let mut ours = Names::default();
    ours.add(manager);
    for m in &d.team {
        ours.add(&m.name);
    }
    ours.extend(&owners);
    let names: Vec<String> = people.iter().map(|p| name_of(p)).collect();
    if people.len() >= 2 && owners.len() == 1 {
        let who = owners.first().cloned().unwrap_or_default();
        let known = people.iter().filter(|p| !owner_names(&p.our_owner).is_empty()).count();
        return Some(SinglePoint::OneOwner { who, contacts: names, known });
    }
    match ours.len() {
        0 => Some(SinglePoint::NobodyNamed),
        1 => Some(SinglePoint::OnlyOneOfUs { who: ours.first().cloned().unwrap_or_default(), contacts: names }),
        _ => None,
    }
}

pub(super) fn unowned(s: &Subject) -> Option<Finding> {
    let contacts: Vec<String> =
        s.contacts.iter().filter(|p| owner_names(&p.our_owner).is_empty()).map(|p| name_of(p)).collect();
    if contacts.is_empty() {
        return None;
    }
    let n = u32::try_from(contacts.len()).unwrap_or(u32::MAX);
    Some(Finding::new(
        n.saturating_mul(UNOWNED_POINTS_EACH).min(UNOWNED_MAX_POINTS),
        HealthFact::UnownedContacts { account: s.account.to_string(), contacts },
    ))
}

pub(super) fn single_point_of_contact(s: &Subject) -> Option<Finding> {
    let single = single_point(s.manager, s.dossier)?;
    Some(Finding::new(SINGLE_POINT_POINTS, HealthFact::SinglePointOfContact { account: s.account.to_string(), single }))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};
    use super::SinglePoint;
    use crate::model::{Attitude, DmuRole, Person, TeamMember};

    fn single(ws: &crate::model::Workspace) -> Option<SinglePoint> {
        match finding(&health(ws), Rule::SinglePointOfContact).map(|f| (f.points_lost, f.fact.clone())) {
            Some((10, HealthFact::SinglePointOfContact { account, single })) if account == "Acme Oy" => Some(single),
            None => None,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unowned_contacts_cost_2_each_up_to_6() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people.push(person("Sofie Holm", DmuRole::Finance, Attitude::Neutral, " ", None));
        let f = finding(&health(&ws), Rule::UnownedContacts).cloned().expect("fires");
        assert_eq!(f.points_lost, 2);
        assert_eq!(
            f.fact,
            HealthFact::UnownedContacts { account: "Acme Oy".into(), contacts: vec!["Sofie Holm".into()] }
        );
        for n in ["A", "B", "C"] {
            dossier_mut(&mut ws).people.push(person(n, DmuRole::User, Attitude::Neutral, "", None));
        }
        let f = finding(&health(&ws), Rule::UnownedContacts).cloned().expect("fires");
        assert_eq!(f.points_lost, 6);
        assert_eq!(
            f.fact,
            HealthFact::UnownedContacts {
                account: "Acme Oy".into(),
                contacts: vec!["Sofie Holm".into(), "A".into(), "B".into(), "C".into()]
            }
        );
    }

    #[test]
    fn unnamed_people_are_ignored() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people.push(Person::default());
        assert_eq!(health(&ws).score, 100);
    }

    #[test]
    fn relationship_through_one_owner_costs_10_and_says_who() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[1].our_owner = "maria  LIND".into();
        assert_eq!(
            single(&ws),
            Some(SinglePoint::OneOwner {
                who: "Maria Lind".into(),
                contacts: vec!["Jens Madsen".into(), "Anders Kjær".into()],
                known: 2
            })
        );
        assert_eq!(health(&ws).score, 90);
    }

    #[test]
    fn one_owner_of_some_contacts_and_unowned_others_still_runs_through_one() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people[1].our_owner = String::new();
        d.people.push(person("Sofie Holm", DmuRole::Finance, Attitude::Neutral, "Maria Lind", None));
        assert_eq!(
            single(&ws),
            Some(SinglePoint::OneOwner {
                who: "Maria Lind".into(),
                contacts: vec!["Jens Madsen".into(), "Anders Kjær".into(), "Sofie Holm".into()],
                known: 2
            })
        );
        assert!(finding(&health(&ws), Rule::UnownedContacts).is_some());
    }

    #[test]
    fn a_shared_owner_field_counts_both_people() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people[0].our_owner = "Maria Lind and Pekka Virtanen".into();
        d.people[1].our_owner = "Maria Lind".into();
        assert_eq!(single(&ws), None);
    }

    #[test]
    fn one_person_on_our_side_at_all_costs_10() {
        let mut ws = healthy();
        let d = dossier_mut(&mut ws);
        d.people.truncate(1); // one contact, owned by Maria Lind
        d.team.truncate(1); // Maria Lind
        assert_eq!(
            single(&ws),
            Some(SinglePoint::OnlyOneOfUs { who: "Maria Lind".into(), contacts: vec!["Jens Madsen".into()] })
        );
        // A second team member is enough.
        dossier_mut(&mut ws).team.push(TeamMember { name: "Jonas Ek".into(), ..Default::default() });
        assert_eq!(single(&ws), None);
    }

    #[test]
    fn nobody_on_our_side_also_fires() {
        let mut ws = healthy();
        ws.accounts_mut()[0].manager.clear();
        let d = dossier_mut(&mut ws);
        d.team.clear();
        for p in &mut d.people {
            p.our_owner.clear();
        }
        let s = single(&ws).expect("fires");
        assert_eq!((s.clone(), s.person()), (SinglePoint::NobodyNamed, ""));
    }
}
