//! Words for what happens after the deal: the after-sale lists (complaints, references, promises),
//! their counts and trend, the "at risk of loss" signal and its reasons, and the segmentation's
//! movement between two windows. The labels of the section's own forms are here too, so that the
//! whole area reads (and translates) in one place.

use crate::i18n::{tr, tr_args, tr_plural};
use kam_core::analysis::{Cell, ComplaintCounts, Direction, Movement, RiskReason, Trend};
use kam_core::model::{ComplaintKind, PromiseFunction, PromiseState, ReferenceKind, Severity};

use super::choices::Words;
use super::text::{and_list, or_default, plural};

impl Words for ComplaintKind {
    fn label(self) -> &'static str {
        match self {
            ComplaintKind::LateDelivery => tr("Late delivery"),
            ComplaintKind::Quality => tr("Quality"),
            ComplaintKind::Billing => tr("Billing"),
            ComplaintKind::LostBid => tr("Lost bid"),
            ComplaintKind::Conflict => tr("Conflict"),
            ComplaintKind::Other => tr("Other"),
        }
    }
}

impl Words for Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Low => tr("Low"),
            Severity::Medium => tr("Medium"),
            Severity::High => tr("High"),
        }
    }
}

impl Words for ReferenceKind {
    fn label(self) -> &'static str {
        match self {
            ReferenceKind::ReferenceLetter => tr("Reference letter"),
            ReferenceKind::Referral => tr("Referral"),
            ReferenceKind::CaseStudy => tr("Case study"),
        }
    }
}

impl Words for PromiseFunction {
    fn label(self) -> &'static str {
        match self {
            PromiseFunction::Operations => tr("Operations"),
            PromiseFunction::SupplyChain => tr("Supply chain"),
            PromiseFunction::Service => tr("Service"),
            PromiseFunction::Finance => tr("Finance"),
            PromiseFunction::Other => tr("Other"),
        }
    }
}

impl Words for PromiseState {
    fn label(self) -> &'static str {
        match self {
            PromiseState::Open => tr("Open"),
            PromiseState::Kept => tr("Kept"),
            PromiseState::Missed => tr("Missed"),
        }
    }
}

/// Headings, column titles, buttons and hints of the After-sale section.
pub mod form {
    pub const COMPLAINTS: &str = "Complaints and failures";
    pub const COMPLAINTS_HINT: &str =
        "Every complaint, late delivery, lost bid or conflict after the deal, and when it was resolved. Handle them fast.";
    pub const DATE: &str = "Date";
    pub const KIND: &str = "Kind";
    pub const SEVERITY: &str = "Severity";
    pub const WHAT_HAPPENED: &str = "What happened";
    pub const RESOLVED_ON: &str = "Resolved on";
    pub const ADD_COMPLAINT: &str = "Add complaint";
    pub const THE_COMPLAINT: &str = "the complaint";
    pub const PROMISES: &str = "Promises to the customer";
    pub const PROMISES_HINT: &str =
        "What we committed to, and who outside sales keeps it. Open promises come up in the reminders when due.";
    pub const PROMISE: &str = "Promise";
    pub const OWNER: &str = "Kept by";
    pub const FUNCTION: &str = "Function";
    pub const DUE: &str = "Due";
    pub const STATE: &str = "State";
    pub const CLOSED_ON: &str = "Kept or missed on";
    pub const ADD_PROMISE: &str = "Add promise";
    pub const THE_PROMISE: &str = "the promise";
    pub const REFERENCES: &str = "References and referrals";
    pub const REFERENCES_HINT: &str =
        "After a win, ask for a reference letter, a referral or a case study, and note when it came.";
    pub const ASKED_ON: &str = "Asked on";
    pub const FROM_WHOM: &str = "From whom";
    pub const RECEIVED_ON: &str = "Received on";
    pub const ADD_REFERENCE: &str = "Add reference";
    pub const THE_REFERENCE: &str = "the reference request";
    pub const REMOVE: &str = "Remove";
}

/// The complaints of an account in one line: "3 complaints, 1 open (1 of high severity); 2 in
/// the last 90 days against 0 before: rising."
pub fn complaint_summary(c: &ComplaintCounts, window_days: u64) -> String {
    if c.total == 0 {
        return tr("No complaints recorded.").into();
    }
    let open = match (c.open, c.open_high) {
        (0, _) => tr("none open").to_string(),
        (n, 0) => tr_args("{n} open", &[("n", &n)]),
        (n, h) => tr_args("{n} open ({h} of high severity)", &[("n", &n), ("h", &h)]),
    };
    let trend = match c.trend {
        Trend::Rising => tr("rising"),
        Trend::Falling => tr("falling"),
        Trend::Steady => tr("steady"),
    };
    tr_args(
        "{0}, {open}; {2} in the last {window_days} days against {4} before: {trend}.",
        &[
            ("0", &plural(c.total, "complaint", "complaints")),
            ("open", &open),
            ("2", &c.this_window),
            ("window_days", &window_days),
            ("4", &c.previous_window),
            ("trend", &trend),
        ],
    )
}

