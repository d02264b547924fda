//! An account's order history as the model uses it: per calendar month, how many order lines,
//! their revenue and profit, and the last day of the month something was bought.
//!
//! The segmentation, the dossier's timeline and metrics, targets against actuals and the "lost"
//! rule read nothing finer, so this is what the store and the file keep (issue 14, point 8): a
//! million imported order lines become one total per account and month. The day of the last
//! purchase is kept so that "lost after N months" still counts from the day, not the month.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::OrderLine;

/// The order lines of one account in one calendar month, added up.
///
/// It also reads as an order line (`date`, `revenue`, `profit`), the month of that line alone:
/// histories kept by a build before monthly totals (store records, snapshots) read as lists of
/// such one-line months, which [`normalise_months`] (run by every way into a workspace) adds up.
/// One deserialiser for both shapes keeps the wasm small.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "MonthOrLine")]
pub struct MonthTotal {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// How many order lines (credit notes included).
    pub lines: u32,
    /// Their revenue, credit notes included, as the export has them.
    pub revenue: f64,
    /// Their profit, when at least one line had one (a line without counts as 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profit: Option<f64>,
    /// The day of the month of the last line with positive revenue: the last purchase. `None`
    /// when the month holds only credit notes (or zero lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_purchase: Option<u32>,
}

/// What a history's element is read as: a monthly total, or an order line of an earlier build.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthOrLine {
    #[serde(default)]
    year: i32,
    #[serde(default)]
    month: u32,
    #[serde(default)]
    lines: u32,
    revenue: f64,
    #[serde(default)]
    profit: Option<f64>,
    #[serde(default)]
    last_purchase: Option<u32>,
    #[serde(default)]
    date: Option<NaiveDate>,
}

impl From<MonthOrLine> for MonthTotal {
    /// A month without `year` and `month` reads as month 0, which [`MonthTotal::is_valid`]
    /// refuses.
    fn from(m: MonthOrLine) -> MonthTotal {
        match m.date {
            Some(date) => MonthTotal::of_line(&OrderLine { date, revenue: m.revenue, profit: m.profit }),
            None => MonthTotal {
                year: m.year,
                month: m.month,
                lines: m.lines,
                revenue: m.revenue,
                profit: m.profit,
                last_purchase: m.last_purchase,
            },
        }
    }
}

impl MonthTotal {
    /// The month of `line`, holding that line alone.
    pub fn of_line(line: &OrderLine) -> MonthTotal {
        let mut m = MonthTotal {
            year: line.date.year(),
            month: line.date.month(),
            lines: 0,
            revenue: 0.0,
            profit: None,
            last_purchase: None,
        };
        m.add(line);
        m
    }

    /// Months counted from year 0 (`year * 12 + month - 1`), the index the segmentation's
    /// window uses.
    pub fn index(&self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    /// Adds a line of this month.
    pub fn add(&mut self, line: &OrderLine) {
        debug_assert_eq!((line.date.year(), line.date.month()), (self.year, self.month));
        self.lines += 1;
        self.revenue += line.revenue;
        if let Some(p) = line.profit {
            self.profit = Some(self.profit.unwrap_or(0.0) + p);
        }
        if line.revenue > 0.0 {
            let day = line.date.day();
            self.last_purchase = Some(self.last_purchase.map_or(day, |d| d.max(day)));
        }
    }

    /// Adds another total of the same month.
    pub fn absorb(&mut self, other: &MonthTotal) {
        self.lines += other.lines;
        self.revenue += other.revenue;
        if let Some(p) = other.profit {
            self.profit = Some(self.profit.unwrap_or(0.0) + p);
        }
        if other.last_purchase.is_some() {
            self.last_purchase = self.last_purchase.max(other.last_purchase);
        }
    }

    /// The first day of the month (`None` only for a month that is no calendar month).
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The day of the last purchase in this month, if there was one.
    pub fn last_purchase_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.last_purchase?)
    }

    /// Whether this is a total that a file or a record may hold: a calendar month, finite
    /// amounts, a last purchase on a day of that month.
    pub fn is_valid(&self) -> bool {
        self.first_day().is_some()
            && self.revenue.is_finite()
            && self.profit.is_none_or(f64::is_finite)
            && (self.last_purchase.is_none() || self.last_purchase_date().is_some())
    }
}

/// Order lines (in any order) as monthly totals, oldest month first.
pub fn monthly_totals(lines: &[OrderLine]) -> Vec<MonthTotal> {
    let mut months = Vec::new();
    for line in lines {
        add_line(&mut months, line);
    }
    months
}

/// Adds `line` to `months`, which are in month order, one total per month: the import's
/// accumulator. A file sorted by date (or by customer, then date) always adds to the last month
/// or after it, so that case is checked first.
pub fn add_line(months: &mut Vec<MonthTotal>, line: &OrderLine) {
    let index = line.date.year() * 12 + line.date.month0() as i32;
    match months.last_mut() {
        Some(last) if last.index() == index => return last.add(line),
        Some(last) if last.index() > index => {}
        _ => return months.push(MonthTotal::of_line(line)),
    }
    match months.binary_search_by_key(&index, MonthTotal::index) {
        Ok(at) => months[at].add(line),
        Err(at) => months.insert(at, MonthTotal::of_line(line)),
    }
}

