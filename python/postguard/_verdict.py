"""Result types: :class:`Verdict` and the small records it holds.

A verdict is built from the JSON object the Rust library serialises
(``postguard check --json`` prints the same object), so
``Verdict.to_dict()`` is equal to the Rust verdict JSON, key for key.
The typed attributes are views over that object; ``RuleHit`` adds
``char_start``/``char_end`` (code-point offsets) next to the byte offsets
the library reports, so ``text[hit.char_start:hit.char_end]`` works in Python.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

__all__ = ["Verdict", "LabelScore", "RuleHit", "Resource", "ModelInfo", "Limited"]


@dataclass(frozen=True)
class ModelInfo:
    """Identity of the model that produced a verdict."""

    name: str
    version: str
    sha256: str
    """Hex SHA-256 of the model's ``model.safetensors``."""
    precision: str
    """Arithmetic the model ran in: ``"f32"``, or ``"int8-"`` and the int8 kernel (``"int8-amx"``, ``"int8-avx512"``,
    ``"int8-avxvnni"``, ``"int8-avx2"``, ``"int8-neon-dotprod"``, ``"int8-portable"``; the kernels
    give bit-identical scores). int8 is the default on x86 CPUs with AVX2 and aarch64 CPUs with
    the dot-product extension; ``POSTGUARD_ISA`` forces a kernel."""
    files_sha256: str = ""
    """Hex SHA-256 of a manifest of every file that decides a score: ``name  sha256`` lines (file
    name, two spaces, hex SHA-256 of the file, newline) for ``model.safetensors``,
    ``config.json``, ``postguard.json`` (left out when the model has none) and
    ``tokenizer.json``, in that order. Unlike ``sha256`` it changes with the tokenizer,
    configuration or thresholds. Empty for a verdict JSON written before the field existed."""

    def to_dict(self) -> Dict[str, str]:
        return {
            "name": self.name,
            "version": self.version,
            "sha256": self.sha256,
            "files_sha256": self.files_sha256,
            "precision": self.precision,
        }


@dataclass(frozen=True)
class LabelScore:
    """How one label was decided: model score, rule evidence, fused score, threshold."""

    label: str
    model: float
    rules: float
    fused: float
    threshold: float
    flagged: bool


@dataclass(frozen=True)
class RuleHit:
    """An active rule match.

    ``start``/``end`` are UTF-8 byte offsets into the original text (as in the
    Rust API and the JSON); ``char_start``/``char_end`` are the same span in
    Python string indices (``None`` when the text was not available).
    """

    rule_id: str
    label: str
    severity: str
    start: int
    end: int
    text: str
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass(frozen=True)
class PiiFinding:
    """A piece of personal information in the post's text.

    ``kind`` is one of ``email``, ``phone``, ``street_address``, ``postcode``, ``ssn``,
    ``uk_nino``, ``payment_card``, ``iban``, ``ip_address``, ``geo_coordinates``,
    ``date_of_birth``, ``user_handle``, ``profile_link``; ``whose`` is ``own`` (the author's),
    ``other`` (someone else's: a ``privacy`` violation) or ``unknown``. ``start``/``end`` are
    UTF-8 byte offsets, ``char_start``/``char_end`` the same span in Python string indices.
    """

    kind: str
    start: int
    end: int
    text: str
    confidence: float
    whose: str
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass(frozen=True)
class Resource:
    """A help resource attached when crisis is flagged."""

    locale: str
    name: str
    contact: str
    url: str


