"""Shared fixtures: the bundled model when the build has it, a tiny random model directory."""

from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import postguard  # noqa: E402
from tiny_model import write_tiny_model  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def cli_binary() -> str:
    """The postguard CLI: $POSTGUARD_CLI, else target/release/postguard, else target/debug/postguard
    (`cargo test --workspace` builds the latter, so it exists wherever the whole suite runs);
    skips the calling test only when no CLI binary has been built."""
    candidates = [os.environ.get("POSTGUARD_CLI", "")] + [
        os.path.join(REPO, "target", profile, "postguard") for profile in ("release", "debug")
    ]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    pytest.skip("no postguard CLI binary built (cargo build -p postguard-cli)")
    raise AssertionError  # unreachable

POSTS = [
    "Have a great day, friend!",
    "you are a pathetic loser and nobody likes you",
    "vaccines cause autism, the government is hiding it",
    "drink bleach to cure the flu, it works",
    "i want to die, i can't do this anymore",
    "I'm so done with this game lol, it's killing me",
    "Reminder: the claim that 5G spreads viruses is false.",
    "Ünïcödé 🙂 text with emoji and accents — kys",
    "",
    "short",
]


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_tiny_model(str(tmp_path_factory.mktemp("tiny-model")))


@pytest.fixture(scope="session")
def tiny_clf(tiny_dir: str) -> postguard.Classifier:
    return postguard.Classifier.from_dir(tiny_dir)


@pytest.fixture(scope="session")
def clf(tiny_dir: str) -> postguard.Classifier:
    """The bundled (real) model; the tiny model when this build has no bundle."""
    if postguard.has_bundled_model():
        return postguard.Classifier()
    return postguard.Classifier.from_dir(tiny_dir)


@pytest.fixture(scope="session")
def posts() -> list:
    return list(POSTS)


# Batches are padded to their longest window, so the same post scored in a
# different batch can differ in the last bits of its scores (the core crate
# documents this); everything else in a verdict must be equal.
ATOL = 1e-5


def assert_close(a, b, path: str = "verdict") -> None:
    """Recursive equality of JSON-like values, floats within ATOL."""
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, (int, float)) and isinstance(b, (int, float)), (path, a, b)
        assert abs(a - b) <= ATOL, (path, a, b)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), (path, a, b)
        for k in a:
            assert_close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert isinstance(b, (list, tuple)) and len(a) == len(b), (path, a, b)
        for i, (x, y) in enumerate(zip(a, b)):
            assert_close(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)
