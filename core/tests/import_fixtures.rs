//! Every fixture of tests/fixtures/import (written by its make.py, one small export per case of
//! issue 14) imported end to end as the app does it: detect the encoding, decode (here with
//! encoding_rs, in the app with the browser's TextDecoder), read the table, guess the columns
//! with no help, read every row. Names, months and sums are compared with expected.json, which
//! make.py computed from the order lines themselves.

use std::collections::BTreeMap;
use std::path::Path;

use kam_core::exchange::{
    detect_encoding, guess_columns, parse_text, read_workbook, RowImporter, SkipReason, Table, TableOptions,
};
use serde_json::Value;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import")
}

fn read_table(file: &str, bytes: &[u8], case: &Value) -> Table {
    if file.ends_with(".xlsx") || file.ends_with(".ods") {
        let table = read_workbook(bytes, &TableOptions::default()).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        let sheets: Vec<String> = serde_json::from_value(case["sheets"].clone()).unwrap();
        assert_eq!(table.sheets, sheets, "{file}");
        assert_eq!(table.sheet, case["sheet"].as_u64().map(|s| s as usize), "{file}: the sheet with the orders");
        return table;
    }
    let guess = detect_encoding(bytes);
    eprintln!("{file}: detected {} (confident: {})", guess.label, guess.confident);
    if let Some(label) = case["detected_as"].as_str() {
        assert_eq!(guess.label, label, "{file}: detected encoding");
    }
    // Decoded in the encoding the file is in: detected, or picked by the user where the
    // detector is weak.
    let label = case["encoding"].as_str().unwrap();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).expect("a WHATWG label");
    let (text, _, had_errors) = encoding.decode(bytes);
    assert!(!had_errors, "{file} decodes as {label}");
    parse_text(&text, &TableOptions::default()).unwrap_or_else(|e| panic!("{file}: {e:?}"))
}

#[test]
fn every_fixture_imports_with_the_right_names_months_and_sums() {
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap();
    assert!(expected.len() >= 18, "the fixtures are there");
    for (file, case) in &expected {
        let bytes = std::fs::read(dir().join(file)).unwrap();
        let table = read_table(file, &bytes, case);
        let g = guess_columns(&table);
        let (Some(account), Some(date), Some(revenue)) = (g.account, g.date, g.revenue) else {
            panic!("{file}: no manual mapping needed, but got {g:?} for {:?}", table.headers);
        };
        let mapping = table.mapping(account, date, revenue, g.profit);
        let mut importer = RowImporter::new(&table, mapping);
        while !importer.step(7) {}

        let totals = importer
            .skipped
            .iter()
            .filter(|s| matches!(s.reason, SkipReason::TotalsRow | SkipReason::SumOfRowsAbove))
            .count();
        assert_eq!(totals as u64, case["totals_skipped"].as_u64().unwrap(), "{file}: {:?}", importer.skipped);
        assert_eq!(importer.skipped_count, totals, "{file}: only totals are skipped: {:?}", importer.skipped);
        assert_eq!(importer.imported as u64, case["imported"].as_u64().unwrap(), "{file}");

        let mut got: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
        for account in &importer.accounts {
            let months = got.entry(account.name.clone()).or_default();
            for m in &account.months {
                *months.entry(format!("{:04}-{:02}", m.year, m.month)).or_default() += m.revenue;
            }
        }
        let want: BTreeMap<String, BTreeMap<String, f64>> = serde_json::from_value(case["accounts"].clone()).unwrap();
        assert_eq!(got.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "{file}: account names");
        for (name, months) in &want {
            for (month, sum) in months {
                let value = got[name].get(month).copied().unwrap_or(f64::NAN);
                assert!((value - sum).abs() < 1e-6, "{file}: {name} in {month}: {value}, expected {sum}");
            }
            assert_eq!(got[name].len(), months.len(), "{file}: {name}'s months");
        }
    }
}

#[test]
fn the_first_sheet_and_row_can_be_chosen_instead() {
    let bytes = std::fs::read(dir().join("sheets.xlsx")).unwrap();
    use kam_core::exchange::ImportError;
    // The chosen sheet and row are read, even when they are not a table: the user hears why.
    let notes = read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(0) });
    assert_eq!(notes.unwrap_err(), ImportError::TooFewColumns(1));
    let title = read_workbook(&bytes, &TableOptions { header_row: Some(0), sheet: Some(1) });
    assert_eq!(title.unwrap_err(), ImportError::TooFewColumns(1), "row 0 is the title 'Orders 2025'");
    let orders = read_workbook(&bytes, &TableOptions { header_row: Some(1), sheet: Some(1) }).unwrap();
    assert_eq!((orders.header_row, orders.headers[0].as_str()), (1, "Customer"), "blank sheet rows are not rows");
    assert_eq!(orders.header_candidates, vec![1]);
    let bytes = std::fs::read(dir().join("sheets.ods")).unwrap();
    assert_eq!(
        read_workbook(&bytes, &TableOptions { header_row: None, sheet: Some(5) }).unwrap_err(),
        ImportError::NoSuchSheet { sheet: 5, sheets: 2 }
    );
}

/// Crashes the `decode_detect` and `read_workbook` fuzzers find are kept in
/// tests/fixtures/fuzz-regressions/<target>/ and replayed here, with every hostile file and
/// fixture through both entry points: none may panic.
#[test]
fn fuzz_regressions_of_decoding_and_workbooks_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut n = 0;
    for sub in ["fuzz-regressions/decode_detect", "fuzz-regressions/read_workbook", "hostile", "import"] {
        let Ok(entries) = std::fs::read_dir(root.join(sub)) else { continue };
        for path in entries.flatten().map(|e| e.path()).filter(|p| p.is_file()) {
            let data = std::fs::read(&path).unwrap();
            let _ = detect_encoding(&data);
            let _ = parse_text(&String::from_utf8_lossy(&data), &TableOptions { header_row: Some(1), sheet: None });
            for sheet in [None, Some(0), Some(1)] {
                let _ = read_workbook(&data, &TableOptions { header_row: None, sheet });
            }
            n += 1;
        }
    }
    assert!(n > 100, "{n} files");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Damaged workbooks (bytes flipped anywhere) are refused or read, never a panic.
    #[test]
    fn damaged_workbooks_never_panic(ods in proptest::bool::ANY, flips in proptest::collection::vec((0usize..1 << 20, 0u8..=255), 1..8)) {
        let name = if ods { "sheets.ods" } else { "sheets.xlsx" };
        let mut bytes = std::fs::read(dir().join(name)).unwrap();
        for (at, value) in flips {
            let len = bytes.len();
            bytes[at % len] = value;
        }
        if let Ok(table) = read_workbook(&bytes, &TableOptions::default()) {
            let g = guess_columns(&table);
            if let (Some(a), Some(d), Some(r)) = (g.account, g.date, g.revenue) {
                let mut importer = RowImporter::new(&table, table.mapping(a, d, r, g.profit));
                while !importer.step(64) {}
            }
        }
    }
}
