//! A sales export (CSV in any encoding, or an .xlsx workbook): parsing, the column guess, the
//! row import and applying it to a workspace never panic, and what is applied is consistent.
#![no_main]
use kam_core::exchange::{apply_import, looks_like_xlsx, parse_table, parse_xlsx};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let table = if looks_like_xlsx(data) { parse_xlsx(data) } else { parse_table(data) };
    let Ok(table) = table else { return };
    let Some(importer) = common::import_guessed(&table) else { return };
    if let (Some(first), Some(last)) = (importer.first_date, importer.last_date) {
        assert!(first <= last);
        let mut ws = kam_core::demo::demo_workspace(|t| t.id());
        let _ = apply_import(&mut ws, &importer.accounts, (first, last));
        for account in ws.accounts() {
            let lines = ws.history(&account.id).map(|h| h.as_slice()).unwrap_or(&[]);
            assert!(lines.iter().all(|l| l.revenue.is_finite()), "no NaN or infinity is stored");
        }
    }
});
