//! Words for the segmentation: why an account has no XYZ class, the dependency flags, the
//! portfolio's warnings and the analysis window.

use crate::i18n::{tr, tr_args, tr_plural, trc};
use kam_core::analysis::{CellRole, Flag, KeyShareRange, SegmentationWarning, Unclassified, MIN_XYZ_PERIODS};
use kam_core::model::{SettingsProblem, WINDOW_MAX_MONTHS};

/// Why an account has no XYZ class: "no purchase in the window".
pub fn unclassified_reason(u: Unclassified) -> String {
    match u {
        Unclassified::NoPurchase => tr("no purchase in the window").into(),
        Unclassified::TooFewPeriods(n) => tr_plural(
            n as usize,
            "only {n} period since the first purchase ({needed} needed)",
            "only {n} periods since the first purchase ({needed} needed)",
            &[("needed", &MIN_XYZ_PERIODS)],
        ),
        Unclassified::NonPositiveMean => tr("average per period is zero or negative").into(),
    }
}

/// A dependency flag in the portfolio table: "critical dependency".
pub fn flag_label(f: Flag) -> &'static str {
    match f {
        Flag::KeyBySize => tr("key by size"),
        Flag::CriticalDependency => tr("critical dependency"),
        Flag::MonoClient => tr("mono-client"),
    }
}

/// What a cell of the ABC–XYZ matrix means for key-account effort.
pub fn cell_advice(role: CellRole) -> &'static str {
    match role {
        CellRole::Protect => tr("core to protect"),
        CellRole::Stabilise => tr("stabilise demand"),
        CellRole::RarelyWorthKam => tr("rarely worth KAM"),
        CellRole::NotEnoughHistory => tr("not enough history"),
        CellRole::Efficient => tr("serve efficiently"),
    }
}

/// "24 %", as the warnings write shares.
fn pct(v: f64) -> String {
    format!("{v:.0} %")
}

fn basis(on_profit: bool) -> &'static str {
    // "of": the measure follows "a share of" ("доля выручки").
    if on_profit {
        trc("of", "profit")
    } else {
        trc("of", "revenue")
    }
}

/// A warning about the portfolio's dependency.
pub fn segmentation_warning(w: &SegmentationWarning) -> String {
    match w {
        SegmentationWarning::MonoClient { name, share_pct, on_profit } => tr_args(
            "{name} brings {1} of your {2}: you are close to a mono-client business.",
            &[("name", &name), ("1", &pct(*share_pct)), ("2", &basis(*on_profit))],
        ),
        SegmentationWarning::CriticalDependency { name, share_pct, on_profit } => tr_args(
            "{name} brings {1} of your {2}: critical dependency.",
            &[("name", &name), ("1", &pct(*share_pct)), ("2", &basis(*on_profit))],
        ),
        SegmentationWarning::KeyShare { share_pct, range: KeyShareRange::MonoDependent { mono_pct }, on_profit } => {
            tr_args(
                "Key accounts hold {0} of your {1}: above {2} you are mono-dependent on them.",
                &[("0", &pct(*share_pct)), ("1", &basis(*on_profit)), ("2", &pct(*mono_pct))],
            )
        }
        SegmentationWarning::KeyShare {
            share_pct,
            range:
                KeyShareRange::Below { low_pct, high_pct }
                | KeyShareRange::Above { low_pct, high_pct }
                | KeyShareRange::Inside { low_pct, high_pct },
            on_profit,
        } => tr_args(
            "Key accounts hold {0} of your {1}, outside the usual {2}–{3} range.",
            &[("0", &pct(*share_pct)), ("1", &basis(*on_profit)), ("2", &pct(*low_pct)), ("3", &pct(*high_pct))],
        ),
        SegmentationWarning::NoProfitData => {
            tr("The data has no profit figures: dependency is judged on revenue, which discounts can inflate.").into()
        }
    }
}

/// The analysis window, "2024-06 – 2025-05", or that there is none.
pub fn window_label(label: Option<&str>) -> String {
    label.unwrap_or(tr("no order history")).to_string()
}

/// What makes the segmentation settings meaningless, as a sentence a user can act on.
pub fn settings_problem(p: &SettingsProblem) -> String {
    match p {
        SettingsProblem::AbcLimits => tr("ABC limits must be percentages with A ≤ B (for example 80 and 95).").into(),
        SettingsProblem::XyzLimits => tr("XYZ limits must be non-negative with X ≤ Y (for example 10 and 25).").into(),
        SettingsProblem::Window => tr_args(
            "The window must hold at least one period and at most {WINDOW_MAX_MONTHS} months.",
            &[("WINDOW_MAX_MONTHS", &WINDOW_MAX_MONTHS)],
        ),
        SettingsProblem::DependencyThresholds => {
            tr("Dependency thresholds must be percentages between 0 and 100.").into()
        }
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
