"""Exceptions raised by postguard.

Every error the library raises on its own account derives from
:class:`PostguardError`.  Argument mistakes are plain :class:`ValueError`
(or :class:`TypeError` where Python itself would raise one), and a model
directory or file that does not exist is a :class:`FileNotFoundError`; the
classes below that also derive from those built-ins can be caught either way.

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