@dataclass(frozen=True)
class Limited:
    """What a per-post work limit left out of a verdict (``Classifier(max_post_bytes=...,
    max_rule_hits=...)``); :attr:`Verdict.limited` is ``None`` when no limit applied.

    Only the first ``scored_text_bytes`` UTF-8 bytes of the text (and
    ``scored_context_bytes`` of the context) were scored; ``*_dropped`` hits were
    found and used by the decision but are not listed in the verdict.
    """

    text_bytes: int
    """UTF-8 bytes of the post's text."""
    scored_text_bytes: int
    """Bytes of the text that were scored (the model and the rules read only these)."""
    context_bytes: int
    """UTF-8 bytes of the context (0 without one)."""
    scored_context_bytes: int
    """Bytes of the context that were scored."""
    rule_hits_dropped: int
    """Rule hits not listed in :attr:`Verdict.rule_hits`."""
    allow_hits_dropped: int
    """Allow hits not listed in :attr:`Verdict.allow_hits`."""
    suppressed_hits_dropped: int
    """Suppressed hits not listed in :attr:`Verdict.suppressed_hits`."""

    @property
    def truncated(self) -> bool:
        """True when only a prefix of the text or of the context was scored."""
        return self.scored_text_bytes < self.text_bytes or self.scored_context_bytes < self.context_bytes

    @classmethod
    def from_dict(cls, raw: Dict[str, Any]) -> "Limited":
        """From the verdict JSON's ``"limited"`` object (missing counts read as 0)."""
        return cls(
            text_bytes=int(raw.get("text_bytes", 0)),
            scored_text_bytes=int(raw.get("scored_text_bytes", raw.get("text_bytes", 0))),
            context_bytes=int(raw.get("context_bytes", 0)),
            scored_context_bytes=int(raw.get("scored_context_bytes", raw.get("context_bytes", 0))),
            rule_hits_dropped=int(raw.get("rule_hits_dropped", 0)),
            allow_hits_dropped=int(raw.get("allow_hits_dropped", 0)),
            suppressed_hits_dropped=int(raw.get("suppressed_hits_dropped", 0)),
        )

    def to_dict(self) -> Dict[str, int]:
        """The ``"limited"`` object of the verdict JSON."""
        return {
            "text_bytes": self.text_bytes,
            "scored_text_bytes": self.scored_text_bytes,
            "context_bytes": self.context_bytes,
            "scored_context_bytes": self.scored_context_bytes,
            "rule_hits_dropped": self.rule_hits_dropped,
            "allow_hits_dropped": self.allow_hits_dropped,
            "suppressed_hits_dropped": self.suppressed_hits_dropped,
        }


def _char_span(text: Optional[str], start: int, end: int) -> "tuple[Optional[int], Optional[int]]":
    if text is None:
        return None, None
    raw = text.encode("utf-8")
    if not (0 <= start <= end <= len(raw)):
        return None, None
    try:
        cs = len(raw[:start].decode("utf-8"))
        ce = cs + len(raw[start:end].decode("utf-8"))
    except UnicodeDecodeError:
        return None, None
    return cs, ce


@dataclass(frozen=True)
class Language:
    """The language of a post's text.

    Attributes:
        code: ISO 639-1 code (``"en"``, ``"es"``), or ``"und"`` when the text is too short or no
            language is clearly ahead.
        confidence: how sure the identification is, 0..1 (1 when assumed, 0 when undetermined).
        assumed: the caller said the language (``--assume-language``) instead of it being detected.
    """

    code: str
    confidence: float
    assumed: bool = False

    @classmethod
    def from_dict(cls, raw: Optional[Dict[str, Any]]) -> "Language":
        if not raw:
            return cls("und", 0.0)
        return cls(str(raw["code"]), float(raw.get("confidence", 0.0)), bool(raw.get("assumed", False)))

    def to_dict(self) -> Dict[str, Any]:
        """The ``"language"`` object of the verdict JSON."""
        d: Dict[str, Any] = {"code": self.code, "confidence": self.confidence}
        if self.assumed:
            d["assumed"] = True
        return d


