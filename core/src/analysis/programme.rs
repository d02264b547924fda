//! The seven steps of a KAM programme (docs/model.md section 7), each with the evidence the app
//! can see in the workspace as a typed fact; steps the data cannot judge are marked to discuss.
//! Also the programme's size rules (5–25 key accounts, 1–3 per manager), the share of customers
//! tagged innovators, and its candidates.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::model::{Dossier, KeyReason, Workspace};

use super::{qualify, Qualification, Segmentation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CheckStatus {
    /// The evidence meets the model's rule.
    Met,
    /// The evidence shows something to fix.
    Attention,
    /// An organisational step the data cannot judge: discuss it.
    Discuss,
}

/// The usual size of a key-account programme (docs/model.md section 2): fewer than
/// [`KEY_ACCOUNTS_MIN`] is hardly a programme, more than [`KEY_ACCOUNTS_MAX`] spreads attention thin.
pub const KEY_ACCOUNTS_MIN: usize = 5;
pub const KEY_ACCOUNTS_MAX: usize = 25;

/// The key accounts one manager carries (docs/model.md section 2: 1 to 3).
pub const MANAGER_LOAD_MIN: usize = 1;
pub const MANAGER_LOAD_MAX: usize = 3;

/// The share of customers who take up new products and ideas first: "only 2.5 % of customers are
/// ready to consider new ideas and solutions openly at once" (docs/model.md section 2.1, from the
/// Russian article).
pub const INNOVATOR_SHARE: f64 = 0.025;
/// Tagging more than this many times [`INNOVATOR_SHARE`] of the customers as innovators is "far
/// more" than the model expects (app's own addition: twice the article's figure), and so is
/// worth a look; below [`INNOVATORS_NOTICED`] tagged the share says too little to warn.
pub const INNOVATORS_FAR_MORE: f64 = 2.0;
pub const INNOVATORS_NOTICED: usize = 2;

/// How many of `customers` accounts are tagged innovators, and whether that is far more than the
/// model's 2.5 %.
pub fn innovators_far_more(tagged: usize, customers: usize) -> bool {
    tagged >= INNOVATORS_NOTICED && tagged as f64 > INNOVATORS_FAR_MORE * INNOVATOR_SHARE * customers as f64
}

/// A count against a usual range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CountRange {
    Below,
    Inside,
    Above,
}

fn judge_count(n: usize, min: usize, max: usize) -> CountRange {
    if n < min {
        CountRange::Below
    } else if n > max {
        CountRange::Above
    } else {
        CountRange::Inside
    }
}

/// The number of key accounts against the usual 5–25.
pub fn key_account_count_range(n: usize) -> CountRange {
    judge_count(n, KEY_ACCOUNTS_MIN, KEY_ACCOUNTS_MAX)
}

/// One manager's number of key accounts against the usual 1–3.
pub fn manager_load_range(n: usize) -> CountRange {
    judge_count(n, MANAGER_LOAD_MIN, MANAGER_LOAD_MAX)
}

/// A manager with more key accounts than one manager carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overload {
    pub manager: String,
    pub key_accounts: usize,
}

