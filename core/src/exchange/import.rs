//! Import of order lines from a spreadsheet export (CSV), in two steps: [`parse_text`] (or
//! [`parse_table`] on bytes) reads enough of the file to find the header row below any title
//! rows, show the first rows and guess the mapping; [`RowImporter`] then reads every row in
//! chunks (so the page can show progress), skipping totals rows, and [`apply_import`] merges the
//! result into a workspace copy that the caller stores in one transaction.
//!
//! Reading the table (encoding, delimiter, header row) is in `table`, guessing the columns from
//! their names in `columns`; this file holds the shapes they share and the row importer.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::rc::Rc;

use super::dates::{parse_date, DateError, DateFormat};
use super::numbers::{parse_number, Decimal, NumberError};
use super::totals::{equals_sum, is_totals_label};
use super::xlsx::WorkbookProblem;
use super::zip_reader::ZipError;
use crate::model::{
    add_line, line_count, normalise_months, normalise_name, normalise_name_into, Account, MonthTotal, OrderLine,
    Workspace,
};

mod columns;
mod index;
mod table;

pub use columns::{guess_columns, guess_mapping, ColumnGuess};
use index::AccountIndex;
pub(crate) use table::table_from_text;
pub use table::{looks_like_old_excel, parse_table, parse_text};
use table::{reader, skip_rows, SharedText};

/// How many rows the preview and the format detection look at.
const SAMPLE_ROWS: usize = 2_000;
/// How many rows from the top are searched for the header row (title rows, blank rows, a
/// report's filter settings come first in some exports).
const HEADER_SEARCH_ROWS: usize = 40;
/// How many skipped rows are listed one by one (all are counted).
const LISTED_SKIPS: usize = 500;
/// Longer customer names are refused: no real name is, and the UI lists names in full.
pub const MAX_NAME_CHARS: usize = 300;

/// Why a file cannot be imported at all (the words are the UI's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ImportError {
    Empty,
    NoHeader,
    /// How many columns the header row has (fewer than three).
    TooFewColumns(usize),
    /// The CSV reader's own message about the header row.
    Unreadable(String),
    /// Starts like a workbook, but its ZIP directory cannot be read.
    NotAWorkbook(ZipError),
    /// A workbook whose parts cannot be read.
    DamagedWorkbook(WorkbookProblem),
    /// An Excel 97–2003 workbook (`.xls`, an OLE compound file), which is not read: see
    /// [`super::xlsx`] for why.
    OldExcelWorkbook,
    /// The chosen header row is past the rows the file has (`rows` of them were read).
    NoSuchHeaderRow {
        row: usize,
        rows: usize,
    },
    /// The chosen sheet is past the workbook's `sheets` sheets.
    NoSuchSheet {
        sheet: usize,
        sheets: usize,
    },
}

/// What the user chose in the mapping step, for reading the file again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableOptions {
    /// The row that holds the column names, counted from 0 over the rows the file has (blank
    /// lines are not rows, nor are a workbook's empty rows); `None`: the first row that looks
    /// like a header. Only rows near the top can be chosen ([`Table::top_rows`]).
    #[serde(default)]
    pub header_row: Option<usize>,
    /// For workbooks: the sheet, counted from 0; `None`: the first that looks like order lines.
    #[serde(default)]
    pub sheet: Option<usize>,
}

/// How a file was read, for the user to check: shown above the mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableNote {
    /// Not UTF-8: decoded as Windows-1252, so accents may be wrong.
    ReadAsWindows1252,
    /// An `.xlsx` workbook: only its first worksheet is read. (No longer said: the sheet is
    /// chosen, see [`TableNote::SeveralSheets`].)
    FirstWorksheet,
    /// A workbook with several sheets: one is read ([`Table::sheet`]), the user may pick another.
    SeveralSheets,
}

/// The first rows of a file, for the mapping step.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub delimiter: u8,
    pub headers: Vec<String>,
    /// Up to a few thousand data rows, for the preview and for detecting formats.
    pub sample: Vec<Vec<String>>,
    /// Notes for the user about how the file was read, e.g. a non-UTF-8 encoding.
    pub notes: Vec<TableNote>,
    /// The row the column names were taken from (see [`TableOptions::header_row`]).
    pub header_row: usize,
    /// Rows near the top that look like a header, the one used among them: what the header-row
    /// picker offers.
    pub header_candidates: Vec<usize>,
    /// The first rows of the file as read (a few more than are searched for the header), from
    /// row 0, so the picker can show each candidate and what is above the header.
    pub top_rows: Vec<Vec<String>>,
    /// For workbooks: the names of its sheets, in order (empty for CSV).
    pub sheets: Vec<String>,
    /// For workbooks: the sheet read.
    pub sheet: Option<usize>,
    /// The whole file as UTF-8, BOM removed: what [`RowImporter`] reads. Shared, not copied:
    /// a large export is tens of megabytes.
    text: Rc<String>,
}

