"""Exceptions raised by postguard.

Every error the library raises on its own account derives from
:class:`PostguardError`.  Argument mistakes are plain built-in exceptions, as
Python code expects:

* :class:`TypeError` for a wrong *type*: ``classify(None)``, ``classify(123)``, a
  non-str item in ``texts``, a set or dict view as ``texts`` (results come back in
  input order and a set has none), ``precision=1``, ``thresholds=[0.5]``, ...;
* :class:`ValueError` for a wrong *value*: a threshold outside [0, 1], an unknown
  label, precision or score kind, a negative limit, an empty ``repo_id``,
  ``contexts`` of another length, a missing value (None, NaN, pandas.NA, NaT) in
  ``texts`` (items are named by position, or by index label for a pandas Series);
* :class:`FileNotFoundError` for a model directory, model file or rule pack that
  does not exist.

The classes below that also derive from those built-ins can be caught either way.

The extension module raises these classes directly (it imports this module),
so a Rust panic never reaches Python as ``PanicException``: it surfaces as
:class:`InternalError`.
"""

from __future__ import annotations

__all__ = [
    "PostguardError",
    "ModelError",
    "ModelNotFoundError",
    "RulesError",
    "InputError",
    "InternalError",
]


class PostguardError(Exception):
    """Base class of every exception raised by postguard."""


class ModelError(PostguardError):
    """The model could not be loaded or run (bad files, bad config, hub failure)."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """A model directory or one of its files does not exist."""


class RulesError(PostguardError):
    """A rule pack could not be read or compiled."""


class InputError(PostguardError, ValueError):
    """An input post was rejected by the library (for example, invalid text)."""


class InternalError(PostguardError):
    """A bug in postguard: an internal panic, caught at the Python boundary."""
