//! Hostile text through the whole classifier (rules + model): zalgo, bidi
//! overrides, emoji floods, huge repeats, control characters, mixed scripts.
//! Every input must give a verdict (no panic, no error), with every rule-hit
//! span on char boundaries inside the original text. Time per post is printed
//! for the record, never asserted (timings are for benchmarks, not tests).

use std::time::Instant;

use postguard::testing::TinyModel;
use postguard::{Classifier, Post, Verdict};
use postguard_tests::{classifier, model_dir};

fn hostile_inputs() -> Vec<(&'static str, String)> {
    let zalgo: String = "kill yourself you loser"
        .chars()
        .flat_map(|c| std::iter::once(c).chain("\u{0301}\u{0336}\u{0489}\u{035c}\u{0362}".chars().cycle().take(12)))
        .collect();
    vec![
        ("empty", String::new()),
        ("whitespace", " \n\t \u{3000} ".to_owned()),
        ("zalgo", zalgo),
        ("rtl override", "\u{202e}sk y\u{202c} \u{2067}kill\u{2069} yourself \u{200f}\u{061c}".to_owned()),
        ("bidi isolates everywhere", "\u{2066}k\u{2069}\u{2066}y\u{2069}\u{2066}s\u{2069}".repeat(500)),
        ("emoji flood", "😭🔪💀🙃👍🏽👨‍👩‍👧‍👦🏳️‍🌈".repeat(3_000)),
        ("100k repeated letter", "a".repeat(100_000)),
        ("100k repeated word", "die ".repeat(25_000)),
        ("20k repeated separators", "k.".repeat(10_000)),
        ("control characters", "\u{0}\u{1}\u{7}\u{8}\u{1b}[31mkys\u{1b}[0m\u{7f}\u{85}\u{feff}".repeat(200)),
        (
            "zero width",
            "k\u{200b}i\u{200c}l\u{200d}l \u{2060}y\u{feff}o\u{200b}u\u{200b}r\u{200b}s\u{200b}e\u{200b}l\u{200b}f"
                .to_owned(),
        ),
        ("mixed scripts", "уоu аrе а lоsеr Κιλλ γουρσελφ 死ね 죽어 تموت 𝓴𝔂𝓼 ｋｙｓ ⓚⓨⓢ 🅺🆈🆂".to_owned()),
        ("lone combining marks", "\u{0301}\u{0302}\u{0303}".repeat(10_000)),
        ("surrogate-range lookalikes and private use", "\u{e000}\u{f8ff}\u{fffd}\u{fffe}\u{10ffff}".repeat(1_000)),
        ("one very long word", "supercalifragilistic".repeat(5_000)),
        ("many short lines", "i want to die\n".repeat(2_000)),
    ]
}

fn check(verdict: &Verdict, text: &str, name: &str) {
    for hit in verdict.rule_hits() {
        assert!(hit.end <= text.len() && hit.start <= hit.end, "{name}: span {}..{} outside text", hit.start, hit.end);
        assert!(
            text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end),
            "{name}: span not on char boundaries"
        );
        assert_eq!(&text[hit.start..hit.end], hit.text, "{name}: hit text differs from the original span");
    }
    for label in postguard::Label::ALL {
        let s = verdict.label(label);
        assert!((0.0..=1.0).contains(&s.model) && (0.0..=1.0).contains(&s.fused), "{name}: {label} score out of range");
    }
    assert!(verdict.windows() >= 1, "{name}: no window scored");
}

fn run_all(clf: &Classifier, what: &str) {
    let inputs = hostile_inputs();
    for (name, text) in &inputs {
        let start = Instant::now();
        let single = clf.classify(&Post::new(text.as_str())).unwrap_or_else(|e| panic!("{name}: {e}"));
        println!(
            "{what}: {name:<45} {:>6} bytes {:>4} windows {:>8.1} ms",
            text.len(),
            single.windows(),
            start.elapsed().as_secs_f64() * 1e3
        );
        check(&single, text, name);
        // As context too: the context is truncated to its budget, never an error.
        let with_context = Post::new("then do it").with_context(text.as_str());
        clf.classify(&with_context).unwrap_or_else(|e| panic!("{name} as context: {e}"));
    }
    let posts: Vec<Post> = inputs.iter().map(|(_, t)| Post::new(t.as_str())).collect();
    let batch = clf.classify_batch(&posts).expect("batch of hostile posts");
    assert_eq!(batch.len(), posts.len());
}

