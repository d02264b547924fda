//! After-sale signals (docs/model.md section 6.1): how many complaints an account has and whether
//! they are rising, which promises were missed, and the "at risk of loss" signal that gathers
//! these with the older signs of a customer drifting away (no contact, falling sales, no purchase
//! for the programme's "lost after" months).
//!
//! Everything here returns facts; the app words them (`src/ui/words/aftersale.rs`).

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::health::CONTACT_STALE_DAYS;
use super::rules::lost_since;
use super::AccountSegment;
use crate::model::{Complaint, Dossier, Promise, PromiseState, Severity, Workspace};

/// Length of the two windows the complaint trend compares: the last 90 days (today included)
/// against the 90 days before them.
pub const COMPLAINT_WINDOW_DAYS: u64 = 90;
/// The fewest complaints in the last window that can make a rising trend: one complaint after a
/// quiet quarter is an event, not yet a trend.
pub const RISING_FROM: usize = 2;
/// Days a missed promise keeps counting against the account after it was missed (or was due).
pub const MISSED_PROMISE_MEMORY_DAYS: u64 = 365;
/// A change of sales from the first half of the window to the second at or below this, in percent,
/// counts as falling.
pub const SALES_FALLING_PCT: f64 = -20.0;

/// The direction of the complaints between the two windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// More complaints in the last window than in the one before, and at least [`RISING_FROM`].
    Rising,
    /// Fewer than in the window before.
    Falling,
    Steady,
}

/// The complaints of one account, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ComplaintCounts {
    pub total: usize,
    /// Not yet resolved.
    pub open: usize,
    /// Not yet resolved and of high severity.
    pub open_high: usize,
    /// Dated within the last [`COMPLAINT_WINDOW_DAYS`] days, today included.
    pub this_window: usize,
    /// Dated within the [`COMPLAINT_WINDOW_DAYS`] days before those.
    pub previous_window: usize,
    pub trend: Trend,
}

/// Counts and trend of a dossier's complaints on `today`. Undated complaints count in the totals
/// but in neither window; complaints dated after today in neither window either.
pub fn complaint_counts(d: &Dossier, today: NaiveDate) -> ComplaintCounts {
    let this_from = today.checked_sub_days(Days::new(COMPLAINT_WINDOW_DAYS - 1)).unwrap_or(NaiveDate::MIN);
    let previous_from = this_from.checked_sub_days(Days::new(COMPLAINT_WINDOW_DAYS)).unwrap_or(NaiveDate::MIN);
    let dated = |from: NaiveDate, to: NaiveDate| {
        d.complaints.iter().filter(|c| c.date.is_some_and(|day| day >= from && day <= to)).count()
    };
    let this_window = dated(this_from, today);
    let previous_window = this_from.pred_opt().map_or(0, |before| dated(previous_from, before));
    let trend = if this_window > previous_window && this_window >= RISING_FROM {
        Trend::Rising
    } else if this_window < previous_window {
        Trend::Falling
    } else {
        Trend::Steady
    };
    ComplaintCounts {
        total: d.complaints.len(),
        open: d.complaints.iter().filter(|c| c.is_open()).count(),
        open_high: open_high_complaints(d).count(),
        this_window,
        previous_window,
        trend,
    }
}

/// Complaints still open with high severity, in the dossier's order.
pub fn open_high_complaints(d: &Dossier) -> impl Iterator<Item = &Complaint> {
    d.complaints.iter().filter(|c| c.is_open() && c.severity == Severity::High)
}

/// Promises marked missed that still count on `today`: missed (or due) within the last
/// [`MISSED_PROMISE_MEMORY_DAYS`] days, or with neither date recorded.
pub fn missed_promises(d: &Dossier, today: NaiveDate) -> impl Iterator<Item = &Promise> {
    let since = today.checked_sub_days(Days::new(MISSED_PROMISE_MEMORY_DAYS)).unwrap_or(NaiveDate::MIN);
    d.promises
        .iter()
        .filter(move |p| p.state == PromiseState::Missed && p.closed_on.or(p.due).is_none_or(|day| day >= since))
}

/// One reason an account is at risk of loss, with its facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum RiskReason {
    /// The complaints are rising: `this_window` in the last `window_days` days against
    /// `previous_window` in the days before.
    RisingComplaints { this_window: usize, previous_window: usize, window_days: u64 },
    /// `count` complaints of high severity are not resolved; the oldest is dated `oldest`.
    UnresolvedHighComplaints { count: usize, oldest: Option<NaiveDate> },
    /// `count` promises were missed within the last [`MISSED_PROMISE_MEMORY_DAYS`] days.
    MissedPromises { count: usize },
    /// The latest recorded contact was on `last`, `days_ago` days ago (more than
    /// [`CONTACT_STALE_DAYS`]).
    NoRecentContact { last: NaiveDate, days_ago: i64 },
    /// Sales (the segmentation's measure) changed by `change_pct` % from the first half of the
    /// window to the second.
    SalesFalling { change_pct: f64 },
    /// No purchase since `last_purchase`: the account counts as lost from `lost_from`
    /// ([`super::rules::lost_since`]).
    NoPurchase { last_purchase: NaiveDate, lost_from: NaiveDate },
}

