"""Which journal section a heading names, whatever emoji or symbols decorate it.

Real journals switch from ``## 오늘 일정 정리`` to ``## 📝 오늘 일정 정리``
halfway, and emoji come as joiner sequences (``👩‍💻``), with variation
selectors (``✍️``) or keycaps (``1️⃣``). Symbols, joiners, selectors and
enclosing marks are dropped, then case and spacing are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

_DROPPED_CATEGORIES = frozenset({"So", "Sk", "Sm", "Sc", "Cf", "Me", "Co", "Cn"})
_DROPPED_MARKS = frozenset({"\ufe0e", "\ufe0f"})  # text and emoji presentation selectors
_KEYCAP: Final = re.compile("[0-9#*]\ufe0f?\u20e3")  # 1️⃣ is an emoji, not a digit


def normalize_heading(text: str) -> str:
    """``"📝 오늘 일정 정리 "`` -> ``"오늘 일정 정리"``; case-folded, single spaces."""
    kept = [
        char
        for char in _KEYCAP.sub("", text)
        if unicodedata.category(char) not in _DROPPED_CATEGORIES
        and char not in _DROPPED_MARKS
        and not 0x1F3FB <= ord(char) <= 0x1F3FF  # skin-tone modifiers
    ]
    # symbols go before NFC: some (musical notes) decompose into a base and a mark
    composed = unicodedata.normalize("NFC", "".join(kept))
    return " ".join(composed.split()).strip(" :-–—").casefold()


def section_kind(text: str, sections: Mapping[str, str]) -> str | None:
    """The kind (``schedule``, ``lectures``, ``retrospective``) ``text`` names, if any."""
    wanted = normalize_heading(text)
    for key, kind in sections.items():
        if normalize_heading(key) == wanted:
            return kind
    return None
