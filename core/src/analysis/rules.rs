//! The small named rules that several parts of the app ask about: when an action is overdue,
//! when an account counts as lost, when a proposal is followed up, how long before a tender the
//! preparation starts, how a segment is written, an account's orders per month, and the open
//! potential of its whitespace grid. Each lives here once; pages, reminders,
//! health and print views call these instead of writing their own copy (see `docs/model.md`).

use chrono::{Days, Months, NaiveDate};

use crate::analysis::{AbcClass, XyzClass};
use crate::model::{Action, ActionStatus, CellState, Dossier, MonthTotal, Outcome, Promise, PromiseState, Proposal};

/// Months before a tender at which its preparation starts (docs/model.md section 5: "about nine
/// months before"). The reminders' milestones and the calendar's preparation marks count from it.
pub const TENDER_LEAD_MONTHS: u32 = 9;

/// Preparation milestones of a tender, in months before the tender day, earliest first.
pub const TENDER_MILESTONE_MONTHS: [u32; 4] = [TENDER_LEAD_MONTHS, 6, 3, 1];

/// Days after a proposal was sent at which we call to confirm it arrived.
pub const PROPOSAL_FOLLOW_UP_DAYS: u64 = 1;

/// The day preparation for a tender on `tender_day` should start.
pub fn tender_preparation_start(tender_day: NaiveDate) -> Option<NaiveDate> {
    tender_day.checked_sub_months(Months::new(TENDER_LEAD_MONTHS))
}

/// The day preparation for a tender on `tender_day` starts, and whether that day has passed.
pub fn tender_preparation(tender_day: NaiveDate, today: NaiveDate) -> Option<DayMark> {
    tender_preparation_start(tender_day).map(|day| DayMark::of(day, today))
}

/// The day to call about a proposal sent on `sent`.
pub fn proposal_follow_up(sent: NaiveDate) -> Option<NaiveDate> {
    sent.checked_add_days(Days::new(PROPOSAL_FOLLOW_UP_DAYS))
}

/// A day the plan counts on (a proposal's follow-up, a tender's preparation), and whether it
/// has passed (it is before today).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMark {
    pub day: NaiveDate,
    pub passed: bool,
}

impl DayMark {
    fn of(day: NaiveDate, today: NaiveDate) -> DayMark {
        DayMark { day, passed: day < today }
    }
}

/// Where a proposal stands in its follow-up (docs/model.md section 5): closed with its outcome,
/// or open with the days that matter: the call to confirm receipt (sent and not yet confirmed),
/// the end of its validity, and the next contact agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalState {
    Closed(Outcome),
    Open {
        sent: Option<NaiveDate>,
        receipt_call: Option<DayMark>,
        valid_until: Option<DayMark>,
        agreed: Option<DayMark>,
    },
}

/// [`ProposalState`] of `p` on `today`: what the plan shows and the reminders remind of.
pub fn proposal_state(p: &Proposal, today: NaiveDate) -> ProposalState {
    if p.outcome != Outcome::Open {
        return ProposalState::Closed(p.outcome);
    }
    let receipt_call = p.sent.filter(|_| !p.receipt_confirmed).and_then(proposal_follow_up);
    ProposalState::Open {
        sent: p.sent,
        receipt_call: receipt_call.map(|d| DayMark::of(d, today)),
        valid_until: p.valid_until.map(|d| DayMark::of(d, today)),
        agreed: p.agreed_date.map(|d| DayMark::of(d, today)),
    }
}

/// An action still to be done (open or in progress).
pub fn action_is_open(a: &Action) -> bool {
    matches!(a.status, ActionStatus::Open | ActionStatus::InProgress)
}

/// An action still open whose due date is before `today`.
pub fn action_is_overdue(a: &Action, today: NaiveDate) -> bool {
    action_is_open(a) && a.due.is_some_and(|due| due < today)
}

/// A promise to the customer still to be kept.
pub fn promise_is_open(p: &Promise) -> bool {
    p.state == PromiseState::Open
}

/// A promise still open whose due date is before `today` (due today is not overdue), as for
/// actions.
pub fn promise_is_overdue(p: &Promise, today: NaiveDate) -> bool {
    promise_is_open(p) && p.due.is_some_and(|due| due < today)
}

/// The last day the account bought something: the latest order line with positive revenue. A
/// credit note (zero or negative revenue) is not a purchase.
pub fn last_purchase(months: &[MonthTotal]) -> Option<NaiveDate> {
    months.iter().filter_map(MonthTotal::last_purchase_date).max()
}

