//! Health kept per month (docs/model.md §7.2): success in key account management "is measured in
//! years", so the score of every key account is kept once a month, and a dossier shows the trend.
//!
//! The app keeps, for each key account with a dossier, the last score it saw in each calendar
//! month ([`health_to_keep`] says which accounts are due, [`Dossier::keep_health`] keeps one).
//! A month nobody opened the app in stays a gap: the trend never invents a score.

use chrono::NaiveDate;

use super::{account_health, HealthBand};
use crate::analysis::{month_index, month_label};
use crate::model::{Dossier, HealthMonth, Workspace};

/// How many months the trend shows at most, ending with this month: five years.
pub const TREND_MONTHS: usize = 60;

/// The month of `day` as a kept month's id: `YYYY-MM` (the order history's month label).
pub fn month_id(day: NaiveDate) -> String {
    month_label(month_index(day))
}

/// A month id read back as a month index ([`month_index`]), or `None` for anything that is not
/// `YYYY-MM`.
fn parse_month(id: &str) -> Option<i32> {
    let (y, m) = id.split_once('-')?;
    let (year, month) = (y.parse::<i32>().ok()?, m.parse::<i32>().ok()?);
    (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month)).then_some(year * 12 + month - 1)
}

impl Dossier {
    /// The score kept for the month of `day`, if any.
    pub fn kept_health(&self, day: NaiveDate) -> Option<u32> {
        let id = month_id(day);
        self.health_months.iter().rev().find(|m| m.id == id).map(|m| m.score)
    }

    /// Keeps `score` as the health of the month of `day`, replacing what that month held; the
    /// months stay in order, one entry each. Returns whether anything changed.
    pub fn keep_health(&mut self, day: NaiveDate, score: u32) -> bool {
        let (id, score) = (month_id(day), score.min(100));
        let same = self.health_months.iter().filter(|m| m.id == id).map(|m| m.score).eq([score]);
        if same {
            return false;
        }
        self.health_months.retain(|m| m.id != id);
        self.health_months.push(HealthMonth { id, score });
        self.health_months.sort_by(|a, b| a.id.cmp(&b.id));
        true
    }
}

/// The key accounts whose score today differs from the one kept for this month (or that have
/// none yet), with that score: what the app writes. Accounts without a dossier are left out:
/// every promotion gives the account one, and the score is kept in it.
pub fn health_to_keep(ws: &Workspace, today: NaiveDate) -> Vec<(String, u32)> {
    ws.accounts()
        .iter()
        .filter(|a| a.is_key)
        .filter_map(|a| {
            let kept = ws.dossier(&a.id)?.kept_health(today);
            let score = account_health(ws, &a.id, today).score;
            (kept != Some(score)).then(|| (a.id.clone(), score))
        })
        .collect()
}

/// One month of the trend: its score and band when one was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendMonth {
    pub year: i32,
    pub month: u32,
    pub score: Option<u32>,
}

impl TrendMonth {
    pub fn band(&self) -> Option<HealthBand> {
        self.score.map(HealthBand::of)
    }
}

/// A dossier's health over time: every month from the first kept one (at most
/// [`TREND_MONTHS`] back) to this month, gaps included, and the score a year before this
/// month's for comparison.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HealthTrend {
    pub months: Vec<TrendMonth>,
    /// This month's kept score.
    pub latest: Option<u32>,
    /// The score kept twelve months before this month.
    pub year_ago: Option<u32>,
}

impl HealthTrend {
    /// The years the trend spans, first to last.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.months.iter().map(|m| m.year).collect();
        years.dedup();
        years
    }
}

