"""Type stubs for the Rust extension module (internal; use the ``postguard`` package API)."""

from typing import Any, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str
#: Label names in taxonomy order (the engine's ``Label::ALL``).
LABELS: Tuple[str, ...]
#: The labels whose flag is a violation (all but ``crisis`` in the default taxonomy).
VIOLATION_LABELS: Tuple[str, ...]

def has_bundled_model() -> bool:
    """True when this build compiled the default model in (cargo feature ``bundled``)."""

def hf_hub_cache_dir(env: Mapping[str, str]) -> Optional[str]:
    """The hub cache directory for ``env`` (``os.environ``): ``HF_HUB_CACHE``, else
    ``$HF_HOME/hub``, else ``$XDG_CACHE_HOME/huggingface/hub``, else
    ``~/.cache/huggingface/hub``; the rule of the Rust library, which the CLI uses too.
    None when a home directory is needed and none is known."""

def hf_hub_offline(env: Mapping[str, str]) -> bool:
    """Whether ``env`` sets ``HF_HUB_OFFLINE`` (``1``, ``true``, ``yes``, ``on``)."""

class Classifier:
    @staticmethod
    def load(spec: Mapping[str, Any]) -> Classifier:
        """Build from a spec: ``source`` ("bundled", "dir" with ``path``, "hub" with ``repo_id``,
        ``revision``, ``cache_dir``, ``offline``) and every option (``rules``, ``default_rules``,
        ``thresholds``, ``locale``, ``precision``, ``max_batch_tokens``, and the optional
        ``max_post_bytes`` and ``max_rule_hits``: absent or None = the engine default, 0 = no
        limit).  Raises ``TypeError`` when a key has the wrong type (the Python layer checks
        them first) and ``ValueError`` for an unknown source or precision."""
    @property
    def labels(self) -> List[str]: ...
    @property
    def thresholds(self) -> List[float]: ...
    @property
    def max_post_bytes(self) -> int: ...
    @property
    def max_rule_hits(self) -> int: ...
    @property
    def model_info(self) -> Tuple[str, str, str, str, str]: ...
    def redact(self, texts: List[str]) -> List[str]: ...
    def languages(self, texts: List[str]) -> List[str]: ...
    def classify_json(self, texts: List[str], contexts: Optional[List[Optional[str]]] = None) -> str:
        """Verdicts of a batch as one JSON array (GIL released for the batch); ``ValueError``
        when ``contexts`` has another length than ``texts``."""
    def score(
        self, texts: List[str], contexts: Optional[List[Optional[str]]] = None, kind: str = "fused"
    ) -> Tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
        """(scores float32 (n, labels), flagged bool (n, labels)) for a batch; ``ValueError``
        for an unknown ``kind`` or mismatched lengths."""
