//! Executive sponsor: a key account needs a member of our top management behind it, who meets
//! the customer's leadership and backs the plan.

use super::{Finding, HealthFact, Subject};

/// Points lost without an executive sponsor.
pub(super) const POINTS: u32 = 10;

pub(super) fn check(s: &Subject) -> Option<Finding> {
    s.dossier
        .executive_sponsor
        .trim()
        .is_empty()
        .then(|| Finding::new(POINTS, HealthFact::NoExecutiveSponsor { account: s.account.to_string() }))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};

    #[test]
    fn no_executive_sponsor_costs_10() {
        let mut ws = healthy();
        dossier_mut(&mut ws).executive_sponsor = "  ".into();
        let h = health(&ws);
        let f = finding(&h, Rule::ExecutiveSponsor).expect("fires");
        assert_eq!((f.points_lost, &f.fact), (10, &HealthFact::NoExecutiveSponsor { account: "Acme Oy".into() }));
        assert_eq!(h.score, 90);
    }
}
