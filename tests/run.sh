#!/usr/bin/env bash
# postguard's whole test suite — the command the README gives and .ci/run calls.
#
#   bash tests/run.sh
#
# 1. Every Rust crate of the workspace (unit, integration and doc tests; the
#    dependencies are built optimised, see [profile.test.package."*"]), including
#    the accuracy floors of the bundled model on a fixed sample of
#    ../shared/data/val.jsonl and every rule pack example.
# 2. The criterion benchmarks are compiled (not run: timings are not tests).
# 3. The Python package: built into a fresh virtualenv with `pip install ./python`
#    and tested with pytest (API, numpy/pandas/arrow, threads, fork, Spark local[2]),
#    then the extra-label build of the extension in a second virtualenv.
# 4. The taxonomy demonstration: library and CLI built with an extra label (cargo
#    feature `extra-label`) and run end to end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== cargo test (workspace)"
cargo test --workspace --exclude postguard-py

echo "== benchmarks compile"
cargo bench -p postguard-benches --no-run

echo "== python package"
bash python/run_tests.sh

# Last: these builds replace target/debug/postguard with an extra-label binary, which the Python
# CLI-parity tests above must not pick up.
echo "== taxonomy demonstration: an extra label, spam (--features extra-label), library and CLI"
cargo test -p postguard --features extra-label --test extra_label
cargo test -p postguard-cli --features extra-label --test extra_label
