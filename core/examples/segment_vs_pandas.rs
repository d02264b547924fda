//! For `scripts/bench`: writes the synthetic portfolio (accounts × monthly values) as CSV for
//! the pandas comparison, and prints the median time of kam-core's segmentation of the same
//! data. Usage: segment_vs_pandas OUT.csv ACCOUNTS PERIODS
use kam_core::analysis::segment;
use kam_core::demo::synthetic_inputs;
use kam_core::model::SegmentationSettings;
use std::io::Write;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (path, n, periods) = match args.as_slice() {
        [_, path, n, p] => (path.clone(), n.parse().expect("ACCOUNTS is a number"), p.parse().expect("PERIODS is a number")),
        _ => {
            eprintln!("usage: segment_vs_pandas OUT.csv ACCOUNTS PERIODS");
            std::process::exit(2);
        }
    };
    let inputs = synthetic_inputs(n, periods, 42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("output file can be created"));
    writeln!(out, "account,period,value").unwrap();
    for input in &inputs {
        for (p, v) in input.revenue.iter().enumerate() {
            writeln!(out, "{},{p},{v}", input.name).unwrap();
        }
    }
    out.flush().unwrap();
    let settings = SegmentationSettings { window_months: periods as u32, ..Default::default() };
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            let seg = segment(&inputs, &settings);
            assert_eq!(seg.rows.len(), n);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("{:.3}", times[3]);
}
