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

Records that can be linked to (posts, lectures, papers) expose
``xref_targets()``; the roles ``{post}``, ``{lecture}`` and ``{paper}``
resolve against them, and :meth:`get_objects` puts them in ``objects.inv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, Final, TypeVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from sphinx_journal.builders import has_journal_pages
from sphinx_journal.i18n import _
from sphinx_journal.records.targets import Target
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

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

T = TypeVar("T")


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
    roles: ClassVar[dict[str, Any]] = {
        "post": JournalXRefRole(),
        "lecture": JournalXRefRole(),
        "paper": JournalXRefRole(),
    }
    initial_data: ClassVar[dict[str, Any]] = {store: {} for store in STORES} | {
        "fingerprints": {},
        "xref_fingerprints": {},
    }
    data_version = 3

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
        self._derived: dict[str, tuple[int, Any]] = {}

    # -- per-document records -------------------------------------------------

    def store(self, name: str) -> dict[str, Any]:
        """The mapping docname -> record(s) of one store."""
        result: dict[str, Any] = self.data[name]
        return result

    def set_record(self, store: str, docname: str, record: Any) -> None:
        """Record what ``docname`` holds for ``store`` (replacing what it held)."""
        self.data[store][docname] = record
        self._changed()

    def clear_doc(self, docname: str) -> None:
        for store in STORES:
            if self.data[store].pop(docname, None) is not None:
                self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for store in STORES:
            theirs = otherdata[store]
            for docname in docnames:
                if docname in theirs:
                    self.data[store][docname] = theirs[docname]
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
            result: T = cached[1]
            return result
        value = compute(self)
        self._derived[key] = (self._generation, value)
        return value

    def all_records(self, store: str) -> Iterator[tuple[str, Any]]:
        """``(docname, record)`` pairs of a store, in docname order (deterministic)."""
        data = self.data[store]
        for docname in sorted(data):
            yield docname, data[docname]

    # -- cross-references -------------------------------------------------------

    def targets(self, objtype: str) -> dict[str, list[Target]]:
        """Every target of ``objtype`` by name, best first."""
        return self.derived(f"targets:{objtype}", lambda _: self._collect_targets(objtype))

    def _collect_targets(self, objtype: str) -> dict[str, list[Target]]:
        found: dict[str, list[Target]] = {}
        for store in STORES:
            for _docname, value in self.all_records(store):
                records = value if isinstance(value, (list, tuple)) else (value,)
                for record in records:
                    if not hasattr(record, "xref_targets"):
                        continue
                    for target in record.xref_targets():
                        if target.objtype == objtype:
                            found.setdefault(target.name, []).append(target)
        for candidates in found.values():
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
        for objtype in sorted(self.object_types):
            for name, candidates in sorted(self.targets(objtype).items()):
                first = candidates[0]
                if first.inventory:
                    yield name, first.title, objtype, first.docname, first.anchor, 1


def journal_domain(env: BuildEnvironment) -> JournalDomain:
    """The environment's journal domain, typed."""
    domain = env.domains["journal"]
    assert isinstance(domain, JournalDomain)
    return domain


def setup_domain(app: Any) -> None:
    """Register the domain and its roles under their short names too."""
    app.add_domain(JournalDomain)
    for role in ("post", "lecture", "paper"):
        app.add_role(role, JournalXRefRole())
