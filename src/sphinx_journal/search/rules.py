"""A built-in rule set reducing Korean words to stems (pure).

Korean attaches particles (조사) and endings (어미) to words: ``시각화를``,
``시각화에``, ``질문에``, ``유튜브부터``. Stripping the longest known suffix
gives the stem the reader searches for. Short words are protected: a
suffix that often ends a noun (``로``, ``도`` …) is only stripped when two
syllables remain, so ``도로`` stays ``도로``; a suffix that never ends one
(``을``, ``를``, ``에서`` …) may leave a single syllable (``책을`` -> ``책``).

The same tables generate the browser's stemmer (:mod:`.javascript`), so the
query and the index always agree.
"""

from __future__ import annotations

import re
from typing import Final

#: Particles and endings that no noun ends with: one syllable may remain.
UNAMBIGUOUS: Final = (
    "으로부터",
    "에서부터",
    "에게서",
    "한테서",
    "으로서",
    "으로써",
    "이라고",
    "이라는",
    "에서는",
    "에서도",
    "에게는",
    "으로는",
    "까지는",
    "부터는",
    "처럼",
    "만큼",
    "보다",
    "에서",
    "에게",
    "한테",
    "께서",
    "부터",
    "까지",
    "마저",
    "조차",
    "이나",
    "이랑",
    "으로",
    "라고",
    "라는",
    "에는",
    "에도",
    "와는",
    "과는",
    "을",
    "를",
    "은",
    "는",
    "이며",
    "이고",
    "했다",
    "했고",
    "했는데",
    "합니다",
    "했습니다",
    "하는",
    "하고",
    "해서",
    "하면",
    "하기",
    "하여",
    "된다",
    "되는",
    "되어",
    "됐다",
    "입니다",
    "이다",
    "였다",
    "이었다",
    "었다",
    "았다",
    "습니다",
    "니다",
)
#: Suffixes that also end many nouns: two syllables must remain.
AMBIGUOUS: Final = (
    "에",
    "의",
    "이",
    "가",
    "와",
    "과",
    "도",
    "로",
    "만",
    "나",
    "랑",
    "야",
    "여",
    "다",
)

MIN_STEM: Final = 1
MIN_STEM_AMBIGUOUS: Final = 2
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")

#: Longest first, so ``에서부터`` wins over ``부터`` and ``터``.
SUFFIXES: Final = tuple(
    sorted(
        ((s, MIN_STEM) for s in UNAMBIGUOUS),
        key=lambda item: -len(item[0]),
    )
) + tuple((s, MIN_STEM_AMBIGUOUS) for s in AMBIGUOUS)


def is_hangul(word: str) -> bool:
    return bool(_HANGUL.search(word))


def stem(word: str) -> str:
    """``word`` without its particle or ending; words without Hangul are returned as is."""
    if not is_hangul(word):
        return word
    for suffix, keep in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            rest = word[: -len(suffix)]
            if is_hangul(rest[-1:]):
                return rest
    return word
