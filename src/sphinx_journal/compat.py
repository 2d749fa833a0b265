"""Every private API of Sphinx, MyST-Parser and sphinxcontrib-bibtex the journal uses.

Each one is named here once, with why the journal needs it, so that an
upstream release that moves it breaks one function, not a feature. No other
module imports a private module of these projects or reads their private
attributes (``tests/test_architecture.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

# EPUB builders are HTML builders that write one book: the journal's generated
# pages are not part of it. Sphinx exposes their base class only here.
from sphinx.builders._epub_base import EpubBuilder

# The English stop words Sphinx's own search language uses (no public name).
from sphinx.search._stopwords.en import ENGLISH_STOPWORDS

if TYPE_CHECKING:
    from pathlib import Path

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

__all__ = [
    "ENGLISH_STOPWORDS",
    "EpubBuilder",
    "add_document",
    "app_of",
    "bibtex_bibfiles",
    "bibtex_citation_refs",
    "bibtex_entries",
    "get_myst_config",
    "rewrite_doctree",
    "set_myst_config",
    "user_set",
]


# -- Sphinx -------------------------------------------------------------------------------


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application of ``env`` (``env.app`` is deprecated from Sphinx 9 on, ``_app`` new)."""
    app: Sphinx = getattr(env, "_app", None) or env.app
    return app


def user_set(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or a ``-D`` override gave ``name`` a value (not its default).

    Sphinx keeps what ``conf.py`` set only in ``Config._raw_config``.
    """
    raw: dict[str, Any] = getattr(config, "_raw_config", {})
    return name in raw or name in config.overrides


def add_document(env: BuildEnvironment, docname: str, path: Path) -> None:
    """Make ``docname`` a document of this build, read from ``path`` (outside the source).

    Sphinx finds documents only as files in the source folder, and has no API
    for one without such a file: its project maps names and paths privately.
    """
    project = env.project
    project.docnames.add(docname)
    project._docname_to_path[docname] = path
    project._path_to_docname[path] = docname


def forget_document(env: BuildEnvironment, docname: str) -> None:
    """Take back a document Sphinx found, before it is read: the reverse of :func:`add_document`."""
    project = env.project
    project.docnames.discard(docname)
    path = project._docname_to_path.pop(docname, None)
    if path is not None:
        project._path_to_docname.pop(path, None)


def rewrite_doctree(builder: Builder, docname: str, doctree: nodes.document) -> None:
    """Pickle ``doctree`` again after the reading phase, so that writers see the new tree.

    ``write_doctree(_cache=False)`` keeps the tree out of the builder's
    in-memory cache, and ``get_doctree`` keeps the pickled bytes it read in
    ``_pickled_doctree_cache``: both would hand writers the old tree.
    """
    builder.write_doctree(docname, doctree, _cache=False)
    getattr(builder.env, "_pickled_doctree_cache", {}).pop(docname, None)


# -- MyST-Parser --------------------------------------------------------------------------


def get_myst_config(env: BuildEnvironment) -> Any:
    """The ``MdParserConfig`` MyST made for this build (``env.myst_config``, undocumented)."""
    return env.myst_config  # type: ignore[attr-defined]


def set_myst_config(env: BuildEnvironment, config: object) -> None:
    """Make MyST parse the next document with ``config``."""
    env.myst_config = config  # type: ignore[attr-defined]


# -- sphinxcontrib-bibtex -----------------------------------------------------------------


class BibTarget(Protocol):
    key: str


class CitationRef(Protocol):
    """One ``{cite}`` role as sphinxcontrib-bibtex's domain records it."""

    docname: str
    line: int | None
    citation_ref_id: str
    targets: Sequence[BibTarget]


def _cite_domain(env: BuildEnvironment) -> object:
    try:
        return env.domains["cite"]
    except KeyError:
        return None


def bibtex_citation_refs(env: BuildEnvironment) -> list[CitationRef]:
    """Every ``{cite}`` of the project (the ``cite`` domain's ``citation_refs``)."""
    refs: Iterable[CitationRef] = getattr(_cite_domain(env), "citation_refs", None) or []
    return list(refs)


def bibtex_entries(env: BuildEnvironment) -> dict[str, Any]:
    """The entries of every ``.bib`` file the ``cite`` domain read, by key (pybtex entries)."""
    data = getattr(getattr(_cite_domain(env), "bibdata", None), "data", None)
    entries: Mapping[str, Any] = getattr(data, "entries", None) or {}
    return dict(entries)


def bibtex_bibfiles(env: BuildEnvironment) -> dict[str, object]:
    """The ``.bib`` files the ``cite`` domain read, path -> what it knows of them."""
    files = getattr(getattr(_cite_domain(env), "bibdata", None), "bibfiles", None) or {}
    return {str(path): info for path, info in files.items()}
