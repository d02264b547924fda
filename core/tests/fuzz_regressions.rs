//! Replays every input the fuzzers ever crashed on (tests/fixtures/fuzz-regressions/<target>/)
//! and the hostile corpus through the same entry points, natively: none may panic.

use kam_core::exchange::{apply_import, guess_mapping, looks_like_xlsx, parse_table, parse_xlsx, read_encrypted, read_file, RowImporter};
use std::path::Path;

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file() && !p.ends_with(".keep")).collect();
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
            let mut ws = kam_core::demo::demo_workspace();
            apply_import(&mut ws, &importer.accounts, (first, last));
        }
    }
}

#[test]
fn fuzz_regressions_and_hostile_files_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut n = 0;
    for path in files(&root.join("fuzz-regressions/json_import")).into_iter().chain(files(&root.join("fuzz-regressions/migrations"))) {
        let data = std::fs::read(&path).unwrap();
        let _ = read_file(&data);
        let _ = read_encrypted(&data);
        n += 1;
    }
    for path in files(&root.join("fuzz-regressions/table_import")) {
        table_import(&std::fs::read(&path).unwrap());
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