/// Which column holds what, and how its values are written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub account: usize,
    pub date: usize,
    pub revenue: usize,
    pub profit: Option<usize>,
    pub date_format: DateFormat,
    /// True when the date format was a guess the data could not confirm.
    pub date_format_guessed: bool,
    pub decimal: Decimal,
    /// A customer-number column: rows are then grouped by the number, and an account is named
    /// by its latest spelling. `None` groups by name.
    #[serde(default)]
    pub customer_number: Option<usize>,
}
impl Table {
    pub fn byte_len(&self) -> usize {
        self.text.len()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// Line number in the file (1 is its first line).
    pub line: u64,
    pub reason: SkipReason,
}

/// The columns an order line is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Customer,
    Date,
    Revenue,
    Profit,
}

impl Column {
    pub fn id(self) -> &'static str {
        match self {
            Column::Customer => "customer",
            Column::Date => "date",
            Column::Revenue => "revenue",
            Column::Profit => "profit",
        }
    }
}

/// Why a row was skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The CSV reader's own message.
    Unreadable(String),
    EmptyRow,
    /// The row is shorter than the mapping: it has no cell for this column.
    MissingColumn(Column),
    NoCustomerName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    NameTooLong {
        max_chars: usize,
    },
    Date(DateError),
    Revenue(NumberError),
    Profit(NumberError),
    /// The customer cell (or the row's first cell) labels a total or subtotal: "Total",
    /// "Итого", "Summe", "合计"…
    TotalsRow,
    /// A row without a customer or a date whose revenue is the sum of the order lines above it
    /// (since the previous total, or since the start): an unlabelled total.
    SumOfRowsAbove,
}

/// How the rows were grouped into accounts, for the preview to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountGrouping {
    /// By the customer's name, case and spacing aside.
    ByName,
    /// By the customer-number column; each account is named by its latest spelling (by date).
    /// `accounts_renamed` accounts had more than one spelling.
    ByCustomerNumber { accounts: usize, accounts_renamed: usize },
}

/// One account as read from the file: its name and its order lines added up per month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedAccount {
    pub name: String,
    /// In month order, one per month.
    pub months: Vec<MonthTotal>,
}

impl ImportedAccount {
    /// How many order lines of the file the account has.
    pub fn line_count(&self) -> usize {
        line_count(&self.months)
    }
}

/// Reads all rows of a file in steps, so the caller can yield to the page between them.
pub struct RowImporter {
    reader: csv::Reader<SharedText>,
    record: csv::StringRecord,
    mapping: ColumnMapping,
    total_bytes: usize,
    index: AccountIndex,
    /// The row's account key, in one buffer reused from row to row.
    key: String,
    pub accounts: Vec<ImportedAccount>,
    /// For each account: the date of the row its name was taken from, and whether it had
    /// another spelling.
    spelling: Vec<(NaiveDate, bool)>,
    /// For each account grouped by number: its number.
    numbers: Vec<Option<String>>,
    pub imported: usize,
    pub skipped_count: usize,
    pub skipped: Vec<Skipped>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Revenue and order lines since the previous totals row, and since the start: a row whose
    /// revenue equals either sum is an unlabelled total.
    since_total: (f64, usize),
    since_start: (f64, usize),
    done: bool,
}

impl RowImporter {
    pub fn new(table: &Table, mapping: ColumnMapping) -> Self {
        let mut reader = reader(&table.text, table.delimiter);
        skip_rows(&mut reader, table.header_row + 1);
        RowImporter {
            reader,
            record: csv::StringRecord::new(),
            mapping,
            total_bytes: table.text.len(),
            index: AccountIndex::default(),
            key: String::new(),
            accounts: Vec::new(),
            spelling: Vec::new(),
            numbers: Vec::new(),
            imported: 0,
            skipped_count: 0,
            skipped: Vec::new(),
            first_date: None,
            last_date: None,
            since_total: (0.0, 0),
            since_start: (0.0, 0),
            done: false,
        }
    }