/// What the workspace shows for one of the seven steps; the UI puts it in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum StepFact {
    /// Step 1, KAM is an organisational change: nothing in the data to judge; agree on it.
    OrganisationalChange,
    /// Step 2, senior management support: key accounts with an executive sponsor.
    SeniorSupport { sponsored: usize, key_accounts: usize },
    /// Step 3, a KAM champion drives the programme: the champion's name, if one is named.
    Champion { name: Option<String> },
    /// Step 4, identify key accounts carefully: their number against the usual range, whether
    /// the criteria are written, and how many key accounts meet them.
    Identification { key_accounts: usize, range: CountRange, criteria_written: bool, meeting: usize },
    /// Step 5, appoint and train key account managers.
    Managers { managers: usize, overloaded: Vec<Overload>, unmanaged: usize, assessed: usize },
    /// Step 6, the right measures: key accounts with cost to serve and a margin for CLV (the
    /// margin can come from profit when the data has it).
    Measures { filled: usize, key_accounts: usize, on_profit: bool },
    /// Step 7, benchmark and renew: key accounts that no longer meet the criteria, and accounts
    /// outside the programme that now do.
    Renewal { retire: Vec<String>, candidates: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeCheck {
    pub step: u8,
    pub status: CheckStatus,
    pub fact: StepFact,
}

/// Key account managers with the number of key accounts each carries.
pub fn manager_load(ws: &Workspace) -> BTreeMap<String, usize> {
    let mut load = BTreeMap::new();
    for a in ws.accounts().iter().filter(|a| a.is_key && !a.manager.trim().is_empty()) {
        *load.entry(a.manager.trim().to_string()).or_insert(0) += 1;
    }
    load
}

/// The managers whose skills the programme assesses: every key account's manager (by name),
/// then anyone assessed earlier who no longer carries a key account, in the order assessed.
pub fn skill_managers(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = manager_load(ws).into_keys().collect();
    for s in &ws.programme.skills {
        let name = s.manager.trim();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// Managers carrying more key accounts than [`MANAGER_LOAD_MAX`], by name.
fn overloaded(load: &BTreeMap<String, usize>) -> Vec<Overload> {
    load.iter()
        .filter(|(_, n)| manager_load_range(**n) == CountRange::Above)
        .map(|(m, n)| Overload { manager: m.clone(), key_accounts: *n })
        .collect()
}

/// A warning about the key-account list itself (docs/model.md section 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum KeyAccountWarning {
    /// Fewer key accounts than a programme usually holds.
    TooFew { key_accounts: usize },
    /// More key accounts than a programme usually holds: attention spread thin.
    TooMany { key_accounts: usize },
    /// One manager carries more key accounts than one manager can.
    ManagerOverloaded(Overload),
    /// Far more of the customers are tagged innovators (a strategic reason in their dossiers)
    /// than the model's 2.5 % ([`innovators_far_more`]).
    ManyInnovators { tagged: usize, customers: usize },
}

/// Warnings about the key-account list itself: a programme outside 5–25 accounts, managers
/// carrying more than 3, and far more innovators than customers hold.
pub fn key_account_warnings(ws: &Workspace) -> Vec<KeyAccountWarning> {
    let mut out = Vec::new();
    let n = ws.accounts().iter().filter(|a| a.is_key).count();
    match key_account_count_range(n) {
        CountRange::Below => out.push(KeyAccountWarning::TooFew { key_accounts: n }),
        CountRange::Above => out.push(KeyAccountWarning::TooMany { key_accounts: n }),
        CountRange::Inside => {}
    }
    out.extend(overloaded(&manager_load(ws)).into_iter().map(KeyAccountWarning::ManagerOverloaded));
    let customers = ws.accounts().len();
    let tagged = ws
        .dossiers()
        .iter()
        .filter(|d| d.reasons.contains(&KeyReason::Innovator) && ws.account(&d.account_id).is_some())
        .count();
    if innovators_far_more(tagged, customers) {
        out.push(KeyAccountWarning::ManyInnovators { tagged, customers });
    }
    out
}

/// An account outside the programme that meets its criteria now, with the qualification that
/// says why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub qualification: Qualification,
}

/// Qualifies accounts by id against the programme's criteria. Rows and dossiers are looked up
/// through their indexes: a large portfolio has thousands of accounts to judge.
fn qualifier<'a>(ws: &'a Workspace, seg: &'a Segmentation, key_size_pct: f64) -> impl Fn(&str) -> Qualification + 'a {
    move |id| qualify(seg.row(id), ws.dossier(id), &ws.programme, key_size_pct, seg.flags_on_profit)
}

/// Accounts outside the programme that meet its criteria now, in the workspace's order.
/// `key_size_pct` is the settings' "key by size" threshold, which the share criterion names.
pub fn key_account_candidates(ws: &Workspace, seg: &Segmentation, key_size_pct: f64) -> Vec<Candidate> {
    candidates_by(ws, &qualifier(ws, seg, key_size_pct))
}

fn candidates_by(ws: &Workspace, judge: &dyn Fn(&str) -> Qualification) -> Vec<Candidate> {
    ws.accounts()
        .iter()
        .filter(|a| !a.is_key)
        .filter_map(|a| {
            let qualification = judge(&a.id);
            qualification.meets.then(|| Candidate { id: a.id.clone(), name: a.name.clone(), qualification })
        })
        .collect()
}

/// The seven steps with the evidence the workspace holds. `key_size_pct` is the settings'
/// "key by size" threshold, passed on to the candidates (see [`key_account_candidates`]).
pub fn programme_checks(ws: &Workspace, seg: &Segmentation, key_size_pct: f64) -> Vec<ProgrammeCheck> {
    use CheckStatus::*;
    let key: Vec<_> = ws.accounts().iter().filter(|a| a.is_key).collect();
    let n = key.len();
    let with = |f: &dyn Fn(&Dossier) -> bool| key.iter().filter(|a| ws.dossier(&a.id).is_some_and(f)).count();
    let sponsored = with(&|d| !d.executive_sponsor.trim().is_empty());
    let measures =
        with(&|d| d.metrics.cost_to_serve.is_some() && (d.metrics.yearly_margin.is_some() || seg.flags_on_profit));
    let load = manager_load(ws);
    let overloaded = overloaded(&load);
    let unmanaged = key.iter().filter(|a| a.manager.trim().is_empty()).count();
    let assessed = load
        .keys()
        .filter(|m| {
            ws.programme.skills.iter().any(|s| s.manager.trim() == m.as_str() && s.scores.iter().any(Option::is_some))
        })
        .count();
    let judge = qualifier(ws, seg, key_size_pct);
    let written = !ws.programme.criteria_text.trim().is_empty();
    let candidates: Vec<String> = candidates_by(ws, &judge).into_iter().map(|c| c.name).collect();
    let retire: Vec<String> = key.iter().filter(|a| !judge(&a.id).meets).map(|a| a.name.clone()).collect();
    let meeting = n - retire.len();
    let champion = ws.programme.champion.trim();
    let range = key_account_count_range(n);

    vec![
        ProgrammeCheck { step: 1, status: Discuss, fact: StepFact::OrganisationalChange },
        ProgrammeCheck {
            step: 2,
            status: if n > 0 && sponsored == n { Met } else { Attention },
            fact: StepFact::SeniorSupport { sponsored, key_accounts: n },
        },
        ProgrammeCheck {
            step: 3,
            status: if champion.is_empty() { Attention } else { Met },
            fact: StepFact::Champion { name: (!champion.is_empty()).then(|| champion.to_string()) },
        },
        ProgrammeCheck {
            step: 4,
            status: if range == CountRange::Inside && written && meeting == n { Met } else { Attention },
            fact: StepFact::Identification { key_accounts: n, range, criteria_written: written, meeting },
        },
        ProgrammeCheck {
            step: 5,
            status: if overloaded.is_empty() && unmanaged == 0 && n > 0 && assessed == load.len() {
                Met
            } else {
                Attention
            },
            fact: StepFact::Managers { managers: load.len(), overloaded, unmanaged, assessed },
        },
        ProgrammeCheck {
            step: 6,
            status: if n > 0 && measures == n { Met } else { Attention },
            fact: StepFact::Measures { filled: measures, key_accounts: n, on_profit: seg.flags_on_profit },
        },
        ProgrammeCheck {
            step: 7,
            status: if candidates.is_empty() && retire.is_empty() { Met } else { Attention },
            fact: StepFact::Renewal { retire, candidates },
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
        let ws = crate::demo::test_demo();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks.iter().map(|c| c.step).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
        let key = ws.accounts().iter().filter(|a| a.is_key).count();
        assert_eq!(checks[0].fact, StepFact::OrganisationalChange);
        assert_eq!(checks[0].status, CheckStatus::Discuss);
        assert!(
            matches!(checks[1].fact, StepFact::SeniorSupport { key_accounts, .. } if key_accounts == key),
            "{:?}",
            checks[1].fact
        );
        assert_eq!(checks[2].fact, StepFact::Champion { name: None });
        assert_eq!(checks[2].status, CheckStatus::Attention, "no champion named in the demo");
        assert!(
            matches!(
                checks[3].fact,
                StepFact::Identification { key_accounts: 6, range: CountRange::Inside, criteria_written: false, .. }
            ),
            "{:?}",
            checks[3].fact
        );
        assert!(
            matches!(checks[5].fact, StepFact::Measures { filled: 1, key_accounts: 6, .. }),
            "{:?}",
            checks[5].fact
        );
    }

    #[test]
    fn renewal_names_accounts_that_no_longer_qualify_and_candidates_that_do() {
        let mut ws = crate::demo::test_demo();
        ws.programme.champion = " Eva Saar ".into();
        ws.programme.criteria_text = "Over 10 % of profit, or a justified strategic reason.".into();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks[2].status, CheckStatus::Met);
        assert_eq!(checks[2].fact, StepFact::Champion { name: Some("Eva Saar".into()) });
        // Uppsala BioLabs is key for "reference" without a written justification: it no longer qualifies.
        let StepFact::Renewal { retire, candidates } = &checks[6].fact else { panic!("{:?}", checks[6].fact) };
        assert!(retire.iter().any(|n| n == "Uppsala BioLabs AB"), "{retire:?}");
        let expected: Vec<String> = key_account_candidates(&ws, &seg, 10.0).into_iter().map(|c| c.name).collect();
        assert_eq!(candidates, &expected, "the step and the key-account page name the same candidates");
    }

    #[test]
    fn candidates_are_accounts_outside_the_programme_that_meet_the_criteria() {
        let mut ws = crate::demo::test_demo();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let biggest = seg
            .rows
            .iter()
            .find(|r| r.flags.contains(crate::analysis::Flag::KeyBySize))
            .expect("a key-by-size account in the demo");
        let id = biggest.id.to_string();
        ws.change_account(&id, |a| a.is_key = false);
        let candidates = key_account_candidates(&ws, &seg, 10.0);
        let c = candidates.iter().find(|c| c.id == id).expect("the unmarked big account is a candidate");
        assert!(c.qualification.meets && c.qualification.by_size);
        assert!(candidates.iter().all(|c| ws.account(&c.id).is_some_and(|a| !a.is_key)));
    }

    #[test]
    fn counts_are_judged_against_the_usual_ranges() {
        assert_eq!(key_account_count_range(4), CountRange::Below);
        assert_eq!(key_account_count_range(KEY_ACCOUNTS_MIN), CountRange::Inside);
        assert_eq!(key_account_count_range(KEY_ACCOUNTS_MAX), CountRange::Inside);
        assert_eq!(key_account_count_range(26), CountRange::Above);
        assert_eq!(manager_load_range(3), CountRange::Inside);
        assert_eq!(manager_load_range(4), CountRange::Above);
    }

    #[test]
    fn key_account_warnings_name_count_and_overload() {
        let mut ws = crate::demo::test_demo();
        assert!(key_account_warnings(&ws).is_empty(), "the demo's 6 key accounts and managers are within the rules");
        for a in ws.accounts_mut().iter_mut().take(30) {
            a.is_key = true;
            a.manager = "Maria Lind".into();
        }
        let w = key_account_warnings(&ws);
        let n = ws.accounts().iter().filter(|a| a.is_key).count();
        assert_eq!(w[0], KeyAccountWarning::TooMany { key_accounts: n });
        assert!(w.iter().any(|t| matches!(t, KeyAccountWarning::ManagerOverloaded(o) if o.manager == "Maria Lind" && o.key_accounts >= 30)), "{w:?}");
        assert_eq!(key_account_warnings(&Workspace::default()), vec![KeyAccountWarning::TooFew { key_accounts: 0 }]);
    }

    #[test]
    fn far_more_innovators_than_the_model_expects_are_named() {
        // 2.5 % of 40 customers is 1; twice that is 2: a third innovator is far more.
        assert!(!innovators_far_more(1, 4), "one tagged says too little");
        assert!(!innovators_far_more(2, 40));
        assert!(innovators_far_more(3, 40));
        assert!(!innovators_far_more(5, 100) && innovators_far_more(6, 100));
        let mut ws = crate::demo::test_demo();
        let innovators = |ws: &Workspace| {
            key_account_warnings(ws).into_iter().find(|w| matches!(w, KeyAccountWarning::ManyInnovators { .. }))
        };
        let customers = ws.accounts().len();
        let tagged = ws.dossiers().iter().filter(|d| d.reasons.contains(&KeyReason::Innovator)).count();
        assert!(innovators(&ws).is_none(), "the demo tags {tagged} of {customers}");
        let untagged: Vec<String> = ws
            .dossiers()
            .iter()
            .filter(|d| !d.reasons.contains(&KeyReason::Innovator))
            .map(|d| d.account_id.clone())
            .collect();
        let mut n = tagged;
        for id in untagged {
            if innovators_far_more(n, customers) {
                break;
            }
            ws.change_dossier(&id, |d| d.reasons.push(KeyReason::Innovator));
            n += 1;
        }
        assert!(innovators_far_more(n, customers), "the demo has dossiers enough to tag");
        assert_eq!(innovators(&ws), Some(KeyAccountWarning::ManyInnovators { tagged: n, customers }));
    }

    #[test]
    fn skills_are_assessed_for_key_account_managers_and_kept_for_former_ones() {
        let mut ws = Workspace::default();
        ws.programme.change_assessment("Ott Tamm", |a| a.notes = "Left the programme".into());
        ws.programme.change_assessment("Maria Lind", |a| a.scores[0] = Some(3));
        for (name, manager, key) in [("A", " Maria Lind ", true), ("B", "Jonas Berg", true), ("C", "Eva Ek", false)] {
            ws.add_account(name).expect("new");
            let a = ws.accounts_mut().iter_mut().find(|a| a.name == name).expect("added");
            (a.manager, a.is_key) = (manager.into(), key);
        }
        assert_eq!(skill_managers(&ws), ["Jonas Berg", "Maria Lind", "Ott Tamm"]);
    }

    #[test]
    fn overloaded_managers_show_in_step_five() {
        let mut ws = crate::demo::test_demo();
        for a in ws.accounts_mut().iter_mut().filter(|a| a.is_key) {
            a.manager = "Maria Lind".into();
        }
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg, 10.0);
        let StepFact::Managers { managers, overloaded, unmanaged, .. } = &checks[4].fact else { panic!() };
        assert_eq!((*managers, *unmanaged), (1, 0));
        assert_eq!(overloaded, &vec![Overload { manager: "Maria Lind".into(), key_accounts: 6 }]);
        assert_eq!(checks[4].status, CheckStatus::Attention);
    }

    #[test]
    fn empty_workspace_needs_attention_not_a_pass() {
        let ws = Workspace::default();
        let seg = segment_workspace(&ws, &SegmentationSettings::default());
        let checks = programme_checks(&ws, &seg, 10.0);
        assert_eq!(checks[1].status, CheckStatus::Attention);
        assert_eq!(checks[3].status, CheckStatus::Attention);
        assert!(matches!(checks[3].fact, StepFact::Identification { key_accounts: 0, range: CountRange::Below, .. }));
    }
}
