//! For `scripts/bench`: writes the synthetic portfolio as CSV for the pandas comparison
//! (`scripts/bench_pandas.py`), prints the median time of kam-core's segmentation of the same
//! data, and writes kam-core's result so that the script can check both agree.
//!
//! Usage: segment_vs_pandas DIR|- ACCOUNTS PERIODS
//! Writes DIR/accounts.csv (id,name,is_key), DIR/series.csv (id,period,revenue,profit) and
//! DIR/kam_core.csv (id,rank,abc,xyz,flags). "-" writes nothing (for profiling).
use kam_core::analysis::segment;
use kam_core::demo::synthetic_inputs;
use kam_core::model::SegmentationSettings;
use std::io::Write;
use std::time::Instant;

fn create(dir: &str, name: &str) -> std::io::BufWriter<std::fs::File> {
    std::io::BufWriter::new(std::fs::File::create(format!("{dir}/{name}")).expect("output file can be created"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, n, periods): (String, usize, usize) = match args.as_slice() {
        [_, dir, n, p] => {
            (dir.clone(), n.parse().expect("ACCOUNTS is a number"), p.parse().expect("PERIODS is a number"))
        }
        _ => {
            eprintln!("usage: segment_vs_pandas DIR|- ACCOUNTS PERIODS");
            std::process::exit(2);
        }
    };
    let inputs = synthetic_inputs(n, periods, 42);
    if dir != "-" {
        let mut accounts = create(&dir, "accounts.csv");
        let mut series = create(&dir, "series.csv");
        writeln!(accounts, "id,name,is_key").unwrap();
        writeln!(series, "id,period,revenue,profit").unwrap();
        for input in &inputs {
            assert_eq!(input.first_period, 0, "the pandas script counts every period for XYZ");
            writeln!(accounts, "{},{},{}", input.id, input.name, u8::from(input.is_key)).unwrap();
            for (p, (r, q)) in input.revenue.iter().zip(&input.profit).enumerate() {
                writeln!(series, "{},{p},{r},{q}", input.id).unwrap();
            }
        }
        accounts.flush().unwrap();
        series.flush().unwrap();
    }
    let settings = SegmentationSettings { window_months: periods as u32, ..Default::default() };
    let mut last = None;
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let seg = segment(&inputs, &settings);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(seg.rows.len(), n);
            last = Some(seg);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    if dir != "-" {
        let mut out = create(&dir, "kam_core.csv");
        writeln!(out, "id,rank,abc,xyz,flags").unwrap();
        for r in &last.expect("seven runs").rows {
            let flags: Vec<&str> = r.flags.iter().map(|f| f.id()).collect();
            writeln!(
                out,
                "{},{},{},{},{}",
                r.id,
                r.rank,
                r.abc.letter(),
                r.xyz.map_or("-", |x| x.letter()),
                flags.join("|")
            )
            .unwrap();
        }
        out.flush().unwrap();
    }
    println!("{:.3}", times[3]);
}
