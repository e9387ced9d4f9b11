//! How far int8 scoring drifts from f32 on real posts (a development tool
//! for the int8 path; the accuracy gate itself is `tests/int8_accuracy.rs`).
//!
//! `cargo run --release -p postguard --example int8_drift -- MODEL_DIR VAL_JSONL EVERY [F32_CACHE]`
//!
//! Scores every EVERY-th line with f32 (or reads those scores from F32_CACHE,
//! written on the first run) and with int8, and prints per label: mean and
//! max |logit difference|, how many posts cross the threshold, and F1 both ways.

use std::path::PathBuf;

use postguard::{Classifier, Label, ModelSource, PerLabel, Post, Precision};

fn logit(p: f32) -> f64 {
    let p = f64::from(p).clamp(1e-7, 1.0 - 1e-7);
    (p / (1.0 - p)).ln()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, val, every, rest @ ..] = args.as_slice() else {
        eprintln!("usage: int8_drift MODEL_DIR VAL_JSONL EVERY [F32_CACHE]");
        std::process::exit(2);
    };
    let every: usize = every.parse().expect("EVERY is a number");
    let text = std::fs::read_to_string(val).expect("read val");
    let mut posts = Vec::new();
    let mut truth: Vec<PerLabel<Option<bool>>> = Vec::new();
    for line in text.lines().step_by(every) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let mut post = Post::new(v["text"].as_str().expect("text"));
        if let Some(c) = v["context"].as_str() {
            post = post.with_context(c);
        }
        truth.push(PerLabel::from_fn(|l: Label| v["labels"][l.as_str()].as_i64().map(|x| x == 1)));
        posts.push(post);
    }
    let build =
        |p| Classifier::builder().model(ModelSource::Dir(PathBuf::from(model))).precision(p).build().expect("load");
    let scores = |c: &Classifier| -> Vec<[f32; Label::COUNT]> {
        c.scores_batch(&posts).expect("score").iter().map(|s| Label::ALL.map(|l| s.scores[l])).collect()
    };
    let cache = rest.first().map(PathBuf::from);
    let reference: Vec<[f32; Label::COUNT]> = match cache.as_ref().and_then(|c| std::fs::read_to_string(c).ok()) {
        Some(s) => serde_json::from_str(&s).expect("cache"),
        None => {
            let t = std::time::Instant::now();
            let r = scores(&build(Precision::F32));
            eprintln!("f32: {} posts in {:.1} s", posts.len(), t.elapsed().as_secs_f64());
            if let Some(c) = &cache {
                std::fs::write(c, serde_json::to_string(&r).unwrap()).unwrap();
            }
            r
        }
    };
    let int8 = build(Precision::Int8);
    let t = std::time::Instant::now();
    let q = scores(&int8);
    eprintln!("int8: {} posts in {:.1} s", posts.len(), t.elapsed().as_secs_f64());
    println!(
        "{:<15} {:>7} {:>8} {:>8} {:>6} {:>8} {:>8} {:>7}",
        "label", "n", "mean|dz|", "max|dz|", "flips", "F1 f32", "F1 int8", "diff"
    );
    for (i, l) in Label::ALL.into_iter().enumerate() {
        let th = int8.thresholds()[l];
        let (mut sum, mut max, mut flips, mut n) = (0.0, 0.0f64, 0, 0);
        let mut conf = [[0u32; 3]; 2];
        for ((a, b), t) in reference.iter().zip(&q).zip(&truth) {
            let dz = (logit(a[i]) - logit(b[i])).abs();
            sum += dz;
            max = max.max(dz);
            n += 1;
            if (a[i] >= th) != (b[i] >= th) {
                flips += 1;
            }
            if let Some(t) = t[l] {
                for (k, s) in [a[i], b[i]].into_iter().enumerate() {
                    match (s >= th, t) {
                        (true, true) => conf[k][0] += 1,
                        (true, false) => conf[k][1] += 1,
                        (false, true) => conf[k][2] += 1,
                        _ => {}
                    }
                }
            }
        }
        let f1 = |c: [u32; 3]| 200.0 * f64::from(c[0]) / f64::from((2 * c[0] + c[1] + c[2]).max(1));
        let (fa, fb) = (f1(conf[0]), f1(conf[1]));
        println!(
            "{:<15} {n:>7} {:>8.4} {max:>8.4} {flips:>6} {fa:>8.2} {fb:>8.2} {:>+7.2}",
            l.as_str(),
            sum / n as f64,
            fb - fa
        );
    }
}
