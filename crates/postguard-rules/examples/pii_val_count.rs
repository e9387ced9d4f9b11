//! How many posts of a JSONL file get a PII finding that the classifier turns into a `privacy`
//! hit (someone else's details, `whose` = other, any kind but a user handle; see
//! `add_privacy_hits` in `crates/postguard/src/classifier.rs`), per kind, and each such finding
//! with 60 characters either side.
//!
//! `cargo run -p postguard-rules --release --example pii_val_count -- ../shared/data/val.jsonl`
//!
//! Reads the field `text` of each line (what the classifier checks); `--context` also checks the
//! field `context` where present and lists its findings apart. `--all` lists findings of every
//! `whose` (own and unknown too) in a second table.

use std::collections::BTreeMap;

use postguard_rules::{PiiDetector, PiiFinding, PiiKind, Whose};
use serde_json::Value;

fn around(text: &str, f: &PiiFinding, width: usize) -> String {
    let mut from = f.start.saturating_sub(width);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (f.end + width).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!("{}[[{}]]{}", &text[from..f.start], &text[f.start..f.end], &text[f.end..to]).replace('\n', " ")
}

fn is_privacy_hit(f: &PiiFinding) -> bool {
    f.whose == Whose::Other && f.kind != PiiKind::UserHandle
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_context = args.iter().any(|a| a == "--context");
    let all = args.iter().any(|a| a == "--all");
    let path = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "../shared/data/val.jsonl".into());
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let detector = PiiDetector::new();
    let (mut posts, mut flagged) = (0usize, 0usize);
    let mut per_kind: BTreeMap<PiiKind, usize> = BTreeMap::new();
    let mut any_whose: BTreeMap<(PiiKind, String), usize> = BTreeMap::new();
    let mut listed: Vec<String> = Vec::new();
    let mut other_listed: Vec<String> = Vec::new();
    for (i, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1));
        let id = v["id"].as_str().unwrap_or("?").to_owned();
        let text = v["text"].as_str().unwrap_or("");
        posts += 1;
        let findings = detector.find(text);
        let hits: Vec<&PiiFinding> = findings.iter().filter(|f| is_privacy_hit(f)).collect();
        if !hits.is_empty() {
            flagged += 1;
        }
        for f in &hits {
            *per_kind.entry(f.kind).or_default() += 1;
            listed.push(format!("{id}\t{}\t{:?}\t{:?}", f.kind, f.text, around(text, f, 60)));
        }
        for f in &findings {
            *any_whose.entry((f.kind, format!("{:?}", f.whose))).or_default() += 1;
            if all && !is_privacy_hit(f) {
                other_listed.push(format!("{id}\t{}\t{:?}\t{:?}\t{:?}", f.kind, f.whose, f.text, around(text, f, 60)));
            }
        }
        if with_context && let Some(ctx) = v["context"].as_str() {
            for f in detector.find(ctx).iter().filter(|f| is_privacy_hit(f)) {
                other_listed.push(format!("{id}\tcontext\t{}\t{:?}\t{:?}", f.kind, f.text, around(ctx, f, 60)));
            }
        }
    }
    println!("{path}: {posts} posts, {flagged} with a privacy hit (someone else's PII, not a handle)");
    println!("\nprivacy hits per kind:");
    for (k, n) in &per_kind {
        println!("  {k:<16} {n}");
    }
    println!("\nevery finding, per kind and whose:");
    for ((k, w), n) in &any_whose {
        println!("  {k:<16} {w:<8} {n}");
    }
    println!("\nprivacy hits:");
    for l in &listed {
        println!("  {l}");
    }
    if !other_listed.is_empty() {
        println!("\nother findings{}:", if with_context { " (and context-field privacy hits)" } else { "" });
        for l in &other_listed {
            println!("  {l}");
        }
    }
}
