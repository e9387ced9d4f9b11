#!/usr/bin/env bash
# postguard's whole test suite — the command the README gives and .ci/run calls.
#
#   bash tests/run.sh
#
# 1. Every Rust crate of the workspace (unit, integration and doc tests; the
#    dependencies are built optimised, see [profile.test.package."*"]), including
#    the accuracy floors of the bundled model on a fixed sample of
#    ../shared/data/val.jsonl and every rule pack example.
# 2. The criterion benchmarks are compiled (not run: timings are not tests), in the
#    test profile, so they reuse step 1's optimised build instead of a second
#    (release, LTO) build of every dependency.
# 3. The Python package: built into a fresh virtualenv with `pip install ./python`
#    and tested with pytest (API, numpy/pandas/arrow, threads, fork, Spark local[2]),
#    then the extra-label build of the extension in a second virtualenv. Here the
#    wheel is built with cargo's dev profile (dependencies optimised, as in step 1,
#    whose build it reuses; debug assertions on); `bash python/run_tests.sh` alone
#    builds it with the release profile, as `pip install` does for a user.
# 4. aarch64 (tests/aarch64.sh): the library and the Python wheel cross-compiled, the int8 kernel
#    and model tests run under qemu-user.
# 5. The taxonomy demonstration: library and CLI built with an extra label (cargo
#    feature `extra-label`) and run end to end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Every gate must run: a missing prerequisite is a failure that names its install command, never
# a silent skip (POSTGUARD_REQUIRE_ALL makes the Rust gates that need ../shared or a CPU feature
# fail instead of skipping; see crates/postguard/tests/int8_accuracy.rs).
export POSTGUARD_REQUIRE_ALL="${POSTGUARD_REQUIRE_ALL:-1}"
if [ -z "${POSTGUARD_SKIP_SPARK:-}" ] && ! command -v java >/dev/null 2>&1 && [ -z "${JAVA_HOME:-}" ]; then
    echo "tests/run.sh: the Spark tests need a Java runtime and none is installed; install one with" >&2
    echo "    apt-get update && apt-get install -y default-jre-headless" >&2
    echo "(or set POSTGUARD_SKIP_SPARK=1 to run the suite without the Spark tests, knowingly)" >&2
    exit 1
fi
if [ -z "${POSTGUARD_SKIP_AARCH64:-}" ]; then
    aarch64_missing=""
    rustup target list --installed 2>/dev/null | grep -x aarch64-unknown-linux-gnu >/dev/null || aarch64_missing="$aarch64_missing
    rustup target add aarch64-unknown-linux-gnu"
    { command -v aarch64-linux-gnu-gcc && command -v qemu-aarch64; } >/dev/null 2>&1 || aarch64_missing="$aarch64_missing
    apt-get update && apt-get install -y gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user"
    if [ -n "$aarch64_missing" ]; then
        echo "tests/run.sh: the aarch64 stage (cross-build, kernel tests under qemu) needs what is missing; install it with$aarch64_missing" >&2
        echo "(or set POSTGUARD_SKIP_AARCH64=1 to run the suite without it, knowingly)" >&2
        exit 1
    fi
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "tests/run.sh: the README's server example is run with curl and curl is not installed; install it with" >&2
    echo "    apt-get update && apt-get install -y curl" >&2
    exit 1
fi
if [ ! -d ../shared/data ]; then
    echo "tests/run.sh: ../shared/data is missing: the accuracy gates read the shared data set beside the repository" >&2
    echo "(set POSTGUARD_REQUIRE_ALL=0 to let those gates skip, knowingly)" >&2
    [ "$POSTGUARD_REQUIRE_ALL" = 0 ] || exit 1
fi

# Each stage prints how long it took (and the suite its total), so a slow stage shows in CI's log.
stage_start=$SECONDS
stage() {
    if [ -n "${stage_name:-}" ]; then
        echo "== $stage_name: $((SECONDS - stage_start)) s"
    fi
    stage_name="$1"
    stage_start=$SECONDS
    echo "== $1"
}
trap 'stage_name="${stage_name:-}"; [ -n "$stage_name" ] && echo "== $stage_name: $((SECONDS - stage_start)) s (stopped)"' ERR

stage "cargo test (workspace)"
cargo test --workspace --exclude postguard-py

# `--bench '*'` in the test profile: the bench targets only, with the same features as above, so
# nothing but the benchmarks themselves is compiled again (a release build of the workspace was
# ~12 of CI's 88 minutes, stop 33).
stage "benchmarks compile"
cargo test --workspace --exclude postguard-py --bench '*' --no-run

stage "python package"
POSTGUARD_PY_PROFILE="${POSTGUARD_PY_PROFILE:-dev}" bash python/run_tests.sh

if [ -z "${POSTGUARD_SKIP_AARCH64:-}" ]; then
    stage "aarch64: cross-build, kernel and model tests under qemu, wheel"
    MATURIN="$PWD/python/.venv/bin/maturin" bash tests/aarch64.sh
else
    echo "== aarch64 stage skipped (POSTGUARD_SKIP_AARCH64 is set)"
fi

# Last: these builds replace target/debug/postguard with an extra-label binary, which the Python
# CLI-parity tests above must not pick up.
stage "taxonomy demonstration: an extra label, spam (--features extra-label), library and CLI"
# One cargo call for both crates: one build of the library with the extra label, not two.
cargo test -p postguard -p postguard-cli --features postguard/extra-label,postguard-cli/extra-label --test extra_label
echo "== $stage_name: $((SECONDS - stage_start)) s"
echo "== tests/run.sh: all stages passed in $SECONDS s"
