"""The :class:`Classifier` Python API over the Rust extension.

This layer only converts arguments (lists, numpy, pandas, pyarrow) into lists
of ``str``, reads the Hugging Face environment variables, and builds result
objects.  Each batch is one call into Rust, which releases the GIL for the whole
batch and parallelises inside (see ``src/lib.rs``).
"""

from __future__ import annotations

import errno
import json
import numbers
import os
import sys
import threading
from collections.abc import Iterable as AbcIterable
from collections.abc import MappingView
from collections.abc import Set as AbcSet
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

import numpy as np

from . import _postguard as _ext
from ._verdict import ModelInfo, Verdict
from .errors import ModelNotFoundError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Classifier", "SCORE_KINDS"]

#: Which score ``Classifier.scores`` returns: the fused decision score (default),
#: the raw model probability, or the rule evidence alone.
SCORE_KINDS = ("fused", "model", "rules")

# Texts per call into Rust when a progress bar is shown: small enough for a
# smooth bar, large enough that length-sorted batching inside Rust stays efficient.
_PROGRESS_CHUNK = 512

TextsLike = Union[Sequence[str], Iterable[str], Any]
ContextsLike = Union[Sequence[Optional[str]], Iterable[Optional[str]], Any]


def _missing_kind(value: Any) -> Optional[str]:
    """How ``value`` spells 'no value' (None, NaN, pandas.NA, NaT), or None when it is a value."""
    if value is None:
        return "None"
    if isinstance(value, (float, np.floating)):
        return "NaN" if value != value else None
    name = type(value).__name__
    if name == "NAType":
        return "pandas.NA"
    if name == "NaTType":
        return "NaT"
    if isinstance(value, (np.datetime64, np.timedelta64)) and np.isnat(value):
        return "NaT"
    return None


def _is_missing(value: Any) -> bool:
    """None, NaN, pandas.NA / NaT: the ways a dataframe spells 'no value'."""
    return _missing_kind(value) is not None


def _unordered(values: Any) -> Optional[Tuple[str, str]]:
    """``(what it is, what kind)`` for an unordered collection (set, dict view), else None."""
    if isinstance(values, MappingView):
        return f"a dict view ({type(values).__name__})", "a dict view"
    if isinstance(values, AbcSet):
        return f"a {type(values).__name__}", "a set"
    return None


