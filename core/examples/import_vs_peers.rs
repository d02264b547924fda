//! For `scripts/bench`: kam-core's end-to-end job against polars and DuckDB (issue 14, point 9).
//! Writes DIR/orders.csv, N order lines (customer, date, revenue, profit) of one year, then times
//! what the app does with such a file, natively on one core: read it, parse every row (the
//! import's `parse_text` and `RowImporter`, with its date and number reading), sum each account's
//! months (`build_inputs`) and segment (`segment`, ABC–XYZ). Prints the median of 5 runs in
//! milliseconds and writes DIR/kam_core_classes.csv (account, abc, xyz) for
//! `scripts/bench_peers.py` to check the peers' classes against.
//!
//! Usage: import_vs_peers DIR LINES
use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use kam_core::analysis::{build_inputs, segment, Segmentation, Window};
use kam_core::exchange::{guess_mapping, parse_text, RowImporter, TableOptions};
use kam_core::model::{Account, MonthTotal, SegmentationSettings};

/// A small deterministic generator (xorshift), so every run and every tool reads the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// One line per order: customers drawn with a long tail (a few large ones), every customer
/// ordering in January so that the year is its whole history.
fn write_orders(path: &str, lines: usize) {
    let customers = (lines / 50).max(10);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("orders.csv can be created"));
    writeln!(out, "customer,date,revenue,profit").unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..lines {
        let (c, month) = if i < customers {
            (i, 1)
        } else {
            let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
            ((u * u * customers as f64) as usize, 1 + rng.next() % 12)
        };
        let day = 1 + rng.next() % 28;
        let cents = 1_000 + rng.next() % 500_000;
        let margin = rng.next() % 40;
        writeln!(
            out,
            "Customer {c:06},2025-{month:02}-{day:02},{}.{:02},{}.{:02}",
            cents / 100,
            cents % 100,
            cents * margin / 10_000,
            cents * margin / 100 % 100
        )
        .unwrap();
    }
    out.flush().unwrap();
}

/// The whole job, from the file's path to the segmentation.
fn job(path: &str) -> Segmentation {
    let text = std::fs::read_to_string(path).expect("orders.csv is readable");
    let table = parse_text(&text, &TableOptions::default()).expect("the bench file parses");
    let (Some(account), Some(date), Some(revenue), profit) = guess_mapping(&table) else {
        panic!("the bench file's columns are guessed");
    };
    let mut importer = RowImporter::new(&table, table.mapping(account, date, revenue, profit));
    while !importer.step(usize::MAX) {}
    let latest = importer.last_date;
    let accounts: Vec<Account> = importer.accounts.iter().map(|a| Account::new(&a.name)).collect();
    let history: HashMap<&str, &[MonthTotal]> =
        accounts.iter().zip(&importer.accounts).map(|(a, imported)| (a.id.as_str(), &imported.months[..])).collect();
    let settings = SegmentationSettings::default();
    let window = Window::from_settings(&settings, latest).expect("the file has dates");
    let inputs = build_inputs(&accounts, |id| history.get(id).copied(), &window);
    segment(&inputs, &settings)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, lines] = args.as_slice() else {
        eprintln!("usage: import_vs_peers DIR LINES");
        std::process::exit(2);
    };
    let lines: usize = lines.parse().expect("LINES is a number");
    let path = format!("{dir}/orders.csv");
    write_orders(&path, lines);
    let mut last = None;
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let seg = job(&path);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            last = Some(seg);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let mut out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/kam_core_classes.csv")).unwrap());
    writeln!(out, "account,abc,xyz").unwrap();
    for r in &last.expect("five runs").rows {
        writeln!(out, "{},{},{}", r.name, r.abc.letter(), r.xyz.map_or("-", |x| x.letter())).unwrap();
    }
    out.flush().unwrap();
    println!("{:.1}", times[2]);
}
