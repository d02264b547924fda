//! Workbooks (`.xlsx`, and OpenDocument `.ods` in [`super::ods`]): the chosen sheet becomes CSV
//! text, with dates written as ISO dates and numbers as plain numbers (cached values of
//! formulas), so that everything after it (header row, mapping, format detection, row reading)
//! is the code that reads CSV exports. Without a choice, the sheet read is the first that looks
//! like order lines: its columns name a customer, a date and a revenue.
//!
//! Old `.xls` (BIFF in an OLE compound file) is not read: calamine is the well-kept reader,
//! but it brings its own ZIP, encoding_rs's encoders and a BIFF parser, several hundred KB of
//! the import worker's download for a format Excel has not written by default since 2007. The
//! user is told to save the file as `.xlsx` or CSV ([`super::ImportError::OldExcelWorkbook`]).
//!
//! Why not calamine: it pulls in encoding_rs's tables (via quick-xml's `encoding` feature),
//! which added 255 KB to the app's compressed download. An `.xlsx` is a ZIP of UTF-8 XML
//! parts: [`super::zip_reader`] opens it, quick-xml parses the parts, and this module only
//! walks the four parts an import needs.

use chrono::{Duration, NaiveDate};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::import::{guess_columns, table_from_text, ImportError, Table, TableNote, TableOptions};
use super::zip_reader::{ZipError, ZipReader};

/// Excel's built-in number formats that show dates (ECMA-376 §18.8.30).
const BUILTIN_DATE_FORMATS: &[u32] = &[14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57];
/// Parts larger than this are refused: a real order export's sheet XML is far smaller.
const MAX_PART_BYTES: usize = 512 * 1024 * 1024;

/// What is wrong inside a workbook that opened as a ZIP archive.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WorkbookProblem {
    Zip(ZipError),
    PartNotUtf8 {
        part: String,
    },
    NoWorksheet,
    /// quick-xml's own message.
    Xml(String),
    /// The CSV writer's own message.
    Csv(String),
}

pub(super) fn damaged(problem: WorkbookProblem) -> ImportError {
    ImportError::DamagedWorkbook(problem)
}

pub(super) fn xml_error(e: impl std::fmt::Display) -> ImportError {
    damaged(WorkbookProblem::Xml(e.to_string()))
}

/// Writes one row of a sheet as CSV (shared with the `.ods` reader).
pub(super) fn write_row(writer: &mut csv::Writer<Vec<u8>>, row: &[String]) -> Result<(), ImportError> {
    writer.write_record(row).map_err(|e| damaged(WorkbookProblem::Csv(e.to_string())))
}

/// The CSV text a sheet's writer holds (shared with the `.ods` reader).
pub(super) fn csv_text(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, ImportError> {
    writer.into_inner().map_err(|e| damaged(WorkbookProblem::Csv(e.to_string())))
}

/// Appends what a character or entity reference stands for (`&#233;`, `&amp;`); an unknown
/// entity adds nothing. Shared with the `.ods` reader.
pub(super) fn push_reference(text: &mut String, r: &BytesRef) {
    match r.resolve_char_ref() {
        Ok(Some(c)) => text.push(c),
        _ => text.push_str(match r.as_ref() {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => "",
        }),
    }
}

/// True when the bytes start like a ZIP archive, as every `.xlsx` does.
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

fn excel_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30).map(|base| base + Duration::days(serial.floor() as i64))
}

