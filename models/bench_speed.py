"""posts/s of exported model directories with torch on CPU (F32, 2 threads), on one fixed corpus:
the CI sample of the accuracy floors (every 10th val row of the sources in
models/accuracy_sample.json, 1770 posts), scored like the engine (windows, pairs).
Also prints the size on disk of each directory.

    python models/bench_speed.py models/postguard-default models/work/export-l3
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

import pg_common as pg


def main():
    from transformers import BertForSequenceClassification

    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=2, help="report the best of N timed passes")
    ap.add_argument("--json", help="append results as JSON lines here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    val = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    corpus = [val[i] for i in pg.accuracy_sample(val)[1]]
    for d in map(Path, args.dirs):
        pgj = json.loads((d / "postguard.json").read_text())
        model = BertForSequenceClassification.from_pretrained(d, dtype=torch.float32)
        tok = pg.load_tokenizer(d / "tokenizer.json")
        pg.score_records(model, tok, corpus[:64], pgj["max_tokens"], pgj["stride"])  # warm-up
        best = 0.0
        for _ in range(args.repeats):
            t0 = time.time()
            pg.score_records(model, tok, corpus, pgj["max_tokens"], pgj["stride"])
            best = max(best, len(corpus) / (time.time() - t0))
        size = sum(f.stat().st_size for f in d.iterdir() if f.is_file())
        if args.json:
            with open(args.json, "a") as f:
                f.write(json.dumps(dict(name=pgj["name"], dir=str(d), size_bytes=size, posts_per_s=best, n=len(corpus), threads=args.threads)) + "\n")
        print(f"{pgj['name']}\t{d}\t{size/1e6:.1f} MB\t{best:.0f} posts/s ({len(corpus)} posts, {args.threads} threads)")


if __name__ == "__main__":
    main()
