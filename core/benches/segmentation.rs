//! Segmentation of generated portfolios: 1k, 10k and 100k accounts × 36 monthly periods.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use kam_core::analysis::{segment, SegmentInput};
use kam_core::model::SegmentationSettings;

fn portfolio(n: usize) -> Vec<SegmentInput> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|i| {
            let scale = 1000.0 / (1.0 + i as f64).powf(0.8);
            let revenue: Vec<f64> = (0..36).map(|_| if next() < 0.2 { 0.0 } else { scale * (0.5 + next()) }).collect();
            let profit = revenue.iter().map(|r| r * 0.2).collect();
            SegmentInput { id: format!("a{i}"), name: format!("Account {i}"), is_key: i % 50 == 0, revenue, profit, has_profit: true, first_period: 0 }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let settings = SegmentationSettings { window_months: 36, ..Default::default() };
    let mut group = c.benchmark_group("segment_36_months");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let inputs = portfolio(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &inputs, |b, inputs| b.iter(|| segment(inputs, &settings)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
