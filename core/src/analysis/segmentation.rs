//! ABC–XYZ segmentation, dependency flags and concentration (docs/model.md sections 2 and 3).

use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Measure, SegmentationSettings, Workspace};

use super::{build_inputs, Window};

/// One account's per-period sums inside the window (see [`super::build_inputs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentInput {
    /// Shared with the segment rows: a row refers to its account's id and name instead of
    /// copying them (100k copies were a quarter of the segmentation's time).
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub is_key: bool,
    pub revenue: Vec<f64>,
    /// Per-period profit; all zeros when `has_profit` is false (segmentation then skips it).
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

/// What a cell of the ABC–XYZ matrix means for key-account effort (docs/model.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CellRole {
    /// AX, AY, BX: the core of the business, to protect.
    Protect,
    /// AZ, BZ: valuable but irregular; stabilise their demand.
    Stabilise,
    /// CZ: small and irregular; rarely worth key-account effort.
    RarelyWorthKam,
    /// No XYZ class: not enough history to judge.
    NotEnoughHistory,
    /// The other cells: serve them efficiently.
    Efficient,
}

/// The role of the cell `abc` × `xyz` (`None`: the unclassified accounts of that ABC class).
pub fn cell_role(abc: AbcClass, xyz: Option<XyzClass>) -> CellRole {
    use AbcClass::*;
    use XyzClass::*;
    match (abc, xyz) {
        (A, Some(X)) | (A, Some(Y)) | (B, Some(X)) => CellRole::Protect,
        (A, Some(Z)) | (B, Some(Z)) => CellRole::Stabilise,
        (C, Some(Z)) => CellRole::RarelyWorthKam,
        (_, None) => CellRole::NotEnoughHistory,
        _ => CellRole::Efficient,
    }
}

/// Why an account has no XYZ class. Never silently put in a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unclassified {
    /// No positive purchase of the measure in the window.
    NoPurchase,
    /// Fewer than [`MIN_XYZ_PERIODS`] periods counted (a recent first purchase, or a short window).
    TooFewPeriods(u8),
    /// The mean per period is zero or negative (only possible with profit), so the coefficient
    /// of variation means nothing.
    NonPositiveMean,
}

/// The fewest periods a coefficient of variation is computed on: fewer leave an account
/// unclassified ([`Unclassified::TooFewPeriods`]).
pub const MIN_XYZ_PERIODS: usize = 3;

/// Dependency flags from an account's share of profit (revenue when the data has no profit).
/// The serde names are the ids, as in the segmentation CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    KeyBySize,
    CriticalDependency,
    MonoClient,
}

impl Flag {
    pub const ALL: [Flag; 3] = [Flag::KeyBySize, Flag::CriticalDependency, Flag::MonoClient];
    /// The stable id, written in the segmentation CSV's `flags` column.
    pub fn id(self) -> &'static str {
        match self {
            Flag::KeyBySize => "key_by_size",
            Flag::CriticalDependency => "critical_dependency",
            Flag::MonoClient => "mono_client",
        }
    }
}

/// The dependency flags of one account: a set in one byte, listed in the order of [`Flag::ALL`]
/// (a `Vec` per row was a tenth of the segmentation's time on a large portfolio).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags(u8);

impl Flags {
    pub fn contains(self, flag: Flag) -> bool {
        self.0 & (1 << flag as u8) != 0
    }
    pub fn insert(&mut self, flag: Flag) {
        self.0 |= 1 << flag as u8;
    }
    pub fn iter(self) -> impl DoubleEndedIterator<Item = Flag> {
        Flag::ALL.into_iter().filter(move |f| self.contains(*f))
    }
}

impl FromIterator<Flag> for Flags {
    fn from_iter<I: IntoIterator<Item = Flag>>(iter: I) -> Self {
        let mut flags = Flags::default();
        iter.into_iter().for_each(|f| flags.insert(f));
        flags
    }
}

