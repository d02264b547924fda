//! Import of order lines from a spreadsheet export (CSV), in two steps: [`parse_text`] (or
//! [`parse_table`] on bytes) reads enough of the file to find the header row below any title
//! rows, show the first rows and guess the mapping; [`RowImporter`] then reads every row in
//! chunks (so the page can show progress), skipping totals rows, and [`apply_import`] merges the
//! result into a workspace copy that the caller stores in one transaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use super::dates::{detect_date_format, parse_date, DateError, DateFormat};
use super::numbers::{detect_decimal, parse_number, Decimal, NumberError};
use super::totals::{equals_sum, is_totals_label};
use super::xlsx::WorkbookProblem;
use super::zip_reader::ZipError;
use crate::model::{normalise_name, Account, OrderLine, Workspace};

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

/// The delimiter is the one of `;`, tab and `,` that splits the most of the first lines (outside
/// quotes) into the same number of cells, three or more: a title row above the header ("Sales
/// 2025, all regions") must not decide it, nor decimal commas ("1,5" is two cells), nor
/// semicolons of HTML entities in names (their count varies from row to row). Ties go to the
/// one the first line has most of.
fn detect_delimiter(text: &str) -> u8 {
    const LINES: usize = 30;
    let candidates = [b';', b'\t', b','];
    // counts[line][candidate]
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut current = [0usize; 3];
    let mut quoted = false;
    let mut seen_text = false;
    for ch in text.bytes() {
        match ch {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if seen_text {
                    counts.push(std::mem::take(&mut current));
                    if counts.len() == LINES {
                        break;
                    }
                }
                seen_text = false;
            }
            _ if !quoted => {
                seen_text = true;
                if let Some(i) = candidates.iter().position(|&c| c == ch) {
                    current[i] += 1;
                }
            }
            _ => {}
        }
    }
    if seen_text && counts.len() < LINES {
        counts.push(current);
    }
    let first = counts.first().copied().unwrap_or_default();
    let score = |i: usize| {
        let mut tally: HashMap<usize, usize> = HashMap::new();
        for line in counts.iter().filter(|line| line[i] >= 2) {
            *tally.entry(line[i]).or_default() += 1;
        }
        let lines = tally.into_values().max().unwrap_or(0);
        (lines, first[i])
    };
    (0..3)
        .map(|i| (score(i), i))
        .filter(|(s, _)| s.0 > 0 || s.1 > 0)
        .max_by_key(|&(s, i)| (s, usize::MAX - i))
        .map_or(b',', |(_, i)| candidates[i])
}

/// A number, an amount or a date: what data rows have and header rows do not.
fn is_value(cell: &str) -> bool {
    parse_number(cell, Decimal::Dot).is_ok()
        || parse_number(cell, Decimal::Comma).is_ok()
        || detect_date_format([cell]).is_some_and(|(format, _)| parse_date(cell, format).is_ok())
}

