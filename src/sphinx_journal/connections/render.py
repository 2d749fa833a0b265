"""Connections and digests as docutils nodes, shared by posts, generated pages and directives.

Every function takes the :class:`~sphinx_journal.site.links.Linker` of
the page being written. Links to generated pages (a series page, a week's
digest) are made only where those pages exist; elsewhere their text stays.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from docutils import nodes

from sphinx_journal.connections.digests import Digest
from sphinx_journal.connections.related import Feature, Match
from sphinx_journal.connections.series import Series
from sphinx_journal.i18n import _, format_day, ngettext
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages import render
from sphinx_journal.records.post import Post
from sphinx_journal.records.post_index import PostIndex
from sphinx_journal.sections.nodes import checkbox, progress_bar
from sphinx_journal.sections.rollups import dated_entry
from sphinx_journal.site.links import Linker

#: The ids of the blocks at the end of a post (themes, user CSS and tests find them by these).
LINKED_FROM, RELATED, SERIES = "journal-linked-from", "journal-related", "journal-series"


def block(title: str, ids: str, children: Iterable[nodes.Node], *, section: bool) -> nodes.Element:
    """A titled block: a section (on pages), or a container with a rubric (inside a listing)."""
    if section:
        node: nodes.Element = nodes.section(ids=[ids], classes=["journal-connection", ids])
        node += nodes.title(title, title)
    else:
        node = nodes.container(classes=["journal-connection", ids])
        node += nodes.rubric(title, title)
    node.extend(children)
    return node


def _date(post: Post, language: str | None) -> nodes.inline:
    text = format_day(post.meta.date.day, language) if post.meta.date else str(_("undated"))
    return nodes.inline(text, text, classes=["journal-post-date"])


def page_or_text(
    linker: Linker, pagename: str, text: str, classes: Sequence[str] = ()
) -> nodes.Node:
    if linker.pages_exist:
        return render.link(linker, pagename, text, classes=classes)
    return nodes.inline(text, text, classes=list(classes))


def post_line(
    post: Post, linker: Linker, language: str | None, extra: Iterable[nodes.Node] = ()
) -> nodes.list_item:
    """A list item: the post's date and linked title."""
    para = nodes.paragraph(classes=["journal-post-item-head"])
    para += _date(post, language)
    para += nodes.Text(" ")
    para += render.link(linker, post.docname, post.title, classes=["journal-post-title"])
    para.extend(extra)
    item = nodes.list_item(classes=["journal-post-item"])
    item += para
    return item


def linked_from(posts: Sequence[Post], linker: Linker, language: str | None) -> nodes.Element:
    """The "Linked from" block: every post linking here, oldest first."""
    items = nodes.bullet_list(classes=["journal-post-list"])
    items.extend(post_line(post, linker, language) for post in posts)
    return block(str(_("Linked from")), LINKED_FROM, [items], section=True)


def shared_text(shared: Sequence[Feature], labels: Mapping[Feature, str]) -> str:
    """What two posts share, as readers read it: ``Attention Is All You Need · #pytorch``."""
    names = []
    for feature in shared:
        label = labels.get(feature, feature[1])
        names.append(f"#{label}" if feature[0] == "tag" else label)
    return " · ".join(names)


def related(
    matches: Sequence[tuple[Post, Match]],
    labels: Mapping[Feature, str],
    linker: Linker,
    language: str | None,
) -> nodes.Element:
    """The "Related posts" block, strongest first, each with what it shares."""
    items = nodes.bullet_list(classes=["journal-post-list"])
    for post, match in matches:
        text = " — " + shared_text(match.shared, labels)
        extra = [nodes.inline(text, text, classes=["journal-shared"])]
        items += post_line(post, linker, language, extra)
    return block(str(_("Related posts")), RELATED, [items], section=True)


def series_list(
    series: Series, linker: Linker, language: str | None, current: str | None = None
) -> nodes.enumerated_list:
    """The posts of a series in order, ``current`` marked."""
    items = nodes.enumerated_list(classes=["journal-series-list"])
    for post in series.posts:
        if post.docname == current:
            para = nodes.paragraph(classes=["journal-post-item-head"])
            para += _date(post, language)
            para += nodes.Text(" ")
            para += nodes.strong(post.title, post.title, classes=["journal-post-title"])
            item = nodes.list_item(classes=["journal-post-item", "journal-series-current"])
            item += para
            items += item
        else:
            items += post_line(post, linker, language)
    return items


