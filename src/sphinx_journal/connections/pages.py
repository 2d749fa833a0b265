"""Sphinx glue: the blocks at the end of every post, the series and week pages, the digest feed.

A post gets a placeholder while it is read (reading never depends on other
posts); the blocks are filled when the post is written, from the derived
:func:`~.index.connections`. What each post shows, and what each series and
week page shows, is fingerprinted, so an incremental build rewrites
exactly the pages whose connections changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_journal import priorities
from sphinx_journal.builders import builder_of, has_journal_pages
from sphinx_journal.compat import user_set
from sphinx_journal.config import journal_config, journal_title
from sphinx_journal.connections import render
from sphinx_journal.connections.digests import Digest
from sphinx_journal.connections.index import connections, digests, series_of_posts
from sphinx_journal.connections.series import Series
from sphinx_journal.domain import journal_domain
from sphinx_journal.feeds import base_url
from sphinx_journal.feeds.atom import FeedEntry, atom_feed
from sphinx_journal.i18n import _, ngettext
from sphinx_journal.jekyll.dates import DateError, parse_date
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages.listing import ListingDirective
from sphinx_journal.pages.render import listed_view
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.reading import post_meta
from sphinx_journal.posts.weeks import week
from sphinx_journal.records.weeks import Week
from sphinx_journal.site.links import Linker
from sphinx_journal.site.nodes import NO_SEARCH
from sphinx_journal.site.outputs import replace_outputs
from sphinx_journal.site.registry import GeneratedPage, JournalRegistry, ListingContext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class post_connections(nodes.General, nodes.Element):
    """Where a post's series, "Linked from" and "Related posts" blocks go."""


class AddConnections(SphinxTransform):
    """Put the connections placeholder at the end of every post."""

    default_priority = priorities.CONNECTIONS_BLOCK

    def apply(self, **kwargs: Any) -> None:
        if post_meta(self.env) is None:
            return
        top = next((n for n in self.document.children if isinstance(n, nodes.section)), None)
        if top is not None:
            top += post_connections()


class ResolveConnections(SphinxPostTransform):
    """Fill a post's blocks: series first (the post's place), then who links here, then related."""

    default_priority = priorities.RESOLVE_CONNECTIONS

    def run(self, **kwargs: Any) -> None:
        placeholders = list(self.document.findall(post_connections))
        if not placeholders:
            return
        docname = self.env.docname
        linker = Linker(builder_of(self.env), docname)
        paths = PagePaths(journal_config(self.config).path)
        language = self.config.language
        found = connections(self.env)
        blocks: list[nodes.Element] = []
        series = found.series_of.get(docname)
        if series is not None:
            blocks.append(render.series_box(series, docname, linker, paths, language))
        if docname in found.linked_from:
            blocks.append(render.linked_from(found.linked_from[docname], linker, language))
        if docname in found.related:
            blocks.append(render.related(found.related[docname], found.labels, linker, language))
        for one in blocks:  # other posts' titles: not what this post says (search, snippets)
            one["classes"].append(NO_SEARCH)
        for placeholder in placeholders:
            placeholder.replace_self(blocks)
            blocks = []


def _series_view(series: Series) -> object:
    return [
        series.name,
        series.slug,
        [(*listed_view(p), p.meta.series_order) for p in series.posts],
    ]


def _per_post(env: BuildEnvironment) -> dict[str, object]:
    """What each post's blocks show (so only posts whose blocks changed are rewritten)."""
    found = connections(env)
    shown: dict[str, object] = {}
    for docname, series in found.series_of.items():
        shown[docname] = {"series": _series_view(series)}
    for docname, posts in found.linked_from.items():
        shown.setdefault(docname, {})["from"] = [listed_view(p) for p in posts]  # type: ignore[index]
    labels = found.labels
    for docname, matches in found.related.items():
        shown.setdefault(docname, {})["related"] = [  # type: ignore[index]
            (*listed_view(post), render.shared_text(match.shared, labels))
            for post, match in matches
        ]
    # a {post} role's text is its target's title, and its link is settled when the page is
    # written: a page must be written again when what its roles name changes or goes
    targets = journal_domain(env).targets("post")
    for docname, outlinks in journal_domain(env).links.items():
        named = [
            (link.target, [(t.docname, t.title) for t in targets.get(link.target, [])[:1]])
            for link in outlinks
            if link.kind == "post"
        ]
        if named:
            shown.setdefault(docname, {})["roles"] = named  # type: ignore[index]
    return shown