fn read_part(zip: &mut ZipReader, name: &str) -> Result<Option<String>, ImportError> {
    match zip.read(name, MAX_PART_BYTES).map_err(|e| damaged(WorkbookProblem::Zip(e)))? {
        None => Ok(None),
        Some(bytes) => {
            String::from_utf8(bytes).map(Some).map_err(|_| damaged(WorkbookProblem::PartNotUtf8 { part: name.into() }))
        }
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// What [`walk`] reports: an element's start (or an empty element), or an element's end with
/// the text collected since the last start.
enum Node<'a, 'e> {
    Start(&'a BytesStart<'e>),
    End(&'a str, String),
}

/// Walks an XML part, reporting starts and ends with their text.
fn walk(xml: &str, mut on: impl FnMut(Node)) -> Result<(), ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) => {
                text.clear();
                on(Node::Start(&e));
            }
            Event::Empty(e) => on(Node::Start(&e)),
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t),
            Event::GeneralRef(r) => push_reference(&mut text, &r),
            Event::End(e) => on(Node::End(e.local_name().as_ref(), std::mem::take(&mut text))),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The workbook's sheets, in order: their names and the paths of their parts.
fn sheet_list(zip: &mut ZipReader) -> Result<Vec<(String, String)>, ImportError> {
    let fallback = || vec![("Sheet1".to_string(), "xl/worksheets/sheet1.xml".to_string())];
    let (Some(workbook), Some(rels)) =
        (read_part(zip, "xl/workbook.xml")?, read_part(zip, "xl/_rels/workbook.xml.rels")?)
    else {
        return Ok(fallback());
    };
    let mut sheets: Vec<(String, Option<String>)> = Vec::new();
    walk(&workbook, |node| {
        if let Node::Start(e) = node {
            if e.local_name().as_ref() == "sheet" {
                sheets.push((attr(e, "name").unwrap_or_default(), attr(e, "r:id")));
            }
        }
    })?;
    let mut targets = std::collections::HashMap::new();
    walk(&rels, |node| {
        if let Node::Start(e) = node {
            if e.local_name().as_ref() == "Relationship" {
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    targets.insert(id, target);
                }
            }
        }
    })?;
    let list: Vec<(String, String)> = sheets
        .into_iter()
        .filter_map(|(name, id)| {
            let target = targets.get(&id?)?;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some((name, path))
        })
        .collect();
    Ok(if list.is_empty() { fallback() } else { list })
}

/// For each cell style index, whether it shows a date.
fn date_styles(styles: &str) -> Result<Vec<bool>, ImportError> {
    let mut custom_dates = Vec::new();
    let mut xfs = Vec::new();
    let mut in_cell_xfs = false;
    let mut reader = Reader::from_str(styles);
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id: Option<u32> = attr(&e, "numFmtId").and_then(|v| v.parse().ok());
                    let code = attr(&e, "formatCode").unwrap_or_default().to_lowercase();
                    // A date format names days or years; "[h]:mm" durations, "0.00" and
                    // "[Red]0.00" do not.
                    let unquoted = format_code_letters(&code);
                    if let Some(id) = id.filter(|_| unquoted.contains('y') || unquoted.contains('d')) {
                        custom_dates.push(id);
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    let id: u32 = attr(&e, "numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0);
                    xfs.push(BUILTIN_DATE_FORMATS.contains(&id) || custom_dates.contains(&id));
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            Event::Eof => return Ok(xfs),
            _ => {}
        }
    }
}

/// The letters of a number format that are format codes: not quoted text, not `\`-escaped
/// characters, not `[Red]` or `[$-409]` sections.
fn format_code_letters(code: &str) -> String {
    let mut out = String::new();
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            _ if quoted || bracket => {}
            c => out.push(c),
        }
    }
    out
}

/// "BC12" → column index 54.
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(letters.iter().fold(0usize, |acc, b| acc * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1) - 1)
}

/// True when the bytes are an OpenDocument spreadsheet rather than an Excel workbook (both are
/// ZIP archives).
pub fn looks_like_ods(bytes: &[u8]) -> bool {
    ZipReader::new(bytes).is_ok_and(|zip| is_ods(&zip))
}

fn is_ods(zip: &ZipReader) -> bool {
    zip.contains("content.xml") && !zip.contains("xl/workbook.xml")
}

