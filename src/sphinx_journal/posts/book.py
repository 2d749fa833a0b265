"""Posts as chapters, in date order, for builders that make one book of the project.

HTML pages keep posts out of the toctree (a thousand posts in every page's
navigation would bury it); LaTeX, Texinfo, EPUB, man and single-page HTML need
them in it to include them at all. The root document therefore carries one
hidden toctree of the journal's own, empty while it is read; once every post
has been read, its entries are set to the posts in date order for book
builders, and to nothing for the others, and the root's cached doctree and
the environment's toctree relations are updated to match. The toctree stands
at the end of the root's last section, where a hand-written one would: each
post is a chapter under the book's title (man makes the root's title the
page's name and each chapter a ``.SH`` section with the post's title;
Texinfo makes each a ``@chapter``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from docutils import nodes
from sphinx import addnodes

from sphinx_journal.builders import builder_of
from sphinx_journal.compat import rewrite_doctree
from sphinx_journal.posts.index import post_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

BOOK_BUILDERS: Final = frozenset({"latex", "texinfo", "epub", "singlehtml", "man"})
MARKER: Final = "journal_posts"


def _on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    if env.docname != app.config.root_doc:
        return
    toctree = addnodes.toctree(
        parent=env.docname,
        entries=[],
        includefiles=[],
        maxdepth=-1,
        caption=None,
        glob=False,
        hidden=True,
        includehidden=False,
        numbered=0,
        titlesonly=False,
        rawentries=[],
    )
    toctree[MARKER] = True
    # inside the root's own (last) section, as a hand-written toctree stands: the
    # posts are then chapters below its title, where man and Texinfo look for them
    sections = [child for child in doctree.children if isinstance(child, nodes.section)]
    (sections[-1] if sections else doctree).append(toctree)  # hidden: renders nothing in HTML


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    root = app.config.root_doc
    if root not in env.all_docs:
        return []
    builder = builder_of(env)
    wanted = (
        [post.docname for post in post_index(env).posts] if builder.name in BOOK_BUILDERS else []
    )
    doctree = env.get_doctree(root)
    marker = next((n for n in doctree.findall(addnodes.toctree) if n.get(MARKER)), None)
    if marker is None or marker["includefiles"] == wanted:
        return []
    previous = set(marker["includefiles"])
    marker["entries"] = [(None, docname) for docname in wanted]
    marker["includefiles"] = list(wanted)
    rewrite_doctree(builder, root, doctree)
    includes = [d for d in env.toctree_includes.get(root, []) if d not in previous]
    env.toctree_includes[root] = includes + wanted
    for docname in previous - set(wanted):
        env.files_to_rebuild.get(docname, set()).discard(root)
    for docname in wanted:
        env.files_to_rebuild.setdefault(docname, set()).add(root)
    return [root]


def setup_book(app: Sphinx) -> None:
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-updated", _on_env_updated)