def _digest_view(
    env: BuildEnvironment, found: Digest, neighbours: tuple[Digest | None, Digest | None]
) -> object:
    titles = {post.docname: post.title for post in post_index(env).posts}
    linked = {item.schedule.docname for item in found.open_items}
    linked |= {retro.docname for retro in found.retrospectives}
    return [
        found.week,
        [listed_view(post) for post in found.posts],
        [repr(lecture) for lecture in found.lectures],
        [(repr(entry.info), repr(entry.cited[0])) for entry in found.papers],
        found.done,
        found.total,
        [(i.text, i.schedule.docname, i.schedule.anchor, i.days_open) for i in found.open_items],
        found.open_count,
        [repr(retro) for retro in found.retrospectives],
        sorted((doc, titles.get(doc, doc)) for doc in linked),
        [(d.week.slug, d.week.label) if d else None for d in neighbours],
    ]


def _neighbours(all_digests: list[Digest], position: int) -> tuple[Digest | None, Digest | None]:
    before = all_digests[position - 1] if position > 0 else None
    after = all_digests[position + 1] if position + 1 < len(all_digests) else None
    return before, after


#: The stores a week's digest is made from.
DIGEST_INPUTS = ("posts", "lectures", "citations", "schedules", "retrospectives", "cite")


def _weeks_with_posts(env: BuildEnvironment) -> list[Week]:
    """The weeks that have a digest (a dated post), oldest first, without making the digests."""
    found: dict[str, Week] = {}
    for post in post_index(env).posts:
        if post.meta.date is not None:
            one = week(env, post.meta.date.day)
            found.setdefault(one.key, one)
    return [found[key] for key in sorted(found)]


def _digest_at(
    env: BuildEnvironment, key: str
) -> tuple[Digest, tuple[Digest | None, Digest | None]]:
    """The digest of the week ``key`` and its neighbours."""
    all_digests = digests(env)
    positions = journal_domain(env).derived(
        "digest-positions", lambda _: {one.week.key: i for i, one in enumerate(all_digests)}
    )
    position = positions[key]
    return all_digests[position], _neighbours(all_digests, position)


def connection_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    """``journal/series/index``, one page per series, and one digest per week.

    Listing them is cheap (the series and the weeks of the posts); what each
    shows is digested only when its stores changed, and built when written.
    """
    env = app.env
    config = journal_config(app.config)
    paths = PagePaths(config.path)
    language = app.config.language
    all_series = list(series_of_posts(env).values())
    yield GeneratedPage(
        paths.series_index,
        str(_("Series")),
        lambda linker: render.series_index(all_series, linker, paths, language),
        nav_order=35,
        shows=lambda: [[s.name, s.slug, len(s.posts)] for s in all_series],
    )
    for series in all_series:
        yield GeneratedPage(
            paths.series(series.slug),
            _("Series: {name}").format(name=series.name),
            lambda linker, series=series: render.series_page(series, linker, language),  # type: ignore[misc]
            shows=lambda series=series: _series_view(series),  # type: ignore[misc]
        )
    feed = f"{config.path}/weeks.xml" if base_url(app) else None
    for one in _weeks_with_posts(env):

        def build(linker: Linker, key: str = one.key) -> list[nodes.Node]:
            found, neighbours = _digest_at(env, key)
            return render.digest_body(
                found, neighbours, post_index(env), linker, paths, language, section=True, feed=feed
            )

        def shows(key: str = one.key) -> object:
            return [feed, _digest_view(env, *_digest_at(env, key))]

        yield GeneratedPage(
            paths.week(one.slug),
            _("Weekly digest: {label}").format(label=one.label),
            build,
            inputs=DIGEST_INPUTS,
            shows=shows,
        )


def _summary(found: Digest) -> str:
    parts = [
        ngettext("{count} post", "{count} posts", len(found.posts)).format(count=len(found.posts)),
        ngettext("{count} lecture", "{count} lectures", len(found.lectures)).format(
            count=len(found.lectures)
        ),
        ngettext("{count} new paper", "{count} new papers", len(found.papers)).format(
            count=len(found.papers)
        ),
    ]
    if found.total:
        parts.append(_("{done} / {total} done").format(done=found.done, total=found.total))
    titles = " · ".join(post.title for post in found.posts)
    return " · ".join(parts) + f". {titles}"


