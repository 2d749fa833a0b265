"""Incremental builds never keep what a clean build would not show.

Sphinx rewrites a page only when its own source changed, so two kinds of
output outlive their cause:

- A page with a ``{post}``, ``{lecture}`` or ``{paper}`` link keeps the
  title and address of the target as it was when the page was last
  written, even after the target was renamed, retitled or deleted; and the
  ``journal.xref`` warning of a link to nothing is given once, so the next
  ``-W`` build passes. The journal roles a document uses are recorded when
  it is read (store ``xrefs``); after every read, a page is rewritten (its
  links resolved again) when what any of its links points at changed, and
  on every build while one of them points at nothing.
- The page of a deleted or renamed post stays in the output, listed by no
  index yet served and searchable. Its page (and its ``_sources`` copy) is
  removed when Sphinx reports the document gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx import addnodes

from sphinx_journal.domain import journal_domain
from sphinx_journal.pages.freshness import digest
from sphinx_journal.posts.reading import is_post

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_FINGERPRINTS = "xref_fingerprints"


def _record_xrefs(app: Sphinx, doctree: nodes.document) -> None:
    """Remember the journal roles ``env.docname`` uses (type and target)."""
    used = sorted(
        {
            (str(node["reftype"]), str(node["reftarget"]).strip())
            for node in doctree.findall(addnodes.pending_xref)
            if node.get("refdomain") == "journal"
        }
    )
    if used:
        journal_domain(app.env).xrefs.set(app.env.docname, tuple(used))


def _resolutions(env: BuildEnvironment) -> dict[str, tuple[str, list[Any]]]:
    """Per document: a digest of every target its journal links can land on, and whether
    one of them lands nowhere (its warning must be given again)."""
    domain = journal_domain(env)
    found: dict[str, tuple[str, list[Any]]] = {}
    for docname, used in domain.xrefs.items():
        shown = []
        for typ, target in used:
            candidates = [
                (t.docname, t.anchor, t.title, t.docname in env.all_docs)
                for t in domain.targets(typ).get(target, [])
            ]
            shown.append([typ, target, candidates])
        found[docname] = (digest(shown), [s for s in shown if not s[2]])
    return found


def _stale_links(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = journal_domain(env)
    current = _resolutions(env)
    previous: dict[str, str] = domain.data.get(_FINGERPRINTS, {})
    domain.data[_FINGERPRINTS] = {doc: value[0] for doc, value in current.items()}
    return sorted(
        doc
        for doc, (fingerprint, unresolved) in current.items()
        if doc in env.all_docs and (unresolved or previous.get(doc) != fingerprint)
    )


def _outputs_of(app: Sphinx, docname: str) -> list[Path]:
    """The files a builder wrote for ``docname`` (none for builders of one book)."""
    builder: Any = app.builder
    outdir = Path(builder.outdir)
    found: list[Path] = []
    if hasattr(builder, "get_outfilename") and builder.name not in ("singlehtml", "epub"):
        found.append(Path(builder.get_outfilename(docname)))
        link_suffix = app.config.html_sourcelink_suffix  # _sources/<docname><suffix>.txt
        for suffix in app.config.source_suffix:
            name = f"{docname}{suffix}"
            if not name.endswith(link_suffix):
                name += link_suffix
            found.append(outdir / "_sources" / name)
    elif builder.name in ("text", "xml", "pseudoxml"):
        found.append(outdir / f"{docname}{builder.out_suffix}")
    root = outdir.resolve()
    return [p for p in found if p.resolve().is_relative_to(root) and p.is_file()]


def _remove_deleted_posts(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    for docname in sorted(removed):
        if is_post(app.config, docname):
            for path in _outputs_of(app, docname):
                path.unlink()
    return []


def setup_staleness(app: Sphinx) -> None:
    app.connect("doctree-read", _record_xrefs)
    app.connect("env-updated", _stale_links)
    app.connect("env-get-outdated", _remove_deleted_posts)
