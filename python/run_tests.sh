#!/usr/bin/env bash
# Build the extension into a fresh virtualenv and run the Python test suite.
#
#   bash python/run_tests.sh            # venv in python/.venv (reused if present)
#   VENV=/tmp/pg-venv bash python/run_tests.sh
#   POSTGUARD_NO_BUNDLE=1 bash python/run_tests.sh   # build without the bundled model
#
# The wheel is built by `pip install ./python` (maturin, release profile, shares
# the workspace target/ dir), exactly as a user would install it.  Extra pytest
# arguments are passed through: bash python/run_tests.sh -k spark -x
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
VENV="${VENV:-$PWD/.venv}"
PY="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "maturin>=1.7,<2" numpy pandas pyarrow pyspark pytest mypy

# Share the workspace target dir so the Rust dependencies are compiled once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../target}"
if [ -n "${POSTGUARD_NO_BUNDLE:-}" ]; then
    # A model-less build: Classifier() raises ModelError; tests use a tiny model.
    MATURIN_PEP517_ARGS="--no-default-features" \
        "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
else
    "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
fi

# Run from tests/: Python (`python -m ...`, Spark's worker daemon) puts the working directory
# on sys.path, and python/postguard — the source folder, with no compiled extension — would
# shadow the installed wheel.
cd tests
"$VENV/bin/pytest" -q "$@"
