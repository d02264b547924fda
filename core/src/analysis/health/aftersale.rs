//! After the deal: promises the customer was given and did not get, complaints of high severity
//! nobody has resolved, and complaints that become more frequent. These are the ways key clients
//! are lost (docs/model.md section 6.1), so each costs points while it lasts.

use super::{Finding, HealthFact, Subject};
use crate::analysis::aftersale::{
    complaint_counts, missed_promises, open_high_complaints, Trend, COMPLAINT_WINDOW_DAYS,
};
use crate::model::{ComplaintKind, PromiseFunction};
use chrono::NaiveDate;
use serde::Serialize;

/// Points lost per missed promise that still counts.
pub(super) const MISSED_EACH: u32 = 5;
/// The most missed promises can cost together.
pub(super) const MISSED_MAX_POINTS: u32 = 15;
/// Points lost per open complaint of high severity.
pub(super) const OPEN_HIGH_EACH: u32 = 5;
/// The most open high-severity complaints can cost together.
pub(super) const OPEN_HIGH_MAX_POINTS: u32 = 10;
/// Points lost while complaints are rising.
pub(super) const RISING_POINTS: u32 = 5;

/// A missed promise as the dossier has it (texts trimmed, possibly blank).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedPromise {
    pub text: String,
    pub owner: String,
    pub function: PromiseFunction,
    pub due: Option<NaiveDate>,
}

/// An open complaint as the dossier has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenComplaint {
    pub kind: ComplaintKind,
    pub date: Option<NaiveDate>,
    pub text: String,
}

fn points(n: usize, each: u32, max: u32) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX).saturating_mul(each).min(max)
}

pub(super) fn missed(s: &Subject) -> Option<Finding> {
    let promises: Vec<MissedPromise> = missed_promises(s.dossier, s.today)
        .map(|p| MissedPromise {
            text: p.text.trim().to_string(),
            owner: p.owner.trim().to_string(),
            function: p.function,
            due: p.due,
        })
        .collect();
    if promises.is_empty() {
        return None;
    }
    let lost = points(promises.len(), MISSED_EACH, MISSED_MAX_POINTS);
    Some(Finding::new(lost, HealthFact::MissedPromises { account: s.account.to_string(), promises }))
}

pub(super) fn open_high(s: &Subject) -> Option<Finding> {
    let complaints: Vec<OpenComplaint> = open_high_complaints(s.dossier)
        .map(|c| OpenComplaint { kind: c.kind, date: c.date, text: c.text.trim().to_string() })
        .collect();
    if complaints.is_empty() {
        return None;
    }
    let lost = points(complaints.len(), OPEN_HIGH_EACH, OPEN_HIGH_MAX_POINTS);
    Some(Finding::new(lost, HealthFact::OpenHighComplaints { account: s.account.to_string(), complaints }))
}

pub(super) fn rising(s: &Subject) -> Option<Finding> {
    let c = complaint_counts(s.dossier, s.today);
    (c.trend == Trend::Rising).then(|| {
        Finding::new(
            RISING_POINTS,
            HealthFact::ComplaintsRising {
                account: s.account.to_string(),
                this_window: c.this_window,
                previous_window: c.previous_window,
                window_days: COMPLAINT_WINDOW_DAYS,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::super::fixtures::*;
    use super::super::{HealthFact, Rule};
    use super::*;
    use crate::model::{Complaint, Promise, PromiseState, Severity};

    fn ago(days: u64) -> Option<NaiveDate> {
        today().checked_sub_days(Days::new(days))
    }

    #[test]
    fn missed_promises_cost_5_each_up_to_15() {
        let mut ws = healthy();
        let missed = |text: &str| Promise {
            text: text.into(),
            owner: " Logistics ".into(),
            function: PromiseFunction::SupplyChain,
            due: ago(10),
            state: PromiseState::Missed,
            closed_on: ago(3),
            ..Default::default()
        };
        dossier_mut(&mut ws).promises = vec![
            missed("Spare parts within 48 h"),
            Promise { text: "Kept".into(), state: PromiseState::Kept, ..Default::default() },
            Promise { text: "Overdue but open".into(), due: ago(5), ..Default::default() },
        ];
        let f = finding(&health(&ws), Rule::MissedPromises).cloned().expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(
            f.fact,
            HealthFact::MissedPromises {
                account: "Acme Oy".into(),
                promises: vec![MissedPromise {
                    text: "Spare parts within 48 h".into(),
                    owner: "Logistics".into(),
                    function: PromiseFunction::SupplyChain,
                    due: ago(10),
                }],
            }
        );
        for i in 0..4 {
            dossier_mut(&mut ws).promises.push(missed(&format!("More {i}")));
        }
        assert_eq!(finding(&health(&ws), Rule::MissedPromises).map(|f| f.points_lost), Some(15));
        dossier_mut(&mut ws).promises.retain(|p| p.state != PromiseState::Missed);
        assert!(finding(&health(&ws), Rule::MissedPromises).is_none());
    }

    #[test]
    fn open_high_complaints_cost_5_each_up_to_10_and_resolving_one_helps() {
        let mut ws = healthy();
        let high = |days: u64| Complaint {
            date: ago(days),
            kind: ComplaintKind::Quality,
            severity: Severity::High,
            text: " Cracked pallets ".into(),
            ..Default::default()
        };
        dossier_mut(&mut ws).complaints =
            vec![high(200), Complaint { severity: Severity::Medium, date: ago(300), ..Default::default() }];
        let f = finding(&health(&ws), Rule::OpenComplaints).cloned().expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(
            f.fact,
            HealthFact::OpenHighComplaints {
                account: "Acme Oy".into(),
                complaints: vec![OpenComplaint {
                    kind: ComplaintKind::Quality,
                    date: ago(200),
                    text: "Cracked pallets".into()
                }],
            }
        );
        dossier_mut(&mut ws).complaints.extend([high(250), high(260)]);
        assert_eq!(finding(&health(&ws), Rule::OpenComplaints).map(|f| f.points_lost), Some(10));
        for c in &mut dossier_mut(&mut ws).complaints {
            c.resolved_on = Some(today());
        }
        assert!(finding(&health(&ws), Rule::OpenComplaints).is_none());
    }

    #[test]
    fn rising_complaints_cost_5() {
        let mut ws = healthy();
        let low = |days: u64| Complaint { date: ago(days), resolved_on: Some(today()), ..Default::default() };
        dossier_mut(&mut ws).complaints = vec![low(1), low(30), low(120)];
        let f = finding(&health(&ws), Rule::ComplaintTrend).cloned().expect("fires");
        assert_eq!(f.points_lost, 5);
        assert_eq!(
            f.fact,
            HealthFact::ComplaintsRising {
                account: "Acme Oy".into(),
                this_window: 2,
                previous_window: 1,
                window_days: 90
            }
        );
        dossier_mut(&mut ws).complaints.push(low(150));
        assert!(finding(&health(&ws), Rule::ComplaintTrend).is_none(), "2 against 2 is steady");
    }
}
