//! The README's verdict example is what the bundled model says (issue 28, item 9: docs drift).
//! Each `labels` line of the example (`"bullying": {"model": 0.29, "rules": 0.9, ...}`) is parsed
//! and compared with `classify` on the same text: scores within 0.02 (the README rounds to two
//! decimals, and int8 and f32 differ by quantization noise), thresholds within 0.005, the
//! decisions and the `flagged` list equal.

#![cfg(feature = "bundled")]

use std::path::Path;

use postguard::{Classifier, Label, Post};

const TEXT: &str = "y0u ar3 a l0ser, k y s";

#[test]
fn the_readme_verdict_example_is_the_bundled_models_verdict() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")).unwrap();
    let intro = format!("`postguard check --json \"{TEXT}\"`");
    let at = readme.find(&intro).expect("the README's verdict example");
    let block = &readme[at..];
    let block = &block[block.find("```json").expect("a json block")..];
    let block = &block[..block[7..].find("```").expect("the block's end") + 7];

    let verdict = Classifier::new().unwrap().classify(&Post::new(TEXT)).unwrap();
    let mut seen = 0;
    for line in block.lines().map(str::trim) {
        let Some(name) = line.strip_prefix('"').and_then(|l| l.split('"').next()) else { continue };
        let Ok(label) = name.parse::<Label>() else { continue };
        let json = format!("{{{}}}", line.trim_end_matches(','));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{line}: {e}"));
        let shown = &v[name];
        let real = verdict.label(label);
        for (field, real) in [("model", real.model), ("fused", real.fused), ("rules", real.rules)] {
            let shown = shown[field].as_f64().unwrap_or_else(|| panic!("{name}.{field} in {line}"));
            assert!((shown - f64::from(real)).abs() <= 0.02, "{name}.{field}: README {shown}, the model {real}");
        }
        let threshold = shown["threshold"].as_f64().unwrap();
        assert!(
            (threshold - f64::from(real.threshold)).abs() <= 0.005,
            "{name}.threshold: README {threshold}, {}",
            real.threshold
        );
        assert_eq!(shown["flagged"].as_bool(), Some(real.flagged), "{name}.flagged");
        seen += 1;
    }
    assert_eq!(seen, Label::COUNT, "one line per label in the README's example");
    let flagged_line = block.lines().find(|l| l.trim_start().starts_with("\"flagged\":")).expect("a flagged line");
    let shown: serde_json::Value =
        serde_json::from_str(&format!("{{{}}}", flagged_line.trim().trim_end_matches(','))).unwrap();
    let real: Vec<&str> = verdict.flagged().iter().map(|l| l.as_str()).collect();
    assert_eq!(shown["flagged"], serde_json::json!(real));
}
