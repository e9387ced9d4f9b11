//! The taxonomy grows in one place: built with `--features extra-label`, the taxonomy table in
//! postguard-rules has an extra row (`spam`), and nothing else changes but a rule pack for it
//! (`tests/fixtures/spam_pack.toml`). This test runs that extended taxonomy end to end through
//! the library: a model with a head per label, rules, fusion, thresholds, the verdict and its JSON.
//! The CLI and Python halves are in `crates/postguard-cli/tests/extra_label.rs` and
//! `python/tests/test_extra_label.py`; `tests/run.sh` runs all three.
#![cfg(feature = "extra-label")]

use postguard::rules::RuleSet;
use postguard::testing::TinyModel;
use postguard::{Classifier, Label, Post};

const SPAM_PACK: &str = include_str!("../../../tests/fixtures/spam_pack.toml");

fn spam() -> Label {
    "spam".parse().expect("the extra-label feature adds `spam`")
}

#[test]
fn a_fifth_label_runs_through_model_rules_fusion_and_json() {
    // The last row of the taxonomy table.
    assert_eq!(Label::ALL[Label::COUNT - 1], spam());
    assert!(spam().is_violation());

    // The test model gets one head per label of the taxonomy; its biases keep every model score
    // near 0, so that what is flagged comes from the rules.
    let dir = tempfile::tempdir().unwrap();
    TinyModel { classifier_bias: Some(vec![-20.0; Label::COUNT]), ..TinyModel::default() }.write(dir.path()).unwrap();
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("config.json")).unwrap()).unwrap();
    assert_eq!(config["id2label"][(Label::COUNT - 1).to_string()], "spam");

    let mut rules = RuleSet::builder();
    rules.add_pack_str("spam-demo", SPAM_PACK).unwrap();
    let clf =
        Classifier::builder().model(dir.path()).rules(rules.build().unwrap()).threshold(spam(), 0.99).build().unwrap();
    assert_eq!(clf.thresholds()[spam()], 0.99);

    let posts = [Post::new("buy cheap watches now!!"), Post::new("i had a good day at the park")];
    let verdicts = clf.classify_batch(&posts).unwrap();

    // The high-severity spam rule flags the first post whatever the random model says.
    let v = &verdicts[0];
    assert!(v.flagged().contains(&spam()), "{:?}", v.flagged());
    assert!(v.violations().contains(&spam()));
    assert!(v.rule_hits().iter().any(|h| h.label == spam() && h.rule_id == "spam.buy_now"));
    assert!(!v.is_crisis());
    assert!(!verdicts[1].flagged().contains(&spam()));

    // The verdict's JSON has a `spam` entry wherever it has one per label.
    let json = serde_json::to_value(v).unwrap();
    let scores = json["labels"].as_object().unwrap();
    let mut names = Label::NAMES.to_vec();
    names.sort_unstable(); // serde_json's map is sorted
    assert_eq!(scores.keys().map(String::as_str).collect::<Vec<_>>(), names);
    assert_eq!(json["flagged"], serde_json::json!(["spam"]));
    // ... and reads back.
    let back: postguard::Verdict = serde_json::from_value(json).unwrap();
    assert_eq!(back.labels()[spam()].flagged, v.labels()[spam()].flagged);
}