/// The first day an account whose last purchase was on `last` counts as lost, with the
/// programme's "lost after" months (`0` turns the rule off: `None`). More than `lost_months`
/// calendar months without a purchase: bought on 24 May with 6 months, lost from 25 November.
pub fn lost_from(last: NaiveDate, lost_months: u32) -> Option<NaiveDate> {
    if lost_months == 0 {
        return None;
    }
    last.checked_add_months(Months::new(lost_months))?.checked_add_days(Days::new(1))
}

/// Whether the account counts as lost on `today`: the day it counts as lost from, if that day has
/// come, with the last purchase.
pub fn lost_since(months: &[MonthTotal], lost_months: u32, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let last = last_purchase(months)?;
    lost_from(last, lost_months).filter(|from| *from <= today).map(|from| (last, from))
}

/// The segment code of an account, "AX" … "CZ", with "?" for an account whose XYZ class could not
/// be computed ("A?").
pub fn segment_code(abc: AbcClass, xyz: Option<XyzClass>) -> String {
    format!("{}{}", abc.letter(), xyz.map_or("?", |x| x.letter()))
}

/// One calendar month of an account's order history: how many order lines, and their revenue
/// (credit notes included, as the export has them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthOrders {
    pub year: i32,
    pub month: u32,
    pub lines: usize,
    pub revenue: f64,
}

/// An account's orders per month, the newest month first (the dossier's timeline).
pub fn monthly_orders(months: &[MonthTotal]) -> Vec<MonthOrders> {
    months
        .iter()
        .rev()
        .filter(|m| m.lines > 0)
        .map(|m| MonthOrders { year: m.year, month: m.month, lines: m.lines as usize, revenue: m.revenue })
        .collect()
}

/// Whether a whitespace cell is an opening still to win: an opportunity, work in progress, or a
/// competitor's business.
pub fn cell_is_open(state: CellState) -> bool {
    matches!(state, CellState::Opportunity | CellState::InProgress | CellState::Competitor)
}

