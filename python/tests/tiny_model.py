"""Write a tiny random BERT model directory in the layout postguard loads.

Used by the tests that need a model directory (``from_dir``, hub cache) and as
a fallback when the package was built without the bundled model.  The files
follow the Hugging Face BertForSequenceClassification layout described in the
design contract; the safetensors file is written by hand (8-byte little-endian
header length, JSON header, raw little-endian tensor data), so no extra Python
dependency is needed.
"""

from __future__ import annotations

import json
import os
import struct
import string
from typing import Dict

import numpy as np

import postguard

# The taxonomy the extension was built with, so that a build with another label set gets a tiny
# model with that many heads.
LABELS = list(postguard.LABELS)

HIDDEN = 32
LAYERS = 2
HEADS = 2
INTERMEDIATE = 64
MAX_POSITIONS = 64

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = [
    "you", "are", "a", "the", "i", "want", "to", "die", "kill", "yourself", "vaccines",
    "cause", "autism", "drink", "bleach", "nobody", "likes", "loser", "idiot", "hello",
    "world", "great", "day", "friend", "help", "me", "not", "ok", "is", "it", "and",
]


def _vocab() -> Dict[str, int]:
    tokens = list(SPECIAL)
    tokens += WORDS
    chars = list(string.ascii_lowercase + string.digits + string.punctuation)
    tokens += chars
    tokens += ["##" + c for c in string.ascii_lowercase + string.digits]
    seen: Dict[str, int] = {}
    for t in tokens:
        seen.setdefault(t, len(seen))
    return seen


def _tokenizer_json(vocab: Dict[str, int]) -> dict:
    def special(tok: str) -> dict:
        return {
            "id": vocab[tok], "content": tok, "single_word": False, "lstrip": False,
            "rstrip": False, "normalized": False, "special": True,
        }

    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special(t) for t in SPECIAL],
        "normalizer": {
            "type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
            "strip_accents": None, "lowercase": True,
        },
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [cls], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [sep], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {
            "type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
            "max_input_chars_per_word": 100, "vocab": vocab,
        },
    }


def _config(vocab_size: int) -> dict:
    return {
        "architectures": ["BertForSequenceClassification"],
        "model_type": "bert",
        "vocab_size": vocab_size,
        "hidden_size": HIDDEN,
        "num_hidden_layers": LAYERS,
        "num_attention_heads": HEADS,
        "intermediate_size": INTERMEDIATE,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": MAX_POSITIONS,
        "type_vocab_size": 2,
        "initializer_range": 0.02,
        "layer_norm_eps": 1e-12,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "id2label": {str(i): name for i, name in enumerate(LABELS)},
        "label2id": {name: i for i, name in enumerate(LABELS)},
        "problem_type": "multi_label_classification",
    }


def _tensors(vocab_size: int, seed: int) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)

    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    t: Dict[str, np.ndarray] = {
        "bert.embeddings.word_embeddings.weight": w(vocab_size, HIDDEN),
        "bert.embeddings.position_embeddings.weight": w(MAX_POSITIONS, HIDDEN),
        "bert.embeddings.token_type_embeddings.weight": w(2, HIDDEN),
        "bert.embeddings.LayerNorm.weight": np.ones(HIDDEN, np.float32),
        "bert.embeddings.LayerNorm.bias": np.zeros(HIDDEN, np.float32),
    }
    for i in range(LAYERS):
        p = f"bert.encoder.layer.{i}."
        for name in ("query", "key", "value"):
            t[p + f"attention.self.{name}.weight"] = w(HIDDEN, HIDDEN)
            t[p + f"attention.self.{name}.bias"] = w(HIDDEN)
        t[p + "attention.output.dense.weight"] = w(HIDDEN, HIDDEN)
        t[p + "attention.output.dense.bias"] = w(HIDDEN)
        t[p + "attention.output.LayerNorm.weight"] = np.ones(HIDDEN, np.float32)
        t[p + "attention.output.LayerNorm.bias"] = np.zeros(HIDDEN, np.float32)
        t[p + "intermediate.dense.weight"] = w(INTERMEDIATE, HIDDEN)
        t[p + "intermediate.dense.bias"] = w(INTERMEDIATE)
        t[p + "output.dense.weight"] = w(HIDDEN, INTERMEDIATE)
        t[p + "output.dense.bias"] = w(HIDDEN)
        t[p + "output.LayerNorm.weight"] = np.ones(HIDDEN, np.float32)
        t[p + "output.LayerNorm.bias"] = np.zeros(HIDDEN, np.float32)
    t["bert.pooler.dense.weight"] = w(HIDDEN, HIDDEN)
    t["bert.pooler.dense.bias"] = w(HIDDEN)
    t["classifier.weight"] = w(len(LABELS), HIDDEN)
    t["classifier.bias"] = w(len(LABELS))
    return t


def write_safetensors(path: str, tensors: Dict[str, np.ndarray]) -> None:
    """Minimal safetensors writer (F32 only)."""
    header: Dict[str, dict] = {"__metadata__": {"format": "pt"}}  # type: ignore[dict-item]
    offset = 0
    blobs = []
    for name in sorted(tensors):
        arr = np.ascontiguousarray(tensors[name], dtype="<f4")
        data = arr.tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)  # keep the data 8-byte aligned, as the reference writer does
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)


def write_tiny_model(path: str, seed: int = 0, name: str = "tiny-random") -> str:
    """Create ``path`` (if needed) and write a tiny random model into it; return ``path``."""
    os.makedirs(path, exist_ok=True)
    vocab = _vocab()
    with open(os.path.join(path, "config.json"), "w") as f:
        json.dump(_config(len(vocab)), f, indent=2)
    with open(os.path.join(path, "tokenizer.json"), "w") as f:
        json.dump(_tokenizer_json(vocab), f)
    with open(os.path.join(path, "postguard.json"), "w") as f:
        json.dump(
            {
                "name": name,
                "version": "0.0.1",
                "base_model": "random",
                "max_tokens": 32,
                "stride": 8,
                "thresholds": {label: 0.5 for label in LABELS},
            },
            f,
            indent=2,
        )
    write_safetensors(os.path.join(path, "model.safetensors"), _tensors(len(vocab), seed))
    return path
