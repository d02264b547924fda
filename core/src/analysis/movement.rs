//! Segmentation movement (docs/model.md section 3.7): the portfolio segmented in two windows, the
//! current one and the one just before it, and how many accounts moved from each ABC–XYZ cell to
//! each. Success in KAM is measured in years, so the app shows where accounts came from, not only
//! where they are.
//!
//! The two segmentations are the ordinary [`segment_workspace`] run twice, with the second
//! window ending the month before the first one starts; nothing is computed differently here.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::window::Window;
use super::{segment_workspace, AbcClass, AccountSegment, Segmentation, Unclassified, XyzClass};
use crate::model::{SegmentationSettings, Workspace};

/// One cell of the ABC–XYZ matrix, or an ABC class whose XYZ could not be computed (`xyz: None`),
/// so that every account bought in both windows has a cell in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Cell {
    pub abc: AbcClass,
    pub xyz: Option<XyzClass>,
}

/// The number of cells: 3 × 3 and one "unclassified" per ABC class.
pub const CELLS: usize = 12;

impl Cell {
    /// Every cell, best first: AX, AY, AZ, A?, BX … C?. The order is the cells' rank.
    pub const ALL: [Cell; CELLS] = {
        let abc = [AbcClass::A, AbcClass::B, AbcClass::C];
        let xyz = [Some(XyzClass::X), Some(XyzClass::Y), Some(XyzClass::Z), None];
        let mut all = [Cell { abc: AbcClass::A, xyz: None }; CELLS];
        let mut i = 0;
        while i < CELLS {
            all[i] = Cell { abc: abc[i / 4], xyz: xyz[i % 4] };
            i += 1;
        }
        all
    };

    /// Position in [`Cell::ALL`] and in the table: the cell's rank, 0 the best. ABC decides
    /// first (value matters more than regularity), then X before Y before Z before unclassified.
    pub fn rank(self) -> usize {
        self.abc as usize * 4 + self.xyz.map_or(3, |x| x as usize)
    }

    /// "AX" … "CZ", "A?" when unclassified.
    pub fn code(self) -> String {
        super::rules::segment_code(self.abc, self.xyz)
    }

    fn of(row: &AccountSegment) -> Cell {
        Cell { abc: row.abc, xyz: row.xyz.ok() }
    }
}

/// An account in the movement lists, with its cell in the window it bought in (the second for
/// moves and new accounts, the first for accounts gone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountRef {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub cell: Cell,
}

/// An account bought in both windows and changed cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountMove {
    pub account: AccountRef,
    pub from: Cell,
    pub to: Cell,
}

impl AccountMove {
    /// Moved to a better-ranked cell.
    pub fn rose(&self) -> bool {
        self.to.rank() < self.from.rank()
    }
}

/// Which way accounts went between the two windows' cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// Not bought in the first window.
    New,
    /// Not bought in the second window.
    Gone,
    /// To a better-ranked cell.
    Rose,
    /// To a worse-ranked cell.
    Fell,
    Stayed,
}

impl Direction {
    /// The direction from `from` to `to` (`None`: no cell in that window).
    pub fn of(from: Option<Cell>, to: Option<Cell>) -> Direction {
        match (from, to) {
            (None, _) => Direction::New,
            (_, None) => Direction::Gone,
            (Some(from), Some(to)) => match to.rank().cmp(&from.rank()) {
                std::cmp::Ordering::Less => Direction::Rose,
                std::cmp::Ordering::Greater => Direction::Fell,
                std::cmp::Ordering::Equal => Direction::Stayed,
            },
        }
    }
}

/// One row of the movement table: from a cell to a cell (`None`: a new account, or one gone),
/// which way, how many accounts, and which (for all but those that stayed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MovementRow {
    pub from: Option<Cell>,
    pub to: Option<Cell>,
    pub direction: Direction,
    pub count: usize,
    pub accounts: Vec<Arc<str>>,
}

/// How the portfolio moved between two segmentations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Movement {
    /// `table[from.rank()][to.rank()]`: accounts bought in both windows, by their cell in the
    /// first and in the second. Row sums are the first segmentation's cell counts of these
    /// accounts, column sums the second's.
    pub table: [[usize; CELLS]; CELLS],
    /// Accounts that changed cell, those that rose first, each group in the second window's rank
    /// order.
    pub moves: Vec<AccountMove>,
    /// Accounts in the same cell in both windows.
    pub stayed: usize,
    /// Bought in the second window only, in its rank order.
    pub new_accounts: Vec<AccountRef>,
    /// Bought in the first window only, in its rank order.
    pub gone_accounts: Vec<AccountRef>,
}

impl Movement {
    pub fn rose(&self) -> usize {
        self.moves.iter().filter(|m| m.rose()).count()
    }
    pub fn fell(&self) -> usize {
        self.moves.len() - self.rose()
    }

