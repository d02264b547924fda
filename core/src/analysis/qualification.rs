//! Deciding which accounts are key (docs/model.md section 2), placing them on the portfolio
//! matrix (McDonald/Cranfield), and the dossier's money figures (customer lifetime value).

use serde::Serialize;

use crate::model::{Dossier, Factor, KeyReason, Programme, RelationshipStage, Workspace};

use super::{AccountSegment, Flag, Segmentation};

/// One of the programme's criteria, with what the data and the dossier show against it. The
/// words ("Share of our profit above 10.0 %") are made by the UI.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Criterion {
    /// Key by size: the account's share of our profit (revenue when `on_profit` is false) above
    /// the settings' threshold. `share_pct` is `None` when the account has no orders in the window.
    ShareAbove { on_profit: bool, threshold_pct: f64, share_pct: Option<f64> },
    /// Key by size: the window's revenue at least the programme's absolute threshold.
    RevenueAtLeast { threshold: f64, revenue: f64 },
    /// At least `need` strategic reasons justified in writing; the reasons ticked, with and
    /// without a justification.
    StrategicReasons { need: usize, justified: Vec<KeyReason>, unjustified: Vec<KeyReason> },
    /// The three P's (need, solvency, power) as judged in the dossier: all met, or one not met.
    ThreePs { all_met: bool },
}

/// One line of "does this account meet the written criteria".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionCheck {
    pub criterion: Criterion,
    pub met: bool,
}

/// What the data and the dossier say about an account's claim to key status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Qualification {
    /// Key by size: the data fills reason 1 by itself.
    pub by_size: bool,
    /// Strategic reasons (2–6) ticked *and* justified in writing.
    pub justified: Vec<KeyReason>,
    /// Strategic reasons ticked without a justification: they do not count yet.
    pub unjustified: Vec<KeyReason>,
    pub checks: Vec<CriterionCheck>,
    /// Meets the programme's criteria: key by size, or enough justified strategic reasons.
    pub meets: bool,
}

/// Qualifies one account. `row` is its segmentation row (None when it has no orders in the
/// window), `key_size_pct` the settings' threshold for "key by size" (the flag on the row was
/// set with it; the check names it).
pub fn qualify(
    row: Option<&AccountSegment>,
    dossier: Option<&Dossier>,
    programme: &Programme,
    key_size_pct: f64,
    on_profit: bool,
) -> Qualification {
    let mut checks = Vec::new();
    let share = row.map(|r| if on_profit { r.profit_share_pct.unwrap_or(0.0) } else { r.revenue_share_pct });
    let share_flag = row.is_some_and(|r| r.flags.contains(Flag::KeyBySize));
    checks.push(CriterionCheck {
        criterion: Criterion::ShareAbove { on_profit, threshold_pct: key_size_pct, share_pct: share },
        met: share_flag,
    });
    let mut by_size = share_flag;
    if let Some(threshold) = programme.revenue_threshold {
        let revenue = row.map_or(0.0, |r| r.revenue);
        let met = revenue >= threshold;
        by_size |= met;
        checks.push(CriterionCheck { criterion: Criterion::RevenueAtLeast { threshold, revenue }, met });
    }
    let (mut justified, mut unjustified) = (Vec::new(), Vec::new());
    if let Some(d) = dossier {
        for r in d.reasons.iter().copied().filter(|r| *r != KeyReason::BigRevenue) {
            if d.justifications.get(&r).is_some_and(|j| !j.trim().is_empty()) {
                justified.push(r);
            } else {
                unjustified.push(r);
            }
        }
    }
    let need = programme.min_strategic_reasons.max(1) as usize;
    let strategic_ok = justified.len() >= need;
    checks.push(CriterionCheck {
        criterion: Criterion::StrategicReasons { need, justified: justified.clone(), unjustified: unjustified.clone() },
        met: strategic_ok,
    });
    if let Some(verdict) = dossier.and_then(|d| d.three_ps.verdict()) {
        checks.push(CriterionCheck { criterion: Criterion::ThreePs { all_met: verdict }, met: verdict });
    }
    // The three P's, once judged "not met", hold back a strategic (not a size) qualification.
    let ps_ok = dossier.and_then(|d| d.three_ps.verdict()) != Some(false);
    let meets = by_size || (strategic_ok && ps_ok);
    Qualification { by_size, justified, unjustified, checks, meets }
}

