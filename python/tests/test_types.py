"""Typing: py.typed ships, the extension stub matches the module, the API type-checks."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import textwrap

import pytest

import postguard
from postguard import _postguard

PKG = os.path.dirname(postguard.__file__)


def test_py_typed_and_stub_are_installed() -> None:
    assert os.path.exists(os.path.join(PKG, "py.typed"))
    assert os.path.exists(os.path.join(PKG, "_postguard.pyi"))


def test_stub_matches_extension() -> None:
    with open(os.path.join(PKG, "_postguard.pyi")) as f:
        tree = ast.parse(f.read())
    names = set()
    methods = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        if isinstance(node, ast.ClassDef):
            methods |= {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
    public = {n for n in dir(_postguard) if not n.startswith("_")} | {"__version__"}
    assert names == public
    runtime = {n for n in dir(_postguard.Classifier) if not n.startswith("_")}
    assert methods == runtime


def _stub_signatures() -> dict[str, list[tuple[str, str | None]]]:
    """`name -> [(parameter, default source or None)]` for every function and method of the stub."""
    with open(os.path.join(PKG, "_postguard.pyi")) as f:
        tree = ast.parse(f.read())
    out: dict[str, list[tuple[str, str | None]]] = {}

    def params(fn: ast.FunctionDef) -> list[tuple[str, str | None]]:
        args = fn.args.args
        defaults: list[ast.expr | None] = [None] * (len(args) - len(fn.args.defaults)) + list(fn.args.defaults)
        return [(a.arg, None if d is None else ast.unparse(d)) for a, d in zip(args, defaults) if a.arg not in ("self", "cls")]

    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = params(node)
        if isinstance(node, ast.ClassDef):
            for n in node.body:
                is_property = isinstance(n, ast.FunctionDef) and any(
                    isinstance(d, ast.Name) and d.id == "property" for d in n.decorator_list
                )
                if isinstance(n, ast.FunctionDef) and not is_property:
                    out[f"{node.name}.{n.name}"] = params(n)
    return out


def test_stub_parameters_and_defaults_match_the_extension() -> None:
    # Names alone (above) let the stub's parameters and defaults drift from the Rust signatures.
    stub = _stub_signatures()
    checked = 0
    for name, want in stub.items():
        owner, _, attr = name.rpartition(".")
        obj = getattr(getattr(_postguard, owner) if owner else _postguard, attr)
        try:
            sig = inspect.signature(obj)
        except (TypeError, ValueError):
            continue  # no text signature exposed
        got = [
            (p.name, None if p.default is inspect.Parameter.empty else repr(p.default).replace("'", '"'))
            for p in sig.parameters.values()
            if p.name not in ("self", "cls", "$self")
        ]
        assert got == [(n, d.replace("'", '"') if d else d) for n, d in want], f"{name}: extension {got}, stub {want}"
        checked += 1
    assert checked >= 5, f"only {checked} signatures could be read from the extension"


def test_public_api_is_annotated() -> None:
    for cls in (postguard.Classifier,):
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("_"):
                continue
            assert "return" in fn.__annotations__, f"{cls.__name__}.{name} lacks a return annotation"


def test_mypy_strict_on_usage(tmp_path) -> None:
    pytest.importorskip("mypy")
    snippet = tmp_path / "usage.py"
    snippet.write_text(textwrap.dedent(
        """
        from typing import Dict, List, Optional
        import postguard

        clf: postguard.Classifier = postguard.Classifier()
        v: postguard.Verdict = clf.classify("text", context=None)
        scores: Dict[str, float] = v.scores
        flagged: List[str] = v.flagged
        hits: List[postguard.RuleHit] = v.rule_hits
        spans = [(h.start, h.end, h.char_start) for h in hits]
        arr = clf.scores(["a", "b"])
        first: float = float(arr[0, 0])
        vs: List[postguard.Verdict] = clf.classify_batch(["a"], [None], progress=False)
        limited_clf = postguard.Classifier(max_post_bytes=1000, max_rule_hits=0)
        lim: Optional[postguard.Limited] = limited_clf.classify("x").limited
        dropped: int = lim.rule_hits_dropped if lim is not None else 0
        cap: int = limited_clf.max_post_bytes
        info: postguard.ModelInfo = clf.model_info
        sha: str = info.sha256
        labels: List[str] = clf.labels
        try:
            postguard.Classifier.from_dir("nope")
        except postguard.PostguardError as e:
            print(e)
        """
    ))
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental",
         "--cache-dir", str(tmp_path / ".mypy_cache"), str(snippet)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
