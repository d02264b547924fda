//! The shapes of a segmentation: ABC and XYZ classes, the matrix cells and their roles, the
//! dependency flags, and the result rows with their warnings.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::SegmentationSettings;

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
    /// The account's segment, "AX" … "CZ", "A?" when unclassified (see [`super::super::rules::segment_code`]).
    pub fn code(&self) -> String {
        super::super::rules::segment_code(self.abc, self.xyz.ok())
    }

    /// The most serious of the account's flags (the last in [`Flag::ALL`]'s order: mono-client
    /// over critical dependency over key by size), the one a one-column table shows.
    pub fn main_flag(&self) -> Option<Flag> {
        self.flags.iter().next_back()
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
    /// True when the accounts are ranked on profit: profit was chosen and the data has it
    /// (otherwise they are ranked on revenue).
    pub ranked_on_profit: bool,
    /// The window, "2024-06 – 2025-05"; `None` when there is no order history to anchor it on.
    pub window_label: Option<String>,
    /// Position in `rows` by account id, built once by [`segment`] (see [`Segmentation::row`]).
    #[serde(skip)]
    pub(super) row_index: HashMap<Arc<str>, usize>,
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