/// The four quadrants of the key-account portfolio matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Quadrant {
    /// Attractive and we are strong: invest, grow together.
    Strategic,
    /// Attractive, but we are weak: build strength selectively.
    Star,
    /// Less attractive, we are strong: maintain efficiently.
    Status,
    /// Less attractive and we are weak: serve at low cost.
    Streamline,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::Strategic, Quadrant::Star, Quadrant::Status, Quadrant::Streamline];
}

/// Where an account sits on the matrix: both axes 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MatrixPoint {
    pub attractiveness: f64,
    pub strength: f64,
    pub quadrant: Quadrant,
}

/// The weighted mean score (0–10) over the factors that are scored (by [`Factor::score_key`]). `None` when no factor with
/// a weight above zero has a score.
pub fn weighted_score(factors: &[Factor], scores: &std::collections::BTreeMap<String, u8>) -> Option<f64> {
    let (mut sum, mut weight) = (0.0, 0.0);
    for f in factors.iter().filter(|f| f.weight > 0.0) {
        if let Some(s) = scores.get(f.score_key()) {
            sum += f.weight * f64::from((*s).min(10));
            weight += f.weight;
        }
    }
    (weight > 0.0).then(|| sum / weight)
}

/// The matrix boundary: scores at or above the middle count as high.
pub const MATRIX_MIDDLE: f64 = 5.0;
/// The highest score on either axis (scores run 0 to 10).
pub const MATRIX_SCORE_MAX: f64 = crate::model::FACTOR_SCORE_MAX as f64;

/// An account on the portfolio matrix: where it sits, its revenue in the window (the bubble's
/// size) and its relationship stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixEntry {
    pub account_id: String,
    pub name: String,
    pub is_key: bool,
    pub point: MatrixPoint,
    pub revenue: f64,
    pub stage: RelationshipStage,
}

/// What the portfolio matrix shows: every account with a dossier scored on both axes (key
/// accounts and candidates), in dossier order, and the key accounts not scored yet, by name.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PortfolioMatrix {
    pub entries: Vec<MatrixEntry>,
    pub unscored_key_accounts: Vec<String>,
}

/// [`PortfolioMatrix`] of a workspace, with revenues from its segmentation.
pub fn portfolio_matrix(ws: &Workspace, seg: &Segmentation) -> PortfolioMatrix {
    let entries = ws
        .dossiers()
        .iter()
        .filter_map(|d| {
            let a = ws.account(&d.account_id)?;
            Some(MatrixEntry {
                account_id: a.id.clone(),
                name: a.name.clone(),
                is_key: a.is_key,
                point: matrix_point(d, &ws.programme)?,
                revenue: seg.row(&a.id).map_or(0.0, |r| r.revenue),
                stage: d.stage,
            })
        })
        .collect();
    let unscored_key_accounts = ws
        .accounts()
        .iter()
        .filter(|a| a.is_key && ws.dossier(&a.id).and_then(|d| matrix_point(d, &ws.programme)).is_none())
        .map(|a| a.name.clone())
        .collect();
    PortfolioMatrix { entries, unscored_key_accounts }
}

/// Places a dossier on the matrix; `None` until both axes have at least one score.
pub fn matrix_point(d: &Dossier, p: &Programme) -> Option<MatrixPoint> {
    let attractiveness = weighted_score(&p.attractiveness, &d.attractiveness)?;
    let strength = weighted_score(&p.strength, &d.strength)?;
    let quadrant = match (attractiveness >= MATRIX_MIDDLE, strength >= MATRIX_MIDDLE) {
        (true, true) => Quadrant::Strategic,
        (true, false) => Quadrant::Star,
        (false, true) => Quadrant::Status,
        (false, false) => Quadrant::Streamline,
    };
    Some(MatrixPoint { attractiveness, strength, quadrant })
}

/// Customer lifetime value over a finite horizon: the sum over years t = 1..=n of
/// margin × retentionᵗ⁻¹ ÷ (1 + discount)ᵗ. The first year is certain (the account is a
/// customer now); each later year survives with the retention rate.
pub fn clv(yearly_margin: f64, retention_pct: f64, discount_pct: f64, years: u32) -> f64 {
    let r = (retention_pct / 100.0).clamp(0.0, 1.0);
    let d = discount_pct / 100.0;
    (1..=years).map(|t| yearly_margin * r.powi(t as i32 - 1) / (1.0 + d).powi(t as i32)).sum()
}