def series_box(
    series: Series, docname: str, linker: Linker, paths: PagePaths, language: str | None
) -> nodes.Element:
    """The series block of a post: its place marked, previous/next within the series."""
    position = series.position(docname) or 0
    title = _("Series: {name}").format(name=series.name)
    place = nodes.paragraph(classes=["journal-series-place"])
    part = _("Part {n} of {total}").format(n=position + 1, total=len(series.posts))
    place += nodes.inline(part, part)
    place += nodes.Text(" · ")
    place += page_or_text(linker, paths.series(series.slug), str(_("All posts of the series")))
    children: list[nodes.Node] = [place, series_list(series, linker, language, docname)]
    before, after = series.neighbours(docname)
    nav = nodes.container(classes=["journal-post-nav", "journal-series-nav"])
    for post, label, css in (
        (before, _("Previous in series"), "journal-prev"),
        (after, _("Next in series"), "journal-next"),
    ):
        if post is not None:
            para = nodes.paragraph(classes=[css])
            para += nodes.inline(label, label, classes=["journal-nav-label"])
            para += nodes.Text(" ")
            para += render.link(linker, post.docname, post.title)
            nav += para
    if nav.children:
        children.append(nav)
    return block(title, SERIES, children, section=True)


def series_index(
    all_series: Iterable[Series], linker: Linker, paths: PagePaths, language: str | None
) -> list[nodes.Node]:
    """Every series: its name, its number of posts, its first and last day."""
    ordered = list(all_series)
    if not ordered:
        return render.empty(str(_("No series yet.")))
    items = nodes.bullet_list(classes=["journal-series-index"])
    for series in ordered:
        para = nodes.paragraph()
        para += page_or_text(linker, paths.series(series.slug), series.name)
        count = (
            " ("
            + ngettext("{count} post", "{count} posts", len(series.posts)).format(
                count=len(series.posts)
            )
            + ")"
        )
        para += nodes.inline(count, count, classes=["journal-count"])
        item = nodes.list_item()
        item += para
        items += item
    return [items]


def series_page(series: Series, linker: Linker, language: str | None) -> list[nodes.Node]:
    return [series_list(series, linker, language)]


def _feed_link(linker: Linker, relative: str, text: str) -> nodes.paragraph:
    """A visible link to a file of the output (a feed) from the page being written."""
    builder: Any = linker.builder  # an HTML builder: only those have generated pages
    here = posixpath.dirname(builder.get_outfilename(linker.fromname))
    outdir = str(builder.outdir)
    href = posixpath.relpath(posixpath.join(outdir, relative), here).replace("\\", "/")
    para = nodes.paragraph(classes=["journal-feed-link"])
    para += nodes.reference(text, text, refuri=href)
    return para


def week_link(
    linker: Linker, paths: PagePaths, slug: str, label: str, classes: Sequence[str] = ()
) -> nodes.Node:
    """A week's label, linked to its digest where the digest exists."""
    return page_or_text(linker, paths.week(slug), label, classes)


def _lecture_items(digest: Digest, linker: Linker) -> list[nodes.Node]:
    lectures = nodes.bullet_list(classes=["journal-lectures"])
    for lecture in digest.lectures:
        para = nodes.paragraph()
        para += render.link(
            linker, lecture.docname, lecture.title, lecture.anchor, ["journal-lecture-link"]
        )
        who = lecture.speaker + (f" ({lecture.affiliation})" if lecture.affiliation else "")
        details = ", ".join(part for part in (who, lecture.series) if part.strip())
        if details:
            text = f" — {details}"
            para += nodes.inline(text, text, classes=["journal-lecture-details"])
        item = nodes.list_item()
        item += para
        lectures += item
    return [lectures] if digest.lectures else []


def _paper_items(digest: Digest, linker: Linker) -> list[nodes.Node]:
    papers = nodes.bullet_list(classes=["journal-papers"])
    for entry in digest.papers:
        para = nodes.paragraph(classes=["journal-paper-head"])
        first = entry.cited[0]
        para += render.link(linker, first.docname, entry.info.title, first.anchor)
        ident = f" ({entry.info.id})"
        para += nodes.inline(ident, ident, classes=["journal-paper-id"])
        item = nodes.list_item()
        item += para
        papers += item
    return [papers] if digest.papers else []


