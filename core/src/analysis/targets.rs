//! Targets against actuals per key account and calendar year (issue 16 point 3b; docs/model.md
//! §10.1): revenue and profit summed from the order history, share of wallet as the year's
//! revenue over the customer's yearly spend, and lifetime value as the metrics' formula gives it
//! for the year's margin. Success in KAM "is measured in years": every year with a target or with
//! orders is a row, oldest first.
//!
//! The current year is not over: its revenue and profit are the year to date (the months up to
//! and including this one: the history is kept as monthly totals), compared with the
//! share of the target the elapsed days call for; its share of wallet and lifetime value are read
//! from the year to date scaled to a whole year.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

use super::qualification::{clv, metrics_problems};
use crate::model::{Dossier, MonthTotal};

/// The four measures a target can set, in the order the dossier shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TargetMeasure {
    Revenue,
    Profit,
    WalletShare,
    LifetimeValue,
}

impl TargetMeasure {
    pub const ALL: [TargetMeasure; 4] =
        [TargetMeasure::Revenue, TargetMeasure::Profit, TargetMeasure::WalletShare, TargetMeasure::LifetimeValue];

    /// Whether the measure adds up over the year (the year to date is then a part of it).
    pub fn is_sum(self) -> bool {
        matches!(self, TargetMeasure::Revenue | TargetMeasure::Profit)
    }
}

/// One measure of one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MeasureResult {
    pub measure: TargetMeasure,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// What the target asks for by today: the whole target for a past year, the elapsed days'
    /// share of it for a sum in the current year.
    pub due_by_now: Option<f64>,
    /// Actual ÷ due by now, in percent; `None` without both or for a target of zero or less.
    pub attained_pct: Option<f64>,
}

impl MeasureResult {
    /// Reached (attainment of 100 % or more) or not; `None` when it cannot be told.
    pub fn reached(&self) -> Option<bool> {
        self.attained_pct.map(|p| p >= 100.0)
    }
}

/// One calendar year's targets and actuals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetYear {
    pub year: i32,
    /// The index in `Dossier::targets` of the year's target, if one is set.
    pub target: Option<usize>,
    /// The current year: actuals are the year to date.
    pub to_date: bool,
    /// A year after today's: nothing can have happened yet.
    pub future: bool,
    pub measures: [MeasureResult; 4],
}

impl TargetYear {
    pub fn measure(&self, m: TargetMeasure) -> &MeasureResult {
        &self.measures[TargetMeasure::ALL.iter().position(|x| *x == m).unwrap_or(0)]
    }
}

/// Sums of one calendar year's order lines.
#[derive(Default, Clone, Copy)]
struct YearSums {
    revenue: f64,
    profit: Option<f64>,
}

/// Every year with a target or with order lines, oldest first, with its actuals (see the
/// module's rules). The first target for a year is the year's (the editor keeps one per year).
pub fn targets_against_actuals(d: &Dossier, months: &[MonthTotal], today: NaiveDate) -> Vec<TargetYear> {
    let mut sums: BTreeMap<i32, YearSums> = BTreeMap::new();
    let this_month = today.year() * 12 + today.month0() as i32;
    for l in months.iter().filter(|m| m.index() <= this_month) {
        let s = sums.entry(l.year).or_default();
        s.revenue += l.revenue;
        if let Some(p) = l.profit {
            s.profit = Some(s.profit.unwrap_or(0.0) + p);
        }
    }
    let mut years: BTreeMap<i32, Option<usize>> = sums.keys().map(|y| (*y, None)).collect();
    for (i, t) in d.targets.iter().enumerate() {
        if let Some(y) = t.year {
            let slot = years.entry(y).or_insert(None);
            slot.get_or_insert(i);
        }
    }
    let metrics_valid = metrics_problems(d).is_empty();
    let m = &d.metrics;
    years
        .into_iter()
        .map(|(year, target)| {
            let future = year > today.year();
            let to_date = year == today.year();
            let elapsed = if to_date { elapsed_share(today) } else { 1.0 };
            let s = if future { None } else { Some(sums.get(&year).copied().unwrap_or_default()) };
            // Ratios read a whole year: the year to date scaled up.
            let yearly = |v: f64| v / elapsed;
            let revenue = s.map(|s| s.revenue);
            let profit = s.and_then(|s| s.profit);
            let wallet_share = match (revenue, m.wallet) {
                (Some(r), Some(w)) if w > 0.0 => Some(yearly(r) / w * 100.0),
                _ => None,
            };
            let margin = match m.yearly_margin {
                Some(v) => Some(v),
                None => profit.map(|p| yearly(p) - m.cost_to_serve.unwrap_or(0.0)),
            };
            let lifetime = margin
                .filter(|_| metrics_valid && !future)
                .map(|mg| clv(mg, m.retention_pct, m.discount_pct, m.horizon_years));
            let t = target.and_then(|i| d.targets.get(i));
            let actuals = [revenue, profit, wallet_share, lifetime];
            let targets = [
                t.and_then(|t| t.revenue),
                t.and_then(|t| t.profit),
                t.and_then(|t| t.wallet_share_pct),
                t.and_then(|t| t.lifetime_value),
            ];
            let measures = std::array::from_fn(|k| {
                let measure = TargetMeasure::ALL[k];
                let due_by_now = targets[k].filter(|_| !future).map(|t| if measure.is_sum() { t * elapsed } else { t });
                let attained_pct = match (actuals[k], due_by_now) {
                    (Some(a), Some(due)) if due > 0.0 => Some(a / due * 100.0),
                    _ => None,
                };
                MeasureResult { measure, target: targets[k], actual: actuals[k], due_by_now, attained_pct }
            });
            TargetYear { year, target, to_date, future, measures }
        })
        .collect()
}

