//! Properties of the PII detector and of redaction, on texts built from pieces of personal
//! information, helplines, numbers, words and arbitrary Unicode.

use std::sync::OnceLock;

use postguard_rules::{PiiDetector, PiiKind, Whose, redact};
use proptest::prelude::*;

fn detector() -> &'static PiiDetector {
    static DETECTOR: OnceLock<PiiDetector> = OnceLock::new();
    DETECTOR.get_or_init(PiiDetector::new)
}

const PIECES: &[&str] = &[
    "07911 123456",
    "+44 7911 123456",
    "(415) 867-5309",
    "+1 212-664-7665",
    "0151 2345678",
    "06 12 34 56 78",
    "+49 30 12345678",
    "jess.k92@gmail.com",
    "jess at gmail dot com",
    "m[at]outlook[dot]com",
    "14 Elm Road",
    "Hauptstraße 12",
    "12 rue de la Paix",
    "LS6 2AB",
    "zip 94110",
    "123-45-6789",
    "QQ 12 34 56 C",
    "AB 12 34 56 C",
    "4539 5787 6362 1486",
    "GB82 WEST 1234 5698 7654 32",
    "81.2.69.142",
    "2a02:c7f:1234::1",
    "51.50735, -0.12776",
    "born 14/03/2001",
    "DOB: 1998-07-22",
    "@jess_k92",
    "u/throwaway_123",
    "instagram.com/jess.k",
    "988",
    "116 123",
    "741741",
    "$1,299.99",
    "10:30",
    "v2.3.1",
    "order #A12345678",
    "1 in 4",
    "555-0147",
    "example.com",
    "oh seven nine one one one two three four five six",
    "0 7 9 1 1 1 2 3 4 5 6",
];
const WORDS: &[&str] = &[
    " ",
    "  ",
    ", ",
    ". ",
    "\n",
    "her number is ",
    "text me at ",
    "i live at ",
    "he lives on ",
    "call ",
    "my ",
    "she ",
    "é",
    "ß",
    "🙂",
    "\u{200B}",
    "日本",
    "@",
    ".",
    "-",
    "/",
    ":",
    "0",
    "7",
    "[at]",
    " dot ",
    "road ",
    "street",
];

/// Emails and phone numbers valid for the detectors (not helplines, not fiction).
const EMAILS: &[&str] =
    &["jess.k92@gmail.com", "sam_oconnor@outlook.com", "priya.m@yahoo.co.uk", "tom.h77@hotmail.com"];
const PHONES: &[&str] =
    &["07911 123456", "+44 7911 123456", "(415) 867-5309", "+1 212-664-7665", "0151 2345678", "+49 30 12345678"];

/// Characters that hide a detail from a pattern and not from a reader.
const ZERO_WIDTH: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{202C}'];

/// Cyrillic and Greek look-alikes of ASCII letters (the rule normaliser's homoglyph table has
/// them all).
fn look_alike(c: char, pick: u8) -> Option<char> {
    let options: &[char] = match c {
        'a' => &['\u{0430}', '\u{03B1}'],
        'c' => &['\u{0441}'],
        'e' => &['\u{0435}', '\u{0454}'],
        'i' => &['\u{0456}', '\u{03B9}'],
        'j' => &['\u{0458}'],
        'o' => &['\u{043E}', '\u{03BF}'],
        'p' => &['\u{0440}', '\u{03C1}'],
        's' => &['\u{0455}'],
        'x' => &['\u{0445}'],
        'y' => &['\u{0443}'],
        _ => return None,
    };
    Some(options[usize::from(pick) % options.len()])
}

/// `detail` disguised character by character (fullwidth or mathematical digits, fullwidth or
/// look-alike letters, fullwidth `@` and `.`, a no-break or ideographic space), with
/// zero-width characters between characters (never at either end); at least one character is
/// disguised.
fn disguise(detail: &str, choices: &[(u8, u8, u8)]) -> String {
    let chars: Vec<char> = detail.chars().collect();
    let mut out = String::new();
    let mut disguised = false;
    for (i, &c) in chars.iter().enumerate() {
        let (how, pick, zw) = choices[i % choices.len()];
        let d = match (how % 4, c) {
            (0, _) => c,
            (_, '0'..='9') => {
                let base = [0xFF10, 0x1D7CE, 0x1D7F6][usize::from(pick) % 3];
                char::from_u32(base + (c as u32 - '0' as u32)).expect("digit")
            }
            (1, 'a'..='z') => char::from_u32(0xFF41 + (c as u32 - 'a' as u32)).expect("letter"),
            (_, 'a'..='z') => look_alike(c, pick).unwrap_or(c),
            (_, '@') => '\u{FF20}',
            (_, '.') => '\u{FF0E}',
            (_, ' ') => ['\u{00A0}', '\u{3000}', '\u{2009}'][usize::from(pick) % 3],
            _ => c,
        };
        disguised |= d != c;
        out.push(d);
        if i + 1 < chars.len() && zw % 5 == 0 {
            out.push(ZERO_WIDTH[usize::from(zw / 5) % ZERO_WIDTH.len()]);
            disguised = true;
        }
    }
    if !disguised {
        // The first digit or letter in fullwidth.
        let i = out.find(|c: char| c.is_ascii_alphanumeric()).expect("a digit or letter");
        let c = out[i..].chars().next().expect("char");
        let wide = char::from_u32(c as u32 - 0x21 + 0xFF01).expect("fullwidth");
        out.replace_range(i..i + 1, &wide.to_string());
    }
    out
}