impl Serialize for Flags {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountSegment {
    pub id: Arc<str>,
    pub name: Arc<str>,
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
    pub flags: Flags,
}

impl AccountSegment {
    /// The account's segment, "AX" … "CZ", "A?" when unclassified (see [`super::rules::segment_code`]).
    pub fn code(&self) -> String {
        super::rules::segment_code(self.abc, self.xyz.ok())
    }
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
    /// Warnings, most serious first.
    pub warnings: Vec<SegmentationWarning>,
    /// True when dependency flags use profit; false when they fall back to revenue.
    pub flags_on_profit: bool,
    /// The window, "2024-06 – 2025-05"; `None` when there is no order history to anchor it on.
    pub window_label: Option<String>,
    /// Position in `rows` by account id, built once by [`segment`] (see [`Segmentation::row`]).
    #[serde(skip)]
    row_index: HashMap<Arc<str>, usize>,
}

impl Segmentation {
    /// An account's row, looked up by id rather than by a scan of the rows.
    pub fn row(&self, id: &str) -> Option<&AccountSegment> {
        self.row_index.get(id).map(|&i| &self.rows[i])
    }
}

/// The key accounts' share of profit (or revenue) against the settings' healthy range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum KeyShareRange {
    Below {
        low_pct: f64,
        high_pct: f64,
    },
    Inside {
        low_pct: f64,
        high_pct: f64,
    },
    Above {
        low_pct: f64,
        high_pct: f64,
    },
    /// Above the mono-dependency share: the supplier depends on its key accounts alone.
    MonoDependent {
        mono_pct: f64,
    },
}

/// Judges the key accounts' share (percent) against the healthy range and the mono-dependency
/// share of `settings` (docs/model.md section 2).
pub fn key_share_range(share_pct: f64, settings: &SegmentationSettings) -> KeyShareRange {
    let (low_pct, high_pct) = (settings.key_share_low_pct, settings.key_share_high_pct);
    if share_pct > settings.mono_dependency_pct {
        KeyShareRange::MonoDependent { mono_pct: settings.mono_dependency_pct }
    } else if share_pct > high_pct {
        KeyShareRange::Above { low_pct, high_pct }
    } else if share_pct < low_pct {
        KeyShareRange::Below { low_pct, high_pct }
    } else {
        KeyShareRange::Inside { low_pct, high_pct }
    }
}

/// A warning about the portfolio's dependency; `on_profit` tells whether shares are of profit
/// or (without profit data) of revenue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum SegmentationWarning {
    /// One account brings more than the mono-client share.
    MonoClient { name: Arc<str>, share_pct: f64, on_profit: bool },
    /// One account brings more than the critical-dependency share.
    CriticalDependency { name: Arc<str>, share_pct: f64, on_profit: bool },
    /// The key accounts' share is outside the healthy range (never `Inside`).
    KeyShare { share_pct: f64, range: KeyShareRange, on_profit: bool },
    /// The data has no profit: dependency is judged on revenue.
    NoProfitData,
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

/// Sum of `term(v)` over `values` with four independent accumulators: the additions of one
/// account's series do not wait on each other, which lets the compiler use vector lanes (a
/// plain fold is one long dependency chain). The grouping is fixed, so the result depends only
/// on the series.
#[inline(always)]
fn lane_sum(values: &[f64], term: impl Fn(f64) -> f64) -> f64 {
    let mut lanes = [0.0f64; 4];
    let chunks = values.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..4 {
            lanes[k] += term(c[k]);
        }
    }
    let mut total = (lanes[0] + lanes[2]) + (lanes[1] + lanes[3]);
    for &v in rest {
        total += term(v);
    }
    total
}

fn sum(values: &[f64]) -> f64 {
    lane_sum(values, |v| v)
}

