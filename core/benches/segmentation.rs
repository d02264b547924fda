//! Segmentation of generated portfolios: 1k, 10k and 100k accounts × 36 monthly periods.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use kam_core::analysis::segment;
use kam_core::demo::synthetic_inputs;
use kam_core::model::SegmentationSettings;

fn bench(c: &mut Criterion) {
    let settings = SegmentationSettings { window_months: 36, ..Default::default() };
    let mut group = c.benchmark_group("segment_36_months");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let inputs = synthetic_inputs(n, 36, 42);
        group.bench_with_input(BenchmarkId::from_parameter(n), &inputs, |b, inputs| {
            b.iter(|| segment(inputs, &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
