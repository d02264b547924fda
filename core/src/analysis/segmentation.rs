//! ABC–XYZ segmentation, dependency flags and concentration (kam-model.md sections 2 and 3).

use serde::Serialize;
use std::cmp::Ordering;

use crate::model::{Measure, SegmentationSettings, Workspace};

use super::{build_inputs, Window};

/// One account's per-period sums inside the window (see [`super::build_inputs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentInput {
    pub id: String,
    pub name: String,
    pub is_key: bool,
    pub revenue: Vec<f64>,
    pub profit: Vec<f64>,
    /// Whether any line of the account carries a profit figure.
    pub has_profit: bool,
    /// The first period counted for XYZ: 0, or the period of the first purchase when that falls
    /// inside the window.
    pub first_period: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum AbcClass {
    A,
    B,
    C,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum XyzClass {
    X,
    Y,
    Z,
}

impl AbcClass {
    pub const ALL: [AbcClass; 3] = [AbcClass::A, AbcClass::B, AbcClass::C];
    pub fn letter(self) -> &'static str {
        match self {
            AbcClass::A => "A",
            AbcClass::B => "B",
            AbcClass::C => "C",
        }
    }
}

impl XyzClass {
    pub const ALL: [XyzClass; 3] = [XyzClass::X, XyzClass::Y, XyzClass::Z];
    pub fn letter(self) -> &'static str {
        match self {
            XyzClass::X => "X",
            XyzClass::Y => "Y",
            XyzClass::Z => "Z",
        }
    }
}

/// Why an account has no XYZ class. Never silently put in a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unclassified {
    /// No positive purchase of the measure in the window.
    NoPurchase,
    /// Fewer than 3 periods counted (a recent first purchase, or a short window).
    TooFewPeriods(usize),
    /// The mean per period is zero or negative (only possible with profit), so the coefficient
    /// of variation means nothing.
    NonPositiveMean,
}

impl Unclassified {
    pub fn reason(self) -> String {
        match self {
            Unclassified::NoPurchase => "no purchase in the window".into(),
            Unclassified::TooFewPeriods(n) => {
                format!("only {n} period{} since the first purchase (3 needed)", if n == 1 { "" } else { "s" })
            }
            Unclassified::NonPositiveMean => "average per period is zero or negative".into(),
        }
    }
}

/// Dependency flags from an account's share of profit (revenue when the data has no profit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Flag {
    KeyBySize,
    CriticalDependency,
    MonoClient,
}

