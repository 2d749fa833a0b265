"""What each concern contributes to the generated pages and listing directives.

Concerns register code, not data: a *page provider* returns the pages it
wants written, a *listing renderer* turns a listing directive's options into
nodes, and a *fingerprint* says what a listing currently shows, so that only
pages whose listing changed are rewritten on an incremental build. The
registries are filled at import time and are the same for every build.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_journal.site.links import Linker


@dataclasses.dataclass(frozen=True)
class GeneratedPage:
    """One page under ``journal_path``: its name, title, and how to build its body."""

    pagename: str
    title: str
    build: Callable[[Linker], list[nodes.Node]]
    nav_order: int | None = None
    """Position in the home page's list of journal pages (``None``: not listed)."""
    inputs: tuple[str, ...] = ("posts",)
    """The domain stores (and ``"cite"`` for sphinxcontrib-bibtex) the page is made from:
    a page whose inputs did not change is not rendered again."""


@dataclasses.dataclass(frozen=True)
class ListingContext:
    """What a listing renderer may use."""

    env: BuildEnvironment
    linker: Linker
    options: Mapping[str, Any]


PageProvider = Callable[["Sphinx"], Iterable[GeneratedPage]]
ListingRenderer = Callable[[ListingContext], list["nodes.Node"]]
Fingerprint = Callable[["BuildEnvironment"], object]

PAGE_PROVIDERS: dict[str, PageProvider] = {}
LISTING_RENDERERS: dict[str, ListingRenderer] = {}
FINGERPRINTS: dict[str, Fingerprint] = {}


def register_pages(name: str, provider: PageProvider) -> None:
    """Add (or replace) the page provider called ``name``."""
    PAGE_PROVIDERS[name] = provider


def register_listing(kind: str, renderer: ListingRenderer, fingerprint: Fingerprint) -> None:
    """Add the renderer of listing ``kind`` and the fingerprint of what it shows."""
    LISTING_RENDERERS[kind] = renderer
    FINGERPRINTS[kind] = fingerprint


HomeBlock = Callable[[ListingContext], list["nodes.Node"]]
HOME_BLOCKS: dict[str, tuple[int, HomeBlock]] = {}


def register_home_block(name: str, order: int, block: HomeBlock) -> None:
    """Add a block (a calendar, say) to the journal's home page, sorted by ``order``."""
    HOME_BLOCKS[name] = (order, block)


#: What every page's frame shows from the journal (a sidebar of recent posts, say).
FRAME_FINGERPRINTS: dict[str, Fingerprint] = {}


def register_frame(name: str, fingerprint: Fingerprint) -> None:
    """Declare journal content shown on every page; when it changes, every page is rewritten."""
    FRAME_FINGERPRINTS[name] = fingerprint


DocFingerprints = Callable[["BuildEnvironment"], Mapping[str, object]]
DOC_FINGERPRINTS: dict[str, DocFingerprints] = {}


def register_doc_fingerprints(name: str, fingerprints: DocFingerprints) -> None:
    """Declare cross-post content shown on single documents (docname -> what it shows)."""
    DOC_FINGERPRINTS[name] = fingerprints
