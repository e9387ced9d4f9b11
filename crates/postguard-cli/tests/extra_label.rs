//! The CLI half of the taxonomy demonstration (see `crates/postguard/tests/extra_label.rs`):
//! built with `--features extra-label`, the binary scores, checks and evaluates an extra label,
//! `spam`, with no CLI code that names it: JSONL and CSV output, `check`, `--threshold`, and
//! `eval`'s per-label table all follow the taxonomy.
#![cfg(feature = "extra-label")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/spam_pack.toml")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let model = dir.join("model");
    if !model.exists() {
        // Biases keep the model's scores near 0: what is flagged comes from the spam rule.
        let bias = vec![-20.0; postguard::Label::COUNT];
        postguard::testing::TinyModel { classifier_bias: Some(bias), ..Default::default() }.write(&model).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_postguard"))
        .arg("--model")
        .arg(&model)
        .arg("--rules")
        .arg(pack())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn score_check_and_eval_carry_the_fifth_label() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.jsonl"),
        concat!(
            r#"{"id": 1, "text": "buy cheap watches now", "labels": {"spam": 1, "bullying": 0}}"#,
            "\n",
            r#"{"id": 2, "text": "a quiet walk by the sea helped today", "labels": {"spam": 0}}"#,
            "\n"
        ),
    )
    .unwrap();

    let out = run(dir.path(), &["--threshold", "spam=0.99", "score", "in.jsonl"]);
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let keys: Vec<&str> = lines[0]["postguard"]["scores"].as_object().unwrap().keys().map(String::as_str).collect();
    let mut names = postguard::Label::NAMES.to_vec();
    names.sort_unstable(); // serde_json's map is sorted
    assert_eq!(keys, names);
    assert!(keys.contains(&"spam"));
    assert_eq!(lines[0]["postguard"]["flagged"], serde_json::json!(["spam"]));
    assert!(!lines[1]["postguard"]["flagged"].as_array().unwrap().iter().any(|l| l == "spam"));

    let out = run(dir.path(), &["score", "in.jsonl", "--output-format", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().next().unwrap().contains(",postguard_privacy,postguard_spam,"), "{csv}");

    let out = run(dir.path(), &["check", "buy cheap watches now"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("spam"), "{text}");
    assert!(text.contains("spam.buy_now"), "{text}");

    let out = run(dir.path(), &["eval", "in.jsonl", "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let spam = report.to_string();
    assert!(spam.contains("\"spam\""), "{spam}");
}
