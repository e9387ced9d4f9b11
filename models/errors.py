"""List val errors of an exported model (false positives / negatives per head at its thresholds),
highest-confidence first, to read for failure patterns.  Reading only: nothing here feeds back
into training or thresholds.

    python models/errors.py models/postguard-default --scores models/work/val_scores_default.npy
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

import pg_common as pg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--scores", required=True, help=".npy written by eval_model.py --scores")
    ap.add_argument("--n", type=int, default=12)
    args = ap.parse_args()
    th = json.loads((Path(args.model_dir) / "postguard.json").read_text())["thresholds"]
    val = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    s = np.load(args.scores)
    y, m = pg.label_matrix(val)
    for j, lab in enumerate(pg.LABELS):
        k = m[:, j] == 1
        fp = np.flatnonzero(k & (y[:, j] == 0) & (s[:, j] >= th[lab]))
        fn = np.flatnonzero(k & (y[:, j] == 1) & (s[:, j] < th[lab]))
        for name, idx, order in (("FALSE POSITIVES", fp, -1), ("FALSE NEGATIVES", fn, 1)):
            print(f"\n===== {lab}: {name} ({len(idx)}) by source: {dict(Counter(val[i]['source'] for i in idx))}")
            for i in idx[np.argsort(order * s[idx, j])][: args.n]:
                r = val[i]
                ctx = f" [ctx: {r['context'][:80]!r}]" if r["context"] else ""
                print(f"  {s[i, j]:.3f} {r['source']}: {r['text'][:220]!r}{ctx} meta={r.get('meta')}")


if __name__ == "__main__":
    main()