/// Sum of squared deviations from `mean`.
fn squared_deviations(values: &[f64], mean: f64) -> f64 {
    lane_sum(values, |v| (v - mean) * (v - mean))
}

/// XYZ class of one series by the coefficient of variation (population standard deviation ÷ mean).
/// `total` is the sum of `values`, when the caller already has it.
fn classify_xyz(
    values: &[f64],
    total: Option<f64>,
    settings: &SegmentationSettings,
) -> (Result<XyzClass, Unclassified>, Option<f64>) {
    let n = values.len() as f64;
    let mean = if values.is_empty() { 0.0 } else { total.unwrap_or_else(|| sum(values)) / n };
    // A positive mean proves a positive value; only otherwise is the series searched for one.
    let proves_a_purchase = mean > 0.0;
    if !proves_a_purchase && !values.iter().any(|v| *v > 0.0) {
        return (Err(Unclassified::NoPurchase), None);
    }
    if values.len() < MIN_XYZ_PERIODS {
        return (Err(Unclassified::TooFewPeriods(values.len() as u8)), None);
    }
    if mean <= 0.0 {
        return (Err(Unclassified::NonPositiveMean), None);
    }
    let variance = squared_deviations(values, mean) / n;
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

/// The series' total, and its change from the first half to the second half in percent (the
/// middle period of an odd-length series counts only in the total).
fn total_and_trend(values: &[f64]) -> (f64, Option<f64>) {
    let half = values.len() / 2;
    let first = sum(&values[..half]);
    let second = sum(&values[values.len() - half..]);
    let middle = if values.len() % 2 == 1 { values[half] } else { 0.0 };
    let trend = (half > 0 && first > 0.0).then(|| (second - first) / first * 100.0);
    (first + middle + second, trend)
}

/// Indices of `values` from the largest value to the smallest; equal values are ordered by
/// `tie`, then by index (so the order is total and deterministic even with duplicate ids).
///
/// The values are ranked by an LSD radix sort on their bit patterns, which takes a few linear
/// passes instead of the 1.7 million unpredictable comparisons of a comparison sort on 100k
/// accounts. The radix sort is stable and starts in index order, so only runs of equal values
/// still need `tie`.
fn rank_order(values: &[f64], tie: impl Fn(usize, usize) -> Ordering) -> Vec<u32> {
    // Descending order as ascending unsigned keys. `+ 0.0` makes -0 equal to 0; the key order
    // is f64::total_cmp, a total order even for NaN.
    let key = |v: f64| {
        let bits = (v + 0.0).to_bits();
        let ascending = if bits >> 63 == 1 { !bits } else { bits | 1 << 63 };
        !ascending
    };
    let mut items: Vec<(u64, u32)> = values.iter().enumerate().map(|(i, &v)| (key(v), i as u32)).collect();
    let mut counts = [[0usize; 256]; 8];
    for &(k, _) in &items {
        for (digit, count) in counts.iter_mut().enumerate() {
            count[(k >> (digit * 8)) as usize & 0xff] += 1;
        }
    }
    let mut scratch = vec![(0u64, 0u32); items.len()];
    for (digit, count) in counts.iter().enumerate() {
        // A digit shared by every key (the top bytes of similar magnitudes) moves nothing.
        if count.contains(&items.len()) {
            continue;
        }
        let mut start = [0usize; 256];
        let mut next = 0;
        for (s, &c) in start.iter_mut().zip(count) {
            *s = next;
            next += c;
        }
        for &item in &items {
            let b = (item.0 >> (digit * 8)) as usize & 0xff;
            scratch[start[b]] = item;
            start[b] += 1;
        }
        std::mem::swap(&mut items, &mut scratch);
    }
    // Each run of equal values is in index order (the radix sort is stable), and stays so
    // where `tie` finds its accounts equal.
    for run in items.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_by(|a, b| tie(a.1 as usize, b.1 as usize));
        }
    }
    items.into_iter().map(|(_, i)| i).collect()
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
