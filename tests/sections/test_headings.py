"""Heading recognition: emoji, joiners and symbols never hide a journal section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.config import DEFAULT_SECTIONS
from sphinx_journal.sections.headings import (
    LectureHeading,
    is_one_lecture_title,
    lecture_heading,
    names_one_lecture,
    normalize_heading,
    section_kind,
)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("오늘 일정 정리", "schedule"),
        ("📝 오늘 일정 정리", "schedule"),
        ("📝오늘 일정 정리 ", "schedule"),
        ("👩‍💻 학습 회고", "retrospective"),
        ("✍️ 학습 회고", "retrospective"),
        ("1️⃣ 강의 내용 정리", "lectures"),
        ("🚀 Retrospective", "retrospective"),
        ("Today's Schedule", "schedule"),
        ("📚 LECTURE NOTES", "lectures"),
        ("👍🏽 회고:", "retrospective"),
        ("🌱 피어 세션 정리", "peer-session"),
        ("피어세션", "peer-session"),
        ("피어섹션 👨‍👨‍👦", "peer-session"),
        ("일정표", "schedule"),
        ("## 4. 회고", "retrospective"),
        ("4) 회고록", "retrospective"),
        ("(2) 주간 회고", "retrospective"),
        ("[3] 느낀 점", "retrospective"),
        ("① 배운점", "retrospective"),
        ("IV. Reflection", "retrospective"),
        ("What I learned today", "retrospective"),
        ("Day 3 - Today I learned", "retrospective"),
        ("1. 강의", "lectures"),
        ("1일차 학습 정리", "lectures"),
        ("What I learned", "lectures"),
        ("마스터 클래스 (임성빈 마스터님)", "lectures"),
        ("오늘의 목표", "schedule"),
        ("해야할 일", "schedule"),
        ("💎 오피스 아워", "office-hour"),
        ("멘토링 (이호민 멘토님)", "office-hour"),
        ("조별 회고", "retrospective"),
        ("타운홀 미팅", None),
        ("Day 72 - Visualization", None),
        ("1.5. Scheduler", None),
        ("Why Self-Supervised Learning?", None),
        ("Notes", None),
    ],
)
def test_section_kinds(heading: str, kind: str | None) -> None:
    assert section_kind(heading, DEFAULT_SECTIONS) == kind


def test_normalize_keeps_letters_digits_and_apostrophes() -> None:
    assert normalize_heading("  📝 Day 36 — Today's plan ✨ ") == "day 36 — today's plan"


@given(st.text(alphabet=st.characters(categories=["So", "Sk", "Cf", "Zs"]), max_size=6))
def test_decorations_around_a_heading_are_ignored(decoration: str) -> None:
    assert section_kind(decoration + "학습 회고" + decoration, DEFAULT_SECTIONS) == (
        "retrospective"
    )


def test_the_projects_table_extends_the_built_in_one() -> None:
    assert section_kind("Standup", {"Standup": "peer-session"}) == "peer-session"
    assert section_kind("피어 세션", {"Standup": "peer-session"}) == "peer-session"
    assert section_kind("Dear diary", {}) is None


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("[3강] Optimization", LectureHeading("Optimization", 3)),
        ("(06강) 모델 불러오기", LectureHeading("모델 불러오기", 6)),
        ("[시각화 5강] 차트", LectureHeading("차트", 5, "시각화")),
        ("Lecture 3: Attention", LectureHeading("Attention", 3)),
        ("마스터 클래스 (임성빈 마스터님)", LectureHeading("마스터 클래스", speaker="임성빈")),
        ("데이터 리터러시 - 안수빈 마스터님", LectureHeading("데이터 리터러시", speaker="안수빈")),
        ("MLP (Multi-Layer Perceptron)", LectureHeading("MLP (Multi-Layer Perceptron)")),
        ("Transformer (1)", LectureHeading("Transformer (1)")),
        ("Day_3 02. pandas I", LectureHeading("pandas I")),
        ("Day_26. 03 시각화 도구", LectureHeading("시각화 도구")),
        (
            "[특강] AI 윤리 - 김하나 교수님",
            LectureHeading("AI 윤리", series="특강", speaker="김하나"),
        ),
        (
            "[오피스아워] 베이스라인 - 이하늘 멘토",
            LectureHeading("베이스라인", None, "오피스아워", "이하늘"),
        ),
        (
            "[마스터클래스] 안수빈 마스터",
            LectureHeading("마스터클래스", None, "마스터클래스", "안수빈"),
        ),
        ("[github 특강1] 이고잉 강사님", LectureHeading("github 특강1", speaker="이고잉")),
        ("[특강 - 개발자의 삶] 김철수 CTO", LectureHeading("[특강 - 개발자의 삶] 김철수 CTO")),
        # symbols of the text stay; pictographs around it go
        ("2. 오픈소스 교육 (8/14) 13:00~17:00", LectureHeading("오픈소스 교육 (8/14) 13:00~17:00")),
        ("📚 C++ 기초 👍🏻", LectureHeading("C++ 기초")),
        ("1️⃣ 손실 함수 $L = x^2$", LectureHeading("손실 함수 $L = x^2$")),
    ],
)
def test_lecture_headings(heading: str, expected: LectureHeading) -> None:
    assert lecture_heading(heading) == expected


def test_session_headings_name_one_lecture_containers_do_not() -> None:
    assert names_one_lecture("도메인 특강")
    assert names_one_lecture("특별 강의")
    assert names_one_lecture("마스터 클래스 (임성빈 마스터님)")
    assert names_one_lecture("2. 오픈소스 기본 교육 (8/14)")
    assert not names_one_lecture("📚 강의 내용 정리")
    assert not names_one_lecture("1일차 학습 정리")


@pytest.mark.parametrize(
    "title",
    [
        "Day_1 01. Basic computer class",
        "Day18 01. Training & Inference",
        "day_19 01. Ensemble",
        "[Day 3] 2) 통계학 맛보기",
        "3일차 - 1. 벡터",
        "Day_26. 03 시각화 도구",
        "Week 2: (1) 최적화",
        "[3강] Optimization",
        "(시각화 5강) 차트",
        "Day_5 [3강] 최적화",
        "Lecture 3: Attention",
    ],
)
def test_titles_that_say_the_post_is_one_lecture(title: str) -> None:
    assert is_one_lecture_title(title)


@pytest.mark.parametrize(
    "title",
    [
        "[Day12] PyTorch 4~5강",  # the day's overview of several lectures
        "[Day1] 파이썬 1 ~ 2강 & 필수과제 1, 2, 3",
        "Day_1 [필수과제 1] Basic Math",
        "07. Python 기초 문법(if, elif, else)",  # a part of a series, no day
        "[통계적 기계학습] 4. Optimization",
        "[Boostcamp AI Tech] 1일차 학습정리",
        "Boostcamp 15days",
        "Day 3 - 2021 recap",
        "Week 2 - Plan",
        "Day_21 Mission",
    ],
)
def test_titles_that_do_not(title: str) -> None:
    assert not is_one_lecture_title(title)
