"""The post index of a build, and the title a listing shows for any document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.domain import journal_domain
from sphinx_journal.records.post_index import PostIndex

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def post_index(env: BuildEnvironment) -> PostIndex:
    """The post index of ``env``, recomputed only when a post changed."""
    return journal_domain(env).post_index()


def post_title(env: BuildEnvironment, docname: str) -> str:
    """The title a listing shows for ``docname``: the post's, else the page's, else its name."""
    post = journal_domain(env).posts.get(docname)
    if post is not None:
        return str(post.title)
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname
