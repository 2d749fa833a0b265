"""Source files that cannot be opened are a located warning, not a traceback.

Sphinx opens every outdated document without catching ``OSError``: one post
without read permission stops the whole build (and ``check``, which runs
the same reading). Before reading, each document is opened once; one that
cannot be is left out of this build with a ``journal.source`` warning at its
file, and is tried again on the next build (it stays "added").
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be opened for reading, or ``None`` when it can.

    Only regular files are opened: opening a FIFO would block the build
    (post files that are not regular files are left out by
    :mod:`sphinx_journal.posts.confine`, with their own warning).
    """
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with path.open("rb"):
            return None
    except OSError as error:
        return error.strerror or type(error).__name__


def _drop_unreadable(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    for docname in list(docnames):
        reason = unreadable(Path(env.doc2path(docname)))
        if reason is not None:
            docnames.remove(docname)
            env.project.docnames.discard(docname)  # neither read nor written, this build
            warn("source", f"the file cannot be read ({reason}); it is left out", docname)


def setup_sources(app: Sphinx) -> None:
    app.connect("env-before-read-docs", _drop_unreadable)