/// Reads a workbook (`.xlsx` or `.ods`) into a [`Table`]: the sheet `options` names, or the first
/// that looks like order lines (else the first).
pub fn read_workbook(bytes: &[u8], options: &TableOptions) -> Result<Table, ImportError> {
    let mut zip = ZipReader::new(bytes).map_err(ImportError::NotAWorkbook)?;
    if is_ods(&zip) {
        let sheets = super::ods::read_sheets(&read_part(&mut zip, "content.xml")?.unwrap_or_default())?;
        let (names, texts): (Vec<String>, Vec<Vec<u8>>) = sheets.into_iter().unzip();
        return choose_sheet(names, options, |i| Ok(texts[i].clone()));
    }
    let sheets = sheet_list(&mut zip)?;
    let mut shared = Vec::new();
    if let Some(sst) = read_part(&mut zip, "xl/sharedStrings.xml")? {
        let mut current = String::new();
        let mut phonetic = false;
        walk(&sst, |node| match node {
            Node::Start(e) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Node::End("rPh", _) => phonetic = false,
            Node::End("t", text) if !phonetic => current.push_str(&text),
            Node::End("si", _) => shared.push(std::mem::take(&mut current)),
            _ => {}
        })?;
    }
    let dates = match read_part(&mut zip, "xl/styles.xml")? {
        Some(styles) => date_styles(&styles)?,
        None => Vec::new(),
    };
    let (names, paths): (Vec<String>, Vec<String>) = sheets.into_iter().unzip();
    choose_sheet(names, options, |i| {
        let sheet = read_part(&mut zip, &paths[i])?.ok_or(damaged(WorkbookProblem::NoWorksheet))?;
        sheet_csv(&sheet, &shared, &dates)
    })
}

/// Reads the chosen sheet, or tries each in turn for the first that looks like order lines.
fn choose_sheet(
    names: Vec<String>,
    options: &TableOptions,
    mut csv_of: impl FnMut(usize) -> Result<Vec<u8>, ImportError>,
) -> Result<Table, ImportError> {
    if names.is_empty() {
        return Err(damaged(WorkbookProblem::NoWorksheet));
    }
    let mut read = |i: usize| -> Result<Table, ImportError> {
        let text = csv_of(i)?;
        let text = String::from_utf8(text).map_err(|e| damaged(WorkbookProblem::Csv(e.to_string())))?;
        let mut notes = Vec::new();
        if names.len() > 1 {
            notes.push(TableNote::SeveralSheets);
        }
        let mut table = table_from_text(text, notes, &TableOptions { header_row: options.header_row, sheet: None })?;
        table.sheets = names.clone();
        table.sheet = Some(i);
        Ok(table)
    };
    if let Some(i) = options.sheet {
        if i >= names.len() {
            return Err(ImportError::NoSuchSheet { sheet: i, sheets: names.len() });
        }
        return read(i);
    }
    let first = read(0);
    let looks_like_orders = |t: &Table| {
        let g = guess_columns(t);
        g.account.is_some() && g.date.is_some() && g.revenue.is_some()
    };
    if first.as_ref().is_ok_and(looks_like_orders) {
        return first;
    }
    for i in 1..names.len() {
        if let Ok(table) = read(i) {
            if looks_like_orders(&table) {
                return Ok(table);
            }
        }
    }
    first
}

