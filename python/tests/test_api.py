"""The public API: Classifier, Verdict and friends."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pandas as pd
import pytest

import postguard
from conftest import assert_close
from postguard import Classifier, LabelScore, ModelInfo, Resource, RuleHit, Verdict

CONTRACT_KEYS = {
    "labels", "flagged", "violations", "rule_hits", "allow_hits",
    "suppressed_hits", "resources", "windows", "model", "pii", "language", "unsupported_language",
}


def test_public_names() -> None:
    for name in postguard.__all__:
        assert hasattr(postguard, name), name
    assert isinstance(postguard.__version__, str)


def test_labels_and_model_info(clf: Classifier) -> None:
    assert clf.labels == ["bullying", "misinformation", "unsafe_advice", "crisis", "privacy"]
    assert tuple(clf.labels) == postguard.LABELS
    info = clf.model_info
    assert isinstance(info, ModelInfo)
    assert info.name and info.version
    assert len(info.sha256) == 64 and int(info.sha256, 16) >= 0
    assert info.precision == "f32" or info.precision.startswith("int8-"), info.precision
    assert set(clf.thresholds) == set(clf.labels)
    assert all(0.0 <= t <= 1.0 for t in clf.thresholds.values())
    assert "Classifier" in repr(clf)


def test_classify_shape(clf: Classifier, posts: list) -> None:
    for text in posts:
        v = clf.classify(text)
        assert isinstance(v, Verdict)
        assert list(v.labels) == clf.labels
        for name, s in v.labels.items():
            assert isinstance(s, LabelScore) and s.label == name
            for x in (s.model, s.rules, s.fused, s.threshold):
                assert 0.0 <= x <= 1.0
            assert s.flagged == (name in v.flagged)
        assert v.scores == {n: s.fused for n, s in v.labels.items()}
        assert set(v.violations) <= set(v.flagged)
        assert "crisis" not in v.violations
        assert v.crisis == ("crisis" in v.flagged)
        assert v.is_violation == bool(v.violations)
        assert bool(v.resources) == v.crisis
        assert all(isinstance(r, Resource) for r in v.resources)
        assert v.windows >= 1
        assert v.model == clf.model_info
        d = v.to_dict()
        assert set(d) == CONTRACT_KEYS
        assert set(d["labels"]) == set(clf.labels)


def test_to_dict_is_rust_json(clf: Classifier) -> None:
    v = clf.classify("you are a pathetic loser", context="what do you think of me?")
    d = v.to_dict()
    # The dict is the Rust serialisation: rebuilding gives an equal verdict.
    again = Verdict.from_dict(d)
    assert again.to_dict() == d
    assert Verdict.from_json(v.to_json()).to_dict() == d
    assert json.loads(v.to_json()) == d
    # to_dict hands out a copy.
    d["flagged"].append("nonsense")
    assert "nonsense" not in v.to_dict()["flagged"]


def test_batch_equals_single(clf: Classifier, posts: list) -> None:
    batch = clf.classify_batch(posts)
    assert len(batch) == len(posts)
    for text, v in zip(posts, batch):
        assert_close(v.to_dict(), clf.classify(text).to_dict())


def test_batch_order_independent(clf: Classifier, posts: list) -> None:
    fwd = [v.to_dict() for v in clf.classify_batch(posts)]
    rev = [v.to_dict() for v in clf.classify_batch(posts[::-1])]
    assert_close(fwd, rev[::-1])


def test_contexts(clf: Classifier) -> None:
    texts = ["yes, exactly", "you should totally do it", "no way"]
    ctx = ["is drinking bleach a cure?", None, "are you ok?"]
    batch = clf.classify_batch(texts, ctx)
    for t, c, v in zip(texts, ctx, batch):
        assert_close(v.to_dict(), clf.classify(t, c).to_dict())
    # A context can change the model's view; rules only see the text.
    alone = clf.classify(texts[0])
    assert [h.rule_id for h in alone.rule_hits] == [h.rule_id for h in batch[0].rule_hits]


def test_empty_batch(clf: Classifier) -> None:
    assert clf.classify_batch([]) == []
    s = clf.scores([])
    assert s.shape == (0, len(clf.labels)) and s.dtype == np.float32


def test_iterables_and_progress(clf: Classifier, posts: list, capsys: pytest.CaptureFixture) -> None:
    gen = (p for p in posts)
    a = [v.to_dict() for v in clf.classify_batch(gen)]
    b = [v.to_dict() for v in clf.classify_batch(tuple(posts), progress=True)]
    assert_close(a, b)


def test_rule_hit_spans(clf: Classifier) -> None:
    text = "Ünïcödé 🙂 — kys, seriously. kill yourself"
    v = clf.classify(text)
    raw = text.encode("utf-8")
    for h in v.rule_hits:
        assert isinstance(h, RuleHit)
        assert raw[h.start:h.end].decode("utf-8") == h.text
        assert h.char_start is not None and h.char_end is not None
        assert text[h.char_start:h.char_end] == h.text
        assert h.severity in ("low", "medium", "high")
        assert h.label in clf.labels


def test_long_post_uses_windows(tiny_clf: Classifier) -> None:
    # The tiny model's window is 32 tokens.
    v = tiny_clf.classify("hello world " * 100)
    assert v.windows > 1


def test_crisis_is_not_a_violation(clf: Classifier) -> None:
    v = clf.classify("i want to die, i can't go on, i'm going to end my life tonight")
    if v.crisis:
        assert "crisis" not in v.violations
        assert v.resources
        assert any("findahelpline" in r.url for r in v.resources)


def test_threshold_override(tiny_dir: str) -> None:
    always = Classifier.from_dir(tiny_dir, thresholds={label: 0.0 for label in postguard.LABELS})
    never = Classifier.from_dir(tiny_dir, thresholds={"bullying": 1.0})
    assert always.thresholds == {label: 0.0 for label in postguard.LABELS}
    v = always.classify("hello world")
    assert set(v.flagged) == set(postguard.LABELS)
    assert never.thresholds["bullying"] == 1.0


def test_locale_orders_resources(clf: Classifier, tiny_dir: str) -> None:
    uk = Classifier.from_dir(tiny_dir, thresholds={"crisis": 0.0}, locale="UK")
    us = Classifier.from_dir(tiny_dir, thresholds={"crisis": 0.0}, locale="US")
    ru = uk.classify("hello").resources
    rs = us.classify("hello").resources
    assert ru and rs
    assert {r.url for r in ru} == {r.url for r in rs}
    assert ru[0].locale != rs[0].locale


def test_from_dir_real_model_dir(clf: Classifier) -> None:
    import os

    from conftest import REPO

    path = os.path.join(REPO, "models", "postguard-default")
    if not os.path.exists(os.path.join(path, "model.safetensors")):
        pytest.skip("models/postguard-default is not in this checkout")
    d = Classifier.from_dir(path)
    assert d.model_info.sha256 == Classifier().model_info.sha256 if postguard.has_bundled_model() else True
    text = "you are a pathetic loser and nobody likes you"
    if postguard.has_bundled_model():
        assert d.classify(text).to_dict() == clf.classify(text).to_dict()


def test_pickle_verdict_and_classifier(clf: Classifier) -> None:
    v = clf.classify("drink bleach to cure the flu")
    v2 = pickle.loads(pickle.dumps(v))
    assert v2 == v and v2.to_dict() == v.to_dict()
    c2 = pickle.loads(pickle.dumps(clf))
    assert c2.model_info == clf.model_info
    assert c2.classify("drink bleach to cure the flu").to_dict() == v.to_dict()
    # Unpickling twice in one process reuses the loaded model.
    assert pickle.loads(pickle.dumps(clf)) is c2


def test_verdict_is_frozen(clf: Classifier) -> None:
    v = clf.classify("hello")
    with pytest.raises(Exception):
        v.windows = 3  # type: ignore[misc]


def test_precision_and_batch_budget(tiny_dir: str, posts: list) -> None:
    ref = Classifier.from_dir(tiny_dir, precision="f32")
    want = ref.scores(posts)
    for kwargs in ({"precision": "auto"}, {"precision": "int8"}, {"precision": "f32", "max_batch_tokens": 64}):
        clf = Classifier.from_dir(tiny_dir, **kwargs)
        got = clf.scores(posts)
        used = clf.model_info.precision
        # int8 names its kernel: "int8-avx512", "int8-avx2", ..., "int8-portable".
        arithmetic = used.split("-")[0]
        assert arithmetic == kwargs["precision"] if kwargs["precision"] != "auto" else arithmetic in ("int8", "f32")
        # int8 quantisation moves scores a little; the f32 path only by padding rounding.
        tol = 0.05 if arithmetic == "int8" else 1e-5
        np.testing.assert_allclose(got, want, atol=tol)
    c = Classifier.from_dir(tiny_dir, precision="f32", max_batch_tokens=64)
    assert pickle.loads(pickle.dumps(c)).scores(posts).tolist() == c.scores(posts).tolist()


def test_language_of_each_verdict_and_unsupported_languages() -> None:
    """A post confidently in a language the bundled (English) model was not trained on is
    `unsupported_language`: its model scores are shown but do not flag on their own."""
    if not postguard.has_bundled_model():
        pytest.skip("no bundled model in this build")
    clf = postguard.Classifier()
    es_everyday = "hoy fue un buen día, fui al parque con mi perro y comimos helado"
    en = "I just want to die, I can't do this anymore"
    v_es, v_en, v_short = clf.classify_batch([es_everyday, en, "lol ok"])
    assert v_es.language.code == "es" and 0 < v_es.language.confidence <= 1 and not v_es.language.assumed
    assert v_es.unsupported_language is True
    assert v_es.flagged == [], "an everyday Spanish post is not flagged on the English model's scores"
    assert v_en.language.code == "en" and v_en.unsupported_language is False and "crisis" in v_en.flagged
    assert v_short.language.code == "und" and v_short.unsupported_language is False
    assert v_es.to_dict()["language"]["code"] == "es"
    frame = clf.score_frame(pd.DataFrame({"text": [es_everyday, en, "lol ok"]}), "text")
    assert frame["language"].tolist() == ["es", "en", "und"]

    # A caller who knows: every post is taken to be in the assumed language, and it survives a
    # pickle (Spark executors rebuild the classifier from its spec).
    en_clf = postguard.Classifier(assume_language="en")
    for v in en_clf.classify_batch([es_everyday, "lol ok"]):
        assert v.language.code == "en" and v.language.assumed and v.unsupported_language is False
    again = pickle.loads(pickle.dumps(en_clf)).classify(es_everyday)
    assert again.language.assumed and again.language.code == "en"
    with pytest.raises(ValueError, match="assume_language"):
        postguard.Classifier(assume_language="english")
    with pytest.raises(TypeError, match="assume_language"):
        postguard.Classifier(assume_language=1)  # type: ignore[arg-type]
