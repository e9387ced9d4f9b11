//! The real bundled model (models/postguard-default) through the public API.
//! Needs the `bundled` feature (on by default in this crate).
#![cfg(feature = "bundled")]

use std::path::PathBuf;

use postguard::{Classifier, Label, Post};
use postguard_tests::{assert_same_verdict, sample_posts};
use serde_json::Value;

fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/postguard-default")
}

#[test]
fn bundled_model_identifies_itself() {
    let clf = Classifier::new().unwrap();
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(model_dir().join("postguard.json")).unwrap()).unwrap();
    let info = clf.model_info();
    assert_eq!(info.name, settings["name"].as_str().unwrap());
    assert_eq!(info.version, settings["version"].as_str().unwrap());
    // The export script hashes the weights with Python's hashlib: an independent check.
    let calibration: Value =
        serde_json::from_str(&std::fs::read_to_string(model_dir().join("calibration.json")).unwrap()).unwrap();
    assert_eq!(info.sha256, calibration["weights_sha256"].as_str().unwrap());
    // Every label but privacy, which the PII detectors decide, has a head.
    let heads: Vec<Label> = Label::ALL.into_iter().filter(|&l| l != Label::Privacy).collect();
    assert_eq!(clf.labels(), heads.as_slice());
    for label in heads {
        assert_eq!(clf.thresholds()[label], settings["thresholds"][label.as_str()].as_f64().unwrap() as f32);
    }
}

#[test]
fn bundled_equals_the_model_directory() {
    let bundled = Classifier::new().unwrap();
    let dir = Classifier::from_dir(model_dir()).unwrap();
    let posts = sample_posts();
    for (a, b) in bundled.classify_batch(&posts).unwrap().iter().zip(&dir.classify_batch(&posts).unwrap()) {
        assert_same_verdict(a, b, "bundled vs directory");
    }
}

#[test]
fn batch_equals_single_with_long_posts() {
    let clf = Classifier::new().unwrap();
    let mut posts = sample_posts();
    // ~600 tokens: several 256-token windows.
    let long = "I read somewhere that drinking a little bleach every morning cleans out your system. ".repeat(40);
    posts.push(Post::new(long.clone()));
    posts.push(Post::new(long).with_context("what do you do for your health?"));
    let batch = clf.classify_batch(&posts).unwrap();
    assert!(batch[batch.len() - 1].windows() > 1 && batch[batch.len() - 2].windows() > 1);
    for (post, verdict) in posts.iter().zip(&batch) {
        assert_same_verdict(verdict, &clf.classify(post).unwrap(), &post.text);
    }
}

/// The model reads the message a post replies to, and the verdict on a reply
/// depends on it. "then do it" is harmless alone; as a reply to suicidal
/// ideation it encourages self-harm. The model's scores must move with the
/// context (a pair encoding that dropped the context would leave them where
/// they are), and the reply-aware rule `unsafe_advice.encourage_in_reply`
/// (rules run with `RuleSet::check_reply`) fires, so the verdict is a
/// violation. No default model's unsafe_advice head sees the encouragement
/// (0.02 for 1.1.0 and 1.2.0, 0.04 for 1.3.0): the rule is what catches it.
/// 1.1.0's crisis head rose to 0.45 here (the *replier* routed as in crisis,
/// the context leak of `harmless_context_is_not_flagged`); 1.2.0's to 0.09 and
/// 1.3.0's to 0.13, under their thresholds.
#[test]
fn context_changes_the_real_verdict() {
    let clf = Classifier::new().unwrap();
    let alone = clf.classify(&Post::new("then do it")).unwrap();
    let reply = clf.classify(&Post::new("then do it").with_context("i keep thinking about ending things")).unwrap();
    let moved = Label::ALL.into_iter().map(|l| (reply.label(l).model - alone.label(l).model).abs()).fold(0.0, f32::max);
    eprintln!("largest model score change with the context: {moved}");
    assert!(moved > 0.05, "the context did not move the model: alone {alone:?} reply {reply:?}");
    assert!(alone.flagged().is_empty(), "{alone:?}");
    assert!(reply.is_violation(), "{reply:?}");
    assert!(reply.rule_hits().iter().any(|h| h.rule_id == "unsafe_advice.encourage_in_reply"));
}

/// Harmless contexts must not make "then do it" flagged (no reply rule fires
/// there, so this is the model alone). Every default so far fails it, each
/// differently: 1.0.0 flagged misinformation (0.935 under "i want to start
/// running again", threshold 0.792); 1.1.0 flagged crisis instead (0.507, 0.867
/// and 0.199 under the three contexts below, threshold 0.103); 1.2.0 flags
/// crisis under one of them ("should i quit my job", 0.341, threshold 0.189;
/// misinformation 0.776 under the running one stays under its 0.842); 1.3.0
/// flags misinformation under the running one (0.809, threshold 0.755; crisis
/// 0.291 under the job one stays under its 0.347); 2.0.0 flags unsafe_advice
/// under the running and the hair ones (0.968 and 0.976, threshold 0.936; 0.936
/// under the job one) and bullying under the running one (0.775, threshold
/// 0.699): it learned "then do it" as an urge to self-harm, and the context no
/// longer rescues it (model card, "Where 2.0.0 still fails"). The text alone scored
/// ≤ 0.02 on every head:
/// short replies with a context are out of distribution (the only labelled
/// replies are DiaSafety's, which carry no misinformation label, and long
/// therapist answers). Un-ignore when a retrained model passes it.
#[test]
#[ignore = "known gap of the default model: context alone can flag a harmless short reply"]
fn harmless_context_is_not_flagged() {
    let clf = Classifier::new().unwrap();
    let mut failures = Vec::new();
    for context in ["i want to start running again", "should i quit my job", "should i dye my hair blue"] {
        let v = clf.classify(&Post::new("then do it").with_context(context)).unwrap();
        let scores: Vec<String> = Label::ALL.iter().map(|l| format!("{l}={:.3}", v.label(*l).model)).collect();
        eprintln!("{context}: {}", scores.join(" "));
        assert!(v.rule_hits().is_empty(), "{context}: {v:?}");
        if !v.flagged().is_empty() {
            failures.push(format!("{context}: flagged {:?}", v.flagged()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn crisis_routes_to_help() {
    let clf = Classifier::builder().locale("en-US").build().unwrap();
    let v = clf.classify(&Post::new("i just want to kill myself, i can't do this anymore")).unwrap();
    assert!(v.is_crisis(), "{v:?}");
    assert!(!v.violations().contains(&Label::Crisis));
    assert_eq!(v.resources()[0].locale, "US");
    assert!(v.resources()[0].contact.contains("988"));
    assert!(v.resources().iter().any(|r| r.url == "https://findahelpline.com"));
}
