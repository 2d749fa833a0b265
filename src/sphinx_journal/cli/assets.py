"""The images and files a Jekyll post references, found for ``import`` to copy.

Liquid is resolved first with the site root as ``/`` (so
``{{ site.url }}/assets/x.png`` and ``{{ '/assets/x.png' | relative_url }}``
are ``/assets/x.png``), then every Markdown link or image destination and
every raw HTML ``src``/``href`` is taken. A site-absolute path is relative to
the site, any other local path to the post's folder, ``\\`` separators
included. Only regular files inside the site are kept: a path through a
symlink, or one leaving the site, is never followed.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Final
from urllib.parse import unquote

from sphinx_journal.jekyll import liquid
from sphinx_journal.jekyll.files import MARKDOWN_SUFFIXES

_DESTINATION: Final = re.compile(r"\]\(\s*<([^>\n]+)>|\]\(\s*([^()\s]+)")
_REFERENCE_DEFINITION: Final = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
_ATTRIBUTE: Final = re.compile(
    r"""\b(?:src|href|data-src|poster)\s*=\s*["']([^"']+)["']""", re.IGNORECASE
)
_SCHEME: Final = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def references(text: str) -> list[str]:
    """Every local path the post ``text`` names, as written (after Liquid), in order."""

    def resolve(kind: str, argument: str) -> str | None:
        if kind == "root":
            return "/"
        if kind == "link":
            return "/" + argument.strip().strip("\"'").lstrip("/")
        return None

    body, _ = liquid.convert(text, 1, resolve)
    found: list[str] = []
    for pattern in (_DESTINATION, _REFERENCE_DEFINITION, _ATTRIBUTE):
        for match in pattern.finditer(body):
            value = next(group for group in match.groups() if group is not None)
            value = html.unescape(value.strip().strip("<>"))
            if value and not _SCHEME.match(value):
                found.append(value)
    return list(dict.fromkeys(found))


def site_file(site: Path, post_folder: str, reference: str) -> str | None:
    """The site-relative path of the regular file ``reference`` names, or ``None``."""
    path = unquote(reference.replace("\\", "/").split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(post_folder, path)
    joined = posixpath.normpath(joined)
    if joined.startswith(("../", "/")) or joined in ("..", "."):
        return None
    current = site
    for part in joined.split("/"):
        current = current / part
        if current.is_symlink():
            return None
    if not current.is_file() or current.suffix.lower() in MARKDOWN_SUFFIXES:
        return None
    return joined
