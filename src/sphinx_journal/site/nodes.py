"""Placeholder nodes: what a page needs from other pages is filled in at write time.

Reading a post must not depend on any other post (parallel reads, and
incremental builds that re-read only what changed), so every cross-post
or builder-specific part is a placeholder resolved by a post-transform.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


#: The class Sphinx's search indexer skips (``WordCollector``): what the journal adds
#: to a post (its header, its previous/next links) is not what the post says, and
#: would make every post match its date, its tags and its neighbours' titles.
NO_SEARCH: Final = "no-search"


class page_link(nodes.Inline, nodes.TextElement):
    """A link to a generated journal page (``page``), text kept where no such page exists."""


class post_neighbours(nodes.General, nodes.Element):
    """Where a post's links to its previous and next posts go."""


class journal_listing(nodes.General, nodes.Element):
    """A listing directive (``kind``, ``options``) waiting for the journal's records."""


def _skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _pass(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


#: Output formats, never builder names: Sphinx looks up a builder's handlers by its
#: name first, so a ``singlehtml=`` or ``epub=`` entry would hide every ``html=``
#: handler (sphinx-design's, the journal's widgets) from those builders.
FORMATS = ("html", "latex", "text", "man", "texinfo")


def add_placeholder(app: Sphinx, node: type[nodes.Element]) -> None:
    """Register a placeholder that a post-transform always replaces (skipped if one is left)."""
    visitors: dict[str, Any] = dict.fromkeys(FORMATS, (_skip, None))
    app.add_node(node, **visitors)


def setup_nodes(app: Sphinx) -> None:
    """Register the placeholders; post-transforms replace them before any writer sees them."""
    handlers: dict[str, Any] = dict.fromkeys(FORMATS, (_pass, _pass))
    app.add_node(page_link, **handlers)
    add_placeholder(app, post_neighbours)
    add_placeholder(app, journal_listing)
