//! Import of order lines from a spreadsheet export (CSV), in two steps: [`parse_table`] reads
//! enough of the file to show its first rows and guess the mapping; [`RowImporter`] then reads
//! every row in chunks (so the page can show progress), and [`apply_import`] merges the result
//! into a workspace copy that the caller stores in one transaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use super::dates::{detect_date_format, parse_date, DateError, DateFormat};
use super::numbers::{detect_decimal, parse_number, Decimal, NumberError};
use super::xlsx::WorkbookProblem;
use super::zip_reader::ZipError;
use crate::model::{normalise_name, Account, OrderLine, Workspace};

/// How many rows the preview and the format detection look at.
const SAMPLE_ROWS: usize = 2_000;
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
}

/// How a file was read, for the user to check: shown above the mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TableNote {
    /// Not UTF-8: decoded as Windows-1252, so accents may be wrong.
    ReadAsWindows1252,
    /// An `.xlsx` workbook: only its first worksheet is read.
    FirstWorksheet,
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
}

/// Windows-1252 for the bytes 0x80–0x9F; the rest of the range is Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn decode(bytes: &[u8], notes: &mut Vec<TableNote>) -> String {
    let text = decode_bytes(bytes, notes);
    // Windows line ends become plain ones: the csv reader otherwise reports every row's line
    // number one too low, and users look rows up by that number.
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

fn decode_bytes(bytes: &[u8], notes: &mut Vec<TableNote>) -> String {
    // UTF-16 with a byte-order mark: what Excel writes for "Unicode text".
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|c| from([c[0], c[1]]));
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            notes.push(TableNote::ReadAsWindows1252);
            bytes
                .iter()
                .map(|&b| if (0x80..0xA0).contains(&b) { CP1252_HIGH[(b - 0x80) as usize] } else { b as char })
                .collect()
        }
    }
}

/// The delimiter is the one of `;`, tab and `,` that occurs most often outside quotes in the
/// header line.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for ch in text.bytes() {
        match ch {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for c in counts.iter_mut() {
                    if c.0 == ch {
                        c.1 += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts.iter().max_by_key(|c| c.1).filter(|c| c.1 > 0).map_or(b',', |c| c.0)
}

/// Reads the shared file text without copying it.
struct SharedText {
    text: Rc<String>,
    at: usize,
}

impl Read for SharedText {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let rest = &self.text.as_bytes()[self.at..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.at += n;
        Ok(n)
    }
}

fn reader(text: &Rc<String>, delimiter: u8) -> csv::Reader<SharedText> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(SharedText { text: text.clone(), at: 0 })
}

/// Reads the header and the first rows of a CSV file.
pub fn parse_table(bytes: &[u8]) -> Result<Table, ImportError> {
    let mut notes = Vec::new();
    let text = decode(bytes, &mut notes);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = detect_delimiter(&text);
    let text = Rc::new(text);
    let mut rdr = reader(&text, delimiter);
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| ImportError::Unreadable(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::NoHeader);
    }
    if headers.len() < 3 {
        return Err(ImportError::TooFewColumns(headers.len()));
    }
    let mut sample = Vec::new();
    for record in rdr.records().take(SAMPLE_ROWS) {
        match record {
            Ok(r) => sample.push(r.iter().map(str::to_string).collect()),
            Err(_) => continue,
        }
    }
    Ok(Table { delimiter, headers, sample, notes, text })
}

const ACCOUNT_WORDS: &[&str] = &[
    "account",
    "customer",
    "client",
    "company",
    "buyer",
    "kunde",
    "kund",
    "klient",
    "asiakas",
    "yritys",
    "firma",
    "ettevõte",
    "cliente",
    "société",
    "клиент",
    "покупатель",
    "контрагент",
    "客户",
    "客戶",
    "pelanggan",
    "nasabah",
];
const DATE_WORDS: &[&str] =
    &["date", "datum", "päivä", "pvm", "kuupäev", "fecha", "data", "дата", "日期", "tanggal", "day", "period"];
const PROFIT_WORDS: &[&str] = &[
    "profit",
    "margin",
    "gewinn",
    "marge",
    "deckungsbeitrag",
    "kate",
    "kasum",
    "tulos",
    "beneficio",
    "bénéfice",
    "прибыль",
    "маржа",
    "利润",
    "毛利",
    "laba",
    "keuntungan",
    "vinst",
];
const REVENUE_WORDS: &[&str] = &[
    "revenue",
    "sales",
    "amount",
    "turnover",
    "value",
    "total",
    "net",
    "umsatz",
    "betrag",
    "myynti",
    "liikevaihto",
    "summa",
    "käive",
    "müük",
    "ventas",
    "importe",
    "chiffre",
    "montant",
    "выручка",
    "сумма",
    "продажи",
    "收入",
    "销售",
    "销售额",
    "金额",
    "penjualan",
    "omzet",
    "pendapatan",
    "försäljning",
    "belopp",
];

fn score(header: &str, words: &[&str]) -> usize {
    let h = header.to_lowercase();
    words.iter().filter(|w| h.contains(*w)).map(|w| w.chars().count()).max().unwrap_or(0)
}

