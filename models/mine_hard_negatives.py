"""Hard-negative mining for recipe v3: score the training rows of the sources that train.py
subsamples (goemotions, tweeteval, formspring) with an exported model, and list the rows that
carry an explicit 0 for some head yet score at or above that head's threshold.  train.py's
recipe v3 always keeps these rows in its per-epoch draw (inside the source's cap), so the model
sees every known false alarm of its predecessor instead of the ~1 in 7 a random draw would give.

    python models/mine_hard_negatives.py models/postguard-default models/hard_negatives_v3.txt

Output: one line per row, `<id>\t<heads>` (comma-separated heads the row is a hard negative
for), sorted by id.  Only ids are written, never data.  Scoring follows the engine (F32,
windows, max per label; pg_common.score_records).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

import pg_common as pg

MINED_SOURCES = ("goemotions", "tweeteval", "formspring-cyberbullying")


def main():
    from transformers import BertForSequenceClassification

    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir", help="exported model directory (postguard.json gives thresholds)")
    ap.add_argument("out", help="output id list")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    d = Path(args.model_dir)
    pgj = json.loads((d / "postguard.json").read_text())
    th = pgj["thresholds"]
    rows = [r for r in pg.load_jsonl(pg.DATA_DIR / "train.jsonl") if r["source"] in MINED_SOURCES]
    model = BertForSequenceClassification.from_pretrained(d, dtype=torch.float32)
    tok = pg.load_tokenizer(d / "tokenizer.json")
    t0 = time.time()
    scores = pg.score_records(model, tok, rows, pgj["max_tokens"], pgj["stride"])
    print(f"scored {len(rows)} rows of {', '.join(MINED_SOURCES)} in {time.time() - t0:.0f}s")

    out = []
    counts: dict[tuple[str, str], int] = {}
    for r, s in zip(rows, scores):
        heads = [lab for j, lab in enumerate(pg.LABELS) if r["labels"].get(lab) == 0 and s[j] >= th[lab]]
        for h in heads:
            counts[(r["source"], h)] = counts.get((r["source"], h), 0) + 1
        if heads:
            out.append(f"{r['id']}\t{','.join(heads)}")
    out.sort()
    Path(args.out).write_text(
        f"# hard negatives mined with {pgj['name']} {pgj['version']} (models/mine_hard_negatives.py)\n"
        + "\n".join(out)
        + "\n"
    )
    for (src, h), n in sorted(counts.items()):
        print(f"{src:28s} {h:15s} {n}")
    print(f"{len(out)} rows written to {args.out}")


if __name__ == "__main__":
    main()
