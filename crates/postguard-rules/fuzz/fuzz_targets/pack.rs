//! Any pack text: loading and building must return Ok or Err, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postguard_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut b = RuleSet::builder();
    b.with_default_pack(false);
    if b.add_pack_str("fuzz", text).is_ok() {
        if let Ok(rules) = b.build() {
            let _ = rules.check(text);
            let _ = rules.test_examples();
        }
    }
});
