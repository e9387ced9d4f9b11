"""Errors: the exception hierarchy, ValueError for bad arguments, FileNotFoundError
for missing files, and no panic ever reaching Python."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pytest

import postguard
from postguard import Classifier
from postguard.errors import (
    InputError,
    InternalError,
    ModelError,
    ModelNotFoundError,
    PostguardError,
    RulesError,
)


def test_hierarchy() -> None:
    for cls in (ModelError, ModelNotFoundError, RulesError, InputError, InternalError):
        assert issubclass(cls, PostguardError)
    assert issubclass(ModelNotFoundError, FileNotFoundError)
    assert issubclass(ModelNotFoundError, ModelError)
    assert issubclass(InputError, ValueError)
    assert postguard.PostguardError is PostguardError


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.classify(123),
        lambda c: c.classify(None),
        lambda c: c.classify(b"bytes"),
        lambda c: c.classify("ok", context=5),
        lambda c: c.classify_batch("a single string"),
        lambda c: c.classify_batch(["ok", 3]),
        lambda c: c.classify_batch(["ok", None]),
        lambda c: c.classify_batch(["a", "b"], ["only one"]),
        lambda c: c.classify_batch(["a"], [7]),
        lambda c: c.classify_batch(42),
        lambda c: c.classify_batch({"a": 1}),
        lambda c: c.scores(["a", "b"], contexts=["x", "y", "z"]),
        lambda c: c.scores(["a"], kind="softmax"),
        lambda c: c.scores(np.array([["a", "b"]])),
        lambda c: c.scores(np.array([1.0, 2.0])),
        lambda c: c.score_frame(None, "text"),
    ],
)
def test_bad_arguments_are_value_errors(tiny_clf: Classifier, call) -> None:
    with pytest.raises(ValueError):
        call(tiny_clf)


def test_lone_surrogate_is_value_error(tiny_clf: Classifier) -> None:
    # Not encodable as UTF-8: UnicodeEncodeError, a ValueError.
    with pytest.raises(ValueError):
        tiny_clf.classify("bad \ud800 text")
    with pytest.raises(ValueError):
        tiny_clf.classify_batch(["fine", "bad \udfff"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"thresholds": {"bullying": 1.5}},
        {"thresholds": {"not_a_label": 0.5}},
        {"thresholds": {"bullying": "high"}},
        {"thresholds": [0.5]},
        {"default_rules": "yes"},
        {"locale": 44},
        {"rules": [3]},
        {"precision": "fp16"},
        {"max_batch_tokens": 0},
        {"max_batch_tokens": 1.5},
    ],
)
def test_bad_options_are_value_errors(tiny_dir: str, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Classifier.from_dir(tiny_dir, **kwargs)


def test_missing_model_dir(tmp_path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(FileNotFoundError) as info:
        Classifier.from_dir(missing)
    assert isinstance(info.value, ModelNotFoundError)
    assert isinstance(info.value, PostguardError)
    assert str(missing) in str(info.value)


@pytest.mark.parametrize("name", ["config.json", "tokenizer.json", "model.safetensors"])
def test_missing_model_file(tiny_dir: str, tmp_path, name: str) -> None:
    d = tmp_path / "model"
    shutil.copytree(tiny_dir, d)
    os.remove(d / name)
    with pytest.raises(FileNotFoundError) as info:
        Classifier.from_dir(d)
    assert isinstance(info.value, ModelError)
    assert name in str(info.value)


def test_corrupt_model_files(tiny_dir: str, tmp_path) -> None:
    d = tmp_path / "model"
    shutil.copytree(tiny_dir, d)
    (d / "config.json").write_text("{not json")
    with pytest.raises(ModelError) as info:
        Classifier.from_dir(d)
    assert not isinstance(info.value, FileNotFoundError)

    shutil.copy(os.path.join(tiny_dir, "config.json"), d / "config.json")
    (d / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{trunc")
    with pytest.raises(ModelError):
        Classifier.from_dir(d)

    shutil.copy(os.path.join(tiny_dir, "model.safetensors"), d / "model.safetensors")
    cfg = json.loads((d / "config.json").read_text())
    cfg["problem_type"] = "single_label_classification"
    (d / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ModelError, match="multi_label"):
        Classifier.from_dir(d)


def test_not_a_directory(tmp_path) -> None:
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises((ValueError, ModelError)):
        Classifier.from_dir(f)


def test_rules_errors(tiny_dir: str, tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        Classifier.from_dir(tiny_dir, rules=[tmp_path / "missing.toml"])
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml [")
    with pytest.raises(RulesError):
        Classifier.from_dir(tiny_dir, rules=[bad])


def test_hub_offline_cache_miss(tmp_path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        Classifier.from_hub("postguard/does-not-exist", cache_dir=tmp_path, offline=True)
    assert isinstance(info.value, ModelError)


def _populate_hub_cache(cache: str, repo_id: str, model_dir: str, commit: str = "0" * 40) -> None:
    repo = os.path.join(cache, "models--" + repo_id.replace("/", "--"))
    snap = os.path.join(repo, "snapshots", commit)
    os.makedirs(snap)
    os.makedirs(os.path.join(repo, "refs"))
    with open(os.path.join(repo, "refs", "main"), "w") as f:
        f.write(commit)
    for name in os.listdir(model_dir):
        shutil.copy(os.path.join(model_dir, name), os.path.join(snap, name))


def test_hub_from_env_cache(tiny_dir: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "hf"
    _populate_hub_cache(str(home / "hub"), "acme/tiny", tiny_dir)
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hub = Classifier.from_hub("acme/tiny")
    local = Classifier.from_dir(tiny_dir)
    assert hub.model_info.sha256 == local.model_info.sha256
    assert hub.classify("hello world").scores == local.classify("hello world").scores
    with pytest.raises(FileNotFoundError):
        Classifier.from_hub("acme/other")


WEIRD = [
    "",
    " ",
    "\x00\x00\x00",
    "\u200b\u200d\ufeff",
    "🙂" * 5000,
    "a" * 100_000,
    "k\u0301y\u0301s\u0301",
    "\U0010ffff\ue000",
    "[CLS] [SEP] [PAD] [MASK] ##",
    "ﬁ ẞ İ ǅ",
]


def test_no_panics_on_weird_text(clf: Classifier) -> None:
    verdicts = clf.classify_batch(WEIRD, [w[:100] for w in WEIRD])
    assert len(verdicts) == len(WEIRD)
    for w in WEIRD:
        clf.classify(w)


def test_value_errors_do_not_poison(tiny_clf: Classifier) -> None:
    with pytest.raises(ValueError):
        tiny_clf.classify_batch(["a", 1])
    assert len(tiny_clf.classify_batch(["a", "b"])) == 2


def test_no_bundle_build_raises_model_error() -> None:
    if postguard.has_bundled_model():
        pytest.skip("this build has the bundled model")
    with pytest.raises(ModelError, match="bundled"):
        Classifier()
