//! The segmentation as a CSV file a consultant hands back to the client.

use crate::analysis::{AccountSegment, Segmentation};

pub const SEGMENTATION_CSV_HEADER: &str = "account,revenue,profit,share,abc,xyz,cv,flags";

/// Prefixes a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and the tab
/// and carriage return some spreadsheets also honour) with an apostrophe, so it shows as text.
pub fn neutralise_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// One row per account in rank order. `share` and `cv` are percentages with two decimals;
/// `xyz` is `-` for an unclassified account; `flags` lists the dependency flags and `key_account`,
/// separated by `|`. Numbers are written with a decimal point and no thousands separator.
pub fn segmentation_csv(seg: &Segmentation) -> String {
    segmentation_csv_rows(&seg.rows)
}

/// [`segmentation_csv`] of the rows alone: the app writes it in its import worker, from the rows
/// the page sends, so the CSV writer is not in the page's wasm.
pub fn segmentation_csv_rows(rows: &[AccountSegment]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let header: Vec<&str> = SEGMENTATION_CSV_HEADER.split(',').collect();
    w.write_record(&header).expect("writing to memory cannot fail");
    for r in rows {
        let mut flags: Vec<&str> = r.flags.iter().map(|f| f.id()).collect();
        if r.is_key {
            flags.push("key_account");
        }
        let record = [
            neutralise_cell(&r.name),
            format!("{:.2}", r.revenue),
            r.profit.map(|p| format!("{p:.2}")).unwrap_or_default(),
            format!("{:.2}", r.share_pct),
            r.abc.letter().to_string(),
            r.xyz.map_or("-", |x| x.letter()).to_string(),
            r.cv_pct.map(|c| format!("{c:.2}")).unwrap_or_default(),
            flags.join("|"),
        ];
        w.write_record(&record).expect("writing to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("memory writer")).expect("CSV of UTF-8 strings is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{segment, SegmentInput};
    use crate::model::SegmentationSettings;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"] {
            assert!(neutralise_cell(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(neutralise_cell("Acme"), "Acme");
    }

    #[test]
    fn csv_has_the_contract_header_and_one_row_per_account() {
        let input = |name: &str, v: f64| SegmentInput {
            id: name.into(),
            name: name.into(),
            is_key: name == "Big",
            revenue: vec![v; 12],
            profit: vec![0.0; 12],
            has_profit: false,
            first_period: 0,
        };
        let seg = segment(
            &[input("Big", 10.0), input("=cmd|' /C calc'!A0", 1.0), input("Quiet, Ltd", 0.0)],
            &SegmentationSettings::default(),
        );
        let text = segmentation_csv(&seg);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], SEGMENTATION_CSV_HEADER);
        assert_eq!(lines[1], "Big,120.00,,90.91,A,X,0.00,key_by_size|critical_dependency|mono_client|key_account");
        assert!(lines[2].starts_with("'=cmd|' /C calc'!A0,12.00,"), "{}", lines[2]);
        assert_eq!(lines[3], "\"Quiet, Ltd\",0.00,,0.00,C,-,,");
    }
}
