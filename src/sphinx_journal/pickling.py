"""Frozen records that pickle as their fields, in order.

The environment holds thousands of the journal's frozen dataclasses (posts,
tasks, lectures, citations), and it is loaded and saved on every build. For
a frozen, slotted dataclass the standard library pickles the instance
through ``__getstate__``/``__setstate__`` functions that call
:func:`dataclasses.fields` once per instance: the slowest part of loading the
environment of a no-change rebuild. Pickled as ``(class, fields)``, an
instance is rebuilt by its own constructor, and a value cached on it
(:func:`functools.cached_property`) is not saved with it.
"""

from __future__ import annotations

from typing import Any, ClassVar


class PickledAsFields:
    """Mixin for a frozen dataclass whose fields are all positional (none keyword-only)."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]
    """Set by :func:`dataclasses.dataclass`: the constructor's positional fields, in order."""

    def __reduce__(self) -> tuple[type[Any], tuple[Any, ...]]:
        return (type(self), tuple(getattr(self, name) for name in self.__match_args__))
