"""The browser's stemmer: the Korean rules of :mod:`.rules`, then Sphinx's English stemmer.

Sphinx's ``searchtools.js`` lower-cases each query word and passes it to
``new Stemmer().stemWord(word)``; the result is looked up in the index.
The code below mirrors :func:`sphinx_journal.search.language.SearchKorean.stem`
step for step, and its rule list is written from :data:`.rules.RULES`
itself, so the query is reduced exactly as the index was. The tests run it
under node against the Python side.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Final

import sphinx.search
from sphinx.search.en import SearchEnglish

from sphinx_journal.search.rules import RULES

__all__ = ["rules_json", "stemmer_code"]

#: Sphinx ships its Snowball stemmers for the browser here; ``en.py`` uses the same files.
_MINIFIED_JS: Final = Path(sphinx.search.__file__).parent / "minified-js"

_KOREAN: Final = """
/* sphinx-journal: Korean particles and endings, then English (Snowball). */
var KoreanStemmer = function () {
  var english = new EnglishStemmer();
  var rules = %(rules)s;  /* [suffix, min_stem, after], longest first */
  var hangul = /[\\uac00-\\ud7a3]/;
  var sound = function (ch, after) {
    var code = ch.charCodeAt(0);
    if (after === "any" || code < 0xac00 || code > 0xd7a3) return true;
    var fin = (code - 0xac00) %% 28;
    if (after === "vowel") return fin === 0;
    if (after === "consonant") return fin !== 0;
    if (after === "vowel-or-rieul") return fin === 0 || fin === 8;
    return fin !== 0 && fin !== 8;  /* consonant-not-rieul */
  };
  var stripOnce = function (chars) {
    var word = chars.join("");
    for (var i = 0; i < rules.length; i++) {
      var suffix = rules[i][0];
      var rest = chars.length - Array.from(suffix).length;
      if (word.endsWith(suffix) && rest >= rules[i][1] && sound(chars[rest - 1], rules[i][2])) {
        return chars.slice(0, rest);
      }
    }
    return null;
  };
  this.stemWord = function (word) {
    word = word.normalize("NFC").toLowerCase();
    if (!hangul.test(word)) return english.stemWord(word);
    var chars = Array.from(word), shorter;
    while ((shorter = stripOnce(chars)) !== null) chars = shorter;
    word = chars.join("");
    return hangul.test(word) ? word : english.stemWord(word);
  };
};
window.Stemmer = KoreanStemmer;
"""


def rules_json() -> str:
    """The rule table as a JSON array of ``[suffix, min_stem, after]``."""
    return json.dumps(
        [[rule.suffix, rule.min_stem, str(rule.after)] for rule in RULES], ensure_ascii=False
    )


@cache
def stemmer_code() -> str:
    """JavaScript defining ``window.Stemmer`` for Sphinx's ``language_data.js``."""
    return "\n".join(
        (
            (_MINIFIED_JS / "base-stemmer.js").read_text(encoding="utf-8"),
            (_MINIFIED_JS / SearchEnglish.js_stemmer_rawcode).read_text(encoding="utf-8"),
            _KOREAN % {"rules": rules_json()},
        )
    )
