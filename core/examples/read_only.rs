fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2500);
    let (_, (remote_ws, remote)) = kam_core::merge::fixtures::diverged_copies(n);
    let file = kam_core::exchange::write_stamped_file(
        &remote_ws,
        Some(&remote),
        None,
        kam_core::exchange::PersonalDetails::Removed,
        "b",
        "2026-12-01T10:00:00Z",
    );
    let t = std::time::Instant::now();
    for _ in 0..3 {
        let r = kam_core::exchange::read_file(file.as_bytes()).unwrap();
        std::hint::black_box(r);
    }
    eprintln!("read x3 {:?}", t.elapsed());
}
