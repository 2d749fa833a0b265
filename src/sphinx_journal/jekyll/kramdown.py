"""What kramdown (Jekyll's Markdown reader) gives a post that MyST does not: pure functions.

- :func:`header_id` is ``Kramdown::Parser::GFM#generate_gfm_header_id``:
  lower-case, drop every character that is not ``\\p{Word}`` (letters, marks,
  decimal digits, connector punctuation), ``-``, space or tab, then spaces
  and tabs become ``-``. Hangul stays: ``1. 용어`` is ``1-용어``. Repeats get
  ``-1``, ``-2`` … (MyST's unique-slug rule, the same for distinct headings).
- :func:`html_images` finds the ``<img>`` tags of a raw HTML fragment and
  their attributes, so that their files can be brought into the output.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final, NamedTuple

_IMG: Final = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ATTRIBUTE: Final = re.compile(
    r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""", re.IGNORECASE
)
_ID_ATTRIBUTE: Final = re.compile(
    r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE
)


def _word(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("Nd", "Pc")


def header_id(text: str) -> str:
    """The id kramdown's GFM parser gives a heading whose text is ``text``."""
    kept = "".join(char for char in text.lower() if _word(char) or char in "- \t")
    return kept.replace(" ", "-").replace("\t", "-")


class HtmlImage(NamedTuple):
    """One ``<img>`` tag: where it stands in the fragment, and its attributes."""

    start: int
    end: int
    attributes: dict[str, str]


def html_images(fragment: str) -> list[HtmlImage]:
    """The ``<img>`` tags of ``fragment``, their attribute values unescaped."""
    found = []
    for match in _IMG.finditer(fragment):
        attributes: dict[str, str] = {}
        for attribute in _ATTRIBUTE.finditer(match.group(0)[4:-1]):
            value = next((g for g in attribute.groups()[1:] if g is not None), "")
            attributes.setdefault(attribute.group(1).lower(), html.unescape(value))
        found.append(HtmlImage(match.start(), match.end(), attributes))
    return found


def html_ids(fragment: str) -> set[str]:
    """The ``id`` and ``name`` values a raw HTML fragment defines (link targets under Jekyll)."""
    return {
        html.unescape(next(g for g in match.groups() if g is not None))
        for match in _ID_ATTRIBUTE.finditer(fragment)
    }
