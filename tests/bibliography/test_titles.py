"""A paper is titled by the most informative of its link texts (SPEC §6)."""

from __future__ import annotations

import pytest

from sphinx_journal.bibliography.identifiers import PaperId
from sphinx_journal.bibliography.titles import best_title, is_generic

PAPER = PaperId("arxiv", "1706.03762")


@pytest.mark.parametrize(
    "text",
    [
        "paper",
        "논문",
        "여기",
        "here",
        "link",
        "원문",
        "[Paper]",
        "(논문 링크)",
        "PDF",
        "https://arxiv.org/abs/1706.03762",
        "arxiv.org/abs/1706.03762",
        "1706.03762",
        "→",
    ],
)
def test_generic_texts(text: str) -> None:
    assert is_generic(text, PAPER)


@pytest.mark.parametrize("text", ["Attention Is All You Need", "Transformer", "어텐션 논문 정리"])
def test_specific_texts(text: str) -> None:
    assert not is_generic(text, PAPER)


def test_the_most_informative_citation_titles_the_paper() -> None:
    texts = ["논문", "here", "Transformer", "Attention Is All You Need", "https://arxiv.org/abs/1"]
    assert best_title(texts, PAPER) == "Attention Is All You Need"
    assert best_title(["여기", "paper"], PAPER) == "arxiv:1706.03762"
