//! The verdict's JSON shape is part of the contract (CLI output, Python dicts).

use postguard::testing::TinyModel;
use postguard::{Label, Post, Verdict};
use postguard_tests::{classifier, model_dir};
use serde_json::Value;

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().expect("object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

#[test]
fn verdict_json_shape() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    // A crisis rule hit so that resources and rule_hits are non-empty.
    let verdict = clf.classify(&Post::new("i just want to kill myself, k y s")).unwrap();
    let json = serde_json::to_value(&verdict).unwrap();

    let mut top = vec![
        "labels",
        "flagged",
        "violations",
        "rule_hits",
        "allow_hits",
        "suppressed_hits",
        "resources",
        "windows",
        "model",
        "pii",
        "language",
        "unsupported_language",
    ];
    top.sort_unstable();
    assert_eq!(keys(&json), top);
    assert_eq!(keys(&json["language"]), ["code", "confidence"]);
    assert!(json["unsupported_language"].is_boolean());

    let mut names = Label::NAMES.to_vec();
    names.sort_unstable();
    assert_eq!(keys(&json["labels"]), names);
    for (_, score) in json["labels"].as_object().unwrap() {
        assert_eq!(keys(score), ["flagged", "fused", "model", "rules", "threshold"]);
        for field in ["fused", "model", "rules", "threshold"] {
            let x = score[field].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&x), "{field} = {x}");
        }
        assert!(score["flagged"].is_boolean());
    }
    for list in ["flagged", "violations"] {
        for label in json[list].as_array().unwrap() {
            assert!(Label::NAMES.contains(&label.as_str().unwrap()));
        }
    }
    assert!(json["flagged"].as_array().unwrap().contains(&Value::from("crisis")));
    assert!(!json["violations"].as_array().unwrap().contains(&Value::from("crisis")));

    let hit = &json["rule_hits"][0];
    assert_eq!(keys(hit), ["end", "label", "rule_id", "severity", "start", "text"]);
    assert!(hit["start"].is_u64() && hit["end"].is_u64() && hit["rule_id"].is_string());
    assert!(["low", "medium", "high"].contains(&hit["severity"].as_str().unwrap()));

    let resource = &json["resources"][0];
    assert_eq!(keys(resource), ["contact", "locale", "name", "url"]);
    assert!(json["resources"].as_array().unwrap().iter().any(|r| r["url"] == "https://findahelpline.com"));

    assert!(json["windows"].is_u64());
    // No personal information in this post: an empty list, and no notice.
    assert_eq!(json["pii"], serde_json::json!([]));
    assert!(json.get("privacy_notice").is_none());
    assert_eq!(keys(&json["model"]), ["files_sha256", "name", "precision", "sha256", "version"]);
    let files_sha256 = json["model"]["files_sha256"].as_str().unwrap();
    assert!(files_sha256.len() == 64 && files_sha256 != json["model"]["sha256"], "{files_sha256}");

    // Round trip.
    let back: Verdict = serde_json::from_value(json).unwrap();
    assert_eq!(back, verdict);
}
