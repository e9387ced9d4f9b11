//! Posts in Spanish, Portuguese, French, German and Italian (tests/fixtures/multilingual, written
//! by hand for this project): the language each verdict names, that the English model's scores
//! never flag a post in another language on their own, and the floors of the language rule packs
//! on the fixture's held-out half (the packs were written from the label definitions without
//! reading the fixture; the `dev` half is what their later fixes may look at, `heldout` is not).
//! Prints a table per language and kind; `cargo test -p postguard-tests --test multilingual -- --nocapture`.
#![cfg(feature = "bundled")]

use std::collections::BTreeMap;

use postguard::{Classifier, Label, Post, Verdict};
use serde_json::Value;

struct Case {
    id: String,
    lang: String,
    text: String,
    crisis: bool,
    bullying: bool,
    kind: String,
    split: String,
}

/// `posts.jsonl` (splits `dev` and `heldout`) and `posts_dev2.jsonl` (split `dev2`: 242 more
/// tuning posts, written later by someone who had read neither the packs nor the first file).
fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/multilingual/");
    ["posts.jsonl", "posts_dev2.jsonl"]
        .iter()
        .flat_map(|file| {
            let path = format!("{dir}{file}");
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{path}: {e}"))
                .lines()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(&l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_owned();
            Case {
                id: s("id"),
                lang: s("lang"),
                text: s("text"),
                crisis: v["labels"]["crisis"] == 1,
                bullying: v["labels"]["bullying"] == 1,
                kind: s("kind"),
                split: s("split"),
            }
        })
        .collect()
}

fn verdicts(cases: &[Case]) -> Vec<Verdict> {
    let clf = Classifier::new().unwrap();
    let posts: Vec<Post> = cases.iter().map(|c| Post::new(c.text.clone())).collect();
    clf.classify_batch(&posts).unwrap()
}

/// A label flagged with no active rule hit for it: the model's score alone decided.
fn by_model_alone(v: &Verdict, label: Label) -> bool {
    v.is_flagged(label) && !v.rule_hits().iter().any(|h| h.label == label)
}

#[test]
fn languages_model_gate_and_rule_floors() {
    let cases = cases();
    let verdicts = verdicts(&cases);
    assert!(cases.len() >= 5 * 40, "the fixture has {} posts", cases.len());

    // (lang, split) -> [crisis found, crisis total, insults found, insults total, harmless flagged, harmless total]
    let mut table: BTreeMap<(String, String), [usize; 6]> = BTreeMap::new();
    let (mut named, mut named_total) = (0, 0);
    let mut model_alone = Vec::new();
    let mut misses = Vec::new();
    for (c, v) in cases.iter().zip(&verdicts) {
        if c.text.split_whitespace().count() >= 5 {
            named_total += 1;
            named += usize::from(v.language().code == c.lang);
        }
        if Label::ALL.iter().any(|&l| by_model_alone(v, l)) {
            model_alone.push(format!("{} {:?} {:?}", c.id, v.flagged(), v.language()));
        }
        let row = table.entry((c.lang.clone(), c.split.clone())).or_default();
        if c.crisis {
            row[1] += 1;
            row[0] += usize::from(v.is_crisis());
            if !v.is_crisis() && c.split != "heldout" {
                misses.push(format!("{} crisis missed: {}", c.id, c.text));
            }
        } else if c.bullying {
            row[3] += 1;
            row[2] += usize::from(v.is_flagged(Label::Bullying));
        } else {
            row[5] += 1;
            let flagged = !v.flagged().is_empty();
            row[4] += usize::from(flagged);
            if flagged && c.split != "heldout" {
                misses.push(format!("{} ({}) harmless flagged {:?}: {}", c.id, c.kind, v.flagged(), c.text));
            }
        }
    }
    println!("| lang | split | crisis recall | insults flagged | harmless flagged |\n|---|---|---:|---:|---:|");
    let mut totals: BTreeMap<String, [usize; 6]> = BTreeMap::new();
    for ((lang, split), r) in &table {
        println!("| {lang} | {split} | {}/{} | {}/{} | {}/{} |", r[0], r[1], r[2], r[3], r[4], r[5]);
        let t = totals.entry(split.clone()).or_default();
        for i in 0..6 {
            t[i] += r[i];
        }
    }
    for (split, t) in &totals {
        println!("| all | {split} | {}/{} | {}/{} | {}/{} |", t[0], t[1], t[2], t[3], t[4], t[5]);
    }
    println!("language named right on {named} of {named_total} posts of 5 words or more");
    // The tuning splits' failures only: the held-out half's are not printed.
    for m in &misses {
        println!("dev/dev2: {m}");
    }

    // The English model's scores never flag a post in another language on their own.
    assert!(model_alone.is_empty(), "flagged by the model alone: {model_alone:#?}");
    assert!(named * 100 >= named_total * 95, "language named right on {named} of {named_total}");
    let held = totals["heldout"];
    let recall = held[0] as f64 / held[1] as f64;
    assert!(recall >= CRISIS_RECALL_FLOOR, "held-out crisis recall {recall:.3} below {CRISIS_RECALL_FLOOR}");
    let harmless = held[4] as f64 / held[5] as f64;
    assert!(
        harmless <= HARMLESS_FLAGGED_CEILING,
        "held-out harmless flagged {harmless:.3} above {HARMLESS_FLAGGED_CEILING}"
    );
    let insults = held[2] as f64 / held[3] as f64;
    assert!(insults >= INSULT_RECALL_FLOOR, "held-out insults flagged {insults:.3} below {INSULT_RECALL_FLOOR}");
}

/// Floors a little under the figures measured on 2026-12-07 (held-out crisis recall 27/45 =
/// 0.60, insults 8/20 = 0.40, harmless flagged 0/70; tests/fixtures/multilingual/README.md): a
/// change that lowers them fails here. On 2026-12-08, after the packs were widened on `dev2`:
/// crisis 27/45, insults 9/20, harmless 0/70. The goal for crisis recall is 0.80; the
/// packs do not reach it.
const CRISIS_RECALL_FLOOR: f64 = 0.55;
const INSULT_RECALL_FLOOR: f64 = 0.35;
const HARMLESS_FLAGGED_CEILING: f64 = 0.02;
