//! Throughput of `RuleSet::check` and of the PII detectors (`PiiDetector::find`) over a corpus
//! of realistic posts (posts/s and MB/s).
//!
//! `CARGO_TARGET_DIR=... cargo bench -p postguard-rules --bench rules`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postguard_rules::{PiiDetector, RuleSet};

const CORPUS: &str = include_str!("corpus.txt");

fn posts() -> Vec<&'static str> {
    CORPUS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

fn bench_check(c: &mut Criterion) {
    let rules = RuleSet::default();
    let posts = posts();
    let bytes: usize = posts.iter().map(|p| p.len()).sum();

    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("posts", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(rules.check(black_box(p)));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(rules.check(black_box(p)));
            }
        })
    });
    g.finish();

    // Explain path: allocates a fresh normaliser per call, unlike `check`.
    c.bench_function("normalize_alloc", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(postguard_rules::normalize(black_box(p)));
            }
        })
    });
}

/// Detection alone, on the same posts as `check` (issue target: at least 100k posts/s on one
/// core; criterion runs on one thread).
fn bench_privacy(c: &mut Criterion) {
    let detector = PiiDetector::new();
    let posts = posts();
    let mut g = c.benchmark_group("privacy");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("find", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(detector.find(black_box(p)));
            }
        })
    });
    // The labelled PII corpus: every other post holds personal information (a worst case).
    let dense: Vec<String> = include_str!("../../../tests/privacy/corpus.jsonl")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("corpus line")["text"]
                .as_str()
                .expect("text")
                .to_owned()
        })
        .collect();
    g.throughput(Throughput::Elements(dense.len() as u64));
    g.bench_function("find_pii_corpus", |b| {
        b.iter(|| {
            for p in &dense {
                black_box(detector.find(black_box(p)));
            }
        })
    });
    g.finish();
}

fn bench_build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("default_packs", |b| b.iter(|| RuleSet::builder().build().unwrap()));
    g.finish();
}

criterion_group!(benches, bench_check, bench_privacy, bench_build);
criterion_main!(benches);
