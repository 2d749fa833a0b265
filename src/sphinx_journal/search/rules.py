"""A built-in rule set reducing Korean words to stems (pure).

Korean writes a noun and its particle (조사) or a stem and its ending (어미)
as one word: ``시각화를``, ``시각화에``, ``질문에``, ``유튜브부터``,
``정리했다``. Sphinx indexes each form as a different word, so a reader
searching ``시각화`` misses every page that only says ``시각화를``.
:func:`stem` strips those suffixes so every form meets at one stem.

Three guards keep nouns whole, since many nouns end in a syllable that is
also a particle (``평가``, ``도로``, ``사과``, ``강의``):

* *Sound*: particles come in pairs chosen by the last sound of the word
  before them (``을``/``를``, ``이``/``가``, ``과``/``와``, ``으로``/``로``).
  ``가`` only follows a syllable without a final consonant, so ``평가``
  (``평`` ends in ㅇ) is a noun, not ``평`` + ``가``.
* *Length*: a suffix that often ends a noun (``도``, ``의``, ``이`` …) is only
  stripped when two syllables remain: ``도로`` stays ``도로``. A suffix that no
  noun ends with (``을``, ``에서`` …) may leave one: ``책을`` -> ``책``.
* *Longest first*: ``에서부터`` wins over ``부터``, ``했다`` over ``다``.

:func:`stem` strips until nothing more can be stripped, so its result is a
fixed point: ``stem(stem(w)) == stem(w)``. That is what lets the index and
the query meet: ``고양이를`` and the query ``고양이`` both end at one stem,
even where that stem is shorter than the noun.

The same table generates the browser's stemmer (:mod:`.javascript`), so the
query typed in the search box is reduced exactly as the index was.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Final, NamedTuple

__all__ = ["RULES", "After", "Rule", "final_consonant", "is_hangul", "stem", "strip_once"]


class After(StrEnum):
    """Which sound the syllable before a suffix must end with (its 받침)."""

    ANY = "any"
    #: No final consonant: 를, 는, 가, 와, 나, 랑.
    VOWEL = "vowel"
    #: A final consonant: 을, 은, 이, 과, 이나, 이랑.
    CONSONANT = "consonant"
    #: No final consonant, or ㄹ: 로, 로서 (``길로``, ``학교로``).
    VOWEL_OR_RIEUL = "vowel-or-rieul"
    #: A final consonant other than ㄹ: 으로 (``책으로``).
    CONSONANT_NOT_RIEUL = "consonant-not-rieul"


class Rule(NamedTuple):
    """Strip ``suffix`` when ``min_stem`` characters remain and the sound fits."""

    suffix: str
    min_stem: int
    after: After = After.ANY


_A = After
#: Particles (조사). Stacked particles (``학교에서도``) need no entry of their
#: own: :func:`stem` strips again until nothing matches.
PARTICLES: Final[tuple[Rule, ...]] = (
    # case particles, paired by sound
    Rule("을", 1, _A.CONSONANT),
    Rule("를", 1, _A.VOWEL),
    Rule("은", 1, _A.CONSONANT),
    Rule("는", 1, _A.VOWEL),
    Rule("이", 2, _A.CONSONANT),
    Rule("가", 2, _A.VOWEL),
    Rule("과", 2, _A.CONSONANT),
    Rule("와", 2, _A.VOWEL),
    Rule("으로", 1, _A.CONSONANT_NOT_RIEUL),
    Rule("로", 2, _A.VOWEL_OR_RIEUL),
    Rule("이나", 1, _A.CONSONANT),
    Rule("나", 2, _A.VOWEL),
    Rule("이랑", 1, _A.CONSONANT),
    Rule("랑", 2, _A.VOWEL),
    Rule("이라고", 1, _A.CONSONANT),
    Rule("라고", 1, _A.VOWEL),
    Rule("이라는", 1, _A.CONSONANT),
    Rule("라는", 1, _A.VOWEL),
    Rule("이라도", 1, _A.CONSONANT),
    Rule("으로서", 1, _A.CONSONANT_NOT_RIEUL),
    Rule("로서", 1, _A.VOWEL_OR_RIEUL),
    Rule("으로써", 1, _A.CONSONANT_NOT_RIEUL),
    Rule("로써", 1, _A.VOWEL_OR_RIEUL),
    Rule("으로부터", 1, _A.CONSONANT_NOT_RIEUL),
    Rule("로부터", 1, _A.VOWEL_OR_RIEUL),
    # particles whatever comes before
    Rule("의", 2),
    Rule("에", 1),
    Rule("도", 2),
    Rule("만", 2),
    Rule("들", 2),  # plural 들: 사람들 -> 사람
    Rule("께", 2),
    Rule("에서", 1),
    Rule("에게", 1),
    Rule("한테", 1),
    Rule("께서", 1),
    Rule("에게서", 1),
    Rule("한테서", 1),
    Rule("부터", 1),
    Rule("까지", 1),
    Rule("처럼", 1),
    Rule("보다", 1),
    Rule("마저", 1),
    Rule("조차", 1),
    Rule("만큼", 1),
    Rule("마다", 1),
    Rule("밖에", 1),
    Rule("대로", 1),
    # common stacks, listed so the longest match takes them whole
    Rule("에는", 1),
    Rule("에도", 1),
    Rule("에서는", 1),
    Rule("에서도", 1),
    Rule("에서부터", 1),
    Rule("에게는", 1),
    Rule("으로는", 1, _A.CONSONANT_NOT_RIEUL),
    Rule("로는", 1, _A.VOWEL_OR_RIEUL),
)

#: Endings of 하다/되다 verbs and adjectives (``정리했다``, ``구현된``) and of the
#: copula 이다 (``모델이다``): what is left is the noun a reader searches for.
ENDINGS: Final[tuple[Rule, ...]] = (
    *(
        Rule(ending, 1)
        for ending in (
            "하다",
            "한다",
            "했다",
            "합니다",
            "했습니다",
            "하는",
            "하고",
            "하며",
            "하면",
            "하면서",
            "하여",
            "해서",
            "해야",
            "해도",
            "하기",
            "하지",
            "하게",
            "하도록",
            "하려고",
            "하는데",
            "했고",
            "했는데",
            "했던",
            "하던",
            "해요",
            "했어요",
            "되다",
            "된다",
            "됩니다",
            "되는",
            "되어",
            "돼서",
            "되었다",
            "됐다",
            "되고",
            "되며",
            "되면",
            "되기",
            "습니다",
            "었다",
            "았다",
            "었고",
            "았고",
            "었는데",
            "는데",
            "면서",
        )
    ),
    # the copula 이다 after a final consonant; after a vowel its 이 is part of
    # the noun as often as not (차이다 is 차이 + 다)
    *(
        Rule(ending, 1, _A.CONSONANT)
        for ending in ("이다", "입니다", "이었다", "이에요", "이며", "이고", "이지만", "이라서")
    ),
    # endings that also end nouns (역할, 이해, 제한, 원인, 바다): two syllables must remain
    *(Rule(ending, 2) for ending in ("한", "할", "함", "해", "된", "될", "인", "다")),
    Rule("였다", 1, _A.VOWEL),
    Rule("예요", 1, _A.VOWEL),
)

#: Every rule, longest suffix first (stable, so the table order breaks ties).
RULES: Final[tuple[Rule, ...]] = tuple(
    sorted((*PARTICLES, *ENDINGS), key=lambda rule: -len(rule.suffix))
)

#: The rules by the last character of their suffix: a word is only tried
#: against the few rules that can match its end.
_BY_LAST_CHAR: Final[dict[str, tuple[Rule, ...]]] = {
    last: tuple(rule for rule in RULES if rule.suffix.endswith(last))
    for last in {rule.suffix[-1] for rule in RULES}
}

_HANGUL: Final = re.compile("[\uac00-\ud7a3]")
_FIRST_SYLLABLE: Final = 0xAC00
_LAST_SYLLABLE: Final = 0xD7A3
#: Hangul syllables are numbered initial * 588 + medial * 28 + final.
_FINALS: Final = 28
_RIEUL: Final = 8


def is_hangul(word: str) -> bool:
    """Whether ``word`` holds a Hangul syllable (only those get Korean rules)."""
    return bool(_HANGUL.search(word))


def final_consonant(char: str) -> int | None:
    """Index of the final consonant (받침) of a Hangul syllable: 0 for none, 8 for ㄹ.

    ``None`` for anything that is not a Hangul syllable: its sound is unknown.
    """
    code = ord(char)
    if not _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE:
        return None
    return (code - _FIRST_SYLLABLE) % _FINALS


def _sound_fits(before: str, after: After) -> bool:
    final = final_consonant(before)
    if final is None or after is After.ANY:
        # ``GPU를``, ``PyTorch를``: the sound of a Latin word is not written down
        return True
    if after is After.VOWEL:
        return final == 0
    if after is After.CONSONANT:
        return final != 0
    if after is After.VOWEL_OR_RIEUL:
        return final in {0, _RIEUL}
    return final not in {0, _RIEUL}


def strip_once(word: str) -> str | None:
    """``word`` without its longest strippable suffix, or ``None`` when none applies."""
    for rule in _BY_LAST_CHAR.get(word[-1:], ()):
        if not word.endswith(rule.suffix):
            continue
        rest = word[: -len(rule.suffix)]
        if len(rest) >= rule.min_stem and _sound_fits(rest[-1], rule.after):
            return rest
    return None


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """``word`` without particles and endings; a fixed point of itself.

    Words without Hangul are returned unchanged (English has its own
    stemmer); a Latin word with a Korean particle loses the particle
    (``PyTorch를`` -> ``PyTorch``). Cached: a journal repeats its words.
    """
    if not is_hangul(word):
        return word
    while (shorter := strip_once(word)) is not None:
        word = shorter
    return word
