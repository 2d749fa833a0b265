"""A paper is titled by the most informative of its link texts (SPEC §6)."""

from __future__ import annotations

import pytest

from sphinx_journal.papers.identifiers import PaperId
from sphinx_journal.papers.titles import best_title, is_generic
from tests.htmlutil import main, parse, text

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


def test_words_beside_a_bare_link_come_before_the_identifier() -> None:
    bare = ["https://arxiv.org/abs/1706.03762"]
    assert best_title(bare, PAPER, ["Sequence to sequence learning, ICML'14"]) == (
        "Sequence to sequence learning, ICML'14"
    )
    assert best_title(["Transformer"], PAPER, ["Some longer context words"]) == "Transformer"
    assert best_title(bare, PAPER, ["", "논문"]) == "arxiv:1706.03762"


def test_papers_page_titles_bare_links_by_their_line_or_list_item(copy_root, build) -> None:
    built = build(copy_root("papers-context"))
    body = text(main(parse(built.page("journal/papers.html"))))
    assert "Bidirectional LSTM-CRF Models for Sequence Tagging" in body
    assert "Sequence to sequence learning with neural networks, ICML'14" in body
    assert "Unrelated words" not in body  # the line before a bare link says nothing of it
    # a list item's title line over its link; "논문:" beside a link passed over for its item
    assert "Deep Residual Learning for Image Recognition" in body
    assert "과제 1: Vision Transformer 읽기" in body
    assert "Updated: this post is also on" in body and "<span" not in body  # markup is no words
