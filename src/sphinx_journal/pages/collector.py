"""The cyclic garbage collector, kept off the environment while the journal's pages are built.

The journal's pages are built after every post is written, when the process
holds the environment and every record: hundreds of thousands of objects, all
alive until the build ends. Each page is a docutils tree whose nodes outlive
the young collections, and CPython runs a full collection, which walks every
tracked object, each time the old generation has grown by a quarter. At
1,000 posts the lecture index alone triggered three of them, and the pages
six, about a second each, to find no garbage in the environment.

:func:`freeze_heap`, called before the first page is built, collects once and
moves what is then alive into the permanent generation (:func:`gc.freeze`),
so those collections walk only the pages' own objects. Frozen objects are
still freed by reference counting; only a cycle among them waits, until
``build-finished`` thaws the heap, so a process that runs many builds (a test
suite, a server) keeps nothing of one build for good. A heap someone else
froze is left as it is.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class _Heap:
    """Whether the journal froze the heap: the collector is the process's, so is this."""

    frozen = False


def freeze_heap() -> None:
    """Collect once, then keep what is alive out of later collections (once per build)."""
    if _Heap.frozen or gc.get_freeze_count() or not gc.isenabled():
        return
    gc.collect()
    gc.freeze()
    _Heap.frozen = True


def thaw_heap(app: Sphinx, exception: BaseException | None) -> None:
    """Give what :func:`freeze_heap` froze back to the collector."""
    if _Heap.frozen:
        gc.unfreeze()
        _Heap.frozen = False


def setup_collector(app: Sphinx) -> None:
    app.connect("build-finished", thaw_heap)