def _to_list(values: Any, what: str) -> Tuple[List[Any], Any]:
    """Materialise list-likes (list, tuple, numpy, pandas, pyarrow, iterables) as a list.

    Returns ``(items, index)``: ``index`` is the pandas index of a Series (its labels name
    the items in error messages), else None (items are named by position).
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(
            f"{what} must be a sequence of str, not a single {type(values).__name__}"
            " (use classify() for one post)"
        )
    if isinstance(values, list):
        return values, None
    module = type(values).__module__ or ""
    if module.startswith("pyarrow"):
        if not hasattr(values, "to_pylist"):
            raise TypeError(f"{what}: expected a pyarrow Array or ChunkedArray, got {type(values).__name__}")
        import pyarrow as pa

        typ = values.type
        if pa.types.is_dictionary(typ):
            typ = typ.value_type
        if not (pa.types.is_string(typ) or pa.types.is_large_string(typ) or pa.types.is_null(typ)
                or getattr(pa.types, "is_string_view", lambda _t: False)(typ)):
            raise TypeError(f"{what} must be a string array, got pyarrow type {values.type}")
        return list(values.to_pylist()), None
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"{what} must be one-dimensional, got an array of shape {values.shape}")
        return list(values.tolist()), None
    if module.startswith("pandas"):
        if hasattr(values, "columns"):
            raise TypeError(f"{what} must be a Series, not a DataFrame (use score_frame)")
        import pandas as pd

        index = values.index if isinstance(values, pd.Series) else None
        return list(values.tolist()), index
    unordered = _unordered(values)
    if unordered is not None:
        it_is, kind = unordered
        raise TypeError(
            f"{what} must be an ordered sequence such as a list, not {it_is}: results are returned"
            f" in input order and {kind} has none; pass sorted({what}) or a list"
        )
    if isinstance(values, Mapping):
        raise TypeError(f"{what} must be a sequence of str, not a mapping ({type(values).__name__})")
    try:
        it = iter(values)
    except TypeError:
        raise TypeError(f"{what} must be a sequence of str, got {type(values).__name__}") from None
    return list(it), None


def _where(what: str, i: int, index: Any) -> str:
    """``texts[3]``, or ``texts[index 'row-17']`` for an item of a pandas Series."""
    if index is None:
        return f"{what}[{i}]"
    label = index[i]
    if isinstance(label, np.generic):
        label = label.item()
    return f"{what}[index {label!r}]"


def _texts(texts: Any, what: str = "texts") -> List[str]:
    items, index = _to_list(texts, what)
    if not all(type(t) is str for t in items):  # fast path: plain str
        for i, t in enumerate(items):
            if not isinstance(t, str):
                missing = _missing_kind(t)
                if missing is not None:
                    raise ValueError(f"{_where(what, i, index)} is a missing value ({missing}), expected str")
                raise TypeError(f"{_where(what, i, index)} is of type {type(t).__name__}, expected str")
        items = [str(t) for t in items]  # str subclasses -> str
    return items


def _contexts(contexts: Any, n: int, what: str = "contexts") -> Optional[List[Optional[str]]]:
    if contexts is None:
        return None
    items, index = _to_list(contexts, what)
    if len(items) != n:
        raise ValueError(f"{what} has {len(items)} items but texts has {n}")
    out: List[Optional[str]] = []
    for i, c in enumerate(items):
        if isinstance(c, str):
            out.append(str(c))
        elif _is_missing(c):
            out.append(None)
        else:
            raise TypeError(
                f"{_where(what, i, index)} is of type {type(c).__name__}, expected str or None (no context)"
            )
    return out


def _check_kind(kind: Any) -> None:
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, one of {SCORE_KINDS}, got {type(kind).__name__}")
    if kind not in SCORE_KINDS:
        raise ValueError(f"kind must be one of {SCORE_KINDS}, got {kind!r}")


def _hub_cache_dir() -> Optional[str]:
    """Where huggingface_hub keeps its cache, by the Rust library's rule (the CLI's too):
    HF_HUB_CACHE, else $HF_HOME/hub, else $XDG_CACHE_HOME/huggingface/hub, else
    ~/.cache/huggingface/hub."""
    return _ext.hf_hub_cache_dir(os.environ)


def _hub_offline() -> bool:
    return _ext.hf_hub_offline(os.environ)


class _Progress:
    """tqdm when installed, else a plain counter on stderr."""

    def __init__(self, total: int) -> None:
        self._bar: Any = None
        self._done = 0
        self._total = total
        try:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=total, unit="post")
        except ImportError:
            pass

    def update(self, n: int) -> None:
        self._done += n
        if self._bar is not None:
            self._bar.update(n)
        else:
            print(f"\rpostguard: {self._done}/{self._total} posts", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        else:
            print(file=sys.stderr)


# One classifier per (process, spec): unpickling a Classifier (multiprocessing
# spawn workers, Spark executors) reuses the model already loaded in that process.
_CACHE: Dict[str, "Classifier"] = {}
_CACHE_LOCK = threading.Lock()


def _restore(spec: Dict[str, Any]) -> "Classifier":
    key = json.dumps(spec, sort_keys=True)
    with _CACHE_LOCK:
        clf = _CACHE.get(key)
        if clf is None:
            clf = Classifier._from_spec(spec)
            _CACHE[key] = clf
        return clf


class Classifier:
    """Labels posts as bullying / misinformation / unsafe_advice and flags crisis.

    ``Classifier()`` loads the model bundled in the package; use
    :meth:`from_dir` or :meth:`from_hub` for another one.  A classifier is
    immutable: share one across threads, pass it to multiprocessing workers
    (it survives ``fork``; it pickles as a recipe and is reloaded once per
    process), or let :mod:`postguard.spark` load one per Spark executor.

    Keyword options (all constructors):
        rules: extra rule pack files (TOML); later packs override rules with the same id.
        default_rules: include the built-in rule pack (default True).
        thresholds: per-label threshold overrides, e.g. ``{"bullying": 0.7}``.
        locale: locale whose help resources are listed first (e.g. ``"US"``, ``"UK"``).
        precision: arithmetic of the model's linear layers: ``"auto"`` (the engine's
            default, what the CLI uses), ``"int8"`` or ``"f32"`` (the reference).
        max_batch_tokens: token budget of one forward pass (default: the engine's).
        max_post_bytes: UTF-8 bytes of a post's text, and separately of its context, that
            are scored (``None``: the engine's default, 100,000; ``0`` = no limit).  Only
            that prefix (cut back to a character boundary) is read by the model and the
            rules, so one huge post cannot cost minutes; spans still point into the
            original text and :attr:`Verdict.limited` says when a post was cut.
        max_rule_hits: rule hits a verdict lists, and as many allow and suppressed hits
            (``None``: the engine's default, 100; ``0`` = no limit); the first ones in text
            order are listed, the rest counted in :attr:`Verdict.limited`.  The decision
            always uses every hit.
        assume_language: take every post to be in this language (ISO 639-1, e.g. ``"en"``)
            instead of detecting it, for a caller who knows (``None``, the default: detect;
            a post confidently in a language the model does not support is
            ``unsupported_language`` and its model scores do not flag on their own). An
            invalid code raises ``ValueError``.

    Raises:
        ModelError: the model could not be loaded (``ModelNotFoundError``, also a
            ``FileNotFoundError``, when files are missing).
        RulesError: a rule pack is invalid.
        FileNotFoundError: a rule pack file does not exist.
        TypeError: an option has the wrong type (``precision=1``, ``thresholds=[0.5]``,
            ``max_post_bytes="1k"``, ``default_rules="yes"``, ...).
        ValueError: an option has a wrong value (a threshold outside [0, 1], an unknown
            label or precision name, a negative limit, ...).
    """

    __slots__ = ("_inner", "_spec", "__weakref__")

    def __init__(
        self,
        *,
        rules: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
        default_rules: bool = True,
        thresholds: Optional[Mapping[str, float]] = None,
        locale: Optional[str] = None,
        precision: str = "auto",
        max_batch_tokens: Optional[int] = None,
        max_post_bytes: Optional[int] = None,
        max_rule_hits: Optional[int] = None,
        assume_language: Optional[str] = None,
    ) -> None:
        opts = _options(
            rules, default_rules, thresholds, locale, precision, max_batch_tokens, max_post_bytes, max_rule_hits,
            assume_language,
        )
        self._init({"source": "bundled", **opts})

    @classmethod
    def from_dir(
        cls,
        path: Union[str, "os.PathLike[str]"],
        *,
        rules: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
        default_rules: bool = True,
        thresholds: Optional[Mapping[str, float]] = None,
        locale: Optional[str] = None,
        precision: str = "auto",
        max_batch_tokens: Optional[int] = None,
        max_post_bytes: Optional[int] = None,
        max_rule_hits: Optional[int] = None,
        assume_language: Optional[str] = None,
    ) -> "Classifier":
        """Load a model directory (``config.json``, ``tokenizer.json``,
        ``model.safetensors``, ``postguard.json``)."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be str or os.PathLike, got {type(path).__name__}")
        full = os.path.abspath(os.fspath(path))
        if not os.path.exists(full):
            raise ModelNotFoundError(errno.ENOENT, "model directory not found", full)
        if not os.path.isdir(full):
            raise ValueError(f"model path is not a directory: {full}")
        opts = _options(
            rules, default_rules, thresholds, locale, precision, max_batch_tokens, max_post_bytes, max_rule_hits,
            assume_language,
        )
        return cls._from_spec({"source": "dir", "path": full, **opts})

    @classmethod
    def from_hub(
        cls,
        repo_id: str,
        revision: Optional[str] = None,
        *,
        cache_dir: Optional[Union[str, "os.PathLike[str]"]] = None,
        offline: Optional[bool] = None,
        rules: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
        default_rules: bool = True,
        thresholds: Optional[Mapping[str, float]] = None,
        locale: Optional[str] = None,
        precision: str = "auto",
        max_batch_tokens: Optional[int] = None,
        max_post_bytes: Optional[int] = None,
        max_rule_hits: Optional[int] = None,
        assume_language: Optional[str] = None,
    ) -> "Classifier":
        """Load a model from the Hugging Face Hub (or its local cache).

        ``cache_dir`` defaults to ``$HF_HUB_CACHE``, else ``$HF_HOME/hub``, else
        ``$XDG_CACHE_HOME/huggingface/hub``, else ``~/.cache/huggingface/hub``;
        ``offline`` defaults to ``$HF_HUB_OFFLINE`` (then only the cache is used).
        Python passes ``os.environ`` to the Rust library's resolver, the one the
        CLI uses, so both find the same cache.
        """
        if not isinstance(repo_id, str):
            raise TypeError(f"repo_id must be a str such as 'org/name', got {type(repo_id).__name__}")
        if not repo_id:
            raise ValueError("repo_id must be a non-empty str such as 'org/name'")
        if revision is not None and not isinstance(revision, str):
            raise TypeError(f"revision must be a str or None, got {type(revision).__name__}")
        if revision == "":
            raise ValueError("revision must be a non-empty str (a branch, tag or commit) or None")
        if cache_dir is not None and not isinstance(cache_dir, (str, os.PathLike)):
            raise TypeError(f"cache_dir must be str, os.PathLike or None, got {type(cache_dir).__name__}")
        if offline is not None and not isinstance(offline, bool):
            raise TypeError(f"offline must be a bool or None, got {type(offline).__name__}")
        cache = os.path.abspath(os.fspath(cache_dir)) if cache_dir is not None else _hub_cache_dir()
        off = _hub_offline() if offline is None else offline
        opts = _options(
            rules, default_rules, thresholds, locale, precision, max_batch_tokens, max_post_bytes, max_rule_hits,
            assume_language,
        )
        return cls._from_spec(
            {"source": "hub", "repo_id": repo_id, "revision": revision, "cache_dir": cache, "offline": off, **opts}
        )

    @classmethod
    def _from_spec(cls, spec: Dict[str, Any]) -> "Classifier":
        self = cls.__new__(cls)
        self._init(spec)
        return self

    def _init(self, spec: Dict[str, Any]) -> None:
        inner = _ext.Classifier.load(spec)
        self._inner = inner
        self._spec = spec

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]:
        return (_restore, (self._spec,))

    def __repr__(self) -> str:
        info = self.model_info
        return f"postguard.Classifier(model={info.name!r}, version={info.version!r}, source={self._spec['source']!r})"

    # -- model identity --------------------------------------------------------------

    @property
    def labels(self) -> List[str]:
        """Label names in model order: the columns of :meth:`scores`."""
        return list(self._inner.labels)

    @property
    def thresholds(self) -> Dict[str, float]:
        """Decision threshold per label (after overrides)."""
        return dict(zip(self._inner.labels, self._inner.thresholds))

    @property
    def max_post_bytes(self) -> int:
        """Bytes of a post's text (and of its context) that are scored; 0 = no limit."""
        return int(self._inner.max_post_bytes)

    @property
    def max_rule_hits(self) -> int:
        """Rule hits (and allow / suppressed hits) a verdict lists; 0 = no limit."""
        return int(self._inner.max_rule_hits)

    @property
    def model_info(self) -> ModelInfo:
        """Name, version, SHA-256 (of the weights, and ``files_sha256`` of every file that decides a
        score) and arithmetic (``"f32"``, or ``"int8-"`` and the int8 kernel, e.g. ``"int8-avx2"``)
        of the loaded model."""
        name, version, sha256, precision, files_sha256 = self._inner.model_info
        return ModelInfo(name=name, version=version, sha256=sha256, precision=precision, files_sha256=files_sha256)

    # -- classification --------------------------------------------------------------

    def classify(self, text: str, context: Optional[str] = None) -> Verdict:
        """Classify one post; ``context`` is the post it replies to, if any.

        Raises ``TypeError`` when ``text`` is not a str (``None`` included) or ``context``
        is neither a str nor None.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        if context is not None and not isinstance(context, str):
            raise TypeError(f"context must be str or None, got {type(context).__name__}")
        raw = json.loads(self._inner.classify_json([text], None if context is None else [context]))
        return Verdict.from_dict(raw[0], text)

    def classify_batch(
        self,
        texts: TextsLike,
        contexts: Optional[ContextsLike] = None,
        progress: bool = False,
    ) -> List[Verdict]:
        """Classify many posts; results are in input order and equal to :meth:`classify`.

        ``texts`` may be a list/tuple/iterable of str, a numpy array, a pandas
        Series or a pyarrow (Chunked)Array; ``contexts`` likewise, same length,
        with ``None``/null for posts without context.

        Raises:
            TypeError: ``texts`` or ``contexts`` is not an ordered collection of str (a single
                str, a set, a dict view, a mapping, a non-iterable), or an item has the
                wrong type; the item is named by position, or by index label for a pandas
                Series (``texts[index 'row-17']``).
            ValueError: an item of ``texts`` is a missing value (None, NaN, pandas.NA,
                NaT), or ``contexts`` has a different length.
        """
        items = _texts(texts)
        ctx = _contexts(contexts, len(items))
        out: List[Verdict] = []
        bar = _Progress(len(items)) if progress else None
        try:
            for start, stop in _chunks(len(items), progress):
                sub_ctx = None if ctx is None else ctx[start:stop]
                raws = json.loads(self._inner.classify_json(items[start:stop], sub_ctx))
                out.extend(Verdict.from_dict(r, t) for r, t in zip(raws, items[start:stop]))
                if bar is not None:
                    bar.update(stop - start)
        finally:
            if bar is not None:
                bar.close()
        return out

    def scores(
        self,
        texts: TextsLike,
        contexts: Optional[ContextsLike] = None,
        kind: str = "fused",
    ) -> "np.ndarray[Any, np.dtype[np.float32]]":
        """Scores as a float32 array of shape ``(len(texts), len(labels))``.

        Columns follow :attr:`labels`.  ``kind`` is ``"fused"`` (the decision
        score, default), ``"model"`` (raw model probability) or ``"rules"``.
        Inputs and errors as in :meth:`classify_batch`; an unknown ``kind`` is a ``ValueError``.
        """
        _check_kind(kind)
        items = _texts(texts)
        ctx = _contexts(contexts, len(items))
        scores, _flags = self._inner.score(items, ctx, kind)
        return scores

    def redact(self, texts: Union[str, Sequence[str]]) -> Any:
        """``texts`` with every piece of personal information the detectors find replaced by a
        typed placeholder (``[PHONE]``, ``[EMAIL]``, ``[ADDRESS]``, ...); every other character
        is unchanged. A str gives a str, a sequence a list. Crisis lines and the other numbers
        of the help resources are never redacted."""
        if isinstance(texts, str):
            return self._inner.redact([texts])[0]
        return self._inner.redact(_texts(texts, "texts"))

    def score_frame(
        self,
        df: Any,
        text_col: str,
        context_col: Optional[str] = None,
        kind: str = "fused",
        progress: bool = False,
        redact: bool = False,
    ) -> "pd.DataFrame":
        """Score a pandas DataFrame or pyarrow Table/RecordBatch column.

        Returns a pandas DataFrame (same index as a pandas input) with one
        float32 column per label, a ``flagged`` column holding the list of
        flagged label names of each row (``[]`` when nothing is flagged), and a ``language``
        column: each text's language code (``"und"`` when undetermined; see
        :attr:`Verdict.language`).
        With ``redact=True`` it also has a ``redacted`` column: each text with its
        personal information replaced by placeholders (see :meth:`redact`), and, when
        ``context_col`` is given, a ``redacted_context`` column: each context redacted
        alike (``None`` where the context is missing), as the CLI's ``score --redact``
        redacts both fields.
        Needs pandas (``pip install "postguard[pandas]"``), also for pyarrow input.

        A missing text is a ``ValueError`` and a non-str cell a ``TypeError``, both naming
        the row by its index label (``df['text'][index 'row-17']``); a missing context
        means no context.  ``df`` of another type, or column names that are not str, are
        a ``TypeError``; a column that does not exist is a ``ValueError``.
        """
        import pandas as pd

        _check_kind(kind)
        texts_obj, ctx_obj, index = _frame_columns(df, text_col, context_col)
        items = _texts(texts_obj, f"df[{text_col!r}]")
        ctx = _contexts(ctx_obj, len(items), f"df[{context_col!r}]")
        labels = self.labels
        parts_s: List[np.ndarray] = []
        parts_f: List[np.ndarray] = []
        bar = _Progress(len(items)) if progress else None
        try:
            for start, stop in _chunks(len(items), progress):
                sub_ctx = None if ctx is None else ctx[start:stop]
                s, f = self._inner.score(items[start:stop], sub_ctx, kind)
                parts_s.append(s)
                parts_f.append(f)
                if bar is not None:
                    bar.update(stop - start)
        finally:
            if bar is not None:
                bar.close()
        k = len(labels)
        scores = np.concatenate(parts_s) if parts_s else np.zeros((0, k), np.float32)
        flags = np.concatenate(parts_f) if parts_f else np.zeros((0, k), bool)
        out = pd.DataFrame({label: scores[:, j] for j, label in enumerate(labels)}, index=index)
        out["flagged"] = _flag_lists(flags, labels)
        out["language"] = self._inner.languages(items) if items else []
        if redact:
            out["redacted"] = self.redact(items)
            if ctx is not None:
                present = [c for c in ctx if c is not None]
                done = iter(self.redact(present) if present else [])
                out["redacted_context"] = pd.Series(
                    [None if c is None else next(done) for c in ctx], index=out.index, dtype=object
                )
        return out


def _flag_lists(flags: np.ndarray, labels: List[str]) -> List[List[str]]:
    names = np.asarray(labels, dtype=object)
    return [list(names[row]) for row in flags]


def _frame_columns(df: Any, text_col: str, context_col: Optional[str]) -> Tuple[Any, Any, Any]:
    """(texts, contexts, index) from a pandas DataFrame or pyarrow Table/RecordBatch."""
    if not isinstance(text_col, str):
        raise TypeError(f"text_col must be a column name (str), got {type(text_col).__name__}")
    if context_col is not None and not isinstance(context_col, str):
        raise TypeError(f"context_col must be a column name (str) or None, got {type(context_col).__name__}")
    module = type(df).__module__ or ""
    if module.startswith("pyarrow") and hasattr(df, "column_names"):
        names = list(df.column_names)
        getter = df.column
        index = None
    elif hasattr(df, "columns") and hasattr(df, "index"):
        names = list(df.columns)
        getter = df.__getitem__
        index = df.index
    else:
        raise TypeError(f"df must be a pandas DataFrame or a pyarrow Table, got {type(df).__name__}")
    for col in (text_col, context_col):
        if col is not None and col not in names:
            raise ValueError(f"column {col!r} not found; columns are {names}")
    ctx = getter(context_col) if context_col is not None else None
    return getter(text_col), ctx, index


def _chunks(n: int, progress: bool) -> List[Tuple[int, int]]:
    if n == 0:
        return []
    step = _PROGRESS_CHUNK if progress else n
    return [(i, min(i + step, n)) for i in range(0, n, step)]


PRECISIONS = ("auto", "int8", "f32")


def _int_option(name: str, value: Any, minimum: int, requirement: str) -> Optional[int]:
    """An int option (None = the engine default): TypeError for a non-int (bool included),
    ValueError below ``minimum`` or beyond what the engine can hold."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be {requirement} or None, got {type(value).__name__} {value!r}")
    n = int(value)
    if n < minimum:
        raise ValueError(f"{name} must be {requirement} or None, got {n}")
    if n > sys.maxsize:
        raise ValueError(f"{name} is too large: {n} (at most {sys.maxsize})")
    return n


