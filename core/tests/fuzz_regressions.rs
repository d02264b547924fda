//! Replays every input the fuzzers ever crashed on (tests/fixtures/fuzz-regressions/<target>/)
//! and the hostile corpus through the same entry points, natively: none may panic.

use kam_core::exchange::{
    apply_import, detect_encoding, guess_mapping, looks_like_xlsx, parse_table, parse_text, parse_xlsx, read_encrypted,
    read_file, read_workbook, FileError, ImportError, RowImporter, TableOptions,
};
use std::path::Path;

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.is_file() && !p.ends_with(".keep")).collect();
    out.sort();
    out
}

fn table_import(data: &[u8]) {
    let table = if looks_like_xlsx(data) { parse_xlsx(data) } else { parse_table(data) };
    let Ok(table) = table else { return };
    if let (Some(a), Some(d), Some(r), p) = guess_mapping(&table) {
        let mut importer = RowImporter::new(&table, table.mapping(a, d, r, p));
        while !importer.step(256) {}
        if let (Some(first), Some(last)) = (importer.first_date, importer.last_date) {
            let mut ws = kam_core::demo::demo_workspace(|t| t.id());
            apply_import(&mut ws, &importer.accounts, (first, last));
        }
    }
}

#[test]
fn fuzz_regressions_and_hostile_files_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut n = 0;
    for path in files(&root.join("fuzz-regressions/json_import"))
        .into_iter()
        .chain(files(&root.join("fuzz-regressions/migrations")))
    {
        let data = std::fs::read(&path).unwrap();
        let _ = read_file(&data);
        let _ = read_encrypted(&data);
        n += 1;
    }
    for path in files(&root.join("fuzz-regressions/table_import")) {
        table_import(&std::fs::read(&path).unwrap());
        n += 1;
    }
    // The workbook and decoding fuzzers' finds, read with every sheet and header-row choice.
    for path in files(&root.join("fuzz-regressions/read_workbook"))
        .into_iter()
        .chain(files(&root.join("fuzz-regressions/decode_detect")))
    {
        let data = std::fs::read(&path).unwrap();
        let _ = detect_encoding(&data);
        for pick in [None, Some(0), Some(1), Some(2)] {
            let options = TableOptions { sheet: pick, header_row: pick };
            if let Ok(table) = read_workbook(&data, &options) {
                assert!(table.sheet.is_some_and(|s| s < table.sheets.len()));
            }
            let _ = parse_text(&String::from_utf8_lossy(&data), &TableOptions { sheet: None, header_row: pick });
        }
        n += 1;
    }
    for path in files(&root.join("hostile")) {
        let data = std::fs::read(&path).unwrap();
        if path.extension().is_some_and(|e| e == "json") {
            let _ = read_file(&data);
        } else {
            table_import(&data);
        }
        n += 1;
    }
    assert!(n >= 100, "the hostile corpus is there ({n} files)");
}

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hostile").join(name)).unwrap()
}

/// The hostile plan files the browser test must see refused (tests/e2e/hostile.test.mjs) are
/// refused natively too, each for its own reason.
#[test]
fn hostile_plan_files_are_refused_for_their_reason() {
    let id = "nordhavn logistics a/s".to_string();
    let cases = [
        ("kam-checksum-mismatch.kam.json", FileError::ChecksumMismatch),
        ("kam-version-future.kam.json", FileError::NewerVersion { version: 9, newest: 5 }),
        ("kam-version-zero.kam.json", FileError::VersionZero),
        ("kam-version-fraction.kam.json", FileError::VersionNotAWholeNumber),
        ("kam-duplicate-account-ids.kam.json", FileError::DuplicateAccount { id: id.clone() }),
        ("kam-history-twice.kam.json", FileError::DuplicateHistory { account_id: id.clone() }),
        ("kam-dossier-twice.kam.json", FileError::DuplicateDossier { account_id: id }),
        ("kam-dossier-unknown-account.kam.json", FileError::DossierForUnknownAccount { account_id: "ghost".into() }),
        ("kam-history-unknown-account.kam.json", FileError::HistoryForUnknownAccount { account_id: "ghost".into() }),
        ("kam-account-empty-id.kam.json", FileError::AccountWithoutIdOrName),
        ("kam-nested-arrays.kam.json", FileError::TooDeep { max_depth: 64 }),
        ("kam-invalid-utf8.kam.json", FileError::NotUtf8),
        ("kam-utf16.kam.json", FileError::NotUtf8),
        ("kam-empty.kam.json", FileError::Empty),
        ("kam-array.kam.json", FileError::JsonNotAnObject),
        ("kam-format-other.kam.json", FileError::WrongFormat),
        ("kam-checksum-missing.kam.json", FileError::Incomplete { detail: "missing field `checksum`".into() }),
        (
            "kam-scope-unknown.kam.json",
            FileError::WrongField {
                field: "scope".into(),
                detail: "unknown variant `galaxy`, expected `workspace` or `account`".into(),
            },
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(read_file(&hostile(name)).err(), Some(expected), "{name}");
    }
    assert!(matches!(read_file(&hostile("kam-truncated-99.kam.json")), Err(FileError::InvalidJson { line: 9, .. })));
    assert!(matches!(read_file(&hostile("kam-revenue-1e400.kam.json")), Err(FileError::Malformed { .. })));
    assert!(read_file(&hostile("kam-rtl-and-emoji.kam.json")).is_ok());
}

/// Spreadsheets that are not order exports are refused with their reason.
#[test]
fn hostile_spreadsheets_that_cannot_be_read_say_why() {
    use kam_core::exchange::{TableNote, ZipError};
    let read = |name: &str| {
        let data = hostile(name);
        if looks_like_xlsx(&data) {
            parse_xlsx(&data)
        } else {
            parse_table(&data)
        }
    };
    let cases = [
        ("empty.csv", ImportError::Empty),
        ("bom-only.csv", ImportError::Empty),
        ("empty-header-names.csv", ImportError::NoHeader),
        ("one-column.csv", ImportError::TooFewColumns(1)),
        ("two-columns.csv", ImportError::TooFewColumns(2)),
        ("png-named-csv.csv", ImportError::TooFewColumns(1)),
        ("xlsx-truncated.xlsx", ImportError::NotAWorkbook(ZipError::NoDirectory)),
        ("xlsx-zip-garbage.xlsx", ImportError::NotAWorkbook(ZipError::NoDirectory)),
        ("xlsx-inflates-to-40mb-of-zeros.xlsx", ImportError::Empty),
    ];
    for (name, expected) in cases {
        assert_eq!(read(name).err(), Some(expected), "{name}");
    }
    assert_eq!(read("invalid-utf8.csv").unwrap().notes, vec![TableNote::ReadAsWindows1252]);
}
