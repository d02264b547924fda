//! The seven steps of a KAM programme (kam-model.md section 7), each with the evidence the app
//! can see in the workspace. Steps the data cannot judge say what to discuss instead.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::model::Workspace;

use super::{qualify, Segmentation};

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

/// The seven steps with the evidence the workspace holds. `key_size_pct` is the settings'
/// "key by size" threshold, used to judge which accounts meet the programme's criteria.
pub fn programme_checks(ws: &Workspace, seg: &Segmentation, key_size_pct: f64) -> Vec<ProgrammeCheck> {
    use CheckStatus::*;
    let key: Vec<_> = ws.accounts.iter().filter(|a| a.is_key).collect();
    let n = key.len();
    // By id once: a large portfolio has thousands of accounts to judge. (Built in reverse so
    // that, as with `Workspace::dossier`, the first of two dossiers for one account counts.)
    let dossiers: std::collections::HashMap<&str, &crate::model::Dossier> = ws.dossiers.iter().rev().map(|d| (d.account_id.as_str(), d)).collect();
    let with = |f: &dyn Fn(&crate::model::Dossier) -> bool| key.iter().filter(|a| dossiers.get(a.id.as_str()).is_some_and(|d| f(d))).count();
    let sponsors = with(&|d| !d.executive_sponsor.trim().is_empty());
    let measures = with(&|d| d.metrics.cost_to_serve.is_some() && (d.metrics.yearly_margin.is_some() || seg.flags_on_profit));
    let load = manager_load(ws);
    let overloaded: Vec<_> = load.iter().filter(|(_, c)| **c > 3).map(|(m, c)| format!("{m} ({c})")).collect();
    let unmanaged = key.iter().filter(|a| a.manager.trim().is_empty()).count();
    let assessed = load.keys().filter(|m| ws.programme.skills.iter().any(|s| s.manager.trim() == m.as_str() && s.scores.iter().any(Option::is_some))).count();
    let by_id: std::collections::HashMap<&str, &super::AccountSegment> = seg.rows.iter().map(|r| (&*r.id, r)).collect();
    let meets = |id: &str| {
        let row = by_id.get(id).copied();
        qualify(row, dossiers.get(id).copied(), &ws.programme, key_size_pct, seg.flags_on_profit).meets
    };
    let written = !ws.programme.criteria_text.trim().is_empty();
    let candidates: Vec<_> = ws.accounts.iter().filter(|a| !a.is_key && meets(&a.id)).map(|a| a.name.clone()).collect();
    let retire: Vec<_> = key.iter().filter(|a| !meets(&a.id)).map(|a| a.name.clone()).collect();
    let meeting = n - retire.len();
    let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    let champion = ws.programme.champion.trim();

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
            status: if champion.is_empty() { Attention } else { Met },
            evidence: if champion.is_empty() {
                "No KAM champion is named yet (Settings → Key-account programme).".into()
            } else {
                format!("{champion} drives the programme.")
            },
        },
        ProgrammeCheck {
            step: 4,
            title: "Identify key accounts carefully",
            status: if (5..=25).contains(&n) && written && meeting == n { Met } else { Attention },
            evidence: format!(
                "{n} key account{} ({}); {}; {meeting} of {n} meet them.",
                if n == 1 { "" } else { "s" },
                if n < 5 {
                    "fewer than the usual 5–25"
                } else if n > 25 {
                    "more than the usual 5–25: start small"
                } else {
                    "inside 5–25"
                },
                if written { "written criteria exist" } else { "the criteria are not written down yet" }
            ),
        },
        ProgrammeCheck {
            step: 5,
            title: "Appoint and train key account managers",
            status: if overloaded.is_empty() && unmanaged == 0 && n > 0 && assessed == load.len() { Met } else { Attention },
            evidence: format!(
                "{} manager{}; {}{} key account{} without a manager; skills self-assessed by {assessed} of {}.",
                load.len(),
                if load.len() == 1 { "" } else { "s" },
                if overloaded.is_empty() { "none carries more than 3 accounts; ".to_string() } else { format!("more than 3 accounts: {}; ", overloaded.join(", ")) },
                unmanaged,
                if unmanaged == 1 { "" } else { "s" },
                load.len()
            ),
        },
        ProgrammeCheck {
            step: 6,
            title: "The right measures: profit, lifetime value, cost to serve",
            status: if n > 0 && measures == n { Met } else { Attention },
            evidence: format!(
                "CLV and cost to serve filled for {measures} of {n}.{}",
                if seg.flags_on_profit { "" } else { " The order data has no profit column: import profit to judge accounts by what they earn." }
            ),
        },
        ProgrammeCheck {
            step: 7,
            title: "Benchmark and renew",
            status: if candidates.is_empty() && retire.is_empty() { Met } else { Attention },
            evidence: format!("Key accounts that no longer meet the criteria: {}. Candidates that now do: {}.", list(&retire), list(&candidates)),
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
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks.iter().map(|c| c.step).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
        let key = ws.accounts.iter().filter(|a| a.is_key).count();
        assert!(checks[1].evidence.ends_with(&format!("of {key} key accounts have an executive sponsor.")));
        assert!(checks[3].evidence.contains("the criteria are not written down yet"), "{}", checks[3].evidence);
        assert_eq!(checks[2].status, CheckStatus::Attention, "no champion named in the demo");
        assert!(checks[5].evidence.starts_with("CLV and cost to serve filled for 1 of"), "{}", checks[5].evidence);
    }

    #[test]
    fn renewal_names_accounts_that_no_longer_qualify_and_candidates_that_do() {
        let mut ws = crate::demo::demo_workspace();
        ws.programme.champion = "Eva Saar".into();
        ws.programme.criteria_text = "Over 10 % of profit, or a justified strategic reason.".into();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks[2].status, CheckStatus::Met);
        assert!(checks[2].evidence.contains("Eva Saar"));
        // Uppsala BioLabs is key for "reference" without a written justification: it no longer qualifies.
        assert!(checks[6].evidence.contains("no longer meet the criteria: ") && checks[6].evidence.contains("Uppsala BioLabs AB"), "{}", checks[6].evidence);
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
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks[1].status, CheckStatus::Attention);
        assert_eq!(checks[3].status, CheckStatus::Attention);
    }
}