/// The share of the calendar year that has passed by the end of `today`, in (0, 1].
fn elapsed_share(today: NaiveDate) -> f64 {
    let days_in_year = if NaiveDate::from_ymd_opt(today.year(), 2, 29).is_some() { 366.0 } else { 365.0 };
    f64::from(today.ordinal()) / days_in_year
}

/// The year a new target is for: the first year from today's without one.
pub fn next_target_year(d: &Dossier, today: NaiveDate) -> i32 {
    let mut year = today.year();
    while d.targets.iter().any(|t| t.year == Some(year)) {
        year += 1;
    }
    year
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{monthly_totals, Metrics, OrderLine, Target};
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn line(date: NaiveDate, revenue: f64, profit: Option<f64>) -> MonthTotal {
        MonthTotal::of_line(&OrderLine { date, revenue, profit })
    }

    fn dossier(targets: Vec<Target>) -> Dossier {
        Dossier {
            account_id: "a".into(),
            targets,
            metrics: Metrics { wallet: Some(1_000_000.0), ..Metrics::default() },
            ..Dossier::default()
        }
    }

    #[test]
    fn a_past_year_is_compared_whole_and_the_current_one_to_date() {
        let d = dossier(vec![
            Target {
                id: "t1".into(),
                year: Some(2025),
                revenue: Some(400_000.0),
                profit: Some(50_000.0),
                ..Default::default()
            },
            Target {
                id: "t2".into(),
                year: Some(2026),
                revenue: Some(730_000.0),
                wallet_share_pct: Some(50.0),
                ..Default::default()
            },
        ]);
        let lines = [
            line(day(2025, 3, 1), 300_000.0, Some(40_000.0)),
            line(day(2025, 9, 1), 150_000.0, Some(20_000.0)),
            line(day(2026, 1, 10), 200_000.0, None),
        ];
        // 2026-07-02 is day 183 of 365.
        let rows = targets_against_actuals(&d, &lines, day(2026, 7, 2));
        assert_eq!(rows.iter().map(|r| r.year).collect::<Vec<_>>(), vec![2025, 2026]);
        let past = rows[0].measure(TargetMeasure::Revenue);
        assert_eq!((past.actual, past.due_by_now), (Some(450_000.0), Some(400_000.0)));
        assert_eq!(past.attained_pct, Some(112.5));
        assert_eq!(past.reached(), Some(true));
        assert_eq!(rows[0].measure(TargetMeasure::Profit).attained_pct, Some(120.0));
        let now = &rows[1];
        assert!(now.to_date && !now.future);
        let r = now.measure(TargetMeasure::Revenue);
        assert!((r.due_by_now.unwrap() - 366_000.0).abs() < 1e-6, "183 of 365 days of 730,000");
        assert!((r.attained_pct.unwrap() - 200_000.0 / (730_000.0 * 183.0 / 365.0) * 100.0).abs() < 1e-9);
        // Share of wallet reads the year to date scaled to a year: 200,000 × 365 / 183 of 1,000,000.
        let w = now.measure(TargetMeasure::WalletShare);
        assert!((w.actual.unwrap() - 200_000.0 * 365.0 / 183.0 / 1e4).abs() < 1e-9);
        assert_eq!(w.due_by_now, Some(50.0));
        assert_eq!(now.measure(TargetMeasure::Profit).actual, None, "no line of 2026 has a profit");
    }

    #[test]
    fn a_future_year_has_targets_and_no_actuals() {
        let d = dossier(vec![Target { id: "t".into(), year: Some(2028), revenue: Some(1.0), ..Default::default() }]);
        let rows = targets_against_actuals(&d, &[line(day(2026, 1, 1), 5.0, Some(1.0))], day(2026, 6, 1));
        let future = rows.iter().find(|r| r.year == 2028).unwrap();
        assert!(future.future);
        assert!(future.measures.iter().all(|m| m.actual.is_none() && m.attained_pct.is_none()));
        assert_eq!(future.measure(TargetMeasure::Revenue).target, Some(1.0));
        // Years with orders are rows too, without targets.
        assert!(rows.iter().any(|r| r.year == 2026 && r.target.is_none()));
    }

    #[test]
    fn lifetime_value_follows_the_metrics_formula_for_the_years_margin() {
        let mut d = dossier(vec![Target {
            id: "t".into(),
            year: Some(2025),
            lifetime_value: Some(100.0),
            ..Default::default()
        }]);
        d.metrics.cost_to_serve = Some(10_000.0);
        let rows = targets_against_actuals(&d, &[line(day(2025, 5, 5), 90_000.0, Some(30_000.0))], day(2026, 2, 1));
        let m = &d.metrics;
        assert_eq!(
            rows[0].measure(TargetMeasure::LifetimeValue).actual,
            Some(clv(20_000.0, m.retention_pct, m.discount_pct, m.horizon_years))
        );
        d.metrics.horizon_years = 0;
        let rows = targets_against_actuals(&d, &[line(day(2025, 5, 5), 90_000.0, Some(30_000.0))], day(2026, 2, 1));
        assert_eq!(rows[0].measure(TargetMeasure::LifetimeValue).actual, None, "invalid metrics give no value");
    }

    #[test]
    fn the_next_target_is_for_the_first_year_without_one() {
        let d = dossier(vec![
            Target { year: Some(2026), ..Default::default() },
            Target { year: Some(2027), ..Default::default() },
        ]);
        assert_eq!(next_target_year(&d, day(2026, 3, 1)), 2028);
        assert_eq!(next_target_year(&dossier(vec![]), day(2026, 3, 1)), 2026);
    }

    proptest! {
        /// The revenue of every past year is the sum of its lines, whatever the order of the lines,
        /// and the years are those of the lines and targets, each once, in order.
        #[test]
        fn past_revenue_is_the_sum_of_the_years_lines(
            lines in prop::collection::vec((2020i32..2026, 1u32..=365, 0.0f64..1e6), 0..60),
            target_years in prop::collection::vec(2018i32..2030, 0..5),
        ) {
            let lines: Vec<OrderLine> = lines.iter().map(|&(y, o, r)| OrderLine { date: NaiveDate::from_yo_opt(y, o).unwrap(), revenue: r, profit: None }).collect();
            let d = dossier(target_years.iter().map(|y| Target { year: Some(*y), revenue: Some(1.0), ..Default::default() }).collect());
            let today = day(2026, 6, 30);
            let rows = targets_against_actuals(&d, &monthly_totals(&lines), today);
            let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
            let mut expected: Vec<i32> = lines.iter().map(|l| l.date.year()).chain(target_years.iter().copied()).collect();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(years, expected);
            for r in rows.iter().filter(|r| r.year < 2026) {
                let sum: f64 = lines.iter().filter(|l| l.date.year() == r.year).map(|l| l.revenue).sum();
                let actual = r.measure(TargetMeasure::Revenue).actual.unwrap();
                prop_assert!((actual - sum).abs() <= 1e-6 * sum.max(1.0));
            }
        }
    }
}
