"""The ``journal`` domain: every record the journal reads, keyed by docname.

Each concern keeps its records in a *store* of the domain data
(``data[store][docname] -> record(s)``): posts, schedules, lectures,
retrospectives, citations, the listing directives a page uses, and the links
a post makes to other posts. Sphinx
clears a document's entries before re-reading it (:meth:`clear_doc`) and
copies a worker's entries back after a parallel read
(:meth:`merge_domaindata`); nothing cross-post is ever stored or merged.
Cross-post views (the post order, tag pages, the lecture index …) are
*derived*: recomputed from the stores on demand and cached until the next
change (:meth:`derived`).

Each store is a typed property (``domain.posts``, ``domain.lectures`` …) and
the checks across documents (two spellings of one tag, a lecture label used
twice) run in :meth:`~JournalDomain.check_consistency`.

Records that can be linked to (posts, lectures, papers) expose
``xref_targets()``; the roles ``{post}``, ``{lecture}`` and ``{paper}``
resolve against them, and :meth:`get_objects` puts them in ``objects.inv``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Set
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Final, Generic, Literal, TypeVar, cast, overload

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from sphinx_journal.builders import has_journal_pages
from sphinx_journal.config import journal_config
from sphinx_journal.i18n import _
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.records.citations import Citation
from sphinx_journal.records.connections import OutLink
from sphinx_journal.records.post import Post
from sphinx_journal.records.post_index import PostIndex, build_index
from sphinx_journal.records.sections import Lecture, PeerSession, Retrospective, Schedule
from sphinx_journal.records.targets import Target
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

#: The per-document stores. A concern adds records to its own store only.
STORES: Final = (
    "posts",
    "schedules",
    "lectures",
    "retrospectives",
    "peer_sessions",
    "citations",
    "listings",
    "links",
    "xrefs",
)

StoreName = Literal[
    "posts",
    "schedules",
    "lectures",
    "retrospectives",
    "peer_sessions",
    "citations",
    "listings",
    "links",
    "xrefs",
]

T = TypeVar("T")
V = TypeVar("V")


def record_digest(docname: str, value: object) -> int:
    """A 64-bit digest of what ``docname`` holds in one store, the same in every process.

    Records are frozen dataclasses and tuples, whose ``repr`` says everything they hold.
    """
    text = f"{docname}\0{value!r}".encode("utf-8", errors="surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


class Store(Generic[V]):
    """One store: docname -> what that document holds, in docname order when iterated.

    Writing goes through :meth:`set`, which tells the domain that its
    derived views are out of date, and keeps the store's digest: the XOR
    of every document's :func:`record_digest`, so that a change of one
    document updates it at the cost of that document alone.
    """

    __slots__ = ("_changed", "_data", "_digests", "_name")

    def __init__(
        self,
        name: str,
        data: dict[str, V],
        digests: dict[str, int],
        changed: Callable[[], None],
    ) -> None:
        self._name = name
        self._data = data
        self._digests = digests
        self._changed = changed

    def get(self, docname: str) -> V | None:
        return self._data.get(docname)

    def __contains__(self, docname: object) -> bool:
        return docname in self._data

    def __len__(self) -> int:
        return len(self._data)

    def items(self) -> Iterator[tuple[str, V]]:
        """``(docname, value)`` pairs, in docname order (deterministic)."""
        for docname in sorted(self._data):
            yield docname, self._data[docname]

    def values(self) -> Iterator[V]:
        for _docname, value in self.items():
            yield value

    def mapping(self) -> Mapping[str, V]:
        """The store as a read-only mapping, for pure functions that take one."""
        return MappingProxyType(self._data)

    def set(self, docname: str, value: V) -> None:
        """Record what ``docname`` holds (replacing what it held)."""
        combined = self._digests.get(self._name, 0)
        if docname in self._data:
            combined ^= record_digest(docname, self._data[docname])
        self._data[docname] = value
        self._digests[self._name] = combined ^ record_digest(docname, value)
        self._changed()

    def digest(self) -> str:
        """What every document holds in this store, as 16 hex digits (no record is read)."""
        return f"{self._digests.get(self._name, 0):016x}"


class StoreOf(Generic[V]):
    """A domain attribute that is one typed store: ``domain.posts`` is a ``Store[Post]``.

    The store's name in the domain data is the attribute's name.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = cast("StoreName", name)

    @overload
    def __get__(self, domain: None, owner: type) -> StoreOf[V]: ...
    @overload
    def __get__(self, domain: JournalDomain, owner: type) -> Store[V]: ...
    def __get__(self, domain: JournalDomain | None, owner: type) -> StoreOf[V] | Store[V]:
        if domain is None:
            return self
        return domain._typed(self.name)


