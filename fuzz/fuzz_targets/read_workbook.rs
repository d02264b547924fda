//! Any bytes as a workbook (.xlsx or .ods), with any sheet and header-row choice: reading
//! never panics, refuses with a reason, and a table it returns is consistent with its sheets.
#![no_main]
use kam_core::exchange::{read_workbook, TableOptions};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    // The file's length chooses the sheet and the header row (or none), so that the seeds (real
    // workbooks) stay intact: a ZIP is read from its end.
    let pick = |n: usize| (n % 4 > 0).then(|| n % 4 - 1);
    let options = TableOptions { sheet: pick(data.len()), header_row: pick(data.len() / 4) };
    let Ok(table) = read_workbook(data, &options) else { return };
    let sheet = table.sheet.expect("a workbook's table names its sheet");
    assert!(sheet < table.sheets.len());
    if let Some(chosen) = options.sheet {
        assert_eq!(sheet, chosen);
    }
    common::import_guessed(&table);
});
