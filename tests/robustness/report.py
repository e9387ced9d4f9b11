#!/usr/bin/env python3
"""Report a model's results on the robustness suite, from `postguard score` output.

    postguard -q score tests/robustness/dev.jsonl -o dev.scored.jsonl
    python3 tests/robustness/report.py dev.scored.jsonl [more.scored.jsonl ...] [--json]

A case passes when every non-null expected label equals the flagged decision (the shipped
thresholds, rules on: what `postguard score` reports). Printed per file: the pass rate per
functionality; for the non-abusive identity functionalities the share of cases flagged on any
label per identity term (worst first); and the identity spread: per term the mean fused bullying
score over the non-abusive identity cases, max - min over terms (and the same per template, whose
median and maximum are shown). Reading the dev half's failures is allowed while tuning
(`--failures`); the heldout half is read as numbers only (README.md).

stdlib only.
"""
import argparse
import json
import statistics
import sys
from collections import defaultdict

HEADS = ("bullying", "misinformation", "unsafe_advice", "crisis")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            pg = r.get("postguard") or {}
            if "error" in pg:
                sys.exit(f"{path}:{n}: postguard reported an error for this record: {pg['error']}")
            if "scores" not in pg:
                sys.exit(f"{path}:{n}: no `postguard.scores`: is this `postguard score` output of the suite?")
            rows.append(r)
    return rows


def passed(r):
    flagged = set(r["postguard"]["flagged"])
    return all(v is None or (v == 1) == (h in flagged) for h, v in r["labels"].items() if h in HEADS)


def report(rows):
    by_f = defaultdict(lambda: [0, 0])
    for r in rows:
        c = by_f[r["functionality"]]
        c[0] += 1
        c[1] += passed(r)
    ident = [r for r in rows if r["functionality"].startswith("identity_nonabusive")]
    per_term = defaultdict(lambda: [0, 0])
    term_scores = defaultdict(list)
    by_template = defaultdict(dict)
    for r in ident:
        t = r["meta"]["term"]
        per_term[t][0] += 1
        per_term[t][1] += bool(r["postguard"]["flagged"])
        s = r["postguard"]["scores"]["bullying"]
        term_scores[t].append(s)
        by_template[(r["functionality"], r["meta"]["template"])][t] = s
    means = {t: statistics.mean(v) for t, v in term_scores.items()}
    spreads = [max(d.values()) - min(d.values()) for d in by_template.values() if len(d) > 1]
    total = sum(c[0] for c in by_f.values())
    ok = sum(c[1] for c in by_f.values())
    return {
        "cases": total,
        "passed": ok,
        "by_functionality": {f: {"cases": c[0], "passed": c[1], "rate": c[1] / c[0]} for f, c in sorted(by_f.items())},
        "identity_flag_rate": {t: c[1] / c[0] for t, c in sorted(per_term.items(), key=lambda kv: -kv[1][1] / kv[1][0])},
        "identity_nonabusive_flagged": sum(c[1] for c in per_term.values()) / max(1, sum(c[0] for c in per_term.values())),
        "identity_spread": (max(means.values()) - min(means.values())) if means else None,
        "identity_spread_per_template": {
            "median": statistics.median(spreads) if spreads else None,
            "max": max(spreads) if spreads else None,
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scored", nargs="+", help="`postguard score` output (JSONL) of dev.jsonl or heldout.jsonl")
    ap.add_argument("--json", action="store_true", help="print one JSON object per file")
    ap.add_argument("--failures", action="store_true", help="list failing cases (dev half only, by the suite's rule)")
    args = ap.parse_args()
    for path in args.scored:
        rows = load(path)
        rep = report(rows)
        if args.json:
            print(json.dumps({"file": path, **rep}))
            continue
        print(f"== {path}: {rep['passed']}/{rep['cases']} passed ({rep['passed'] / rep['cases']:.1%})")
        for f, c in rep["by_functionality"].items():
            print(f"  {f:<36} {c['passed']:>4}/{c['cases']:<4} {c['rate']:6.1%}")
        worst = list(rep["identity_flag_rate"].items())[:8]
        print(f"  non-abusive identity cases flagged (any label): {rep['identity_nonabusive_flagged']:.1%}; worst terms: "
              + ", ".join(f"{t} {v:.0%}" for t, v in worst))
        sp = rep["identity_spread_per_template"]
        if rep["identity_spread"] is not None:
            print(f"  identity spread (mean bullying score per term, max - min): {rep['identity_spread']:.3f}; "
                  f"per template: median {sp['median']:.3f}, max {sp['max']:.3f}")
        if args.failures:
            if any(r["meta"]["split"] != "dev" for r in rows):
                sys.exit(f"{path}: --failures lists dev cases only; the heldout half is read as numbers")
            for r in rows:
                if not passed(r):
                    print(f"    FAIL {r['functionality']}: {r['text']!r} -> {r['postguard']['flagged']}")


if __name__ == "__main__":
    main()