/// The at-risk badge's text.
pub const AT_RISK: &str = "At risk of loss";

/// One reason the account is at risk of loss.
pub fn risk_reason(r: &RiskReason) -> String {
    match r {
        RiskReason::RisingComplaints { this_window, previous_window, window_days } => tr_args("Complaints are rising: {this_window} in the last {window_days} days against {previous_window} in the {window_days} before.", &[("this_window", &this_window), ("window_days", &window_days), ("previous_window", &previous_window)]),
        RiskReason::UnresolvedHighComplaints { count, oldest } => {
            let since = oldest.map(|d| tr_args(", the oldest from {d}", &[("d", &d)])).unwrap_or_default();
            tr_plural(*count, "{n} complaint of high severity is unresolved{since}.", "{n} complaints of high severity are unresolved{since}.", &[("since", &since)])
        }
        RiskReason::MissedPromises { count } => {
            tr_plural(*count, "{n} promise to the customer was missed in the last year.", "{n} promises to the customer were missed in the last year.", &[])
        }
        RiskReason::NoRecentContact { last, days_ago } => {
            tr_args("No recorded contact since {last} ({days_ago} days).", &[("last", &last), ("days_ago", &days_ago)])
        }
        RiskReason::SalesFalling { change_pct } => {
            tr_args("Sales fell {0} % from the first half of the window to the second.", &[("0", &(format!("{:.0}", change_pct.abs())))])
        }
        RiskReason::NoPurchase { last_purchase, lost_from } => {
            tr_args("No purchase since {last_purchase}: counts as lost since {lost_from}.", &[("last_purchase", &last_purchase), ("lost_from", &lost_from)])
        }
    }
}

/// The reasons as one line for a list: "Complaints are rising … Sales fell 30 % …".
pub fn risk_reasons(reasons: &[RiskReason]) -> String {
    reasons.iter().map(risk_reason).collect::<Vec<_>>().join(" ")
}

/// A missed promise in a list: "\"Spare parts in 48 h\" (Logistics, supply chain, due 2026-11-10)".
pub fn missed_promise(text: &str, owner: &str, function: PromiseFunction, due: Option<chrono::NaiveDate>) -> String {
    let text = or_default(text, tr("(untitled promise)"));
    let owner = or_default(owner, tr("no owner named"));
    let due = due.map(|d| tr_args(", due {date}", &[("date", &crate::i18n::fmt::date(d))])).unwrap_or_default();
    format!("\"{text}\" ({owner}, {}{due})", function.label().to_lowercase())
}

/// An open complaint in a list: "quality of 2026-05-01: \"Cracked pallets\"".
pub fn open_complaint(kind: ComplaintKind, date: Option<chrono::NaiveDate>, text: &str) -> String {
    let when = date.map(|d| tr_args(" of {date}", &[("date", &crate::i18n::fmt::date(d))])).unwrap_or_default();
    let text = or_default(text, tr("(no description)"));
    format!("{}{when}: \"{text}\"", kind.label().to_lowercase())
}

/// The movement table's words.
pub mod movement {
    pub const TITLE: &str = "Movement since the window before";
    pub const FROM: &str = "From";
    pub const TO: &str = "To";
    pub const ACCOUNTS: &str = "Accounts";
    pub const NO_HISTORY: &str = "Import order lines to compare this window with the one before.";
    pub const NO_MOVES: &str = "No account changed cell between the two windows.";
    pub const HINT: &str =
        "How many accounts moved from each ABC–XYZ cell of the window before to each cell of this window, and which are new or gone.";
    pub const SHOW: &str = "Compare with the window before";
    pub const WHO: &str = "Which";
    pub const ROSE: &str = "↑ rose";
    pub const FELL: &str = "↓ fell";
    pub const STAYED: &str = "= stayed";
    pub const NEW: &str = "new in this window";
    pub const GONE: &str = "bought only in the window before";
}

/// The comparison's heading: "2024-01 – 2024-12 against 2025-01 – 2025-12".
pub fn movement_windows(before: &str, after: &str) -> String {
    format!("{before} → {after}")
}

/// "2 rose, 1 fell, 10 stayed in their cell; 3 new, 1 gone."
pub fn movement_summary(m: &Movement) -> String {
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("0", &m.rose()),
        ("1", &m.fell()),
        ("2", &m.stayed),
        ("4", &m.new_accounts.len()),
        ("5", &m.gone_accounts.len()),
    ];
    if m.stayed == 1 {
        tr_args("{0} rose, {1} fell, {2} stayed in its cell; {4} new, {5} gone.", &args)
    } else {
        tr_args("{0} rose, {1} fell, {2} stayed in their cell; {4} new, {5} gone.", &args)
    }
}

