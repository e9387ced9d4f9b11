"""Uniform weight average ("model soup", Wortsman et al. 2022) of fine-tuned checkpoints that
share one initialisation (same base snapshot, same seed for the new classifier layer), written as
a new HF BertForSequenceClassification checkpoint that export.py takes like any other.

    python models/soup.py --out models/work/soup-v2v3 models/work/l6v2/final models/work/l6v3/final

Every checkpoint must have the same config and the same tensor names and shapes; the config,
and any non-weight files, are taken from the first one.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("ckpts", nargs="+", help="checkpoint directories (model.safetensors + config.json)")
    ap.add_argument("--weights", help="comma-separated weights, one per checkpoint, summing to 1 (default: uniform)")
    args = ap.parse_args()
    if len(args.ckpts) < 2:
        ap.error("need at least two checkpoints")
    if args.weights:
        weights = [float(w) for w in args.weights.split(",")]
        if len(weights) != len(args.ckpts) or abs(sum(weights) - 1.0) > 1e-6 or min(weights) <= 0:
            ap.error(f"--weights: {len(args.ckpts)} positive weights summing to 1 expected, got {args.weights}")
    else:
        weights = [1.0 / len(args.ckpts)] * len(args.ckpts)

    dirs = [Path(c) for c in args.ckpts]
    configs = [json.loads((d / "config.json").read_text()) for d in dirs]
    arch = {k: configs[0].get(k) for k in ("num_hidden_layers", "hidden_size", "num_labels", "vocab_size")}
    for d, c in zip(dirs[1:], configs[1:]):
        other = {k: c.get(k) for k in arch}
        if other != arch:
            raise SystemExit(f"{d}: config {other} differs from {dirs[0]}: {arch}")

    total: dict[str, torch.Tensor] = {}
    for d, w in zip(dirs, weights):
        sd = load_file(str(d / "model.safetensors"))
        if total and set(sd) != set(total):
            raise SystemExit(f"{d}: tensor names differ from {dirs[0]} ({sorted(set(sd) ^ set(total))[:5]} ...)")
        for k, v in sd.items():
            if k in total and total[k].shape != v.shape:
                raise SystemExit(f"{d}: tensor {k} has shape {tuple(v.shape)}, {dirs[0]} has {tuple(total[k].shape)}")
            total[k] = total[k] + w * v.double() if k in total else w * v.double()
    dtype = {k: v.dtype for k, v in load_file(str(dirs[0] / "model.safetensors")).items()}
    avg = {k: v.to(dtype[k]).contiguous() for k, v in total.items()}

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in dirs[0].iterdir():
        if f.is_file() and f.name != "model.safetensors":
            shutil.copy(f, out / f.name)
    save_file(avg, str(out / "model.safetensors"), metadata={"format": "pt"})
    (out / "soup.json").write_text(json.dumps({"ingredients": [str(d) for d in dirs], "weights": weights}, indent=2))
    print(f"averaged {len(avg)} tensors of {len(dirs)} checkpoints into {out}")


if __name__ == "__main__":
    main()
