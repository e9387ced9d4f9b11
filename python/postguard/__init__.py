"""postguard: label social-media posts and route crisis posts to help.

>>> import postguard
>>> clf = postguard.Classifier()                 # the model bundled in the package
>>> v = clf.classify("you are pathetic, nobody likes you")
>>> v.violations, v.scores["bullying"]           # doctest: +SKIP
(['bullying'], 0.97)

Labels: ``bullying``, ``misinformation``, ``unsafe_advice`` (violations) and
``crisis`` (the author may be at risk of suicide or self-harm; never a
violation: the verdict carries help resources instead). :data:`LABELS` and
:data:`VIOLATION_LABELS` come from the extension, i.e. from the taxonomy the
engine was built with.

Batch APIs: :meth:`Classifier.classify_batch`, :meth:`Classifier.scores`
(numpy), :meth:`Classifier.score_frame` (pandas / pyarrow) and
:func:`postguard.spark.score_spark_df` (PySpark).
"""

import os as _os

# Fork safety: candle keeps a process-global pool of worker threads for large
# element-wise ops (BarrierPool, sized from CANDLE_NUM_THREADS when first used).
# A forked child inherits the pool but not its threads and would wait forever
# on its first forward pass.  With one thread that pool runs work inline; the
# matmuls still use every core through rayon, which the extension re-creates
# per process.  Measured: no throughput loss on the bundled model (31.6 vs
# 28-31 posts/s).  Set CANDLE_NUM_THREADS yourself to override (not fork-safe).
_os.environ.setdefault("CANDLE_NUM_THREADS", "1")

from ._classifier import SCORE_KINDS, Classifier  # noqa: E402
from ._postguard import LABELS, VIOLATION_LABELS, __version__, has_bundled_model  # noqa: E402
from ._verdict import Language, LabelScore, Limited, ModelInfo, PiiFinding, Resource, RuleHit, Verdict  # noqa: E402
from .errors import (  # noqa: E402
    InputError,
    InternalError,
    ModelError,
    ModelNotFoundError,
    PostguardError,
    RulesError,
)

__all__ = [
    "Classifier",
    "Verdict",
    "Language",
    "LabelScore",
    "RuleHit",
    "Resource",
    "ModelInfo",
    "Limited",
    "PiiFinding",
    "PostguardError",
    "ModelError",
    "ModelNotFoundError",
    "RulesError",
    "InputError",
    "InternalError",
    "LABELS",
    "VIOLATION_LABELS",
    "SCORE_KINDS",
    "has_bundled_model",
    "__version__",
]
