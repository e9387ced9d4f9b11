//! WordPiece tokenization of the corpus with the model's tokenizer, one
//! thread (`encode_fast`, what the engine calls per post): posts/s and MB/s.
//!
//! `cargo bench -p postguard-benches --bench tokenize`
//! (`POSTGUARD_BENCH_MODEL=DIR` picks the model directory; see `BenchModel::locate`.)

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postguard_benches::{BenchModel, corpus, corpus_bytes};

fn bench_tokenize(c: &mut Criterion) {
    let model = BenchModel::locate(std::env::var_os("POSTGUARD_BENCH_MODEL").map(Into::into));
    let tokenizer = model.tokenizer();
    let posts = corpus();
    let encode_all = || {
        for p in &posts {
            black_box(tokenizer.encode_fast(black_box(p.text.as_str()), true).expect("encodes"));
            if let Some(ctx) = &p.context {
                black_box(tokenizer.encode_fast(black_box(ctx.as_str()), true).expect("encodes"));
            }
        }
    };
    let mut g = c.benchmark_group("tokenize");
    g.sample_size(20);
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("encode/posts", |b| b.iter(encode_all));
    g.throughput(Throughput::Bytes(corpus_bytes(&posts)));
    g.bench_function("encode/bytes", |b| b.iter(encode_all));
    g.finish();
}

criterion_group!(benches, bench_tokenize);
criterion_main!(benches);
