//! Properties of the classifier for any posts, on the tiny random test model (scores mean
//! nothing; what is checked is that batching never changes a result):
//! - `classify_batch(posts)[i] == classify(&posts[i])` for every `i`, for `Precision::F32`
//!   and `Precision::Int8`;
//! - a permuted batch gives the permuted verdicts (no dependence on batch order or on the
//!   length-aware batching that groups posts by size);
//! - every rule span (hits, suppressed hits, allow hits) is a non-empty char-boundary slice of
//!   the post text whose text is reported verbatim.
//!
//! Posts: random Unicode, empty, long (several model windows: the tiny model's window is 24
//! tokens), words the rules and the tiny vocabulary know, with and without context.

use std::path::PathBuf;
use std::sync::OnceLock;

use postguard::testing::TinyModel;
use postguard::{Classifier, ModelSource, Post, Precision, Verdict};
use proptest::prelude::*;

fn model_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("postguard-props-tiny-model");
        TinyModel::default().write(&dir).unwrap();
        dir
    })
}

fn classifier(precision: Precision) -> &'static Classifier {
    static F32: OnceLock<Classifier> = OnceLock::new();
    static INT8: OnceLock<Classifier> = OnceLock::new();
    let cell = if precision == Precision::Int8 { &INT8 } else { &F32 };
    cell.get_or_init(|| {
        Classifier::builder().model(ModelSource::Dir(model_dir().clone())).precision(precision).build().unwrap()
    })
}

/// Text pieces: words the tiny vocabulary and the rules know, and characters that are
/// awkward for a tokenizer or a span map (combining marks, zero-width, bidi, emoji, CJK).
fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "you", "are", "so", "stupid", "idiot", "nobody", "likes", "kys", "kill yourself",
            "then do it", "i keep thinking about ending things", "i want to die",
            "vaccines cause autism", "drink bleach", "it's a myth", "great day", "not",
        ])
        .prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "\u{200B}", "\u{202E}", "\u{0301}", "ﬁ", "½", "é", "😀", "中文", "\"", "“", "\n", "\t", "  ",
        ])
        .prop_map(str::to_owned),
        2 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        6 => prop::collection::vec(atom(), 1..8).prop_map(|a| a.join(" ")),
        // Long: several windows.
        1 => prop::collection::vec(atom(), 20..60).prop_map(|a| a.join(" ")),
    ]
}

fn post() -> impl Strategy<Value = Post> {
    (text(), prop::option::weighted(0.4, text())).prop_map(|(t, c)| match c {
        Some(c) => Post::new(t).with_context(c),
        None => Post::new(t),
    })
}

fn precision() -> impl Strategy<Value = Precision> {
    prop_oneof![Just(Precision::F32), Just(Precision::Int8)]
}

fn check_spans(post: &Post, v: &Verdict) {
    let text = &post.text;
    let spans = v
        .rule_hits()
        .iter()
        .map(|h| (h.start, h.end, &h.text))
        .chain(v.suppressed_hits().iter().map(|s| (s.hit.start, s.hit.end, &s.hit.text)))
        .chain(v.allow_hits().iter().map(|a| (a.start, a.end, &a.text)));
    for (a, b, t) in spans {
        assert!(a < b && b <= text.len(), "span {a}..{b} outside 0..{} of {text:?}", text.len());
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "span {a}..{b} not on char boundaries of {text:?}"
        );
        assert_eq!(&text[a..b], t.as_str(), "span text of {text:?}");
    }
}

/// `a` and `b` are the same verdict: exactly for int8 (each window runs at its own length, so
/// batching cannot change a bit); for f32 (the candle graph pads a batch to its longest window)
/// model and fused scores may differ in the last bits, as `classify_batch` documents.
fn assert_same(a: &Verdict, b: &Verdict, p: Precision, what: &str) {
    if p == Precision::Int8 {
        assert_eq!(a, b, "{what}");
        return;
    }
    for (l, x) in a.labels().iter() {
        let y = b.label(l);
        assert!((x.model - y.model).abs() <= 1e-5 && (x.fused - y.fused).abs() <= 1e-5, "{what}: {l} {x:?} vs {y:?}");
        assert_eq!((x.rules, x.threshold, x.flagged), (y.rules, y.threshold, y.flagged), "{what}: {l}");
    }
    assert_eq!(a.flagged(), b.flagged(), "{what}");
    assert_eq!(a.violations(), b.violations(), "{what}");
    assert_eq!(a.rule_hits(), b.rule_hits(), "{what}");
    assert_eq!(a.allow_hits(), b.allow_hits(), "{what}");
    assert_eq!(a.suppressed_hits(), b.suppressed_hits(), "{what}");
    assert_eq!(a.resources(), b.resources(), "{what}");
    assert_eq!(a.windows(), b.windows(), "{what}");
    assert_eq!(a.model(), b.model(), "{what}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn batch_equals_single(posts in prop::collection::vec(post(), 0..10), p in precision()) {
        let c = classifier(p);
        let batch = c.classify_batch(&posts).unwrap();
        prop_assert_eq!(batch.len(), posts.len());
        for (post, v) in posts.iter().zip(&batch) {
            let single = c.classify(post).unwrap();
            assert_same(v, &single, p, &format!("{p:?} batch vs single, post {post:?}"));
            check_spans(post, v);
        }
    }

    #[test]
    fn permuted_batch_gives_permuted_verdicts(
        (posts, perm) in prop::collection::vec(post(), 1..12).prop_flat_map(|posts| {
            let n = posts.len();
            (Just(posts), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        }),
        p in precision(),
    ) {
        let c = classifier(p);
        let batch = c.classify_batch(&posts).unwrap();
        let permuted: Vec<Post> = perm.iter().map(|&i| posts[i].clone()).collect();
        let got = c.classify_batch(&permuted).unwrap();
        for (j, &i) in perm.iter().enumerate() {
            assert_same(&got[j], &batch[i], p, &format!("{p:?}: permuted position {j} is post {i}"));
        }
    }
}

/// The properties mean something only if the posts reach the rules and make scores vary.
#[test]
fn generated_posts_hit_rules_and_scores_vary() {
    let c = classifier(Precision::F32);
    let posts =
        [Post::new("kys you idiot"), Post::new("great day"), Post::new("then do it").with_context("i want to die")];
    let v = c.classify_batch(&posts).unwrap();
    assert!(!v[0].rule_hits().is_empty(), "no rule hits: {:?}", v[0]);
    let scores: Vec<f32> = v.iter().map(|v| v.label(postguard::Label::Bullying).model).collect();
    assert!(scores.iter().any(|s| (s - scores[0]).abs() > 1e-4), "scores do not vary: {scores:?}");
}
