"""Side-by-side behavioural-suite pass rates of several models, per head block and per
functionality, from `postguard eval --functionality-field functionality --json` outputs.

    postguard eval tests/behaviour/suite.jsonl --functionality-field functionality --json > work/suite-1.3.0.json
    postguard eval tests/behaviour/suite.jsonl --functionality-field functionality --json --model work/export-v6 > work/suite-v6.json
    python models/suite_report.py 1.3.0=work/suite-1.3.0.json v6=work/suite-v6.json

The head of a functionality is the suite's `meta.head` (`all` for the all-zero ones); a block's
rate is the share of its cases that pass (every labelled head decided as expected).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

SUITE = Path(__file__).resolve().parents[1] / "tests" / "behaviour" / "suite.jsonl"
HEADS = ["crisis", "misinformation", "unsafe_advice", "bullying", "all"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+", help="NAME=EVAL.json")
    args = ap.parse_args()
    head_of = {}
    for line in SUITE.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        head_of[r["functionality"]] = r["meta"]["head"]
    runs = {}
    for spec in args.runs:
        name, path = spec.split("=", 1)
        runs[name] = json.loads(Path(path).read_text())["by_functionality"]
    names = list(runs)
    print("| block | cases | " + " | ".join(names) + " |\n|---|---:|" + "---:|" * len(names))
    for head in HEADS + ["overall"]:
        fs = [f for f in head_of if head == "overall" or head_of[f] == head]
        cases = sum(runs[names[0]][f]["cases"] for f in fs)
        cells = []
        for n in names:
            passed = sum(runs[n][f]["passed"] for f in fs)
            low = sum(runs[n][f]["pass_rate"] < 0.70 for f in fs)
            hi = sum(runs[n][f]["pass_rate"] >= 0.90 for f in fs)
            cells.append(f"{passed} ({passed/cases*100:.1f} %; {hi} ≥90 %, {low} <70 %)")
        print(f"| {head} ({len(fs)} functionalities) | {cases} | " + " | ".join(cells) + " |")
    print("\n| functionality | head | cases | " + " | ".join(names) + " |\n|---|---|---:|" + "---:|" * len(names))
    by_head = defaultdict(list)
    for f in head_of:
        by_head[head_of[f]].append(f)
    for head in HEADS:
        for f in sorted(by_head[head]):
            print(f"| `{f}` | {head} | {runs[names[0]][f]['cases']} | "
                  + " | ".join(f"{runs[n][f]['passed']}" for n in names) + " |")


if __name__ == "__main__":
    main()