/// The yearly potential of a dossier's open whitespace cells, counting only cells whose offering
/// and business unit are still on the grid.
pub fn open_potential(d: &Dossier) -> f64 {
    d.whitespace
        .iter()
        .filter(|c| cell_is_open(c.state) && d.offerings.contains(&c.offering) && d.units.contains(&c.unit))
        .filter_map(|c| c.potential)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{monthly_totals, OrderLine, WhitespaceCell};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn line(d: NaiveDate, revenue: f64) -> OrderLine {
        OrderLine { date: d, revenue, profit: None }
    }

    #[test]
    fn orders_per_month_newest_first() {
        let lines = [
            line(date(2026, 1, 10), 500.0),
            line(date(2026, 3, 2), 100.0),
            line(date(2026, 1, 28), -120.0),
            line(date(2025, 12, 31), 40.0),
        ];
        let m = monthly_orders(&monthly_totals(&lines));
        let got: Vec<(i32, u32, usize, f64)> = m.iter().map(|m| (m.year, m.month, m.lines, m.revenue)).collect();
        assert_eq!(got, [(2026, 3, 1, 100.0), (2026, 1, 2, 380.0), (2025, 12, 1, 40.0)]);
        assert!(monthly_orders(&[]).is_empty());
    }

    #[test]
    fn open_potential_counts_open_cells_still_on_the_grid() {
        let mut d = Dossier::new("acme");
        d.offerings = vec!["Service".into(), "Parts".into()];
        d.units = vec!["Oslo".into()];
        let cell = |offering: &str, unit: &str, state, potential| WhitespaceCell {
            offering: offering.into(),
            unit: unit.into(),
            state,
            potential,
            ..Default::default()
        };
        d.whitespace = vec![
            cell("Service", "Oslo", CellState::Opportunity, Some(100.0)),
            cell("Parts", "Oslo", CellState::Competitor, Some(50.0)),
            cell("Parts", "Oslo", CellState::InProgress, None),
            cell("Service", "Oslo", CellState::Bought, Some(999.0)),
            cell("Service", "Bergen", CellState::Opportunity, Some(70.0)),
            cell("Gone", "Oslo", CellState::Opportunity, Some(30.0)),
        ];
        assert_eq!(open_potential(&d), 150.0);
        assert!(!cell_is_open(CellState::NotRelevant) && !cell_is_open(CellState::Unknown));
    }

    #[test]
    fn a_credit_note_is_not_a_purchase() {
        let lines = monthly_totals(&[line(date(2026, 1, 10), 500.0), line(date(2026, 5, 2), -120.0)]);
        assert_eq!(last_purchase(&lines), Some(date(2026, 1, 10)));
        assert_eq!(lost_since(&lines, 6, date(2026, 7, 10)), None, "10 July is the last day before lost");
        assert_eq!(lost_since(&lines, 6, date(2026, 7, 11)), Some((date(2026, 1, 10), date(2026, 7, 11))));
    }

    #[test]
    fn lost_counts_calendar_months_and_zero_turns_it_off() {
        assert_eq!(lost_from(date(2026, 5, 24), 6), Some(date(2026, 11, 25)));
        assert_eq!(lost_from(date(2026, 8, 31), 6), Some(date(2027, 3, 1)), "end of month clamps to 28 February");
        assert_eq!(lost_from(date(2026, 5, 24), 0), None);
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let today = date(2026, 11, 24);
        let mut a = Action { due: Some(date(2026, 11, 23)), ..Default::default() };
        assert!(action_is_overdue(&a, today));
        a.due = Some(today);
        assert!(!action_is_overdue(&a, today), "due today is not overdue");
        a.due = Some(date(2026, 1, 1));
        a.status = ActionStatus::Done;
        assert!(!action_is_overdue(&a, today));
    }

    #[test]
    fn an_open_promise_past_its_day_is_overdue() {
        let today = date(2026, 11, 24);
        let mut p = Promise { due: Some(date(2026, 11, 23)), ..Default::default() };
        assert!(promise_is_open(&p) && promise_is_overdue(&p, today));
        p.due = Some(today);
        assert!(!promise_is_overdue(&p, today), "due today is not overdue");
        p.due = Some(date(2026, 1, 1));
        p.state = PromiseState::Missed;
        assert!(!promise_is_open(&p) && !promise_is_overdue(&p, today), "a missed promise is closed, not reminded");
        p.state = PromiseState::Open;
        p.due = None;
        assert!(!promise_is_overdue(&p, today));
    }

    #[test]
    fn a_proposal_follow_up_in_facts() {
        let today = date(2026, 11, 24);
        let mut p =
            Proposal { sent: Some(date(2026, 11, 20)), valid_until: Some(date(2026, 12, 31)), ..Default::default() };
        assert_eq!(
            proposal_state(&p, today),
            ProposalState::Open {
                sent: Some(date(2026, 11, 20)),
                receipt_call: Some(DayMark { day: date(2026, 11, 21), passed: true }),
                valid_until: Some(DayMark { day: date(2026, 12, 31), passed: false }),
                agreed: None,
            }
        );
        p.receipt_confirmed = true;
        p.agreed_date = Some(today);
        let ProposalState::Open { receipt_call, agreed, .. } = proposal_state(&p, today) else { panic!("open") };
        assert_eq!((receipt_call, agreed), (None, Some(DayMark { day: today, passed: false })), "today is not passed");
        p.outcome = Outcome::Won;
        assert_eq!(proposal_state(&p, today), ProposalState::Closed(Outcome::Won));
        let unsent = Proposal::default();
        assert!(matches!(proposal_state(&unsent, today), ProposalState::Open { sent: None, receipt_call: None, .. }));
    }

    #[test]
    fn tender_preparation_and_follow_up() {
        assert_eq!(tender_preparation_start(date(2027, 5, 31)), Some(date(2026, 8, 31)));
        assert_eq!(tender_preparation_start(date(2027, 11, 30)), Some(date(2027, 2, 28)));
        assert_eq!(proposal_follow_up(date(2026, 11, 24)), Some(date(2026, 11, 25)));
        let today = date(2026, 9, 1);
        assert_eq!(
            tender_preparation(date(2027, 5, 31), today),
            Some(DayMark { day: date(2026, 8, 31), passed: true })
        );
        assert_eq!(tender_preparation(date(2027, 6, 1), today), Some(DayMark { day: today, passed: false }));
    }

    #[test]
    fn segment_codes() {
        assert_eq!(segment_code(AbcClass::A, Some(XyzClass::X)), "AX");
        assert_eq!(segment_code(AbcClass::C, None), "C?");
    }
}
