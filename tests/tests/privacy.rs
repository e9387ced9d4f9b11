//! Personal information in verdicts: someone else's is a `privacy` violation, the author's own
//! gets a notice, help numbers are never findings, and redaction leaves no finding behind.

use postguard::testing::TinyModel;
use postguard::{Label, PiiKind, Post, Whose};
use postguard_tests::{classifier, model_dir};

fn quiet_model() -> TinyModel {
    // Model scores near 0: what is flagged comes from the rules and the PII detectors.
    TinyModel { classifier_bias: Some(vec![-20.0; Label::COUNT]), ..TinyModel::default() }
}

#[test]
fn someone_elses_details_are_a_violation_the_authors_own_a_notice() {
    let dir = model_dir(&quiet_model());
    let clf = classifier(dir.path());

    let v = clf.classify(&Post::new("her number is 07911 123456, make her life hell")).unwrap();
    assert!(v.flagged().contains(&Label::Privacy), "{:?}", v.flagged());
    assert!(v.violations().contains(&Label::Privacy));
    assert_eq!(v.pii().len(), 1);
    assert_eq!((v.pii()[0].kind, v.pii()[0].whose), (PiiKind::Phone, Whose::Other));
    assert!(v.rule_hits().iter().any(|h| h.rule_id == "privacy.phone" && h.text == "07911 123456"));
    assert!(v.privacy_notice().is_none());

    let v = clf.classify(&Post::new("i'm scared, text me at 07911 123456 tonight")).unwrap();
    assert!(!v.flagged().contains(&Label::Privacy), "{:?}", v.flagged());
    assert_eq!(v.pii()[0].whose, Whose::Own);
    let notice = v.privacy_notice().expect("a notice for the author");
    assert!(notice.contains("a phone number"), "{notice}");

    for helpline in ["please call or text 988, they helped me", "samaritans are on 116 123 any time"] {
        let v = clf.classify(&Post::new(helpline)).unwrap();
        assert!(v.pii().is_empty() && !v.flagged().contains(&Label::Privacy), "{helpline}: {:?}", v.pii());
    }
}

#[test]
fn redaction_replaces_every_finding_and_nothing_else() {
    let dir = model_dir(&quiet_model());
    let clf = classifier(dir.path());
    let text = "he lives at 14 Elm Road, Leeds LS6 2AB, email him: jake.m@gmail.com (call 988 if you need to)";
    let redacted = clf.redact(text);
    assert_eq!(redacted, "he lives at [ADDRESS], Leeds [POSTCODE], email him: [EMAIL] (call 988 if you need to)");
    assert!(clf.privacy_detector().find(&redacted).is_empty());
    // The verdict's JSON lists the findings.
    let json = serde_json::to_value(clf.classify(&Post::new(text)).unwrap()).unwrap();
    let kinds: Vec<&str> = json["pii"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["street_address", "postcode", "email"]);
    assert_eq!(json["pii"][2]["whose"], "other");
}

/// Replying to someone by handle is ordinary, supportive replies included: the handle is a
/// finding (and redacted) but not a privacy violation.
#[test]
fn a_handle_alone_is_not_a_violation() {
    let dir = model_dir(&quiet_model());
    let clf = classifier(dir.path());
    let v = clf.classify(&Post::new("@sam you've got this, so proud of you")).unwrap();
    assert_eq!(v.pii()[0].kind, PiiKind::UserHandle);
    assert!(!v.flagged().contains(&Label::Privacy), "{:?}", v.flagged());
    assert_eq!(clf.redact("@sam you've got this"), "[HANDLE] you've got this");
}
