"""Errors: the exception hierarchy, TypeError for wrong types and ValueError for wrong
values, FileNotFoundError for missing files, and no panic ever reaching Python."""

from __future__ import annotations

import json
import os
import shutil

import numpy as np
import pandas as pd
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
        lambda c: c.classify(float("nan")),
        lambda c: c.classify(b"bytes"),
        lambda c: c.classify("ok", context=5),
        lambda c: c.classify_batch("a single string"),
        lambda c: c.classify_batch(b"bytes"),
        lambda c: c.classify_batch(["ok", 3]),
        lambda c: c.classify_batch(["ok", b"bytes"]),
        lambda c: c.classify_batch(["a"], [7]),
        lambda c: c.classify_batch(42),
        lambda c: c.classify_batch({"a": 1}),
        lambda c: c.classify_batch(pd.DataFrame({"text": ["a"]})),
        lambda c: c.scores(np.array([1.0, 2.0])),
        lambda c: c.scores(["a"], kind=1),
        lambda c: c.score_frame(None, "text"),
        lambda c: c.score_frame(pd.DataFrame({"text": ["a"]}), 0),
        lambda c: c.score_frame(pd.DataFrame({"text": ["a"]}), "text", context_col=1),
    ],
)
def test_wrong_types_are_type_errors(tiny_clf: Classifier, call) -> None:
    with pytest.raises(TypeError):
        call(tiny_clf)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.classify_batch(["ok", None]),
        lambda c: c.classify_batch(["ok", float("nan")]),
        lambda c: c.classify_batch(pd.Series(["ok", pd.NA], dtype="string")),
        lambda c: c.classify_batch(np.array(["ok", pd.NaT], dtype=object)),
        lambda c: c.classify_batch(["a", "b"], ["only one"]),
        lambda c: c.scores(["a", "b"], contexts=["x", "y", "z"]),
        lambda c: c.scores(["a"], kind="softmax"),
        lambda c: c.scores(np.array([["a", "b"]])),
        lambda c: c.score_frame(pd.DataFrame({"text": ["a"]}), "body"),
    ],
)
def test_wrong_values_are_value_errors(tiny_clf: Classifier, call) -> None:
    with pytest.raises(ValueError) as info:
        call(tiny_clf)
    assert not isinstance(info.value, TypeError)


