//! Table-driven test: every rule's `must_match` / `must_not_match` examples from the
//! embedded packs, plus structural checks on the default pack.

use postguard_rules::{Label, RuleSet, Severity};

#[test]
fn every_rule_example_behaves_as_documented() {
    let rules = RuleSet::default();
    let failures = rules.test_examples();
    let mut msg = String::new();
    for f in &failures {
        msg.push_str(&format!(
            "\n[{}] expected {} for {:?} (context {:?})\n   hits: {:?}\n   suppressed: {:?}",
            f.rule_id,
            if f.expected_match { "MATCH" } else { "NO MATCH" },
            f.example,
            f.context,
            f.report.hits.iter().map(|h| (&h.rule_id, &h.text)).collect::<Vec<_>>(),
            f.report.suppressed.iter().map(|s| (&s.hit.rule_id, &s.reason)).collect::<Vec<_>>(),
        ));
    }
    let total: usize = rules
        .rules()
        .iter()
        .map(|r| {
            r.must_match.len() + r.must_not_match.len() + r.must_match_replies.len() + r.must_not_match_replies.len()
        })
        .sum();
    println!("{} rules, {} examples, {} failures", rules.rules().len(), total, failures.len());
    assert!(failures.is_empty(), "{} of {total} examples failed:{msg}", failures.len());
}

#[test]
fn every_rule_has_two_examples_each_way_and_a_description() {
    for r in RuleSet::default().rules() {
        let yes = r.must_match.len() + r.must_match_replies.len();
        let no = r.must_not_match.len() + r.must_not_match_replies.len();
        assert!(yes >= 2, "{} needs >= 2 must_match", r.id);
        assert!(no >= 2, "{} needs >= 2 must_not_match", r.id);
        assert!(!r.description.is_empty(), "{} needs a description", r.id);
        assert!(r.id.starts_with(r.label.as_str()), "{} id should start with its label", r.id);
    }
}

#[test]
fn every_label_is_covered() {
    let rules = RuleSet::default();
    // Privacy is flagged from the PII detectors (src/privacy.rs), not from pack rules.
    for l in Label::ALL.into_iter().filter(|&l| l != Label::Privacy) {
        assert!(rules.rules().iter().any(|r| r.label == l), "no rule for {l}");
        assert!(rules.rules().iter().any(|r| r.label == l && r.severity >= Severity::Medium));
    }
}

/// Second person is bullying, first person is crisis — never the reverse.
#[test]
fn person_decides_bullying_versus_crisis() {
    let rules = RuleSet::default();
    // Bare "kill yourself" is medium (people weighing their own death write it with a
    // generic "you"): still bullying, never crisis.
    for (t, high) in [
        ("kill yourself", false),
        ("go kill urself", true),
        ("kys", true),
        ("you should kill yourself", true),
        ("unalive yourself", true),
    ] {
        let r = rules.check(t);
        assert!(r.hits_for(Label::Bullying).next().is_some(), "{t}: {r:?}");
        assert_eq!(r.has_high(Label::Bullying), high, "{t}: {r:?}");
        assert!(r.hits_for(Label::Crisis).next().is_none(), "{t} must not be crisis: {r:?}");
    }
    for t in ["kill myself", "i want to kill myself", "kms", "im going to unalive myself", "i want to die"] {
        let r = rules.check(t);
        assert!(r.has_high(Label::Crisis), "{t}: {r:?}");
        assert!(r.hits_for(Label::Bullying).next().is_none(), "{t} must not be bullying: {r:?}");
    }
}

#[test]
fn helpers_are_not_flagged() {
    let rules = RuleSet::default();
    let supportive = [
        "You're not alone. If you ever feel like you want to kill yourself, please call or text 988.",
        "Two years clean from self-harm today! I used to want to die, but it gets better.",
        "Myth: antidepressants are just placebos. Fact: they help many people.",
        "Never stop your meds cold turkey, always taper with your doctor.",
        "This exam is killing me, I'd kill for a pizza.",
        "Someone wrote \"kys\" under my post and I reported it.",
        "Please don't kill yourself. You matter to us.",
        "It's a myth that talking about suicide puts the idea in someone's head. Ask directly.",
    ];
    for t in supportive {
        let r = rules.check(t);
        let violations: Vec<_> = r.hits.iter().filter(|h| h.label.is_violation()).collect();
        assert!(violations.is_empty(), "{t}: {violations:?}");
        assert!(r.hits_for(Label::Crisis).next().is_none(), "{t}: {:?}", r.hits);
    }
}

#[test]
fn suppressed_hits_carry_reasons_and_allows_fire() {
    let rules = RuleSet::default();
    let r = rules.check("no, it's a myth that vaccines cause autism");
    assert!(r.hits.is_empty(), "{r:?}");
    assert_eq!(r.suppressed.len(), 1);
    assert!(r.suppressed[0].reason.contains("myth"), "{:?}", r.suppressed);
    assert!(r.is_allowed(Label::Misinformation));

    let r = rules.check("I used to want to kill myself, but now I'm doing better");
    assert!(r.hits.is_empty(), "{r:?}");
    assert!(r.suppressed[0].reason.starts_with("recovery"), "{:?}", r.suppressed);
    assert!(r.is_allowed(Label::Crisis));
}

