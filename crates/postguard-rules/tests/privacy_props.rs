//! Properties of the PII detector and of redaction, on texts built from pieces of personal
//! information, helplines, numbers, words and arbitrary Unicode.

use std::sync::OnceLock;

use postguard_rules::{PiiDetector, redact};
use proptest::prelude::*;

fn detector() -> &'static PiiDetector {
    static DETECTOR: OnceLock<PiiDetector> = OnceLock::new();
    DETECTOR.get_or_init(PiiDetector::new)
}

const PIECES: &[&str] = &[
    "07911 123456", "+44 7911 123456", "(415) 867-5309", "+1 212-664-7665", "0151 2345678", "06 12 34 56 78",
    "+49 30 12345678", "jess.k92@gmail.com", "jess at gmail dot com", "m[at]outlook[dot]com", "14 Elm Road",
    "Hauptstraße 12", "12 rue de la Paix", "LS6 2AB", "zip 94110", "123-45-6789", "QQ 12 34 56 C", "AB 12 34 56 C",
    "4539 5787 6362 1486", "GB82 WEST 1234 5698 7654 32", "81.2.69.142", "2a02:c7f:1234::1", "51.50735, -0.12776",
    "born 14/03/2001", "DOB: 1998-07-22", "@jess_k92", "u/throwaway_123", "instagram.com/jess.k", "988", "116 123",
    "741741", "$1,299.99", "10:30", "v2.3.1", "order #A12345678", "1 in 4", "555-0147", "example.com",
    "oh seven nine one one one two three four five six", "0 7 9 1 1 1 2 3 4 5 6",
];
const WORDS: &[&str] = &[
    " ", "  ", ", ", ". ", "\n", "her number is ", "text me at ", "i live at ", "he lives on ", "call ", "my ", "she ",
    "é", "ß", "🙂", "\u{200B}", "日本", "@", ".", "-", "/", ":", "0", "7", "[at]", " dot ", "road ", "street",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
        1 => "[0-9 ()+.\\-]{0,14}",
    ];
    proptest::collection::vec(piece, 0..14).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_char_boundary_slices_in_order(t in text()) {
        let findings = detector().find(&t);
        let mut last = 0;
        for f in &findings {
            prop_assert!(f.start < f.end && f.end <= t.len());
            prop_assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
            prop_assert_eq!(&t[f.start..f.end], f.text.as_str());
            prop_assert!(f.start >= last, "overlapping or unordered findings in {:?}", t);
            prop_assert!((0.0..=1.0).contains(&f.confidence));
            last = f.end;
        }
    }

    #[test]
    fn redaction_changes_only_the_findings(t in text()) {
        let findings = detector().find(&t);
        let redacted = redact(&t, &findings);
        // Walk the original: every byte outside a finding appears, in order, at the offset the
        // placeholders before it imply.
        let mut expected = String::new();
        let mut at = 0;
        for f in &findings {
            expected.push_str(&t[at..f.start]);
            expected.push_str(f.kind.placeholder());
            at = f.end;
        }
        expected.push_str(&t[at..]);
        prop_assert_eq!(&redacted, &expected);
    }

    #[test]
    fn a_redacted_text_has_no_findings_and_redaction_is_idempotent(t in text()) {
        let detector = detector();
        let once = redact(&t, &detector.find(&t));
        let left = detector.find(&once);
        prop_assert!(left.is_empty(), "{:?} -> {:?} still has {:?}", t, once, left);
        prop_assert_eq!(redact(&once, &left), once.clone());
    }
}
