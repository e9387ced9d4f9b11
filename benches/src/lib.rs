//! Shared loaders for the postguard criterion benchmarks.
