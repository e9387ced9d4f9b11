//! No normalisation step may make two different common English words equal where a rule
//! depends on the difference ("off myself" is crisis, "proud of myself" is not).
//!
//! The word list (`tests/data/common_words.txt`) is the 12,000 most frequent dictionary
//! words of the training data. Every word must pass through normalisation unchanged, and a
//! rule whose phrase is one common word must match that word only — never another common
//! word — while still matching the word stretched ("offff", "gooood").

use std::collections::BTreeMap;

use postguard_rules::{RuleSet, normalize};

fn words() -> Vec<&'static str> {
    include_str!("data/common_words.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
}

#[test]
fn common_words_pass_through_normalisation_unchanged() {
    let changed: Vec<(String, String)> = words()
        .into_iter()
        .filter_map(|w| {
            let n = normalize(w);
            (n != w).then(|| (w.to_owned(), n))
        })
        .collect();
    assert!(changed.is_empty(), "normalisation changes common words: {changed:?}");
}

/// A rule per word that holds a doubled letter (the words squashing could merge with
/// another), compiled into one rule set without the default packs.
fn one_rule_per_doubled_word(words: &[&'static str]) -> (RuleSet, BTreeMap<String, &'static str>) {
    let doubled: Vec<&'static str> =
        words.iter().copied().filter(|w| w.as_bytes().windows(2).any(|p| p[0] == p[1])).collect();
    let mut pack = String::new();
    let mut ids = BTreeMap::new();
    for (i, w) in doubled.iter().enumerate() {
        let id = format!("bullying.word_{i}");
        pack += &format!("[[rule]]\nid = \"{id}\"\nlabel = \"bullying\"\nseverity = \"low\"\nphrases = [\"{w}\"]\n\n");
        ids.insert(id, *w);
    }
    let mut b = RuleSet::builder();
    b.with_default_pack(false);
    b.add_pack_str("words", &pack).expect("word pack parses");
    (b.build().expect("word pack compiles"), ids)
}

#[test]
fn a_rule_on_one_common_word_never_matches_another() {
    let words = words();
    let (rules, ids) = one_rule_per_doubled_word(&words);
    assert!(ids.len() > 1000, "expected many words with doubled letters, got {}", ids.len());
    let mut collisions = Vec::new();
    for text in &words {
        for hit in rules.check(text).hits() {
            let phrase = ids[&hit.rule_id];
            if phrase != *text {
                collisions.push(format!("text \"{text}\" matched the rule for \"{phrase}\""));
            }
        }
    }
    assert!(
        collisions.is_empty(),
        "{} collisions, e.g. {:?}",
        collisions.len(),
        &collisions[..collisions.len().min(20)]
    );
}

#[test]
fn stretched_words_still_match_their_rule() {
    let words = words();
    let (rules, ids) = one_rule_per_doubled_word(&words);
    let mut missed = Vec::new();
    for (id, word) in &ids {
        // Stretch the first doubled letter: "off" -> "offff", "good" -> "goooood".
        let bytes = word.as_bytes();
        let at = bytes.windows(2).position(|p| p[0] == p[1]).unwrap();
        let stretched = format!("{}{}{}", &word[..at], (bytes[at] as char).to_string().repeat(5), &word[at + 2..]);
        if !rules.check(&stretched).has_rule(id) {
            missed.push(stretched);
        }
    }
    assert!(missed.is_empty(), "{} stretched words missed, e.g. {:?}", missed.len(), &missed[..missed.len().min(20)]);
}

#[test]
fn the_default_pack_tells_of_from_off() {
    let rules = RuleSet::default();
    for text in [
        "took care of myself today",
        "made soup from scratch today, proud of myself",
        "i'm so proud of myself for going to therapy",
        "ashamed of myself for skipping the gym lol",
        "sooo proud of myself!!",
        "so proud of myselfffff",
        "please take care of yourself",
    ] {
        let report = rules.check(text);
        assert!(report.hits().is_empty(), "{text:?}: {:?}", report.hits());
    }
    assert!(rules.check("gonna offff myself").has_rule("crisis.ideation.kill_myself"));
    assert!(rules.check("just offf yourself").has_rule("bullying.kys"));
}
