"""PySpark integration in local mode (local[2]).

Without a JVM or pyspark these tests FAIL, saying what to install: a whole backend is never
skipped silently. POSTGUARD_SKIP_SPARK=1 skips them knowingly (the skip is then reported).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from conftest import ATOL
from postguard import Classifier

pytestmark = pytest.mark.spark

_SKIP = os.environ.get("POSTGUARD_SKIP_SPARK")
if _SKIP:
    pytest.skip("POSTGUARD_SKIP_SPARK is set", allow_module_level=True)
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    raise RuntimeError(
        "the Spark tests need a Java runtime and none is installed: "
        "apt-get install -y default-jre-headless (or set POSTGUARD_SKIP_SPARK=1 to skip them knowingly)"
    )
try:
    import pyspark  # noqa: F401
except ImportError as e:  # pragma: no cover - run_tests.sh installs it
    raise RuntimeError(
        "the Spark tests need pyspark: pip install pyspark (or set POSTGUARD_SKIP_SPARK=1 to skip them knowingly)"
    ) from e

from postguard.spark import score_spark_df  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TEXTS = [
    "you are a pathetic loser and nobody likes you",
    "vaccines cause autism",
    "drink bleach to cure the flu",
    "i want to die",
    "have a great day",
    "the claim that 5g spreads viruses is false",
    "ok",
    "Ünïcödé 🙂 kys",
] * 5


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Executors' Python workers must be this interpreter (it has postguard installed).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("postguard-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _frame() -> pd.DataFrame:
    ctx = [None if i % 3 else "what do you think?" for i in range(len(TEXTS))]
    return pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS, "parent": ctx})


def test_score_spark_df_matches_local(spark, clf: Classifier) -> None:
    pdf = _frame()
    sdf = spark.createDataFrame(pdf).repartition(3)
    scored = score_spark_df(sdf, "text", context_col="parent", classifier=clf)
    assert scored.columns == ["id", "text", "parent", *clf.labels, "flagged", "language"]
    types = dict(scored.dtypes)
    assert all(types[label] == "float" for label in clf.labels)
    assert types["flagged"] == "array<string>"
    got = scored.toPandas().sort_values("id").reset_index(drop=True)
    want = clf.score_frame(pdf, "text", "parent")
    for label in clf.labels:
        assert got[label].astype("float32").tolist() == pytest.approx(want[label].tolist(), abs=ATOL)
    assert [list(x) for x in got["flagged"]] == want["flagged"].tolist()
    assert got["language"].tolist() == want["language"].tolist()


def test_score_spark_df_default_classifier(spark) -> None:
    import postguard

    if not postguard.has_bundled_model():
        pytest.skip("this build has no bundled model")
    sdf = spark.createDataFrame(_frame())
    out = score_spark_df(sdf, "text").select("flagged").collect()
    assert len(out) == len(TEXTS)


def test_score_spark_df_errors(spark, clf: Classifier) -> None:
    sdf = spark.createDataFrame(_frame())
    with pytest.raises(ValueError, match="column"):
        score_spark_df(sdf, "body", classifier=clf)
    with pytest.raises(ValueError, match="kind"):
        score_spark_df(sdf, "text", classifier=clf, kind="bogus")
    clash = sdf.withColumnRenamed("parent", "crisis")
    with pytest.raises(ValueError, match="crisis"):
        score_spark_df(clash, "text", classifier=clf)


def test_example_script(spark, clf: Classifier, tmp_path, tiny_dir: str) -> None:
    """The example script scores a JSONL file into Parquet (in its own Spark session)."""
    src = tmp_path / "posts.jsonl"
    _frame().to_json(src, orient="records", lines=True)
    dst = tmp_path / "scored.parquet"
    script = os.path.join(HERE, "..", "examples", "score_spark.py")
    cmd = [sys.executable, script, str(src), str(dst), "--text-col", "text", "--context-col", "parent",
           "--master", "local[2]"]
    import postguard

    if not postguard.has_bundled_model():
        cmd += ["--model", tiny_dir]
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-4000:]
    out = pd.read_parquet(dst).sort_values("id").reset_index(drop=True)
    assert len(out) == len(TEXTS)
    ref_clf = clf if postguard.has_bundled_model() else Classifier.from_dir(tiny_dir)
    want = ref_clf.score_frame(_frame(), "text", "parent")
    for label in ref_clf.labels:
        assert out[label].astype("float32").tolist() == pytest.approx(want[label].tolist(), abs=ATOL)


def test_spark_redacted_column(spark, tiny_clf: Classifier) -> None:
    sdf = spark.createDataFrame(pd.DataFrame({"id": ["1", "2"], "text": ["text me at 07911 123456", "hello"]}))
    rows = score_spark_df(sdf, "text", classifier=tiny_clf, redacted_col="redacted").orderBy("id").collect()
    assert [r["redacted"] for r in rows] == ["text me at [PHONE]", "hello"]
    assert "privacy" in rows[0].asDict()