    /// The table's rows: every pair of cells with accounts, in rank order, then the new
    /// accounts and those gone, by cell. So each cell's column sum is the second window's count
    /// of that cell, and each row sum the first's.
    pub fn rows(&self) -> Vec<MovementRow> {
        let mut rows = Vec::new();
        let row =
            |from, to, count, accounts| MovementRow { from, to, direction: Direction::of(from, to), count, accounts };
        for (i, from) in Cell::ALL.iter().enumerate() {
            for (j, to) in Cell::ALL.iter().enumerate() {
                let count = self.table[i][j];
                if count == 0 {
                    continue;
                }
                let names = self
                    .moves
                    .iter()
                    .filter(|m| m.from == *from && m.to == *to)
                    .map(|m| m.account.name.clone())
                    .collect();
                rows.push(row(Some(*from), Some(*to), count, names));
            }
        }
        for cell in Cell::ALL {
            let names = |list: &[AccountRef]| -> Vec<Arc<str>> {
                list.iter().filter(|a| a.cell == cell).map(|a| a.name.clone()).collect()
            };
            let new = names(&self.new_accounts);
            if !new.is_empty() {
                rows.push(row(None, Some(cell), new.len(), new));
            }
            let gone = names(&self.gone_accounts);
            if !gone.is_empty() {
                rows.push(row(Some(cell), None, gone.len(), gone));
            }
        }
        rows
    }
}

/// Whether the account bought in the segmentation's window: rows without a positive purchase of
/// the measure are listed (every account is) but are in no window's portfolio.
fn bought(row: &AccountSegment) -> bool {
    !matches!(row.xyz, Err(Unclassified::NoPurchase))
}

fn account(row: &AccountSegment) -> AccountRef {
    AccountRef { id: row.id.clone(), name: row.name.clone(), cell: Cell::of(row) }
}

/// The movement from `before` to `after` (two segmentations of the same workspace).
pub fn movement(before: &Segmentation, after: &Segmentation) -> Movement {
    let mut table = [[0usize; CELLS]; CELLS];
    let mut rose = Vec::new();
    let mut fell = Vec::new();
    let mut stayed = 0;
    let mut new_accounts = Vec::new();
    for row in after.rows.iter().filter(|r| bought(r)) {
        let Some(old) = before.row(&row.id).filter(|r| bought(r)) else {
            new_accounts.push(account(row));
            continue;
        };
        let (from, to) = (Cell::of(old), Cell::of(row));
        table[from.rank()][to.rank()] += 1;
        let m = AccountMove { account: account(row), from, to };
        match to.rank().cmp(&from.rank()) {
            std::cmp::Ordering::Equal => stayed += 1,
            std::cmp::Ordering::Less => rose.push(m),
            std::cmp::Ordering::Greater => fell.push(m),
        }
    }
    let gone_accounts =
        before.rows.iter().filter(|r| bought(r) && !after.row(&r.id).is_some_and(bought)).map(account).collect();
    rose.extend(fell);
    Movement { table, moves: rose, stayed, new_accounts, gone_accounts }
}

/// The settings of the window just before the one `settings` describe (same length and periods,
/// ending the month before it starts), anchored as the segmentation anchors it. `None` without
/// order history.
pub fn previous_window_settings(
    settings: &SegmentationSettings,
    latest: Option<NaiveDate>,
) -> Option<SegmentationSettings> {
    let window = Window::from_settings(settings, latest)?;
    let end_month = window.first_month() - 1;
    let end = NaiveDate::from_ymd_opt(end_month.div_euclid(12), end_month.rem_euclid(12) as u32 + 1, 1)?;
    Some(SegmentationSettings { window_end: Some(end), ..settings.clone() })
}

/// The two segmentations (the window before, then the current one) and the movement between
/// them. `None` without order history.
pub fn compare_windows(ws: &Workspace, settings: &SegmentationSettings) -> Option<WindowComparison> {
    let previous = previous_window_settings(settings, ws.latest_order_date())?;
    let before = segment_workspace(ws, &previous);
    let after = segment_workspace(ws, settings);
    let movement = movement(&before, &after);
    Some(WindowComparison { before, after, movement })
}

