#!/usr/bin/env python3
"""Posts/s of the Python package vs the CLI, on the same posts, in one run.

    python python/benchmarks/compare_cli.py [--cli target/release/postguard]
        [--data ../shared/data/val.jsonl] [-n 2000] [--model DIR] [--repeat 3]

Both sides use the same model (bundled by default, or --model DIR) and the same
posts (text + context from a JSONL file with `text`/`context` fields, or
synthetic posts when no file is given).  The CLI runs
`postguard score posts.jsonl -o out.jsonl --quiet`; its model-load time,
measured with a one-post run, is subtracted so both numbers are steady-state
scoring throughput.  Python times `Classifier.classify_batch(texts, contexts)`
(full verdict objects, the slowest Python path) and `Classifier.scores`.
Each measurement is the best of --repeat runs.  Prints posts/s and the ratio
python/cli (1.0 = same speed; the target is >= 0.9).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from typing import List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def load_posts(path: Optional[str], n: int, seed: int) -> List[Tuple[str, Optional[str]]]:
    if path and os.path.exists(path):
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                rec = json.loads(line)
                text = rec.get("text")
                if isinstance(text, str):
                    ctx = rec.get("context")
                    rows.append((text, ctx if isinstance(ctx, str) else None))
        random.Random(seed).shuffle(rows)
        if len(rows) >= n:
            return rows[:n]
        return (rows * (n // max(len(rows), 1) + 1))[:n]
    rnd = random.Random(seed)
    words = ("you are such a loser nobody likes you vaccines cause autism drink bleach to cure "
             "the flu i want to die have a great day friend the claim is false lol this game "
             "is killing me call me later check the source before sharing").split()
    return [(" ".join(rnd.choice(words) for _ in range(rnd.randint(4, 60))), None) for _ in range(n)]


def time_cli(cli: str, model: Optional[str], posts, repeat: int, tmp: str) -> Tuple[float, float]:
    """(best scoring seconds with the load subtracted, load seconds)."""
    src = os.path.join(tmp, "posts.jsonl")
    one = os.path.join(tmp, "one.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for text, ctx in posts:
            f.write(json.dumps({"text": text, "context": ctx}, ensure_ascii=False) + "\n")
    with open(one, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": posts[0][0]}) + "\n")
    base = [cli] + (["--model", model] if model else [])

    def run(path: str) -> float:
        out = os.path.join(tmp, "out.jsonl")
        t0 = time.perf_counter()
        subprocess.run(base + ["score", path, "-o", out, "--quiet"], check=True)
        dt = time.perf_counter() - t0
        if path == src:
            with open(out, encoding="utf-8") as f:
                assert sum(1 for _ in f) == len(posts), "CLI wrote a different number of records"
        return dt

    load = min(run(one) for _ in range(max(repeat, 2)))
    total = min(run(src) for _ in range(repeat))
    return max(total - load, 1e-9), load


def time_python(model: Optional[str], posts, repeat: int) -> Tuple[float, float, float]:
    import postguard

    t0 = time.perf_counter()
    clf = postguard.Classifier.from_dir(model) if model else postguard.Classifier()
    load = time.perf_counter() - t0
    texts = [t for t, _ in posts]
    ctx = [c for _, c in posts]
    clf.classify_batch(texts[:8], ctx[:8])  # warm up
    best_v = best_s = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        verdicts = clf.classify_batch(texts, ctx)
        best_v = min(best_v, time.perf_counter() - t0)
        assert len(verdicts) == len(texts)
        t0 = time.perf_counter()
        clf.scores(texts, ctx)
        best_s = min(best_s, time.perf_counter() - t0)
    return best_v, best_s, load


def main() -> int:
    p = argparse.ArgumentParser(description="Python vs CLI posts/s on the same posts")
    p.add_argument("--cli", default=os.path.join(REPO, "target", "release", "postguard"))
    p.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "val.jsonl"))
    p.add_argument("-n", type=int, default=2000, help="number of posts")
    p.add_argument("--model", default=None, help="model directory (default: bundled)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()

    if not os.access(args.cli, os.X_OK):
        print(f"CLI binary not found at {args.cli}: build it with `cargo build --release -p postguard-cli`",
              file=sys.stderr)
        return 2
    posts = load_posts(args.data, args.n, args.seed)
    src = args.data if args.data and os.path.exists(args.data) else "synthetic"
    print(f"posts: {len(posts)} from {src}; model: {args.model or 'bundled'}; best of {args.repeat}; "
          f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        cli_s, cli_load = time_cli(args.cli, args.model, posts, args.repeat, tmp)
    py_v, py_s, py_load = time_python(args.model, posts, args.repeat)
    n = len(posts)
    cli_rate, v_rate, s_rate = n / cli_s, n / py_v, n / py_s
    print(f"CLI    score          : {cli_rate:8.1f} posts/s  ({cli_s:.2f}s scoring, {cli_load:.2f}s load)")
    print(f"Python classify_batch : {v_rate:8.1f} posts/s  ({py_v:.2f}s, load {py_load:.2f}s)")
    print(f"Python scores (numpy) : {s_rate:8.1f} posts/s  ({py_s:.2f}s)")
    print(f"ratio python/cli: classify_batch {v_rate / cli_rate:.3f}, scores {s_rate / cli_rate:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
