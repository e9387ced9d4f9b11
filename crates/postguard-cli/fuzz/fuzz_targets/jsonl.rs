//! Any bytes through the JSONL record reader: it must keep its contract (one item per physical
//! record, in order, with its line; errors name line and field; the same result however the
//! input is split into reads), not merely not panic. The contract is shared with the stable
//! replay test: ../../tests/reader_contract/mod.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/reader_contract/mod.rs"]
mod reader_contract;

fuzz_target!(|data: &[u8]| reader_contract::check_jsonl(data));
