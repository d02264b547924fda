//! Reading a CSV file's first rows: its encoding, its delimiter, and the header row below any
//! title rows.

use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use super::super::dates::{detect_date_format, parse_date};
use super::super::numbers::{parse_number, Decimal};
use super::{ImportError, Table, TableNote, TableOptions, HEADER_SEARCH_ROWS, SAMPLE_ROWS};

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
pub(super) struct SharedText {
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

pub(super) fn reader(text: &Rc<String>, delimiter: u8) -> csv::Reader<SharedText> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(SharedText { text: text.clone(), at: 0 })
}

/// Reads past `rows` rows (an unreadable row counts as one, as it does in the header search).
pub(super) fn skip_rows(reader: &mut csv::Reader<SharedText>, rows: usize) {
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
/// caller (the browser's `TextDecoder`, after [`super::super::detect_encoding`]) and read with
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
