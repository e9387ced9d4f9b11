//! Precision and recall of the PII detectors per kind on the labelled corpus
//! `tests/privacy/corpus.jsonl` (written from the kind definitions by
//! `tests/privacy/build_corpus.py`; every detail in it is invented).
//!
//! A detection is correct when it overlaps a gold finding of the same kind. The rows are split
//! by id: even ids are the development half (the only failures looked at while writing the
//! detectors), odd ids the held-out half. Both halves are printed; the floors apply to each.
//!
//! `cargo test -p postguard-rules --release --test privacy_corpus -- --nocapture` prints the
//! tables in the README.

use std::collections::BTreeMap;

use postguard_rules::{PiiDetector, PiiKind, Whose};
use serde_json::Value;

/// The targets of the privacy issue, per kind: printed as met or not.
const TARGET_PRECISION: f64 = 0.95;
const TARGET_RECALL: f64 = 0.90;
/// Regression floors, per kind and half: under these the test fails.
const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.80;

struct Gold {
    kind: PiiKind,
    start: usize,
    end: usize,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: u32,
    found_gold: u32,
    predicted: u32,
    correct_predicted: u32,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { f64::from(self.correct_predicted) / f64::from(self.predicted) }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { f64::from(self.found_gold) / f64::from(self.gold) }
    }
}

fn rows() -> Vec<(u32, String, Vec<Gold>, String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/privacy/corpus.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1));
            let id = v["id"].as_str().expect("id");
            let n: u32 = id.rsplit('-').next().and_then(|n| n.parse().ok()).expect("numeric id");
            let body = v["text"].as_str().expect("text").to_owned();
            let gold = v["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| {
                    let needle = f["text"].as_str().expect("finding text");
                    let occurrence = f["occurrence"].as_u64().unwrap_or(1) as usize;
                    let start = body
                        .match_indices(needle)
                        .nth(occurrence - 1)
                        .map(|(s, _)| s)
                        .unwrap_or_else(|| panic!("{path}:{}: {needle:?} not in the text", i + 1));
                    let kind: PiiKind = f["kind"].as_str().expect("kind").parse().expect("known kind");
                    Gold { kind, start, end: start + needle.len() }
                })
                .collect();
            let whose = v["whose"].as_str().unwrap_or("none").to_owned();
            let group = v["group"].as_str().unwrap_or("").to_owned();
            (n, body, gold, whose, group)
        })
        .collect()
}

#[test]
fn precision_and_recall_per_kind_meet_the_floors() {
    let detector = PiiDetector::new();
    let rows = rows();
    assert!(rows.len() >= 1000, "corpus too small: {}", rows.len());
    // [dev, held-out] x kind
    let mut counts: [BTreeMap<PiiKind, Counts>; 2] = [BTreeMap::new(), BTreeMap::new()];
    let mut negatives_flagged: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let (mut whose_right, mut whose_total) = (0u32, 0u32);
    let mut misses: Vec<String> = Vec::new();
    for (n, text, gold, whose, group) in &rows {
        let half = (*n % 2) as usize;
        let found = detector.find(text);
        for g in gold {
            let c = counts[half].entry(g.kind).or_default();
            c.gold += 1;
            if found.iter().any(|f| f.kind == g.kind && f.start < g.end && f.end > g.start) {
                c.found_gold += 1;
            } else if half == 0 {
                misses.push(format!("MISS {:?} {:?} in {text:?}", g.kind, &text[g.start..g.end]));
            }
        }
        for f in &found {
            let c = counts[half].entry(f.kind).or_default();
            c.predicted += 1;
            if gold.iter().any(|g| f.kind == g.kind && f.start < g.end && f.end > g.start) {
                c.correct_predicted += 1;
            } else if half == 0 {
                misses.push(format!("FALSE {:?} {:?} in {text:?}", f.kind, f.text));
            }
        }
        if gold.is_empty() {
            let e = negatives_flagged.entry(group.clone()).or_default();
            e.0 += 1;
            e.1 += u32::from(!found.is_empty());
        } else if let Some(f) = found.first() {
            whose_total += 1;
            let expected = match whose.as_str() {
                "own" => Whose::Own,
                "other" => Whose::Other,
                _ => Whose::Unknown,
            };
            whose_right += u32::from(found.iter().any(|f| f.whose == expected) || f.whose == expected);
        }
    }
    if std::env::var_os("POSTGUARD_PII_MISSES").is_some() {
        for m in &misses {
            println!("{m}");
        }
    }
    let mut failures = Vec::new();
    for (half, name) in [(0, "development half (even ids)"), (1, "held-out half (odd ids)")] {
        println!(
            "\n{name}\n| kind | gold | precision | recall | target (P >= {TARGET_PRECISION}, R >= {TARGET_RECALL}) |\n|---|---:|---:|---:|---|"
        );
        for kind in PiiKind::ALL {
            let c = counts[half].get(&kind).copied().unwrap_or_default();
            let met = c.precision() >= TARGET_PRECISION && c.recall() >= TARGET_RECALL;
            println!(
                "| {kind} | {} | {:.3} | {:.3} | {} |",
                c.gold,
                c.precision(),
                c.recall(),
                if met { "met" } else { "**not met**" }
            );
            if c.precision() < MIN_PRECISION || c.recall() < MIN_RECALL {
                failures.push(format!("{name}: {kind} precision {:.3} recall {:.3}", c.precision(), c.recall()));
            }
        }
    }
    println!("\nhard negatives flagged, per group:");
    for (group, (n, flagged)) in &negatives_flagged {
        println!("  {group:<16} {flagged}/{n}");
    }
    println!("whose (own / other) right on {whose_right} of {whose_total} positive rows with a finding");
    assert!(
        failures.is_empty(),
        "under the floors (P >= {MIN_PRECISION}, R >= {MIN_RECALL}):\n{}",
        failures.join("\n")
    );
}
