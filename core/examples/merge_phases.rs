//! Times the phases of merging a file into a workspace natively (read the file, preview, merge),
//! for the sizes the browser bench uses (the merge is the Apply after the preview): `cargo run --release -p kam-core --example merge_phases`.
use kam_core::exchange::read_file;
use kam_core::merge::fixtures::{diverged_file, DivergedFile};
use kam_core::merge::records::{merge_workspaces, preview_records};
use kam_core::merge::Clock;
use std::time::Instant;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    for n in if sizes.is_empty() { vec![2_500, 10_000] } else { sizes } {
        let DivergedFile { local_ws, local, file } = diverged_file(n);
        let t0 = Instant::now();
        let read = read_file(file.as_bytes()).expect("reads");
        let t1 = Instant::now();
        let (changes, touched) = preview_records(&local, &read.document);
        let loaded = local_ws.clone(); // the app's copy of its loaded workspace, not timed
        let t2 = Instant::now();
        let merged = merge_workspaces(
            loaded,
            &local,
            &read.document,
            &Default::default(),
            Some(&touched),
            &mut Clock::new("eva"),
            1_780_000_200_000,
        )
        .expect("merges");
        let t3 = Instant::now();
        assert_eq!(merged.workspace.accounts().len(), n);
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        println!(
            "{n} accounts: {} registers, file {:.1} MB; read {:.0} ms, preview {:.0} ms ({} changes), merge {:.0} ms",
            local.entries.len(),
            file.len() as f64 / 1e6,
            ms(t0, t1),
            ms(t1, t2),
            changes.len(),
            ms(t2, t3)
        );
    }
}
