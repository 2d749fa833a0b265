"""SearchKorean: splitting and stemming mixed Korean/English text, on both analysers."""

from __future__ import annotations

import pytest

from sphinx_journal.search.language import SearchKorean

TEXT = "시각화를 배우는 Engineering 36일차, PyTorch를 정리했다"


def test_rules_path_without_kiwi(without_kiwi: None) -> None:
    language = SearchKorean({})
    assert language.analyzer == "rules"
    words = language.split(TEXT)
    assert words == ["시각화를", "배우는", "Engineering", "36일차", "PyTorch를", "정리했다"]
    assert [language.stem(w) for w in words] == [
        "시각화",
        "배우",
        "engin",
        "36일차",
        "pytorch",
        "정리",
    ]


def test_kiwi_path_adds_morphemes_beside_the_words() -> None:
    pytest.importorskip("kiwipiepy")
    language = SearchKorean({})
    assert language.analyzer == "kiwi"
    words = language.split("언어모델의 학습과 평가")
    # the words themselves, which the browser's rules can reach ...
    assert words[:3] == ["언어모델의", "학습과", "평가"]
    # ... and the parts of the compound, which only the analyser finds
    assert {"언어", "모델", "학습", "평가"} <= set(words[3:])
    assert {language.stem(w) for w in words} >= {"언어모델", "언어", "모델", "학습", "평가"}


def test_kiwi_is_not_run_on_text_without_hangul() -> None:
    pytest.importorskip("kiwipiepy")
    assert SearchKorean({}).split("Full Stack ML Engineer") == ["Full", "Stack", "ML", "Engineer"]


def test_analyzer_option() -> None:
    pytest.importorskip("kiwipiepy")
    assert SearchKorean({"analyzer": "rules"}).analyzer == "rules"
    assert SearchKorean({"analyzer": "kiwi"}).analyzer == "kiwi"
    assert SearchKorean({"analyzer": "rules"}).split("언어모델의") == ["언어모델의"]


def test_asking_for_kiwi_without_it_warns_and_uses_rules(
    without_kiwi: None, caplog: pytest.LogCaptureFixture
) -> None:
    language = SearchKorean({"analyzer": "kiwi"})
    assert language.analyzer == "rules"
    assert "kiwipiepy is not installed" in caplog.text


def test_stem_normalises_decomposed_hangul() -> None:
    decomposed = "\u1109\u1175\u1100\u1161\u11a8\u1112\u116a\u1105\u1173\u11af"  # 시각화를, NFD
    assert SearchKorean({"analyzer": "rules"}).stem(decomposed) == "시각화"


@pytest.mark.parametrize(
    ("word", "kept"),
    [
        ("시각화", True),
        ("engin", True),
        ("것", False),
        ("것을", False),
        ("the", False),
        ("36", False),
    ],
)
def test_word_filter_drops_stopwords_in_either_form(word: str, kept: bool) -> None:
    assert SearchKorean({"analyzer": "rules"}).word_filter(word) is kept


def test_the_browser_gets_the_korean_stemmer() -> None:
    code = SearchKorean.js_stemmer_code
    assert "window.Stemmer = KoreanStemmer" in code
    assert "EnglishStemmer" in code
    assert '["에서부터", 1, "any"]' in code  # the rule table, written from Python
