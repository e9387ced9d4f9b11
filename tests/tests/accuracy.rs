//! Accuracy floors of the bundled model on a fixed sample of the shared
//! validation set: the rows of `../shared/data/val.jsonl` from the sources the
//! floors were set on (`models/accuracy_sample.json`), every 10th of them.
//! Rows are chosen by source, not by line number, so sources added to val do
//! not move the sample.
//!
//! This is the guard against a broken export, a tokenizer that does not match
//! the weights, or a regression in the Rust forward pass: the per-head F1 of
//! the *model score against its own threshold* must stay above floors set a
//! little under what the training recipe measured (models/README.md). The
//! fused verdict (model + rules) is checked too, and the therapist answers of
//! counsel-chat must stay (almost) unflagged.
//!
//! Needs the `bundled` feature (on by default) and `../shared/data` beside the
//! repository; without the data the test fails with a message saying so,
//! because silently skipping an accuracy gate is how broken models ship.
#![cfg(feature = "bundled")]

use std::collections::BTreeMap;
use std::path::PathBuf;

use postguard::{Classifier, Label, Post};
use serde_json::Value;

/// Per-head F1 floors for the model score on the fixed sample; `None` for a label the bundled
/// model has no head for (the `extra-label` demonstration's `spam`).
fn model_floor(label: Label) -> Option<f64> {
    match label {
        // Set for 2.0.0 on the sample of all 27 sources of val (models/accuracy_sample.json,
        // 2,844 rows), checked again for 2.1.0 (issue 25): the engine's int8 path, printed by
        // `cargo test -p postguard-tests --test accuracy -- --nocapture`, gives 0.873, 0.838,
        // 0.864, 0.691 at 2.1.0's thresholds (2.0.0: 0.888, 0.840, 0.842, 0.707).
        // unsafe_advice and crisis have only 20 and 34 positives here (one post moves F1 by
        // ~2-4 points), so their floors leave more room; unsafe_advice's rose from 0.72 with
        // 2.1.0's max-F1 threshold. (1.3.0's floors were 0.86 / 0.88 / 0.72 / 0.55 on its 14
        // sources.)
        Label::Bullying => Some(0.85),
        Label::Misinformation => Some(0.80),
        Label::UnsafeAdvice => Some(0.78),
        Label::Crisis => Some(0.62),
        _ => None,
    }
}

struct Row {
    source: String,
    post: Post,
    labels: [Option<bool>; Label::COUNT],
    therapist_answer: bool,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Which val rows the floors hold for: `(sources, every)` from `models/accuracy_sample.json`.
fn sample_spec() -> (Vec<String>, usize) {
    let path = repo().join("models/accuracy_sample.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sources = v["sources"].as_array().expect("sources").iter().map(|s| s.as_str().expect("source").to_owned());
    (sources.collect(), v["every"].as_u64().expect("every") as usize)
}

fn load_sample() -> (Vec<Row>, usize) {
    let path = repo().join("../shared/data/val.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{}: {e} (the accuracy gate needs ../shared/data beside the repository)", path.display())
    });
    let (sources, every) = sample_spec();
    let rows = text
        .lines()
        .enumerate()
        .map(|(i, line)| serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("val.jsonl:{}: {e}", i + 1)))
        .filter(|v| sources.iter().any(|s| v["source"] == s.as_str()))
        .step_by(every)
        .map(|v| {
            let source = v["source"].as_str().unwrap().to_owned();
            let mut post = Post::new(v["text"].as_str().unwrap());
            if let Some(c) = v["context"].as_str() {
                post = post.with_context(c);
            }
            let labels = Label::ALL.map(|l| v["labels"][l.as_str()].as_i64().map(|x| x == 1));
            let therapist_answer = source == "counsel-chat" && v["context"].is_string();
            Row { source, post, labels, therapist_answer }
        })
        .collect();
    (rows, every)
}

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn f1(&self) -> f64 {
        let denom = 2 * self.tp + self.fp + self.fn_;
        if denom == 0 { 0.0 } else { f64::from(2 * self.tp) / f64::from(denom) }
    }
}

#[test]
fn bundled_model_keeps_its_accuracy_on_a_fixed_val_sample() {
    let (rows, every) = load_sample();
    assert!(rows.len() > 1500, "sample unexpectedly small: {}", rows.len());
    let clf = Classifier::new().expect("bundled model loads");
    let posts: Vec<Post> = rows.iter().map(|r| r.post.clone()).collect();
    let verdicts = clf.classify_batch(&posts).expect("classify_batch");

    let mut model = [Counts::default(); Label::COUNT];
    let mut fused = [Counts::default(); Label::COUNT];
    let mut per_source: BTreeMap<&str, [Counts; Label::COUNT]> = BTreeMap::new();
    let (mut answers, mut answers_flagged) = (0u32, 0u32);
    for (row, verdict) in rows.iter().zip(&verdicts) {
        for (i, label) in Label::ALL.into_iter().enumerate() {
            let Some(truth) = row.labels[i] else { continue };
            let score = verdict.label(label);
            model[i].add(truth, score.model >= score.threshold);
            fused[i].add(truth, score.flagged);
            per_source.entry(&row.source).or_default()[i].add(truth, score.flagged);
        }
        if row.therapist_answer {
            answers += 1;
            answers_flagged += u32::from(!verdict.flagged().is_empty());
        }
    }

    println!(
        "{:<16} {:>8} {:>8}  (F1 on every {every}th val row of the pinned sources, n={})",
        "head",
        "model",
        "fused",
        rows.len()
    );
    for (i, label) in Label::ALL.into_iter().enumerate() {
        println!("{:<16} {:>8.3} {:>8.3}", label.as_str(), model[i].f1(), fused[i].f1());
    }
    for (source, counts) in &per_source {
        let cells: Vec<String> = counts.iter().map(|c| format!("{:.3}", c.f1())).collect();
        println!("  {source:<26} fused F1 {}", cells.join(" "));
    }
    println!("counsel-chat therapist answers flagged: {answers_flagged}/{answers}");

    for (i, label) in Label::ALL.into_iter().enumerate() {
        let Some(floor) = model_floor(label) else { continue };
        assert!(
            model[i].f1() >= floor,
            "{}: model F1 {:.3} fell under its floor {floor:.2} ({:?})",
            label.as_str(),
            model[i].f1(),
            model[i]
        );
        // Rules may trade a little F1 for catching obfuscated abuse and crisis,
        // but fusion must never wreck a head.
        assert!(
            fused[i].f1() >= floor - 0.05,
            "{}: fused F1 {:.3} is far under the model's floor {floor:.2}",
            label.as_str(),
            fused[i].f1()
        );
    }
    assert!(answers > 0, "the sample holds no counsel-chat answers");
    assert!(
        f64::from(answers_flagged) / f64::from(answers) < 0.02,
        "supportive therapist answers flagged: {answers_flagged}/{answers}"
    );
}
