//! Status: an account the team itself marks at risk or lost is in trouble whatever else the
//! dossier says; lost weighs double.

use super::{Finding, HealthFact, Subject};
use crate::model::AccountStatus;

/// Points lost when the account is marked at risk.
pub(super) const AT_RISK_POINTS: u32 = 10;
/// Points lost when the account is marked lost.
pub(super) const LOST_POINTS: u32 = 20;

pub(super) fn check(s: &Subject) -> Option<Finding> {
    let account = s.account.to_string();
    match s.dossier.status {
        AccountStatus::Active => None,
        AccountStatus::AtRisk => Some(Finding::new(AT_RISK_POINTS, HealthFact::AtRisk { account })),
        AccountStatus::Lost => {
            let plan = s.dossier.winback_plan.trim();
            let winback_plan = (!plan.is_empty()).then(|| plan.to_string());
            Some(Finding::new(LOST_POINTS, HealthFact::Lost { account, winback_plan }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};
    use crate::model::AccountStatus;

    #[test]
    fn status_at_risk_costs_10_and_lost_20() {
        let mut ws = healthy();
        dossier_mut(&mut ws).status = AccountStatus::AtRisk;
        let h = health(&ws);
        assert_eq!(h.score, 90);
        assert_eq!(finding(&h, Rule::Status).map(|f| &f.fact), Some(&HealthFact::AtRisk { account: "Acme Oy".into() }));
        dossier_mut(&mut ws).status = AccountStatus::Lost;
        dossier_mut(&mut ws).winback_plan = "  ".into();
        let h = health(&ws);
        assert_eq!(h.score, 80);
        assert_eq!(
            finding(&h, Rule::Status).map(|f| &f.fact),
            Some(&HealthFact::Lost { account: "Acme Oy".into(), winback_plan: None })
        );
        dossier_mut(&mut ws).winback_plan = " Special offer on service ".into();
        let h = health(&ws);
        assert_eq!(
            finding(&h, Rule::Status).map(|f| &f.fact),
            Some(&HealthFact::Lost {
                account: "Acme Oy".into(),
                winback_plan: Some("Special offer on service".into())
            })
        );
    }
}
