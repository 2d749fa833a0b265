"""The Kiwi path: content morphemes as extra index terms, and its absence handled."""

from __future__ import annotations

import pytest

from sphinx_journal.search import kiwi


def test_content_morphemes_keep_nouns_stems_and_derived_words() -> None:
    tokens = [
        ("언어", "NNG"),
        ("모델", "NNG"),
        ("의", "JKG"),
        ("시각", "NNG"),
        ("화", "XSN"),
        ("를", "JKO"),
        ("배우", "VV-R"),
        ("어서", "EC"),
        ("것", "NNB"),
        ("PyTorch", "SL"),
        ("하", "XSV"),
    ]
    assert kiwi.content_morphemes(tokens) == [
        "언어",
        "모델",
        "시각",
        "시각화",
        "배우",
        "PyTorch",
    ]


def test_absent_kiwipiepy_means_no_morphemes(without_kiwi: None) -> None:
    assert not kiwi.available()
    assert kiwi.analyzer() is None
    assert kiwi.morphemes("언어모델의 학습과 평가") == []


def test_kiwi_finds_the_parts_of_compounds() -> None:
    pytest.importorskip("kiwipiepy")
    assert kiwi.available()
    terms = kiwi.morphemes("언어모델의 학습과 평가를 시각화했다. 질문에 답한다")
    assert {"언어", "모델", "학습", "평가", "시각화", "질문"} <= set(terms)
    assert not {"의", "과", "를", "에"} & set(terms)


def test_the_model_is_loaded_once() -> None:
    pytest.importorskip("kiwipiepy")
    first = kiwi.analyzer()
    assert first is not None
    assert kiwi.analyzer() is first
