"""URL slugs for tags, categories and lecture labels.

A slug keeps Unicode letters, marks and digits (``8주차`` stays ``8주차``),
lower-cases them, turns runs of spaces and dashes into one ``-`` and drops
every other character. It therefore never holds ``/``, ``\\`` or ``.``, so a
slug used as a file name can never leave its folder.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from typing import Final

_KEPT_CATEGORIES = ("L", "N", "M")
#: File names hold at most 255 bytes; a slug leaves room for a suffix and is
#: still readable. A longer one is cut and given a digest of the whole name.
MAX_SLUG_BYTES = 100


def _digest(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:10]


@functools.lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """The slug of ``text``; a name with nothing to keep gets a stable hashed slug.

    Cached: the same few tags, categories and series are slugged for every post.
    """
    normalized = unicodedata.normalize("NFKC", text).lower()
    chars: list[str] = []
    for char in normalized:
        if char.isspace() or char == "-":
            if chars and chars[-1] != "-":
                chars.append("-")
        elif char.isalnum() or char == "_" or unicodedata.category(char)[0] in _KEPT_CATEGORIES:
            # a letter or digit (categories L and N) is kept without looking its category up
            chars.append(char)
    # compose again: dropping a character can leave a base and a mark side by side
    slug = unicodedata.normalize("NFC", "".join(chars)).strip("-")
    if not slug:
        return f"x-{_digest(text)}"
    if len(slug.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        head = slug.encode("utf-8", "surrogatepass")[: MAX_SLUG_BYTES - 11]
        return f"{head.decode('utf-8', 'ignore').rstrip('-')}-{_digest(text)}"
    return slug


#: What Jekyll's ``pretty`` slugify keeps besides letters, marks and digits.
_PRETTY_KEPT: Final = frozenset("._~!$&'()+,;=@")


def pretty_slug(text: str) -> str:
    """Jekyll's ``slugify(text, mode: "pretty", cased: true)`` (its ``:title``).

    Letters, marks and decimal digits of any script stay (``8주차`` stays), as
    do ``._~!$&'()+,;=@``; every run of other characters becomes one ``-``;
    leading and trailing ``-`` go.
    """
    kept = "".join(
        char
        if unicodedata.category(char)[0] in "LM"
        or unicodedata.category(char) == "Nd"
        or char in _PRETTY_KEPT
        else "\0"
        for char in text
    )
    return re.sub("\0+", "-", kept).strip("-")


_UNSAFE: Final = re.compile(r"[^\w.-]+")


def safe_part(name: str) -> str:
    """One path part that Sphinx, URLs and every file system accept (``import`` renames so).

    Spaces become ``-``; ``?``, ``:``, brackets and the like are dropped; Unicode
    letters stay. The build looks a renamed post up under this name too.
    """
    normalized = unicodedata.normalize("NFC", name).strip()
    stem, dot, suffix = normalized.rpartition(".")
    if not dot:
        stem, suffix = normalized, ""
    cleaned = _UNSAFE.sub("-", re.sub(r"\s+", "-", stem)).strip("-.") or "post"
    cleaned = re.sub(r"-{2,}", "-", cleaned)
    return f"{cleaned}.{suffix.lower()}" if suffix else cleaned
