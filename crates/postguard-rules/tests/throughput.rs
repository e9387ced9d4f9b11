//! Throughput per CPU-second of one thread (Linux only), which stays meaningful on a
//! shared, overloaded machine where criterion's wall-clock numbers do not.
//!
//! `cargo test -p postguard-rules --release --test throughput -- --ignored --nocapture`

use std::hint::black_box;

use postguard_rules::RuleSet;

const CORPUS: &str = include_str!("../benches/corpus.txt");

/// User + system CPU time of the calling thread, in seconds (clock ticks of 10 ms).
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // Fields 14 and 15 of stat(5) (utime, stime) are at 11 and 12 after the name.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

#[test]
#[ignore = "measurement; run in release"]
fn posts_per_cpu_second() {
    let rules = RuleSet::default();
    let posts: Vec<&str> = CORPUS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
    let bytes: usize = posts.iter().map(|p| p.len()).sum();
    for p in &posts {
        black_box(rules.check(p));
    }
    let Some(c0) = thread_cpu_secs() else {
        println!("no /proc/thread-self/stat; skipping");
        return;
    };
    let wall = std::time::Instant::now();
    let mut rounds = 0u64;
    while thread_cpu_secs().unwrap_or(f64::MAX) - c0 < 5.0 {
        for _ in 0..50 {
            for p in &posts {
                black_box(rules.check(black_box(p)));
            }
        }
        rounds += 50;
    }
    let cpu = thread_cpu_secs().unwrap() - c0;
    let n = rounds as f64 * posts.len() as f64;
    println!(
        "{} posts ({} bytes avg): {:.0} posts/s and {:.1} MB/s per CPU-second ({:.1} s CPU, {:.1} s wall)",
        posts.len(),
        bytes / posts.len(),
        n / cpu,
        rounds as f64 * bytes as f64 / cpu / 1e6,
        cpu,
        wall.elapsed().as_secs_f64()
    );
}
