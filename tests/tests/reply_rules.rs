//! Reply-aware rules: a reply is checked against rules declaring
//! `when_context = "crisis"` only when the post it replies to (the context)
//! has an active crisis rule hit. "then do it" is harmless alone and
//! encourages self-harm under "i keep thinking about ending things".

use postguard::testing::TinyModel;
use postguard::{Label, Post};
use postguard_tests::{classifier, model_dir};

const CRISIS: &str = "i keep thinking about ending things";
const RULE: &str = "unsafe_advice.encourage_in_reply";

#[test]
fn then_do_it_alone_has_no_rule_evidence() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let v = clf.classify(&Post::new("then do it")).unwrap();
    assert!(v.rule_hits().iter().all(|h| h.label != Label::UnsafeAdvice), "{v:?}");
    assert_eq!(v.label(Label::UnsafeAdvice).rules, 0.0, "{v:?}");
}

#[test]
fn then_do_it_under_a_crisis_parent_is_flagged() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let v = clf.classify(&Post::new("then do it").with_context(CRISIS)).unwrap();
    let hit = v.rule_hits().iter().find(|h| h.rule_id == RULE).unwrap_or_else(|| panic!("no {RULE} hit: {v:?}"));
    assert_eq!(hit.label, Label::UnsafeAdvice);
    assert_eq!((hit.start, hit.end), (0, 10));
    assert_eq!(hit.text, "then do it");
    // A high-severity hit flags its label outright (fusion policy).
    assert!(v.label(Label::UnsafeAdvice).flagged, "{v:?}");
    assert!(v.flagged().contains(&Label::UnsafeAdvice), "{v:?}");
    assert!(v.violations().contains(&Label::UnsafeAdvice), "{v:?}");
}

#[test]
fn harmless_parent_or_supportive_reply_has_no_hit() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    for (text, context) in [
        ("then do it", "i want to start running again"),
        ("please don't do it", CRISIS),
        ("go ahead and call the hotline", CRISIS),
    ] {
        let v = clf.classify(&Post::new(text).with_context(context)).unwrap();
        assert!(v.rule_hits().iter().all(|h| h.rule_id != RULE), "{text:?} under {context:?}: {v:?}");
        assert_eq!(v.label(Label::UnsafeAdvice).rules, 0.0, "{text:?}: {v:?}");
    }
}

#[test]
fn batch_uses_each_posts_own_context() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let posts = [
        Post::new("then do it"),
        Post::new("then do it").with_context(CRISIS),
        Post::new("then do it").with_context("i want to start running again"),
    ];
    let got: Vec<bool> =
        clf.classify_batch(&posts).unwrap().iter().map(|v| v.rule_hits().iter().any(|h| h.rule_id == RULE)).collect();
    assert_eq!(got, [false, true, false]);
}
