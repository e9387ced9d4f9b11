//! `RuleSet::check` over the benchmark corpus, one thread: posts/s and MB/s.
//!
//! `cargo bench -p postguard-benches --bench rules`
//!
//! Same measurement as `crates/postguard-rules/benches/rules.rs` (which runs
//! over its own hand-written corpus); this one runs over the shared corpus so
//! that rule and model throughput can be compared on the same posts.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postguard_benches::corpus;
use postguard_rules::RuleSet;

fn bench_rules(c: &mut Criterion) {
    let rules = RuleSet::default();
    let posts = corpus();
    let texts: Vec<&str> = posts.iter().map(|p| p.text.as_str()).collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();

    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.bench_function("check/posts", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(rules.check(black_box(t)));
            }
        });
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("check/bytes", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(rules.check(black_box(t)));
            }
        });
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize/bytes", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(postguard_rules::normalize(black_box(t)));
            }
        });
    });
    g.finish();
}

criterion_group!(benches, bench_rules);
criterion_main!(benches);
