"""The heap is frozen once an environment is loaded, as each document is read,
before a build renders many journal pages, and at its end; the next build
begins thawed.

A project's own extension (its ``conf.py``) writes down, when its build
begins (``config-inited``), for each page the builder renders, and at the
start of ``build-finished`` (before the journal's handler), whether the heap
was frozen; and as each document begins to be read, how much of it was, and
whether what the last document left in a cycle was collected.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from sphinx_journal.pages import collector
from sphinx_journal.pages.generated import PAGES_BEFORE_FREEZE

pytestmark = pytest.mark.sphinx

PROBE = """
import gc
import os
import weakref
from pathlib import Path

from docutils import nodes

def setup(app):
    def begins(app, config):
        with (Path(app.outdir) / "frozen.txt").open("a") as out:
            out.write(f"config-inited {gc.get_freeze_count() > 0}\\n")

    shown = []
    early = []

    def page(app, pagename, templatename, context, doctree):
        with (Path(app.outdir) / "frozen.txt").open("a") as out:
            out.write(f"{pagename} {gc.get_freeze_count() > 0}\\n")
        if shown:  # the doctree written before is still whole as this page begins
            last = shown[-1][0]()
            tree = [] if last is None else list(last.findall(include_self=False))
            early.append(last is not None and any(node.parent is None for node in tree))
        if doctree is not None:
            # a node of the tree, whose text the page shows
            held = next(doctree.findall(nodes.Text, include_self=False)).parent
            shown.append((weakref.ref(doctree), weakref.ref(held)))

    def finished(app, exception):
        with (Path(app.outdir) / "frozen.txt").open("a") as out:
            out.write(f"build-finished {gc.get_freeze_count() > 0}\\n")
        # every doctree written is freed, though frozen in a cycle of nodes (the last
        # when the build ends), and none before the next page begins
        alive = sum(ref() is not None for _doc, ref in shown[:-1])
        with (Path(app.outdir) / "released.txt").open("w") as out:
            out.write(f"{len(shown)} {alive} {any(early)}\\n")

    main = os.getpid()

    class Cycle:
        pass

    left = []

    def read(app, docname, source):
        # the journal's listener came first: what the last document left is collected
        # (the cycle it made is gone), and the heap grows frozen, document by document
        with (Path(app.outdir) / "reading.txt").open("a") as out:
            gone = all(ref() is None for ref in left)
            out.write(f"{docname} {gc.get_freeze_count()} {gone}\\n")
        with (Path(app.outdir) / "readers.txt").open("a") as out:
            out.write(f"{os.getpid() != main}\\n")

    def doctree(app, doctree):
        cycle = Cycle()
        cycle.me = cycle
        left.append(weakref.ref(cycle))

    written = []

    def resolved(app, doctree, docname):
        # the same, as each document is resolved for writing
        with (Path(app.outdir) / "resolved.txt").open("a") as out:
            gone = all(ref() is None for ref in written)
            out.write(f"{docname} {gc.get_freeze_count()} {gone}\\n")
        cycle = Cycle()
        cycle.me = cycle
        written.append(weakref.ref(cycle))

    app.connect("config-inited", begins)
    app.connect("source-read", read)
    app.connect("doctree-read", doctree)
    app.connect("doctree-resolved", resolved)
    app.connect("html-page-context", page)
    app.connect("build-finished", finished, priority=0)
