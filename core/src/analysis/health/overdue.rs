//! Overdue actions: a plan whose actions slip is a plan nobody works. Each action past its due
//! date and still to do ([`action_is_overdue`]) costs [`POINTS_EACH`], up to [`MAX_POINTS`].

use super::{Finding, HealthFact, OverdueAction, Subject};
use crate::analysis::rules::action_is_overdue;

/// Points lost per overdue action.
pub(super) const POINTS_EACH: u32 = 5;
/// The most overdue actions can cost together.
pub(super) const MAX_POINTS: u32 = 15;

pub(super) fn check(s: &Subject) -> Option<Finding> {
    let actions: Vec<OverdueAction> = s
        .dossier
        .actions
        .iter()
        .filter(|a| action_is_overdue(a, s.today))
        .filter_map(|a| {
            Some(OverdueAction { text: a.text.trim().to_string(), owner: a.owner.trim().to_string(), due: a.due? })
        })
        .collect();
    if actions.is_empty() {
        return None;
    }
    let n = u32::try_from(actions.len()).unwrap_or(u32::MAX);
    Some(Finding::new(n.saturating_mul(POINTS_EACH).min(MAX_POINTS), HealthFact::OverdueActions { actions }))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::fixtures::*;
    use super::super::{HealthFact, OverdueAction, Rule};
    use crate::model::{Action, ActionStatus};

    #[test]
    fn overdue_actions_cost_5_each_up_to_15() {
        let mut ws = healthy();
        let act = |text: &str, due: NaiveDate, status: ActionStatus| Action {
            id: Default::default(),
            text: text.into(),
            owner: "Maria Lind".into(),
            due: Some(due),
            status,
        };
        dossier_mut(&mut ws).actions = vec![
            act("Due today", today(), ActionStatus::Open),
            act("Done late", date(2026, 1, 1), ActionStatus::Done),
            act("Dropped", date(2026, 1, 1), ActionStatus::Dropped),
            act(" Site visit ", date(2026, 11, 10), ActionStatus::Open),
        ];
        let f = finding(&health(&ws), Rule::OverdueActions).cloned().expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(
            f.fact,
            HealthFact::OverdueActions {
                actions: vec![OverdueAction {
                    text: "Site visit".into(),
                    owner: "Maria Lind".into(),
                    due: date(2026, 11, 10)
                }]
            }
        );
        for i in 0..4 {
            dossier_mut(&mut ws).actions.push(act(&format!("More {i}"), date(2026, 11, 23), ActionStatus::InProgress));
        }
        let f = finding(&health(&ws), Rule::OverdueActions).cloned().expect("fires");
        assert_eq!(f.points_lost, 15);
        let HealthFact::OverdueActions { actions } = f.fact else { panic!("{f:?}") };
        let texts: Vec<&str> = actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, vec!["Site visit", "More 0", "More 1", "More 2", "More 3"]);
    }
}