impl Flag {
    pub fn code(self) -> &'static str {
        match self {
            Flag::KeyBySize => "key_by_size",
            Flag::CriticalDependency => "critical_dependency",
            Flag::MonoClient => "mono_client",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Flag::KeyBySize => "key by size",
            Flag::CriticalDependency => "critical dependency",
            Flag::MonoClient => "mono-client",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountSegment {
    pub id: String,
    pub name: String,
    pub is_key: bool,
    /// 1-based rank by the measure (ties: name, then id).
    pub rank: usize,
    pub revenue: f64,
    /// `None` when the account's lines carry no profit.
    pub profit: Option<f64>,
    /// Share of the positive total of the chosen measure, percent.
    pub share_pct: f64,
    pub revenue_share_pct: f64,
    pub profit_share_pct: Option<f64>,
    pub abc: AbcClass,
    pub xyz: Result<XyzClass, Unclassified>,
    /// Coefficient of variation, percent, when defined.
    pub cv_pct: Option<f64>,
    /// Change of the measure from the window's first half to its second half, percent.
    pub trend_pct: Option<f64>,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MatrixCell {
    pub count: usize,
    pub value: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Concentration {
    pub top1_pct: f64,
    pub top5_pct: f64,
    pub top10_pct: f64,
    pub key_revenue_pct: f64,
    pub key_profit_pct: Option<f64>,
    pub key_count: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Segmentation {
    /// Accounts in rank order.
    pub rows: Vec<AccountSegment>,
    /// `matrix[abc][xyz]`, A..C × X..Z.
    pub matrix: [[MatrixCell; 3]; 3],
    /// Unclassified accounts per ABC class.
    pub unclassified: [MatrixCell; 3],
    pub total_revenue: f64,
    pub total_profit: Option<f64>,
    /// Positive total of the chosen measure: the 100 % of every share.
    pub measure_total: f64,
    /// Cumulative share (percent) after each account in rank order: the Pareto curve.
    pub pareto: Vec<f64>,
    pub concentration: Concentration,
    /// Plain-language warnings, most serious first.
    pub warnings: Vec<String>,
    /// True when dependency flags use profit; false when they fall back to revenue.
    pub flags_on_profit: bool,
    pub window_label: String,
}

fn pct(part: f64, total: f64) -> f64 {
    if total > 0.0 {
        part / total * 100.0
    } else {
        0.0
    }
}

/// Segments a whole workspace with the given settings.
pub fn segment_workspace(ws: &Workspace, settings: &SegmentationSettings) -> Segmentation {
    let Some(window) = Window::from_settings(settings, ws.latest_order_date()) else {
        let inputs = build_inputs(&ws.accounts, |_| None, &Window { last_month: 0, period_months: 1, periods: 1 });
        let mut s = segment(&inputs, settings);
        s.window_label = "no order history".into();
        return s;
    };
    let inputs = build_inputs(&ws.accounts, |id| ws.history.get(id).map(Vec::as_slice), &window);
    let mut s = segment(&inputs, settings);
    s.window_label = window.label();
    s
}

/// XYZ class of one series by the coefficient of variation (population standard deviation ÷ mean).
fn classify_xyz(values: &[f64], settings: &SegmentationSettings) -> (Result<XyzClass, Unclassified>, Option<f64>) {
    if !values.iter().any(|v| *v > 0.0) {
        return (Err(Unclassified::NoPurchase), None);
    }
    if values.len() < 3 {
        return (Err(Unclassified::TooFewPeriods(values.len())), None);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return (Err(Unclassified::NonPositiveMean), None);
    }
    let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    let cv = variance.sqrt() / mean * 100.0;
    let class = if cv <= settings.x_limit_pct {
        XyzClass::X
    } else if cv <= settings.y_limit_pct {
        XyzClass::Y
    } else {
        XyzClass::Z
    };
    (Ok(class), Some(cv))
}

fn trend(values: &[f64]) -> Option<f64> {
    let half = values.len() / 2;
    if half == 0 {
        return None;
    }
    let first: f64 = values[..half].iter().sum();
    let second: f64 = values[values.len() - half..].iter().sum();
    (first > 0.0).then(|| (second - first) / first * 100.0)
}

/// The segmentation of prepared inputs. Deterministic: equal values are ranked by name, then id.
pub fn segment(inputs: &[SegmentInput], settings: &SegmentationSettings) -> Segmentation {
    let portfolio_has_profit = inputs.iter().any(|i| i.has_profit);
    let use_profit = settings.measure == Measure::Profit && portfolio_has_profit;

    // Everything that reads an account's series is computed here, in input order: the series
    // are read once, front to back, which is what keeps 100k accounts × 36 months fast (the
    // later pass in rank order touches only these few numbers).
    struct Totals {
        revenue: f64,
        profit: f64,
        value: f64,
        xyz: Result<XyzClass, Unclassified>,
        cv_pct: Option<f64>,
        trend_pct: Option<f64>,
    }
    let totals: Vec<Totals> = inputs
        .iter()
        .map(|i| {
            let revenue: f64 = i.revenue.iter().sum();
            let profit: f64 = i.profit.iter().sum();
            let series = if use_profit { &i.profit } else { &i.revenue };
            let counted = &series[i.first_period.min(series.len())..];
            let (xyz, cv_pct) = classify_xyz(counted, settings);
            Totals { revenue, profit, value: if use_profit { profit } else { revenue }, xyz, cv_pct, trend_pct: trend(series) }
        })
        .collect();

    let positive = |v: f64| if v > 0.0 { v } else { 0.0 };
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by(|&a, &b| {
        totals[b]
            .value
            .partial_cmp(&totals[a].value)
            .unwrap_or(Ordering::Equal)
            .then_with(|| inputs[a].name.cmp(&inputs[b].name))
            .then_with(|| inputs[a].id.cmp(&inputs[b].id))
    });
    // Summed in rank order, so that the result does not depend on the order of the input.
    let measure_total: f64 = order.iter().map(|&i| positive(totals[i].value)).sum();
    let revenue_pos_total: f64 = order.iter().map(|&i| positive(totals[i].revenue)).sum();
    let profit_pos_total: f64 = order.iter().map(|&i| positive(totals[i].profit)).sum();

    let flag_total = if portfolio_has_profit { profit_pos_total } else { revenue_pos_total };
    let mut out = Segmentation {
        measure_total,
        total_revenue: order.iter().map(|&i| totals[i].revenue).sum(),
        total_profit: portfolio_has_profit.then(|| order.iter().map(|&i| totals[i].profit).sum()),
        flags_on_profit: portfolio_has_profit,
        ..Default::default()
    };
    out.rows.reserve(inputs.len());
    out.pareto.reserve(inputs.len());
    let mut above = 0.0;
    for (rank0, &i) in order.iter().enumerate() {
        let input = &inputs[i];
        let t = &totals[i];
        let abc = if t.value <= 0.0 {
            AbcClass::C
        } else if above * 100.0 < settings.a_limit_pct * measure_total {
            AbcClass::A
        } else if above * 100.0 < settings.b_limit_pct * measure_total {
            AbcClass::B
        } else {
            AbcClass::C
        };
        above += positive(t.value);
        out.pareto.push(pct(above, measure_total));

        let (xyz, cv_pct) = (t.xyz, t.cv_pct);

        let dependency_share = pct(positive(if portfolio_has_profit { t.profit } else { t.revenue }), flag_total);
        let mut flags = Vec::new();
        if dependency_share > settings.key_size_pct {
            flags.push(Flag::KeyBySize);
        }
        if dependency_share > settings.critical_pct {
            flags.push(Flag::CriticalDependency);
        }
        if dependency_share > settings.mono_client_pct {
            flags.push(Flag::MonoClient);
        }

        let cell = match xyz {
            Ok(x) => &mut out.matrix[abc as usize][x as usize],
            Err(_) => &mut out.unclassified[abc as usize],
        };
        cell.count += 1;
        cell.value += t.value;

        out.rows.push(AccountSegment {
            id: input.id.clone(),
            name: input.name.clone(),
            is_key: input.is_key,
            rank: rank0 + 1,
            revenue: t.revenue,
            profit: input.has_profit.then_some(t.profit),
            share_pct: pct(positive(t.value), measure_total),
            revenue_share_pct: pct(positive(t.revenue), revenue_pos_total),
            profit_share_pct: input.has_profit.then(|| pct(positive(t.profit), profit_pos_total)),
            abc,
            xyz,
            cv_pct,
            trend_pct: t.trend_pct,
            flags,
        });
    }

    out.concentration = concentration(&out, portfolio_has_profit, revenue_pos_total, profit_pos_total);
    out.warnings = warnings(&out, settings);
    out
}

fn concentration(s: &Segmentation, has_profit: bool, revenue_total: f64, profit_total: f64) -> Concentration {
    let top = |n: usize| if s.pareto.is_empty() { 0.0 } else { s.pareto[n.min(s.pareto.len()) - 1] };
    let key = s.rows.iter().filter(|r| r.is_key);
    let key_revenue: f64 = key.clone().map(|r| r.revenue.max(0.0)).sum();
    let key_profit: f64 = key.clone().filter_map(|r| r.profit).map(|p| p.max(0.0)).sum();
    Concentration {
        top1_pct: top(1),
        top5_pct: top(5),
        top10_pct: top(10),
        key_revenue_pct: pct(key_revenue, revenue_total),
        key_profit_pct: has_profit.then(|| pct(key_profit, profit_total)),
        key_count: key.count(),
    }
}

fn fmt_pct(v: f64) -> String {
    format!("{:.0} %", v)
}

fn warnings(s: &Segmentation, settings: &SegmentationSettings) -> Vec<String> {
    let basis = if s.flags_on_profit { "profit" } else { "revenue" };
    let mut out = Vec::new();
    for row in &s.rows {
        let share = if s.flags_on_profit { row.profit_share_pct.unwrap_or(0.0) } else { row.revenue_share_pct };
        if row.flags.contains(&Flag::MonoClient) {
            out.push(format!("{} brings {} of your {basis}: you are close to a mono-client business.", row.name, fmt_pct(share)));
        } else if row.flags.contains(&Flag::CriticalDependency) {
            out.push(format!("{} brings {} of your {basis}: critical dependency.", row.name, fmt_pct(share)));
        }
    }
    let c = &s.concentration;
    if c.key_count > 0 {
        let key_share = c.key_profit_pct.unwrap_or(c.key_revenue_pct);
        if key_share > settings.mono_dependency_pct {
            out.push(format!(
                "Key accounts hold {} of your {basis}: above {} you are mono-dependent on them.",
                fmt_pct(key_share),
                fmt_pct(settings.mono_dependency_pct)
            ));
        } else if key_share > settings.key_share_high_pct || key_share < settings.key_share_low_pct {
            out.push(format!(
                "Key accounts hold {} of your {basis}, outside the usual {}–{} range.",
                fmt_pct(key_share),
                fmt_pct(settings.key_share_low_pct),
                fmt_pct(settings.key_share_high_pct)
            ));
        }
    }
    if !s.flags_on_profit && !s.rows.is_empty() {
        out.push("The data has no profit figures: dependency is judged on revenue, which discounts can inflate.".into());
    }
    out
}

#[cfg(test)]
#[path = "segmentation_tests.rs"]
mod tests;
