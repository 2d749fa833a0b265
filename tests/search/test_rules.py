"""The built-in Korean rule set: tables of words and their stems, and the table's own shape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.search import rules
from sphinx_journal.search.rules import After

#: (word, stem): the particles and endings of SPEC §9's journals.
PARTICLES = [
    ("시각화를", "시각화"),
    ("시각화에", "시각화"),
    ("시각화의", "시각화"),
    ("질문에", "질문"),
    ("유튜브부터", "유튜브"),
    ("엣지를", "엣지"),
    ("강점을", "강점"),
    ("모델이", "모델"),
    ("데이터가", "데이터"),
    ("논문은", "논문"),
    ("데이터는", "데이터"),
    ("학교에서", "학교"),
    ("멘토에게", "멘토"),
    ("책으로", "책"),
    ("도커로", "도커"),
    ("서울로", "서울"),
    ("데이터와", "데이터"),
    ("논문과", "논문"),
    ("논문도", "논문"),
    ("논문만", "논문"),
    ("처음부터", "처음"),
    ("끝까지", "끝"),
    ("어제처럼", "어제"),
    ("작년보다", "작년"),
    ("논문이나", "논문"),
    ("데이터나", "데이터"),
    ("친구랑", "친구"),
    ("동생이랑", "동생"),
    ("교수님께서", "교수님"),
    ("멘토한테", "멘토"),
    ("대시보드에는", "대시보드"),
    ("학교에서는", "학교"),
    ("결론으로는", "결론"),
    ("학교에서부터", "학교"),
    ("사람들이", "사람"),  # 들 + 이: stacked particles, stripped one after the other
    ("서버에도", "서버"),
]
ENDINGS = [
    ("정리하다", "정리"),
    ("정리했다", "정리"),
    ("공부합니다", "공부"),
    ("공부하는", "공부"),
    ("공부해서", "공부"),
    ("구현되는", "구현"),
    ("구현된", "구현"),
    ("모델이다", "모델"),
    ("모델입니다", "모델"),
    ("중요한", "중요"),
    ("이해했다", "이해"),
    ("배우는", "배우"),
    ("배우다", "배우"),
    ("문제였다", "문제"),
]
#: Nouns that end in a particle's syllable and must stay whole.
KEPT = [
    ("평가", "평가"),  # 가 only follows a syllable without 받침; 평 has one
    ("전문가", "전문가"),
    ("사과", "사과"),  # 과 only follows a 받침; 사 has none
    ("경로", "경로"),  # 로 only follows no 받침 or ㄹ
    ("차이", "차이"),  # 이 only follows a 받침
    ("도로", "도로"),  # two syllables must remain before 로
    ("정도", "정도"),
    ("강의", "강의"),
    ("역할", "역할"),
    ("이해", "이해"),
    ("바다", "바다"),
    ("가을", "가을"),  # 을 only follows a 받침
    ("책", "책"),
    ("평가를", "평가"),
    ("경로로", "경로"),
    ("정도가", "정도"),
]
#: Words without Hangul are left to the English stemmer; Latin words lose a Korean particle.
OTHER = [
    ("Python", "Python"),
    ("engineering", "engineering"),
    ("2021", "2021"),
    ("PyTorch를", "PyTorch"),
    ("GPU는", "GPU"),
    ("API가", "API"),
    ("36일차", "36일차"),
    ("", ""),
]


@pytest.mark.parametrize(("word", "expected"), PARTICLES + ENDINGS + KEPT + OTHER)
def test_stem(word: str, expected: str) -> None:
    assert rules.stem(word) == expected


#: Particles as (after a final consonant, after a vowel); the word's last sound picks one.
PARTICLE_PAIRS = [
    ("을", "를"),
    ("이", "가"),
    ("은", "는"),
    ("과", "와"),
    ("으로", "로"),
    ("이나", "나"),
    ("이랑", "랑"),
    ("이라고", "라고"),
    *((particle, particle) for particle in ["에", "의", "에서", "에게", "부터", "까지", "처럼"]),
    *((particle, particle) for particle in ["보다", "도", "만", "에는", "에서는", "들이", "께서"]),
]
NOUNS = [
    *("시각화", "질문", "유튜브", "엣지", "강점", "대시보드", "논문", "평가", "데이터", "경로"),
    *("이미지", "페이지", "차이", "아이디어", "전문가", "결과", "강의", "파이썬", "서울"),
]


def attach(noun: str, pair: tuple[str, str]) -> str:
    """``noun`` with the form of the particle its last sound takes (으로 also after ㄹ: 로)."""
    final = rules.final_consonant(noun[-1])
    if pair[0] == "으로" and final == 8:
        return noun + pair[1]
    return noun + (pair[1] if final == 0 else pair[0])


@pytest.mark.parametrize("pair", PARTICLE_PAIRS, ids="/".join)
@pytest.mark.parametrize("noun", NOUNS)
def test_a_noun_with_a_particle_meets_the_bare_noun(noun: str, pair: tuple[str, str]) -> None:
    """What §9 promises: the bare word finds the pages that only say it with a particle."""
    assert rules.stem(attach(noun, pair)) == rules.stem(noun) == noun


#: Where rules without a dictionary go wrong; kept here so an improvement shows.
KNOWN_LIMITS = [
    ("인프라는", "인프라"),  # 라는 (``BERT라는``) takes the noun's 라
    ("이하는", "이하"),  # 하는 (``공부하는``) takes the noun's 하
    ("데이터이다", "데이터"),  # 이다 after a vowel is left, for 차이다 (= 차이 + 다)
    ("책이", "책"),  # one syllable is too short to lose an ambiguous 이
    ("배웠다", "배우"),  # irregular verbs need the analyser
]


@pytest.mark.xfail(strict=True, reason="a limit of suffix rules; the [ko] extra's analyser helps")
@pytest.mark.parametrize(("word", "expected"), KNOWN_LIMITS)
def test_known_limits(word: str, expected: str) -> None:
    assert rules.stem(word) == expected


def test_rules_are_longest_first() -> None:
    lengths = [len(rule.suffix) for rule in rules.RULES]
    assert lengths == sorted(lengths, reverse=True)


def test_every_suffix_is_one_rule_of_hangul() -> None:
    suffixes = [rule.suffix for rule in rules.RULES]
    assert len(suffixes) == len(set(suffixes))
    assert all(all(rules.is_hangul(char) for char in suffix) for suffix in suffixes)
    assert all(rule.min_stem >= 1 for rule in rules.RULES)


@pytest.mark.parametrize(
    ("char", "final"), [("가", 0), ("강", 21), ("길", 8), ("책", 1), ("a", None), ("1", None)]
)
def test_final_consonant(char: str, final: int | None) -> None:
    assert rules.final_consonant(char) == final


def test_strip_once_strips_one_suffix() -> None:
    assert rules.strip_once("사람들이") == "사람들"
    assert rules.strip_once("평가") is None
    assert rules.strip_once("Python") is None


def test_sound_rules_cover_every_kind() -> None:
    assert {rule.after for rule in rules.RULES} == set(After)


hangul_words = st.text(
    alphabet=st.sampled_from([*"시각화를에서는이가도로의과와은을나랑한다했입니책강점평", "a", "1"]),
    max_size=8,
)


@given(hangul_words)
def test_stem_is_a_fixed_point(word: str) -> None:
    """Index and query meet only if a stem stems to itself."""
    stemmed = rules.stem(word)
    assert rules.stem(stemmed) == stemmed
    assert word.startswith(stemmed)