/// An email or phone number from the lists, disguised, and its kind.
fn disguised_detail() -> impl Strategy<Value = (PiiKind, String, String)> {
    let detail = prop_oneof![
        proptest::sample::select(EMAILS).prop_map(|e| (PiiKind::Email, e)),
        proptest::sample::select(PHONES).prop_map(|p| (PiiKind::Phone, p)),
    ];
    (detail, proptest::collection::vec(any::<(u8, u8, u8)>(), 1..24))
        .prop_map(|((kind, plain), choices)| (kind, plain.to_owned(), disguise(plain, &choices)))
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        2 => disguised_detail().prop_map(|(_, _, d)| d),
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// A detail disguised with fullwidth or look-alike digits and letters, and zero-width
    /// characters, is found as its kind, and redaction removes every original character of it.
    #[test]
    fn a_disguised_email_or_phone_is_found_and_redacted_whole(
        (kind, plain, disguised) in disguised_detail(),
        (before, after) in proptest::sample::select(&[("call me on ", " tonight"), ("her email is ", ", tell everyone"), ("", ""), ("dm: ", "\n"), ("его номер ", " ok")][..]),
    ) {
        let t = format!("{before}{disguised}{after}");
        let findings = detector().find(&t);
        let (s, e) = (before.len(), before.len() + disguised.len());
        prop_assert!(
            findings.iter().any(|f| f.kind == kind && f.start <= s && f.end >= e),
            "{plain:?} disguised as {disguised:?} not found whole in {t:?}: {findings:?}"
        );
        prop_assert_eq!(redact(&t, &findings), format!("{before}{}{after}", kind.placeholder()));
    }
}

/// The inputs of issue 30, row 5: each was found by nothing, and redaction left it in.
#[test]
fn fullwidth_and_confusable_pii_is_found_and_redacted() {
    let d = PiiDetector::new();
    for (text, kind, original, redacted) in [
        ("her number is ０７９１１ １２３４５６", PiiKind::Phone, "０７９１１ １２３４５６", "her number is [PHONE]"),
        ("email her: jess＠gmail．com", PiiKind::Email, "jess＠gmail．com", "email her: [EMAIL]"),
        (
            "email her: jess@gm\u{0430}\u{0456}l.com",
            PiiKind::Email,
            "jess@gm\u{0430}\u{0456}l.com",
            "email her: [EMAIL]",
        ),
        ("email her: jess@gma\u{0456}l.com", PiiKind::Email, "jess@gma\u{0456}l.com", "email her: [EMAIL]"),
        (
            "call her on 079\u{200B}11 123\u{200D}456",
            PiiKind::Phone,
            "079\u{200B}11 123\u{200D}456",
            "call her on [PHONE]",
        ),
        (
            "email her: je\u{200B}ss@gm\u{200C}ail.com",
            PiiKind::Email,
            "je\u{200B}ss@gm\u{200C}ail.com",
            "email her: [EMAIL]",
        ),
        ("her number is 𝟎𝟕𝟗𝟏𝟏\u{00A0}𝟏𝟐𝟑𝟒𝟓𝟔 lol", PiiKind::Phone, "𝟎𝟕𝟗𝟏𝟏\u{00A0}𝟏𝟐𝟑𝟒𝟓𝟔", "her number is [PHONE] lol"),
    ] {
        let findings = d.find(text);
        assert_eq!(findings.len(), 1, "{text:?}: {findings:?}");
        let f = &findings[0];
        assert_eq!((f.kind, f.text.as_str(), &text[f.start..f.end]), (kind, original, original), "{text:?}");
        assert_eq!(f.whose, Whose::Other, "{text:?}");
        assert_eq!(redact(text, &findings), redacted);
    }
    // A cue word written with a look-alike still says whose.
    let f = d.find("\u{04BB}er number is 07911 123456");
    assert_eq!((f.len(), f[0].whose), (1, Whose::Other), "{f:?}");
}

/// What is never a finding stays so when written in fullwidth or look-alike characters.
#[test]
fn folded_helplines_fiction_and_examples_stay_unflagged() {
    let d = PiiDetector::new();
    for text in [
        "text HOME to ７４１７４１",
        "samaritans are on １１６ １２３ any time",
        "please call or text ９８８, they helped me",
        "write to someone＠example．com",
        "write to someone@ex\u{0430}mple.com",
        "call ０７７００ ９００１２３ in the show",
        "call (212) 555-\u{200B}0147 in the film",
        "it cost ＄１，２９９．９９ and i regret it",
        "updated to iOS １７．４．１ and my app crashed",
        // Words wholly in another script are not folded into English cue words or addresses.
        "не і он",
    ] {
        let findings = d.find(text);
        assert!(findings.is_empty(), "{text:?}: {findings:?}");
    }
}
