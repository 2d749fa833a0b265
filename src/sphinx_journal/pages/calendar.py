"""The calendar heatmap: ``{journal-calendar}`` and the journal home's calendar.

Plain HTML and CSS, no script: each day is an element with
``data-date="YYYY-MM-DD"``, a tooltip, and a link to that day's post. Other
builders get the streaks in words.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_journal.domain import journal_domain
from sphinx_journal.i18n import _, format_day
from sphinx_journal.pages.heatmap import Day, streaks, year_weeks
from sphinx_journal.pages.listing import ListingDirective
from sphinx_journal.pages.registry import ListingContext, register_home_block, register_listing
from sphinx_journal.posts.index import post_index

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_journal.posts.record import Post


def day_data(env: BuildEnvironment) -> tuple[dict[dt.date, Day], dict[dt.date, Post]]:
    """Per day: posts and schedule completion; and the first post of each day."""
    days: dict[dt.date, Day] = {}
    first: dict[dt.date, Post] = {}
    schedules = journal_domain(env).store("schedules")
    for post in post_index(env).posts:
        if post.meta.date is None:
            continue
        date = post.meta.date.day
        done = total = 0
        for schedule in schedules.get(post.docname, ()):
            done += schedule.done
            total += schedule.total
        before = days.get(date, Day(date))
        days[date] = Day(date, before.posts + 1, before.done + done, before.total + total)
        first.setdefault(date, post)
    return days, first


def _tooltip(day: Day, post: Post | None, language: str | None) -> str:
    parts = [format_day(day.date, language)]
    if day.posts:
        parts.append(_("{count} post(s)").format(count=day.posts))
    if day.total:
        parts.append(_("{done} / {total} done").format(done=day.done, total=day.total))
    if post is not None:
        parts.append(post.title)
    return " · ".join(parts)


def calendar_html(env: BuildEnvironment, link: Any, years: list[int] | None = None) -> str:
    """The heatmap of ``years`` (default: every year with a post), newest year first."""
    days, first = day_data(env)
    if not days:
        return ""
    language = env.config.language
    chosen = sorted(years or {day.year for day in days}, reverse=True)
    found = streaks(days)
    parts = ['<div class="journal-calendar">']
    summary = _("Current streak: {current} days · Longest streak: {longest} days").format(
        current=found.current, longest=found.longest
    )
    parts.append(f'<p class="journal-streaks">{html.escape(summary)}</p>')
    for year in chosen:
        parts.append(f'<div class="journal-calendar-year" data-year="{year}">')
        parts.append(f'<p class="journal-calendar-label">{year}</p>')
        parts.append('<div class="journal-calendar-grid" role="grid">')
        for column in year_weeks(year, days):
            parts.append('<div class="journal-calendar-week">')
            for cell in column:
                if cell is None:
                    parts.append('<span class="journal-day journal-day-out"></span>')
                    continue
                post = first.get(cell.date)
                tip = html.escape(_tooltip(cell, post, language), quote=True)
                attrs = (
                    f'class="journal-day journal-level-{cell.level}" '
                    f'data-date="{cell.date.isoformat()}" title="{tip}" aria-label="{tip}"'
                )
                if post is not None:
                    href = html.escape(link(post.docname), quote=True)
                    parts.append(f'<a {attrs} href="{href}"></a>')
                else:
                    parts.append(f"<span {attrs}></span>")
            parts.append("</div>")
        parts.append("</div></div>")
    parts.append("</div>")
    return "".join(parts)


def render_calendar(context: ListingContext) -> list[nodes.Node]:
    env = context.env
    year = context.options.get("year")
    body = calendar_html(env, context.linker.to, [year] if year else None)
    days, _first = day_data(env)
    found = streaks(days)
    text = str(
        _("Current streak: {current} days · Longest streak: {longest} days").format(
            current=found.current, longest=found.longest
        )
    )
    if not body or context.linker.builder.format != "html":
        return [nodes.paragraph(text, text, classes=["journal-streaks"])]
    return [nodes.raw("", body, format="html")]


class CalendarDirective(ListingDirective):
    """``{journal-calendar}``, optionally ``:year:``."""

    kind = "calendar"
    option_spec: ClassVar[dict[str, Any]] = {"year": directives.unchanged}

    def check_options(self) -> dict[str, Any]:
        raw = self.options.get("year")
        if raw is None:
            return {"year": None}
        try:
            year = int(raw)
        except ValueError:
            year = 0
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            self.warn_option("year", f"{raw!r} is not a year from 1 to 9999; showing every year")
            return {"year": None}
        return {"year": year}


def _fingerprint(env: BuildEnvironment) -> object:
    days, first = day_data(env)
    return [(str(d), repr(days[d]), first[d].docname, first[d].title) for d in sorted(days)]


register_listing("calendar", render_calendar, _fingerprint)
register_home_block("calendar", 10, render_calendar)


def setup_calendar(app: Sphinx) -> None:
    """Register ``{journal-calendar}`` and the home page's calendar."""
    app.add_directive("journal-calendar", CalendarDirective)