/// What [`compare_windows`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowComparison {
    pub before: Segmentation,
    pub after: Segmentation,
    pub movement: Movement,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_rows_name_direction_count_and_accounts() {
        let cell = |abc, xyz| Cell { abc, xyz };
        let (ax, bx, cz) = (
            cell(AbcClass::A, Some(XyzClass::X)),
            cell(AbcClass::B, Some(XyzClass::X)),
            cell(AbcClass::C, Some(XyzClass::Z)),
        );
        let account = |name: &str, cell| AccountRef { id: name.to_lowercase().into(), name: name.into(), cell };
        let mut table = [[0; CELLS]; CELLS];
        table[bx.rank()][ax.rank()] = 1;
        table[ax.rank()][ax.rank()] = 2;
        let m = Movement {
            table,
            moves: vec![AccountMove { account: account("Acme", ax), from: bx, to: ax }],
            stayed: 2,
            new_accounts: vec![account("Nova", cz)],
            gone_accounts: vec![account("Old", bx)],
        };
        type Shown = (Option<String>, Option<String>, Direction, usize, Vec<String>);
        let rows: Vec<Shown> = m
            .rows()
            .into_iter()
            .map(|r| {
                (
                    r.from.map(Cell::code),
                    r.to.map(Cell::code),
                    r.direction,
                    r.count,
                    r.accounts.iter().map(|a| a.to_string()).collect(),
                )
            })
            .collect();
        let ax_s = Some("AX".to_string());
        assert_eq!(
            rows,
            [
                (ax_s.clone(), ax_s.clone(), Direction::Stayed, 2, vec![]),
                (Some("BX".into()), ax_s.clone(), Direction::Rose, 1, vec!["Acme".to_string()]),
                (Some("BX".into()), None, Direction::Gone, 1, vec!["Old".to_string()]),
                (None, Some("CZ".into()), Direction::New, 1, vec!["Nova".to_string()]),
            ]
        );
        assert_eq!(Direction::of(Some(ax), Some(cz)), Direction::Fell);
    }
    use crate::model::{monthly_totals, Account, OrderLine};
    use proptest::prelude::*;

    fn d(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 15).unwrap()
    }

    /// Accounts with a revenue per month of 2024 and of 2025 (`None` = no purchase that month).
    fn workspace(accounts: &[(&str, Vec<Option<f64>>)]) -> Workspace {
        let mut ws = Workspace::default();
        for (name, months) in accounts {
            let a = Account::new(name);
            let id = a.id.clone();
            ws.insert_account(a);
            let lines = months
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    v.map(|revenue| OrderLine {
                        date: d(2024 + i as i32 / 12, i as u32 % 12 + 1),
                        revenue,
                        profit: None,
                    })
                })
                .collect::<Vec<_>>();
            ws.set_history(&id, monthly_totals(&lines));
        }
        ws
    }

    #[test]
    fn cells_rank_abc_first_then_xyz_then_unclassified() {
        let codes: Vec<String> = Cell::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes, ["AX", "AY", "AZ", "A?", "BX", "BY", "BZ", "B?", "CX", "CY", "CZ", "C?"]);
        assert!(Cell::ALL.iter().enumerate().all(|(i, c)| c.rank() == i));
    }

    #[test]
    fn the_window_before_ends_the_month_before_this_one_starts() {
        let s = SegmentationSettings::default();
        let prev = previous_window_settings(&s, Some(d(2025, 12))).unwrap();
        assert_eq!(prev.window_end, NaiveDate::from_ymd_opt(2024, 12, 1));
        let w = Window::from_settings(&prev, None).unwrap();
        assert_eq!(w.label(), "2024-01 – 2024-12");
        assert!(previous_window_settings(&s, None).is_none());
    }

    #[test]
    fn a_steady_account_stays_a_new_one_appears_a_silent_one_is_gone() {
        let steady = vec![Some(100.0); 24];
        let mut new = vec![None; 12];
        new.extend(vec![Some(10.0); 12]);
        let mut gone = vec![Some(10.0); 12];
        gone.extend(vec![None; 12]);
        // Regular in 2024, irregular in 2025: AX → AZ, a fall.
        let mut wobbly = vec![Some(100.0); 12];
        wobbly.extend([
            Some(400.0),
            None,
            None,
            Some(10.0),
            None,
            None,
            Some(300.0),
            None,
            None,
            None,
            None,
            Some(5.0),
        ]);
        let ws = workspace(&[("Steady", steady), ("New", new), ("Gone", gone), ("Wobbly", wobbly)]);
        let cmp = compare_windows(&ws, &SegmentationSettings::default()).unwrap();
        let m = &cmp.movement;
        assert_eq!(m.stayed, 1);
        assert_eq!(m.new_accounts.iter().map(|a| &*a.name).collect::<Vec<_>>(), ["New"]);
        assert_eq!(m.gone_accounts.iter().map(|a| &*a.name).collect::<Vec<_>>(), ["Gone"]);
        assert_eq!(m.moves.len(), 1);
        let w = &m.moves[0];
        assert_eq!(
            (&*w.account.name, w.from.code(), w.to.code(), w.rose()),
            ("Wobbly", "AX".into(), "AZ".into(), false)
        );
        assert_eq!((m.rose(), m.fell()), (0, 1));
        let ax = Cell { abc: AbcClass::A, xyz: Some(XyzClass::X) };
        let az = Cell { abc: AbcClass::A, xyz: Some(XyzClass::Z) };
        assert_eq!(m.table[ax.rank()][ax.rank()], 1);
        assert_eq!(m.table[ax.rank()][az.rank()], 1);
        assert_eq!(m.table.iter().flatten().sum::<usize>(), 2);
    }

    fn arb_months() -> impl Strategy<Value = Vec<Option<f64>>> {
        prop::collection::vec(prop::option::weighted(0.7, prop::sample::select(vec![5.0, 50.0, 100.0, 900.0])), 24)
    }

    proptest! {
        #[test]
        fn the_table_agrees_with_both_segmentations(accounts in prop::collection::vec(arb_months(), 1..9)) {
            let named: Vec<(String, Vec<Option<f64>>)> =
                accounts.into_iter().enumerate().map(|(i, m)| (format!("Account {i}"), m)).collect();
            let refs: Vec<(&str, Vec<Option<f64>>)> = named.iter().map(|(n, m)| (n.as_str(), m.clone())).collect();
            let ws = workspace(&refs);
            let settings = SegmentationSettings::default();
            let Some(cmp) = compare_windows(&ws, &settings) else { return Ok(()) };
            // The same as running the segmentation twice.
            let previous = previous_window_settings(&settings, ws.latest_order_date()).unwrap();
            prop_assert_eq!(&cmp.before, &segment_workspace(&ws, &previous));
            prop_assert_eq!(&cmp.after, &segment_workspace(&ws, &settings));
            prop_assert_eq!(&cmp.movement, &movement(&cmp.before, &cmp.after));
            let m = &cmp.movement;
            let in_both = |s: &Segmentation, other: &Segmentation, cell: Cell| {
                s.rows.iter().filter(|r| bought(r) && Cell::of(r) == cell && other.row(&r.id).is_some_and(bought)).count()
            };
            for cell in Cell::ALL {
                let row_sum: usize = m.table[cell.rank()].iter().sum();
                let col_sum: usize = m.table.iter().map(|r| r[cell.rank()]).sum();
                prop_assert_eq!(row_sum, in_both(&cmp.before, &cmp.after, cell));
                prop_assert_eq!(col_sum, in_both(&cmp.after, &cmp.before, cell));
            }
            // With the accounts gone (new), the rows (columns) give the segmentation's own matrix.
            for abc in AbcClass::ALL {
                for xyz in XyzClass::ALL {
                    let cell = Cell { abc, xyz: Some(xyz) };
                    let gone = m.gone_accounts.iter().filter(|a| a.cell == cell).count();
                    let new = m.new_accounts.iter().filter(|a| a.cell == cell).count();
                    let row_sum: usize = m.table[cell.rank()].iter().sum();
                    let col_sum: usize = m.table.iter().map(|r| r[cell.rank()]).sum();
                    prop_assert_eq!(row_sum + gone, cmp.before.matrix[abc as usize][xyz as usize].count);
                    prop_assert_eq!(col_sum + new, cmp.after.matrix[abc as usize][xyz as usize].count);
                }
            }
            let trace: usize = (0..CELLS).map(|i| m.table[i][i]).sum();
            prop_assert_eq!(trace, m.stayed);
            prop_assert_eq!(m.table.iter().flatten().sum::<usize>(), m.stayed + m.moves.len());
            prop_assert!(m.moves.iter().all(|mv| mv.from != mv.to));
            let rose = m.rose();
            prop_assert!(m.moves[..rose].iter().all(AccountMove::rose) && !m.moves[rose..].iter().any(AccountMove::rose));
        }
    }

    #[test]
    fn the_demo_portfolio_compares_two_years() {
        let ws = crate::demo::test_demo();
        let cmp = compare_windows(&ws, &SegmentationSettings::default()).unwrap();
        assert_eq!(cmp.before.window_label.as_deref(), Some("2024-11 – 2025-10"));
        assert_eq!(cmp.after.window_label.as_deref(), Some("2025-11 – 2026-10"));
        let m = &cmp.movement;
        let moves: Vec<(&str, String, String)> =
            m.moves.iter().map(|mv| (&*mv.account.name, mv.from.code(), mv.to.code())).collect();
        assert_eq!(
            moves,
            vec![
                ("Tartu Software Partners OÜ", "BY".into(), "AY".into()),
                ("Narva Textiles AS", "CZ".into(), "BZ".into()),
                ("Bergen Offshore Services AS", "AZ".into(), "BZ".into()),
            ]
        );
        assert_eq!((m.rose(), m.fell(), m.stayed), (2, 1, 31));
        let cells = |list: &[AccountRef]| list.iter().map(|a| a.cell.code()).collect::<Vec<_>>();
        assert_eq!(cells(&m.new_accounts), ["BX", "CX", "C?"]);
        assert_eq!(cells(&m.gone_accounts), ["BZ", "CZ", "CZ"]);
    }
}
