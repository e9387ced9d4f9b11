"""Print per-head P/R/F1/AUPRC (overall and per source) of an exported postguard model directory
at its own thresholds, on val.jsonl (default) and on the fixed CI sample of the accuracy floors
(every 10th val row of the sources in models/accuracy_sample.json, chosen by source).

    python models/eval_model.py models/postguard-default
    python models/eval_model.py models/postguard-default --json models/work/eval-default.json

Scoring follows the engine: F32 compute, sentence pair (context, text) when context is present,
posts longer than `max_tokens` scored over windows overlapping by `stride` tokens, max per label.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

import pg_common as pg


def main():
    from transformers import BertForSequenceClassification

    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("--data", default=str(pg.DATA_DIR / "val.jsonl"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--scores", help="reuse/save scores .npy at this path")
    ap.add_argument("--json", help="write all metrics as JSON here")
    ap.add_argument("--per-source", action="store_true", default=True)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    d = Path(args.model_dir)
    pgj = json.loads((d / "postguard.json").read_text())
    th = pgj["thresholds"]
    recs = pg.load_jsonl(args.data)
    if args.scores and Path(args.scores).exists():
        scores = np.load(args.scores)
    else:
        model = BertForSequenceClassification.from_pretrained(d, dtype=torch.float32)
        tok = pg.load_tokenizer(d / "tokenizer.json")
        t0 = time.time()
        scores = pg.score_records(model, tok, recs, pgj["max_tokens"], pgj["stride"])
        print(f"scored {len(recs)} posts in {time.time()-t0:.0f}s")
        if args.scores:
            np.save(args.scores, scores)

    print(f"model {pgj['name']} {pgj['version']}  thresholds {th}")
    full = pg.metrics_table(recs, scores, th)
    print(f"\n## {Path(args.data).name}: all {len(recs)} posts\n")
    print(pg.format_table(full))
    _, idx = pg.accuracy_sample(recs)
    sub = pg.metrics_table([recs[i] for i in idx], scores[idx], th)
    print(f"\n## fixed CI sample (models/accuracy_sample.json, {len(idx)} posts), overall\n")
    print(pg.format_table(sub, scopes=["all"]))
    ans = pg.therapist_answers(recs)
    rate = pg.any_flag_rate(scores, th, ans)
    print(f"\ncounsel-chat therapist answers with any label flagged: {rate*100:.2f}% of {len(ans)}")
    if args.json:
        doc = dict(
            model=pgj, data=args.data, therapist_any_flag_rate=rate, therapist_n=len(ans),
            full={f"{k[0]}/{k[1]}": v for k, v in full.items()},
            sample={f"{k[0]}/{k[1]}": v for k, v in sub.items()},
            sample_rule="models/accuracy_sample.json",
        )
        Path(args.json).write_text(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
