"""The heap is frozen while the journal's pages are built, and thawed when the build ends.

A project's own extension (its ``conf.py``) writes down, for each page the
builder renders, whether the heap was frozen, and at the start of
``build-finished`` (before the journal's handler) whether it still was.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

pytestmark = pytest.mark.sphinx

PROBE = """
import gc
from pathlib import Path

def setup(app):
    def page(app, pagename, templatename, context, doctree):
        with (Path(app.outdir) / "frozen.txt").open("a") as out:
            out.write(f"{pagename} {gc.get_freeze_count() > 0}\\n")

    def finished(app, exception):
        with (Path(app.outdir) / "frozen.txt").open("a") as out:
            out.write(f"build-finished {gc.get_freeze_count() > 0}\\n")

    app.connect("html-page-context", page)
    app.connect("build-finished", finished, priority=0)
"""


def _frozen(outdir: Path) -> dict[str, bool]:
    path = outdir / "frozen.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.unlink()
    return {name: flag == "True" for name, flag in (line.rsplit(" ", 1) for line in lines)}


def test_only_the_journal_pages_are_built_on_a_frozen_heap(copy_root, build) -> None:
    srcdir = copy_root("basic")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(PROBE)
    assert gc.get_freeze_count() == 0
    built = build(srcdir)
    frozen = _frozen(built.outdir)
    posts = [name for name in frozen if name.startswith("_posts/")]
    pages = [name for name in frozen if name.startswith("journal/")]
    assert posts and pages
    assert not any(frozen[name] for name in posts)  # posts are written as Sphinx writes them
    assert all(frozen[name] for name in pages)
    assert frozen["build-finished"]  # still frozen when the build ends ...
    assert gc.get_freeze_count() == 0  # ... and thawed by the journal's handler

    # a rebuild with nothing to render pays no collection and freezes nothing
    build(srcdir, outdir=built.outdir.parent, freshenv=False)
    again = _frozen(built.outdir)
    assert not any(name.startswith("journal/") for name in again)
    assert again["build-finished"] is False


def test_a_heap_frozen_by_someone_else_is_left_frozen(copy_root, build) -> None:
    gc.freeze()
    try:
        build(copy_root("basic"))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
