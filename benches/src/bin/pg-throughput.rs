//! One-process timing of postguard for `benches/compare/compare.py`.
//!
//! ```text
//! pg-throughput [--model DIR] [--corpus FILE.jsonl] [--batch N] [--repeat N] [--scores-only] [--precision auto|int8|f32]
//! ```
//!
//! Prints one JSON object: load time, first-post latency (cold start = both),
//! and the best posts/s over `--repeat` passes of `classify_batch` over the
//! corpus in chunks of `--batch` posts (default: the whole corpus at once).
//! Threads: rayon's default pool (`RAYON_NUM_THREADS` to pin it).

use std::path::PathBuf;
use std::time::Instant;

use postguard::{Classifier, Post, Precision};
use postguard_benches::{BenchModel, corpus, parse_jsonl};

struct Args {
    model: Option<PathBuf>,
    corpus: Option<PathBuf>,
    batch: usize,
    repeat: usize,
    scores_only: bool,
    precision: Precision,
}

fn parse_args() -> Result<Args, String> {
    let mut args =
        Args { model: None, corpus: None, batch: 0, repeat: 3, scores_only: false, precision: Precision::Auto };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--model" => args.model = Some(value("--model")?.into()),
            "--corpus" => args.corpus = Some(value("--corpus")?.into()),
            "--batch" => args.batch = value("--batch")?.parse().map_err(|e| format!("--batch: {e}"))?,
            "--repeat" => args.repeat = value("--repeat")?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "--scores-only" => args.scores_only = true,
            "--precision" => args.precision = value("--precision")?.parse()?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn run(classifier: &Classifier, posts: &[Post], batch: usize, scores_only: bool) -> usize {
    let mut n = 0;
    for chunk in posts.chunks(batch.max(1)) {
        if scores_only {
            n += classifier.scores_batch(chunk).expect("scores").len();
        } else {
            n += classifier.classify_batch(chunk).expect("classifies").len();
        }
    }
    n
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("pg-throughput: {e}");
            std::process::exit(2);
        }
    };
    let posts = match &args.corpus {
        Some(path) => parse_jsonl(&std::fs::read_to_string(path).expect("read corpus")),
        None => corpus(),
    };
    let model = BenchModel::locate(args.model.clone());

    let t0 = Instant::now();
    let classifier = model.classifier_with(args.precision);
    let load_s = t0.elapsed().as_secs_f64();
    let first = classifier.classify(&posts[0]).expect("classifies");
    let cold_s = t0.elapsed().as_secs_f64();
    std::hint::black_box(first);

    let batch = if args.batch == 0 { posts.len() } else { args.batch };
    // Warm-up on a slice (allocator, caches), then timed passes.
    run(&classifier, &posts[..posts.len().min(64)], batch, args.scores_only);
    let mut best = f64::INFINITY;
    let mut passes = Vec::new();
    for _ in 0..args.repeat.max(1) {
        let t = Instant::now();
        let n = run(&classifier, &posts, batch, args.scores_only);
        let s = t.elapsed().as_secs_f64();
        assert_eq!(n, posts.len());
        passes.push(posts.len() as f64 / s);
        best = best.min(s);
    }
    let out = serde_json::json!({
        "model": model.description,
        "posts": posts.len(),
        "batch": batch,
        "precision": classifier.model_info().precision,
        "peak_rss_mb": peak_rss_mb(),
        "mode": if args.scores_only { "scores_batch" } else { "classify_batch" },
        "threads": rayon_threads(),
        "load_s": load_s,
        "cold_start_s": cold_s,
        "passes_posts_per_s": passes,
        "posts_per_s": posts.len() as f64 / best,
    });
    println!("{out}");
}

fn rayon_threads() -> Option<usize> {
    std::env::var("RAYON_NUM_THREADS").ok().and_then(|v| v.parse().ok())
}

/// Peak resident set size of this process in MB (`VmHWM`), where Linux reports it.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 =
        status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024.0)
}
