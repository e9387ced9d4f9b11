//! Integration tests for postguard live in `tests/tests/*.rs`; shared helpers here.
//!
//! The tiny random model comes from `postguard::testing` (feature `test-util`).
