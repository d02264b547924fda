//! Words for targets against actuals per calendar year (the dossier's Metrics section): the
//! form's labels, each measure's name and how a year's result reads.

use crate::i18n::{tr, tr_args};
use crate::ui::format::{money, percent};
use kam_core::analysis::{MeasureResult, TargetMeasure, TargetYear};

pub const TITLE: &str = "Targets and actuals per year";
pub const HINT: &str = "Set what the account should bring each year; the actuals come from the order history. The current year is compared with the share of the target its days so far call for.";
pub const YEAR: &str = "Year";
pub const REVENUE: &str = "Revenue";
pub const PROFIT: &str = "Profit";
pub const WALLET_SHARE: &str = "Share of wallet, %";
pub const LIFETIME_VALUE: &str = "Lifetime value";
pub const ADD_TARGET: &str = "Add target";
pub const THE_TARGET: &str = "the target";
pub const TARGETS: &str = "Targets";
pub const AGAINST: &str = "Against the targets";
pub const NONE_YET: &str = "No targets and no orders yet.";
pub const TO_DATE: &str = "(to date)";
pub const LEGEND: &str =
    "Dashed: the revenue target. Filled: the actual, green when the target is reached, red when short.";
pub const FUTURE: &str = "(ahead)";

pub fn measure_label(m: TargetMeasure) -> &'static str {
    match m {
        TargetMeasure::Revenue => tr(REVENUE),
        TargetMeasure::Profit => tr(PROFIT),
        TargetMeasure::WalletShare => tr(WALLET_SHARE),
        TargetMeasure::LifetimeValue => tr(LIFETIME_VALUE),
    }
}

fn value(m: TargetMeasure, v: f64) -> String {
    match m {
        TargetMeasure::WalletShare => percent(v),
        _ => money(v),
    }
}

/// One measure of one year as the table reads it: "450,000 of 400,000 (113 %)", the actual
/// alone without a target, the target alone before anything happened, or "—".
pub fn measure_result(r: &MeasureResult) -> String {
    let m = r.measure;
    match (r.actual, r.due_by_now.or(r.target), r.attained_pct) {
        (Some(a), Some(t), Some(p)) => tr_args(
            "{actual} of {target} ({pct})",
            &[("actual", &value(m, a)), ("target", &value(m, t)), ("pct", &percent(p))],
        ),
        (Some(a), _, _) => value(m, a),
        (None, Some(t), _) => tr_args("target {target}", &[("target", &value(m, t))]),
        (None, None, _) => "—".into(),
    }
}

/// The year as its row heads it: "2026 (to date)".
pub fn year_label(y: &TargetYear) -> String {
    match (y.to_date, y.future) {
        (true, _) => format!("{} {}", y.year, tr(TO_DATE)),
        (_, true) => format!("{} {}", y.year, tr(FUTURE)),
        _ => y.year.to_string(),
    }
}

/// What the revenue chart shows, for screen readers and as its caption.
pub fn revenue_summary(years: &[TargetYear]) -> String {
    let parts: Vec<String> = years
        .iter()
        .map(|y| format!("{}: {}", year_label(y), measure_result(y.measure(TargetMeasure::Revenue))))
        .collect();
    tr_args("Revenue against target per year. {years}", &[("years", &parts.join("; "))])
}
