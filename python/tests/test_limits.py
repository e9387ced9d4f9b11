"""Per-post work limits: max_post_bytes, max_rule_hits and Verdict.limited."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import postguard
from postguard import Classifier, Limited, Verdict
from postguard._classifier import _restore

# bullying.insult (default pack) matches every "you are a loser"; the repeats do not overlap.
INSULTS = "you are a loser. " * 6


def test_defaults(tiny_clf: Classifier) -> None:
    assert tiny_clf.max_post_bytes == 100_000
    assert tiny_clf.max_rule_hits == 100
    assert tiny_clf._spec["max_post_bytes"] is None and tiny_clf._spec["max_rule_hits"] is None


def test_short_posts_are_not_limited(tiny_clf: Classifier, posts: list) -> None:
    for v in [tiny_clf.classify("you are a loser", context="hi"), *tiny_clf.classify_batch(posts)]:
        assert v.limited is None
        assert "limited" not in v.to_dict()


def test_max_post_bytes_scores_a_prefix(tiny_dir: str) -> None:
    clf = Classifier.from_dir(tiny_dir, max_post_bytes=1000)
    assert clf.max_post_bytes == 1000
    # 300 kB of mixed one-, two- and four-byte characters, so the cut lands mid-character.
    unit = "héllo wörld 🙂 you are a loser. "
    text = unit * (300_000 // len(unit.encode("utf-8")) + 1)
    raw = text.encode("utf-8")
    assert len(raw) >= 300_000
    v = clf.classify(text, context="x" * 5000)
    lim = v.limited
    assert isinstance(lim, Limited)
    assert lim.text_bytes == len(raw)
    assert 0 < lim.scored_text_bytes <= 1000
    raw[: lim.scored_text_bytes].decode("utf-8")  # cut on a character boundary
    assert lim.context_bytes == 5000 and lim.scored_context_bytes == 1000
    assert lim.truncated
    # Spans point into the original text, inside the scored prefix.
    assert v.rule_hits
    for h in v.rule_hits:
        assert h.end <= lim.scored_text_bytes
        assert text[h.char_start:h.char_end] == h.text
    # The JSON carries it, and it survives a round trip.
    d = v.to_dict()
    assert d["limited"] == lim.to_dict()
    assert Verdict.from_json(v.to_json(), text).limited == lim
    assert Verdict.from_dict(d).to_dict() == d
    # Same verdict as scoring the prefix by hand (apart from the byte counts).
    prefix = raw[: lim.scored_text_bytes].decode("utf-8")
    alone = clf.classify(prefix, context="x" * 1000)
    assert alone.limited is None
    assert alone.scores == v.scores
    assert [h.rule_id for h in alone.rule_hits] == [h.rule_id for h in v.rule_hits]


def test_max_post_bytes_in_batches(tiny_dir: str) -> None:
    clf = Classifier.from_dir(tiny_dir, max_post_bytes=1000)
    long = "hello world " * 200
    verdicts = clf.classify_batch(["short", long, "you are a loser"], [None, None, "y" * 2000])
    assert verdicts[0].limited is None
    assert verdicts[1].limited is not None and verdicts[1].limited.text_bytes == len(long)
    assert verdicts[2].limited is not None
    assert verdicts[2].limited.scored_text_bytes == verdicts[2].limited.text_bytes
    assert verdicts[2].limited.scored_context_bytes == 1000
    # scores() and score_frame() read the same prefix.
    s = clf.scores(["short", long])
    np.testing.assert_allclose(s[1], [verdicts[1].scores[label] for label in clf.labels], atol=1e-5)
    frame = clf.score_frame(pd.DataFrame({"text": ["short", long]}), "text")
    np.testing.assert_allclose(frame.loc[1, clf.labels].to_numpy(np.float32), s[1], atol=1e-5)


def test_max_post_bytes_zero_is_no_limit(tiny_dir: str) -> None:
    clf = Classifier.from_dir(tiny_dir, max_post_bytes=0)
    assert clf.max_post_bytes == 0
    text = "hello world " * 1000  # 12 kB
    v = clf.classify(text)
    assert v.limited is None
    cut = Classifier.from_dir(tiny_dir, max_post_bytes=1000).classify(text)
    assert cut.limited is not None and cut.limited.scored_text_bytes <= 1000
    assert v.windows > cut.windows


def test_max_rule_hits_lists_first_and_counts_rest(tiny_dir: str) -> None:
    every = Classifier.from_dir(tiny_dir, max_rule_hits=0)
    all_hits = every.classify(INSULTS)
    n = len(all_hits.rule_hits)
    assert n >= 3, [h.rule_id for h in all_hits.rule_hits]
    assert all_hits.limited is None

    one = Classifier.from_dir(tiny_dir, max_rule_hits=1)
    v = one.classify(INSULTS)
    assert len(v.rule_hits) == 1
    assert v.rule_hits[0] == all_hits.rule_hits[0]
    assert v.limited is not None
    assert v.limited.rule_hits_dropped == n - 1
    assert v.limited.scored_text_bytes == v.limited.text_bytes == len(INSULTS.encode())
    assert not v.limited.truncated
    assert v.to_dict()["limited"]["rule_hits_dropped"] == n - 1
    # The decision used every hit: same scores and flags.
    assert v.scores == all_hits.scores
    assert v.flagged == all_hits.flagged

    # The default (100) lists them all.
    default = Classifier.from_dir(tiny_dir).classify(INSULTS)
    assert len(default.rule_hits) == n and default.limited is None


def test_limits_survive_pickle(tiny_dir: str) -> None:
    clf = Classifier.from_dir(tiny_dir, max_post_bytes=1234, max_rule_hits=2)
    again = pickle.loads(pickle.dumps(clf))
    assert (again.max_post_bytes, again.max_rule_hits) == (1234, 2)
    assert again.classify(INSULTS).to_dict() == clf.classify(INSULTS).to_dict()


def test_spec_pickled_before_limits_still_loads(tiny_dir: str) -> None:
    # A spec pickled by an older version has no limit keys: the engine defaults apply.
    spec = dict(Classifier.from_dir(tiny_dir, max_rule_hits=1)._spec)
    del spec["max_post_bytes"]
    del spec["max_rule_hits"]
    old = _restore(spec)
    assert (old.max_post_bytes, old.max_rule_hits) == (100_000, 100)


def test_verdict_pickled_before_limited_loads(tiny_clf: Classifier) -> None:
    v = tiny_clf.classify("hello")
    state = dict(v.__dict__)
    del state["limited"]
    old = Verdict.__new__(Verdict)
    old.__dict__.update(state)
    assert old.limited is None
    assert pickle.loads(pickle.dumps(old)).limited is None


def test_limited_is_frozen_and_exported() -> None:
    assert postguard.Limited is Limited
    lim = Limited.from_dict({"text_bytes": 10, "scored_text_bytes": 5})
    assert lim.truncated and lim.rule_hits_dropped == 0
    with pytest.raises(Exception):
        lim.text_bytes = 3  # type: ignore[misc]
