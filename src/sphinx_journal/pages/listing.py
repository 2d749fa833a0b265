"""Listing directives: ``{journal-posts}`` and the base the other listings share.

A listing directive only records that its page shows a listing (so the
page is rewritten when what it shows changes) and leaves a placeholder;
the content is rendered at write time from the current records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages.render import FORMATS, post_list
from sphinx_journal.posts.index import post_index
from sphinx_journal.records.post import Post
from sphinx_journal.site.nodes import journal_listing
from sphinx_journal.site.registry import JournalRegistry, ListingContext
from sphinx_journal.warnings_ import warn


def split_option(value: str | None) -> tuple[str, ...]:
    """``a, b`` or ``a b`` as names (the rule tags follow in front matter)."""
    if not value:
        return ()
    parts = value.split(",") if "," in value else value.split()
    return tuple(part.strip() for part in parts if part.strip())


class ListingDirective(SphinxDirective):
    """Base of the ``journal-*`` listing directives."""

    kind: ClassVar[str]
    has_content = False
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def check_options(self) -> dict[str, Any]:
        """The options as the renderer wants them; problems warned, defaults kept."""
        return dict(self.options)

    def warn_option(self, name: str, message: str) -> None:
        warn("listing", f"{self.name}: option :{name}: {message}", self.get_location())

    def run(self) -> list[nodes.Node]:
        node = journal_listing(kind=self.kind, options=self.check_options())
        self.set_source_info(node)
        domain = journal_domain(self.env)
        kinds = set(domain.listings.get(self.env.docname) or ())
        domain.listings.set(self.env.docname, tuple(sorted(kinds | {self.kind})))
        return [node]


class PostsDirective(ListingDirective):
    """``{journal-posts}``: posts filtered by tags, category and year."""

    kind = "posts"
    option_spec: ClassVar[dict[str, Any]] = {
        "tags": directives.unchanged,
        "category": directives.unchanged,
        "year": directives.unchanged,
        "limit": directives.unchanged,
        "format": directives.unchanged,
    }

    def check_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "tags": split_option(self.options.get("tags")),
            "category": split_option(self.options.get("category")),
            "format": "list",
            "year": None,
            "limit": None,
        }
        fmt = (self.options.get("format") or "list").strip()
        if fmt in FORMATS:
            options["format"] = fmt
        else:
            self.warn_option("format", f"{fmt!r} is not one of {', '.join(FORMATS)}; using list")
        for name in ("year", "limit"):
            raw = self.options.get(name)
            if raw is None:
                continue
            try:
                number = int(raw)
                if number < 1:
                    raise ValueError
                options[name] = number
            except ValueError:
                self.warn_option(name, f"{raw!r} is not a positive whole number; ignored")
        return options


def filter_posts(posts: Iterable[Post], options: dict[str, Any] | Any) -> list[Post]:
    """The posts a ``{journal-posts}`` listing shows, newest first."""
    tags = {slugify(tag) for tag in options.get("tags", ())}
    categories = {slugify(name) for name in options.get("category", ())}
    year = options.get("year")
    chosen = [
        post
        for post in posts
        if (not tags or tags & {slugify(tag) for tag in post.tags})
        and (not categories or categories & {slugify(name) for name in post.categories})
        and (year is None or (post.meta.date is not None and post.meta.date.day.year == year))
    ]
    limit = options.get("limit")
    return chosen[:limit] if limit else chosen


def render_posts(context: ListingContext) -> list[nodes.Node]:
    index = post_index(context.env)
    config = journal_config(context.env.config)
    posts = filter_posts(index.newest_first, context.options)
    return post_list(
        posts,
        context.linker,
        PagePaths(config.path),
        context.env.config.language,
        context.options.get("format", "list"),
    )


def posts_fingerprint(env: Any) -> object:
    """Everything a post listing can show, in order."""
    return [
        (
            post.docname,
            post.title,
            post.meta.subtitle,
            post.excerpt,
            post.meta.date.isoformat() if post.meta.date else None,
            post.tags,
            post.categories,
        )
        for post in post_index(env).posts
    ]


def register(registry: JournalRegistry) -> None:
    """The ``{journal-posts}`` listing."""
    registry.add_listing("posts", render_posts, posts_fingerprint, inputs=("posts",))
