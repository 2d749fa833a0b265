"""The lecture, retrospective, peer-session and progress pages, and their listings.

The generated pages and the ``{journal-lectures}``, ``{journal-retrospectives}``
and ``{journal-progress}`` directives render with the same functions, so a
listing on any page shows exactly what the journal's page shows. The lecture
index's tables are :mod:`.lecture_index`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_journal.config import journal_config
from sphinx_journal.i18n import _, format_day, format_short_day, ngettext
from sphinx_journal.pagenames import PagePaths
from sphinx_journal.pages import render
from sphinx_journal.pages.listing import ListingDirective
from sphinx_journal.posts.index import post_index, post_title
from sphinx_journal.posts.weeks import week
from sphinx_journal.records.sections import Schedule
from sphinx_journal.sections import index, lecture_index
from sphinx_journal.sections.chart import ChartText, Column, week_chart
from sphinx_journal.sections.nodes import checkbox, progress_bar
from sphinx_journal.site.links import Linker
from sphinx_journal.site.registry import GeneratedPage, JournalRegistry, ListingContext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def dated_entry(
    kind: str,
    day: dt.date | None,
    link: nodes.Node,
    paragraphs: Iterable[str],
    language: str | None,
    extras: str = "",
) -> nodes.container:
    """One note of a post (a retrospective, a peer session): its date, its post, its text.

    ``kind`` names the classes (``journal-<kind>-entry``, ``-head``, ``-meta``,
    ``-text``) that the theme styles, so every listing of such notes looks alike.
    """
    entry = nodes.container(classes=[f"journal-{kind}-entry"])
    head = nodes.paragraph(classes=[f"journal-{kind}-head"])
    if day:
        shown = format_day(day, language)
        head += nodes.inline(shown, shown, classes=["journal-post-date"])
        head += nodes.Text(" ")
    head += link
    if extras:
        text = " · " + extras
        head += nodes.inline(text, text, classes=[f"journal-{kind}-meta"])
    entry += head
    for text in paragraphs:
        entry += nodes.paragraph(text, text, classes=[f"journal-{kind}-text"])
    return entry


def retrospective_list(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """Every retrospective, newest first, each with its post."""
    result: list[nodes.Node] = []
    for retro in index.retrospectives(env):
        extras = []
        if retro.mood:
            extras.append(retro.mood)
        if retro.rating is not None:
            extras.append("★" * retro.rating + "☆" * (5 - retro.rating))
        link = render.link(linker, retro.docname, post_title(env, retro.docname), retro.anchor)
        result.append(
            dated_entry(
                "retrospective",
                retro.date,
                link,
                retro.paragraphs,
                env.config.language,
                " ".join(extras),
            )
        )
    return result or render.empty(str(_("No retrospectives yet.")))


def peer_session_list(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """Every peer-session note, newest first, each linked to its post."""
    result: list[nodes.Node] = [
        dated_entry(
            "peer-session",
            note.date,
            render.link(linker, note.docname, post_title(env, note.docname), note.anchor),
            note.paragraphs,
            env.config.language,
        )
        for note in index.peer_sessions(env)
    ]
    return result or render.empty(str(_("No peer sessions yet.")))


def _post_links(
    env: BuildEnvironment, linker: Linker, schedules: tuple[Schedule, ...]
) -> list[nodes.Node]:
    """One link per post a day's schedules come from, to its first schedule."""
    seen: dict[str, Schedule] = {}
    for schedule in schedules:
        seen.setdefault(schedule.docname, schedule)
    result: list[nodes.Node] = []
    for schedule in seen.values():
        if result:
            result.append(nodes.Text(", "))
        result.append(
            render.link(
                linker, schedule.docname, post_title(env, schedule.docname), schedule.anchor
            )
        )
    return result


def _chart_words() -> ChartText:
    return ChartText(
        caption=str(_("Items scheduled each week; the filled part is done.")),
        done=str(_("Done")),
        not_done=str(_("Not done")),
        table=str(_("The weeks as a table")),
        week=str(_("Week")),
        done_column=str(_("Done")),
        total_column=str(_("Scheduled")),
        share_column=str(_("Share done")),
        value=str(_("{done} / {total} done")),
    )