/// The trend of `dossier` up to the month of `today`. Kept months after today's (a copy from a
/// device whose clock ran ahead) and ids that are not months are left out.
pub fn health_trend(dossier: &Dossier, today: NaiveDate) -> HealthTrend {
    let now = month_index(today);
    let kept: Vec<(i32, u32)> = dossier
        .health_months
        .iter()
        .filter_map(|m| parse_month(&m.id).map(|i| (i, m.score.min(100))))
        .filter(|(i, _)| *i <= now)
        .collect();
    let Some(first) = kept.iter().map(|(i, _)| *i).min() else { return HealthTrend::default() };
    let score_at = |i: i32| kept.iter().rev().find(|(k, _)| *k == i).map(|(_, s)| *s);
    let first = first.max(now - TREND_MONTHS as i32 + 1);
    let months = (first..=now)
        .map(|i| TrendMonth { year: i.div_euclid(12), month: i.rem_euclid(12) as u32 + 1, score: score_at(i) })
        .collect();
    HealthTrend { months, latest: score_at(now), year_ago: score_at(now - 12) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, Workspace};
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn keeping_replaces_the_month_and_keeps_order() {
        let mut d = Dossier::new("a");
        assert!(d.keep_health(day(2026, 3, 1), 70));
        assert!(d.keep_health(day(2025, 12, 31), 40));
        assert!(!d.keep_health(day(2026, 3, 20), 70), "the same score again changes nothing");
        assert!(d.keep_health(day(2026, 3, 28), 65));
        let ids: Vec<_> = d.health_months.iter().map(|m| (m.id.as_str(), m.score)).collect();
        assert_eq!(ids, [("2025-12", 40), ("2026-03", 65)]);
        assert_eq!(d.kept_health(day(2026, 3, 2)), Some(65));
        assert_eq!(d.kept_health(day(2026, 4, 2)), None);
    }

    #[test]
    fn trend_has_gaps_years_and_the_year_before() {
        let mut d = Dossier::new("a");
        d.keep_health(day(2025, 11, 5), 50);
        d.keep_health(day(2026, 1, 5), 55);
        d.keep_health(day(2026, 11, 2), 80);
        d.health_months.push(HealthMonth { id: "nonsense".into(), score: 3 });
        d.health_months.push(HealthMonth { id: "2027-01".into(), score: 9 });
        let t = health_trend(&d, day(2026, 11, 30));
        assert_eq!(t.months.len(), 13);
        assert_eq!(t.months[0], TrendMonth { year: 2025, month: 11, score: Some(50) });
        assert_eq!(t.months[1].score, None, "December 2025 was not kept: a gap");
        assert_eq!(t.months[2], TrendMonth { year: 2026, month: 1, score: Some(55) });
        assert_eq!(t.latest, Some(80));
        assert_eq!(t.year_ago, Some(50));
        assert_eq!(t.years(), [2025, 2026]);
        assert_eq!(t.months[12].band(), Some(HealthBand::Good));
        assert_eq!(health_trend(&Dossier::new("b"), day(2026, 1, 1)), HealthTrend::default());
    }

    #[test]
    fn trend_is_at_most_five_years() {
        let mut d = Dossier::new("a");
        d.keep_health(day(2010, 1, 1), 10);
        d.keep_health(day(2026, 6, 1), 90);
        let t = health_trend(&d, day(2026, 6, 1));
        assert_eq!(t.months.len(), TREND_MONTHS);
        assert_eq!((t.months[0].year, t.months[0].month), (2021, 7));
        assert_eq!(t.year_ago, None);
    }

    #[test]
    fn key_accounts_with_a_dossier_are_due_until_kept() {
        let mut ws = Workspace::default();
        let mut key = Account::new("Key Oy");
        key.is_key = true;
        let key_id = key.id.clone();
        let mut plain = Account::new("Plain Oy");
        plain.is_key = false;
        let plain_id = plain.id.clone();
        let mut bare = Account::new("Bare Oy");
        bare.is_key = true;
        ws.insert_account(key);
        ws.insert_account(plain);
        ws.insert_account(bare);
        ws.upsert_dossier(Dossier::new(&key_id));
        ws.upsert_dossier(Dossier::new(&plain_id));
        let today = day(2026, 12, 2);
        let due = health_to_keep(&ws, today);
        let score = account_health(&ws, &key_id, today).score;
        assert_eq!(due, [(key_id.clone(), score)]);
        let mut d = ws.dossier(&key_id).unwrap().clone();
        d.keep_health(today, score);
        ws.upsert_dossier(d);
        assert!(health_to_keep(&ws, today).is_empty(), "kept: nothing more to write");
        assert_eq!(health_to_keep(&ws, day(2027, 1, 1)).len(), 1, "a new month is due again");
    }

    proptest! {
        /// Whatever is kept in whatever order, each month holds its last score, once, in order,
        /// and the trend ends with this month and never runs past it.
        #[test]
        fn kept_months_are_unique_sorted_and_last_wins(
            keeps in proptest::collection::vec((2000i32..2030, 1u32..=12, 0u32..=120), 0..40),
        ) {
            let mut d = Dossier::new("a");
            for (y, m, s) in &keeps {
                d.keep_health(day(*y, *m, 1), *s);
            }
            let ids: Vec<&str> = d.health_months.iter().map(|m| m.id.as_str()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(&ids, &sorted);
            for (y, m, _) in &keeps {
                let last = keeps.iter().rev().find(|(y2, m2, _)| y2 == y && m2 == m).unwrap().2.min(100);
                prop_assert_eq!(d.kept_health(day(*y, *m, 1)), Some(last));
            }
            let today = day(2026, 6, 15);
            let t = health_trend(&d, today);
            prop_assert!(t.months.len() <= TREND_MONTHS);
            if let Some(last) = t.months.last() {
                prop_assert_eq!((last.year, last.month), (2026, 6));
                prop_assert_eq!(t.latest, d.kept_health(today));
            }
        }
    }
}