fn filled(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

/// At least three names and mostly text: "Customer;Date;Revenue", not "Acme;01.02.2025;12,50"
/// and not a title row ("Sales report 2025;;").
fn looks_like_header(row: &[String]) -> bool {
    let cells = filled(row);
    let text = row.iter().filter(|c| !c.trim().is_empty() && !is_value(c.trim())).count();
    cells >= 3 && text >= 2 && text * 3 >= cells * 2
}

/// The rows after `header` (blank rows aside) are order lines: the first and most of the next
/// three hold numbers or dates, and about as many cells as the header names.
fn followed_by_data(rows: &[Vec<String>], header: usize) -> bool {
    let width = filled(&rows[header]);
    let is_data = |r: &Vec<String>| filled(r) >= 2 && filled(r) * 2 >= width && r.iter().any(|c| is_value(c.trim()));
    let next: Vec<&Vec<String>> = rows[header + 1..].iter().filter(|r| filled(r) > 0).take(3).collect();
    let data = next.iter().filter(|r| is_data(r)).count();
    next.first().is_some_and(|r| is_data(r)) && data * 2 >= next.len()
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
        .has_headers(false)
        .from_reader(SharedText { text: text.clone(), at: 0 })
}

/// Reads past `rows` rows (an unreadable row counts as one, as it does in the header search).
fn skip_rows(reader: &mut csv::Reader<SharedText>, rows: usize) {
    let mut record = csv::StringRecord::new();
    for _ in 0..rows {
        if let Ok(false) = reader.read_record(&mut record) {
            return;
        }
    }
}

/// The first bytes of an OLE compound file: Excel 97–2003 `.xls` (and old Word files).
pub fn looks_like_old_excel(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads the header and the first rows of a CSV file given as bytes: UTF-8 (with or without
/// BOM), UTF-16 with BOM, otherwise Windows-1252 (noted). Other encodings are decoded by the
/// caller (the browser's `TextDecoder`, after [`super::detect_encoding`]) and read with
/// [`parse_text`].
pub fn parse_table(bytes: &[u8]) -> Result<Table, ImportError> {
    if looks_like_old_excel(bytes) {
        return Err(ImportError::OldExcelWorkbook);
    }
    let mut notes = Vec::new();
    let text = decode(bytes, &mut notes);
    table_from_text(text, notes, &TableOptions::default())
}

/// Reads the header and the first rows of a CSV file that is already text (a BOM, if the
/// decoder kept it, is dropped). The header row is found below title and blank rows unless
/// `options` names it.
pub fn parse_text(text: &str, options: &TableOptions) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Windows line ends become plain ones, as in `decode`.
    let text = if text.contains('\r') { text.replace("\r\n", "\n") } else { text.to_string() };
    table_from_text(text, Vec::new(), options)
}

pub(crate) fn table_from_text(
    text: String,
    notes: Vec<TableNote>,
    options: &TableOptions,
) -> Result<Table, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = detect_delimiter(&text);
    let text = Rc::new(text);
    let mut rdr = reader(&text, delimiter);
    let mut top: Vec<Result<Vec<String>, String>> = Vec::new();
    let mut record = csv::StringRecord::new();
    // A few more rows than searched, so the last candidate can be checked for data below it.
    while top.len() < HEADER_SEARCH_ROWS + 3 {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => top.push(Ok(record.iter().map(str::to_string).collect())),
            Err(e) => top.push(Err(e.to_string())),
        }
    }
    let top_rows: Vec<Vec<String>> = top.iter().map(|r| r.clone().unwrap_or_default()).collect();
    let searched = top_rows.len().min(HEADER_SEARCH_ROWS);
    let mut header_candidates: Vec<usize> = (0..searched).filter(|&i| looks_like_header(&top_rows[i])).collect();
    let header_row = match options.header_row {
        Some(row) if row < top_rows.len() => row,
        Some(row) => return Err(ImportError::NoSuchHeaderRow { row, rows: top_rows.len() }),
        None => header_candidates.iter().copied().find(|&i| followed_by_data(&top_rows, i)).unwrap_or(0),
    };
    if !header_candidates.contains(&header_row) {
        header_candidates.push(header_row);
        header_candidates.sort_unstable();
    }
    let headers: Vec<String> = match &top[header_row] {
        Ok(cells) => cells.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => return Err(ImportError::Unreadable(e.clone())),
    };
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::NoHeader);
    }
    if headers.len() < 3 {
        return Err(ImportError::TooFewColumns(headers.len()));
    }
    let mut rdr = reader(&text, delimiter);
    skip_rows(&mut rdr, header_row + 1);
    let mut sample = Vec::new();
    for record in rdr.records().take(SAMPLE_ROWS) {
        match record {
            Ok(r) => sample.push(r.iter().map(str::to_string).collect()),
            Err(_) => continue,
        }
    }
    Ok(Table {
        delimiter,
        headers,
        sample,
        notes,
        header_row,
        header_candidates,
        top_rows,
        sheets: Vec::new(),
        sheet: None,
        text,
    })
}

