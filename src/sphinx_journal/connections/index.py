"""Sphinx glue: the connections of every post and the weekly digests, derived after reading.

Computed from the domain's stores whenever they changed
(:meth:`~sphinx_journal.domain.JournalDomain.derived`), never stored: a
link to a post added later, or a paper another post starts citing, shows
on the next build without re-reading anything else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from sphinx_journal.bibliography.index import paper_index
from sphinx_journal.config import journal_config
from sphinx_journal.connections.backlinks import backlinks
from sphinx_journal.connections.digests import Digest, build_digests
from sphinx_journal.connections.related import Feature, Match, related
from sphinx_journal.connections.series import Series, build_series
from sphinx_journal.domain import journal_domain
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.posts.index import post_index
from sphinx_journal.posts.site import post_by_url
from sphinx_journal.posts.weeks import week
from sphinx_journal.records.connections import OutLink
from sphinx_journal.records.post import Post
from sphinx_journal.sections import index as sections
from sphinx_journal.sections.headings import normalize_heading

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


@dataclasses.dataclass(frozen=True)
class Connections:
    """What every post's connection blocks show."""

    linked_from: Mapping[str, tuple[Post, ...]]
    """Docname -> the posts linking to it, oldest first."""
    related: Mapping[str, tuple[tuple[Post, Match], ...]]
    labels: Mapping[Feature, str]
    """What readers see for a shared feature (a tag's name, a paper's title …)."""
    series: Mapping[str, Series]
    """Slug -> series, in slug order."""
    series_of: Mapping[str, Series]


def connections(env: BuildEnvironment) -> Connections:
    """The connections of ``env``'s posts (recomputed only when a record changed)."""
    return journal_domain(env).derived("connections", lambda _: _connections(env))


def series_of_posts(env: BuildEnvironment) -> Mapping[str, Series]:
    """Every series, by slug (recomputed only when a record changed)."""
    return journal_domain(env).derived("series", lambda _: build_series(post_index(env).posts))


def _resolver(env: BuildEnvironment, posts: Mapping[str, Post]) -> Callable[[OutLink], str | None]:
    """What a link names: a docname as written, a ``{post}`` target, or a Jekyll URL."""
    domain = journal_domain(env)

    def resolve(link: OutLink) -> str | None:
        if link.kind == "doc":
            return link.target
        if link.kind == "post":
            candidates = domain.targets("post").get(link.target)
            return candidates[0].docname if candidates else None
        if link.kind == "path":
            found = post_by_url(env, "/" + link.target.lstrip("/"))
            return found if found in posts else None
        return None

    return resolve


def _features(
    env: BuildEnvironment, posts: Mapping[str, Post]
) -> tuple[dict[str, set[Feature]], dict[Feature, str]]:
    domain = journal_domain(env)
    features: dict[str, set[Feature]] = {docname: set() for docname in posts}
    labels: dict[Feature, str] = {}
    for docname in sorted(posts):
        for tag in posts[docname].tags:
            feature = ("tag", slugify(tag))
            features[docname].add(feature)
            labels.setdefault(feature, tag)
    for docname, lectures in domain.lectures.items():
        if docname in posts:
            for lecture in lectures:
                if lecture.series.strip():
                    feature = ("series", normalize_heading(lecture.series))
                    features[docname].add(feature)
                    labels.setdefault(feature, lecture.series)
    titles = {str(entry.info.id): entry.info.title for entry in paper_index(env)}
    for docname, citations in domain.citations.items():
        if docname in posts:
            for citation in citations:
                feature = ("paper", str(citation.paper))
                features[docname].add(feature)
                labels.setdefault(feature, titles.get(feature[1], feature[1]))
    return features, labels


def _connections(env: BuildEnvironment) -> Connections:
    index = post_index(env)
    posts = {post.docname: post for post in index.posts}
    resolve = _resolver(env, posts)
    links = journal_domain(env).links.mapping()
    found = backlinks(links, resolve, posts.keys())
    linked_from = {
        target: tuple(sorted((posts[s] for s in sources), key=lambda p: p.sort_key))
        for target, sources in sorted(found.items())
    }
    series = series_of_posts(env)
    series_of = {post.docname: one for one in series.values() for post in one.posts}
    exclude: dict[str, set[str]] = {}
    for docname in posts:
        shown = [*index.neighbours(docname)]
        if docname in series_of:
            shown.extend(series_of[docname].neighbours(docname))
        exclude[docname] = {post.docname for post in shown if post is not None}
    count = journal_config(env.config).related_count
    features, labels = _features(env, posts)
    matches = related(features, count, exclude) if count else {}
    return Connections(
        linked_from=linked_from,
        related={
            docname: tuple((posts[m.docname], m) for m in found_matches)
            for docname, found_matches in sorted(matches.items())
        },
        labels=labels,
        series=series,
        series_of=series_of,
    )


def digests(env: BuildEnvironment) -> list[Digest]:
    """Every week's digest, oldest first."""
    return journal_domain(env).derived("digests", lambda _: _digests(env))


def _digests(env: BuildEnvironment) -> list[Digest]:
    return build_digests(
        post_index(env).posts,
        lambda day: week(env, day),
        sections.lectures(env),
        paper_index(env),
        sections.schedules(env),
        sections.retrospectives(env),
    )
