"""Threads, the GIL, fork and spawn."""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import postguard
from conftest import assert_close
from postguard import Classifier

TEXTS = [
    "you are a pathetic loser and nobody likes you",
    "vaccines cause autism, wake up",
    "drink bleach to cure the flu",
    "i want to die",
    "have a great day",
    "the claim that 5g spreads viruses is false",
] * 4


def test_threads_share_one_classifier(clf: Classifier) -> None:
    expected = [v.to_dict() for v in clf.classify_batch(TEXTS)]

    def work(i: int) -> list:
        rotated = TEXTS[i % len(TEXTS):] + TEXTS[: i % len(TEXTS)]
        got = [v.to_dict() for v in clf.classify_batch(rotated)]
        return got[len(TEXTS) - i % len(TEXTS):] + got[: len(TEXTS) - i % len(TEXTS)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(8)))
    for got in results:
        assert_close(got, expected)

    def single(t: str) -> dict:
        return clf.classify(t).to_dict()

    with ThreadPoolExecutor(max_workers=4) as pool:
        singles = list(pool.map(single, TEXTS))
    assert_close(singles, expected)


def test_gil_released_during_batch(clf: Classifier) -> None:
    texts = [t + f" #{i}" for i, t in enumerate(TEXTS * 20)]
    clf.classify_batch(texts[:4])  # warm up
    done = threading.Event()
    took = {}

    def run() -> None:
        t0 = time.perf_counter()
        clf.classify_batch(texts)
        took["s"] = time.perf_counter() - t0
        done.set()

    worker = threading.Thread(target=run)
    worker.start()
    last = time.perf_counter()
    max_gap = 0.0
    ticks = 0
    while not done.is_set():
        now = time.perf_counter()
        max_gap = max(max_gap, now - last)
        last = now
        ticks += 1
    worker.join()
    # With the GIL held for the batch, this loop would stall for the whole batch.
    assert took["s"] > 0
    assert max_gap < max(0.5 * took["s"], 0.05), (max_gap, took["s"])
    assert ticks > 100


def _classify_in_child(texts: list) -> list:
    # `_CLF` was inherited from the parent by fork (not pickled).
    return [v.to_dict() for v in _CLF.classify_batch(texts)]


_CLF = None


def test_fork_after_parent_used_it(clf: Classifier) -> None:
    global _CLF
    _CLF = clf
    # Parent uses the classifier first: its worker threads and pools exist now.
    expected = [v.to_dict() for v in clf.classify_batch(TEXTS)]
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        chunks = [TEXTS[i::3] for i in range(3)]
        res = pool.map_async(_classify_in_child, chunks).get(timeout=120)
    for i, got in enumerate(res):
        assert_close(got, expected[i::3])
    # The parent still works after forking.
    assert [v.to_dict() for v in clf.classify_batch(TEXTS)] == expected


def _score_pickled(args: tuple) -> list:
    clf, texts = args
    return clf.scores(texts).tolist()


def test_fork_pickled_classifier_and_grandchild(clf: Classifier) -> None:
    expected = clf.scores(TEXTS).tolist()
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        got = pool.map_async(_score_pickled, [(clf, TEXTS)] * 3).get(timeout=120)
    assert all(g == expected for g in got)


@pytest.mark.slow
def test_spawn_worker_reloads_model(clf: Classifier) -> None:
    expected = clf.scores(TEXTS[:6]).tolist()
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        got = pool.map_async(_score_pickled, [(clf, TEXTS[:6])]).get(timeout=180)
    assert got[0] == expected


def test_has_bundled_model_flag() -> None:
    # run_tests.sh builds without the bundled model exactly when POSTGUARD_NO_BUNDLE is set; the
    # flag must say which build this is, and Classifier() must agree with it.
    expected = not os.environ.get("POSTGUARD_NO_BUNDLE")
    assert postguard.has_bundled_model() is expected
    if expected:
        assert postguard.Classifier().model_info.name
    else:
        with pytest.raises(postguard.ModelError):
            postguard.Classifier()
