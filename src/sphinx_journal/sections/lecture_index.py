"""The lecture index: every lecture once per grouping, each grouping one table.

What a view shows is worked out once, as plain data (:class:`LectureTable`),
then written one of two ways. HTML builders render it with the template
``journal/lecture-table.html``, as Sphinx renders its own generated indexes
(``genindex``, the module index) from templates rather than from docutils
trees: the index holds every lecture once per view, and as docutils nodes
(an entry, a paragraph and a text per cell) it was 646,000 nodes at 1,000
posts, built and translated in more time than any other page of the journal.
Other builders (text, LaTeX, man) get the same table as docutils nodes.

The template writes the markup the HTML translator wrote for those nodes,
so the theme's styles and the tabs apply unchanged; every value is escaped
in the template, and a project may override it in its ``templates_path``.
"""

from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING, Final

from docutils import nodes

from sphinx_journal.i18n import _, format_day
from sphinx_journal.pages import render
from sphinx_journal.records.sections import Lecture
from sphinx_journal.sections import index

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_journal.site.links import Linker

TEMPLATE: Final = "journal/lecture-table.html"
COLUMNS: Final = ("date", "lecture", "speaker", "affiliation", "series")


@dataclasses.dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a lecture's row: its text, and the link when it names the lecture."""

    text: str
    column: str
    href: str = ""

    @property
    def css(self) -> str:
        """The cell's class (the lecture's own cell has none: its link has one)."""
        return "" if self.column == "lecture" else f"journal-lecture-{self.column}"


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    """A lecture's row; the first row of a group also names the group, spanning its rows."""

    cells: tuple[Cell, ...]
    group: str | None = None
    span: int = 1


@dataclasses.dataclass(frozen=True, slots=True)
class LectureTable:
    """One view of the lecture index: lectures grouped by ``by``."""

    by: str
    group_title: str
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def _group_titles() -> dict[str, str]:
    return {
        "speaker": str(_("By speaker")),
        "affiliation": str(_("By affiliation")),
        "series": str(_("By series")),
        "tag": str(_("By tag")),
        "week": str(_("By week")),
    }


def _column_titles() -> dict[str, str]:
    """The heading of each column: the lecture's own, and the first one, a view's groups."""
    return {
        "date": str(_("Date")),
        "lecture": str(_("Lecture")),
        "speaker": str(_("Speaker")),
        "affiliation": str(_("Affiliation")),
        "series": str(_("Series")),
        "tag": str(_("Tag")),
        "week": str(_("Week")),
    }


def series_text(lecture: Lecture) -> str:
    """The series and the lecture's number in it ("NLP 3"), or "Lecture 3" without a series."""
    if lecture.number is None:
        return lecture.series
    if lecture.series:
        return f"{lecture.series} {lecture.number}"
    return str(_("Lecture {n}")).format(n=lecture.number)


def _cell(lecture: Lecture, column: str, linker: Linker, language: str | None) -> Cell:
    if column == "lecture":
        return Cell(lecture.title, column, linker.to(lecture.docname, lecture.anchor))
    if column == "date":
        text = format_day(lecture.date, language, "medium") if lecture.date else ""
    elif column == "series":
        text = series_text(lecture)
    else:
        text = str(getattr(lecture, column))
    return Cell(text, column)


def lecture_table(env: BuildEnvironment, linker: Linker, by: str) -> LectureTable | None:
    """Lectures grouped one way: each lecture one row, each group named once.

    The group's name is the first column, one cell spanning the group's rows,
    so a group costs no row of its own (a journal with a different speaker
    for every talk would otherwise list each name twice). The speaker or
    affiliation column a view groups by is that first column (the series
    column stays: it carries each lecture's number); the other
    columns are date, lecture, speaker, affiliation and series, less those
    nobody filled in (no lecture names an affiliation). ``None`` when there
    is no lecture.
    """
    groups = index.group_lectures(env, by)
    if not groups:
        return None
    every = [lecture for _label, members in groups for lecture in members]
    columns = tuple(
        c
        for c in COLUMNS
        if (c != by or by == "series")  # the series column keeps each lecture's number
        and (
            c in ("date", "lecture")
            or any(series_text(x) if c == "series" else getattr(x, c) for x in every)
        )
    )
    language = env.config.language
    not_given = str(_("Not given"))
    rows: list[Row] = []
    for label, members in groups:
        for position, lecture in enumerate(members):
            cells = tuple(_cell(lecture, column, linker, language) for column in columns)
            if position == 0:
                rows.append(Row(cells, label or not_given, len(members)))
            else:
                rows.append(Row(cells))
    titles = _column_titles()
    headers = tuple(titles[c] for c in columns)
    return LectureTable(by, titles[by], columns, headers, tuple(rows))


