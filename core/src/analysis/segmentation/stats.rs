//! The numeric kernels of the segmentation: sums written for vector lanes, the coefficient of
//! variation, the trend, and the radix ranking.

use std::cmp::Ordering;

use super::{Unclassified, XyzClass, MIN_XYZ_PERIODS};
use crate::model::SegmentationSettings;

/// Sum of `term(v)` over `values` with four independent accumulators: the additions of one
/// account's series do not wait on each other, which lets the compiler use vector lanes (a
/// plain fold is one long dependency chain). The grouping is fixed, so the result depends only
/// on the series.
#[inline(always)]
pub(super) fn lane_sum(values: &[f64], term: impl Fn(f64) -> f64) -> f64 {
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

pub(super) fn sum(values: &[f64]) -> f64 {
    lane_sum(values, |v| v)
}

/// Sum of squared deviations from `mean`.
pub(super) fn squared_deviations(values: &[f64], mean: f64) -> f64 {
    lane_sum(values, |v| (v - mean) * (v - mean))
}

/// XYZ class of one series by the coefficient of variation (population standard deviation ÷ mean).
/// `total` is the sum of `values`, when the caller already has it.
pub(super) fn classify_xyz(
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
pub(super) fn total_and_trend(values: &[f64]) -> (f64, Option<f64>) {
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
pub(super) fn rank_order(values: &[f64], tie: impl Fn(usize, usize) -> Ordering) -> Vec<u32> {
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
