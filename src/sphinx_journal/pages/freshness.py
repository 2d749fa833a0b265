"""Which pages to rewrite after an incremental read, and only those.

A page that shows cross-post content (a listing directive, a post's
previous/next links) is not re-read when another post changes. After every
read, a stable digest of what each such part would show is compared with
the last build's; the pages whose digest changed are returned from
``env-updated`` and rewritten. Digests use SHA-256 of a JSON dump, never
``hash()``, which differs between processes.

Computing what a part shows costs a walk over the journal; a fingerprint
registered with its ``inputs`` (the domain stores it reads) is kept from the
last build, uncomputed, while none of them changed (the stores keep their
digests as documents are read, see :class:`~sphinx_journal.domain.Store`), so
a rebuild after an edit computes only the parts the edit can change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx_journal.compat import bibtex_bibfiles, bibtex_citation_refs
from sphinx_journal.config import journal_config
from sphinx_journal.domain import STORES, journal_domain
from sphinx_journal.pages.heatmap import build_date
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.site import site_of
from sphinx_journal.site.registry import Inputs, registry_of
from sphinx_journal.version import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

T = TypeVar("T")

_KEY = "fingerprints"


def digest(value: object) -> str:
    """A digest of ``value`` that is the same in every process and every run."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    # a file name that is not UTF-8 reaches a URL as lone surrogates: digest them too
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]  # 64 bits


def source_digests(env: BuildEnvironment) -> dict[str, str]:
    """A digest of each input a page or a fingerprint can be made from.

    One per domain store (kept up to date by the store as documents are read,
    so no record is digested again), and ``cite`` for sphinxcontrib-bibtex's
    citations and bib files.
    """
    domain = journal_domain(env)
    result = {store: domain.store(store).digest() for store in STORES}
    result["cite"] = digest(
        [
            sorted(
                (r.docname, r.citation_ref_id, [t.key for t in r.targets])
                for r in bibtex_citation_refs(env)
            ),
            sorted((path, repr(info)) for path, info in bibtex_bibfiles(env).items()),
        ]
    )
    return result


def _common(env: BuildEnvironment) -> list[object]:
    """What every fingerprint may read besides its stores: the rules, the settings, the day,
    the posts' Jekyll URLs (links by URL)."""
    urls = sorted(site_of(env).urls.items())
    return [
        __version__,
        repr(journal_config(env.config)),
        env.config.language,
        str(build_date()),
        digest(urls),
    ]


class _Memo:
    """This build's fingerprints, each taken from the last build while its inputs are unchanged."""

    def __init__(self, env: BuildEnvironment, previous: Mapping[str, Any]) -> None:
        self.sources = source_digests(env)
        self.common = digest(_common(env))
        self.old_keys: Mapping[str, Any] = previous.get("keys") or {}
        self.old_values: Mapping[str, Any] = previous.get("values") or {}
        self.keys: dict[str, str] = {}
        self.values: dict[str, Any] = {}

    def get(self, name: str, inputs: Inputs, compute: Callable[[], T]) -> T:
        key = None
        if inputs is not None:
            key = digest([self.common, [self.sources.get(i, i) for i in inputs]])
        value: Any
        if key is not None and self.old_keys.get(name) == key and name in self.old_values:
            value = self.old_values[name]
        else:
            value = compute()
        if key is not None:
            self.keys[name] = key
        self.values[name] = value
        return value  # type: ignore[no-any-return]

    def kept(self) -> dict[str, Any]:
        return {"keys": self.keys, "values": self.values}


def _frame(env: BuildEnvironment, memo: _Memo) -> str:
    frames = registry_of(env).frame_fingerprints
    return digest(
        {
            name: memo.get(
                f"frame:{name}",
                frames[name].inputs,
                lambda name=name: digest(frames[name].fingerprint(env)),  # type: ignore[misc]
            )
            for name in sorted(frames)
        }
    )


def _stored_frame(env: BuildEnvironment, kept: object) -> str | None:
    """The frame digest of kept fingerprints, if they hold every frame."""
    values = kept.get("values") if isinstance(kept, dict) else None
    if not isinstance(values, dict):
        return None
    frames = registry_of(env).frame_fingerprints
    found = {name: values.get(f"frame:{name}") for name in sorted(frames)}
    if not all(isinstance(value, str) for value in found.values()):
        return None
    return digest(found)


def frame_fingerprint(env: BuildEnvironment) -> str:
    """A digest of the journal content shown on every page, as this build found it.

    ``env-updated``, which comes before any page is written, keeps it.
    """
    kept = _stored_frame(env, journal_domain(env).data[_KEY])
    return kept if kept is not None else _frame(env, _Memo(env, {}))


def _neighbours(env: BuildEnvironment) -> dict[str, int]:
    index = post_index(env)
    return {
        post.docname: _short(
            [(p.docname, p.title) if p else None for p in index.neighbours(post.docname)]
        )
        for post in index.posts
    }


def _short(value: object) -> int:
    """:func:`digest` as a number: a document's digests are kept for every post."""
    return int(digest(value), 16)


def _document_views(env: BuildEnvironment, memo: _Memo) -> list[str]:
    """The names under which ``memo`` holds, per document, a digest of a cross-post part
    (its neighbours, its connections, its papers …)."""
    names = ["doc:neighbours"]
    memo.get("doc:neighbours", ("posts",), lambda: _neighbours(env))
    per_doc = registry_of(env).doc_fingerprints
    for name in sorted(per_doc):
        entry = per_doc[name]
        names.append(f"doc:{name}")
        memo.get(
            f"doc:{name}",
            entry.inputs,
            lambda entry=entry: {  # type: ignore[misc]
                docname: _short(shown) for docname, shown in entry.fingerprint(env).items()
            },
        )
    return names


def _changed(old: object, new: object) -> set[str]:
    """The keys whose values differ between two mappings (all of ``new`` if ``old`` is none)."""
    if not isinstance(new, dict):
        return set()
    if not isinstance(old, dict):
        return set(new)
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def _on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = journal_domain(env)
    domain.refresh()  # derived views are recomputed once reading is over
    listings = domain.listings
    registry = registry_of(env)
    previous = domain.data[_KEY] if isinstance(domain.data[_KEY], dict) else {}
    memo = _Memo(env, previous)
    old_frame = _stored_frame(env, previous)
    frame = _frame(env, memo)
    used = sorted({kind for kinds in listings.values() for kind in kinds})
    for kind in used:
        listing = registry.listing(kind)
        memo.get(
            f"listing:{kind}",
            listing.inputs,
            lambda listing=listing: digest(listing.fingerprint(env)),  # type: ignore[misc]
        )
    views = _document_views(env, memo)
    domain.data[_KEY] = memo.kept()
    if old_frame != frame:
        return sorted(env.all_docs)
    changed = {
        kind
        for kind in used
        if memo.old_values.get(f"listing:{kind}") != memo.values[f"listing:{kind}"]
    }
    stale = {doc for doc, kinds in listings.items() if changed.intersection(kinds)}
    for name in views:
        stale |= _changed(memo.old_values.get(name), memo.values[name])
    return sorted(doc for doc in stale if doc in env.all_docs)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-updated", _on_env_updated)
