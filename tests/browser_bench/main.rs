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
/// hundred dossiers. Times the phases as the app runs them: reading the file (JSON, checks, the
/// document), the preview (`preview_records`: the walk over both documents and the listed
/// changes), the app's one copy of its loaded workspace, and the Apply (`merge_workspaces` with
/// the preview's records: the field-level merge of those records, read back into the
/// workspace); and, for comparison, the merge without a preview (walking both documents
/// again). Three sizes, to show how it grows.
#[wasm_bindgen_test]
fn merge_a_file_of_10k_accounts_into_10k() {
    use kam_core::exchange::read_file;
    use kam_core::merge::fixtures::{diverged_file, DivergedFile};
    use kam_core::merge::records::{merge_workspaces, preview_records};
    use kam_core::merge::Clock;
    for n in [2_500usize, 5_000, 10_000] {
        let DivergedFile { local_ws, local, file } = diverged_file(n);
        let mut times: [Vec<f64>; 5] = Default::default();
        for _ in 0..5 {
            let t0 = now();
            let read = read_file(file.as_bytes()).unwrap();
            let t1 = now();
            let (changes, touched) = preview_records(&local, &read.document);
            let t2 = now();
            let loaded = local_ws.clone();
            let t3 = now();
            let merge = |loaded, previewed| {
                merge_workspaces(
                    loaded,
                    &local,
                    &read.document,
                    &Default::default(),
                    previewed,
                    &mut Clock::new("eva"),
                    1_780_000_200_000,
                )
                .unwrap()
            };
            let applied = merge(loaded, Some(&touched));
            let t4 = now();
            let walked = merge(local_ws.clone(), None);
            let t5 = now();
            assert!(!changes.is_empty());
            assert_eq!(applied, walked);
            for (list, t) in times.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4]) {
                list.push(t);
            }
        }
        let [read, preview, copy, apply, walked] = times.map(|t| median(t).0);
        console_log!(
            "BENCH merge a {n}-account file into {n} accounts in Chromium (medians of 5): preview {preview:.1} ms + copy of the loaded workspace {copy:.1} ms + apply {apply:.1} ms = {:.1} ms after reading the file ({read:.1} ms); a merge without a preview {walked:.1} ms; {} registers, {:.1} MB file",
            preview + copy + apply,
            local.entries.len(),
            file.len() as f64 / 1e6
        );
    }
}