def write_digest_feed(app: Sphinx) -> list[Any]:
    """``journal/weeks.xml``: the newest ``journal_feed_length`` digests, one entry per week."""
    if not has_journal_pages(app.builder):
        return []
    base = base_url(app)
    config = journal_config(app.config)
    files: dict[str, str] = {}
    if base:
        paths = PagePaths(config.path)
        newest = list(reversed(digests(app.env)))[: config.feed_length]
        relative = f"{config.path}/weeks.xml"
        files[relative] = atom_feed(
            feed_url=base + relative,
            site_url=base + app.builder.get_target_uri(paths.home),
            title=f"{journal_title(app.config)} · {_('Weekly digests')}",
            author=app.config.author if user_set(app.config, "author") else app.config.project,
            entries=[
                FeedEntry(
                    url=base + app.builder.get_target_uri(paths.week(one.week.slug)),
                    title=_("Weekly digest: {label}").format(label=one.week.label),
                    updated=one.updated,
                    summary=_summary(one),
                )
                for one in newest
            ],
        )
    replace_outputs(app, "digest-feed", files)
    return []


class SeriesDirective(ListingDirective):
    """``{journal-series}``: every series, or the one named by the argument."""

    kind = "series"
    optional_arguments = 1
    final_argument_whitespace = True

    def check_options(self) -> dict[str, Any]:
        name = self.arguments[0].strip() if self.arguments else ""
        return {"series": slugify(name) if name else ""}


class WeekDirective(ListingDirective):
    """``{journal-week}`` with a day (``2021-09-24``) or a week (``2021-W38``): its digest."""

    kind = "week"
    required_arguments = 1
    final_argument_whitespace = True

    def check_options(self) -> dict[str, Any]:
        argument = self.arguments[0].strip()
        try:
            day = parse_date(argument).day
        except DateError:
            return {"week": argument, "day": None}
        return {"week": "", "day": day.isoformat()}


def _render_series(context: ListingContext) -> list[nodes.Node]:
    found = connections(context.env)
    language = context.env.config.language
    chosen = context.options.get("series", "")
    listed = [found.series[chosen]] if chosen in found.series else []
    if not chosen:
        listed = list(found.series.values())
    result: list[nodes.Node] = []
    paths = PagePaths(journal_config(context.env.config).path)
    for series in listed:
        title = _("Series: {name}").format(name=series.name)
        result.append(nodes.rubric(title, title, classes=["journal-group"]))
        result.append(render.series_list(series, context.linker, language))
        if context.linker.pages_exist:
            para = nodes.paragraph(classes=["journal-more"])
            para += render.page_or_text(
                context.linker, paths.series(series.slug), str(_("All posts of the series"))
            )
            result.append(para)
    return result or [nodes.paragraph(str(_("No series yet.")), str(_("No series yet.")))]


def _find_week(env: BuildEnvironment, options: Any) -> tuple[list[Digest], int] | None:
    all_digests = digests(env)
    day = options.get("day")
    wanted = options.get("week", "")
    if day:
        key = week(env, dt.date.fromisoformat(day)).key
        matches = [i for i, d in enumerate(all_digests) if d.week.key == key]
    else:
        matches = [
            i
            for i, d in enumerate(all_digests)
            if wanted in (d.week.slug, d.week.label, d.week.key)
        ]
    return (all_digests, matches[0]) if matches else None


def _render_week(context: ListingContext) -> list[nodes.Node]:
    found = _find_week(context.env, context.options)
    if found is None:
        text = str(_("Nothing here yet."))
        return [nodes.paragraph(text, text, classes=["journal-empty"])]
    all_digests, position = found
    one = all_digests[position]
    paths = PagePaths(journal_config(context.env.config).path)
    title = _("Weekly digest: {label}").format(label=one.week.label)
    head = nodes.rubric(title, title, classes=["journal-week-title"])
    body = render.digest_body(
        one,
        _neighbours(all_digests, position),
        post_index(context.env),
        context.linker,
        paths,
        context.env.config.language,
        section=False,
    )
    return [head, *body]


def _all_series_view(env: BuildEnvironment) -> object:
    return [_series_view(series) for series in connections(env).series.values()]


def _all_digests_view(env: BuildEnvironment) -> object:
    all_digests = digests(env)
    return [
        _digest_view(env, one, _neighbours(all_digests, position))
        for position, one in enumerate(all_digests)
    ]


def register(registry: JournalRegistry) -> None:
    """The series and week pages and listings, and what posts show of each other."""
    registry.add_pages("connections", connection_pages)
    registry.add_listing("series", _render_series, _all_series_view, inputs=("posts",))
    registry.add_listing("week", _render_week, _all_digests_view, inputs=DIGEST_INPUTS)
    registry.add_doc_fingerprints(
        "connections", _per_post, inputs=("posts", "lectures", "citations", "links", "cite")
    )
