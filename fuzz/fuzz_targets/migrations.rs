//! Version 1 data (any JSON the fuzzer makes) sealed in a valid version 1 envelope: the
//! migration to version 2 and the checks after it never panic.
#![no_main]
use kam_core::exchange::{checksum, read_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Only JSON that parses: the envelope must be valid for the migration to run.
    if serde_json::from_str::<serde_json::Value>(text).is_err() {
        return;
    }
    let file = format!(
        "{{\"format\":\"kam-planner\",\"version\":1,\"appVersion\":\"0.1.0\",\"exportedAt\":\"x\",\"scope\":\"workspace\",\"personalDetails\":\"included\",\"checksum\":\"{}\",\"data\":{}}}",
        checksum(text),
        text
    );
    let _ = read_file(file.as_bytes());
});