/// The dossier's metrics with where each number comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsView {
    pub revenue: Option<f64>,
    pub profit: Option<f64>,
    pub cost_to_serve: Option<f64>,
    /// The margin CLV is computed on, and whether the user entered it or it was derived.
    pub margin: Option<f64>,
    pub margin_entered: bool,
    pub clv: Option<f64>,
    pub share_of_wallet_pct: Option<f64>,
    /// Months in the window, to annualise revenue and profit.
    pub window_months: u32,
}

/// The longest CLV horizon the metrics accept, in years (the shortest is one year).
pub const MAX_HORIZON_YEARS: u32 = 30;
/// The shortest horizon a lifetime value is computed over.
pub const MIN_HORIZON_YEARS: u32 = 1;

/// A metric input that cannot be computed with; the UI says what is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MetricsProblem {
    /// Retention is not a percentage from 0 to 100.
    Retention,
    /// The discount rate is not a percentage from 0 to 100.
    Discount,
    /// The horizon is not [`MIN_HORIZON_YEARS`] to [`MAX_HORIZON_YEARS`] years.
    Horizon,
    /// Cost to serve or the customer's wallet is negative.
    NegativeAmount,
}

/// Problems with the metric inputs, in the order the form shows the fields.
pub fn metrics_problems(d: &Dossier) -> Vec<MetricsProblem> {
    let m = &d.metrics;
    let mut out = Vec::new();
    if !(0.0..=100.0).contains(&m.retention_pct) {
        out.push(MetricsProblem::Retention);
    }
    if !(0.0..=100.0).contains(&m.discount_pct) {
        out.push(MetricsProblem::Discount);
    }
    if !(MIN_HORIZON_YEARS..=MAX_HORIZON_YEARS).contains(&m.horizon_years) {
        out.push(MetricsProblem::Horizon);
    }
    if m.cost_to_serve.is_some_and(|c| c < 0.0) || m.wallet.is_some_and(|w| w < 0.0) {
        out.push(MetricsProblem::NegativeAmount);
    }
    out
}