def table_nodes(table: LectureTable | None, linker: Linker) -> list[nodes.Node]:
    """The view for the page being written: the template's HTML under HTML builders,
    a docutils table under the others, the empty index's line without a lecture."""
    if table is None:
        return render.empty(str(_("No lectures yet.")))
    if _renders_html(linker):
        return [nodes.raw("", table_html(table, linker), format="html")]
    return [_docutils_table(table)]


def _renders_html(linker: Linker) -> bool:
    """HTML builders with templates: Sphinx's HTML builder and every builder derived from it."""
    return linker.builder.format == "html" and hasattr(linker.builder, "templates")


def table_html(table: LectureTable, linker: Linker) -> str:
    """The view written by the template, in the markup of a translated docutils table."""
    templates = linker.builder.templates
    return str(templates.render(TEMPLATE, {"table": table}))


def _entry(*children: nodes.Node, css: str = "") -> nodes.entry:
    entry = nodes.entry(classes=[css] if css else [])
    para = nodes.paragraph()
    para.extend(children)
    entry += para
    return entry


def _docutils_table(table: LectureTable) -> nodes.table:
    node = nodes.table(classes=["journal-lecture-table", f"journal-lectures-by-{table.by}"])
    group = nodes.tgroup(cols=len(table.headers) + 1)
    node += group
    for column in ("group", *table.columns):
        group += nodes.colspec(colwidth=3 if column == "lecture" else 1)
    head = nodes.thead()
    header = nodes.row()
    header += _entry(nodes.Text(table.group_title), css="journal-group-title")
    for title in table.headers:
        header += _entry(nodes.Text(title))
    head += header
    group += head
    body = nodes.tbody()
    for row in table.rows:
        line = nodes.row(classes=["journal-lecture-row"])
        if row.group is not None:
            name = _entry(nodes.strong(row.group, row.group), css="journal-group")
            if row.span > 1:
                name["morerows"] = row.span - 1
            line += name
            line["classes"].append("journal-group-start")
        for cell in row.cells:
            if cell.column == "lecture":
                line += _entry(render.linked(cell.href, cell.text, ("journal-lecture-link",)))
            else:
                line += _entry(nodes.Text(cell.text), css=cell.css)
        body += line
    group += body
    return node


def views(env: BuildEnvironment) -> list[str]:
    """The groupings that say something (a series nobody named is left out)."""
    return [
        by
        for by in index.GROUPINGS
        if by == "speaker" or any(label for label, _ in index.group_lectures(env, by))
    ]


def lecture_page(env: BuildEnvironment, linker: Linker) -> list[nodes.Node]:
    """One table per grouping: as sphinx-design tabs in HTML, as sections elsewhere."""
    titles = _group_titles()
    shown = views(env)
    if not index.lectures(env):
        return render.empty(str(_("No lectures yet.")))
    if linker.builder.format != "html":
        return [
            render.section(
                titles[by], f"by-{by}", table_nodes(lecture_table(env, linker, by), linker)
            )
            for by in shown
        ]
    tabs = nodes.container(classes=["sd-tab-set", "journal-lecture-tabs"])
    for position, by in enumerate(shown):
        ident = f"journal-lectures-{by}"
        checked = ' checked="checked"' if position == 0 else ""
        tabs += nodes.raw(
            "",
            f'<input{checked} id="{ident}" name="journal-lectures" type="radio">'
            f'<label class="sd-tab-label" for="{ident}">{html.escape(titles[by])}</label>',
            format="html",
        )
        content = nodes.container(classes=["sd-tab-content"], ids=[f"by-{by}"])
        content.extend(table_nodes(lecture_table(env, linker, by), linker))
        tabs += content
    return [tabs]
