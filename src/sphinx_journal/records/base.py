"""What every record of a place in a post has, and the one order they all sort in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


class DatedRecord:
    """A record of one place in a post: the post, the anchor, the post's date, the line.

    A mixin of the frozen record dataclasses (its annotations are theirs to
    declare as fields), so that schedules, lectures, retrospectives and peer
    sessions all sort the same way.
    """

    __slots__ = ()

    docname: str
    date: dt.date | None
    line: int | None

    if TYPE_CHECKING:  # a field of most records, derived by others (a lecture's)

        @property
        def anchor(self) -> str: ...

    @property
    def sort_key(self) -> tuple[str, str, str, str]:
        """Date (undated first), then post, then the order the post gives its records."""
        return (
            self.date.isoformat() if self.date else "",
            self.docname,
            f"{self.line or 0:09d}",
            self.anchor,
        )