/// Revenue and profit come from the window (annualised); margin = profit − cost to serve
/// unless the user entered one.
pub fn metrics_view(d: &Dossier, row: Option<&AccountSegment>, window_months: u32) -> MetricsView {
    let months = window_months.max(1);
    let yearly = |v: f64| v * 12.0 / f64::from(months);
    let revenue = row.map(|r| yearly(r.revenue));
    let profit = row.and_then(|r| r.profit.map(yearly));
    let m = &d.metrics;
    let (margin, entered) = match m.yearly_margin {
        Some(v) => (Some(v), true),
        None => (profit.map(|p| p - m.cost_to_serve.unwrap_or(0.0)), false),
    };
    let valid = metrics_problems(d).is_empty();
    let clv_value = margin.filter(|_| valid).map(|mg| clv(mg, m.retention_pct, m.discount_pct, m.horizon_years));
    let share_of_wallet_pct = match (revenue, m.wallet) {
        (Some(r), Some(w)) if w > 0.0 => Some(r / w * 100.0),
        _ => None,
    };
    MetricsView {
        revenue,
        profit,
        cost_to_serve: m.cost_to_serve,
        margin,
        margin_entered: entered,
        clv: clv_value,
        share_of_wallet_pct,
        window_months: months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portfolio_matrix_places_scored_dossiers_and_names_unscored_key_accounts() {
        let ws = crate::demo::test_demo();
        let seg = crate::analysis::segment_workspace(&ws, &crate::model::SegmentationSettings::default());
        let m = portfolio_matrix(&ws, &seg);
        assert!(!m.entries.is_empty());
        for e in &m.entries {
            let d = ws.dossier(&e.account_id).expect("a dossier");
            assert_eq!(Some(e.point), matrix_point(d, &ws.programme));
            assert_eq!(e.revenue, seg.row(&e.account_id).unwrap().revenue);
            assert!(e.point.attractiveness <= MATRIX_SCORE_MAX && e.point.strength <= MATRIX_SCORE_MAX);
        }
        let key_unscored: Vec<&str> = ws
            .accounts()
            .iter()
            .filter(|a| a.is_key && !m.entries.iter().any(|e| e.account_id == a.id))
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(m.unscored_key_accounts, key_unscored);
        assert!(!key_unscored.is_empty(), "the demo leaves some key accounts unscored");
    }
    use crate::analysis::{AbcClass, XyzClass};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn row(revenue: f64, profit_share: f64, flags: Vec<Flag>) -> AccountSegment {
        AccountSegment {
            id: "a".into(),
            name: "A".into(),
            is_key: false,
            rank: 1,
            revenue,
            profit: Some(revenue * 0.2),
            share_pct: profit_share,
            revenue_share_pct: profit_share,
            profit_share_pct: Some(profit_share),
            abc: AbcClass::A,
            xyz: Ok(XyzClass::X),
            cv_pct: Some(5.0),
            trend_pct: None,
            flags: flags.into_iter().collect(),
        }
    }

    #[test]
    fn size_alone_qualifies() {
        let q = qualify(Some(&row(1e6, 12.0, vec![Flag::KeyBySize])), None, &Programme::default(), 10.0, true);
        assert!(q.by_size && q.meets);
        assert_eq!(
            q.checks[0],
            CriterionCheck {
                criterion: Criterion::ShareAbove { on_profit: true, threshold_pct: 10.0, share_pct: Some(12.0) },
                met: true
            }
        );
    }

    #[test]
    fn strategic_reasons_count_only_with_a_justification() {
        let mut d = Dossier::new("a");
        d.reasons = vec![KeyReason::Partner, KeyReason::Innovator];
        let p = Programme::default();
        let r = row(1e4, 1.0, vec![]);
        let q = qualify(Some(&r), Some(&d), &p, 10.0, true);
        assert!(!q.meets);
        assert_eq!(q.unjustified, vec![KeyReason::Partner, KeyReason::Innovator]);
        d.justifications.insert(KeyReason::Partner, "Joint roadmap".into());
        let q = qualify(Some(&r), Some(&d), &p, 10.0, true);
        assert!(q.meets);
        assert_eq!(q.justified, vec![KeyReason::Partner]);
        assert_eq!(
            q.checks[1],
            CriterionCheck {
                criterion: Criterion::StrategicReasons {
                    need: 1,
                    justified: vec![KeyReason::Partner],
                    unjustified: vec![KeyReason::Innovator]
                },
                met: true
            }
        );
        let two = Programme { min_strategic_reasons: 2, ..Programme::default() };
        assert!(!qualify(Some(&r), Some(&d), &two, 10.0, true).meets);
    }

    #[test]
    fn a_failed_p_holds_back_a_strategic_but_not_a_size_qualification() {
        let mut d = Dossier::new("a");
        d.reasons = vec![KeyReason::Potential];
        d.justifications.insert(KeyReason::Potential, "Budget of 2 M".into());
        d.three_ps.solvency = Some(false);
        let p = Programme::default();
        let q = qualify(Some(&row(1e4, 1.0, vec![])), Some(&d), &p, 10.0, true);
        assert!(!q.meets);
        assert_eq!(
            q.checks.last(),
            Some(&CriterionCheck { criterion: Criterion::ThreePs { all_met: false }, met: false })
        );
        assert!(qualify(Some(&row(1e6, 15.0, vec![Flag::KeyBySize])), Some(&d), &p, 10.0, true).meets);
    }

    #[test]
    fn an_absolute_threshold_also_qualifies_by_size() {
        let p = Programme { revenue_threshold: Some(500_000.0), ..Programme::default() };
        let q = qualify(Some(&row(600_000.0, 2.0, vec![])), None, &p, 10.0, true);
        assert!(q.by_size && q.meets);
        assert_eq!(
            q.checks[1],
            CriterionCheck {
                criterion: Criterion::RevenueAtLeast { threshold: 500_000.0, revenue: 600_000.0 },
                met: true
            }
        );
        assert!(!qualify(Some(&row(400_000.0, 2.0, vec![])), None, &p, 10.0, true).meets);
        let q = qualify(None, None, &p, 10.0, false);
        assert_eq!(
            q.checks[0].criterion,
            Criterion::ShareAbove { on_profit: false, threshold_pct: 10.0, share_pct: None },
            "no orders in the window"
        );
        assert!(!qualify(None, None, &p, 10.0, true).meets, "no orders, no reasons: not key");
    }

    #[test]
    fn matrix_places_in_four_quadrants() {
        let p = Programme::default();
        let mut d = Dossier::new("a");
        assert_eq!(matrix_point(&d, &p), None, "unscored");
        let all =
            |list: &[Factor], s: u8| list.iter().map(|f| (f.score_key().to_string(), s)).collect::<BTreeMap<_, _>>();
        for (a, s, q) in [
            (8, 8, Quadrant::Strategic),
            (8, 2, Quadrant::Star),
            (2, 8, Quadrant::Status),
            (2, 2, Quadrant::Streamline),
            (5, 5, Quadrant::Strategic),
        ] {
            d.attractiveness = all(&p.attractiveness, a);
            d.strength = all(&p.strength, s);
            let point = matrix_point(&d, &p).unwrap();
            assert_eq!(point.quadrant, q, "{a}/{s}");
            assert!((point.attractiveness - f64::from(a)).abs() < 1e-9);
        }
    }

    #[test]
    fn weights_decide_the_score_and_unscored_factors_are_left_out() {
        let factors = vec![Factor::named("x", 3.0), Factor::named("y", 1.0), Factor::named("z", 5.0)];
        let scores: BTreeMap<String, u8> = [("x".to_string(), 10), ("y".to_string(), 2)].into_iter().collect();
        assert!((weighted_score(&factors, &scores).unwrap() - 8.0).abs() < 1e-9);
        assert_eq!(weighted_score(&factors, &BTreeMap::new()), None);
    }

    #[test]
    fn clv_matches_the_formula_by_hand() {
        // 100 a year, 80 % retention, 10 % discount, 3 years:
        // 100/1.1 + 80/1.21 + 64/1.331 = 90.909 + 66.116 + 48.084 = 205.109
        assert!((clv(100.0, 80.0, 10.0, 3) - 205.1089).abs() < 1e-3);
        assert_eq!(clv(100.0, 80.0, 10.0, 0), 0.0);
        assert!((clv(100.0, 100.0, 0.0, 5) - 500.0).abs() < 1e-9);
    }

    #[test]
    fn metrics_derive_margin_from_profit_minus_cost_to_serve() {
        let mut d = Dossier::new("a");
        d.metrics.cost_to_serve = Some(20_000.0);
        d.metrics.wallet = Some(2_000_000.0);
        let r = row(1_000_000.0, 10.0, vec![]);
        let v = metrics_view(&d, Some(&r), 12);
        assert_eq!(v.margin, Some(180_000.0));
        assert!(!v.margin_entered);
        assert_eq!(v.share_of_wallet_pct, Some(50.0));
        assert!(v.clv.unwrap() > 180_000.0);
        d.metrics.yearly_margin = Some(1.0);
        assert_eq!(metrics_view(&d, Some(&r), 12).margin, Some(1.0));
        d.metrics.retention_pct = 140.0;
        assert_eq!(metrics_view(&d, Some(&r), 12).clv, None, "bad inputs give no figure");
        d.metrics.horizon_years = MAX_HORIZON_YEARS + 1;
        d.metrics.wallet = Some(-1.0);
        assert_eq!(
            metrics_problems(&d),
            vec![MetricsProblem::Retention, MetricsProblem::Horizon, MetricsProblem::NegativeAmount]
        );
        d.metrics.horizon_years = MAX_HORIZON_YEARS;
        d.metrics.retention_pct = 100.0;
        d.metrics.discount_pct = -1.0;
        d.metrics.wallet = None;
        assert_eq!(metrics_problems(&d), vec![MetricsProblem::Discount]);
        // A 24-month window is annualised.
        d.metrics = Default::default();
        assert_eq!(metrics_view(&d, Some(&r), 24).revenue, Some(500_000.0));
    }

    proptest! {
        #[test]
        fn clv_is_bounded_and_monotone(m in 0.0f64..1e7, r in 0.0f64..100.0, disc in 0.0f64..50.0, n in 1u32..30) {
            let v = clv(m, r, disc, n);
            prop_assert!(v >= 0.0);
            prop_assert!(v <= m * f64::from(n) + 1e-6, "never more than n undiscounted years");
            prop_assert!(clv(m, r, disc, n + 1) >= v - 1e-9, "a longer horizon never lowers CLV");
            prop_assert!(clv(m, (r + 5.0).min(100.0), disc, n) >= v - 1e-6, "better retention never lowers CLV");
        }

        #[test]
        fn weighted_score_stays_in_range(scores in prop::collection::vec(0u8..=10, 5), weights in prop::collection::vec(0.0f64..100.0, 5)) {
            let factors: Vec<Factor> = weights.iter().enumerate().map(|(i, w)| Factor::named(i.to_string(), *w)).collect();
            let map: BTreeMap<String, u8> = scores.iter().enumerate().map(|(i, s)| (i.to_string(), *s)).collect();
            if let Some(s) = weighted_score(&factors, &map) {
                prop_assert!((0.0..=10.0).contains(&s));
                let lo = f64::from(*scores.iter().min().unwrap());
                let hi = f64::from(*scores.iter().max().unwrap());
                prop_assert!(s >= lo - 1e-9 && s <= hi + 1e-9);
            }
        }
    }
}
