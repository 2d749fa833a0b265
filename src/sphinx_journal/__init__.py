"""sphinx-journal: publish a study journal of Jekyll posts as a Sphinx site.

Add ``"sphinx_journal"`` to ``extensions``; everything else is wired by
:func:`sphinx_journal.extension.setup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.version import __version__

__all__ = ["__version__", "setup"]

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Sphinx entry point; the wiring lives in :mod:`sphinx_journal.extension`."""
    from sphinx_journal.extension import setup as _setup  # noqa: PLC0415 (import on use)

    return _setup(app)
