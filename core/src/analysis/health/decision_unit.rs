//! The decision-making unit: we must know who decides (the economic buyer) and have someone on
//! the customer's side who argues for us when we are not in the room (a champion).

use super::people::name_of;
use super::{Finding, HealthFact, Subject};
use crate::model::{Attitude, DmuRole};

/// Points lost when no contact is the economic buyer / decider.
pub(super) const ECONOMIC_BUYER_POINTS: u32 = 15;
/// Points lost when no contact is a champion.
pub(super) const CHAMPION_POINTS: u32 = 10;

pub(super) fn economic_buyer(s: &Subject) -> Option<Finding> {
    if s.contacts.iter().any(|p| p.role == DmuRole::EconomicBuyer) {
        return None;
    }
    Some(Finding::new(
        ECONOMIC_BUYER_POINTS,
        HealthFact::NoEconomicBuyer { account: s.account.to_string(), people: s.contacts.len() },
    ))
}

/// Without a champion; the supporters are named as the ones to develop into one.
pub(super) fn champion(s: &Subject) -> Option<Finding> {
    if s.contacts.iter().any(|p| p.attitude == Attitude::Champion) {
        return None;
    }
    let supporters = s.contacts.iter().filter(|p| p.attitude == Attitude::Supporter).map(|p| name_of(p)).collect();
    Some(Finding::new(CHAMPION_POINTS, HealthFact::NoChampion { account: s.account.to_string(), supporters }))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};
    use crate::model::{Attitude, DmuRole};

    #[test]
    fn no_economic_buyer_costs_15() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[0].role = DmuRole::Finance;
        let h = health(&ws);
        let f = finding(&h, Rule::EconomicBuyer).expect("fires");
        assert_eq!(f.points_lost, 15);
        assert_eq!(f.fact, HealthFact::NoEconomicBuyer { account: "Acme Oy".into(), people: 2 });
        assert_eq!(h.score, 85);
        dossier_mut(&mut ws).people.clear();
        let h = health(&ws);
        assert_eq!(
            finding(&h, Rule::EconomicBuyer).map(|f| &f.fact),
            Some(&HealthFact::NoEconomicBuyer { account: "Acme Oy".into(), people: 0 })
        );
    }

    #[test]
    fn no_champion_costs_10_and_names_supporters_to_develop() {
        let mut ws = healthy();
        dossier_mut(&mut ws).people[1].attitude = Attitude::Neutral;
        let h = health(&ws);
        let f = finding(&h, Rule::Champion).expect("fires");
        assert_eq!(f.points_lost, 10);
        assert_eq!(
            f.fact,
            HealthFact::NoChampion { account: "Acme Oy".into(), supporters: vec!["Jens Madsen".into()] }
        );
        assert_eq!(h.score, 90);
    }
}
