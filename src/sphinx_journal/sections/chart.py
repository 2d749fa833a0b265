"""The progress page's week chart: static HTML and CSS, readable without script (pure).

One column per week, oldest on the left: its height is the number of items
the week scheduled (relative to the busiest week), its filled part the share
done, so a reader sees both how much was planned and how much got finished.
Each column is a ``role="progressbar"`` (the theme's contract for bars), is
labelled in words, and links to the week's digest; a table with the same
numbers follows for readers who want them exactly. Colours are the theme's
variables, set in the stylesheet, never here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from html import escape


@dataclasses.dataclass(frozen=True)
class Column:
    """One week: its full label, the short one under its column, counts and its digest."""

    label: str
    short: str
    done: int
    total: int
    href: str | None = None


@dataclasses.dataclass(frozen=True)
class ChartText:
    """The chart's words, in the page's language."""

    caption: str
    done: str
    not_done: str
    table: str
    week: str
    done_column: str
    total_column: str
    share_column: str
    value: str  # "{done} / {total} done"


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole > 0 else 0


def _clamped(column: Column) -> tuple[int, int]:
    total = max(column.total, 0)
    return min(max(column.done, 0), total), total


def _column_html(column: Column, busiest: int, words: ChartText) -> str:
    done, total = _clamped(column)
    value = words.value.format(done=done, total=total)
    tip = _attr(f"{column.label} · {value}")
    bar = (
        f'<div class="journal-progress journal-chart-bar" role="progressbar" '
        f'aria-valuemin="0" aria-valuemax="{total}" aria-valuenow="{done}" '
        f'aria-label="{_attr(column.label)}" aria-valuetext="{_attr(value)}" '
        f'style="height: {_percent(total, busiest)}%">'
        f'<div class="journal-progress-fill" style="height: {_percent(done, total)}%"></div>'
        "</div>"
    )
    inner = f'<span class="journal-chart-value" aria-hidden="true">{done}/{total}</span>{bar}'
    label = f'<span class="journal-chart-label">{escape(column.short)}</span>'
    if column.href is not None:
        body = (
            f'<a class="journal-chart-link" href="{_attr(column.href)}" title="{tip}">'
            f'<div class="journal-chart-plot">{inner}</div> {label}</a>'
        )
    else:
        body = f'<div class="journal-chart-plot" title="{tip}">{inner}</div> {label}'
    return f'<li class="journal-chart-column">{body}</li>'


def _table_html(columns: Sequence[Column], words: ChartText) -> str:
    head = "".join(
        f'<th scope="col">{escape(text)}</th>'
        for text in (words.week, words.done_column, words.total_column, words.share_column)
    )
    rows = []
    for column in columns:
        done, total = _clamped(column)
        name = escape(column.label)
        if column.href is not None:
            name = f'<a class="journal-week-link" href="{_attr(column.href)}">{name}</a>'
        rows.append(
            f'<tr><th scope="row" class="journal-week-label">{name}</th>'
            f"<td>{done}</td><td>{total}</td><td>{_percent(done, total)}%</td></tr>"
        )
    return (
        f'<details class="journal-progress-data"><summary>{escape(words.table)}</summary>'
        f'<table class="journal-progress-weeks"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def week_chart(columns: Sequence[Column], words: ChartText) -> str:
    """The chart of ``columns`` (oldest first) and its table, as one ``<figure>``."""
    if not columns:
        return ""
    busiest = max(*(_clamped(c)[1] for c in columns), 1)
    legend = (
        f'<span class="journal-chart-key journal-chart-key-done"></span>{escape(words.done)} '
        f'<span class="journal-chart-key journal-chart-key-open"></span>{escape(words.not_done)}'
    )
    items = "".join(_column_html(column, busiest, words) for column in columns)
    return (
        '<figure class="journal-progress-chart">'
        f'<figcaption class="journal-chart-caption">{escape(words.caption)} '
        f'<span class="journal-chart-legend">{legend}</span></figcaption>'
        # a right-to-left scroller opens at its right end: the newest weeks are in view
        '<div class="journal-chart-scroll">'
        f'<ol class="journal-chart-columns">{items}</ol></div>'
        f"{_table_html(columns, words)}</figure>"
    )
