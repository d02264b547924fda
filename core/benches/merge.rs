//! Field-level merge of two 10,000-account workspaces that each edited a few hundred fields.
use criterion::{criterion_group, criterion_main, Criterion};
use kam_core::merge::{merge, preview, Clock, Stamp, StampedDoc};
use serde_json::{json, Value};
use std::hint::black_box;

fn workspace(n: usize) -> Value {
    let accounts: Vec<Value> = (0..n).map(|i| json!({"id": format!("acc{i}"), "name": format!("Account {i}"), "industry": "Steel", "is_key": i % 10 == 0, "manager": "Eva"})).collect();
    let dossiers: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("acc{i}"), "overview": "A customer", "employees": 100 + i, "strategy": "", "status": "active",
                "people": [{"id": "p1", "name": "Anna", "title": "CFO", "phone": "+358 1"}, {"id": "p2", "name": "Olli", "title": "Buyer", "phone": ""}],
                "pestel": {"legal": "", "economic": "stable"}})
        })
        .collect();
    json!({"accounts": accounts, "dossiers": dossiers, "programme": {"champion": "Eva", "lost_after_months": 6}})
}

fn edited(doc: &StampedDoc, device: &str, every: usize, field: &str) -> StampedDoc {
    let mut doc = doc.clone();
    let mut v = doc.value();
    for (i, d) in v["dossiers"].as_array_mut().unwrap().iter_mut().enumerate().filter(|(i, _)| i % every == 0) {
        d[field] = json!(format!("{device} {i}"));
    }
    doc.record(&v, &mut Clock::new(device), 1_700_000_100_000);
    doc
}

fn bench(c: &mut Criterion) {
    let n = 10_000;
    let base = StampedDoc::from_value(&workspace(n), Stamp::new(1_700_000_000_000, 0, "file-v2:bench"));
    let local = edited(&base, "eva", 37, "strategy");
    let remote = edited(&base, "jon", 53, "overview");
    eprintln!("{} registers per document", local.entries.len());
    let mut group = c.benchmark_group("merge_10k_accounts");
    group.sample_size(10);
    group.bench_function("merge", |b| b.iter(|| merge(black_box(&local), black_box(&remote))));
    group.bench_function("preview", |b| b.iter(|| preview(black_box(&local), black_box(&remote))));
    group.bench_function("value", |b| b.iter(|| black_box(&local).value()));
    let mut one_edit = local.value();
    one_edit["dossiers"][1234]["people"][0]["title"] = json!("CEO");
    group.bench_function("record_one_edit", |b| {
        b.iter_batched(
            || (local.clone(), Clock::new("eva")),
            |(mut doc, mut clock)| doc.record(black_box(&one_edit), &mut clock, 1_700_000_200_000),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