/// One worksheet's XML as CSV text.
fn sheet_csv(sheet: &str, shared: &[String], dates: &[bool]) -> Result<Vec<u8>, ImportError> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let mut row: Vec<String> = Vec::new();
    let (mut kind, mut style, mut column) = (String::new(), 0usize, 0usize);
    let mut value = String::new();
    let mut in_formula = false;
    let mut failed = None;
    walk(sheet, |node| match node {
        Node::Start(e) => match e.local_name().as_ref() {
            "row" => row.clear(),
            "c" => {
                kind = attr(e, "t").unwrap_or_default();
                style = attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                column = attr(e, "r").and_then(|r| column_of(&r)).unwrap_or(row.len());
                value.clear();
            }
            "f" => in_formula = true,
            _ => {}
        },
        Node::End("f", _) => in_formula = false,
        // A formula's cached value is its <v>; the formula text itself is not a value.
        Node::End("v" | "t", text) if !in_formula => value.push_str(&text),
        Node::End("c", _) => {
            let cell = match kind.as_str() {
                "s" => value.trim().parse::<usize>().ok().and_then(|i| shared.get(i).cloned()).unwrap_or_default(),
                "b" => {
                    if value.trim() == "1" {
                        "TRUE".into()
                    } else {
                        "FALSE".into()
                    }
                }
                // An ISO 8601 date cell ("2025-04-25T00:00:00"): its date.
                "d" => value.trim().split('T').next().unwrap_or_default().to_string(),
                "n" | "" if dates.get(style).copied().unwrap_or(false) => value
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(excel_date)
                    .map_or_else(|| value.clone(), |d| d.to_string()),
                _ => value.clone(),
            };
            if column < 16_384 {
                if row.len() <= column {
                    row.resize(column + 1, String::new());
                }
                row[column] = cell;
            }
        }
        Node::End("row", _) if !row.iter().all(String::is_empty) && failed.is_none() => {
            failed = write_row(&mut writer, &row).err();
        }
        _ => {}
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    csv_text(writer)
}

/// Reads a workbook (`.xlsx` or `.ods`) with the default choices: see [`read_workbook`].
pub fn parse_xlsx(bytes: &[u8]) -> Result<Table, ImportError> {
    read_workbook(bytes, &TableOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    /// A minimal but real workbook, as Excel lays it out (shared strings, a date style).
    pub(crate) fn workbook(rows: &[(&str, f64, f64)]) -> Vec<u8> {
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Revenue</t></is></c></row>"#,
        );
        let mut strings = vec!["Customer".to_string(), "Order date".to_string()];
        for (i, (name, date, revenue)) in rows.iter().enumerate() {
            strings.push(name.to_string());
            let r = i + 2;
            sheet.push_str(&format!(
                r#"<row r="{r}"><c r="A{r}" t="s"><v>{}</v></c><c r="B{r}" s="1"><v>{date}</v></c><c r="D{r}"><v>{revenue}</v></c></row>"#,
                strings.len() - 1
            ));
        }
        sheet.push_str("</sheetData></worksheet>");
        let sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
            strings
                .iter()
                .map(|s| format!("<si><t>{}</t></si>", quick_xml::escape::escape(s.as_str())))
                .collect::<String>()
        );
        let styles = r#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#;
        let wb = r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in [
            ("xl/workbook.xml", wb.to_string()),
            ("xl/_rels/workbook.xml.rels", rels.to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", sst),
            ("xl/styles.xml", styles.to_string()),
        ] {
            out.start_file(name, options).unwrap();
            out.write_all(body.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_shared_strings_dates_gaps_and_entities() {
        let bytes = workbook(&[("Müller & Söhne", 45772.0, 1234.5), ("客户 A", 45773.25, -3.0)]);
        assert!(looks_like_xlsx(&bytes));
        let table = parse_xlsx(&bytes).unwrap();
        assert_eq!(table.headers, vec!["Customer", "Order date", "", "Revenue"]);
        assert_eq!(table.sample[0], vec!["Müller & Söhne", "2025-04-25", "", "1234.5"]);
        assert_eq!(table.sample[1], vec!["客户 A", "2025-04-26", "", "-3"]);
    }

    #[test]
    fn only_format_codes_make_a_date() {
        assert_eq!(format_code_letters("dd\\.mm\\.yyyy"), "dd.mm.yyyy".replace('.', ""));
        assert_eq!(format_code_letters("[Red]#,##0.00"), "#,##0.00");
        assert_eq!(format_code_letters("#,##0 \"days\""), "#,##0 ");
        assert_eq!(format_code_letters("[$-409]d/m/yy"), "d/m/yy");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn dates_from_serials() {
        assert_eq!(excel_date(45772.5), NaiveDate::from_ymd_opt(2025, 4, 25));
        assert_eq!(excel_date(-1.0), None);
    }

    #[test]
    fn a_zip_that_is_not_a_workbook_is_refused_clearly() {
        assert_eq!(parse_xlsx(b"PK\x03\x04garbage"), Err(ImportError::NotAWorkbook(ZipError::NoDirectory)));
    }
}
