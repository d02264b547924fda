use super::closed_list::closed_list;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

closed_list! {
    /// Which value the ABC ranking and the XYZ regularity are computed on.
    pub enum Measure: default Revenue {
        Revenue = "revenue",
        Profit = "profit",
    }
}

closed_list! {
    /// The length of one XYZ period.
    pub enum PeriodLength: default Month {
        Month = "month",
        Quarter = "quarter",
    }
}

impl PeriodLength {
    pub fn months(self) -> u32 {
        match self {
            PeriodLength::Month => 1,
            PeriodLength::Quarter => 3,
        }
    }
}

/// Every number of the segmentation rules (docs/model.md sections 2 and 3). Defaults are the
/// model's; the user may change each in Settings. Percentages are stored as percent (80.0 = 80 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentationSettings {
    pub measure: Measure,
    /// An account is A while the accounts ranked above it hold less than this share.
    pub a_limit_pct: f64,
    /// … and B while they hold less than this one; otherwise C.
    pub b_limit_pct: f64,
    /// Coefficient of variation at or below which an account is X.
    pub x_limit_pct: f64,
    /// … at or below which it is Y; above, Z.
    pub y_limit_pct: f64,
    pub period: PeriodLength,
    /// Window length in months (rounded down to whole periods).
    pub window_months: u32,
    /// Last day of the window's last month; `None` = the month of the latest order line.
    pub window_end: Option<NaiveDate>,
    /// Share of profit above which an account is key by size.
    pub key_size_pct: f64,
    /// … a critical dependency.
    pub critical_pct: f64,
    /// … a mono-client.
    pub mono_client_pct: f64,
    /// Healthy range of the key accounts' share of total sales.
    pub key_share_low_pct: f64,
    pub key_share_high_pct: f64,
    /// Above this share the supplier is mono-dependent on its key accounts.
    pub mono_dependency_pct: f64,
}

impl Default for SegmentationSettings {
    fn default() -> Self {
        SegmentationSettings {
            measure: Measure::default(),
            a_limit_pct: 80.0,
            b_limit_pct: 95.0,
            x_limit_pct: 10.0,
            y_limit_pct: 25.0,
            period: PeriodLength::default(),
            window_months: 12,
            window_end: None,
            key_size_pct: 10.0,
            critical_pct: 20.0,
            mono_client_pct: 70.0,
            key_share_low_pct: 30.0,
            key_share_high_pct: 55.0,
            mono_dependency_pct: 75.0,
        }
    }
}

/// The analysis window holds at most this many months.
pub const WINDOW_MAX_MONTHS: u32 = 120;

/// Something that makes the segmentation settings meaningless (worded by the UI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsProblem {
    /// The ABC limits are not percentages with A ≤ B.
    AbcLimits,
    /// The XYZ limits are negative or X > Y.
    XyzLimits,
    /// The window holds less than one period or more than [`WINDOW_MAX_MONTHS`].
    Window,
    /// A dependency threshold is not a percentage.
    DependencyThresholds,
}

impl SegmentationSettings {
    /// What makes the settings meaningless; empty when they can be used.
    pub fn problems(&self) -> Vec<SettingsProblem> {
        let mut out = Vec::new();
        let pct = |v: f64| v.is_finite() && (0.0..=100.0).contains(&v);
        if !pct(self.a_limit_pct) || !pct(self.b_limit_pct) || self.a_limit_pct > self.b_limit_pct {
            out.push(SettingsProblem::AbcLimits);
        }
        if !(self.x_limit_pct.is_finite() && self.y_limit_pct.is_finite())
            || self.x_limit_pct < 0.0
            || self.x_limit_pct > self.y_limit_pct
        {
            out.push(SettingsProblem::XyzLimits);
        }
        if self.window_months < self.period.months() || self.window_months > WINDOW_MAX_MONTHS {
            out.push(SettingsProblem::Window);
        }
        if ![self.key_size_pct, self.critical_pct, self.mono_client_pct].iter().all(|v| pct(*v)) {
            out.push(SettingsProblem::DependencyThresholds);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_models_and_valid() {
        let s = SegmentationSettings::default();
        assert_eq!((s.a_limit_pct, s.b_limit_pct, s.x_limit_pct, s.y_limit_pct), (80.0, 95.0, 10.0, 25.0));
        assert!(s.problems().is_empty());
    }

    #[test]
    fn inverted_limits_are_reported() {
        let s = SegmentationSettings { a_limit_pct: 96.0, ..Default::default() };
        assert_eq!(s.problems(), [SettingsProblem::AbcLimits]);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let s: SegmentationSettings = serde_json::from_str(r#"{"measure":"profit"}"#).unwrap();
        assert_eq!(s.measure, Measure::Profit);
        assert_eq!(s.window_months, 12);
    }
}