// Header words in the model's languages (Estonian, Finnish, Russian, Chinese, Indonesian,
// Javanese), English and German, and a few neighbours'. A header matches a word it contains;
// the longest match wins, so "Kundennummer" is a number before it is a "kunde".
const ACCOUNT_WORDS: &[&str] = &[
    "account",
    "customer",
    "client",
    "company",
    "buyer",
    "debtor",
    "kunde",
    "kund",
    "debitor",
    "klient",
    "ostja",
    "asiakas",
    "yritys",
    "firma",
    "ettevõte",
    "cliente",
    "société",
    "клиент",
    "покупатель",
    "контрагент",
    "заказчик",
    "客户",
    "客戶",
    "顾客",
    "顧客",
    "买方",
    "得意先",
    "取引先",
    "pelanggan",
    "nasabah",
    "pembeli",
    "tumbas",
    "zákazník",
    "odběratel",
    "kontrahent",
    "odbiorca",
    "nabywca",
];
/// Header words that name a customer number or code on their own.
const NUMBER_WORDS: &[&str] = &[
    "customer no",
    "customer number",
    "customer id",
    "customer code",
    "account no",
    "account number",
    "account id",
    "client id",
    "kundennummer",
    "kundennr",
    "kunden-nr",
    "debitorennummer",
    "debitor-nr",
    "kliendi nr",
    "kliendinumber",
    "kliendi kood",
    "kliendikood",
    "asiakasnumero",
    "asiakasnro",
    "asiakastunnus",
    "код клиента",
    "номер клиента",
    "код контрагента",
    "код покупателя",
    "客户编号",
    "客户代码",
    "客户号",
    "客戶編號",
    "顧客番号",
    "顧客コード",
    "得意先コード",
    "no. pelanggan",
    "no pelanggan",
    "nomor pelanggan",
    "kode pelanggan",
    "id pelanggan",
];
/// Marks that, next to an account word, make the header a number ("Kunden-Nr.", "Client ID").
const NUMBER_TOKENS: &[&str] = &["no", "nr", "no.", "nr.", "id", "#", "code", "number", "num", "kood", "kode", "nomor"];
const NUMBER_PARTS: &[&str] = &["nummer", "numero", "номер", "код", "编号", "編號", "代码", "番号", "コード"];
const DATE_WORDS: &[&str] = &[
    "date",
    "datum",
    "päivä",
    "pvm",
    "kuupäev",
    "fecha",
    "data",
    "дата",
    "日期",
    "日付",
    "tanggal",
    "tgl",
    "day",
    "period",
    "период",
];
const PROFIT_WORDS: &[&str] = &[
    "profit",
    "margin",
    "gewinn",
    "marge",
    "deckungsbeitrag",
    "rohertrag",
    "kate",
    "kasum",
    "marginaal",
    "tulos",
    "voitto",
    "beneficio",
    "bénéfice",
    "прибыль",
    "маржа",
    "наценка",
    "利润",
    "毛利",
    "利潤",
    "利益",
    "粗利",
    "laba",
    "keuntungan",
    "bathi",
    "kauntungan",
    "vinst",
    "zisk",
    "zysk",
    "marża",
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
    "erlös",
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
    "оборот",
    "收入",
    "销售",
    "销售额",
    "金额",
    "营业额",
    "銷售",
    "銷售額",
    "金額",
    "營業額",
    "売上",
    "penjualan",
    "omzet",
    "pendapatan",
    "jumlah",
    "nilai",
    "dodolan",
    "försäljning",
    "belopp",
    "tržba",
    "částka",
    "obrat",
    "sprzedaż",
    "kwota",
    "wartość",
    "przychód",
];

fn score(header: &str, words: &[&str]) -> usize {
    let h = header.to_lowercase();
    words.iter().filter(|w| h.contains(*w)).map(|w| w.chars().count()).max().unwrap_or(0)
}

/// True when a header names a customer number or code rather than the customer's name.
fn is_number_header(header: &str) -> bool {
    let h = header.to_lowercase();
    if NUMBER_WORDS.iter().any(|w| h.contains(w)) {
        return true;
    }
    let has_account_word = ACCOUNT_WORDS.iter().any(|w| h.contains(w));
    let tokens = h.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '#')).filter(|t| !t.is_empty());
    let has_mark = tokens.into_iter().any(|t| NUMBER_TOKENS.contains(&t) || t.ends_with("-nr") || t.ends_with("nr."))
        || h.contains('#')
        || NUMBER_PARTS.iter().any(|p| h.contains(p));
    has_account_word && has_mark
}

/// The columns guessed from the header names; `None` where no name said it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnGuess {
    pub account: Option<usize>,
    pub date: Option<usize>,
    pub revenue: Option<usize>,
    pub profit: Option<usize>,
    /// A customer number or code next to the name column: rows are grouped by it.
    pub customer_number: Option<usize>,
}