@dataclass(frozen=True)
class Verdict:
    """The result of classifying one post.

    Attributes:
        labels: per-label decision details, in the classifier's label order.
        flagged: labels at or above threshold (or forced by a high-severity rule);
            may include ``"crisis"``.
        violations: flagged labels that are policy violations (never ``"crisis"``).
        rule_hits: active rule matches with spans.
        resources: help resources; non-empty only when crisis is flagged.
        windows: number of model windows the post was scored over (>1 for long posts).
        model: identity of the model.
        limited: ``None``, or what a per-post work limit left out (:class:`Limited`: only a
            prefix of a very long post was scored, or hits beyond ``max_rule_hits`` are
            counted instead of listed).  In :meth:`to_dict` as the ``"limited"`` key, present
            only when a limit applied.
    """

    labels: Dict[str, LabelScore]
    flagged: List[str]
    violations: List[str]
    rule_hits: List[RuleHit]
    resources: List[Resource]
    windows: int
    model: ModelInfo
    _raw: Dict[str, Any] = field(repr=False, compare=False)
    # Last, with a default: verdicts pickled before this field existed still load (as None).
    limited: Optional[Limited] = None
    #: Personal information in the text (:class:`PiiFinding`), own and others'.
    pii: List[PiiFinding] = field(default_factory=list)
    #: Advice to an author who shared their own details (``None`` otherwise).
    privacy_notice: Optional[str] = None
    #: The language of the text (:class:`Language`; code ``"und"`` when undetermined).
    language: "Language" = field(default_factory=lambda: Language("und", 0.0))
    #: The text is confidently in a language the model was not trained on: its scores did not
    #: flag on their own (only rules did).
    unsupported_language: bool = False

    @classmethod
    def from_dict(cls, raw: Dict[str, Any], text: Optional[str] = None) -> "Verdict":
        """Build a verdict from the Rust verdict JSON object (``to_dict()`` output).

        ``text`` is the classified post; when given, rule hits carry code-point spans.
        """
        labels = {
            name: LabelScore(
                label=name,
                model=float(d["model"]),
                rules=float(d["rules"]),
                fused=float(d["fused"]),
                threshold=float(d["threshold"]),
                flagged=bool(d["flagged"]),
            )
            for name, d in raw["labels"].items()
        }
        hits = []
        for h in raw.get("rule_hits", ()):
            cs, ce = _char_span(text, h["start"], h["end"])
            hits.append(
                RuleHit(
                    rule_id=h["rule_id"],
                    label=h["label"],
                    severity=h["severity"],
                    start=h["start"],
                    end=h["end"],
                    text=h["text"],
                    char_start=cs,
                    char_end=ce,
                )
            )
        resources = [
            Resource(locale=r["locale"], name=r["name"], contact=r["contact"], url=r["url"])
            for r in raw.get("resources", ())
        ]
        pii = []
        for f in raw.get("pii", ()):
            cs, ce = _char_span(text, f["start"], f["end"])
            pii.append(
                PiiFinding(
                    kind=f["kind"],
                    start=f["start"],
                    end=f["end"],
                    text=f["text"],
                    confidence=float(f["confidence"]),
                    whose=f["whose"],
                    char_start=cs,
                    char_end=ce,
                )
            )
        m = raw["model"]
        lim = raw.get("limited")
        return cls(
            labels=labels,
            flagged=list(raw.get("flagged", ())),
            violations=list(raw.get("violations", ())),
            rule_hits=hits,
            resources=resources,
            windows=int(raw.get("windows", 1)),
            model=ModelInfo(
                name=m["name"],
                version=m["version"],
                sha256=m["sha256"],
                precision=m["precision"],
                files_sha256=m.get("files_sha256", ""),
            ),
            _raw=raw,
            limited=Limited.from_dict(lim) if lim is not None else None,
            pii=pii,
            privacy_notice=raw.get("privacy_notice"),
            language=Language.from_dict(raw.get("language")),
            unsupported_language=bool(raw.get("unsupported_language", False)),
        )

    @classmethod
    def from_json(cls, data: str, text: Optional[str] = None) -> "Verdict":
        """Parse one verdict from its JSON text (for example a line of ``postguard check --json``)."""
        return cls.from_dict(json.loads(data), text)

    @property
    def scores(self) -> Dict[str, float]:
        """Fused score per label (model score combined with rule evidence)."""
        return {name: s.fused for name, s in self.labels.items()}

    @property
    def model_scores(self) -> Dict[str, float]:
        """Raw model (sigmoid) score per label, before fusion with rules."""
        return {name: s.model for name, s in self.labels.items()}

    @property
    def is_violation(self) -> bool:
        """True when at least one violation label is flagged."""
        return bool(self.violations)

    @property
    def crisis(self) -> bool:
        """True when the author may be at risk: route to help, do not sanction."""
        return "crisis" in self.flagged

    @property
    def allow_hits(self) -> List[Dict[str, Any]]:
        """Safe-phrase / debunking markers that damped model scores (JSON objects)."""
        return copy.deepcopy(self._raw.get("allow_hits", []))

    @property
    def suppressed_hits(self) -> List[Dict[str, Any]]:
        """Rule hits cancelled by context (negation, quotes, ...), with a reason (JSON objects)."""
        return copy.deepcopy(self._raw.get("suppressed_hits", []))

    def to_dict(self) -> Dict[str, Any]:
        """The verdict as the Rust library serialises it (a fresh copy)."""
        return copy.deepcopy(self._raw)

    def to_json(self) -> str:
        """The verdict as compact JSON text."""
        return json.dumps(self._raw, ensure_ascii=False, separators=(",", ":"))
