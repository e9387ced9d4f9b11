"""Verdicts from Python equal verdicts from the Rust CLI for the same inputs.

Both sides load the same model directory (models/postguard-default), so the
comparison does not depend on how either was built.  The CLI is
$POSTGUARD_CLI, else target/release/postguard, else target/debug/postguard
(`cargo test --workspace` builds the latter, so it exists wherever the whole
suite runs); the test is skipped only when no CLI binary has been built.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import REPO, cli_binary
from postguard import Classifier

MODEL_DIR = os.path.join(REPO, "models", "postguard-default")

CASES = [
    ("you are a pathetic loser and nobody likes you", None),
    ("yes, exactly", "is drinking bleach a cure for covid?"),
    ("vaccines cause autism, the government is hiding it", None),
    ("i want to die, i can't do this anymore", None),
    ("I'm not going to kill myself, don't worry", "are you ok?"),
    ("Ünïcödé 🙂 text — k y s", None),
    ("Have a great day, friend!", "thanks for the help yesterday"),
    ("The claim that 5G spreads viruses is false.", None),
]


@pytest.fixture(scope="module")
def model_dir() -> str:
    if not os.path.exists(os.path.join(MODEL_DIR, "model.safetensors")):
        pytest.skip("models/postguard-default is not in this checkout")
    return MODEL_DIR


@pytest.fixture(scope="module")
def dir_clf(model_dir: str) -> Classifier:
    return Classifier.from_dir(model_dir)


@pytest.mark.parametrize("text,context", CASES)
def test_check_json_equals_python(dir_clf: Classifier, model_dir: str, text: str, context) -> None:
    cmd = [cli_binary(), "--model", model_dir, "check", "--json"]
    if context is not None:
        cmd += ["--context", context]
    cmd += ["--", text]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rust = json.loads(proc.stdout)
    py = dir_clf.classify(text, context).to_dict()
    assert py == rust


def test_score_jsonl_equals_python(dir_clf: Classifier, model_dir: str, tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, (text, ctx) in enumerate(CASES * 3):
            f.write(json.dumps({"id": i, "text": text, "context": ctx}, ensure_ascii=False) + "\n")
    proc = subprocess.run(
        [cli_binary(), "--model", model_dir, "score", str(src), "-o", str(out), "--quiet"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in open(out, encoding="utf-8")]
    texts = [t for t, _ in CASES * 3]
    ctxs = [c for _, c in CASES * 3]
    verdicts = dir_clf.classify_batch(texts, ctxs)
    assert len(rows) == len(verdicts)
    for row, v in zip(rows, verdicts):
        pg = row["postguard"]
        assert pg["flagged"] == v.flagged
        assert pg["model"] == v.model.to_dict()
        assert pg["rule_hits"] == v.to_dict()["rule_hits"]
        assert pg["resources"] == v.to_dict()["resources"]
        # The CLI writes scores rounded to 6 decimals.
        for label, score in pg["scores"].items():
            assert score == pytest.approx(v.scores[label], abs=1.5e-6)