"""


def _frozen(outdir: Path) -> dict[str, bool]:
    path = outdir / "frozen.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.unlink()
    return {name: flag == "True" for name, flag in (line.rsplit(" ", 1) for line in lines)}


def _reading(outdir: Path, name: str = "reading.txt") -> list[tuple[str, int, bool]]:
    path = outdir / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.unlink()
    return [(name, int(count), gone == "True") for name, count, gone in map(str.split, lines)]


def _check_resolved(outdir: Path) -> None:
    """Each doctree is resolved on a frozen heap, what the last one left collected."""
    resolved = _reading(outdir, "resolved.txt")
    assert len(resolved) > 3
    assert all(count > 0 for _name, count, _gone in resolved)
    assert all(gone for _name, _count, gone in resolved)


def test_a_parallel_build_writes_on_a_frozen_heap(copy_root, build) -> None:
    """Its main process merges what workers read and resolves what they write."""
    srcdir = copy_root("basic")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(PROBE)
    built = build(srcdir, parallel=2)
    readers = (built.outdir / "readers.txt").read_text(encoding="utf-8").split()
    assert readers and all(flag == "True" for flag in readers)  # read by workers
    _check_resolved(built.outdir)
    assert built.outdir.joinpath("index.html").is_file()


def test_a_build_reads_and_writes_on_a_frozen_heap(copy_root, build) -> None:
    srcdir = copy_root("basic")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(PROBE)
    built = build(srcdir)
    frozen = _frozen(built.outdir)
    assert frozen["config-inited"] is False  # whatever an earlier build left was thawed
    reading = _reading(built.outdir)
    assert len(reading) > 3
    counts = [count for _name, count, _gone in reading]
    assert all(count > 0 for count in counts)  # each document is read on a frozen heap ...
    assert counts == sorted(counts) and counts[-1] > counts[0]  # ... that grows as it reads
    assert all(gone for _name, _count, gone in reading)  # ... garbage collected, never frozen
    _check_resolved(built.outdir)
    posts = [name for name in frozen if name.startswith("_posts/")]
    pages = [name for name in frozen if name.startswith("journal/")]
    assert posts and len(pages) > PAGES_BEFORE_FREEZE
    assert all(frozen[name] for name in posts)  # the doctrees read are frozen while written
    # every journal page, from the first: a build that renders many freezes before any
    assert all(frozen[name] for name in pages)
    assert frozen["build-finished"]  # still frozen when the build ends ...
    assert gc.get_freeze_count() > 0  # ... and wholly so, for the process to leave at once
    written, alive, early = (built.outdir / "released.txt").read_text().split()
    assert int(written) > 3
    assert alive == "0"  # every doctree written is freed once the next page is written ...
    assert early == "False"  # ... not before: each is whole until the next page begins

    # the next build begins thawed, so the previous build's garbage is collectable
    # again, and freezes the environment it loaded, which no collection need walk
    build(srcdir, outdir=built.outdir.parent, freshenv=False)
    again = _frozen(built.outdir)
    assert again["config-inited"] is False
    assert not any(name.startswith("journal/") for name in again)  # nothing to render
    assert again["build-finished"] is True
    assert not collector._Heap.pages  # nor any collection before pages it did not render
    assert gc.get_freeze_count() > 0

    # an edit renders a few pages, cheaper than the collection a freeze begins with
    post = sorted((srcdir / "_posts").glob("*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build(srcdir, outdir=built.outdir.parent, freshenv=False)
    edited = _frozen(built.outdir)
    rendered = [name for name in edited if name.startswith("journal/")]
    assert 0 < len(rendered) < PAGES_BEFORE_FREEZE
    assert edited["config-inited"] is False
    assert all(edited[name] for name in rendered)  # on the environment frozen when loaded
    assert not collector._Heap.pages  # without a collection of their own


def test_an_untied_doctree_is_freed_without_the_collector() -> None:
    """Reference counting frees it, even while a node that points to it lives on."""
    source = "Title\n=====\n\nSome *text*.\n\nPart\n----\n\n- an item\n"
    gc.collect()
    gc.disable()
    try:
        tied = publish_doctree(source)
        kept = weakref.ref(tied)
        del tied
        assert kept() is not None  # a doctree is a cycle: reference counting alone keeps it

        doctree = publish_doctree(source)
        item = next(doctree.findall(nodes.list_item))
        emphasis = weakref.ref(next(doctree.findall(nodes.emphasis)))
        replaced = nodes.inline()  # what resolving leaves, pointing to the document
        replaced.document = doctree
        collector.untie(doctree)
        assert item.parent is None and not item.children and item.document is None
        del doctree, item
        assert emphasis() is None  # every node is freed, but for the one still held
    finally:
        gc.enable()
        gc.collect()


def test_a_heap_frozen_by_someone_else_is_left_to_them(copy_root, build) -> None:
    collector.thaw_heap()  # what an earlier build left
    gc.freeze()
    try:
        build(copy_root("basic"))
        assert gc.get_freeze_count() > 0
        assert not collector._Heap.frozen  # the journal froze nothing, and will thaw nothing
    finally:
        gc.unfreeze()
