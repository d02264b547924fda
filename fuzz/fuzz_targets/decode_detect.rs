//! Any bytes: encoding detection never panics and always answers a label the picker or the
//! browser's TextDecoder knows; the text the worker decodes from them (here: lossy UTF-8, the
//! decoder's fallback) reads as a table, with or without a chosen header row, without panic.
#![no_main]
use kam_core::exchange::{detect_encoding, parse_text, TableOptions, PICKER_ENCODINGS};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let guess = detect_encoding(data);
    assert!(!guess.label.is_empty() && guess.label.bytes().all(|b| !b.is_ascii_uppercase()));
    if data.starts_with(b"\xEF\xBB\xBF") || std::str::from_utf8(data).is_ok() {
        assert_eq!(guess.label, "utf-8");
    }
    let _ = PICKER_ENCODINGS.contains(&guess.label);
    let text = String::from_utf8_lossy(data);
    let header_row = data.first().map(|b| (*b % 8) as usize).filter(|_| data.len() % 2 == 0);
    let Ok(table) = parse_text(&text, &TableOptions { header_row, sheet: None }) else { return };
    assert!(table.header_candidates.contains(&table.header_row));
    let Some(importer) = common::import_guessed(&table) else { return };
    for account in &importer.accounts {
        assert!(account.lines.iter().all(|l| l.revenue.is_finite()), "no NaN or infinity is read");
    }
});