class JournalXRefRole(XRefRole):
    """``{post}``, ``{lecture}``, ``{paper}``: usable without the ``journal:`` prefix."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.name = "journal:" + self.name.rpartition(":")[2]
        return super().run()


class JournalDomain(Domain):
    """Per-document journal records, the journal roles and their targets."""

    name = "journal"
    label = "Journal"
    object_types: ClassVar[dict[str, ObjType]] = {
        "post": ObjType("post", "post"),
        "lecture": ObjType("lecture", "lecture"),
        "paper": ObjType("paper", "paper"),
    }
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "post": JournalXRefRole(),
        "lecture": JournalXRefRole(),
        "paper": JournalXRefRole(),
    }
    initial_data: ClassVar[dict[str, dict[str, object]]] = {
        name: dict[str, object]()
        for name in (*STORES, "digests", "fingerprints", "xref_fingerprints")
    }
    data_version = 4

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """The translated kind a search result shows ("강의", not "Journal lecture")."""
        names = {
            "post": _("Journal post"),
            "lecture": _("Journal lecture"),
            "paper": _("Journal paper"),
        }
        found = names.get(type.lname)
        return str(found) if found is not None else super().get_type_name(type, primary)

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._generation = 0
        self._derived: dict[str, tuple[int, object]] = {}

    # -- the stores -------------------------------------------------------------

    def _store(self, name: StoreName) -> dict[str, V]:
        return cast("dict[str, V]", self.data[name])

    def _typed(self, name: StoreName) -> Store[V]:
        digests = cast("dict[str, int]", self.data["digests"])
        return Store(name, self._store(name), digests, self._changed)

    def store(self, name: StoreName) -> Store[object]:
        """The store called ``name``, untyped (for digests)."""
        return self._typed(name)

    posts: StoreOf[Post] = StoreOf()
    """The post each post document is."""
    schedules: StoreOf[tuple[Schedule, ...]] = StoreOf()
    """A document's checklists (a schedule, or the task items of another section)."""
    lectures: StoreOf[tuple[Lecture, ...]] = StoreOf()
    """A document's lectures (office hours among them), in document order."""
    retrospectives: StoreOf[tuple[Retrospective, ...]] = StoreOf()
    """A document's retrospectives, in document order."""
    peer_sessions: StoreOf[tuple[PeerSession, ...]] = StoreOf()
    """A document's peer-session notes, in document order."""
    citations: StoreOf[tuple[Citation, ...]] = StoreOf()
    """A post's links to papers, in document order."""
    listings: StoreOf[tuple[str, ...]] = StoreOf()
    """The listing kinds a document shows (its page is rewritten when they change)."""
    links: StoreOf[tuple[OutLink, ...]] = StoreOf()
    """A post's links to other posts, first of each target only."""
    xrefs: StoreOf[tuple[tuple[str, str], ...]] = StoreOf()
    """The ``(role, target)`` of every journal role a document uses."""

    def clear_doc(self, docname: str) -> None:
        digests = cast("dict[str, int]", self.data["digests"])
        for store in STORES:
            data: dict[str, object] = self._store(store)
            if docname in data:
                value = data.pop(docname)
                digests[store] = digests.get(store, 0) ^ record_digest(docname, value)
                self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: Mapping[str, object]) -> None:
        for store in STORES:
            theirs = cast("Mapping[str, object]", otherdata[store])
            ours = self.store(store)
            for docname in docnames:
                if docname in theirs:
                    ours.set(docname, theirs[docname])
        self._changed()

    # -- derived views ----------------------------------------------------------

    def _changed(self) -> None:
        self._generation += 1

    def refresh(self) -> None:
        """Forget every derived view: they also read other extensions' data (citations)."""
        self._changed()

    def derived(self, key: str, compute: Callable[[JournalDomain], T]) -> T:
        """``compute(self)``, cached until any store changes.

        Cross-post views are never stored in the environment: they are
        recomputed from the stores, so they can never go stale.
        """
        cached = self._derived.get(key)
        if cached is not None and cached[0] == self._generation:
            return cast("T", cached[1])
        value = compute(self)
        self._derived[key] = (self._generation, value)
        return value

    def post_index(self) -> PostIndex:
        """The listed posts (drafts only with ``journal_drafts``) and their tags, categories."""
        drafts = journal_config(self.env.config).drafts
        return self.derived(
            "posts", lambda domain: build_index(domain.posts.values(), drafts=drafts)
        )

    # -- checks across documents ------------------------------------------------

    def check_consistency(self) -> None:
        self._check_taxonomies()
        self._check_lecture_labels()

    def _check_taxonomies(self) -> None:
        """Two spellings with one slug are one tag: say so where the other spelling is used."""
        index = self.post_index()
        for kind, keys, taxa in (
            ("tag", ("tags", "tag"), index.tags),
            ("category", ("categories", "category"), index.categories),
        ):
            for taxon in taxa.values():
                for alias in taxon.aliases:
                    post = next(
                        p
                        for p in reversed(taxon.posts)
                        if alias in (p.tags if kind == "tag" else p.categories)
                    )
                    line = next(
                        (post.meta.key_lines[k] for k in keys if k in post.meta.key_lines), None
                    )
                    warn(
                        "tag",
                        f"{kind} {alias!r} has the same URL slug {taxon.slug!r} as "
                        f"{taxon.name!r}; they are listed as one {kind}",
                        (post.docname, line),
                    )

    def _check_lecture_labels(self) -> None:
        """Lecture labels are unique across the journal: a second use names the first.

        A label recognised from a heading that another post uses too is no
        error (journals repeat headings such as ``[3강] Optimization``; two in
        one post still are), and the first one is linked.

        The winner of a label used twice is the journal's (the earliest
        lecture: date, post, line), never the order documents happened to be
        read in: the standard domain's ``lecture-<label>`` target, which
        Sphinx gives to the document read last, is pointed at that winner
        too, so ``objects.inv`` and ``{ref}`` links are the same after any
        history of incremental builds.
        """
        std = self.env.domains.standard_domain
        for label, targets in sorted(self.targets("lecture").items()):
            if len(targets) == 1:
                continue
            first = targets[0]
            name = nodes.fully_normalize_name(f"lecture-{label}")
            if name in std.anonlabels:
                std.anonlabels[name] = (first.docname, first.anchor)
            if name in std.labels:
                std.labels[name] = (first.docname, first.anchor, std.labels[name][2])
            first_lecture = self._lecture(first.docname, first.anchor)
            first_line = first_lecture.line if first_lecture else None
            where = f"{self.env.doc2path(first.docname, False)}:{first_line or '?'}"
            for other in targets[1:]:
                lecture = self._lecture(other.docname, other.anchor)
                if other.docname != first.docname and lecture is not None and lecture.recognised:
                    continue  # a heading another post has too (``[3강] Optimization``): the first
                warn(
                    "lecture",
                    f"lecture label {label!r} is used twice; first at {where}",
                    (other.docname, lecture.line if lecture else None),
                )

    def _lecture(self, docname: str, anchor: str) -> Lecture | None:
        for lecture in self.lectures.get(docname) or ():
            if lecture.anchor == anchor:
                return lecture
        return None

    # -- cross-references -------------------------------------------------------

    def targets(self, objtype: str) -> dict[str, list[Target]]:
        """Every target of ``objtype`` by name, best first."""
        return self.derived("targets", lambda _: self._collect_targets()).get(objtype, {})

    def _all_targets(self) -> Iterator[Target]:
        for post in self.posts.values():
            yield from post.xref_targets()
        for lectures in self.lectures.values():
            for lecture in lectures:
                yield from lecture.xref_targets()
        papers_page = PagePaths(journal_config(self.env.config).path).page("papers")
        for docname, citations in self.citations.items():
            citing = self.posts.get(docname)
            day = citing.meta.date.day.isoformat() if citing and citing.meta.date else ""
            for citation in citations:
                yield from citation.xref_targets(papers_page, day)

    def _collect_targets(self) -> dict[str, dict[str, list[Target]]]:
        """Targets by object type, then by name: one pass over the records for all types."""
        found: dict[str, dict[str, list[Target]]] = {}
        for target in self._all_targets():
            found.setdefault(target.objtype, {}).setdefault(target.name, []).append(target)
        for by_name in found.values():
            for candidates in by_name.values():
                candidates.sort(key=lambda t: (t.sort_key, t.docname, t.anchor))
        return found

    def _best(self, objtype: str, name: str, builder: Builder) -> Target | None:
        """The first target of ``name`` this builder can link to.

        A generated page exists only in HTML builds; elsewhere a target in a
        document (a paper's citing post, say) is used instead.
        """
        for candidate in self.targets(objtype).get(name, []):
            if candidate.docname in self.env.all_docs or has_journal_pages(builder):
                return candidate
        return None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        found = self._best(typ, target.strip(), builder)
        if found is None:
            warn("xref", f"unknown {typ} {target!r} in {{{typ}}} role", node)
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline(found.title, found.title, classes=["xref"])
        return make_refnode(
            builder, fromdocname, found.docname, found.anchor, contnode, found.title
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results: list[tuple[str, nodes.reference]] = []
        for objtype in self.object_types:
            found = self._best(objtype, target, builder)
            if found is not None:
                ref = make_refnode(
                    builder, fromdocname, found.docname, found.anchor, contnode, found.title
                )
                results.append((f"journal:{objtype}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every target in ``objects.inv``; those the search index already shows as a
        title (:attr:`Target.searched`) with priority -1, which keeps them out of it."""
        for objtype in sorted(self.object_types):
            for name, candidates in sorted(self.targets(objtype).items()):
                first = candidates[0]
                if first.inventory:
                    priority = 1 if first.searched else -1
                    yield name, first.title, objtype, first.docname, first.anchor, priority


def journal_domain(env: BuildEnvironment) -> JournalDomain:
    """The environment's journal domain, typed."""
    domain = env.domains["journal"]
    assert isinstance(domain, JournalDomain)
    return domain


def setup_domain(app: Sphinx) -> None:
    """Register the domain and its roles under their short names too."""
    app.add_domain(JournalDomain)
    for role in ("post", "lecture", "paper"):
        app.add_role(role, JournalXRefRole())
