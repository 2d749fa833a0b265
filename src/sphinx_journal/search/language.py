"""The ``ko`` search language: Korean stems for Hangul, English stemming for the rest."""

from __future__ import annotations

import re
from typing import Final

import snowballstemmer
from sphinx.search import SearchLanguage
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS

from sphinx_journal.search import kiwi, rules
from sphinx_journal.search.javascript import stemmer_code

_WORD: Final = re.compile(r"\w+")


class SearchKorean(SearchLanguage):
    """Index terms are stems: ``시각화를`` and ``시각화에`` are both ``시각화``.

    Every word is reduced by :mod:`.rules`, as the browser reduces the query.
    With kiwipiepy, the content morphemes of each Hangul word are indexed
    too, so the parts of compounds (``언어모델의`` -> ``언어``, ``모델``) are found.
    """

    lang = "ko"
    language_name = "Korean"
    stopwords = ENGLISH_STOPWORDS
    js_stemmer_rawcode = ""
    js_stemmer_code = stemmer_code()

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.english = snowballstemmer.stemmer("english")
        self.use_kiwi = options.get("analyzer", "auto") != "rules" and (kiwi.analyzer() is not None)

    def split(self, input: str) -> list[str]:
        words = _WORD.findall(input)
        if not self.use_kiwi:
            return words
        extra = [m for word in words if rules.is_hangul(word) for m in kiwi.morphemes(word)]
        return words + extra

    def stem(self, word: str) -> str:
        if rules.is_hangul(word):
            return rules.stem(word)
        return str(self.english.stemWord(word.lower()))

    def word_filter(self, word: str) -> bool:
        return bool(word) and not word.isdigit() and word not in self.stopwords
