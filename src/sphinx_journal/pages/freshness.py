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
from typing import TYPE_CHECKING

from sphinx_journal.domain import journal_domain
from sphinx_journal.pages.registry import DOC_FINGERPRINTS, FINGERPRINTS, FRAME_FINGERPRINTS
from sphinx_journal.posts.index import post_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def digest(value: object) -> str:
    """A digest of ``value`` that is the same in every process and every run."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def frame_fingerprint(env: BuildEnvironment) -> str:
    """A digest of the journal content shown on every page."""
    return digest({name: FRAME_FINGERPRINTS[name](env) for name in sorted(FRAME_FINGERPRINTS)})


def _neighbour_digests(env: BuildEnvironment) -> dict[str, str]:
    index = post_index(env)
    return {
        f"neighbours:{post.docname}": digest(
            [(p.docname, p.title) if p else None for p in index.neighbours(post.docname)]
        )
        for post in index.posts
    }


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = journal_domain(env)
    listings = domain.store("listings")
    used = {kind for kinds in listings.values() for kind in kinds}
    current = {
        f"listing:{kind}": digest(FINGERPRINTS[kind](env))
        for kind in sorted(used)
        if kind in FINGERPRINTS
    }
    current |= _neighbour_digests(env)
    current["frame"] = frame_fingerprint(env)
    for name in sorted(DOC_FINGERPRINTS):
        for docname, shown in DOC_FINGERPRINTS[name](env).items():
            current[f"doc:{name}:{docname}"] = digest(shown)
    previous: dict[str, str] = domain.data["fingerprints"]
    changed = {key for key, value in current.items() if previous.get(key) != value}
    domain.data["fingerprints"] = current
    stale: set[str] = set()
    for key in changed:
        kind, _, name = key.partition(":")
        if kind == "frame":
            stale.update(env.all_docs)
        elif kind == "listing":
            stale.update(doc for doc, kinds in listings.items() if name in kinds)
        elif kind == "doc":
            stale.add(name.partition(":")[2])
        else:
            stale.add(name)
    return sorted(doc for doc in stale if doc in env.all_docs)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-updated", _on_env_updated)
