//! Browser timings of kam-core, run by scripts/bench (not by scripts/test): a benchmark, not a
//! test — it prints medians and asserts nothing about time.
#![cfg(target_arch = "wasm32")]

use kam_core::analysis::segment;
use kam_core::demo::synthetic_inputs;
use kam_core::model::SegmentationSettings;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn segmentation_100k_accounts_36_months() {
    let settings = SegmentationSettings { window_months: 36, ..Default::default() };
    let inputs = synthetic_inputs(100_000, 36, 42);
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = now();
        let seg = segment(&inputs, &settings);
        times.push(now() - start);
        assert_eq!(seg.rows.len(), 100_000);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let line = format!("BENCH segmentation 100000x36 in Chromium: median {:.1} ms (min {:.1}, max {:.1}, 7 runs)", times[3], times[0], times[6]);
    console_log!("{line}");
}
