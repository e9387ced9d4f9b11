"""Type stubs for the Rust extension module (internal; use the ``postguard`` package API)."""

from typing import Any, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str

def has_bundled_model() -> bool:
    """True when this build compiled the default model in (cargo feature ``bundled``)."""

class Classifier:
    @staticmethod
    def load(spec: Mapping[str, Any]) -> Classifier:
        """Build from a spec: ``source`` ("bundled", "dir" with ``path``, "hub" with ``repo_id``,
        ``revision``, ``cache_dir``, ``offline``) and every option (``rules``, ``default_rules``,
        ``thresholds``, ``locale``, ``precision``, ``max_batch_tokens``)."""
    @property
    def labels(self) -> List[str]: ...
    @property
    def thresholds(self) -> List[float]: ...
    @property
    def model_info(self) -> Tuple[str, str, str, str]: ...
    def classify_json(self, texts: List[str], contexts: Optional[List[Optional[str]]]) -> str:
        """Verdicts of a batch as one JSON array (GIL released for the batch)."""
    def score(
        self, texts: List[str], contexts: Optional[List[Optional[str]]], kind: str
    ) -> Tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
        """(scores float32 (n, labels), flagged bool (n, labels)) for a batch."""
