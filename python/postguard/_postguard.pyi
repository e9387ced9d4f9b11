"""Type stubs for the Rust extension module (internal; use the ``postguard`` package API)."""

from typing import List, Mapping, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str

def has_bundled_model() -> bool:
    """True when this build compiled the default model in (cargo feature ``bundled``)."""

class Classifier:
    @staticmethod
    def bundled(
        rules: Sequence[str] = ...,
        default_rules: bool = ...,
        thresholds: Optional[Mapping[str, float]] = ...,
        locale: Optional[str] = ...,
        precision: str = ...,
        max_batch_tokens: Optional[int] = ...,
    ) -> Classifier: ...
    @staticmethod
    def from_dir(
        path: str,
        rules: Sequence[str] = ...,
        default_rules: bool = ...,
        thresholds: Optional[Mapping[str, float]] = ...,
        locale: Optional[str] = ...,
        precision: str = ...,
        max_batch_tokens: Optional[int] = ...,
    ) -> Classifier: ...
    @staticmethod
    def from_hub(
        repo_id: str,
        revision: Optional[str],
        cache_dir: Optional[str],
        offline: bool,
        rules: Sequence[str] = ...,
        default_rules: bool = ...,
        thresholds: Optional[Mapping[str, float]] = ...,
        locale: Optional[str] = ...,
        precision: str = ...,
        max_batch_tokens: Optional[int] = ...,
    ) -> Classifier: ...
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
