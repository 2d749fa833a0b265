"""Post-transforms that fill the placeholders of a page when it is written."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_journal import priorities
from sphinx_journal.builders import builder_of
from sphinx_journal.i18n import _
from sphinx_journal.pages.render import link
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.links import Linker
from sphinx_journal.site.nodes import NO_SEARCH, journal_listing, page_link, post_neighbours
from sphinx_journal.site.registry import ListingContext, registry_of


class ResolveJournalNodes(SphinxPostTransform):
    """Replace page links, neighbour links and listings with real content."""

    default_priority = priorities.RESOLVE_PLACEHOLDERS

    def run(self, **kwargs: Any) -> None:
        linker = Linker(builder_of(self.env), self.env.docname)
        for link_node in list(self.document.findall(page_link)):
            self._page_link(link_node, linker)
        for neighbours in list(self.document.findall(post_neighbours)):
            neighbours.replace_self(self._neighbours(linker))
        for listing in list(self.document.findall(journal_listing)):
            render = registry_of(self.env).listing(listing["kind"]).render
            content = render(ListingContext(self.env, linker, listing["options"]))
            container = nodes.container(classes=["journal-listing", f"journal-{listing['kind']}"])
            container.extend(content)
            listing.replace_self(container)

    @staticmethod
    def _page_link(node: page_link, linker: Linker) -> None:
        if linker.pages_exist:
            ref = nodes.reference(
                "",
                "",
                *node.children,
                internal=True,
                refuri=linker.to(node["page"]),
                classes=node["classes"],
            )
            node.replace_self(ref)
        else:
            node.replace_self(nodes.inline("", "", *node.children, classes=node["classes"]))

    def _neighbours(self, linker: Linker) -> list[nodes.Node]:
        older, newer = post_index(self.env).neighbours(self.env.docname)
        if older is None and newer is None:
            return []
        nav = nodes.container(classes=["journal-post-nav", NO_SEARCH])
        for post, label, css in (
            (older, _("Previous post"), "journal-prev"),
            (newer, _("Next post"), "journal-next"),
        ):
            if post is None:
                continue
            para = nodes.paragraph(classes=[css])
            para += nodes.inline(label, label, classes=["journal-nav-label"])
            para += nodes.Text(" ")
            para += link(linker, post.docname, post.title)
            nav += para
        return [nav]
