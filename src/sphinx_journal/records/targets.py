"""What a journal role can link to."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True)
class Target:
    """Something a journal role can link to."""

    objtype: str
    """``post``, ``lecture`` or ``paper``."""
    name: str
    """What the role's target says: a label, a date, a docname, ``arxiv:…``."""
    title: str
    docname: str
    """The page that holds it (a document, or a generated page such as ``journal/papers``)."""
    anchor: str
    sort_key: tuple[str, ...] = ()
    """Orders several targets of one name (the first wins)."""
    inventory: bool = True
    """Whether it belongs in ``objects.inv`` (aliases such as a post's date do not)."""
    searched: bool = True
    """Whether the search index lists it. A post's title and a heading's lecture are
    titles there already, and a second result for the same place only crowds the list."""
