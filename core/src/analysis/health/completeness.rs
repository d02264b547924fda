//! Completeness: a dossier with empty sections is a plan with holes. The rule takes up to
//! [`MAX_POINTS`], in proportion to the part of the dossier still empty, and names the first
//! [`FILL_NEXT`] empty sections as the next ones to fill.

use super::{Finding, HealthFact, Subject};
use crate::model::Section;

/// Points an empty dossier loses; a partly filled one loses its empty share of them, rounded.
pub(super) const MAX_POINTS: u32 = 25;
/// How many empty sections the finding suggests filling next.
pub(super) const FILL_NEXT: usize = 3;

pub(super) fn check(s: &Subject) -> Option<Finding> {
    let pct = s.dossier.completeness_pct().min(100);
    let lost = (MAX_POINTS * (100 - pct) + 50) / 100;
    if lost == 0 {
        return None;
    }
    let missing: Vec<Section> = s.dossier.missing_sections();
    Some(Finding::new(
        lost,
        HealthFact::IncompleteDossier {
            account: s.account.to_string(),
            complete_pct: pct,
            sections: Section::ALL.len(),
            fill_next: missing.iter().copied().take(FILL_NEXT).collect(),
            missing,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};
    use crate::model::{Dossier, Section};

    #[test]
    fn completeness_costs_up_to_25_points_in_proportion() {
        let mut ws = healthy();
        dossier_mut(&mut ws).competitors.clear(); // 12 of 13 → 92 % → 25 × 8 % = 2
        let h = health(&ws);
        let f = finding(&h, Rule::Completeness).expect("fires");
        assert_eq!(f.points_lost, 2);
        assert_eq!(
            f.fact,
            HealthFact::IncompleteDossier {
                account: "Acme Oy".into(),
                complete_pct: 92,
                sections: 13,
                missing: vec![Section::Competitors],
                fill_next: vec![Section::Competitors],
            }
        );
        assert_eq!(h.score, 98);

        // An empty dossier loses all 25 and suggests the first three sections.
        let mut ws = healthy();
        let keep = ws.dossiers_mut()[0].clone();
        ws.dossiers_mut()[0] = Dossier { account_id: keep.account_id, ..Default::default() };
        let f = finding(&health(&ws), Rule::Completeness).cloned().expect("fires");
        assert_eq!(f.points_lost, 25);
        let HealthFact::IncompleteDossier { complete_pct, missing, fill_next, .. } = f.fact else { panic!("{f:?}") };
        assert_eq!(complete_pct, 0);
        assert_eq!(missing, Section::ALL.to_vec());
        assert_eq!(fill_next, vec![Section::General, Section::Qualification, Section::Timeline]);
    }
}