def _options(
    rules: Optional[Sequence[Union[str, "os.PathLike[str]"]]],
    default_rules: bool,
    thresholds: Optional[Mapping[str, float]],
    locale: Optional[str],
    precision: str,
    max_batch_tokens: Optional[int],
    max_post_bytes: Optional[int] = None,
    max_rule_hits: Optional[int] = None,
    assume_language: Optional[str] = None,
) -> Dict[str, Any]:
    """Checks the keyword options of the constructors: TypeError for a wrong type, ValueError
    for a wrong value; returns them as the spec keys ``src/lib.rs`` reads."""
    if rules is None:
        rule_paths: List[str] = []
    else:
        if isinstance(rules, (str, bytes, os.PathLike)):
            rules = [rules]
        elif isinstance(rules, Mapping) or not isinstance(rules, AbcIterable):
            raise TypeError(f"rules must be a path or a list of paths, got {type(rules).__name__}")
        elif isinstance(rules, (AbcSet, MappingView)):
            # Later packs override earlier ones, so their order matters; a set has none.
            raise TypeError(
                f"rules must be an ordered sequence such as a list, got a {type(rules).__name__}: "
                "later packs override earlier ones, so their order matters"
            )
        rule_paths = []
        for i, r in enumerate(rules):
            if not isinstance(r, (str, os.PathLike)):
                raise TypeError(f"rules[{i}] must be a path (str or os.PathLike), got {type(r).__name__}")
            p = os.path.abspath(os.fspath(r))
            if not os.path.isfile(p):
                raise FileNotFoundError(errno.ENOENT, "rule pack not found", p)
            rule_paths.append(p)
    if not isinstance(default_rules, bool):
        raise TypeError(f"default_rules must be a bool, got {type(default_rules).__name__}")
    thr: Optional[Dict[str, float]] = None
    if thresholds is not None:
        if not isinstance(thresholds, Mapping):
            raise TypeError(
                f"thresholds must be a mapping of label name to float, got {type(thresholds).__name__}"
            )
        thr = {}
        for k, v in thresholds.items():
            if not isinstance(k, str):
                raise TypeError(f"threshold keys must be label names (str), got {type(k).__name__} {k!r}")
            if isinstance(v, bool) or not isinstance(v, numbers.Real):
                raise TypeError(f"threshold for {k!r} must be a number, got {type(v).__name__} {v!r}")
            fv = float(v)
            if not (0.0 <= fv <= 1.0):
                raise ValueError(f"threshold for {k!r} must be within [0, 1], got {fv}")
            thr[k] = fv
    if locale is not None and not isinstance(locale, str):
        raise TypeError(f"locale must be a str or None, got {type(locale).__name__}")
    if assume_language is not None and not isinstance(assume_language, str):
        raise TypeError(f"assume_language must be a str (ISO 639-1, e.g. 'en') or None, got {type(assume_language).__name__}")
    if not isinstance(precision, str):
        raise TypeError(f"precision must be a str, one of {PRECISIONS}, got {type(precision).__name__}")
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, got {precision!r}")
    return {
        "rules": rule_paths,
        "default_rules": default_rules,
        "thresholds": thr,
        "locale": locale,
        "precision": precision,
        "max_batch_tokens": _int_option("max_batch_tokens", max_batch_tokens, 1, "a positive int"),
        "max_post_bytes": _int_option("max_post_bytes", max_post_bytes, 0, "an int >= 0 (0 = no limit)"),
        "max_rule_hits": _int_option("max_rule_hits", max_rule_hits, 0, "an int >= 0 (0 = no limit)"),
        "assume_language": assume_language,
    }
