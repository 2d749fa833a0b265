"""Korean morphological analysis with kiwipiepy, when the ``[ko]`` extra is installed.

The analyser finds the content morphemes of a word (``언어모델의`` -> ``언어``,
``모델``), which the rule set cannot. Its model ships in the
``kiwipiepy-model`` package; nothing is downloaded. Loading it takes a
while, so it is loaded once, on first use.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

#: Tags of content morphemes: nouns, verb and adjective stems, roots, foreign words, numbers.
CONTENT_TAGS: Final = ("NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "XR", "SL", "SN", "SH")


@cache
def analyzer() -> Any | None:
    """The shared Kiwi instance, or ``None`` when kiwipiepy is not installed."""
    try:
        from kiwipiepy import Kiwi  # noqa: PLC0415 (optional, and slow to import)
    except ImportError:
        return None
    return Kiwi()


def morphemes(text: str) -> list[str]:
    """The content morphemes of ``text`` (empty without kiwipiepy)."""
    kiwi = analyzer()
    if kiwi is None:
        return []
    return [
        token.form
        for token in kiwi.tokenize(text)
        if token.tag.startswith(CONTENT_TAGS) and token.form.strip()
    ]
