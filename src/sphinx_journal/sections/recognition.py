"""Records from a read document: directives, and a plain post's recognised headings.

Runs as a transform right after the post transform, on the parsed
document: checkboxes become builder-neutral, progress bars are added, and
the schedules, lectures and retrospectives of the document go into the
domain. Speaker and affiliation of a recognised lecture come from the same
post's schedule items shaped like ``Speaker (Affiliation) - Title``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_journal.config import journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.posts.metadata import PostMeta
from sphinx_journal.posts.reading import post_meta
from sphinx_journal.posts.slugs import slugify
from sphinx_journal.sections.checklist import collect_tasks, convert_checkboxes
from sphinx_journal.sections.directives import KIND
from sphinx_journal.sections.headings import normalize_heading, section_kind
from sphinx_journal.sections.nodes import progress_bar
from sphinx_journal.sections.records import Lecture, Retrospective, Schedule, Task
from sphinx_journal.warnings_ import warn


def _containers(root: nodes.Node, kind: str) -> list[nodes.container]:
    return [node for node in root.findall(nodes.container) if node.get(KIND) == kind]


def _anchor(node: nodes.Element) -> str:
    return str(node["ids"][0]) if node["ids"] else ""


def _day(value: str | None, fallback: dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else fallback


def speakers_from_tasks(
    tasks: Iterator[Task] | tuple[Task, ...], pattern: re.Pattern[str]
) -> dict[str, tuple[str, str]]:
    """Normalised lecture title -> (speaker, affiliation), from ``Speaker (Aff) - Title`` items."""
    found: dict[str, tuple[str, str]] = {}
    for task in tasks:
        match = pattern.match(task.text)
        if match is None:
            continue
        groups = match.groupdict()
        title = normalize_heading(groups.get("title") or "")
        if title:
            found.setdefault(
                title,
                ((groups.get("speaker") or "").strip(), (groups.get("affiliation") or "").strip()),
            )
    return found


def _paragraphs(root: nodes.Element) -> tuple[str, ...]:
    texts = []
    for paragraph in root.findall(nodes.paragraph):
        if "journal-retrospective-meta" in paragraph["classes"]:
            continue
        text = " ".join(paragraph.astext().split())
        if text:
            texts.append(text)
    return tuple(texts)


class SectionsTransform(SphinxTransform):
    """Make the records of a document's schedules, lectures and retrospectives."""

    default_priority = 410  # after the post transform gave the post its title

    def apply(self, **kwargs: Any) -> None:
        meta = post_meta(self.env)
        containers = {
            kind: _containers(self.document, kind)
            for kind in ("schedule", "lecture", "retrospective")
        }
        if meta is None and not any(containers.values()):
            return
        config = journal_config(self.config)
        docname = self.env.docname
        post_day = meta.date.day if meta is not None and meta.date is not None else None
        if meta is not None:
            convert_checkboxes(self.document)
        else:
            for container in containers["schedule"]:
                convert_checkboxes(container)

        schedules = [self._schedule(c, post_day) for c in containers["schedule"]]
        lectures = [self._lecture(c, post_day) for c in containers["lecture"]]
        retrospectives = [self._retrospective(c, post_day) for c in containers["retrospective"]]
        if meta is not None:
            self._recognise(meta, config.sections, post_day, schedules, lectures, retrospectives)
            speakers = speakers_from_tasks(
                (task for schedule in schedules for task in schedule.tasks),
                config.lecture_regex,
            )
            lectures = [self._with_speaker(lecture, speakers) for lecture in lectures]

        domain = journal_domain(self.env)
        for store, records in (
            ("schedules", schedules),
            ("lectures", lectures),
            ("retrospectives", retrospectives),
        ):
            if records:
                domain.set_record(store, docname, tuple(records))

    def _schedule(self, container: nodes.container, post_day: dt.date | None) -> Schedule:
        tasks = collect_tasks(container)
        container.insert(0, progress_bar(sum(t.done for t in tasks), len(tasks)))
        if not container["ids"]:
            self.document.set_id(container)
        return Schedule(
            self.env.docname,
            _anchor(container),
            _day(container.get("journal_date"), post_day),
            tasks,
            container.line,
        )

    def _retrospective(self, container: nodes.container, post_day: dt.date | None) -> Retrospective:
        if not container["ids"]:
            self.document.set_id(container)  # the retrospectives page links right to it
        return Retrospective(
            self.env.docname,
            _anchor(container),
            post_day,
            _paragraphs(container),
            container.get("journal_mood", ""),
            container.get("journal_rating"),
            container.line,
        )

    def _lecture_anchor(self, node: nodes.Element, label: str) -> str:
        """``lecture-<label>``: an anchor that survives edits of the post.

        docutils ids are ASCII, so a Korean title's section is ``id4`` and
        becomes ``id5`` when a heading is added above it, breaking every
        link other projects made through ``objects.inv``. The label's id
        (Unicode letters are valid in HTML ids; LaTeX escapes them) is added
        beside the node's own ids, so the heading's permalink is unchanged.
        A label used twice in one post keeps the node's own id for the second.
        """
        anchor = f"lecture-{label}"
        owner = self.document.ids.get(anchor)
        if owner is not None and owner is not node:
            if not node["ids"]:
                self.document.set_id(node)
            return _anchor(node)
        if anchor not in node["ids"]:
            node["ids"].append(anchor)
            self.document.ids[anchor] = node
        return anchor

    def _lecture(self, container: nodes.container, post_day: dt.date | None) -> Lecture:
        return Lecture(
            docname=self.env.docname,
            anchor=self._lecture_anchor(container, container["journal_label"]),
            title=container["journal_title"],
            explicit_label=(
                ""
                if container["journal_label"] == slugify(container["journal_title"])
                else container["journal_label"]
            ),
            date=_day(container.get("journal_date"), post_day),
            speaker=container.get("journal_speaker", ""),
            affiliation=container.get("journal_affiliation", ""),
            series=container.get("journal_series", ""),
            tags=tuple(container.get("journal_tags", ())),
            line=container.line,
        )

    def _recognise(
        self,
        meta: PostMeta,
        sections: dict[str, str] | Any,
        post_day: dt.date | None,
        schedules: list[Schedule],
        lectures: list[Lecture],
        retrospectives: list[Retrospective],
    ) -> None:
        """Sections whose headings ``journal_sections`` names, unless a directive already did."""
        docname = self.env.docname
        for section in list(self.document.findall(nodes.section)):
            title = section[0].astext() if section.children else ""
            kind = section_kind(title, sections)
            if kind == "schedule" and not _containers(section, "schedule"):
                tasks = collect_tasks(section)
                if not tasks:
                    warn(
                        "schedule",
                        f"section {title!r} has no task list ('- [ ] item' lines); "
                        "nothing to count",
                        section,
                    )
                    continue
                section.insert(1, progress_bar(sum(t.done for t in tasks), len(tasks)))
                schedules.append(Schedule(docname, _anchor(section), post_day, tasks, section.line))
            elif kind == "lectures":
                for sub in section.children:
                    if isinstance(sub, nodes.section) and not _containers(sub, "lecture"):
                        sub_title = " ".join(sub[0].astext().split())
                        lectures.append(
                            Lecture(
                                docname,
                                self._lecture_anchor(sub, slugify(sub_title)),
                                sub_title,
                                "",
                                post_day,
                                line=sub.line,
                            )
                        )
            elif kind == "retrospective" and not _containers(section, "retrospective"):
                retrospectives.append(
                    Retrospective(
                        docname, _anchor(section), post_day, _paragraphs(section), line=section.line
                    )
                )

    @staticmethod
    def _with_speaker(lecture: Lecture, speakers: dict[str, tuple[str, str]]) -> Lecture:
        if lecture.speaker:
            return lecture
        found = speakers.get(normalize_heading(lecture.title))
        if found is None:
            return lecture
        speaker, affiliation = found
        return dataclasses.replace(
            lecture, speaker=speaker, affiliation=lecture.affiliation or affiliation
        )
