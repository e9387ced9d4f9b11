//! Integration tests for postguard live in `tests/tests/*.rs`; this library
//! holds what they share. The tiny random model itself comes from
//! `postguard::testing` (feature `test-util`) so the CLI and Python tests can
//! use it too.

use std::path::Path;

use postguard::testing::TinyModel;
use postguard::{Classifier, Label, LabelScore, Verdict};
use tempfile::TempDir;

/// A temporary directory holding the model `spec` describes.
///
/// # Panics
///
/// If the directory cannot be written (a test-environment failure).
pub fn model_dir(spec: &TinyModel) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    spec.write(dir.path()).expect("write tiny model");
    dir
}

/// The error loading the model in `dir` gives.
///
/// # Panics
///
/// If the model loads.
pub fn load_err(dir: &Path) -> postguard::Error {
    match Classifier::from_dir(dir) {
        Ok(_) => panic!("model in {} should not load", dir.display()),
        Err(err) => err,
    }
}

/// Rewrites the JSON file at `path` through `edit`.
///
/// # Panics
///
/// If the file cannot be read, parsed or written.
pub fn edit_json(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut value);
    std::fs::write(path, serde_json::to_string(&value).unwrap()).unwrap();
}

/// A classifier over the model in `dir` with the default rules.
///
/// # Panics
///
/// If the model does not load.
pub fn classifier(dir: &Path) -> Classifier {
    Classifier::from_dir(dir).expect("tiny model loads")
}

/// Asserts two verdicts are equal up to float rounding in the scores.
///
/// # Panics
///
/// When they differ.
pub fn assert_same_verdict(a: &Verdict, b: &Verdict, what: &str) {
    for label in Label::ALL {
        let (x, y): (&LabelScore, &LabelScore) = (a.label(label), b.label(label));
        assert!((x.model - y.model).abs() <= 1e-5, "{what}: {label} model {} vs {}", x.model, y.model);
        assert!((x.fused - y.fused).abs() <= 1e-5, "{what}: {label} fused {} vs {}", x.fused, y.fused);
        assert_eq!(x.rules, y.rules, "{what}: {label} rules");
        assert_eq!(x.threshold, y.threshold, "{what}: {label} threshold");
    }
    assert_eq!(a.flagged(), b.flagged(), "{what}: flagged");
    assert_eq!(a.violations(), b.violations(), "{what}: violations");
    assert_eq!(a.rule_hits(), b.rule_hits(), "{what}: rule hits");
    assert_eq!(a.allow_hits(), b.allow_hits(), "{what}: allow hits");
    assert_eq!(a.suppressed_hits(), b.suppressed_hits(), "{what}: suppressed hits");
    assert_eq!(a.resources(), b.resources(), "{what}: resources");
    assert_eq!(a.windows(), b.windows(), "{what}: windows");
    assert_eq!(a.model(), b.model(), "{what}: model");
}

/// A mix of posts: short, long (several windows), with and without context,
/// odd Unicode, empty.
pub fn sample_posts() -> Vec<postguard::Post> {
    use postguard::Post;
    let long = "you are so stupid and nobody likes you what a great day to post a reply ".repeat(6);
    vec![
        Post::new("what a great day"),
        Post::new("then do it").with_context("i keep thinking about ending things"),
        Post::new(long.clone()),
        Post::new("vaccines cause autism, everyone knows it"),
        Post::new(""),
        Post::new("i just want to kill myself"),
        Post::new(long).with_context("reply to this post"),
        Post::new("ты дурак 🤡 — ¡qué idiota! ｋｙｓ"),
        Post::new("drink bleach to cure it").with_context("how do i get rid of covid"),
        Post::new("then do it"),
    ]
}
