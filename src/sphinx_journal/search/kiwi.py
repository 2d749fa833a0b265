"""Korean morphological analysis with kiwipiepy, when the ``[ko]`` extra is installed.

The rule set only strips suffixes; the analyser also splits compounds and
finds dictionary stems: ``언어모델의`` -> ``언어``, ``모델``; ``배워서`` -> ``배우``.
Those morphemes are *added* to the index beside the rule stems (see
:class:`~sphinx_journal.search.language.SearchKorean`), so a reader finds
``모델`` in a page that only says ``언어모델의``.

The model ships in the ``kiwipiepy-model`` package, so nothing is downloaded.
Loading it takes about a second, so it is loaded once per process, on the
first Korean text indexed, and never by a build that has no Korean to index.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CONTENT_TAGS", "analyzer", "available", "content_morphemes", "morphemes"]

#: Tags of the morphemes worth indexing: common and proper nouns, numerals,
#: verb and adjective stems (also their ``-R``/``-I`` variants), roots,
#: foreign words, Hanja and numbers. Particles, endings and bound nouns
#: (것, 수) carry no meaning a reader searches for.
CONTENT_TAGS: Final = ("NNG", "NNP", "NR", "VV", "VA", "XR", "SL", "SH", "SN")
#: A noun followed by a noun-deriving suffix is indexed whole as well
#: (시각 + 화 -> ``시각화``), the form the reader types.
_NOUN_TAGS: Final = ("NNG", "NNP", "XR")
_DERIVING_TAG: Final = "XSN"


def available() -> bool:
    """Whether kiwipiepy can be imported, without importing it (that is slow)."""
    try:
        return importlib.util.find_spec("kiwipiepy") is not None
    except (ImportError, ValueError):  # a broken or blocked install
        return False


@cache
def analyzer() -> Any | None:
    """The process-wide Kiwi instance, or ``None`` when kiwipiepy is not installed."""
    try:
        from kiwipiepy import Kiwi  # noqa: PLC0415 (optional, and slow to import)
    except ImportError:
        return None
    return Kiwi()


def content_morphemes(tokens: Iterable[tuple[str, str]]) -> list[str]:
    """The index terms among ``(form, tag)`` pairs of one analysis (pure).

    Content morphemes are kept; a noun directly followed by a deriving
    suffix also yields the derived word.
    """
    terms: list[str] = []
    previous: tuple[str, str] | None = None
    for form, tag in tokens:
        if tag.startswith(CONTENT_TAGS) and form.strip():
            terms.append(form)
        if tag == _DERIVING_TAG and previous is not None and previous[1].startswith(_NOUN_TAGS):
            terms.append(previous[0] + form)
        previous = (form, tag)
    return terms


def morphemes(text: str) -> list[str]:
    """The index terms Kiwi finds in ``text`` (empty without kiwipiepy)."""
    kiwi = analyzer()
    if kiwi is None:
        return []
    return content_morphemes((token.form, token.tag) for token in kiwi.tokenize(text))
