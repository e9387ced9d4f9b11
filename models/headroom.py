"""How far can a head's val F1 still move?  Reading only: nothing here feeds back into training
or thresholds.  Three measurements for an exported model's val scores, per head:

1. `F1 needed`: the TF-IDF baseline's F1 + 5 points (the issue's target).
2. Source headroom: the F1 (thresholds re-chosen by the same rule) if every false alarm, or every
   miss, of one source were fixed; an upper bound on what any change confined to that source can
   buy.
3. Ensemble: the F1 of the average of the model's and the TF-IDF baseline's scores (weights 0.3
   and 0.5 for TF-IDF); what a distilled student could at best inherit from the baseline.

With `--audit-sample N` it also prints a seeded random sample of N false alarms and N misses of
one head (`--head`), with ids and scores, to be judged by hand; `--judgments FILE` (a TSV of
`id<TAB>kind<TAB>verdict`, verdict one of label-wrong / label-right / unclear) tallies a finished
audit against the sample it names, so the sample and the verdicts can be checked by anyone.

    python models/headroom.py models/postguard-default --scores models/work/val_scores_soup-v2v4v5.npy \
        --tfidf models/work/tfidf-v2v4
    # the audit in models/bullying_audit.tsv is of 1.2.0's errors (models/work/export-soup-v2v4):
    python models/headroom.py models/work/export-soup-v2v4 --scores models/work/val_scores_soup-v2v4.npy \
        --tfidf models/work/tfidf-v2v4 --head bullying --audit-sample 40 --judgments models/bullying_audit.tsv
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np

import pg_common as pg

VERDICTS = ("label-wrong", "label-right", "unclear")


def f1_by_rule(label, y, s):
    t, _ = pg.choose_threshold(label, y, s)
    return pg.prf_at(y, s, t)[2]


def errors(y, s, t):
    pred = s >= t
    return np.flatnonzero(pred & (y == 0)), np.flatnonzero(~pred & (y == 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir", help="exported model (postguard.json gives the thresholds)")
    ap.add_argument("--scores", required=True, help="val scores (.npy) of that model")
    ap.add_argument("--tfidf", required=True, help="baseline_tfidf.py output dir (metrics.json, val_scores.npy)")
    ap.add_argument("--head", choices=pg.LABELS, default="bullying")
    ap.add_argument("--audit-sample", type=int, default=0, help="false alarms and misses to sample for a hand audit")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--judgments", help="TSV id/kind/verdict of a finished audit of that sample")
    args = ap.parse_args()

    th = json.loads((Path(args.model_dir) / "postguard.json").read_text())["thresholds"]
    val = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    s = np.load(args.scores)
    tdir = Path(args.tfidf)
    b = np.load(tdir / "val_scores.npy")
    tf1 = json.loads((tdir / "metrics.json").read_text())["full"]
    if s.shape != b.shape or len(val) != len(s):
        raise SystemExit(f"score shapes differ: model {s.shape}, tfidf {b.shape}, val rows {len(val)}")
    y, m = pg.label_matrix(val)
    src = np.array([r["source"] for r in val])

    for j, lab in enumerate(pg.LABELS):
        k = m[:, j] == 1
        yy, ss, sk = y[k, j], s[k, j], src[k]
        f1 = pg.prf_at(yy, ss, th[lab])[2]
        need = tf1[f"all/{lab}"]["F1"] + 0.05
        fp, fn = errors(yy, ss, th[lab])
        print(f"\n## {lab}: F1 {f1*100:.1f} at the shipped threshold, needed {need*100:.1f} "
              f"(TF-IDF {tf1[f'all/{lab}']['F1']*100:.1f} + 5); {len(fp)} false alarms, {len(fn)} misses")
        print("| source | false alarms | misses | F1 without its false alarms | F1 without its misses |")
        print("|---|---:|---:|---:|---:|")
        for sc in sorted(set(sk)):
            nfp, nfn = int(np.sum(sk[fp] == sc)), int(np.sum(sk[fn] == sc))
            if nfp + nfn == 0:
                continue
            a = ss.copy()
            a[(sk == sc) & (yy == 0)] = 0.0
            c = ss.copy()
            c[(sk == sc) & (yy == 1)] = 1.0
            print(f"| {sc} | {nfp} | {nfn} | {f1_by_rule(lab, yy, a)*100:.1f} | {f1_by_rule(lab, yy, c)*100:.1f} |")
        ens = ", ".join(f"TF-IDF weight {w}: {f1_by_rule(lab, yy, (1 - w) * ss + w * b[k, j])*100:.1f}" for w in (0.3, 0.5))
        print(f"score average with the TF-IDF baseline (thresholds by the rule): {ens}")

    if not args.audit_sample:
        return
    j = pg.LABELS.index(args.head)
    idx = np.flatnonzero(m[:, j] == 1)
    fp, fn = errors(y[idx, j], s[idx, j], th[args.head])
    rng = random.Random(args.seed)
    sample = {}
    for kind, e in (("false-alarm", fp), ("miss", fn)):
        pick = sorted(rng.sample(sorted(idx[e].tolist()), min(args.audit_sample, len(e))))
        for i in pick:
            sample[val[i]["id"]] = (kind, i)
    if not args.judgments:
        print(f"\n## audit sample: {args.head}, seed {args.seed}, {args.audit_sample} per kind")
        for rid, (kind, i) in sample.items():
            r = val[i]
            ctx = f" [context: {r['context'][:120]!r}]" if r.get("context") else ""
            print(f"{rid}\t{kind}\t{s[i, j]:.3f}\t{r['text'][:300]!r}{ctx}")
        return
    got = {}
    for n, line in enumerate(Path(args.judgments).read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[2] not in VERDICTS:
            raise SystemExit(f"{args.judgments}:{n}: want id<TAB>kind<TAB>one of {VERDICTS}, got {line!r}")
        if parts[0] not in sample or sample[parts[0]][0] != parts[1]:
            raise SystemExit(f"{args.judgments}:{n}: {parts[0]} ({parts[1]}) is not in the seed-{args.seed} sample")
        got[parts[0]] = (parts[1], parts[2])
    missing = sorted(set(sample) - set(got))
    if missing:
        raise SystemExit(f"{args.judgments}: {len(missing)} sampled rows have no verdict, e.g. {missing[:3]}")
    print(f"\n## audit of {args.head} errors ({args.judgments}, seed {args.seed})")
    for kind in ("false-alarm", "miss"):
        c = Counter(v for k, v in got.values() if k == kind)
        n = sum(c.values())
        print(f"{kind}: {n} judged: " + ", ".join(f"{v} {c[v]} ({c[v]/n*100:.0f}%)" for v in VERDICTS))
        c_src = Counter(val[sample[i][1]]["source"] for i, (k, v) in got.items() if k == kind and v == "label-wrong")
        print(f"  label-wrong by source: {dict(c_src)}")


if __name__ == "__main__":
    main()
