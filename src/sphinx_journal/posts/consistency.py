"""Checks across posts, run once per build after reading (``env-check-consistency``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.posts.index import post_index
from sphinx_journal.warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def _check_taxonomies(app: Sphinx, env: BuildEnvironment) -> None:
    """Two spellings with one slug are one tag: say so where the other spelling is used."""
    index = post_index(env)
    for kind, keys, taxa in (
        ("tag", ("tags", "tag"), index.tags),
        ("category", ("categories", "category"), index.categories),
    ):
        for taxon in taxa.values():
            for alias in taxon.aliases:
                post = next(
                    p
                    for p in reversed(taxon.posts)
                    if alias in (p.tags if kind == "tag" else p.categories)
                )
                line = next(
                    (post.meta.key_lines[k] for k in keys if k in post.meta.key_lines), None
                )
                warn(
                    "tag",
                    f"{kind} {alias!r} has the same URL slug {taxon.slug!r} as "
                    f"{taxon.name!r}; they are listed as one {kind}",
                    (post.docname, line),
                )


def setup_consistency(app: Sphinx) -> None:
    app.connect("env-check-consistency", _check_taxonomies)
