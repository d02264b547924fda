//! Freshness: a relationship nobody has touched for three months has gone quiet, and a plan
//! nobody has changed for half a year is no longer the plan.

use super::people::name_of;
use super::{Finding, HealthFact, Subject};

/// Days after the latest recorded contact at which the relationship counts as gone quiet.
pub const CONTACT_STALE_DAYS: i64 = 90;
/// Days after the dossier's last update at which the plan counts as untouched.
pub const PLAN_STALE_DAYS: i64 = 180;

/// Points lost when the latest contact is too old, or no contact is dated.
pub(super) const CONTACT_POINTS: u32 = 10;
/// Points lost when the plan is too old, or its date is not recorded.
pub(super) const PLAN_POINTS: u32 = 5;

/// The latest contact of anyone counts; a relationship with no dated contact has none.
pub(super) fn contact(s: &Subject) -> Option<Finding> {
    let latest = s.contacts.iter().filter_map(|p| p.last_contact.map(|c| (c, p))).max_by_key(|(c, _)| *c);
    let account = s.account.to_string();
    let fact = match latest {
        Some((on, _)) if (s.today - on).num_days() <= CONTACT_STALE_DAYS => return None,
        Some((on, p)) => HealthFact::ContactStale {
            account,
            with: name_of(p),
            on,
            days_ago: (s.today - on).num_days(),
            stale_after_days: CONTACT_STALE_DAYS,
        },
        None => HealthFact::NoContactDates { account, contacts: s.contacts.len() },
    };
    Some(Finding::new(CONTACT_POINTS, fact))
}

/// A dossier never recorded as updated counts as untouched.
pub(super) fn plan(s: &Subject) -> Option<Finding> {
    let account = s.account.to_string();
    let fact = match s.dossier.updated {
        Some(on) if (s.today - on).num_days() <= PLAN_STALE_DAYS => return None,
        Some(on) => HealthFact::PlanStale {
            account,
            on,
            days_ago: (s.today - on).num_days(),
            stale_after_days: PLAN_STALE_DAYS,
        },
        None => HealthFact::PlanNeverDated { account },
    };
    Some(Finding::new(PLAN_POINTS, fact))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};

    #[test]
    fn contact_older_than_90_days_or_none_costs_10() {
        let mut ws = healthy();
        // Exactly 90 days ago is still fresh.
        dossier_mut(&mut ws).people[0].last_contact = Some(today() - chrono::Days::new(90));
        assert!(finding(&health(&ws), Rule::ContactFreshness).is_none());
        dossier_mut(&mut ws).people[0].last_contact = Some(today() - chrono::Days::new(91));
        let h = health(&ws);
        let f = finding(&h, Rule::ContactFreshness).expect("fires");
        assert_eq!(f.points_lost, 10);
        assert_eq!(
            f.fact,
            HealthFact::ContactStale {
                account: "Acme Oy".into(),
                with: "Jens Madsen".into(),
                on: date(2026, 8, 25),
                days_ago: 91,
                stale_after_days: 90
            }
        );
        // The latest contact of anyone counts.
        dossier_mut(&mut ws).people[1].last_contact = Some(date(2026, 11, 20));
        assert!(finding(&health(&ws), Rule::ContactFreshness).is_none());
        // No dates at all.
        for p in &mut dossier_mut(&mut ws).people {
            p.last_contact = None;
        }
        let f = finding(&health(&ws), Rule::ContactFreshness).cloned().expect("fires");
        assert_eq!(
            (f.points_lost, f.fact),
            (10, HealthFact::NoContactDates { account: "Acme Oy".into(), contacts: 2 })
        );
    }

    #[test]
    fn plan_untouched_for_180_days_or_never_dated_costs_5() {
        let mut ws = healthy();
        dossier_mut(&mut ws).updated = Some(today() - chrono::Days::new(180));
        assert!(finding(&health(&ws), Rule::PlanFreshness).is_none());
        dossier_mut(&mut ws).updated = Some(today() - chrono::Days::new(181));
        let h = health(&ws);
        let f = finding(&h, Rule::PlanFreshness).expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(
            f.fact,
            HealthFact::PlanStale {
                account: "Acme Oy".into(),
                on: date(2026, 5, 27),
                days_ago: 181,
                stale_after_days: 180
            }
        );
        assert_eq!(h.score, 95);
        dossier_mut(&mut ws).updated = None;
        let f = finding(&health(&ws), Rule::PlanFreshness).cloned().expect("fires");
        assert_eq!(f.fact, HealthFact::PlanNeverDated { account: "Acme Oy".into() });
    }
}