def test_classify_none_and_int_are_type_errors(tiny_clf: Classifier) -> None:
    with pytest.raises(TypeError, match="text must be str, got NoneType"):
        tiny_clf.classify(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str, got int"):
        tiny_clf.classify(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="context must be str or None, got int"):
        tiny_clf.classify("ok", 5)  # type: ignore[arg-type]


def test_non_str_item_is_type_error_naming_position(tiny_clf: Classifier) -> None:
    with pytest.raises(TypeError, match=r"texts\[2\] is of type int, expected str"):
        tiny_clf.classify_batch(["a", "b", 3])
    with pytest.raises(TypeError, match=r"contexts\[1\] is of type float, expected str or None"):
        tiny_clf.classify_batch(["a", "b"], [None, 2.5])
    # A missing text stays a ValueError (a data problem), also named by position.
    with pytest.raises(ValueError, match=r"texts\[1\] is a missing value \(None\), expected str"):
        tiny_clf.classify_batch(["a", None])


@pytest.mark.parametrize(
    "make",
    [
        lambda: {"a", "b"},
        lambda: frozenset(["a", "b"]),
        lambda: {"a": 1, "b": 2}.keys(),
        lambda: {1: "a", 2: "b"}.values(),
        lambda: {"a": 1, "b": 2}.items(),
    ],
    ids=["set", "frozenset", "keys", "values", "items"],
)
def test_unordered_collections_are_rejected(tiny_clf: Classifier, make) -> None:
    with pytest.raises(TypeError, match="texts must be an ordered sequence.*input order.*sorted"):
        tiny_clf.classify_batch(make())
    with pytest.raises(TypeError, match="texts must be an ordered sequence"):
        tiny_clf.scores(make())
    with pytest.raises(TypeError, match="contexts must be an ordered sequence.*input order"):
        tiny_clf.classify_batch(["x", "y"], make())


def test_custom_abc_set_is_rejected(tiny_clf: Classifier) -> None:
    from collections.abc import Set

    class Bag(Set):  # type: ignore[type-arg]
        def __init__(self, items):  # type: ignore[no-untyped-def]
            self._items = list(items)

        def __contains__(self, x):  # type: ignore[no-untyped-def]
            return x in self._items

        def __iter__(self):  # type: ignore[no-untyped-def]
            return iter(self._items)

        def __len__(self) -> int:
            return len(self._items)

    with pytest.raises(TypeError, match="not a Bag"):
        tiny_clf.classify_batch(Bag(["a", "b"]))


def test_iterators_keep_working(tiny_clf: Classifier) -> None:
    texts = ["hello world", "you are a loser"]
    want = tiny_clf.scores(texts, ["x", None])
    got = tiny_clf.scores((t for t in texts), iter(["x", None]))
    np.testing.assert_array_equal(got, want)
    assert len(tiny_clf.classify_batch(iter(texts))) == 2
    # sorted(set) is the suggested fix and works.
    assert len(tiny_clf.classify_batch(sorted({"b", "a"}))) == 2


def test_series_missing_value_named_by_index_label(tiny_clf: Classifier) -> None:
    s = pd.Series(["fine", np.nan, "also fine"], index=["a", "b", "c"])
    with pytest.raises(ValueError, match=r"texts\[index 'b'\] is a missing value \(NaN\), expected str"):
        tiny_clf.classify_batch(s)
    with pytest.raises(ValueError, match=r"texts\[index 'b'\]"):
        tiny_clf.scores(s)
    na = pd.Series(["x", pd.NA], index=["row-16", "row-17"], dtype="string")
    with pytest.raises(ValueError, match=r"texts\[index 'row-17'\] is a missing value \(pandas.NA\)"):
        tiny_clf.classify_batch(na)
    # A default RangeIndex: the label is the position, still called "index".
    with pytest.raises(ValueError, match=r"texts\[index 1\] is a missing value \(None\)"):
        tiny_clf.scores(pd.Series(["x", None, "y"], dtype=object))
    # Labels, not positions, also after filtering.
    filtered = pd.Series(["a", "b", None], index=[10, 20, 30]).iloc[1:]
    with pytest.raises(ValueError, match=r"texts\[index 30\]"):
        tiny_clf.scores(filtered)


def test_series_wrong_type_named_by_index_label(tiny_clf: Classifier) -> None:
    s = pd.Series(["fine", 5, "also fine"], index=["a", "b", "c"], dtype=object)
    with pytest.raises(TypeError, match=r"texts\[index 'b'\] is of type int, expected str"):
        tiny_clf.classify_batch(s)
    ctx = pd.Series([None, b"raw"], index=["p", "q"], dtype=object)
    with pytest.raises(TypeError, match=r"contexts\[index 'q'\] is of type bytes"):
        tiny_clf.scores(["a", "b"], ctx)


def test_score_frame_names_rows_by_index_label(tiny_clf: Classifier) -> None:
    df = pd.DataFrame({"body": ["ok", np.nan, "ok"], "parent": ["x", None, 3]}, index=["r1", "row-17", "r3"])
    with pytest.raises(ValueError, match=r"df\['body'\]\[index 'row-17'\] is a missing value \(NaN\)"):
        tiny_clf.score_frame(df, "body")
    df2 = pd.DataFrame({"body": ["ok", "ok", "ok"], "parent": ["x", None, 3]}, index=["r1", "row-17", "r3"])
    with pytest.raises(TypeError, match=r"df\['parent'\]\[index 'r3'\] is of type int"):
        tiny_clf.score_frame(df2, "body", "parent")
    df3 = pd.DataFrame({"body": ["ok", 7]})
    with pytest.raises(TypeError, match=r"df\['body'\]\[index 1\] is of type int"):
        tiny_clf.score_frame(df3, "body")


def test_lone_surrogate_is_value_error(tiny_clf: Classifier) -> None:
    # Not encodable as UTF-8: UnicodeEncodeError, a ValueError.
    with pytest.raises(ValueError):
        tiny_clf.classify("bad \ud800 text")
    with pytest.raises(ValueError):
        tiny_clf.classify_batch(["fine", "bad \udfff"])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"thresholds": {"bullying": "high"}},
        {"thresholds": {"bullying": "0.5"}},
        {"thresholds": {"bullying": True}},
        {"thresholds": {1: 0.5}},
        {"thresholds": [0.5]},
        {"default_rules": "yes"},
        {"default_rules": 1},
        {"locale": 44},
        {"rules": [3]},
        {"rules": 3},
        {"rules": {"a.toml", "b.toml"}},
        {"rules": {"a.toml": 1}.keys()},
        {"precision": 1},
        {"precision": None},
        {"max_batch_tokens": 1.5},
        {"max_batch_tokens": "64"},
        {"max_batch_tokens": True},
        {"max_post_bytes": "1000"},
        {"max_post_bytes": 1000.0},
        {"max_post_bytes": True},
        {"max_rule_hits": 2.5},
        {"max_rule_hits": False},
        {"max_rule_hits": [1]},
    ],
)
def test_wrong_option_types_are_type_errors(tiny_dir: str, kwargs: dict) -> None:
    with pytest.raises(TypeError) as info:
        Classifier.from_dir(tiny_dir, **kwargs)
    # The message names the option and the type it got.
    option = next(iter(kwargs))
    message = str(info.value)
    assert ("threshold" if option == "thresholds" else option) in message
    assert "got" in message


