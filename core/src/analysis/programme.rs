//! The seven steps of a KAM programme (kam-model.md section 7), each with the evidence the app
//! can see in the workspace. Steps the data cannot judge say what to discuss instead.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::model::Workspace;

use super::{AbcClass, Flag, Segmentation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CheckStatus {
    /// The evidence meets the model's rule.
    Met,
    /// The evidence shows something to fix.
    Attention,
    /// An organisational step the data cannot judge: discuss it.
    Discuss,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeCheck {
    pub step: u8,
    pub title: &'static str,
    pub status: CheckStatus,
    pub evidence: String,
}

/// Key account managers with the number of key accounts each carries.
pub fn manager_load(ws: &Workspace) -> BTreeMap<String, usize> {
    let mut load = BTreeMap::new();
    for a in ws.accounts.iter().filter(|a| a.is_key && !a.manager.trim().is_empty()) {
        *load.entry(a.manager.trim().to_string()).or_insert(0) += 1;
    }
    load
}

/// Warnings about the key-account list itself: a programme outside 5–25 accounts, and managers
/// carrying more than 3 (kam-model.md section 2).
pub fn key_account_warnings(ws: &Workspace) -> Vec<String> {
    let mut out = Vec::new();
    let n = ws.accounts.iter().filter(|a| a.is_key).count();
    if n < 5 {
        out.push(format!("{n} key account{}: a programme usually holds 5 to 25.", if n == 1 { "" } else { "s" }));
    } else if n > 25 {
        out.push(format!("{n} key accounts: more than 25 spreads attention thin. Start small."));
    }
    for (manager, count) in manager_load(ws) {
        if count > 3 {
            out.push(format!("{manager} manages {count} key accounts: one manager carries 1 to 3."));
        }
    }
    out
}

pub fn programme_checks(ws: &Workspace, seg: &Segmentation) -> Vec<ProgrammeCheck> {
    use CheckStatus::*;
    let key: Vec<_> = ws.accounts.iter().filter(|a| a.is_key).collect();
    let n = key.len();
    let with = |f: &dyn Fn(&crate::model::Dossier) -> bool| {
        key.iter().filter(|a| ws.dossier(&a.id).is_some_and(|d| f(d))).count()
    };
    let sponsors = with(&|d| !d.executive_sponsor.trim().is_empty());
    let criteria = with(&|d| !d.reasons.is_empty());
    let load = manager_load(ws);
    let overloaded: Vec<_> = load.iter().filter(|(_, c)| **c > 3).map(|(m, c)| format!("{m} ({c})")).collect();
    let unmanaged = key.iter().filter(|a| a.manager.trim().is_empty()).count();
    let candidates: Vec<_> = seg
        .rows
        .iter()
        .filter(|r| !r.is_key && r.flags.contains(&Flag::KeyBySize))
        .map(|r| r.name.clone())
        .collect();
    let retire: Vec<_> = seg.rows.iter().filter(|r| r.is_key && r.abc == AbcClass::C).map(|r| r.name.clone()).collect();
    let has_profit = seg.flags_on_profit;

    vec![
        ProgrammeCheck {
            step: 1,
            title: "KAM is an organisational change",
            status: Discuss,
            evidence: "Agree that the programme runs for years and changes how the company works, not only how it sells.".into(),
        },
        ProgrammeCheck {
            step: 2,
            title: "Senior management support",
            status: if n > 0 && sponsors == n { Met } else { Attention },
            evidence: format!("{sponsors} of {n} key accounts have an executive sponsor."),
        },
        ProgrammeCheck {
            step: 3,
            title: "A KAM champion drives the programme",
            status: Discuss,
            evidence: "Name the person who owns the programme and reports on it.".into(),
        },
        ProgrammeCheck {
            step: 4,
            title: "Identify key accounts carefully",
            status: if (5..=25).contains(&n) && criteria == n { Met } else { Attention },
            evidence: format!(
                "{n} key account{} ({}); written reasons for {criteria} of {n}.",
                if n == 1 { "" } else { "s" },
                if n < 5 {
                    "fewer than the usual 5–25"
                } else if n > 25 {
                    "more than the usual 5–25: start small"
                } else {
                    "inside 5–25"
                }
            ),
        },
        ProgrammeCheck {
            step: 5,
            title: "Appoint and train key account managers",
            status: if overloaded.is_empty() && unmanaged == 0 && n > 0 { Met } else { Attention },
            evidence: format!(
                "{} manager{}; {}{} key account{} without a manager.",
                load.len(),
                if load.len() == 1 { "" } else { "s" },
                if overloaded.is_empty() { "none carries more than 3 accounts; ".to_string() } else { format!("more than 3 accounts: {}; ", overloaded.join(", ")) },
                unmanaged,
                if unmanaged == 1 { "" } else { "s" }
            ),
        },
        ProgrammeCheck {
            step: 6,
            title: "The right measures: profit, lifetime value, cost to serve",
            status: if has_profit { Met } else { Attention },
            evidence: if has_profit {
                "The order data carries profit, so dependency is judged on profit, not revenue.".into()
            } else {
                "The order data has no profit column: import profit to judge accounts by what they earn.".into()
            },
        },
        ProgrammeCheck {
            step: 7,
            title: "Benchmark and renew",
            status: if candidates.is_empty() && retire.is_empty() { Met } else { Attention },
            evidence: format!(
                "Candidates by size not yet key: {}. Key accounts now in class C: {}.",
                if candidates.is_empty() { "none".to_string() } else { candidates.join(", ") },
                if retire.is_empty() { "none".to_string() } else { retire.join(", ") }
            ),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment_workspace;
    use crate::model::SegmentationSettings;

    #[test]
    fn demo_programme_has_seven_steps_with_evidence() {
        let ws = crate::demo::demo_workspace();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg);
        assert_eq!(checks.iter().map(|c| c.step).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
        let key = ws.accounts.iter().filter(|a| a.is_key).count();
        assert!(checks[1].evidence.ends_with(&format!("of {key} key accounts have an executive sponsor.")));
    }

    #[test]
    fn key_account_warnings_name_count_and_overload() {
        let mut ws = crate::demo::demo_workspace();
        assert!(key_account_warnings(&ws).is_empty(), "the demo's 6 key accounts and managers are within the rules");
        for a in ws.accounts.iter_mut().take(30) {
            a.is_key = true;
            a.manager = "Maria Lind".into();
        }
        let w = key_account_warnings(&ws);
        assert!(w.iter().any(|t| t.contains("more than 25")), "{w:?}");
        assert!(w.iter().any(|t| t.starts_with("Maria Lind manages")), "{w:?}");
        assert_eq!(key_account_warnings(&Workspace::default()), vec!["0 key accounts: a programme usually holds 5 to 25.".to_string()]);
    }

    #[test]
    fn empty_workspace_needs_attention_not_a_pass() {
        let ws = Workspace::default();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg);
        assert_eq!(checks[1].status, CheckStatus::Attention);
        assert_eq!(checks[3].status, CheckStatus::Attention);
    }
}
