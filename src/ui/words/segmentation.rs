//! Words for the segmentation: why an account has no XYZ class, the dependency flags, the
//! portfolio's warnings and the analysis window.

use kam_core::analysis::{CellRole, Flag, KeyShareRange, SegmentationWarning, Unclassified, MIN_XYZ_PERIODS};
use kam_core::model::{SettingsProblem, WINDOW_MAX_MONTHS};

/// Why an account has no XYZ class: "no purchase in the window".
pub fn unclassified_reason(u: Unclassified) -> String {
    match u {
        Unclassified::NoPurchase => "no purchase in the window".into(),
        Unclassified::TooFewPeriods(n) => {
            format!(
                "only {n} period{} since the first purchase ({MIN_XYZ_PERIODS} needed)",
                if n == 1 { "" } else { "s" }
            )
        }
        Unclassified::NonPositiveMean => "average per period is zero or negative".into(),
    }
}

/// A dependency flag in the portfolio table: "critical dependency".
pub fn flag_label(f: Flag) -> &'static str {
    match f {
        Flag::KeyBySize => "key by size",
        Flag::CriticalDependency => "critical dependency",
        Flag::MonoClient => "mono-client",
    }
}

/// What a cell of the ABC–XYZ matrix means for key-account effort.
pub fn cell_advice(role: CellRole) -> &'static str {
    match role {
        CellRole::Protect => "core to protect",
        CellRole::Stabilise => "stabilise demand",
        CellRole::RarelyWorthKam => "rarely worth KAM",
        CellRole::NotEnoughHistory => "not enough history",
        CellRole::Efficient => "serve efficiently",
    }
}

/// "24 %", as the warnings write shares.
fn pct(v: f64) -> String {
    format!("{v:.0} %")
}

fn basis(on_profit: bool) -> &'static str {
    if on_profit {
        "profit"
    } else {
        "revenue"
    }
}

/// A warning about the portfolio's dependency.
pub fn segmentation_warning(w: &SegmentationWarning) -> String {
    match w {
        SegmentationWarning::MonoClient { name, share_pct, on_profit } => {
            format!(
                "{name} brings {} of your {}: you are close to a mono-client business.",
                pct(*share_pct),
                basis(*on_profit)
            )
        }
        SegmentationWarning::CriticalDependency { name, share_pct, on_profit } => {
            format!("{name} brings {} of your {}: critical dependency.", pct(*share_pct), basis(*on_profit))
        }
        SegmentationWarning::KeyShare { share_pct, range: KeyShareRange::MonoDependent { mono_pct }, on_profit } => {
            format!(
                "Key accounts hold {} of your {}: above {} you are mono-dependent on them.",
                pct(*share_pct),
                basis(*on_profit),
                pct(*mono_pct)
            )
        }
        SegmentationWarning::KeyShare {
            share_pct,
            range:
                KeyShareRange::Below { low_pct, high_pct }
                | KeyShareRange::Above { low_pct, high_pct }
                | KeyShareRange::Inside { low_pct, high_pct },
            on_profit,
        } => format!(
            "Key accounts hold {} of your {}, outside the usual {}–{} range.",
            pct(*share_pct),
            basis(*on_profit),
            pct(*low_pct),
            pct(*high_pct)
        ),
        SegmentationWarning::NoProfitData => {
            "The data has no profit figures: dependency is judged on revenue, which discounts can inflate.".into()
        }
    }
}

/// The analysis window, "2024-06 – 2025-05", or that there is none.
pub fn window_label(label: Option<&str>) -> String {
    label.unwrap_or("no order history").to_string()
}

/// What makes the segmentation settings meaningless, as a sentence a user can act on.
pub fn settings_problem(p: &SettingsProblem) -> String {
    match p {
        SettingsProblem::AbcLimits => "ABC limits must be percentages with A ≤ B (for example 80 and 95).".into(),
        SettingsProblem::XyzLimits => "XYZ limits must be non-negative with X ≤ Y (for example 10 and 25).".into(),
        SettingsProblem::Window => {
            format!("The window must hold at least one period and at most {WINDOW_MAX_MONTHS} months.")
        }
        SettingsProblem::DependencyThresholds => "Dependency thresholds must be percentages between 0 and 100.".into(),
    }
}

/// Every problem, in words.
pub fn settings_problems(problems: &[SettingsProblem]) -> Vec<String> {
    problems.iter().map(settings_problem).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclassified_reasons_and_flags_keep_their_wording() {
        assert_eq!(unclassified_reason(Unclassified::NoPurchase), "no purchase in the window");
        assert_eq!(
            unclassified_reason(Unclassified::TooFewPeriods(2)),
            "only 2 periods since the first purchase (3 needed)"
        );
        assert_eq!(
            unclassified_reason(Unclassified::TooFewPeriods(1)),
            "only 1 period since the first purchase (3 needed)"
        );
        assert_eq!(unclassified_reason(Unclassified::NonPositiveMean), "average per period is zero or negative");
        assert_eq!(flag_label(Flag::MonoClient), "mono-client");
        assert_eq!(flag_label(Flag::KeyBySize), "key by size");
        assert_eq!(cell_advice(CellRole::RarelyWorthKam), "rarely worth KAM");
    }

    #[test]
    fn warnings_keep_their_wording() {
        assert_eq!(
            segmentation_warning(&SegmentationWarning::CriticalDependency {
                name: "Acme".into(),
                share_pct: 24.0,
                on_profit: true
            }),
            "Acme brings 24 % of your profit: critical dependency."
        );
        assert_eq!(
            segmentation_warning(&SegmentationWarning::MonoClient {
                name: "Acme".into(),
                share_pct: 90.4,
                on_profit: false
            }),
            "Acme brings 90 % of your revenue: you are close to a mono-client business."
        );
        assert_eq!(
            segmentation_warning(&SegmentationWarning::KeyShare {
                share_pct: 90.0,
                range: KeyShareRange::MonoDependent { mono_pct: 75.0 },
                on_profit: false
            }),
            "Key accounts hold 90 % of your revenue: above 75 % you are mono-dependent on them."
        );
        assert_eq!(
            segmentation_warning(&SegmentationWarning::KeyShare {
                share_pct: 20.0,
                range: KeyShareRange::Below { low_pct: 30.0, high_pct: 55.0 },
                on_profit: true
            }),
            "Key accounts hold 20 % of your profit, outside the usual 30 %–55 % range."
        );
        assert_eq!(
            segmentation_warning(&SegmentationWarning::NoProfitData),
            "The data has no profit figures: dependency is judged on revenue, which discounts can inflate."
        );
        assert_eq!(window_label(None), "no order history");
        assert_eq!(window_label(Some("2024-06 – 2025-05")), "2024-06 – 2025-05");
    }

    #[test]
    fn settings_problems_in_words() {
        assert_eq!(
            settings_problems(&[SettingsProblem::Window, SettingsProblem::AbcLimits]),
            [
                "The window must hold at least one period and at most 120 months.",
                "ABC limits must be percentages with A ≤ B (for example 80 and 95).",
            ]
        );
    }
}