def _week_view(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """Completion by week: a chart (and its table) in HTML, a list of bars elsewhere."""
    language = env.config.language
    paths = PagePaths(journal_config(env.config).path)
    with_posts = {  # weeks that have a digest
        week(env, post.meta.date.day).key
        for post in post_index(env).posts
        if post.meta.date is not None
    }
    columns: list[Column] = []
    by_week = nodes.bullet_list(classes=["journal-progress-weeks"])
    for tally in index.weeks(env):
        first_day = tally.schedules[0].date
        found = week(env, first_day) if first_day is not None else None
        digest = found is not None and tally.key in with_posts and linker.pages_exist
        label = nodes.paragraph(classes=["journal-week-label"])
        if found is not None and tally.key in with_posts:
            label += render.week_label_node(linker, paths, found)
        else:
            label += nodes.Text(tally.label)
        item = nodes.list_item()
        item += label
        item += progress_bar(tally.done, tally.total)
        by_week += item
        # a course week is short already ("8주차"); an ISO week is named by its Monday
        course = found is not None and found.key.startswith("course-")
        short = tally.label if course or found is None else format_short_day(found.start, language)
        href = linker.to(paths.week(found.slug)) if digest and found is not None else None
        columns.append(Column(tally.label, short, tally.done, tally.total, href))
    if not columns:
        return []
    if linker.builder.format == "html":
        return [nodes.raw("", week_chart(columns, _chart_words()), format="html")]
    return [by_week]


def progress_view(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """Completion by week (a chart) and by day, and every item still open."""
    language = env.config.language
    week_view = _week_view(env, linker)
    days = nodes.bullet_list(classes=["journal-progress-days"])
    for tally in index.days(env):
        item = nodes.list_item()
        para = nodes.paragraph()
        first = tally.schedules[0]
        day = format_day(first.date, language) if first.date else str(_("undated"))
        para += nodes.inline(day, day, classes=["journal-post-date"])
        para += nodes.Text(" ")
        para.extend(_post_links(env, linker, tally.schedules))
        item += para
        item += progress_bar(tally.done, tally.total)
        days += item
    open_list = nodes.bullet_list(classes=["journal-open-items"])
    for entry in index.open_items(env):
        item = nodes.list_item()
        para = nodes.paragraph()
        para += checkbox(False)
        para += nodes.Text(entry.text + " — ")
        if entry.schedule.label:
            where = entry.schedule.label + " · "
            para += nodes.inline(where, where, classes=["journal-task-section"])
        para.extend(_post_links(env, linker, (entry.schedule,)))
        days_text = " " + (
            ngettext("(open for {days} day)", "(open for {days} days)", entry.days_open).format(
                days=entry.days_open
            )
            if entry.days_open
            else str(_("(opened today)"))
        )
        para += nodes.inline(days_text, days_text, classes=["journal-days-open"])
        item += para
        open_list += item
    nothing = str(_("Nothing here yet."))
    # no task anywhere is "nothing yet", not "all done"
    all_done = str(_("Every item is done.")) if index.schedules(env) else nothing
    return [
        render.section(
            str(_("By week")),
            "progress-by-week",
            week_view or [nodes.paragraph(nothing, nothing)],
        ),
        render.section(
            str(_("By day")),
            "progress-by-day",
            [days] if days.children else [nodes.paragraph(nothing, nothing)],
        ),
        render.section(
            str(_("Open items")),
            "open-items",
            [open_list] if open_list.children else [nodes.paragraph(all_done, all_done)],
        ),
    ]


def section_pages(app: Sphinx) -> Iterator[GeneratedPage]:
    paths = PagePaths(journal_config(app.config).path)
    env = app.env
    yield GeneratedPage(
        paths.page("lectures"),
        str(_("Lectures")),
        lambda linker: lecture_index.lecture_page(env, linker),
        nav_order=40,
        inputs=("lectures", "posts"),
    )
    yield GeneratedPage(
        paths.page("retrospectives"),
        str(_("Retrospectives")),
        lambda linker: retrospective_list(env, linker),
        nav_order=50,
        inputs=("retrospectives", "posts"),
    )
    yield GeneratedPage(
        paths.page("peer-sessions"),
        str(_("Peer sessions")),
        lambda linker: peer_session_list(env, linker),
        nav_order=55,
        inputs=("peer_sessions", "posts"),
    )
    yield GeneratedPage(
        paths.page("progress"),
        str(_("Progress")),
        lambda linker: progress_view(env, linker),
        nav_order=60,
        inputs=("schedules", "posts"),
    )


class LecturesDirective(ListingDirective):
    """``{journal-lectures}`` with ``:by: speaker|affiliation|series|tag|week``."""

    kind = "lectures"
    option_spec: ClassVar[dict[str, Any]] = {"by": directives.unchanged}

    def check_options(self) -> dict[str, Any]:
        by = (self.options.get("by") or "").strip()
        if by and by not in index.GROUPINGS:
            self.warn_option(
                "by", f"{by!r} is not one of {', '.join(index.GROUPINGS)}; showing every grouping"
            )
            by = ""
        return {"by": by}


class RetrospectivesDirective(ListingDirective):
    kind = "retrospectives"


class PeerSessionsDirective(ListingDirective):
    kind = "peer-sessions"


class ProgressDirective(ListingDirective):
    kind = "progress"


def _render_lectures(context: ListingContext) -> list[nodes.Node]:
    by = context.options.get("by")
    if by:
        table = lecture_index.lecture_table(context.env, context.linker, by)
        return lecture_index.table_nodes(table, context.linker)
    return lecture_index.lecture_page(context.env, context.linker)


def _titles(env: BuildEnvironment) -> list[tuple[str, str, str]]:
    """The posts' titles and dates: listings show titles, and open items count to a date."""
    return [
        (post.docname, post.title, post.meta.date.day.isoformat() if post.meta.date else "")
        for post in post_index(env).posts
    ]


def register(registry: JournalRegistry) -> None:
    """The progress, lecture, retrospective and peer-session pages and listings."""
    registry.add_pages("sections", section_pages)
    registry.add_listing(
        "lectures",
        _render_lectures,
        lambda env: [repr(lecture) for lecture in index.lectures(env)],
        inputs=("lectures", "posts"),
    )
    registry.add_listing(
        "retrospectives",
        lambda c: retrospective_list(c.env, c.linker),
        lambda env: [[repr(r) for r in index.retrospectives(env)], _titles(env)],
        inputs=("retrospectives", "posts"),
    )
    registry.add_listing(
        "peer-sessions",
        lambda c: peer_session_list(c.env, c.linker),
        lambda env: [[repr(r) for r in index.peer_sessions(env)], _titles(env)],
        inputs=("peer_sessions", "posts"),
    )
    registry.add_listing(
        "progress",
        lambda c: progress_view(c.env, c.linker),
        lambda env: [[repr(s) for s in index.schedules(env)], _titles(env)],
        inputs=("schedules", "posts"),
    )
