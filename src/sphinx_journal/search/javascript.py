"""The browser's stemmer: Sphinx's English Snowball stemmer plus the Korean rules.

Generated from :mod:`.rules`' tables, so that the query typed in the
browser is reduced exactly as the index was.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import sphinx.search

from sphinx_journal.search.rules import SUFFIXES

_MINIFIED = Path(sphinx.search.__file__).parent / "minified-js"

_KOREAN = """
var KoreanStemmer = function () {
  var english = new EnglishStemmer();
  var suffixes = %(suffixes)s;
  var hangul = /[\\uac00-\\ud7a3]/;
  this.stemWord = function (word) {
    if (!hangul.test(word)) {
      return english.stemWord(word);
    }
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i][0], keep = suffixes[i][1];
      if (word.length - suffix.length >= keep && word.slice(-suffix.length) === suffix) {
        var rest = word.slice(0, word.length - suffix.length);
        if (hangul.test(rest.slice(-1))) {
          return rest;
        }
      }
    }
    return word;
  };
};
window.Stemmer = KoreanStemmer;
"""


@cache
def stemmer_code() -> str:
    """JavaScript defining ``Stemmer`` for ``language_data.js``."""
    korean = _KOREAN % {
        "suffixes": json.dumps([list(item) for item in SUFFIXES], ensure_ascii=False)
    }
    return "\n".join(
        (
            (_MINIFIED / "base-stemmer.js").read_text(encoding="utf-8"),
            (_MINIFIED / "english-stemmer.js").read_text(encoding="utf-8"),
            korean,
        )
    )
