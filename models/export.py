"""Calibrate per-label thresholds on val.jsonl and export a model directory in the format the
postguard engine loads (see models/README.md).

    python models/export.py --ckpt models/work/l6/final --out models/postguard-default \
        --name postguard-minilm-l6 --version 1.1.0

Weights are rounded to F16 *before* scoring val, so the thresholds are calibrated on exactly the
scores the engine computes (it upcasts the F16 weights to F32 and runs in F32).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import time
from pathlib import Path

import numpy as np
import torch

import pg_common as pg


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# The text whose token ids postguard.json records (crates/postguard/src/model/tokenizer_check.rs
# has the same constant): mixed case, accents, digits, punctuation, an emoji, a hashtag, a handle.
FINGERPRINT_TEXT = "YOU are a Pathetic LOSER... Café naïve 2024 😊 #help @Someone"


def tokenizer_record(path: Path) -> dict:
    """postguard.json's "tokenizer" entry for the tokenizer.json at `path`, which the engine checks
    at load: sha256 of the vocabulary (every token, added ones included, sorted by id then token,
    each followed by a newline, UTF-8) and the ids of FINGERPRINT_TEXT with special tokens."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    vocab = sorted((i, t) for t, i in tok.get_vocab(with_added_tokens=True).items())
    text = "".join(t + "\n" for _, t in vocab)
    return dict(
        vocab_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        fingerprint_text=FINGERPRINT_TEXT,
        fingerprint_ids=tok.encode(FINGERPRINT_TEXT, add_special_tokens=True).ids,
    )


def write_tokenizer(out: Path):
    """tokenizer.json of the base model with its fixed 128-token truncation/padding removed (the
    engine windows long posts itself), plus the small files transformers' AutoTokenizer wants."""
    snap = pg.snapshot_dir()
    tj = json.loads((snap / "tokenizer.json").read_text(encoding="utf-8"))
    tj["truncation"] = None
    tj["padding"] = None
    (out / "tokenizer.json").write_text(json.dumps(tj, ensure_ascii=False), encoding="utf-8")
    for name in ("tokenizer_config.json", "special_tokens_map.json", "vocab.txt"):
        if (snap / name).exists():
            shutil.copy(snap / name, out / name)


def main():
    from transformers import BertForSequenceClassification

    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True, help="directory written by train.py")
    ap.add_argument("--out", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--version", default="1.1.0")
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--stride", type=int, default=64)
    ap.add_argument("--dtype", choices=["f16", "f32"], default="f16")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--scores-out", help="save val scores (.npy) here")
    ap.add_argument("--scores-in", help="reuse val scores (.npy) saved by an earlier run on the same ckpt")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)

    model = BertForSequenceClassification.from_pretrained(args.ckpt, dtype=torch.float32)
    if args.dtype == "f16":
        with torch.no_grad():
            for p in model.parameters():
                p.copy_(p.half().float())
    model.eval()

    val = pg.load_jsonl(pg.DATA_DIR / "val.jsonl")
    tok = pg.load_tokenizer()
    t0 = time.time()
    if args.scores_in:
        scores = np.load(args.scores_in)
    else:
        scores = pg.score_records(model, tok, val, args.max_tokens, args.stride, log=print)
        print(f"scored val ({len(val)} posts) in {time.time()-t0:.0f}s")
    if args.scores_out:
        np.save(args.scores_out, scores)

    y, m = pg.label_matrix(val)
    thresholds, calib = {}, {}
    for j, lab in enumerate(pg.LABELS):
        k = m[:, j] == 1
        t, note = pg.choose_threshold(lab, y[k, j], scores[k, j])
        p, r, f = pg.prf_at(y[k, j], scores[k, j], t)
        thresholds[lab] = t
        calib[lab] = dict(threshold=t, rule=note, precision=p, recall=r, f1=f, auprc=pg.auprc(y[k, j], scores[k, j]))
        print(f"{lab:15s} t={t:.4f} P={p:.3f} R={r:.3f} F1={f:.3f} ({note})")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    if args.dtype == "f16":
        model = model.half()
    model.config.id2label = {i: l for i, l in enumerate(pg.LABELS)}
    model.config.label2id = {l: i for i, l in enumerate(pg.LABELS)}
    model.config.problem_type = "multi_label_classification"
    model.config.architectures = ["BertForSequenceClassification"]
    model.save_pretrained(out, safe_serialization=True)
    # transformers would otherwise load the F16 weights as F16; CPU inference wants F32
    cfg = json.loads((out / "config.json").read_text())
    cfg["dtype"] = "float32"
    (out / "config.json").write_text(json.dumps(cfg, indent=2) + "\n")
    write_tokenizer(out)
    pgj = dict(
        name=args.name,
        version=args.version,
        base_model="sentence-transformers/all-MiniLM-L6-v2",
        max_tokens=args.max_tokens,
        stride=args.stride,
        thresholds=thresholds,
        tokenizer=tokenizer_record(out / "tokenizer.json"),
        # The training data is English (../shared/data); the engine treats a post confidently in
        # another language as unsupported (its scores do not flag on their own).
        languages=["en"],
    )
    (out / "postguard.json").write_text(json.dumps(pgj, indent=2) + "\n")
    ans = pg.therapist_answers(val)
    calib_doc = dict(
        calibrated_on="val.jsonl (all sources, null labels masked)",
        weights_sha256=sha256(out / "model.safetensors"),
        counsel_chat_answers_any_flag_rate=pg.any_flag_rate(scores, thresholds, ans),
        counsel_chat_answers_n=len(ans),
        labels=calib,
    )
    (out / "calibration.json").write_text(json.dumps(calib_doc, indent=2) + "\n")
    total = sum(f.stat().st_size for f in out.iterdir())
    print(json.dumps(pgj, indent=2))
    print(f"therapist answers with any label flagged: {calib_doc['counsel_chat_answers_any_flag_rate']:.4f} of {len(ans)}")
    print(f"sha256 model.safetensors {calib_doc['weights_sha256']}")
    print(f"total size {total/1e6:.1f} MB: " + ", ".join(f"{f.name} {f.stat().st_size}" for f in sorted(out.iterdir())))


if __name__ == "__main__":
    main()
