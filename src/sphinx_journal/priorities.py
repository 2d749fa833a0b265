"""Every transform and event priority the journal chooses, named in one place.

Transforms run in priority order (lower first), and so do a Sphinx event's
listeners (Sphinx's default is 500). The docutils, Sphinx and MyST steps each
value must follow or precede are noted beside it.
"""

from __future__ import annotations

from typing import Final

# -- transforms, while a document is read ------------------------------------------------

#: First: blocks nested too deep are lifted before anything else walks the tree.
FLATTEN_DEEP_BLOCKS: Final = 5

#: Before Sphinx's ``ApplySourceWorkaround`` (10), which takes the line of an image without
#: raw source.
KEEP_IMAGE_LINES: Final = 8
#: Early: before anything records the files a post inserts or links to.
CONFINE_FILES: Final = 10
#: Before docutils' ``Contents`` (720) and ``Transitions`` (830) see kramdown's leftovers.
KRAMDOWN_BODY: Final = 200
#: After ``DocInfo`` (340), which needs the front matter fields on top of the document.
POST_TITLE: Final = 400
#: As the post title: a Jekyll page's title from its front matter.
PAGE_TITLE: Final = 400
#: After the post transform gave the post its title (section records use its top section).
SECTIONS: Final = 410
#: After the post and section transforms (citing links get anchors beside theirs).
CITATIONS: Final = 420
#: After the post, section and citation transforms: the links between posts.
CONNECTIONS: Final = 440
#: After the citations transform, which places its list before the previous/next links.
CONNECTIONS_BLOCK: Final = 445
#: After MyST's ``AddSlugIds`` (700), before its ``ResolveAnchorIds`` (879).
IN_PAGE_LINKS: Final = 878

# -- post-transforms, while a page is written -------------------------------------------

#: Sphinx resolves cross-references at 10 (``ReferencesResolver``); placeholders come after.
RESOLVE_PLACEHOLDERS: Final = 100
#: After the placeholders: a post's series, "linked from" and related posts.
RESOLVE_CONNECTIONS: Final = 105
#: After the connections: a post's cited papers go before its previous/next links.
CITED_PAPERS: Final = 110
#: After every resolver has set its addresses: script links become text.
DROP_SCRIPT_LINKS: Final = 900

# -- config-inited ----------------------------------------------------------------------

#: ``_config.yml``'s values, before any listener reads the values it sets.
SITE_CONFIG: Final = 300
#: Before other listeners read ``myst_enable_extensions`` or ``bibtex_bibfiles``.
UPSTREAM_DEFAULTS: Final = 400
#: Before sphinx-copybutton reads its prompt settings.
COPYBUTTON_DEFAULTS: Final = 450
#: After the defaults above: the base URL and the sharing settings.
SHARING_CONFIG: Final = 600
#: After Sphinx made ``source_suffix`` a dict (800): scan the posts.
SCAN_POSTS: Final = 850

# -- source-read ------------------------------------------------------------------------

#: After the reading of posts and pages (500): the home page's listing is appended.
HOME_LISTING: Final = 600

# -- builder-inited ---------------------------------------------------------------------

#: After MyST's own ``builder-inited`` made its configuration.
AFTER_MYST_CONFIG: Final = 900

# -- html-page-context ------------------------------------------------------------------

#: Before sphinxext.opengraph (500) reads the page's metadata.
BEFORE_OPENGRAPH: Final = 400
#: After the other extensions added their tags: the ones nobody wrote.
AFTER_OTHER_TAGS: Final = 800
#: Late: the generated pages' local table of contents, once the page's body is final.
PAGE_TOC: Final = 900
#: Last: the page written before this one is done with, whoever else listens.
RELEASE_WRITTEN: Final = 10_000

# -- doctree-read -----------------------------------------------------------------------

#: After Sphinx's collectors and the journal's own reading (500) have made what is saved
#: of the document: its table of contents and metadata.
SHARE_SAVED: Final = 900

# -- env-merge-info ---------------------------------------------------------------------

#: After Sphinx's collectors (500) have merged what a worker read.
SHARE_MERGED: Final = 900

# -- doctree-resolved -------------------------------------------------------------------

#: First: what writing the last document left is collected before anyone adds to this one.
FREEZE_RESOLVED: Final = 1

# -- build-finished ---------------------------------------------------------------------

#: Before sphinx-sitemap (500) writes ``sitemap.xml``.
COMPLETE_SITEMAP: Final = 400
#: Last: the heap is frozen once every other listener is done with the build.
FREEZE_AT_END: Final = 10_000
