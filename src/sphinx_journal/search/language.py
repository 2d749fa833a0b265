"""The ``ko`` search language: Korean stems for Hangul, English stemming for the rest.

Study journals mix Korean and English in one sentence (``Full Stack ML
Engineer를 정리했다``), so one language handles both: Hangul words go
through :func:`.rules.stem`, everything else through Sphinx's own English
stemmer, in Python for the index and in JavaScript for the query.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

from sphinx.search import SearchLanguage
from sphinx.search.en import SearchEnglish

from sphinx_journal.compat import ENGLISH_STOPWORDS
from sphinx_journal.search import kiwi, rules
from sphinx_journal.search.javascript import stemmer_code
from sphinx_journal.warnings_ import warn

__all__ = ["KOREAN_STOPWORDS", "SearchKorean", "choose_analyzer"]

#: Stems that carry no meaning of their own: bound nouns, conjunctions, and
#: the stems of 하다/되다/있다/없다 that Kiwi reports as words. Skipped in the
#: index and, by ``searchtools.js``, in the query.
KOREAN_STOPWORDS: Final = frozenset(
    {
        "것",
        "수",
        "등",
        "및",
        "또는",
        "그리고",
        "그래서",
        "하지만",
        "그러나",
        "또한",
        "때문",
        "위해",
        "통해",
        "대해",
        "대한",
        "하",
        "되",
        "있",
        "없",
        "않",
    }
)

Analyzer = Literal["kiwi", "rules"]


def choose_analyzer(options: dict[str, str]) -> Analyzer:
    """The analyser named by ``html_search_options["analyzer"]``.

    ``"auto"`` (the default) uses Kiwi when the ``[ko]`` extra is installed;
    ``"rules"`` never does (smaller index, no model to load); ``"kiwi"`` asks
    for it and warns when it is missing.
    """
    wanted = str(options.get("analyzer", "auto")).lower()
    if wanted == "rules":
        return "rules"
    if kiwi.available():
        return "kiwi"
    if wanted == "kiwi":
        warn(
            "config",
            'html_search_options["analyzer"] is "kiwi" but kiwipiepy is not installed '
            "(pip install 'sphinx-journal[ko]'); using the built-in Korean rules",
            None,
        )
    return "rules"


class SearchKorean(SearchLanguage):
    """Index terms are stems: ``시각화를`` and ``시각화에`` are both ``시각화``.

    Every word is reduced by :meth:`stem`, which the browser's
    ``js_stemmer_code`` repeats for the query. With Kiwi, :meth:`split` also
    adds the content morphemes of the Korean text (``언어모델의`` -> ``언어``,
    ``모델``): extra terms beside the rule stems, never instead of them, since
    the browser has only the rules to reduce the query with.

    Sphinx picks this class for ``language = "ko"`` and also for ``"ko_KR"``
    (it retries with the part before ``_``).
    """

    lang = "ko"
    language_name = "Korean"
    stopwords = ENGLISH_STOPWORDS | KOREAN_STOPWORDS
    js_stemmer_code = stemmer_code()

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.english = SearchEnglish(options)
        self.analyzer: Analyzer = choose_analyzer(options)

    def split(self, input: str) -> list[str]:
        words = self._word_re.findall(input)
        if self.analyzer == "kiwi" and rules.is_hangul(input):
            words.extend(kiwi.morphemes(input))
        return words

    def stem(self, word: str) -> str:
        word = unicodedata.normalize("NFC", word).lower()
        stemmed = rules.stem(word)
        if rules.is_hangul(stemmed):
            return stemmed
        return self.english.stem(stemmed)

    def word_filter(self, word: str) -> bool:
        # Also drops the unstemmed form of a stopword (``것을``), which Sphinx
        # would otherwise index in the stopword's place.
        return super().word_filter(word) and rules.stem(word) not in KOREAN_STOPWORDS