    /// Fraction of the file read, 0.0 to 1.0.
    pub fn progress(&self) -> f64 {
        if self.done || self.total_bytes == 0 {
            1.0
        } else {
            self.reader.position().byte() as f64 / self.total_bytes as f64
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// How the rows were grouped into accounts.
    pub fn grouping(&self) -> AccountGrouping {
        match self.mapping.customer_number {
            None => AccountGrouping::ByName,
            Some(_) => AccountGrouping::ByCustomerNumber {
                accounts: self.accounts.len(),
                accounts_renamed: self.spelling.iter().filter(|s| s.1).count(),
            },
        }
    }

    fn skip(&mut self, line: u64, reason: SkipReason) {
        self.skipped_count += 1;
        if self.skipped.len() < LISTED_SKIPS {
            self.skipped.push(Skipped { line, reason });
        }
    }

    /// Two customer numbers whose names are the same (case and spacing aside) stay two accounts:
    /// each such name gets its number, "Acme (10002)". The workspace knows accounts by name, so
    /// without it their order lines would become one account's.
    fn tell_same_names_apart(&mut self) {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for account in &self.accounts {
            *by_name.entry(normalise_name(&account.name)).or_default() += 1;
        }
        for (account, number) in self.accounts.iter_mut().zip(&self.numbers) {
            if let Some(number) = number {
                if by_name.get(&normalise_name(&account.name)).is_some_and(|&n| n > 1) {
                    account.name = format!("{} ({number})", account.name);
                }
            }
        }
    }

    /// Why a row that is not an order line is a total, if it is one.
    fn totals_reason(&self, reason: &SkipReason) -> Option<SkipReason> {
        if !matches!(reason, SkipReason::NoCustomerName | SkipReason::Date(_) | SkipReason::MissingColumn(Column::Date))
        {
            return None;
        }
        let revenue = self.record.get(self.mapping.revenue).and_then(|c| parse_number(c, self.mapping.decimal).ok())?;
        let matches = |(sum, lines): (f64, usize)| lines >= 2 && equals_sum(revenue, sum);
        (matches(self.since_total) || matches(self.since_start)).then_some(SkipReason::SumOfRowsAbove)
    }

    fn is_labelled_total(&self) -> bool {
        let m = &self.mapping;
        // The row's first filled cell too: 1C and SAP put "Итого" / "Summe" in the first column,
        // whichever column the customer is in.
        let first = self.record.iter().position(|c| !c.trim().is_empty()).filter(|&i| i != m.account);
        [Some(m.account), m.customer_number, first]
            .into_iter()
            .flatten()
            .filter_map(|i| self.record.get(i))
            .any(is_totals_label)
    }

    /// Reads up to `max_rows` rows. Returns true once the whole file is read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        for _ in 0..max_rows {
            let line = self.reader.position().line();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    self.tell_same_names_apart();
                    return true;
                }
                Ok(true) => {}
                Err(e) => {
                    self.skip(line, SkipReason::Unreadable(e.to_string()));
                    continue;
                }
            }
            let line = self.record.position().map_or(line, |p| p.line());
            if !self.record.iter().all(|c| c.trim().is_empty()) && self.is_labelled_total() {
                self.since_total = (0.0, 0);
                self.skip(line, SkipReason::TotalsRow);
                continue;
            }
            match parse_row(&self.record, &self.mapping) {
                Ok((name, number, order)) => {
                    self.key.clear();
                    match number {
                        Some(n) => {
                            self.key.push('#');
                            self.key.push_str(n);
                        }
                        None => normalise_name_into(name, &mut self.key),
                    }
                    let name = name.trim();
                    let slot = match self.index.get(&self.key) {
                        Some(i) => i,
                        None => {
                            self.accounts.push(ImportedAccount { name: name.to_string(), months: Vec::new() });
                            self.spelling.push((order.date, false));
                            self.numbers.push(number.map(str::to_string));
                            self.index.insert(&self.key, self.accounts.len() - 1);
                            self.accounts.len() - 1
                        }
                    };
                    if number.is_some() && self.accounts[slot].name != name {
                        let (date, _) = self.spelling[slot];
                        if order.date >= date {
                            self.accounts[slot].name = name.to_string();
                            self.spelling[slot].0 = order.date;
                        }
                        self.spelling[slot].1 = true;
                    }
                    add_line(&mut self.accounts[slot].months, &order);
                    self.imported += 1;
                    self.since_total = (self.since_total.0 + order.revenue, self.since_total.1 + 1);
                    self.since_start = (self.since_start.0 + order.revenue, self.since_start.1 + 1);
                    self.first_date = Some(self.first_date.map_or(order.date, |d| d.min(order.date)));
                    self.last_date = Some(self.last_date.map_or(order.date, |d| d.max(order.date)));
                }
                Err(reason) => {
                    let reason = match self.totals_reason(&reason) {
                        Some(total) => {
                            self.since_total = (0.0, 0);
                            total
                        }
                        None => reason,
                    };
                    self.skip(line, reason)
                }
            }
        }
        false
    }
}

