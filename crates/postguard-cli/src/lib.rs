//! Library part of the `postguard` command: only what other targets need to reach.
//!
//! The binary (`src/main.rs`) is the CLI; this library exists so the record readers can be
//! driven directly by the fuzz targets in `fuzz/` and by the integration tests. It is not a
//! stable API.

pub mod input;