#[test]
fn spans_point_at_original_text() {
    let rules = RuleSet::default();
    let t = "ok so 🙂 Ｋ Ｙ Ｓ and also k\u{200B}i\u{200B}l\u{200B}l y o u r s e l f";
    let r = rules.check(t);
    assert!(r.hits.len() >= 2, "{r:?}");
    for h in &r.hits {
        assert_eq!(&t[h.start..h.end], h.text);
    }
    assert_eq!(r.hits[0].text, "Ｋ Ｙ Ｓ");
}

#[test]
fn user_pack_overrides_and_allows() {
    let mut b = RuleSet::builder();
    b.add_pack_str(
        "forum",
        r#"
        [[rule]]
        id = "bullying.forum_slur"
        label = "bullying"
        severity = "medium"
        description = "forum-specific insult"
        phrases = ["{you|u} {absolute|total} {muppet|walnut}"]
        must_match = ["you total muppet", "u absolute walnut"]
        must_not_match = ["a muppet movie", "walnut cake"]

        [[allow]]
        id = "allow.forum"
        labels = ["bullying"]
        phrases = ["muppet appreciation"]
        "#,
    )
    .unwrap();
    let rules = b.build().unwrap();
    assert!(rules.test_examples().is_empty());
    assert!(rules.check("you absolute muppet").has_rule("bullying.forum_slur"));
    assert!(rules.check("muppet appreciation day").is_allowed(Label::Bullying));
    assert_eq!(rules.rule("bullying.forum_slur").unwrap().pack, "forum");
}

/// Normalisation must not create matches that are not there.
#[test]
fn normalisation_creates_no_false_matches() {
    let rules = RuleSet::default();
    let benign = [
        "the skilled nurse helped me so much",
        "that plan sounds viable to me",
        "my therapist said I'm doing great",
        "I killed it at my exam today!!!",
        "ran 5 kms and 10kms yesterday",
        "I'm dying to see the new movie",
        "this cake is to die for",
        "I took 50mg at 3am on the 2nd",
        "k, see you at 5",
        "I. Am. So. Proud. Of. You.",
        "a b c d e f g — learning the alphabet with my kid",
        "u r a star, sending hugs",
        "Kill Bill is my favourite film",
        "the flame retardant jacket",
        "we read Hamlet: to be or not to be",
        "my goodbye party at work was lovely, see you all on monday",
        "This is my last post about the election, promise!",
        "ＴＨＩＳ ＩＳ ＦＩＮＥ",
        "I'd kill for a nap",
        "I cut myself shaving lol",
        "1 2 3 4 5 6 7 8 9 0",
        "c u l8r",
        "@kys_official_fan wrote a nice song",
    ];
    for t in benign {
        let r = rules.check(t);
        assert!(r.hits.is_empty(), "{t:?} -> {:?} (normalised: {:?})", r.hits, rules.normalize(t));
    }
}

#[test]
fn hits_serialize_in_the_contract_shape() {
    let r = RuleSet::default().check("k y s");
    let v = serde_json::to_value(&r.hits[0]).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"rule_id": "bullying.kys", "label": "bullying", "severity": "high",
                           "start": 0, "end": 5, "text": "k y s"})
    );
    let back: postguard_rules::RuleReport = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn packs_load_from_files_and_report_io_errors() {
    let dir = std::env::temp_dir().join(format!("postguard-rules-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("extra.toml");
    std::fs::write(
        &path,
        "[[rule]]\nid='crisis.custom'\nlabel='crisis'\nseverity='medium'\nphrases=['i feel so empty inside']\n",
    )
    .unwrap();
    let mut b = RuleSet::builder();
    b.add_pack_file(&path).unwrap();
    let rules = b.build().unwrap();
    assert!(rules.check("I feel so empty inside").has_rule("crisis.custom"));
    assert_eq!(rules.rule("crisis.custom").unwrap().pack, path.display().to_string());
    let err = RuleSet::builder().add_pack_file(dir.join("missing.toml")).unwrap_err();
    assert!(matches!(err, postguard_rules::RulesError::Io { .. }), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reply_rules_need_a_crisis_parent() {
    let rules = RuleSet::default();
    let crisis = "i keep thinking about ending things";
    assert!(!rules.check("then do it").has_rule("unsafe_advice.encourage_in_reply"));
    assert!(rules.check_reply("then do it", None).is_empty());
    let r = rules.check_reply("then do it", Some(crisis));
    let hit =
        r.hits.iter().find(|h| h.rule_id == "unsafe_advice.encourage_in_reply").expect("hit under a crisis parent");
    assert_eq!((hit.start, hit.end, hit.text.as_str()), (0, 10, "then do it"));
    assert!(rules.check_reply("then do it", Some("i want to start running again")).is_empty());
    assert!(rules.check_reply("please don't do it", Some(crisis)).hits.is_empty());
    assert!(rules.check_reply("go ahead and call the hotline", Some(crisis)).hits.is_empty());
    // Spans stay spans of the reply, even after leading text.
    let r = rules.check_reply("ok. nobody cares", Some(crisis));
    assert!(
        r.hits.iter().any(|h| h.rule_id == "bullying.dismiss_in_reply" && "ok. nobody cares"[h.start..h.end] == h.text)
    );
}
