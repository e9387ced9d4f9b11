//! Classifier behaviour on the tiny random model: batch == single, order,
//! context, sigmoid multi-label, windows, thresholds, crisis routing.

use postguard::testing::TinyModel;
use postguard::{Classifier, Label, Post};
use postguard_tests::{assert_same_verdict, classifier, model_dir, sample_posts};

#[test]
fn batch_equals_single_and_keeps_order() {
    let dir = model_dir(&TinyModel::default());
    // A small token budget forces many batches of different padded lengths.
    for budget in [1, 64, 100_000] {
        let clf = Classifier::builder().model(dir.path()).max_batch_tokens(budget).build().unwrap();
        let posts = sample_posts();
        let batch = clf.classify_batch(&posts).unwrap();
        assert_eq!(batch.len(), posts.len());
        for (post, verdict) in posts.iter().zip(&batch) {
            let single = clf.classify(post).unwrap();
            assert_same_verdict(verdict, &single, &format!("budget {budget}, post {:?}", post.text));
        }
    }
}

#[test]
fn results_do_not_depend_on_batch_order() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let posts = sample_posts();
    let forward = clf.classify_batch(&posts).unwrap();
    let mut reversed_posts = posts.clone();
    reversed_posts.reverse();
    let mut reversed = clf.classify_batch(&reversed_posts).unwrap();
    reversed.reverse();
    for (i, (a, b)) in forward.iter().zip(&reversed).enumerate() {
        assert_same_verdict(a, b, &format!("post {i}"));
    }
}

#[test]
fn empty_batch() {
    let dir = model_dir(&TinyModel::default());
    assert!(classifier(dir.path()).classify_batch(&[]).unwrap().is_empty());
}

#[test]
fn context_changes_the_model_score_and_can_change_the_outcome() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    // A harmless context, so no reply-aware rule fires: any difference
    // comes from the model reading (context, text) as a pair.
    let alone = Post::new("then do it");
    let reply = alone.clone().with_context("should i dye my hair blue");
    let a = clf.classify(&alone).unwrap();
    let b = clf.classify(&reply).unwrap();
    assert_eq!(a.rule_hits(), b.rule_hits());
    let (label, gap) = Label::ALL
        .into_iter()
        .map(|l| (l, (a.label(l).model - b.label(l).model).abs()))
        .fold((Label::Bullying, 0.0), |best, x| if x.1 > best.1 { x } else { best });
    assert!(gap > 1e-3, "context must reach the model (largest gap {gap})");

    // A threshold between the two scores: the context decides the outcome.
    let (lo, hi) = (a.label(label).model.min(b.label(label).model), a.label(label).model.max(b.label(label).model));
    let clf = Classifier::builder().model(dir.path()).threshold(label, (lo + hi) / 2.0).build().unwrap();
    let a = clf.classify(&alone).unwrap();
    let b = clf.classify(&reply).unwrap();
    assert_ne!(a.is_flagged(label), b.is_flagged(label), "{label}: context should flip the decision");
}

#[test]
fn empty_context_is_no_context() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let a = clf.classify(&Post::new("then do it")).unwrap();
    let b = clf.classify(&Post::new("then do it").with_context("")).unwrap();
    assert_same_verdict(&a, &b, "empty context");
}

#[test]
fn sigmoid_per_label_not_softmax() {
    // Large positive bias on two labels: both must be likely at once.
    let spec = TinyModel {
        classifier_bias: Some([8.0, 8.0].into_iter().chain(std::iter::repeat(-8.0)).take(Label::COUNT).collect()),
        ..TinyModel::default()
    };
    let dir = model_dir(&spec);
    let clf = classifier(dir.path());
    for post in sample_posts() {
        let v = clf.classify(&post).unwrap();
        let scores: Vec<f32> = Label::ALL.iter().map(|l| v.label(*l).model).collect();
        assert!(scores[0] > 0.5 && scores[1] > 0.5, "{scores:?}");
        assert!(scores[2] < 0.5 && scores[3] < 0.5, "{scores:?}");
        let sum: f32 = scores.iter().sum();
        assert!((sum - 1.0).abs() > 0.2, "scores look softmaxed: {scores:?}");
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
        assert!(v.is_flagged(Label::Bullying) && v.is_flagged(Label::Misinformation));
    }
}

#[test]
fn long_posts_are_windowed_not_cut() {
    let spec = TinyModel::default(); // max_tokens 24, stride 6
    let dir = model_dir(&spec);
    let clf = classifier(dir.path());
    assert_eq!((clf.max_tokens(), clf.stride()), (24, 6));

    let short = clf.classify(&Post::new("what a great day")).unwrap();
    assert_eq!(short.windows(), 1);

    // Every word is a vocabulary word, so this is exactly 60 text tokens.
    let words: Vec<&str> = "you are so stupid and nobody likes you".split(' ').collect();
    let text: Vec<&str> = words.iter().copied().cycle().take(60).collect();
    let long = clf.classify(&Post::new(text.join(" "))).unwrap();
    // 22 text tokens per window, step 22 - 6 = 16: starts 0, 16, 32, 48.
    assert_eq!(long.windows(), 4);

    // With context the text budget shrinks (context capped at 24 / 4 = 6 tokens).
    let with_context =
        Post::new(text.join(" ")).with_context("i keep thinking about ending things and more and more words");
    let v = clf.classify(&with_context).unwrap();
    // 24 - 3 special - 6 context = 15 text tokens, overlap min(6, 7) = 6, step 9: ceil((60-15)/9)+1 = 6.
    assert_eq!(v.windows(), 6);
}

