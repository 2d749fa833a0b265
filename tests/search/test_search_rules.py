"""The Korean rule set, the search language, and the browser stemmer agreeing with both."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinx_journal.search import kiwi, rules
from sphinx_journal.search.javascript import stemmer_code
from sphinx_journal.search.language import SearchKorean

TABLE = [
    ("시각화를", "시각화"),
    ("시각화에", "시각화"),
    ("시각화의", "시각화"),
    ("시각화", "시각화"),
    ("질문에", "질문"),
    ("유튜브부터", "유튜브"),
    ("엣지를", "엣지"),
    ("강점을", "강점"),
    ("책을", "책"),
    ("도로", "도로"),
    ("나라", "나라"),
    ("학교에서부터", "학교"),
    ("정리했다", "정리"),
    ("공부합니다", "공부"),
    ("모델의", "모델"),
    ("ai는", "ai는"),
    ("Python", "Python"),
    ("36일차", "36일차"),
]


@pytest.mark.parametrize(("word", "expected"), TABLE)
def test_rules(word: str, expected: str) -> None:
    assert rules.stem(word) == expected


def test_suffixes_are_longest_first_within_each_group() -> None:
    unambiguous = [s for s, keep in rules.SUFFIXES if keep == rules.MIN_STEM]
    assert unambiguous == sorted(unambiguous, key=len, reverse=True)


def test_rules_path_without_kiwi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kiwi, "analyzer", lambda: None)
    language = SearchKorean({})
    assert not language.use_kiwi
    words = language.split("시각화를 배우는 Engineering 36일차")
    assert words == ["시각화를", "배우는", "Engineering", "36일차"]
    assert [language.stem(w) for w in words] == ["시각화", "배우", "engin", "36일차"]


def test_kiwi_path_adds_morphemes() -> None:
    pytest.importorskip("kiwipiepy")
    language = SearchKorean({})
    assert language.use_kiwi
    words = language.split("언어모델의 학습과 평가")
    assert {"언어", "모델", "학습", "평가"} <= set(words)
    assert "언어모델의" in words  # the rule stem is indexed too, for the browser's query
    assert not SearchKorean({"analyzer": "rules"}).use_kiwi


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_browser_stemmer_agrees_with_the_index(tmp_path: Path) -> None:
    words = [word for word, _ in TABLE] + ["engineering", "Visualization", "questions"]
    script = tmp_path / "stem.js"
    script.write_text(
        "global.window = globalThis;\n"
        + stemmer_code()
        + f"\nconst s = new window.Stemmer();\nconsole.log(JSON.stringify("
        f"{json.dumps(words, ensure_ascii=False)}.map(w => s.stemWord(w.toLowerCase()))));\n",
        encoding="utf-8",
    )
    out = subprocess.run(["node", str(script)], capture_output=True, text=True, check=True)
    language = SearchKorean({"analyzer": "rules"})
    assert json.loads(out.stdout) == [language.stem(w.lower()).lower() for w in words]
