"""Which pages to rewrite after an incremental read, and only those.

A page that shows cross-post content (a listing directive, a post's
previous/next links) is not re-read when another post changes. After every
read, a stable digest of what each such part would show is compared with
the last build's; the pages whose digest changed are returned from
``env-updated`` and rewritten. Digests use SHA-256 of a JSON dump, never
``hash()``, which differs between processes.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sphinx_journal.domain import journal_domain
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.registry import registry_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def digest(value: object) -> str:
    """A digest of ``value`` that is the same in every process and every run."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]  # 64 bits, kept per page


def frame_fingerprint(env: BuildEnvironment) -> str:
    """A digest of the journal content shown on every page."""
    frames = registry_of(env).frame_fingerprints
    return digest({name: frames[name](env) for name in sorted(frames)})


def _document_views(env: BuildEnvironment) -> dict[str, list[object]]:
    """Per document, the cross-post content it shows (its neighbours, its cited papers …)."""
    index = post_index(env)
    views: dict[str, list[object]] = {
        post.docname: [
            [(p.docname, p.title) if p else None for p in index.neighbours(post.docname)]
        ]
        for post in index.posts
    }
    per_doc = registry_of(env).doc_fingerprints
    for name in sorted(per_doc):
        for docname, shown in per_doc[name](env).items():
            views.setdefault(docname, []).append([name, shown])
    return views


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = journal_domain(env)
    domain.refresh()  # derived views are recomputed once reading is over
    listings = domain.listings
    registry = registry_of(env)
    used = sorted({kind for kinds in listings.values() for kind in kinds})
    frame = frame_fingerprint(env)
    shown = {kind: digest(registry.listing(kind).fingerprint(env)) for kind in used}
    documents = {doc: digest(views) for doc, views in _document_views(env).items()}
    previous: dict[str, Any] = domain.data["fingerprints"]
    domain.data["fingerprints"] = {"frame": frame, "listings": shown, "documents": documents}
    if previous.get("frame") != frame:
        return sorted(env.all_docs)
    old_listings = previous.get("listings", {})
    changed = {kind for kind in used if old_listings.get(kind) != shown[kind]}
    stale = {doc for doc, kinds in listings.items() if changed.intersection(kinds)}
    old_documents = previous.get("documents", {})
    stale |= {doc for doc, value in documents.items() if old_documents.get(doc) != value}
    return sorted(doc for doc in stale if doc in env.all_docs)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-updated", _on_env_updated)
