"""The cyclic garbage collector, kept off the environment: it only ever finds garbage elsewhere.

A build holds the environment and every record, hundreds of thousands of
objects alive until it ends, and CPython runs a full collection, which walks
every tracked object, each time the old generation has grown by a quarter.

While a build reads, Sphinx keeps every doctree it has read in memory until
it writes it, so the heap only grows, and each full collection that growth
triggers walks every doctree read so far. As each document begins
(:func:`freeze_reading`), what reading the one before left is collected,
which walks that document's objects alone, and what it keeps is frozen; the
same is done as each doctree is resolved for writing (:func:`freeze_resolved`).
At 1,000 posts a full build's collections went from 19.5 s to 4.8 s (with
``-j 2``, the main process's writing from 9.4 s to 0.8 s).

What is frozen and later dropped waits for the thaw if it is in a cycle, and
a doctree is one (each node points to its parent, the document to itself):
every doctree written would stay in memory to the end of the build, where
the memory it held could have held what writing keeps (the search index,
the journal's pages). Once the HTML builder has written a document and
begun the next (:func:`release_written`), the doctree is taken apart
(:func:`untie`) and reference counting frees it: at 1,000 posts, a full
build's peak memory went from 465 to 410 MB, for 0.5 s.

An environment loaded from the last build is frozen (:func:`gc.freeze`) as
soon as it is loaded (:func:`freeze_loaded`): a one-post edit at 1,000 posts
otherwise walks it in each of the full collections that reading, resolving
and writing a few documents trigger, 0.15 s each.

The journal's pages are built after every post is written, when the process
holds the environment and every record: hundreds of thousands of objects, all
alive until the build ends. Each page is a docutils tree whose nodes outlive
the young collections, and CPython runs a full collection, which walks every
tracked object, each time the old generation has grown by a quarter. At
1,000 posts the pages triggered six of them, about a second each, to find no
garbage in the environment.

:func:`freeze_heap`, called before the first page of a build that renders
more than a few (an edit's few pages are cheaper than the collection),
collects once and moves what is then alive into the permanent generation
(:func:`gc.freeze`), so those collections walk only the pages' own
objects. Frozen objects are still freed by reference counting; only a
cycle among them waits.

When the build ends, the heap is frozen whole (:func:`freeze_at_end`):
``sphinx-build`` exits right after, and CPython's last act is a full
collection, then freeing every object in a cycle: 2.2 s of a 6 s no-change
rebuild at 1,000 posts, spent on memory the operating system takes back at
once anyway. A process that goes on to another build (a test suite, a
server) thaws the heap when that build's Sphinx application is set up
(:func:`thaw_heap`), so it keeps at most the last build's garbage, and
only until then. A heap someone else froze, and a collector that is turned
off, are left as they are.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_journal import priorities

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class _Written:
    """The doctree the HTML builder last wrote in this process, released once it writes the next."""

    doctree: nodes.document | None = None


class _Heap:
    """Whether the journal froze the heap: the collector is the process's, so is this."""

    frozen = False
    #: Whether this build has collected and frozen before its pages (:func:`freeze_heap`).
    pages = False


def _ours() -> bool:
    """Whether the journal may freeze: the collector is on, and no one else froze."""
    return gc.isenabled() and (_Heap.frozen or not gc.get_freeze_count())


def _collect_and_freeze() -> None:
    """Collect, then keep what is alive out of later collections.

    A collection never walks what is frozen already: only what was made since.
    """
    if _ours():
        gc.collect()
        gc.freeze()
        _Heap.frozen = True


def freeze_heap() -> None:
    """Collect and freeze before the journal's pages (once per build)."""
    if not _Heap.pages and _ours():
        _collect_and_freeze()
        _Heap.pages = True


def freeze_loaded(app: Sphinx) -> None:
    """Keep the environment the last build saved out of this build's collections.

    Just unpickled, it holds no garbage worth a collection. What of it this
    build replaces (a re-read post's table of contents) waits, if it is in a
    cycle, until the heap is thawed: at most one environment's worth.
    """
    if app.env.all_docs and _ours():
        gc.freeze()
        _Heap.frozen = True


