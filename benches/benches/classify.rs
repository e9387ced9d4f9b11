//! End-to-end `classify_batch` (tokenize, model, rules, fusion) over the
//! corpus, and single-post `classify` latency. Throughput is posts/s.
//!
//! `cargo bench -p postguard-benches --bench classify`
//! (`POSTGUARD_BENCH_MODEL=DIR` picks the model directory.)
//! For the whole corpus in one pass, and the comparison with PyTorch and
//! ONNX Runtime, see `benches/compare/`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use postguard_benches::{BenchModel, corpus};

fn bench_classify(c: &mut Criterion) {
    let model = BenchModel::locate(std::env::var_os("POSTGUARD_BENCH_MODEL").map(Into::into));
    let classifier = model.classifier();
    let posts = corpus();
    let mut g = c.benchmark_group(format!("classify/{}", model.description));
    g.sample_size(10);
    // A slice keeps one iteration around a second with the default model.
    for n in [1usize, 32, 256] {
        let slice = &posts[..n];
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("classify_batch", n), slice, |b, slice| {
            b.iter(|| black_box(classifier.classify_batch(black_box(slice)).expect("classifies")));
        });
    }
    g.finish();
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
