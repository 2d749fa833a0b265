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
from sphinx_journal.i18n import _, format_day, month_abbreviations, ngettext, weekday_abbreviations
from sphinx_journal.pages.heatmap import Day, Streaks, build_date, streaks, year_weeks
from sphinx_journal.pages.listing import ListingDirective
from sphinx_journal.posts.index import post_index
from sphinx_journal.site.registry import JournalRegistry, ListingContext

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_journal.records.post import Post


def day_data(env: BuildEnvironment) -> tuple[dict[dt.date, Day], dict[dt.date, Post]]:
    """Per day: posts and schedule completion; and the first post of each day."""
    days: dict[dt.date, Day] = {}
    first: dict[dt.date, Post] = {}
    schedules = journal_domain(env).schedules
    for post in post_index(env).posts:
        if post.meta.date is None:
            continue
        date = post.meta.date.day
        done = total = 0
        for schedule in schedules.get(post.docname) or ():
            done += schedule.done
            total += schedule.total
        before = days.get(date, Day(date))
        days[date] = Day(date, before.posts + 1, before.done + done, before.total + total)
        first.setdefault(date, post)
    return days, first


def _tooltip(day: Day, post: Post | None, language: str | None) -> str:
    parts = [format_day(day.date, language)]
    if day.posts:
        parts.append(ngettext("{count} post", "{count} posts", day.posts).format(count=day.posts))
    if day.total:
        parts.append(_("{done} / {total} done").format(done=day.done, total=day.total))
    if post is not None:
        parts.append(post.title)
    return " · ".join(parts)


def streak_text(found: Streaks) -> str:
    """ "Current streak: 3 days · Longest streak: 5 days"; no current streak once it has ended."""
    parts = []
    if found.current:
        parts.append(
            ngettext(
                "Current streak: {count} day", "Current streak: {count} days", found.current
            ).format(count=found.current)
        )
    parts.append(
        ngettext(
            "Longest streak: {count} day", "Longest streak: {count} days", found.longest
        ).format(count=found.longest)
    )
    return " · ".join(str(part) for part in parts)


def _legend(language: str | None) -> str:
    cells = "".join(
        f'<span class="journal-day journal-legend-cell journal-level-{level}"></span>'
        for level in range(5)
    )
    less, more = html.escape(str(_("Less"))), html.escape(str(_("More")))
    return (
        f'<p class="journal-calendar-legend" aria-hidden="true">'
        f"<span>{less}</span>{cells}<span>{more}</span></p>"
    )


def _year_html(
    year: int,
    days: dict[dt.date, Day],
    first: dict[dt.date, Post],
    link: Any,
    language: str | None,
    until: dt.date,
) -> list[str]:
    months = month_abbreviations(language)
    weekdays = weekday_abbreviations(language)
    parts = [f'<div class="journal-calendar-year" data-year="{year}">']
    parts.append(f'<p class="journal-calendar-label">{year}</p>')
    parts.append('<div class="journal-calendar-body">')
    # weekday labels stay put; the weeks scroll, opening at the newest (right-hand) end
    parts.append('<div class="journal-calendar-weekdays" aria-hidden="true"><span></span>')
    for position, name in enumerate(weekdays):
        text = html.escape(name) if position % 2 == 0 else ""
        parts.append(f"<span>{text}</span>")
    parts.append("</div>")
    parts.append('<div class="journal-calendar-scroll">')
    parts.append('<div class="journal-calendar-grid" role="grid">')
    columns = year_weeks(year, days, until)
    for position, column in enumerate(columns):
        cells = [cell for cell in column if cell is not None]
        starts = [cell.date for cell in cells if cell.date.day == 1]
        label = months[starts[0].month - 1] if starts else ""
        if not label and cells and cells[0].date == dt.date(year, 1, 1):
            label = months[0]
        # a label is wider than its column and runs on over the next ones; in the last
        # two columns of a long year there are none, so it runs back over the previous
        # ones instead (a year of one or two weeks, only January, has room: min-width)
        month_class = "journal-calendar-month"
        if label and len(columns) > 4 and position >= len(columns) - 2:
            month_class += " journal-calendar-month-end"
        parts.append('<div class="journal-calendar-week">')
        parts.append(f'<span class="{month_class}">{html.escape(label)}</span>')
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
    parts.append("</div></div></div></div>")
    return parts


def calendar_html(env: BuildEnvironment, link: Any, years: list[int] | None = None) -> str:
    """The heatmap of ``years`` (default: every year with a post), newest year first."""
    days, first = day_data(env)
    if not days:
        return ""
    language = env.config.language
    chosen = sorted(years or {day.year for day in days}, reverse=True)
    newest = max(days)
    parts = ['<div class="journal-calendar">']
    parts.append(f'<p class="journal-streaks">{html.escape(streak_text(streaks(days)))}</p>')
    for year in chosen:
        parts.extend(_year_html(year, days, first, link, language, newest))
    parts.append(_legend(language))
    parts.append("</div>")
    return "".join(parts)


def render_calendar(context: ListingContext) -> list[nodes.Node]:
    env = context.env
    year = context.options.get("year")
    body = calendar_html(env, context.linker.to, [year] if year else None)
    days, _first = day_data(env)
    text = streak_text(streaks(days))
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
    return [str(build_date())] + [
        (str(d), repr(days[d]), first[d].docname, first[d].title) for d in sorted(days)
    ]


def setup_calendar(app: Sphinx) -> None:
    """Register ``{journal-calendar}`` and the home page's calendar."""
    app.add_directive("journal-calendar", CalendarDirective)


def register(registry: JournalRegistry) -> None:
    """The calendar listing and the home page's calendar."""
    registry.add_listing("calendar", render_calendar, _fingerprint, inputs=("posts", "schedules"))
    registry.add_home_block("calendar", 10, render_calendar)