/// A row's customer name, its customer number when the mapping has a number column and the
/// cell is filled, and its order line.
fn parse_row<'r>(
    record: &'r csv::StringRecord,
    m: &ColumnMapping,
) -> Result<(&'r str, Option<&'r str>, OrderLine), SkipReason> {
    if record.iter().all(|c| c.trim().is_empty()) {
        return Err(SkipReason::EmptyRow);
    }
    let cell = |i: usize, column: Column| record.get(i).ok_or(SkipReason::MissingColumn(column));
    let name = cell(m.account, Column::Customer)?;
    if name.trim().is_empty() {
        return Err(SkipReason::NoCustomerName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(SkipReason::NameTooLong { max_chars: MAX_NAME_CHARS });
    }
    let number = m.customer_number.and_then(|n| record.get(n)).map(str::trim).filter(|n| !n.is_empty());
    let date = parse_date(cell(m.date, Column::Date)?, m.date_format).map_err(SkipReason::Date)?;
    let revenue = parse_number(cell(m.revenue, Column::Revenue)?, m.decimal).map_err(SkipReason::Revenue)?;
    let profit = match m.profit {
        Some(p) => {
            let raw = cell(p, Column::Profit)?;
            if raw.trim().is_empty() {
                None
            } else {
                Some(parse_number(raw, m.decimal).map_err(SkipReason::Profit)?)
            }
        }
        None => None,
    };
    Ok((name, number, OrderLine { date, revenue, profit }))
}

/// What an import changed, for the confirmation and the summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportOutcome {
    pub new_accounts: usize,
    pub updated_accounts: usize,
    pub lines_added: usize,
    /// Lines already stored for the months the file covers, replaced by the file's.
    pub lines_replaced: usize,
}

/// The months from the file's first date to its last, as month indices (`year * 12 + month - 1`).
fn months_of(range: (NaiveDate, NaiveDate)) -> std::ops::RangeInclusive<i32> {
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    index(range.0)..=index(range.1)
}

/// Merges imported accounts into the workspace. A re-import of a newer export replaces, for the
/// accounts it contains, the stored months from the file's first month to its last, and keeps
/// everything else: older history, accounts typed by hand, key status and dossiers. The history
/// is kept as monthly totals, so a month is replaced whole: an export that starts on the 15th
/// replaces its first month (exports cover whole months; say so in the docs).
pub fn apply_import(ws: &mut Workspace, imported: &[ImportedAccount], range: (NaiveDate, NaiveDate)) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let covered = months_of(range);
    // Two entries can name one account (grouped by number, or built by a caller): the period is
    // cleared once, or the second entry would delete the months the first just added.
    let mut cleared = std::collections::HashSet::new();
    for entry in imported {
        let id = normalise_name(&entry.name);
        // An indexed lookup (with 10,000 accounts a linear search each time was the slowest
        // part of a large import).
        if ws.account(&id).is_none() {
            ws.insert_account(Account::new(&entry.name));
            outcome.new_accounts += 1;
        } else if !cleared.contains(&id) {
            outcome.updated_accounts += 1;
        }
        let history = ws.history_mut(&id);
        if cleared.insert(id) {
            let before = line_count(history);
            history.retain(|m| !covered.contains(&m.index()));
            outcome.lines_replaced += before - line_count(history);
        }
        history.extend_from_slice(&entry.months);
        normalise_months(history);
        outcome.lines_added += entry.line_count();
    }
    outcome
}

/// What [`apply_import`] would change, without changing anything: the preview before the user
/// confirms. It neither copies the workspace nor sorts a month, so a large file's preview costs
/// the page a look-up per account and a pass over the months it replaces.
pub fn import_outcome(ws: &Workspace, imported: &[ImportedAccount], range: (NaiveDate, NaiveDate)) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let covered = months_of(range);
    let mut seen = std::collections::HashSet::new();
    for entry in imported {
        let id = normalise_name(&entry.name);
        outcome.lines_added += entry.line_count();
        if !seen.insert(id.clone()) {
            continue;
        }
        if ws.account(&id).is_none() {
            outcome.new_accounts += 1;
        } else {
            outcome.updated_accounts += 1;
            outcome.lines_replaced += ws
                .history(&id)
                .map_or(0, |h| h.iter().filter(|m| covered.contains(&m.index())).map(|m| m.lines as usize).sum());
        }
    }
    outcome
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
