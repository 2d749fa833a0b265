"""BibTeX in and out: a paper's details from a ``.bib`` entry, and ``papers.bib``.

Written text is escaped so that pybtex (and BibTeX) read back exactly the
title and names the journal showed; titles are double-braced so their case
is kept. Output is deterministic: the same papers give the same bytes.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, cast

import latexcodec  # noqa: F401  (registers the "ulatex" codec that pybtex also uses)

from sphinx_journal.papers.identifiers import PaperId, parse_target, recognize, safe_link

_SPECIALS: Final = {
    "\\": r"\textbackslash{}",
    # BibTeX counts every brace, escaped or not, so literal braces must not be braces
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "#": r"\#",
    "&": r"\&",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
#: What pybtex's writer leaves as it is (its LaTeX encoding does ``& % # _ ~``).
_WRITER_SPECIALS: Final = "\\{}$^"
_SPECIAL_RE: Final = re.compile("|".join(re.escape(char) for char in _WRITER_SPECIALS))


@dataclasses.dataclass(frozen=True)
class PaperInfo:
    """What the bibliography shows of a paper."""

    id: PaperId
    title: str
    authors: tuple[str, ...] = ()
    year: str | None = None
    venue: str | None = None
    bib_key: str | None = None
    """The key of the user's .bib entry this paper came from, if any."""


def escape(text: str) -> str:
    """``text`` for pybtex's writer, so that the field it writes reads back as ``text``.

    The writer LaTeX-encodes ``& % # _ ~`` itself; braces, backslashes,
    ``$`` and ``^`` are escaped here, so no value can close its field early.
    """
    return _SPECIAL_RE.sub(lambda match: _SPECIALS[match.group(0)], " ".join(text.split()))


_ESCAPED: Final = {escaped: char for char, escaped in _SPECIALS.items()}
_ESCAPED_RE: Final = re.compile(
    "|".join(re.escape(escaped) for escaped in sorted(_ESCAPED, key=len, reverse=True))
)


_LOGOS: Final = re.compile(r"\\(LaTeX|TeX|BibTeX)\b\s*(?:\{\})?")


def _decode(text: str) -> str:
    text = _LOGOS.sub(lambda match: match.group(1), text)
    if "\\" not in text:
        return text.replace("{", "").replace("}", "")
    try:
        decoded = str(codecs.decode(cast("Any", text), "ulatex"))
    except (ValueError, TypeError, IndexError, UnicodeDecodeError):
        decoded = text
    return decoded.replace("{", "").replace("}", "")


def unescape(text: str) -> str:
    """A BibTeX field value as plain text: escapes undone, accents decoded, braces dropped."""
    parts: list[str] = []
    position = 0
    for match in _ESCAPED_RE.finditer(text):
        parts.append(_decode(text[position : match.start()]))
        parts.append(_ESCAPED[match.group(0)])
        position = match.end()
    parts.append(_decode(text[position:]))
    return " ".join("".join(parts).split())


def entry_id(fields: Any) -> PaperId | None:
    """The paper a .bib entry denotes, from its ``doi``, ``eprint`` or ``url`` field."""
    doi = fields.get("doi")
    if doi:
        found = parse_target(f"doi:{unescape(doi)}")
        if found:
            return found
    eprint = fields.get("eprint")
    prefix = (fields.get("archivePrefix") or fields.get("eprinttype") or "arxiv").lower()
    if eprint and prefix == "arxiv":
        found = parse_target(f"arxiv:{unescape(eprint)}")
        if found:
            return found
    url = fields.get("url")
    return recognize(unescape(url)) if url else None


def _person(person: Any) -> str:
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
        *person.lineage_names,
    ]
    return unescape(" ".join(parts))


def info_from_entry(key: str, entry: Any, paper: PaperId | None = None) -> PaperInfo:
    """A :class:`PaperInfo` from a pybtex entry (``paper`` defaults to ``bib:key``)."""
    fields = entry.fields
    year = fields.get("year") or (fields.get("date") or "")[:4] or None
    venue = fields.get("journal") or fields.get("booktitle") or fields.get("publisher")
    return PaperInfo(
        id=paper or entry_id(fields) or PaperId("bib", key),
        title=unescape(fields.get("title", key)),
        authors=tuple(_person(p) for p in entry.persons.get("author", ())),
        year=unescape(year) if year else None,
        venue=unescape(venue) if venue else None,
        bib_key=key,
    )


def entry_text(key: str, entry: Any) -> str:
    """A user's .bib entry written back as it is (its key, type and fields).

    A ``url`` that is not an http(s) or DOI address (``javascript:…``) is left out.
    """
    from pybtex.database import BibliographyData, Entry  # noqa: PLC0415 (slow plugins)

    fields = [
        (name, value)
        for name, value in entry.fields.items()
        if name.lower() != "url" or safe_link(unescape(value))
    ]
    kept = Entry(entry.original_type, fields=fields, persons=entry.persons)
    return str(BibliographyData(entries={key: kept}).to_string("bibtex")).strip()


def _entry(paper: PaperInfo) -> Any:
    """``paper`` as a pybtex entry; every value escaped, so no field can end early."""
    from pybtex.database import Entry, Person  # noqa: PLC0415 (pybtex loads plugins slowly)

    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if paper.year:
        fields.append(("year", escape(paper.year)))
    if paper.venue:
        fields.append(("journal", escape(paper.venue)))
    if paper.id.scheme == "arxiv":
        fields += [("eprint", escape(paper.id.value)), ("archivePrefix", "arXiv")]
    if paper.id.scheme == "doi":
        fields.append(("doi", escape(paper.id.value)))
    url = safe_link(paper.id.url) if paper.id.scheme != "bib" else None
    if url:
        fields.append(("url", url))
    persons = {"author": [Person("{" + escape(name) + "}") for name in paper.authors]}
    kind = "article" if paper.venue else "misc"
    return Entry(kind, fields=fields, persons=persons if paper.authors else None)


def to_bibtex(papers: Iterable[PaperInfo], user_entries: Mapping[str, str] | None = None) -> str:
    """One BibTeX entry per paper, in the order given, written by pybtex.

    A paper that came from the user's .bib (``bib_key``) is written as the
    user wrote it (``user_entries`` maps keys to entry text); the others get
    portable keys such as ``arxiv-1706.03762``.
    """
    from pybtex.database import BibliographyData  # noqa: PLC0415
    from pybtex.database.output.bibtex import Writer  # noqa: PLC0415

    writer = Writer()  # one writer: looking the plugin up per entry costs more than writing it
    chunks: list[str] = []
    for paper in papers:
        if paper.bib_key and user_entries and paper.bib_key in user_entries:
            chunks.append(user_entries[paper.bib_key])
            continue
        data = BibliographyData(entries={paper.id.key: _entry(paper)})
        chunks.append(str(writer.to_string(data)).strip())
    return "\n\n".join(chunks) + ("\n" if chunks else "")
