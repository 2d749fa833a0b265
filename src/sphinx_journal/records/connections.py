"""The record a post leaves of its links to other posts (one tuple per document).

A link is kept as written, not as resolved: which post it names is decided
after reading, from every post's current record, so a link to a post added
later (or renamed, or deleted) is always counted right.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from sphinx_journal.pickling import PickledAsFields

#: ``post``: a ``{post}`` role's target (a docname or a date); ``doc``: a docname,
#: from a relative link to the ``.md`` file or ``{% post_url %}``; ``path``: a site
#: path such as ``study/nlp/2022/03/15/week2-day2.html`` (a post's Jekyll URL).
KINDS: Final = frozenset({"post", "doc", "path"})


@dataclasses.dataclass(frozen=True, slots=True)
class OutLink(PickledAsFields):
    """One link from a post to what may be another post."""

    kind: str
    target: str
    line: int | None = None