#[test]
fn hostile_text_never_panics_tiny_model() {
    let dir = model_dir(&TinyModel::default());
    run_all(&classifier(dir.path()), "tiny");
}

#[cfg(feature = "bundled")]
#[test]
fn hostile_text_never_panics_bundled_model() {
    run_all(&Classifier::new().expect("bundled model"), "bundled");
}

/// Issue 19, item 3: per-post work limits. A 5 MB post is scored on its first
/// `max_post_bytes` (the model and the rules read the same prefix, so the verdict equals the
/// prefix's own), says so in `limited`, and the hit list is capped with the rest counted;
/// the decision does not depend on the listing cap.
#[test]
fn per_post_limits_bound_the_work_and_say_so() {
    use postguard::{DEFAULT_MAX_POST_BYTES, DEFAULT_MAX_RULE_HITS};
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let text = "you are a loser, kys. ".repeat(5_000_000 / 22);
    let v = clf.classify(&Post::new(text.as_str())).unwrap();
    let l = v.limited().expect("a 5 MB post is limited by default");
    assert_eq!((l.text_bytes, l.scored_text_bytes), (text.len(), DEFAULT_MAX_POST_BYTES));
    assert_eq!(v.rule_hits().len(), DEFAULT_MAX_RULE_HITS);
    assert!(l.rule_hits_dropped > 1_000, "{l:?}");
    assert!(v.rule_hits().iter().all(|h| h.end <= DEFAULT_MAX_POST_BYTES));
    check(&v, &text, "5 MB post");

    // The same verdict as the prefix scored on its own (up to the `limited` note).
    let prefix = &text[..DEFAULT_MAX_POST_BYTES];
    let alone = clf.classify(&Post::new(prefix)).unwrap();
    for label in postguard::Label::ALL {
        assert_eq!(v.label(label), alone.label(label), "{label}");
    }
    assert_eq!(v.windows(), alone.windows());

    // A cut lands on a char boundary; a context is cut on its own.
    let small = Classifier::builder()
        .model(postguard::ModelSource::Dir(dir.path().to_owned()))
        .max_post_bytes(10)
        .max_rule_hits(0)
        .build()
        .unwrap();
    let v = small.classify(&Post::new("ééééééé kys").with_context("0123456789abc")).unwrap();
    let l = v.limited().unwrap();
    assert_eq!((l.scored_text_bytes, l.scored_context_bytes, l.context_bytes), (10, 10, 13));
    let v = small.classify(&Post::new("ééééé")).unwrap(); // 10 bytes: fits
    assert!(v.limited().is_none());
    let v = small.classify(&Post::new("éééééé")).unwrap(); // 12 bytes: cut to 10, a boundary
    assert_eq!(v.limited().unwrap().scored_text_bytes, 10);

    // No limits: everything listed, nothing noted; the decision is the same as with the cap.
    let all = Classifier::builder()
        .model(postguard::ModelSource::Dir(dir.path().to_owned()))
        .max_rule_hits(0)
        .build()
        .unwrap();
    let many = "kys loser. ".repeat(300);
    let (capped, full) =
        (clf.classify(&Post::new(many.as_str())).unwrap(), all.classify(&Post::new(many.as_str())).unwrap());
    assert!(full.limited().is_none() && full.rule_hits().len() > DEFAULT_MAX_RULE_HITS);
    assert_eq!(capped.flagged(), full.flagged());
    assert_eq!(capped.limited().unwrap().rule_hits_dropped, full.rule_hits().len() - DEFAULT_MAX_RULE_HITS);
    // The JSON carries `limited` only when it applied.
    assert!(serde_json::to_value(&capped).unwrap().get("limited").is_some());
    assert!(serde_json::to_value(clf.classify(&Post::new("hello")).unwrap()).unwrap().get("limited").is_none());
}
