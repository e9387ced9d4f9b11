"""TF-IDF + logistic-regression baseline on the same training rows the transformer saw
(the union of train.py's per-epoch draws, same seed), one binary LR per head on that head's
non-null rows, thresholds chosen on val by the same rule as the shipped model.

    python models/baseline_tfidf.py --out models/work/tfidf
    python models/baseline_tfidf.py --recipe v4 --oof 5 --out models/work/tfidf-v4-oof   # + teacher scores
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

import pg_common as pg
from train import DEFAULT_RECIPE, RECIPES, draw_epoch, load_hard_negatives


def featurize_text(r):
    # the context (DiaSafety user turn / counsel-chat question) is appended with a marker prefix so
    # its words are separate features from the text's words
    if r.get("context"):
        return r["text"] + " " + " ".join("ctx_" + w for w in r["context"].lower().split()[:64])
    return r["text"]


def fit(rows):
    """TF-IDF word 1-2-grams + char_wb 2-5-grams, one balanced logistic regression per head on that
    head's non-null rows."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=200_000, sublinear_tf=True, lowercase=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, max_features=200_000, sublinear_tf=True)
    texts = [featurize_text(r) for r in rows]
    X = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    y, m = pg.label_matrix(rows)
    heads = {}
    for j, lab in enumerate(pg.LABELS):
        k = m[:, j] == 1
        clf = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, solver="liblinear")
        clf.fit(X[k], y[k, j])
        heads[lab] = clf
    return dict(word=word, char=char, heads=heads)


def predict_with(model, recs):
    from scipy.sparse import hstack

    tx = [featurize_text(r) for r in recs]
    Xv = hstack([model["word"].transform(tx), model["char"].transform(tx)]).tocsr()
    return np.stack([model["heads"][lab].predict_proba(Xv)[:, 1] for lab in pg.LABELS], axis=1).astype(np.float32)


def write_oof(rows, k, seed, path):
    """Out-of-fold scores for the training rows themselves (k seeded folds: each row is scored by
    the baseline fitted on the other k-1 folds), the teacher signal for `train.py --teacher`.
    In-sample scores would be memorised labels, not a second opinion."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    scores = np.zeros((len(rows), len(pg.LABELS)), np.float32)
    for f in range(k):
        held = order[f::k]
        held_set = set(held)
        t0 = time.time()
        model = fit([r for i, r in enumerate(rows) if i not in held_set])
        scores[held] = predict_with(model, [rows[i] for i in held])
        print(f"fold {f+1}/{k}: {len(held)} rows scored in {time.time()-t0:.0f}s")
    np.savez_compressed(path, ids=np.array([r["id"] for r in rows]), scores=scores, labels=np.array(pg.LABELS))
    print(f"out-of-fold scores for {len(rows)} rows -> {path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--recipe", choices=sorted(RECIPES), action="append",
        help=f"train.py's draw recipe (default {DEFAULT_RECIPE}); repeat to train on the union of several "
        "runs' draws (e.g. the ingredients of a weight soup)",
    )
    ap.add_argument("--epochs", type=int, default=3, help="number of train.py epoch draws to unite")
    ap.add_argument("--bench-every", type=int, default=10)
    ap.add_argument(
        "--oof", type=int, default=0, metavar="K",
        help="also write K-fold out-of-fold scores of the training rows to OUT/train_oof.npz (train.py --teacher)",
    )
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    train = pg.load_jsonl(pg.DATA_DIR / "train.jsonl")
    by_src = defaultdict(list)
    for r in train:
        by_src[r["source"]].append(r)
    recipes = args.recipe or [DEFAULT_RECIPE]
    seen = {}
    for recipe in recipes:
        # the same draws as `train.py --recipe R --seed S` (a fresh generator per run)
        rng = random.Random(args.seed)
        hard = load_hard_negatives(recipe)
        for _ in range(args.epochs):
            for r in draw_epoch(by_src, rng, recipe, hard):
                seen[r["id"]] = r
    rows = list(seen.values())
    print(f"training rows (union of {args.epochs} epoch draws of recipe {'+'.join(recipes)}): {len(rows)}")

    t0 = time.time()
    model = fit(rows)
    print(f"trained in {time.time()-t0:.0f}s")
    with open(out / "tfidf.pkl", "wb") as f:
        pickle.dump(model, f)
    if args.oof:
        write_oof(rows, args.oof, args.seed, out / "train_oof.npz")

    val = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    scores = predict_with(model, val)
    np.save(out / "val_scores.npy", scores)
    yv, mv = pg.label_matrix(val)
    th = {}
    for j, lab in enumerate(pg.LABELS):
        k = mv[:, j] == 1
        t, note = pg.choose_threshold(lab, yv[k, j], scores[k, j])
        th[lab] = t
        print(f"{lab}: t={th[lab]:.4f} ({note})")
    tab = pg.metrics_table(val, scores, th)
    print(pg.format_table(tab))
    ans = pg.therapist_answers(val)
    rate = pg.any_flag_rate(scores, th, ans)
    print(f"therapist answers any-flag rate {rate*100:.2f}% of {len(ans)}")

    bench = [r for i, r in enumerate(val) if i % args.bench_every == 0]
    predict_with(model, bench[:50])
    t1 = time.time()
    predict_with(model, bench)
    pps = len(bench) / (time.time() - t1)
    size = (out / "tfidf.pkl").stat().st_size
    print(f"bench: {len(bench)} posts, {pps:.0f} posts/s, pickle {size/1e6:.1f} MB")
    doc = dict(
        thresholds=th, therapist_any_flag_rate=rate, posts_per_s=pps, size_bytes=size, train_rows=len(rows),
        full={f"{a}/{b}": v for (a, b), v in tab.items()},
    )
    (out / "metrics.json").write_text(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
