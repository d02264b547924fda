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
    let line = format!(
        "BENCH segmentation 100000x36 in Chromium: median {:.1} ms (min {:.1}, max {:.1}, 7 runs)",
        times[3], times[0], times[6]
    );
    console_log!("{line}");
}

fn median(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(|a, b| a.total_cmp(b));
    (times[times.len() / 2], times[0], times[times.len() - 1])
}

/// Loading 10,000 accounts (with 12 order lines each) from IndexedDB: the app's start-up read.
#[wasm_bindgen_test]
async fn load_10k_accounts_from_indexeddb() {
    let name = format!("kam-bench-load-{}", js_sys::Math::random().to_bits());
    let repo = kam_planner::store::Repository::open(&name).await.unwrap();
    repo.replace(&kam_core::merge::fixtures::accounts_with_history(10_000)).await.unwrap();
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = now();
        let ws = repo.load().await.unwrap();
        times.push(now() - start);
        assert_eq!(ws.accounts().len(), 10_000);
    }
    let (m, lo, hi) = median(times);
    console_log!("BENCH load 10000 accounts from IndexedDB: median {m:.1} ms (min {lo:.1}, max {hi:.1}, 7 runs)");
    repo.close();
}

/// One dossier edit, from the call to the committed IndexedDB transaction (the editor's
/// read-modify-write after a field changes), on the demo workspace's busiest dossier.
#[wasm_bindgen_test]
async fn dossier_edit_to_indexeddb_commit() {
    let name = format!("kam-bench-edit-{}", js_sys::Math::random().to_bits());
    let repo = kam_planner::store::Repository::open(&name).await.unwrap();
    let ws = kam_planner::ui::words::demo::demo_workspace();
    repo.replace(&ws).await.unwrap();
    let id = ws.dossiers()[0].account_id.clone();
    let mut times = Vec::new();
    for i in 0..31 {
        let text = format!("Edit number {i}: third-party logistics for the Nordic retail sector.");
        let start = now();
        // What the editor does: read, change and write the dossier in one transaction.
        repo.update_dossier(&id, move |d| d.overview = text).await.unwrap();
        times.push(now() - start);
    }
    let (m, lo, hi) = median(times);
    console_log!("BENCH dossier edit to IndexedDB commit: median {m:.2} ms (min {lo:.2}, max {hi:.2}, 31 edits)");
    repo.close();
}

/// Merging a file of `n` accounts into a workspace of `n` (issue 13's figure: 10,000 into
/// 10,000): both copies started from one document, then each edited other fields of a few
/// hundred dossiers. Times reading the file (JSON, checks, the document) and the merge itself
/// (`merge_workspaces`: the field-level merge, the result read as a workspace), for three sizes,
/// to show how it grows.
#[wasm_bindgen_test]
fn merge_a_file_of_10k_accounts_into_10k() {
    use kam_core::exchange::{read_file, write_stamped_file, PersonalDetails};
    use kam_core::merge::fixtures::diverged_copies;
    use kam_core::merge::workspace::merge_workspaces;
    use kam_core::merge::Clock;
    for n in [2_500usize, 5_000, 10_000] {
        let ((local_ws, local), (remote_ws, remote)) = diverged_copies(n);
        let file = write_stamped_file(
            &remote_ws,
            Some(&remote),
            None,
            PersonalDetails::Removed,
            "bench",
            "2026-12-01T10:00:00Z",
        );
        let (mut reads, mut merges) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            let t0 = now();
            let read = read_file(file.as_bytes()).unwrap();
            let t1 = now();
            let merged = merge_workspaces(
                &local_ws,
                &local,
                &read.document,
                &Default::default(),
                &mut Clock::new("eva"),
                1_780_000_200_000,
            )
            .unwrap();
            let t2 = now();
            assert_eq!(merged.workspace.accounts().len(), n);
            reads.push(t1 - t0);
            merges.push(t2 - t1);
        }
        let ((r, _, _), (m, mlo, mhi)) = (median(reads), median(merges));
        console_log!(
            "BENCH merge a {n}-account file into {n} accounts in Chromium: merge median {m:.1} ms (min {mlo:.1}, max {mhi:.1}); reading the file {r:.1} ms; {} registers, {:.1} MB file, 5 runs",
            local.entries.len(),
            file.len() as f64 / 1e6
        );
    }
}
