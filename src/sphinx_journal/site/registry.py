"""What each feature contributes to the generated pages and the listing directives.

Features register code, not data: a *page provider* returns the pages it
wants written, a *listing renderer* turns a listing directive's options into
nodes, and a *fingerprint* says what a listing currently shows, so that only
pages whose listing changed are rewritten on an incremental build.

The registry belongs to the application: :func:`sphinx_journal.extension.setup`
makes one and hands it to each feature's ``setup_<package>``; nothing is
registered by importing a module. Asking for a listing kind nobody
registered is an error, never an empty listing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from sphinx.errors import ExtensionError

from sphinx_journal.compat import app_of

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
    shows: Callable[[], object] | None = None
    """Everything the page shows, as a value to digest, called only when an input changed:
    a page whose ``shows`` is unchanged is not rendered again either (one post's edit
    changes the store of every post, but the page of only its own tags)."""


@dataclasses.dataclass(frozen=True)
class ListingContext:
    """What a listing renderer may use."""

    env: BuildEnvironment
    linker: Linker
    options: Mapping[str, Any]


PageProvider = Callable[["Sphinx"], Iterable[GeneratedPage]]
ListingRenderer = Callable[[ListingContext], list["nodes.Node"]]
Fingerprint = Callable[["BuildEnvironment"], object]
HomeBlock = Callable[[ListingContext], list["nodes.Node"]]
DocFingerprints = Callable[["BuildEnvironment"], Mapping[str, object]]


V = TypeVar("V")


#: What a fingerprint is made from: names of domain stores (and ``"cite"``), or ``None``
#: when it cannot say (it is then computed on every build).
Inputs = tuple[str, ...] | None


@dataclasses.dataclass(frozen=True)
class Listing:
    """A listing kind: how to render it, and a digest-able view of what it shows."""

    render: ListingRenderer
    fingerprint: Fingerprint
    inputs: Inputs = None
    """The stores the fingerprint reads: when none changed, it is not computed again."""


@dataclasses.dataclass(frozen=True)
class Fingerprinted(Generic[V]):
    """A fingerprint and the stores it reads (``None``: unknown, computed every build)."""

    fingerprint: V
    inputs: Inputs = None


class JournalRegistry:
    """Everything the features contributed to one application, by name."""

    def __init__(self) -> None:
        self.page_providers: dict[str, PageProvider] = {}
        self.listings: dict[str, Listing] = {}
        self.home_blocks: dict[str, tuple[int, HomeBlock]] = {}
        self.frame_fingerprints: dict[str, Fingerprinted[Fingerprint]] = {}
        """Journal content shown on every page (a sidebar of recent posts, say)."""
        self.doc_fingerprints: dict[str, Fingerprinted[DocFingerprints]] = {}
        """Cross-post content shown on single documents (docname -> what it shows)."""

    @staticmethod
    def _add(table: dict[str, V], what: str, name: str, value: V) -> None:
        if name in table:
            raise ExtensionError(f"sphinx-journal: {what} {name!r} is registered twice")
        table[name] = value

    def add_pages(self, name: str, provider: PageProvider) -> None:
        """Add the page provider called ``name``."""
        self._add(self.page_providers, "page provider", name, provider)

    def add_listing(
        self,
        kind: str,
        render: ListingRenderer,
        fingerprint: Fingerprint,
        *,
        inputs: Inputs = None,
    ) -> None:
        """Add listing ``kind``: its renderer and the fingerprint of what it shows.

        ``inputs`` names every domain store (and ``"cite"``) the fingerprint
        reads, besides the configuration and the day: when none of them
        changed, the last build's fingerprint is kept without computing it.
        """
        self._add(self.listings, "listing", kind, Listing(render, fingerprint, inputs))

    def add_home_block(self, name: str, order: int, block: HomeBlock) -> None:
        """Add a block (a calendar, say) to the journal's home page, sorted by ``order``."""
        self._add(self.home_blocks, "home block", name, (order, block))

    def add_frame(self, name: str, fingerprint: Fingerprint, *, inputs: Inputs = None) -> None:
        """Declare journal content shown on every page; when it changes, every page is rewritten.

        ``inputs`` as for :meth:`add_listing`.
        """
        self._add(self.frame_fingerprints, "frame", name, Fingerprinted(fingerprint, inputs))

    def add_doc_fingerprints(
        self, name: str, fingerprints: DocFingerprints, *, inputs: Inputs = None
    ) -> None:
        """Declare cross-post content shown on single documents (``inputs`` as for
        :meth:`add_listing`)."""
        self._add(
            self.doc_fingerprints,
            "document fingerprint",
            name,
            Fingerprinted(fingerprints, inputs),
        )

    def listing(self, kind: str) -> Listing:
        """The listing ``kind``; an unknown kind is a programming error, raised."""
        try:
            return self.listings[kind]
        except KeyError:
            known = ", ".join(sorted(self.listings)) or "none"
            raise ExtensionError(
                f"sphinx-journal: no listing {kind!r} is registered (known: {known})"
            ) from None

    def home(self) -> list[HomeBlock]:
        """The home page's blocks, in their order."""
        blocks = self.home_blocks
        return [blocks[name][1] for name in sorted(blocks, key=lambda n: (blocks[n][0], n))]

    def pages(self, app: Sphinx) -> list[GeneratedPage]:
        """Every provider's pages, providers in name order."""
        providers = self.page_providers
        return [page for name in sorted(providers) for page in providers[name](app)]


_ATTRIBUTE: Final = "sphinx_journal_registry"


def registry_of(env: BuildEnvironment) -> JournalRegistry:
    """The registry of the application building ``env``."""
    return journal_registry(app_of(env))


def install_registry(app: Sphinx) -> JournalRegistry:
    """Give ``app`` its (empty) registry; called once, by the extension's ``setup``."""
    registry = JournalRegistry()
    setattr(app, _ATTRIBUTE, registry)
    return registry


def journal_registry(app: Sphinx) -> JournalRegistry:
    """The registry of the application."""
    registry = getattr(app, _ATTRIBUTE, None)
    if not isinstance(registry, JournalRegistry):
        raise ExtensionError("sphinx-journal: the extension was not set up on this application")
    return registry
