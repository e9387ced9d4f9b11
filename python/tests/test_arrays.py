"""numpy, pandas and pyarrow paths."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from postguard import Classifier

TEXTS = [
    "you are a pathetic loser and nobody likes you",
    "vaccines cause autism",
    "drink bleach to cure the flu",
    "i want to die",
    "have a great day",
]
CTX = ["who are you?", None, "any flu tips?", None, "bye"]


def test_scores_shape_and_order(clf: Classifier) -> None:
    s = clf.scores(TEXTS)
    assert isinstance(s, np.ndarray)
    assert s.dtype == np.float32 and s.shape == (len(TEXTS), len(clf.labels))
    assert s.flags.writeable
    verdicts = clf.classify_batch(TEXTS)
    for row, v in zip(s, verdicts):
        for j, label in enumerate(clf.labels):
            assert row[j] == np.float32(v.labels[label].fused)


@pytest.mark.parametrize("kind", ["fused", "model", "rules"])
def test_scores_kinds(clf: Classifier, kind: str) -> None:
    s = clf.scores(TEXTS, CTX, kind=kind)
    verdicts = clf.classify_batch(TEXTS, CTX)
    want = np.array([[getattr(v.labels[l], kind) for l in clf.labels] for v in verdicts], np.float32)
    np.testing.assert_array_equal(s, want)
    assert ((s >= 0) & (s <= 1)).all()


@pytest.mark.parametrize(
    "convert",
    [
        list,
        tuple,
        np.array,
        lambda t: np.array(t, dtype=object),
        pd.Series,
        lambda t: pd.Series(t, dtype="string"),
        lambda t: pd.Series(t, dtype="string[pyarrow]"),
        pa.array,
        lambda t: pa.array(t, type=pa.large_string()),
        lambda t: pa.chunked_array([t[:2], t[2:]]),
        lambda t: pa.array(t).dictionary_encode(),
    ],
)
def test_input_containers(clf: Classifier, convert) -> None:
    want = clf.scores(TEXTS)
    np.testing.assert_array_equal(clf.scores(convert(TEXTS)), want)


def test_context_containers(clf: Classifier) -> None:
    want = clf.scores(TEXTS, CTX)
    np.testing.assert_array_equal(clf.scores(pd.Series(TEXTS), pd.Series(CTX)), want)
    np.testing.assert_array_equal(clf.scores(pa.array(TEXTS), pa.array(CTX)), want)
    with_nan = pd.Series(CTX, dtype=object).where(pd.Series(CTX).notna(), np.nan)
    np.testing.assert_array_equal(clf.scores(TEXTS, with_nan), want)


def test_score_frame_pandas(clf: Classifier) -> None:
    df = pd.DataFrame({"text": TEXTS, "parent": CTX, "id": range(10, 15)}, index=list("abcde"))
    out = clf.score_frame(df, "text", context_col="parent")
    assert list(out.columns) == [*clf.labels, "flagged", "language"]
    assert list(out.index) == list("abcde")
    for label in clf.labels:
        assert out[label].dtype == np.float32
    verdicts = clf.classify_batch(TEXTS, CTX)
    for (_, row), v in zip(out.iterrows(), verdicts):
        assert row["flagged"] == v.flagged
        for label in clf.labels:
            assert row[label] == np.float32(v.scores[label])
    joined = df.join(out)
    assert len(joined) == len(df)


def test_score_frame_arrow(clf: Classifier) -> None:
    table = pa.table({"text": TEXTS, "parent": CTX})
    out = clf.score_frame(table, "text", "parent")
    ref = clf.score_frame(pd.DataFrame({"text": TEXTS, "parent": CTX}), "text", "parent")
    pd.testing.assert_frame_equal(out, ref)
    batch = table.to_batches()[0]
    pd.testing.assert_frame_equal(clf.score_frame(batch, "text", "parent"), ref)


def test_score_frame_progress_and_empty(clf: Classifier) -> None:
    df = pd.DataFrame({"text": TEXTS * 3})
    a = clf.score_frame(df, "text", progress=True)
    b = clf.score_frame(df, "text")
    pd.testing.assert_frame_equal(a, b)
    empty = clf.score_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}), "text")
    assert list(empty.columns) == [*clf.labels, "flagged", "language"] and len(empty) == 0


def test_score_frame_errors(clf: Classifier) -> None:
    df = pd.DataFrame({"text": ["a", None]})
    with pytest.raises(ValueError, match="df\\['text'\\]\\[index 1\\] is a missing value"):
        clf.score_frame(df, "text")
    with pytest.raises(ValueError, match="column"):
        clf.score_frame(df, "body")
    with pytest.raises(ValueError, match="column"):
        clf.score_frame(pd.DataFrame({"text": ["a"]}), "text", "ctx")
    with pytest.raises(TypeError):
        clf.score_frame(pd.DataFrame({"text": [1, 2]}), "text")
    with pytest.raises(TypeError):
        clf.scores(pa.array([1, 2]))
    # pyarrow has no index: a null is named by position.
    with pytest.raises(ValueError, match="df\\['text'\\]\\[1\\] is a missing value"):
        clf.score_frame(pa.table({"text": ["a", None]}), "text")
