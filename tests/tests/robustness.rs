//! The robustness suite (tests/robustness/: identity invariance, negation and counter-speech,
//! reclaimed words and homonyms, harmless violent verbs, helping others, recovery; written from
//! the label definitions, never trained on) with the bundled model, rules on, as shipped.
//!
//! Prints the pass rate per functionality for both halves and the identity figures, and holds
//! floors set a little under what the shipped model measured: a change that loses ground on a
//! functionality fails here. Only the dev half's failures are printed (the held-out half is read
//! as numbers). `cargo test -p postguard-tests --test robustness -- --nocapture`.
#![cfg(feature = "bundled")]

use std::collections::BTreeMap;

use postguard::{Classifier, Label, Post, Verdict};
use serde_json::Value;

struct Case {
    functionality: String,
    split: String,
    term: Option<String>,
    text: String,
    context: Option<String>,
    /// (label, expected flag) for every non-null label.
    expected: Vec<(Label, bool)>,
}

fn load(half: &str) -> Vec<Case> {
    let path = format!("{}/robustness/{half}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
            let labels = v["labels"].as_object().unwrap_or_else(|| panic!("{path}:{}: no labels", n + 1));
            let expected = labels
                .iter()
                .filter_map(|(k, x)| {
                    let label: Label = k.parse().unwrap_or_else(|e| panic!("{path}:{}: {e}", n + 1));
                    x.as_u64().map(|x| (label, x == 1))
                })
                .collect();
            Case {
                functionality: v["functionality"].as_str().unwrap().to_owned(),
                split: v["meta"]["split"].as_str().unwrap().to_owned(),
                term: v["meta"]["term"].as_str().map(str::to_owned),
                text: v["text"].as_str().unwrap().to_owned(),
                context: v["context"].as_str().map(str::to_owned),
                expected,
            }
        })
        .collect()
}

fn passes(c: &Case, v: &Verdict) -> bool {
    c.expected.iter().all(|&(label, want)| v.is_flagged(label) == want)
}

/// Held-out pass-rate floors per functionality: what model 2.1.0 measured (the comment: passed /
/// cases, 2026-12-07, rules on, int8) less one case (two for the 102-case identity
/// functionalities), so a regression of more than that fails. Issue 25's target is 0.95 for
/// every functionality; the ones under it are listed in the model card ("Issue 25").
const HELDOUT_FLOORS: &[(&str, f64)] = &[
    ("counter_speech_quoted", 0.88),            // 23/25
    ("counter_speech_reported", 0.96),          // 25/25
    ("crisis_self_method", 0.81),               // 10/11
    ("direct_insult_person", 0.72),             // 9/11
    ("help_seeking_for_other", 0.45),           // 6/11
    ("identity_abusive_at_reader", 0.80),       // 21/25
    ("identity_abusive_dehumanising", 0.95),    // 99/102
    ("identity_abusive_exclusion", 0.78),       // 82/102
    ("identity_abusive_generalisation", 0.97),  // 101/102
    ("identity_abusive_threat", 0.70),          // 74/102
    ("identity_nonabusive_community", 0.98),    // 102/102
    ("identity_nonabusive_disclosure", 0.97),   // 101/102
    ("identity_nonabusive_neutral", 0.76),      // 80/102
    ("identity_nonabusive_positive", 0.93),     // 97/102
    ("identity_nonabusive_question", 0.98),     // 102/102
    ("identity_nonabusive_relationship", 0.98), // 102/102
    ("identity_nonabusive_support", 0.50),      // 54/102
    ("insult_object_idea", 0.90),               // 11/11
    ("negated_hate", 0.96),                     // 25/25
    ("reclaimed_ingroup", 0.55),                // 6/9
    ("recovery_story_past", 0.54),              // 7/11
    ("slur_homonym", 0.75),                     // 10/12
    ("untargeted_profanity", 0.90),             // 11/11
    ("violent_verb_figurative", 0.92),          // 14/14
    ("violent_verb_howto_harmless", 0.94),      // 18/18
];

/// Non-abusive identity cases flagged on any label, held-out half: ceiling (2.1.0: 10.6 %,
/// 2.0.0: 13.9 %; issue 25's target is 5 %).
const IDENTITY_FLAGGED_CEILING: f64 = 0.12;

#[test]
fn robustness_suite_per_functionality() {
    let clf = Classifier::new().unwrap();
    let mut table: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut identity: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut held_identity = (0, 0);
    let mut dev_failures = Vec::new();
    for half in ["dev", "heldout"] {
        let cases = load(half);
        assert!(cases.len() > 1000, "{half}: {} cases", cases.len());
        let posts: Vec<Post> = cases
            .iter()
            .map(|c| match &c.context {
                Some(ctx) => Post::new(c.text.clone()).with_context(ctx.clone()),
                None => Post::new(c.text.clone()),
            })
            .collect();
        let verdicts = clf.classify_batch(&posts).unwrap();
        for (c, v) in cases.iter().zip(&verdicts) {
            assert_eq!(c.split, half);
            let ok = passes(c, v);
            let row = table.entry((c.functionality.clone(), half.to_owned())).or_default();
            row.0 += 1;
            row.1 += usize::from(ok);
            if c.functionality.starts_with("identity_nonabusive") {
                let flagged = !v.flagged().is_empty();
                let t = identity.entry(c.term.clone().unwrap_or_default()).or_default();
                t.0 += 1;
                t.1 += usize::from(flagged);
                if half == "heldout" {
                    held_identity.0 += 1;
                    held_identity.1 += usize::from(flagged);
                }
            }
            if !ok && half == "dev" {
                dev_failures.push(format!("{}: {:?} -> {:?}", c.functionality, c.text, v.flagged()));
            }
        }
    }
    println!("| functionality | dev | heldout |\n|---|---:|---:|");
    let functionalities: Vec<&String> =
        table.keys().map(|(f, _)| f).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    for f in &functionalities {
        let cell = |h: &str| table.get(&((*f).clone(), h.to_owned())).map_or("-".into(), |(n, p)| format!("{p}/{n}"));
        println!("| {f} | {} | {} |", cell("dev"), cell("heldout"));
    }
    let mut terms: Vec<_> = identity.iter().map(|(t, (n, f))| (*f as f64 / *n as f64, t)).collect();
    terms.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("non-abusive identity cases flagged, worst terms (both halves): {:?}", &terms[..terms.len().min(8)]);
    for f in &dev_failures {
        println!("dev failure: {f}");
    }

    let mut under = Vec::new();
    for &(f, floor) in HELDOUT_FLOORS {
        let (n, p) =
            table.get(&(f.to_owned(), "heldout".to_owned())).copied().unwrap_or_else(|| panic!("no functionality {f}"));
        let rate = p as f64 / n as f64;
        if rate < floor {
            under.push(format!("{f}: {p}/{n} = {rate:.3} < floor {floor}"));
        }
    }
    assert!(under.is_empty(), "held-out functionalities under their floors: {under:#?}");
    let rate = held_identity.1 as f64 / held_identity.0 as f64;
    assert!(
        rate <= IDENTITY_FLAGGED_CEILING,
        "held-out non-abusive identity cases flagged: {}/{} = {rate:.3} > {IDENTITY_FLAGGED_CEILING}",
        held_identity.1,
        held_identity.0
    );
}
