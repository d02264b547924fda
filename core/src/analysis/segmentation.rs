//! ABC–XYZ segmentation, dependency flags and concentration (docs/model.md sections 2 and 3).
//! The classes and results are in `classes`, the numeric kernels (sums, the coefficient of
//! variation, the ranking sort) in `stats`; this file ranks, classifies and warns.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Measure, SegmentationSettings, Workspace};

use super::{build_inputs, Window};

mod classes;
mod stats;

pub use classes::{
    cell_role, key_share_range, AbcClass, AccountSegment, CellRole, Concentration, Flag, Flags, KeyShareRange,
    MatrixCell, SegmentInput, Segmentation, SegmentationWarning, Unclassified, XyzClass, MIN_XYZ_PERIODS,
};
use stats::{classify_xyz, rank_order, sum, total_and_trend};

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
        let inputs = build_inputs(ws.accounts(), |_| None, &Window { last_month: 0, period_months: 1, periods: 1 });
        let mut s = segment(&inputs, settings);
        s.window_label = None;
        return s;
    };
    let inputs = build_inputs(ws.accounts(), |id| ws.history(id).map(Vec::as_slice), &window);
    let mut s = segment(&inputs, settings);
    s.window_label = Some(window.label());
    s
}

/// The segmentation of prepared inputs. Deterministic: equal values are ranked by name, then id.
pub fn segment(inputs: &[SegmentInput], settings: &SegmentationSettings) -> Segmentation {
    let portfolio_has_profit = inputs.iter().any(|i| i.has_profit);
    let use_profit = settings.measure == Measure::Profit && portfolio_has_profit;

    // Everything that reads an account's series is computed here, in input order: the series
    // are read once, front to back. The totals go to three plain arrays, small enough to stay in
    // the processor's cache when read in rank order; what else a row needs is one small record
    // per account, read once in rank order. (Reading the inputs or wider records in rank order
    // cost several cache and TLB misses per account: half the time on 100k accounts.)
    struct Detail {
        id: Option<Arc<str>>,
        name: Option<Arc<str>>,
        /// NaN when undefined (kept as plain f64 to keep the record small).
        cv_pct: f64,
        trend_pct: f64,
        xyz: Result<XyzClass, Unclassified>,
        is_key: bool,
        has_profit: bool,
    }
    let n = inputs.len();
    let (mut revenues, mut profits, mut details) =
        (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for i in inputs {
        // The measure's series is summed by halves (giving its total and trend at once); the
        // other series only needs its total, and profit is all zeros without profit data.
        let (revenue, profit, trend_pct) = if use_profit {
            let (profit, trend) = total_and_trend(&i.profit);
            (sum(&i.revenue), profit, trend)
        } else {
            let (revenue, trend) = total_and_trend(&i.revenue);
            (revenue, if i.has_profit { sum(&i.profit) } else { 0.0 }, trend)
        };
        let (series, value) = if use_profit { (&i.profit, profit) } else { (&i.revenue, revenue) };
        let from = i.first_period.min(series.len());
        let (xyz, cv_pct) = classify_xyz(&series[from..], (from == 0).then_some(value), settings);
        revenues.push(revenue);
        profits.push(profit);
        details.push(Detail {
            id: Some(i.id.clone()),
            name: Some(i.name.clone()),
            cv_pct: cv_pct.unwrap_or(f64::NAN),
            trend_pct: trend_pct.unwrap_or(f64::NAN),
            xyz,
            is_key: i.is_key,
            has_profit: i.has_profit,
        });
    }
    let values = if use_profit { &profits } else { &revenues };

    let positive = |v: f64| if v > 0.0 { v } else { 0.0 };
    let order =
        rank_order(values, |a, b| inputs[a].name.cmp(&inputs[b].name).then_with(|| inputs[a].id.cmp(&inputs[b].id)));

    // Summed in rank order, so that the result does not depend on the order of the input.
    let (mut measure_total, mut revenue_pos_total, mut profit_pos_total, mut total_revenue, mut total_profit) =
        (0.0, 0.0, 0.0, 0.0, 0.0);
    for &i in &order {
        let (revenue, profit) = (revenues[i as usize], profits[i as usize]);
        measure_total += positive(values[i as usize]);
        revenue_pos_total += positive(revenue);
        profit_pos_total += positive(profit);
        total_revenue += revenue;
        total_profit += profit;
    }

    let flag_total = if portfolio_has_profit { profit_pos_total } else { revenue_pos_total };
    let mut out = Segmentation {
        measure_total,
        total_revenue,
        total_profit: portfolio_has_profit.then_some(total_profit),
        flags_on_profit: portfolio_has_profit,
        ranked_on_profit: use_profit,
        ..Default::default()
    };
    out.rows.reserve(n);
    out.pareto.reserve(n);
    let mut above = 0.0;
    // Gathered here rather than by further passes over the finished rows.
    let (mut key_revenue, mut key_profit, mut key_count) = (0.0, 0.0, 0);
    let mut dependent_rows = Vec::new();
    for (rank0, &i) in order.iter().enumerate() {
        let i = i as usize;
        let (revenue, profit, value) = (revenues[i], profits[i], values[i]);
        let d = &mut details[i];
        let abc = if value <= 0.0 {
            AbcClass::C
        } else if above * 100.0 < settings.a_limit_pct * measure_total {
            AbcClass::A
        } else if above * 100.0 < settings.b_limit_pct * measure_total {
            AbcClass::B
        } else {
            AbcClass::C
        };
        above += positive(value);
        out.pareto.push(pct(above, measure_total));

        let dependency_share = pct(positive(if portfolio_has_profit { profit } else { revenue }), flag_total);
        let mut flags = Flags::default();
        if dependency_share > settings.key_size_pct {
            flags.insert(Flag::KeyBySize);
        }
        if dependency_share > settings.critical_pct {
            flags.insert(Flag::CriticalDependency);
        }
        if dependency_share > settings.mono_client_pct {
            flags.insert(Flag::MonoClient);
        }
        if flags.contains(Flag::CriticalDependency) || flags.contains(Flag::MonoClient) {
            dependent_rows.push(rank0);
        }
        if d.is_key {
            key_count += 1;
            key_revenue += positive(revenue);
            key_profit += if d.has_profit { positive(profit) } else { 0.0 };
        }

        let cell = match d.xyz {
            Ok(x) => &mut out.matrix[abc as usize][x as usize],
            Err(_) => &mut out.unclassified[abc as usize],
        };
        cell.count += 1;
        cell.value += value;

        let defined = |v: f64| (!v.is_nan()).then_some(v);
        out.rows.push(AccountSegment {
            // `order` holds every index exactly once, so each name is taken once.
            id: d.id.take().expect("each account is ranked once"),
            name: d.name.take().expect("each account is ranked once"),
            is_key: d.is_key,
            rank: rank0 + 1,
            revenue,
            profit: d.has_profit.then_some(profit),
            share_pct: pct(positive(value), measure_total),
            revenue_share_pct: pct(positive(revenue), revenue_pos_total),
            profit_share_pct: d.has_profit.then(|| pct(positive(profit), profit_pos_total)),
            abc,
            xyz: d.xyz,
            cv_pct: defined(d.cv_pct),
            trend_pct: defined(d.trend_pct),
            flags,
        });
    }

    let top = |n: usize| if out.pareto.is_empty() { 0.0 } else { out.pareto[n.min(out.pareto.len()) - 1] };
    out.concentration = Concentration {
        top1_pct: top(1),
        top5_pct: top(5),
        top10_pct: top(10),
        key_revenue_pct: pct(key_revenue, revenue_pos_total),
        key_profit_pct: portfolio_has_profit.then(|| pct(key_profit, profit_pos_total)),
        key_count,
    };
    out.warnings = warnings(&out, &dependent_rows, settings);
    out.row_index = HashMap::with_capacity(n);
    for (i, r) in out.rows.iter().enumerate() {
        out.row_index.entry(r.id.clone()).or_insert(i);
    }
    out
}

/// `dependent_rows`: the rows (by position) flagged critical or mono-client, in rank order.
fn warnings(s: &Segmentation, dependent_rows: &[usize], settings: &SegmentationSettings) -> Vec<SegmentationWarning> {
    let on_profit = s.flags_on_profit;
    let mut out = Vec::new();
    for row in dependent_rows.iter().map(|&r| &s.rows[r]) {
        let share_pct = if on_profit { row.profit_share_pct.unwrap_or(0.0) } else { row.revenue_share_pct };
        let name = row.name.clone();
        if row.flags.contains(Flag::MonoClient) {
            out.push(SegmentationWarning::MonoClient { name, share_pct, on_profit });
        } else if row.flags.contains(Flag::CriticalDependency) {
            out.push(SegmentationWarning::CriticalDependency { name, share_pct, on_profit });
        }
    }
    let c = &s.concentration;
    if c.key_count > 0 {
        let share_pct = c.key_profit_pct.unwrap_or(c.key_revenue_pct);
        let range = key_share_range(share_pct, settings);
        if !matches!(range, KeyShareRange::Inside { .. }) {
            out.push(SegmentationWarning::KeyShare { share_pct, range, on_profit });
        }
    }
    if !on_profit && !s.rows.is_empty() {
        out.push(SegmentationWarning::NoProfitData);
    }
    out
}

#[cfg(test)]
#[path = "segmentation_tests.rs"]
mod tests;