/// The "at risk of loss" signal of one account: at risk when any reason is found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LossRisk {
    pub reasons: Vec<RiskReason>,
}

impl LossRisk {
    pub fn at_risk(&self) -> bool {
        !self.reasons.is_empty()
    }
}

/// Whether the account `account_id` is at risk of loss on `today`, and why. `row` is the account's
/// row of the current segmentation (for the sales trend), when it has one. An account without a
/// dossier is judged on its order history alone: no dossier is no evidence of complaints.
pub fn loss_risk(ws: &Workspace, account_id: &str, row: Option<&AccountSegment>, today: NaiveDate) -> LossRisk {
    let empty = Dossier::new(account_id);
    let d = ws.dossier(account_id).unwrap_or(&empty);
    let mut reasons = Vec::new();
    let counts = complaint_counts(d, today);
    if counts.trend == Trend::Rising {
        reasons.push(RiskReason::RisingComplaints {
            this_window: counts.this_window,
            previous_window: counts.previous_window,
            window_days: COMPLAINT_WINDOW_DAYS,
        });
    }
    if counts.open_high > 0 {
        let oldest = open_high_complaints(d).filter_map(|c| c.date).min();
        reasons.push(RiskReason::UnresolvedHighComplaints { count: counts.open_high, oldest });
    }
    let missed = missed_promises(d, today).count();
    if missed > 0 {
        reasons.push(RiskReason::MissedPromises { count: missed });
    }
    let last_contact = d.people.iter().filter(|p| !p.name.trim().is_empty()).filter_map(|p| p.last_contact).max();
    if let Some(last) = last_contact {
        let days_ago = (today - last).num_days();
        if days_ago > CONTACT_STALE_DAYS {
            reasons.push(RiskReason::NoRecentContact { last, days_ago });
        }
    }
    if let Some(change_pct) = row.and_then(|r| r.trend_pct).filter(|t| *t <= SALES_FALLING_PCT) {
        reasons.push(RiskReason::SalesFalling { change_pct });
    }
    let lines = ws.history(account_id).map(Vec::as_slice).unwrap_or_default();
    if let Some((last_purchase, lost_from)) = lost_since(lines, ws.programme.lost_after_months, today) {
        reasons.push(RiskReason::NoPurchase { last_purchase, lost_from });
    }
    LossRisk { reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{monthly_totals, Account, ComplaintKind, OrderLine, Person};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 11, 24)
    }

    fn complaint(on: Option<NaiveDate>, severity: Severity, resolved: bool) -> Complaint {
        Complaint {
            date: on,
            kind: ComplaintKind::LateDelivery,
            severity,
            resolved_on: resolved.then(today),
            ..Default::default()
        }
    }

    fn ago(days: u64) -> Option<NaiveDate> {
        today().checked_sub_days(Days::new(days))
    }

    fn workspace(d: Dossier) -> Workspace {
        let mut ws = Workspace::default();
        ws.insert_account(Account::new("Acme Oy"));
        ws.upsert_dossier(Dossier { account_id: "acme oy".into(), ..d });
        ws
    }

    #[test]
    fn windows_are_the_last_90_days_and_the_90_before() {
        let mut d = Dossier::new("x");
        d.complaints = vec![
            complaint(ago(0), Severity::Low, true),
            complaint(ago(89), Severity::Low, true),
            complaint(ago(90), Severity::Low, true),
            complaint(ago(179), Severity::Low, true),
            complaint(ago(180), Severity::Low, true),
            complaint(None, Severity::High, false),
            complaint(Some(date(2026, 12, 1)), Severity::High, false),
        ];
        let c = complaint_counts(&d, today());
        assert_eq!((c.total, c.open, c.open_high), (7, 2, 2));
        assert_eq!((c.this_window, c.previous_window), (2, 2));
        assert_eq!(c.trend, Trend::Steady);
    }

    #[test]
    fn rising_needs_more_than_before_and_at_least_two() {
        let mut d = Dossier::new("x");
        d.complaints = vec![complaint(ago(3), Severity::Low, false)];
        assert_eq!(complaint_counts(&d, today()).trend, Trend::Steady, "one complaint after none is not a trend");
        d.complaints.push(complaint(ago(10), Severity::Low, false));
        assert_eq!(complaint_counts(&d, today()).trend, Trend::Rising);
        d.complaints.extend([complaint(ago(100), Severity::Low, true), complaint(ago(120), Severity::Low, true)]);
        assert_eq!(complaint_counts(&d, today()).trend, Trend::Steady, "2 against 2");
        d.complaints.push(complaint(ago(150), Severity::Low, true));
        assert_eq!(complaint_counts(&d, today()).trend, Trend::Falling);
    }

    #[test]
    fn missed_promises_count_for_a_year() {
        let mut d = Dossier::new("x");
        let missed = |closed: Option<NaiveDate>, due: Option<NaiveDate>| Promise {
            state: PromiseState::Missed,
            closed_on: closed,
            due,
            ..Default::default()
        };
        d.promises = vec![
            missed(ago(365), None),
            missed(ago(366), ago(10)),
            missed(None, ago(400)),
            missed(None, None),
            Promise { state: PromiseState::Kept, closed_on: ago(1), ..Default::default() },
            Promise { due: ago(30), ..Default::default() },
        ];
        assert_eq!(missed_promises(&d, today()).count(), 2, "365 days ago still counts; closed 366 days ago does not");
    }

    #[test]
    fn a_quiet_account_is_not_at_risk() {
        let ws = workspace(Dossier::new("acme oy"));
        assert_eq!(loss_risk(&ws, "acme oy", None, today()), LossRisk { reasons: vec![] });
        assert!(!loss_risk(&ws, "nobody", None, today()).at_risk());
    }

    #[test]
    fn every_reason_with_its_facts() {
        let mut d = Dossier::new("acme oy");
        d.complaints = vec![
            complaint(ago(5), Severity::High, false),
            complaint(ago(20), Severity::Low, true),
            complaint(None, Severity::High, false),
        ];
        d.promises = vec![Promise { state: PromiseState::Missed, closed_on: ago(2), ..Default::default() }];
        d.people = vec![
            Person { name: "Jens".into(), last_contact: ago(91), ..Default::default() },
            Person { name: " ".into(), last_contact: ago(1), ..Default::default() },
        ];
        let mut ws = workspace(d);
        ws.set_history(
            "acme oy",
            monthly_totals(&[OrderLine { date: date(2026, 1, 10), revenue: 100.0, profit: None }]),
        );
        let mut row = crate::analysis::segment_workspace(&ws, &Default::default()).rows[0].clone();
        row.trend_pct = Some(-20.0);
        let risk = loss_risk(&ws, "acme oy", Some(&row), today());
        assert!(risk.at_risk());
        assert_eq!(
            risk.reasons,
            vec![
                RiskReason::RisingComplaints { this_window: 2, previous_window: 0, window_days: 90 },
                RiskReason::UnresolvedHighComplaints { count: 2, oldest: ago(5) },
                RiskReason::MissedPromises { count: 1 },
                RiskReason::NoRecentContact { last: ago(91).unwrap(), days_ago: 91 },
                RiskReason::SalesFalling { change_pct: -20.0 },
                RiskReason::NoPurchase { last_purchase: date(2026, 1, 10), lost_from: date(2026, 7, 11) },
            ]
        );
        row.trend_pct = Some(-19.9);
        let risk = loss_risk(&ws, "acme oy", Some(&row), today());
        assert!(!risk.reasons.iter().any(|r| matches!(r, RiskReason::SalesFalling { .. })));
    }

    #[test]
    fn contact_exactly_90_days_ago_is_still_recent() {
        let mut d = Dossier::new("acme oy");
        d.people = vec![Person { name: "Jens".into(), last_contact: ago(90), ..Default::default() }];
        assert!(!loss_risk(&workspace(d), "acme oy", None, today()).at_risk());
    }

    #[test]
    fn the_demo_s_key_accounts_are_not_at_risk_until_complaints_and_a_missed_promise_come() {
        let mut ws = crate::demo::test_demo();
        let seg = crate::analysis::segment_workspace(&ws, &Default::default());
        for a in ws.accounts().iter().filter(|a| a.is_key) {
            assert_eq!(loss_risk(&ws, &a.id, seg.row(&a.id), today()).reasons, vec![], "{}", a.name);
        }
        let id = "nordhavn logistics a/s";
        let d = ws.dossiers_mut().iter_mut().find(|d| d.account_id == id).unwrap();
        d.complaints =
            vec![complaint(Some(today()), Severity::High, false), complaint(ago(25), Severity::Medium, false)];
        d.promises = vec![Promise { state: PromiseState::Missed, due: ago(9), ..Default::default() }];
        let risk = loss_risk(&ws, id, seg.row(id), today());
        assert_eq!(
            risk.reasons,
            vec![
                RiskReason::RisingComplaints { this_window: 2, previous_window: 0, window_days: 90 },
                RiskReason::UnresolvedHighComplaints { count: 1, oldest: Some(today()) },
                RiskReason::MissedPromises { count: 1 },
            ]
        );
    }
}