/// Guesses which column is which from header names (several languages) and the values, and how
/// dates and numbers are written. Columns it cannot find are `None`: the user picks them.
pub fn guess_mapping(table: &Table) -> (Option<usize>, Option<usize>, Option<usize>, Option<usize>) {
    let mut taken = vec![false; table.headers.len()];
    let mut pick = |words: &[&str]| {
        let best = table
            .headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, h)| (score(h, words), i))
            .filter(|(s, _)| *s > 0)
            .max_by_key(|(s, i)| (*s, usize::MAX - i))
            .map(|(_, i)| i);
        if let Some(i) = best {
            taken[i] = true;
        }
        best
    };
    let profit = pick(PROFIT_WORDS);
    let date = pick(DATE_WORDS);
    let account = pick(ACCOUNT_WORDS);
    let revenue = pick(REVENUE_WORDS);
    (account, date, revenue, profit)
}

impl Table {
    pub fn column<'a>(&'a self, index: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.sample.iter().filter_map(move |r| r.get(index).map(String::as_str))
    }

    /// A full mapping from chosen columns, with formats detected from the sample.
    pub fn mapping(&self, account: usize, date: usize, revenue: usize, profit: Option<usize>) -> ColumnMapping {
        let (date_format, date_format_guessed) =
            detect_date_format(self.column(date)).unwrap_or((DateFormat::Iso, true));
        let fallback = if self.delimiter == b';' { Decimal::Comma } else { Decimal::Dot };
        let values = self.column(revenue).chain(profit.into_iter().flat_map(|p| self.column(p)));
        let decimal = detect_decimal(values, fallback);
        ColumnMapping { account, date, revenue, profit, date_format, date_format_guessed, decimal }
    }

    pub fn byte_len(&self) -> usize {
        self.text.len()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// Line number in the file (1 is the header).
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
}

/// Order lines of one account as read from the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedLine {
    pub name: String,
    pub lines: Vec<OrderLine>,
}

/// Reads all rows of a file in steps, so the caller can yield to the page between them.
pub struct RowImporter {
    reader: csv::Reader<SharedText>,
    record: csv::StringRecord,
    mapping: ColumnMapping,
    total_bytes: usize,
    index: HashMap<String, usize>,
    pub accounts: Vec<ImportedLine>,
    pub imported: usize,
    pub skipped_count: usize,
    pub skipped: Vec<Skipped>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    done: bool,
}

impl RowImporter {
    pub fn new(table: &Table, mapping: ColumnMapping) -> Self {
        let mut reader = reader(&table.text, table.delimiter);
        let _ = reader.headers();
        RowImporter {
            reader,
            record: csv::StringRecord::new(),
            mapping,
            total_bytes: table.text.len(),
            index: HashMap::new(),
            accounts: Vec::new(),
            imported: 0,
            skipped_count: 0,
            skipped: Vec::new(),
            first_date: None,
            last_date: None,
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

    fn skip(&mut self, line: u64, reason: SkipReason) {
        self.skipped_count += 1;
        if self.skipped.len() < LISTED_SKIPS {
            self.skipped.push(Skipped { line, reason });
        }
    }

    /// Reads up to `max_rows` rows. Returns true once the whole file is read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        for _ in 0..max_rows {
            let line = self.reader.position().line();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return true;
                }
                Ok(true) => {}
                Err(e) => {
                    self.skip(line, SkipReason::Unreadable(e.to_string()));
                    continue;
                }
            }
            let line = self.record.position().map_or(line, |p| p.line());
            match parse_row(&self.record, &self.mapping) {
                Ok((name, order)) => {
                    let key = normalise_name(name);
                    let slot = match self.index.get(&key) {
                        Some(&i) => i,
                        None => {
                            self.accounts.push(ImportedLine { name: name.trim().to_string(), lines: Vec::new() });
                            self.index.insert(key, self.accounts.len() - 1);
                            self.accounts.len() - 1
                        }
                    };
                    self.accounts[slot].lines.push(order);
                    self.imported += 1;
                    self.first_date = Some(self.first_date.map_or(order.date, |d| d.min(order.date)));
                    self.last_date = Some(self.last_date.map_or(order.date, |d| d.max(order.date)));
                }
                Err(reason) => self.skip(line, reason),
            }
        }
        false
    }
}

fn parse_row<'r>(record: &'r csv::StringRecord, m: &ColumnMapping) -> Result<(&'r str, OrderLine), SkipReason> {
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
    Ok((name, OrderLine { date, revenue, profit }))
}

/// What an import changed, for the confirmation and the summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportOutcome {
    pub new_accounts: usize,
    pub updated_accounts: usize,
    pub lines_added: usize,
    /// Lines already stored for the period the file covers, replaced by the file's.
    pub lines_replaced: usize,
}

/// Merges imported lines into the workspace. A re-import of a newer export replaces, for the
/// accounts it contains, the stored lines inside the file's date range and keeps everything
/// else: older history, accounts typed by hand, key status and dossiers.
pub fn apply_import(ws: &mut Workspace, imported: &[ImportedLine], range: (NaiveDate, NaiveDate)) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    for entry in imported {
        let id = normalise_name(&entry.name);
        // An indexed lookup (with 10,000 accounts a linear search each time was the slowest
        // part of a large import).
        if ws.account(&id).is_none() {
            ws.insert_account(Account::new(&entry.name));
            outcome.new_accounts += 1;
        } else {
            outcome.updated_accounts += 1;
        }
        let history = ws.history_mut(&id);
        let before = history.len();
        history.retain(|l| l.date < range.0 || l.date > range.1);
        outcome.lines_replaced += before - history.len();
        history.extend_from_slice(&entry.lines);
        history.sort_by_key(|l| l.date);
        outcome.lines_added += entry.lines.len();
    }
    outcome
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
