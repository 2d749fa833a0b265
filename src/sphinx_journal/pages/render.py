"""Records to docutils nodes, shared by the generated pages and the listing directives.

Every function takes a :class:`~.links.Linker` for the page being written,
so the same listing renders correctly on a post, on ``journal/index`` or on
a page of another project, under ``html`` and ``dirhtml`` alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence

from docutils import nodes

from sphinx_journal.i18n import _, format_day, format_month
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.records.post import Post
from sphinx_journal.records.post_index import PostIndex, Taxon
from sphinx_journal.records.weeks import Week
from sphinx_journal.site.badges import CATEGORY_BADGE, TAG_BADGE, badges
from sphinx_journal.site.links import Linker

FORMATS = ("list", "cards", "timeline", "compact")


def link(
    linker: Linker, pagename: str, text: str, anchor: str = "", classes: Sequence[str] = ()
) -> nodes.reference | nodes.inline:
    """An internal link to ``pagename`` showing ``text`` (never interpreted as markup).

    Builders whose pages have no addresses (text, man) get the text alone: man
    would print an empty address after it (``Reading notes <>``).
    """
    return linked(linker.to(pagename, anchor), text, classes)


def linked(uri: str, text: str, classes: Sequence[str] = ()) -> nodes.reference | nodes.inline:
    """``text`` linked to ``uri`` (from :meth:`Linker.to`), or the text alone without one."""
    if not uri:
        return nodes.inline(text, text, classes=list(classes))
    return nodes.reference(text, text, internal=True, refuri=uri, classes=list(classes))


def listed_view(post: Post) -> tuple[str, str, str]:
    """What a listing shows of a post (its docname, title and date), as a value to digest:
    a page listing posts is rendered again only when this changed for one of them."""
    return (post.docname, post.title, post.meta.date.isoformat() if post.meta.date else "")


def empty(text: str) -> list[nodes.Node]:
    """What a listing shows when it has nothing to list."""
    return [nodes.paragraph(text, text, classes=["journal-empty"])]


def _date_text(post: Post, language: str | None) -> str:
    return format_day(post.meta.date.day, language) if post.meta.date else _("undated")


def _badges(post: Post, linker: Linker, paths: PagePaths) -> list[nodes.Node]:
    def link(page: str) -> nodes.Element | None:
        if not linker.pages_exist:
            return None
        return nodes.reference(
            "", "", internal=True, refuri=linker.to(page), classes=["journal-badge"]
        )

    return [
        *badges(post.categories, paths.category, CATEGORY_BADGE, link),
        *badges(post.tags, paths.tag, TAG_BADGE, link),
    ]


def post_item(
    post: Post, linker: Linker, paths: PagePaths, language: str | None, *, excerpt: bool = True
) -> list[nodes.Node]:
    """The paragraphs describing one post in a listing."""
    head = nodes.paragraph(classes=["journal-post-item-head"])
    date = _date_text(post, language)
    head += nodes.inline(date, date, classes=["journal-post-date"])
    head += nodes.Text(" ")
    head += link(linker, post.docname, post.title, classes=["journal-post-title"])
    result: list[nodes.Node] = [head]
    if post.meta.subtitle:
        result.append(
            nodes.paragraph(
                post.meta.subtitle, post.meta.subtitle, classes=["journal-post-subtitle"]
            )
        )
    if excerpt and post.excerpt:
        result.append(nodes.paragraph(post.excerpt, post.excerpt, classes=["journal-excerpt"]))
    badges = _badges(post, linker, paths)
    if badges:
        para = nodes.paragraph(classes=["journal-post-badges"])
        para.extend(badges)
        result.append(para)
    return result


def post_list(
    posts: Iterable[Post], linker: Linker, paths: PagePaths, language: str | None, fmt: str = "list"
) -> list[nodes.Node]:
    """Posts as a list, cards or a timeline (grouped by month)."""
    posts = list(posts)
    if not posts:
        return empty(str(_("No posts yet.")))
    if fmt == "cards":
        return [_cards(posts, linker, paths, language)]
    if fmt == "timeline":
        return _timeline(posts, linker, paths, language)
    if fmt == "compact":
        return [_compact(posts, linker, language)]
    items = nodes.bullet_list(classes=["journal-post-list"])
    for post in posts:
        item = nodes.list_item(classes=["journal-post-item"])
        item.extend(post_item(post, linker, paths, language))
        items += item
    return [items]


def _compact(posts: list[Post], linker: Linker, language: str | None) -> nodes.bullet_list:
    """One line per post, date and title: the long listings (archive, a tag's posts)."""
    items = nodes.bullet_list(classes=["journal-post-list", "journal-compact"])
    for post in posts:
        item = nodes.list_item(classes=["journal-post-item"])
        para = nodes.paragraph(classes=["journal-post-item-head"])
        date = format_day(post.meta.date.day, language, "medium") if post.meta.date else ""
        para += nodes.inline(
            date or _("undated"), date or _("undated"), classes=["journal-post-date"]
        )
        para += nodes.Text(" ")
        para += link(linker, post.docname, post.title, classes=["journal-post-title"])
        item += para
        items += item
    return items


def _natural(text: str) -> tuple[object, ...]:
    """A sort key that puts "2주차" before "10주차"."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


def _cards(
    posts: list[Post], linker: Linker, paths: PagePaths, language: str | None
) -> nodes.container:
    grid = nodes.container(
        classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "journal-cards"]
    )
    row = nodes.container(
        classes=[
            "sd-row",
            "sd-row-cols-1",
            "sd-row-cols-sm-1",
            "sd-row-cols-md-2",
            "sd-row-cols-lg-2",
            "sd-g-3",
        ]
    )
    grid += row
    for post in posts:
        col = nodes.container(classes=["sd-col", "sd-d-flex-row"])
        card = nodes.container(
            classes=["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "journal-card"]
        )
        body = nodes.container(classes=["sd-card-body"])
        body.extend(post_item(post, linker, paths, language))
        card += body
        col += card
        row += col
    return grid


def _timeline(
    posts: list[Post], linker: Linker, paths: PagePaths, language: str | None
) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    current: tuple[int, int] | None = None
    items = nodes.bullet_list()
    for post in posts:
        month = (post.meta.date.day.year, post.meta.date.day.month) if post.meta.date else None
        if month != current or not result:
            current = month
            label = format_month(*month, language) if month else _("undated")
            result.append(nodes.rubric(label, label, classes=["journal-timeline-month"]))
            items = nodes.bullet_list(classes=["journal-timeline"])
            result.append(items)
        item = nodes.list_item(classes=["journal-timeline-item"])
        item.extend(post_item(post, linker, paths, language, excerpt=False))
        items += item
    return result


def week_label_node(linker: Linker, paths: PagePaths, week: Week) -> nodes.Node:
    """A week's label in bold, linked to the week's digest where generated pages exist."""
    strong = nodes.strong(week.label, week.label)
    if not linker.pages_exist:
        return strong
    ref = nodes.reference(
        "",
        "",
        internal=True,
        refuri=linker.to(paths.week(week.slug)),
        classes=["journal-week-link"],
    )
    ref += strong
    return ref


def section(title: str, ids: str, children: Iterable[nodes.Node]) -> nodes.section:
    """A titled section of a generated page."""
    node = nodes.section(ids=[ids], classes=["journal-section"])
    node += nodes.title(title, title)
    node.extend(children)
    return node


def taxonomy_index(
    taxa: Iterable[Taxon], linker: Linker, page_of: str, paths: PagePaths
) -> list[nodes.Node]:
    """Every tag (or category) with its number of posts, in natural order of their names."""
    ordered = sorted(taxa, key=lambda t: (_natural(t.name), t.slug))
    if not ordered:
        return empty(str(_("Nothing here yet.")))
    items = nodes.bullet_list(classes=["journal-taxonomy"])
    for taxon in ordered:
        pagename = paths.tag(taxon.slug) if page_of == "tag" else paths.category(taxon.slug)
        para = nodes.paragraph()
        para += link(linker, pagename, taxon.name)
        count = f" ({len(taxon.posts)})"
        para += nodes.inline(count, count, classes=["journal-count"])
        item = nodes.list_item()
        item += para
        items += item
    return [items]


def archive(
    index: PostIndex,
    linker: Linker,
    paths: PagePaths,
    language: str | None,
    week: Callable[[dt.date], Week],
) -> list[nodes.Node]:
    """Posts by year and month, then by week."""
    result: list[nodes.Node] = []
    for year, months in index.by_month():
        year_section = section(str(year), f"year-{year}", [])
        for month, posts in months:
            label = format_month(year, month, language)
            year_section += section(
                label,
                f"month-{year}-{month:02d}",
                post_list(posts, linker, paths, language, "compact"),
            )
        result.append(year_section)
    if index.undated:
        result.append(
            section(
                _("Undated"),
                "undated",
                post_list(reversed(index.undated), linker, paths, language, "compact"),
            )
        )
    weeks: dict[str, tuple[Week, list[Post]]] = {}
    for post in index.newest_first:
        if post.meta.date is not None:
            found = week(post.meta.date.day)
            weeks.setdefault(found.key, (found, []))[1].append(post)
    if weeks:
        by_week = nodes.bullet_list(classes=["journal-weeks"])
        for key in sorted(weeks, reverse=True):
            found, posts = weeks[key]
            item = nodes.list_item()
            para = nodes.paragraph()
            para += week_label_node(linker, paths, found)
            para += nodes.Text(": ")
            for position, post in enumerate(reversed(posts)):
                if position:
                    para += nodes.Text(", ")
                para += link(linker, post.docname, post.title)
            item += para
            by_week += item
        result.append(section(_("By week"), "by-week", [by_week]))
    return result
