"""How deep a post's blocks may nest, and what happens to what nests deeper: nothing is lost.

Three limits stand between a deeply nested post and a page, each of which
used to cost content or the build:

- markdown-it stops at ``maxNesting`` levels and silently drops the rest of
  the post (its default, 20, is a list ten levels deep);
- a doctree much deeper than that exceeds Python's recursion limit when it
  is rendered or pickled, and Sphinx's text writer runs out of line width
  (each level indents it) near 35 levels; LaTeX allows 10 nested lists;
- a post of hundreds of nested directives exceeds the recursion limit while
  MyST renders it.

The post parser (:class:`sphinx_journal.upstream.JournalMystParser`) keeps
what passes markdown-it's limit as text and shows a post too deep for MyST
as its source; :class:`FlattenDeepBlocks` then lifts what a post nests more
than :data:`MAX_DEPTH` blocks deep (lists, quotes, boxes, in any mix) out of
its blocks, in order, at that depth, with a ``journal.nesting`` warning:
every builder renders the post, and LaTeX compiles it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.upstream import is_untrusted
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Blocks inside blocks a post shows as they are; deeper ones are lifted to this depth.
#: LaTeX nests at most 10 lists (Sphinx's ``maxlistdepth``); text indents 3 per level.
MAX_DEPTH: Final = 10

#: Blocks that hold other blocks and count as one level of depth.
_LEVELS: Final = (
    nodes.list_item,
    nodes.block_quote,
    nodes.definition,
    nodes.field_body,
    nodes.option_list_item,
    nodes.Admonition,
    nodes.container,
    nodes.topic,
    nodes.sidebar,
    nodes.footnote,
    nodes.citation,
    nodes.compound,
    nodes.line_block,
)
#: Blocks that only group levels (a list groups its items): no depth of their own.
_GROUPS: Final = (
    nodes.bullet_list,
    nodes.enumerated_list,
    nodes.definition_list,
    nodes.definition_list_item,
    nodes.field_list,
    nodes.field,
    nodes.option_list,
)
#: Text blocks that stand on their own anywhere a paragraph may.
_STANDALONE: Final = (
    nodes.paragraph,
    nodes.literal_block,
    nodes.doctest_block,
    nodes.math_block,
    nodes.rubric,
    nodes.comment,
    nodes.raw,
)


def _depth_levels(node: nodes.Node) -> bool:
    """Whether ``node`` is a block that holds blocks, one level deeper (a list item, a box …)."""
    if isinstance(node, _LEVELS):
        return True
    if isinstance(node, (nodes.TextElement, nodes.Inline, nodes.section, *_GROUPS)):
        return False
    # an extension's own block (a dropdown, a card …) that holds other blocks
    return (
        isinstance(node, nodes.Element)
        and bool(node.children)
        and not isinstance(node, (nodes.table, nodes.figure))
    )


def _outermost_group(node: nodes.Element) -> nodes.Element:
    """``node``, or the list (the group of groups) it is an item of."""
    while isinstance(node.parent, _GROUPS):
        node = node.parent
    return node


def too_deep(document: nodes.document, limit: int = MAX_DEPTH) -> list[nodes.Element]:
    """The outermost blocks of ``document`` that hold blocks more than ``limit`` levels deep.

    A list whose items are too deep is given whole (its items are all as deep).
    """
    found: dict[int, nodes.Element] = {}
    stack: list[tuple[nodes.Node, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        if node is not document and _depth_levels(node):
            if depth == limit:
                outer = _outermost_group(node)
                found.setdefault(id(outer), outer)
                continue
            depth += 1
        stack.extend((child, depth) for child in reversed(node.children))
    return list(found.values())


def _lifted(node: nodes.Element) -> Iterator[nodes.Node]:
    """The text blocks of ``node`` in document order, each able to stand alone."""
    stack: list[nodes.Node] = list(reversed(node.children))
    while stack:
        child = stack.pop()
        if isinstance(child, nodes.Text):
            if child.strip():
                yield nodes.paragraph("", "", child)
        elif isinstance(child, _STANDALONE) or not isinstance(child, nodes.Element):
            yield child
        elif isinstance(child, nodes.TextElement):
            # a title, term or caption: a paragraph once out of its block
            lifted = nodes.paragraph("", "", *child.children)
            lifted.source, lifted.line = child.source, child.line
            yield lifted
        elif _depth_levels(child) or isinstance(child, _GROUPS):
            stack.extend(reversed(child.children))
        else:  # a table, a figure, an image stands as it is
            yield child


def flatten(node: nodes.Element) -> None:
    """Replace ``node`` by its text blocks, unnested, in order."""
    node.replace_self(list(_lifted(node)) or [nodes.comment()])


def _line(node: nodes.Element) -> int | None:
    for found in node.findall(nodes.Element):
        if found.line:
            return found.line
    return None


class FlattenDeepBlocks(SphinxTransform):
    """Lift what a post nests more than :data:`MAX_DEPTH` deep, with a warning per place."""

    default_priority = priorities.FLATTEN_DEEP_BLOCKS

    def apply(self, **kwargs: object) -> None:
        if not is_untrusted(self.document):
            return
        for node in too_deep(self.document):
            warn(
                "nesting",
                f"blocks nested more than {MAX_DEPTH} deep are shown unnested from here on, "
                "in order",
                (self.env.docname, _line(node)),
            )
            flatten(node)


def setup_nesting(app: Sphinx) -> None:
    app.add_transform(FlattenDeepBlocks)
