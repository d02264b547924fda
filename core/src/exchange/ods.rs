//! OpenDocument spreadsheets (`.ods`, LibreOffice's own format): every sheet of `content.xml`
//! becomes CSV text, as [`super::xlsx`] does for Excel, so the rest of the import is the CSV
//! reader's. Cells keep their typed value (`office:value`, `office:date-value`), not the text
//! shown, so "1 234,50 €" arrives as `1234.5` and a date as `2025-04-25`.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::import::ImportError;
use super::xlsx::{csv_text, push_reference, write_row, xml_error};

/// LibreOffice writes the unused rest of a sheet as one row repeated a million times and a row's
/// unused cells as one cell repeated a thousand: blank repeats are dropped, and a filled row or
/// cell is repeated at most this often, so a hostile file cannot blow up in memory.
const MAX_REPEAT: usize = 1_000;
/// Columns beyond this are dropped (Excel's limit; LibreOffice's is the same).
const MAX_COLUMNS: usize = 16_384;

/// An attribute by its local name (the `table:` / `office:` prefixes are conventions only).
fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn repeat(e: &BytesStart, local: &str) -> usize {
    attr(e, local).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).max(1)
}

/// A cell being read: its typed value from the attributes, or its text.
struct Cell {
    repeat: usize,
    value: Option<String>,
    text: String,
    paragraphs: usize,
}

impl Cell {
    fn start(e: &BytesStart) -> Cell {
        let value = match attr(e, "value-type").as_deref() {
            Some("float" | "currency" | "percentage") => attr(e, "value"),
            Some("date") => attr(e, "date-value").map(|d| d.split('T').next().unwrap_or_default().to_string()),
            Some("boolean") => {
                attr(e, "boolean-value").map(|b| if b == "true" { "TRUE".into() } else { "FALSE".into() })
            }
            _ => None,
        };
        Cell { repeat: repeat(e, "number-columns-repeated"), value, text: String::new(), paragraphs: 0 }
    }

    fn finish(self, row: &mut Vec<String>) {
        let value = self.value.unwrap_or(self.text);
        let times = if value.is_empty() { self.repeat.min(MAX_COLUMNS) } else { self.repeat.min(MAX_REPEAT) };
        for _ in 0..times.min(MAX_COLUMNS.saturating_sub(row.len())) {
            row.push(value.clone());
        }
    }
}

