"""Frozen records that pickle as their fields, in order.

The environment holds thousands of the journal's frozen dataclasses (posts,
tasks, lectures, citations), and it is loaded and saved on every build. For
a frozen, slotted dataclass the standard library pickles the instance
through ``__getstate__``/``__setstate__`` functions that call
:func:`dataclasses.fields` once per instance: the slowest part of loading the
environment of a no-change rebuild. Pickled as ``(class, fields)``, an
instance is rebuilt by its own constructor, and a value cached on it
(:func:`functools.cached_property`) is not saved with it.

A journal repeats itself every day: the same section titles, task names,
speakers, paper identifiers, front-matter keys. A pickle writes a string
once per string *object*, so each post's copy of ``"특강"`` is written again
unless the copies are one object: the fields are passed through
:func:`shared`, which interns them, and the pickle then refers back to the
first copy (it also comes back as one object when loaded). The same goes for
the table of contents Sphinx saves for each document (:func:`share_attributes`).
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Any, ClassVar, Final, TypeVar, cast

from docutils import nodes

T = TypeVar("T")


def shared(value: T) -> T:
    """``value`` with its strings interned: in it, in its tuples, keys and values of its dicts.

    Records inside are returned as they are: they share their own strings when pickled.
    """
    kind = type(value)
    found: object = value
    if kind is str:
        found = sys.intern(cast("str", value))
    elif kind is tuple:
        found = tuple(shared(item) for item in cast("tuple[object, ...]", value))
    elif kind is dict:
        items = cast("dict[object, object]", value).items()
        found = {shared(key): shared(item) for key, item in items}
    return cast("T", found)


def share_attributes(tree: nodes.Node) -> None:
    """Intern the attribute names and string values of every element of ``tree``.

    Docutils makes each element's attribute names anew (``att.lower()``), so
    a document's table of contents, saved in the environment, writes
    ``refuri``, ``anchorname`` and ``internal`` once per entry, and every
    post's ``#id1`` once per post: 0.18 MB at 1,000 posts.
    """
    for node in tree.findall(nodes.Element):
        node.attributes = shared(node.attributes)


_NO_DEFAULT: Final = object()
_defaults: dict[type[Any], tuple[object, ...]] = {}


def _defaults_of(cls: type[Any]) -> tuple[object, ...]:
    """Each field's default, in order (``_NO_DEFAULT`` where there is none); once per class."""
    found = _defaults.get(cls)
    if found is None:
        found = tuple(
            field.default
            if field.default is not dataclasses.MISSING
            else field.default_factory()
            if field.default_factory is not dataclasses.MISSING
            else _NO_DEFAULT
            for field in dataclasses.fields(cls)
        )
        _defaults[cls] = found
    return found


def _is_default(value: object, default: object) -> bool:
    # by type too: ``False == 0``, but a field defaulting to 0 that holds False is not at rest
    return value is default or (type(value) is type(default) and value == default)


class PickledAsFields:
    """Mixin for a frozen dataclass whose fields are all positional (none keyword-only).

    The fields after the last one that differs from its default are left out,
    as the constructor fills them in again: most records leave their last
    fields (a task's depth, a citation's context …) at rest.
    """

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]]
    """Set by :func:`dataclasses.dataclass`: the constructor's positional fields, in order."""

    def __reduce__(self) -> tuple[type[Any], tuple[Any, ...]]:
        values = [getattr(self, name) for name in self.__match_args__]
        defaults = _defaults_of(type(self))
        end = len(values)
        while end and _is_default(values[end - 1], defaults[end - 1]):
            end -= 1
        return (type(self), tuple(shared(value) for value in values[:end]))
