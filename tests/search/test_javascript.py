"""The browser's stemmer, run under node, reduces query words exactly as the index does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinx_journal.search import rules
from sphinx_journal.search.javascript import rules_json, stemmer_code
from sphinx_journal.search.language import SearchKorean

from .test_rules import ENDINGS, KEPT, OTHER, PARTICLES

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")

NOUNS = ["시각화", "질문", "유튜브", "엣지", "강점", "평가", "경로", "차이", "고양이", "책", "길"]
ENGLISH = ["Engineering", "dashboards", "Visualization", "questions", "running", "PyTorch"]


def run_stemmer(words: list[str], tmp_path: Path) -> list[str]:
    """``new Stemmer().stemWord(w.toLowerCase())`` for each word, as searchtools.js calls it."""
    script = tmp_path / "stem.js"
    script.write_text(
        "var window = globalThis;\n"
        + stemmer_code()
        + "\nconst stemmer = new window.Stemmer();\n"
        + "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        + "console.log(JSON.stringify(words.map((w) => stemmer.stemWord(w.toLowerCase()))));\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        ["node", str(script)],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    result: list[str] = json.loads(out.stdout)
    return result


def test_query_words_are_reduced_in_the_browser(tmp_path: Path) -> None:
    words = ["시각화를", "질문에", "유튜브부터", "엣지를", "강점을", "Engineering", "PyTorch를"]
    assert run_stemmer(words, tmp_path) == [
        "시각화",
        "질문",
        "유튜브",
        "엣지",
        "강점",
        "engin",
        "pytorch",
    ]


def test_browser_and_index_agree_on_every_rule(tmp_path: Path) -> None:
    """Every noun with every suffix of the table, and the tables of test_rules."""
    words = [noun + rule.suffix for noun in NOUNS for rule in rules.RULES]
    words += [word for word, _ in PARTICLES + ENDINGS + KEPT + OTHER] + NOUNS + ENGLISH
    language = SearchKorean({"analyzer": "rules"})
    expected = [language.stem(word) for word in words]
    assert run_stemmer(words, tmp_path) == expected


def test_the_rule_table_is_written_from_python() -> None:
    table = json.loads(rules_json())
    assert table == [[r.suffix, r.min_stem, str(r.after)] for r in rules.RULES]
    assert table[0][0] == max((r.suffix for r in rules.RULES), key=len)
