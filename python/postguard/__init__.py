"""postguard: label social-media posts and route crisis posts to help.

>>> import postguard
>>> clf = postguard.Classifier()                 # the model bundled in the package
>>> v = clf.classify("you are pathetic, nobody likes you")
>>> v.violations, v.scores["bullying"]           # doctest: +SKIP
(['bullying'], 0.97)

Labels: ``bullying``, ``misinformation``, ``unsafe_advice`` (violations) and
``crisis`` (the author may be at risk of suicide or self-harm; never a
violation: the verdict carries help resources instead).

Batch APIs: :meth:`Classifier.classify_batch`, :meth:`Classifier.scores`
(numpy), :meth:`Classifier.score_frame` (pandas / pyarrow) and
:func:`postguard.spark.score_spark_df` (PySpark).
"""

from ._classifier import SCORE_KINDS, Classifier
from ._postguard import __version__, has_bundled_model
from ._verdict import LabelScore, ModelInfo, Resource, RuleHit, Verdict
from .errors import (
    InputError,
    InternalError,
    ModelError,
    ModelNotFoundError,
    PostguardError,
    RulesError,
)

#: Label names in the order of the bundled taxonomy.
LABELS = ("bullying", "misinformation", "unsafe_advice", "crisis")

__all__ = [
    "Classifier",
    "Verdict",
    "LabelScore",
    "RuleHit",
    "Resource",
    "ModelInfo",
    "PostguardError",
    "ModelError",
    "ModelNotFoundError",
    "RulesError",
    "InputError",
    "InternalError",
    "LABELS",
    "SCORE_KINDS",
    "has_bundled_model",
    "__version__",
]