def _open_items(
    digest: Digest, linker: Linker, titles: dict[str, str], paths: PagePaths
) -> list[nodes.Node]:
    open_list = nodes.bullet_list(classes=["journal-open-items"])
    for still_open in digest.open_items:
        para = nodes.paragraph()
        para += checkbox(False)
        para += nodes.Text(still_open.text + " — ")
        schedule = still_open.schedule
        title = titles.get(schedule.docname, schedule.docname)
        para += render.link(linker, schedule.docname, title, schedule.anchor)
        days = " " + _("(open for {days} days)").format(days=still_open.days_open)
        para += nodes.inline(days, days, classes=["journal-days-open"])
        item = nodes.list_item()
        item += para
        open_list += item
    if not digest.open_items:
        return []
    result: list[nodes.Node] = [open_list]
    older = digest.open_count - len(digest.open_items)
    if older > 0:
        text = ngettext(
            "{count} item opened earlier is still open too: see the progress page",
            "{count} items opened earlier are still open too: see the progress page",
            older,
        ).format(count=older)
        more = nodes.paragraph(classes=["journal-more", "journal-open-older"])
        if linker.pages_exist:
            more += render.link(linker, paths.page("progress"), text, "open-items")
        else:
            more += nodes.Text(text)
        result.append(more)
    return result


def _retrospectives(
    digest: Digest, linker: Linker, titles: dict[str, str], language: str | None
) -> list[nodes.Node]:
    return [
        dated_entry(
            "retrospective",
            retro.date,
            render.link(
                linker, retro.docname, titles.get(retro.docname, retro.docname), retro.anchor
            ),
            retro.paragraphs,
            language,
        )
        for retro in digest.retrospectives
    ]


def _week_nav(
    neighbours: tuple[Digest | None, Digest | None], linker: Linker, paths: PagePaths
) -> list[nodes.Node]:
    nav = nodes.container(classes=["journal-post-nav", "journal-week-nav"])
    for other, label, css in (
        (neighbours[0], _("Previous week"), "journal-prev"),
        (neighbours[1], _("Next week"), "journal-next"),
    ):
        if other is not None:
            para = nodes.paragraph(classes=[css])
            para += nodes.inline(label, label, classes=["journal-nav-label"])
            para += nodes.Text(" ")
            para += week_link(linker, paths, other.week.slug, other.week.label)
            nav += para
    return [nav] if nav.children else []


def digest_body(
    digest: Digest,
    neighbours: tuple[Digest | None, Digest | None],
    index: PostIndex,
    linker: Linker,
    paths: PagePaths,
    language: str | None,
    *,
    section: bool,
    feed: str | None = None,
) -> list[nodes.Node]:
    """A week's digest: posts, lectures, new papers, completion, open items, retrospectives."""
    week = digest.week
    start, end = format_day(week.start, language), format_day(week.end, language)
    span = nodes.paragraph(classes=["journal-week-span"])
    span += nodes.inline(f"{start} – {end}", f"{start} – {end}", classes=["journal-post-date"])
    result: list[nodes.Node] = [span]
    titles = {post.docname: post.title for post in index.posts}
    posts = nodes.bullet_list(classes=["journal-post-list"])
    posts.extend(post_line(post, linker, language) for post in digest.posts)
    completion: list[nodes.Node] = [progress_bar(digest.done, digest.total)] if digest.total else []
    parts: list[tuple[str, str, list[nodes.Node], str]] = [
        (str(_("Posts")), "posts", [posts], ""),
        (
            str(_("Lectures")),
            "lectures",
            _lecture_items(digest, linker),
            _("No lectures this week."),
        ),
        (
            str(_("Papers first cited this week")),
            "papers",
            _paper_items(digest, linker),
            _("No new papers this week."),
        ),
        (str(_("Completion")), "completion", completion, _("No schedule this week.")),
        (
            str(_("Open at the week's end")),
            "open-items",
            _open_items(digest, linker, titles, paths),
            _("Every item is done."),
        ),
        (
            str(_("Retrospectives")),
            "retrospectives",
            _retrospectives(digest, linker, titles, language),
            _("No retrospectives this week."),
        ),
    ]
    for title, ids, children, nothing in parts:
        content = children or render.empty(str(nothing))
        result.append(block(title, f"week-{ids}", content, section=section))
    result.extend(_week_nav(neighbours, linker, paths))
    if feed is not None and linker.pages_exist:
        result.append(_feed_link(linker, feed, str(_("Feed of weekly digests"))))
    return result
