//! Any text: the PII detectors must not panic; every finding is an in-order, non-overlapping,
//! char-boundary slice reported verbatim; redaction changes only the findings and leaves a text
//! in which the detectors find nothing.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postguard_rules::{PiiDetector, redact};

fuzz_target!(|data: &[u8]| {
    static DETECTOR: OnceLock<PiiDetector> = OnceLock::new();
    let detector = DETECTOR.get_or_init(PiiDetector::new);
    let text = String::from_utf8_lossy(data);
    let findings = detector.find(&text);
    let mut last = 0;
    for f in &findings {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert_eq!(&text[f.start..f.end], f.text.as_str());
        last = f.end;
    }
    let redacted = redact(&text, &findings);
    assert!(detector.find(&redacted).is_empty(), "{text:?} -> {redacted:?}");
});
