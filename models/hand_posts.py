"""The hand-written-posts criterion of the model card's replacement rule (rule 2, "Choice of the
default"): score the 22 posts of crates/postguard-cli/examples/posts.jsonl with each model
directory through the engine (model scores alone: --no-default-rules, --precision f32), compare
each post's flagged labels with the labels a moderator would give (MODERATOR below), and list
the posts decided wrongly.  With --baseline DIR (the shipped model), also list the posts a
candidate newly gets wrong, and say whether it passes the criterion: no post the baseline
decides correctly is decided wrongly, and no more posts wrong in total.

    cargo build --release -p postguard-cli
    python models/hand_posts.py --baseline models/postguard-default models/work/export-soup-v2v4

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POSTS = REPO / "crates/postguard-cli/examples/posts.jsonl"

# What a moderator would decide for each post (labels flagged; crisis is a routing, not a
# violation).  p07 and p17 debunk a myth, p14 is a recovery story, p15 a supportive reply,
# p18 exam hyperbole: none of them is flagged.
MODERATOR: dict[str, set[str]] = {
    "p01": set(),
    "p02": {"bullying"},
    "p03": {"bullying"},
    "p04": {"bullying"},
    "p05": {"misinformation"},
    "p06": {"misinformation", "unsafe_advice"},
    "p07": set(),
    "p08": {"misinformation"},
    "p09": {"unsafe_advice"},
    "p10": {"unsafe_advice"},
    "p11": set(),
    "p12": {"crisis"},
    "p13": {"crisis"},
    "p14": set(),
    "p15": set(),
    "p16": {"bullying", "unsafe_advice"},
    "p17": set(),
    "p18": set(),
    "p19": set(),
    "p20": set(),
    "p21": {"bullying"},
    "p22": set(),
}


def score(binary: Path, model: str) -> dict[str, dict]:
    cmd = [str(binary), "--model", model, "--no-default-rules", "--precision", "f32", "-q", "score", str(POSTS)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {out.returncode}\n{out.stderr}")
    rows = {}
    for n, line in enumerate(out.stdout.splitlines(), 1):
        r = json.loads(line)
        if r["id"] not in MODERATOR:
            sys.exit(f"{POSTS}:{n}: id {r['id']!r} has no moderator label in {__file__}")
        rows[r["id"]] = r["postguard"]
    missing = set(MODERATOR) - set(rows)
    if missing:
        sys.exit(f"{POSTS}: no output for {sorted(missing)}")
    return rows


def wrong(rows: dict[str, dict]) -> dict[str, str]:
    out = {}
    for pid, pg in rows.items():
        got = set(pg["flagged"])
        if got != MODERATOR[pid]:
            scores = " ".join(f"{k}={v:.2f}" for k, v in pg["scores"].items())
            out[pid] = f"flagged {sorted(got)}, moderator {sorted(MODERATOR[pid])}; {scores}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="+", help="model directories (or hub ids) to check")
    ap.add_argument("--baseline", help="the shipped model: report posts newly wrong against it")
    ap.add_argument("--binary", type=Path, default=REPO / "target/release/postguard", help="postguard CLI")
    args = ap.parse_args()
    if not args.binary.is_file():
        sys.exit(f"{args.binary}: not found (cargo build --release -p postguard-cli)")

    base = wrong(score(args.binary, args.baseline)) if args.baseline else None
    if base is not None:
        print(f"== {args.baseline} (baseline): {len(base)} of {len(MODERATOR)} wrong")
        for pid, why in sorted(base.items()):
            print(f"   {pid} {why}")
    for m in args.models:
        w = wrong(score(args.binary, m))
        print(f"== {m}: {len(w)} of {len(MODERATOR)} wrong")
        for pid, why in sorted(w.items()):
            print(f"   {pid} {why}")
        if base is not None:
            new = sorted(set(w) - set(base))
            fixed = sorted(set(base) - set(w))
            ok = not new and len(w) <= len(base)
            print(f"   newly wrong {new or 'none'}; fixed {fixed or 'none'}; criterion {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
