"""Score Spark DataFrames with postguard, one classifier per executor process.

>>> from postguard.spark import score_spark_df
>>> scored = score_spark_df(df, "text", context_col="parent_text")   # doctest: +SKIP
>>> scored.filter("size(flagged) > 0").show()                           # doctest: +SKIP

How it scales: the work runs in ``DataFrame.mapInPandas``.  Each Python worker
of each executor loads the classifier once (the ``Classifier`` is shipped to
executors as a small recipe — model source and options — and unpickling it
reuses the process-wide instance), then scores every Arrow batch of its
partitions with one Rust call per batch, using all the worker's cores.
Give the executors Python workers with ``postguard`` installed (``pip install``
on every node, or ship a wheel / packed environment with ``--archives``).

Cores: postguard parallelises inside each call, so run about one Python worker
per executor (``spark.executor.cores`` tasks share the CPU); with many
concurrent tasks per executor, cap threads per worker with ``RAYON_NUM_THREADS``
in ``spark.executorEnv.RAYON_NUM_THREADS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, List, Optional

from ._classifier import SCORE_KINDS, Classifier

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame

__all__ = ["score_spark_df", "output_schema"]

#: Name of the array<string> column holding each row's flagged labels.
FLAGGED_COL = "flagged"
#: Name of the string column holding each row's language code (``"und"`` when undetermined).
LANGUAGE_COL = "language"


def output_schema(
    df: "DataFrame",
    labels: List[str],
    flagged_col: str = FLAGGED_COL,
    redacted_col: Optional[str] = None,
    language_col: str = LANGUAGE_COL,
) -> Any:
    """The input schema plus one float column per label, an array<string> flagged column, a
    string language column and, when ``redacted_col`` is given, a string column of the redacted
    texts."""
    from pyspark.sql.types import ArrayType, FloatType, StringType, StructField, StructType

    fields = list(df.schema.fields)
    names = {f.name for f in fields}
    for col in [*labels, flagged_col, language_col, *([redacted_col] if redacted_col else [])]:
        if col in names:
            raise ValueError(f"input already has a column named {col!r}; rename it before scoring")
    fields += [StructField(label, FloatType(), nullable=False) for label in labels]
    fields.append(StructField(flagged_col, ArrayType(StringType(), containsNull=False), nullable=False))
    fields.append(StructField(language_col, StringType(), nullable=False))
    if redacted_col:
        fields.append(StructField(redacted_col, StringType(), nullable=False))
    return StructType(fields)


def score_spark_df(
    df: "DataFrame",
    text_col: str,
    context_col: Optional[str] = None,
    *,
    classifier: Optional[Classifier] = None,
    kind: str = "fused",
    flagged_col: str = FLAGGED_COL,
    redacted_col: Optional[str] = None,
    language_col: str = LANGUAGE_COL,
) -> "DataFrame":
    """Add postguard scores to a Spark DataFrame.

    Returns ``df`` with one ``float`` column per label (``kind`` scores:
    ``"fused"`` by default) and an ``array<string>`` column ``flagged`` listing
    the flagged labels of each row, and a string column ``language`` with each text's
    language code (``"und"`` when undetermined).  Rows keep their other columns.  A null
    ``text_col`` value fails the job with ``ValueError``; a null context means
    "no context".

    With ``redacted_col`` (e.g. ``"redacted"``), a string column holds each text with its
    personal information replaced by placeholders (``[PHONE]``, ``[EMAIL]``, ...), so the
    original column can be dropped before the data is shared.

    ``classifier`` defaults to the bundled model (``Classifier()``); pass
    ``Classifier.from_dir(path)`` for another model — the path must exist on
    every executor (or use ``from_hub`` with a cache directory they share).
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, one of {SCORE_KINDS}, got {type(kind).__name__}")
    if kind not in SCORE_KINDS:
        raise ValueError(f"kind must be one of {SCORE_KINDS}, got {kind!r}")
    if not isinstance(text_col, str):
        raise TypeError(f"text_col must be a column name (str), got {type(text_col).__name__}")
    if context_col is not None and not isinstance(context_col, str):
        raise TypeError(f"context_col must be a column name (str) or None, got {type(context_col).__name__}")
    columns = df.columns
    for col in (text_col, context_col):
        if col is not None and col not in columns:
            raise ValueError(f"column {col!r} not found; columns are {columns}")
    clf = classifier if classifier is not None else Classifier()
    labels = clf.labels
    schema = output_schema(df, labels, flagged_col, redacted_col, language_col)

    def score_batches(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        # `clf` arrives pickled as a recipe; unpickling it in the worker reuses
        # the classifier that process already loaded (see Classifier.__reduce__).
        for pdf in batches:
            scored = clf.score_frame(pdf, text_col, context_col, kind=kind, redact=redacted_col is not None)
            out = pdf.copy()
            for label in labels:
                out[label] = scored[label].to_numpy()
            out[flagged_col] = scored["flagged"].to_numpy()
            out[language_col] = scored["language"].to_numpy()
            if redacted_col is not None:
                out[redacted_col] = scored["redacted"].to_numpy()
            yield out

    return df.mapInPandas(score_batches, schema=schema)
