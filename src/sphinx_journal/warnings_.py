"""The ``journal.*`` warning types, and the one helper that emits them.

Every problem a post can have is reported through :func:`warn` so that it
carries a ``file:line`` location and a ``journal.<subtype>`` type: users can
silence one kind with ``suppress_warnings = ["journal.liquid"]`` and ``-W``
makes any of them fatal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

logger: Final = logging.getLogger("sphinx_journal")

#: Every subtype, with what it reports. Documented in docs/ from this table.
SUBTYPES: Final[dict[str, str]] = {
    "frontmatter": "front matter that is not valid YAML or not a mapping",
    "source": "a source file that cannot be read (no permission, not a regular file)",
    "date": "a post with no usable date, or a date that disagrees with its file name",
    "tag": "two tag or category names that share one URL slug",
    "liquid": "a Liquid tag or output that cannot be carried over and is kept as text",
    "config": "a journal_* configuration value of the wrong shape",
    "schedule": "a schedule with no task list",
    "lecture": "a lecture with no title, or a label used twice",
    "retrospective": "a retrospective rating out of 1-5",
    "paper": "a paper identifier or .bib entry that cannot be used",
    "xref": "a {post}, {lecture} or {paper} role whose target is unknown",
    "listing": "a listing directive option that cannot be used",
    "series": "a series or series_order in front matter that cannot be used",
    "link": "an in-page link of a post to no heading or id of the post",
    "file": "a post file, link or image that would read a file outside the source folder, "
    "or a post's file insertion (include, literalinclude, raw or csv-table :file:), refused",
    "page": "a document whose name a generated journal page has (the document is kept)",
    "nesting": "blocks of a post nested too deep to show as they are; shown unnested, in order",
    "url": "a link whose address would run script (javascript:, data: …), kept as text",
}


def warn(
    subtype: str,
    message: str,
    location: nodes.Node | tuple[str, int | None] | str | None,
) -> None:
    """Emit a ``journal.<subtype>`` warning at ``location``.

    ``location`` is a docutils node, a ``(docname, line)`` pair, or a docname;
    Sphinx turns each into ``path/to/source.md:line``.
    """
    assert subtype in SUBTYPES, subtype
    logger.warning(message, type="journal", subtype=subtype, location=location)
