"""A problem found by pure parsing code, reported later as a Sphinx warning."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """What went wrong, where: ``line`` is 1-based in the source file, or ``None``."""

    subtype: str
    message: str
    line: int | None