/// Puts totals in month order, one per month (two of one month are added up).
pub fn normalise_months(months: &mut Vec<MonthTotal>) {
    if months.windows(2).all(|w| w[0].index() < w[1].index()) {
        return;
    }
    months.sort_by_key(MonthTotal::index);
    let mut out: Vec<MonthTotal> = Vec::with_capacity(months.len());
    for m in months.drain(..) {
        match out.last_mut() {
            Some(last) if last.index() == m.index() => last.absorb(&m),
            _ => out.push(m),
        }
    }
    *months = out;
}

/// How many order lines the totals hold.
pub fn line_count(months: &[MonthTotal]) -> usize {
    months.iter().map(|m| m.lines as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn line(y: i32, m: u32, d: u32, revenue: f64, profit: Option<f64>) -> OrderLine {
        OrderLine { date: NaiveDate::from_ymd_opt(y, m, d).unwrap(), revenue, profit }
    }

    #[test]
    fn a_month_adds_its_lines_and_keeps_the_day_of_the_last_purchase() {
        let months = monthly_totals(&[
            line(2026, 3, 20, 100.0, Some(10.0)),
            line(2026, 3, 28, -40.0, None),
            line(2026, 3, 2, 5.0, Some(1.0)),
            line(2026, 1, 9, -3.0, None),
        ]);
        assert_eq!(
            months,
            vec![
                MonthTotal { year: 2026, month: 1, lines: 1, revenue: -3.0, profit: None, last_purchase: None },
                MonthTotal {
                    year: 2026,
                    month: 3,
                    lines: 3,
                    revenue: 65.0,
                    profit: Some(11.0),
                    last_purchase: Some(20)
                },
            ]
        );
        assert_eq!(months[1].last_purchase_date(), NaiveDate::from_ymd_opt(2026, 3, 20));
        assert_eq!(line_count(&months), 4);
    }

    #[test]
    fn a_total_that_names_no_day_of_its_month_is_not_valid() {
        let mut m = MonthTotal::of_line(&line(2026, 2, 3, 1.0, None));
        assert!(m.is_valid());
        m.last_purchase = Some(30);
        assert!(!m.is_valid(), "30 February");
        m.last_purchase = None;
        m.month = 13;
        assert!(!m.is_valid());
        m.month = 2;
        m.revenue = f64::INFINITY;
        assert!(!m.is_valid());
    }

    #[test]
    fn an_order_line_of_an_earlier_build_reads_as_its_month() {
        let read: Vec<MonthTotal> = serde_json::from_str(
            r#"[{"date":"2026-03-20","revenue":100.0,"profit":10.0},{"date":"2026-03-02","revenue":-4.0},
                {"year":2026,"month":3,"lines":2,"revenue":6.0,"last_purchase":9}]"#,
        )
        .unwrap();
        let mut months = read.clone();
        normalise_months(&mut months);
        assert_eq!(
            months,
            vec![MonthTotal {
                year: 2026,
                month: 3,
                lines: 4,
                revenue: 102.0,
                profit: Some(10.0),
                last_purchase: Some(20)
            }]
        );
        let text = serde_json::to_string(&months).unwrap();
        assert_eq!(text, r#"[{"year":2026,"month":3,"lines":4,"revenue":102.0,"profit":10.0,"last_purchase":20}]"#);
        let incomplete: Vec<MonthTotal> = serde_json::from_str(r#"[{"revenue":1.0}]"#).unwrap();
        assert!(!incomplete[0].is_valid(), "neither a month nor a line");
        assert!(serde_json::from_str::<Vec<MonthTotal>>(r#"[{"revenue":1.0,"colour":"red"}]"#).is_err());
    }

    proptest! {
        /// Whatever the order of the lines, the totals are those of each month's lines, in
        /// month order; normalising split totals gives the same.
        #[test]
        fn totals_are_the_sums_of_each_months_lines(
            raw in prop::collection::vec((0u32..40, 1u32..29, -50i32..200, prop::option::of(-20i32..50)), 0..60),
            cut in 0usize..60,
        ) {
            let lines: Vec<OrderLine> = raw
                .iter()
                .map(|&(m, d, r, p)| line(2024 + (m / 12) as i32, m % 12 + 1, d, f64::from(r), p.map(f64::from)))
                .collect();
            let months = monthly_totals(&lines);
            prop_assert!(months.windows(2).all(|w| w[0].index() < w[1].index()));
            prop_assert_eq!(line_count(&months), lines.len());
            for m in &months {
                let of: Vec<&OrderLine> =
                    lines.iter().filter(|l| (l.date.year(), l.date.month()) == (m.year, m.month)).collect();
                prop_assert_eq!(m.lines as usize, of.len());
                prop_assert_eq!(m.revenue, of.iter().map(|l| l.revenue).sum::<f64>());
                let profit = of.iter().any(|l| l.profit.is_some()).then(|| of.iter().filter_map(|l| l.profit).sum::<f64>());
                prop_assert_eq!(m.profit, profit);
                prop_assert_eq!(m.last_purchase, of.iter().filter(|l| l.revenue > 0.0).map(|l| l.date.day()).max());
            }
            let cut = cut.min(lines.len());
            let mut split = monthly_totals(&lines[cut..]);
            split.extend(monthly_totals(&lines[..cut]));
            normalise_months(&mut split);
            prop_assert_eq!(split, months);
        }
    }
}