def freeze_reading(app: Sphinx, docname: str, source: list[str]) -> None:
    """Collect what reading the last document left, and freeze what it keeps.

    Sphinx keeps every doctree it reads in memory until it writes it, so
    while a build reads, the heap only grows, and each of the full
    collections that growth triggers walks every doctree read so far: 15 of
    them, 8.8 s, while reading 1,000 posts. Called as each document begins,
    when what reading the one before left behind is garbage, a collection
    walks that one document's objects.
    """
    _collect_and_freeze()


def freeze_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Collect what writing the last document left, and freeze the one about to be written.

    A parallel build reads in worker processes, and the main process merges
    what each sends back; it then resolves every doctree for the workers that
    write them, and holds each until its worker is done. Each full collection
    that triggered walked the whole environment and every doctree held: 23
    of them, 9.4 s, at 1,000 posts. Collected and frozen as each doctree is
    resolved, a collection walks one document's objects, and the workers,
    forked from a frozen heap, neither walk nor copy it in theirs. A
    doctree frozen here waits, once written, for the thaw, as the doctrees
    read by a serial build do (:func:`freeze_reading`).
    """
    _collect_and_freeze()


#: What a document keeps once taken apart: its own attributes (not its indexes of nodes).
_DOCUMENT = frozenset({"children", "attributes", "rawsource", "tagname", "source", "line"})


def untie(doctree: nodes.document) -> None:
    """Take apart a doctree no one uses any more, so reference counting frees it.

    A doctree is a cycle: each node points to its parent, and the document to
    itself. Every link between its nodes is cut (parent and children), and the
    document's indexes of them, reporter and transformer are dropped, so each
    node is freed on its own, even when something else, such as a node
    resolving replaced, still points to one of them.
    """
    tree = vars(doctree)
    for name in set(tree) - _DOCUMENT:
        del tree[name]
    stack: list[nodes.Node] = [doctree]
    while stack:
        node = stack.pop()
        node.parent = None
        vars(node).pop("_document", None)
        children = node.children
        if children:  # a list, or a text node's ``()``
            stack.extend(children)
            children.clear()  # type: ignore[attr-defined]


def release_written(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Free the doctree of the page written before this one, on a heap the journal froze.

    Called as each page's context is made, once the page before it is
    written, on a file, and its doctree dropped by the builder; in a
    parallel build, in the worker that writes. The doctree of the page now
    being written is released when the next one is, or when the build ends.
    """
    _untie_held(unless=doctree)
    if _Heap.frozen and isinstance(doctree, nodes.document):
        _Written.doctree = doctree


def release_last(app: Sphinx, exception: BaseException | None) -> None:
    """Free the doctree of the last page written (the build is done with it)."""
    _untie_held()


def _untie_held(unless: object = None) -> None:
    """Take apart the doctree held since its page was written, unless it is ``unless``."""
    held, _Written.doctree = _Written.doctree, None
    if held is not None and held is not unless:
        untie(held)


def freeze_at_end(app: Sphinx, exception: BaseException | None) -> None:
    """Freeze everything when the build ends, so that leaving the process walks nothing."""
    if _ours():
        gc.freeze()
        _Heap.frozen = True


def thaw_heap() -> None:
    """Give what the journal froze back to the collector (a new build begins)."""
    _Written.doctree = None
    if _Heap.frozen:
        gc.unfreeze()
        _Heap.frozen = False
    _Heap.pages = False


def setup_collector(app: Sphinx) -> None:
    thaw_heap()
    app.connect("builder-inited", freeze_loaded)
    app.connect("source-read", freeze_reading)
    app.connect("doctree-resolved", freeze_resolved, priority=priorities.FREEZE_RESOLVED)
    app.connect("html-page-context", release_written, priority=priorities.RELEASE_WRITTEN)
    app.connect("build-finished", release_last, priority=priorities.FREEZE_AT_END)
    app.connect("build-finished", freeze_at_end, priority=priorities.FREEZE_AT_END)
