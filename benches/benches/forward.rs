//! Model forward pass by batch size and window length (`scores_batch` on
//! synthetic posts of a fixed token count: tokenization is a small share).
//! Throughput is windows (= posts) per second.
//!
//! `cargo bench -p postguard-benches --bench forward`
//! (`POSTGUARD_BENCH_MODEL=DIR` picks the model directory.)

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postguard::Post;
use postguard_benches::{BenchModel, synthetic_post};

fn bench_forward(c: &mut Criterion) {
    let model = BenchModel::locate(std::env::var_os("POSTGUARD_BENCH_MODEL").map(Into::into));
    let classifier = model.classifier();
    let mut g = c.benchmark_group(format!("forward/{}", model.description));
    g.sample_size(10);
    for tokens in [16, 64, 128, 256] {
        for batch in [1, 8, 32] {
            let posts: Vec<Post> = (0..batch).map(|i| synthetic_post(tokens - 2, i)).collect();
            g.throughput(Throughput::Elements(batch as u64));
            g.bench_with_input(BenchmarkId::new(format!("t{tokens}"), batch), &posts, |b, posts| {
                b.iter(|| black_box(classifier.scores_batch(black_box(posts)).expect("scores")));
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench_forward);
criterion_main!(benches);
