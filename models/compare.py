"""Build the comparison tables of the model card from the JSON files written by
eval_model.py (--json), baseline_tfidf.py (metrics.json) and bench_speed.py (--json).

    python models/compare.py --eval tfidf=models/work/tfidf/metrics.json \
        --eval l6=models/work/eval-l6.json --eval l3=models/work/eval-l3.json \
        --bench models/work/bench.jsonl
"""

from __future__ import annotations

import argparse
import json
import math

import pg_common as pg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", action="append", required=True, help="label=path.json")
    ap.add_argument("--bench", help="JSON lines from bench_speed.py; key 'label' or 'name' matched to labels")
    ap.add_argument("--bench-name", action="append", default=[], help="label=postguard name in the bench file")
    args = ap.parse_args()

    evals = {}
    for spec in args.eval:
        k, p = spec.split("=", 1)
        evals[k] = json.load(open(p))
    bench = {}
    if args.bench:
        names = dict(s.split("=", 1) for s in args.bench_name)
        rows = [json.loads(line) for line in open(args.bench)]
        for k in evals:
            for r in rows:
                if r.get("label") == k or r.get("name") == names.get(k):
                    bench[k] = r
    for k, e in evals.items():
        if "posts_per_s" in e and k not in bench:
            bench[k] = dict(size_bytes=e["size_bytes"], posts_per_s=e["posts_per_s"])

    head = "| model | size on disk | posts/s | " + " | ".join(f"{l} F1 / AUPRC" for l in pg.LABELS) + " | therapist answers flagged |"
    print(head)
    print("|---|---:|---:|" + "---:|" * len(pg.LABELS) + "---:|")
    for k, e in evals.items():
        b = bench.get(k, {})
        size = f"{b['size_bytes']/1e6:.1f} MB" if b else "?"
        pps = f"{b['posts_per_s']:.0f}" if b else "?"
        cells = []
        for l in pg.LABELS:
            v = e["full"].get(f"all/{l}")
            cells.append(f"{v['F1']*100:.1f} / {v['AUPRC']*100:.1f}" if v else "n/a")
        rate = e.get("therapist_any_flag_rate", e.get("therapist_any_flag_rate"))
        print(f"| {k} | {size} | {pps} | " + " | ".join(cells) + f" | {rate*100:.1f}% |")

    print("\nPer source (val), F1 at each model's own thresholds; AUPRC where the source has both classes:\n")
    scopes = sorted({key.split("/")[0] for e in evals.values() for key in e["full"]} - {"all"})
    print("| source | head | n (pos) | " + " | ".join(evals) + " |")
    print("|---|---|---:|" + "---:|" * len(evals))
    for sc in scopes:
        for l in pg.LABELS:
            vals = [e["full"].get(f"{sc}/{l}") for e in evals.values()]
            if not any(vals):
                continue
            ref = next(v for v in vals if v)
            cells = []
            for v in vals:
                if not v:
                    cells.append("")
                elif ref["pos"] == 0:
                    cells.append(f"FPR {v['flag_rate']*100:.1f}%")
                elif ref["pos"] == ref["n"]:
                    cells.append(f"R {v['R']*100:.1f}")
                else:
                    a = v["AUPRC"]
                    cells.append(f"{v['F1']*100:.1f} ({'n/a' if a is None or math.isnan(a) else f'{a*100:.1f}'})")
            print(f"| {sc} | {l} | {ref['n']} ({ref['pos']}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
