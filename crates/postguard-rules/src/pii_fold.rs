//! The light fold the PII detectors read, with a map back to the original bytes.
//!
//! The rule normaliser (`normalize.rs`) is too aggressive for personal information: it
//! lowercases, drops punctuation and maps leetspeak. The PII patterns need the text as
//! written, only with the tricks that hide a detail from a pattern and not from a reader
//! undone, per character:
//!
//! 1. zero-width, bidi and other invisible format characters are dropped (the rule
//!    normaliser's list);
//! 2. compatibility forms are folded by the character's NFKC form: fullwidth `０７９１１` is
//!    `07911`, `＠` is `@`, `．` is `.`, mathematical `𝟎` is `0`, a no-break space a space
//!    (but a spacing accent, whose form starts with a space, is kept);
//! 3. look-alike letters (Cyrillic `і` in `gmail`, Greek `ο`, small capitals) are folded by the
//!    rule normaliser's homoglyph table, keeping the case, but only inside a mixed word: a run
//!    of non-space characters that also has an ASCII letter or digit (after step 2). Words
//!    wholly in another script are left alone, so Russian `не` is not read as `he`, nor
//!    Ukrainian `і` as `i`. `ß` is a letter, not a look-alike, and is kept.
//!
//! Every byte of the folded text maps to the byte range of the original character it came
//! from, so a finding on the folded text is reported, and redacted, as the original
//! characters. Plain ASCII, and text that folding leaves unchanged, is not copied at all.

use unicode_normalization::UnicodeNormalization;

use crate::normalize::{confusable, is_invisible};

/// Folded text and, for every byte of it, the original byte range it came from.
#[derive(Debug)]
pub(crate) struct Folded {
    pub text: String,
    map: Vec<(usize, usize)>,
}

impl Folded {
    /// The original byte range of the folded byte range `s..e` (`s < e <= text.len()`), on
    /// char boundaries of the original.
    pub fn original_span(&self, s: usize, e: usize) -> (usize, usize) {
        (self.map[s].0, self.map[e - 1].1)
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push((start, end));
        }
    }
}

/// `text` folded for the PII detectors, or `None` when folding changes nothing (always so
/// for ASCII, which is not even scanned twice).
pub(crate) fn fold(text: &str) -> Option<Folded> {
    if text.is_ascii() || !text.chars().any(needs_fold) {
        return None;
    }
    let mut out = Folded { text: String::with_capacity(text.len()), map: Vec::with_capacity(text.len()) };
    let mut changed = false;
    let mut at = 0;
    while at < text.len() {
        // One word (a run of non-space characters) or one space character at a time.
        let first = text[at..].chars().next().expect("in bounds");
        let end = if first.is_whitespace() {
            at + first.len_utf8()
        } else {
            text[at..].find(char::is_whitespace).map_or(text.len(), |k| at + k)
        };
        let word = &text[at..end];
        let mixed = !first.is_whitespace() && word.chars().any(ascii_alphanumeric_after_nfkc);
        for (i, c) in word.char_indices() {
            let (start, stop) = (at + i, at + i + c.len_utf8());
            if c.is_ascii() {
                out.push(c, start, stop);
            } else if is_invisible(c) {
                changed = true;
            } else if let Some(m) = mixed.then(|| look_alike(c)).flatten() {
                out.push(m, start, stop);
                changed = true;
            } else if first.is_whitespace() || !std::iter::once(c).nfkc().any(char::is_whitespace) {
                let before = out.text.len();
                for d in std::iter::once(c).nfkc() {
                    if !is_invisible(d) {
                        out.push(d, start, stop);
                    }
                }
                changed |= out.text[before..] != text[start..stop];
            } else {
                // A spacing accent (`´` is NFKC `" ́"`) would split its word: kept.
                out.push(c, start, stop);
            }
        }
        at = end;
    }
    changed.then_some(out)
}

/// A character the fold may change.
fn needs_fold(c: char) -> bool {
    !c.is_ascii() && (is_invisible(c) || look_alike(c).is_some() || std::iter::once(c).nfkc().ne(std::iter::once(c)))
}

/// The ASCII letter a look-alike stands for, in the look-alike's case.
fn look_alike(c: char) -> Option<char> {
    if c == 'ß' {
        return None;
    }
    let m = confusable(c)?;
    if !m.is_ascii() {
        return None;
    }
    Some(if c.is_uppercase() { m.to_ascii_uppercase() } else { m })
}

fn ascii_alphanumeric_after_nfkc(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && std::iter::once(c).nfkc().any(|d| d.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold(text).map_or_else(|| text.to_owned(), |f| f.text)
    }

    #[test]
    fn folds_compatibility_forms_look_alikes_and_invisibles() {
        assert!(fold("plain ascii 07911 123456").is_none());
        assert!(fold("café 🙂 Hauptstraße").is_none());
        assert!(fold("у меня не было").is_none());
        assert_eq!(folded("０７９１１ １２３４５６"), "07911 123456");
        assert_eq!(folded("jess＠gmail．com"), "jess@gmail.com");
        assert_eq!(folded("jess@gm\u{0430}\u{0456}l.com"), "jess@gmail.com");
        assert_eq!(folded("079\u{200B}11 12\u{2060}3456"), "07911 123456");
        assert_eq!(folded("07911\u{00A0}123456"), "07911 123456");
        assert_eq!(folded("don´t ０"), "don´t 0");
        // Case kept; words wholly in another script left alone.
        assert_eq!(folded("\u{0410}B12"), "AB12");
        assert_eq!(folded("не і он 07911"), "не і он 07911");
    }

    #[test]
    fn spans_map_to_original_characters() {
        let text = "x ０７\u{200B}９ y";
        let f = fold(text).expect("folds");
        assert_eq!(f.text, "x 079 y");
        let (s, e) = f.original_span(2, 5);
        assert_eq!(&text[s..e], "０７\u{200B}９");
    }
}
