"""The ``schedule``, ``lecture`` and ``retrospective`` directives.

Each renders its content in a container that carries its options; the
records are made from these containers and from recognised headings alike
(:mod:`.recognition`), so both ways of writing a post give the same result.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinx_journal.i18n import _
from sphinx_journal.jekyll.dates import DateError, parse_date
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.sections.checklist import has_task_list
from sphinx_journal.warnings_ import warn

KIND = "journal_section"


def split_list(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    parts = value.split(",") if "," in value else value.split()
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


class _SectionDirective(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def container(self, kind: str, **attributes: Any) -> nodes.container:
        node = nodes.container(classes=[f"journal-{kind}"], **{KIND: kind}, **attributes)
        self.set_source_info(node)
        return node

    def parse_content(self, node: nodes.Element) -> None:
        node.extend(self.parse_content_to_nodes(allow_section_headings=False))

    def date_option(self, value: str | None, what: str) -> str | None:
        if not value:
            return None
        try:
            return parse_date(value.strip()).day.isoformat()
        except DateError as exc:
            warn(self.kind_subtype, f"{what}: {exc}; the post's date is used", self.get_location())
            return None

    kind_subtype: ClassVar[str] = "schedule"


class ScheduleDirective(_SectionDirective):
    """A day's checklist with a progress bar: ``:::{schedule} 2021-09-24``."""

    kind_subtype = "schedule"

    def run(self) -> list[nodes.Node]:
        date = self.date_option(self.arguments[0] if self.arguments else None, "schedule date")
        node = self.container("schedule", journal_date=date)
        self.parse_content(node)
        if not has_task_list(node):
            warn(
                "schedule",
                "schedule has no task list ('- [ ] item' lines); nothing to count",
                self.get_location(),
            )
        return [node]


class LectureDirective(_SectionDirective):
    """A lecture's notes with speaker, affiliation, series and tags."""

    kind_subtype = "lecture"
    option_spec: ClassVar[dict[str, Any]] = {
        "speaker": directives.unchanged,
        "affiliation": directives.unchanged,
        "series": directives.unchanged,
        "tags": directives.unchanged,
        "date": directives.unchanged,
        "label": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        title = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not title:
            warn("lecture", "lecture has no title; it is listed as untitled", self.get_location())
            title = str(_("Untitled lecture"))
        label = slugify(self.options.get("label") or title)
        node = self.container(
            "lecture",
            journal_title=title,
            journal_label=label,
            journal_speaker=(self.options.get("speaker") or "").strip(),
            journal_affiliation=(self.options.get("affiliation") or "").strip(),
            journal_series=(self.options.get("series") or "").strip(),
            journal_tags=split_list(self.options.get("tags")),
            journal_date=self.date_option(self.options.get("date"), "lecture date"),
        )
        name = nodes.fully_normalize_name(f"lecture-{label}")
        if name not in self.state.document.nameids:
            # a label used twice is journal.lecture's to report (naming both places),
            # not docutils' "duplicate explicit target name"
            node["names"].append(name)
            self.state.document.note_explicit_target(node, node)
        node += nodes.rubric(title, title, classes=["journal-lecture-title"])
        meta = [
            part
            for part in (
                node["journal_speaker"],
                f"({node['journal_affiliation']})" if node["journal_affiliation"] else "",
                node["journal_series"],
            )
            if part
        ]
        if meta:
            text = " ".join(meta[:2]) + (" · " + meta[2] if len(meta) > 2 else "")
            node += nodes.paragraph(text, text, classes=["journal-lecture-meta"])
        self.parse_content(node)
        return [node]


class RetrospectiveDirective(_SectionDirective):
    """A retrospective with a mood and a rating from 1 to 5."""

    kind_subtype = "retrospective"
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {
        "mood": directives.unchanged,
        "rating": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        rating: int | None = None
        raw = self.options.get("rating")
        if raw is not None:
            try:
                rating = int(raw.strip())
                if not 1 <= rating <= 5:
                    raise ValueError
            except ValueError:
                warn(
                    "retrospective",
                    f"rating {raw.strip()!r} is not a whole number from 1 to 5; ignored",
                    self.get_location(),
                )
                rating = None
        mood = (self.options.get("mood") or "").strip()
        node = self.container("retrospective", journal_mood=mood, journal_rating=rating)
        parts = []
        if mood:
            parts.append(_("Mood: {mood}").format(mood=mood))
        if rating is not None:
            parts.append("★" * rating + "☆" * (5 - rating))
        if parts:
            text = " · ".join(parts)
            node += nodes.paragraph(text, text, classes=["journal-retrospective-meta"])
        self.parse_content(node)
        return [node]