/// Guesses which column is which from header names (several languages), including a customer
/// number beside the name. A number column with no name column beside it is the account.
pub fn guess_columns(table: &Table) -> ColumnGuess {
    let headers = &table.headers;
    let mut taken = vec![false; headers.len()];
    let mut pick = |words: &[&str], only: &dyn Fn(&str) -> bool| {
        let best = headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !taken[*i] && only(h))
            .map(|(i, h)| (score(h, words), i))
            .filter(|(s, _)| *s > 0)
            .max_by_key(|(s, i)| (*s, usize::MAX - i))
            .map(|(_, i)| i);
        if let Some(i) = best {
            taken[i] = true;
        }
        best
    };
    let any = |_: &str| true;
    let number = pick(&[ACCOUNT_WORDS, NUMBER_WORDS].concat(), &is_number_header);
    let profit = pick(PROFIT_WORDS, &any);
    let date = pick(DATE_WORDS, &any);
    let account = pick(ACCOUNT_WORDS, &|h: &str| !is_number_header(h));
    let revenue = pick(REVENUE_WORDS, &any);
    match (account, number) {
        (None, Some(n)) => ColumnGuess { account: Some(n), date, revenue, profit, customer_number: None },
        _ => ColumnGuess { account, date, revenue, profit, customer_number: number },
    }
}

/// Guesses which column is which from header names (several languages) and the values, and how
/// dates and numbers are written. Columns it cannot find are `None`: the user picks them.
/// (Account, date, revenue, profit; [`guess_columns`] also gives a customer-number column.)
pub fn guess_mapping(table: &Table) -> (Option<usize>, Option<usize>, Option<usize>, Option<usize>) {
    let g = guess_columns(table);
    (g.account, g.date, g.revenue, g.profit)
}

impl Table {
    pub fn column<'a>(&'a self, index: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.sample.iter().filter_map(move |r| r.get(index).map(String::as_str))
    }

    /// A full mapping from chosen columns, with formats detected from the sample. A guessed
    /// customer-number column that is none of the chosen ones groups the rows (set
    /// `customer_number` to `None` to group by name).
    pub fn mapping(&self, account: usize, date: usize, revenue: usize, profit: Option<usize>) -> ColumnMapping {
        let (date_format, date_format_guessed) =
            detect_date_format(self.column(date)).unwrap_or((DateFormat::Iso, true));
        let fallback = if self.delimiter == b';' { Decimal::Comma } else { Decimal::Dot };
        let values = self.column(revenue).chain(profit.into_iter().flat_map(|p| self.column(p)));
        let decimal = detect_decimal(values, fallback);
        let customer_number =
            guess_columns(self).customer_number.filter(|n| ![account, date, revenue].contains(n) && profit != Some(*n));
        ColumnMapping { account, date, revenue, profit, date_format, date_format_guessed, decimal, customer_number }
    }

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
            index: HashMap::new(),
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
                    let key = match number {
                        Some(n) => format!("#{n}"),
                        None => normalise_name(name),
                    };
                    let name = name.trim();
                    let slot = match self.index.get(&key) {
                        Some(&i) => i,
                        None => {
                            self.accounts.push(ImportedLine { name: name.to_string(), lines: Vec::new() });
                            self.spelling.push((order.date, false));
                            self.numbers.push(number.map(str::to_string));
                            self.index.insert(key, self.accounts.len() - 1);
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
                    self.accounts[slot].lines.push(order);
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
    /// Lines already stored for the period the file covers, replaced by the file's.
    pub lines_replaced: usize,
}

/// Merges imported lines into the workspace. A re-import of a newer export replaces, for the
/// accounts it contains, the stored lines inside the file's date range and keeps everything
/// else: older history, accounts typed by hand, key status and dossiers.
pub fn apply_import(ws: &mut Workspace, imported: &[ImportedLine], range: (NaiveDate, NaiveDate)) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    // Two entries can name one account (grouped by number, or built by a caller): the period is
    // cleared once, or the second entry would delete the lines the first just added.
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
            let before = history.len();
            history.retain(|l| l.date < range.0 || l.date > range.1);
            outcome.lines_replaced += before - history.len();
        }
        history.extend_from_slice(&entry.lines);
        history.sort_by_key(|l| l.date);
        outcome.lines_added += entry.lines.len();
    }
    outcome
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
