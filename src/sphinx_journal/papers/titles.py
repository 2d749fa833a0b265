"""A paper's title from the texts of the links that cite it.

Posts link one paper as ``[Attention Is All You Need](…)`` in one place and
``[논문](…)`` or a bare URL in another. The bibliography shows the most
informative text among all of them: never a generic word when any
citation says more; failing all, the identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from sphinx_journal.papers.identifiers import PaperId

#: Link texts that say "a paper is here" and nothing about which.
GENERIC: Final = frozenset(
    {
        *("paper", "papers", "the paper", "this paper", "original paper", "full paper"),
        *("here", "link", "this", "source", "pdf", "abs", "abstract", "arxiv", "download"),
        *("click", "click here", "see here", "reference", "ref", "url", "website", "page"),
        *("논문", "원문", "여기", "링크", "이곳", "출처", "참고", "논문 링크", "논문링크"),
        *("paper link", "link to paper", "논문 원문", "원본", "바로가기", "클릭"),
    }
)
_DECORATION: Final = re.compile(
    r"^[\s\[\](){}<>\"'“”‘’:.,;!?~*_#|-]+|[\s\[\](){}<>\"'“”‘’:.,;!?~*_#|-]+$"
)
_URL: Final = re.compile(r"^(?:https?://|www\.)\S*$|^\S+\.(?:org|com|net|cc|press|io)/\S*$", re.I)


def is_generic(text: str, paper: PaperId | None = None) -> bool:
    """Whether ``text`` names no particular paper: a generic word, a URL, the bare id."""
    core = _DECORATION.sub("", " ".join(text.split())).casefold()
    if not core or core in GENERIC or _URL.match(core):
        return True
    if paper is not None and core in {str(paper).casefold(), paper.value.casefold()}:
        return True
    return not re.search(r"\w", core)


def best_title(texts: Iterable[str], paper: PaperId, contexts: Iterable[str] = ()) -> str:
    """The most informative of ``texts`` (first of the longest that is not generic).

    When every link text is generic, the words around the links
    (``contexts``) are next; failing all, the identifier.
    """
    for pool in (texts, contexts):
        candidates = [" ".join(t.split()) for t in pool]
        specific = [t for t in candidates if not is_generic(t, paper)]
        if specific:
            return max(specific, key=lambda t: (len(t.split()) > 1, len(t)))
    return str(paper)
