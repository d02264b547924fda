use chrono::{Datelike, NaiveDate};

use crate::model::{Account, MonthTotal, SegmentationSettings};

use super::SegmentInput;

/// Months since year 0, so that month arithmetic is integer arithmetic.
pub fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// "2025-03" for a month index.
pub fn month_label(index: i32) -> String {
    format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
}

/// The analysis window: `periods` consecutive periods of `period_months` months, the last one
/// ending with the month `last_month`. Periods are counted back from the window's end, so with
/// quarters and a window ending in May the periods are Jun–Aug, Sep–Nov, Dec–Feb, Mar–May.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub last_month: i32,
    pub period_months: u32,
    pub periods: usize,
}

impl Window {
    /// The window the settings describe, anchored on `latest` (the latest order date) unless the
    /// settings fix an end. `None` when there is nothing to anchor on.
    pub fn from_settings(settings: &SegmentationSettings, latest: Option<NaiveDate>) -> Option<Window> {
        let end = settings.window_end.or(latest)?;
        let period_months = settings.period.months();
        let periods = (settings.window_months / period_months).max(1) as usize;
        Some(Window { last_month: month_index(end), period_months, periods })
    }

    pub fn first_month(&self) -> i32 {
        self.last_month - (self.periods as i32 * self.period_months as i32) + 1
    }

    /// The period a month falls in, or `None` outside the window.
    pub fn period_of(&self, month: i32) -> Option<usize> {
        if month < self.first_month() || month > self.last_month {
            return None;
        }
        Some(((month - self.first_month()) / self.period_months as i32) as usize)
    }

    /// A human label such as "2024-06 – 2025-05".
    pub fn label(&self) -> String {
        format!("{} – {}", month_label(self.first_month()), month_label(self.last_month))
    }
}

/// Turns accounts and their order lines into per-period sums inside the window: the only shape
/// the segmentation needs. Accounts without lines are included with empty series (they are C and
/// unclassified), so that every account of the portfolio is shown.
pub fn build_inputs<'a>(
    accounts: &'a [Account],
    history: impl Fn(&str) -> Option<&'a [MonthTotal]>,
    window: &Window,
) -> Vec<SegmentInput> {
    accounts
        .iter()
        .map(|account| {
            let mut revenue = vec![0.0; window.periods];
            let mut profit = vec![0.0; window.periods];
            let mut has_profit = false;
            let mut first_purchase: Option<i32> = None;
            for total in history(&account.id).unwrap_or(&[]) {
                let month = total.index();
                if total.last_purchase.is_some() {
                    first_purchase = Some(first_purchase.map_or(month, |m| m.min(month)));
                }
                has_profit |= total.profit.is_some();
                if let Some(p) = window.period_of(month) {
                    revenue[p] += total.revenue;
                    profit[p] += total.profit.unwrap_or(0.0);
                }
            }
            let first_period = match first_purchase {
                Some(m) if m >= window.first_month() => window.period_of(m).unwrap_or(window.periods),
                _ => 0,
            };
            SegmentInput {
                id: account.id.as_str().into(),
                name: account.name.as_str().into(),
                is_key: account.is_key,
                revenue,
                profit,
                has_profit,
                first_period,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{monthly_totals, OrderLine, PeriodLength};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn default_window_is_twelve_months_ending_with_latest_month() {
        let w = Window::from_settings(&SegmentationSettings::default(), Some(d(2025, 5, 17))).unwrap();
        assert_eq!(w.label(), "2024-06 – 2025-05");
        assert_eq!(w.period_of(month_index(d(2024, 6, 1))), Some(0));
        assert_eq!(w.period_of(month_index(d(2025, 5, 31))), Some(11));
        assert_eq!(w.period_of(month_index(d(2024, 5, 31))), None);
        assert_eq!(w.period_of(month_index(d(2025, 6, 1))), None);
    }

    #[test]
    fn quarters_are_counted_back_from_the_end() {
        let s = SegmentationSettings { period: PeriodLength::Quarter, ..Default::default() };
        let w = Window::from_settings(&s, Some(d(2025, 5, 2))).unwrap();
        assert_eq!(w.periods, 4);
        assert_eq!(w.period_of(month_index(d(2024, 8, 31))), Some(0));
        assert_eq!(w.period_of(month_index(d(2024, 9, 1))), Some(1));
        assert_eq!(w.period_of(month_index(d(2025, 3, 1))), Some(3));
    }

    #[test]
    fn no_data_no_window() {
        assert!(Window::from_settings(&SegmentationSettings::default(), None).is_none());
    }

    #[test]
    fn first_purchase_inside_window_sets_first_period() {
        let w = Window { last_month: month_index(d(2025, 12, 1)), period_months: 1, periods: 12 };
        let accounts = vec![Account::new("New"), Account::new("Old")];
        let new_lines = monthly_totals(&[OrderLine { date: d(2025, 9, 3), revenue: 10.0, profit: None }]);
        let old_lines = monthly_totals(&[
            OrderLine { date: d(2023, 1, 3), revenue: 5.0, profit: Some(1.0) },
            OrderLine { date: d(2025, 2, 3), revenue: 5.0, profit: Some(1.0) },
        ]);
        let inputs =
            build_inputs(&accounts, |id| if id == "new" { Some(&new_lines[..]) } else { Some(&old_lines[..]) }, &w);
        assert_eq!(inputs[0].first_period, 8);
        assert!(!inputs[0].has_profit);
        assert_eq!(inputs[1].first_period, 0);
        assert_eq!(inputs[1].revenue[1], 5.0);
        assert_eq!(inputs[1].revenue.iter().sum::<f64>(), 5.0);
    }
}
