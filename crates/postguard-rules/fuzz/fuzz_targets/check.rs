//! Any text: `check` must not panic, and every span must be a char-boundary slice of the
//! input whose text is reported verbatim.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postguard_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(RuleSet::default);
    let text = String::from_utf8_lossy(data);
    let report = rules.check(&text);
    let spans = report
        .hits
        .iter()
        .map(|h| (h.start, h.end, &h.text))
        .chain(
            report
                .suppressed
                .iter()
                .map(|s| (s.hit.start, s.hit.end, &s.hit.text)),
        )
        .chain(report.allows.iter().map(|a| (a.start, a.end, &a.text)));
    for (a, b, t) in spans {
        assert!(a < b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert_eq!(&text[a..b], t.as_str());
    }
    let _ = rules.normalize(&text);
});
