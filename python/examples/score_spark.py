#!/usr/bin/env python3
"""Score a JSONL or Parquet dataset of posts with postguard on Apache Spark.

    python python/examples/score_spark.py posts.jsonl scored.parquet \
        --text-col text [--context-col parent_text] [--model DIR] [--master local[*]]

Input: JSON Lines (``.jsonl``/``.json``, one object per line) or Parquet (a file
or a directory).  Output: Parquet with the input columns plus one float column
per label (fused scores) and ``flagged`` (array of flagged label names).
It prints a per-label count of flagged rows at the end.

On a cluster, submit it with spark-submit (``--master yarn`` or ``k8s://...``);
every executor needs ``postguard`` installed in its Python, and a ``--model``
directory must exist at the same path on every node (the bundled model needs
nothing).  One classifier is loaded per executor Python worker.
"""

from __future__ import annotations

import argparse
import sys
import time


def main(argv: "list[str] | None" = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("input", help="JSONL file/dir or Parquet file/dir")
    p.add_argument("output", help="Parquet output directory")
    p.add_argument("--text-col", default="text")
    p.add_argument("--context-col", default=None)
    p.add_argument("--model", default=None, help="model directory (default: the bundled model)")
    p.add_argument("--kind", default="fused", choices=["fused", "model", "rules"])
    p.add_argument("--master", default=None, help="Spark master, e.g. local[*] (default: from spark-submit)")
    p.add_argument("--partitions", type=int, default=None, help="repartition the input first")
    p.add_argument(
        "--redact",
        action="store_true",
        help="write the text column redacted (personal information replaced by [PHONE], [EMAIL], ...)",
    )
    args = p.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import postguard
    from postguard.spark import score_spark_df

    builder = SparkSession.builder.appName("postguard-score")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        fmt = "parquet" if args.input.rstrip("/").endswith(".parquet") else "json"
        df = spark.read.format(fmt).load(args.input)
        if args.partitions:
            df = df.repartition(args.partitions)
        clf = postguard.Classifier.from_dir(args.model) if args.model else postguard.Classifier()
        t0 = time.perf_counter()
        scored = score_spark_df(
            df, args.text_col, args.context_col, classifier=clf, kind=args.kind,
            redacted_col="redacted" if args.redact else None,
        )
        if args.redact:
            # The shared file keeps only the redacted text.
            scored = scored.withColumn(args.text_col, F.col("redacted")).drop("redacted")
        scored.write.mode("overwrite").parquet(args.output)
        elapsed = time.perf_counter() - t0
        written = spark.read.parquet(args.output)
        n = written.count()
        counts = written.select(
            [F.sum(F.array_contains("flagged", label).cast("int")).alias(label) for label in clf.labels]
        ).first()
        print(f"scored {n} posts in {elapsed:.1f}s ({n / max(elapsed, 1e-9):.0f} posts/s) with "
              f"{clf.model_info.name} {clf.model_info.version} -> {args.output}")
        for label in clf.labels:
            print(f"  {label:15s} flagged {counts[label] or 0}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
