#!/usr/bin/env bash
# Build the extension into a fresh virtualenv and run the Python test suite.
#
#   bash python/run_tests.sh            # venv in python/.venv (reused if present)
#   VENV=/tmp/pg-venv bash python/run_tests.sh
#   POSTGUARD_NO_BUNDLE=1 bash python/run_tests.sh   # build without the bundled model
#   POSTGUARD_SKIP_EXTRA_LABEL=1 bash python/run_tests.sh   # skip the extra-label build
#   POSTGUARD_PY_PROFILE=dev bash python/run_tests.sh       # cargo profile of the wheel
#
# The wheel is built by `pip install ./python` (maturin, shares the workspace
# target/ dir), as a user would install it, with the release profile unless
# POSTGUARD_PY_PROFILE names another: tests/run.sh uses `dev` (dependencies
# optimised, debug assertions on), which reuses the optimised build of its cargo
# tests instead of compiling every dependency again with LTO.  Extra pytest
# arguments are passed through: bash python/run_tests.sh -k spark -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
VENV="${VENV:-$PWD/.venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "maturin>=1.7,<2" numpy pandas pyarrow pyspark pytest mypy "openai>=1.50,<4"

# Share the workspace target dir so the Rust dependencies are compiled once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../target}"
PROFILE="${POSTGUARD_PY_PROFILE:-release}"
if [ -n "${POSTGUARD_NO_BUNDLE:-}" ]; then
    # A model-less build: Classifier() raises ModelError; tests use a tiny model.
    MATURIN_PEP517_ARGS="--profile $PROFILE --no-default-features" \
        "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
else
    MATURIN_PEP517_ARGS="--profile $PROFILE" \
        "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
fi

# Run from tests/: Python (`python -m ...`, Spark's worker daemon) puts the working directory
# on sys.path, and python/postguard — the source folder, with no compiled extension — would
# shadow the installed wheel.
cd tests
"$VENV/bin/pytest" -q "$@"

# The taxonomy demonstration: an extension built with the `extra-label` feature (an extra
# label, `spam`; no bundled model, to keep the build short) in a second virtualenv, running
# test_extra_label.py, which fails rather than skips there when the label is missing.
if [ -z "${POSTGUARD_SKIP_EXTRA_LABEL:-}" ]; then
    EXTRA_VENV="${EXTRA_VENV:-$VENV-extra-label}"
    if [ ! -x "$EXTRA_VENV/bin/python" ]; then
        "$PY" -m venv "$EXTRA_VENV"
    fi
    "$EXTRA_VENV/bin/python" -m pip install -q "maturin>=1.7,<2" numpy pandas pytest
    (cd .. && MATURIN_PEP517_ARGS="--profile $PROFILE --no-default-features --features extra-label" \
        "$EXTRA_VENV/bin/python" -m pip install -q --force-reinstall --no-deps .)
    POSTGUARD_EXPECT_EXTRA_LABEL=1 "$EXTRA_VENV/bin/pytest" -q test_extra_label.py
fi
