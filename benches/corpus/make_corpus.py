"""Regenerates benches/corpus/posts.jsonl: 2,000 posts sampled deterministically from
/work/shared/data/train.jsonl (or the path given), only from permissively licensed sources.

    python benches/corpus/make_corpus.py [/path/to/train.jsonl]

Selection: within each source, records are ordered by sha256(id) and the first QUOTA[source]
are kept; the output is ordered by sha256(id) too, so sources are interleaved. No randomness,
no dependency beyond the standard library.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

# source -> (posts kept, license as stated in the data's SOURCES.md)
QUOTA = {
    "goemotions": (900, "Apache-2.0"),  # Reddit comments
    "davidson-hate-offensive": (450, "MIT"),  # tweets
    "diasafety": (450, "Apache-2.0"),  # chatbot replies with the user's turn as context
    "counsel-chat": (200, "MIT"),  # long forum questions and therapist answers
}


def key(record: dict) -> str:
    return hashlib.sha256(record["id"].encode("utf-8")).hexdigest()


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/train.jsonl")
    by_source: dict[str, list[dict]] = {s: [] for s in QUOTA}
    with src.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["source"] in by_source:
                by_source[r["source"]].append(r)
    out = []
    for source, (n, _) in QUOTA.items():
        rows = sorted(by_source[source], key=key)[:n]
        out.extend({"id": r["id"], "source": source, "text": r["text"], "context": r["context"]} for r in rows)
    out.sort(key=key)
    dest = Path(__file__).with_name("posts.jsonl")
    with dest.open("w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} posts to {dest}")


if __name__ == "__main__":
    main()