/// A cell as a heading: "AX", "A?" for an ABC class without XYZ, "—" for no cell (an account
/// new in this window, or gone from it).
pub fn cell(c: Option<Cell>) -> String {
    c.map_or_else(|| "—".to_string(), |c| c.code())
}

/// The direction of a row of the table, in words and as a CSS class.
pub fn direction(d: Direction) -> (&'static str, &'static str) {
    match d {
        Direction::New => (tr(movement::NEW), "new"),
        Direction::Gone => (tr(movement::GONE), "gone"),
        Direction::Rose => (tr(movement::ROSE), "rose"),
        Direction::Fell => (tr(movement::FELL), "fell"),
        Direction::Stayed => (tr(movement::STAYED), "stayed"),
    }
}

/// Names of accounts, shortened after `max`: "Acme, Nordhavn and 3 more".
pub fn account_names(names: &[&str], max: usize) -> String {
    if names.len() <= max {
        return and_list(names);
    }
    let mut shown: Vec<String> = names[..max].iter().map(|n| n.to_string()).collect();
    shown.push(tr_args("{n} more", &[("n", &(names.len() - max))]));
    and_list(&shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn every_choice_has_a_label() {
        fn labelled<C: Words>() {
            for c in C::all() {
                assert!(!c.label().is_empty(), "{}", c.id());
            }
        }
        labelled::<ComplaintKind>();
        labelled::<Severity>();
        labelled::<ReferenceKind>();
        labelled::<PromiseFunction>();
        labelled::<PromiseState>();
        assert_eq!(PromiseFunction::SupplyChain.label(), "Supply chain");
    }

    #[test]
    fn risk_reasons_in_english() {
        assert_eq!(
            risk_reason(&RiskReason::RisingComplaints { this_window: 3, previous_window: 1, window_days: 90 }),
            "Complaints are rising: 3 in the last 90 days against 1 in the 90 before."
        );
        assert_eq!(
            risk_reason(&RiskReason::UnresolvedHighComplaints { count: 1, oldest: Some(date(2026, 5, 1)) }),
            "1 complaint of high severity is unresolved, the oldest from 2026-05-01."
        );
        assert_eq!(
            risk_reason(&RiskReason::MissedPromises { count: 2 }),
            "2 promises to the customer were missed in the last year."
        );
        assert_eq!(
            risk_reason(&RiskReason::SalesFalling { change_pct: -31.6 }),
            "Sales fell 32 % from the first half of the window to the second."
        );
    }

    #[test]
    fn complaint_summary_in_english() {
        let c = ComplaintCounts {
            total: 3,
            open: 2,
            open_high: 1,
            this_window: 2,
            previous_window: 0,
            trend: Trend::Rising,
        };
        assert_eq!(
            complaint_summary(&c, 90),
            "3 complaints, 2 open (1 of high severity); 2 in the last 90 days against 0 before: rising."
        );
        let none = ComplaintCounts {
            total: 0,
            open: 0,
            open_high: 0,
            this_window: 0,
            previous_window: 0,
            trend: Trend::Steady,
        };
        assert_eq!(complaint_summary(&none, 90), "No complaints recorded.");
    }

    #[test]
    fn movement_in_english() {
        use kam_core::analysis::{AbcClass, XyzClass};
        let ax = Cell { abc: AbcClass::A, xyz: Some(XyzClass::X) };
        let b_ = Cell { abc: AbcClass::B, xyz: None };
        assert_eq!((cell(Some(ax)), cell(Some(b_)), cell(None)), ("AX".to_string(), "B?".to_string(), "—".to_string()));
        let words = |from, to| direction(Direction::of(from, to)).0;
        assert_eq!(
            (words(Some(ax), Some(b_)), words(Some(b_), Some(ax)), words(Some(ax), Some(ax))),
            ("↓ fell", "↑ rose", "= stayed")
        );
        assert_eq!(
            (words(None, Some(ax)), words(Some(ax), None)),
            ("new in this window", "bought only in the window before")
        );
        let m =
            Movement { table: [[0; 12]; 12], moves: vec![], stayed: 1, new_accounts: vec![], gone_accounts: vec![] };
        assert_eq!(movement_summary(&m), "0 rose, 0 fell, 1 stayed in its cell; 0 new, 0 gone.");
    }

    #[test]
    fn promises_and_complaints_in_lists() {
        assert_eq!(
            missed_promise(
                " Spare parts in 48 h ",
                "Logistics",
                PromiseFunction::SupplyChain,
                Some(date(2026, 11, 10))
            ),
            "\"Spare parts in 48 h\" (Logistics, supply chain, due 2026-11-10)"
        );
        assert_eq!(open_complaint(ComplaintKind::Quality, None, ""), "quality: \"(no description)\"");
        assert_eq!(account_names(&["A", "B", "C"], 2), "A, B and 1 more");
    }
}
