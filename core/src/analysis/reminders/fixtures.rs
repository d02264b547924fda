//! Reminder facts the core's tests and the app's wording tests both start from, built once.

use super::ReminderFact;
use chrono::NaiveDate;

/// The day of the "Transport 2027" tender the fixtures prepare for.
pub fn transport_tender_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 5, 3).expect("a date")
}

/// The milestone `months_before` the "Transport 2027" tender of 3 May 2027, whose preparation
/// starts 9 months ahead, on 3 August 2026.
pub fn transport_tender_milestone(months_before: u32) -> ReminderFact {
    ReminderFact::TenderMilestone {
        tender: "Transport 2027".into(),
        tender_day: transport_tender_day(),
        months_before,
        preparation_start: NaiveDate::from_ymd_opt(2026, 8, 3),
    }
}
