"""File names that Sphinx, URLs and every file system accept, keeping Unicode letters."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_UNSAFE: Final = re.compile(r"[^\w.-]+")


def safe_part(name: str) -> str:
    """One path part: spaces to ``-``, ``?``, ``:``, brackets and the like dropped."""
    normalized = unicodedata.normalize("NFC", name).strip()
    stem, dot, suffix = normalized.rpartition(".")
    if not dot:
        stem, suffix = normalized, ""
    cleaned = _UNSAFE.sub("-", re.sub(r"\s+", "-", stem)).strip("-.") or "post"
    cleaned = re.sub(r"-{2,}", "-", cleaned)
    return f"{cleaned}.{suffix.lower()}" if suffix else cleaned
