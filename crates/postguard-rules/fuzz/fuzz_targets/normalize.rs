//! Any text through `postguard_rules::normalize`: never panics, and the output has the
//! documented form (lowercase word characters separated by single `' '` or `'\n'`, no
//! separator at either end, no invisible format characters, no letter 3+ times in a row).
//!
//! Not asserted: that the output is a fixed point. It is not, by design: single letters
//! separated by long gaps (`w\x02)=b\x06L`, found by this target) stay apart as `w b l`,
//! which, normalised again, has short gaps and joins to `wbl`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard_rules::normalize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = normalize(&text);
    let sep = |c: char| c == ' ' || c == '\n';
    assert!(!out.starts_with(sep) && !out.ends_with(sep), "{out:?}");
    let mut prev: Option<char> = None;
    let mut run = 0;
    for c in out.chars() {
        if sep(c) {
            assert!(!prev.is_some_and(sep), "two separators in {out:?}");
        } else {
            assert!(c.is_alphanumeric() || c == '_', "{c:?} in {out:?}");
            assert!(!c.is_uppercase(), "{c:?} in {out:?}");
            assert!(!matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}'));
        }
        run = if Some(c) == prev { run + 1 } else { 1 };
        assert!(run < 3 || !c.is_alphabetic(), "{c:?} repeated in {out:?}");
        prev = Some(c);
    }
});
