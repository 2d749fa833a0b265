"""Heading recognition: emoji, joiners and symbols never hide a journal section."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_journal.config import DEFAULT_SECTIONS
from sphinx_journal.sections.headings import normalize_heading, section_kind


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
        ("🌱 피어 세션 정리", None),
        ("일정표", None),
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
