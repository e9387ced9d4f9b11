"""The Python half of the taxonomy demonstration (see crates/postguard/tests/extra_label.rs).

An extension built with the cargo feature ``extra-label`` has an extra label, ``spam``, and no
Python code names it: ``LABELS``, verdicts, the numpy arrays and ``score_frame`` follow the
extension's taxonomy.  ``python/run_tests.sh`` builds that extension into a second virtualenv
and runs this file there with ``POSTGUARD_EXPECT_EXTRA_LABEL=1``; without that variable (the
ordinary build) the file is skipped, and with it a missing label is a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import postguard
from tiny_model import write_tiny_model

EXPECTED = os.environ.get("POSTGUARD_EXPECT_EXTRA_LABEL") == "1"
PACK = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "spam_pack.toml"

pytestmark = pytest.mark.skipif(not EXPECTED, reason="needs the extension built with --features extra-label")


def test_the_extension_defines_the_fifth_label() -> None:
    assert postguard.LABELS[-1] == "spam" and len(set(postguard.LABELS)) == len(postguard.LABELS)
    assert "spam" in postguard.VIOLATION_LABELS and "crisis" not in postguard.VIOLATION_LABELS


def test_a_fifth_label_runs_end_to_end(tmp_path: Path) -> None:
    model = write_tiny_model(str(tmp_path / "model"))
    clf = postguard.Classifier.from_dir(model, rules=[str(PACK)], thresholds={"spam": 0.99})
    assert clf.labels == list(postguard.LABELS)
    assert clf.thresholds["spam"] == 0.99

    v = clf.classify("buy cheap watches now")
    assert "spam" in v.flagged and "spam" in v.violations
    assert any(h.label == "spam" and h.rule_id == "spam.buy_now" for h in v.rule_hits)
    assert set(v.scores) == set(postguard.LABELS)

    texts = ["buy cheap watches now", "a quiet walk by the sea helped today"]
    scores = clf.scores(texts)
    spam = postguard.LABELS.index("spam")
    assert scores.shape == (2, len(postguard.LABELS))
    assert scores[0, spam] > scores[1, spam]  # the high-severity rule lifts the fused spam score

    pd = pytest.importorskip("pandas")
    frame = clf.score_frame(pd.DataFrame({"text": texts}), "text")
    assert list(frame.columns) == [*postguard.LABELS, "flagged", "language"]
    assert "spam" in frame["flagged"][0] and "spam" not in frame["flagged"][1]