#[test]
fn window_scores_are_maximum_per_label() {
    // The model score of a long post is the maximum over its windows: adding
    // text can never lower a label's model score below that of a window it
    // contains as a whole. Here the post is two copies of a window-sized
    // text separated far enough that each copy is exactly one window start.
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    // 16 tokens: windows of the doubled post start at 0 and 16.
    let part = "you are so stupid and nobody likes you you are so stupid and nobody likes you";
    let single = clf.classify(&Post::new(part)).unwrap();
    let doubled = clf.classify(&Post::new(format!("{part} {part}"))).unwrap();
    assert_eq!(doubled.windows(), 2);
    for label in Label::ALL {
        assert!(
            doubled.label(label).model + 1e-5 >= single.label(label).model,
            "{label}: {} < {}",
            doubled.label(label).model,
            single.label(label).model
        );
    }
}

#[test]
fn thresholds_from_settings_and_overrides() {
    let mut spec = TinyModel::default();
    spec.thresholds.insert("crisis".to_owned(), 0.3);
    let dir = model_dir(&spec);
    let clf = classifier(dir.path());
    assert_eq!(clf.thresholds()[Label::Crisis], 0.3);
    assert_eq!(clf.thresholds()[Label::Bullying], 0.5);
    let clf = Classifier::builder()
        .model(dir.path())
        .thresholds([(Label::Bullying, 0.9), (Label::Crisis, 0.1)])
        .build()
        .unwrap();
    assert_eq!(clf.thresholds()[Label::Bullying], 0.9);
    assert_eq!(clf.thresholds()[Label::Crisis], 0.1);
    let v = clf.classify(&Post::new("hello")).unwrap();
    assert_eq!(v.label(Label::Bullying).threshold, 0.9);

    let err = Classifier::builder().model(dir.path()).threshold(Label::Bullying, 1.5).build().unwrap_err();
    assert!(matches!(err, postguard::Error::InvalidThreshold { .. }), "{err}");
    let err = Classifier::builder().model(dir.path()).max_batch_tokens(0).build().unwrap_err();
    assert!(matches!(err, postguard::Error::InvalidOption { .. }), "{err}");
}

#[test]
fn crisis_is_routed_to_help_never_a_violation() {
    // Push the model's crisis score down: the rules alone must route this post.
    let spec = TinyModel { classifier_bias: Some(vec![-8.0; Label::COUNT]), ..TinyModel::default() };
    let dir = model_dir(&spec);
    let clf = Classifier::builder().model(dir.path()).locale("en-GB").build().unwrap();
    let v = clf.classify(&Post::new("i just want to kill myself")).unwrap();
    assert!(v.is_crisis(), "{v:?}");
    assert!(v.flagged().contains(&Label::Crisis));
    assert!(!v.violations().contains(&Label::Crisis));
    assert!(!v.is_violation());
    assert_eq!(v.resources()[0].locale, "UK");
    assert!(v.resources().iter().any(|r| r.url == "https://findahelpline.com"));
    assert!(v.rule_hits().iter().any(|h| h.label == Label::Crisis));

    let calm = clf.classify(&Post::new("what a great day")).unwrap();
    assert!(!calm.is_crisis());
    assert!(calm.resources().is_empty());
}

#[test]
fn rule_spans_point_into_the_original_text() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let text = "nobody likes you, k y s";
    let v = clf.classify(&Post::new(text).with_context("some context")).unwrap();
    assert!(!v.rule_hits().is_empty());
    for hit in v.rule_hits() {
        assert_eq!(&text[hit.start..hit.end], hit.text);
    }
    // Both signals are visible: rules evidence and the raw model score.
    let b = v.label(Label::Bullying);
    assert!(b.rules > 0.0);
    assert!((0.0..=1.0).contains(&b.model));
    assert!(b.fused >= b.model.max(b.rules) - 1e-6);
}

#[test]
fn odd_unicode_never_panics() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let posts: Vec<Post> = [
        "\u{0}\u{1}\u{7f}",
        "🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡🤡",
        "e\u{301}\u{301}\u{301}\u{301}",
        "\u{202e}kys\u{202c}",
        "\u{feff}\u{200b}\u{200d}",
        "日本語のテキスト、とても長い文章です。",
        &"a".repeat(5000),
        &"word ".repeat(2000),
    ]
    .iter()
    .map(|t| Post::new(*t).with_context(*t))
    .collect();
    let verdicts = clf.classify_batch(&posts).unwrap();
    for (post, v) in posts.iter().zip(&verdicts) {
        for hit in v.rule_hits() {
            assert!(post.text.is_char_boundary(hit.start) && post.text.is_char_boundary(hit.end));
        }
        for (_, s) in v.labels().iter() {
            assert!((0.0..=1.0).contains(&s.model) && (0.0..=1.0).contains(&s.fused));
        }
    }
}

#[test]
fn model_info_names_the_weights() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let info = clf.model_info();
    assert_eq!(info.name, "postguard-tiny-random");
    assert_eq!(info.version, "0.0.0-test");
    assert_eq!(info.sha256.len(), 64);
    assert!(info.sha256.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(clf.labels(), &Label::ALL);
    let v = clf.classify(&Post::new("hi")).unwrap();
    assert_eq!(v.model(), info);
}
