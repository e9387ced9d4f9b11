"""Compare exported models on val by the 2.0.0 shipping rule's val criteria (model card, "Choice
of the default", item 6), from saved val scores at each model's own thresholds:

  (1) per-head F1 on the 14 sources 1.3.0 was trained on (OLD_SOURCES, all their val rows), at
      each model's shipped thresholds and, like for like, at thresholds chosen by the same rule
      on all of today's val (the rule item 8 of the model card applies),
  (3) share of the harmless rows (every known label 0) flagged, per source added to val,
  (4) counsel-chat therapist answers with any label flagged.

    python models/candidates.py 1.3.0=postguard-default:work/val_scores_1.3.0.npy \\
        v6=work/export-v6:work/val_scores_v6.npy --json work/candidates.json

The first model is the reference; criterion (1) is checked against it (at most 1.0 point lower).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

import pg_common as pg

# the sources 1.3.0 was trained on and its accuracy gates read (models/accuracy_sample.json as
# 1.3.0 shipped it)
OLD_SOURCES = [
    "davidson-hate-offensive", "formspring-cyberbullying", "tweeteval", "constraint-covid-fakenews",
    "covid19-rumor", "health-misinfo-reddit", "safetext", "diasafety", "sdcnl", "cssrs-reddit-500",
    "mentalllama-tsid", "dreaddit", "counsel-chat", "goemotions",
]
# harmless sources added to val with the enlarged data (criterion 3)
NEW_HARMLESS = ["esconv", "epitome-reddit", "sad-stress", "health-news-tweets", "ag-news-test"]
# every source added to val with the enlarged data (reported, per head)
NEW_SOURCES = NEW_HARMLESS + [
    "multitarget-conan", "dialoconan", "ethos", "toxigen-prompts", "liar", "truthfulqa", "llm-mh-crisis", "irf-reddit",
]


def harmless_flag_rate(recs, scores, th, idx):
    """(flagged, n): rows of idx whose known labels are all 0 (at least one known) with any head
    over its threshold."""
    t = np.array([th[lab] for lab in pg.LABELS])
    y, m = pg.label_matrix([recs[i] for i in idx])
    keep = (m.sum(1) > 0) & ((y * m).sum(1) == 0)
    sel = np.array(idx)[keep]
    if len(sel) == 0:
        return 0, 0
    return int((scores[sel] >= t).any(1).sum()), len(sel)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+", help="NAME=MODEL_DIR:SCORES.npy (val scores from export.py/eval_model.py)")
    ap.add_argument("--json")
    args = ap.parse_args()
    recs = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    gated = [i for i, r in enumerate(recs) if r["source"] in set(OLD_SOURCES)]
    y, m = pg.label_matrix(recs)
    by_src = {}
    for i, r in enumerate(recs):
        by_src.setdefault(r["source"], []).append(i)
    doc = {}
    for spec in args.models:
        name, rest = spec.split("=", 1)
        mdir, sc = rest.rsplit(":", 1)
        th = json.loads((Path(mdir) / "postguard.json").read_text())["thresholds"]
        scores = np.load(sc)
        if len(scores) != len(recs):
            raise SystemExit(f"{sc}: {len(scores)} rows of scores, val has {len(recs)}")
        d = {"thresholds": th, "old_sources_f1": {}, "old_sources_f1_same_rule": {}, "all_val_f1": {}, "new_source_f1": {}, "harmless_flagged": {}}
        for j, lab in enumerate(pg.LABELS):
            k_all = np.flatnonzero(m[:, j] == 1)
            t_rule, _ = pg.choose_threshold(lab, y[k_all, j], scores[k_all, j])
            k_old = np.array(gated)[m[gated, j] == 1]
            d["old_sources_f1_same_rule"][lab] = pg.prf_at(y[k_old, j], scores[k_old, j], t_rule)[2]
            for key, idx in (("old_sources_f1", gated), ("all_val_f1", list(range(len(recs))))):
                idx = np.array(idx)
                k = idx[m[idx, j] == 1]
                d[key][lab] = pg.prf_at(y[k, j], scores[k, j], th[lab])[2]
            for src in NEW_SOURCES:
                k = np.array(by_src[src])
                k = k[m[k, j] == 1]
                if len(k) and y[k, j].sum() > 0:
                    d["new_source_f1"][f"{src}/{lab}"] = pg.prf_at(y[k, j], scores[k, j], th[lab])[2]
        for src in NEW_HARMLESS:
            f, n = harmless_flag_rate(recs, scores, th, by_src[src])
            d["harmless_flagged"][src] = [f, n]
        ans = pg.therapist_answers(recs)
        d["therapist_any_flag_rate"] = pg.any_flag_rate(scores, th, ans)
        doc[name] = d
    names = list(doc)
    ref = doc[names[0]]
    def delta_table(key):
        """Per-head F1 under `key`, each candidate with its change against the first model."""
        print("| head | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names))
        for lab in pg.LABELS:
            cells = []
            for n in names:
                v = doc[n][key][lab] * 100
                delta = v - ref[key][lab] * 100
                cells.append(f"{v:.2f}" + ("" if n == names[0] else f" ({delta:+.2f}{' FAIL' if delta < -1.0 else ''})"))
            print(f"| {lab} | " + " | ".join(cells) + " |")

    print("## (1) val F1 on the 14 sources 1.3.0 was trained on (all their rows), shipped thresholds\n")
    delta_table("old_sources_f1")
    print("\n## (1') the same, thresholds by the threshold rule on all of today's val for every model\n")
    delta_table("old_sources_f1_same_rule")
    print("\n## all of val, F1\n")
    print("| head | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names))
    for lab in pg.LABELS:
        print(f"| {lab} | " + " | ".join(f"{doc[n]['all_val_f1'][lab]*100:.2f}" for n in names) + " |")
    print("\n## (3) harmless rows (every known label 0) flagged, sources added to val\n")
    print("| source | rows | " + " | ".join(names) + " |\n|---|---:|" + "---:|" * len(names))
    for src in NEW_HARMLESS:
        n_rows = ref["harmless_flagged"][src][1]
        print(f"| {src} | {n_rows} | " + " | ".join(
            f"{doc[n]['harmless_flagged'][src][0]} ({doc[n]['harmless_flagged'][src][0]/max(1,n_rows)*100:.1f} %)" for n in names) + " |")
    print("\n## F1 on the added sources that have positives\n")
    keys = sorted(ref["new_source_f1"])
    print("| source/head | " + " | ".join(names) + " |\n|---|" + "---:|" * len(names))
    for k in keys:
        print(f"| {k} | " + " | ".join(f"{doc[n]['new_source_f1'].get(k, float('nan'))*100:.1f}" for n in names) + " |")
    print("\n## (4) therapist answers with any label flagged\n")
    print(", ".join(f"{n}: {doc[n]['therapist_any_flag_rate']*100:.2f} %" for n in names))
    if args.json:
        Path(args.json).write_text(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