@pytest.mark.parametrize(
    "kwargs",
    [
        {"thresholds": {"bullying": 1.5}},
        {"thresholds": {"bullying": -0.1}},
        {"thresholds": {"bullying": float("nan")}},
        {"thresholds": {"not_a_label": 0.5}},
        {"precision": "fp16"},
        {"max_batch_tokens": 0},
        {"max_batch_tokens": -3},
        {"max_post_bytes": -1},
        {"max_rule_hits": -5},
        {"max_post_bytes": 2**70},
    ],
)
def test_bad_option_values_are_value_errors(tiny_dir: str, kwargs: dict) -> None:
    with pytest.raises(ValueError) as info:
        Classifier.from_dir(tiny_dir, **kwargs)
    assert not isinstance(info.value, TypeError)


def test_integer_options_accept_numpy_ints(tiny_dir: str) -> None:
    c = Classifier.from_dir(
        tiny_dir, max_post_bytes=np.int64(1000), max_rule_hits=np.uint8(3), max_batch_tokens=np.int32(64)
    )
    assert (c.max_post_bytes, c.max_rule_hits) == (1000, 3)
    assert type(c._spec["max_post_bytes"]) is int


def test_constructor_argument_types(tiny_dir: str, tmp_path) -> None:
    with pytest.raises(TypeError, match="path must be str or os.PathLike, got int"):
        Classifier.from_dir(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="repo_id must be a str"):
        Classifier.from_hub(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="repo_id must be a non-empty str"):
        Classifier.from_hub("")
    with pytest.raises(TypeError, match="revision must be a str or None, got int"):
        Classifier.from_hub("acme/tiny", revision=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cache_dir"):
        Classifier.from_hub("acme/tiny", cache_dir=5, offline=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="offline must be a bool"):
        Classifier.from_hub("acme/tiny", cache_dir=tmp_path, offline="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="max_post_bytes"):
        Classifier.from_hub("acme/tiny", cache_dir=tmp_path, offline=True, max_post_bytes="big")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="max_rule_hits"):
        Classifier(max_rule_hits=1.0)  # type: ignore[arg-type]


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


def test_hub_cache_dir_rule() -> None:
    # The Rust library's resolver, shared with the CLI, given a fake environment.
    from postguard import _postguard as ext

    home = {"HOME": "/home/u"}
    assert ext.hf_hub_cache_dir({"HF_HUB_CACHE": "/c", "HF_HOME": "/h", "XDG_CACHE_HOME": "/x", **home}) == "/c"
    assert ext.hf_hub_cache_dir({"HF_HOME": "/h", "XDG_CACHE_HOME": "/x", **home}) == "/h/hub"
    assert ext.hf_hub_cache_dir({"XDG_CACHE_HOME": "/x", **home}) == "/x/huggingface/hub"
    assert ext.hf_hub_cache_dir(home) == "/home/u/.cache/huggingface/hub"
    assert ext.hf_hub_cache_dir({"HF_HUB_CACHE": "", "HF_HOME": "", **home}) == "/home/u/.cache/huggingface/hub"
    assert ext.hf_hub_cache_dir({"HF_HOME": "~/hf", **home}) == "/home/u/hf/hub"
    assert ext.hf_hub_offline({"HF_HUB_OFFLINE": " True "}) is True
    assert ext.hf_hub_offline({"HF_HUB_OFFLINE": "0"}) is False
    assert ext.hf_hub_offline({}) is False


def test_hub_from_xdg_cache_home(tiny_dir: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    _populate_hub_cache(str(tmp_path / "xdg" / "huggingface" / "hub"), "acme/tiny", tiny_dir)
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("HF_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hub = Classifier.from_hub("acme/tiny")
    assert hub.model_info.sha256 == Classifier.from_dir(tiny_dir).model_info.sha256


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


def test_errors_do_not_poison(tiny_clf: Classifier) -> None:
    with pytest.raises(TypeError):
        tiny_clf.classify_batch(["a", 1])
    with pytest.raises(ValueError):
        tiny_clf.classify_batch(["a", None])
    assert len(tiny_clf.classify_batch(["a", "b"])) == 2


def test_no_bundle_build_raises_model_error() -> None:
    if postguard.has_bundled_model():
        pytest.skip("this build has the bundled model")
    with pytest.raises(ModelError, match="bundled"):
        Classifier()
