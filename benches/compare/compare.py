"""postguard vs PyTorch vs ONNX Runtime (fp32, dynamic int8) on one machine, one corpus, one model.

    cargo build --release -p postguard-benches --bin pg-throughput -p postguard-cli
    python benches/compare/compare.py [--model models/postguard-default] [--threads 2] [--repeat 3]

Every engine scores the same posts (benches/corpus/posts.jsonl) with the same weights and the
same windows (max_tokens / stride from postguard.json; context as the first segment, cut to a
quarter of the window; posts longer than a window scored over overlapping windows, max per label),
with the same number of threads. Each figure is the best of --repeat timed passes over the whole
corpus, tokenization included, after a warm-up. Baselines run at batch 1 (one window per call, no
padding) and batch 32 (windows sorted by length, then batched: the least padding a batch can have).
postguard is timed in-process (pg-throughput: classify_batch = tokenize + model + rules + fusion,
all posts in one call) and as the CLI (`postguard score`, process start and model load included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benches" / "corpus" / "posts.jsonl"


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Windows:
    """The engine's windowing (crates/postguard/src/model/encode.rs), for the Python baselines."""

    def __init__(self, model_dir: Path):
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()
        settings = json.loads((model_dir / "postguard.json").read_text())
        self.max_tokens = int(settings.get("max_tokens", 256))
        self.stride = int(settings.get("stride", 64))
        self.cls = self.tok.token_to_id("[CLS]")
        self.sep = self.tok.token_to_id("[SEP]")

    def encode(self, posts: list[dict]) -> list[tuple[int, list[int], list[int]]]:
        """(post index, ids, type_ids) for every window of every post."""
        texts = self.tok.encode_batch([p["text"] for p in posts], add_special_tokens=False)
        ctx_idx = [i for i, p in enumerate(posts) if p.get("context")]
        ctxs = dict(zip(ctx_idx, self.tok.encode_batch([posts[i]["context"] for i in ctx_idx], add_special_tokens=False)))
        out = []
        for i, enc in enumerate(texts):
            txt = enc.ids
            ctx = ctxs[i].ids[: self.max_tokens // 4] if i in ctxs else None
            if ctx is not None and not ctx:
                ctx = None
            budget = max(1, self.max_tokens - (3 + len(ctx) if ctx is not None else 2))
            stride = min(self.stride, budget // 2)
            start = 0
            while True:
                part = txt[start : start + budget]
                if ctx is None:
                    ids = [self.cls] + part + [self.sep]
                    tt = [0] * len(ids)
                else:
                    a = [self.cls] + ctx + [self.sep]
                    ids = a + part + [self.sep]
                    tt = [0] * len(a) + [1] * (len(part) + 1)
                out.append((i, ids, tt))
                if start + budget >= len(txt):
                    break
                start += budget - stride
        return out


def batches(windows, batch: int):
    if batch == 1:
        for w in windows:
            yield [w]
        return
    order = sorted(windows, key=lambda w: len(w[1]))
    for s in range(0, len(order), batch):
        yield order[s : s + batch]


def padded(batch):
    import numpy as np

    n, L = len(batch), max(len(w[1]) for w in batch)
    ids = np.zeros((n, L), dtype=np.int64)
    tt = np.zeros((n, L), dtype=np.int64)
    am = np.zeros((n, L), dtype=np.int64)
    for r, (_, a, b) in enumerate(batch):
        ids[r, : len(a)] = a
        tt[r, : len(b)] = b
        am[r, : len(a)] = 1
    return ids, tt, am


def score_all(run_batch, windower: Windows, posts, batch: int):
    import numpy as np

    scores = np.zeros((len(posts), 4), dtype=np.float32)
    wins = windower.encode(posts)
    for b in batches(wins, batch):
        probs = run_batch(*padded(b))
        for (i, _, _), p in zip(b, probs):
            scores[i] = np.maximum(scores[i], p)
    return scores


def timed(fn, posts, repeat: int) -> float:
    fn(posts[:64])  # warm-up
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(posts)
        best = min(best, time.perf_counter() - t0)
    return len(posts) / best


def torch_runner(model_dir: Path, threads: int):
    import torch
    from transformers import BertForSequenceClassification

    torch.set_num_threads(threads)
    model = BertForSequenceClassification.from_pretrained(model_dir, dtype=torch.float32).eval()

    def run(ids, tt, am):
        with torch.inference_mode():
            logits = model(
                input_ids=torch.from_numpy(ids), token_type_ids=torch.from_numpy(tt), attention_mask=torch.from_numpy(am)
            ).logits
        return torch.sigmoid(logits).numpy()

    return model, run


def export_onnx(model, out_dir: Path) -> tuple[Path, Path]:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    fp32 = out_dir / "model.onnx"
    int8 = out_dir / "model.int8.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)
    dyn = {"input_ids": {0: "batch", 1: "seq"}, "token_type_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}, "logits": {0: "batch"}}
    torch.onnx.export(
        model,
        (ids, torch.zeros_like(ids), torch.ones_like(ids)),
        str(fp32),
        input_names=["input_ids", "token_type_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes=dyn,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def ort_runner(path: Path, threads: int):
    import numpy as np
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def run(ids, tt, am):
        (logits,) = sess.run(["logits"], {"input_ids": ids, "token_type_ids": tt, "attention_mask": am})
        return 1.0 / (1.0 + np.exp(-logits))

    return run


def postguard_inprocess(model_dir: Path, corpus: Path, threads: int, repeat: int, precision: str, kernel: str | None = None) -> dict:
    exe = ROOT / "target" / "release" / "pg-throughput"
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    if kernel:
        env["POSTGUARD_ISA"] = kernel
    out = subprocess.run(
        [str(exe), "--model", str(model_dir), "--corpus", str(corpus), "--repeat", str(repeat), "--precision", precision],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(out.stdout)


def postguard_cli(model_dir: Path, corpus: Path, threads: int, repeat: int) -> float:
    exe = ROOT / "target" / "release" / "postguard"
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "--model", str(model_dir), "score", str(corpus), "-o", os.devnull], check=True, env=env, capture_output=True)
        best = min(best, time.perf_counter() - t0)
    return n / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "postguard-default")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-torch", action="store_true", help="time PyTorch? (it is still used to export ONNX)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--limit", type=int, help="only the first N posts (a quick check of the script)")
    ap.add_argument("--skip-postguard", action="store_true", help="baselines only (a quick check of the script)")
    ap.add_argument(
        "--kernels",
        default="",
        help="also time these int8 kernels, comma-separated (POSTGUARD_ISA names: avx512,avxvnni,avx2,neon-dotprod,portable)",
    )
    args = ap.parse_args()

    if args.limit:
        limited = Path(tempfile.mkdtemp()) / "posts.jsonl"
        limited.write_text("".join(args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)[: args.limit]), encoding="utf-8")
        args.corpus = limited
    posts = load_corpus(args.corpus)
    windower = Windows(args.model)
    n_windows = len(windower.encode(posts))
    rows: list[tuple[str, float]] = []

    def report(name: str, posts_per_s: float) -> None:
        rows.append((name, posts_per_s))
        print(f"  {name:<44} {posts_per_s:8.1f} posts/s", flush=True)

    print(f"corpus {args.corpus} ({len(posts)} posts, {n_windows} windows), model {args.model}, {args.threads} threads")
    pg = {"posts_per_s": float("nan"), "cold_start_s": float("nan")}
    if not args.skip_postguard:
        # Precision::Auto (the default): int8 with the best kernel the CPU has, f32 where it has none.
        pg = postguard_inprocess(args.model, args.corpus, args.threads, args.repeat, "auto")
        report(f"postguard classify_batch (default = {pg.get('precision', 'auto')}, in-process)", pg["posts_per_s"])
        pg32 = postguard_inprocess(args.model, args.corpus, args.threads, 1, "f32")
        report("postguard classify_batch (f32 reference, in-process)", pg32["posts_per_s"])
        for kernel in filter(None, args.kernels.split(",")):
            pk = postguard_inprocess(args.model, args.corpus, args.threads, args.repeat, "int8", kernel)
            report(f"postguard classify_batch ({pk['precision']}, forced)", pk["posts_per_s"])
        if (ROOT / "target" / "release" / "postguard").exists():
            report("postguard CLI score (process + load incl.)", postguard_cli(args.model, args.corpus, args.threads, args.repeat))

    model, torch_run = torch_runner(args.model, args.threads)
    if not args.skip_torch:
        for b in (1, 32):
            report(f"PyTorch fp32 batch {b}", timed(lambda p: score_all(torch_run, windower, p, b), posts, args.repeat))
    with tempfile.TemporaryDirectory() as tmp:
        fp32, int8 = export_onnx(model, Path(tmp))
        for label, path in (("ONNX Runtime fp32", fp32), ("ONNX Runtime int8 (dynamic)", int8)):
            run = ort_runner(path, args.threads)
            for b in (1, 32):
                report(f"{label} batch {b}", timed(lambda p: score_all(run, windower, p, b), posts, args.repeat))

    best_int8 = max(v for k, v in rows if k.startswith("ONNX Runtime int8"))
    ratio = pg["posts_per_s"] / best_int8
    print(f"\npostguard default (rules + model) / best ONNX Runtime int8 = {pg['posts_per_s']:.1f} / {best_int8:.1f} = {ratio:.2f}x")
    if not args.skip_postguard:
        print(f"postguard f32 reference / best ONNX Runtime int8 = {pg32['posts_per_s'] / best_int8:.2f}x")
        for name, v in rows:
            if name.endswith(", forced)"):
                print(f"{name}: {v / pg32['posts_per_s']:.2f}x f32, {v / best_int8:.2f}x best ONNX Runtime int8, default / this = {pg['posts_per_s'] / v:.2f}")
    print(f"postguard cold start (load + first post, in-process): {pg['cold_start_s'] * 1000:.0f} ms")
    if pg.get("peak_rss_mb") is not None:
        print(f"postguard peak RSS (in-process, whole corpus): {pg['peak_rss_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "ratio_vs_best_ort_int8": ratio, "postguard": pg}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