/// Every sheet of an ODS `content.xml`: its name and its rows as CSV text.
pub(crate) fn read_sheets(content: &str) -> Result<Vec<(String, Vec<u8>)>, ImportError> {
    let mut reader = Reader::from_str(content);
    let mut sheets = Vec::new();
    let mut writer: Option<(String, csv::Writer<Vec<u8>>)> = None;
    let mut row: Vec<String> = Vec::new();
    let mut row_repeat = 1;
    let mut cell: Option<Cell> = None;
    // Comments on a cell (office:annotation) hold paragraphs that are not its value.
    let mut annotation_depth = 0usize;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        let (e, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = e {
            match e.local_name().as_ref() {
                "table" => {
                    writer = Some((
                        attr(e, "name").unwrap_or_default(),
                        csv::WriterBuilder::new().flexible(true).from_writer(Vec::new()),
                    ))
                }
                "table-row" => {
                    row.clear();
                    row_repeat = repeat(e, "number-rows-repeated");
                }
                "table-cell" | "covered-table-cell" => {
                    let started = Cell::start(e);
                    if empty {
                        started.finish(&mut row);
                    } else {
                        cell = Some(started);
                    }
                }
                "annotation" if !empty => annotation_depth += 1,
                "p" | "h" if annotation_depth == 0 => {
                    if let Some(c) = cell.as_mut() {
                        if c.paragraphs > 0 {
                            c.text.push('\n');
                        }
                        c.paragraphs += 1;
                    }
                }
                "s" if annotation_depth == 0 => {
                    if let Some(c) = cell.as_mut() {
                        c.text.extend(std::iter::repeat_n(' ', repeat(e, "c").min(MAX_REPEAT)));
                    }
                }
                "tab" if annotation_depth == 0 => cell.iter_mut().for_each(|c| c.text.push('\t')),
                "line-break" if annotation_depth == 0 => cell.iter_mut().for_each(|c| c.text.push('\n')),
                _ => {}
            }
            // An empty <table:table-row/> is a blank row: nothing to write.
            continue;
        }
        match event {
            Event::Text(t) if annotation_depth == 0 => {
                if let Some(c) = cell.as_mut() {
                    c.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if annotation_depth == 0 => {
                if let Some(c) = cell.as_mut() {
                    push_reference(&mut c.text, &r);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "annotation" => annotation_depth = annotation_depth.saturating_sub(1),
                "table-cell" | "covered-table-cell" => {
                    if let Some(c) = cell.take() {
                        c.finish(&mut row);
                    }
                }
                "table-row" => {
                    while row.last().is_some_and(String::is_empty) {
                        row.pop();
                    }
                    if let (false, Some((_, w))) = (row.is_empty(), writer.as_mut()) {
                        for _ in 0..row_repeat.min(MAX_REPEAT) {
                            write_row(w, &row)?;
                        }
                    }
                    row.clear();
                }
                "table" => {
                    if let Some((name, w)) = writer.take() {
                        let text = csv_text(w)?;
                        sheets.push((name, text));
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(sheets),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::WorkbookProblem;

    fn sheet(name: &str, rows: &str) -> String {
        format!(r#"<table:table table:name="{name}">{rows}</table:table>"#)
    }

    fn content(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn text_of(sheets: &[(String, Vec<u8>)], i: usize) -> &str {
        std::str::from_utf8(&sheets[i].1).unwrap()
    }

    #[test]
    fn typed_values_repeats_and_text() {
        let rows = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Customer</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Date</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>Müller &amp; Söhne<text:s text:c="2"/>GmbH</text:p><office:annotation><text:p>call back</text:p></office:annotation></table:table-cell><table:table-cell office:value-type="date" office:date-value="2025-04-25T10:00:00"><text:p>25.04.25</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" office:value="1234.5"><text:p>1.234,50 €</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25 %</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
        let sheets = read_sheets(&content(&sheet("Orders", rows))).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_eq!(sheets[0].0, "Orders");
        assert_eq!(
            text_of(&sheets, 0),
            "Customer,Date,x,x\nMüller & Söhne  GmbH,2025-04-25,1234.5,0.25\nMüller & Söhne  GmbH,2025-04-25,1234.5,0.25\n"
        );
    }

    #[test]
    fn several_sheets_keep_their_names_and_order() {
        let one =
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>"#;
        let sheets = read_sheets(&content(&(sheet("Notes", one) + &sheet("Данные", one)))).unwrap();
        assert_eq!(sheets.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(), vec!["Notes", "Данные"]);
        assert_eq!(text_of(&sheets, 1), "1\n");
    }

    #[test]
    fn a_hostile_repeat_stays_bounded() {
        let rows = r#"<table:table-row table:number-rows-repeated="4000000000"><table:table-cell table:number-columns-repeated="4000000000" office:value-type="float" office:value="1"/></table:table-row>"#;
        let sheets = read_sheets(&content(&sheet("S", rows))).unwrap();
        assert_eq!(text_of(&sheets, 0).lines().count(), MAX_REPEAT);
        assert_eq!(text_of(&sheets, 0).lines().next().unwrap().split(',').count(), MAX_REPEAT);
    }

    #[test]
    fn broken_xml_is_a_damaged_workbook() {
        assert!(matches!(
            read_sheets("<office:document-content><table:table></oops>"),
            Err(ImportError::DamagedWorkbook(WorkbookProblem::Xml(_)))
        ));
    }
}
